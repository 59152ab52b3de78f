"""Numbers as Italian readers write them (casa_desk/models/numerals.py)."""

from __future__ import annotations

import pytest

from casa_desk.models.numerals import count, format_int, format_number


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0"), (999, "999"), (27967, "27.967"), (1234567, "1.234.567"), (-1234, "-1.234")],
)
def test_format_int_groups_with_dots(value: int, shown: str) -> None:
    assert format_int(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(6.1, "6,1"), (0.04, "0,0"), (1234.56, "1.234,6"), (-1234.5, "-1.234,5"), (7, "7")],
)
def test_format_number_has_a_decimal_comma(value: float, shown: str) -> None:
    assert format_number(value) == shown
    assert format_number(None) == "–"


@pytest.mark.parametrize(
    ("value", "shown"),
    [(0, "0 modifiche"), (1, "1 modifica"), (2, "2 modifiche"), (28178, "28.178 modifiche")],
)
def test_count_agrees_and_groups(value: int, shown: str) -> None:
    assert count(value, "modifica", "modifiche") == shown
