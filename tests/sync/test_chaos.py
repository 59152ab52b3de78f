"""Chaos with real processes (SYNC.md §6): SIGKILL of the hub mid push batch and mid pull page,
SIGKILL of a ``casa-desk sync`` process mid push and mid pull, connections cut mid-response by
a TCP proxy, a hub restored from an older backup, the same field edited in two offices in both
orders, an office clock a year ahead, USB bundles twice and out of order between network syncs.

After each scenario every device syncs to quiescence and :func:`converged` checks the hub's
digest against every store, that no change is lost or doubled, that every store opens with
its integrity check and that the hub's database passes SQLite's.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from chaos_proxy import ChaosProxy, Rule
from login_helpers import open_store
from sync_helpers import (
    ROOT,
    HubProcess,
    Watch,
    add_people,
    check_invariants,
    child_env,
    conflicts,
    edit,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.client import SyncClient, local_digest
from casa_desk.sync.hub.devices import device_by_id

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def proxy(sqlite_hub: HubProcess) -> Iterator[ChaosProxy]:
    p = ChaosProxy(sqlite_hub.port)
    try:
        yield p
    finally:
        p.close()


def office(hub: HubProcess, proxy: ChaosProxy, path: Path, code: str, head: bool = False) -> Store:
    store = new_office(hub, path, code, head_office=head)
    with store.transaction():
        set_state(store, "hub_url", proxy.url)  # every request goes through the proxy
    return store


def people_count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM people WHERE origin != 'seed'").fetchone()[0])


def converged(hub: HubProcess, stores: list[Store], people: int | None = None) -> list[Store]:
    """Sync to quiescence, check the invariants, reopen every store with its integrity check."""
    quiesce(stores)
    check_invariants(hub, stores, Watch())
    reopened = []
    for store in stores:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        path = store.path
        store.close()
        again = open_store(path, check_integrity=True)
        if people is not None:
            assert people_count(again) == people
        reopened.append(again)
    if "://" not in hub.db:
        with sqlite3.connect(hub.db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    hs = hub.store()
    try:
        ids = hs.log_change_ids()
        assert len(ids) == len(set(ids))
        if people is not None:
            assert len(hs.rows("people")) - _seed_people(reopened[0]) == people
    finally:
        hs.close()
    return reopened


def _seed_people(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM people WHERE origin = 'seed'").fetchone()[0])


def cli_sync(store_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "casa_desk", "sync", "--db", str(store_path)],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


# -- the hub killed -------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.25])
def test_hub_sigkilled_mid_push_batch(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path, delay: float
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, 2500)  # two batches: 2,000 and 500

    def kill() -> None:
        time.sleep(delay)
        hub.kill()

    rule = proxy.add(Rule("/push", nth=2, when="request", action=kill))
    with pytest.raises(SyncError) as lost:
        sync(a)
    assert lost.value.code == "unreachable"
    assert rule.fired.is_set()
    hub.wait_dead()
    proxy.clear()
    hub.start()
    converged(hub, [a, b], people=2500)


@pytest.mark.parametrize("after_bytes", [0, 30_000])
def test_hub_sigkilled_mid_pull_page(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path, after_bytes: int
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, 2500)
    sync(a)
    proxy.clear()
    proxy.add(Rule("/pull", nth=3, after_bytes=after_bytes, action=hub.kill))
    with pytest.raises(SyncError):
        sync(b, page=500)
    assert 0 < int(state(b, "pull_cursor", "0") or 0)  # pages before the cut stay applied
    hub.wait_dead()
    proxy.clear()
    hub.start()
    converged(hub, [a, b], people=2500)


# -- the office's process killed --------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(("path", "nth", "after_bytes"), [("/push", 2, 0), ("/pull", 2, 20_000)])
def test_office_sync_process_sigkilled(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path, path: str, nth: int, after_bytes: int
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, 2500)
    victim = a
    if path == "/pull":
        sync(a)
        victim = b
    proxy.clear()
    victim_path = victim.path
    victim.close()
    holder: list[subprocess.Popen[str]] = []
    proxy.add(
        Rule(
            path,
            nth=nth,
            when="request" if path == "/push" else "response",
            after_bytes=after_bytes,
            action=lambda: os.kill(holder[0].pid, signal.SIGKILL),
        )
    )
    holder.append(cli_sync(victim_path))
    holder[0].communicate(timeout=120)
    assert holder[0].returncode == -signal.SIGKILL
    proxy.clear()
    reopened = open_store(victim_path)
    stores = [reopened, b] if path == "/push" else [a, reopened]
    converged(hub, stores, people=2500)


# -- connections cut mid-response ------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "nth", "after_bytes"),
    [
        ("/hello", 1, 40),  # inside the status line and headers
        ("/push", 1, 10),
        ("/push", 2, 120),  # a push answer is under 200 bytes
        ("/pull", 1, 300),  # inside the body
        ("/pull", 2, 5_000),
        ("/digest", 1, 150),
        ("/snapshot", 1, 150),
    ],
)
def test_connection_cut_mid_response(
    sqlite_hub: HubProcess,
    proxy: ChaosProxy,
    tmp_path: Path,
    path: str,
    nth: int,
    after_bytes: int,
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, 2500)
    if path in ("/pull", "/digest", "/snapshot"):
        sync(a)
        victim = b
    else:
        victim = a
    if path == "/snapshot":  # the hub's log no longer reaches b's cursor: b re-fetches
        hs = hub.store()
        hs.prune_log(len(hs.log_change_ids()))
        hs.close()
    proxy.clear()
    rule = proxy.add(Rule(path, nth=nth, after_bytes=after_bytes))
    with pytest.raises(SyncError) as cut:
        sync(victim, page=1000)
    assert cut.value.code == "unreachable", cut.value.message
    assert rule.fired.is_set()
    proxy.clear()
    if path == "/snapshot":  # the pruned log no longer holds every change: digests only
        quiesce([a, b])
        hs = hub.store()
        try:
            for store in (a, b):
                device, _ = device_by_id(hs, state(store, "hub_device_id") or "")
                assert local_digest(store) == hs.digest(device)
                assert people_count(store) == 2500
        finally:
            hs.close()
        return
    converged(hub, [a, b], people=2500)


def test_a_long_pull_cut_at_90_percent_resumes_from_its_last_page(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """Measure: 10 pages; the 10th is cut. The next sync asks from the 10th page only."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, 1000)
    sync(a)
    proxy.clear()
    proxy.add(Rule("/pull", nth=10, after_bytes=1_000))
    with pytest.raises(SyncError):
        sync(b, page=100)
    assert people_count(b) == 900
    proxy.clear()
    report = sync(b, page=100)
    assert report.pulled == 100  # resumed: only the last page was fetched again
    assert proxy.requests["/pull"] <= 2  # that page, and the empty one that says "no more"
    converged(hub, [a, b], people=1000)


