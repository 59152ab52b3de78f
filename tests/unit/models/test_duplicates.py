"""Possible duplicates: the reasons two records look like the same person."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from casa_desk.models.codice_fiscale import make_cf, omocode
from casa_desk.models.duplicates import (
    REASON_LABELS,
    PersonKey,
    duplicate_reasons,
    normalize_name,
)

BORN = date(1980, 1, 1)
CF = make_cf("Rossi", "Mario", BORN, "M", "H501")


def person(
    pid: str,
    first: str = "Mario",
    last: str = "Rossi",
    born: date | None = BORN,
    cf: str | None = None,
    phone: str | None = None,
) -> PersonKey:
    return PersonKey(pid, first, last, born, cf, phone)


def test_normalize_name() -> None:
    assert normalize_name("D'Angelo") == normalize_name("dangelo") == "dangelo"
    assert normalize_name("D’Angelo") == "dangelo"
    assert normalize_name("Nicolò") == "nicolo"
    assert normalize_name("  De-Luca ") == normalize_name("de luca") == "deluca"
    assert normalize_name("") == ""


def test_same_person_id_is_never_a_duplicate() -> None:
    a = person("1", cf=CF, phone="333 123 4567")
    assert duplicate_reasons(a, a) == frozenset()


def test_same_cf() -> None:
    a, b = person("1", cf=CF), person("2", first="Marco", born=None, cf=CF.lower())
    assert duplicate_reasons(a, b) == {"same_cf"}
    # An omocodic variant belongs to a different person.
    assert duplicate_reasons(a, person("2", born=None, cf=omocode(CF, 1))) == frozenset()


def test_same_name_birth_including_swapped_and_spelling() -> None:
    a = person("1", first="Nicolò", last="D'Angelo")
    assert duplicate_reasons(a, person("2", first="NICOLO", last="DANGELO")) == {"same_name_birth"}
    assert duplicate_reasons(a, person("2", first="D Angelo", last="Nicolo")) == {"same_name_birth"}
    assert duplicate_reasons(a, person("2", first="Nicolò", last="D'Angelo", born=None)) == set()
    assert duplicate_reasons(a, person("2", first="Nicola", last="D'Angelo")) == set()


def test_missing_values_do_not_match() -> None:
    a = person("1", first="", last="", born=None)
    b = person("2", first="", last="", born=None)
    assert duplicate_reasons(a, b) == frozenset()
    a = person("1", first="", last="", cf="", phone=" ")
    b = person("2", first="", last="", cf="", phone=" ")
    assert duplicate_reasons(a, b) == frozenset()


def test_same_phone_in_any_writing() -> None:
    a = person("1", first="Anna", phone="+39 333 123 4567")
    b = person("2", first="Luca", phone="3331234567")
    assert duplicate_reasons(a, b) == {"same_phone"}


def test_all_reasons_and_labels() -> None:
    a = person("1", cf=CF, phone="02 1234 5678")
    b = person("2", first="Rossi", last="Mario", cf=CF, phone="0039 02 12345678")
    reasons = duplicate_reasons(a, b)
    assert reasons == {"same_cf", "same_name_birth", "same_phone"}
    assert set(REASON_LABELS) == reasons


short = st.sampled_from(["Mario", "Rossi", "mario", "D'Angelo", "Dangelo", "", "Nicolò"])
keys = st.builds(
    PersonKey,
    person_id=st.sampled_from(["1", "2", "3"]),
    first_name=short,
    last_name=short,
    birth_date=st.sampled_from([None, BORN, date(1990, 5, 5)]),
    codice_fiscale=st.sampled_from([None, "", CF, CF.lower(), omocode(CF, 1)]),
    phone=st.sampled_from([None, "", "333 123 4567", "+393331234567", "02 1234", "xx"]),
)


@given(keys, keys)
def test_symmetric(a: PersonKey, b: PersonKey) -> None:
    assert duplicate_reasons(a, b) == duplicate_reasons(b, a)
    assert duplicate_reasons(a, b) <= set(REASON_LABELS)
