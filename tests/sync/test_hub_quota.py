"""What one enrolled office may make the hub keep or skip, on both hub engines.

An office PC is not trusted (issue 8), nor is a buggy client. Two holes, each reproduced
first:

* a push's ``last_seq`` moved the device's acknowledgement however far it said, even in
  a batch carrying no change there: ``{changes: [], first_seq: 1, last_seq: 10**12}`` made
  the hub skip, as repeats, every later change of that device (online or by USB file);
* every refused change was kept (``rejections``), and every edit of a row the hub does
  not hold (``parked_changes``, up to a change's full size), with no bound per device: one
  office sending batch after batch of them filled the hub's disk;
* so was every change the hub accepted (``change_log``, which the offices pull) and every
  conflict they found (``sync_conflicts``): an office pushing valid edits of its own rows
  without end did the same. Its day is now bounded (its push refused whole beyond it, the
  changes kept by the office for a later sync), and so are the conflicts kept for it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sync_helpers import (
    HubProcess,
    add_people,
    an_edit,
    check_invariants,
    conflicts,
    edit,
    hub_sql,
    new_office,
    office,
    person,
    quiesce,
    sync,
)

from casa_desk.errors import SyncError
from casa_desk.models.ids import uuid7
from casa_desk.store.db import Store
from casa_desk.sync import protocol, restored
from casa_desk.sync.apply import state
from casa_desk.sync.bundle import (
    export_bundle,
    hub_import_bundle,
    import_reply_counts,
    open_bundle,
    write_bundle,
)
from casa_desk.sync.client import SyncClient, SyncReport
from casa_desk.sync.hub import push as hub_push
from casa_desk.sync.hub import quota, schema
from casa_desk.sync.hub.devices import device_by_id
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubRefusal, HubStore
from casa_desk.sync.messages import PushRequest


@pytest.fixture
def bounded_store(hub_db: str) -> Iterator[Callable[..., HubStore]]:
    """The hub's storage in this process with smaller bounds per device: ``bounded_store(
    parked=3)`` opens it with ``quota.Bounds(parked=3)``, the others as a real hub's."""
    opened: list[HubStore] = []

    def open_with(**bounds: int) -> HubStore:
        opened.append(HubStore.open(hub_db, bounds=quota.Bounds(**bounds)))
        return opened[-1]

    yield open_with
    for hub in opened:
        hub.close()


def send(hub: HubStore, device: Device, body: dict[str, Any]) -> dict[str, Any]:
    """One push body, validated as the HTTP route and a bundle validate it."""
    message = PushRequest.model_validate(protocol.decode(protocol.encode(body)))
    return hub.push(device, message.model_dump())


def outbox_changes(store: Store, after: int = 0) -> list[dict[str, Any]]:
    rows = store.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox WHERE seq > ? ORDER BY seq", [after]
    ).fetchall()
    return [protocol.change_from_outbox(r) for r in rows]


def acked(hub: HubStore, device: Device) -> int:
    return int(hub.hello_state(device)["acked_seq"])


def batch(changes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"first_seq": changes[0]["seq"], "last_seq": changes[-1]["seq"], "changes": changes}


def count_where(hub: HubStore, table: Any, device: Device) -> int:
    with hub.tx() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(table).where(table.c.device_id == device.id)
            ).scalar_one()
        )


# -- 1. the acknowledgement moves no further than the changes a batch carries ---------------
@pytest.mark.parametrize(
    ("first", "last", "changes"),
    [(1, 10**12, 0), (1, protocol.MAX_SEQ, 0), (1, 10**12, 1), (None, 50, 0)],
    ids=["empty-batch", "empty-to-max-seq", "beyond-its-change", "empty-no-first"],
)
def test_a_push_cannot_acknowledge_seqs_beyond_the_changes_it_carries(
    hub_store: HubStore,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    first: int | None,
    last: int,
    changes: int,
) -> None:
    hub = hub_store
    a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, last_name="Prima")
    carried = outbox_changes(a)[:changes]
    caplog.set_level(logging.WARNING, logger="casa_desk.hub")
    with pytest.raises(HubRefusal) as refused:
        send(hub, dev, {"first_seq": first, "last_seq": last, "changes": carried})
    assert refused.value.status == 400
    assert refused.value.body == {"code": "bad_request", "message": protocol.BEYOND_CHANGES}
    assert acked(hub, dev) == 0 and hub.log_change_ids() == []
    assert dev.id in caplog.text and "Prima" not in caplog.text  # the operator hears of it
    # the office's own changes still go through, and its ack is theirs
    q = person(a, last_name="Dopo")
    answer = send(hub, dev, batch(outbox_changes(a)))
    assert answer == {"acked_seq": 2, "rejected": [], "gap": False}
    assert {p["id"], q["id"]} <= {r["id"] for r in hub.rows("people")}


