"""Related rows of one table: the ESF exits and six-month results by gender (DESIGN.md §6).

:mod:`casa_desk.reports.suppress` protects each row of these tables as a line of its own
(its cells by gender add up to its total), but the rows are related too, gender by gender,
and a reader who knows how can bound a hidden cell from the rows around it:

* **exits** (rows: all exits ``E``, the results ``R``, "no result" ``N``, "unknown" ``U``,
  "pending" ``P``): every participant who left is in exactly one of ``N``, ``U``, ``P`` or
  among the ``K`` whose results are known with at least one result (a number printed
  nowhere), and each of those ``K`` has one result or more, so for each gender
  ``E = N + U + P + K`` with ``max(R) <= K <= sum(R)``;
* **six-month results** (rows: all results recorded ``F``, the results ``R``, "unknown"
  ``U``): ``F = U + K``, ``K`` the known ones, with ``max(R) <= K`` (a known situation may
  be neither "employed" nor "improved").

Two women and a man left: one woman with no result, one with results still to record, the
man now looking for a job. Each row alone is safe (exits "< 5", "< 5", 3 in all), but the
women's "looking for a job", ``n.d.``, is 0 (5 and more is more than 3 exits), their "no
result" and "pending" are 1-4 each, so two women left at least, and the man's "looking for a
job" says one man at least: 2 and 1, and every cell follows.

:func:`protect` makes each group of rows safe against these relations and the rows' lines
*together*: for every ``< 5`` it looks for a table that agrees with everything printed
(published cells and totals, each hidden cell as its mark allows:
:func:`casa_desk.reports.suppress.reader_domain`, the relations above) and differs from the
true one at that cell — a *witness* that the reader cannot pin it. A witness is a proof; a
cell for which the search finds none (none exists, or the search gave up after
:data:`BUDGET` steps) is taken as given away, and one more figure is hidden: a published
cell of the same gender (the smallest non-zero first, zeros last), else a row's total, else
such a cell with its row's total — the first that leaves the cell a witness; each row is
then suppressed again as a line around what is hidden so far (:attr:`Breakdown.hidden`).
Where none does, the group's first row (everyone, by gender) is *withheld* instead, every
cell ``n.p.`` and its total hidden: each gender's everyone may then be any number up to its
participants, and the search checks again that no ``< 5`` is pinned (below). An
``n.d.`` may be pinned by the relations (a 0 the other rows leave no room above): the search
is over every hidden cell at once, so that pins no ``< 5``.

**Participants by gender.** The ESF participants since the start are published exactly by
gender (``esf_total_by_gender``: Commission common indicators, not sensitive), and a gender's
exits and six-month results are at most its participants: for each gender, everyone ``<=``
participants (:attr:`Breakdown.bound`), a relation the search above holds too (a table with
more exits than participants is no witness). For a gender with 1-4 participants — one
non-binary participant at an office — that bound is every cell: exits "< 5" is their one
exit, and a result row's "< 5" their result; the marks themselves tell (a "< 5" is one at
least, a 0 prints "0" or "n.d."), so hiding more in the usual way cannot help. Such a gender
is **withheld in every row of the group**, every cell printed ``n.p.`` whatever its value, 0
included, and **every row's total hidden** (with it, the withheld cell would be the total less
the published genders). Then each gender's cells are tied only by its own relations, and all
zeros is a column that fits them: each withheld cell may be 0, or 1 (that row, and everyone,
1): none is pinned. A gender with no participants has only zeros, printed as such. Where the
first row withheld leaves a ``< 5`` pinned by a larger gender's bound (or narrows a withheld
small cell into 1-4), that gender is withheld whole too, every total hidden.

The outcome is written into the breakdowns (``hidden``, ``hidden_total``, ``withheld``), so
every later use of them — the report, the months (:mod:`casa_desk.reports.months`), the
consolidated report (:mod:`casa_desk.reports.linked`) — starts from the same cells hidden;
hiding more there only takes knowledge away, so every witness stays one. ``hidden`` is
every cell the search saw hidden as ``n.d.``, those each row's own line hid around a
``< 5`` included: a later use that hides a row's total or a cell suppresses the line again,
and a line whose total is hidden hides nothing more of its own, so the line's ``n.d.`` would
otherwise be printed. Printed, it may pin what the search found free: 14 men left, 11 with
results unknown (``n.d.`` beside the women's, hidden), the other rows 0 but "employed"
(``< 5``); the months hide the "unknown" row's total since the start, and its 11 printed
says that 3 men have a known result, each at least one, all of them "employed": 3. Where no
cell is at risk nothing changes: the rows are published as their own lines publish them.

**Not modelled** (relations a reader of the PDF and CSV also has, left for later): the
month's table against the total since the start (each cell at most the total's, and their
difference a table with the same relations); the six-month results of a gender at most its
exits since the start; "looking for a job" at most the participants inactive at
entry and "improved" at most those employed at entry (``esf_total_by_employment``: the
store refuses other results); and the relations across months (:mod:`months` walks each row
on its own: each month's hidden cell at most that month's participants of its gender, but not
the exits of several months together at most the participants).

>>> from casa_desk.reports.model import Breakdown, Figure
>>> def row(code, f, m):
...     return Breakdown(code, code, [Figure("F", "", f, True), Figure("M", "", m, True)],
...                      sensitive=True, total_fixed=False)
>>> # Six-month results of 6 women and 9 men: 5 women "employed", one woman's "unknown"
>>> # (< 5), which would be at most 6 - 5. The women's "employed" is hidden, and the row's
>>> # total; the men's 9 stays published. (The "unknown" row's own line hides the men's 0
>>> # and its total: with them, the woman's "< 5" would be 1.)
>>> rows = [row("all", 6, 9), row("employed", 5, 9), row("improved", 0, 0),
...         row("unknown", 1, 0)]
>>> [(sorted(b.hidden), b.hidden_total) for b in protect(rows, SIX_MONTHS)]
[([], False), (['F'], True), ([], False), (['M'], True)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

from casa_desk.reports.model import Breakdown
from casa_desk.reports.suppress import (
    PRIMARY,
    SECONDARY,
    WITHHELD,
    Intervals,
    reader_domain,
    suppress_line,
)
from casa_desk.reports.suppress import intersect_intervals as _intersect

#: Search steps for one witness; a search that runs out counts as "no witness" (the cell is
#: hidden better: never less safe, at worst one more cell hidden).
BUDGET = 200
#: Steps for a first search of one table that differs at every ``< 5`` at once.
QUICK = 50
_FAR = 10**9  # no bound
#: Passes of bounds narrowing at each step of the search.
PASSES = 3


@dataclass(frozen=True)
class Relation:
    """How the rows of a group relate, by gender: the group's first row is everyone; then
    ``results`` rows (each at most the known ones, ``K``), then the ``exclusive`` rows,
    which with ``K`` add up to the first; ``covered``: each of ``K`` has a result, so ``K``
    is at most the results' sum."""

    results: int
    exclusive: int
    covered: bool


