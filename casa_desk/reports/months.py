"""Months in a series: a month's table "since the start" must not undo an earlier month's
suppression (the ESF entry tables, DESIGN.md §6).

The ESF entry tables come in pairs: new entrants in the month and the total since the start
as of the month's end, and for entries ``total(m) = total(m-1) + new(m)`` exactly (a
participant's first entry never moves; :mod:`casa_desk.reports.esf`). With both totals
published, a ``< 5`` among this month's new entrants (2 people who declared a disability) is
a subtraction away; hiding only this month's total is not enough, since next month
``total(m+1) - total(m-1) - new(m+1)`` gives it again. So what a month's total table may
publish depends on what every earlier month published, from the programme's first
participant on: this module walks the months in order and decides, month by month, which
cells of the total table to hide.

**What the reader knows.** Every report of every month (for one office, or the consolidated
series): each month's new-entrants table as its own suppression publishes it
(:func:`casa_desk.reports.published.publish_table`, deterministic from the figures), each
month's total table, and that totals are prefix sums of the new entrants. As equations over
the hidden cells (the unknowns):

* each month's new-entrants line: its hidden cells add up to its total less its published
  cells (the total is always published: it is the month's new entrants);
* for each item, between two months ``k < m`` where the reader knows its total, the hidden
  new cells of months ``k+1..m`` add up to ``total(m) - total(k)`` less the published ones;
  the totals hidden in between are unknowns too (each a partial sum, chained month to month:
  ``y(t) = y(t-1) + new(t)``).

The total tables' own lines add nothing: their totals are the sums of the months' new
entrants, so each line is the sum of the equations above. Each unknown may hold the values
its mark allows (:func:`casa_desk.reports.suppress.reader_domain`); a hidden total any value.

**The rule.** An item's total is published when the reader can add it up anyway (no hidden
new cell since the last total of it that was known), or when, with it, the equations stay
Berge-acyclic (union-find over the unknowns, as in :mod:`casa_desk.reports.linked`), the
hidden new cells of every other item's open stretch (since its last known total) stay in
distinct components, and narrowing the equations to a fixed point pins no hidden cell of any
month, new or total, to one value, and narrows no sensitive ``n.p.`` into 1-4
(:func:`linked._disclosed_cells`). So a total is published again only in a month whose own
new cell of that item is hidden (else the totals hidden since would be pinned), and never
while it is 1-4 at a sensitive place. Otherwise it is hidden as :data:`LINKED` (printed
``n.d.``, it may hold any value) and the total table's own suppression protects it within
its line. A cell that suppression hides on top is modelled as published (its value is 0 or
5 and more): the reader is assumed to know more than it does, never less.

**Why it is exact.** As in :mod:`casa_desk.reports.linked`: on a Berge-acyclic network of
sum equations, narrowing each equation's unknowns (:func:`linked.signed_possible_values`,
exact for signed sums of interval unions) to a fixed point leaves only values that belong
to a solution of all of them together. The totals of an open stretch are in no equation yet
(any values of its new cells make them up), and, their cells lying in distinct components,
may hold exactly the sums of the cells' possible values.

**The cost.** The network must stay acyclic, so two places hidden together in two months
(a ``< 5`` and its secondary ``n.d.``, both in October and in November) keep both totals
hidden from then on: publishing one would pin the other through the total table's line,
publishing both closes a cycle. In a small office most totals of a sensitive table so stay
``n.d.``; in a large one the places that are small some months ("declined", "unknown") and
their partner. So an indicator names "no" as its partner (``Breakdown.partners``, set in
:mod:`casa_desk.reports.esf`), not the smallest other cell, which would most often be "yes":
simulated over 72 months of 30-60 "yes", 400-600 "no", 0-6 "declined", 0-2 "unknown", the
totals of "yes" were ``n.d.`` from the sixth month on with the smallest partner, and are all
published with "no" as the partner (the totals of "no", "declined" and "unknown" are
hidden). Where "yes" is itself 1-4 in some months (3-10 a month), its total stays hidden
too. That is the price of exact figures:
with every month's total published exactly, every month's new entrants are a subtraction
away, so a small cell of a month can only be protected by hiding totals. Keeping the
indicators' totals readable needs another kind of protection (totals rounded or perturbed,
as statistics offices do for series, or sensitive totals published only at the ESF data
transmissions, when the flows between two of them are larger): a choice for head office
and its data protection officer, not made here.

**Assumption: earlier months' reports came from today's data.** The walk recomputes every
earlier month from the participants as they are recorded now. Had a participant been added
late, corrected (an entry date, an indicator) or merged since an earlier report was made,
that report printed other figures, and the protection computed here — from today's data —
may not be the one that report needed. It is the best available: the desk keeps no store
of the reports it has published, so today's data is the only account of them there is.

**Exits and six-month results** (``esf_exit_*``, ``esf_6m_*``) are walked the same way,
their months' tables rebuilt from this month's participants, bucketed by the month of their
final exit or of their recorded result (:func:`casa_desk.reports.esf._series`). Their rows
are lines whose total suppression may hide (``total_fixed`` false), so each line's total is
walked as one more item (:data:`TOTAL`): a hidden month total is an unknown of its line's
equation, and the row's total since the start is published or hidden like an item's. Here
the series is exact only as of this month: the total of exits as of an *earlier* month's end
also counted a participant who has since come back on a new enrolment (their final exit is
no longer that one), and a result recorded after an earlier month's report moves a
participant between result rows. Those months' reports printed figures that differ from the
ones rebuilt here by such participants, which the reader does not know either; what is
protected is the series as today's data makes it, as for entries above. Each row is a
series of its own: the relations between a group's rows (a result row against the row of
all exits) are protected within each month's table and within each total table
(:mod:`casa_desk.reports.related`, whose hidden cells every month's table here starts
from), but not across months — the rows' differences between two totals since the start
combined with the relations are not modelled. Each month's hidden cell of a gender is at
most that month's participants of that gender (``Breakdown.bound``, a bound on each unknown:
the walk stays exact); that the exits of several months *together* are at most the
participants is not modelled. So a gender withheld in its first months (1-4 participants
then) keeps its totals since the start hidden until a later month hides that cell again, a
row of zeros included.

**Not modelled.** In the consolidated report, the reasoning that combines offices and months
together is not modelled. Each series is protected on its own, and the consolidated report's
cross-office protection (:mod:`linked`) is computed on every office's tables as that
office's report publishes them, months included (a total an office hides for its months is
hidden in the consolidated report too wherever that office alone hides it). But the
consolidated series sees its earlier months' tables with their own suppression only: a cell
:mod:`linked` hid in one of them because of the offices is taken as published, so the walk
protects the consolidated report's own hidden cells across months, not those; an office's
hidden cell reached through the consolidated months *and* another office's months (e.g. the
consolidated total less last month's, less another office's new entrants) is not checked.

>>> from casa_desk.reports.model import Breakdown, Figure
>>> def new(yes, no):
...     return Breakdown("s", "t", [Figure("yes", "", yes, True), Figure("no", "", no, True)],
...                      sensitive=True)
>>> # September publishes 10 "yes" of 30; October's 2 (< 5) would be October's total - 10
>>> [sorted(m) for m in hide_months([new(10, 20), new(2, 30)])]
[[], ['no', 'yes']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from casa_desk.reports.linked import (
    Equation,
    Linked,
    _Cell,
    _disclosed_cells,
    _Forest,
    _narrow,
)
from casa_desk.reports.model import Breakdown
from casa_desk.reports.published import publish_table
from casa_desk.reports.suppress import LINKED, Intervals, reader_domain

#: The line's total, walked as one more item in a series whose lines' totals suppression
#: may hide (``Breakdown.total_fixed`` false: the rows of exits and six-month results).
TOTAL = "\x00total"


def months_linked(series: Mapping[str, Sequence[Breakdown]]) -> dict[str, Linked]:
    """For each total table (by section), what the last month of its series hides: ``series``
    maps a total table's section to its month's breakdowns (new entrants, exits, results),
    month by month from the first to the report's month
    (:attr:`casa_desk.reports.esf.EsfFigures.month_series`)."""
    out = {}
    for section, months in series.items():
        if months:
            hidden = hide_months(months)[-1]
            out[section] = Linked(hidden - {TOTAL}, TOTAL in hidden)
    return out


def merge(*maps: Mapping[str, Linked] | None) -> dict[str, Linked]:
    """Several reasons to hide, by section: the union of their places."""
    out: dict[str, Linked] = {}
    for linked in maps:
        for section, hide in (linked or {}).items():
            was = out.get(section)
            out[section] = (
                hide if was is None else Linked(was.codes | hide.codes, was.total or hide.total)
            )
    return out


def hide_months(series: Sequence[Breakdown]) -> list[frozenset[str]]:
    """For each month of ``series`` (one sensitive table's new entrants, month by month, the
    totals being their prefix sums), the item codes its total table must hide (and
    :data:`TOTAL` for its total, in a series whose totals are not fixed)."""
    return _Walk(series).run()


def _changed(before: list[Intervals], after: list[Intervals], start: int) -> list[int]:
    """The unknowns :func:`linked._narrow` narrowed (it replaces exactly those entries of its
    copy), and every one from ``start`` on (new since ``before`` was looked at)."""
    return [k for k in range(len(after)) if k >= start or after[k] is not before[k]]


class _Walk:
    """The reader's network of one series, built month by month (see the module docstring).

    Invariants: the network (new-entrants lines and the chains of totals published again) is
    Berge-acyclic, and the hidden new cells of each item's *open* stretch (since its last
    known total) lie in distinct components of it — so the hidden totals of that stretch,
    partial sums of those cells, may hold exactly the sums of their possible values."""

    def __init__(self, series: Sequence[Breakdown]) -> None:
        self.series = series
        self.codes = list(dict.fromkeys(f.code for b in series for f in b.items))
        self.small = {f.code: f.sensitive for b in series for f in b.items}
        # A line total suppression may hide is an unknown too, and its total since the start
        # one more total to publish or hide (any value: a total is never printed "< 5").
        self.free_total = any(not b.total_fixed for b in series)
        if self.free_total:
            self.codes.append(TOTAL)
            self.small[TOTAL] = False
        self.bound = sum(b.total for b in series) + 5  # above any cell: caps "any value"
        self.cells: list[_Cell] = []
        self.domains: list[Intervals] = []
        self.equations: list[Equation] = []
        self.forest = _Forest(0)
        self.bad: set[int] = set()  # already given away (by the new tables alone): none
        self.cum = dict.fromkeys(self.codes, 0)
        self.base = dict.fromkeys(self.codes, 0)  # the total the reader last knew
        # Per item since then: each hidden new cell with the published new entrants before
        # it, and those published after the last one.
        self.steps: dict[str, list[tuple[int, int]]] = {c: [] for c in self.codes}
        self.pending = dict.fromkeys(self.codes, 0)

    def run(self) -> list[frozenset[str]]:
        out = []
        for month, breakdown in enumerate(self.series):
            self._new_line(month, breakdown)
            hidden = set()
            for code in self.codes:
                # A total of 1-4 at a sensitive place is never published (a "< 5" there
                # would be a value the reader may pin later: it is hidden as the others).
                small = self.small[code] and 1 <= self.cum[code] <= 4  # noqa: PLR2004
                if self.steps[code] and (small or not self._close(month, code)):
                    hidden.add(code)
                    continue
                self.base[code], self.steps[code], self.pending[code] = self.cum[code], [], 0
            out.append(frozenset(hidden))
        return out

    def _new_line(self, month: int, breakdown: Breakdown) -> None:
        table = publish_table(breakdown)
        start = len(self.cells)
        places = [(f.code, f.value, row.cell, f.sensitive)
                  for f, row in zip(breakdown.items, table.rows, strict=True)]  # fmt: skip
        if self.free_total:
            places.append((TOTAL, breakdown.total, table.total, False))
        mine, signs, published = [], [], 0
        for code, value, cell, sensitive in places:
            self.cum[code] += value
            if not cell.hidden:
                self.pending[code] += value
                published += value if code != TOTAL else 0
                continue
            # at most its participants of that gender, as that month's report publishes them
            top = breakdown.bound.get(code, self.bound)
            mine.append(self._unknown(_Cell(month, code, cell.mark, sensitive, value), top))
            signs.append(-1 if code == TOTAL else 1)
            self.steps[code].append((mine[-1], self.pending[code]))
            self.pending[code] = 0
        before = self.domains
        if mine:
            # The line: its hidden cells add up to its total less its published cells; a
            # hidden total is one of the unknowns (cells - total = - published).
            self.equations.append(
                (mine, -published, signs)
                if table.total.hidden
                else (mine, breakdown.total - published)
            )
            self.forest.join(set(mine))
            self.domains = _narrow(self.domains, self.equations, len(self.equations) - 1)
        # Narrowing only takes values away: a cell given away stays so, and only the new
        # cells and those whose values changed need looking at (all of them each month made
        # the walk grow as the square of its months: 1.1 s at 120 months of exits).
        changed = _changed(before, self.domains, start)
        self.bad |= self._exposed(self.cells, self.domains, self.steps, changed)

    def _unknown(self, cell: _Cell, top: int | None = None) -> int:
        self.cells.append(cell)
        cap = self.bound if top is None else min(top, self.bound)
        self.domains.append(reader_domain(cell.mark, cell.sensitive, cap))
        return self.forest.add()

    def _close(self, month: int, code: str) -> bool:
        """Publish the item's total this month if that gives nothing away (then the
        equations of its months since the last known total join the network)."""
        steps = self.steps[code]
        xs = [x for x, _ in steps]
        if self.cells[xs[-1]].office != month or not self.forest.joins(set(xs)):
            # A hidden total after the last hidden new cell would be this total less what
            # was published since: pinned. Or the equations would close a cycle.
            return False
        forest = _Forest(0)
        forest.parent = list(self.forest.parent)
        forest.join(set(xs))
        others = {c: s for c, s in self.steps.items() if c != code and s}
        if not all(forest.joins({x for x, _ in s}) for s in others.values()):
            return False  # an open stretch's cells would share a component
        cells, domains = list(self.cells), list(self.domains)
        ys = []
        value = self.base[code]
        for x, before in steps[:-1]:  # the hidden totals in between: partial sums
            value += before + self.cells[x].value
            ys.append(len(cells))
            # Not sensitive: pinned gives it away, narrowed into 1-4 does not (see _exposed).
            cells.append(_Cell(self.cells[x].office, code, LINKED, False, value))
            domains.append([(0, self.bound)])
        chain: list[Equation] = []
        for t, (x, before) in enumerate(steps):
            if t == 0:
                first = self.base[code] + before
                chain.append(([ys[0], x], first, [1, -1]) if ys else ([x], self.cum[code] - first))
            elif t < len(ys):
                chain.append(([ys[t], ys[t - 1], x], before, [1, -1, -1]))
            else:
                chain.append(([ys[t - 1], x], self.cum[code] - before))
        equations = [*self.equations, *chain]
        narrowed = _narrow(domains, equations, len(self.equations))  # the chain's are new
        changed = _changed(domains, narrowed, len(self.domains))
        if self._exposed(cells, narrowed, others, changed) - self.bad:
            return False
        self.cells, self.domains, self.equations = cells, narrowed, equations
        for _ in ys:
            self.forest.add()
        self.forest.join({*xs, *ys})
        return True

    def _exposed(
        self,
        cells: list[_Cell],
        domains: list[Intervals],
        open_steps: Mapping[str, list[tuple[int, int]]],
        changed: list[int],
    ) -> set[int]:
        """The cells given away among ``changed`` (:func:`linked._disclosed_cells`), and the
        hidden totals of the open stretches pinned to one value (numbered ``-1 - x`` by the
        new cell ``x`` they end with): partial sums of cells in distinct components, so their
        values are exactly the sums of the cells' own. A hidden total narrowed into 1-4 is
        not given away: a ``< 5`` printed there would say as much. (An entry of a stretch
        since closed may stay in :attr:`bad`: no step of it is ever open again.)"""
        out = _disclosed_cells(cells, domains, changed)
        for steps in open_steps.values():
            # The total after step x is the last known total plus constants plus the
            # stretch's cells up to x: one value exactly when each of those cells has one
            # (a sum of integer sets has at least as many values as each of its terms), so
            # the cells are counted, not added up (adding grew as the square of the months).
            for x, _before in steps:
                if sum(hi - lo + 1 for lo, hi in domains[x]) >= 2:  # noqa: PLR2004
                    break
                out.add(-1 - x)
        return out
