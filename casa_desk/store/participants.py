"""ESF participants: a person's enrolment in the programme (one per person, all offices).

A walk-in is activity, not a participant. At entry the programme records the employment
status, education and disadvantage indicators (each yes / no / declined); the birth date
stays on the person, so age bands can be computed for either programme period.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import EmploymentStatus, Isced, YesNoDeclined
from casa_desk.store.db import Store

INDICATORS = (
    "migrant_background",
    "disability",
    "other_disadvantage",
    "homeless_or_housing_exclusion",
)


def clean_enrolment(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    entered = values.get("entered_on")
    if not entered:
        raise ValidationError("Indicare la data di ingresso.", field="entered_on", code="required")
    out["entered_on"] = (
        entered.isoformat()
        if isinstance(entered, date)
        else date.fromisoformat(str(entered)).isoformat()
    )
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
    for field in INDICATORS:
        value = values.get(field) or YesNoDeclined.DECLINED.value
        if value not in {v.value for v in YesNoDeclined}:
            raise ValidationError(
                "Valore non valido (sì / no / non dichiarato).", field=field, code="invalid"
            )
        out[field] = value
    return out


class Participants:
    def __init__(self, store: Store) -> None:
        self.store = store

    def enrol(self, person_id: str, values: dict[str, Any], *, presidio: str) -> dict[str, Any]:
        if self.of_person(person_id):
            raise ValidationError(
                "La persona è già iscritta al programma.", code="already_enrolled"
            )
        clean = clean_enrolment(values)
        with self.store.transaction() as journal:
            return journal.insert(
                "participants", {"person_id": person_id, **clean}, presidio=presidio
            )

    def exit(self, participant_id: str, on: date) -> None:
        with self.store.transaction() as journal:
            journal.update("participants", participant_id, {"exited_on": on.isoformat()})

    def of_person(self, person_id: str) -> dict[str, Any] | None:
        rows = self.store.query(
            "SELECT * FROM participants WHERE person_id = ? AND deleted = 0", [person_id]
        )
        return rows[0] if rows else None
