"""An edit parked after a hub restore and refused when its row comes reaches its office.

After a restore the hub parks an office's edit of a row it does not hold yet (hub/push.py)
and answers the push "accepted". When the row comes and the edit is then refused, the
refusal was recorded at the hub only: the office kept its value until a digest happened to
re-fetch (and a refused deletion, newer than the hub's row, not even then). The hub now
tells it at the office's next hello (``refused_later``), and the office restores the hub's
version and lists the refusal like any other. A real hub process, restored from a backup.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sync_helpers import (
    HubProcess,
    as_older_hub,
    check_invariants,
    hub_sql,
    new_office,
    person,
    quiesce,
    row,
    sync,
    sync_through,
)

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync import status
from casa_desk.sync.apply import state
from casa_desk.sync.client import REFUSED_LATER_SEEN
from casa_desk.sync.hub import push

DELETE_REFUSED = "Solo il presidio che ha registrato la persona o la sede possono eliminarla."


def restored_with_a_parked_delete(hub: HubProcess, tmp_path: Path) -> tuple[Store, Store, str]:
    """Office ``a`` deletes a person registered by ``b`` after the hub's backup (only the
    registering office may), offline; the hub is restored from that backup and ``a``
    syncs first: its deletion is parked, answered "accepted". Returns a, b, the person."""

    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    quiesce([a, b])
    backup = hub.backup(tmp_path / "hub-backup.sqlite")
    q = person(b, last_name="Dopo il backup")
    quiesce([a, b])
    with a.transaction() as j:
        j.delete("people", q["id"])
    hub.restore(backup)
    first = sync(a)
    assert not first.rejected  # parked: the hub does not hold the person yet
    assert row(a, "people", q["id"])["deleted"] == 1
    assert hub_sql(hub, "SELECT count(*) FROM parked_changes") == [1]
    return a, b, q["id"]


def dropped_after_its_days(hub: HubProcess, tmp_path: Path) -> Store:
    """The parked edits waited past PARKED_DAYS (their time set back at the hub); another
    office's batch, parking nothing, makes the hub drop them. Returns that office."""
    hs = hub.store()
    try:
        with hs.tx() as conn:
            conn.exec_driver_sql("UPDATE parked_changes SET at = '2020-01-01T00:00:00.000Z'")
    finally:
        hs.close()
    c = new_office(hub, tmp_path / "c.sqlite", "GRATOSOGLIO")
    person(c, last_name="Altro presidio")
    assert not sync(c).rejected
    return c


def deletion_of(store: Store, row_id: str) -> str:
    (change_id,) = store.db.execute(
        "SELECT change_id FROM sync_outbox WHERE row_id = ? AND op = 'delete'", [row_id]
    ).fetchone()
    return str(change_id)


