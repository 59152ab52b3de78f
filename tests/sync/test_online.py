"""Online sync against a real hub process over loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from login_helpers import new_store
from sync_helpers import (
    HubProcess,
    Watch,
    check_invariants,
    conflicts,
    contact,
    edit,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.errors import SyncError
from casa_desk.store.reference import reference_rows
from casa_desk.sync.client import SyncClient


def test_two_offices_and_head_office_share_people_and_keep_contacts_apart(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    watch = Watch()
    p = person(a, last_name="Rossi-Prova")
    c = contact(a, p["id"])
    quiesce([a, b, sede])
    assert row(b, "people", p["id"]) is not None  # the registry is shared
    assert row(b, "contacts", c["id"]) is None  # contacts stay with their office…
    assert row(sede, "contacts", c["id"]) is not None  # …and head office
    check_invariants(hub, [a, b, sede], watch)


def test_per_field_merge_and_conflict_kept_on_both_sides(hub: HubProcess, tmp_path: Path) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a, phone="+390200000001")
    quiesce([a, b])
    edit(a, "people", p["id"], phone="+390200000002", notes="nota A")
    edit(b, "people", p["id"], phone="+390200000003", street="Via Prova")
    quiesce([a, b])
    ra, rb = row(a, "people", p["id"]), row(b, "people", p["id"])
    assert ra and rb
    # different fields both survive; the same field has one deterministic winner
    assert (ra["notes"], ra["street"]) == ("nota A", "Via Prova")
    assert ra["phone"] == rb["phone"] == "+390200000003"  # b edited later
    for store in (a, b):
        found = [c for c in conflicts(store) if c["field"] == "phone"]
        assert found and found[0]["loser_value"] == '"+390200000002"'
    check_invariants(hub, [a, b])


def test_an_office_writing_another_offices_rows_is_refused_for_those_rows_only(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a)
    foreign = contact(a, p["id"], presidio="MAZZINI")  # a writes a Mazzini contact
    own = contact(a, p["id"])
    with a.transaction() as j:  # and tries to rename a seeded office
        j.update("presidi", reference_rows()["presidi"][0]["id"], {"name": "Altro nome"})
    report = sync(a)
    reasons = {r["change_id"]: r["reason"] for r in report.rejected}
    assert len(reasons) == 2
    assert any("MAZZINI" in text for text in reasons.values())
    assert any("sede" in text for text in reasons.values())
    stored = a.query("SELECT reason FROM sync_rejections")
    assert len(stored) == 2
    quiesce([a, b])
    assert row(b, "contacts", foreign["id"]) is None
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    quiesce([sede])
    assert row(sede, "contacts", own["id"]) is not None
    assert row(sede, "contacts", foreign["id"]) is None
    presidio_id = reference_rows()["presidi"][0]["id"]
    assert row(sede, "presidi", presidio_id)["name"] != "Altro nome"
    assert row(a, "presidi", presidio_id)["name"] != "Altro nome"  # the hub's version is back
    check_invariants(hub, [a, b, sede])


def test_head_office_changes_reference_data_for_everyone(hub: HubProcess, tmp_path: Path) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    service = reference_rows()["services"][0]["id"]
    with sede.transaction() as j:
        j.update("services", service, {"hours": "sempre"})
    quiesce([sede, a])
    assert row(a, "services", service)["hours"] == "sempre"
    check_invariants(hub, [a, sede])


def test_refusals_revoked_clock_skew_code_once(sqlite_hub: HubProcess, tmp_path: Path) -> None:
    from casa_desk.sync.client import enrol_online
    from casa_desk.sync.hub.devices import add_device, revoke_device

    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    with SyncClient(a, now_ms=lambda: 0) as client, pytest.raises(SyncError) as skew:
        client.sync()
    assert skew.value.code == "clock_skew"
    assert a.pending_changes() == 1  # work goes on locally; only sync waits
    sync(a)
    hs = sqlite_hub.store()
    _dev, code = add_device(hs, "MAZZINI")

    b = new_store(tmp_path / "b.sqlite", presidio=None)
    enrol_online(b, sqlite_hub.url, code)
    c = new_store(tmp_path / "c.sqlite", presidio=None)
    with pytest.raises(SyncError):
        enrol_online(c, sqlite_hub.url, code)  # a code works once
    from casa_desk.sync.apply import state

    assert revoke_device(hs, state(b, "hub_device_id") or "")
    hs.close()
    with pytest.raises(SyncError) as revoked:
        sync(b)
    assert revoked.value.code == "revoked"


def test_unreachable_hub_is_one_clear_error(tmp_path: Path, sqlite_hub: HubProcess) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sqlite_hub.stop()
    with pytest.raises(SyncError) as err:
        sync(a)
    assert err.value.code == "unreachable"


def test_a_refused_enrolment_does_not_block_the_queue(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Two offices each record the same person as a participant (raw journal writes, no
    repository check); the hub refuses the second, the rest of the batch flows on, and head
    office, whose store allows one participant row per person, stays in sync."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    sede = new_office(sqlite_hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(a)
    quiesce([a, b])
    for store in (a, b):
        with store.transaction() as j:
            j.insert(
                "participants",
                {"person_id": p["id"], "entered_on": "2026-02-01"},
                presidio=store.presidio or "",
            )
    later = person(b, last_name="Dopo")
    quiesce([a, b])
    report = sync(sede)
    assert report.in_sync
    assert row(sede, "people", later["id"]) is not None  # the queue went on
    assert sede.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 1


def test_an_office_adds_its_own_services_and_head_office_gets_its_referrals(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A local directory entry travels with the referrals that point at it; public entries
    stay head office's."""
    from casa_desk.store.consents import Consents, referral_purpose
    from casa_desk.store.directory import Directory
    from casa_desk.store.referrals import Referrals
    from casa_desk.sync.status import rejections

    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", "SEDE", head_office=True)
    other = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(office)
    service = Directory(office).save_service(
        {"name": "CAF di quartiere", "kind": "casa"}, presidio="SAN-SIRO"
    )
    Consents(office).give(
        p["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referral = Referrals(office).create(
        person_id=p["id"], service_id=service["id"], reason="Pratica", presidio="SAN-SIRO", by="op"
    )
    Referrals(office).step(referral["id"], "sent", by="op")
    public = office.query("SELECT id FROM services WHERE code = '1522'")[0]["id"]
    Directory(office).set_active(public, False)  # not this office's to change
    quiesce([office, hq, other])
    assert row(hq, "referrals", referral["id"])["service_id"] == service["id"]
    assert row(hq, "services", service["id"])["name"] == "CAF di quartiere"
    # an office's own entry stays in its own directory (a fake "1522" never reaches others)
    assert row(other, "services", service["id"]) is None
    assert row(office, "services", public)["active"] == 1  # the hub's version came back
    assert [r["table_name"] for r in rejections(office)] == ["services"]
    # an office cannot put an entry in the shared directory itself…
    fake = Directory(office).save_service({"name": "1522 antiviolenza", "kind": "antiviolenza"})
    # …head office can: a shared copy every desk sees
    shared = Directory(hq).share_service(service["id"])
    quiesce([office, hq, other])
    assert row(other, "services", fake["id"]) is None
    assert "solo la sede" in rejections(office)[0]["reason"].lower()
    assert row(other, "services", shared["id"])["name"] == "CAF di quartiere"
    assert row(office, "services", shared["id"])["scope"] == "shared"
    Directory(other).set_active(shared["id"], False)  # and only head office changes it
    quiesce([office, hq, other])
    assert row(other, "services", shared["id"])["active"] == 1
    check_invariants(sqlite_hub, [office, hq, other])


def test_acked_changes_are_pruned_after_the_retention_only(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from casa_desk.sync.client import OUTBOX_RETENTION_DAYS, prune_outbox

    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(office)
    with office.transaction():  # nothing acked yet: nothing may go, however old
        assert prune_outbox(office, now=datetime.now(UTC) + timedelta(days=400)) == 0
    sync(office)
    with office.transaction():  # acked, but recent: kept for a restored hub
        assert prune_outbox(office) == 0
    person(office)  # a new change, not yet acked
    later = datetime.now(UTC) + timedelta(days=OUTBOX_RETENTION_DAYS + 1)
    with office.transaction():
        assert prune_outbox(office, now=later) == 1
    assert office.pending_changes() == 1
    sync(office)  # pruning breaks nothing later on
    assert office.pending_changes() == 0


def test_one_esf_enrolment_per_person_across_offices(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Two offices enrol the same person offline: the hub keeps the first, refuses the
    second with a reason, and head office stays in sync."""
    from casa_desk.store.participants import Participants
    from casa_desk.sync.status import rejections

    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", "SEDE", head_office=True)
    p = person(a)
    quiesce([a, b])
    entry = {
        "entered_on": "2026-03-01",
        "employment_status": "unemployed",
        "education_isced": "0-2",
    }
    Participants(a).enrol(p["id"], entry, presidio="SAN-SIRO")
    Participants(b).enrol(p["id"], entry, presidio="MAZZINI")
    assert sync(a).in_sync
    assert sync(b).in_sync
    assert [r["table_name"] for r in rejections(b)] == ["participants"]
    assert "già iscritta" in rejections(b)[0]["reason"]
    assert sync(hq).in_sync
    assert hq.query("SELECT presidio FROM participants") == [{"presidio": "SAN-SIRO"}]
