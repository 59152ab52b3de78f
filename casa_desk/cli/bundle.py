"""``casa-desk bundle``: sync without a network, by file (export for the hub, import its reply)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store, not_a_file, not_the_store, output_file
from casa_desk.cli.login import add_user_argument, logged_in
from casa_desk.errors import SyncError
from casa_desk.models.numerals import count
from casa_desk.outputs import check_output
from casa_desk.security.permissions import Action


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "bundle",
        help="sincronizzazione con pacchetti su file (senza rete)",
        description="Pacchetti cifrati e firmati per gli uffici senza rete.",
    )
    sub = parser.add_subparsers(
        dest="bundle_command", metavar="AZIONE", required=True, parser_class=type(parser)
    )
    export = sub.add_parser(
        "export",
        help="scrive il pacchetto per la sede",
        description="Scrive in un file le modifiche non ancora confermate.",
    )
    export.add_argument("--db", required=True, type=Path, help="archivio dell'ufficio")
    export.add_argument("--out", required=True, type=output_file, help="pacchetto da scrivere")
    add_user_argument(export)
    export.set_defaults(handler=run_export)
    imp = sub.add_parser(
        "import",
        help="importa il pacchetto di risposta della sede",
        description="Applica il pacchetto di risposta della sede.",
    )
    imp.add_argument("--db", required=True, type=Path, help="archivio dell'ufficio")
    imp.add_argument("file", type=Path, help="pacchetto di risposta")
    add_user_argument(imp)
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    from casa_desk.sync.bundle import export_bundle

    existing_store(args.db)
    check_output(args.out, inputs=[args.db])  # before the store is opened (and migrated)
    with logged_in(args.db, args, command="bundle export", action=Action.BUNDLE) as session:
        written = export_bundle(session.store, args.out)
    print(f"Pacchetto scritto in {args.out}: {count(written, 'modifica', 'modifiche')}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from casa_desk.sync.bundle import import_reply

    existing_store(args.db)
    if not args.file.is_file():
        what = not_a_file(args.file)
        raise SyncError(f"Pacchetto {what}: {args.file}", code="bundle_missing")
    not_the_store(args.file, args.db)  # before login: reading it would drop our locks on it
    with logged_in(args.db, args, command="bundle import", action=Action.BUNDLE) as session:
        summary = import_reply(session.store, args.file)
    print(summary)
    return 0