def test_a_parked_edit_refused_when_its_row_comes_reaches_its_office(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    deletion = deletion_of(a, q)
    assert not sync(b).rejected  # b re-sends the person: a's parked deletion is refused
    assert deletion in hub_sql(hub, "SELECT change_id FROM rejections")
    report = sync(a)
    assert [(r["change_id"], r["table"], r["row_id"], r["reason"]) for r in report.rejected] == [
        (deletion, "people", q, DELETE_REFUSED)
    ]
    assert row(a, "people", q)["deleted"] == 0  # the hub's version is back
    assert [r["change_id"] for r in status.rejections(a)] == [deletion]
    assert status.sync_status(a).rejected == 1
    assert report.in_sync and not report.refetched  # restored, not left to a digest
    again = sync(a)  # told once
    assert not again.rejected and again.in_sync
    assert int(state(a, REFUSED_LATER_SEEN) or 0) > 0
    quiesce([a, b])
    check_invariants(hub, [a, b])


def test_a_sync_cut_before_the_restore_hears_the_refusal_again(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The refusal counts as heard only once the hub's version is back: a sync cut after
    the hello (here: the hub gone at the first pull) hears it again at the next one."""
    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    sync(b)

    def cut_at_pull(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/pull":
            raise httpx.ConnectError("cut", request=request)
        return real.handle_request(request)

    real = httpx.HTTPTransport()
    try:
        with pytest.raises(SyncError) as cut:
            sync_through(a, httpx.MockTransport(cut_at_pull))
    finally:
        real.close()
    assert cut.value.code == "unreachable"
    assert state(a, REFUSED_LATER_SEEN) in (None, "0")
    report = sync(a)
    assert [r["change_id"] for r in report.rejected] == [deletion_of(a, q)]
    assert row(a, "people", q)["deleted"] == 0
    assert [r["change_id"] for r in status.rejections(a)] == [deletion_of(a, q)]


def test_an_older_hub_that_tells_nothing_changes_nothing(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A hub before refused_later ignores refused_after (unknown request fields are
    ignored) and answers none: the client syncs as it did."""
    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    sync(b)
    real = httpx.HTTPTransport()

    def older(request: httpx.Request) -> httpx.Response:
        response = real.handle_request(request)
        if request.url.path == "/hello":
            return as_older_hub(response, "refused_later")
        return response

    try:
        report = sync_through(a, httpx.MockTransport(older))
    finally:
        real.close()
    assert not report.rejected
    assert row(a, "people", q)["deleted"] == 1  # as before: never told
    assert state(a, REFUSED_LATER_SEEN) in (None, "0")


def test_an_office_on_usb_files_hears_the_late_refusal_in_its_reply(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The same late refusal, for an office that syncs by bundle file: the hub's reply to
    its next bundle lists it and carries the hub's version, once."""
    from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply

    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    sync(b)
    hs = hub.store()
    try:
        for n in (1, 2):
            out, reply = tmp_path / f"a-{n}.casa", tmp_path / f"reply-{n}.casa"
            export_bundle(a, out)
            hub_import_bundle(hs, out, reply)
            summary = import_reply(a, reply)
            if n == 1:
                assert "1 rifiutata" in summary
                assert row(a, "people", q)["deleted"] == 0  # the hub's version is back
                assert [r["change_id"] for r in status.rejections(a)] == [deletion_of(a, q)]
                assert int(state(a, REFUSED_LATER_SEEN) or 0) > 0
            else:
                assert "0 rifiutate" in summary  # told once
    finally:
        hs.close()
    quiesce([a, b])
    check_invariants(hub, [a, b])


@pytest.mark.parametrize("bad", ["12", -1, 2**70, True, 3.5, [1]])
def test_a_bundle_saying_anything_as_refused_after_is_told_everything(
    sqlite_hub: HubProcess, tmp_path: Path, bad: object
) -> None:
    """The hub trusts no office's manifest: a ``refused_after`` it cannot read as a number
    of its own (text, negative, beyond 64 bits, a boolean, a list) counts as 0, so the
    office is told all its late refusals, and the import never fails on it. (No value, or
    null, is an older office's bundle: told nothing, as before.)"""
    from casa_desk.sync.bundle import (
        export_bundle,
        hub_import_bundle,
        import_reply,
        open_bundle,
        write_bundle,
    )

    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    sync(b)
    out, forged, reply = tmp_path / "a.casa", tmp_path / "forged.casa", tmp_path / "r.casa"
    export_bundle(a, out)
    key = state(a, "hub_bundle_key") or ""
    manifest, payload = open_bundle(out, key)
    write_bundle(forged, {**manifest, "refused_after": bad}, payload, key)
    hs = hub.store()
    try:
        hub_import_bundle(hs, forged, reply)
    finally:
        hs.close()
    assert "1 rifiutata" in import_reply(a, reply)
    assert row(a, "people", q)["deleted"] == 0


def test_a_parked_edit_dropped_after_its_days_reaches_its_office(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The row never came (its office stayed away): after PARKED_DAYS the hub drops the
    edit, and its office, answered "accepted" back then, is told at its next sync with the
    reason and lists it on the Sync page (it once kept its value without ever knowing).
    The hub holds no version to put back, so the office's value stays as it is."""
    hub = sqlite_hub
    a, _b, q = restored_with_a_parked_delete(hub, tmp_path)
    deletion = deletion_of(a, q)
    dropped_after_its_days(hub, tmp_path)  # at any device's batch
    assert hub_sql(hub, "SELECT count(*) FROM parked_changes") == [0]
    report = sync(a)
    assert [(r["change_id"], r["row_id"], r["reason"]) for r in report.rejected] == [
        (deletion, q, push.EXPIRED_REASON)
    ]
    assert [r["change_id"] for r in status.rejections(a)] == [deletion]
    assert row(a, "people", q)["deleted"] == 1  # nothing at the hub to put back
    assert not sync(a).rejected  # told once


def test_a_row_that_comes_after_its_edit_was_dropped_replaces_the_refused_value(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Then its office comes back and re-sends the row. The office whose edit was dropped
    held the refused value, newer than the row's: a pull kept it for good, and every sync
    after ended "still differs from the hub". The refused value is now replaced by the
    hub's version as soon as the hub holds one (apply.rows_still_refused)."""
    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    c = dropped_after_its_days(hub, tmp_path)
    assert [r["reason"] for r in sync(a).rejected] == [push.EXPIRED_REASON]
    assert not sync(b).rejected  # b comes back: the person reaches the hub
    assert hub_sql(hub, f"SELECT deleted FROM people WHERE id = '{q}'") == [0]
    report = sync(a)
    assert report.in_sync and not report.mismatched
    assert row(a, "people", q)["deleted"] == 0
    quiesce([a, b, c])
    check_invariants(hub, [a, b, c])


def test_on_usb_files_too_a_row_that_comes_after_its_edit_was_dropped_replaces_it(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The same for an office on USB files: its reply tells the drop, and the reply that
    brings the row at last carries the hub's version of it (the office cannot ask)."""
    from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply

    hub = sqlite_hub
    a, b, q = restored_with_a_parked_delete(hub, tmp_path)
    c = dropped_after_its_days(hub, tmp_path)
    hs = hub.store()
    try:
        for n, expected in ((1, "1 rifiutata"), (2, "0 rifiutate")):
            if n == 2:
                assert not sync(b).rejected  # b comes back: the person reaches the hub
            out, reply = tmp_path / f"a-{n}.casa", tmp_path / f"reply-{n}.casa"
            export_bundle(a, out)
            hub_import_bundle(hs, out, reply)
            assert expected in import_reply(a, reply)
            assert row(a, "people", q)["deleted"] == (1 if n == 1 else 0)
    finally:
        hs.close()
    assert [r["reason"] for r in status.rejections(a)] == [push.EXPIRED_REASON]
    quiesce([a, b, c])
    check_invariants(hub, [a, b, c])
