"""ESF participants from entry to results: one enrolment per person, all offices.

A walk-in is activity, not a participant. At entry the programme records the employment
status, education and the disadvantage indicators (each yes / no / declined); the birth
date stays on the person, so age bands can be computed for either programme period.

After entry (the Commission's rules, ESF monitoring guidance):

* **exit** — the day the participant leaves the operation, from the card;
* **immediate results** — the situation within four weeks of leaving (:class:`ExitResult`:
  none, one or several), or "not known"; recorded with the exit or later;
* **six-month follow-up** — from six months after the exit the agenda proposes it:
  in employment, improved labour-market situation (:class:`FollowUpResult`), or not known;
* **re-entry** — a participant who leaves and comes back is still *one* participant: the
  entry date and the entry characteristics stay those of the first entry, and the exit and
  its results are those of the final exit (so a re-entry clears the earlier ones).

**Merged records.** One enrolment per person record: when two records of one person, each
enrolled, are merged, both enrolments stay and the report folds them (the first entry; left
when every one has, with the latest exit's results). The steps after entry therefore act on
the person's *current* enrolments — every one still open, or every one with the latest exit
— so that what the card records is what the report reads (:meth:`Participants.of_people`).

**Owned by one office** (SYNC.md class B): every step after entry writes only enrolments of
this desk's office; head office reads every office's and records its own
(:mod:`casa_desk.store.ownership`, ValidationError ``not_owner`` otherwise).

Each enrolment carries ``cf_hash``, the keyed hash of the person's codice fiscale
(:func:`casa_desk.models.esf.cf_hash`), when this desk holds the programme key: the hub
then refuses a second enrolment of the same person made under another person record, and
head office can list possible duplicates by hash without reading a name.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.esf import (
    FIRST_ESF_DAY,
    add_months,
    born_after,
    cf_hash,
    follow_up_due,
)
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.models.vocab import (
    ENTRY_INDICATORS,
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Isced,
    YesNoDeclined,
)
from casa_desk.store.db import Store
from casa_desk.store.erasure import family
from casa_desk.store.ownership import check_owned, foreign_owner

#: The four indicators of the first version (a missing answer there means "declined", as
#: it always has); the 2021–2027 ones were added later, and an enrolment that never asked
#: them has no answer (reported as "non indicato"), not a refusal.
INDICATORS = ENTRY_INDICATORS[:4]
LATER_INDICATORS = ENTRY_INDICATORS[4:]
INACTIVE = frozenset({EmploymentStatus.INACTIVE, EmploymentStatus.INACTIVE_NOT_IN_EDUCATION})
#: Where this desk keeps the programme key (with its other sync secrets).
KEY_STATE = "esf_key"

_EXIT_COLUMNS = {r: f"exit_{r.value}" for r in ExitResult}
_FOLLOW_UP_COLUMNS = {r: f"followup_{r.value}" for r in FollowUpResult}


def _day(value: Any, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError("Data non valida.", field=field, code="invalid") from None


def clean_enrolment(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    entered = values.get("entered_on")
    if not entered:
        raise ValidationError("Indicare la data di ingresso.", field="entered_on", code="required")
    day = _day(entered, "entered_on")
    if day < FIRST_ESF_DAY:  # a typo (1026 for 2026): no ESF programme ran then
        raise ValidationError(
            "La data di ingresso è precedente all'avvio dei programmi FSE (1° gennaio 2014).",
            field="entered_on",
            code="before_programmes",
        )
    out["entered_on"] = day.isoformat()
    status = values.get("employment_status")
    if status not in {s.value for s in EmploymentStatus}:
        raise ValidationError(
            "Condizione occupazionale non valida.", field="employment_status", code="invalid"
        )
    out["employment_status"] = status
    isced = values.get("education_isced")
    if isced not in {i.value for i in Isced}:
        raise ValidationError(
            "Titolo di studio (ISCED) non valido.", field="education_isced", code="invalid"
        )
    out["education_isced"] = isced
    for field in ENTRY_INDICATORS:
        default = YesNoDeclined.DECLINED.value if field in INDICATORS else None
        value = values.get(field) or default
        if value is not None and value not in {v.value for v in YesNoDeclined}:
            raise ValidationError(
                "Valore non valido (sì / no / non dichiarato).", field=field, code="invalid"
            )
        out[field] = value
    return out


def clean_results(
    kind: type[ExitResult] | type[FollowUpResult], results: Collection[str], *, known: bool
) -> dict[str, int]:
    """The 0/1 columns for a set of result codes; "not known" leaves them all 0."""
    columns = _EXIT_COLUMNS if kind is ExitResult else _FOLLOW_UP_COLUMNS
    codes = set(results)
    unknown = codes - {r.value for r in kind}
    if unknown:
        raise ValidationError("Esito non previsto dal programma.", code="invalid_result")
    if codes and not known:
        raise ValidationError(
            "Un esito «non noto» non può avere anche esiti indicati.", code="unknown_with_results"
        )
    return {column: int(result.value in codes) for result, column in columns.items()}


def programme_key(store: Store) -> str | None:
    """The programme key this desk holds (given by the hub at enrolment), or None."""
    row = store.db.execute("SELECT value FROM sync_state WHERE key = ?", [KEY_STATE]).fetchone()
    return row[0] if row and row[0] else None


class Participants:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- entry ----------------------------------------------------------------------------
    def enrol(self, person_id: str, values: dict[str, Any], *, presidio: str) -> dict[str, Any]:
        if self.of_person(person_id):
            raise ValidationError(
                "La persona è già iscritta al programma.", code="already_enrolled"
            )
        clean = clean_enrolment(values)
        # As the correction, exit, re-entry and follow-up: a day to come is refused (it was
        # a new entrant of the month in course, in its report, before it happened).
        self._not_future(date.fromisoformat(clean["entered_on"]), "entered_on")
        self._not_before_birth(person_id, date.fromisoformat(clean["entered_on"]))
        key = programme_key(self.store)
        hashed = cf_hash(key, self._cf(person_id)) if key else None
        if (
            hashed
            and self.store.db.execute(
                "SELECT 1 FROM participants WHERE cf_hash = ? AND deleted = 0", [hashed]
            ).fetchone()
        ):
            raise ValidationError(
                "Una persona con lo stesso codice fiscale è già iscritta al programma.",
                code="already_enrolled",
            )
        with self.store.transaction() as journal:
            return journal.insert(
                "participants",
                {"person_id": person_id, **clean, "cf_hash": hashed},
                presidio=presidio,
            )

    def correct_entry(self, participant_id: str, values: dict[str, Any]) -> None:
        """Correct what was recorded at entry (a mistyped day, an answer given later): the
        same checks as the entry, and the day stays before any exit or re-entry. Only the
        values given that change are written (and synced): the other programme's questions,
        not asked by today's dialog, keep their answers."""
        row = self.get(participant_id)
        check_owned(self.store, [row], "participant_id")
        clean = clean_enrolment(values)
        self._not_future(date.fromisoformat(clean["entered_on"]), "entered_on")
        self._not_before_birth(row["person_id"], date.fromisoformat(clean["entered_on"]))
        later = [d for d in (row.get("exited_on"), row.get("reentered_on")) if d]
        if later and clean["entered_on"] > min(later):
            raise ValidationError(
                f"L'ingresso non può seguire l'uscita o il rientro del {format_date(min(later))}.",
                field="entered_on",
                code="after_exit",
            )
        changes = {k: v for k, v in clean.items() if k in values and row.get(k) != v}
        if changes:
            with self.store.transaction() as journal:
                journal.update("participants", participant_id, changes)

    def reenter(self, participant_id: str, on: date) -> None:
        """A participant who had left comes back: still one participant (first entry kept);
        the exit and results of the earlier stay give way to those of the final exit."""
        row = self.get(participant_id)
        if not row.get("exited_on"):
            raise ValidationError(
                "La persona non è uscita dal programma.", field="reentered_on", code="not_exited"
            )
        targets = self._same_exit(row)
        check_owned(self.store, targets, "participant_id")
        if on < date.fromisoformat(row["exited_on"]):
            raise ValidationError(
                f"Il rientro non può precedere l'uscita del {format_date(row['exited_on'])}.",
                field="reentered_on",
                code="before_exit",
            )
        self._not_future(on, "reentered_on")
        cleared = {
            "exited_on": None,
            "exit_results_on": None,
            "exit_results_known": None,
            "followup_on": None,
            "followup_known": None,
            **dict.fromkeys(_EXIT_COLUMNS.values()),
            **dict.fromkeys(_FOLLOW_UP_COLUMNS.values()),
        }
        with self.store.transaction() as journal:
            for target in targets:
                journal.update(
                    "participants", target["id"], {**cleared, "reentered_on": on.isoformat()}
                )

    # -- exit and results -------------------------------------------------------------------
    def exit(
        self,
        participant_id: str,
        on: date,
        results: Collection[str] | None = None,
        *,
        known: bool = True,
        recorded_on: date | None = None,
    ) -> None:
        """Record the exit on ``on``; with ``results`` (codes of :class:`ExitResult`, maybe
        none) or ``known=False`` also the immediate results, else they come later. Every
        enrolment of the person still open leaves with it (records merged: see the module)."""
        row = self.get(participant_id)
        targets = [r for r in self._family(row) if not r.get("exited_on")]
        if not targets:  # an exit over an exit kept the first one's results, or older
            raise ValidationError(
                "La persona è già uscita dal programma: registrare prima il rientro.",
                field="exited_on",
                code="already_exited",
            )
        check_owned(self.store, targets, "participant_id")
        start = max(_start(r) for r in targets)
        if on < date.fromisoformat(start):
            raise ValidationError(
                f"L'uscita non può precedere l'ingresso del {format_date(start)}.",
                field="exited_on",
                code="before_entry",
            )
        self._not_future(on, "exited_on")
        changes: dict[str, Any] = {"exited_on": on.isoformat()}
        if results is not None or not known:
            changes.update(
                self._exit_results(
                    self._entry(row), results or (), known, recorded_on or today_rome()
                )
            )
        with self.store.transaction() as journal:
            for target in targets:
                journal.update("participants", target["id"], changes)

    def record_exit_results(
        self,
        participant_id: str,
        results: Collection[str],
        *,
        known: bool = True,
        recorded_on: date | None = None,
    ) -> None:
        """The immediate results of a participant who has left (within four weeks of it)."""
        row = self.get(participant_id)
        if not row.get("exited_on"):
            raise ValidationError("Registrare prima l'uscita dal programma.", code="not_exited")
        targets = self._same_exit(row)
        check_owned(self.store, targets, "participant_id")
        changes = self._exit_results(self._entry(row), results, known, recorded_on or today_rome())
        with self.store.transaction() as journal:
            for target in targets:
                journal.update("participants", target["id"], changes)

    def _exit_results(
        self, row: dict[str, Any], results: Collection[str], known: bool, recorded_on: date
    ) -> dict[str, Any]:
        columns = clean_results(ExitResult, results, known=known)
        if columns["exit_job_searching"] and row.get("employment_status") not in INACTIVE:
            raise ValidationError(
                "«In cerca di lavoro» vale solo per chi era inattivo all'ingresso.",
                code="needs_inactive",
            )
        return {
            **columns,
            "exit_results_known": int(known),
            "exit_results_on": recorded_on.isoformat(),
        }

    def record_follow_up(
        self,
        participant_id: str,
        results: Collection[str],
        *,
        known: bool = True,
        on: date | None = None,
    ) -> None:
        """The situation six months after leaving (codes of :class:`FollowUpResult`)."""
        row = self.get(participant_id)
        on = on or today_rome()
        if not row.get("exited_on"):
            raise ValidationError("Registrare prima l'uscita dal programma.", code="not_exited")
        targets = self._same_exit(row)
        check_owned(self.store, targets, "participant_id")
        due = follow_up_due(date.fromisoformat(row["exited_on"]))
        if on < due:
            raise ValidationError(
                f"L'esito a sei mesi si registra dal {format_date(due)}.", code="too_early"
            )
        self._not_future(on, "followup_on")
        columns = clean_results(FollowUpResult, results, known=known)
        if columns["followup_improved"] and self._entry(row).get("employment_status") != (
            EmploymentStatus.EMPLOYED.value
        ):
            raise ValidationError(
                "«Situazione lavorativa migliorata» vale solo per chi era occupato all'ingresso.",
                code="needs_employed",
            )
        with self.store.transaction() as journal:
            for target in targets:
                journal.update(
                    "participants",
                    target["id"],
                    {**columns, "followup_known": int(known), "followup_on": on.isoformat()},
                )

    # -- reading ----------------------------------------------------------------------------
    def get(self, participant_id: str) -> dict[str, Any]:
        rows = self.store.query(
            "SELECT * FROM participants WHERE id = ? AND deleted = 0", [participant_id]
        )
        if not rows:
            raise ValidationError(
                "Iscrizione al programma non trovata.", field="participant_id", code="not_found"
            )
        return rows[0]

    def of_person(self, person_id: str) -> dict[str, Any] | None:
        rows = self.store.query(
            "SELECT * FROM participants WHERE person_id = ? AND deleted = 0", [person_id]
        )
        return rows[0] if rows else None

    def of_people(
        self, person_ids: Collection[str]
    ) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """(entry, state) of the enrolments of these person records (a person and the
        records merged into them), as the report folds them: the first entry, whose day and
        answers count; and the enrolment whose state counts — one still open (the latest
        begun), else the latest exit. None when none of them is enrolled."""
        rows = self._rows_of(person_ids)
        return (rows[0], _state(rows)) if rows else None

    def owner_elsewhere(self, person_ids: Collection[str]) -> str | None:
        """The code of another office owning an enrolment of these person records (a
        person and the records merged into them), or None when this desk owns them all:
        then, and only then, the card offers the steps after entry (each step refuses a
        write of an enrolment this desk does not own, ``not_owner``)."""
        return foreign_owner(self.store, self._rows_of(person_ids))

    def _rows_of(self, person_ids: Collection[str]) -> list[dict[str, Any]]:
        return self.store.query(
            "SELECT * FROM participants WHERE deleted = 0"
            " AND person_id IN (SELECT value FROM json_each(?)) ORDER BY entered_on, id",
            [json.dumps(sorted(person_ids))],
        )

    def _family(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """Every enrolment this store holds of the person of ``row``: of the surviving
        record and of each record merged into it."""
        root, seen = row["person_id"], set()
        while root not in seen:  # a survivor merged away later: up to the last one
            seen.add(root)
            up = self.store.db.execute(
                "SELECT merged_into FROM people WHERE id = ?", [root]
            ).fetchone()
            if not up or not up[0]:
                break
            root = up[0]
        return self._rows_of(family(self.store.db, root)) or [row]

    def _entry(self, row: dict[str, Any]) -> dict[str, Any]:
        """The enrolment whose entry counts for the person of ``row`` (the first)."""
        return self._family(row)[0]

    def _same_exit(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The person's enrolments that left with ``row`` (the same day): its results,
        six-month result and re-entry are theirs too."""
        same = [r for r in self._family(row) if r.get("exited_on") == row.get("exited_on")]
        return same or [row]

    def follow_ups_due(
        self, presidio: str | None, today: date, *, limit: int = 200, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Participants of the office (all with None) whose six-month follow-up is due by
        ``today`` and not recorded, longest waiting first, with the person's name."""
        where, params = self._due_filter(presidio, today)
        rows = self.store.query(
            "SELECT pa.id, pa.person_id, pa.presidio, pa.exited_on, pa.employment_status,"
            " p.last_name, p.first_name FROM participants pa"
            f" LEFT JOIN people p ON p.id = pa.person_id WHERE {where}"
            " ORDER BY pa.exited_on, pa.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        for row in rows:
            row["due_on"] = follow_up_due(date.fromisoformat(row["exited_on"])).isoformat()
        return rows

    def count_follow_ups_due(self, presidio: str | None, today: date) -> int:
        where, params = self._due_filter(presidio, today)
        return int(
            self.store.db.execute(
                f"SELECT count(*) FROM participants pa WHERE {where}", params
            ).fetchone()[0]
        )

    @staticmethod
    def _due_filter(presidio: str | None, today: date) -> tuple[str, list[Any]]:
        # The latest exit day whose follow-up is due by today (six months, clipped to the
        # month's end: everyone who left on 28–31 August is due on 28 February).
        last = add_months(today, -6)
        while follow_up_due(last + timedelta(days=1)) <= today:
            last += timedelta(days=1)
        where = (
            "pa.exited_on IS NOT NULL AND pa.followup_on IS NULL AND pa.deleted = 0 "
            f"AND pa.exited_on <= ? AND {_NOT_SUPERSEDED}"
        )
        params: list[Any] = [last.isoformat()]
        if presidio is not None:
            where += " AND pa.presidio = ?"
            params.append(presidio)
        return where, params

    # -- the programme key --------------------------------------------------------------------
    def refresh_cf_hashes(self) -> int:
        """Bring this office's enrolments' ``cf_hash`` in line with their people's codici
        fiscali under this desk's key (after the key arrives, or a code was added or
        corrected); returns how many changed. Without a key nothing is done."""
        key = programme_key(self.store)
        if not key:
            return 0
        # Only this office's enrolments: it owns them (a head-office desk owns none).
        rows = self.store.db.execute(
            "SELECT pa.id, pa.cf_hash, p.codice_fiscale FROM participants pa "
            "JOIN people p ON p.id = pa.person_id WHERE pa.deleted = 0 AND pa.presidio = ?",
            [self.store.presidio],
        ).fetchall()
        stale = [
            (pid, fresh)
            for pid, old, code in rows
            if (fresh := cf_hash(key, code)) is not None and fresh != old
        ]
        if stale:
            with self.store.transaction() as journal:
                for pid, fresh in stale:
                    journal.update("participants", pid, {"cf_hash": fresh})
        return len(stale)

    def _cf(self, person_id: str) -> str | None:
        row = self.store.db.execute(
            "SELECT codice_fiscale FROM people WHERE id = ?", [person_id]
        ).fetchone()
        return row[0] if row else None

    def _not_before_birth(self, person_id: str, day: date) -> None:
        """Refuse an entry on ``day`` before the person was born (``before_birth``): it was
        recorded, and counted in the report with the age "unknown". A birth known by its
        year and month alone (retention: ``2020-05``) refuses an earlier month only; one
        that is no date (none, or synced as ``1980-02-31``) refuses nothing. The birth date
        is not said: the line may reach a log."""
        found = self.store.db.execute(
            "SELECT birth_date FROM people WHERE id = ?", [person_id]
        ).fetchone()
        birth = found[0] if found and isinstance(found[0], str) else None
        if born_after(birth, day):
            raise ValidationError(
                "La data di ingresso precede la data di nascita della persona.",
                field="entered_on",
                code="before_birth",
            )

    @staticmethod
    def _not_future(day: date, field: str) -> None:
        if day > today_rome():
            raise ValidationError("La data non può essere nel futuro.", field=field, code="future")


def _start(row: dict[str, Any]) -> str:
    """The day the enrolment's current stay began (its re-entry, else its entry)."""
    return str(row.get("reentered_on") or row["entered_on"])


def _state(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The enrolment whose state the report reads (reports/esf.py: ``final``)."""
    still = [r for r in rows if not r.get("exited_on")]
    if still:
        return max(still, key=lambda r: (_start(r), r["id"]))
    return max(rows, key=lambda r: (str(r["exited_on"]), r["id"]))


#: SQL: the enrolment ``pa`` is its person's current one, as the report reads it — no other
#: enrolment of the same surviving record (merged records: one level, as the report's
#: aliases for a merge) is still open, left later, or left the same day with a larger id.
_NOT_SUPERSEDED = """NOT EXISTS (
    SELECT 1 FROM people mp JOIN participants o ON o.person_id IN (
        SELECT coalesce(mp.merged_into, mp.id)
        UNION ALL SELECT op.id FROM people op
            WHERE op.merged_into = coalesce(mp.merged_into, mp.id))
    WHERE mp.id = pa.person_id AND o.id != pa.id AND o.deleted = 0
    AND (o.exited_on IS NULL OR o.exited_on > pa.exited_on
         OR (o.exited_on = pa.exited_on AND o.id > pa.id)))"""
