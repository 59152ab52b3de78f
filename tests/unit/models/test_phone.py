"""Phone numbers: what the desk types, what is stored, what is shown and searched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casa_desk.errors import ValidationError
from casa_desk.models.phone import format_phone, normalize_phone, phone_search_digits


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("333 123 4567", "+393331234567"),
        ("333.123.4567", "+393331234567"),
        ("333-1234567", "+393331234567"),
        ("+39 333 123 4567", "+393331234567"),
        ("0039 333 1234567", "+393331234567"),
        ("(+39) 333/123 45 67", "+393331234567"),
        ("333 123 456", "+39333123456"),
        ("02 1234 5678", "+390212345678"),
        ("02/12345678", "+390212345678"),
        ("+39 (0)2 1234 5678", "+390212345678"),
        ("0331 123456", "+390331123456"),
        ("+212 612 345 678", "+212612345678"),
        ("0044 20 7946 0000", "+442079460000"),
        ("+39 333 123 4567", "+393331234567"),
    ],
)
def test_normalize(raw: str, e164: str) -> None:
    assert normalize_phone(raw) == e164


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   ",
        "1522",  # a service, not a person's phone
        "800 123 456",
        "333 1234",  # mobile too short
        "333 123 456 78",  # mobile too long
        "02 123",  # landline too short
        "612 345 678",  # foreign without prefix
        "+44 123",  # foreign too short
        "+1234567890123456",  # more than 15 digits
        "+39 123 456 789",
        "333 123 456a",
        "++393331234567",
        "+0 123 456 789",
    ],
)
def test_invalid(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        normalize_phone(raw)
    assert exc.value.field == "phone"
    assert exc.value.code == "phone_invalid"
    assert "333" not in exc.value.message


@pytest.mark.parametrize(
    ("e164", "shown", "digits"),
    [
        ("+393331234567", "333 123 4567", "3331234567"),
        ("+39333123456", "333 123 456", "333123456"),
        ("+390212345678", "02 1234 5678", "0212345678"),
        ("+39021234567", "02 123 4567", "021234567"),
        ("+39011123456", "011 123456", "011123456"),
        ("+390331123456", "0331 123456", "0331123456"),
        ("+442079460000", "+442079460000", "442079460000"),
    ],
)
def test_format_and_search_digits(e164: str, shown: str, digits: str) -> None:
    assert format_phone(e164) == shown
    assert phone_search_digits(e164) == digits


def test_format_leaves_unknown_values_alone() -> None:
    assert format_phone("chiedere al figlio") == "chiedere al figlio"
    assert format_phone("") == ""


italian = st.one_of(
    st.from_regex(r"3[0-9]{8,9}", fullmatch=True),
    st.from_regex(r"0[1-9][0-9]{4,9}", fullmatch=True),
)
foreign = st.from_regex(r"(\+|00)[1-24-9][0-9]{7,14}", fullmatch=True)
separators = st.sampled_from(["", " ", ".", "-", "/"])


@given(st.one_of(italian, foreign), separators)
def test_valid_numbers_are_stable(number: str, sep: str) -> None:
    typed = sep.join(number[i : i + 3] for i in range(0, len(number), 3))
    e164 = normalize_phone(typed)
    assert normalize_phone(e164) == e164
    assert normalize_phone(format_phone(e164)) == e164
    assert e164.endswith(phone_search_digits(e164))


@given(st.text(alphabet="0123456789+ ./-()", max_size=20))
def test_normalize_is_idempotent(raw: str) -> None:
    try:
        e164 = normalize_phone(raw)
    except ValidationError:
        return
    assert normalize_phone(e164) == e164
