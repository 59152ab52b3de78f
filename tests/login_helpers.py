"""Encrypted test stores and the login every command needs, made cheaply.

Every store a user meets is encrypted and opened by logging in. Tests do the same, with one
difference that is data, not a switch: their key slots are made with argon2id parameters of
almost no cost (:data:`CHEAP`), stored in the slot like any others, so a test store opens in
milliseconds instead of a third of a second. Stores made by the program itself during a
test (``casa-desk demo``, the window's first run) use calibrated parameters; new slots
added to a test store copy its cheap ones.

The autouse fixture in conftest.py sets ``CASA_DESK_USER``/``CASA_DESK_PASSWORD`` to
:data:`USER`/:data:`PASSWORD`, so commands run by tests (in-process or as children) log in
as the store's administrator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casa_desk.security.access import Session, create_desk, unlock
from casa_desk.security.keyfile import KdfParams
from casa_desk.store.db import Store

USER = "prova.admin"
PASSWORD = "frase di prova abbastanza lunga"
FULL_NAME = "Amministratrice Prova"
#: argon2id at its cheapest (1 pass, 8 KiB): for test-made slots only.
CHEAP = KdfParams(time_cost=1, memory_kib=8, parallelism=1)


def new_session(
    path: Path | str,
    *,
    presidio: str | None = "SAN-SIRO",
    username: str = USER,
    password: str = PASSWORD,
    full_name: str = FULL_NAME,
) -> Session:
    """A new encrypted store at ``path`` and its administrator's session."""
    return create_desk(
        path,
        username=username,
        full_name=full_name,
        password=password,
        presidio=presidio,
        params=CHEAP,
        check_strength=False,
        how="test",
    )


def new_store(path: Path | str, *, presidio: str | None = "SAN-SIRO") -> Store:
    """A new encrypted store at ``path`` (its administrator is :data:`USER`)."""
    return new_session(path, presidio=presidio).store


def login(
    path: Path | str,
    *,
    username: str = USER,
    password: str = PASSWORD,
    check_integrity: bool = True,
) -> Session:
    """Log in on the encrypted store at ``path``."""
    return unlock(path, username, password, how="test", check_integrity=check_integrity)


def open_store(
    path: Path | str,
    *,
    username: str = USER,
    password: str = PASSWORD,
    check_integrity: bool = True,
) -> Store:
    """The encrypted store at ``path``, opened by logging in."""
    return login(path, username=username, password=password, check_integrity=check_integrity).store


def key_of(path: Path | str, *, username: str = USER, password: str = PASSWORD) -> bytes:
    """The data key of the store at ``path``, from ``username``'s slot (read only: no
    failure count, nothing written — tests inspect files with it)."""
    from casa_desk.security import keyfile, keyslots

    slot = keyfile.read(path).user_slot(username)
    if slot is None:
        raise keyslots.WrongPassword()
    return keyslots.open_slot(slot, password)


def keyed_connection(
    path: Path | str, *, username: str = USER, password: str = PASSWORD, rows: bool = False
) -> Any:
    """A read-only SQLCipher connection to the encrypted store at ``path`` (the raw SQL of
    a test that checks what the builder or a command wrote); ``rows``: ``Row`` results."""
    from casa_desk.store.connection import Connections, binding

    conn = Connections(path, key_of(path, username=username, password=password)).inspector()
    if rows:
        conn.row_factory = binding.Row
    return conn


#: DemoOptions fields for a test demo store: the test administrator, cheap slots.
DEMO_LOGIN: dict[str, Any] = {"admin": USER, "password": PASSWORD, "kdf": CHEAP}


def session_for(store: Store, *, username: str = USER, password: str = PASSWORD) -> Session:
    """Log ``username`` in on a store this test already holds open (as the window's lock
    screen does on its open store)."""
    from casa_desk.security.access import Desk

    return Desk(store, key_of(store.path, username=username, password=password)).login(
        username, password, how="test"
    )


#: A migration (the newest when written): a store without it is as an earlier version left
#: it, and any migration pending makes opening an upgrade.
NEWEST_MIGRATION = "m018_report_summaries_recounted"


def store_behind_a_version(path: Path | str) -> None:
    """A new encrypted store at ``path`` as an earlier version left it: a migration not yet
    applied, so the next login upgrades it."""
    session = new_session(path)
    with session.store.transaction():
        session.store.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = ?", [NEWEST_MIGRATION]
        )
    session.logout()
    session.store.close()
