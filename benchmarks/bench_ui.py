"""Front-desk window benchmark on a large store (DESIGN.md §8; figures, no asserts).

    python benchmarks/bench_ui.py [--db /tmp/ui_bench.sqlite] [--keystrokes 2000] [--start-only]

Needs a demo store, e.g. ``casa-desk demo --db /tmp/ui_bench.sqlite --people 100000
--contacts 1000000`` (or the one benchmarks/bench_store.py leaves); the window logs in as
``CASA_DESK_USER``/``CASA_DESK_PASSWORD`` (default the demo's ``demo``/``demo``). Prints:

* the two start goals of issue 12, through the real start (the ``casa-desk`` command, its
  argument parsing included) and the real login screen, median of 5 new processes after a
  warm-up: launch → login screen painted, and Enter on the password → main window painted
  (argon2id key slot, store open, window build), then how long the first search typed
  there takes to be answered on screen; wall and CPU seconds (all threads).
  ``--start-only`` stops there;
* time to a visible window without the login screen: a fresh ``python`` process from
  spawn until the main window is exposed and painted (interpreter start, imports, store
  open, window build) — and the part of it spent inside ``casa_desk.app.launch``;
* search latency per keystroke through the real widgets, typed one character at a time
  (``QTest.keyClick`` into the search field) over random prefixes of surnames, names,
  codici fiscali, phones and unit codes: the time the GUI thread is busy (key event, the
  query handed to a worker thread, repaint), and the time until that keystroke's results
  are in the lazy model and painted — median and p95 of each;
* time to open the card of a person with 200 contacts (queries + widgets + paint); when no
  person has that many, contacts are added to the busiest one first (the store is a
  throw-away demo, and this is said on the output);
* resident memory (current and peak) of the process after all of the above.

Runs offscreen (``QT_QPA_PLATFORM=offscreen``) unless a platform is set.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CARD_CONTACTS = 200
SEARCH_TEXT = "ros"  # the first search at the start figures: a common surname prefix


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _rss_mb() -> tuple[float, float]:
    current = peak = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
        elif line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
    if not peak:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


def env_login(path, _settings):  # type: ignore[no-untyped-def]
    """A script logs in from ``CASA_DESK_USER``/``CASA_DESK_PASSWORD`` (the window's own
    login screen never reads a password from the environment)."""
    from casa_desk.security.access import unlock

    user = os.environ.get("CASA_DESK_USER") or "demo"
    return unlock(path, user, os.environ.get("CASA_DESK_PASSWORD", "demo"), check_integrity=False)


def _child_env() -> dict[str, str]:
    """The environment of a timed start. Without PYTHONDONTWRITEBYTECODE: an installed app
    (wheel, bundle) has its bytecode, and compiling every module at each start would add
    ~0.25 s that no desk pays."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("CASA_DESK_HOME", "/tmp/ui_bench_home")
    env["CASA_DESK_USER"] = env.get("CASA_DESK_USER") or "demo"
    return env


# -- child: time to a visible window ---------------------------------------------------------
def child_window(db: str) -> None:
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from casa_desk.app import launch

    app = QApplication(sys.argv[:1])
    launched = launch(db, None, login=env_login)
    assert not isinstance(launched, int), "the store could not be opened"
    launched.window.show()
    while not launched.window.isVisible() or not launched.window.windowHandle().isExposed():
        app.processEvents()
    app.processEvents()
    launched.window.grab()  # force one full paint of every visible widget
    print(f"LAUNCH {time.perf_counter() - started:.6f}", flush=True)
    launched.close()


def _child(mode: str, db: str) -> list[str]:
    """Run this script as a new process in ``mode`` (``--child-window``, ``--child-login``);
    its standard output's lines. A refused password would leave the login screen waiting
    for another: the child has two minutes."""
    return subprocess.run(
        [sys.executable, __file__, mode, "--db", db],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env=_child_env(),
    ).stdout.splitlines()


def time_to_window(db: str) -> tuple[float, float]:
    spawn = time.monotonic()
    lines = _child("--child-window", db)
    total = time.monotonic() - spawn
    inside = next(float(line.split()[1]) for line in lines if line.startswith("LAUNCH"))
    return total, inside


