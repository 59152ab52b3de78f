"""Digest re-fetch (SYNC.md §4 step 4) and PostgreSQL commit order (scenario 14)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from login_helpers import open_store
from sqlalchemy import text
from sync_helpers import HubProcess, check_invariants, new_office, person, quiesce, row, sync

from casa_desk.sync.hub.storage import _PUSH_LOCK, HubStore


def test_digest_mismatch_refetches_the_table(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    hub = sqlite_hub
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    quiesce([a])
    # head office fixed a service directly in its database, with a newer clock, and no log
    service = hub.fix_service_directly()
    report = sync(a)
    assert report.refetched == ["services"] and report.in_sync
    assert row(a, "services", service)["hours"] == "solo il lunedì"
    # a difference the re-fetch cannot settle is reported, not hidden
    hub.fix_service_directly(notes="manomesso")
    report = sync(a)
    assert report.mismatched == ["services"] and not report.in_sync


@pytest.mark.slow
def test_s14_postgresql_pushes_commit_in_sequence_order(pg_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A push waits while another transaction holds the log lock, so a change can never be
    committed with a lower sequence number after a puller has passed it."""
    db = pg_server.create_db()
    hub = HubProcess(db, tmp_path).start()
    try:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
        person(a)
        a.close()  # the pusher thread opens its own connection
        hs = HubStore.open(db)
        done = threading.Event()

        def push() -> None:
            with open_store(tmp_path / "a.sqlite") as store:
                sync(store)
            done.set()

        pusher = threading.Thread(target=push)
        with hs.engine.connect() as holder:
            holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PUSH_LOCK})
            try:
                pusher.start()
                time.sleep(1.0)
                assert not done.is_set()  # the push waits for the log lock
                sync(b)  # a puller meanwhile sees a consistent log
            finally:
                holder.rollback()
        pusher.join(30)
        hs.close()
        assert done.is_set()
        a = open_store(tmp_path / "a.sqlite")
        quiesce([a, b])
        assert b.db.execute("SELECT count(*) FROM people WHERE origin != 'seed'").fetchone()[0] == 1
        check_invariants(hub, [a, b])
    finally:
        hub.stop()
