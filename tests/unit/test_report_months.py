"""No month's total table gives away a cell an earlier (or later) month's report hides.

The reader is modelled by brute force, independently of :mod:`casa_desk.reports.months`:
every assignment of the months' new-entrant cells that agrees with everything every month
publishes — each month's new-entrants table (published cells and total; a ``< 5`` holds
1-4, an ``n.d.`` 0 or 5 and more, an ``n.p.`` anything) and each month's total table, the
prefix sum of the new ones (its published cells and total; a hidden total as its mark
allows, any value where it protects the months) — is enumerated; every hidden new cell, and
every total the months hide, must keep two possible values.
"""

from __future__ import annotations

import doctest
import itertools

from brute_reader import reader_values
from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.reports import linked, months
from casa_desk.reports.linked import Linked
from casa_desk.reports.model import Breakdown, Figure
from casa_desk.reports.months import TOTAL, hide_months
from casa_desk.reports.published import Table, publish_table
from casa_desk.reports.suppress import PRIMARY, SECONDARY, WITHHELD

CODES = ("yes", "no", "declined")


def line(
    values: list[int], sensitive: list[bool], section: str = "esf_new_x", *, fixed: bool = True
) -> Breakdown:
    """``fixed``: the line's total is published (entries); else suppression may hide it too
    (the rows of exits and six-month results)."""
    items = [Figure(c, c, v, s) for c, v, s in zip(CODES, values, sensitive, strict=False)]
    return Breakdown(section, "test", items, sensitive=True, total_fixed=fixed)


def reports(
    months: list[list[int]], sensitive: list[bool], *, fixed: bool = True
) -> tuple[list[Table], list[Table], list[frozenset[str]]]:
    """Each month's new-entrants table and total table as published, and what the months hide."""
    news = [line(v, sensitive, fixed=fixed) for v in months]
    hidden = hide_months(news)
    totals = list(
        itertools.accumulate(months, lambda a, b: [x + y for x, y in zip(a, b, strict=True)])
    )
    return (
        [publish_table(n) for n in news],
        [
            publish_table(
                line(t, sensitive, "esf_total_x", fixed=fixed), Linked(h - {TOTAL}, TOTAL in h)
            )
            for t, h in zip(totals, hidden, strict=True)
        ],
        hidden,
    )


def _fits(table: Table, values: list[int], sensitive: list[bool]) -> bool:
    if not table.total.hidden and sum(values) != table.total.value:
        return False
    for row, value, s in zip(table.rows, values, sensitive, strict=True):
        if row.cell.hidden:
            if value not in reader_values(row.cell, s, value):
                return False
        elif row.cell.value != value:
            return False
    return True


def possible(
    news: list[Table], totals: list[Table], sensitive: list[bool], cap: int
) -> dict[tuple[str, int, int], set[int]]:
    """("new" or "total", month, item) of every hidden cell → the values a reader cannot
    rule out; ``cap`` bounds a hidden new cell (fewer assignments: a stricter check)."""
    choices = []
    for table in news:
        cells = [
            [row.cell.value] if not row.cell.hidden else reader_values(row.cell, s, cap)
            for row, s in zip(table.rows, sensitive, strict=True)
        ]
        choices.append(
            [list(v) for v in itertools.product(*cells) if _fits(table, list(v), sensitive)]
        )
    out: dict[tuple[str, int, int], set[int]] = {}
    for m, (new, total) in enumerate(zip(news, totals, strict=True)):
        for j, (a, b) in enumerate(zip(new.rows, total.rows, strict=True)):
            if a.cell.hidden:
                out[("new", m, j)] = set()
            if b.cell.hidden:
                out[("total", m, j)] = set()
        # A hidden line total (``fixed`` false) is item -1: the sum of the line's cells.
        if new.total.hidden:
            out[("new", m, -1)] = set()
        if total.total.hidden:
            out[("total", m, -1)] = set()

    def value(vector: list[int], j: int) -> int:
        return sum(vector) if j == -1 else vector[j]

    def walk(done: list[list[int]], running: list[int]) -> None:
        if len(done) == len(news):
            for (kind, m, j), values in out.items():
                values.add(
                    value(done[m], j) if kind == "new" else sum(value(v, j) for v in done[: m + 1])
                )
            return
        m = len(done)
        for vector in choices[m]:
            now = [a + b for a, b in zip(running, vector, strict=True)]
            if _fits(totals[m], now, sensitive):
                walk([*done, vector], now)

    walk([], [0] * len(sensitive))
    return out


