"""Helpers for the sync tests: a real hub process, enrolled office stores, invariant checks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from login_helpers import new_store

from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME, SYNCED_TABLES
from casa_desk.sync import held, protocol
from casa_desk.sync.apply import state
from casa_desk.sync.client import SyncClient, SyncReport, enrol_online, local_digest
from casa_desk.sync.hub.devices import add_device, device_by_id
from casa_desk.sync.hub.storage import HubStore
from casa_desk.sync.merge import clock_of

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def child_env(faults: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("CASA_DESK_FAULTS", None)
    if faults:
        env["CASA_DESK_FAULTS"] = faults
    return env


class HubProcess:
    """``python -m casa_desk hub serve`` on loopback, startable, killable, restartable."""

    #: The hub module directly (the full CLI would also import every other subcommand).
    command = (sys.executable, "-m", "casa_desk.sync.hub.app")

    def __init__(
        self, db: str, workdir: Path, *, cli: bool = False, options: tuple[str, ...] = ()
    ) -> None:
        """``options``: more arguments of the hub module (smaller bounds per device:
        ``("--changes-per-day", "5")``; casa_desk/sync/hub/app.py ``main``)."""
        if cli:
            self.command = (sys.executable, "-m", "casa_desk", "hub", "serve")
        self.options = options
        self.db = db
        self.workdir = workdir
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, faults: str = "") -> HubProcess:
        with (self.workdir / f"hub-{self.port}.log").open("ab") as log:
            self.proc = subprocess.Popen(
                [*self.command, "--db", self.db, "--port", str(self.port), *self.options],
                env=child_env(faults),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited with {self.proc.returncode}")
            try:  # a bare connect first: an httpx client per poll costs an SSL context
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            except OSError:
                time.sleep(0.03)
                continue
            if httpx.get(self.url + "/health", timeout=5).status_code == 200:
                return self
        raise RuntimeError("hub did not start")

    def kill(self) -> None:
        """A real, abrupt kill (SIGKILL)."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)

    def wait_dead(self, timeout: float = 20) -> int:
        assert self.proc is not None
        return self.proc.wait(timeout)

    def restart(self, faults: str = "") -> HubProcess:
        self.stop()
        return self.start(faults)

    def store(self) -> HubStore:
        return HubStore.open(self.db)

    def fix_service_directly(self, **values: Any) -> str:
        """Head office corrects a reference service in the hub's database by hand, outside
        the log (by default its hours, with a newer clock): only a digest shows it to the
        offices. Returns the service's id."""
        from sqlalchemy import update

        from casa_desk.store.reference import reference_rows
        from casa_desk.sync.hub import schema

        service = str(reference_rows()["services"][1]["id"])
        values = values or {
            "hours": "solo il lunedì",
            "hlc": 5,
            "origin": "sede-admin",
            "field_clocks": '{"*":[1,"seed"],"hours":[5,"sede-admin"]}',
        }
        mirror = schema.MIRRORS["services"]
        hs = self.store()
        try:
            with hs.tx() as conn:
                conn.execute(update(mirror).where(mirror.c.id == service).values(**values))
        finally:
            hs.close()
        return service

    def backup(self, out: Path) -> Path:
        """``casa-desk hub backup`` of this (SQLite) hub into ``out``."""
        from casa_desk.cli import main

        assert main(["hub", "backup", "--db", self.db, "--out", str(out)]) == 0
        return out

    def restore(self, backup: Path) -> HubProcess:
        """Head office's restore (docs/deploy.md): the hub stopped, its SQLite file replaced
        by ``backup``, ``hub new-epoch``, started again."""
        from casa_desk.cli import main

        self.stop()
        for suffix in ("", "-wal", "-shm"):
            Path(self.db + suffix).unlink(missing_ok=True)
        Path(self.db).write_bytes(backup.read_bytes())
        assert main(["hub", "new-epoch", "--db", self.db]) == 0
        return self.start()