#: Exits: 4 results, then "no result", "unknown", "pending" (:func:`esf._exit_tables`).
EXITS = Relation(results=4, exclusive=3, covered=True)
#: Six-month results: 2 results, then "unknown" (:func:`esf._follow_up_tables`).
SIX_MONTHS = Relation(results=2, exclusive=1, covered=False)


def protect(
    rows: Sequence[Breakdown], relation: Relation, bound: Mapping[str, int] | None = None
) -> list[Breakdown]:
    """The group's rows, with the cells (and totals) hidden or withheld beforehand that make
    every hidden cell safe against the relations (see the module docstring); ``bound``: each
    gender's participants since the start, as the report publishes them (None: no bound)."""
    assert len(rows) == 1 + relation.results + relation.exclusive
    bound = bound or {}
    columns = list(dict.fromkeys(f.code for b in rows for f in b.items))
    values = [[_value(b, c) for c in columns] for b in rows]
    sensitive = [[_sensitive(b, c) for c in columns] for b in rows]
    forced, forced_totals, withheld = _protect(
        tuple(tuple(v) for v in values),
        tuple(tuple(s) for s in sensitive),
        tuple(tuple(f.code in b.partners for f in b.items) for b in rows),
        tuple(tuple(f.code for f in b.items) for b in rows),
        relation,
        tuple(bound.get(c) for c in columns),
    )
    out = []
    for n, b in enumerate(rows):
        codes = frozenset(columns[j] for i, j in forced if i == n)
        away = frozenset(columns[j] for i, j in withheld if i == n)
        out.append(
            replace(
                b,
                hidden=b.hidden | codes,
                hidden_total=b.hidden_total or n in forced_totals,
                withheld=b.withheld | away,
                bound={**b.bound, **{c: bound[c] for c in columns if c in bound}},
            )
        )
    return out


