"""m007_registry_edits, applied to a store of the previous schema with data in it."""

from __future__ import annotations

from pathlib import Path

from casa_desk.store.db import Store


def test_m007_adds_the_registry_edits_table_and_keeps_the_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    with store.transaction() as j:
        person = j.insert("people", {"last_name": "Prima"}, presidio="MAZZINI")
        # back to the schema before m007
        store.db.execute("DROP TABLE sync_registry_edits")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_registry_edits'")
    store.close()
    store = Store.open(path)
    assert store.query("SELECT last_name FROM people WHERE id = ?", [person["id"]]) == [
        {"last_name": "Prima"}
    ]
    with store.transaction():
        store.db.execute(
            "INSERT INTO sync_registry_edits (change_id, row_id, office, device_id, hlc, fields,"
            " received_at) VALUES ('c', ?, 'SAN-SIRO', 'd', 1, '{}', 'now')",
            [person["id"]],
        )
    names = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "sync_registry_edits_row" in names
    store.close()
