"""ESF participants in the monthly report: entries, exits with their immediate results, and
six-month results, for the programme the report is made for.

**Counting rule** (the Commission's, ESF monitoring guidance): a person is one participant
however many times they enter. Enrolment rows of one person — the same person record after
merges, or the same keyed hash of the codice fiscale — are counted once:

* entry: the *first* entry (its date and the characteristics recorded then);
* exit: the *final* exit — a participant with any enrolment still open at month end has not
  left; otherwise the latest exit, with the results recorded for it.

A re-entry on one enrolment (``reentered_on``) already keeps the first entry and clears the
earlier exit (:meth:`casa_desk.store.participants.Participants.reenter`), so past months'
reports show what is recorded now: the final exit only.

**Months.** New entries: first entry in the month; exits: final exit in the month; six-month
results: recorded (``followup_on``) in the month; each also cumulative since the start, as
of the month's last day. Ages are whole years on the entry day (:mod:`casa_desk.models.esf`).
The totals are the prefix sums of the months' tables, so every month's sensitive tables
(new entrants, exits, six-month results) are rebuilt from the same participants
(:attr:`EsfFigures.month_series`) for :mod:`casa_desk.reports.months` to protect: exactly for
entries; for exits and results as of this month's state (a participant who left and came
back on a new enrolment since, or a result recorded late, moved: see there).

**Tables.** Entries as before, with the programme's items. Exits and six-month results are
by gender, one row per result (a participant may have several results, so result rows do
not add up; each row is its own line, with its total, for suppression and the CSV). Every
row, the exits' own included, is suppressed like the disadvantage indicators: were the
exits of a gender published as 1–4, a "< 5" in a result row of that gender could hold only
values up to it — one woman left, one woman's result "< 5" is hers. Row totals appear
nowhere else, so suppression may hide them. The rows are related gender by gender (all
exits = "no result" + "unknown" + "pending" + those with a known result, each result row at
most these; six-month: all = "unknown" + known, each result at most known), so each group
of rows is then protected as a whole (:mod:`casa_desk.reports.related`): a cell more
hidden, or a row's total, or the exits by gender withheld (``n.p.``) where no hiding does.
Each gender's exits and results are at most its participants since the start, which
``esf_total_by_gender`` publishes exactly: a gender with 1-4 participants (one non-binary
participant) is withheld (``n.p.``) in every row of both groups, 0 included, and every row's
total hidden. The months' tables of a series (:func:`_series`) are bounded by the
participants as each month's report published them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Any, NamedTuple

from casa_desk.models.esf import FIRST_ESF_DAY, age_band, age_on
from casa_desk.models.vocab import (
    ENTRY_INDICATORS,
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Gender,
    Programme,
    YesNoDeclined,
)
from casa_desk.reports.model import (
    ANSWER_LABELS,
    EMPLOYMENT_LABELS,
    EMPLOYMENT_LABELS_2021,
    ESF_AGE_BANDS,
    ESF_DISADVANTAGE,
    ESF_GENDER_LABELS,
    EXIT_OTHER_LABELS,
    EXIT_RESULT_LABELS,
    FOLLOW_UP_LABELS,
    FOLLOW_UP_OTHER_LABELS,
    ISCED_LABELS,
    UNKNOWN,
    Breakdown,
    Figure,
    Month,
)
from casa_desk.reports.related import EXITS, SIX_MONTHS, Relation, protect
from casa_desk.store.connection import Connection

_EXIT_FLAGS = tuple(f"exit_{r.value}" for r in ExitResult)
_FOLLOW_UP_FLAGS = tuple(f"followup_{r.value}" for r in FollowUpResult)
#: What every enrolment contributes (the indicators read are the programme's own).
_ENTRY = ("id", "person_id", "cf_hash", "entered_on", "exited_on", "employment_status",
          "education_isced")  # fmt: skip
_ID, _PERSON, _HASH, _ENTERED, _EXITED, _STATUS, _ISCED = range(len(_ENTRY))
#: What an exit adds, read only for the enrolments that have one (a fifth of them).
_EXIT = ("exit_results_on", "exit_results_known", *_EXIT_FLAGS, "followup_on", "followup_known",
         *_FOLLOW_UP_FLAGS)  # fmt: skip
EXIT_COL = {name: n for n, name in enumerate(_EXIT)}


@dataclass
class EsfFigures:
    """The ESF tables of one month (each list in print order)."""

    entries_new: list[Breakdown] = field(default_factory=list)
    entries_total: list[Breakdown] = field(default_factory=list)
    exits_new: list[Breakdown] = field(default_factory=list)
    exits_total: list[Breakdown] = field(default_factory=list)
    follow_ups_new: list[Breakdown] = field(default_factory=list)
    follow_ups_total: list[Breakdown] = field(default_factory=list)
    #: For each sensitive total table (by section), the month's table it adds up (new
    #: entrants, exits, results) month by month from the first to this month: the series
    #: :mod:`casa_desk.reports.months` protects.
    month_series: dict[str, list[Breakdown]] = field(default_factory=dict)


class Participant(NamedTuple):
    """One participant after the counting rule: the first entry, the final exit.

    ``entry`` is the first enrolment's row (:data:`_ENTRY`, then the programme's
    indicators); ``final`` the final exit's results (:data:`EXIT_COL`), None while any of
    the person's enrolments is open at the month's end."""

    entry: tuple[Any, ...]
    gender: str
    birth_date: str | None
    exited_on: str | None
    final: tuple[Any, ...] | None

    @property
    def entered_on(self) -> str:
        return _real_day(str(self.entry[_ENTERED]))

    @property
    def followup_on(self) -> str | None:
        """The day the six-month result counts on: its own, or the exit's when earlier (as
        an exit before its entry, :func:`_exit_day`: head office records the result of the
        exit it holds while the office records a re-entry and a new exit)."""
        value = self.final[EXIT_COL["followup_on"]] if self.final else None
        if not value:
            return None
        return max(_real_day(str(value)), self.exited_on or "")


def participants(
    conn: Connection,
    month: Month,
    presidio: str | None,
    aliases: dict[str, str],
    indicators: tuple[str, ...] = ENTRY_INDICATORS,
) -> list[Participant]:
    """Participants known at the month's end (entered by then), the counting rule applied,
    with the exit state as of the month's end.

    Ten thousand enrolments cost tens of milliseconds: rows stay tuples with only the
    columns needed, the person's gender and birth date come from the ``people_report``
    covering index in the same query, exits' details only for enrolments that left, and
    only people with two enrolments go through the grouping's slow path.
    """
    where, params = ("", []) if presidio is None else (" AND pa.presidio = ?", [presidio])
    # The next month as ``YYYY-MM``, not its first day: a day sorts before it exactly when
    # the month it counts in (:func:`_real_day`) is this one or earlier, whether it is a
    # real date or not (``2026-10-5`` and ``2026-10`` count in October; with ``2026-11-01``
    # as the bound, ``2026-10`` was in September's report, counted in no month of it).
    bound = [str(month.next), *params]
    columns = ", ".join(f"pa.{c}" for c in (*_ENTRY, *indicators))
    rows = conn.execute(
        f"SELECT {columns}, p.gender, p.birth_date FROM participants pa "
        "LEFT JOIN people p INDEXED BY people_report ON p.id = pa.person_id "
        f"WHERE pa.deleted = 0 AND pa.entered_on < ?{where} ORDER BY pa.entered_on, pa.id",
        bound,
    ).fetchall()
    details = {
        row[0]: row[1:]
        for row in conn.execute(
            f"SELECT pa.id, {', '.join('pa.' + c for c in _EXIT)} FROM participants pa "
            "WHERE pa.exited_on IS NOT NULL AND pa.exited_on < ? AND pa.deleted = 0 "
            f"AND pa.entered_on < ?{where}",
            [bound[0], *bound],
        )
    }
    gender_at, birth_at = len(_ENTRY) + len(indicators), len(_ENTRY) + len(indicators) + 1
    # A merged-away person counts as their survivor, with the survivor's gender and birth.
    survivors = _people(conn, {aliases[r[_PERSON]] for r in rows if r[_PERSON] in aliases})
    out = []
    for group in _groups(rows, aliases):
        entry = group[0]
        if len(group) == 1:
            final = entry if entry[_ID] in details else None
        elif all(r[_ID] in details for r in group):  # all left by the month's end
            final = max(group, key=lambda r: (_exit_day(r), r[_ID]))
        else:
            final = None
        gender, birth = entry[gender_at], entry[birth_at]
        if entry[_PERSON] in aliases:
            gender, birth = survivors.get(aliases[entry[_PERSON]], (None, None))
        out.append(
            Participant(
                entry,
                gender or _NOT_STATED,
                birth,
                _exit_day(final) if final else None,
                details[final[_ID]] if final else None,
            )
        )
    return out


def _exit_day(row: tuple[Any, ...]) -> str:
    """The day an enrolment's exit counts on: its exit, or its entry when the exit is
    earlier. Two desks make one when each checks the order against what it holds: the
    office moves the entry day later while head office records the exit between the two
    days; after sync the enrolment left before it entered. Its exit month's report did not
    know the participant yet, so the exit was in no month's exits but in every total since
    the start from the entry month (totals no longer the sum of the months' exits, as the
    months' protection takes them to be). On the entry day every table counts it once."""
    return max(_real_day(str(row[_EXITED])), _real_day(str(row[_ENTERED])))


_NOT_STATED = Gender.NOT_STATED.value


def _groups(rows: list[Any], aliases: dict[str, str]) -> list[list[Any]]:
    """Rows of one person together (same surviving person, or same codice fiscale hash),
    each group in entry order, groups in order of their first entry."""
    group_of: dict[str, int] = {}  # person id (survivor) or hash → group number
    groups: list[list[Any]] = []
    for row in rows:
        person = aliases.get(row[_PERSON], row[_PERSON])
        hashed = row[_HASH]
        mine = group_of.get(person)
        theirs = group_of.get(hashed) if hashed else None
        if mine is None and theirs is None:
            group_of[person] = len(groups)
            if hashed:
                group_of[hashed] = len(groups)
            groups.append([row])
            continue
        target = min(g for g in (mine, theirs) if g is not None)
        other = max(g for g in (mine, theirs) if g is not None)
        if other != target:  # this row joins two people's rows: one participant
            groups[target] = sorted(
                groups[target] + groups[other], key=lambda r: (r[_ENTERED], r[_ID])
            )
            groups[other] = []
            for key, number in group_of.items():
                if number == other:
                    group_of[key] = target
        groups[target].append(row)
        group_of[person] = target
        if hashed:
            group_of[hashed] = target
    return [g for g in groups if g]


def _people(conn: Connection, ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
    return {
        pid: (gender, birth)
        for pid, gender, birth in conn.execute(
            "SELECT p.id, p.gender, p.birth_date FROM json_each(?) j "
            "JOIN people p INDEXED BY people_report ON p.id = j.value",
            [json.dumps(sorted(i for i in ids if i))],
        )
    }


# -- the tables ------------------------------------------------------------------------------
def esf_figures(
    conn: Connection,
    month: Month,
    presidio: str | None,
    aliases: dict[str, str],
    programme: Programme,
) -> EsfFigures:
    columns = tuple(c for c, _ in ESF_DISADVANTAGE[programme])
    everyone = participants(conn, month, presidio, aliases, columns)
    first, last = month.first_day.isoformat(), month.last_day.isoformat()
    # One pass builds each participant's codes; each table is then a C-speed Counter.
    indicators = itemgetter(*range(len(_ENTRY), len(_ENTRY) + len(columns)))
    entries = [_entry_codes(p, programme, indicators) for p in everyone]
    new = [codes for codes in entries if first <= codes[0] <= last]
    exits = [_exit_codes(p) for p in everyone if p.final is not None]
    followed = [codes for codes in exits if codes[_FU_ON] and codes[_FU_ON] <= last]
    # Each gender's participants since the start, as esf_total_by_gender publishes them: at
    # most so many of each gender left, or had a result (reports.related).
    counts = Counter(codes[1] for codes in entries)
    by_month = _participants_by_month(entries)
    return EsfFigures(
        entries_new=_entry_tables("esf_new", new, programme),
        entries_total=_entry_tables("esf_total", entries, programme),
        exits_new=_exit_tables(
            "esf_exit_new", [c for c in exits if first <= c[_OUT] <= last], programme, counts
        ),
        exits_total=_exit_tables("esf_exit_total", exits, programme, counts),
        follow_ups_new=_follow_up_tables(
            "esf_6m_new", [c for c in followed if first <= c[_FU_ON] <= last], programme, counts
        ),
        follow_ups_total=_follow_up_tables("esf_6m_total", followed, programme, counts),
        month_series={
            **_series("esf", entries, 0, month, programme, _disadvantage_tables),
            **_series("esf_exit", exits, _OUT, month, programme, _exit_tables, by_month),
            **_series("esf_6m", followed, _FU_ON, month, programme, _follow_up_tables, by_month),
        },
    )


def _participants_by_month(entries: list[tuple[str, ...]]) -> Callable[[str], Counter[str]]:
    """For a month ``YYYY-MM`` (asked in order), each gender's participants since the start
    as that month's report publishes them (first entry before the next month's first day)."""
    days = sorted((codes[0], codes[1]) for codes in entries)
    counts: Counter[str] = Counter()
    done = [0]

    def upto(month: str) -> Counter[str]:
        year, mon = map(int, month.split("-"))
        bound = Month(year, mon).next.first_day.isoformat()
        while done[0] < len(days) and days[done[0]][0] < bound:
            counts[days[done[0]][1]] += 1
            done[0] += 1
        return Counter(counts)

    return upto


#: No ESF participant entered, left or had a result before this month.
FIRST_DAY = FIRST_ESF_DAY.isoformat()
FIRST_MONTH = FIRST_DAY[:7]
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _month_of(day: str) -> str:
    """The month of a day as stored, for :func:`_series`. A day before :data:`FIRST_MONTH`
    or not written ``YYYY-MM-…`` (a typo, ``0000-00-00``, ``2025-9-30`` from a row synced
    from elsewhere) counts in that first month: a series never starts in year 1 (a walk of
    24,000 months) and never stops the report."""
    month = day[:7]
    return month if _MONTH.fullmatch(month) and month >= FIRST_MONTH else FIRST_MONTH


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=4096)
def _real_day(text: str) -> str:
    """A day as stored (entry, exit, six-month result) as the ``YYYY-MM-DD`` the report
    counts it on: itself (its first ten characters) when it is a real date from the
    programme's first day on; else the first day of the month :func:`_month_of` gives it
    (``2026-09-31`` and ``2026-9`` typos, ``''`` or ``0000-00-00`` from a row synced from
    elsewhere, which is only type-checked). So every table of a report — the month's, the
    total since the start, the months' series (:func:`_series`) — counts it in the same one
    month, and the age at entry is computed from a day that exists (an entry day that was
    none stopped the office's and the consolidated report with a ValueError)."""
    day = text[:10]
    if _DAY.fullmatch(day) and day >= FIRST_DAY:
        try:
            date.fromisoformat(day)
        except ValueError:
            pass
        else:
            return day
    return f"{_month_of(text)}-01"


def _series(
    prefix: str,
    codes: list[tuple[Any, ...]],
    day_at: int,
    month: Month,
    programme: Programme,
    tables: Callable[..., list[Breakdown]],
    participants: Callable[[str], Counter[str]] | None = None,
) -> dict[str, list[Breakdown]]:
    """The sensitive tables ``tables(prefix_new, …)`` of every month from the first to
    ``month``, keyed by their total table's section, from the participants already read
    (one pass buckets them by the month of their day at ``day_at``: entry, exit, result);
    ``participants``: each gender's participants as each month's report publishes them,
    passed on to ``tables`` (the exits' and six-month results' bound)."""
    by_month: dict[str, list[tuple[Any, ...]]] = {}
    for row in codes:
        by_month.setdefault(_month_of(row[day_at]), []).append(row)
    out: dict[str, list[Breakdown]] = {}
    if not by_month:
        return out
    year, mon = map(int, min(by_month).split("-"))
    last = (month.first_day.year, month.first_day.month)
    new, total = f"{prefix}_new", f"{prefix}_total"
    while (year, mon) <= last:
        key = f"{year:04d}-{mon:02d}"
        extra = (participants(key),) if participants else ()
        for table in tables(new, by_month.get(key, []), programme, *extra):
            if table.sensitive:
                out.setdefault(table.section.replace(new, total, 1), []).append(table)
        year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return out


def _entry_codes(
    p: Participant, programme: Programme, indicators: itemgetter[Any]
) -> tuple[str, ...]:
    """(entry day, gender, age band, employment, ISCED, *the programme's indicators)."""
    row = p.entry
    entered = p.entered_on
    status = row[_STATUS] or _UNKNOWN
    if status == _NOT_IN_EDUCATION and programme is Programme.ESF_2021_2027:
        status = _INACTIVE
    return (
        entered,
        p.gender,
        age_band(programme, age_on(p.birth_date, _day(entered))),
        status,
        row[_ISCED] or _UNKNOWN,
        *[value or _UNKNOWN for value in indicators(row)],
    )


@lru_cache(maxsize=4096)
def _day(text: str) -> date:
    """Entry days repeat (a few hundred a year): parse each once."""
    return date.fromisoformat(text)


_NOT_IN_EDUCATION = EmploymentStatus.INACTIVE_NOT_IN_EDUCATION.value
_INACTIVE = EmploymentStatus.INACTIVE.value
_UNKNOWN = UNKNOWN[0]
#: Positions in :func:`_exit_codes`.
_SEX, _OUT, _STATE, _FLAGS, _FU_ON, _FU_KNOWN, _FU_FLAGS = 0, 1, 2, 3, 4, 5, 6


def _exit_codes(p: Participant) -> tuple[Any, ...]:
    """(gender, exit day, pending/unknown/known, exit flags, follow-up day, known, flags)."""
    final = p.final or ()
    recorded, known = final[EXIT_COL["exit_results_on"]], final[EXIT_COL["exit_results_known"]]
    state = "pending" if not recorded else "known" if known else "unknown"
    return (
        p.gender,
        p.exited_on,
        state,
        tuple(bool(final[EXIT_COL[c]]) for c in _EXIT_FLAGS),
        p.followup_on,
        bool(final[EXIT_COL["followup_known"]]),
        tuple(bool(final[EXIT_COL[c]]) for c in _FOLLOW_UP_FLAGS),
    )


def _table(
    section: str,
    title: str,
    counts: Counter[str],
    labels: Iterable[tuple[str, str]],
    *,
    sensitive: bool = False,
    total_fixed: bool = True,
    group: str = "",
    partners: tuple[str, ...] = (),
) -> Breakdown:
    items = [Figure(code, label, counts.get(code, 0), sensitive) for code, label in labels]
    known = {f.code for f in items}
    items += [Figure(c, c, n, sensitive) for c, n in sorted(counts.items()) if c not in known and n]
    return Breakdown(
        section,
        title,
        items,
        sensitive=sensitive,
        total_fixed=total_fixed,
        group=group,
        partners=partners,
    )


def _genders(programme: Programme) -> list[tuple[str, str]]:
    return [(g.value, label) for g, label in ESF_GENDER_LABELS[programme].items()]


def _entry_tables(
    prefix: str, codes: list[tuple[str, ...]], programme: Programme
) -> list[Breakdown]:
    employment = (
        EMPLOYMENT_LABELS if programme is Programme.ESF_2014_2020 else EMPLOYMENT_LABELS_2021
    )

    def count(position: int) -> Counter[str]:
        return Counter(map(itemgetter(position), codes))

    tables = [
        _table(f"{prefix}_by_gender", "Per genere", count(1), _genders(programme)),
        _table(
            f"{prefix}_by_age",
            "Per età all'ingresso",
            count(2),
            [*ESF_AGE_BANDS[programme], UNKNOWN],
        ),
        _table(
            f"{prefix}_by_employment",
            "Per condizione occupazionale",
            count(3),
            [(e.value, lab) for e, lab in employment.items()] + [UNKNOWN],
        ),
        _table(
            f"{prefix}_by_isced",
            "Per titolo di studio (ISCED)",
            count(4),
            [(i.value, lab) for i, lab in ISCED_LABELS.items()] + [UNKNOWN],
        ),
    ]
    return tables + _disadvantage_tables(prefix, codes, programme)


def _disadvantage_tables(
    prefix: str, codes: list[tuple[str, ...]], programme: Programme
) -> list[Breakdown]:
    answers = [(a.value, lab) for a, lab in ANSWER_LABELS.items()] + [UNKNOWN]
    return [
        _table(
            f"{prefix}_{column}",
            label,
            Counter(map(itemgetter(5 + n), codes)),
            answers,
            sensitive=True,
            partners=(YesNoDeclined.NO.value,),  # the "yes" stays readable (Breakdown.partners)
        )
        for n, (column, label) in enumerate(ESF_DISADVANTAGE[programme])
    ]


def _gender_rows(
    prefix: str,
    group: str,
    title: str,
    everyone: list[tuple[Any, ...]],
    rows: list[tuple[str, str, list[tuple[Any, ...]]]],
    programme: Programme,
    relation: Relation,
    participants: Mapping[str, int] | None,
) -> list[Breakdown]:
    """The group's first row (everyone, by gender) and one row per result, all suppressed
    (see the module's docstring), related by ``relation`` and bounded by each gender's
    ``participants`` since the start (None: no bound); no total is published elsewhere."""
    genders = _genders(programme)
    tables = [
        _table(
            f"{prefix}_{code}",
            label,
            Counter(map(itemgetter(_SEX), who)),
            genders,
            sensitive=True,
            total_fixed=False,
            group=group,
        )
        for code, label, who in [("by_gender", title, everyone), *rows]
    ]
    bound = None
    if participants is not None:
        bound = {code: participants.get(code, 0) for code in {f.code for f in tables[0].items}}
    return protect(tables, relation, bound)


def _exit_tables(
    prefix: str,
    exits: list[tuple[Any, ...]],
    programme: Programme,
    participants: Mapping[str, int] | None = None,
) -> list[Breakdown]:
    known = [c for c in exits if c[_STATE] == "known"]
    rows = [
        (result.value, label, [c for c in known if c[_FLAGS][n]])
        for n, (result, label) in enumerate(EXIT_RESULT_LABELS.items())
    ]
    others = {
        "no_result": [c for c in known if not any(c[_FLAGS])],
        "unknown": [c for c in exits if c[_STATE] == "unknown"],
        "pending": [c for c in exits if c[_STATE] == "pending"],
    }
    rows += [(code, label, others[code]) for code, label in EXIT_OTHER_LABELS]
    return _gender_rows(prefix, "exit", "Uscite", exits, rows, programme, EXITS, participants)


def _follow_up_tables(
    prefix: str,
    followed: list[tuple[Any, ...]],
    programme: Programme,
    participants: Mapping[str, int] | None = None,
) -> list[Breakdown]:
    known = [c for c in followed if c[_FU_KNOWN]]
    rows = [
        (result.value, label, [c for c in known if c[_FU_FLAGS][n]])
        for n, (result, label) in enumerate(FOLLOW_UP_LABELS.items())
    ]
    unknown = [c for c in followed if not c[_FU_KNOWN]]
    rows += [(code, label, unknown) for code, label in FOLLOW_UP_OTHER_LABELS]
    return _gender_rows(
        prefix,
        "6m",
        "Esiti a sei mesi registrati",
        followed,
        rows,
        programme,
        SIX_MONTHS,
        participants,
    )
