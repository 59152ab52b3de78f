"""Benchmark: 100,000 changes pushed and pulled over loopback (DESIGN.md §8: < 10 s each).

    python benchmarks/bench_sync.py [--changes 100000] [--engine sqlite|postgresql|both]
                                    [--window-wait] [--push-only]

Office A writes the changes (people and their contacts) and pushes them; office B (another
office: it receives the people, not A's contacts) and head office (receives everything) pull
them. The hub runs as its own process (``python -m casa_desk.sync.hub.app``); its resident
memory is sampled from /proc while it works. PostgreSQL is a throw-away server made with
the machine's initdb/pg_ctl, as in the tests.

``--push-only`` stops after the push (and its figures): the quick check of the hub's
receiving side.

``--window-wait`` then measures what the window feels while its own sync pulls: one store per
process, so a save in the window waits for the pull page being applied (each page is one
write transaction). A head-office store pulls everything on a worker thread, with the pages
the window uses (500), half that, and the command line's (2,000), while the main thread
saves a person every 20 ms through the same store; the time each save takes is the wait.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "sync"))
sys.path.insert(0, str(ROOT / "tests"))  # login_helpers: encrypted stores, cheap slots

from sync_helpers import HubProcess, free_port, new_office  # noqa: E402

from casa_desk.store.db import Store  # noqa: E402
from casa_desk.store.people import People  # noqa: E402
from casa_desk.sync.client import SyncClient, SyncReport  # noqa: E402


class RssSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        self.peak = max(self.peak, int(line.split()[1]))
            except OSError:
                return
            time.sleep(0.05)


def start_pg(base: Path) -> tuple[str, list[str], Path]:
    initdb = shutil.which("initdb") or "/usr/lib/postgresql/15/bin/initdb"
    pg_ctl = shutil.which("pg_ctl") or "/usr/lib/postgresql/15/bin/pg_ctl"
    prefix: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", free_port()
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(data),
            "-U",
            "casa",
            "--auth=trust",
            "--locale=C",
            "--encoding=UTF8",
            "-N",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *prefix,
            pg_ctl,
            "-D",
            str(data),
            "-o",
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off",
            "-l",
            str(base / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    return f"postgresql://casa@127.0.0.1:{port}/postgres", [*prefix, pg_ctl, "-D", str(data)], data


def postmaster_pid(data: Path) -> int:
    return int((data / "postmaster.pid").read_text().split()[0])


def cpu_s(pid: int, *, children: bool = False) -> float:
    """User + system CPU seconds of a process so far (/proc/PID/stat): on a shared machine
    the hub's CPU time is steadier than wall time. ``children``: with its children's, those
    that ended (counted when reaped) and those still running."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            try:
                ticks += round(cpu_s(int(child)) * os.sysconf("SC_CLK_TCK"))
            except OSError:  # it ended meanwhile: its time moves to the fields above
                continue
    return ticks / os.sysconf("SC_CLK_TCK")


class Cpu:
    """CPU seconds of a phase: the bench process (the office's sync client), the hub and,
    on PostgreSQL, the server (postmaster and its backends)."""

    def __init__(self, hub_pid: int, pg_pid: int | None) -> None:
        self.hub_pid, self.pg_pid = hub_pid, pg_pid

    def now(self) -> tuple[float, float, float]:
        pg = cpu_s(self.pg_pid, children=True) if self.pg_pid else 0.0
        return time.process_time(), cpu_s(self.hub_pid), pg

    def since(self, start: tuple[float, float, float], phase: str) -> dict[str, float]:
        end = self.now()
        out = {f"{phase}_client_cpu_s": end[0] - start[0], f"{phase}_hub_cpu_s": end[1] - start[1]}
        if self.pg_pid:
            out[f"{phase}_pg_cpu_s"] = end[2] - start[2]
        return out


def _fill_office(a: Store, changes: int) -> None:
    """Office A's changes: people, and contacts for some of them."""
    n_people = changes * 6 // 10
    with a.transaction() as j:
        people = [
            {"id": None, "first_name": f"N{i}", "last_name": "Prova"} for i in range(n_people)
        ]
        j.insert_many(
            "people", ({k: v for k, v in p.items() if v} for p in people), presidio="SAN-SIRO"
        )
    ids = [
        r[0]
        for r in a.db.execute(
            "SELECT id FROM people WHERE origin != 'seed' LIMIT ?", [changes - n_people]
        )
    ]
    with a.transaction() as j:
        j.insert_many(
            "contacts",
            (
                {
                    "person_id": pid,
                    "summary": "colloquio",
                    "occurred_at": "2026-03-01T10:00:00.000Z",
                }
                for pid in ids
            ),
            presidio="SAN-SIRO",
        )


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms,"
        f" max {ordered[-1] * 1000:.1f} ms ({len(ordered)} saves)"
    )


def window_wait(hub: HubProcess, work: Path, engine: str) -> dict[str, str]:
    """Saves on the main thread while a worker pulls everything through the same store."""
    out: dict[str, str] = {}
    for page in (250, 500, 2000):
        out.update(_wait_with_page(hub, work / f"{engine}-wait-{page}.sqlite", page))
    return out


