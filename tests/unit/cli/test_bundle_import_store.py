"""``bundle import`` given the store itself (or its key file, or a working file) as the bundle
is refused in one line before login: reading it with Python's ``open`` would drop this
process's SQLite locks on the store (casa_desk.outputs), so it is never opened."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_bad_input import run

from casa_desk.store.db import Store


def _logins(store: Store) -> int:
    rows = store.query("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'login%'")
    return int(rows[0]["n"])


def test_the_store_and_its_files_are_not_a_bundle(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(store.path)  # held open, as the window holds it
    (tmp_path / "giro").mkdir()
    (tmp_path / "link").symlink_to(path)
    os.link(path, tmp_path / "hard")
    os.link(f"{path}.keys", tmp_path / "hard.keys")
    aliases = [
        path,
        Path(f"{path}.keys"),
        Path(f"{path}-wal"),
        tmp_path / "giro" / ".." / path.name,
        tmp_path / "link",
        tmp_path / "hard",
        tmp_path / "hard.keys",
        Path(os.path.relpath(path)),
    ]
    before = _logins(store)
    for alias in aliases:
        assert alias.is_file(), alias
        status, lines = run(["bundle", "import", "--db", str(path), str(alias)], capsys)
        assert status != 0 and len(lines) == 1, (alias, lines)
        assert "non un pacchetto" in lines[0] and "Traceback" not in lines[0], lines
    assert _logins(store) == before  # refused before anyone logged in


def test_the_store_and_its_files_are_not_an_enrolment_file(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``enrol --file`` of an existing store: the same, before login (its ``-shm`` is well
    under the 64 KiB an enrolment file may be, so it was read, and its lock dropped)."""
    path = Path(store.path)
    (tmp_path / "link").symlink_to(f"{path}-shm")
    before = _logins(store)
    for alias in (path, Path(f"{path}-shm"), Path(f"{path}.keys"), tmp_path / "link"):
        assert alias.is_file(), alias
        status, lines = run(["enrol", "--db", str(path), "--file", str(alias)], capsys)
        assert status != 0 and len(lines) == 1, (alias, lines)
        assert "non un file di abbinamento" in lines[0], lines
    assert _logins(store) == before


def test_the_hubs_own_database_is_not_an_office_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``hub import-bundle hub.sqlite --db hub.sqlite`` opened the hub, then read its own
    database as a ZIP file (closing that descriptor drops the process's SQLite locks on it)
    and said only "Pacchetto illeggibile: troncato o danneggiato". Now it is refused at
    once, unread, named for what it is; however it is named; its working files too."""
    import sqlite3

    hub = tmp_path / "hub.sqlite"
    status, _lines = run(["hub", "device-add", "--db", str(hub), "--presidio", "SAN-SIRO"], capsys)
    assert status == 0
    held = sqlite3.connect(hub)  # a hub serving meanwhile: its -wal and -shm are there
    held.execute("SELECT count(*) FROM sqlite_master").fetchone()
    try:
        (tmp_path / "giro").mkdir()
        (tmp_path / "link").symlink_to(hub)
        os.link(hub, tmp_path / "hard.casa")
        reply = tmp_path / "risposta.casa"
        before = hub.read_bytes()
        own = [hub, tmp_path / "giro" / ".." / hub.name, tmp_path / "link", tmp_path / "hard.casa"]
        for alias in own:
            status, lines = run(
                ["hub", "import-bundle", str(alias), "--db", str(hub), "--reply", str(reply)],
                capsys,
            )
            assert status == 1
            assert lines == [
                f"casa-desk: {alias} è il database della sede, non un pacchetto: indicare il "
                "pacchetto di un ufficio."
            ]
        for suffix in ("-wal", "-shm"):
            alias = Path(f"{hub}{suffix}")
            assert alias.is_file()
            status, lines = run(
                ["hub", "import-bundle", str(alias), "--db", str(hub), "--reply", str(reply)],
                capsys,
            )
            assert status == 1
            assert lines == [
                f"casa-desk: {alias} è un file di lavoro del database della sede, non un "
                "pacchetto: indicare il pacchetto di un ufficio."
            ]
        assert hub.read_bytes() == before and not reply.exists()
    finally:
        held.close()


def test_another_database_given_as_a_bundle_is_named_for_what_it_is(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup of a store (encrypted: no header) or of a hub (plain SQLite) picked instead
    of the bundle was "Pacchetto illeggibile: troncato o danneggiato", as if the bundle
    were damaged: the user went looking for another copy of a bundle that was fine."""
    from login_helpers import new_store

    from casa_desk.errors import SyncError
    from casa_desk.sync.bundle import read_manifest

    other = tmp_path / "copia-ufficio.sqlite"
    new_store(other).close()
    hub = tmp_path / "hub.sqlite"
    assert run(["hub", "device-add", "--db", str(hub), "--presidio", "SAN-SIRO"], capsys)[0] == 0
    hub_copy = tmp_path / "copia-hub.sqlite"
    assert run(["hub", "backup", "--db", str(hub), "--out", str(hub_copy)], capsys)[0] == 0
    for given in (other, hub_copy):
        said = (
            f"casa-desk: {given} è un archivio o un database, non un pacchetto di sincronizzazione."
        )
        with pytest.raises(SyncError) as refused:  # what the desk's import reads first
            read_manifest(given)
        assert f"casa-desk: {refused.value.message}" == said
        reply = tmp_path / "risposta.casa"
        status, lines = run(
            ["hub", "import-bundle", str(given), "--db", str(hub), "--reply", str(reply)],
            capsys,
        )
        assert (status, lines) == (1, [said]) and not reply.exists()