def test_an_empty_push_within_the_ack_is_still_answered(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """What no client sends but a harmless one might (an empty body, an empty batch within
    what the hub acknowledged): answered with the ack, nothing moved."""
    hub = hub_store
    a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    person(a)
    assert send(hub, dev, batch(outbox_changes(a)))["acked_seq"] == 2
    for body in ({"changes": []}, {"first_seq": 1, "last_seq": 2, "changes": []}):
        assert send(hub, dev, body) == {"acked_seq": 2, "rejected": [], "gap": False}
    assert acked(hub, dev) == 2


def forged_ack(hub: HubProcess, store: Store, last: int) -> None:
    """Someone holding ``store``'s token (a buggy copy of the client, a hostile PC) pushes
    an empty batch that says it goes up to ``last``."""
    hs = hub.store()
    try:
        device, _row = device_by_id(hs, state(store, "hub_device_id") or "")
        acked_now = acked(hs, device)
        try:
            send(hs, device, {"first_seq": acked_now + 1, "last_seq": last, "changes": []})
        except (HubRefusal, ValueError):  # refused by the hub, or by its message's schema
            pass
    finally:
        hs.close()


def test_an_office_loses_no_change_to_a_forged_ack_between_its_hello_and_its_push(
    hub: HubProcess, tmp_path: Path
) -> None:
    """Pushed between the office's hello and its push, the forged ack made the hub skip the
    office's batch as a repeat and answer it acknowledged: the change was gone for good
    (the office then believed the hub had it)."""
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Prima")
    assert not sync(a).rejected
    later = person(a, last_name="Dopo")
    with SyncClient(a) as client:
        hello = client.hello()
        forged_ack(hub, a, 10**12)
        client.push_all(hello, SyncReport())
    quiesce([a])
    assert later["id"] in hub_sql(hub, "SELECT id FROM people")
    check_invariants(hub, [a])


def test_an_office_still_syncs_after_a_forged_ack_to_the_last_number(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """An ack of 2^63-1 left the office unable to number its changes after it."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Prima")
    assert not sync(a).rejected
    forged_ack(sqlite_hub, a, protocol.MAX_INT64)
    later = person(a, last_name="Dopo")
    quiesce([a])
    assert later["id"] in hub_sql(sqlite_hub, "SELECT id FROM people")
    check_invariants(sqlite_hub, [a])


def test_a_bundle_cannot_acknowledge_beyond_its_changes(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """The same through ``hub import-bundle``: a bundle's messages are pushes too (signed
    with the office's own key, which the office holds)."""
    hub = hub_store
    a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, last_name="Pacchetto")
    out, forged, reply = tmp_path / "a.casa", tmp_path / "forged.casa", tmp_path / "r.casa"
    export_bundle(a, out)
    key = state(a, "hub_bundle_key") or ""
    manifest, payload = open_bundle(out, key)
    payload["messages"][0]["last_seq"] = 10**12
    write_bundle(forged, manifest, payload, key)
    with pytest.raises(SyncError) as refused:
        hub_import_bundle(hub, forged, reply)
    assert refused.value.code == "bad_request"
    assert refused.value.message == protocol.BEYOND_CHANGES
    assert acked(hub, dev) == 0 and not reply.exists()
    hub_import_bundle(hub, out, reply)  # the office's own bundle goes through as ever
    assert acked(hub, dev) == 1 and p["id"] in {r["id"] for r in hub.rows("people")}


# -- 2. what the hub keeps per device is bounded -----------------------------------------
def test_parked_edits_per_device_are_bounded(
    bounded_store: Callable[..., HubStore],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Edits of rows the hub does not hold wait for their row (a hub restored from a
    backup), each up to a change's full size: beyond the bound the device's further ones
    are refused, with a reason, and the hub's log says so (the device, never a value).
    Another device is not affected, and a place freed (a row came) is taken again."""
    caplog.set_level(logging.WARNING, logger="casa_desk.hub")
    hub = bounded_store(parked=3)
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    coming = person(b, last_name="In arrivo")  # made at b, not yet at the hub
    edits = [an_edit(a, coming["id"], 1, street="Via Nuova")]
    edits += [an_edit(a, uuid7(), seq, notes="Segreto") for seq in range(2, 6)]
    answer = send(hub, dev_a, batch(edits))
    assert answer["acked_seq"] == 5
    assert [(r["change_id"], r["reason"]) for r in answer["rejected"]] == [
        (e["change_id"], hub_push.PARKED_FULL_REASON) for e in edits[3:]
    ]
    assert count_where(hub, schema.parked, dev_a) == 3
    assert "Segreto" not in caplog.text and "Via Nuova" not in caplog.text
    assert f"device {dev_a.id}" in caplog.text
    # a re-sent refused edit (a store restored from a backup numbers it again) is a repeat
    again = {**edits[4], "seq": 6}
    assert send(hub, dev_a, batch([again])) == {"acked_seq": 6, "rejected": [], "gap": False}
    assert count_where(hub, schema.parked, dev_a) == 3
    # another office parks its own
    assert send(hub, dev_b, batch([an_edit(b, uuid7(), 1, notes="x")]))["rejected"] == []
    # b's person comes: a's first edit is merged, its place freed and taken again
    (insert,) = outbox_changes(b)
    assert send(hub, dev_b, batch([{**insert, "seq": 2}]))["rejected"] == []
    (got,) = [r for r in hub.rows("people") if r["id"] == coming["id"]]
    assert got["street"] == "Via Nuova"
    assert count_where(hub, schema.parked, dev_a) == 2
    # the row of an edit refused for want of room may still come: its next edit waits
    later = an_edit(a, edits[3]["row_id"], 7, notes="y")
    assert send(hub, dev_a, batch([later]))["rejected"] == []
    assert count_where(hub, schema.parked, dev_a) == 3


def test_parked_bytes_per_device_are_bounded(
    bounded_store: Callable[..., HubStore], tmp_path: Path
) -> None:
    hub = bounded_store(parked_bytes=5 * 1024)
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    edits = [an_edit(a, uuid7(), seq, notes="n" * 2000) for seq in range(1, 5)]
    answer = send(hub, dev_a, batch(edits))
    assert [r["change_id"] for r in answer["rejected"]] == [e["change_id"] for e in edits[2:]]
    assert count_where(hub, schema.parked, dev_a) == 2


def test_a_change_too_large_is_refused_and_never_kept(hub_store: HubStore, tmp_path: Path) -> None:
    """A change's data is capped (MAX_CHANGE_BYTES); its base clocks were not: 64 field
    names of any length, parked or logged as they came (16 MB a request)."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a)
    assert send(hub, dev_a, batch(outbox_changes(a)))["rejected"] == []
    big_data = an_edit(a, uuid7(), 2, future_column="x" * (protocol.MAX_CHANGE_BYTES + 1))
    big_base = an_edit(a, uuid7(), 3, notes="n")
    big_base["base"] = {f"{i:02d}" + "k" * 100_000: [0, ""] for i in range(40)}
    logged_base = an_edit(a, p["id"], 4, notes="n")
    logged_base["base"] = dict(big_base["base"])
    answer = send(hub, dev_a, batch([big_data, big_base, logged_base]))
    assert [r["reason"] for r in answer["rejected"]] == ["Modifica troppo grande per la sede."] * 3
    assert count_where(hub, schema.parked, dev_a) == 0
    assert logged_base["change_id"] not in hub.log_change_ids()


def test_refusals_kept_per_device_are_bounded_oldest_first(
    bounded_store: Callable[..., HubStore],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Refusals are told in the push's answer, all of them, and kept to recognise a repeat;
    beyond the bound a device's oldest are forgotten (a repeat of one is checked again, and
    refused again). Another device's are kept."""
    caplog.set_level(logging.WARNING, logger="casa_desk.hub")
    hub = bounded_store(refusals=4)
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    assert send(hub, dev_b, batch([an_edit(b, uuid7(), 1, gender="?")]))["rejected"]
    bad = [an_edit(a, uuid7(), seq, gender="?") for seq in range(1, 7)]
    answer = send(hub, dev_a, batch(bad[:3]))
    assert len(answer["rejected"]) == 3
    answer = send(hub, dev_a, batch(bad[3:]))
    assert [r["change_id"] for r in answer["rejected"]] == [c["change_id"] for c in bad[3:]]
    assert count_where(hub, schema.rejections, dev_a) == 4
    kept = set(hub.rejected_ids())
    assert {c["change_id"] for c in bad[2:]} <= kept and bad[0]["change_id"] not in kept
    assert count_where(hub, schema.rejections, dev_b) == 1
    assert f"device {dev_a.id}" in caplog.text
    # the oldest, sent again under a new number: checked again, refused again
    again = send(hub, dev_a, batch([{**bad[0], "seq": 7}]))
    assert [(r["change_id"], r["reason"]) for r in again["rejected"]] == [
        (bad[0]["change_id"], "Codice sconosciuto nel campo gender.")
    ]
    assert count_where(hub, schema.rejections, dev_a) == 4


def test_a_late_refusal_not_yet_told_outlives_the_bound(
    bounded_store: Callable[..., HubStore], tmp_path: Path
) -> None:
    """A late refusal (a parked edit refused when its row came) is told at the device's
    next hello: the newest are kept, so one not yet told is not forgotten by the bound."""
    hub = bounded_store(refusals=3)
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    old = [an_edit(a, uuid7(), seq, gender="?") for seq in range(1, 4)]
    assert len(send(hub, dev_a, batch(old))["rejected"]) == 3
    q = person(b, last_name="Dopo")
    removal = an_edit(a, q["id"], 4, deleted=1)  # only the registering office may
    assert send(hub, dev_a, batch([removal]))["rejected"] == []  # parked
    assert send(hub, dev_b, batch(outbox_changes(b)))["rejected"] == []  # refused late
    hello = hub.hello(
        dev_a,
        {"node_id": a.device_id, "protocol": 1, "wall_ms": int(time.time() * 1000)}
        | {"refused_after": 0},
    )
    assert [r["change_id"] for r in hello["refused_later"]] == [removal["change_id"]]
    assert count_where(hub, schema.rejections, dev_a) == 3


def test_an_older_hub_gets_what_the_bounds_read_at_start(tmp_path: Path) -> None:
    """A hub made before the bounds: its tables get the indexes they count with, and edits
    already waiting get their size (the room left is then read from the index alone)."""
    import sqlite3

    db = tmp_path / "old-hub.sqlite"
    HubStore.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("DROP INDEX parked_device")
    conn.execute("DROP INDEX rejections_device")
    conn.execute("ALTER TABLE parked_changes DROP COLUMN size")  # as a hub made before it
    conn.execute("ALTER TABLE rejections DROP COLUMN op")  # likewise
    conn.execute("DROP INDEX conflicts_device")
    conn.execute("ALTER TABLE sync_conflicts DROP COLUMN device_id")
    conn.execute("DROP TABLE device_volume")
    conn.execute(
        "INSERT INTO parked_changes (change_id, device_id, table_name, row_id, hlc, change, at)"
        " VALUES ('c', 'd', 'people', 'r', 1, '{\"seq\":1}', '2026-03-01T10:00:00.000Z')"
    )
    conn.commit()
    conn.close()
    hub = HubStore.open(db)
    try:
        with hub.tx() as c:
            sizes = list(c.exec_driver_sql("SELECT size FROM parked_changes").scalars())
            names = set(c.exec_driver_sql("SELECT name FROM sqlite_master").scalars())
            refusal_columns = {r[1] for r in c.exec_driver_sql("PRAGMA table_info(rejections)")}
            conflict_columns = {
                r[1] for r in c.exec_driver_sql("PRAGMA table_info(sync_conflicts)")
            }
    finally:
        hub.close()
    assert sizes == [len('{"seq":1}')]
    assert {"parked_device", "rejections_device", "conflicts_device", "device_volume"} <= names
    assert "op" in refusal_columns and "device_id" in conflict_columns


def test_a_change_numbered_past_what_a_desk_can_number_is_refused(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """One real change numbered 2**63 - 1 made the hub acknowledge it; the office's
    renumbering after that acknowledgement then overflowed SQLite's integers (a traceback
    at every sync, for good). Numbers past MAX_SEQ are refused with the batch, online and
    by bundle (both validate as PushRequest)."""
    hub = hub_store
    a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, last_name="Prima")
    for seq in (protocol.MAX_SEQ + 1, protocol.MAX_INT64):
        with pytest.raises(ValueError, match="less than or equal"):
            send(hub, dev, {"changes": [an_edit(a, p["id"], seq, phone=None)]})
    assert acked(hub, dev) == 0
    body = {"first_seq": 1, "changes": [an_edit(a, p["id"], protocol.MAX_SEQ, phone=None)]}
    assert send(hub, dev, body)["acked_seq"] == protocol.MAX_SEQ  # the bound itself fits


def test_an_acknowledgement_no_desk_can_have_earned_is_one_line_and_changes_nothing(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """A hub that took such a change before it refused them: the office says so in one
    line and keeps its outbox as it was."""
    a, _dev = office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Prima")
    before = outbox_changes(a)
    with pytest.raises(SyncError) as refused, a.transaction():
        restored.continue_after_hub(a, protocol.MAX_INT64, "x")
    assert refused.value.code == "bad_ack"
    assert outbox_changes(a) == before


# -- 3. what one device adds to the log in a day, and the conflicts kept for it ------------
@contextmanager
def small_hub(db: str, tmp_path: Path, *options: str) -> Iterator[HubProcess]:
    """A real hub on loopback whose bounds per device are ``options`` (hub/app.py main)."""
    process = HubProcess(db, tmp_path, options=options).start()
    try:
        yield process
    finally:
        process.stop()


def a_day_passes(hub: HubProcess) -> None:
    """What each device had accepted is set back 24 hours, as if it had been a day ago."""
    hs = hub.store()
    try:
        with hs.tx() as conn:
            conn.exec_driver_sql("UPDATE device_volume SET hour = hour - 24")
    finally:
        hs.close()


def unsent(store: Store) -> int:
    acked_seq = int(state(store, "acked_seq", "0") or 0)
    return len(outbox_changes(store, acked_seq))


def test_an_office_past_its_day_keeps_its_changes_and_sends_them_the_next_day(
    hub_db: str, tmp_path: Path
) -> None:
    """An enrolled office could push valid edits of its own rows without end, each kept in
    the hub's log for good. Past its day (here 5 changes) its push is refused whole (the
    round goes on and says ``day_full``): nothing of it is taken, nothing is recorded as
    refused, and the office keeps every change, which goes through once the day has
    passed. Another office is not affected."""
    with small_hub(hub_db, tmp_path, "--changes-per-day", "5") as hub:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
        first = [person(a, last_name=f"Prima {i}") for i in range(3)]
        assert not sync(a).rejected
        later = [person(a, last_name=f"Dopo {i}") for i in range(3)]  # 6 in the day: too many
        report = sync(a)
        assert report.day_full and report.pushed == 0 and not report.rejected
        at_hub = set(hub_sql(hub, "SELECT id FROM people"))
        assert {p["id"] for p in first} <= at_hub and not {p["id"] for p in later} & at_hub
        assert hub_sql(hub, "SELECT count(*) FROM rejections") == [0]
        assert unsent(a) == 3
        assert sync(a).day_full  # the next sync of the day: the same, nothing lost
        assert unsent(a) == 3
        person(b, last_name="Altro ufficio")
        assert not sync(b).rejected  # a device's day is its own
        a_day_passes(hub)
        report = sync(a)
        assert report.pushed == 3 and not report.rejected and unsent(a) == 0
        assert not report.day_full
        assert {p["id"] for p in later} <= set(hub_sql(hub, "SELECT id FROM people"))
        quiesce([a, b])
        check_invariants(hub, [a, b])


def test_an_office_past_its_day_still_receives_the_other_offices_changes(
    hub_db: str, tmp_path: Path
) -> None:
    """The refused push ended the round: the office past its day pulled nothing either, so
    it no longer heard of other offices' work (a person's new phone, a referral taken in
    charge) until its day cleared, up to 24 hours. Now the round goes on: it pulls what
    the others did, keeps its unsent changes for later and says, in its report, that the
    day is full; the last sync is not recorded as a whole one."""
    with small_hub(hub_db, tmp_path, "--changes-per-day", "5") as hub:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
        shared = person(a, last_name="Condivisa", phone="+390200000001")
        assert not sync(a).rejected
        sync(b)
        last_whole = state(a, "last_sync_at")
        later = [person(a, last_name=f"Dopo {i}") for i in range(5)]  # 6 in the day
        edit(b, "people", shared["id"], phone="+390200000002")
        assert sync(b).pushed == 1
        report = sync(a)
        assert report.day_full and report.pushed == 0 and report.pulled == 1
        (got,) = a.query("SELECT phone FROM people WHERE id = ?", [shared["id"]])
        assert got["phone"] == "+390200000002"  # b's change reached a in the same round
        assert unsent(a) == 5 and hub_sql(hub, "SELECT count(*) FROM rejections") == [0]
        assert state(a, "last_sync_at") == last_whole
        a_day_passes(hub)
        report = sync(a)
        assert not report.day_full and report.pushed == 5 and unsent(a) == 0
        assert {p["id"] for p in later} <= set(hub_sql(hub, "SELECT id FROM people"))
        quiesce([a, b])
        check_invariants(hub, [a, b])


def test_an_office_reaching_its_day_mid_push_keeps_what_the_hub_took(
    hub_db: str, tmp_path: Path
) -> None:
    """Two batches in flight (the hub's push window): the first taken, the second refused
    for the day. The round keeps the first's acknowledgement, pulls, and sends the rest
    once the day has passed."""
    batch_size = protocol.HUB_MAX_PUSH
    day = str(batch_size + 100)
    with small_hub(hub_db, tmp_path, "--changes-per-day", day) as hub:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        add_people(a, batch_size + 500)  # two batches: a full one and 500
        report = sync(a)
        assert report.day_full and report.pushed == batch_size and unsent(a) == 500
        assert state(a, "acked_seq") == str(batch_size)
        a_day_passes(hub)
        report = sync(a)
        assert not report.day_full and report.pushed == 500 and unsent(a) == 0
        check_invariants(hub, [a])


def test_an_office_past_its_bytes_of_the_day_keeps_its_changes(tmp_path: Path) -> None:
    """The day is bounded in bytes too (a change may be 256 KiB): here 6,000, with notes of
    2,000 characters."""
    with small_hub(str(tmp_path / "small.sqlite"), tmp_path, "--bytes-per-day", "6000") as hub:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        person(a, last_name="Prima", notes="n" * 2000)
        assert not sync(a).rejected
        person(a, last_name="Seconda", notes="n" * 2000)
        person(a, last_name="Terza", notes="n" * 2000)
        assert sync(a).day_full
        assert unsent(a) == 2
        a_day_passes(hub)
        assert sync(a).pushed == 2 and unsent(a) == 0


def test_conflicts_kept_per_device_are_bounded_oldest_first(hub_db: str, tmp_path: Path) -> None:
    """Each edit of a field that another office changed meanwhile leaves a conflict at the
    hub, for good: an office could raise them without end. Beyond the bound (here 2) the
    oldest found by its changes are forgotten; the offices keep theirs."""
    with small_hub(hub_db, tmp_path, "--conflicts-per-device", "2") as hub:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
        p = person(a, phone="+390200000000")
        quiesce([a, b])
        for n in range(1, 5):  # the same field in both offices, b after a: b's change wins
            edit(a, "people", p["id"], phone=f"+39020000010{n}")
            edit(b, "people", p["id"], phone=f"+39020000020{n}")
            sync(a)
            sync(b)
            sync(a)
        kept = hub_sql(hub, "SELECT loser_value FROM sync_conflicts ORDER BY loser_value")
        assert kept == ['"+390200000103"', '"+390200000104"']  # the two newest
        assert len(hub_sql(hub, "SELECT DISTINCT device_id FROM sync_conflicts")) == 1
        found = [c for c in conflicts(b) if c["field"] == "phone"]
        assert len(found) == 4  # the office's own are its own
        check_invariants(hub, [a, b])
        assert "forgotten" in (tmp_path / f"hub-{hub.port}.log").read_text()


def test_an_office_on_usb_files_past_its_day_sends_the_rest_in_its_next_bundle(
    hub_db: str, tmp_path: Path
) -> None:
    """A bundle's messages are pushes too: past the office's day (here 600 changes) the
    hub takes the messages that fit, says so in its line, and writes the reply; the office
    learns it from the reply, keeps the rest and sends it in its next bundle."""
    hub = HubStore.open(hub_db, bounds=quota.Bounds(changes_per_day=600))
    try:
        a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        add_people(a, 700)  # two messages: 500 and 200
        export_bundle(a, tmp_path / "a1.casa")
        said = hub_import_bundle(hub, tmp_path / "a1.casa", tmp_path / "r1.casa")
        assert "tutte le modifiche che la sede accetta in 24 ore" in said
        assert acked(hub, dev) == 500
        counts = import_reply_counts(a, tmp_path / "r1.casa")
        assert counts.day_full and counts.rejected == 0 and unsent(a) == 200
        with hub.tx() as conn:  # the next day
            conn.exec_driver_sql("UPDATE device_volume SET hour = hour - 24")
        export_bundle(a, tmp_path / "a2.casa")
        said = hub_import_bundle(hub, tmp_path / "a2.casa", tmp_path / "r2.casa")
        assert "24 ore" not in said and acked(hub, dev) == 700
        counts = import_reply_counts(a, tmp_path / "r2.casa")
        assert not counts.day_full and unsent(a) == 0
        assert len(hub.rows("people")) == len(a.query("SELECT id FROM people"))
    finally:
        hub.close()


def test_a_reply_to_an_office_past_its_day_still_brings_the_other_offices_changes(
    hub_db: str, tmp_path: Path
) -> None:
    """By USB file as online: a bundle of an office whose day is already full is taken not
    at all, but its reply still carries what the other offices did, and importing it
    applies them; the office's next bundle carries all it still owes."""
    hub = HubStore.open(hub_db, bounds=quota.Bounds(changes_per_day=2))
    try:
        a, dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
        person(a)
        person(a)
        export_bundle(a, tmp_path / "a1.casa")
        hub_import_bundle(hub, tmp_path / "a1.casa", tmp_path / "r1.casa")
        import_reply_counts(a, tmp_path / "r1.casa")
        assert acked(hub, dev) == 2 and unsent(a) == 0  # the day is now full
        other = person(b, last_name="Altro ufficio")
        assert send(hub, dev_b, batch(outbox_changes(b)))["rejected"] == []
        mine = person(a, last_name="Dopo")
        assert export_bundle(a, tmp_path / "a2.casa") == 1
        said = hub_import_bundle(hub, tmp_path / "a2.casa", tmp_path / "r2.casa")
        assert "24 ore" in said and acked(hub, dev) == 2
        counts = import_reply_counts(a, tmp_path / "r2.casa")
        assert counts.day_full and counts.applied == 1 and unsent(a) == 1
        assert [r["id"] for r in a.query("SELECT id FROM people WHERE presidio = 'MAZZINI'")] == [
            other["id"]
        ]
        assert export_bundle(a, tmp_path / "a3.casa") == 1  # what it still owes, again
        with hub.tx() as conn:  # the next day
            conn.exec_driver_sql("UPDATE device_volume SET hour = hour - 24")
        hub_import_bundle(hub, tmp_path / "a3.casa", tmp_path / "r3.casa")
        assert not import_reply_counts(a, tmp_path / "r3.casa").day_full and unsent(a) == 0
        assert mine["id"] in {r["id"] for r in hub.rows("people")}
    finally:
        hub.close()
