"""Small-cell and secondary suppression for the sensitive breakdowns (DESIGN.md §6).

A cell of a sensitive breakdown (domestic violence, health, disadvantage indicators) that
holds 1–4 is *primary*-suppressed and printed ``< 5``. That alone is not enough: with the
total and the rest of its row published, the hidden value is a subtraction away. So
*secondary* suppression hides more cells (printed ``n.d.``), or the total, until no hidden
value can be worked out from any published line.

The check is exact for each line (a row or column with a published total): it asks, for
every hidden cell, which values are still possible given what a reader knows —

* a ``< 5`` cell holds 1–4;
* an ``n.d.`` cell in a sensitive position holds 0 or 5 and more (a 1–4 there would be
  ``< 5``); elsewhere any value from 0; in the consolidated report an ``n.d.`` where an
  office's report hides its cell (:data:`LINKED`, :mod:`casa_desk.reports.linked`) may hold
  any value;
* the hidden cells of the line add up to the total minus the published cells —

and keeps hiding cells while some hidden cell has only one possible value. A line whose total
is published elsewhere and which no hiding protects (every cell hidden, and still the small
one is worked out: 1 "yes" and 5 "no" among 6 new participants, or 3 of 3 "yes") is
*withheld* whole, every cell printed ``n.p.``: a value that may be anything, so the reader
no longer knows which cell held the small one. Lines are
checked one at a time (joint reasoning across rows *and* columns of a 2-D table is not
modelled; the report itself only publishes 1-D breakdowns, where the check is exact).

>>> t = suppress_line([3, 10, 12], sensitive=[True, False, False], total_fixed=True)
>>> [c.text for c in t.cells]
['< 5', 'n.d.', '12']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from casa_desk.models.numerals import format_int

PRIMARY = "<5"
SECONDARY = "n.d."
#: Every cell of a line that no suppression protects (its total is published elsewhere).
WITHHELD = "n.p."
#: A cell of the consolidated report hidden because an office's own report hides its cell
#: at the same place (:mod:`casa_desk.reports.linked`): printed ``n.d.`` like any secondary
#: suppression, but it may hold any value, 1–4 included (a ``< 5`` there would tell the
#: reader that the offices' hidden cells add up to 1–4).
LINKED = "n.d.*"
_SMALL = range(1, 5)

Intervals = list[tuple[int, int]]  # sorted, disjoint, inclusive


@dataclass(frozen=True)
class Cell:
    """A published figure: ``value`` is None when hidden, and ``mark`` says why."""

    value: int | None
    mark: str = ""

    @property
    def hidden(self) -> bool:
        return bool(self.mark)

    @property
    def text(self) -> str:
        """As the PDF prints it (Italian thousands separator)."""
        if self.mark == PRIMARY:
            return "< 5"
        if self.mark == LINKED:
            return SECONDARY
        if self.mark:
            return self.mark
        return format_int(self.value or 0)

    @property
    def csv_value(self) -> int | str:
        """As the CSV carries it: a number, or ``<5`` for every hidden cell, the interface's
        one marker for "suppressed" (issue 4). The PDF's legend tells primary from secondary;
        the CSV does not, so a reader cannot even tell which hidden cell was the small one."""
        return PRIMARY if self.mark else (self.value or 0)


def published(value: int) -> Cell:
    return Cell(value)


@dataclass(frozen=True)
class SuppressedTable:
    """The outcome for a matrix with optional row and column totals."""

    cells: list[list[Cell]]
    row_totals: list[Cell] | None
    col_totals: list[Cell] | None
    #: Lines that even withholding every cell leaves unprotected (a line of one cell).
    unprotected: int = 0


@dataclass(frozen=True)
class SuppressedLine:
    cells: list[Cell]
    total: Cell
    unprotected: bool = False


def suppress_line(
    values: Sequence[int],
    *,
    sensitive: Sequence[bool],
    total_fixed: bool = False,
    linked: Sequence[bool] = (),
    linked_total: bool = False,
    partners: Sequence[bool] = (),
    hidden: Sequence[bool] = (),
    hidden_total: bool = False,
    withheld: Sequence[bool] = (),
) -> SuppressedLine:
    """Suppress one breakdown with its total (the total is ``sum(values)``).

    ``total_fixed``: the total is published elsewhere (e.g. a headline figure), so it may
    not be hidden here; another cell is hidden instead. ``linked`` / ``linked_total``: cells
    (and the total) hidden beforehand as :data:`LINKED`; the line is then protected around
    them like around any hidden cell. ``hidden`` / ``hidden_total``: cells (and the total)
    hidden beforehand as secondary (``n.d.``), for reasons beyond the line
    (:mod:`casa_desk.reports.related`); a cell of 1–4 at a sensitive place stays ``< 5``.
    ``withheld``: cells printed :data:`WITHHELD` whatever their value, for the same reasons
    (their line's total is then hidden too, or they would be a subtraction away).
    """
    table = suppress_table(
        [list(values)],
        [list(sensitive)],
        row_totals=True,
        col_totals=False,
        totals_fixed=total_fixed,
        linked=[list(linked)] if linked else None,
        linked_totals=[linked_total],
        partners=[list(partners)] if partners else None,
        hidden=[list(hidden)] if hidden else None,
        hidden_totals=[hidden_total],
        withheld=[list(withheld)] if withheld else None,
    )
    assert table.row_totals is not None
    return SuppressedLine(table.cells[0], table.row_totals[0], bool(table.unprotected))


def suppress_table(
    values: Sequence[Sequence[int]],
    sensitive: Sequence[Sequence[bool]],
    *,
    row_totals: bool = True,
    col_totals: bool = False,
    totals_fixed: bool = False,
    linked: Sequence[Sequence[bool]] | None = None,
    linked_totals: Sequence[bool] = (),
    partners: Sequence[Sequence[bool]] | None = None,
    hidden: Sequence[Sequence[bool]] | None = None,
    hidden_totals: Sequence[bool] = (),
    withheld: Sequence[Sequence[bool]] | None = None,
) -> SuppressedTable:
    """Primary then secondary suppression of a matrix of counts.

    Row totals (``sum`` of each row) and column totals are published when asked for; each
    published total makes its row/column a *line* that must not give a hidden cell away.
    ``linked`` cells and ``linked_totals`` (row totals) start hidden as :data:`LINKED`.
    ``partners``: cells hidden first as secondary (non-zero ones; then the smallest other).
    ``hidden`` cells and ``hidden_totals`` (row totals) start hidden as secondary;
    ``withheld`` cells as :data:`WITHHELD`, whatever their value.
    """
    n_rows = len(values)
    n_cols = len(values[0]) if n_rows else 0

    def first_mark(i: int, j: int) -> str:
        if withheld is not None and withheld[i][j]:
            return WITHHELD
        if linked is not None and linked[i][j]:
            return LINKED
        if sensitive[i][j] and values[i][j] in _SMALL:
            return PRIMARY
        return SECONDARY if hidden is not None and hidden[i][j] else ""

    marks = [[first_mark(i, j) for j in range(n_cols)] for i in range(n_rows)]
    lines: list[tuple[list[tuple[int, int]], list[str], int]] = []  # cells, total mark box, total

    def first_total_mark(i: int) -> str:
        if i < len(linked_totals) and linked_totals[i]:
            return LINKED
        return SECONDARY if i < len(hidden_totals) and hidden_totals[i] else ""

    row_marks = [[first_total_mark(i)] for i in range(n_rows)]
    col_marks = [[""] for _ in range(n_cols)]
    if row_totals:
        for i in range(n_rows):
            lines.append(([(i, j) for j in range(n_cols)], row_marks[i], sum(values[i])))
    if col_totals:
        for j in range(n_cols):
            lines.append(
                ([(i, j) for i in range(n_rows)], col_marks[j], sum(v[j] for v in values[:]))
            )
    unprotected: list[list[tuple[int, int]]] = []
    changed = True
    while changed:
        changed = False
        unprotected = []
        for positions, total_mark, total in lines:
            if total_mark[0] or not any(marks[i][j] for i, j in positions):
                continue
            if _line_safe(positions, values, sensitive, marks, total):
                continue
            candidates = [(i, j) for i, j in positions if not marks[i][j]]
            if candidates:
                # The smallest non-zero cell gives the least away, unless the table names
                # its partners; zeros only as a last resort.
                def order(p: tuple[int, int]) -> tuple[bool, bool, int]:
                    first = partners is not None and partners[p[0]][p[1]]
                    return (values[p[0]][p[1]] == 0, not first, values[p[0]][p[1]])

                i, j = min(candidates, key=order)
                marks[i][j] = SECONDARY
                changed = True
            elif not totals_fixed:
                total_mark[0] = SECONDARY
                changed = True
            else:
                unprotected.append(positions)
    still = _withhold(unprotected, lines, values, sensitive, marks)
    cells = [
        [Cell(None if marks[i][j] else values[i][j], marks[i][j]) for j in range(n_cols)]
        for i in range(n_rows)
    ]

    def total_cell(mark: list[str], value: int) -> Cell:
        return Cell(None, mark[0]) if mark[0] else Cell(value)

    return SuppressedTable(
        cells,
        [total_cell(row_marks[i], sum(values[i])) for i in range(n_rows)] if row_totals else None,
        [total_cell(col_marks[j], sum(v[j] for v in values)) for j in range(n_cols)]
        if col_totals
        else None,
        still,
    )


def _withhold(
    unprotected: list[list[tuple[int, int]]],
    lines: list[tuple[list[tuple[int, int]], list[str], int]],
    values: Sequence[Sequence[int]],
    sensitive: Sequence[Sequence[bool]],
    marks: list[list[str]],
) -> int:
    """Withhold every cell of the unprotected lines (which one was small must not show);
    returns how many lines even that leaves unprotected (a line of one cell)."""
    for positions in unprotected:
        for i, j in positions:
            marks[i][j] = WITHHELD
    return sum(
        1
        for positions, total_mark, total in lines
        if not total_mark[0]
        and any(marks[i][j] for i, j in positions)
        and not _line_safe(positions, values, sensitive, marks, total)
    )


# -- the reader's reasoning ---------------------------------------------------------------
def reader_domain(mark: str, sensitive: bool, cap: int) -> Intervals:
    """What a reader knows a hidden cell may hold, capped at ``cap`` (the line's hidden sum)."""
    if mark == PRIMARY:
        domain = [(1, 4)]
    elif sensitive and mark not in (WITHHELD, LINKED):
        domain = [(0, 0), (5, max(cap, 5))]
    else:
        domain = [(0, max(cap, 0))]
    return _cap(domain, cap)


def possible_values(domains: Sequence[Intervals], hidden_sum: int) -> list[Intervals]:
    """For each hidden cell, the values consistent with all cells adding up to ``hidden_sum``."""
    result: list[Intervals] = []
    for k, domain in enumerate(domains):
        others: Intervals = [(0, 0)]
        for m, other in enumerate(domains):
            if m != k:
                others = _cap(_add(others, other), hidden_sum)
        complement = [(hidden_sum - hi, hidden_sum - lo) for lo, hi in reversed(others)]
        result.append(_intersect(domain, complement))
    return result


def _line_safe(
    positions: list[tuple[int, int]],
    values: Sequence[Sequence[int]],
    sensitive: Sequence[Sequence[bool]],
    marks: list[list[str]],
    total: int,
) -> bool:
    hidden = [(i, j) for i, j in positions if marks[i][j]]
    hidden_sum = total - sum(values[i][j] for i, j in positions if not marks[i][j])
    domains = [reader_domain(marks[i][j], sensitive[i][j], hidden_sum) for i, j in hidden]
    return all(_count(p) >= 2 for p in possible_values(domains, hidden_sum))


def _cap(intervals: Intervals, cap: int) -> Intervals:
    return [(lo, min(hi, cap)) for lo, hi in intervals if lo <= cap]


def _merge(intervals: list[tuple[int, int]]) -> Intervals:
    merged: Intervals = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _add(a: Intervals, b: Intervals) -> Intervals:
    return _merge([(x0 + y0, x1 + y1) for x0, x1 in a for y0, y1 in b])


def _intersect(a: Intervals, b: Intervals) -> Intervals:
    out = []
    for x0, x1 in a:
        for y0, y1 in b:
            lo, hi = max(x0, y0), min(x1, y1)
            if lo <= hi:
                out.append((lo, hi))
    return _merge(out)


#: For the equations of :mod:`casa_desk.reports.linked` (the same interval arithmetic).
add_intervals = _add
intersect_intervals = _intersect


def _count(intervals: Intervals) -> int:
    return sum(hi - lo + 1 for lo, hi in intervals)
