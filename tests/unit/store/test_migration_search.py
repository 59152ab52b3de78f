"""Which search indexes each migration keeps (``casa_desk.store.schema.migration``).

After an upgrade the store rebuilds only the search indexes that an applied migration does not
keep (the rebuild was 16 s of an 81 s upgrade at 1,000,000 contacts). A wrong mark would leave
an index that finds the wrong rows, or none, until the next rebuild. So every mark is checked
on a store filled at the schema just before its migration: the migration alone is applied, with
no trigger and no rebuild, and each index it says it keeps must hold exactly what a rebuild
puts there — every term at every position of every row (``fts5vocab``), people_fts's own copy
of the values, and for contacts_fts (external content) FTS5's ``integrity-check`` against the
table. Triggers are off during the migration, so a migration that writes people or contacts
must not claim to keep their index even if the old triggers would have followed its writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from casa_desk.store import schema
from casa_desk.store.connection import Connections, DatabaseError
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People

NAMES = [m.name for m in schema.migrations._migrations]  # noqa: SLF001 - no public accessor
KEEPING = [name for name in NAMES if schema.kept_search(name)]

#: Columns of people and contacts that a later migration adds (m001 builds today's tables):
#: dropped from a store built "before" that migration, as the previous version had none.
ADDED_COLUMNS = {
    "m012_rights_anonymised": ("people", "anonymised_on"),
    "m020_people_erasure_hashes": ("people", "erasure_hashes"),
}

SURNAMES = ["D'Angelo", "De Rosa", "Rossi-Bianchi", "Nguyễn", "Lo Presti", "D’Amico", None]
PHONES = ["+39 351 768 9055", "+393331234567", "02 4001 2345", "+44 20 7946 0958", None]
STREETS = [("Via Paravia", "46"), ("Piazza Selinunte", None), (None, "3"), (None, None)]
WORDS = ["sfratto", "morosità", "caldaia", "muffa", "ascensore", "bollette", "vicini"]


def _store_before(path: Path, name: str | None) -> Database:
    """A plain store at the schema just before migration ``name`` (None: today's), filled
    with people and contacts, both search indexes as a rebuild leaves them, no trigger."""
    db = Connections(path).writer()
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    if name:
        schema.migrations.apply(db, stop_before=name)
    else:
        schema.migrations.apply(db)
    for later, (table, column) in ADDED_COLUMNS.items():
        if name and NAMES.index(later) >= NAMES.index(name):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    _fill(db)
    _rebuild_as_defined(db, schema.SEARCH_INDEXES)
    return db


def _insert(db: Database, table: str, rowid: int, row: dict[str, Any]) -> None:
    columns = db[table].columns_dict  # type: ignore[union-attr]
    row = {k: v for k, v in row.items() if k in columns}
    names = ", ".join(["rowid", *row])
    marks = ", ".join("?" for _ in range(len(row) + 1))
    db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [rowid, *row.values()])


def _fill(db: Database, people: int = 60, contacts: int = 240) -> None:
    """Rows with rowids out of step with their insertion and with gaps (a renumbering
    shows), every kind of value the indexes transform, tombstones and merged people."""
    sync = {"scope": "shared", "created_at": "t", "updated_at": "t", "hlc": 1, "origin": "d"}
    for k in range(people):
        street, civic = STREETS[k % len(STREETS)]
        _insert(
            db,
            "people",
            1000 - 7 * k,
            {
                **sync,
                "id": f"p{k:03}",
                "presidio": "SAN-SIRO" if k % 3 else "MAZZINI",
                "first_name": ["Anna", "Ćiro", "José", None][k % 4],
                "last_name": SURNAMES[k % len(SURNAMES)],
                "codice_fiscale": f"RSSMRA8{k % 10}A01F205X" if k % 5 else None,
                "phone": PHONES[k % len(PHONES)],
                "street": street,
                "civic": civic,
                "unit_code": f"U-{k:04}" if k % 2 else None,
                "deleted": int(k % 9 == 4),
                "merged_into": "p000" if k % 11 == 5 else None,
                "notes": f"note {WORDS[k % len(WORDS)]}",
            },
        )
    for k in range(contacts):
        _insert(
            db,
            "contacts",
            3 * k + 11 + (k % 5) * 1000,
            {
                **sync,
                "id": f"c{k:04}",
                "presidio": "SAN-SIRO",
                "person_id": f"p{k % people:03}" if k % 13 else None,
                "occurred_at": f"2026-0{1 + k % 9}-1{k % 10}T09:00:00.000Z",
                "category": "altro",
                "channel": "sportello",
                "summary": f"{WORDS[k % len(WORDS)]} {WORDS[(k * 3) % len(WORDS)]} n{k}",
                "notes": None if k % 4 == 0 else f"richiamare {WORDS[(k + 2) % len(WORDS)]}",
                "deleted": int(k % 17 == 3),
                "sensitive": int(k % 19 == 0),
                "amends_id": f"c{k - 1:04}" if k % 23 == 1 else None,
            },
        )


def _rebuild_as_defined(db: Database, indexes: frozenset[str]) -> None:
    """Each index rebuilt as the store at hand defines it: people_fts of today, or the one
    of m001-m007 (whose rebuild is m003's), and contacts_fts (unchanged since m001)."""
    people_columns = {row[1] for row in db.execute("PRAGMA table_info(people_fts)")}
    if "people_fts" in indexes and "name_joined" not in people_columns:
        schema.m003_people_search_prefixes(db)
        indexes -= {"people_fts"}
    schema.rebuild_search(db, indexes)


def _index_content(db: Database, index: str) -> tuple[list[Any], list[Any]]:
    """Every (term, row, column, position) the index holds, and its own copy of the values
    (people_fts; contacts_fts reads them from ``contacts``)."""
    db.execute(f"CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, {index}, 'instance')")
    try:
        terms = db.execute('SELECT term, doc, col, "offset" FROM temp.terms ORDER BY 1, 2, 3, 4')
        held = terms.fetchall()
    finally:
        db.execute("DROP TABLE temp.terms")
    if index != "people_fts":
        return held, []
    return held, db.execute("SELECT rowid, * FROM people_fts ORDER BY rowid").fetchall()


def _unlike_a_rebuild(db: Database, indexes: frozenset[str]) -> set[str]:
    """The ``indexes`` whose content is not what a rebuild now puts there."""
    differ = set()
    for index in sorted(indexes):
        try:  # the index against its content (for contacts_fts: the contacts table)
            db.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        except DatabaseError:
            differ.add(index)
        before = _index_content(db, index)
        _rebuild_as_defined(db, frozenset({index}))
        if _index_content(db, index) != before:
            differ.add(index)
    return differ


def _apply_only(db: Database, name: str) -> None:
    following = NAMES[NAMES.index(name) + 1 :]
    schema.migrations.apply(db, stop_before=following[:1])
    assert [m.name for m in schema.migrations.pending(db)] == following


def test_the_migrations_that_do_not_keep_both_indexes_are_these() -> None:
    """The marks as read from each migration (the next test checks each on data). A new
    migration that needs a rebuild is added here, on purpose: an upgrade that brings it
    costs the rebuild (16 s at 1,000,000 contacts)."""
    not_keeping = {
        name: schema.SEARCH_INDEXES - schema.kept_search(name)
        for name in NAMES
        if schema.kept_search(name) != schema.SEARCH_INDEXES
    }
    assert not_keeping == {
        "m001_initial": {"people_fts", "contacts_fts"},  # creates them (a new store only)
        "m003_people_search_prefixes": {"people_fts"},  # rewrites it
        "m008_search_phones_names_streets": {"people_fts"},  # rewrites it, new values
    }


@pytest.mark.parametrize("name", KEEPING)
def test_a_migration_leaves_the_indexes_it_keeps_as_a_rebuild_would(
    tmp_path: Path, name: str
) -> None:
    db = _store_before(tmp_path / "s.sqlite", name)
    try:
        for index in schema.SEARCH_INDEXES:  # something to compare: rows of every kind
            assert len({row[1] for row in _index_content(db, index)[0]}) > 40
        assert _unlike_a_rebuild(db, schema.SEARCH_INDEXES) == set()  # the store as built
        _apply_only(db, name)
        assert _unlike_a_rebuild(db, schema.kept_search(name)) == set()
    finally:
        db.conn.close()


def _renumber_contacts(db: Database) -> None:
    """A table rebuilt by hand: same rows, new rowids (copied newest first). Triggers
    first dropped, as SQLite's recipe for it says (the store puts them back)."""
    triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (trigger,) in triggers:
        db.execute(f"DROP TRIGGER {trigger}")
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'contacts'").fetchone()
    db.execute(sql.replace('"contacts"', "contacts_new", 1))
    columns = ", ".join(f"[{c}]" for c in db["contacts"].columns_dict)  # type: ignore[union-attr]
    db.execute(
        f"INSERT INTO contacts_new ({columns}) SELECT {columns} FROM contacts ORDER BY id DESC"
    )
    db.execute("DROP TABLE contacts")
    db.execute("ALTER TABLE contacts_new RENAME TO contacts")


BROKEN: dict[str, tuple[Callable[[Database], object], str]] = {
    "contacts rebuilt by hand": (_renumber_contacts, "contacts_fts"),
    "people renumbered": (
        lambda db: db.execute("UPDATE people SET rowid = rowid + 5"),
        "people_fts",
    ),
    "a street written": (
        lambda db: db.execute("UPDATE people SET street = 'Via Ripamonti'"),
        "people_fts",
    ),
    "phones normalised": (
        lambda db: db.execute("UPDATE people SET phone = replace(phone, ' ', '')"),
        "people_fts",
    ),
    "a note written": (
        lambda db: db.execute("UPDATE contacts SET notes = 'nessuna'"),
        "contacts_fts",
    ),
}


@pytest.mark.parametrize("broken", BROKEN)
def test_the_check_catches_a_migration_that_breaks_an_index(tmp_path: Path, broken: str) -> None:
    """The check above is not blind: a migration that renumbers rows or writes indexed
    values, marked as keeping the indexes, is caught."""
    step, index = BROKEN[broken]
    db = _store_before(tmp_path / "s.sqlite", None)
    try:
        db.execute("BEGIN")
        step(db)
        db.execute("COMMIT")
        assert _unlike_a_rebuild(db, schema.SEARCH_INDEXES) == {index}
    finally:
        db.conn.close()


# -- the upgrade: Store.open rebuilds what the applied migrations do not keep --------------


@pytest.fixture
def test_migrations(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Migrations registered by a test are forgotten after it."""
    monkeypatch.setattr(schema.migrations, "_migrations", list(schema.migrations._migrations))  # noqa: SLF001
    monkeypatch.setattr(schema, "_KEEPS_SEARCH", dict(schema._KEEPS_SEARCH))  # noqa: SLF001
    yield


def _filled_store(path: Path) -> None:
    with Store.open(path, create=True) as store:
        person = People(store).register(
            {"first_name": "Ada", "last_name": "Trovata", "phone": "+39 351 768 9055"},
            presidio="SAN-SIRO",
        )
        for summary in ("caldaia rotta", "muffa in cucina", "bollette arretrate"):
            Contacts(store).log(
                {"person_id": person["id"], "category": "altro", "summary": summary},
                presidio="SAN-SIRO",
                operator="op",
            )


def _found(store: Store) -> dict[str, int]:
    people = "SELECT count(*) FROM people_fts WHERE people_fts MATCH 'trovata'"
    contacts = "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'caldaia'"
    return {
        "people_fts": store.db.execute(people).fetchone()[0],
        "contacts_fts": store.db.execute(contacts).fetchone()[0],
    }


@pytest.mark.parametrize(
    ("keeps", "rebuilt"),
    [
        (False, {"people_fts": 1, "contacts_fts": 1}),
        ({"contacts_fts"}, {"people_fts": 1, "contacts_fts": 0}),
        ({"people_fts"}, {"people_fts": 0, "contacts_fts": 1}),
        (True, {"people_fts": 0, "contacts_fts": 0}),
    ],
)
@pytest.mark.usefixtures("test_migrations")
def test_an_upgrade_rebuilds_the_indexes_its_migrations_do_not_keep(
    tmp_path: Path, keeps: bool | set[str], rebuilt: dict[str, int]
) -> None:
    """Both indexes are emptied behind the store's back (as a migration that renumbered
    their rows would leave them unusable); a new version brings one migration marked
    ``keeps``. The indexes it does not keep are rebuilt at open: found again; the ones it
    keeps are not touched (still empty)."""
    path = tmp_path / "s.sqlite"
    _filled_store(path)
    conn = Connections(path).writer().conn
    conn.execute("DELETE FROM people_fts")
    conn.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('delete-all')")
    conn.close()

    @schema.migration(keeps_search=keeps, name="m999_test_table")
    def _new_table(db: Database) -> None:
        db.execute("CREATE TABLE test_new (x)")

    with Store.open(path) as store:
        assert _found(store) == rebuilt
        assert list((tmp_path / "backups").glob("s-before-migration-*.sqlite"))


@pytest.mark.usefixtures("test_migrations")
def test_a_migration_that_does_not_say_gets_both_indexes_rebuilt(tmp_path: Path) -> None:
    """The safe default: ``@migrations()`` as before, or ``@migration()`` without a mark —
    here one that rebuilds ``contacts`` by hand, renumbering its rows."""
    path = tmp_path / "s.sqlite"
    _filled_store(path)
    schema.migrations(name="m998_test_renumber")(_renumber_contacts)
    with Store.open(path) as store:
        row = store.db.execute(
            "SELECT c.summary FROM contacts_fts f JOIN contacts c ON c.rowid = f.rowid"
            " WHERE contacts_fts MATCH 'caldaia'"
        ).fetchall()
        assert row == [("caldaia rotta",)]
        with store.transaction():  # the index against the table (raises if it differs)
            store.db.execute(
                "INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 1)"
            )


def test_rows_written_while_the_search_triggers_were_off_are_indexed_at_the_next_open(
    tmp_path: Path,
) -> None:
    """A bulk load that stopped half-way leaves the search triggers off (suspend_search)
    and rows missing from the index: no migration is pending, but the next open puts the
    triggers back and rebuilds the indexes whose triggers it had to restore."""
    path = tmp_path / "s.sqlite"
    Store.open(path, create=True).close()
    with Store.open(path) as store:
        with store.transaction():
            schema.suspend_search(store.db)
        People(store).register({"first_name": "Ada", "last_name": "Trovata"}, presidio="SAN-SIRO")
    with Store.open(path) as store:
        assert _found(store)["people_fts"] == 1


def test_a_name_that_is_no_search_index_is_refused() -> None:
    with pytest.raises(ValueError, match="peoples_fts"):
        schema.migration(keeps_search={"peoples_fts"})
