"""m011_sync_outbox_operator, applied to a store of the previous schema with data in it, and
the journal's stamp of who made each change."""

from __future__ import annotations

from pathlib import Path

from casa_desk.store.db import Store
from casa_desk.sync import protocol


def _outbox(store: Store) -> list[tuple[str, str | None]]:
    return [
        (r[0], r[1])
        for r in store.db.execute("SELECT row_id, operator FROM sync_outbox ORDER BY seq")
    ]


def test_m008_adds_the_operator_column_and_keeps_the_outbox(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    store.set_meta("operator", "op.anna")
    with store.transaction() as j:
        person = j.insert("people", {"last_name": "Prima"}, presidio="MAZZINI")
        # back to the schema before m008
        store.db.execute("ALTER TABLE sync_outbox DROP COLUMN operator")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_sync_outbox_operator'")
    store.close()
    store = Store.open(path)
    assert _outbox(store) == [(person["id"], None)]  # made before: nobody recorded
    with store.transaction() as j:
        j.update("people", person["id"], {"phone": "+390200000001"})
    assert _outbox(store)[-1] == (person["id"], "op.anna")
    store.close()


def test_each_change_carries_the_operator_who_made_it(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite", create=True)
    with store.transaction() as j:
        first = j.insert("people", {"last_name": "Nessuno"}, presidio="MAZZINI")
    store.set_meta("operator", "op.anna")
    with store.transaction() as j:
        j.update("people", first["id"], {"phone": "+390200000001"})
        j.insert_many("people", [{"last_name": "Molti"}], presidio="MAZZINI")
    store.set_meta("operator", "op.bruno")
    with store.transaction() as j:
        j.delete("people", first["id"])
    operators = [op for _row, op in _outbox(store)]
    assert operators[-4:] == [None, "op.anna", "op.anna", "op.bruno"]
    rows = store.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox ORDER BY seq"
    ).fetchall()
    sent = protocol.push_messages(rows, 0, lambda c: c, operator="op.bruno")[0]["changes"]
    # what nobody was recorded for goes with the desk's operator now, as before m008
    assert [c.get("operator") for c in sent][-4:] == ["op.bruno", "op.anna", "op.anna", "op.bruno"]
    store.close()