def _wait_with_page(hub: HubProcess, path: Path, page: int) -> dict[str, str]:
    store: Store = new_office(hub, path, "SEDE", head_office=True)
    people = People(store)
    idle = []
    for i in range(50):
        t = time.perf_counter()
        people.register({"first_name": f"Idle{i}", "last_name": "Attesa"}, presidio="SEDE")
        idle.append(time.perf_counter() - t)
    done = threading.Event()
    pulled: list[int] = []

    def pull() -> None:
        with SyncClient(store, page=page) as client:
            client.hello()
            report = SyncReport()
            client.pull_all(report)
            pulled.append(report.pulled)
        done.set()

    worker = threading.Thread(target=pull)
    waits = []
    t0 = time.perf_counter()
    worker.start()
    while not done.is_set():
        t = time.perf_counter()
        people.register({"first_name": "Durante", "last_name": "Attesa"}, presidio="SEDE")
        waits.append(time.perf_counter() - t)
        time.sleep(0.02)
    worker.join()
    elapsed = time.perf_counter() - t0
    store.close()
    return {
        "idle save": _ms(idle),
        f"save during pull, page {page}": _ms(waits),
        f"pull with saves, page {page}": f"{elapsed:.1f} s for {pulled[0]} changes",
    }


def run(
    engine: str, changes: int, work: Path, *, wait: bool = False, push_only: bool = False
) -> dict[str, Any]:
    pg_stop: list[str] | None = None
    pg_base = work
    pg_pid = None
    if engine == "sqlite":
        db = str(work / "hub.sqlite")
    else:
        pg_base = Path(tempfile.mkdtemp(prefix="casa-bench-pg-"))
        db, pg_stop, data = start_pg(pg_base)
        pg_pid = postmaster_pid(data)
    hub = HubProcess(db, work).start()
    assert hub.proc is not None
    sampler = RssSampler(hub.proc.pid)
    sampler.start()
    try:
        figures = _phases(
            hub, work, engine, changes, Cpu(hub.proc.pid, pg_pid), sampler, push_only=push_only
        )
        figures["hub_peak_rss_mb"] = max(v for k, v in figures.items() if k.endswith("_rss_mb"))
        if wait:
            figures.update(window_wait(hub, work, engine))
        return figures
    finally:
        sampler.stop.set()
        hub.stop()
        if pg_stop:
            subprocess.run([*pg_stop, "-m", "immediate", "stop"], check=False, capture_output=True)
            shutil.rmtree(pg_base, ignore_errors=True)


def _phases(
    hub: HubProcess,
    work: Path,
    engine: str,
    changes: int,
    cpu: Cpu,
    rss: RssSampler,
    *,
    push_only: bool = False,
) -> dict[str, Any]:
    """Push from office A, pull to office B and head office, head office's digest; the
    hub's peak resident memory in each phase."""

    def peak(phase: str) -> None:
        time.sleep(0.1)  # the sampler's last look
        figures[f"{phase}_hub_rss_mb"] = rss.peak / 1024
        rss.peak = 0

    a = new_office(hub, work / f"{engine}-a.sqlite", "SAN-SIRO")
    b = new_office(hub, work / f"{engine}-b.sqlite", "MAZZINI")
    sede = new_office(hub, work / f"{engine}-sede.sqlite", "SEDE", head_office=True)
    _fill_office(a, changes)
    figures: dict[str, Any] = {}
    peak("start")
    with SyncClient(a) as client:
        hello = client.hello()
        t, start = time.perf_counter(), cpu.now()
        report = SyncReport()
        client.push_all(hello, report)
        figures["push_s"] = time.perf_counter() - t
        figures.update(cpu.since(start, "push"))
        assert report.pushed == changes, report.pushed
        assert not report.rejected, report.rejected[:3]
    peak("push")
    if push_only:
        for store in (a, b, sede):
            store.close()
        return figures
    for name, store in (("pull_office", b), ("pull_head", sede)):
        with SyncClient(store, page=5000) as client:
            client.hello()
            t, start = time.perf_counter(), cpu.now()
            report = SyncReport()
            client.pull_all(report)
            figures[f"{name}_s"] = time.perf_counter() - t
            figures.update(cpu.since(start, name))
            figures[f"{name}_changes"] = report.pulled
        peak(name)
    with SyncClient(sede) as client:
        t = time.perf_counter()
        report = SyncReport()
        client.check_digest(report)
        figures["digest_head_s"] = time.perf_counter() - t
        assert report.in_sync and not report.refetched, report
    peak("digest")
    for store in (a, b, sede):
        store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--window-wait", action="store_true", help="see the module docstring")
    parser.add_argument("--push-only", action="store_true", help="stop after the push")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="casa-bench-home-")
    os.environ.setdefault("CASA_DESK_HOME", home)
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    for engine in engines:
        with tempfile.TemporaryDirectory(prefix="casa-bench-") as tmp:
            figures = run(
                engine, args.changes, Path(tmp), wait=args.window_wait, push_only=args.push_only
            )
        texts = {k: v for k, v in figures.items() if isinstance(v, str)}
        print(
            f"{engine:10s} "
            + "  ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
                for k, v in figures.items()
                if k not in texts
            ),
            flush=True,
        )
        for name, text in texts.items():
            print(f"{engine:10s} {name}: {text}", flush=True)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
