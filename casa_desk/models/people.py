"""Rules for a person's record: what is required, what is checked, how values are cleaned.

``person_problems`` lists every problem at once (the registration form shows them inline);
``clean_person`` returns the cleaned values or raises the first problem as a
:class:`~casa_desk.errors.ValidationError`. Both work on plain dicts keyed by the column names
of ``people`` (DESIGN.md §3).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import validate_cf
from casa_desk.models.phone import normalize_phone
from casa_desk.models.vocab import Gender, TenancyRole

MAX_AGE_YEARS = 120
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_TEXT_FIELDS = (
    "first_name",
    "last_name",
    "birth_place",
    "email",
    "languages",
    "street",
    "civic",
    "stair",
    "floor",
    "flat",
    "unit_code",
    "quartiere",
    "household_id",
    "notes",
)


def parse_birth_date(value: Any, *, today: date | None = None) -> date | None:
    """A birth date from a date or ISO text; refuses the future and ages over 120."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(
                "La data di nascita non è una data valida.", field="birth_date", code="date_invalid"
            ) from None
    today = today or date.today()
    if day > today:
        raise ValidationError(
            "La data di nascita è nel futuro.", field="birth_date", code="date_future"
        )
    if today.year - day.year > MAX_AGE_YEARS:
        raise ValidationError(
            "La data di nascita indica più di 120 anni.", field="birth_date", code="date_too_old"
        )
    return day


def person_problems(values: dict[str, Any], *, today: date | None = None) -> dict[str, str]:
    """Every problem in ``values``, as ``{field: message}`` (empty when all is well)."""
    problems: dict[str, str] = {}
    try:
        clean_person(values, today=today, _collect=problems)
    except ValidationError as exc:  # pragma: no cover - _collect swallows them
        problems.setdefault(exc.field, exc.message)
    return problems


def clean_person(  # noqa: PLR0912 - one check per field, read top to bottom
    values: dict[str, Any],
    *,
    today: date | None = None,
    partial: bool = False,
    _collect: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Cleaned copy of ``values``: stripped text, upper-case CF, E.164 phone, ISO dates.

    With ``partial=True`` (an edit) only the given fields are checked; the names are
    required otherwise. Raises ValidationError on the first problem unless collecting.
    """
    out: dict[str, Any] = {}

    def fail(exc: ValidationError) -> None:
        if _collect is None:
            raise exc
        _collect.setdefault(exc.field, exc.message)

    for field in _TEXT_FIELDS:
        if field in values:
            text = (
                (values[field] or "").strip()
                if isinstance(values[field], str | None)
                else values[field]
            )
            out[field] = text or None
    for field, label in (("last_name", "Il cognome"), ("first_name", "Il nome")):
        if (not partial or field in values) and not out.get(field):
            fail(ValidationError(f"{label} è obbligatorio.", field=field, code="required"))

    gender = values.get("gender")
    if gender not in (None, ""):
        if gender not in {g.value for g in Gender}:
            fail(
                ValidationError(
                    "Il sesso deve essere F, M, X o NS.", field="gender", code="gender_invalid"
                )
            )
        out["gender"] = gender
    elif "gender" in values:
        out["gender"] = None

    birth: date | None = None
    if "birth_date" in values:
        try:
            birth = parse_birth_date(values["birth_date"], today=today)
            out["birth_date"] = birth.isoformat() if birth else None
        except ValidationError as exc:
            fail(exc)

    if values.get("codice_fiscale"):
        known_gender = gender if gender in ("F", "M") else None
        try:
            out["codice_fiscale"] = validate_cf(
                str(values["codice_fiscale"]), birth_date=birth, gender=known_gender, today=today
            )
        except ValidationError as exc:
            fail(exc)
    elif "codice_fiscale" in values:
        out["codice_fiscale"] = None

    if values.get("phone"):
        try:
            out["phone"] = normalize_phone(str(values["phone"]))
        except ValidationError as exc:
            fail(exc)
    elif "phone" in values:
        out["phone"] = None

    if out.get("email") and not _EMAIL.match(out["email"]):
        fail(
            ValidationError("L'indirizzo email non è valido.", field="email", code="email_invalid")
        )

    role = values.get("tenancy_role")
    if role not in (None, ""):
        if role not in {r.value for r in TenancyRole}:
            fail(
                ValidationError(
                    "Ruolo nel nucleo non valido.", field="tenancy_role", code="role_invalid"
                )
            )
        out["tenancy_role"] = role
    elif "tenancy_role" in values:
        out["tenancy_role"] = None
    return out
