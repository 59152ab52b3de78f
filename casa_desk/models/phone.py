"""Phone numbers: one stored form (E.164), a readable display form, and search digits.

Numbers arrive as people say or write them: ``333 123 4567``, ``02/1234.5678``,
``+39 (0)2 1234 5678``, ``0039 333…``, ``+212 6…``. Storing one form (``+393331234567``) makes
duplicates findable and exports clean; the desk sees the Italian way of writing them and
searches with the digits it would dial.

Only an Italian mobile (starts with 3) or landline (starts with 0) may be written without a
prefix; a foreign number needs ``+`` or ``00``. Short service numbers (1522, 112, 800…) are
not personal phones and are refused here.
"""

from __future__ import annotations

import re

from casa_desk.errors import ValidationError

FIELD = "phone"
CODE = "phone_invalid"
ITALY = "39"

_SEPARATORS = re.compile(r"[\s.\-/()\u00a0]+")
_MESSAGE = "Numero di telefono non valido: cellulare 3…, fisso 0… o estero con + o 00."
# Area codes with two or three digits; every other Italian area code has four.
_AREA_CODES_2 = {"02", "06"}
_AREA_CODES_3 = {
    "010", "011", "030", "031", "035", "039", "040", "041", "045", "049", "050",
    "051", "055", "059", "070", "071", "075", "080", "081", "089", "090", "091",
    "095", "099",
}  # fmt: skip


def _fail() -> ValidationError:
    return ValidationError(_MESSAGE, field=FIELD, code=CODE)


def _italian(national: str) -> str:
    """E.164 for an Italian national number, or raise."""
    if national.startswith("3") and 9 <= len(national) <= 10:
        return "+" + ITALY + national
    if national.startswith("0") and 6 <= len(national) <= 11:
        return "+" + ITALY + national
    raise _fail()


def normalize_phone(raw: str) -> str:
    """Return ``raw`` as E.164 (``+39…`` for Italy) or raise ``ValidationError``.

    Spaces, dots, dashes, slashes and parentheses are ignored; ``+39``/``0039`` are optional
    for Italian numbers. Italian mobiles start with 3 and have 9–10 digits, landlines start
    with 0 and have 6–11 digits (the 0 is kept: ``+39 02 …``). Foreign numbers start with
    ``+`` or ``00`` and have 8–15 digits with the country code. The result normalises to
    itself. Example: ``normalize_phone("0039 02/1234.5678")`` is ``"+390212345678"``.
    """
    text = _SEPARATORS.sub("", raw or "")
    if text.startswith("+"):
        international = text[1:]
    elif text.startswith("00"):
        international = text[2:]
    else:
        if not text.isdigit():
            raise _fail()
        return _italian(text)
    if not international.isdigit():
        raise _fail()
    if international.startswith(ITALY):
        return _italian(international[len(ITALY) :])
    if international.startswith("0") or not 8 <= len(international) <= 15:
        raise _fail()
    return "+" + international


def _national(e164: str) -> str | None:
    prefix = "+" + ITALY
    if e164.startswith(prefix) and e164[len(prefix) :].isdigit():
        return e164[len(prefix) :]
    return None


def _group_landline(national: str) -> str:
    if national[:2] in _AREA_CODES_2:
        area_len = 2
    elif national[:3] in _AREA_CODES_3:
        area_len = 3
    else:
        area_len = 4
    area, rest = national[:area_len], national[area_len:]
    if len(rest) <= 6:
        groups = [rest]
    elif len(rest) <= 8:
        groups = [rest[:-4], rest[-4:]]
    else:
        groups = [rest[:3], rest[3:6], rest[6:]]
    return " ".join([area, *(g for g in groups if g)])


def format_phone(e164: str) -> str:
    """Show a stored number the way the desk writes it.

    Italian mobiles: ``+393331234567`` → ``"333 123 4567"``; landlines by area code:
    ``+390212345678`` → ``"02 1234 5678"``. Foreign numbers are shown in E.164 as they are
    (their grouping depends on the country). Anything that is not E.164 — an old value
    imported as typed — comes back unchanged rather than failing in a table.
    """
    national = _national(e164)
    if national is None or not national:
        return e164
    if national.startswith("3"):
        return " ".join(g for g in (national[:3], national[3:6], national[6:]) if g)
    if national.startswith("0"):
        return _group_landline(national)
    return e164


def phone_search_digits(e164: str) -> str:
    """The digits a user would type to find this number.

    Italian numbers lose ``+39`` (``+393331234567`` → ``"3331234567"``); foreign numbers keep
    their country code without the ``+``. Store it next to the phone for a ``LIKE`` search.
    """
    national = _national(e164)
    if national is not None:
        return national
    return "".join(c for c in e164 if c.isdigit())
