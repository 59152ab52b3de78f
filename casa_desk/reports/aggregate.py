"""The monthly figures: SQL over a store, returned as plain dataclasses (DESIGN.md §6).

What counts, and why:

* a *contact* is the current version of its correction chain — a row with ``deleted = 0``
  that no row amends (``amends_id``: a correction, or a removal, which is a deleted
  amendment), the store's one definition (:mod:`casa_desk.store.current`) — dated by its
  ``occurred_at``
  inside the calendar month in Europe/Rome (:func:`rome_month_bounds`, DST-aware);
* a *person* is the person of a contact, with merged duplicates counted as their survivor
  (``people.merged_into``); *new people* are those whose first contact at this office (any
  office for the consolidated report) falls in the month;
* *overdue follow-ups at month end*: current contacts before month end with a follow-up
  date on or before the last day of the month, not done by month end;
* a referral's steps are the legal events of its fold (:mod:`casa_desk.models.referrals`):
  *sent*, *taken in charge*, *closed* count the events of that kind in the month; the median
  days run from the latest send to each taking in charge of the month; the status table shows
  the status at month end of the referrals that had any event in the month;
* ESF participants (:mod:`casa_desk.reports.esf`): entries, exits with their immediate
  results and six-month results, in the month and since the start, counted once per person
  (the Commission's rule), with the tables of the report's programme.

Everything here is counts: no name, codice fiscale, phone or address is ever selected.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from casa_desk.models.esf import DEFAULT_PROGRAMME, year_month
from casa_desk.models.referrals import TRANSITIONS, EventKind, Status
from casa_desk.models.timeutil import parse_utc_text, rome_day_start
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS, Gender, Programme, ServiceKind
from casa_desk.reports.esf import esf_figures
from casa_desk.reports.model import (  # re-exported: callers import the figures from here
    AGE_BANDS,
    ANONYMOUS,
    CHANNEL_LABELS,
    GENDER_LABELS,
    HEADLINE_LABELS,
    KIND_LABELS,
    MONTHS_IT,
    STATUS_LABELS,
    UNKNOWN,
    Breakdown,
    Figure,
    Headline,
    Month,
    MonthFigures,
)
from casa_desk.store.connection import Connection
from casa_desk.store.current import current

__all__ = [
    "HEADLINE_LABELS",
    "MONTHS_IT",
    "Breakdown",
    "Figure",
    "Headline",
    "Month",
    "MonthFigures",
    "age_band",
    "age_on",
    "compute",
    "office_name",
]


# -- entry point -----------------------------------------------------------------------------
def office_name(conn: Connection, presidio: str | None) -> str | None:
    """The office's display name, ``Tutti i presidi`` for None, or None if unknown."""
    if presidio is None:
        return "Tutti i presidi"
    row = conn.execute(
        "SELECT name FROM presidi WHERE code = ? AND deleted = 0", [presidio]
    ).fetchone()
    return row[0] if row else None


def compute(
    conn: Connection,
    month: Month,
    presidio: str | None,
    progress: Callable[[int, int], None] | None = None,
    programme: Programme = DEFAULT_PROGRAMME,
) -> MonthFigures:
    """Every figure of the monthly report for one office (or all with ``presidio=None``);
    the ESF tables are those of ``programme`` (:mod:`casa_desk.reports.esf`).

    All on ``conn``, one thread. This month's contacts were once read on a second connection
    on a worker thread; but both threads fetch tens of thousands of rows, and the binding
    hands the GIL over around every row's step: on the encrypted 1,000,000-contact store
    the command spent 0.46 s more CPU (2.35 s against 1.89 s, 0.21 s of it in system
    time) for the same wall time on a busy machine, and 0.02-0.09 s less wall on an idle
    one (benchmarks/bench_report.py).
    """
    step = _stepper(progress, 5)
    name = office_name(conn, presidio) or presidio or ""
    aliases = _aliases(conn)
    # Contacts are read office by office even for the consolidated report, so every query
    # walks an index that starts with presidio.
    offices: Offices = presidio if presidio is not None else _contact_offices(conn)
    per_person, contacts = _contacts_of_month(conn, month, offices)
    previous_counts = _person_counts(conn, month.previous, offices)
    referrals = _referral_facts(conn, month, presidio)
    overdue_now = _overdue(conn, month, offices)
    overdue_before = _overdue(conn, month.previous, offices)
    esf = esf_figures(conn, month, presidio, aliases, programme)
    step()
    headline, previous = _contact_headlines(
        conn, month, offices, per_person, previous_counts, aliases
    )
    headline.overdue_follow_ups = overdue_now
    previous.overdue_follow_ups = overdue_before
    step()
    _referral_headline(headline, referrals, month)
    _referral_headline(previous, referrals, month.previous)
    step()
    figures = MonthFigures(month, presidio, name, headline, previous, programme=programme)
    figures.contacts = contacts
    figures.referrals = _referral_breakdowns(referrals, month)
    step()
    figures.participants_new, figures.participants_total = esf.entries_new, esf.entries_total
    figures.exits_new, figures.exits_total = esf.exits_new, esf.exits_total
    figures.follow_ups_new, figures.follow_ups_total = esf.follow_ups_new, esf.follow_ups_total
    step()
    return figures


