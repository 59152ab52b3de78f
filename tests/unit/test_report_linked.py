"""The consolidated report gives away no cell an office's report hides (linked tables).

The reader is modelled by brute force, independently of :mod:`casa_desk.reports.linked`:
every assignment of the office reports' hidden cells that agrees with everything published
— each office's published cells and total, each consolidated cell and total (a consolidated
``< 5`` holds 1–4, an ``n.d.`` either 0 or 5 and more when it is a secondary suppression
of the consolidated line itself, or anything when it protects an office's cell) — is
enumerated, and every hidden office cell must keep two possible values.
"""

from __future__ import annotations

import itertools

from brute_reader import reader_values
from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.reports.linked import hide_linked
from casa_desk.reports.model import Breakdown, Figure
from casa_desk.reports.published import Table, publish_table
from casa_desk.reports.suppress import WITHHELD

CODES = ("yes", "no", "declined")


def line(values: list[int], sensitive: list[bool], total_fixed: bool = True) -> Breakdown:
    items = [Figure(c, c, v, s) for c, v, s in zip(CODES, values, sensitive, strict=False)]
    return Breakdown("esf_new_test", "test", items, sensitive=True, total_fixed=total_fixed)


def reports(
    offices: list[list[int]], sensitive: list[bool], total_fixed: bool = True
) -> tuple[list[Table], Table]:
    """Each office's published table, and the consolidated one (additive)."""
    parts = [line(v, sensitive, total_fixed) for v in offices]
    whole = line([sum(col) for col in zip(*offices, strict=True)], sensitive, total_fixed)
    linked = hide_linked([whole], [[p] for p in parts])[whole.section]
    return [publish_table(p) for p in parts], publish_table(whole, linked)


def possible_hidden_values(
    offices: list[Table], whole: Table, sensitive: list[bool], cap: int
) -> dict[tuple[int, int], set[int]]:
    """(office, item) of every hidden office cell → the values a reader cannot rule out.
    ``cap`` bounds a cell with no bound published (fewer assignments: a stricter check)."""
    n_items = len(whole.rows)

    def office_vectors(table: Table) -> list[list[int]]:
        choices = []
        for row, s in zip(table.rows, sensitive, strict=False):
            choices.append(
                [row.cell.value] if not row.cell.hidden else reader_values(row.cell, s, cap)
            )
        total = table.total.value if not table.total.hidden else None
        return [list(v) for v in itertools.product(*choices) if total is None or sum(v) == total]

    per_office = [office_vectors(t) for t in offices]
    column_ok = []
    for j, row in enumerate(whole.rows):
        cell = row.cell
        column_ok.append(
            set(reader_values(cell, sensitive[j], cap * len(offices)))
            if cell.hidden
            else {cell.value}
        )
    possible: dict[tuple[int, int], set[int]] = {
        (i, j): set()
        for i, t in enumerate(offices)
        for j, row in enumerate(t.rows)
        if row.cell.hidden
    }
    published = [row.cell.value if not row.cell.hidden else None for row in whole.rows]

    def walk(done: list[list[int]], sums: list[int]) -> None:
        if len(done) == len(per_office):
            if any(c not in ok for c, ok in zip(sums, column_ok, strict=True)):
                return
            if not whole.total.hidden and sum(sums) != whole.total.value:
                return
            for (i, j), values in possible.items():
                values.add(done[i][j])
            return
        for vector in per_office[len(done)]:
            now = [a + b for a, b in zip(sums, vector, strict=True)]
            if all(p is None or c <= p for c, p in zip(now, published, strict=True)):
                walk([*done, vector], now)

    walk([], [0] * n_items)
    return possible


def assert_protected(
    offices: list[list[int]], sensitive: list[bool], total_fixed: bool = True
) -> Table:
    tables, whole = reports(offices, sensitive, total_fixed)
    cap = max(sum(v) for v in offices) + 6  # room for an n.d.'s 5 and more
    for (i, j), values in possible_hidden_values(tables, whole, sensitive, cap).items():
        cell = tables[i].rows[j].cell
        assert len(values) >= 2, (offices, i, j, values)
        if cell.mark == WITHHELD and sensitive[j]:
            assert not values <= set(range(1, 5)), (offices, i, j, values)
    return whole


def test_one_office_hidden_at_a_place_hides_the_consolidated_cell() -> None:
    # Office A: 3 "yes" (< 5), so its 20 "no" is hidden too; office B publishes 10 and 20.
    # Before: the consolidated 13 less B's 10 gave A's 3 back, 40 less 20 its 20.
    tables, whole = reports([[3, 20], [10, 20]], [True, True])
    assert [r.cell.text for r in tables[0].rows] == ["< 5", "n.d."]
    assert [r.cell.text for r in tables[1].rows] == ["10", "20"]
    assert [r.cell.text for r in whole.rows] == ["n.d.", "n.d."]
    assert whole.total.value == 53  # the total is published elsewhere (new participants)
    assert_protected([[3, 20], [10, 20]], [True, True])


