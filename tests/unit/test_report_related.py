"""The rows of the ESF exits and six-month tables are related, gender by gender: no ``< 5``
may be pinned through them (:mod:`casa_desk.reports.related`).

The reader is modelled by brute force, independently of the module's witness search: every
table that agrees with what the report prints (each row's published cells and total, a
``< 5`` holding 1-4, an ``n.d.`` 0 or 5 and more, a hidden total anything) and with the
relations a reader knows from the tables' definitions —

* exits: for each gender, all exits = "no result" + "unknown" + "pending" + ``K``, where
  ``K`` (known results, at least one of them) is between the largest result row and their
  sum (a participant may have several results, and each known one has one);
* six-month results: all recorded = "unknown" + ``K``, each result row at most ``K``

— is enumerated, and every ``< 5`` cell must keep two possible values (a hidden cell pinned
without pinning any ``< 5`` gives nothing away: the enumeration is over all of them at once).
The tables come from the real report code (:func:`esf._exit_tables`,
:func:`esf._follow_up_tables`, :func:`published.publish_table`) over random small groups of
participants who left.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from brute_reader import reader_values
from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.models.vocab import Programme
from casa_desk.reports import aggregate, esf, related, service
from casa_desk.reports.model import Breakdown, Month
from casa_desk.reports.published import Table, publish, publish_table
from casa_desk.reports.suppress import LINKED, PRIMARY, WITHHELD
from casa_desk.store.db import Store
from casa_desk.store.participants import Participants
from casa_desk.store.people import People

GENDERS = ("F", "M", "X", "NS")
DAY = "2026-10-15"


def exit_codes(gender: str, state: str, flags: tuple[bool, ...] = (False,) * 4) -> tuple:
    """One participant who left, as :func:`esf._exit_codes` makes them."""
    return (gender, DAY, state, flags, None, False, (False, False))


def follow_up_codes(gender: str, known: bool, flags: tuple[bool, bool] = (False, False)) -> tuple:
    return (gender, DAY, "known", (False,) * 4, DAY, known, flags)


# -- the reader, by brute force ---------------------------------------------------------------
def _column_choices(
    tables: list[Table], j: int, n_results: int, covered: bool, cap: int, most: int | None
) -> list[tuple[int, ...]]:
    """Every column ``j`` (one value per row) a reader accepts on its own: published cells
    as printed, hidden ones as their marks allow (at most their row's published total), the
    gender's relation holding, and its everyone at most ``most`` (its participants since
    the start, published exactly; None: no bound)."""
    options = []
    for i, table in enumerate(tables):
        cell = table.rows[j].cell
        top = cap if table.total.hidden else min(cap, table.total.value)
        values = reader_values(cell, True, top) if cell.hidden else [cell.value]
        options.append([v for v in values if i or most is None or v <= most])
    results = list(range(1, 1 + n_results))
    exclusive = list(range(1 + n_results, len(tables)))
    order = [0, *exclusive, *results]  # everyone, then what it splits into, then results
    out = []

    def walk(done: dict[int, int]) -> None:
        if len(done) == len(order):
            top = [done[r] for r in results]
            if not covered or known(done) <= sum(top):
                out.append(tuple(done[i] for i in range(len(tables))))
            return
        i = order[len(done)]
        for value in options[i]:
            if i in exclusive and sum(done[e] for e in exclusive if e in done) + value > done[0]:
                break  # "no result", "unknown", "pending" add up to everyone at most
            if i in results and value > known(done):
                break  # each result at most the known ones
            walk({**done, i: value})

    def known(done: dict[int, int]) -> int:
        return done[0] - sum(done[e] for e in exclusive)

    walk({})
    return out


def possible(
    tables: list[Table],
    n_results: int,
    covered: bool,
    cap: int,
    bounds: list[int | None] | None = None,
) -> dict:
    """(row, column) of every hidden cell → the values a reader cannot rule out: the
    columns each on their own, then joined by the rows' published totals (the sums of the
    columns before and after a column, as sets, so a column's choice is checked once)."""
    n_cols = len(tables[0].rows)
    bounds = bounds or [None] * n_cols
    columns = [_column_choices(tables, j, n_results, covered, cap, bounds[j])
               for j in range(n_cols)]  # fmt: skip
    lines = [i for i, t in enumerate(tables) if not t.total.hidden]  # published totals
    goal = tuple(tables[i].total.value for i in lines)

    def part(column: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(column[i] for i in lines)

    def add(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x + y for x, y in zip(a, b, strict=True))

    def fits(a: tuple[int, ...]) -> bool:
        return all(x <= g for x, g in zip(a, goal, strict=True))

    def step(sums: set[tuple[int, ...]], j: int) -> set[tuple[int, ...]]:
        return {add(s, part(c)) for s in sums for c in columns[j] if fits(add(s, part(c)))}

    before = [{(0,) * len(lines)}]  # sums of the columns before j
    for j in range(n_cols):
        before.append(step(before[j], j))
    after: list[set[tuple[int, ...]]] = [set()] * n_cols + [{(0,) * len(lines)}]  # from j on
    for j in reversed(range(n_cols)):
        after[j] = step(after[j + 1], j)
    out: dict[tuple[int, int], set[int]] = {
        (i, j): set() for i, t in enumerate(tables) for j, r in enumerate(t.rows) if r.cell.hidden
    }
    for j in range(n_cols):
        for column in columns[j]:
            here = part(column)
            if any(tuple(g - x - y for g, x, y in zip(goal, s, here, strict=True)) in after[j + 1]
                   for s in before[j]):  # fmt: skip
                for (i, col), values in out.items():
                    if col == j:
                        values.add(column[i])
    return out


def pinned(
    breakdowns: list[Breakdown],
    relation: related.Relation,
    participants: Mapping[str, int] | None = None,
    tables: list[Table] | None = None,
) -> list[tuple[str, str, set]]:
    """The cells a reader pins: (section, gender, their values). ``participants``: each
    gender's participants since the start, as the report publishes them (a bound on each
    gender's everyone); ``tables``: the rows as the report prints them (None: as
    :func:`publish_table` alone publishes them). A ``< 5`` pinned, a small cell withheld
    pinned or known small, a small cell the months or the offices hide (``n.d.``, any value)
    pinned, or any cell of a gender with 1-4 participants pinned (0 included: "the one
    non-binary participant has not left", "had no result")."""
    tables = tables or [publish_table(b) for b in breakdowns]
    cap = breakdowns[0].total + 5  # room for an n.d.'s 5 and more
    codes = [row.code for row in tables[0].rows]
    bounds = [participants.get(c, 0) for c in codes] if participants is not None else None
    found = possible(tables, relation.results, relation.covered, cap, bounds)
    small = set(range(1, 5))
    few = {j for j, c in enumerate(codes) if participants and participants.get(c, 0) in small}
    return [
        (tables[i].section, tables[i].rows[j].code, values)
        for (i, j), values in sorted(found.items())
        if (tables[i].rows[j].cell.mark == PRIMARY and len(values) < 2)  # noqa: PLR2004
        or (
            tables[i].rows[j].cell.mark == WITHHELD
            and breakdowns[i].items[j].value in small
            and (len(values) < 2 or values <= small)  # noqa: PLR2004
        )
        or (j in few and len(values) < 2)  # noqa: PLR2004
        or (
            tables[i].rows[j].cell.mark == LINKED
            and breakdowns[i].items[j].value in small
            and len(values) < 2  # noqa: PLR2004
        )
    ]


def check(
    breakdowns: list[Breakdown],
    relation: related.Relation,
    participants: Mapping[str, int] | None = None,
) -> list[Table]:
    """Asserts nothing is pinned, that a gender with 1-4 participants is withheld in every
    row (its marks would tell a 0 from 1-4), and that suppression published the truth
    elsewhere."""
    assert pinned(breakdowns, relation, participants) == []
    tables = [publish_table(b) for b in breakdowns]
    for table in tables:
        for row in table.rows:
            if participants and 1 <= participants.get(row.code, 0) <= 4:  # noqa: PLR2004
                assert row.cell.mark == WITHHELD, (table.section, row.code)
    for b, table in zip(breakdowns, tables, strict=True):
        for figure, row in zip(b.items, table.rows, strict=True):
            assert row.cell.hidden or row.cell.value == figure.value
            if row.cell.mark != WITHHELD:
                assert (row.cell.mark == PRIMARY) == (1 <= figure.value <= 4)  # noqa: PLR2004
    return tables


def texts(table: Table) -> list[str]:
    return [row.cell.text for row in table.rows] + [table.total.text]


def changed(breakdowns: list[Breakdown]) -> list[str]:
    """The rows the protection publishes otherwise than their own lines would."""
    own = [replace(b, hidden=frozenset(), hidden_total=False, withheld=frozenset())
           for b in breakdowns]  # fmt: skip
    return [b.section for b, o in zip(breakdowns, own, strict=True)
            if texts(publish_table(b)) != texts(publish_table(o))]  # fmt: skip


# -- a concrete case -----------------------------------------------------------------------
def three_exits() -> list[tuple]:
    """Two women and a man left: one woman with no result, one whose results are pending,
    the man now looking for a job. Each row on its own is safe (exits: "< 5", "< 5", 3 in
    all), but the women's "looking for a job" is ``n.d.``, so 0 (5 and more is more than
    3 exits), their "no result" and "pending" are 1-4 each, so at least two women left, the
    man's "looking for a job" at least one man: 2 and 1, and every cell follows."""
    return [
        exit_codes("F", "known"),
        exit_codes("F", "pending"),
        exit_codes("M", "known", (True, False, False, False)),
    ]


def test_the_exits_rows_do_not_pin_a_small_cell_through_each_gender() -> None:
    breakdowns = esf._exit_tables("esf_exit_new", three_exits(), Programme.ESF_2021_2027)
    tables = check(breakdowns, related.EXITS)
    by = {t.section: texts(t) for t in tables}
    # One figure more is hidden: the exits' total (then the women may be 2, 3 or 4).
    assert by["esf_exit_new_by_gender"] == ["< 5", "< 5", "0", "0", "n.d."]
    assert changed(breakdowns) == ["esf_exit_new_by_gender"]


def test_where_no_cell_hidden_more_protects_the_exits_row_is_withheld() -> None:
    # A woman of each kind (one with two results), a man of each but "unknown": the women's
    # five "< 5" add up to four exits at least, and "< 5" says at most four.
    both = (True, True, False, False)
    people = [
        *[exit_codes(g, "known", both) for g in "FM"],
        *[exit_codes(g, "known") for g in "FM"],
        *[exit_codes(g, "pending") for g in "FM"],
        exit_codes("F", "unknown"),
    ]
    breakdowns = esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027)
    tables = check(breakdowns, related.EXITS)
    assert texts(tables[0]) == ["n.p."] * 4 + ["n.d."]  # exits by gender: any values
    assert changed(breakdowns)[1:] == []