def _contacts_of_month(
    conn: Connection, month: Month, offices: Offices
) -> tuple[Counter, list[Breakdown]]:
    """This month's contacts per person and their breakdowns, from the summaries."""
    per_person = _person_counts(conn, month, offices)
    rows = _hour_counts(conn, month, offices)
    return per_person, _contact_breakdowns(conn, month, offices, rows, per_person)


def _stepper(progress: Callable[[int, int], None] | None, total: int) -> Callable[[], None]:
    done = [0]

    def step() -> None:
        done[0] += 1
        if progress:
            progress(done[0], total)

    return step


# -- contacts --------------------------------------------------------------------------------
#: A contact is the current version of its chain, as everywhere (casa_desk.store.current).
_CURRENT = current("c")


#: One office code, all of these codes, or None (no filter).
Offices = str | tuple[str, ...] | None


def _contact_offices(conn: Connection) -> tuple[str, ...]:
    """Every presidio that has contacts, in one index seek per office (a skip scan)."""
    return tuple(
        row[0]
        for row in conn.execute(
            "WITH RECURSIVE o(code) AS (SELECT min(presidio) FROM contacts UNION ALL "
            "SELECT (SELECT min(presidio) FROM contacts WHERE presidio > o.code) FROM o "
            "WHERE o.code IS NOT NULL) SELECT code FROM o WHERE code IS NOT NULL"
        )
    )


def _office_filter(presidio: Offices, alias: str = "c") -> tuple[str, list[str]]:
    if isinstance(presidio, tuple):
        marks = ", ".join("?" for _ in presidio) or "NULL"
        return f" AND {alias}.presidio IN ({marks})", list(presidio)
    return ("", []) if presidio is None else (f" AND {alias}.presidio = ?", [presidio])


def _aliases(conn: Connection) -> dict[str, str]:
    """Merged person id → surviving id (chains followed)."""
    merged = dict(
        conn.execute(
            "SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL AND merged_into != ''"
        ).fetchall()
    )
    resolved: dict[str, str] = {}
    for pid, target in merged.items():
        seen, cur = {pid}, target
        while cur in merged and cur not in seen:
            seen.add(cur)
            cur = merged[cur]
        resolved[pid] = cur
    return resolved


def _hour_counts(
    conn: Connection, month: Month, presidio: Offices
) -> list[tuple[str, str, int, int]]:
    """(category, channel, week of the month 1..6, contacts) of the month's current contacts,
    summed from ``contacts_hour_counts`` (m017: office, UTC hour, topic, channel, n).

    Rome's days start on a UTC hour, so the month and its weeks are ranges of hours: the
    bounds (DST-aware, :func:`rome_day_start`) cut to their hour compare as text.
    """
    start, end = (bound[:13] for bound in month.bounds())
    where, params = _office_filter(presidio, "h")
    # Week n starts at local midnight of its Monday.
    later = [rome_day_start(day)[:13] for day in _week_starts(month)[1:]]
    week = (
        "CASE "
        + " ".join(f"WHEN h.hour < ? THEN {n}" for n in range(1, len(later) + 1))
        + f" ELSE {len(later) + 1} END"
    )
    return conn.execute(
        f"SELECT h.category, h.channel, {week}, sum(h.n) FROM contacts_hour_counts h "
        f"WHERE h.hour >= ? AND h.hour < ?{where} GROUP BY 1, 2, 3",
        [*later, start, end, *params],
    ).fetchall()


def _person_counts(conn: Connection, month: Month, presidio: Offices) -> Counter:
    """Current contacts of the month per person id (None: anonymous), from
    ``contacts_month_people`` (m017: office, Rome month, person, n)."""
    where, params = _office_filter(presidio, "m")
    rows = conn.execute(
        f"SELECT m.person_id, m.n FROM contacts_month_people m WHERE m.month = ?{where}",
        [f"{month.year:04d}-{month.month:02d}", *params],
    ).fetchall()
    if isinstance(presidio, str):  # one office: one row per person, built in C
        counts = Counter(dict(rows))
    else:
        counts = Counter()
        for pid, n in rows:
            counts[pid] += n
    if "" in counts:
        counts[None] = counts.pop("")
    return counts


