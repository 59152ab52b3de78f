"""Every trigger's statements find their rows by index: none reads a table that grows with
the store from end to end.

A trigger runs for each row written, locally and by sync. A statement in it that scans
``contacts`` costs what the whole table costs: on the 1,000,000-contact store, the m015
first-seen triggers did that for every correction (their pairs came from a compound
``UNION ALL`` subquery, which SQLite does not drive an index with), 0.65 s each, most of the
demo builder's fifty minutes and of any pull that brings corrections. These tests read
SQLite's own query plan for each statement (``NEW.x``/``OLD.x`` bound as parameters), so a
slow trigger fails here at any size, without a timing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from login_helpers import new_store

from casa_desk.store.connection import Connection
from casa_desk.store.schema import _FIRST_SEEN_OF

#: What a trigger may read whole: the scrub's marker (one row while a scrub runs, else none).
SMALL = {"casa_scrub"}
_ROW_REF = re.compile(r"\b(?:NEW|OLD)\.(?:\w+)\b")


def _statements(trigger_sql: str) -> list[str]:
    """The trigger's WHEN condition (as a SELECT) and the statements of its body."""
    head, _, body = trigger_sql.partition(" BEGIN")
    found = []
    when = re.search(r"\bWHEN\b(.*)$", head, flags=re.S)
    if when:
        found.append(f"SELECT {when.group(1)}")
    body = body.rsplit("END", 1)[0]
    found += [s.strip() for s in body.split(";") if s.strip()]
    return [s for s in found if "RAISE(" not in s]


def _scans(conn: Connection, statement: str) -> list[str]:
    """The plan's full reads of a table (by any alias), but for :data:`SMALL` ones, a
    statement's own constant rows and subqueries, and a search index read by its rowid."""
    sql = _ROW_REF.sub("?", statement)
    plan = conn.execute(f"EXPLAIN QUERY PLAN {sql}", [None] * sql.count("?")).fetchall()
    return [
        detail
        for *_, detail in plan
        if detail.startswith("SCAN ")
        and detail != "SCAN CONSTANT ROW"
        and not detail.startswith("SCAN (subquery-")
        and detail.split()[1] not in SMALL
        and not re.search(r"VIRTUAL TABLE INDEX \d+:\S", detail)
    ]


@pytest.fixture(scope="module")
def triggers(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    path = Path(tmp_path_factory.mktemp("plans")) / "store.sqlite"
    store = new_store(path)
    try:
        conn = store.journal.db.conn
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()
        return [(name, sql) for name, sql in rows]
    finally:
        store.close()


def test_the_store_has_the_triggers_this_test_reads(triggers) -> None:
    names = {name for name, _ in triggers}
    for expected in ("casa_first_seen_amend", "casa_summary_update", "casa_guard_contacts_insert"):
        assert expected in names
    assert sum(len(_statements(sql)) for _, sql in triggers) > 50


def test_no_trigger_statement_scans_a_growing_table(triggers, tmp_path: Path) -> None:
    store = new_store(tmp_path / "s.sqlite")
    try:
        conn = store.journal.db.conn
        slow = {
            f"{name}: {statement[:120]}": scans
            for name, sql in triggers
            for statement in _statements(sql)
            if (scans := _scans(conn, statement))
        }
    finally:
        store.close()
    assert slow == {}


def test_the_check_sees_a_scan_behind_an_alias(tmp_path: Path) -> None:
    """What the m015 triggers did: pairs from a compound subquery, every contact read."""
    store = new_store(tmp_path / "s.sqlite")
    try:
        conn = store.journal.db.conn
        pair = "SELECT t.person_id, t.presidio FROM contacts t WHERE t.id = NEW.amends_id"
        of = "(c.person_id, c.presidio) IN ({})".format
        compound = _FIRST_SEEN_OF.format(
            pairs=of(f"SELECT NEW.person_id, NEW.presidio UNION ALL {pair}")
        )
        assert _scans(conn, compound)
        single = _FIRST_SEEN_OF.format(pairs=of(pair))
        assert _scans(conn, single) == []
    finally:
        store.close()
