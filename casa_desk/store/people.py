"""People (the shared registry): register, edit, find duplicates, merge, household.

Every check of the values is in :mod:`casa_desk.models.people`; this module adds what needs
the database: one card per codice fiscale, search-before-create (likely duplicates) and
merging (:mod:`casa_desk.store.merging`), where the duplicate row points at the survivor
(``merged_into``) so its history is still found.
"""

from __future__ import annotations

from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.duplicates import PersonKey, duplicate_reasons
from casa_desk.models.esf import born_after
from casa_desk.models.ids import uuid7
from casa_desk.models.people import clean_person
from casa_desk.models.timeutil import iso_day
from casa_desk.models.vocab import AuditAction
from casa_desk.store.audit import record
from casa_desk.store.db import Store
from casa_desk.store.journal import Journal
from casa_desk.store.merging import Moved, merge_people
from casa_desk.store.suppression import SuppressionList
from casa_desk.store.tables import PEOPLE


def _key(row: dict[str, Any]) -> PersonKey:
    birth = row.get("birth_date")
    return PersonKey(
        person_id=row.get("id") or "",
        first_name=row.get("first_name") or "",
        last_name=row.get("last_name") or "",
        # An anonymised person keeps only year and month: no birth date to compare.
        # Nor one that is no real day (synced as another office sent it: timeutil.iso_day).
        birth_date=iso_day(birth),
        codice_fiscale=row.get("codice_fiscale"),
        phone=row.get("phone"),
    )


