"""Bundles (scenarios 6 and 17): duplicated, reordered, truncated, altered, foreign, revoked,
future-stamped, wrong key — on both hub engines, in-process hub storage."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from login_helpers import new_store
from sync_helpers import contact, person, row

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync.apply import state
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply, open_bundle
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol, revoke_device
from casa_desk.sync.hub.storage import HubStore


def offline_office(hub: HubStore, path: Path, presidio: str, head: bool = False) -> Store:
    _id, code = add_device(hub, presidio, head_office=head)
    store = new_store(path, presidio=None)
    save_credentials(store, enrol(hub, code), None)
    return store


def round_trip(hub: HubStore, store: Store, tmp: Path, name: str) -> tuple[Path, Path]:
    out, reply = tmp / f"{name}.casa", tmp / f"{name}-reply.casa"
    export_bundle(store, out)
    hub_import_bundle(hub, out, reply)
    import_reply(store, reply)
    return out, reply


def hub_counts(hub: HubStore) -> tuple[int, int, int]:
    return (len(hub.log_change_ids()), len(hub.rejected_ids()), len(hub.rows("people")))


def test_bundle_round_trip_twice_and_reordered(hub_store: HubStore, tmp_path: Path) -> None:
    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    b = offline_office(hub_store, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a, last_name="Bundle")
    contact(a, p["id"])
    bundle, reply = round_trip(hub_store, a, tmp_path, "a1")
    assert state(a, "acked_seq") == str(
        a.db.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0]
    )
    before = hub_counts(hub_store)
    hub_import_bundle(hub_store, bundle, tmp_path / "again.casa")  # importing twice…
    assert hub_counts(hub_store) == before  # …changes nothing
    import_reply(a, reply)
    round_trip(hub_store, b, tmp_path, "b1")
    assert row(b, "people", p["id"]) is not None
    # reordered: two exports, the later one imported first
    edit_a = person(a, last_name="Primo")
    first = tmp_path / "e1.casa"
    export_bundle(a, first)
    person(a, last_name="Secondo")
    second = tmp_path / "e2.casa"
    export_bundle(a, second)
    hub_import_bundle(hub_store, second, tmp_path / "r2.casa")
    hub_import_bundle(hub_store, first, tmp_path / "r1.casa")
    import_reply(a, tmp_path / "r2.casa")
    import_reply(a, tmp_path / "r1.casa")
    assert edit_a["id"] in {r["id"] for r in hub_store.rows("people")}
    assert a.pending_changes() == 0
    ids = hub_store.log_change_ids()
    assert len(ids) == len(set(ids))


def _damage(src: Path, dst: Path, how: str) -> None:
    data = src.read_bytes()
    if how == "truncated":
        dst.write_bytes(data[: len(data) // 2])
    elif how == "altered":
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
            for item in zin.namelist():
                content = zin.read(item)
                if item == "payload.bin":
                    content = content[:10] + bytes([content[10] ^ 1]) + content[11:]
                zout.writestr(item, content)


@pytest.mark.parametrize("how", ["truncated", "altered"])
def test_damaged_bundles_are_refused_and_change_nothing(
    hub_store: HubStore, tmp_path: Path, how: str
) -> None:
    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    good, bad = tmp_path / "good.casa", tmp_path / "bad.casa"
    export_bundle(a, good)
    _damage(good, bad, how)
    before = hub_counts(hub_store)
    with pytest.raises(SyncError) as err:
        hub_import_bundle(hub_store, bad, tmp_path / "reply.casa")
    assert err.value.code in ("bundle_damaged", "bundle_signature")
    assert hub_counts(hub_store) == before
    assert not (tmp_path / "reply.casa").exists()


def test_foreign_revoked_future_and_wrong_key(hub_store: HubStore, tmp_path: Path) -> None:
    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a, last_name="Riservato")
    out = tmp_path / "a.casa"
    export_bundle(a, out)
    # the content is encrypted: the surname is nowhere in the file
    assert b"Riservato" not in out.read_bytes()
    # a bundle from a device another hub enrolled
    other = HubStore.open(tmp_path / "other-hub.sqlite")
    stranger = offline_office(other, tmp_path / "x.sqlite", "SAN-SIRO")
    person(stranger)
    foreign = tmp_path / "x.casa"
    export_bundle(stranger, foreign)
    before = hub_counts(hub_store)
    with pytest.raises(SyncError) as err:
        hub_import_bundle(hub_store, foreign, tmp_path / "r.casa")
    assert err.value.code == "bundle_foreign"
    # read with the wrong key (another hub's key for a device with the same id)
    _id, code = add_device(other, "SAN-SIRO")
    wrong_key = enrol(other, code)["bundle_key"]
    with pytest.raises(SyncError) as wrong:
        open_bundle(out, wrong_key)
    assert wrong.value.code == "bundle_signature"
    other.close()
    # a reply meant for another office is refused by the office
    b = offline_office(hub_store, tmp_path / "b.sqlite", "MAZZINI")
    export_bundle(b, tmp_path / "b.casa")
    hub_import_bundle(hub_store, tmp_path / "b.casa", tmp_path / "b-reply.casa")
    with pytest.raises(SyncError) as not_ours:
        import_reply(a, tmp_path / "b-reply.casa")
    assert not_ours.value.code == "bundle_foreign"
    # revoked device
    assert revoke_device(hub_store, state(a, "hub_device_id") or "")
    with pytest.raises(SyncError) as revoked:
        hub_import_bundle(hub_store, out, tmp_path / "r.casa")
    assert revoked.value.code == "revoked"
    assert hub_counts(hub_store)[0] == before[0] + 0 + len(b.query("SELECT 1 FROM sync_outbox"))


def test_bundle_stamped_in_the_future_is_quarantined(
    hub_store: HubStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time as time_module

    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    real = time_module.time
    monkeypatch.setattr("casa_desk.sync.bundle.time.time", lambda: real() + 3 * 3600)
    export_bundle(a, tmp_path / "future.casa")
    monkeypatch.setattr("casa_desk.sync.bundle.time.time", real)
    before = hub_counts(hub_store)
    with pytest.raises(SyncError) as err:
        hub_import_bundle(hub_store, tmp_path / "future.casa", tmp_path / "r.casa")
    assert err.value.code == "bundle_future"
    assert hub_counts(hub_store) == before


def test_refused_edit_by_bundle_is_reported_and_the_row_restored(
    hub_store: HubStore, tmp_path: Path
) -> None:
    from casa_desk.store.reference import reference_rows

    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    category = reference_rows()["categories"][0]["id"]
    before = row(a, "categories", category)["label"]
    with a.transaction() as j:
        j.update("categories", category, {"label": "Etichetta locale"})
    round_trip(hub_store, a, tmp_path, "ref")
    assert row(a, "categories", category)["label"] == before
    reasons = [r["reason"] for r in a.query("SELECT reason FROM sync_rejections")]
    assert len(reasons) == 1 and "sede" in reasons[0]


def test_a_reply_from_before_the_hubs_restore_is_refused(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """After ``hub new-epoch`` (a restore), a reply bundle of the ended epoch that turns up
    later would move the office's acknowledgement, cursor and epoch back: it is refused."""
    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    contact(a, person(a, last_name="Prima")["id"])
    export_bundle(a, tmp_path / "old.casa")
    hub_import_bundle(hub_store, tmp_path / "old.casa", tmp_path / "old-reply.casa")
    hub_store.new_epoch()  # head office restored its hub
    contact(a, person(a, last_name="Dopo")["id"])
    round_trip(hub_store, a, tmp_path, "new")
    keys = ("epoch", "acked_seq", "pull_cursor", "retired_epochs")
    after_new = {k: state(a, k) for k in keys}
    with pytest.raises(SyncError, match="prima del ripristino") as refused:
        import_reply(a, tmp_path / "old-reply.casa")
    assert refused.value.code == "bundle_stale_epoch"
    assert {k: state(a, k) for k in keys} == after_new
    assert a.pending_changes() == 0