def test_two_offices_hidden_at_a_place_may_publish_it() -> None:
    # A's and B's "yes" are both < 5 (A hides its 7 "declined" too, B its 8): the
    # consolidated 6 leaves each 2-4, so it may be out; "declined" then may not (15 would
    # close a cycle through both lines), and the consolidated line protects it.
    parts = [line([3, 20, 7], [True, True, False]), line([3, 30, 8], [True, True, False])]
    whole = line([6, 50, 15], [True, True, False])
    hidden = hide_linked([whole], [[p] for p in parts])[whole.section]
    assert hidden.codes == {"declined"} and not hidden.total
    assert_protected([[3, 20, 7], [3, 30, 8]], [True, True, False])


def test_places_checked_together_not_one_at_a_time() -> None:
    # Each place alone leaves two values to every hidden cell (A's "yes" + B's "yes" = 5 with
    # both in 1-4; A's "no" + B's "no" = 10 with both 0 or 5+), but with both lines of A and
    # B only A = (2, 5), B = (3, 5) fits: the two consolidated cells must not both be out.
    tables, whole = reports([[2, 5, 20], [3, 5, 20]], [True, True, True])
    assert [r.cell.text for r in tables[0].rows] == ["< 5", "n.d.", "20"]
    assert [r.cell.text for r in tables[1].rows] == ["< 5", "n.d.", "20"]
    assert sum(r.cell.hidden for r in whole.rows[:2]) >= 1
    assert_protected([[2, 5, 20], [3, 5, 20]], [True, True, True])


def test_a_hidden_office_total_hides_the_consolidated_total() -> None:
    # An exits row (its total is published nowhere else): office A's 4 and 0 hide it whole.
    tables, whole = reports([[4, 0], [6, 9]], [True, True], total_fixed=False)
    assert tables[0].total.hidden
    assert whole.total.hidden
    assert_protected([[4, 0], [6, 9]], [True, True], total_fixed=False)


@st.composite
def linked_tables(draw: st.DrawFn) -> tuple[list[list[int]], list[bool], bool]:
    n_offices = draw(st.integers(min_value=2, max_value=3))
    n_items = draw(st.integers(min_value=2, max_value=3))
    values = st.lists(st.integers(min_value=0, max_value=5), min_size=n_items, max_size=n_items)
    offices = draw(st.lists(values, min_size=n_offices, max_size=n_offices))
    sensitive = draw(st.lists(st.booleans(), min_size=n_items, max_size=n_items))
    return offices, sensitive, draw(st.booleans())


@settings(max_examples=150, deadline=None)
@given(linked_tables())
def test_no_office_cell_can_be_worked_out_from_all_reports(case) -> None:
    offices, sensitive, total_fixed = case
    assert_protected(offices, sensitive, total_fixed)


def gender_row(values: list[int], participants: list[int], withheld: str = "") -> Breakdown:
    """A row of exits by gender (F, M, X) of an office whose genders ``withheld`` have 1-4
    participants (:mod:`casa_desk.reports.related`: their cells ``n.p.``, the total hidden)."""
    items = [Figure(g, g, v, True) for g, v in zip("FMX", values, strict=True)]
    return Breakdown("exits", "t", items, sensitive=True, total_fixed=False,
                     withheld=frozenset(withheld), hidden_total=bool(withheld),
                     bound=dict(zip("FMX", participants, strict=True)))  # fmt: skip


def test_an_office_s_withheld_gender_is_at_most_its_participants() -> None:
    # Non-binary exits: office A 1 (its one participant), C 2 (of 2), B 5; all offices 8.
    # "n.p." is any value for the reader of one table, but A's is at most 1 and C's at most
    # 2 (their participants, published): 8 - 5 = 3 pins both.
    offices = [
        [gender_row([6, 7, 1], [9, 9, 1], "X")],
        [gender_row([6, 7, 5], [9, 9, 6])],
        [gender_row([6, 7, 2], [9, 9, 2], "X")],
    ]
    whole = gender_row([18, 21, 8], [27, 27, 9])
    assert "X" in hide_linked([whole], offices)["exits"].codes


def test_a_row_of_zeros_hides_only_where_an_office_withholds() -> None:
    # Office A withholds its women (1-4 participants): the consolidated 0 would be A's 0.
    # The men's 0, published by both offices, stays published. (Were the hidden cells capped
    # at the row's sum, 0, A's women would look pinned by the offices' reports alone, and
    # the consolidated 0 published as giving nothing more away.)
    offices = [[gender_row([0, 0, 0], [3, 8, 0], "F")], [gender_row([0, 0, 0], [6, 8, 0])]]
    hidden = hide_linked([gender_row([0, 0, 0], [9, 16, 0])], offices)["exits"]
    assert hidden.codes == {"F"}
