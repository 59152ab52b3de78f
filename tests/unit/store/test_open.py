"""Opening a store: clear one-line errors, and the file left exactly as it was."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from login_helpers import new_store, open_store

from casa_desk.cli import main
from casa_desk.errors import DamagedStoreError, NotAStoreError, StorageError, StoreTooNewError
from casa_desk.store.connection import binding
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.reference import reference_rows


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_store_has_wal_foreign_keys_and_reference_rows(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite", create=True) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        codes = {r["code"] for r in store.query("SELECT code FROM presidi")}
        assert codes == {"GRATOSOGLIO", "MOLISE-CALVAIRATE", "MAZZINI", "SAN-SIRO"}
        assert store.query("SELECT phone FROM services WHERE code = '1522'")[0]["phone"] == "1522"
        # seeded rows are applied, not captured: nothing to push
        assert store.pending_changes() == 0


def test_two_stores_hold_identical_reference_rows(tmp_path: Path) -> None:
    tables = reference_rows()
    dumps = []
    for name in ("a.sqlite", "b.sqlite"):
        with Store.open(tmp_path / name, create=True) as store:
            dumps.append({t: store.query(f"SELECT * FROM {t} ORDER BY id") for t in tables})
    assert dumps[0] == dumps[1]


def test_missing_file_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="non trovato"):
        Store.open(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


def test_a_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("cognome;nome\n")
    before = digest(path)
    with pytest.raises(NotAStoreError):
        Store.open(path)
    assert digest(path) == before


def test_another_sqlite_database_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAStoreError):
        Store.open(path)
    assert digest(path) == before


def test_a_store_from_a_newer_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('casa_desk', 'm900_from_the_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreTooNewError, match="più recente"):
        Store.open(path)
    assert digest(path) == before


def test_a_damaged_store_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store.open(path, create=True) as store:
        for i in range(300):
            People(store).register(
                {"first_name": f"N{i}", "last_name": "Esempio" * 20}, presidio="SAN-SIRO"
            )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12)):  # scribble over b-tree pages
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises((DamagedStoreError, NotAStoreError)):
        Store.open(path)
    assert digest(path) == before


def test_an_upgrade_whose_backup_folder_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    """``backups`` beside the store links to a drive that is not there: a StorageError (the
    caller's one line), not the OSError of making the folder; the store is not migrated."""
    from login_helpers import NEWEST_MIGRATION

    path = tmp_path / "s.sqlite"
    with Store.open(path, create=True) as store, store.transaction():
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [NEWEST_MIGRATION])
    (tmp_path / "backups").symlink_to(tmp_path / "unmounted" / "backups")
    before = digest(path)
    with pytest.raises(StorageError, match="Backup non riuscito"):
        Store.open(path)
    assert digest(path) == before