def test_a_reply_imported_again_or_late_never_puts_an_older_row_back(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """A reply carries the hub's version of each row whose local edit it refused, to put
    back. Imported a second time (a USB stick used twice), or after a newer reply, that
    version is older than what the office has since received: it put it back all the same,
    and the newer value was lost here for good (its change counts as applied)."""
    from casa_desk.store.reference import reference_rows

    a = offline_office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = offline_office(hub_store, tmp_path / "sede.sqlite", "SEDE", head=True)
    category = reference_rows()["categories"][0]["id"]
    original = row(a, "categories", category)["label"]
    with a.transaction() as j:  # refused: reference data is head office's
        j.update("categories", category, {"label": "Etichetta locale"})
    _bundle, first_reply = round_trip(hub_store, a, tmp_path, "a1")
    assert row(a, "categories", category)["label"] == original
    with sede.transaction() as j:
        j.update("categories", category, {"label": "Etichetta della sede"})
    round_trip(hub_store, sede, tmp_path, "sede")
    round_trip(hub_store, a, tmp_path, "a2")
    assert row(a, "categories", category)["label"] == "Etichetta della sede"

    import_reply(a, first_reply)  # the first reply again
    assert row(a, "categories", category)["label"] == "Etichetta della sede"
    round_trip(hub_store, a, tmp_path, "a3")
    assert row(a, "categories", category)["label"] == "Etichetta della sede"