def test_without_the_relation_the_same_exits_give_every_cell_away(monkeypatch) -> None:
    monkeypatch.setattr(esf, "protect", lambda rows, *_args: list(rows))
    breakdowns = esf._exit_tables("esf_exit_new", three_exits(), Programme.ESF_2021_2027)
    assert [(section, gender) for section, gender, _ in pinned(breakdowns, related.EXITS)] == [
        ("esf_exit_new_by_gender", "F"),
        ("esf_exit_new_by_gender", "M"),
        ("esf_exit_new_job_searching", "M"),
        ("esf_exit_new_no_result", "F"),
        ("esf_exit_new_pending", "F"),
    ]


def test_six_month_unknown_is_not_everyone_less_the_employed() -> None:
    # 6 women's results recorded, 5 "employed", 1 "unknown" (< 5): 6 - 5 leaves 1 at most.
    followed = [
        *[follow_up_codes("F", True, (True, False))] * 5,
        follow_up_codes("F", False),
        *[follow_up_codes("M", True, (True, False))] * 9,
    ]
    breakdowns = esf._follow_up_tables("esf_6m_new", followed, Programme.ESF_2021_2027)
    tables = check(breakdowns, related.SIX_MONTHS)
    assert texts(tables[0]) == ["6", "9", "0", "0", "15"]  # everyone stays published


