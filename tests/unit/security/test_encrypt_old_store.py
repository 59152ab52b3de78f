"""Encrypting a store made before encryption, and the migration that comes with it (m010).

The old store is built the way the previous version left it: plain SQLite, WAL, an
automatic backup from a past migration in ``backups/``, users who could all see sensitive
content. ``casa-desk encrypt`` must leave an encrypted store (and encrypted backups) that
opens with the administrator's password, and no plaintext anywhere; a power cut at any step
must leave a store that opens. The kills are real (SIGKILL at named points in a child).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, keyed_connection, login, new_store
from old_schema import revert_m010

from casa_desk.cli import main
from casa_desk.paths import backups_dir
from casa_desk.security.access import StoreState, store_state
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store, is_plain_store
from casa_desk.store.people import People

ROOT = Path(__file__).resolve().parents[3]
SURNAME = "Vecchiarelli"
NOTE = "Nota-del-vecchio-archivio"
POINTS = (
    "encrypt.after_export",
    "encrypt.after_verify",
    "encrypt.after_keys",
    "encrypt.after_swap",
    "encrypt.after_backup",
)


def old_store(folder: Path) -> Path:
    """A plain store of the previous version, with a plain automatic backup beside it."""
    path = folder / "casa_desk.sqlite"
    with Store.open(path, create=True) as store:  # plain: no key, as before issue 10
        store.set_meta("presidio", "SAN-SIRO")
        store.set_meta("operator", "op.vecchio")
        store.db  # noqa: B018 - a reader, as the old window had
        with store.transaction():
            store.db.execute(
                "INSERT INTO users (id, username, full_name, role, presidio, may_see_sensitive,"
                " active, created_at) VALUES ('u1', 'op.vecchio', 'Op', 'operatore',"
                " 'SAN-SIRO', 1, 1, 'x')"
            )
        person = People(store).register(
            {"last_name": SURNAME, "first_name": "Ada"}, presidio="SAN-SIRO"
        )
        Contacts(store).log(
            {"person_id": person["id"], "category": "violenza_domestica", "summary": NOTE},
            presidio="SAN-SIRO",
            operator="op.vecchio",
        )
        revert_m010(store)
    with Store.open(path) as store:  # the old version's migrations left a plain backup
        revert_m010(store)
    assert [is_plain_store(p) for p in backups_dir(path).iterdir()] == [True]
    return path


def _no_plaintext(folder: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            assert SURNAME.encode() not in data and NOTE.encode() not in data, file.name
            assert not data.startswith(b"SQLite format 3"), file.name


def test_encrypt_migrates_and_leaves_no_plaintext(tmp_path: Path, capsys) -> None:
    path = old_store(tmp_path)
    assert store_state(path) is StoreState.PLAIN
    assert main(["settings", "--db", str(path)]) == 1
    assert "non è cifrato" in capsys.readouterr().err  # every command asks for encryption
    assert main(["encrypt", "--db", str(path), "--name", "Anna Amministratrice"]) == 0
    _no_plaintext(tmp_path)
    assert store_state(path) is StoreState.ENCRYPTED
    backups = sorted(backups_dir(path).glob("*.sqlite"))
    assert len(backups) == 2  # the old one, now encrypted, and the one before m010
    for backup in backups:  # each opens on its own with the administrator's password
        conn = keyed_connection(backup)
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 1
        conn.close()
    session = login(path)
    store = session.store
    assert session.user.role.value == "amministratore"
    assert session.is_restricted(store.query("SELECT id FROM people")[0]["id"])  # m010 ran
    assert store.query("SELECT username, may_see_sensitive FROM users ORDER BY username") == [
        {"username": "op.vecchio", "may_see_sensitive": 0},  # given again, explicitly
        {"username": USER, "may_see_sensitive": 0},
    ]
    assert store.query("SELECT who FROM audit_log WHERE action = 'encrypted'") == [{"who": USER}]
    store.close()


def test_an_existing_user_becomes_the_administrator(tmp_path: Path, monkeypatch) -> None:
    path = old_store(tmp_path)
    monkeypatch.setenv("CASA_DESK_USER", "op.vecchio")
    assert main(["encrypt", "--db", str(path)]) == 0
    session = login(path, username="op.vecchio")
    assert session.user.role.value == "amministratore" and session.user.full_name == "Op"
    session.store.close()


def test_a_weak_password_or_a_busy_store_is_refused_untouched(tmp_path: Path, capsys,
                                                               monkeypatch) -> None:  # fmt: skip
    path = old_store(tmp_path)
    before = path.read_bytes()
    monkeypatch.setenv("CASA_DESK_PASSWORD", "breve")
    assert main(["encrypt", "--db", str(path)]) == 1
    assert "almeno 10" in capsys.readouterr().err
    assert path.read_bytes() == before
    monkeypatch.setenv("CASA_DESK_PASSWORD", PASSWORD)
    with Store.open(path) as store:  # another program (an old window) has it open
        assert main(["encrypt", "--db", str(path)]) == 1
        assert "aperto da un altro programma" in capsys.readouterr().err
        assert store.query("SELECT last_name FROM people") == [{"last_name": SURNAME}]
    assert store_state(path) is StoreState.PLAIN
    assert not list(tmp_path.glob("*.encrypting*"))


def test_an_encrypted_or_missing_store_is_refused_before_a_password_is_asked(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    # A short password would be refused too: the store's own reason comes first (a reviewer
    # typed a new password twice to learn the store was already encrypted).
    path = tmp_path / "cifrato.sqlite"
    new_store(path).close()
    before = path.read_bytes()
    monkeypatch.setenv("CASA_DESK_PASSWORD", "breve")
    assert main(["encrypt", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "non è un archivio da cifrare" in err and "almeno 10" not in err
    assert path.read_bytes() == before
    assert main(["encrypt", "--db", str(tmp_path / "assente.sqlite")]) == 1
    assert "Archivio non trovato" in capsys.readouterr().err


def test_a_store_reached_through_a_link_is_refused_untouched(tmp_path: Path, capsys) -> None:
    """Before: the encrypted copy was renamed over the link, its key file beside it, and the
    plain store — every person in clear — stayed at the link's target. Now one line, before
    any work; the plain store and the link as they were, no key file; the file itself is
    then encrypted as any other."""
    data = tmp_path / "dati"
    data.mkdir()
    path = old_store(data)
    link = tmp_path / "casa_desk.sqlite"
    link.symlink_to(path)
    before = path.read_bytes()

    assert main(["encrypt", "--db", str(link)]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"casa-desk: {link} è un collegamento a {path.resolve()}: cifrare il file vero, non il "
        "collegamento (altrimenti l'archivio in chiaro resterebbe dov'è)."
    ]
    assert link.is_symlink() and path.read_bytes() == before
    assert store_state(path) is StoreState.PLAIN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["casa_desk.sqlite", "dati"]
    assert main(["encrypt", "--db", str(path)]) == 0
    _no_plaintext(data)


@pytest.mark.parametrize("point", POINTS)
def test_a_kill_at_any_step_leaves_a_store_that_opens(tmp_path: Path, point: str) -> None:
    path = old_store(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CASA_DESK_FAULTS": f"{point}=kill"}
    killed = subprocess.run(
        [sys.executable, "-m", "casa_desk", "encrypt", "--db", str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == 137, killed.stderr
    state = store_state(path)
    if state is StoreState.PLAIN:  # killed before the swap: the old store, whole
        with Store.open(path) as store:
            assert store.query("SELECT last_name FROM people") == [{"last_name": SURNAME}]
        assert main(["encrypt", "--db", str(path)]) == 0  # and encrypting again works
    assert store_state(path) is StoreState.ENCRYPTED
    session = login(path)  # finishes the backups an interrupted run left plain
    assert session.store.query("SELECT last_name FROM people") == [{"last_name": SURNAME}]
    session.store.close()
    assert [p.name for p in tmp_path.rglob("*.encrypting*")] == []
    _no_plaintext(tmp_path)


def test_a_link_to_itself_is_refused_in_one_line(tmp_path: Path, capsys) -> None:
    """Before: the refusal's message resolved the link, and a link to itself raised
    Python 3.11's RuntimeError (a traceback) instead of the line."""
    link = tmp_path / "casa_desk.sqlite"
    link.symlink_to(link)
    assert main(["encrypt", "--db", str(link)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "è un collegamento" in err[0], err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["casa_desk.sqlite"]