def _gender_and_age(
    conn: Connection, month: Month, presidio: Offices, per_person: Counter
) -> tuple[Counter[str], Counter[str]]:
    """Contacts by the person's gender and by age band at the month's end.

    Summed from ``contacts_month_demo`` (m017: office, Rome month, gender, birth, n; kept by
    triggers on contacts and people), a few hundred rows instead of a seek per person; the
    band of each birth (its year and month, or the text itself when it is no real date:
    :data:`casa_desk.store.summaries.BIRTH_KEY`) is :func:`age_band` of :func:`age_on`, so
    the definition stays the one Python function.
    """
    by_gender: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    anonymous = per_person.get(None, 0)
    if anonymous:
        by_gender[ANONYMOUS[0]] = by_age[ANONYMOUS[0]] = anonymous
    where, params = _office_filter(presidio, "m")
    rows = conn.execute(
        "SELECT m.gender, m.birth, sum(m.n) FROM contacts_month_demo m "
        f"WHERE m.month = ?{where} GROUP BY 1, 2",
        [f"{month.year:04d}-{month.month:02d}", *params],
    )
    last_day = month.last_day
    for gender, birth, n in rows:
        by_gender[gender or Gender.NOT_STATED.value] += n
        by_age[age_band(age_on(birth, last_day))] += n
    return by_gender, by_age


def _people_first_seen_since(
    conn: Connection,
    moment: str,
    presidio: Offices,
    people: set[str],
    aliases: dict[str, str],
    direct: set[str],
) -> set[str]:
    """Which of ``people`` (survivor ids) had no current contact here before ``moment``.

    ``direct`` are the ids the contacts counted carry (before merges): each has a row of
    ``contacts_first_seen`` here (m015: person, office, earliest current contact, kept by
    triggers), so one range of it — the pairs first seen here since ``moment``, a few
    thousand at a busy office — tells which of them are new, instead of one seek of the
    contacts index per person (63,000 at 1,000,000 contacts: 0.26 s of CPU encrypted). The
    few other ids (a survivor seen only under a merged id, the ids merged into it) are
    asked one by one.
    """
    # Every id that is (or was merged into) one of these people.
    merged: dict[str, set[str]] = {}
    for old, new in aliases.items():
        if new in people:
            merged.setdefault(new, set()).add(old)
    ids = people.union(*merged.values())
    where, params = _office_filter(presidio, "f")
    earlier, earlier_params = _office_filter(presidio, "g")
    fresh = {
        row[0]
        for row in conn.execute(
            "SELECT f.person_id FROM contacts_first_seen f WHERE f.first_at >= ?"
            f"{where} AND NOT EXISTS (SELECT 1 FROM contacts_first_seen g "
            f"WHERE g.person_id = f.person_id AND g.first_at < ?{earlier})",
            [moment, *params, moment, *earlier_params],
        )
    }
    unseen = ids & fresh
    others = ids - direct - fresh
    if others:
        unseen |= {
            row[0]
            for row in conn.execute(
                "SELECT j.value FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 "
                "FROM contacts_first_seen g WHERE g.person_id = j.value AND g.first_at < ?"
                f"{earlier})",
                [json.dumps(sorted(others)), moment, *earlier_params],
            )
        }
    # A survivor is new only if none of its ids (its own and those merged into it) was seen.
    return {
        pid
        for pid in {aliases.get(i, i) for i in unseen} & people
        if pid in unseen and merged.get(pid, set()) <= unseen
    }


def _overdue(conn: Connection, month: Month, presidio: Offices) -> int:
    """Current contacts before month end with a follow-up due by the month's last day and
    not done by month end.

    Two ranges of ``contacts_follow_up_due`` (presidio, follow_up_done_at, follow_up_on, …;
    m014): never done, and done after month end. One ``OR`` over the done date would read the
    office's whole follow-up history instead.
    """
    end = month.bounds()[1]
    due = month.next.first_day.isoformat()
    where, params = _office_filter(presidio)
    count = (
        "SELECT count(*) FROM contacts c WHERE c.follow_up_on IS NOT NULL{done} "
        f"AND c.follow_up_on < ? AND c.occurred_at < ?{where} AND {_CURRENT}"
    )
    return int(
        conn.execute(
            f"SELECT ({count.format(done=' AND c.follow_up_done_at IS NULL')}) + "
            f"({count.format(done=' AND c.follow_up_done_at >= ?')})",
            [due, end, *params, end, due, end, *params],
        ).fetchone()[0]
    )