def assert_protected(
    months: list[list[int]], sensitive: list[bool], *, fixed: bool = True
) -> list[Table]:
    news, totals, hidden = reports(months, sensitive, fixed=fixed)
    cap = max(max(v) for v in months) + 6  # room for an n.d.'s 5 and more
    for (kind, m, j), values in possible(news, totals, sensitive, cap).items():
        table = news[m] if kind == "new" else totals[m]
        if kind == "total" and (TOTAL if j == -1 else CODES[j]) not in hidden[m]:
            continue  # hidden by the total table's own suppression: taken as known
        assert len(values) >= 2, (months, kind, m, j, values)
        if j == -1:
            continue
        if kind == "new" and table.rows[j].cell.mark == WITHHELD and sensitive[j]:
            assert not values <= set(range(1, 5)), (months, kind, m, j, values)
    return totals


def texts(table: Table) -> list[str]:
    return [row.cell.text for row in table.rows]


def test_a_small_new_cell_is_not_two_totals_apart() -> None:
    # September: 10 "yes", 20 "no", published, and its totals (the first month) too.
    # October: 2 "yes" (< 5), 30 "no" (n.d.): October's totals 12 and 50 would give them back.
    news, totals, _ = reports([[10, 20], [2, 30]], [True, True])
    assert texts(news[1]) == ["< 5", "n.d."]
    assert texts(totals[0]) == ["10", "20"]
    assert texts(totals[1]) == ["n.d.", "n.d."]
    assert totals[1].total.value == 62  # the total is everyone who entered
    assert_protected([[10, 20], [2, 30]], [True, True])


def test_two_months_apart_is_protected_too() -> None:
    # Hiding October's totals alone: November's totals less September's less November's
    # new entrants (all published) would give October's 2 back. So November hides them too.
    months = [[10, 20, 50], [2, 30, 60], [6, 10, 70]]
    news, totals, hidden = reports(months, [True, True, False])
    assert texts(news[2]) == ["6", "10", "70"]
    assert hidden[1] == {"yes", "no"}
    assert {"yes", "no"} <= hidden[2]
    assert_protected(months, [True, True, False])


def test_a_total_comes_back_when_the_months_leave_two_values() -> None:
    # "yes" is < 5 in October (2, "no" hidden beside it) and November (3, "declined"
    # beside it): November's total 15 says only that they add up to 5 (1-4 each), and the
    # hidden "no" and "declined" (in different months: no cycle) keep their freedom.
    months = [[10, 20, 50], [2, 30, 60], [3, 40, 8]]
    _news, totals, hidden = reports(months, [True, True, False])
    assert hidden[1] == {"yes", "no"}
    assert hidden[2] == {"no", "declined"}
    assert texts(totals[2]) == ["15", "n.d.", "n.d."]
    assert_protected(months, [True, True, False])


def test_two_places_hidden_in_two_months_stay_hidden() -> None:
    # "yes" and "no" hidden together in October and November: publishing either total
    # would pin the other through the total table's line, and both close a cycle.
    months = [[10, 20, 50], [2, 30, 60], [3, 40, 70]]
    _news, _totals, hidden = reports(months, [True, True, False])
    assert hidden[2] == {"yes", "no"}
    assert_protected(months, [True, True, False])