def new_office(hub: HubProcess, path: Path, presidio: str, *, head_office: bool = False) -> Store:
    """A fresh store enrolled with the hub over HTTP for ``presidio``."""
    hs = hub.store()
    try:
        _device_id, code = add_device(hs, presidio, head_office=head_office)
    finally:
        hs.close()
    store = new_store(path, presidio=None)  # the office comes with the enrolment
    enrol_online(store, hub.url, code)
    return store


def sync(store: Store, **kwargs: Any) -> SyncReport:
    with SyncClient(store, **kwargs) as client:
        return client.sync()


def person(store: Store, **values: Any) -> dict[str, Any]:
    with store.transaction() as j:
        return j.insert(
            "people",
            {"first_name": "Nome", "last_name": "Prova", **values},
            presidio=store.presidio or "",
        )


def contact(store: Store, person_id: str, **values: Any) -> dict[str, Any]:
    with store.transaction() as j:
        return j.insert(
            "contacts",
            {
                "person_id": person_id,
                "summary": "colloquio",
                "occurred_at": "2026-03-01T10:00:00.000Z",
                **values,
            },
            presidio=values.pop("presidio", None) or store.presidio or "",
        )


def edit(store: Store, table: str, row_id: str, **changes: Any) -> None:
    with store.transaction() as j:
        j.update(table, row_id, changes)


def row(store: Store, table: str, row_id: str) -> dict[str, Any] | None:
    found = store.query(f"SELECT * FROM {table} WHERE id = ?", [row_id])
    return found[0] if found else None


@dataclass
class Watch:
    """Remembers cursors and acks per store to prove they never go back."""

    seen: dict[str, tuple[int, int]] = field(default_factory=dict)

    def check(self, stores: Iterable[Store]) -> None:
        for store in stores:
            now = (
                int(state(store, "pull_cursor", "0") or 0),
                int(state(store, "acked_seq", "0") or 0),
            )
            before = self.seen.get(store.device_id, (0, 0))
            assert now[0] >= before[0] and now[1] >= before[1], (before, now)
            self.seen[store.device_id] = now


def quiesce(stores: list[Store], rounds: int = 3) -> None:
    """Sync every store until nothing moves (two rounds suffice for hub-and-spoke)."""
    for _ in range(rounds):
        moved = 0
        for store in stores:
            report = sync(store)
            moved += report.pushed + report.pulled
        if not moved:
            return


