"""The Italian codice fiscale: normalise, check, decode and (for demo data) build it.

The desk types codici fiscali from health cards, residence permits and old letters, so typing
mistakes are common. Validation catches them early (a wrong check character, a date that
cannot exist) and, when the birth date and sex are already on the form, says which of the two
disagrees. Omocodia is handled: when two people would share a code, the Agenzia delle Entrate
replaces digits with letters (0→L … 9→V), starting from the rightmost numeric position.

Every error is a :class:`~casa_desk.errors.ValidationError` on ``field="codice_fiscale"`` with
a code the UI can reword (``cf_length``, ``cf_format``, ``cf_check``, ``cf_date``,
``cf_birth_date``, ``cf_gender``). Messages never repeat the code itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from casa_desk.errors import ValidationError

FIELD = "codice_fiscale"

MONTH_LETTERS = "ABCDEHLMPRST"
OMOCODIA_LETTERS = "LMNPQRSTUV"  # stands for 0123456789
# 0-based positions of the digits that omocodia may replace, rightmost first.
OMOCODIA_POSITIONS = (14, 13, 12, 10, 9, 7, 6)

_ODD_VALUES = dict(
    zip(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        (1, 0, 5, 7, 9, 13, 15, 17, 19, 21)
        + (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16)
        + (10, 22, 25, 24, 23),
        strict=True,
    )
)
_EVEN_VALUES = {
    **{d: int(d) for d in "0123456789"},
    **{c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")},
}

_N = f"[0-9{OMOCODIA_LETTERS}]"  # a digit, possibly written as its omocodia letter
_CF_RE = re.compile(f"[A-Z]{{6}}{_N}{{2}}[{MONTH_LETTERS}]{_N}{{2}}[A-Z]{_N}{{3}}[A-Z]")
_PLACE_RE = re.compile(r"[A-Z][0-9]{3}")
_VOWELS = "AEIOU"
_UNKNOWN_GENDERS = {"", "X", "NS"}

_MESSAGES = {
    "cf_length": "Il codice fiscale deve avere 16 caratteri.",
    "cf_format": "Il codice fiscale ha lettere o cifre al posto sbagliato.",
    "cf_check": "L'ultimo carattere del codice fiscale non torna: ricontrollare il codice.",
    "cf_date": "Il codice fiscale contiene una data di nascita impossibile.",
    "cf_birth_date": "Il codice fiscale non corrisponde alla data di nascita.",
    "cf_gender": "Il codice fiscale non corrisponde al sesso indicato.",
}


def _fail(code: str) -> ValidationError:
    return ValidationError(_MESSAGES[code], field=FIELD, code=code)


@dataclass(frozen=True)
class CFInfo:
    """What a codice fiscale says about its holder.

    ``place_code`` is the Belfiore code of the birth place: a comune (``F205`` is Milano) or,
    for people born abroad, a country (``Z330`` is Morocco).
    """

    birth_date: date
    gender: str  # "F" or "M"
    place_code: str


def normalize_cf(raw: str) -> str:
    """Return ``raw`` without any whitespace and in upper case.

    People copy codes with spaces (``RSS MRA 80A01 H501U``) or in lower case; both are the
    same code. No other character is touched, so a real typo still fails validation.
    """
    return "".join(raw.split()).upper()


def check_character(first15: str) -> str:
    """Return the check character for the first 15 characters of a codice fiscale.

    Characters in odd positions (1-based) and even positions are valued with the two official
    tables; the sum modulo 26 is the letter. Example: ``check_character("RSSMRA80A01H501")``
    is ``"U"``.
    """
    code = normalize_cf(first15)
    if len(code) != 15 or not all(c in _EVEN_VALUES for c in code):
        raise _fail("cf_format")
    total = sum(
        _ODD_VALUES[c] if i % 2 == 0 else _EVEN_VALUES[c]  # i is 0-based: 0 is position 1
        for i, c in enumerate(code)
    )
    return chr(ord("A") + total % 26)


def _digits_restored(cf: str) -> str:
    """The code with omocodia letters turned back into digits (check character untouched)."""
    chars = list(cf)
    for pos in OMOCODIA_POSITIONS:
        if chars[pos] in OMOCODIA_LETTERS:
            chars[pos] = str(OMOCODIA_LETTERS.index(chars[pos]))
    return "".join(chars)


def _check_shape(cf: str) -> None:
    if len(cf) != 16:
        raise _fail("cf_length")
    if not _CF_RE.fullmatch(cf):
        raise _fail("cf_format")


def _resolve_year(two_digits: int, month: int, day: int, today: date) -> date:
    # The latest birth date not after today: "05" is 2005 in 2026, "40" is 1940.
    year = today.year - (today.year % 100 - two_digits) % 100
    try:
        born = date(year, month, day)
        if born <= today:
            return born
    except ValueError:
        pass  # 29 February of a non-leap year: try the century before
    return date(year - 100, month, day)


def decode_cf(cf: str, *, today: date | None = None) -> CFInfo:
    """Read birth date, sex and birth place out of a codice fiscale.

    The code is normalised first and must have the right shape; the check character is not
    verified here (that is :func:`validate_cf`'s job). The two-digit year becomes the latest
    date not after ``today``, so people over a hundred come out a century too young: compare
    with a stored birth date through :func:`validate_cf`, which ignores the century.
    Raises ``ValidationError`` (``cf_length``, ``cf_format``, ``cf_date``).
    """
    code = normalize_cf(cf)
    _check_shape(code)
    plain = _digits_restored(code)
    two_digits = int(plain[6:8])
    month = MONTH_LETTERS.index(plain[8]) + 1
    day_code = int(plain[9:11])
    gender = "F" if day_code > 40 else "M"
    day = day_code - 40 if day_code > 40 else day_code
    if not 1 <= day <= 31:
        raise _fail("cf_date")
    try:
        born = _resolve_year(two_digits, month, day, today or date.today())
    except ValueError:
        raise _fail("cf_date") from None
    return CFInfo(birth_date=born, gender=gender, place_code=plain[11:15])


def validate_cf(
    raw: str,
    *,
    birth_date: date | None = None,
    gender: str | None = None,
    today: date | None = None,
) -> str:
    """Return the normalised codice fiscale, or raise ``ValidationError`` saying what is wrong.

    Checks, in order: length, shape, check character, that the encoded date exists, then —
    only when given — that it agrees with ``birth_date`` (day, month and the last two digits
    of the year, so the century never matters) and with ``gender`` ("F"/"M"; "X", "NS" or
    ``None`` mean unknown and are not compared).
    """
    code = normalize_cf(raw)
    _check_shape(code)
    if check_character(code[:15]) != code[15]:
        raise _fail("cf_check")
    info = decode_cf(code, today=today)
    if birth_date is not None and (
        (info.birth_date.year % 100, info.birth_date.month, info.birth_date.day)
        != (birth_date.year % 100, birth_date.month, birth_date.day)
    ):
        raise _fail("cf_birth_date")
    stated = (gender or "").strip().upper()
    if stated not in _UNKNOWN_GENDERS and stated != info.gender:
        raise _fail("cf_gender")
    return code


def _letters(name: str) -> str:
    # Accents go (È → E), apostrophes, spaces and anything not A–Z are ignored.
    decomposed = unicodedata.normalize("NFKD", name.upper())
    return "".join(c for c in decomposed if "A" <= c <= "Z")


def _split(name: str) -> tuple[str, str]:
    letters = _letters(name)
    return (
        "".join(c for c in letters if c not in _VOWELS),
        "".join(c for c in letters if c in _VOWELS),
    )


def _surname_part(last_name: str) -> str:
    consonants, vowels = _split(last_name)
    return (consonants + vowels + "XXX")[:3]


def _name_part(first_name: str) -> str:
    consonants, vowels = _split(first_name)
    if len(consonants) >= 4:
        return consonants[0] + consonants[2] + consonants[3]
    return (consonants + vowels + "XXX")[:3]


def name_matches(cf: str, last_name: str, first_name: str) -> bool:
    """Whether the first six letters of ``cf`` are those of this surname and name.

    A warning, never a refusal: names are spelt differently on old documents and foreign
    ones are transliterated, but a mismatch is usually a typo in one or the other.
    Example: ``name_matches("RSSMRA80A01H501U", "Rossi", "Mario")`` is True.
    """
    code = normalize_cf(cf)
    if len(code) < 6 or not (_letters(last_name) and _letters(first_name)):
        return True  # nothing to compare yet
    return code[:6] == _surname_part(last_name) + _name_part(first_name)


def make_cf(last_name: str, first_name: str, birth_date: date, gender: str, place_code: str) -> str:
    """Build the codice fiscale with the official algorithm (used for realistic demo data).

    Surname: its consonants, then vowels, then X, first three. First name: the same, except
    that with four or more consonants it takes the 1st, 3rd and 4th. Then year (two digits),
    month letter, day (+40 for women) and the Belfiore place code, then the check character.
    Example: ``make_cf("Rossi", "Mario", date(1980, 1, 1), "M", "H501")`` is
    ``"RSSMRA80A01H501U"``. The real office may have issued an omocodic variant instead.
    """
    sex = gender.strip().upper()
    if sex not in ("F", "M"):
        raise ValidationError(
            "Per calcolare il codice fiscale serve il sesso (F o M).",
            field="gender",
            code="cf_gender",
        )
    place = place_code.strip().upper()
    if not _PLACE_RE.fullmatch(place):
        raise ValidationError(
            "Il codice del luogo di nascita non è valido.", field="place_code", code="cf_place"
        )
    day = birth_date.day + (40 if sex == "F" else 0)
    first15 = (
        _surname_part(last_name)
        + _name_part(first_name)
        + f"{birth_date.year % 100:02d}"
        + MONTH_LETTERS[birth_date.month - 1]
        + f"{day:02d}"
        + place
    )
    return first15 + check_character(first15)


def omocode(cf: str, level: int) -> str:
    """Return the omocodic variant of ``cf`` with ``level`` digits replaced by letters.

    Level 0 is the plain code, level 1 replaces the rightmost digit (last of the place code),
    up to level 7 which replaces all seven; the check character is recomputed. An input that
    is already omocodic is first brought back to level 0, so levels are absolute.
    """
    if not 0 <= level <= len(OMOCODIA_POSITIONS):
        raise ValueError(f"omocodia level must be 0–7, not {level}")
    code = normalize_cf(cf)
    _check_shape(code)
    chars = list(_digits_restored(code)[:15])
    for pos in OMOCODIA_POSITIONS[:level]:
        chars[pos] = OMOCODIA_LETTERS[int(chars[pos])]
    first15 = "".join(chars)
    return first15 + check_character(first15)
