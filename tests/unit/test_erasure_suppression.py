"""A person erased on request (art. 17) is not registered again by a registry import.

Before, ``casa-desk person erase`` anonymised her, and the next ``casa-desk import-people`` of
Aler's tenant list — which still names her — registered her anew: her processing started
over against her will. Now the erasure keeps a keyed hash of her identifiers on her
anonymised row (store/suppression.py), the import skips her rows and says so in words,
never who; registering her again by hand at a desk clears it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from login_helpers import new_session, new_store, open_store, session_for

from casa_desk import paths
from casa_desk.cli import main
from casa_desk.imports.registry import import_people
from casa_desk.models.codice_fiscale import make_cf, omocode
from casa_desk.models.vocab import AuditAction
from casa_desk.security import rights
from casa_desk.store import retention, suppression
from casa_desk.store.people import People

SAMPLE = paths.sample_path()
SAMPLE_CF = "BRMNCL80C05F205U"  # the sample's first row (Brambillò Nicolò)
HEADER = ["cognome", "nome", "codice_fiscale", "data_nascita", "sesso"]


def person(last: str, first: str, born: date, sex: str) -> dict[str, str]:
    """One export row with a valid codice fiscale (born in Milan)."""
    return {
        "cognome": last,
        "nome": first,
        "codice_fiscale": make_cf(last, first, born, sex, "F205"),
        "data_nascita": born.strftime("%d/%m/%Y"),
        "sesso": sex,
    }


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    """A real registry export (``;``, CRLF)."""
    lines = [";".join(HEADER)] + [";".join(r[c] for c in HEADER) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


SKIPPED = "1 persona non importata: cancellata su sua richiesta (art. 17 GDPR)."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.sqlite"
    new_store(path).close()
    return path


def test_the_cli_reimport_of_the_registry_skips_a_person_erased_on_request(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import-people", str(SAMPLE), "--db", str(db)]) == 2  # 3 bad rows, as shipped
    assert "Importate 7 nuove persone" in capsys.readouterr().out
    erased = main(
        [
            *["person", "erase", "--db", str(db), "--cf", SAMPLE_CF],
            *["--reason", "richiesta n. 12", "--yes"],
        ]
    )
    assert erased == 0
    capsys.readouterr()

    assert main(["import-people", str(SAMPLE), "--db", str(db), "--dry-run"]) == 2
    preview = capsys.readouterr().out
    assert "1 persona non sarebbe importata: cancellata su sua richiesta" in preview
    assert main(["import-people", str(SAMPLE), "--db", str(db)]) == 2
    out = capsys.readouterr().out
    assert "Importate 0 nuove persone, aggiornate 0, invariate 6, scartate 3 righe." in out
    assert SKIPPED in out
    assert "Brambill" not in out and SAMPLE_CF not in out and "Nicol" not in out
    with open_store(db) as store:
        assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 7
        assert not store.query("SELECT id FROM people WHERE codice_fiscale = ?", [SAMPLE_CF])
        kept = store.query("SELECT * FROM people WHERE anonymised_on IS NOT NULL")
        assert len(kept) == 1 and kept[0]["last_name"] is None
        hashes = kept[0]["erasure_hashes"].split()
        assert [h.split(":")[0] for h in hashes] == ["cf", "nd"]
        assert all(len(h) == 35 for h in hashes) and SAMPLE_CF not in kept[0]["erasure_hashes"]
        # the key is the desk's own (never paired), kept with the sync secrets, not the row
        assert suppression.keys(store.db) == [
            store.db.execute(
                "SELECT value FROM sync_state WHERE key = ?", [suppression.LOCAL_KEY_STATE]
            ).fetchone()[0]
        ]


def _ada_rows() -> list[dict[str, str]]:
    return [person("Sbrindelli", "Ada", date(1961, 2, 14), "F")]


def test_her_omocodic_code_or_a_row_without_code_is_recognised_a_namesake_is_not(
    tmp_path: Path,
) -> None:
    session = new_session(tmp_path / "store.sqlite")
    store = session.store
    first = write(tmp_path / "a.csv", _ada_rows())
    import_people(store, first, by="t")
    ada = store.query("SELECT id, codice_fiscale FROM people")[0]
    rights.erase_person(session, ada["id"], "richiesta scritta n. 4")
    variant = omocode(ada["codice_fiscale"], 2)
    namesake = make_cf("Sbrindelli", "Ada", date(1961, 2, 14), "F", "H501")  # born in Rome
    rows = [
        {**_ada_rows()[0], "codice_fiscale": variant},
        {**_ada_rows()[0], "codice_fiscale": ""},
        {**_ada_rows()[0], "codice_fiscale": namesake},
    ]
    result = import_people(store, write(tmp_path / "b.csv", rows), by="t")
    assert (result.created, result.suppressed, result.rejected) == (1, 2, 0)
    assert "2 persone non importate: cancellate su loro richiesta (art. 17 GDPR)." in (
        result.summary()
    )
    assert store.query("SELECT codice_fiscale FROM people WHERE last_name IS NOT NULL") == [
        {"codice_fiscale": namesake}
    ]
    store.close()


def test_retention_keeps_no_hash(tmp_path: Path) -> None:
    """Retention (art. 5(1)(e)) anonymises people nobody saw for years; none asked not to be
    processed, so a later import may register them again."""
    store = new_store(tmp_path / "store.sqlite")
    import_people(store, write(tmp_path / "a.csv", _ada_rows()), by="t")
    ada = store.query("SELECT id FROM people")[0]["id"]
    retention.anonymise(store, ada, on=date(2026, 1, 5), who="t", action=AuditAction.ANONYMISED)
    assert store.query("SELECT erasure_hashes FROM people")[0]["erasure_hashes"] is None
    again = import_people(store, write(tmp_path / "a.csv", _ada_rows()), by="t")
    assert (again.created, again.suppressed) == (1, 0)
    store.close()


def test_registering_her_again_by_hand_clears_the_entry(tmp_path: Path) -> None:
    session = new_session(tmp_path / "store.sqlite")
    store = session.store
    csv = write(tmp_path / "a.csv", _ada_rows())
    import_people(store, csv, by="t")
    old = store.query("SELECT id, codice_fiscale FROM people")[0]
    rights.erase_person(session, old["id"], "richiesta scritta n. 4")
    assert import_people(store, csv, by="t").suppressed == 1
    new = People(store).register(
        {
            "last_name": "Sbrindelli",
            "first_name": "Ada",
            "codice_fiscale": old["codice_fiscale"],
        },
        presidio="SAN-SIRO",
    )
    row = store.query("SELECT erasure_hashes FROM people WHERE id = ?", [old["id"]])[0]
    assert row["erasure_hashes"] is None
    cleared = store.query(
        "SELECT who, reason FROM audit_log WHERE action = 'changed' AND row_id = ?", [old["id"]]
    )
    assert len(cleared) == 1 and "Sbrindelli" not in cleared[0]["reason"]
    assert (
        store.query(  # the clearing syncs like any edit
            "SELECT count(*) AS n FROM sync_outbox WHERE row_id = ?"
            " AND data LIKE '%erasure_hashes%' AND op = 'update'",
            [old["id"]],
        )[0]["n"]
        == 2
    )  # the erasure's, then the clearing
    again = import_people(store, csv, by="t")
    assert (again.created, again.suppressed, again.updated) == (0, 0, 1)  # her card, updated
    assert store.query("SELECT id FROM people WHERE codice_fiscale IS NOT NULL") == [
        {"id": new["id"]}
    ]
    store.close()


def test_m020_adds_the_column_and_keeps_the_people(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    session = new_session(path)
    store = session.store
    import_people(store, write(tmp_path / "a.csv", _ada_rows()), by="t")
    with store.transaction():
        store.db.execute("DROP INDEX people_erasure_hashes")
        store.db.execute("ALTER TABLE people DROP COLUMN erasure_hashes")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm020_people_erasure_hashes'")
    store.close()
    store = open_store(path)
    ada = store.query("SELECT * FROM people")[0]
    assert (ada["last_name"], ada["erasure_hashes"]) == ("Sbrindelli", None)
    rights.erase_person(session_for(store), ada["id"], "richiesta scritta n. 4")
    assert store.query("SELECT erasure_hashes FROM people")[0]["erasure_hashes"]
    store.close()


def test_the_hash_is_keyed(tmp_path: Path) -> None:
    """Another key gives another hash: without the key a list of candidate codes cannot be
    tested against the list (a plain SHA-256 of a codice fiscale can)."""
    ada = {"codice_fiscale": SAMPLE_CF, "last_name": "X", "first_name": "Y"}
    one, two = suppression.tokens("a" * 43, ada), suppression.tokens("b" * 43, ada)
    assert one and two and one != two


def test_hashes_on_a_living_card_stop_no_import(tmp_path: Path) -> None:
    """Only an anonymised row is an erased person. Hashes on a living card (an office that
    holds the erasure key wrote them, through a hub that did not check the field) once made
    the import skip whoever they named, as if those tenants had asked to be erased."""
    session = new_session(tmp_path / "store.sqlite")
    store = session.store
    living = People(store).register(
        {"last_name": "Viva", "first_name": "Vera"}, presidio="SAN-SIRO"
    )
    with store.transaction() as journal:
        key = suppression.writing_key(store.db)
        forged = " ".join(suppression.tokens(key, _ada_rows()[0]))
        journal.update("people", living["id"], {"erasure_hashes": forged})
    result = import_people(store, write(tmp_path / "a.csv", _ada_rows()), by="t")
    assert (result.created, result.suppressed) == (1, 0)
    store.close()
