"""Store benchmark at scale: build a demo store, then time what the desk does most.

    python benchmarks/bench_store.py [--people 100000 --contacts 1000000 --db PATH --keep]

Prints: build time and rows/s, file size, search-as-you-type latency over 1,000 random
prefixes of real surnames, first names, codici fiscali, phones and unit codes (median and
p95, with the app's own query, :func:`casa_desk.store.search.search_people`), one person's
history (current contacts newest first plus referrals, for the busiest person and for
random ones), and one month's contacts by category for the office (the month before
``--until``, Europe/Rome bounds). Figures only: nothing here asserts a time
(DESIGN.md §8). With ``--db PATH`` of an existing store the build is skipped.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from casa_desk.cli.demo import ProgressLine
from casa_desk.demo.builder import DemoOptions, build_demo
from casa_desk.models.phone import phone_search_digits
from casa_desk.models.timeutil import rome_month_bounds, today_rome
from casa_desk.store.search import count_people, search_people

#: As in casa_desk/ui/search_model.py (not imported: that module loads Qt): the window counts
#: matches up to COUNT_CAP + 1 and ranks only when there are at most COUNT_CAP of them.
COUNT_CAP = 1000
PAGE = 60

HISTORY_CONTACTS = (
    "SELECT c.*, cat.label AS category_label FROM contacts c"
    " LEFT JOIN categories cat ON cat.code = c.category"
    " WHERE c.person_id = ? AND c.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM contacts a WHERE a.amends_id = c.id AND a.deleted = 0)"
    " ORDER BY c.occurred_at DESC LIMIT 1000"
)
HISTORY_REFERRALS = (
    "SELECT r.*, s.status, sv.name AS service_name FROM referrals r"
    " LEFT JOIN referral_status s ON s.referral_id = r.id"
    " LEFT JOIN services sv ON sv.id = r.service_id"
    " WHERE r.person_id = ? AND r.deleted = 0 ORDER BY r.created_at DESC"
)
MONTH_BY_CATEGORY = (
    "SELECT c.category, count(*) FROM contacts c"
    " WHERE c.presidio = ? AND c.occurred_at >= ? AND c.occurred_at < ? AND c.deleted = 0"
    " AND NOT EXISTS (SELECT 1 FROM contacts a WHERE a.amends_id = c.id AND a.deleted = 0)"
    " GROUP BY c.category ORDER BY c.category"
)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _timed(call: Callable[[], Any], repeat: int = 1) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        best = min(best, time.perf_counter() - start)
    return best, result


def _prefixes(conn: sqlite3.Connection, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """``count`` (kind, text) pairs: prefixes of real values, as someone would start typing."""
    rows = conn.execute(
        "SELECT last_name, first_name, codice_fiscale, phone, unit_code FROM people"
        " WHERE deleted = 0 ORDER BY random() LIMIT ?",
        [count * 2],
    ).fetchall()
    out: list[tuple[str, str]] = []
    kinds = ("cognome", "nome", "codice fiscale", "telefono", "unità")
    lengths = {
        "cognome": (2, 6),
        "nome": (2, 5),
        "codice fiscale": (3, 11),
        "telefono": (3, 7),
        "unità": (3, 6),
    }
    while len(out) < count and rows:
        row = rows[len(out) % len(rows)]
        kind = rng.choice(kinds)
        value = row[kinds.index(kind)]
        if not value:
            value, kind = row[0], "cognome"
        if kind == "telefono":
            value = phone_search_digits(value)
        low, high = lengths[kind]
        out.append((kind, value[: rng.randint(low, high)]))
    return out


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def measure(path: Path, presidio: str, until: date, queries: int, seed: int) -> None:
    conn = sqlite3.connect(path)
    db = Database(conn)
    rng = random.Random(seed)
    # Warm the cache the way a running app would have it, then time the keystrokes.
    conn.execute("SELECT count(*) FROM people_fts").fetchone()
    pairs = _prefixes(conn, rng, queries)
    for _, text in pairs[:50]:
        search_people(db, text, limit=50)

    def keystroke(text: str) -> list[dict[str, Any]]:
        """What the window runs per keystroke (ui/search_model.py run_query)."""
        ranked = count_people(db, text, cap=COUNT_CAP + 1) <= COUNT_CAP
        return search_people(db, text, limit=PAGE, ranked=ranked)

    for title, call in (
        ("search_people(limit=50), ranked", lambda t: search_people(db, t, limit=50)),
        ("window keystroke: count, then ranked only if <= 1000", keystroke),
    ):
        samples: dict[str, list[float]] = {}
        every: list[float] = []
        for kind, text in pairs:
            took, _ = _timed(lambda t=text, c=call: c(t))  # type: ignore[misc]
            samples.setdefault(kind, []).append(took)
            every.append(took)
        median, p95 = _percentiles(every)
        print(f"{title}, {len(every)} prefixes: median {_ms(median)}, p95 {_ms(p95)}")
        for kind, values in sorted(samples.items()):
            median, p95 = _percentiles(values)
            print(f"  {kind:15s} n={len(values):4d}  median {_ms(median)}  p95 {_ms(p95)}")

    busiest, busy_count = conn.execute(
        "SELECT person_id, count(*) n FROM contacts WHERE person_id IS NOT NULL"
        " GROUP BY person_id ORDER BY n DESC LIMIT 1"
    ).fetchone()
    people = [
        r[0] for r in conn.execute("SELECT id FROM people ORDER BY random() LIMIT 200").fetchall()
    ]

    def history(person_id: str) -> tuple[list[Any], list[Any]]:
        return (
            conn.execute(HISTORY_CONTACTS, [person_id]).fetchall(),
            conn.execute(HISTORY_REFERRALS, [person_id]).fetchall(),
        )

    took, (contacts, referrals) = _timed(lambda: history(busiest), repeat=5)
    print(
        f"person history, busiest person ({len(contacts)} current contacts of {busy_count},"
        f" {len(referrals)} referrals): {_ms(took)}"
    )
    random_times = [_timed(lambda p=p: history(p))[0] for p in people]  # type: ignore[misc]
    median, p95 = _percentiles(random_times)
    print(f"person history, {len(people)} random people: median {_ms(median)}, p95 {_ms(p95)}")

    year, month = (until.year, until.month - 1) if until.month > 1 else (until.year - 1, 12)
    start, end = rome_month_bounds(year, month)
    took, rows = _timed(
        lambda: conn.execute(MONTH_BY_CATEGORY, [presidio, start, end]).fetchall(), repeat=3
    )
    total = sum(n for _, n in rows)
    print(
        f"month {year}-{month:02d} by category for {presidio} ({total} contacts,"
        f" {len(rows)} categories): {_ms(took)}"
    )
    conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--presidio", default="SAN-SIRO")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=None)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--db", type=Path, help="store to build (or, if it exists, to measure)")
    parser.add_argument("--keep", action="store_true", help="keep the built store")
    args = parser.parse_args(argv)
    until = args.until or today_rome()
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="casa-bench-")
        args.db = Path(folder.name) / "bench.sqlite"
    try:
        if args.db.exists():
            print(f"measuring existing store {args.db} (no build)")
        else:
            options = DemoOptions(
                presidio=args.presidio,
                people=args.people,
                contacts=args.contacts,
                seed=args.seed,
                until=until,
            )
            took, summary = _timed(lambda: build_demo(args.db, options, ProgressLine(sys.stderr)))
            rows = sum(summary.counts.values())
            print(
                f"build {args.people:,} people / {args.contacts:,} contacts: {took:.1f} s"
                f" ({rows:,} rows written through the journal, {rows / took:,.0f} rows/s)"
            )
        print(f"file size: {args.db.stat().st_size / 1e6:,.1f} MB")
        measure(args.db, args.presidio, until, args.queries, args.seed)
    finally:
        if folder is not None and not args.keep:
            folder.cleanup()
        elif folder is not None:
            print(f"store kept at {args.db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
