"""Sync follow-ups of issue 8 on the office side, against a real hub on loopback: who made
an edit is recorded when it is made; a store restored from an old backup loses nothing;
changes stamped while the PC's clock ran ahead still reach the hub."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from login_helpers import PASSWORD, new_store, open_store, session_for
from sync_helpers import (
    HubProcess,
    check_invariants,
    edit,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.models import hlc
from casa_desk.models.hlc import MAX_SKEW_MS, physical_ms
from casa_desk.security.accounts import add_user
from casa_desk.security.keyfile import SUFFIX as KEYS
from casa_desk.store.backup import backup_store
from casa_desk.store.db import Store
from casa_desk.sync import status
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore


def test_an_edit_is_credited_to_the_operator_who_made_it_not_to_who_syncs(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    mazzini = new_office(sqlite_hub, tmp_path / "m.sqlite", "MAZZINI")
    san_siro = new_office(sqlite_hub, tmp_path / "s.sqlite", "SAN-SIRO")
    p = person(mazzini, phone="+390200000001", street="Via Giusta")
    quiesce([mazzini, san_siro])
    admin = session_for(san_siro)
    for name in ("op.anna", "op.bruno"):
        add_user(admin, name, full_name="Operatore Prova", role="operatore", password=PASSWORD)
    anna = session_for(san_siro, username="op.anna")
    edit(san_siro, "people", p["id"], phone="+390211111111")
    anna.logout()
    session_for(san_siro, username="op.bruno")  # the next shift; Bruno presses Sync
    edit(san_siro, "people", p["id"], street="Via Nuova")
    quiesce([san_siro, mazzini])
    credited = {tuple(sorted(e["fields"])): e["operator"] for e in status.registry_edits(mazzini)}
    assert credited == {("phone",): "op.anna", ("street",): "op.bruno"}


def _restore(store: Store, backup: Path) -> Store:
    """Put ``backup`` back in place of the store file, as an office would after a disk
    failure, and open it."""
    path = store.path
    store.close()
    for suffix in ("", "-wal", "-shm", KEYS):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, path)
    shutil.copyfile(f"{backup}{KEYS}", f"{path}{KEYS}")
    return open_store(path)


def test_a_store_restored_from_an_old_backup_loses_and_duplicates_nothing(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    first = person(a, last_name="Prima")
    sync(a)
    in_backup = person(a, last_name="NelBackup")  # not yet sent when the backup is taken
    backup = backup_store(a.connections, tmp_path / "backup.sqlite")
    sync(a)
    lost = person(a, last_name="Persa")  # reaches the hub; the backup never had it
    edit(a, "people", first["id"], phone="+390200000009")
    sync(a)
    a = _restore(a, backup)
    assert row(a, "people", lost["id"]) is None
    after = person(a, last_name="DopoIlRipristino")  # numbered below the hub's ack today
    report = sync(a)
    assert report.in_sync and not report.rejected
    quiesce([a, sede])
    for store in (a, sede):
        names = {r["last_name"] for r in store.query("SELECT last_name FROM people")}
        assert {"Prima", "NelBackup", "Persa", "DopoIlRipristino"} <= names
        assert row(store, "people", first["id"])["phone"] == "+390200000009"
    assert row(sede, "people", after["id"]) is not None
    assert row(sede, "people", in_backup["id"]) is not None
    check_invariants(hub, [a, sede])  # every change at the hub exactly once, nothing unacked
    later = person(a, last_name="AncoraDopo")  # and numbering carries on
    quiesce([a, sede])
    assert row(sede, "people", later["id"]) is not None
    check_invariants(hub, [a, sede])


def test_changes_stamped_while_the_pc_clock_ran_ahead_still_reach_the_hub(
    hub: HubProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(a, last_name="Prima", phone="+390200000001")
    quiesce([a, sede])
    real = hlc._wall_ms
    monkeypatch.setattr(hlc, "_wall_ms", lambda: real() + 3 * 3600_000)  # 3 hours ahead
    made = person(a, last_name="Avanti")
    edit(a, "people", p["id"], phone="+390200000002")
    monkeypatch.setattr(hlc, "_wall_ms", real)  # someone corrects the PC's clock
    assert physical_ms(a.journal.clock.last) > real() + MAX_SKEW_MS  # the HLC stays ahead
    report = sync(a)
    assert not report.rejected, report.rejected
    assert report.in_sync
    assert physical_ms(a.journal.clock.last) <= real() + MAX_SKEW_MS
    quiesce([a, sede])
    assert row(sede, "people", made["id"]) is not None
    assert row(sede, "people", p["id"])["phone"] == "+390200000002"
    check_invariants(hub, [a, sede])
    # Edits made now, here or at head office, win over the restamped ones everywhere.
    edit(sede, "people", made["id"], phone="+390200000003")
    edit(a, "people", p["id"], phone="+390200000004")
    quiesce([sede, a])
    for store in (a, sede):
        assert row(store, "people", made["id"])["phone"] == "+390200000003"
        assert row(store, "people", p["id"])["phone"] == "+390200000004"
    check_invariants(hub, [a, sede])


def test_a_restored_office_on_bundles_numbers_its_changes_after_the_hubs_ack(
    tmp_path: Path,
) -> None:
    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    a = new_store(tmp_path / "a.sqlite", presidio=None)
    save_credentials(a, enrol(hub, code), None)

    def round_trip(name: str) -> None:
        out, reply = tmp_path / f"{name}.casa", tmp_path / f"{name}-reply.casa"
        export_bundle(a, out)
        hub_import_bundle(hub, out, reply)
        import_reply(a, reply)

    person(a, last_name="Prima")
    round_trip("1")
    backup = backup_store(a.connections, tmp_path / "backup.sqlite")
    person(a, last_name="Persa")
    round_trip("2")
    a = _restore(a, backup)
    after = person(a, last_name="DopoIlRipristino")
    round_trip("3")  # the reply tells the store how far the hub has acknowledged
    round_trip("4")
    assert after["id"] in {r["id"] for r in hub.rows("people")}
    assert int(a.db.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0]) == int(
        a.db.execute("SELECT value FROM sync_state WHERE key = 'acked_seq'").fetchone()[0]
    )
    a.close()
    hub.close()
