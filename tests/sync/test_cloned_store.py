"""A store copied to a second PC (its file and key file, or a backup opened there) while the
first goes on working: both copies share the device's token, node id and outbox numbering.
Against a real hub on loopback: nothing either copy makes is dropped unseen; the copy the
other has moved past is refused with one line, head office sees it, and its work leaves
once head office pairs that PC as a device of its own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from login_helpers import new_store, open_store
from sync_helpers import HubProcess, check_invariants, new_office, person, quiesce, sync

from casa_desk.cli import main
from casa_desk.errors import SyncError
from casa_desk.security.keyfile import SUFFIX as KEYS
from casa_desk.store.backup import backup_store
from casa_desk.store.db import Store
from casa_desk.sync import protocol
from casa_desk.sync.apply import state
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.client import SyncClient, SyncReport, enrol_online, save_credentials
from casa_desk.sync.hub.devices import add_device, enrol, list_devices
from casa_desk.sync.hub.storage import HubRefusal, HubStore


def _copy(store: Store, to: Path) -> Store:
    """The office's copy of ``store`` (a backup: the store and its key file) opened on a
    second PC."""
    backup = backup_store(store.connections, to.with_suffix(".bak"))
    shutil.copyfile(backup, to)
    shutil.copyfile(f"{backup}{KEYS}", f"{to}{KEYS}")
    return open_store(to)


def _names(store: Store) -> set[str]:
    return {r["last_name"] for r in store.query("SELECT last_name FROM people")}


def _hub_names(hub: HubProcess) -> set[str]:
    hs = hub.store()
    try:
        return {r["last_name"] for r in hs.rows("people")}
    finally:
        hs.close()


def _unacked(store: Store) -> int:
    acked = int(state(store, "acked_seq", "0") or 0)
    return int(
        store.db.execute("SELECT count(*) FROM sync_outbox WHERE seq > ?", [acked]).fetchone()[0]
    )


def _copies_seen(hub: HubProcess) -> dict[str, bool]:
    hs = hub.store()
    try:
        return {d["id"]: bool(d["clone_seen_at"]) for d in list_devices(hs)}
    finally:
        hs.close()


def _refused_as_copy(store: Store) -> SyncError:
    with pytest.raises(SyncError) as refused:
        sync(store)
    assert refused.value.code == protocol.CLONED
    assert str(refused.value) == protocol.MESSAGES[protocol.CLONED]
    return refused.value


def _pair_again(hub: HubProcess, store: Store) -> None:
    """Head office pairs the PC of ``store`` as a new device of the same office."""
    hs = hub.store()
    try:
        _id, code = add_device(hs, str(store.presidio), label="secondo PC")
    finally:
        hs.close()
    enrol_online(store, hub.url, code)


def test_a_copy_pushing_under_numbers_the_hub_acknowledged_is_refused_not_dropped(
    hub: HubProcess, tmp_path: Path
) -> None:
    """Both copies say hello at the same ack; the first pushes; the second's push, numbered
    the same, used to be skipped as a repeat and its changes lost without a word."""
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    person(a, last_name="Comune")
    sync(a)
    b = _copy(a, tmp_path / "b.sqlite")
    for name in ("A1", "A2", "A3"):
        person(a, last_name=name)
    for name in ("B1", "B2"):
        person(b, last_name=name)
    acked_before, waiting = state(b, "acked_seq"), _unacked(b)  # B1, B2 (and its login)
    with SyncClient(b) as client:
        hello = client.hello()
        sync(a)  # the first copy's round, between the second's hello and its push
        with pytest.raises(SyncError) as refused:
            client.push_all(hello, SyncReport())
    assert refused.value.code == protocol.CLONED
    assert state(b, "acked_seq") == acked_before and _unacked(b) == waiting  # nothing taken
    assert not {"B1", "B2"} & _hub_names(hub)
    assert any(_copies_seen(hub).values())  # head office sees it
    # The second copy's next sync renumbers its work after the hub's ack and sends it; the
    # first copy, left behind on the old line, is refused from then on.
    report = sync(b)
    assert report.pushed == waiting and not report.rejected
    assert {"A1", "A2", "A3", "B1", "B2"} <= _hub_names(hub)
    person(a, last_name="A4")
    _refused_as_copy(a)
    sync(sede)
    assert {"A1", "A2", "A3", "B1", "B2"} <= _names(sede)
    assert "A4" not in _hub_names(hub) and _unacked(a) == 1  # it waits in the outbox


@pytest.mark.parametrize("first", ["original", "copy"])
def test_two_copies_in_use_one_is_refused_and_its_work_leaves_under_a_new_pairing(
    sqlite_hub: HubProcess, tmp_path: Path, first: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = sqlite_hub
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    person(a, last_name="Comune")
    sync(a)
    b = _copy(a, tmp_path / "b.sqlite")
    for name in ("A1", "A2", "A3"):
        person(a, last_name=name)
    for name in ("B1", "B2"):
        person(b, last_name=name)
    one, other = (a, b) if first == "original" else (b, a)
    sync(one)
    sync(other)  # the hub acknowledged changes it never made: renumbered, a new line
    assert {"A1", "A2", "A3", "B1", "B2"} <= _hub_names(hub)
    person(one, last_name="Dopo")
    _refused_as_copy(one)  # the copy left behind, at every sync after
    _refused_as_copy(one)
    assert "Dopo" not in _hub_names(hub) and _unacked(one) == 1
    assert sum(_copies_seen(hub).values()) == 1
    assert main(["hub", "device-list", "--db", hub.db]) == 0  # head office reads it
    listed = [line for line in capsys.readouterr().out.splitlines() if "SAN-SIRO" in line]
    assert len(listed) == 1 and "copia dell'archivio in uso su un altro PC" in listed[0]
    person(other, last_name="Avanti")
    sync(other)  # the copy on the line goes on as ever
    # Head office pairs the PC left behind as a device of its own: its waiting work leaves.
    _pair_again(hub, one)
    quiesce([one, other, sede])
    every = {"Comune", "A1", "A2", "A3", "B1", "B2", "Dopo", "Avanti"}
    for store in (one, other, sede):
        assert _names(store) == every, store.path
    person(one, last_name="Poi")
    person(other, last_name="Ancora")
    sync(one)
    for store in (other, one):  # each receives the other's by pull, as any two desks
        report = sync(store)
        assert report.pulled >= 1 and not report.refetched and not report.mismatched
    quiesce([one, other, sede])
    for store in (one, other, sede):
        assert {"Poi", "Ancora"} <= _names(store), store.path
    check_invariants(hub, [one, other, sede])


def test_a_request_repeated_after_a_cut_connection_is_still_taken(tmp_path: Path) -> None:
    """The same batch twice (its answer lost) is a repeat, not a copy; the same numbers
    with other changes are a copy, refused whole and recorded."""
    hub = HubStore.open(tmp_path / "hub.sqlite")
    device_id, code = add_device(hub, "SAN-SIRO")
    a = new_store(tmp_path / "a.sqlite", presidio=None)
    save_credentials(a, enrol(hub, code), None)
    for name in ("Uno", "Due"):
        person(a, last_name=name)
    rows = a.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox ORDER BY seq"
    ).fetchall()
    changes = [protocol.change_from_outbox(r) for r in rows]
    for change in changes:
        change["data"] = protocol.parsed(change["data"])
        change["base"] = protocol.parsed(change["base"])
    message = {"first_seq": 1, "last_seq": changes[-1]["seq"], "changes": changes}
    from casa_desk.sync.hub.devices import device_by_id

    device, _row = device_by_id(hub, device_id)
    first = hub.push(device, message)
    again = hub.push(device, message)
    assert first["acked_seq"] == again["acked_seq"] == changes[-1]["seq"]
    assert not first["rejected"] and not again["rejected"]
    forged = {**changes[-1], "change_id": changes[-1]["change_id"][:-4] + "ffff"}
    with pytest.raises(HubRefusal) as refused:
        hub.push(device, {"first_seq": 1, "last_seq": forged["seq"], "changes": [forged]})
    assert refused.value.status == 409 and refused.value.body["code"] == protocol.CLONED
    assert forged["change_id"] not in hub.log_change_ids()
    assert [d["clone_seen_at"] is not None for d in list_devices(hub)] == [True]
    a.close()
    hub.close()


def _round_trip(hub: HubStore, store: Store, out: Path) -> None:
    reply = out.with_name(out.stem + "-reply.casa")
    export_bundle(store, out)
    hub_import_bundle(hub, out, reply)
    import_reply(store, reply)


def test_a_restored_office_on_bundles_loses_none_of_more_changes_than_the_backup_lost(
    tmp_path: Path,
) -> None:
    """Its first bundle after the restore reaches below the hub's ack and past it: the part
    below used to be skipped as repeats (lost), the part past it taken."""
    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    a = new_store(tmp_path / "a.sqlite", presidio=None)
    save_credentials(a, enrol(hub, code), None)
    person(a, last_name="Prima")
    _round_trip(hub, a, tmp_path / "1.casa")
    backup = backup_store(a.connections, tmp_path / "backup.sqlite")
    person(a, last_name="Persa")
    _round_trip(hub, a, tmp_path / "2.casa")
    a.close()
    a = _copy_back(backup, tmp_path / "a.sqlite")
    for name in ("Dopo1", "Dopo2", "Dopo3"):
        person(a, last_name=name)
    _round_trip(hub, a, tmp_path / "3.casa")  # its reply says the hub's ack: renumbered
    _round_trip(hub, a, tmp_path / "4.casa")
    names = {r["last_name"] for r in hub.rows("people")}
    assert {"Prima", "Persa", "Dopo1", "Dopo2", "Dopo3"} <= names
    assert _unacked(a) == 0
    made = {r[0] for r in a.db.execute("SELECT change_id FROM sync_outbox")}
    assert made <= set(hub.log_change_ids()) | set(hub.rejected_ids())  # its login's too
    assert [d["clone_seen_at"] for d in list_devices(hub)] == [None]  # a restore, no copy
    import_reply(a, tmp_path / "3-reply.casa")  # an older reply again: its line is not taken
    person(a, last_name="Ancora")
    _round_trip(hub, a, tmp_path / "5.casa")  # and it goes on, on its new line
    assert "Ancora" in {r["last_name"] for r in hub.rows("people")}
    a.close()
    hub.close()


def _copy_back(backup: Path, path: Path) -> Store:
    for suffix in ("", "-wal", "-shm", KEYS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    shutil.copyfile(f"{backup}{KEYS}", f"{path}{KEYS}")
    return open_store(path)


def test_two_copies_on_bundles_one_is_refused_with_nothing_taken(tmp_path: Path) -> None:
    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    a = new_store(tmp_path / "a.sqlite", presidio=None)
    save_credentials(a, enrol(hub, code), None)
    person(a, last_name="Comune")
    _round_trip(hub, a, tmp_path / "1.casa")
    b = _copy(a, tmp_path / "b.sqlite")
    person(a, last_name="A1")
    person(b, last_name="B1")
    person(b, last_name="B2")
    _round_trip(hub, a, tmp_path / "a2.casa")
    _round_trip(hub, b, tmp_path / "b2.casa")  # below the ack: renumbered by the reply
    _round_trip(hub, b, tmp_path / "b3.casa")  # sent, on a new line
    assert {"A1", "B1", "B2"} <= {r["last_name"] for r in hub.rows("people")}
    person(a, last_name="A2")
    out = tmp_path / "a3.casa"
    export_bundle(a, out)
    with pytest.raises(SyncError) as refused:
        hub_import_bundle(hub, out, tmp_path / "a3-reply.casa")
    assert refused.value.code == protocol.CLONED
    assert "A2" not in {r["last_name"] for r in hub.rows("people")}
    assert [d["clone_seen_at"] is not None for d in list_devices(hub)] == [True]
    a.close()
    b.close()
    hub.close()


def test_the_english_sync_page_says_a_copy_of_the_store_in_english(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from casa_desk.ui.sync_page import SyncPage
    from casa_desk.ui.tasks import SyncRunner

    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Comune")
    sync(a)
    b = _copy(a, tmp_path / "b.sqlite")
    person(a, last_name="A1")
    person(b, last_name="B1")
    sync(b)
    sync(a)  # the original renumbers after the copy's changes and moves the line
    person(b, last_name="B2")
    page = SyncPage(b, runner=SyncRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=30_000) as failed:
        page.sync_now()
    assert page.state == "error"
    assert failed.args[0] == (
        "This store is a copy of another computer's that is paired with head office: its "
        "changes stay here, not sent. Ask head office to pair this PC as a new device (or "
        "restore the right store)."
    )


def test_a_store_that_moved_its_line_is_not_refused_by_a_hub_restored_from_before(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The restored hub's devices table holds the line of before: a store restored from its
    own backup since (which started a new line) is no copy."""
    hub = sqlite_hub
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Prima")
    sync(a)
    store_backup = backup_store(a.connections, tmp_path / "store-backup.sqlite")
    hub_backup = hub.backup(tmp_path / "hub-backup.sqlite")
    person(a, last_name="Persa")
    sync(a)
    a.close()
    a = _copy_back(store_backup, tmp_path / "a.sqlite")
    person(a, last_name="Dopo")
    sync(a)  # renumbered after the hub's ack: a new line
    hub.restore(hub_backup)
    person(a, last_name="Ancora")
    quiesce([a])
    assert {"Prima", "Dopo", "Ancora"} <= _hub_names(hub)
    assert not any(_copies_seen(hub).values())