def test_cli_reports_a_bad_store_in_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"not a database at all")
    assert main(["backup", "--db", str(path), "--out", str(tmp_path / "b.sqlite")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "non è un archivio casa_desk" in err
    assert not (tmp_path / "b.sqlite").exists()


def test_backup_while_open_is_a_consistent_store(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.sqlite"
    with new_store(path) as store:
        People(store).register({"first_name": "Ada", "last_name": "Esempio"}, presidio="SAN-SIRO")
        # the app still has the store open (WAL not checkpointed) while the backup runs
        out = tmp_path / "copy.sqlite"
        assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
    with open_store(out) as copy:  # encrypted, opened with the same password on its own
        assert copy.query("SELECT last_name FROM people")[0]["last_name"] == "Esempio"
    assert main(["backup", "--db", str(path), "--out", str(tmp_path / "no" / "b.sqlite")]) == 1
    assert "non esiste" in capsys.readouterr().err


def test_every_subcommand_has_help(capsys) -> None:
    from casa_desk.cli import build_parser

    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    for name in subcommands:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0
        assert capsys.readouterr().out.startswith(f"uso: casa-desk {name}")


def _scribble(path: Path, first_page: int, pages: int) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096 * first_page, min(len(data), 4096 * (first_page + pages))):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _filled(path: Path, people: int = 300) -> None:
    with Store.open(path, create=True) as store:
        for i in range(people):
            People(store).register(
                {"first_name": f"N{i}", "last_name": "Esempio" * 20}, presidio="SAN-SIRO"
            )
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_opening_a_current_store_writes_nothing(tmp_path: Path) -> None:
    """Without the integrity check (the window, the report) a current store's file is left
    byte for byte as it was: triggers are rewritten only when they differ."""
    path = tmp_path / "s.sqlite"
    _filled(path, people=20)
    before = digest(path)
    with Store.open(path, check_integrity=False) as store:
        assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 20
    assert digest(path) == before
    Store.open(path).close()  # with the check too
    assert digest(path) == before


def test_unchecked_open_checks_before_it_writes(tmp_path: Path) -> None:
    """A damaged store whose triggers need rewriting is checked first and left untouched,
    even when the caller skipped the integrity check."""
    path = tmp_path / "s.sqlite"
    _filled(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER casa_fts_people_insert")  # as a crash in a bulk load leaves it
    conn.close()
    _scribble(path, first_page=12, pages=6)  # data pages; the schema still reads
    before = digest(path)
    with pytest.raises(DamagedStoreError):
        Store.open(path, check_integrity=False)
    assert digest(path) == before


def test_unchecked_open_restores_missing_triggers(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    _filled(path, people=5)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER casa_fts_people_insert")
    conn.close()
    with Store.open(path, check_integrity=False) as store:
        People(store).register({"first_name": "Ada", "last_name": "Trovata"}, presidio="SAN-SIRO")
        found = store.query("SELECT count(*) AS n FROM people_fts WHERE people_fts MATCH 'Trovata'")
        assert found[0]["n"] == 1


def test_report_on_a_store_damaged_where_it_reads_is_one_line(tmp_path: Path, capsys) -> None:
    """The report skips the whole-file check; damage in the pages it reads (here the root
    page of the contacts table and of each of its indexes) still stops it with one line,
    and no file is written: SQLCipher authenticates every page it reads."""
    from datetime import date

    from login_helpers import CHEAP, PASSWORD, USER, open_store

    from casa_desk.demo.builder import DemoOptions, build_demo

    path = tmp_path / "s.sqlite"
    build_demo(
        path,
        DemoOptions(
            people=60,
            contacts=3000,
            seed=3,
            until=date(2026, 11, 1),
            admin=USER,
            password=PASSWORD,
            kdf=CHEAP,
        ),
    )
    with open_store(path) as store:
        roots = [
            row["rootpage"]
            for row in store.query("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'contacts'")
            if row["rootpage"]
        ]
    data = bytearray(path.read_bytes())
    for page in roots:  # the middle of each page: its HMAC no longer matches
        start = (page - 1) * 4096 + 1000
        data[start : start + 1000] = b"\xa5" * 1000
    path.write_bytes(bytes(data))
    out = tmp_path / "r.pdf"
    argv = ["report", "--db", str(path), "--month", "2026-10", "--all", "--out", str(out)]
    status = main(argv)
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(err) == 1 and "danneggiato" in err[0], err
    assert not out.exists()
    # The login was recorded (its pages are sound); no report was.
    with open_store(path, check_integrity=False) as store:
        actions = [
            row["reason"] or row["action"]
            for row in store.query("SELECT action, reason FROM audit_log ORDER BY rowid")
        ]
    assert "cli report" in actions and not [a for a in actions if a.startswith("pdf")]


def test_none_and_booleans_bind_as_null_and_integers(tmp_path: Path) -> None:
    """The adapters that spare the binding its slow search for ``None`` and booleans
    (connection._bind_plain_values_directly) bind what was bound before: NULL, 1 and 0 —
    through a store's own connection, read back with their SQLite types."""
    from casa_desk.store import connection

    assert connection.binding.adapters[(type(None), connection.binding.PrepareProtocol)]
    store = new_store(tmp_path / "s.sqlite")
    row = store.db.execute(
        "SELECT typeof(?), typeof(?), ?, ?, ? IS NULL", [None, True, True, False, None]
    ).fetchone()
    assert tuple(row) == ("null", "integer", 1, 0, 1)
    store.close()


def test_a_store_opened_on_a_worker_is_used_by_another_thread(tmp_path: Path) -> None:
    """The login screen opens (and may upgrade) the store on a worker, then the GUI thread
    uses it: the worker closes its own read-only connection as it hands the store over, and
    the other thread writes and reads through connections of its own or shared ones."""
    path = tmp_path / "s.sqlite"
    new_store(path).close()
    handed: list[Any] = []

    def worker() -> None:
        store = open_store(path, check_integrity=False)
        reader = store.db  # this thread's read-only connection
        assert reader.execute("SELECT count(*) FROM people").fetchone()[0] == 0
        store.release_reader()
        handed.append((store, reader))

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    store, reader = handed[0]
    with pytest.raises(binding.ProgrammingError):  # closed by its thread, not left open
        reader.execute("SELECT 1")
    try:
        row = People(store).register(
            {"last_name": "Quarzolini", "first_name": "Ada"}, presidio="SAN-SIRO"
        )
        assert People(store).get(row["id"])["last_name"] == "Quarzolini"
    finally:
        store.close()