def _contact_headlines(
    conn: Connection,
    month: Month,
    presidio: Offices,
    counts: Counter,
    previous_counts: Counter,
    aliases: dict[str, str],
) -> tuple[Headline, Headline]:
    """This month's and the previous month's contact figures.

    One probe per person serves both months: a person is new this month if they had no
    contact here before the previous month began *and* none in the previous month.
    """
    ids, previous_ids = set(counts) - {None}, set(previous_counts) - {None}
    people, previous_people = _survivors(ids, aliases), _survivors(previous_ids, aliases)
    direct = ids | previous_ids
    fresh = _people_first_seen_since(
        conn, month.previous.bounds()[0], presidio, people | previous_people, aliases, direct
    )
    headline = Headline(
        contacts=sum(counts.values()),
        people=len(people),
        new_people=len((people & fresh) - previous_people),
        anonymous_contacts=counts.get(None, 0),
    )
    previous = Headline(
        contacts=sum(previous_counts.values()),
        people=len(previous_people),
        new_people=len(previous_people & fresh),
        anonymous_contacts=previous_counts.get(None, 0),
    )
    return headline, previous


def _survivors(ids: set[str], aliases: dict[str, str]) -> set[str]:
    """The people ``ids`` stand for, merged ones counted as their survivor (set operations:
    tens of thousands of ids, a few merged)."""
    merged = ids & aliases.keys()
    return (ids - merged) | {aliases[pid] for pid in merged}


def _categories(conn: Connection) -> list[tuple[str, str, bool]]:
    return [
        (code, label, bool(sensitive))
        for code, label, sensitive in conn.execute(
            "SELECT code, label, sensitive FROM categories WHERE deleted = 0 ORDER BY sort, code"
        )
    ]


def _week_starts(month: Month) -> list[date]:
    """Mondays that start the weeks touching the month (the first one clipped to day 1)."""
    first = month.first_day
    starts = [first]
    day = first + timedelta(days=7 - first.weekday())
    while day <= month.last_day:
        starts.append(day)
        day += timedelta(days=7)
    return starts


def age_on(birth_date: str | None, day: date) -> int | None:
    """Whole years on ``day`` from the year and month of birth (``models.esf.age_on``: the
    day of birth is ignored so that retention, which keeps only year and month, changes no
    past month's report). A birth after ``day`` (a typing error) gives a negative age,
    counted under 25, as before."""
    born = year_month(birth_date)
    if born is None:
        return None
    return day.year - born[0] - (day.month < born[1])


def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN[0]
    return "lt25" if age < 25 else "25_54" if age <= 54 else "gt54"


def _counted(
    section: str,
    title: str,
    counts: Counter[str],
    labels: Iterable[tuple[str, str]],
    *,
    sensitive_codes: frozenset[str] = frozenset(),
    sensitive: bool = False,
    chart: str = "",
) -> Breakdown:
    """A breakdown listing every known code (zeros included) then any unexpected ones."""
    items = [
        Figure(c, lab, counts.get(c, 0), c in sensitive_codes or sensitive) for c, lab in labels
    ]
    known = {f.code for f in items}
    items += [Figure(c, c, n, sensitive) for c, n in sorted(counts.items()) if c not in known and n]
    return Breakdown(
        section, title, items, sensitive=sensitive or bool(sensitive_codes), chart=chart
    )


def _unknown_as_code(counts: Counter) -> Counter:
    """Empty codes (NULL or "") are counted under ``unknown``."""
    for empty in (None, ""):
        if empty in counts:
            counts[UNKNOWN[0]] += counts.pop(empty)
    return counts


