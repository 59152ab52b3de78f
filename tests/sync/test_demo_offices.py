"""Two demo offices and head office sync through a real hub to "in sync" (issue 8).

Demo stores are built from one seed; before their ids were made office-specific, two offices
shared the ids of their local directory services and of some contacts, and their syncs could
never agree with the hub.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from login_helpers import DEMO_LOGIN, open_store
from sync_helpers import HubProcess, check_invariants, new_office, quiesce, sync

from casa_desk.demo.builder import DemoOptions, build_demo
from casa_desk.store.db import Store
from casa_desk.sync.client import enrol_online
from casa_desk.sync.hub.devices import add_device


def demo_office(hub: HubProcess, path: Path, presidio: str) -> Store:
    build_demo(
        path,
        DemoOptions(
            presidio=presidio, people=40, contacts=240, seed=1, until=date(2026, 10, 1),
            mark_demo=False,  # a throw-away hub: a marked demo store is never paired
            **DEMO_LOGIN,
        ),
    )  # fmt: skip
    hs = hub.store()
    try:
        _device, code = add_device(hs, presidio)
    finally:
        hs.close()
    store = open_store(path)
    enrol_online(store, hub.url, code)
    return store


def test_two_demo_offices_and_head_office_reach_in_sync(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    offices = [
        demo_office(sqlite_hub, tmp_path / "san-siro.sqlite", "SAN-SIRO"),
        demo_office(sqlite_hub, tmp_path / "mazzini.sqlite", "MAZZINI"),
    ]
    head = new_office(sqlite_hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    stores = [*offices, head]
    try:
        quiesce(stores)
        for store in stores:
            report = sync(store)
            assert report.in_sync, (store.presidio, report.mismatched)
            assert not report.rejected, (store.presidio, report.rejected[:3])
        check_invariants(sqlite_hub, stores)
        # head office sees both offices' local services, each under its own id
        names = head.query(
            "SELECT presidio, count(*) AS n FROM services WHERE code LIKE 'demo-%'"
            " GROUP BY presidio"
        )
        assert {r["presidio"]: r["n"] for r in names} == {"SAN-SIRO": 7, "MAZZINI": 7}
        people = head.query("SELECT presidio, count(*) AS n FROM people GROUP BY presidio")
        assert {r["presidio"]: r["n"] for r in people} == {"SAN-SIRO": 40, "MAZZINI": 40}
    finally:
        for store in stores:
            store.close()