def field_clocks_view(spec_name: str, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    spec = BY_NAME[spec_name]
    out = {}
    for r in rows:
        clocks = json.loads(r.get("field_clocks") or "{}")
        out[r["id"]] = {f: clock_of(clocks, f) for f in [*spec.columns, "deleted"]}
    return out


def check_invariants(hub: HubProcess, stores: list[Store], watch: Watch | None = None) -> None:
    """SYNC.md §6 invariants after quiescence."""
    hs = hub.store()
    try:
        log_ids = hs.log_change_ids()
        rejected = set(hs.rejected_ids())
        assert len(log_ids) == len(set(log_ids))
        log_set = set(log_ids)
        assert not (log_set & rejected)
        hub_rows = {spec.name: {r["id"]: r for r in hs.rows(spec.name)} for spec in SYNCED_TABLES}
        for store in stores:
            # every change made here is at the hub exactly once, or rejected once
            outbox = [r[0] for r in store.db.execute("SELECT change_id FROM sync_outbox")]
            missing = [c for c in outbox if c not in log_set and c not in rejected]
            assert not missing, f"{len(missing)} changes never reached the hub"
            # nothing unacked, nothing dropped
            max_seq = store.db.execute("SELECT coalesce(max(seq), 0) FROM sync_outbox").fetchone()[
                0
            ]
            assert int(state(store, "acked_seq", "0") or 0) == max_seq
            # the data in scope equals the hub's
            device, _ = device_by_id(hs, state(store, "hub_device_id") or "")
            assert local_digest(store) == hs.digest(device)
            # every field holds the same (hlc, device) maximum as the hub
            for spec in SYNCED_TABLES:
                if not spec.mutable:
                    continue
                # rows touched by changes kept back (clock too far ahead) count as the hub
                # holds them: the local row with those changes merged (sync/held.py)
                simulated = held.simulated_rows(store, spec.name)
                local = [
                    simulated.get(r["id"], r) for r in store.query(f"SELECT * FROM {spec.name}")
                ]
                local = [r for r in local if r is not None]
                ours = field_clocks_view(spec.name, local)
                theirs = field_clocks_view(
                    spec.name, [hub_rows[spec.name][i] for i in ours if i in hub_rows[spec.name]]
                )
                for row_id, clocks in theirs.items():
                    assert ours[row_id] == clocks, (spec.name, row_id)
        if watch:
            watch.check(stores)
    finally:
        hs.close()


def conflicts(store: Store) -> list[dict[str, Any]]:
    return store.query("SELECT * FROM sync_conflicts ORDER BY detected_at, id")


def run_cli(
    *args: str, faults: str = "", cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casa_desk", *args],
        env=child_env(faults),
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def hub_sql(hub: HubProcess, sql: str) -> list[Any]:
    """First column of a query on the hub's database (read in one short transaction)."""
    hs = hub.store()
    try:
        with hs.tx() as conn:
            return list(conn.exec_driver_sql(sql).scalars())
    finally:
        hs.close()


def add_people(store: Store, n: int) -> None:
    """``n`` new people in one transaction (an outbox of ``n`` changes to push)."""
    with store.transaction() as j:
        j.insert_many(
            "people",
            ({"first_name": f"N{i}", "last_name": "Prova"} for i in range(n)),
            presidio=store.presidio or "",
        )


def sync_through(store: Store, transport: httpx.BaseTransport, **client: Any) -> SyncReport:
    """One sync of ``store`` whose requests go through ``transport`` (which forwards them to
    the real hub, and may count, hold, reorder or rewrite them)."""
    with SyncClient(store) as sync_client:
        headers = dict(sync_client.http.headers)
        sync_client.http.close()
        sync_client.http = httpx.Client(
            base_url=sync_client.hub_url, headers=headers, transport=transport, **client
        )
        return sync_client.sync()


def as_older_hub(response: httpx.Response, *announced: str) -> httpx.Response:
    """The hub's ``hello`` answer without what an older hub did not announce yet."""
    answer = protocol.decode(response.read())
    for key in announced:
        answer.pop(key, None)
    return httpx.Response(
        response.status_code,
        content=protocol.encode(answer),
        headers={"Content-Type": "application/json"},
    )


def office(hub: HubStore, path: Path, presidio: str, head: bool = False) -> tuple[Store, Any]:
    """A new store enrolled with the hub's storage in this process (no server): the store
    and its hub device."""
    from casa_desk.sync.client import save_credentials
    from casa_desk.sync.hub.devices import enrol

    device_id, code = add_device(hub, presidio, head_office=head)
    store = new_store(path, presidio=None)
    save_credentials(store, enrol(hub, code, store.device_id), None)
    return store, device_by_id(hub, device_id)[0]


def an_edit(store: Store, row_id: str, seq: int, **data: Any) -> dict[str, Any]:
    """``store``'s edit of person ``row_id`` as its ``seq``-th change, as a push carries it
    (made by hand: a change the store itself did not journal, for the hub's tests)."""
    from casa_desk.models.hlc import pack
    from casa_desk.models.ids import uuid7

    return {
        "seq": seq,
        "change_id": uuid7(),
        "table": "people",
        "row_id": row_id,
        "op": "update",
        "hlc": pack(int(time.time() * 1000), seq % 60_000),
        "device": store.device_id,
        "data": data,
        "base": {k: [0, ""] for k in data},
    }
