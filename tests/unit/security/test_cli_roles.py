"""The command line for each role: what it may do, what it is refused, what is on record.

Every refusal is one line on stderr and exit status 1, and writes nothing but the login's
own audit row. Passwords reach commands as a script would give them: ``CASA_DESK_PASSWORD``
for the login, standard input (``--password-stdin``) for a new one.
"""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, login, new_session, open_store

from casa_desk.cli import main
from casa_desk.errors import ValidationError
from casa_desk.security import accounts
from casa_desk.security.keyfile import keyfile_path
from casa_desk.store.people import People

PASSWORDS = {
    "op": "frase dell'operatore",
    "coord": "frase per la seconda utente",
}


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    admin = new_session(path)
    People(admin.store).register({"last_name": "Persona", "first_name": "Uno"}, presidio="SAN-SIRO")
    accounts.add_user(admin, "op", full_name="O", role="operatore", password=PASSWORDS["op"])
    accounts.add_user(
        admin, "coord", full_name="C", role="coordinatore", password=PASSWORDS["coord"]
    )
    admin.store.close()
    return path


def _as(monkeypatch: pytest.MonkeyPatch, user: str) -> None:
    monkeypatch.setenv("CASA_DESK_USER", user)
    monkeypatch.setenv("CASA_DESK_PASSWORD", PASSWORDS.get(user, PASSWORD))


def _refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


def test_each_role_is_refused_what_it_may_not_do(
    desk: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = ["--db", str(desk)]
    report = ["report", *db, "--month", "2026-10", "--presidio", "SAN-SIRO", "--out",
              str(tmp_path / "r.pdf")]  # fmt: skip
    backup = ["backup", *db, "--out", str(tmp_path / "b.sqlite")]
    plain = ["backup", *db, "--out", str(tmp_path / "chiaro.sqlite"), "--decrypted"]
    add = ["user", "add", "nuovo", *db, "--name", "N", "--role", "operatore",
           "--password-stdin"]  # fmt: skip
    lock = ["settings", *db, "--lock-minutes", "10"]
    sample = tmp_path / "a.csv"
    sample.write_text("cognome;nome;codice_fiscale;data_nascita\nRossi;Ada;;\n")
    imports = ["import-people", str(sample), *db]
    _as(monkeypatch, "op")
    for argv in (report, backup, plain, add, lock, imports, [*imports, "--dry-run"],
                 ["user", "list", *db]):  # fmt: skip
        assert "non consentita al ruolo operatore" in _refused(capsys, argv), argv
    assert main(["settings", *db]) == 0  # anyone may read the settings
    _as(monkeypatch, "coord")
    for argv in (plain, add, lock):
        assert "non consentita al ruolo coordinatore" in _refused(capsys, argv), argv
    assert main(report) == 0 and main(backup) == 0
    assert not (tmp_path / "chiaro.sqlite").exists()
    session = login(desk)
    rows = session.store.query(
        "SELECT who, action, table_name FROM audit_log WHERE action = 'exported' ORDER BY at"
    )
    session.store.close()
    assert rows == [
        {"who": "coord", "action": "exported", "table_name": "report"},
        {"who": "coord", "action": "exported", "table_name": "backup"},
    ]


def test_backups_open_on_their_own_and_the_decrypted_one_is_plain(
    desk: Path, tmp_path: Path, capsys
) -> None:
    away = tmp_path / "chiavetta"
    away.mkdir()
    assert main(["backup", "--db", str(desk), "--out", str(away / "copia.sqlite")]) == 0
    assert "chiavi in" in capsys.readouterr().out
    desk.unlink()  # the copy needs nothing of the original
    with open_store(away / "copia.sqlite") as copy:
        assert copy.query("SELECT last_name FROM people") == [{"last_name": "Persona"}]
    with open_store(away / "copia.sqlite", username="op", password=PASSWORDS["op"]):
        pass  # every user's password opens it
    out = tmp_path / "chiaro.sqlite"
    assert main(["backup", "--db", str(away / "copia.sqlite"), "--out", str(out),
                 "--decrypted"]) == 0  # fmt: skip
    assert "ATTENZIONE" in capsys.readouterr().err
    assert not keyfile_path(out).exists()
    with sqlite3.connect(out) as plain:  # any SQLite tool reads it
        assert plain.execute("SELECT last_name FROM people").fetchall() == [("Persona",)]
        assert plain.execute("PRAGMA application_id").fetchone()[0] == 0x43415341
    with open_store(away / "copia.sqlite") as copy:
        assert copy.query(
            "SELECT who, row_id FROM audit_log WHERE table_name = 'backup_decrypted'"
        ) == [{"who": USER, "row_id": "chiaro.sqlite"}]


def test_user_commands(desk: Path, capsys, monkeypatch) -> None:
    db = ["--db", str(desk)]
    monkeypatch.setattr(sys, "stdin", io.StringIO("la frase del nuovo collega\n"))
    assert main(["user", "add", "bruno", *db, "--name", "Bruno Prova", "--role",
                 "coordinatore", "--sensitive", "--password-stdin"]) == 0  # fmt: skip
    monkeypatch.setattr(sys, "stdin", io.StringIO("corta\n"))
    assert "almeno 10" in _refused(capsys, ["user", "add", "ciro", *db, "--name", "C",
                                            "--role", "operatore", "--password-stdin"])  # fmt: skip
    capsys.readouterr()
    assert main(["user", "list", *db]) == 0
    listed = capsys.readouterr().out
    assert "bruno\tBruno Prova\tcoordinatore, contenuti riservati" in listed
    monkeypatch.setattr(sys, "stdin", io.StringIO("reimpostata dall'amministratrice\n"))
    assert main(["user", "passwd", "bruno", *db, "--password-stdin"]) == 0
    assert main(["user", "disable", "bruno", *db]) == 0
    assert "proprio utente" in _refused(capsys, ["user", "disable", USER, *db])
    monkeypatch.setenv("CASA_DESK_USER", "bruno")
    monkeypatch.setenv("CASA_DESK_PASSWORD", "reimpostata dall'amministratrice")
    assert "password errati" in _refused(capsys, ["settings", *db])
    _as(monkeypatch, USER)
    assert main(["settings", *db, "--lock-minutes", "12"]) == 0
    assert "5 → 12" in capsys.readouterr().out
    assert "1 a 120" in _refused(capsys, ["settings", *db, "--lock-minutes", "0"])
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["user", "recovery-code", *db]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1]
    monkeypatch.setenv("CASA_DESK_RECOVERY_CODE", code)
    monkeypatch.setattr(sys, "stdin", io.StringIO("dimenticata e ritrovata\n"))
    assert main(["user", "recover", USER, *db, "--password-stdin"]) == 0
    login(desk, password="dimenticata e ritrovata").store.close()


