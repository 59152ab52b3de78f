"""The monthly report's referral figures (DESIGN.md §6), folded from the referrals' events.

A referral's steps are the legal events of its fold (:mod:`casa_desk.models.referrals`):
*sent*, *taken in charge*, *closed* count the events of that kind in the month; the median
days run from the latest send to each taking in charge of the month; the status table shows
the status at month end of the referrals that had any event in the month. This month and
the previous one come from one pass over their events. Counts only: no name is selected.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from casa_desk.models.referrals import TRANSITIONS, EventKind, Status
from casa_desk.models.timeutil import parse_utc_text
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS, ServiceKind
from casa_desk.reports.model import KIND_LABELS, STATUS_LABELS, Breakdown, Headline, Month, counted
from casa_desk.store.connection import Connection


@dataclass
class ReferralSteps:
    """One month's legal referral steps, for its headline."""

    sent: int = 0
    taken_in_charge: int = 0
    closed: int = 0
    #: Days from the latest send (or reopening) to each taking in charge.
    days: list[float] = field(default_factory=list)


@dataclass
class ReferralFigures:
    """The referral figures of a month and of the one before, from one pass of their events."""

    now: ReferralSteps
    before: ReferralSteps
    #: This month's sends by the service's kind.
    sent_by_kind: Counter[str]
    #: Referrals with any event this month (a flagged one too) by their status at month end.
    by_status: Counter[str]


def referral_figures(conn: Connection, month: Month, presidio: str | None) -> ReferralFigures:
    """Referrals with an event in this month or the previous one, folded from their events
    in one pass (each referral's events in (hlc, id) order, all before this month's end)."""
    start, end = month.previous.bounds()[0], month.bounds()[1]
    middle = month.bounds()[0]
    where, params = ("", []) if presidio is None else (" AND r.presidio = ?", [presidio])
    kinds = dict(conn.execute("SELECT id, kind FROM services").fetchall())
    rows = conn.execute(
        # Driven by the events of the two months (index referral_events_at, as an IN list:
        # SQLite walks it in id order, so the office's referrals come from their covering
        # index (m016) already sorted, and only each referral's events, read in (hlc, id)
        # order from theirs, are sorted again: 145 -> 92 ms of CPU on the encrypted
        # 1,000,000-contact store against a DISTINCT subquery joined and sorted whole). The
        # service's kind is looked up here, not joined once per event.
        "SELECT r.id, r.service_id, e.event, e.at FROM referrals r INDEXED BY referrals_report "
        "CROSS JOIN referral_events e INDEXED BY referral_events_referral "
        "ON e.referral_id = r.id AND e.deleted = 0 "
        "WHERE r.id IN (SELECT referral_id FROM referral_events WHERE at >= ? AND at < ? "
        f"AND deleted = 0) AND r.deleted = 0{where} AND e.at < ? ORDER BY r.id, e.hlc, e.id",
        [start, end, *params, end],
    ).fetchall()
    figures = ReferralFigures(ReferralSteps(), ReferralSteps(), Counter(), Counter())
    now, before, sent_by_kind = figures.now, figures.before, figures.sent_by_kind
    sent, reopened = EventKind.SENT.value, EventKind.REOPENED.value
    taken, closed = EventKind.TAKEN_IN_CHARGE.value, EventKind.CLOSED.value
    current_id = last_sent = None
    kind = ""
    status: Status | None = None
    active = False
    for ref_id, service_id, event, at in rows:
        if ref_id != current_id:
            if active:
                figures.by_status[str(status)] += 1
            current_id, status, last_sent, active = ref_id, None, None, False
            kind = str(kinds.get(service_id) or ServiceKind.OTHER.value)
        inside = now if at >= middle else before if at >= start else None
        active = active or inside is now
        # The state machine's own table (models.referrals.TRANSITIONS); str keys match its
        # StrEnum keys. An illegal or unknown step is flagged by the fold, never counted.
        after = TRANSITIONS.get((status, event))
        if after is None:
            continue
        status = after
        if event in (sent, reopened):
            last_sent = at
            if event == sent and inside is not None:
                inside.sent += 1
                if inside is now:
                    sent_by_kind[kind] += 1
        elif inside is None:
            continue
        elif event == taken:
            inside.taken_in_charge += 1
            days = _days_between(last_sent, at) if last_sent else None
            if days is not None:
                inside.days.append(days)
        elif event == closed:
            inside.closed += 1
    if active:
        figures.by_status[str(status)] += 1
    return figures


def _days_between(start: str, end: str) -> float | None:
    """Days from one stored moment to another; None when either is no moment (a synced
    event's ``at`` is only type-checked: ``2026-10-02``, with no time zone, or ``25:00``
    stopped the office's and the consolidated report with a TypeError or a ValueError).
    The step still counts; the median is that of the lengths that can be measured."""
    try:
        delta = parse_utc_text(end) - parse_utc_text(start)
    except (TypeError, ValueError):
        return None
    return delta.total_seconds() / 86400


def referral_headline(headline: Headline, steps: ReferralSteps) -> None:
    headline.referrals_sent = steps.sent
    headline.referrals_taken_in_charge = steps.taken_in_charge
    headline.referrals_closed = steps.closed
    if steps.days:
        headline.median_days_to_take_in_charge = round(statistics.median(steps.days), 1)


def referral_breakdowns(figures: ReferralFigures) -> list[Breakdown]:
    sent, by_status = figures.sent_by_kind, figures.by_status
    sensitive = frozenset(k.value for k in SENSITIVE_SERVICE_KINDS)
    return [
        counted(
            "referrals_by_kind",
            "Invii del mese per tipo di servizio",
            sent,
            [(k.value, lab) for k, lab in KIND_LABELS.items()],
            sensitive_codes=sensitive,
        ),
        counted(
            "referrals_by_status",
            "Invii con movimenti nel mese: stato a fine mese",
            by_status,
            [(s.value, lab) for s, lab in STATUS_LABELS.items()],
        ),
    ]
