"""CSV that a spreadsheet opens without running anything (OWASP "CSV Injection").

Every CSV the project writes — the monthly report's figures today, audit and consent exports
tomorrow — goes through :func:`render` (or :class:`SafeWriter`), because the text in it is not
all ours: a category code, a service name or a note can arrive by sync from another office,
and a cell such as ``=HYPERLINK("http://…","Apri")`` would become a live formula in head
office's Excel.

The rule, precisely:

* a **text** cell (``str``) that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is written with a leading apostrophe (``'=HYPERLINK(…)``), which spreadsheets show as
  text and never evaluate; text that is only a negative number (``"-3"``) is text too, because
  whoever typed it could as well have typed ``-3+cmd|…``;
* the same inside a text cell, after a ``,``, a ``;``, a tab or a line break (here and at the
  start, spaces before the character count as nothing: LibreOffice's "trim spaces" import
  drops them): ``controllo;=1+1`` is written ``controllo;'=1+1``. Our files are
  comma-separated, but Excel in Italian splits a double-clicked CSV on ``;``, the locale's list
  separator: a new cell starts there. LibreOffice told to split on ``;`` evaluated such a cell
  (``=1+1`` showed 2), and also ended the row at a line break inside the quoted cell (quotes
  count only where a cell starts, and the line's first cell did not start with one);
* a **number** the program computed (``int``, ``float``, ``Decimal``; ``bool`` as 0/1) is
  written as a number: ``-3`` stays ``-3`` so a change against the previous month is still a
  number in the sheet. Only the program makes numbers, so no user text reaches a cell
  unescaped;
* ``None`` is an empty cell. Any other type is refused (a bug, not data);
* a carriage return inside a text cell becomes a line feed (so the cell is quoted and read
  back whole).

Quoting of separators, quotes and line breaks is the :mod:`csv` module's.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TextIO

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Value = str | int | float | Decimal | None


#: Where a spreadsheet may start a cell: the text's start, or after a separator it might split
#: on or a line break; followed (spaces aside) by a formula's first character.
_CELL_STARTS = re.compile(r"(^|[,;\t\r\n])(?= *[=+\-@\t\r])")


def neutralise(text: str) -> str:
    """``'=1+1'`` → ``"'=1+1"``, ``'a;=1+1'`` → ``"a;'=1+1"``; text that cannot start a
    formula anywhere is returned unchanged."""
    return _CELL_STARTS.sub(r"\1'", text)


def cell(value: Value) -> str:
    """One value as the text of its cell (see the module docstring for the rule)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | Decimal):  # a Decimal keeps its decimals: Decimal("3.0")
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        # Lines end with \n, so the csv module quotes a cell holding \n but not a bare \r,
        # which readers then split on: carriage returns inside a cell become line feeds.
        return neutralise(value).replace("\r\n", "\n").replace("\r", "\n")
    raise TypeError(f"not a CSV cell value: {type(value).__name__}")


class SafeWriter:
    """``csv.writer`` whose rows go through :func:`cell` (``\\n`` line ends), cells split by
    ``delimiter`` (``,``; ``;`` for a file people open in a spreadsheet set up in Italian)."""

    def __init__(self, stream: TextIO, delimiter: str = ",") -> None:
        self._writer = csv.writer(stream, lineterminator="\n", delimiter=delimiter)

    def writerow(self, row: Sequence[Value]) -> None:
        self._writer.writerow([cell(v) for v in row])

    def writerows(self, rows: Iterable[Sequence[Value]]) -> None:
        for row in rows:
            self.writerow(row)


def render(rows: Iterable[Sequence[Value]], delimiter: str = ",") -> str:
    """The whole CSV text of ``rows`` (the first row is usually the header)."""
    out = io.StringIO()
    SafeWriter(out, delimiter).writerows(rows)
    return out.getvalue()


def for_spreadsheets(rows: Iterable[Sequence[Value]]) -> bytes:
    """``rows`` as a file people open with a double click in Excel set up in Italian: cells
    split by ``;`` (the Italian list separator: with ``,`` every row landed in column A) and
    UTF-8 with a byte-order mark (without it Excel reads the file as Windows-1252: "Società"
    became "SocietÃ "). LibreOffice reads it the same way. The formula guard is the same:
    :func:`neutralise` already covers a ``;`` inside a cell."""
    return render(rows, delimiter=";").encode("utf-8-sig")
