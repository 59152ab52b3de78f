"""Pull pages merged while the previous page is written (casa_desk.sync.pipeline).

The merge made ahead must leave exactly the store a page-by-page apply leaves, and must
be thrown away whenever the store moved under it: a save between two pages (the window
keeps working during a pull) is never overwritten by a merge that did not see it.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from sync_helpers import HubProcess, contact, edit, new_office, person, row, sync

from casa_desk.store.db import Store
from casa_desk.store.tables import SYNCED_TABLES
from casa_desk.sync.client import SyncClient, SyncReport


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {
        spec.name: store.query(f"SELECT * FROM {spec.name} ORDER BY id") for spec in SYNCED_TABLES
    }
    out["sync_conflicts"] = store.query(
        "SELECT id, table_name, row_id, field, kind, winner_value, loser_value"
        " FROM sync_conflicts ORDER BY id"
    )
    out["people_fts"] = store.query("SELECT rowid, * FROM people_fts ORDER BY rowid")
    out["sync_applied"] = store.query(
        "SELECT change_id, table_name, row_id, hlc, device_id FROM sync_applied ORDER BY 1"
    )
    return {k: [tuple(r.values()) for r in v] for k, v in out.items()}


def _pull(store: Store, page: int, progress: Any = None) -> SyncClient:
    with SyncClient(store, page=page) as client:
        client.hello()
        client.pull_all(SyncReport(), progress)
    return client


def _two_offices_edit(hub: HubProcess, tmp_path: Path) -> list[str]:
    """People inserted, edited in both offices (conflicts), contacts, a delete and a late
    edit of the deleted row: rows changed again and again across pull pages."""
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    ids = [person(a, first_name=f"N{i}")["id"] for i in range(8)]
    for pid in ids[:4]:
        contact(a, pid)
    sync(a), sync(b)
    for i, pid in enumerate(ids):
        edit(a, "people", pid, phone=f"02{i}", notes="da A")
        edit(b, "people", pid, notes="da B", street="via B")
    edit(a, "people", ids[0], deleted=1)
    sync(b), sync(a)
    edit(b, "people", ids[0], street="dopo la cancellazione")
    edit(a, "people", ids[1], first_name="Rinominata")
    sync(b), sync(a)
    a.close(), b.close()
    return ids


def test_pages_merged_ahead_leave_the_store_a_single_page_leaves(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    _two_offices_edit(sqlite_hub, tmp_path)
    one = new_office(sqlite_hub, tmp_path / "one.sqlite", "SEDE", head_office=True)
    small = new_office(sqlite_hub, tmp_path / "small.sqlite", "SEDE", head_office=True)
    assert _pull(one, page=5000).merged_ahead == 0  # one page: nothing to merge ahead
    client = _pull(small, page=3)
    assert client.merged_ahead > 5  # pages of three changes: most merged ahead
    assert _rows(small) == _rows(one)
    assert _rows(one)["sync_conflicts"]  # the case has conflicts to compare
    one.close(), small.close()


def test_a_save_between_two_pages_is_not_overwritten(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Page 1 brings a person, page 2 an older edit of another field. A save at this
    desk lands between them (the progress call runs after page 1's commit, on the pull's
    thread); page 2, merged while page 1 was written, did not see it and is merged again.
    The same pull without the save writes page 2's merge made ahead."""
    hub = sqlite_hub
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    pid = person(a, first_name="Ada", phone="021")["id"]
    edit(a, "people", pid, phone="022")
    sync(a)
    quiet = new_office(hub, tmp_path / "quiet.sqlite", "SEDE", head_office=True)
    busy = new_office(hub, tmp_path / "busy.sqlite", "SEDE", head_office=True)
    saved: list[int] = []

    def save_between(_phase: str, done: int, _total: int) -> None:
        if not saved:
            edit(busy, "people", pid, first_name="Adele")
            saved.append(done)

    ahead_quiet = _pull(quiet, page=1).merged_ahead
    ahead_busy = _pull(busy, page=1, progress=save_between).merged_ahead
    assert saved == [1]
    here, there = row(busy, "people", pid), row(quiet, "people", pid)
    assert here is not None and there is not None
    assert (here["first_name"], here["phone"]) == ("Adele", "022")
    assert (there["first_name"], there["phone"]) == ("Ada", "022")
    assert ahead_busy < ahead_quiet  # page 2 merged again, in its transaction
    a.close(), quiet.close(), busy.close()


def test_the_collector_is_paused_during_a_pull_and_running_after(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The pages make no reference cycles: the pull pauses Python's cyclic collector (a
    tenth of its time) and gives it back when it ends, whether it was running or not."""
    _two_offices_edit(sqlite_hub, tmp_path)
    during: list[bool] = []

    def look(_phase: str, _done: int, _total: int) -> None:
        during.append(gc.isenabled())

    store = new_office(sqlite_hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    assert gc.isenabled()
    _pull(store, page=5, progress=look)
    assert during and not any(during)
    assert gc.isenabled()
    gc.disable()
    try:
        _pull(store, page=5)  # the collector stays as it was found, off
        assert not gc.isenabled()
    finally:
        gc.enable()
    store.close()