def _contact_breakdowns(
    conn: Connection, month: Month, offices: Offices, rows: list[tuple], per_person: Counter
) -> list[Breakdown]:
    cats = _categories(conn)
    by_cat: Counter = Counter()
    by_channel: Counter = Counter()
    by_week: Counter[str] = Counter()
    for category, channel, week, n in rows:
        by_cat[category] += n
        by_channel[channel] += n
        by_week[str(week)] += n
    _unknown_as_code(by_cat)
    _unknown_as_code(by_channel)
    starts = _week_starts(month)
    weeks = []
    for n, day in enumerate(starts, 1):
        end = min(day + timedelta(days=6 - day.weekday()), month.last_day)
        label = f"{day.day:02d}–{end.day:02d}/{month.month:02d}"
        days = (end - day).days + 1
        if days < 7:  # a week cut by the month's start or end says so
            label += f", {days} giorn{'o' if days == 1 else 'i'}"
        weeks.append((str(n), label))
    by_gender, by_age = _gender_and_age(conn, month, offices, per_person)
    return [
        _counted(
            "contacts_by_category",
            "Contatti per tema",
            by_cat,
            [(c, lab) for c, lab, _ in cats] + ([UNKNOWN] if by_cat[UNKNOWN[0]] else []),
            sensitive_codes=frozenset(c for c, _, s in cats if s),
            chart="bar",
        ),
        _counted(
            "contacts_by_channel",
            "Contatti per canale",
            by_channel,
            [(c.value, lab) for c, lab in CHANNEL_LABELS.items()],
        ),
        _counted("contacts_by_week", "Contatti per settimana", by_week, weeks, chart="line"),
        _counted(
            "contacts_by_gender",
            "Contatti per genere della persona",
            by_gender,
            [(g.value, lab) for g, lab in GENDER_LABELS.items()] + [ANONYMOUS],
        ),
        _counted(
            "contacts_by_age",
            "Contatti per età della persona a fine mese",
            by_age,
            [*AGE_BANDS, UNKNOWN, ANONYMOUS],
        ),
    ]


# -- referrals -------------------------------------------------------------------------------
@dataclass
class ReferralFacts:
    """One referral's legal steps as (event kind, at) and its status after each."""

    kind: str
    steps: list[tuple[str, str, Status | None]]
    #: Times of all its events, the flagged (illegal) ones too: activity in a month.
    times: list[str] = field(default_factory=list)

    def status_at(self, moment: str) -> Status | None:
        status = None
        for _kind, at, after in self.steps:
            if at < moment:
                status = after
        return status


def _referral_facts(conn: Connection, month: Month, presidio: str | None) -> list[ReferralFacts]:
    """Referrals with an event in this month or the previous one, folded from their events."""
    start, end = month.previous.bounds()[0], month.bounds()[1]
    where, params = _office_filter(presidio, "r")
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
    facts: list[ReferralFacts] = []
    current_id = None
    status: Status | None = None
    for ref_id, service_id, event, at in rows:
        if ref_id != current_id:
            current_id, status = ref_id, None
            facts.append(ReferralFacts(kinds.get(service_id) or ServiceKind.OTHER.value, []))
        facts[-1].times.append(at)
        # The state machine's own table (models.referrals.TRANSITIONS); str keys match its
        # StrEnum keys. An illegal or unknown step is flagged by the fold, never counted.
        after = TRANSITIONS.get((status, event))
        if after is None:
            continue
        status = after
        facts[-1].steps.append((event, at, status))
    return facts


def _referral_headline(headline: Headline, facts: list[ReferralFacts], month: Month) -> None:
    start, end = month.bounds()
    days: list[float] = []
    for fact in facts:
        last_sent = None
        for kind, at, _status in fact.steps:
            inside = start <= at < end
            if kind in (EventKind.SENT, EventKind.REOPENED):
                last_sent = at
                headline.referrals_sent += inside and kind == EventKind.SENT
            elif kind == EventKind.TAKEN_IN_CHARGE and inside:
                headline.referrals_taken_in_charge += 1
                if last_sent:
                    delta = parse_utc_text(at) - parse_utc_text(last_sent)
                    days.append(delta.total_seconds() / 86400)
            elif kind == EventKind.CLOSED and inside:
                headline.referrals_closed += 1
    if days:
        headline.median_days_to_take_in_charge = round(statistics.median(days), 1)


def _referral_breakdowns(facts: list[ReferralFacts], month: Month) -> list[Breakdown]:
    start, end = month.bounds()
    sent = Counter(
        f.kind for f in facts for k, at, _ in f.steps if k == EventKind.SENT and start <= at < end
    )
    active = [f for f in facts if any(start <= at < end for at in f.times)]
    by_status = Counter(str(f.status_at(end)) for f in active)
    sensitive = frozenset(k.value for k in SENSITIVE_SERVICE_KINDS)
    return [
        _counted(
            "referrals_by_kind",
            "Invii del mese per tipo di servizio",
            sent,
            [(k.value, lab) for k, lab in KIND_LABELS.items()],
            sensitive_codes=sensitive,
        ),
        _counted(
            "referrals_by_status",
            "Invii con movimenti nel mese: stato a fine mese",
            by_status,
            [(s.value, lab) for s, lab in STATUS_LABELS.items()],
        ),
    ]
