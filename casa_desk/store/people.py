"""People (the shared registry): register, edit, find duplicates, merge, household.

Every check of the values is in :mod:`casa_desk.models.people`; this module adds what needs
the database: one card per codice fiscale, search-before-create (likely duplicates) and
merging (:mod:`casa_desk.store.merging`), where the duplicate row points at the survivor
(``merged_into``) so its history is still found.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.duplicates import PersonKey, duplicate_reasons
from casa_desk.models.people import clean_person
from casa_desk.store.db import Store
from casa_desk.store.merging import Moved, merge_people
from casa_desk.store.tables import PEOPLE


def _key(row: dict[str, Any]) -> PersonKey:
    birth = row.get("birth_date")
    return PersonKey(
        person_id=row.get("id") or "",
        first_name=row.get("first_name") or "",
        last_name=row.get("last_name") or "",
        birth_date=date.fromisoformat(birth) if birth else None,
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
        """
        clean = clean_person(values)
        with self.store.transaction() as journal:
            self._refuse_taken_cf(clean.get("codice_fiscale"), None)
            return journal.insert("people", clean, presidio=presidio)

    def update(self, person_id: str, values: dict[str, Any]) -> dict[str, Any] | None:
        """Validate and apply the fields that changed; returns them (None if nothing did)."""
        current = self.get(person_id)
        merged = {**current, **values}
        clean_person({k: merged.get(k) for k in PEOPLE.columns if k != "merged_into"})
        clean = clean_person(values, partial=True)
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

    def merged_ids(self, person_id: str) -> list[str]:
        """The person and everyone merged into them (their histories are one)."""
        ids = [person_id]
        for row in self.store.query("SELECT id FROM people WHERE merged_into = ?", [person_id]):
            ids.append(row["id"])
        return ids

    def household(self, person: dict[str, Any]) -> list[dict[str, Any]]:
        """Other people of the same household (or, without one, the same Aler unit)."""
        if person.get("household_id"):
            where, value = "household_id = ?", person["household_id"]
        elif person.get("unit_code"):
            where, value = "unit_code = ?", person["unit_code"]
        else:
            return []
        return self.store.query(
            f"SELECT id, first_name, last_name, birth_date, tenancy_role FROM people"
            f" WHERE {where} AND id != ? AND deleted = 0 AND merged_into IS NULL"
            " ORDER BY tenancy_role = 'titolare' DESC, birth_date",
            [value, person["id"]],
        )
