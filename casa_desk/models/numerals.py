"""Numbers as an Italian reader writes them: ``27.967``, ``6,1``, ``1 modifica``.

Shared by the PDF, the command line and the sync summaries, which all speak Italian whatever
the window's language (the window words its own numbers through QLocale). Python's own
formatting is English (``27,967``, ``6.1``): every count or measure a person reads goes
through here rather than through a bare f-string.
"""

from __future__ import annotations

#: Python's English separators swapped for Italian ones: ``1,234.5`` → ``1.234,5``.
_ITALIAN = str.maketrans(",.", ".,")


def format_int(value: int) -> str:
    """``1234`` → ``1.234`` (Italian grouping)."""
    return f"{value:,}".translate(_ITALIAN)


def format_number(value: float | int | None) -> str:
    """Italian form: ``1.234``, ``-1.234,5``, ``3,5`` (one decimal for a float); an en dash
    for "not applicable"."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}".translate(_ITALIAN)
    return format_int(value)


def count(value: int, one: str, many: str) -> str:
    """``value`` with the noun that agrees with it: Italian uses the singular for 1 only.

    >>> count(1, "modifica", "modifiche"), count(0, "modifica", "modifiche")
    ('1 modifica', '0 modifiche')
    >>> count(28178, "inviata", "inviate")
    '28.178 inviate'
    """
    return f"{format_int(value)} {one if value == 1 else many}"
