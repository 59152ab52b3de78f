"""What a birth date and a codice fiscale tell the registration form (issue 9, item 7)."""

from __future__ import annotations

from datetime import date

import pytest

from casa_desk.models.birthplaces import birthplace
from casa_desk.models.codice_fiscale import make_cf, name_matches
from casa_desk.models.timeutil import ImpossibleDate, parse_past_date

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("1/1/80", date(1980, 1, 1)),
        ("01.01.1980", date(1980, 1, 1)),
        ("1-1-1980", date(1980, 1, 1)),
        ("1980-01-01", date(1980, 1, 1)),
        ("5/3/05", date(2005, 3, 5)),
        ("25/11/26", date(2026, 11, 25)),
        ("26/11/26", date(1926, 11, 26)),  # tomorrow is not a birth date: a century ago
    ],
)
def test_birth_dates_as_people_write_them(typed, day) -> None:
    assert parse_past_date(typed, today=TODAY) == day


@pytest.mark.parametrize("typed", ["31/02/1980", "30/2/80", "32/1/80", "1/13/80"])
def test_impossible_days_are_told_apart(typed) -> None:
    with pytest.raises(ImpossibleDate):
        parse_past_date(typed, today=TODAY)


@pytest.mark.parametrize("typed", ["abc", "1/1", "1/1/198", "1//80"])
def test_what_is_not_a_date(typed) -> None:
    with pytest.raises(ValueError) as info:
        parse_past_date(typed, today=TODAY)
    assert not isinstance(info.value, ImpossibleDate)


def test_the_name_part_of_a_codice_fiscale() -> None:
    cf = make_cf("D'Angelo", "Maria Grazia", date(1970, 5, 1), "F", "F205")
    assert name_matches(cf, "D'Angelo", "Maria Grazia")
    assert name_matches(cf.lower(), "d angelo", "maria grazia")
    assert not name_matches(cf, "Rossi", "Maria Grazia")
    assert name_matches(cf, "", "")  # nothing to compare yet


def test_birth_places_of_comuni_and_countries() -> None:
    assert birthplace("F205").label() == "Milano (MI)"
    assert birthplace("z330").label() == "Marocco"
    assert birthplace("Z330").label(english=True) == "Morocco"
    assert birthplace("A000") is None
