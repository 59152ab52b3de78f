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
  date on or before the last day of the month, not done by month end; for the month in
  course (the window offers it: activity so far), *as of now* instead — a follow-up due
  later this month is not due yet: current contacts before now, due before today (Rome: as
  the agenda's "overdue"), not done by now;
* referrals (:mod:`casa_desk.reports.referral_figures`): the legal steps of each one's fold
  in the month — sent, taken in charge, closed, the median days to be taken in charge — and
  the status at month end of those that moved;
* ESF participants (:mod:`casa_desk.reports.esf`): entries, exits with their immediate
  results and six-month results, in the month and since the start, counted once per person
  (the Commission's rule), with the tables of the report's programme.

Everything here is counts: no name, codice fiscale, phone or address is ever selected.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from casa_desk.models.esf import DEFAULT_PROGRAMME, year_month
from casa_desk.models.timeutil import ROME, rome_day_start, to_utc_text
from casa_desk.models.vocab import Gender, Programme
from casa_desk.reports.esf import esf_figures
from casa_desk.reports.model import (  # re-exported: callers import the figures from here
    AGE_BANDS,
    ANONYMOUS,
    CHANNEL_LABELS,
    GENDER_LABELS,
    HEADLINE_LABELS,
    MONTHS_IT,
    UNKNOWN,
    Breakdown,
    Figure,
    Headline,
    Month,
    MonthFigures,
    counted,
)
from casa_desk.reports.referral_figures import (
    referral_breakdowns,
    referral_figures,
    referral_headline,
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
    "sensitive_breakdowns",
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
    as_of: datetime | None = None,
) -> MonthFigures:
    """Every figure of the monthly report for one office (or all with ``presidio=None``);
    the ESF tables are those of ``programme`` (:mod:`casa_desk.reports.esf`). ``as_of`` (an
    aware moment; None: the clock) tells a month in course, whose overdue follow-ups are
    counted as of then (:func:`_overdue_moment`).

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
    now, before = _month_people(conn, month, offices), _month_people(conn, month.previous, offices)
    contacts = _contact_breakdowns(
        conn, month, offices, _hour_counts(conn, month, offices), now, aliases
    )
    referrals = referral_figures(conn, month, presidio)
    so_far = _overdue_moment(month, as_of or datetime.now(ROME))
    overdue_now = _overdue(conn, month, offices, so_far)
    overdue_before = _overdue(conn, month.previous, offices)
    esf = esf_figures(conn, month, presidio, aliases, programme)
    step()
    headline, previous = _contact_headlines(conn, month, offices, now, before, aliases)
    headline.overdue_follow_ups = overdue_now
    previous.overdue_follow_ups = overdue_before
    step()
    referral_headline(headline, referrals.now)
    referral_headline(previous, referrals.before)
    step()
    figures = MonthFigures(month, presidio, name, headline, previous, programme=programme)
    figures.in_course = so_far is not None
    figures.contacts = contacts
    figures.referrals = referral_breakdowns(referrals)
    step()
    figures.participants_new, figures.participants_total = esf.entries_new, esf.entries_total
    figures.exits_new, figures.exits_total = esf.exits_new, esf.exits_total
    figures.follow_ups_new, figures.follow_ups_total = esf.follow_ups_new, esf.follow_ups_total
    figures.month_series = esf.month_series
    step()
    return figures


def sensitive_breakdowns(
    conn: Connection, month: Month, offices: list[str], programme: Programme
) -> list[tuple[list[Breakdown], dict[str, list[Breakdown]]]]:
    """For each office, the breakdowns of :func:`compute` that go through suppression, by
    the same code, without the rest (headline, new people, the other contact tables), and
    the months behind its ESF totals (``MonthFigures.month_series``): what the consolidated
    report needs of each office (:mod:`casa_desk.reports.linked`)."""
    aliases = _aliases(conn)
    return [_sensitive(conn, month, code, programme, aliases) for code in offices]


def _sensitive(
    conn: Connection, month: Month, presidio: str, programme: Programme, aliases: dict[str, str]
) -> tuple[list[Breakdown], dict[str, list[Breakdown]]]:
    esf = esf_figures(conn, month, presidio, aliases, programme)
    tables = [
        _by_category(conn, _hour_counts(conn, month, presidio)),
        *referral_breakdowns(referral_figures(conn, month, presidio)),
        *esf.entries_new,
        *esf.entries_total,
        *esf.exits_new,
        *esf.exits_total,
        *esf.follow_ups_new,
        *esf.follow_ups_total,
    ]
    return [b for b in tables if b.sensitive], esf.month_series


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


@dataclass
class MonthPeople:
    """One month's contacts at the offices, counted in ``contacts_month_people`` (m017:
    office, Rome month, person, n) without reading its rows."""

    month: Month
    contacts: int
    anonymous: int
    #: Distinct person ids (merged duplicates not yet counted as their survivor).
    ids: int


def _month_people(conn: Connection, month: Month, presidio: Offices) -> MonthPeople:
    where, params = _office_filter(presidio, "m")
    # One office has one row per person; several may share people (a sort to count them).
    people = (
        "sum(m.person_id != '')"
        if isinstance(presidio, str)
        else "count(DISTINCT nullif(m.person_id, ''))"
    )
    total, anonymous, ids = conn.execute(
        "SELECT coalesce(sum(m.n), 0), coalesce(sum(CASE WHEN m.person_id = '' THEN m.n END), 0),"
        f" coalesce({people}, 0) FROM contacts_month_people m WHERE m.month = ?{where}",
        [_month_key(month), *params],
    ).fetchone()
    return MonthPeople(month, total, anonymous, ids)


def _month_key(month: Month) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def _present(conn: Connection, month: Month, presidio: Offices, ids: set[str]) -> set[str]:
    """Which of ``ids`` have a contact in the month (a seek each: a few thousand at most)."""
    if not ids:
        return set()
    where, params = _office_filter(presidio, "m")
    return {
        row[0]
        for row in conn.execute(
            f"SELECT DISTINCT m.person_id FROM contacts_month_people m WHERE m.month = ?{where} "
            "AND m.person_id IN (SELECT value FROM json_each(?))",
            [_month_key(month), *params, json.dumps(sorted(ids))],
        )
    }


def _gender_and_age(
    conn: Connection,
    month: Month,
    presidio: Offices,
    anonymous: int,
    aliases: dict[str, str] | None = None,
) -> tuple[Counter[str], Counter[str]]:
    """Contacts by the person's gender and by age band at the month's end.

    Summed from ``contacts_month_demo`` (m017: office, Rome month, gender, birth, n; kept by
    triggers on contacts and people), a few hundred rows instead of a seek per person; the
    band of each birth (its year and month, or the text itself when it is no real date:
    :data:`casa_desk.store.summaries.BIRTH_KEY`) is :func:`age_band` of :func:`age_on`, so
    the definition stays the one Python function.

    The person of a contact is its survivor when it was merged (``aliases``), as for the
    people counted and the ESF tables: a merge corrects only the merging office's contacts,
    and the summary counts the others under the duplicate's own record (:func:`_merged_moves`).
    """
    by_gender: Counter[str] = Counter()
    by_age: Counter[str] = Counter()
    if anonymous:
        by_gender[ANONYMOUS[0]] = by_age[ANONYMOUS[0]] = anonymous
    where, params = _office_filter(presidio, "m")
    rows = conn.execute(
        "SELECT m.gender, m.birth, sum(m.n) FROM contacts_month_demo m "
        f"WHERE m.month = ?{where} GROUP BY 1, 2",
        [_month_key(month), *params],
    )
    last_day = month.last_day
    for gender, birth, n in rows:
        by_gender[gender or Gender.NOT_STATED.value] += n
        by_age[age_band(age_on(birth, last_day))] += n
    for (gender, birth), (to_gender, to_birth), n in _merged_moves(
        conn, month, presidio, aliases or {}
    ):
        by_gender[gender or Gender.NOT_STATED.value] -= n
        by_gender[to_gender or Gender.NOT_STATED.value] += n
        by_age[age_band(age_on(birth, last_day))] -= n
        by_age[age_band(age_on(to_birth, last_day))] += n
    return +by_gender, +by_age


Demo = tuple[str | None, str | None]


def _merged_moves(
    conn: Connection, month: Month, presidio: Offices, aliases: dict[str, str]
) -> list[tuple[Demo, Demo, int]]:
    """(the duplicate's gender and birth, the survivor's, contacts) for each merged-away
    person with contacts in the month here: a seek per merged id of the month (a few)."""
    if not aliases:
        return []
    where, params = _office_filter(presidio, "m")
    present = conn.execute(
        f"SELECT m.person_id, sum(m.n) FROM contacts_month_people m WHERE m.month = ?{where} "
        "AND m.person_id IN (SELECT value FROM json_each(?)) GROUP BY 1",
        [_month_key(month), *params, json.dumps(sorted(aliases))],
    ).fetchall()
    if not present:
        return []
    ids = {pid for pid, _n in present} | {aliases[pid] for pid, _n in present}
    demo: dict[str, Demo] = {
        pid: (gender, birth)
        for pid, gender, birth in conn.execute(
            "SELECT id, gender, birth_date FROM people "
            "WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(ids))],
        )
    }
    return [
        (demo.get(pid, (None, None)), demo.get(aliases[pid], (None, None)), n) for pid, n in present
    ]


def _people_first_seen_since(
    conn: Connection,
    moment: str,
    presidio: Offices,
    people: set[str],
    aliases: dict[str, str],
    direct: set[str],
    fresh: set[str],
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
    earlier, earlier_params = _office_filter(presidio, "g")
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


def _fresh_ids(conn: Connection, moment: str, presidio: Offices) -> set[str]:
    """Person ids first seen here since ``moment``: one range of ``contacts_first_seen``
    (m015), a few thousand pairs at a busy office."""
    where, params = _office_filter(presidio, "f")
    earlier, earlier_params = _office_filter(presidio, "g")
    return {
        row[0]
        for row in conn.execute(
            "SELECT f.person_id FROM contacts_first_seen f WHERE f.first_at >= ?"
            f"{where} AND NOT EXISTS (SELECT 1 FROM contacts_first_seen g "
            f"WHERE g.person_id = f.person_id AND g.first_at < ?{earlier})",
            [moment, *params, moment, *earlier_params],
        )
    }


def _overdue_moment(month: Month, now: datetime) -> tuple[str, str] | None:
    """For a month not ended at ``now``: (now as stored text, today in Rome as ISO text) —
    the moment its overdue follow-ups are counted at, and the day from which a follow-up is
    not yet overdue. None for a month ended (counted at its end)."""
    today = now.astimezone(ROME).date()
    if today > month.last_day:
        return None
    return to_utc_text(now), today.isoformat()


def _overdue(
    conn: Connection, month: Month, presidio: Offices, as_of: tuple[str, str] | None = None
) -> int:
    """Current contacts before month end with a follow-up due by the month's last day and
    not done by month end; with ``as_of`` (the month in course: :func:`_overdue_moment`),
    before that moment, due before that day, not done by that moment.

    Two ranges of ``contacts_follow_up_due`` (presidio, follow_up_done_at, follow_up_on, …;
    m014): never done, and done after month end. One ``OR`` over the done date would read the
    office's whole follow-up history instead.
    """
    end, due = as_of or (month.bounds()[1], month.next.first_day.isoformat())
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
    now: MonthPeople,
    before: MonthPeople,
    aliases: dict[str, str],
) -> tuple[Headline, Headline]:
    """This month's and the previous month's contact figures.

    A person is new this month if they had no contact here before the previous month began
    *and* none in the previous month. Only the ids that can change an answer are read: those
    first seen here since the previous month began (:func:`_fresh_ids`) and those of merges
    (:func:`_aliases`, both sides); everyone else is an old person counted once by SQL
    (``MonthPeople.ids``), not 44,500 ids a month read into Python.
    """
    moment = month.previous.bounds()[0]
    fresh = _fresh_ids(conn, moment, presidio)
    interest = fresh | aliases.keys() | set(aliases.values())
    ids = _present(conn, month, presidio, interest)
    previous_ids = _present(conn, month.previous, presidio, interest)
    people, previous_people = _survivors(ids, aliases), _survivors(previous_ids, aliases)
    new = _people_first_seen_since(
        conn, moment, presidio, people | previous_people, aliases, ids | previous_ids, fresh
    )
    headline = Headline(
        contacts=now.contacts,
        people=_people_count(now.ids, ids, aliases),
        new_people=len((people & new) - previous_people),
        anonymous_contacts=now.anonymous,
    )
    previous = Headline(
        contacts=before.contacts,
        people=_people_count(before.ids, previous_ids, aliases),
        new_people=len(previous_people & new),
        anonymous_contacts=before.anonymous,
    )
    return headline, previous


def _people_count(distinct_ids: int, present: set[str], aliases: dict[str, str]) -> int:
    """People of a month, merged duplicates counted as their survivor: the month's distinct
    ids, less the merged ones present, plus their survivors not present under their own id
    (``present``: the month's ids among merges and survivors, so both are known)."""
    merged = present & aliases.keys()
    return distinct_ids - len(merged) + len({aliases[i] for i in merged} - (present - merged))


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


def _unknown_as_code(counts: Counter) -> Counter:
    """Empty codes (NULL or "") are counted under ``unknown``."""
    for empty in (None, ""):
        if empty in counts:
            counts[UNKNOWN[0]] += counts.pop(empty)
    return counts


def _by_category(conn: Connection, rows: list[tuple]) -> Breakdown:
    cats = _categories(conn)
    by_cat: Counter = Counter()
    for category, _channel, _week, n in rows:
        by_cat[category] += n
    _unknown_as_code(by_cat)
    return counted(
        "contacts_by_category",
        "Contatti per tema",
        by_cat,
        [(c, lab) for c, lab, _ in cats] + ([UNKNOWN] if by_cat[UNKNOWN[0]] else []),
        sensitive_codes=frozenset(c for c, _, s in cats if s),
        chart="bar",
    )


def _contact_breakdowns(
    conn: Connection,
    month: Month,
    offices: Offices,
    rows: list[tuple],
    now: MonthPeople,
    aliases: dict[str, str],
) -> list[Breakdown]:
    by_channel: Counter = Counter()
    by_week: Counter[str] = Counter()
    for _category, channel, week, n in rows:
        by_channel[channel] += n
        by_week[str(week)] += n
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
    by_gender, by_age = _gender_and_age(conn, month, offices, now.anonymous, aliases)
    return [
        _by_category(conn, rows),
        counted(
            "contacts_by_channel",
            "Contatti per canale",
            by_channel,
            [(c.value, lab) for c, lab in CHANNEL_LABELS.items()],
        ),
        counted("contacts_by_week", "Contatti per settimana", by_week, weeks, chart="line"),
        counted(
            "contacts_by_gender",
            "Contatti per genere della persona",
            by_gender,
            [(g.value, lab) for g, lab in GENDER_LABELS.items()] + [ANONYMOUS],
        ),
        counted(
            "contacts_by_age",
            "Contatti per età della persona a fine mese",
            by_age,
            [*AGE_BANDS, UNKNOWN, ANONYMOUS],
        ),
    ]
