"""The report as it may be published: figures after suppression, ready for PDF and CSV.

Renderers only ever see this: a sensitive breakdown's raw counts do not reach them, so no
layout bug can print a hidden value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from casa_desk.reports.aggregate import HEADLINE_LABELS, Breakdown, Headline, MonthFigures
from casa_desk.reports.model import OVERDUE_SO_FAR_LABEL
from casa_desk.reports.programme import DEFAULT_NAMES, DEFAULT_REGION, ProgrammeInfo
from casa_desk.reports.suppress import Cell, suppress_line

if TYPE_CHECKING:
    from casa_desk.reports.linked import Linked


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    cell: Cell


@dataclass(frozen=True)
class Table:
    section: str
    title: str
    rows: list[Row]
    total: Cell
    sensitive: bool
    chart: str = ""
    group: str = ""  # tables of one group print as one matrix (see Breakdown.group)


@dataclass(frozen=True)
class HeadlineRow:
    code: str
    label: str
    value: float | int | None
    previous: float | int | None

    @property
    def change(self) -> float | int | None:
        if self.value is None or self.previous is None:
            return None
        return (
            round(self.value - self.previous, 1)
            if isinstance(self.value, float) or isinstance(self.previous, float)
            else self.value - self.previous
        )


@dataclass
class PublishedReport:
    month_label: str  # "ottobre 2026"
    previous_label: str  # "settembre 2026"
    month: str  # "2026-10"
    presidio: str | None
    office_name: str
    generated_on: date
    comment: str
    headline: list[HeadlineRow]
    programme: ProgrammeInfo
    contacts: list[Table] = field(default_factory=list)
    referrals: list[Table] = field(default_factory=list)
    participants_new: list[Table] = field(default_factory=list)
    participants_total: list[Table] = field(default_factory=list)
    exits_new: list[Table] = field(default_factory=list)
    exits_total: list[Table] = field(default_factory=list)
    follow_ups_new: list[Table] = field(default_factory=list)
    follow_ups_total: list[Table] = field(default_factory=list)
    #: When it was generated, Europe/Rome (None: only the day is known, e.g. a golden file).
    generated_at: datetime | None = None

    def sections(self) -> list[tuple[str, list[Table]]]:
        return [
            ("Contatti", self.contacts),
            ("Invii ai servizi", self.referrals),
            ("Partecipanti FSE: nuovi ingressi nel mese", self.participants_new),
            ("Partecipanti FSE: totale dall'avvio", self.participants_total),
            ("Partecipanti FSE: uscite del mese e risultati immediati", self.exits_new),
            ("Partecipanti FSE: uscite dall'avvio e risultati immediati", self.exits_total),
            ("Partecipanti FSE: risultati a sei mesi registrati nel mese", self.follow_ups_new),
            ("Partecipanti FSE: risultati a sei mesi dall'avvio", self.follow_ups_total),
        ]


def publish_table(breakdown: Breakdown, linked: Linked | None = None) -> Table:
    """Apply suppression to a sensitive breakdown; others are published as they are.

    ``linked``: what the consolidated report hides because an office's report hides it
    (:mod:`casa_desk.reports.linked`); its lines are then protected around it."""
    if breakdown.sensitive:
        line = suppress_line(
            [f.value for f in breakdown.items],
            sensitive=[f.sensitive for f in breakdown.items],
            total_fixed=breakdown.total_fixed,
            linked=[f.code in linked.codes for f in breakdown.items] if linked else (),
            linked_total=bool(linked and linked.total),
            partners=[f.code in breakdown.partners for f in breakdown.items],
            hidden=[f.code in breakdown.hidden for f in breakdown.items],
            hidden_total=breakdown.hidden_total,
            withheld=[f.code in breakdown.withheld for f in breakdown.items],
        )
        cells, total = line.cells, line.total
    else:
        cells, total = [Cell(f.value) for f in breakdown.items], Cell(breakdown.total)
    rows = [Row(f.code, f.label, c) for f, c in zip(breakdown.items, cells, strict=True)]
    return Table(
        breakdown.section,
        breakdown.title,
        rows,
        total,
        breakdown.sensitive,
        breakdown.chart,
        breakdown.group,
    )


def _headline(current: Headline, previous: Headline, *, in_course: bool) -> list[HeadlineRow]:
    labels = dict(HEADLINE_LABELS)
    if in_course:  # a month not ended has no "month end" yet
        labels["overdue_follow_ups"] = OVERDUE_SO_FAR_LABEL
    return [
        HeadlineRow(code, label, getattr(current, code), getattr(previous, code))
        for code, label in labels.items()
    ]


def publish(
    figures: MonthFigures,
    *,
    comment: str = "",
    generated_on: date,
    programme: ProgrammeInfo | None = None,
    generated_at: datetime | None = None,
    linked: Mapping[str, Linked] | None = None,
) -> PublishedReport:
    """Suppress every sensitive breakdown; ``programme`` is what the report prints about
    its programme (None: the figures' programme with its default name and no CUP);
    ``linked``: by section, what the consolidated report hides to protect the offices'
    reports (:func:`casa_desk.reports.linked.hide_linked`)."""
    linked = linked or {}

    def tables(breakdowns: list[Breakdown]) -> list[Table]:
        return [publish_table(b, linked.get(b.section)) for b in breakdowns]

    return PublishedReport(
        generated_at=generated_at,
        month_label=figures.month.label,
        previous_label=figures.month.previous.label,
        month=str(figures.month),
        presidio=figures.presidio,
        office_name=figures.office_name,
        generated_on=generated_on,
        comment=comment.strip(),
        headline=_headline(figures.headline, figures.previous, in_course=figures.in_course),
        programme=programme
        or ProgrammeInfo(figures.programme, DEFAULT_NAMES[figures.programme], None, DEFAULT_REGION),
        contacts=tables(figures.contacts),
        referrals=tables(figures.referrals),
        participants_new=tables(figures.participants_new),
        participants_total=tables(figures.participants_total),
        exits_new=tables(figures.exits_new),
        exits_total=tables(figures.exits_total),
        follow_ups_new=tables(figures.follow_ups_new),
        follow_ups_total=tables(figures.follow_ups_total),
    )
