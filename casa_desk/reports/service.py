"""Report services the CLI and the UI call: validate, compute, render, write atomically.

Nothing is written unless everything worked: the outputs are checked before any work (not a
folder, not the store itself, not each other: :mod:`casa_desk.outputs`), rendered in memory,
written to temporary files beside their destinations and renamed into place together at the
end, so a bad month, an unknown office or an unwritable folder leaves no half-written file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from casa_desk import outputs
from casa_desk.errors import ReportError
from casa_desk.models.timeutil import ROME, today_rome
from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.reports.csv_out import render_csv
from casa_desk.reports.linked import Linked, hide_linked
from casa_desk.reports.model import Breakdown, parse_month, refuse_future
from casa_desk.reports.months import merge, months_linked
from casa_desk.reports.programme import parse_programme
from casa_desk.reports.programme import resolve as resolve_programme
from casa_desk.reports.published import PublishedReport, publish
from casa_desk.store.db import Store
from casa_desk.store.tables import HEAD_OFFICE

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportFiles:
    pdf: Path
    csv: Path | None
    report: PublishedReport


def office_codes(store: Store) -> list[tuple[str, str]]:
    """(code, name) of the offices the store knows, for pickers."""
    return [
        (row["code"], row["name"])
        for row in store.query("SELECT code, name FROM presidi WHERE deleted = 0 ORDER BY name")
    ]


def build_report(
    store: Store,
    month: Month,
    presidio: str | None,
    *,
    comment: str = "",
    generated_on: date | None = None,
    progress: Progress | None = None,
    programme: str | None = None,
) -> PublishedReport:
    """Compute and publish (suppress) the month's figures for one office or all (None).

    ``programme`` (``2014-2020`` / ``2021-2027``) overrides head office's setting for this
    report only (:func:`casa_desk.reports.programme.resolve`).
    """
    conn = store.db.conn
    if presidio is not None and aggregate.office_name(conn, presidio) is None:
        raise ReportError(f"Presidio sconosciuto: «{presidio}».", code="unknown_presidio")
    info = resolve_programme(conn, presidio, programme)
    now = datetime.now(ROME)  # the office's time, whatever the PC's zone (never UTC)
    # the month in course: its overdue follow-ups as of the moment the report says
    figures = aggregate.compute(conn, month, presidio, progress, info.code, as_of=now)
    return publish(
        figures,
        comment=comment,
        generated_on=generated_on or now.date(),
        generated_at=None if generated_on else now,
        programme=info,
        linked=merge(
            months_linked(figures.month_series),
            None if presidio is not None else _linked(store, figures),
        ),
    )


def _linked(store: Store, figures: aggregate.MonthFigures) -> dict[str, Linked]:
    """What the consolidated report hides so that no office's report can be undone by
    subtraction (:mod:`casa_desk.reports.linked`): every office that can have a report,
    with the consolidated report's programme (an office report made for it publishes the
    same tables, its totals hiding what its months need: :mod:`casa_desk.reports.months`).

    Head office (:data:`HEAD_OFFICE`, no row of ``presidi``, so no report of its own) may
    log contacts and referrals under its own code: they count in the consolidated figures,
    and the consolidated cell less the offices' published cells would be its count exactly
    (a single contact of violence). When it holds figures of the month it is one more
    office here, as if its report were published (a better informed reader); when it holds
    none it changes nothing."""
    codes = [code for code, _name in office_codes(store)]
    if HEAD_OFFICE not in codes:
        codes.append(HEAD_OFFICE)
    offices = aggregate.sensitive_breakdowns(store.db.conn, figures.month, codes, figures.programme)
    if codes[-1] == HEAD_OFFICE and not _holds_figures(*offices[-1]):
        offices.pop()
    return hide_linked(
        figures.breakdowns(),
        [tables for tables, _months in offices],
        [months_linked(months) for _tables, months in offices],
    )


def _holds_figures(tables: list[Breakdown], months: dict[str, list[Breakdown]]) -> bool:
    """True when some cell or total of these breakdowns, or of their months, is not 0."""
    every = [*tables, *(b for series in months.values() for b in series)]
    return any(b.total or any(f.value for f in b.items) for b in every)


def generate(
    store: Store,
    month_text: str,
    presidio: str | None,
    out_pdf: str | Path,
    *,
    out_csv: str | Path | None = None,
    comment: str = "",
    generated_on: date | None = None,
    progress: Progress | None = None,
    programme: str | None = None,
) -> ReportFiles:
    """The whole job: compute, render the PDF (and CSV), write both.

    Only reads the store, on the calling thread's read-only connection, so it runs on a
    worker thread beside the window.
    """
    month = parse_month(month_text)
    refuse_future(month, today_rome())
    if programme is not None:
        parse_programme(programme)  # a bad value fails before any work
    pdf_path = Path(out_pdf)
    csv_path = Path(out_csv) if out_csv else None
    paths = [pdf_path] if csv_path is None else [pdf_path, csv_path]
    outputs.check_outputs(paths, inputs=[store.path])  # before any work: never the store
    report = build_report(
        store,
        month,
        presidio,
        comment=comment,
        generated_on=generated_on,
        progress=(lambda d, t: progress(d, t + 2)) if progress else None,
        programme=programme,
    )
    from casa_desk.reports.pdf import render_pdf  # reportlab: only when a PDF is made

    pdf_bytes = render_pdf(report)
    if progress:
        progress(6, 7)
    out = [(pdf_path, pdf_bytes)]
    if csv_path is not None:
        out.append((csv_path, render_csv(report).encode("utf-8")))
    outputs.write_all(out, inputs=[store.path], mode=0o644)
    if progress:
        progress(7, 7)
    return ReportFiles(pdf_path, csv_path, report)
