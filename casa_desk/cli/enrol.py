"""``casa-desk enrol``: pair this office's store with the hub (online code or file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import not_a_file
from casa_desk.cli.login import (
    add_password_stdin_argument,
    add_user_argument,
    first_password,
    logged_in,
    username,
)
from casa_desk.outputs import atomic_output
from casa_desk.security import keyfile
from casa_desk.security.permissions import Action
from casa_desk.sync.hub_url import check_hub_url


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "enrol",
        help="abbina l'archivio alla sede",
        description="Abbina l'archivio di questo ufficio alla sede, con il codice monouso "
        "(in rete) oppure con il file di abbinamento (senza rete). Solo amministratori; "
        "se l'archivio non esiste lo crea, con l'utente indicato come amministratore.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio dell'ufficio")
    parser.add_argument("--hub", help="indirizzo della sede, es. https://sede:8765")
    parser.add_argument("--code", help="codice di abbinamento monouso")
    parser.add_argument("--file", type=Path, help="file di abbinamento (uffici senza rete)")
    add_user_argument(parser)
    add_password_stdin_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.errors import SyncError
    from casa_desk.security.access import create_desk
    from casa_desk.store.db import Store
    from casa_desk.sync.client import enrol_from_file, enrol_online

    if bool(args.file) == bool(args.code):
        raise SyncError("Indicare --hub e --code, oppure --file.", code="bad_input")
    if args.code and not args.hub:
        raise SyncError("Con --code serve anche --hub.", code="bad_input")
    hub = check_hub_url(args.hub) if args.hub else None
    if args.file and not args.file.is_file():
        what = not_a_file(args.file)
        raise SyncError(f"File di abbinamento {what}: {args.file}", code="enrol_file")
    if args.file:  # before login (and never read)
        from casa_desk.sync.enrolment_file import not_the_store

        not_the_store(args.file, args.db)

    def pair(store: Store) -> dict[str, Any]:
        if args.file:
            return enrol_from_file(store, args.file)
        return enrol_online(store, hub or "", args.code)

    db: Path = args.db
    if db.is_symlink() and not (db.is_file() and db.stat().st_size > 0):
        # A new store is written through the link, its key file would go beside the link:
        # the pair split between two folders. An existing store reached by a link is used.
        raise SyncError(
            f"{db} è un collegamento: il nuovo archivio e il suo file delle chiavi non vanno "
            "creati attraverso un collegamento. Indicare il file vero.",
            code="bad_input",
        )
    if db.exists() and (db.is_dir() or db.stat().st_size > 0):
        with logged_in(db, args, command="enrol", action=Action.ENROL) as session:
            creds = pair(session.store)
    else:
        # A new store (its administrator: the user named) is made beside its name and
        # renamed, key file first, only once paired: a failed enrolment leaves nothing.
        name = username(args)
        secret = first_password(args, name)
        with atomic_output(db, database=True, inputs=[args.file]) as temp:
            try:
                session = create_desk(
                    temp, username=name, full_name=name, password=secret, how="cli enrol"
                )
                with session.store as store:
                    creds = pair(store)
                keyfile.keyfile_path(temp).replace(keyfile.keyfile_path(db))
            finally:
                keyfile.keyfile_path(temp).unlink(missing_ok=True)
                keyfile.lock_path(temp).unlink(missing_ok=True)
    print(
        f"Archivio abbinato alla sede come dispositivo {creds['device_id']} ({creds['presidio']})."
    )
    return 0
