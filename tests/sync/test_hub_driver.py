"""The hub's bulk inserts store each row exactly, whatever columns it holds (hub/driver.py).

On SQLite a batch's rows are inserted grouped by the columns they hold, the others left to
their default, several rows to a statement; these tests read the rows back on both engines:
a value, a NULL, a zero and an empty text each come back as they went in, for rows of
different shapes in one call, and the change log numbers rows in the order given.
"""

from __future__ import annotations

from casa_desk.sync import protocol
from casa_desk.sync.hub import driver, schema
from casa_desk.sync.hub.driver import insert_dicts, insert_many, rows_by_id, where_in
from casa_desk.sync.hub.storage import HubStore


def test_rows_of_different_shapes_come_back_exactly(hub_db: str) -> None:
    hub = HubStore.open(hub_db)
    try:
        names = [c.name for c in schema.MIRRORS["people"].c]
        rows = [
            {"id": "p1", "presidio": "SAN-SIRO", "first_name": "Anna", "deleted": 0},
            {"id": "p2", "presidio": "SAN-SIRO", "last_name": "", "notes": None, "hlc": 7},
            {"id": "p3", "first_name": "Bruno", "deleted": 1, "phone": "02 123"},
            {"id": "p4", "presidio": "SAN-SIRO", "first_name": "Carla", "deleted": 0},
            {"id": "p5"},
        ]
        with hub.tx(lock=True) as conn:
            insert_dicts(conn, "people", names, rows)
        stored = {r["id"]: r for r in hub.rows("people") if r["id"].startswith("p")}
        assert set(stored) == {"p1", "p2", "p3", "p4", "p5"}
        for row in rows:
            assert stored[row["id"]] == {name: row.get(name) for name in names}
    finally:
        hub.close()


def test_rows_of_many_shapes_go_in_one_statement_exactly(hub_db: str) -> None:
    """More shapes than the split allows: every column named once, rows still exact."""
    hub = HubStore.open(hub_db)
    try:
        mirror = schema.MIRRORS["people"]
        names = [c.name for c in mirror.c]
        free = [c for c in mirror.c if c.name != "id"]
        rows = [
            {"id": f"s{i}", free[i].name: 1 if free[i].type.python_type is int else "v"}
            for i in range(20)
        ]
        assert len(rows) > driver._MAX_SHAPES
        with hub.tx(lock=True) as conn:
            insert_dicts(conn, "people", names, rows)
        stored = {r["id"]: r for r in hub.rows("people") if r["id"].startswith("s")}
        for row in rows:
            assert stored[row["id"]] == {name: row.get(name) for name in names}
    finally:
        hub.close()


def test_rows_over_several_statements_come_back_exactly_and_in_order(hub_db: str) -> None:
    """More rows than one statement holds, not a multiple of it: every row once, exact,
    and the log's ``seq`` follows the order they were given in (pullers read by seq)."""
    hub = HubStore.open(hub_db)
    try:
        names = [c.name for c in schema.change_log.c if c.name != "seq"]
        per = max(1, driver._SQLITE_VALUES // len(names))
        # ids in reverse: the order given, not the ids', must set seq
        rows = [tuple(_log_value(name, i) for name in names) for i in range(3 * per + 5)]
        rows.reverse()
        with hub.tx(lock=True) as conn:
            insert_many(conn, schema.change_log.name, names, rows)
        with hub.tx() as conn:
            stored = conn.exec_driver_sql(
                f"SELECT {', '.join(names)} FROM change_log ORDER BY seq"
            ).all()
        assert [tuple(r) for r in stored] == rows
    finally:
        hub.close()


_ODD_TEXTS = ['a"b', "a\\b", "tab\there", "two\nlines", "àé€ 𝄞", "\\N", '{"k": [1, 2]}', ""]


def _log_value(name: str, i: int) -> object:
    """Row ``i``'s value for a change-log column: numbers up to 64 bits, texts that COPY
    and JSON must escape, NULLs and empty texts."""
    fixed = {
        "change_id": f"c{i:05d}",
        "hlc": protocol.MAX_INT64 - i,
        "device_seq": -i * 3,
        "data": _ODD_TEXTS[i % len(_ODD_TEXTS)],
    }
    if name in fixed:
        return fixed[name]
    if name in ("base", "operator", "presidio") and i % 3 == 0:
        return None
    if name == "scope" and i % 5 == 0:
        return ""
    return f"{name}-{(i * 7919) % 1000}"


def test_look_ups_by_id_match_any_text_exactly(hub_db: str) -> None:
    """A change id is any text up to 200 characters (the device makes it): quotes,
    backslashes, commas, braces, JSON escapes and accents must match themselves only."""
    odd = ['a"b', "a\\b", "a,b", "{a}", "a\nb", "àé€", "a\\u0041", "A", "x" * 200]
    hub = HubStore.open(hub_db)
    try:
        names = [c.name for c in schema.MIRRORS["people"].c]
        with hub.tx(lock=True) as conn:
            insert_dicts(conn, "people", names, [{"id": i, "presidio": "SAN-SIRO"} for i in odd])
        with hub.tx() as conn:
            for wanted in (odd, odd[:1], ["a", "b", "a\\\\b", "a\\nb", "[]"], []):
                found = where_in(conn, "SELECT id FROM people WHERE id", wanted)
                assert sorted(r[0] for r in found) == sorted(set(wanted) & set(odd))
                rows = rows_by_id(conn, "people", wanted)
                assert sorted(r["id"] for r in rows) == sorted(set(wanted) & set(odd))
    finally:
        hub.close()
