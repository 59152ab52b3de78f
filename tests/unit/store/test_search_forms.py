"""Search finds what the desk has in front of it (issue 9, item 11): a phone however it is
written or only its last digits, surnames without their apostrophe or space, streets; and
m007 brings an existing store's index there."""

from __future__ import annotations

from pathlib import Path

import pytest

from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.search import count_people, search_people

PEOPLE = (
    # last, first, phone, street, civic
    ("D'Angelo", "Rita", "+393517689055", "Via Paravia", "46"),
    ("De Rosa", "Franco", "3331112222", "Piazzale Selinunte", "3"),
    ("Del Rosario", "Maricel", "3401234567", "Via Zamagna", "12"),
    ("Rossi", "Paola", "02 4001 2345", "Via Rossi", "1"),
    ("Bianchi", "Luca", "+212 612345678", "Via Paravia", "9"),
)


def _register(store: Store) -> dict[str, str]:
    people, ids = People(store), {}
    for last, first, phone, street, civic in PEOPLE:
        row = people.register(
            {
                "last_name": last,
                "first_name": first,
                "phone": phone,
                "street": street,
                "civic": civic,
            },
            presidio="SAN-SIRO",
        )
        ids[last] = row["id"]
    return ids


def _found(store: Store, text: str) -> list[str]:
    return [r["last_name"] for r in search_people(store.db, text)]


@pytest.mark.parametrize(
    "typed",
    ["+393517689055", "+39 351 7689055", "351 768 9055", "3517689055", "7689055", "9055",
     "0039 351 7689055", "+39 351"],
)  # fmt: skip
def test_a_phone_in_any_form(store, typed) -> None:
    _register(store)
    assert _found(store, typed) == ["D'Angelo"]


def test_landlines_and_foreign_numbers(store) -> None:
    _register(store)
    assert _found(store, "02 4001 2345") == ["Rossi"]
    assert _found(store, "+39 02 40012345") == ["Rossi"]
    assert _found(store, "40012345") == ["Rossi"]
    assert _found(store, "+212 612345678") == ["Bianchi"]
    assert _found(store, "00212612345678") == ["Bianchi"]


def test_surnames_without_apostrophes_or_spaces(store) -> None:
    _register(store)
    assert _found(store, "dangelo") == ["D'Angelo"]
    assert _found(store, "d'angelo") == ["D'Angelo"]
    assert _found(store, "d angelo rita") == ["D'Angelo"]
    assert _found(store, "derosa") == ["De Rosa"]
    assert _found(store, "de rosa") == ["De Rosa", "Del Rosario"]  # exact one first
    assert _found(store, "delros") == ["Del Rosario"]


def test_streets_and_civic_numbers_but_names_first(store) -> None:
    _register(store)
    assert sorted(_found(store, "paravia")) == ["Bianchi", "D'Angelo"]
    assert _found(store, "paravia 46") == ["D'Angelo"]
    assert _found(store, "zamagna") == ["Del Rosario"]
    # "rossi" is a surname and a street: the person named Rossi first, whoever lives there
    assert _found(store, "rossi")[0] == "Rossi"
    assert count_people(store.db, "via") == 4


def test_edits_are_searchable_at_once(store) -> None:
    ids = _register(store)
    People(store).update(ids["Rossi"], {"phone": "3209998877", "street": "Via Dolomiti"})
    assert _found(store, "8877") == ["Rossi"]
    assert _found(store, "dolomiti") == ["Rossi"]
    assert _found(store, "40012345") == []


def test_m007_rebuilds_an_existing_stores_index(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    _register(store)
    with store.transaction():  # back to the index of m003, as a store of the last version
        store.db.execute("DROP TABLE people_fts")
        store.db.execute(
            "CREATE VIRTUAL TABLE people_fts USING fts5(last_name, first_name, codice_fiscale,"
            " phone, unit_code, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
        )
        store.db.execute(
            "INSERT INTO people_fts (rowid, last_name, first_name, codice_fiscale, phone,"
            " unit_code) SELECT rowid, last_name, first_name, codice_fiscale,"
            " substr(phone, 4), unit_code FROM people"
        )
        store.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm008_search_phones_names_streets'"
        )
    assert _found(store, "7689055") == []  # the old index cannot do it
    store.close()
    with Store.open(path) as reopened:
        assert _found(reopened, "7689055") == ["D'Angelo"]
        assert _found(reopened, "dangelo") == ["D'Angelo"]
        assert _found(reopened, "paravia 46") == ["D'Angelo"]
        assert reopened.query("SELECT count(*) AS n FROM people_fts")[0]["n"] == len(PEOPLE)
