"""Two hub processes behind one PostgreSQL; pushes at once while a client pulls (scenarios 5,
14)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from login_helpers import open_store
from sync_helpers import HubProcess, check_invariants, contact, new_office, person, quiesce, sync

from casa_desk.sync.client import SyncClient


@pytest.mark.slow
def test_two_hubs_one_postgresql_concurrent_pushes_and_a_puller(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = pg_server.create_db()
    hub1 = HubProcess(db, tmp_path).start()
    hub2 = HubProcess(db, tmp_path).start()
    try:
        offices = [
            new_office(hub1, tmp_path / "a.sqlite", "SAN-SIRO"),
            new_office(hub2, tmp_path / "b.sqlite", "MAZZINI"),
            new_office(hub1, tmp_path / "c.sqlite", "GRATOSOGLIO"),
        ]
        sede = new_office(hub2, tmp_path / "sede.sqlite", "SEDE", head_office=True)
        paths = [o.path for o in offices]
        for office in offices:
            for _ in range(300):
                p = person(office)
                contact(office, p["id"])
        for office in offices:
            office.close()
        stop = threading.Event()
        errors: list[BaseException] = []

        def push(path: Path, url: str) -> None:
            try:
                with open_store(path) as store, SyncClient(store, hub_url=url, page=50) as client:
                    client.sync()
            except BaseException as exc:  # noqa: BLE001 - reported to the test thread
                errors.append(exc)

        def pull() -> None:  # the head office pulls in small pages while commits land
            try:
                with open_store(sede.path) as store:
                    while not stop.is_set():
                        with SyncClient(store, hub_url=hub1.url, page=37) as client:
                            client.hello()
                            client.pull_all(
                                __import__("casa_desk.sync.client").sync.client.SyncReport()
                            )
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        sede.close()
        puller = threading.Thread(target=pull)
        puller.start()
        threads = [
            threading.Thread(target=push, args=(p, u))
            for p, u in zip(paths, [hub1.url, hub2.url, hub2.url], strict=True)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        stop.set()
        puller.join(120)
        assert not errors, errors
        stores = [open_store(p) for p in [*paths, sede.path]]
        try:
            head = stores[-1]
            # what the puller got while pushes committed, before the final catch-up:
            got = head.db.execute("SELECT count(*) FROM contacts").fetchone()[0]
            assert got <= 900
            quiesce(stores)
            assert head.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == 900
            assert head.db.execute("SELECT count(*) FROM people").fetchone()[0] == 900
            sync(stores[0], hub_url=hub2.url)  # any hub serves any office
            check_invariants(hub1, stores)
        finally:
            for s in stores:
                s.close()
    finally:
        hub1.stop()
        hub2.stop()