class People:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, person_id: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM people WHERE id = ?", [person_id])
        if not rows:
            raise ValidationError("Persona non trovata.", code="not_found")
        return rows[0]

    def register(self, values: dict[str, Any], *, presidio: str) -> dict[str, Any]:
        """Validate and insert a person (ValidationError on the first problem).

        A codice fiscale already on another card is refused (``cf_exists``): the same
        person is registered once; :meth:`with_cf` finds the card to open instead.

        A person erased on request who comes back and is registered here by hand asks
        anew: the suppression entries that recognise her are cleared (synced, audited), so
        a later registry import updates her card like anyone's
        (:mod:`casa_desk.store.suppression`).
        """
        clean = clean_person(values)
        with self.store.transaction() as journal:
            self._refuse_taken_cf(clean.get("codice_fiscale"), None)
            row = journal.insert("people", clean, presidio=presidio)
            for erased in SuppressionList(self.store.db).matching(clean):
                journal.update("people", erased, {"erasure_hashes": None})
                record(
                    journal,
                    AuditAction.CHANGED,
                    who=self.store.writer or "",
                    presidio=presidio,
                    table="people",
                    row_id=erased,
                    reason="registrata di nuovo allo sportello: "
                    "non più esclusa dall'importazione dell'anagrafe",
                )
            return row

    def update(self, person_id: str, values: dict[str, Any]) -> dict[str, Any] | None:
        """Validate and apply the fields that changed; returns them (None if nothing did)."""
        current = self.get(person_id)
        merged = {**current, **values}
        clean_person({k: merged.get(k) for k in PEOPLE.columns if k != "merged_into"})
        clean = clean_person(values, partial=True)
        if "birth_date" in clean and clean["birth_date"] != current.get("birth_date"):
            self._refuse_birth_after_entry(person_id, clean["birth_date"])
        with self.store.transaction() as journal:
            if clean.get("codice_fiscale") != current.get("codice_fiscale"):
                self._refuse_taken_cf(clean.get("codice_fiscale"), person_id)
            return journal.update("people", person_id, clean)

    def with_cf(
        self, codice_fiscale: str, *, other_than: str | None = None
    ) -> dict[str, Any] | None:
        """The live card that holds ``codice_fiscale`` (None when there is none)."""
        rows = self.store.query(
            "SELECT * FROM people WHERE codice_fiscale = ? AND deleted = 0"
            " AND merged_into IS NULL AND id IS NOT ? LIMIT 1",
            [codice_fiscale.strip().upper(), other_than],
        )
        return rows[0] if rows else None

    def _refuse_birth_after_entry(self, person_id: str, birth_date: str | None) -> None:
        """A birth date after the person's ESF entry (theirs or a record merged into them)
        is refused, as an entry before the birth is (casa_desk.store.participants): the
        report counted the participant with the age "unknown"."""
        first = self.store.db.execute(
            "SELECT min(entered_on) FROM participants WHERE deleted = 0 AND person_id IN"
            " (SELECT id FROM people WHERE id = ? OR merged_into = ?)",
            [person_id, person_id],
        ).fetchone()[0]
        entered = iso_day(first) if isinstance(first, str) else None
        if entered is not None and born_after(birth_date, entered):
            raise ValidationError(
                "La data di nascita segue l'ingresso della persona nel programma FSE: "
                "controllare le due date.",
                field="birth_date",
                code="birth_after_entry",
            )

    def _refuse_taken_cf(self, codice_fiscale: str | None, person_id: str | None) -> None:
        if codice_fiscale and self.with_cf(codice_fiscale, other_than=person_id):
            raise ValidationError(
                "Questo codice fiscale è già registrato per un'altra persona.",
                field="codice_fiscale",
                code="cf_exists",
            )

    def possible_duplicates(
        self, values: dict[str, Any]
    ) -> list[tuple[dict[str, Any], frozenset[str]]]:
        """Existing people who may be the same as ``values`` (search-before-create)."""
        candidates: dict[str, dict[str, Any]] = {}
        clauses: list[tuple[str, list[Any]]] = []
        if values.get("codice_fiscale"):
            clauses.append(("codice_fiscale = ?", [str(values["codice_fiscale"]).upper()]))
        if values.get("phone"):
            clauses.append(("phone = ?", [values["phone"]]))
        if values.get("birth_date"):
            clauses.append(("birth_date = ?", [str(values["birth_date"])]))
        for where, params in clauses:
            for row in self.store.query(
                f"SELECT * FROM people WHERE deleted = 0 AND merged_into IS NULL AND {where}"
                " LIMIT 200",
                params,
            ):
                candidates[row["id"]] = row
        key = _key({**values, "id": values.get("id") or ""})
        found = []
        for row in candidates.values():
            reasons = duplicate_reasons(key, _key(row))
            if reasons:
                found.append((row, reasons))
        return found

    def duplicates_of(self, person_id: str) -> list[tuple[dict[str, Any], frozenset[str]]]:
        return self.possible_duplicates(self.get(person_id))

    def merge(
        self,
        duplicate_id: str,
        survivor_id: str,
        *,
        choices: dict[str, Any] | None = None,
        presidio: str | None = None,
        operator: str = "",
    ) -> Moved:
        """Merge ``duplicate_id`` into ``survivor_id``: the survivor keeps the ``choices``
        made where the two differ and takes the rest, then consents, contacts, referrals,
        the enrolment and the household link move to it (:mod:`casa_desk.store.merging`)."""
        return merge_people(
            self.store,
            duplicate_id,
            survivor_id,
            choices=choices,
            presidio=presidio,
            operator=operator,
        )

    def survivor_id(self, person_id: str) -> str:
        """The id whose card shows ``person_id``: the record it was merged into (followed
        to the end of a chain of merges), else ``person_id`` itself."""
        current, seen = person_id, {person_id}
        while True:
            row = self.store.db.execute(
                "SELECT merged_into FROM people WHERE id = ?", [current]
            ).fetchone()
            if row is None or not row[0] or row[0] in seen:
                return current
            current = row[0]
            seen.add(current)

    def merged_ids(self, person_id: str) -> list[str]:
        """The person and everyone merged into them (their histories are one)."""
        ids = [person_id]
        for row in self.store.query("SELECT id FROM people WHERE merged_into = ?", [person_id]):
            ids.append(row["id"])
        return ids

    def household(self, person: dict[str, Any]) -> list[dict[str, Any]]:
        """The other members of the person's household, the same seen from every member.

        Two people are in one household when they share a ``household_id``, or when they
        share an Aler unit and at least one of them has no household yet (a member added
        by unit code appears on every member's card; two households in one unit stay two).
        """
        found: dict[str, dict[str, Any]] = {}
        columns = "id, first_name, last_name, birth_date, tenancy_role, household_id"
        live = "id != ? AND deleted = 0 AND merged_into IS NULL"
        if person.get("household_id"):
            for row in self.store.query(
                f"SELECT {columns} FROM people WHERE household_id = ? AND {live}",
                [person["household_id"], person["id"]],
            ):
                found[row["id"]] = row
        if person.get("unit_code"):
            alone = "" if not person.get("household_id") else " AND household_id IS NULL"
            for row in self.store.query(
                f"SELECT {columns} FROM people WHERE unit_code = ?{alone} AND {live}",
                [person["unit_code"], person["id"]],
            ):
                found[row["id"]] = row
        return sorted(
            found.values(),
            key=lambda r: (r.get("tenancy_role") != "titolare", r.get("birth_date") or ""),
        )

    def link_household(self, person_id: str, member_id: str) -> str:
        """Put ``member_id`` in ``person_id``'s household; returns the household id.

        A household known only by its unit is given an id first, for every current member,
        so that adding someone from elsewhere does not split it.
        """
        if person_id == member_id:
            raise ValidationError(
                "Una persona non può essere unita a se stessa.", code="merge_self"
            )
        person, member = self.get(person_id), self.get(member_id)
        with self.store.transaction() as journal:
            household = person.get("household_id") or self._settle_household(journal, person)
            if member.get("household_id") != household:
                journal.update("people", member_id, {"household_id": household})
        return household

    def unlink_household(self, person_id: str, member_id: str) -> None:
        """Take ``member_id`` out of ``person_id``'s household (into one of their own)."""
        person = self.get(person_id)
        with self.store.transaction() as journal:
            if not person.get("household_id"):
                self._settle_household(journal, person, leaving=member_id)
            # A household of one: sharing the unit no longer joins them to the others.
            journal.update("people", member_id, {"household_id": uuid7()})

    def _settle_household(
        self, journal: Journal, person: dict[str, Any], leaving: str | None = None
    ) -> str:
        household = uuid7()
        for member_id in [person["id"], *(m["id"] for m in self.household(person))]:
            if member_id != leaving:
                journal.update("people", member_id, {"household_id": household})
        return household