def _value(b: Breakdown, code: str) -> int:
    return next((f.value for f in b.items if f.code == code), 0)


def _sensitive(b: Breakdown, code: str) -> bool:
    return next((f.sensitive for f in b.items if f.code == code), False)


_Marks = list[list[str]]
#: ``lo <= sum(plus) - sum(minus) <= hi`` over unknowns.
_Constraint = tuple[list[int], list[int], int, int]
_Cells = frozenset[tuple[int, int]]


@lru_cache(maxsize=4096)
def _protect(
    values: tuple[tuple[int, ...], ...],
    sensitive: tuple[tuple[bool, ...], ...],
    partners: tuple[tuple[bool, ...], ...],
    items: tuple[tuple[str, ...], ...],
    relation: Relation,
    bounds: tuple[int | None, ...] = (),
) -> tuple[_Cells, frozenset[int], _Cells]:
    """Cells (row, column) and row totals to hide beforehand, and cells to withhold (the
    months of a series repeat their small tables: each is worked out once)."""
    columns = list(dict.fromkeys(c for row in items for c in row))
    at = [[columns.index(c) for c in row] for row in items]  # item → column
    # (a bound below the true everyone — an exit dated before its entry — bounds nothing)
    bounds = tuple(
        None if b is None else max(b, values[0][j])
        for j, b in enumerate(bounds or (None,) * len(columns))
    )
    rows = range(len(values))
    # A gender with 1-4 participants: withheld in every row, every row's total hidden.
    few = {j for j, b in enumerate(bounds) if b is not None and 1 <= b <= 4}  # noqa: PLR2004
    withheld: _Cells = frozenset((i, j) for i in rows for j in few if j in at[i])
    all_totals = frozenset(rows)
    base_totals = all_totals if few else frozenset()
    if not any(s and 1 <= v <= 4 and (i, j) not in withheld  # noqa: PLR2004
               for i, (vs, ss) in enumerate(zip(values, sensitive, strict=True))
               for j, (v, s) in enumerate(zip(vs, ss, strict=True))):  # fmt: skip
        return frozenset(), base_totals, withheld  # no "< 5": nothing hidden, nothing to pin
    forced: _Cells = frozenset()
    forced_totals: frozenset[int] = base_totals

    def marks_for(cells: _Cells, totals: frozenset[int], away: _Cells) -> tuple[_Marks, list[str]]:
        marks = [[""] * len(columns) for _ in values]
        total_marks = []
        for i in rows:
            line = suppress_line(
                [values[i][j] for j in at[i]],
                sensitive=[sensitive[i][j] for j in at[i]],
                partners=partners[i],
                hidden=[(i, j) in cells for j in at[i]],
                hidden_total=i in totals,
                withheld=[(i, j) in away for j in at[i]],
            )
            for j, cell in zip(at[i], line.cells, strict=True):
                marks[i][j] = cell.mark
            total_marks.append(line.total.mark)
        return marks, total_marks

    def problem(cells: _Cells, totals: frozenset[int], away: _Cells) -> _Problem:
        return _Problem(values, sensitive, *marks_for(cells, totals, away), relation, bounds)

    while True:
        marks, total_marks = marks_for(forced, forced_totals, withheld)
        exposed = _Problem(values, sensitive, marks, total_marks, relation, bounds).exposed()
        if not exposed:
            return _outcome(marks, total_marks, withheld)
        target = exposed[0]
        # Hide one more: a cell of the same gender (the smallest non-zero first), a row's
        # total, or such a cell with its row's total; the first that leaves a witness.
        cells = [(i, target[1]) for i in rows if target[1] in at[i] and not marks[i][target[1]]]
        cells.sort(key=lambda p: (values[p[0]][p[1]] == 0, values[p[0]][p[1]], p))
        totals = [i for i in rows if not total_marks[i]]
        candidates = [(forced | {p}, forced_totals) for p in cells]
        candidates += [(forced, forced_totals | {i}) for i in totals]
        candidates += [(forced | {p}, forced_totals | {p[0]}) for p in cells if p[0] in totals]
        for trial_cells, trial_totals in candidates:
            if problem(trial_cells, trial_totals, withheld).witness(target) is not None:
                forced, forced_totals = trial_cells, trial_totals
                break
        else:
            break
    # None does: the first row (everyone, by gender) is withheld, its total hidden. Then
    # each gender's everyone may be any number up to its participants; where that bound
    # still leaves a cell exposed, that gender is withheld in every row, every total hidden
    # (then each gender's column stands alone, and all zeros is a table that fits it).
    withheld |= {(0, j) for j in at[0]}
    forced, forced_totals = frozenset(), base_totals | {0}
    while exposed := problem(forced, forced_totals, withheld).exposed():
        more = {(i, j) for i in rows for _, j in exposed if j in at[i]} - withheld
        if not more and forced_totals == all_totals:
            break  # a search out of steps on a column withheld whole (all zeros fits it)
        withheld |= more
        forced_totals = all_totals
    return _outcome(*marks_for(forced, forced_totals, withheld), withheld)


