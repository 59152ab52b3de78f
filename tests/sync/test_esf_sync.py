"""Issue 13 across offices, against a real hub: head office's programme setting reaches
every office and only head office may change it; one ESF enrolment per person found by the
keyed hash of the codice fiscale, and head office lists duplicates without names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import HubProcess, check_invariants, new_office, person, quiesce, row, sync

from casa_desk.cli import main
from casa_desk.models.codice_fiscale import make_cf, omocode
from casa_desk.models.esf import cf_hash
from casa_desk.store.participants import KEY_STATE, Participants
from casa_desk.store.settings import Settings, read_setting
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.sync.hub.storage import HubStore
from casa_desk.sync.status import rejections

CF = make_cf("Esempio", "Ada", date(1980, 5, 3), "F", "F205")
ENTRY = {"entered_on": "2026-03-01", "employment_status": "unemployed", "education_isced": "0-2"}


def test_head_office_chooses_the_programme_and_offices_cannot(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hq = new_office(hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    Settings(hq).set("esf.programme", "2014-2020")
    Settings(hq).set("esf.cup", "E41B21000000006", office="SAN-SIRO")
    quiesce([hq, a])
    assert read_setting(a.db.conn, "esf.programme", "SAN-SIRO") == "2014-2020"
    assert read_setting(a.db.conn, "esf.cup", "SAN-SIRO") == "E41B21000000006"
    # An office that writes a setting anyway (bypassing the repository) is refused at
    # the hub with a reason, and no other desk ever sees its value.
    setting = a.query("SELECT id FROM settings WHERE key = 'esf.programme'")[0]["id"]
    with a.transaction() as journal:
        journal.update("settings", setting, {"value": "2021-2027"})
    sync(a)
    assert [(r["table_name"], "sede" in r["reason"]) for r in rejections(a)] == [("settings", True)]
    sync(hq)
    assert read_setting(hq.db.conn, "esf.programme") == "2014-2020"
    hub_store = hub.store()
    try:
        hub_rows = {r["key"]: r["value"] for r in hub_store.rows("settings") if not r["office"]}
    finally:
        hub_store.close()
    assert hub_rows["esf.programme"] == "2014-2020"


def test_one_enrolment_per_codice_fiscale_and_duplicates_without_names(
    sqlite_hub: HubProcess, tmp_path: Path, capsys
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    c = new_office(sqlite_hub, tmp_path / "c.sqlite", "GRATOSOGLIO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    key = a.query("SELECT value FROM sync_state WHERE key = ?", [KEY_STATE])[0]["value"]
    assert key and all(
        s.query("SELECT value FROM sync_state WHERE key = ?", [KEY_STATE])[0]["value"] == key
        for s in (b, c, hq)
    )
    # Offices a and b enrolled the same person under two person records (the code typed
    # once in its omocodic form) before their desks had the key.
    for office in (a, b):
        with office.transaction():
            office.db.execute("DELETE FROM sync_state WHERE key = ?", [KEY_STATE])
    pa = person(a, last_name="Esempio", codice_fiscale=CF)
    pb = person(b, last_name="Esempio", codice_fiscale=omocode(CF, 2))
    ea = Participants(a).enrol(pa["id"], ENTRY, presidio="SAN-SIRO")
    eb = Participants(b).enrol(pb["id"], ENTRY, presidio="MAZZINI")
    assert ea["cf_hash"] is None and eb["cf_hash"] is None
    quiesce([a, b, c, hq])  # hello hands the key back; the hashes follow in the same round
    assert row(a, "participants", ea["id"])["cf_hash"] == cf_hash(key, CF)
    assert row(hq, "participants", eb["id"])["cf_hash"] == cf_hash(key, CF)
    # Head office sees the duplicate by hash alone; the listing carries no name or code.
    hub_store = HubStore.open(sqlite_hub.db)
    try:
        groups = hub_store.esf_duplicates()
    finally:
        hub_store.close()
    assert [[(g["presidio"], g["id"]) for g in group] for group in groups] == [
        [("SAN-SIRO", ea["id"]), ("MAZZINI", eb["id"])]
    ]
    assert main(["hub", "esf-duplicates", "--db", sqlite_hub.db]) == 1
    out = capsys.readouterr().out
    assert ea["id"] in out and eb["id"] in out and "MAZZINI" in out
    assert "Esempio" not in out and CF not in out and CF[:6] not in out
    # A third office, its desk holding the key, enrols a third record of the same person:
    # the hub refuses it by hash, though the person row is new to it.
    pc = person(c, last_name="Esempio", codice_fiscale=omocode(CF, 5))
    ec = Participants(c).enrol(pc["id"], ENTRY, presidio="GRATOSOGLIO")
    assert ec["cf_hash"] == cf_hash(key, CF)
    sync(c)
    assert [(r["table_name"], r["row_id"]) for r in rejections(c)] == [("participants", ec["id"])]
    assert "già iscritta" in rejections(c)[0]["reason"]
    quiesce([a, b, hq])
    assert row(hq, "participants", ec["id"]) is None
    check_invariants(sqlite_hub, [a, b, hq])


def test_an_older_hub_gets_the_new_columns(tmp_path: Path) -> None:
    """A hub database made before m006 gains the participants' new columns and the key."""
    import sqlite3

    from sqlalchemy import inspect

    db = tmp_path / "old-hub.sqlite"
    HubStore.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE participants DROP COLUMN cf_hash")
    conn.execute("ALTER TABLE participants DROP COLUMN followup_improved")
    conn.execute("DELETE FROM hub_meta WHERE key = 'esf_key'")
    conn.commit()
    conn.close()
    hub = HubStore.open(db)
    try:
        with hub.tx() as tx:
            names = {c["name"] for c in inspect(tx).get_columns("participants")}
            assert {"cf_hash", "followup_improved"} <= names
            assert len(hub.esf_key(tx)) >= 43
    finally:
        hub.close()