def test_nothing_changes_where_nothing_is_at_risk() -> None:
    # 2 women's results "unknown" (< 5) among 8: the women with a known result are 3 to 6
    # (3 "employed", 3 "in education"), so "unknown" may be 2 to 4: the rows are
    # published as their own lines publish them.
    employed, education = (False, False, False, True), (False, True, False, False)
    people = [
        *[exit_codes("F", "known", employed)] * 3,
        *[exit_codes("F", "known", education)] * 3,
        *[exit_codes("F", "unknown")] * 2,
        *[exit_codes("M", "known", employed)] * 8,
        *[exit_codes("M", "unknown")] * 7,
    ]
    assert changed(esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027)) == []


# -- the participants by gender, published exactly, bound each gender ------------------------
def one_non_binary() -> list[tuple]:
    """Six women and six men left (each row's cells 0 or 5 and more, or known apart), and
    the one non-binary participant, now looking for a job."""
    return [
        *[exit_codes("F", "known", (False, False, False, True))] * 6,
        *[exit_codes("M", "unknown")] * 6,
        exit_codes("X", "known", (True, False, False, False)),
    ]


def test_one_non_binary_participant_s_result_is_withheld_with_the_rows_totals() -> None:
    participants = {"F": 9, "M": 8, "X": 1, "NS": 0}
    people = one_non_binary()
    # Without the rule (the rows protected as before): exits X "< 5" is 1 (one non-binary
    # participant), and so is their "looking for a job" "< 5".
    plain = esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027)
    assert ("esf_exit_new_job_searching", "X", {1}) in pinned(plain, related.EXITS, participants)
    related._protect.cache_clear()
    breakdowns = esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027, participants)
    tables = check(breakdowns, related.EXITS, participants)
    by = {t.section: texts(t) for t in tables}
    # X is "n.p." in every row, 0 included, and no row's total gives it back.
    assert by["esf_exit_new_by_gender"] == ["6", "6", "n.p.", "0", "n.d."]
    assert by["esf_exit_new_job_searching"] == ["0", "0", "n.p.", "0", "n.d."]
    assert by["esf_exit_new_employed"] == ["6", "0", "n.p.", "0", "n.d."]
    assert by["esf_exit_new_unknown"] == ["0", "6", "n.p.", "0", "n.d."]
    assert all(b.bound == participants for b in breakdowns)


