"""What the front-desk window needs from the store to stay fast at 100,000 people:
indexed lookups for the person card (m002), unranked search pages, a capped outbox count."""

from __future__ import annotations

from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.search import search_people


def _plan(store: Store, sql: str, params: list) -> str:
    return " ".join(row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_card_lookups_use_indexes(store) -> None:
    merged = _plan(store, "SELECT id FROM people WHERE merged_into = ?", ["x"])
    born = _plan(
        store,
        "SELECT * FROM people WHERE deleted = 0 AND merged_into IS NULL"
        " AND birth_date = ? LIMIT 200",
        ["1980-01-01"],
    )
    assert "people_merged_into" in merged
    assert "people_birth_date" in born


def test_m002_upgrades_a_store_made_before_it(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:
        people = People(store)
        a = people.register(
            {"last_name": "Prima", "first_name": "Alba", "birth_date": "1980-01-01"},
            presidio="SAN-SIRO",
        )
        b = people.register(
            {"last_name": "Prima", "first_name": "Alba", "birth_date": "1980-01-01"},
            presidio="SAN-SIRO",
        )
        people.merge(b["id"], a["id"])
        with store.transaction():  # back to the schema before m002
            store.db.execute("DROP INDEX people_merged_into")
            store.db.execute("DROP INDEX people_birth_date")
            store.db.execute(
                "DELETE FROM _sqlite_migrations WHERE name = 'm002_people_lookup_indexes'"
            )
    with Store.open(path) as store:
        names = {
            r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
        assert {"people_merged_into", "people_birth_date"} <= names
        assert People(store).merged_ids(a["id"]) == [a["id"], b["id"]]
    assert list((tmp_path / "backups").glob("*.sqlite"))  # backed up before migrating


def test_unranked_search_pages_cover_the_same_people(store) -> None:
    people = People(store)
    for i in range(25):
        people.register({"last_name": f"Pagina{i:02d}", "first_name": "Ugo"}, presidio="SAN-SIRO")
    ranked = {r["id"] for r in search_people(store.db, "pagina", limit=100)}
    pages = [
        r["id"]
        for off in (0, 10, 20)
        for r in search_people(store.db, "pagina", limit=10, offset=off, ranked=False)
    ]
    assert len(pages) == 25 and set(pages) == ranked


def test_pending_changes_can_stop_counting(store) -> None:
    people = People(store)
    for i in range(5):
        people.register({"last_name": f"Conto{i}", "first_name": "Ivo"}, presidio="SAN-SIRO")
    total = store.pending_changes()
    assert total >= 5
    assert store.pending_changes(cap=3) == 3
    assert store.pending_changes(cap=total + 10) == total


def test_m003_search_index_has_prefixes_and_keeps_people(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:
        People(store).register(
            {
                "last_name": "Prefissi",
                "first_name": "Sole",
                "phone": "3331234567",
                "unit_code": "SS000123",
            },
            presidio="SAN-SIRO",
        )
        with store.transaction():
            store.db.execute(  # a store from before m003 (later steps run again after it)
                "DELETE FROM _sqlite_migrations WHERE name IN"
                " ('m003_people_search_prefixes', 'm008_search_phones_names_streets')"
            )
    with Store.open(path) as store:
        sql = store.db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'people_fts'"
        ).fetchone()[0]
        assert "prefix = '1 2 3'" in sql
        for typed in ("pre", "prefissi s", "333 12", "ss0001"):
            assert [r["last_name"] for r in search_people(store.db, typed)] == ["Prefissi"], typed
        # the triggers still feed the rebuilt index
        People(store).register({"last_name": "Prefissa", "first_name": "Luna"}, presidio="SAN-SIRO")
        assert len(search_people(store.db, "pref")) == 2


def test_household_by_unit_uses_an_index(store) -> None:
    plan = _plan(
        store,
        "SELECT id FROM people WHERE unit_code = ? AND id != ? AND deleted = 0"
        " AND merged_into IS NULL",
        ["SS000123", "x"],
    )
    assert "people_unit_code" in plan
