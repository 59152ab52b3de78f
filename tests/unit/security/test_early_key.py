"""A login whose argon2id began early (``casa-desk report``): the same answers as any login.

The derivation runs for real in every test (cheap test parameters); only a counter is put
around it, to see that a login pays for it once — not twice, and not zero times for a
username that has no slot (its answer must take as long as a wrong password's).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, login, new_session

from casa_desk.errors import StorageError
from casa_desk.security import accounts, keyfile, keyslots
from casa_desk.security.access import PlainStoreError, unlock
from casa_desk.security.early_key import EarlyKey
from casa_desk.security.keyslots import WrongPassword
from casa_desk.security.throttle import Throttled
from casa_desk.store.db import Store

NEW_PASSWORD = "la nuova frase della prova"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    store = tmp_path / "s.sqlite"
    new_session(store).store.close()
    return store


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The passwords argon2id is run for, in order (the real function still runs)."""
    seen: list[str] = []
    real = keyslots.derive

    def counted(password: str, salt: bytes, params: keyfile.KdfParams) -> bytes:
        seen.append(password)
        return real(password, salt, params)

    monkeypatch.setattr(keyslots, "derive", counted)
    return seen


def _early_unlock(path: Path, username: str, password: str, **kw: object):  # noqa: ANN202
    return unlock(path, username, password, early=EarlyKey(path, username, password), **kw)


def test_an_early_login_opens_the_store_deriving_once(path: Path, derivations: list) -> None:
    session = _early_unlock(path, " Prova.Admin ", PASSWORD)  # typed as a user might
    try:
        assert session.user.username == USER
        assert session.store.query("SELECT count(*) AS n FROM users")[0]["n"] == 1
    finally:
        session.store.close()
    assert derivations == [PASSWORD]


def test_a_wrong_password_is_refused_and_counted_as_ever(path: Path) -> None:
    before = keyfile.read(path).attempts
    with pytest.raises(WrongPassword):
        _early_unlock(path, USER, "sbagliata")
    assert keyfile.read(path).attempts != before  # the failure is in the key file
    audit = login(path)  # and reaches the audit log at the next good login
    try:
        rows = audit.store.query("SELECT who FROM audit_log WHERE action = 'login_failed'")
    finally:
        audit.store.close()
    assert [r["who"] for r in rows] == [USER]


def test_a_throttled_user_is_refused_before_the_early_key_is_used(path: Path) -> None:
    now = 1_800_000_000.0
    for _ in range(3):
        with pytest.raises(WrongPassword):
            _early_unlock(path, USER, "sbagliata", now=lambda: now)
    with pytest.raises(Throttled):  # the right password, derived early, is not even tried
        _early_unlock(path, USER, PASSWORD, now=lambda: now)


def test_an_unknown_username_costs_one_derivation_and_writes_nothing(
    path: Path, derivations: list
) -> None:
    before = keyfile.keyfile_path(path).read_bytes()
    with pytest.raises(WrongPassword):
        _early_unlock(path, "nessuno", PASSWORD)
    assert len(derivations) == 1  # wasted once, as for a wrong password: not 0, not 2
    assert keyfile.keyfile_path(path).read_bytes() == before


def test_a_slot_changed_after_the_early_start_is_derived_again(
    path: Path, derivations: list
) -> None:
    early = EarlyKey(path, USER, NEW_PASSWORD)  # derived for the old slot: fails to open it
    early.spent_for(USER)
    session = login(path)
    accounts.change_own_password(session, PASSWORD, NEW_PASSWORD)
    session.store.close()
    derivations.clear()
    session = unlock(path, USER, NEW_PASSWORD, early=early)
    session.store.close()
    assert derivations == [NEW_PASSWORD]  # the new slot's salt: derived again, and it opens


def test_bad_paths_get_the_same_line_as_without_an_early_start(tmp_path: Path) -> None:
    missing = tmp_path / "manca.sqlite"
    with pytest.raises(StorageError, match="Archivio non trovato"):
        _early_unlock(missing, USER, PASSWORD)
    plain = tmp_path / "vecchio.sqlite"
    Store.open(plain, create=True).close()
    with pytest.raises(PlainStoreError):
        _early_unlock(plain, USER, PASSWORD)
    assert not keyfile.exists(missing) and not keyfile.exists(plain)


def test_beginning_a_login_loads_neither_the_store_nor_sqlite(path: Path) -> None:
    """What makes the early start worth it: argon2id runs while the command imports these."""
    code = (
        "import argparse, sys\n"
        "from casa_desk.cli.login import begin_login\n"
        f"early = begin_login({str(path)!r}, argparse.Namespace(user=None))\n"
        f"assert early.spent_for({USER!r})\n"
        "heavy = ('sqlite_utils', 'sqlcipher3', 'reportlab', 'casa_desk.store.db')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = {**os.environ, "CASA_DESK_USER": USER, "CASA_DESK_PASSWORD": PASSWORD}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
