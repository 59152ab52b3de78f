"""Linked tables: the consolidated report must not give away what an office's report hides.

Every office's report is safe on its own (:mod:`casa_desk.reports.suppress`), but the report
of all offices publishes, at each place of a sensitive breakdown, the sum of the offices'
cells there: with office A's ``< 5`` at "violenza domestica", office B's 10 and the
consolidated 13 published, A's 3 is a subtraction away. Tables that share cells this way are
*linked tables*; this module protects them as a statistics office would (tau-ARGUS), small
and exact for this case.

**What the reader knows.** Everything the office reports publish for the month (their
suppression is deterministic from the figures, so :func:`hide_linked` recomputes it with the
office report's own code, :func:`casa_desk.reports.published.publish_table`), plus the
consolidated report. For one breakdown that is a table of offices by places (its items and
its total) with, as equations,

* each office's line: its hidden cells add up to its total less its published cells (when
  its total is published);
* each consolidated cell published at a place where offices hide theirs: their hidden cells
  there add up to ``R`` = the consolidated cell less the offices' published cells. ``R`` is
  taken as the true sum of the hidden cells, as if the reader knew exactly how the
  consolidated count differs from the sum of the offices' (a participant enrolled at two
  offices is one participant for the whole city): that only assumes a better informed
  reader;

and for each hidden cell the values its mark allows (:func:`suppress.reader_domain`: a
``< 5`` holds 1–4, an ``n.d.`` in a sensitive place 0 or 5 and more, an ``n.p.`` anything),
at most what the office's report bounds it by (``Breakdown.bound``: an office's ESF exits
and results of a gender at most its participants of that gender, 1-4 where it withholds
them). What the offices' reports give away on their own (such a bound pins an ``n.d.`` to
0) is no reason to hide a consolidated cell.

**The rule.** A consolidated cell at a place where no office hides its cell is published
(the reader could add it up from the office reports anyway). At a place where some office
hides its cell, the consolidated cell is published only if, with it, every hidden office
cell still has at least two possible values, and none that may be 0 or 5 and more (an
``n.p.``) is narrowed into 1–4; otherwise it is hidden, printed ``n.d.``
(:data:`suppress.LINKED`: it may hold any value, 1–4 included, so its mark tells nothing
either), and the consolidated table's own secondary suppression then protects it within its
lines. A consolidated total is hidden whenever an office hides its own total. A consolidated
cell that is itself 1–4 at a sensitive place is never published.

**Why the check is exact.** The places are taken one at a time, in order; a place is
published only while the equations form no cycle (no two offices already linked through
published places both hide a cell at it). Equations that share at most one unknown pairwise
and form no cycle (a *Berge-acyclic* network) are solved exactly by narrowing each
equation's unknowns to the values some solution of that equation allows
(:func:`suppress.possible_values`, exact for a sum of interval unions) until nothing
changes: every value left belongs to a solution of all the equations together. The
consolidated table's own suppression can only hide more, and hiding only takes equations
away, so the check made before it still holds.

**Not modelled.** The relations between rows of one office's group (a result row of the
exits against the row of all exits) combined with the other offices' rows: each office's
report protects them within its own tables (:mod:`casa_desk.reports.related`, whose hidden
cells the tables here start from), each consolidated table within itself; reports of
earlier months together with the offices' (each series of months is protected on its own,
:mod:`casa_desk.reports.months`, and an office's totals hidden for its months are passed in
as ``offices_linked``); an office report made for the other ESF programme (same indicator
counts, so the same marks, but other age bands).

>>> from casa_desk.reports.model import Breakdown, Figure
>>> def dv(a, b):
...     return Breakdown("s", "t", [Figure("dv", "", a, True), Figure("no", "", b, True)],
...                      sensitive=True)
>>> # office A's 3 (``< 5``) and 20 (``n.d.``) would be 13 - 10 and 40 - 20
>>> sorted(hide_linked([dv(13, 40)], [[dv(3, 20)], [dv(10, 20)]])["s"].codes)
['dv', 'no']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from casa_desk.reports.model import Breakdown
from casa_desk.reports.published import Table, publish_table
from casa_desk.reports.suppress import (
    PRIMARY,
    Intervals,
    add_intervals,
    intersect_intervals,
    possible_values,
    reader_domain,
)

_SMALL = (1, 4)


@dataclass(frozen=True)
class Linked:
    """What a consolidated breakdown hides because of the offices' reports."""

    codes: frozenset[str]
    total: bool


