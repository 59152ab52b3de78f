"""Suppression as properties (hypothesis): what is published is right, what is hidden stays hidden.

The reader model is checked by brute force here, independently of the interval arithmetic
in ``casa_desk.reports.suppress``: for every line with a published total, enumerate every
assignment of the hidden cells that a reader would accept (``< 5`` is 1–4; ``n.d.`` in a
sensitive position is 0 or 5+, elsewhere anything) and require at least two possible values
for each hidden cell.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.reports.suppress import (
    PRIMARY,
    WITHHELD,
    suppress_line,
    suppress_table,
)

values_st = st.integers(min_value=0, max_value=14)


def _reader_values(mark: str, sensitive: bool, cap: int) -> list[int]:
    if mark == PRIMARY:
        return [v for v in range(1, 5) if v <= cap]
    if sensitive and mark != WITHHELD:
        return [v for v in range(cap + 1) if v == 0 or v >= 5]
    return list(range(cap + 1))


def _brute_force_possible(marks: list[str], sens: list[bool], hidden_sum: int) -> list[set[int]]:
    hidden = [k for k, m in enumerate(marks) if m]
    domains = [_reader_values(marks[k], sens[k], hidden_sum) for k in hidden]
    possible: list[set[int]] = [set() for _ in hidden]
    for combo in itertools.product(*domains):
        if sum(combo) == hidden_sum:
            for n, value in enumerate(combo):
                possible[n].add(value)
    return possible


def _check_line(values: list[int], sens: list[bool], cells: list, total_cell, total: int) -> None:
    marks = [c.mark for c in cells]
    withheld = WITHHELD in marks
    assert not withheld or set(marks) == {WITHHELD}  # a line is withheld whole
    # Published cells and totals are the true values; primary cells are all hidden.
    for v, s, c in zip(values, sens, cells, strict=True):
        if not c.mark:
            assert c.value == v
        if s and 1 <= v <= 4 and not withheld:
            assert c.mark == PRIMARY
        if c.mark == PRIMARY:
            assert s and 1 <= v <= 4
        if c.mark:
            assert c.value is None
    if total_cell.mark:
        assert total_cell.value is None
        return
    assert total_cell.value == total
    if not any(marks):
        return
    # Never a single hidden cell against a published total.
    assert sum(1 for m in marks if m) >= 2
    hidden_sum = total - sum(v for v, m in zip(values, marks, strict=True) if not m)
    for possible in _brute_force_possible(marks, sens, hidden_sum):
        assert len(possible) >= 2, (values, sens, marks)


@st.composite
def lines(draw: st.DrawFn) -> tuple[list[int], list[bool]]:
    n = draw(st.integers(min_value=1, max_value=6))
    values = draw(st.lists(values_st, min_size=n, max_size=n))
    sens = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return values, sens


@settings(max_examples=400, deadline=None)
@given(lines())
def test_line_with_suppressible_total_never_gives_a_hidden_value_away(line) -> None:
    values, sens = line
    result = suppress_line(values, sensitive=sens, total_fixed=False)
    assert not result.unprotected
    _check_line(values, sens, result.cells, result.total, sum(values))


@settings(max_examples=400, deadline=None)
@given(lines())
def test_line_with_fixed_total_is_protected_unless_impossible(line) -> None:
    values, sens = line
    result = suppress_line(values, sensitive=sens, total_fixed=True)
    assert not result.total.mark  # a fixed total is always published
    if result.unprotected:  # only a line of one cell: its value is the published total
        assert len(values) == 1 and result.cells[0].mark == WITHHELD
        return
    _check_line(values, sens, result.cells, result.total, sum(values))


def test_a_line_no_hiding_protects_is_withheld_whole() -> None:
    """6 new participants, 1 "yes" and 5 "no" to a disadvantage question: with the total
    published (the entries by gender), '< 5' and three 'n.d.' (0 or 5 and more) leave the
    'yes' exactly 1. Withheld whole, the line reads the same wherever the 1 was."""
    published = {
        tuple(c.text for c in suppress_line(v, sensitive=[True] * 4, total_fixed=True).cells)
        for v in ([1, 5, 0, 0], [5, 1, 0, 0], [0, 5, 0, 1])
    }
    assert published == {("n.p.",) * 4}
    line = suppress_line([1, 5, 0, 0], sensitive=[True] * 4, total_fixed=True)
    assert [c.text for c in line.cells] == ["n.p."] * 4 and line.total.text == "6"
    assert [c.csv_value for c in line.cells] == ["<5"] * 4
    every = suppress_line([3, 0, 0, 0], sensitive=[True] * 4, total_fixed=True)  # 3 of 3 "yes"
    assert [c.text for c in every.cells] == ["n.p."] * 4 and not every.unprotected


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[int]], list[list[bool]]]:
    rows = draw(st.integers(min_value=1, max_value=4))
    cols = draw(st.integers(min_value=1, max_value=4))
    values = [draw(st.lists(values_st, min_size=cols, max_size=cols)) for _ in range(rows)]
    sens = [draw(st.lists(st.booleans(), min_size=cols, max_size=cols)) for _ in range(rows)]
    return values, sens


@settings(max_examples=300, deadline=None)
@given(tables(), st.booleans())
def test_table_rows_and_columns_are_each_protected(table, col_totals: bool) -> None:
    values, sens = table
    result = suppress_table(values, sens, row_totals=True, col_totals=col_totals)
    assert result.row_totals is not None
    for i, row in enumerate(result.cells):
        _check_line(values[i], sens[i], row, result.row_totals[i], sum(values[i]))
    if col_totals:
        assert result.col_totals is not None
        for j in range(len(values[0])):
            column = [values[i][j] for i in range(len(values))]
            _check_line(
                column,
                [sens[i][j] for i in range(len(values))],
                [result.cells[i][j] for i in range(len(values))],
                result.col_totals[j],
                sum(column),
            )


def test_examples_read_as_expected() -> None:
    line = suppress_line([3, 10, 12], sensitive=[True, False, False], total_fixed=True)
    assert [c.text for c in line.cells] == ["< 5", "n.d.", "12"]
    assert [c.csv_value for c in line.cells] == ["<5", "<5", 12]
    assert line.total.text == "25"
    # Nothing small and sensitive: nothing hidden.
    line = suppress_line([0, 7, 1234], sensitive=[True, True, False], total_fixed=True)
    assert [c.text for c in line.cells] == ["0", "7", "1.234"]
    # Two small sensitive cells protect each other when their sum leaves room.
    line = suppress_line([2, 1, 20], sensitive=[True, True, False], total_fixed=True)
    assert [c.text for c in line.cells] == ["< 5", "< 5", "20"]
    # 1 + 1: both would be 1, so a third cell must go.
    line = suppress_line([1, 1, 20], sensitive=[True, True, False], total_fixed=True)
    assert sum(1 for c in line.cells if c.hidden) == 3