def test_a_missing_login_is_one_line(desk: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("CASA_DESK_USER")
    assert "--user" in _refused(capsys, ["settings", "--db", str(desk)])
    monkeypatch.delenv("CASA_DESK_PASSWORD")
    assert "CASA_DESK_PASSWORD" in _refused(capsys, ["settings", "--db", str(desk), "--user", USER])


def test_demo_says_when_it_uses_the_default_login(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("CASA_DESK_USER")
    monkeypatch.delenv("CASA_DESK_PASSWORD")
    target = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(target), "--people", "5", "--contacts", "5"]) == 0
    assert "«demo», password «demo»" in capsys.readouterr().err
    with open_store(target, username="demo", password="demo") as store:
        assert store.query("SELECT role FROM users WHERE username = 'demo'") == [
            {"role": "amministratore"}
        ]


def test_a_user_name_is_bounded(desk: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """``user add --name`` once took 50,000 characters (the status bar, the audit page and
    every change sent to the hub carry it): now refused in one line, at every way in, and
    nothing is made."""
    db = ["--db", str(desk)]
    long = "N" * 101
    monkeypatch.setattr(sys, "stdin", io.StringIO("la frase del nuovo collega\n"))
    line = _refused(capsys, ["user", "add", "dario", *db, "--name", long, "--role",
                             "operatore", "--password-stdin"])  # fmt: skip
    assert line == "casa-desk: Nome e cognome troppo lunghi: al massimo 100 caratteri."
    with open_store(desk) as store:
        assert store.query("SELECT username FROM users WHERE username = 'dario'") == []
    admin = login(desk)
    try:
        with pytest.raises(ValidationError, match="troppo lunghi"):
            accounts.change_user(admin, "op", full_name=long)
        assert accounts.change_user(admin, "op", full_name="N" * 100).full_name == "N" * 100
    finally:
        admin.store.close()
    with pytest.raises(ValidationError, match="troppo lunghi"):
        new_session(tmp_path / "new.sqlite", full_name=long)
    assert not (tmp_path / "new.sqlite").exists()