@dataclass
class _Cell:
    """One hidden office cell: an unknown for the reader."""

    office: int
    code: str
    mark: str
    sensitive: bool
    value: int


def hide_linked(
    whole: Sequence[Breakdown],
    offices: Sequence[Sequence[Breakdown]],
    offices_linked: Sequence[Mapping[str, Linked]] | None = None,
) -> dict[str, Linked]:
    """For each sensitive breakdown of the consolidated figures (``whole``), the places
    (item codes, and the total) it must hide so that no office's hidden cell can be worked
    out; ``offices`` are each office's breakdowns for the same month and programme, and
    ``offices_linked`` what each office's report hides beforehand (by section: the totals
    its months hide, :mod:`casa_desk.reports.months`)."""
    by_section = [{b.section: b for b in breakdowns} for breakdowns in offices]
    hides = offices_linked or [{} for _ in offices]
    out: dict[str, Linked] = {}
    for breakdown in whole:
        if not breakdown.sensitive:
            continue
        at = [n for n, s in enumerate(by_section) if breakdown.section in s]
        parts = [by_section[n][breakdown.section] for n in at]
        tables = [publish_table(by_section[n][breakdown.section], hides[n].get(breakdown.section))
                  for n in at]  # fmt: skip
        out[breakdown.section] = _hide(breakdown, parts, tables)
    return out


def _hide(whole: Breakdown, parts: list[Breakdown], tables: list[Table]) -> Linked:
    cells: list[_Cell] = []
    lines: list[tuple[list[int], int]] = []  # (unknowns, their sum) of each office's line
    line_of: dict[int, int] = {}  # office → its line, when its total is published
    total_hidden = False
    # above any cell, with room for an n.d.'s 5 and more: caps "any value" (were it the cells'
    # sum alone, a row of zeros would cap every hidden cell at 0: pinned, as if the reader knew)
    bound = sum(p.total for p in parts) + whole.total + 5
    for n, (part, table) in enumerate(zip(parts, tables, strict=True)):
        mine = []
        published = 0
        for figure, row in zip(part.items, table.rows, strict=True):
            if row.cell.hidden:
                mine.append(len(cells))
                cells.append(_Cell(n, figure.code, row.cell.mark, figure.sensitive, figure.value))
            else:
                published += figure.value
        if table.total.hidden:
            total_hidden = True
        elif mine:
            line_of[n] = len(lines)
            lines.append((mine, part.total - published))
    if not cells:
        return Linked(frozenset(), False)
    # A cell is at most what the office publishes elsewhere bounds it (its participants of
    # that gender, Breakdown.bound): an office's withheld gender holds 0 to its 1-4.
    tops = [min(bound, parts[c.office].bound.get(c.code, bound)) for c in cells]
    domains = [reader_domain(c.mark, c.sensitive, top) for c, top in zip(cells, tops, strict=True)]
    equations = list(lines)
    # What the offices' reports give away on their own (a bound may pin a hidden 0): not
    # the consolidated report's doing, and no reason to hide its places.
    already = _disclosed_cells(cells, _narrow(domains, equations))
    hidden: set[str] = set()
    linked = _Forest(len(lines))
    for item in whole.items:
        at = [k for k, c in enumerate(cells) if c.code == item.code]
        if not at:
            continue  # no office hides it: the offices' reports add up to it
        small = item.sensitive and _SMALL[0] <= item.value <= _SMALL[1]
        offices = {line_of[cells[k].office] for k in at if cells[k].office in line_of}
        if small or not linked.joins(offices):
            hidden.add(item.code)
            continue
        trial = [*equations, (at, sum(cells[k].value for k in at))]
        if _disclosed_cells(cells, _narrow(domains, trial)) - already:
            hidden.add(item.code)
            continue
        equations = trial
        linked.join(offices)
    return Linked(frozenset(hidden), total_hidden)


