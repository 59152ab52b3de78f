"""People (the shared registry): register, edit, find duplicates, merge, household.

Every check of the values is in :mod:`casa_desk.models.people`; this module adds what needs
the database: search-before-create (likely duplicates) and merging, where the duplicate row
points at the survivor (``merged_into``) so its history is still found.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.duplicates import PersonKey, duplicate_reasons
from casa_desk.models.people import clean_person
from casa_desk.store.db import Store
from casa_desk.store.tables import PEOPLE

_MERGE_FILLABLE = [c for c in PEOPLE.columns if c not in ("merged_into", "notes")]


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
        """Validate and insert a person (ValidationError on the first problem)."""
        clean = clean_person(values)
        with self.store.transaction() as journal:
            return journal.insert("people", clean, presidio=presidio)

    def update(self, person_id: str, values: dict[str, Any]) -> dict[str, Any] | None:
        """Validate and apply the fields that changed; returns them (None if nothing did)."""
        current = self.get(person_id)
        merged = {**current, **values}
        clean_person({k: merged.get(k) for k in PEOPLE.columns if k != "merged_into"})
        clean = clean_person(values, partial=True)
        with self.store.transaction() as journal:
            return journal.update("people", person_id, clean)

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

    def merge(self, duplicate_id: str, survivor_id: str) -> None:
        """Merge ``duplicate_id`` into ``survivor_id``: fill the survivor's empty fields,
        then point the duplicate at it. Contacts and referrals stay where they are and are
        shown with the survivor's history."""
        if duplicate_id == survivor_id:
            raise ValidationError(
                "Una persona non può essere unita a se stessa.", code="merge_self"
            )
        duplicate, survivor = self.get(duplicate_id), self.get(survivor_id)
        if survivor.get("merged_into"):
            raise ValidationError(
                "La persona scelta è già stata unita a un'altra.", code="merge_chain"
            )
        fill = {
            c: duplicate[c] for c in _MERGE_FILLABLE if not survivor.get(c) and duplicate.get(c)
        }
        with self.store.transaction() as journal:
            if fill:
                journal.update("people", survivor_id, fill)
            journal.update("people", duplicate_id, {"merged_into": survivor_id})

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
