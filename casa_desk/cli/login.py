"""Logging in from the command line: ``--user`` and a password, for every command with a store.

The username comes from ``--user NAME`` or ``CASA_DESK_USER``; the password from
``CASA_DESK_PASSWORD`` (scripts) or a prompt on the terminal (getpass: nothing echoed,
nothing in the shell history). A wrong password is one line and exit status 1, and the store
is not touched; after three failures each try waits longer (the wait is spent here, quietly
when no one watches). The login is audited in the user's name, with the command.

New passwords (``user add``, ``user passwd``, ``encrypt``, a store created by ``enrol``) are
asked twice on a terminal, or read from standard input with ``--password-stdin``.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk.errors import CasaError
from casa_desk.security.permissions import Action
from casa_desk.security.throttle import Throttled

if TYPE_CHECKING:  # the store and argon2 load when a command logs in, not for --help
    from casa_desk.security.access import Session
    from casa_desk.security.early_key import EarlyKey

USER_ENV = "CASA_DESK_USER"
PASSWORD_ENV = "CASA_DESK_PASSWORD"


def add_user_argument(parser: Any) -> None:
    """``--user NAME`` (default: ``CASA_DESK_USER``)."""
    parser.add_argument(
        "--user",
        metavar="NOME",
        help=f"utente che accede all'archivio (predefinito: ${USER_ENV}); la password è "
        f"chiesta sul terminale o letta da ${PASSWORD_ENV}",
    )


def add_password_stdin_argument(parser: Any) -> None:
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        help="legge la nuova password dalla prima riga dello standard input "
        "(invece di chiederla due volte sul terminale)",
    )


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def username(args: argparse.Namespace) -> str:
    """The user named by ``--user`` or ``CASA_DESK_USER`` (asked on a terminal)."""
    name = getattr(args, "user", None) or os.environ.get(USER_ENV, "")
    if not name and _interactive():
        sys.stderr.write("Utente: ")
        sys.stderr.flush()
        name = sys.stdin.readline().strip()
    if not name:
        raise CasaError(
            f"Indicare l'utente con --user NOME o con la variabile {USER_ENV}.", code="no_user"
        )
    return name


def password(name: str) -> str:
    """The login password: ``CASA_DESK_PASSWORD``, else asked on the terminal."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if _interactive():
        return _typed(f"Password di {name}: ")
    raise CasaError(
        f"Password mancante: impostare {PASSWORD_ENV} o usare un terminale.", code="no_password"
    )


def _typed(prompt: str) -> str:
    """A password typed on the terminal; Ctrl+D (end of input) is one line, as Ctrl+C is."""
    try:
        return getpass.getpass(prompt)
    except EOFError:
        sys.stderr.write("\n")  # the prompt's line stays unfinished otherwise
        raise CasaError("Nessuna password inserita.", code="no_password") from None


def new_password(args: argparse.Namespace, whose: str) -> str:
    """A new password: first line of stdin with ``--password-stdin``, else typed twice."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        text = line[:-1] if line.endswith("\n") else line
        if text.endswith("\r"):
            text = text[:-1]
        if not text:
            raise CasaError("Nessuna password sullo standard input.", code="no_password")
        return text
    if not _interactive():
        raise CasaError(
            "La nuova password va digitata su un terminale o passata con --password-stdin.",
            code="no_password",
        )
    first = _typed(f"Nuova password per {whose}: ")
    second = _typed("Ripetere la password: ")
    if first != second:
        raise CasaError("Le due password non coincidono.", code="password_mismatch")
    return first


def first_password(args: argparse.Namespace, name: str) -> str:
    """The password of a store's first administrator: ``CASA_DESK_PASSWORD`` (scripts),
    else a new password (``--password-stdin`` or typed twice)."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None and not getattr(args, "password_stdin", False):
        return given
    return new_password(args, name)


def begin_login(path: Path, args: argparse.Namespace) -> EarlyKey:
    """Ask for the user and the password now, and start opening their key slot on a worker
    thread (:mod:`casa_desk.security.early_key`), so that the command can load its modules
    meanwhile; hand the result to :func:`logged_in`. Loads neither the store nor sqlite-utils.
    """
    from casa_desk.security.early_key import EarlyKey

    name = username(args)
    return EarlyKey(path, name, password(name))


def login(
    path: Path,
    args: argparse.Namespace,
    *,
    command: str,
    action: Action | None = None,
    check_integrity: bool = True,
    secret: str | None = None,
    early: EarlyKey | None = None,
) -> Session:
    """Unlock the store at ``path`` for the user of ``args``; with ``action``, refuse (one
    line, store closed) a user whose role may not do it. Waits out a throttle once.
    ``secret``: the password, when the caller has asked for it already; ``early``: the user,
    the password and their slot's argon2id begun by :func:`begin_login`."""
    from casa_desk.security.access import unlock

    if early is not None:
        name, secret = early.username, early.password
    else:
        name = username(args)
        secret = password(name) if secret is None else secret
    for attempt in range(2):
        try:
            session = unlock(
                path,
                name,
                secret,
                how=f"cli {command}",
                check_integrity=check_integrity,
                early=early,
                upgrading=_say_upgrading,
            )
            break
        except Throttled as exc:
            if attempt:
                raise
            if sys.stderr.isatty():
                print(f"casa-desk: {exc.message} Attendo…", file=sys.stderr)
            time.sleep(exc.retry_after)
    if action is not None:
        try:
            session.require(action)
        except CasaError:
            session.store.close()
            raise
    return session


def _say_upgrading() -> None:
    """The first command after a new version was installed upgrades the store before its
    own work (seconds at an office, minutes at 1,000,000 contacts): said at a terminal, like
    the throttle's wait, so a script's output stays its own."""
    if sys.stderr.isatty():
        print(
            "casa-desk: Aggiornamento dell'archivio alla nuova versione (controllo, copia di "
            "sicurezza, migrazione): attendere…",
            file=sys.stderr,
        )


@contextmanager
def logged_in(
    path: Path,
    args: argparse.Namespace,
    *,
    command: str,
    action: Action | None = None,
    check_integrity: bool = True,
    secret: str | None = None,
    early: EarlyKey | None = None,
) -> Iterator[Session]:
    """``with logged_in(args.db, args, command="report", action=Action.REPORT) as s: …``;
    the store is closed at the end (a command's session ends with it)."""
    session = login(
        path,
        args,
        command=command,
        action=action,
        check_integrity=check_integrity,
        secret=secret,
        early=early,
    )
    try:
        yield session
    finally:
        session.store.close()
