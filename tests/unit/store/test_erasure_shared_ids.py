"""Ids are unique per table, not across tables: an erasure scrubs rows by table and id.

An office may give its own contact the id of another office's person (the hub accepts it:
each table keeps its own ids). Head office's store pulls both; when the contact's person is
anonymised, the scrub matched the audit log, the outbox's payloads, conflicts and registry
edits by id alone, and so erased the other person's log payload and the break-glass reasons
about her too. The same flaw was mended at the hub (tests/sync/test_hub_attacks.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from login_helpers import new_store

from casa_desk.models.vocab import AuditAction
from casa_desk.store.audit import record
from casa_desk.store.retention import anonymise

WHY = "visita domiciliare programmata"


def test_an_anonymisation_erases_no_other_row_that_shares_an_id(tmp_path: Path) -> None:
    store = new_store(tmp_path / "sede.sqlite")
    with store.transaction() as journal:
        other = journal.insert(
            "people", {"last_name": "Bianchi", "first_name": "Bice"}, presidio="SAN-SIRO"
        )
        record(
            journal,
            AuditAction.BREAK_GLASS,
            who="op",
            presidio="SAN-SIRO",
            table="people",
            row_id=other["id"],
            reason=WHY,
        )
        erased = journal.insert(
            "people", {"last_name": "Rossi", "first_name": "Rita"}, presidio="SAN-SIRO"
        )
        journal.insert(  # the contact carries the other person's id
            "contacts",
            {
                "id": other["id"],
                "person_id": erased["id"],
                "category": "sociale",
                "summary": "colloquio",
                "occurred_at": "2026-03-01T10:00:00.000Z",
            },
            presidio="SAN-SIRO",
        )
        store.db.execute(
            "INSERT INTO sync_conflicts (id, table_name, row_id, field, kind, winner_value,"
            " loser_value, detected_at) VALUES ('c1', 'people', ?, 'phone', 'concurrent',"
            " '\"1\"', '\"2\"', '2026-03-01T10:00:00.000Z')",
            [other["id"]],
        )
    anonymise(store, erased["id"], on=date(2026, 3, 2), who="admin", action=AuditAction.ERASED)

    (reason,) = store.db.execute(
        "SELECT reason FROM audit_log WHERE row_id = ? AND action = ?",
        [other["id"], AuditAction.BREAK_GLASS.value],
    ).fetchone()
    assert reason == WHY
    payloads = {
        table: json.loads(data)
        for table, data in store.db.execute(
            "SELECT table_name, data FROM sync_outbox WHERE row_id = ? AND op = 'insert'",
            [other["id"]],
        )
    }
    assert payloads["people"]["last_name"] == "Bianchi"  # the other person, untouched
    assert payloads["contacts"]["summary"] is None  # the erased person's contact
    assert store.db.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0] == 1
    (summary,) = store.db.execute(
        "SELECT summary FROM contacts WHERE id = ?", [other["id"]]
    ).fetchone()
    assert summary is None
