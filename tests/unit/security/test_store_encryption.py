"""The store on disk: encrypted, owner-only, self-contained, and quiet about what it holds.

Real files throughout: what is checked is the bytes a thief would copy — the store, its
``-wal``, its key file, its backups — never an API's word for it.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, key_of, login, new_session, open_store

from casa_desk.cli import main
from casa_desk.errors import StorageError
from casa_desk.security import keyfile
from casa_desk.security.access import store_state
from casa_desk.store.connection import IntegrityError, binding
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People

SURNAME = "Zafferanetti"
NOTE = "Nota-segretissima-di-prova"


def _person_with_note(store: Store) -> str:
    person = People(store).register(
        {"last_name": SURNAME, "first_name": "Ilde", "codice_fiscale": None}, presidio="SAN-SIRO"
    )
    Contacts(store).log(
        {"person_id": person["id"], "category": "violenza_domestica", "summary": NOTE,
         "notes": NOTE},
        presidio="SAN-SIRO",
        operator=USER,
    )  # fmt: skip
    return str(person["id"])


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_no_file_holds_a_name_or_a_note_and_plain_sqlite_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    session = new_session(path)
    store = session.store
    _person_with_note(store)
    # while the store is open its latest pages are in the -wal: that file too
    assert Path(f"{path}-wal").stat().st_size > 0
    assert main(["backup", "--db", str(path), "--out", str(tmp_path / "copia.sqlite")]) == 0
    found = _files(tmp_path)
    assert {"desk.sqlite", "desk.sqlite-wal", "desk.sqlite.keys", "copia.sqlite",
            "copia.sqlite.keys"} <= set(found)  # fmt: skip
    for name, data in found.items():
        for secret in (SURNAME, NOTE, PASSWORD):
            assert secret.encode() not in data, (name, secret)
            assert secret.encode("utf-16-le") not in data, (name, secret)
    store.close()
    for name in ("desk.sqlite", "copia.sqlite"):
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            sqlite3.connect(tmp_path / name).execute("SELECT * FROM sqlite_master").fetchall()


def test_files_are_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "nuova"
    folder.mkdir(mode=0o755)
    path = folder / "desk.sqlite"
    session = new_session(path)
    _person_with_note(session.store)
    assert main(["backup", "--db", str(path), "--out", str(folder / "copia.sqlite")]) == 0
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    session.store.close()


def test_sqlite_utils_uses_the_cipher_binding(tmp_path: Path) -> None:
    """sqlite-utils catches its binding's exceptions: drop(ignore=True) of a missing table and
    a constraint broken through it, on an encrypted store."""
    store = new_session(tmp_path / "s.sqlite").store
    with store.transaction():
        store.db["non_esiste"].drop(ignore=True)  # type: ignore[union-attr]
        row = store.db.execute("SELECT * FROM users").fetchone()
        columns = [d[0] for d in store.db.execute("SELECT * FROM users").description]
        with pytest.raises(IntegrityError):  # same id and username again
            store.db["users"].insert(dict(zip(columns, row, strict=True)))  # type: ignore[union-attr]
    store.close()
    # without being told, sqlite-utils would catch the standard library's exceptions only
    import sqlite_utils.db

    assert sqlite_utils.db.sqlite3 is binding and not issubclass(IntegrityError, sqlite3.Error)


def test_a_store_opens_only_with_its_own_key_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    new_session(a).store.close()
    new_session(b).store.close()
    keyfile.keyfile_path(a).replace(tmp_path / "a.keys.bak")
    (tmp_path / "b.sqlite.keys").replace(keyfile.keyfile_path(a))  # b's slots beside a
    with pytest.raises(StorageError) as wrong:
        login(a)
    assert wrong.value.code == "wrong_key"
    keyfile.keyfile_path(a).unlink()
    with pytest.raises(StorageError, match=r"file delle chiavi"):
        login(a)
    assert store_state(a).value == "not_a_store"
    (tmp_path / "a.keys.bak").replace(keyfile.keyfile_path(a))
    login(a).store.close()


def test_a_damaged_key_file_is_one_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.sqlite"
    new_session(path).store.close()
    keyfile.keyfile_path(path).write_text('{"format": "casa_desk-keys", "slots": 3}')
    assert main(["settings", "--db", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "danneggiato" in err


@pytest.mark.parametrize("pages", [1, 2, 50])
def test_a_truncated_store_is_said_to_be_damaged_not_locked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pages: int
) -> None:
    """A backup copied back only in part (a USB key pulled out, a full disk): the user logged
    in with the right password, and was told the store is encrypted and needs a login
    ("serve l'accesso di un utente"), which sent them looking for a password problem. It is
    damaged: restore a backup (the same words as any other damage)."""
    whole = tmp_path / "whole.sqlite"
    with new_session(whole).store as store:
        for i in range(300):
            People(store).register(
                {"last_name": f"Esempio{i}" * 10, "first_name": "Ilde"}, presidio="SAN-SIRO"
            )
    path = tmp_path / "s.sqlite"
    path.write_bytes(whole.read_bytes()[: 4096 * pages])
    keyfile.keyfile_path(path).write_bytes(keyfile.keyfile_path(whole).read_bytes())
    before = path.read_bytes()
    assert main(["user", "list", "--db", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "danneggiato" in err and "accesso di un utente" not in err, err
    assert path.read_bytes() == before


def test_only_a_corrupt_header_is_said_to_be_damaged(tmp_path: Path) -> None:
    """With the right key, only SQLite's word that the file is corrupt makes it "damaged:
    restore the last backup" (a disk that fails is told before: store.db._unreadable); any
    other error is told as it is, so nobody restores a backup over a whole store."""
    from casa_desk.errors import DamagedStoreError
    from casa_desk.store.db import _unreadable_header

    path = tmp_path / "s.sqlite"
    other = _unreadable_header(path, True, binding.OperationalError("out of memory"))
    assert not isinstance(other, DamagedStoreError) and other.code == "unreadable"
    assert "backup" not in str(other) and "accesso" not in str(other)
    corrupt = binding.DatabaseError("database disk image is malformed")
    assert isinstance(_unreadable_header(path, True, corrupt), DamagedStoreError)


def _digests(folder: Path) -> dict[str, str]:
    return {
        name: hashlib.sha256(data).hexdigest()
        for name, data in _files(folder).items()
        if not name.endswith((".keys", ".lock"))
    }


def test_a_wrong_password_changes_no_byte(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "s.sqlite"
    with new_session(path).store as store:
        _person_with_note(store)
    before = _digests(tmp_path)
    slots = keyfile.read(path).slots
    monkeypatch.setenv("CASA_DESK_PASSWORD", "non è questa")
    assert main(["settings", "--db", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["casa-desk: Nome utente o password errati."]
    monkeypatch.setenv("CASA_DESK_USER", "nessuno")  # an unknown user: the same line
    assert main(["settings", "--db", str(path)]) == 1
    assert capsys.readouterr().err.strip().splitlines() == err
    assert _digests(tmp_path) == before  # the store and its -wal: not one byte
    keys = keyfile.read(path)
    assert keys.slots == slots  # the slots as they were; only the failure is counted
    assert keys.attempts[USER].failures == 1 and len(keys.attempts[USER].times) == 1
    assert "nessuno" not in keyfile.keyfile_path(path).read_text()


def test_the_key_is_random_per_store_and_bound_to_the_username(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    new_session(a).store.close()
    new_session(b).store.close()
    assert key_of(a) != key_of(b) and len(key_of(a)) == 32
    # moving a slot under another name makes it useless (the name is associated data)
    keys = keyfile.read(a)
    slot = keys.slots[0]
    from dataclasses import replace

    keys.slots = [replace(slot, username="intruso")]
    keyfile.write(a, keys)
    from casa_desk.security.keyslots import WrongPassword

    with pytest.raises(WrongPassword):
        open_store(a, username="intruso")


def test_sqlcipher_memory_security_is_off(tmp_path: Path) -> None:
    """Wiping SQLCipher's allocations cost the monthly report 3x its CPU and protects no
    key that Python does not also hold (casa_desk.store.connection.MEMORY_SECURITY). Not
    toggled here: SQLCipher keeps it on for the process once it has been on."""
    session = new_session(tmp_path / "s.sqlite")
    reader = session.store.connections.raw_reader()
    try:
        for conn in (session.store.db.conn, reader):
            assert conn.execute("PRAGMA cipher_memory_security").fetchone()[0] in ("0", 0)
    finally:
        reader.close()
        session.store.close()