class _Forest:
    """Which offices' lines are already linked through published places (union-find); in
    :mod:`casa_desk.reports.months`, which unknowns are linked through equations."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def add(self) -> int:
        """One more element, in a set of its own."""
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def _root(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def joins(self, lines: set[int]) -> bool:
        """True when a new equation over these lines leaves the network without cycles."""
        return len({self._root(n) for n in lines}) == len(lines)

    def join(self, lines: set[int]) -> None:
        roots = [self._root(n) for n in lines]
        for root in roots[1:]:
            self.parent[root] = roots[0]


#: Unknowns, their sum, and optionally each unknown's sign (+1 or -1; all +1 when absent).
Equation = tuple[list[int], int] | tuple[list[int], int, list[int]]


def _narrow(
    domains: list[Intervals], equations: Sequence[Equation], start: int = 0
) -> list[Intervals]:
    """Each unknown's values that every equation allows, to a fixed point.

    ``start``: the equations before it already hold at a fixed point of ``domains`` (they
    were narrowed to it, and their unknowns have not changed since): only the later ones
    are looked at, and then those that share an unknown whose values they narrowed. The
    fixed point is the same (narrowing only takes values away, in any order, down to the
    largest domains all equations allow); the work follows what changed instead of every
    equation of every month again (a months' walk, :mod:`casa_desk.reports.months`, grew as
    the square of its months: 0.2 s a table at 72 small months)."""
    out = list(domains)
    uses: dict[int, list[int]] = {}
    for n, (unknowns, *_rest) in enumerate(equations):
        for k in unknowns:
            uses.setdefault(k, []).append(n)
    work = deque(range(start, len(equations)))
    queued = set(work)
    while work:
        n = work.popleft()
        queued.discard(n)
        unknowns, total, *signs = equations[n]
        values = [out[k] for k in unknowns]
        allowed = (
            signed_possible_values(values, signs[0], total)
            if signs
            else possible_values(values, total)
        )
        for k, possible in zip(unknowns, allowed, strict=True):
            if possible != out[k]:
                out[k] = possible
                for other in uses[k]:
                    if other not in queued:
                        work.append(other)
                        queued.add(other)
    return out


def signed_possible_values(
    domains: Sequence[Intervals], signs: Sequence[int], total: int
) -> list[Intervals]:
    """:func:`suppress.possible_values` for ``sum(sign * unknown) == total`` (exact too: a
    sum of integer intervals is an integer interval, and so is its negation).

    >>> signed_possible_values([[(0, 9)], [(1, 4)]], [1, -1], 3)  # a - b = 3, b in 1-4
    [[(4, 7)], [(1, 4)]]
    """
    result: list[Intervals] = []
    for k, domain in enumerate(domains):
        others: Intervals = [(0, 0)]
        for m, (other, sign) in enumerate(zip(domains, signs, strict=True)):
            if m != k:
                others = add_intervals(others, other if sign > 0 else _negate(other))
        rest = [(total - hi, total - lo) for lo, hi in reversed(others)]
        result.append(intersect_intervals(domain, rest if signs[k] > 0 else _negate(rest)))
    return result


def _negate(intervals: Intervals) -> Intervals:
    return [(-hi, -lo) for lo, hi in reversed(intervals)]


def _disclosed_cells(
    cells: Sequence[_Cell], domains: list[Intervals], only: Iterable[int] | None = None
) -> set[int]:
    """The cells a reader pins to one value, or narrows into 1-4 where the mark says they
    may be 0 or 5 and more (an ``n.p.``); ``only``: look at these cells alone (those whose
    values changed, when the others were looked at before)."""
    out = set()
    for n in range(len(cells)) if only is None else only:
        cell, domain = cells[n], domains[n]
        count = sum(hi - lo + 1 for lo, hi in domain)
        small = all(_SMALL[0] <= lo and hi <= _SMALL[1] for lo, hi in domain)
        if count < 2 or (small and cell.sensitive and cell.mark != PRIMARY):
            out.add(n)
    return out
