"""Numbers as an Italian reader writes them: ``27.967``, ``6,1``, ``1 modifica``.

Shared by the PDF, the command line and the sync summaries, which all speak Italian whatever
the window's language (the window words its own numbers through QLocale). Python's own
formatting is English (``27,967``, ``6.1``): every count or measure a person reads goes
through here rather than through a bare f-string.
"""

from __future__ import annotations


def format_int(value: int) -> str:
    """``1234`` → ``1.234`` (Italian grouping)."""
    return f"{value:,}".replace(",", ".")


def format_number(value: float | int | None) -> str:
    """Italian form: ``1.234``, ``3,5`` (one decimal for a float); an en dash for "not
    applicable"."""
    if value is None:
        return "–"
    if isinstance(value, float):
        whole, frac = f"{value:.1f}".split(".")
        return (
            f"{format_int(int(whole))},{frac}"
            if not whole.startswith("-")
            else (f"-{format_int(abs(int(whole)))},{frac}")
        )
    return format_int(value)


def count(value: int, one: str, many: str) -> str:
    """``value`` with the noun that agrees with it: Italian uses the singular for 1 only.

    >>> count(1, "modifica", "modifiche"), count(0, "modifica", "modifiche")
    ('1 modifica', '0 modifiche')
    >>> count(28178, "inviata", "inviate")
    '28.178 inviate'
    """
    return f"{format_int(value)} {one if value == 1 else many}"
