"""``casa-desk user``: the store's users (administrators only), recovery codes.

``add`` makes a user with their own password (asked twice on a terminal, or the first line
of standard input with ``--password-stdin``); ``list`` shows who may log in; ``passwd``
changes one's own password, or an administrator's reset of someone else's; ``disable``
removes a user's key slot and account; ``recovery-code`` prints a code that can reset a
password on the day every administrator's is lost, and ``recover`` uses it.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from casa_desk.cli.login import (
    add_password_stdin_argument,
    add_user_argument,
    logged_in,
    new_password,
    password,
    username,
)
from casa_desk.errors import CasaError
from casa_desk.models.vocab import Role
from casa_desk.security.permissions import Action

RECOVERY_ENV = "CASA_DESK_RECOVERY_CODE"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "user",
        help="utenti dell'archivio (amministratori)",
        description="Gestione degli utenti: ognuno ha la propria password; nessuna password "
        "condivisa. Solo gli amministratori, tranne «passwd» sul proprio utente.",
    )
    sub = parser.add_subparsers(
        dest="user_command", metavar="AZIONE", required=True, parser_class=type(parser)
    )
    add = sub.add_parser("add", help="aggiunge un utente", description="Aggiunge un utente.")
    add.add_argument("username", metavar="UTENTE", help="nome utente (es. mrossi)")
    add.add_argument("--name", required=True, help="nome e cognome")
    add.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="ruolo dell'utente"
    )
    add.add_argument(
        "--sensitive",
        action="store_true",
        help="può vedere i contenuti riservati (violenza, salute); senza, non li vede",
    )
    add_password_stdin_argument(add)
    add.set_defaults(handler=run_add)
    listing = sub.add_parser("list", help="elenca gli utenti", description="Elenca gli utenti.")
    listing.set_defaults(handler=run_list)
    passwd = sub.add_parser(
        "passwd",
        help="cambia una password",
        description="Sul proprio utente cambia la propria password; un amministratore "
        "reimposta quella di un altro utente (che dovrà cambiarla).",
    )
    passwd.add_argument("username", metavar="UTENTE")
    add_password_stdin_argument(passwd)
    passwd.set_defaults(handler=run_passwd)
    disable = sub.add_parser(
        "disable", help="disattiva un utente", description="Disattiva un utente."
    )
    disable.add_argument("username", metavar="UTENTE")
    disable.set_defaults(handler=run_disable)
    code = sub.add_parser(
        "recovery-code",
        help="crea il codice di recupero",
        description="Crea (o sostituisce) il codice di recupero dell'archivio: stamparlo e "
        "conservarlo sotto chiave. Solo amministratori.",
    )
    code.set_defaults(handler=run_recovery_code)
    recover = sub.add_parser(
        "recover",
        help="reimposta una password con il codice di recupero",
        description="Con il codice di recupero (chiesto sul terminale o da "
        f"{RECOVERY_ENV}) reimposta la password di un utente attivo.",
    )
    recover.add_argument("username", metavar="UTENTE")
    add_password_stdin_argument(recover)
    recover.set_defaults(handler=run_recover, needs_login=False)
    for command in (add, listing, passwd, disable, code, recover):
        command.add_argument("--db", required=True, type=Path, help="archivio")
        if command is not recover:
            add_user_argument(command)


def run_add(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    with logged_in(args.db, args, command="user add", action=Action.MANAGE_USERS) as session:
        secret = new_password(args, args.username)
        user = accounts.add_user(
            session,
            args.username,
            full_name=args.name,
            role=args.role,
            password=secret,
            may_see_sensitive=args.sensitive,
        )
    print(f"Utente {user.username} aggiunto ({user.role.value}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    with logged_in(args.db, args, command="user list", action=Action.MANAGE_USERS) as session:
        rows = accounts.list_users(session)
    for account in rows:
        user = account.user
        flags = [user.role.value]
        if user.may_see_sensitive:
            flags.append("contenuti riservati")
        if not account.active:
            flags.append("disattivato")
        elif not account.has_password:
            flags.append("senza password")
        print(f"{user.username}\t{user.full_name}\t{', '.join(flags)}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    current = password(username(args))
    with logged_in(args.db, args, command="user passwd", secret=current) as session:
        target = args.username.strip().lower()
        secret = new_password(args, target)
        if target == session.user.username:
            accounts.change_own_password(session, current, secret)
        else:
            accounts.reset_password(session, target, secret)
    print(f"Password di {target} cambiata.")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    with logged_in(args.db, args, command="user disable", action=Action.MANAGE_USERS) as session:
        accounts.disable_user(session, args.username)
    print(f"Utente {args.username.strip().lower()} disattivato.")
    return 0


def run_recovery_code(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    with logged_in(
        args.db, args, command="user recovery-code", action=Action.RECOVERY_CODE
    ) as session:
        code = accounts.make_recovery_code(session)
    print("Codice di recupero (stamparlo e conservarlo sotto chiave; non viene più mostrato):")
    print(code)
    return 0


def run_recover(args: argparse.Namespace) -> int:
    from casa_desk.security import accounts

    code = os.environ.get(RECOVERY_ENV)
    if code is None:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise CasaError(f"Codice di recupero mancante: impostare {RECOVERY_ENV}.")
        code = getpass.getpass("Codice di recupero: ")
    target = args.username.strip().lower()
    secret = new_password(args, target)
    session = accounts.recover(args.db, code, target, secret)
    session.store.close()
    print(f"Password di {target} reimpostata con il codice di recupero.")
    return 0
