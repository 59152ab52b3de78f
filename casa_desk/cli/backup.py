"""``casa-desk backup``: a consistent copy of a store, safe while the app has it open.

The copy is encrypted like the store, its key file beside it (``OUT.keys``): it opens on its
own with the same passwords. ``--decrypted`` writes a plain SQLite copy instead, for
analysis or support: administrators only, with a warning, and audited. An ``--out`` that is
a symbolic link is written through, and the key file goes beside the file it points to (the
line printed says where): the pair is never split between two folders.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store, output_file
from casa_desk.cli.login import add_user_argument, logged_in
from casa_desk.models.vocab import AuditAction
from casa_desk.outputs import check_output
from casa_desk.security.keyfile import keyfile_path
from casa_desk.security.permissions import Action


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="copia di sicurezza dell'archivio",
        description="Copia l'archivio con l'API di backup di SQLite: sicura anche con l'app "
        "aperta. La copia è cifrata come l'archivio e ha accanto il suo file delle chiavi "
        "(OUT.keys): si apre da sola, con le stesse password. Coordinatori e amministratori.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio da copiare")
    parser.add_argument(
        "--out",
        required=True,
        type=output_file,
        help="file di destinazione (un collegamento: copia e chiavi accanto al file a cui punta)",
    )
    parser.add_argument(
        "--decrypted",
        action="store_true",
        help="copia IN CHIARO (SQLite non cifrato) per analisi o assistenza: solo "
        "amministratori, registrata; chi ha il file legge tutto",
    )
    add_user_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.store.backup import backup_store, check_backup_out, decrypted_copy
    from casa_desk.store.schema import APPLICATION_ID

    existing_store(args.db)
    check_output(args.out, inputs=[args.db], database=True, application_id=APPLICATION_ID)
    check_backup_out(args.out, decrypted=args.decrypted)  # before login: nothing written
    action = Action.BACKUP_DECRYPTED if args.decrypted else Action.BACKUP
    with logged_in(args.db, args, command="backup", action=action) as session:
        store = session.store
        if args.decrypted:
            print(
                "casa-desk: ATTENZIONE: la copia non è cifrata: contiene nomi e note "
                "riservate leggibili da chiunque abbia il file. Tenerla al sicuro e "
                "cancellarla appena possibile.",
                file=sys.stderr,
            )
            out = decrypted_copy(store.connections, args.out)
            kind = "backup_decrypted"
        else:
            out = backup_store(store.connections, args.out)
            kind = "backup"
        session.audit(AuditAction.EXPORTED, table=kind, row_id=out.name)
    if args.decrypted:
        print(f"Copia in chiaro scritta in {out}")
    else:
        print(f"Backup scritto in {out} (chiavi in {keyfile_path(out)})")
    return 0