def test_a_gender_without_participants_has_only_zeros_and_is_published() -> None:
    participants = {"F": 9, "M": 8, "X": 0, "NS": 0}
    people = [p for p in one_non_binary() if p[0] != "X"]
    breakdowns = esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027, participants)
    tables = check(breakdowns, related.EXITS, participants)
    assert texts(tables[0]) == ["6", "6", "0", "0", "12"]


def test_the_bound_of_a_larger_gender_is_known_to_the_witness_search() -> None:
    # Three women left with results pending; seven men: one pending, six with results.
    # Searched without the bound, a table with more exits than participants passes for a
    # witness, and the women's 3 exits, their 3 pending and the man's 1 pending are pinned.
    participants = {"F": 6, "M": 7, "X": 0, "NS": 0}
    people = [
        *[exit_codes("F", "pending")] * 3,
        exit_codes("M", "pending"),
        exit_codes("M", "known"),
        *[exit_codes("M", "known", flags) for flags in ((True, True, True, True),
          (False, True, False, True), (True, False, False, False), (False, False, False, True),
          (False, True, True, True))],
    ]  # fmt: skip
    plain = esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027)
    assert pinned(plain, related.EXITS, participants) == [
        ("esf_exit_new_by_gender", "F", {3}),
        ("esf_exit_new_pending", "F", {3}),
        ("esf_exit_new_pending", "M", {1}),
    ]
    related._protect.cache_clear()
    check(
        esf._exit_tables("esf_exit_new", people, Programme.ESF_2021_2027, participants),
        related.EXITS,
        participants,
    )