def child_login(db: str) -> None:
    """The real start (the ``casa-desk`` command without a subcommand): the login screen,
    the password typed into it and Enter, the window. Prints monotonic marks (comparable
    with the parent's): login screen painted, Enter pressed, window painted, first search
    answered. Nothing is faked: the dialog checks the password through its key slot as at a
    desk."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    password = os.environ.get("CASA_DESK_PASSWORD", "demo")
    marks: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def exposed(widget) -> bool:  # type: ignore[no-untyped-def]
        handle = widget.windowHandle()
        return widget.isVisible() and handle is not None and handle.isExposed()

    def poll() -> None:
        for widget in app.topLevelWidgets():
            name = type(widget).__name__
            if name == "LoginDialog" and "login" not in marks and exposed(widget):
                widget.grab()  # one full paint
                marks["login"], cpu["login"] = time.monotonic(), time.process_time()
                QTest.keyClicks(widget.form.password, password)
                marks["enter"], cpu["enter"] = time.monotonic(), time.process_time()
                QTest.keyClick(widget.form.password, Qt.Key.Key_Return)
                return
            if name == "MainWindow" and "window" not in marks and exposed(widget):
                widget.grab()
                marks["window"], cpu["window"] = time.monotonic(), time.process_time()
                QTest.keyClicks(widget.search.field, SEARCH_TEXT)  # is it usable yet?
                return
            if name == "MainWindow" and "window" in marks:
                model = widget.search.model
                if model.pending or not model.rowCount():
                    return
                widget.grab()  # the results painted
                marks["search"], cpu["search"] = time.monotonic(), time.process_time()
                for key in ("login", "enter", "window", "search"):
                    print(f"MARK {key} {marks[key]:.6f} {cpu[key]:.6f}", flush=True)
                os._exit(0)  # the figures are taken; no teardown to time

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(2)
    from casa_desk.cli import main as casa_desk  # the `casa-desk` command itself

    casa_desk(["--db", db])


def time_to_login(db: str) -> tuple[float, float, float, float, float]:
    """Spawn → login screen painted, Enter → window painted, and the first search typed
    there → its results painted: wall seconds of each, then the process's CPU seconds of
    the first two (all threads)."""
    spawn = time.monotonic()
    marks = {
        line.split()[1]: (float(line.split()[2]), float(line.split()[3]))
        for line in _child("--child-login", db)
        if line.startswith("MARK")
    }
    return (
        marks["login"][0] - spawn,
        marks["window"][0] - marks["enter"][0],
        marks["search"][0] - marks["window"][0],
        marks["login"][1],
        marks["window"][1] - marks["enter"][1],
    )


def print_start(db: str, runs: int) -> None:
    """The two start goals of issue 12, through the real login screen: launch → login
    screen, and Enter on the password → a usable window (painted, then the first search
    answered). Median of ``runs`` new processes, one warm-up first."""
    time_to_login(db)  # warm-up: the page cache, and bytecode for a source checkout
    figures = [time_to_login(db) for _ in range(runs)]
    to_login, to_window, to_search, cpu_login, cpu_window = (
        statistics.median(column) for column in zip(*figures, strict=True)
    )
    print(
        f"launch → login screen painted: {_ms(to_login)} (CPU {_ms(cpu_login)}); "
        f"runs: " + ", ".join(_ms(f[0]) for f in figures)
    )
    print(
        f"Enter on the password → window painted: {_ms(to_window)} (CPU {_ms(cpu_window)}, "
        f"argon2id key slot included); first search '{SEARCH_TEXT}' answered "
        f"{_ms(to_search)} later; runs, Enter → search answered: "
        + ", ".join(_ms(f[1] + f[2]) for f in figures)
    )


# -- in process: keystrokes and card ----------------------------------------------------------
def _targets(store, count: int, rng: random.Random) -> list[str]:  # type: ignore[no-untyped-def]
    rows = store.query(
        "SELECT last_name, first_name, codice_fiscale, phone, unit_code FROM people"
        " WHERE deleted = 0 AND merged_into IS NULL ORDER BY random() LIMIT ?",
        [count],
    )
    texts = []
    for row in rows:
        kind = rng.choice(("last", "last_first", "cf", "phone", "unit"))
        if kind == "cf" and row["codice_fiscale"]:
            texts.append(row["codice_fiscale"][: rng.randint(6, 16)])
        elif kind == "phone" and row["phone"]:
            digits = row["phone"][3:] if row["phone"].startswith("+39") else row["phone"]
            texts.append(digits[: rng.randint(4, len(digits))])
        elif kind == "unit" and row["unit_code"]:
            texts.append(row["unit_code"])
        elif kind == "last_first":
            texts.append(f"{row['last_name']} {row['first_name'][:3]}")
        else:
            last = row["last_name"]
            texts.append(last[: rng.randint(min(3, len(last)), len(last))])
    return texts


def keystrokes(
    window,
    app,
    store,
    budget: int,
    rng: random.Random,  # type: ignore[no-untyped-def]
) -> tuple[list[float], list[float]]:
    """Per keystroke: time on the GUI thread (key event, query handed to a worker, repaint)
    and time until the results for the text typed so far are on screen."""
    from PySide6.QtTest import QTest

    field, model = window.search.field, window.search.model
    gui: list[float] = []
    shown: list[float] = []
    for text in _targets(store, budget, rng):
        field.clear()
        while model.pending:
            app.processEvents()
        for char in text:
            start = time.perf_counter()
            QTest.keyClick(field, char)
            app.processEvents()
            gui.append(time.perf_counter() - start)
            while model.pending:
                app.processEvents()
            app.processEvents()  # the repaint with the new rows
            shown.append(time.perf_counter() - start)
            if len(gui) >= budget:
                return gui, shown
    return gui, shown


def _stats(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(int(len(values) * 0.95) - 1, 0)]
    return f"median {_ms(statistics.median(values))}, p95 {_ms(p95)}, max {_ms(values[-1])}"


def busiest_person(store) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """The person with the fewest contacts at or above CARD_CONTACTS (else the busiest)."""
    counts = (
        "SELECT person_id, count(*) AS n FROM contacts WHERE person_id IS NOT NULL"
        " GROUP BY person_id"
    )
    row = store.db.execute(
        f"SELECT person_id, n FROM ({counts}) WHERE n >= ? ORDER BY n LIMIT 1", [CARD_CONTACTS]
    ).fetchone()
    if row is None:
        row = store.db.execute(
            f"SELECT person_id, n FROM ({counts}) ORDER BY n DESC LIMIT 1"
        ).fetchone()
    return row[0], int(row[1])


def top_up(store, person_id: str, have: int) -> int:  # type: ignore[no-untyped-def]
    from casa_desk.models.timeutil import utc_now_text

    presidio = store.meta("presidio") or "SAN-SIRO"
    rows = [
        {
            "person_id": person_id,
            "operator": "bench",
            "occurred_at": utc_now_text(),
            "channel": "sportello",
            "category": "manutenzione" if i % 7 else "salute",
            "summary": f"Contatto di prova {i}",
            "sensitive": int(i % 7 == 0),
        }
        for i in range(CARD_CONTACTS - have)
    ]
    with store.transaction() as journal:
        journal.insert_many("contacts", rows, presidio=presidio)
    return len(rows)


def open_card(window, app, person_id: str, repeats: int = 20) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        window.show_search()
        app.processEvents()
        start = time.perf_counter()
        window.open_person(person_id)
        app.processEvents()
        times.append(time.perf_counter() - start)
    return times


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Front-desk window benchmark")
    parser.add_argument("--db", default="/tmp/ui_bench.sqlite")
    parser.add_argument("--keystrokes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child-window", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-login", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--start-only", action="store_true", help="only the start figures (login screen, window)"
    )
    return parser.parse_args()


def main() -> int:
    args = _arguments()
    if args.child_window:
        child_window(args.db)
        return 0
    if args.child_login:
        child_login(args.db)
        return 0
    if not Path(args.db).exists():
        print(f"bench_ui: {args.db} non esiste: crearlo con casa-desk demo.", file=sys.stderr)
        return 1
    os.environ.setdefault("CASA_DESK_HOME", "/tmp/ui_bench_home")
    Path(os.environ["CASA_DESK_HOME"]).mkdir(parents=True, exist_ok=True)

    from bench_login import login
    from PySide6.QtWidgets import QApplication

    from casa_desk.app import build_window
    from casa_desk.ui.refcount_guard import make_singletons_immortal
    from casa_desk.ui.search_model import stop_search_workers

    make_singletons_immortal()  # as the app does (PySide6 6.12.0 emit() refcount bug)

    print_start(args.db, runs=5)
    if args.start_only:
        return 0
    totals = [time_to_window(args.db) for _ in range(3)]
    app = QApplication(sys.argv[:1])
    store, session, took = login(Path(args.db))
    if session is None:
        print("bench_ui: the window needs an encrypted store with a login.", file=sys.stderr)
        return 1
    print(f"login (slot + open with the integrity check): {_ms(took)}")
    people = store.db.execute("SELECT count(*) FROM people").fetchone()[0]
    contacts = store.db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    print(f"store: {args.db} — {people:,} people, {contacts:,} contacts")
    best = min(totals)
    print(
        f"window visible (new process, spawn → painted): {_ms(best[0])} "
        f"(of which launch(): {_ms(best[1])}); runs: " + ", ".join(_ms(t[0]) for t in totals)
    )

    window = build_window(session)
    window.show()
    app.processEvents()
    rng = random.Random(args.seed)
    gui, shown = keystrokes(window, app, store, args.keystrokes, rng)
    print(
        f"search keystroke, GUI thread ({len(gui)} keys: QLineEdit → query handed to a "
        f"worker → repaint): {_stats(gui)}"
    )
    print(f"search keystroke, until its results are on screen: {_stats(shown)}")

    person_id, have = busiest_person(store)
    if have < CARD_CONTACTS:
        added = top_up(store, person_id, have)
        print(f"card: busiest person had {have} contacts; added {added} to reach {CARD_CONTACTS}")
        have = CARD_CONTACTS
    shown = open_card(window, app, person_id)
    shown.sort()
    print(
        f"open card ({have} contacts; {window.card.history_model.rowCount()} history rows"
        " with referrals): "
        f"median {_ms(statistics.median(shown))}, max {_ms(shown[-1])}"
    )
    current, peak = _rss_mb()
    print(f"resident memory: {current:.0f} MB now, {peak:.0f} MB peak")
    window.close()
    stop_search_workers()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