def test_a_small_total_is_never_published() -> None:
    # 1 "yes" in each of two months: the total 2 would be a "< 5" a reader may pin later.
    months = [[1, 10, 5], [1, 10, 5], [5, 0, 5]]
    _news, _totals, hidden = reports(months, [True, True, False])
    assert "yes" in hidden[1]
    assert_protected(months, [True, True, False])


@st.composite
def series(draw: st.DrawFn, most_months: int = 4) -> tuple[list[list[int]], list[bool]]:
    n_months = draw(st.integers(min_value=1, max_value=most_months))
    n_items = draw(st.integers(min_value=2, max_value=3))
    values = st.lists(st.integers(min_value=0, max_value=7), min_size=n_items, max_size=n_items)
    months = draw(st.lists(values, min_size=n_months, max_size=n_months))
    sensitive = draw(st.lists(st.booleans(), min_size=n_items, max_size=n_items))
    return months, sensitive


@settings(max_examples=150, deadline=None)
@given(series())
def test_no_hidden_cell_can_be_worked_out_from_all_months(case) -> None:
    months, sensitive = case
    assert_protected(months, sensitive)


@settings(max_examples=150, deadline=None)
@given(series(most_months=3))  # hidden totals leave the brute force many more assignments
def test_nor_where_suppression_may_hide_a_lines_total(case) -> None:
    # The exits' and six-month results' rows: a month's total of a row may be hidden too,
    # and the difference of two totals since the start must not give it (or a cell) back.
    months, sensitive = case
    assert_protected(months, sensitive, fixed=False)


def test_a_hidden_row_total_is_not_two_totals_apart() -> None:
    # A row of exits by gender: September 10 women, 20 men; October 3 women, 0 men. October's
    # line hides its 3, the 0 beside it and its total (3 too). The totals since the start,
    # 13 women and 33 in all, would give October's 3 back: they are hidden as well.
    news, totals, hidden = reports([[10, 20], [3, 0]], [True, True], fixed=False)
    assert (texts(news[1]), news[1].total.mark) == (["< 5", "n.d."], SECONDARY)
    assert hidden[1] == {"yes", "no", TOTAL}
    assert (texts(totals[1]), totals[1].total.text) == (["n.d.", "n.d."], "n.d.")
    assert_protected([[10, 20], [3, 0]], [True, True], fixed=False)
    assert_protected([[7, 7], [2, 7], [2, 0]], [True, True], fixed=False)  # found by hypothesis


def test_the_modules_examples_hold() -> None:
    assert doctest.testmod(months).failed == 0
    assert doctest.testmod(linked).failed == 0


def test_an_indicator_hides_no_before_yes_so_its_yes_total_stays_readable() -> None:
    """A small "declined" needs a partner: the smallest other cell would be "yes", the
    figure the programme counts, and every later total of "yes" would then be hidden to
    protect that month. An indicator names "no" as its partner (Breakdown.partners): the
    month publishes "yes", and so does its total since the start, month after month."""
    import random

    from casa_desk.reports import esf

    def indicator(yes: int, no: int, declined: int) -> Breakdown:
        items = [Figure(c, c, v, True) for c, v in zip(CODES, (yes, no, declined), strict=True)]
        return Breakdown("esf_new_x", "t", items, sensitive=True, partners=("no",))

    one = publish_table(indicator(45, 500, 2))
    assert [r.cell.mark for r in one.rows] == ["", SECONDARY, PRIMARY]
    rng = random.Random(2)
    series = [
        indicator(rng.randint(30, 60), rng.randint(400, 600), rng.randint(0, 6)) for _ in range(24)
    ]
    assert all("yes" not in hidden for hidden in hide_months(series))
    # The report's own indicator tables name it.
    [table] = [t for t in esf._disadvantage_tables("esf_new", [], esf.Programme.ESF_2021_2027)[:1]]
    assert table.partners == ("no",)
