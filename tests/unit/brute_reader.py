"""What a reader of a published table knows a hidden cell may hold: the independent oracle
of the brute-force tests of cross-report suppression (test_report_linked, test_report_months),
written from the legend, not from :mod:`casa_desk.reports.suppress`."""

from __future__ import annotations

from casa_desk.reports.suppress import LINKED, PRIMARY, WITHHELD, Cell


def reader_values(cell: Cell, sensitive: bool, cap: int) -> list[int]:
    """``< 5``: 1-4; ``n.p.``, a cross-report ``n.d.`` or a cell of a non-sensitive place:
    anything; an ``n.d.`` at a sensitive place: 0 or 5 and more (a 1-4 would be ``< 5``);
    all up to ``cap``."""
    if cell.mark == PRIMARY:
        return [v for v in range(1, 5) if v <= cap]
    if cell.mark in (WITHHELD, LINKED) or not sensitive:
        return list(range(cap + 1))
    return [v for v in range(cap + 1) if v == 0 or v >= 5]
