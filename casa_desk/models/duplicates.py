"""Possible duplicate people, and why two records look like the same person.

The same tenant is often registered twice: at two offices, once with and once without the
codice fiscale, with "D'Angelo" and "DANGELO", or with first and last name swapped (common
with names that are not Italian). This module only says *why* two records look alike; the
store finds the candidates and a person decides whether to merge them.

Reasons:
- ``same_cf``: same codice fiscale (exact: omocodic variants are different people);
- ``same_name_birth``: same birth date and the same name, even with first and last swapped;
- ``same_phone``: same phone number once normalised (often a shared family phone).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import normalize_cf
from casa_desk.models.phone import normalize_phone

SAME_CF = "same_cf"
SAME_NAME_BIRTH = "same_name_birth"
SAME_PHONE = "same_phone"

REASON_LABELS: dict[str, str] = {
    SAME_CF: "Stesso codice fiscale",
    SAME_NAME_BIRTH: "Stesso nome e data di nascita",
    SAME_PHONE: "Stesso numero di telefono",
}

# Fewer digits than this cannot identify anybody (a half-typed number).
_MIN_PHONE_DIGITS = 6


def normalize_name(s: str) -> str:
    """Reduce a name to what identifies it: no case, accents, spaces or punctuation.

    ``"D'Angelo"``, ``"D Angelo"`` and ``"dangelo"`` all become ``"dangelo"``;
    ``"Nicolò"`` becomes ``"nicolo"``; ``"De-Luca"`` becomes ``"deluca"``. Letters of any
    script are kept, so non-Latin names still compare with themselves.
    """
    decomposed = unicodedata.normalize("NFKD", s or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in stripped.casefold() if c.isalnum())


@dataclass(frozen=True)
class PersonKey:
    """The fields of a person that duplicate detection looks at."""

    person_id: str
    first_name: str
    last_name: str
    birth_date: date | None
    codice_fiscale: str | None
    phone: str | None


def _name_forms(p: PersonKey) -> frozenset[str]:
    # Joining the two fields in both orders matches swapped names and also a double name
    # split differently between fields ("Anna Maria" + "Rossi" vs "Anna" + "Maria Rossi").
    first, last = normalize_name(p.first_name), normalize_name(p.last_name)
    if not first and not last:
        return frozenset()
    return frozenset({last + first, first + last})


def _phone_key(raw: str | None) -> str | None:
    if not raw or not raw.strip():
        return None
    try:
        return normalize_phone(raw)
    except ValidationError:
        # An old, unparsable value: compare its digits, if there are enough of them.
        digits = "".join(c for c in raw if c.isdigit())
        return digits if len(digits) >= _MIN_PHONE_DIGITS else None


def _cf_key(raw: str | None) -> str | None:
    code = normalize_cf(raw or "")
    return code or None


def duplicate_reasons(a: PersonKey, b: PersonKey) -> frozenset[str]:
    """Return why ``a`` and ``b`` may be the same person (empty when they look different).

    Symmetric: ``duplicate_reasons(a, b) == duplicate_reasons(b, a)``. A record is never a
    duplicate of itself (same ``person_id``). Missing values never match each other.
    Example: Rossi Mario and Mario Rossi born the same day give ``{"same_name_birth"}``.
    """
    if a.person_id == b.person_id:
        return frozenset()
    reasons: set[str] = set()
    cf_a, cf_b = _cf_key(a.codice_fiscale), _cf_key(b.codice_fiscale)
    if cf_a is not None and cf_a == cf_b:
        reasons.add(SAME_CF)
    if (
        a.birth_date is not None
        and a.birth_date == b.birth_date
        and _name_forms(a) & _name_forms(b)
    ):
        reasons.add(SAME_NAME_BIRTH)
    phone_a, phone_b = _phone_key(a.phone), _phone_key(b.phone)
    if phone_a is not None and phone_a == phone_b:
        reasons.add(SAME_PHONE)
    return frozenset(reasons)
