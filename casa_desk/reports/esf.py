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

**Tables.** Entries as before, with the programme's items. Exits and six-month results are
by gender, one row per result (a participant may have several results, so result rows do
not add up; each row is its own line, with its total, for suppression and the CSV). Every
row, the exits' own included, is suppressed like the disadvantage indicators: were the
exits of a gender published as 1–4, a "< 5" in a result row of that gender could hold only
values up to it — one woman left, one woman's result "< 5" is hers. Row totals appear
nowhere else, so suppression may hide them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from casa_desk.models.esf import age_band, age_on
from casa_desk.models.vocab import (
    ENTRY_INDICATORS,
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Gender,
    Programme,
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

_EXIT_FLAGS = tuple(f"exit_{r.value}" for r in ExitResult)
_FOLLOW_UP_FLAGS = tuple(f"followup_{r.value}" for r in FollowUpResult)
_COLUMNS = (
    "id",
    "person_id",
    "cf_hash",
    "entered_on",
    "exited_on",
    "employment_status",
    "education_isced",
    *ENTRY_INDICATORS,
    "exit_results_on",
    "exit_results_known",
    *_EXIT_FLAGS,
    "followup_on",
    "followup_known",
    *_FOLLOW_UP_FLAGS,
)


@dataclass
class EsfFigures:
    """The ESF tables of one month (each list in print order)."""

    entries_new: list[Breakdown] = field(default_factory=list)
    entries_total: list[Breakdown] = field(default_factory=list)
    exits_new: list[Breakdown] = field(default_factory=list)
    exits_total: list[Breakdown] = field(default_factory=list)
    follow_ups_new: list[Breakdown] = field(default_factory=list)
    follow_ups_total: list[Breakdown] = field(default_factory=list)


@dataclass
class Participant:
    """One participant after the counting rule: the first entry, the final exit."""

    entry: dict[str, Any]
    gender: str
    birth_date: str | None
    final: dict[str, Any] | None  # the row of the final exit; None while in the operation

    @property
    def entered_on(self) -> str:
        return str(self.entry["entered_on"])[:10]

    @property
    def exited_on(self) -> str | None:
        return str(self.final["exited_on"])[:10] if self.final else None

    @property
    def followup_on(self) -> str | None:
        value = self.final.get("followup_on") if self.final else None
        return str(value)[:10] if value else None


def participants(
    conn: sqlite3.Connection, month: Month, presidio: str | None, aliases: dict[str, str]
) -> list[Participant]:
    """Participants known at the month's end (entered by then), the counting rule applied,
    with the exit state as of the month's end."""
    where, params = ("", []) if presidio is None else (" AND presidio = ?", [presidio])
    last = month.last_day.isoformat()
    rows = [
        dict(zip(_COLUMNS, values, strict=True))
        for values in conn.execute(
            f"SELECT {', '.join(_COLUMNS)} FROM participants WHERE deleted = 0 "
            f"AND entered_on < ?{where} ORDER BY entered_on, id",
            [month.next.first_day.isoformat(), *params],
        )
    ]
    people = _people(conn, {aliases.get(r["person_id"], r["person_id"]) for r in rows})
    out = []
    for group in _groups(rows, aliases):
        entry = group[0]
        exits = [r["exited_on"] for r in group]
        left = all(e and str(e)[:10] <= last for e in exits)
        final = max(group, key=lambda r: (str(r["exited_on"]), r["id"])) if left else None
        gender, birth = people.get(aliases.get(entry["person_id"], entry["person_id"]), ("", ""))
        out.append(Participant(entry, gender or Gender.NOT_STATED.value, birth, final))
    return out


def _groups(rows: list[dict[str, Any]], aliases: dict[str, str]) -> list[list[dict[str, Any]]]:
    """Rows of one person together (same surviving person, or same codice fiscale hash),
    each group in entry order, groups in order of their first entry."""
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_of: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        keys = [("person", aliases.get(row["person_id"], row["person_id"]))]
        if row["cf_hash"]:
            keys.append(("cf", row["cf_hash"]))
        for key in keys:
            j = first_of.setdefault(key, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(root(i), []).append(row)
    return [groups[k] for k in sorted(groups)]


def _people(
    conn: sqlite3.Connection, ids: Iterable[str]
) -> dict[str, tuple[str | None, str | None]]:
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
    conn: sqlite3.Connection,
    month: Month,
    presidio: str | None,
    aliases: dict[str, str],
    programme: Programme,
) -> EsfFigures:
    everyone = participants(conn, month, presidio, aliases)
    first, last = month.first_day.isoformat(), month.last_day.isoformat()

    def in_month(day: str | None) -> bool:
        return day is not None and first <= day <= last

    left = [p for p in everyone if p.exited_on]
    followed = [p for p in left if p.followup_on and p.followup_on <= last]
    return EsfFigures(
        entries_new=_entry_tables(
            "esf_new", [p for p in everyone if in_month(p.entered_on)], programme
        ),
        entries_total=_entry_tables("esf_total", everyone, programme),
        exits_new=_exit_tables(
            "esf_exit_new", [p for p in left if in_month(p.exited_on)], programme
        ),
        exits_total=_exit_tables("esf_exit_total", left, programme),
        follow_ups_new=_follow_up_tables(
            "esf_6m_new", [p for p in followed if in_month(p.followup_on)], programme
        ),
        follow_ups_total=_follow_up_tables("esf_6m_total", followed, programme),
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
) -> Breakdown:
    items = [Figure(code, label, counts.get(code, 0), sensitive) for code, label in labels]
    known = {f.code for f in items}
    items += [Figure(c, c, n, sensitive) for c, n in sorted(counts.items()) if c not in known and n]
    return Breakdown(
        section, title, items, sensitive=sensitive, total_fixed=total_fixed, group=group
    )


def _genders(programme: Programme) -> list[tuple[str, str]]:
    return [(g.value, label) for g, label in ESF_GENDER_LABELS[programme].items()]


def _employment(programme: Programme, status: str | None) -> str:
    if not status:
        return UNKNOWN[0]
    if programme is Programme.ESF_2021_2027 and status == (
        EmploymentStatus.INACTIVE_NOT_IN_EDUCATION.value
    ):
        return EmploymentStatus.INACTIVE.value
    return status


def _entry_tables(prefix: str, people: list[Participant], programme: Programme) -> list[Breakdown]:
    employment = (
        EMPLOYMENT_LABELS if programme is Programme.ESF_2014_2020 else (EMPLOYMENT_LABELS_2021)
    )
    tables = [
        _table(
            f"{prefix}_by_gender",
            "Per genere",
            Counter(p.gender for p in people),
            _genders(programme),
        ),
        _table(
            f"{prefix}_by_age",
            "Per età all'ingresso",
            Counter(
                age_band(programme, age_on(p.birth_date, date.fromisoformat(p.entered_on)))
                for p in people
            ),
            [*ESF_AGE_BANDS[programme], UNKNOWN],
        ),
        _table(
            f"{prefix}_by_employment",
            "Per condizione occupazionale",
            Counter(_employment(programme, p.entry["employment_status"]) for p in people),
            [(e.value, lab) for e, lab in employment.items()] + [UNKNOWN],
        ),
        _table(
            f"{prefix}_by_isced",
            "Per titolo di studio (ISCED)",
            Counter(p.entry["education_isced"] or UNKNOWN[0] for p in people),
            [(i.value, lab) for i, lab in ISCED_LABELS.items()] + [UNKNOWN],
        ),
    ]
    answers = [(a.value, lab) for a, lab in ANSWER_LABELS.items()] + [UNKNOWN]
    for column, label in ESF_DISADVANTAGE[programme]:
        tables.append(
            _table(
                f"{prefix}_{column}",
                label,
                Counter(p.entry[column] or UNKNOWN[0] for p in people),
                answers,
                sensitive=True,
            )
        )
    return tables


def _exit_state(p: Participant) -> str:
    """``pending`` (no results recorded yet), ``unknown``, or ``known``."""
    final = p.final or {}
    if not final.get("exit_results_on"):
        return "pending"
    return "known" if final.get("exit_results_known") else "unknown"


def _exit_tables(prefix: str, people: list[Participant], programme: Programme) -> list[Breakdown]:
    genders = _genders(programme)
    rows: list[tuple[str, str, list[Participant]]] = []
    known = [p for p in people if _exit_state(p) == "known"]
    for result, label in EXIT_RESULT_LABELS.items():
        column = f"exit_{result.value}"
        rows.append((result.value, label, [p for p in known if (p.final or {}).get(column)]))
    others = {
        "no_result": [p for p in known if not any((p.final or {}).get(c) for c in _EXIT_FLAGS)],
        "unknown": [p for p in people if _exit_state(p) == "unknown"],
        "pending": [p for p in people if _exit_state(p) == "pending"],
    }
    rows += [(code, label, others[code]) for code, label in EXIT_OTHER_LABELS]
    tables = [
        _table(
            f"{prefix}_by_gender",
            "Uscite",
            Counter(p.gender for p in people),
            genders,
            sensitive=True,
            total_fixed=False,
            group="exit",
        )
    ]
    for code, label, who in rows:
        tables.append(
            _table(
                f"{prefix}_{code}",
                label,
                Counter(p.gender for p in who),
                genders,
                sensitive=True,
                total_fixed=False,
                group="exit",
            )
        )
    return tables


def _follow_up_tables(
    prefix: str, people: list[Participant], programme: Programme
) -> list[Breakdown]:
    genders = _genders(programme)
    known = [p for p in people if (p.final or {}).get("followup_known")]
    rows = [
        (result.value, label, [p for p in known if (p.final or {}).get(f"followup_{result.value}")])
        for result, label in FOLLOW_UP_LABELS.items()
    ]
    unknown = [p for p in people if not (p.final or {}).get("followup_known")]
    rows += [(code, label, unknown) for code, label in FOLLOW_UP_OTHER_LABELS]
    tables = [
        _table(
            f"{prefix}_by_gender",
            "Esiti a sei mesi registrati",
            Counter(p.gender for p in people),
            genders,
            sensitive=True,
            total_fixed=False,
            group="6m",
        )
    ]
    for code, label, who in rows:
        tables.append(
            _table(
                f"{prefix}_{code}",
                label,
                Counter(p.gender for p in who),
                genders,
                sensitive=True,
                total_fixed=False,
                group="6m",
            )
        )
    return tables
