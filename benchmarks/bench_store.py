"""Store benchmark at scale: build a demo store, then time what the desk does most.

    python benchmarks/bench_store.py [--people 100000 --contacts 1000000 --db PATH --keep]
                                     [--compare]

Prints, per store: the demo build's time and rows/s, the file size, the login as the window
does it (key slot, open; without the integrity check, which the window runs in the background
and which is timed apart), search-as-you-type latency over 1,000 random prefixes of
real surnames, first names, codici fiscali, phones and unit codes (median and p95, ranked
:func:`casa_desk.store.search.search_people` and the window's keystroke path), the person
card of someone with 200 contacts (the store calls the card makes), and the monthly report
of the month before ``--until`` (figures, suppression, PDF).

``--compare`` builds the same store twice from the same seed — encrypted (SQLCipher, as every
store) and a plain twin (``DemoOptions(encrypted=False)``, for this comparison only) — and
measures them side by side, each query on one then the other, so a shared machine's load
falls on both alike. Figures only: nothing here asserts a time (DESIGN.md §8). With
``--db PATH`` of an existing store the build is skipped (the plain twin is PATH-plain).
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
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench_login import login
from sqlite_utils import Database

from casa_desk.cli.demo import ProgressLine
from casa_desk.demo.builder import DemoOptions, build_demo
from casa_desk.models.phone import phone_search_digits
from casa_desk.models.timeutil import today_rome
from casa_desk.reports.aggregate import Month
from casa_desk.reports.pdf import render_pdf
from casa_desk.reports.service import build_report
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store, check_connections
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.search import count_people, search_people

#: As in casa_desk/ui/search_model.py (not imported: that module loads Qt): the window counts
#: matches up to COUNT_CAP + 1 and ranks only when there are at most COUNT_CAP of them.
COUNT_CAP = 1000
PAGE = 60
#: The card of DESIGN.md §8: a person with (at least) 200 contacts.
CARD_CONTACTS = 200


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


@dataclass
class Variant:
    """One store under measurement: its name, path, open store and a fresh reader."""

    name: str
    path: Path
    store: Store
    db: Database
    opened_in: float
    build: float | None = None


def _card(store: Store, person_id: str) -> int:
    """What the person card reads (store API, as ui/person_card.py calls it)."""
    people, contacts = People(store), Contacts(store)
    person = people.get(person_id)
    ids = people.merged_ids(person_id)
    history = contacts.history(ids)
    Referrals(store).list(person_id=person_id)
    people.household(person)
    people.duplicates_of(person_id)
    return len(history)


def _report(store: Store, month: Month, presidio: str) -> int:
    """The monthly report as ``casa-desk report`` makes it (figures, suppression, PDF)."""
    report = build_report(store, month, presidio)
    return len(render_pdf(report))


def _interleaved(
    variants: list[Variant], calls: list[Callable[[Variant], Any]]
) -> dict[str, list[float]]:
    """Each call on each variant in turn (plain, encrypted, plain, …): a shared machine's
    load falls on both alike."""
    times: dict[str, list[float]] = {v.name: [] for v in variants}
    for n, call in enumerate(calls):
        order = variants if n % 2 == 0 else variants[::-1]
        for variant in order:
            took, _ = _timed(lambda v=variant, c=call: c(v))  # type: ignore[misc]
            times[variant.name].append(took)
    return times


def measure(variants: list[Variant], presidio: str, until: date, queries: int, seed: int) -> None:
    first = variants[0]
    rng = random.Random(seed)
    pairs = _prefixes(first.db.conn, rng, queries)
    for variant in variants:  # warm each store's cache as a running window would have it
        variant.db.execute("SELECT count(*) FROM people_fts").fetchone()
        for _, text in pairs[:50]:
            search_people(variant.db, text, limit=50)

    def keystroke(db: Database, text: str) -> list[dict[str, Any]]:
        """What the window runs per keystroke (ui/search_model.py run_query)."""
        ranked = count_people(db, text, cap=COUNT_CAP + 1) <= COUNT_CAP
        return search_people(db, text, limit=PAGE, ranked=ranked)

    results: dict[str, dict[str, str]] = {v.name: {} for v in variants}
    for variant in variants:
        results[variant.name]["login (key slot + open)"] = _ms(variant.opened_in)
        took, _ = _timed(lambda v=variant: check_connections(v.store.connections))  # type: ignore[misc]
        results[variant.name]["integrity check (quick_check)"] = f"{took:.2f} s"
        if variant.build is not None:
            results[variant.name]["demo build"] = f"{variant.build:.1f} s"
        results[variant.name]["file size"] = f"{variant.path.stat().st_size / 1e6:,.0f} MB"
    for title, call in (
        ("ranked search_people(limit=50)", lambda db, t: search_people(db, t, limit=50)),
        ("window keystroke", keystroke),
    ):
        times = _interleaved(variants, [lambda v, t=text, c=call: c(v.db, t) for _, text in pairs])
        for name, samples in times.items():
            median, p95 = _percentiles(samples)
            results[name][title] = f"median {_ms(median)}, p95 {_ms(p95)}"

    row = (
        first.db.execute(
            "SELECT person_id, n FROM (SELECT person_id, count(*) n FROM contacts"
            " WHERE person_id IS NOT NULL GROUP BY person_id) WHERE n >= ? ORDER BY n LIMIT 1",
            [CARD_CONTACTS],
        ).fetchone()
        or first.db.execute(
            "SELECT person_id, count(*) n FROM contacts WHERE person_id IS NOT NULL"
            " GROUP BY person_id ORDER BY n DESC LIMIT 1"
        ).fetchone()
    )
    person, count = row[0], row[1]
    times = _interleaved(variants, [lambda v: _card(v.store, person)] * 20)
    for name, samples in times.items():
        median, p95 = _percentiles(samples)
        results[name][f"card ({count} contacts)"] = f"median {_ms(median)}, p95 {_ms(p95)}"

    year, month = (until.year, until.month - 1) if until.month > 1 else (until.year - 1, 12)
    wanted = Month(year, month)
    times = _interleaved(variants, [lambda v: _report(v.store, wanted, presidio)] * 3)
    for name, samples in times.items():
        results[name][f"monthly report {wanted} (figures + PDF)"] = (
            f"median {_ms(statistics.median(samples))}"
        )

    width = max(len(k) for r in results.values() for k in r)
    names = [v.name for v in variants]
    print(f"{'':{width}}  " + "  ".join(f"{n:>32}" for n in names))
    for key in results[first.name]:
        print(f"{key:{width}}  " + "  ".join(f"{results[n].get(key, ''):>32}" for n in names))


def _open(name: str, path: Path, build: float | None) -> Variant:
    """Log in as the window does (the integrity check runs later, in the background)."""
    store, _session, took = login(path, check_integrity=False)
    return Variant(name, path, store, store.connections.reader(), took, build)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--presidio", default="SAN-SIRO")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--until", type=date.fromisoformat, default=None)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--db", type=Path, help="store to build (or, if it exists, to measure)")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="build the same store twice, encrypted and plain, and measure both side by side",
    )
    parser.add_argument("--keep", action="store_true", help="keep the built store(s)")
    args = parser.parse_args(argv)
    until = args.until or today_rome()
    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="casa-bench-")
        args.db = Path(folder.name) / "bench.sqlite"
    wanted = [("cifrato", args.db, True)]
    if args.compare:
        plain = args.db.with_name(args.db.stem + "-plain" + args.db.suffix)
        wanted = [("in chiaro", plain, False), *wanted]
    variants: list[Variant] = []
    try:
        for name, path, encrypted in wanted:
            build = None
            if path.exists():
                print(f"measuring existing store {path} (no build)")
            else:
                options = DemoOptions(
                    presidio=args.presidio,
                    people=args.people,
                    contacts=args.contacts,
                    seed=args.seed,
                    until=until,
                    encrypted=encrypted,
                )
                build, summary = _timed(
                    lambda o=options, p=path: build_demo(p, o, ProgressLine(sys.stderr))
                )  # type: ignore[misc]
                rows = sum(summary.counts.values())
                print(
                    f"{name}: build {args.people:,} people / {args.contacts:,} contacts: "
                    f"{build:.1f} s ({rows:,} rows through the journal, {rows / build:,.0f}/s)"
                )
            variants.append(_open(name, path, build))
        measure(variants, args.presidio, until, args.queries, args.seed)
        _, peak = _rss()
        print(f"peak resident memory of this process: {peak:.0f} MB")
    finally:
        for variant in variants:
            variant.db.conn.close()
            variant.store.close()
        if folder is not None and not args.keep:
            folder.cleanup()
        elif folder is not None:
            print(f"stores kept in {folder.name}")
    return 0


def _rss() -> tuple[float, float]:
    current = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    return current, peak


if __name__ == "__main__":
    sys.exit(main())