def enrolled(
    people: People, participants: Participants, n: int, gender: str, on: str, status: str
) -> dict[str, Any]:
    """The ``n``-th person of a test office, registered and entered in the programme."""
    person = people.register({"last_name": f"Prova{n}", "first_name": "Una",
                              "gender": gender, "birth_date": "1990-01-01"},
                             presidio="SAN-SIRO")  # fmt: skip
    return participants.enrol(
        person["id"],
        {"entered_on": on, "employment_status": status, "education_isced": "3-4"},
        presidio="SAN-SIRO",
    )


def non_binary_store(path: Path) -> Store:
    """An office of six women, six men and one non-binary participant, entered in
    September; in October the non-binary participant left, now looking for a job, and three
    women left with no result."""
    store = Store.open(path, create=True)
    store.set_meta("presidio", "SAN-SIRO")
    people, participants = People(store), Participants(store)
    for n, gender in enumerate("FFFFFFMMMMMMX"):
        row = enrolled(people, participants, n, gender, "2026-09-01", "inactive")
        if gender == "X":
            participants.exit(row["id"], date(2026, 10, 10), ["job_searching"])
        elif gender == "F" and n < 3:  # noqa: PLR2004
            participants.exit(row["id"], date(2026, 10, 12), [])
    return store


def test_the_report_withholds_the_one_non_binary_participant_s_exit(tmp_path) -> None:
    store = non_binary_store(tmp_path / "x.sqlite")
    figures = aggregate.compute(store.db.conn, Month(2026, 10), "SAN-SIRO")
    store.close()
    report = publish(figures, generated_on=date(2026, 11, 2))
    by_gender = next(t for t in report.participants_total if t.section == "esf_total_by_gender")
    participants = {row.code: row.cell.value for row in by_gender.rows}
    assert participants == {"F": 6, "M": 6, "X": 1, "NS": 0}  # published exactly
    for tables in (report.exits_new, report.exits_total):
        for table in tables:
            x = next(row for row in table.rows if row.code == "X")
            assert x.cell.text == "n.p.", table.section  # "< 5" would be the person's 1
            assert table.total.text == "n.d.", table.section  # the total less F, M, NS
    for breakdowns in (figures.exits_new, figures.exits_total):
        check(breakdowns, related.EXITS, participants)


# -- the months hide a row's total since the start ---------------------------------------------
def months_store(path: Path) -> Store:
    """Twelve women, fourteen men and five non-binary participants, entered in July. In
    August five women and six men left with results unknown, one man employed; in September
    six women and five men with results unknown, one woman and two men employed."""
    store = Store.open(path, create=True)
    store.set_meta("presidio", "SAN-SIRO")
    people, participants = People(store), Participants(store)
    unknown, employed = None, ["employed"]
    plan = [
        *[("F", 8, unknown)] * 5, *[("M", 8, unknown)] * 6, ("M", 8, employed),
        *[("F", 9, unknown)] * 6, ("F", 9, employed),
        *[("M", 9, unknown)] * 5, *[("M", 9, employed)] * 2,
        *[("X", 0, unknown)] * 5,
    ]  # fmt: skip
    for n, (gender, month, results) in enumerate(plan):
        row = enrolled(people, participants, n, gender, "2026-07-01", "unemployed")
        if month:
            day = date(2026, month, 15)
            participants.exit(row["id"], day, results, known=results is not None)
    return store


