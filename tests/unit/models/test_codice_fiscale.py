"""Codice fiscale: hand-checked examples and properties over synthetic people.

Every code here is computed from made-up names; the two hand-checked ones were worked out on
paper with the official odd/even tables before the code existed.
"""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import (
    CFInfo,
    check_character,
    decode_cf,
    make_cf,
    normalize_cf,
    omocode,
    validate_cf,
)

TODAY = date(2026, 6, 1)
MARIO = "RSSMRA80A01H501U"  # Rossi Mario, 1 Jan 1980, Roma: checked by hand
ANNA = "BNCNNA75C55F205P"  # Bianchi Anna, 15 Mar 1975, Milano, F: checked by hand


def _code(exc: pytest.ExceptionInfo[ValidationError]) -> str | None:
    assert exc.value.field == "codice_fiscale"
    return exc.value.code


# --- hand-checked examples -------------------------------------------------------------


def test_check_character_hand_checked() -> None:
    assert check_character(MARIO[:15]) == "U"
    assert check_character(ANNA[:15]) == "P"


def test_make_cf_hand_checked() -> None:
    assert make_cf("Rossi", "Mario", date(1980, 1, 1), "M", "H501") == MARIO
    assert make_cf("Bianchi", "Anna", date(1975, 3, 15), "F", "F205") == ANNA


@pytest.mark.parametrize(
    ("last", "first", "expected"),
    [
        ("Verdi", "Gianfranco", "VRDGFR"),  # four or more consonants: 1st, 3rd, 4th
        ("Fo", "Ugo", "FOXGUO"),  # short names padded with X
        ("D'Angelo", "Nicolò", "DNGNCL"),  # apostrophe ignored, accent stripped
        ("De Luca", "Zoë", "DLCZOE"),  # space ignored
        ("Li", "Al", "LIXLAX"),
    ],
)
def test_make_cf_name_parts(last: str, first: str, expected: str) -> None:
    assert make_cf(last, first, date(1990, 12, 31), "M", "Z330")[:6] == expected


def test_make_cf_date_part_female() -> None:
    code = make_cf("Rossi", "Maria", date(2005, 10, 9), "F", "F205")
    assert code[6:11] == "05R49"


def test_omocode_hand_checked() -> None:
    # Position 15 '1' becomes 'M'; the odd-table value goes 0 -> 18, so 98 -> 116 -> 'M'.
    assert omocode(MARIO, 1) == "RSSMRA80A01H50MM"
    assert omocode(omocode(MARIO, 7), 0) == MARIO
    assert omocode(MARIO, 7)[:15] == "RSSMRAULALMHRLM"


def test_normalize_and_validate_spaces_and_case() -> None:
    assert normalize_cf(" rss mra 80a01\th501u ") == MARIO
    assert validate_cf("rssmra80a01h501u") == MARIO


def test_decode() -> None:
    assert decode_cf(ANNA, today=TODAY) == CFInfo(date(1975, 3, 15), "F", "F205")
    assert decode_cf(omocode(ANNA, 7), today=TODAY) == CFInfo(date(1975, 3, 15), "F", "F205")


def test_century() -> None:
    young = make_cf("Rossi", "Mario", date(2005, 1, 1), "M", "F205")
    old = make_cf("Rossi", "Mario", date(1940, 1, 1), "M", "F205")
    assert decode_cf(young, today=TODAY).birth_date == date(2005, 1, 1)
    assert decode_cf(old, today=TODAY).birth_date == date(1940, 1, 1)
    # Same two digits as this year but later in the year: a century ago, not the future.
    later = make_cf("Rossi", "Mario", date(1926, 12, 1), "M", "F205")
    assert decode_cf(later, today=TODAY).birth_date == date(1926, 12, 1)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "cf_length"),
        (MARIO[:15], "cf_length"),
        (MARIO + "X", "cf_length"),
        ("1SSMRA80A01H501U", "cf_format"),
        ("RSSMRA80F01H501U", "cf_format"),  # F is not a month letter
        ("RSSMRA80A01H5O1U", "cf_format"),  # letter O for zero
        ("RSSMRA80A01H501A", "cf_check"),
    ],
)
def test_validate_errors(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_cf(raw)
    assert _code(exc) == code


@pytest.mark.parametrize("first15", ["RSSMRA80B30H501", "RSSMRA80A00H501", "RSSMRA80A35H501"])
def test_impossible_date(first15: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_cf(first15 + check_character(first15), today=TODAY)
    assert _code(exc) == "cf_date"


def test_birth_date_and_gender_agreement() -> None:
    assert validate_cf(ANNA, birth_date=date(1975, 3, 15), gender="F") == ANNA
    assert validate_cf(ANNA, birth_date=date(1875, 3, 15), gender="f")  # century ignored
    for unknown in (None, "X", "NS", ""):
        assert validate_cf(ANNA, gender=unknown) == ANNA
    with pytest.raises(ValidationError) as exc:
        validate_cf(ANNA, birth_date=date(1975, 3, 16))
    assert _code(exc) == "cf_birth_date"
    with pytest.raises(ValidationError) as exc:
        validate_cf(ANNA, gender="M")
    assert _code(exc) == "cf_gender"


def test_messages_never_contain_the_code() -> None:
    for raw in (MARIO[:15], MARIO[:15] + "A", "RSSMRA80A01H5O1U"):
        with pytest.raises(ValidationError) as exc:
            validate_cf(raw)
        assert "RSS" not in exc.value.message
        assert "H501" not in exc.value.message


def test_make_cf_rejects_bad_input() -> None:
    with pytest.raises(ValidationError):
        make_cf("Rossi", "Mario", date(1980, 1, 1), "X", "F205")
    with pytest.raises(ValidationError):
        make_cf("Rossi", "Mario", date(1980, 1, 1), "M", "F20")
    with pytest.raises(ValueError):
        omocode(MARIO, 8)


# --- properties ------------------------------------------------------------------------

names = st.text(alphabet="abcdefghijklmnopqrstuvwxyzàèéìòùÀÈÉÌÒÙçëï' -", min_size=1, max_size=20)
# Within the hundred years before TODAY the two-digit year is unambiguous.
births = st.dates(
    min_value=TODAY.replace(year=TODAY.year - 100) + timedelta(days=1), max_value=TODAY
)
genders = st.sampled_from("FM")
places = st.from_regex(r"[A-MZ][0-9]{3}", fullmatch=True)
people = st.tuples(names, names, births, genders, places)


@given(people, st.integers(min_value=0, max_value=7))
def test_generated_codes_validate_and_decode(
    person: tuple[str, str, date, str, str], level: int
) -> None:
    last, first, born, gender, place = person
    code = omocode(make_cf(last, first, born, gender, place), level)
    assert validate_cf(code, birth_date=born, gender=gender, today=TODAY) == code
    assert decode_cf(code, today=TODAY) == CFInfo(born, gender, place)


@given(
    people,
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=0, max_value=15),
    st.sampled_from(string.ascii_uppercase + string.digits),
)
def test_any_single_change_is_detected(
    person: tuple[str, str, date, str, str], level: int, pos: int, new: str
) -> None:
    # An omocodic swap is never a single change (it also changes the check character), and
    # within each position's alphabet the two tables never give two characters the same
    # value, so every single substitution must fail on the shape or on the check character.
    code = omocode(make_cf(*person), level)
    if code[pos] == new:
        return
    changed = code[:pos] + new + code[pos + 1 :]
    with pytest.raises(ValidationError) as exc:
        validate_cf(changed, today=TODAY)
    assert _code(exc) in {"cf_format", "cf_check"}
