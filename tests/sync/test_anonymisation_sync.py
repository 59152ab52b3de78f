"""Anonymisation syncs as a change that always wins (issue 11), on SQLite and PostgreSQL hubs.

A person erased in one office and edited offline in another — *after* the erasure, so the
edit carries the newer clock — stays anonymised after both sync: at the hub (its rows, its
change log's payloads, its conflicts) and in every office, head office included.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select
from sync_helpers import HubProcess, check_invariants, contact, edit, new_office, person, quiesce

from casa_desk.models.vocab import AuditAction
from casa_desk.store import retention
from casa_desk.store.db import Store
from casa_desk.sync.hub import schema

SECRETS = ("Quintiliani", "Pescegatto", "Ornitorinco", "3471112222", "3479998888")


def _everything(store: Store) -> str:
    tables = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return "\n".join(
        repr(row) for table in tables for row in store.db.execute(f'SELECT * FROM "{table}"')
    )


def test_an_offline_edit_after_the_erasure_brings_nothing_back(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(a, last_name="Quintiliani", phone="+393471112222", birth_date="1970-05-20")
    contact(a, p["id"], summary="Colloquio Ornitorinco", notes="Parla di Pescegatto")
    quiesce([a, b, sede])
    assert b.query("SELECT last_name FROM people WHERE id = ?", [p["id"]])[0]["last_name"]

    retention.anonymise(a, p["id"], on=date(2026, 11, 30), who="op", action=AuditAction.ERASED)
    # Office B, offline, edits the person afterwards (a newer clock) and logs a contact.
    edit(b, "people", p["id"], phone="+393479998888", notes="Vive con Pescegatto")
    edit(b, "people", p["id"], last_name="Quintiliani")
    contact(b, p["id"], summary="Telefonata Ornitorinco", notes="Pescegatto richiama")
    a_first = [a, b, sede]
    quiesce(a_first)

    for store in (a, b, sede):
        row = store.query("SELECT * FROM people WHERE id = ?", [p["id"]])[0]
        assert row["anonymised_on"] == "2026-11-30"
        assert (row["last_name"], row["phone"], row["notes"]) == (None, None, None)
        assert row["birth_date"] == "1970-05"
        texts = store.query("SELECT summary, notes FROM contacts WHERE person_id = ?", [p["id"]])
        assert texts and all(t == {"summary": None, "notes": None} for t in texts)
        everything = _everything(store)
        for word in SECRETS:
            where = [line[:80] for line in everything.splitlines() if word in line]
            assert not where, (store.presidio, word, where)
    # Head office sees both offices' contacts, kept as statistics.
    assert len(sede.query("SELECT id FROM contacts WHERE person_id = ?", [p["id"]])) == 2

    hs = hub.store()
    try:
        with hs.tx(readonly=True) as conn:
            hub_text = []
            for table in (*schema.MIRRORS.values(), schema.change_log, schema.conflicts):
                hub_text += [repr(tuple(r)) for r in conn.execute(select(table))]
        dump = "\n".join(hub_text)
        for word in SECRETS:
            assert word not in dump, word
        hub_person = next(r for r in hs.rows("people") if r["id"] == p["id"])
        assert hub_person["anonymised_on"] == "2026-11-30" and hub_person["last_name"] is None
    finally:
        hs.close()
    check_invariants(hub, [a, b, sede])


def test_a_new_office_pulling_the_log_later_never_sees_the_old_values(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, last_name="Quintiliani", phone="+393471112222")
    quiesce([a])
    retention.anonymise(a, p["id"], on=date(2026, 11, 30), who="op", action=AuditAction.ERASED)
    quiesce([a])
    late = new_office(hub, tmp_path / "late.sqlite", "MAZZINI")
    quiesce([late])
    row = late.query("SELECT last_name, anonymised_on FROM people WHERE id = ?", [p["id"]])
    assert row == [{"last_name": None, "anonymised_on": "2026-11-30"}]
    everything = _everything(late)
    for word in SECRETS:
        assert word not in everything, word
    check_invariants(hub, [a, late])