def test_a_total_the_months_hide_does_not_print_what_its_line_hid(tmp_path) -> None:
    # Since the start 14 men left, 11 with results unknown, 3 employed (< 5), no other
    # result; the women's "unknown" is hidden (with it, their "employed" would follow), and
    # the men's 11 beside it by the row's own line. The months hide that row's total since
    # the start (August's is hidden): were the line suppressed again without it, the 11
    # would be printed, and 14 - 11 = 3 men with a known result, each with one at least, all
    # "employed": the men's employed, n.d. in the report, would be 3.
    store = months_store(tmp_path / "m.sqlite")
    figures = aggregate.compute(store.db.conn, Month(2026, 9), "SAN-SIRO")
    report = service.build_report(store, Month(2026, 9), "SAN-SIRO", generated_on=date(2026, 10, 2))
    store.close()
    participants = {"F": 12, "M": 14, "X": 5, "NS": 0}
    by = {t.section: texts(t) for t in report.exits_total}
    assert by["esf_exit_total_by_gender"] == ["12", "14", "0", "0", "26"]
    assert by["esf_exit_total_unknown"] == ["n.d.", "n.d.", "0", "0", "n.d."]
    assert by["esf_exit_total_employed"][1] == "n.d."
    assert pinned(figures.exits_total, related.EXITS, participants, report.exits_total) == []


# -- random groups -------------------------------------------------------------------------
gender_st = st.sampled_from(("F", "F", "F", "M", "M", "M", "X", "NS"))


@st.composite
def exits(draw: st.DrawFn) -> list[tuple]:
    people = []
    for _ in range(draw(st.integers(min_value=1, max_value=11))):
        gender = draw(gender_st)
        state = draw(st.sampled_from(("known", "known", "known", "unknown", "pending")))
        flags = draw(st.tuples(*[st.booleans()] * 4)) if state == "known" else (False,) * 4
        people.append(exit_codes(gender, state, flags))
    return people


@st.composite
def follow_ups(draw: st.DrawFn) -> list[tuple]:
    people = []
    for _ in range(draw(st.integers(min_value=1, max_value=12))):
        known = draw(st.booleans())
        flags = draw(st.tuples(st.booleans(), st.booleans())) if known else (False, False)
        people.append(follow_up_codes(draw(gender_st), known, flags))
    return people


# 40 examples (a third of a second each, the reader's brute force): each run draws others.
@settings(max_examples=40, deadline=None)
@given(exits(), st.sampled_from(list(Programme)))
def test_no_small_exit_cell_is_pinned_through_the_relations(people, programme) -> None:
    check(esf._exit_tables("esf_exit_new", people, programme), related.EXITS)


@settings(max_examples=120, deadline=None)
@given(follow_ups())
def test_no_small_six_month_cell_is_pinned_through_the_relations(people) -> None:
    check(esf._follow_up_tables("esf_6m_new", people, Programme.ESF_2021_2027), related.SIX_MONTHS)


@st.composite
def participants_of(draw: st.DrawFn, people: list[tuple]) -> dict[str, int]:
    """Each gender's participants since the start: those of ``people`` and 0-3 more who have
    not left (or have no result yet), a gender at times with none at all."""
    counts = {g: sum(1 for p in people if p[0] == g) for g in GENDERS}
    return {g: n + draw(st.sampled_from((0, 0, 1, 2, 3))) for g, n in counts.items()}


# 40 examples each (the reader's brute force): each run draws others.
@settings(max_examples=40, deadline=None)
@given(st.data(), exits(), st.sampled_from(list(Programme)))
def test_no_exit_cell_is_pinned_through_the_participants_by_gender(data, people, programme):
    participants = data.draw(participants_of(people))
    breakdowns = esf._exit_tables("esf_exit_new", people, programme, participants)
    check(breakdowns, related.EXITS, participants)


@settings(max_examples=40, deadline=None)
@given(st.data(), follow_ups())
def test_no_six_month_cell_is_pinned_through_the_participants_by_gender(data, people) -> None:
    participants = data.draw(participants_of(people))
    breakdowns = esf._follow_up_tables("esf_6m_new", people, Programme.ESF_2021_2027, participants)
    check(breakdowns, related.SIX_MONTHS, participants)


def test_the_modules_examples_hold() -> None:
    assert doctest.testmod(related).failed == 0


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """The protection is cached by the tables' figures: a test that replaces it starts
    and ends with an empty cache."""
    related._protect.cache_clear()
    yield
    related._protect.cache_clear()
