"""``casa-desk encrypt``: encrypt a store made before encryption existed, and name its
administrator (casa_desk.security.encrypt says how, and what a crash at any step leaves)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store
from casa_desk.cli.demo import ProgressLine
from casa_desk.cli.login import (
    add_password_stdin_argument,
    add_user_argument,
    first_password,
    username,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "encrypt",
        help="cifra un archivio creato da una versione precedente",
        description="Cifra un archivio non cifrato (creato prima della cifratura): una copia "
        "cifrata, verificata, prende il posto dell'originale, e lo stesso per i backup "
        "automatici. L'utente indicato (--user o CASA_DESK_USER) diventa l'amministratore, "
        "con la password di CASA_DESK_PASSWORD o chiesta due volte sul terminale.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio da cifrare")
    parser.add_argument("--name", default="", help="nome e cognome dell'amministratore")
    add_user_argument(parser)
    add_password_stdin_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.security.encrypt import check_encryptable, encrypt_store

    if not args.db.is_symlink():  # a link is refused below, in its own words
        existing_store(args.db)
    check_encryptable(args.db)  # before the new password is asked for, twice
    name = username(args)
    secret = first_password(args, name)
    line = ProgressLine(sys.stderr)
    session = encrypt_store(
        args.db,
        username=name,
        full_name=args.name or name,
        password=secret,
        how="cli encrypt",
        progress=line,
    )
    session.store.close()
    print(f"Archivio cifrato: {args.db} (chiavi in {args.db}.keys); amministratore {name}.")
    return 0