def _outcome(
    marks: _Marks, total_marks: list[str], withheld: _Cells
) -> tuple[_Cells, frozenset[int], _Cells]:
    """What the search checked, as the breakdowns carry it: every cell its tables hide as
    ``n.d.`` (those the search hid and those each row's own line hid around them: the
    search checked both), every hidden total, and the withheld cells. A later use that hides
    a total or a cell (:mod:`months`, :mod:`linked`) suppresses the line again; were the
    line's own cells not among them, it could print one the search counted on. The rows
    publish as before (each line starts from its own fixed point: every line safe)."""
    cells = frozenset(
        (i, j) for i, row in enumerate(marks) for j, mark in enumerate(row) if mark == SECONDARY
    )
    return cells, frozenset(i for i, mark in enumerate(total_marks) if mark), withheld


class _Problem:
    """The reader's equations over one group's hidden cells, hidden totals and each
    gender's ``K``: unknowns with their possible values, and linear constraints
    ``lo <= sum(coef * x) <= hi``; the true values are a solution."""

    def __init__(
        self,
        values: tuple[tuple[int, ...], ...],
        sensitive: tuple[tuple[bool, ...], ...],
        marks: _Marks,
        total_marks: list[str],
        relation: Relation,
        bounds: tuple[int | None, ...] = (),
    ) -> None:
        self.domains: list[Intervals] = []
        self.truth: list[int] = []
        self.constraints: list[_Constraint] = []
        # unknown → its cell, for the ``< 5`` ones and the withheld ones holding 1-4; and
        # the values a witness must avoid there (the true one; 1-4, where "n.p." says
        # "any value": known to be 1-4 gives the small cell away as a "< 5" would not)
        self.cells: dict[int, tuple[int, int]] = {}
        self.avoid: dict[int, Intervals] = {}
        cap = sum(values[0]) + 5  # above any cell: caps "any value" (a smaller search)
        n_cols = len(values[0])
        # every cell of a gender is at most its everyone, at most its participants
        tops = [min(cap, b) if b is not None else cap for b in bounds or [None] * n_cols]
        terms: list[list[tuple[int, int | None]]] = []  # per cell: (value, unknown or None)
        for i, row in enumerate(values):
            line: list[tuple[int, int | None]] = []
            for j, v in enumerate(row):
                if marks[i][j]:
                    x = self._unknown(reader_domain(marks[i][j], sensitive[i][j], tops[j]), v)
                    if marks[i][j] == PRIMARY:
                        self.cells[x], self.avoid[x] = (i, j), [(v, v)]
                    elif marks[i][j] == WITHHELD and 1 <= v <= 4:  # noqa: PLR2004
                        self.cells[x], self.avoid[x] = (i, j), [(1, 4)]
                    line.append((v, x))
                else:
                    line.append((v, None))
            terms.append(line)
            if total_marks[i]:
                t = self._unknown([(0, cap)], sum(row))
                self._add([*line, (0, t)], [1] * n_cols + [-1], 0, 0)
            else:
                self._add(line, [1] * n_cols, sum(row), sum(row))
        results = range(1, 1 + relation.results)
        exclusive = range(1 + relation.results, len(values))
        for j in range(n_cols):
            self._add([terms[0][j]], [1], -_FAR, tops[j])  # everyone <= participants
            known = values[0][j] - sum(values[i][j] for i in exclusive)
            k = self._unknown([(0, cap)], known)
            # everyone - exclusive rows - K = 0
            self._add(
                [terms[0][j], *(terms[i][j] for i in exclusive), (0, k)],
                [1] + [-1] * len(exclusive) + [-1],
                0,
                0,
            )
            for i in results:  # R <= K
                self._add([terms[i][j], (0, k)], [1, -1], -_FAR, 0)
            if relation.covered:  # K <= sum(R)
                self._add(
                    [(0, k), *(terms[i][j] for i in results)],
                    [1] + [-1] * relation.results,
                    -_FAR,
                    0,
                )

    def _unknown(self, domain: Intervals, value: int) -> int:
        self.domains.append(domain)
        self.truth.append(value)
        return len(self.domains) - 1

    def _add(self, terms: list[tuple[int, int | None]], coefs: list[int], lo: int, hi: int) -> None:
        xs, cs = [], []
        for (value, x), c in zip(terms, coefs, strict=True):
            if x is None:
                lo, hi = lo - c * value, hi - c * value
            else:
                xs.append(x)
                cs.append(c)
        if len(xs) == 1:  # one unknown: its bounds (the true value keeps them satisfiable)
            x, c = xs[0], cs[0]
            bound = (_ceil_div(lo, c), hi // c) if c > 0 else (_ceil_div(hi, c), lo // c)
            self.domains[x] = _intersect(self.domains[x], [bound])
        elif xs:  # none: the published cells, true already
            plus = [x for x, c in zip(xs, cs, strict=True) if c > 0]
            minus = [x for x, c in zip(xs, cs, strict=True) if c < 0]
            self.constraints.append((plus, minus, lo, hi))

    def exposed(self) -> list[tuple[int, int]]:
        """The ``< 5`` cells no witness shows the reader cannot pin, and the withheld ones
        holding 1-4 no witness shows may be 0 or 5 and more (in table order)."""
        if not self.cells:
            return []
        safe: set[int] = set()
        # Most often one table differs from the true one at every "< 5" cell at once.
        first = self._search_without(list(self.cells), QUICK)
        if first is not None:
            return []
        for x in sorted(self.cells, key=self.cells.__getitem__):
            if x in safe:
                continue
            solution = self.witness_of(x)
            if solution is None:
                continue
            safe |= {y for y in self.cells if not _intersect([(solution[y],) * 2], self.avoid[y])}
        return sorted(self.cells[x] for x in self.cells if x not in safe)

    def witness(self, cell: tuple[int, int]) -> list[int] | None:
        x = next(x for x, c in self.cells.items() if c == cell)
        return self.witness_of(x)

    def witness_of(self, x: int) -> list[int] | None:
        """A solution with another value at unknown ``x`` (one it does not avoid), or
        None."""
        return self._search_without([x], BUDGET)

    def _search_without(self, xs: list[int], budget: int) -> list[int] | None:
        """A solution with other values than the avoided ones at each of ``xs``, or None."""
        domains = list(self.domains)
        for x in xs:
            (lo, hi), *_ = self.avoid[x]
            domains[x] = _intersect(domains[x], [(-(_FAR), lo - 1), (hi + 1, _FAR)])
        return _search(domains, self.constraints, self.truth, [budget])


def _propagate(
    domains: list[Intervals], constraints: list[_Constraint], passes: int = PASSES
) -> bool:
    """Narrow the unknowns' bounds by every constraint, ``passes`` times over at most (to
    the fixed point on a cycle of sums can take a step per unit of the largest value: the
    search branches instead); False when a constraint cannot hold."""
    # Each unknown's least and greatest values, kept beside its intervals (read for every
    # constraint of every pass: a report's tables run this some thousand times).
    least = [d[0][0] for d in domains]
    most = [d[-1][1] for d in domains]
    for _ in range(passes):
        changed = False
        for plus, minus, lo, hi in constraints:
            # the sum's least and greatest values
            smin = sum([least[x] for x in plus]) - sum([most[x] for x in minus])
            smax = sum([most[x] for x in plus]) - sum([least[x] for x in minus])
            if smin > hi or smax < lo:
                return False
            if lo <= smin and smax <= hi:
                continue  # holds whatever the values: narrows nothing
            # a term added within [lo - smax + its greatest, hi - smin + its least], one
            # taken away within [smin + its greatest - hi, smax + its least - lo]
            for x, low, high in chain(
                ((x, lo - smax + most[x], hi - smin + least[x]) for x in plus),
                ((x, smin + most[x] - hi, smax + least[x] - lo) for x in minus),
            ):
                if low > least[x] or high < most[x]:
                    domains[x] = _intersect(domains[x], [(low, high)])
                    if not domains[x]:
                        return False
                    least[x], most[x] = domains[x][0][0], domains[x][-1][1]
                    changed = True
            # (smin and smax are not updated within a constraint: a later pass sees it)
        if not changed:
            break
    return True


def _ceil_div(a: int, b: int) -> int:
    return -((-a) // b)


def _search(
    domains: list[Intervals],
    constraints: list[_Constraint],
    hint: list[int],
    steps: list[int],
) -> list[int] | None:
    """A solution (values nearest ``hint`` tried first), or None: none, or out of steps."""
    steps[0] -= 1
    if steps[0] < 0:
        return None
    domains = list(domains)
    if not _propagate(domains, constraints):
        return None
    open_ = [x for x, d in enumerate(domains) if len(d) > 1 or d[0][0] != d[0][1]]
    if not open_:
        solution = [d[0][0] for d in domains]
        holds = all(
            lo <= sum(solution[x] for x in plus) - sum(solution[x] for x in minus) <= hi
            for plus, minus, lo, hi in constraints
        )
        return solution if holds else None
    x = min(open_, key=lambda y: (sum(hi - lo + 1 for lo, hi in domains[y]), y))
    near = min((min(max(hint[x], lo), hi) for lo, hi in domains[x]), key=lambda v: abs(v - hint[x]))
    for part in ([(near, near)], [(-(_FAR), near - 1)], [(near + 1, _FAR)]):
        branch = _intersect(domains[x], part)
        if not branch:
            continue
        trial = list(domains)
        trial[x] = branch
        found = _search(trial, constraints, hint, steps)
        if found is not None:
            return found
        if steps[0] < 0:
            return None
    return None