# -- a hub restored from an older backup -------------------------------------------------------
@pytest.mark.slow
def test_hub_restored_from_older_backup_while_offices_hold_newer_changes(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:

    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    sede = office(hub, proxy, tmp_path / "sede.sqlite", "SEDE", head=True)
    p = person(a, last_name="Prima")
    quiesce([a, b, sede])
    backup = hub.backup(tmp_path / "hub-backup.sqlite")
    # after the backup: acked edits, new people, pulled by the others
    edit(a, "people", p["id"], notes="dopo il backup")
    q = person(b, last_name="Dopo")
    add_people(a, 300)
    quiesce([a, b, sede])
    edit(sede, "people", q["id"], phone="+390200000001")
    sync(sede)
    # then offline work not yet synced when the hub dies
    edit(a, "people", q["id"], street="Via Nuova")
    edit(b, "people", p["id"], notes="di B, non inviata")
    hub.restore(backup)
    stores = converged(hub, [a, b, sede], people=302)
    for store in stores:
        assert row(store, "people", p["id"])["notes"] == "di B, non inviata"
        assert row(store, "people", q["id"])["phone"] == "+390200000001"
        assert row(store, "people", q["id"])["street"] == "Via Nuova"


# -- the same field in two offices -------------------------------------------------------------
@pytest.mark.parametrize("a_first", [True, False])
def test_same_field_two_offices_offline_both_orders(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path, a_first: bool
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    sede = office(hub, proxy, tmp_path / "sede.sqlite", "SEDE", head=True)
    p = person(a)
    quiesce([a, b, sede])
    edit(a, "people", p["id"], phone="+390211111111")
    edit(b, "people", p["id"], phone="+390222222222")
    later = row(b, "people", p["id"])  # b's edit is the later one
    for store in [a, b] if a_first else [b, a]:
        sync(store)
    stores = converged(hub, [a, b, sede])
    for store in stores:
        assert row(store, "people", p["id"])["phone"] == later["phone"]
    losers = {c["loser_value"] for c in conflicts(stores[0]) if c["field"] == "phone"}
    assert '"+390211111111"' in losers


# -- a clock a year ahead ----------------------------------------------------------------------
def test_office_clock_a_year_ahead_then_corrected(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    from casa_desk.models.hlc import MAX_SKEW_MS, physical_ms

    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a)
    quiesce([a, b])
    real = a.journal.clock._now_ms  # noqa: SLF001 - the test drives the PC's clock
    a.journal.clock._now_ms = lambda: real() + YEAR_MS  # noqa: SLF001
    edit(a, "people", p["id"], notes="scritta nel futuro")
    q = person(a, last_name="Futuro")
    with (
        SyncClient(a, now_ms=lambda: real() + YEAR_MS) as ahead,
        pytest.raises(SyncError) as refused,
    ):
        ahead.sync()
    assert refused.value.code == "clock_skew"
    a.journal.clock._now_ms = real  # noqa: SLF001 - the PC's clock is put right
    edit(b, "people", p["id"], notes="di B, dopo")  # a real later edit elsewhere
    sync(b)
    sync(a)
    edit(a, "people", p["id"], phone="+390233333333")  # A goes on working
    stores = converged(hub, [a, b], people=2)
    for store in stores:
        got = row(store, "people", p["id"])
        assert got["phone"] == "+390233333333"
        assert physical_ms(int(got["hlc"])) <= real() + MAX_SKEW_MS
        assert physical_ms(store.journal.clock.last) <= real() + MAX_SKEW_MS
        assert row(store, "people", q["id"]) is not None


# -- bundles twice and out of order, with network syncs in between ------------------------------
def test_bundles_twice_and_out_of_order_between_network_syncs(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply

    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a, last_name="Uno")
    e1 = tmp_path / "e1.casa"
    export_bundle(a, e1)
    sync(a)  # the network comes back: the same changes go online
    q = person(a, last_name="Due")
    edit(a, "people", p["id"], notes="via USB")
    e2 = tmp_path / "e2.casa"
    export_bundle(a, e2)
    hs = hub.store()
    try:
        hub_import_bundle(hs, e2, tmp_path / "r2.casa")
        hub_import_bundle(hs, e1, tmp_path / "r1.casa")  # older, after the newer
        hub_import_bundle(hs, e1, tmp_path / "r1b.casa")  # and again
    finally:
        hs.close()
    sync(b)
    edit(b, "people", q["id"], phone="+390244444444")
    sync(b)
    for reply in ("r2", "r1", "r1b", "r2"):
        try:
            import_reply(a, tmp_path / f"{reply}.casa")
        except SyncError as exc:  # a reply behind the cursor may be refused, never applied
            assert exc.code in {"bundle_gap", "bundle_stale_epoch"}, exc.message
        sync(a)
    stores = converged(hub, [a, b], people=2)
    for store in stores:
        assert row(store, "people", p["id"])["notes"] == "via USB"
        assert row(store, "people", q["id"])["phone"] == "+390244444444"


def test_proxy_forwards_untouched(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    a = office(sqlite_hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    with httpx.Client(base_url=proxy.url) as http:
        assert http.get("/health").status_code == 200
    person(a)
    assert sync(a).pushed >= 1


@pytest.mark.slow
def test_edits_of_a_row_the_restored_hub_lost_wait_for_the_row(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """After a restore the offices re-send in any order: an office's and head office's edits
    of a person that another office registered after the backup reach the hub before that
    office re-sends the person. They were refused ("Riga sconosciuta alla sede") or logged
    without a row, and lost at the hub for good; now they wait for the row."""

    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    sede = office(hub, proxy, tmp_path / "sede.sqlite", "SEDE", head=True)
    quiesce([a, b, sede])
    backup = hub.backup(tmp_path / "hub-backup.sqlite")
    q = person(b, last_name="Dopo il backup")
    quiesce([a, b, sede])
    edit(a, "people", q["id"], street="Via Nuova")
    edit(sede, "people", q["id"], phone="+390200000001")
    quiesce([a, sede])
    hub.restore(backup)
    for store in (a, sede, b):  # the editors first, the office that made the row last
        assert not sync(store).rejected
    stores = converged(hub, [a, b, sede], people=1)
    for store in stores:
        got = row(store, "people", q["id"])
        assert (got["street"], got["phone"]) == ("Via Nuova", "+390200000001")
