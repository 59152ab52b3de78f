"""``casa-desk import-people``: load the Aler registry export into a store.

The file is read and its header checked before the store is opened, so a missing, empty or
binary file (exit 1) writes nothing at all. Every rejected row is printed as one line with its
line number, column and reason — never the person's data — then a summary. Exit status: 0 when
every row went in, 2 when some were rejected (the good ones are imported all the same, in one
transaction), 1 when nothing could be done. ``--dry-run`` opens the store read-only: the file's
bytes stay exactly as they were.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk.cli.checks import existing_store
from casa_desk.cli.login import add_user_argument, logged_in, password, username
from casa_desk.errors import StorageError
from casa_desk.imports.csvfile import delimiter_words
from casa_desk.imports.registry_rows import COLUMNS
from casa_desk.security.permissions import Action, require

if TYPE_CHECKING:
    from casa_desk.imports.registry import ImportResult


EXIT_OK = 0
EXIT_REJECTED = 2


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import-people",
        help="importa l'anagrafe Aler da un file CSV",
        description=(
            "Importa le persone da un'esportazione dell'anagrafe Aler (CSV con intestazione "
            + ";".join(COLUMNS)
            + "). Codifica (UTF-8 o Windows-1252), separatore (; , o tabulazione) e formato "
            "delle date (gg/mm/aaaa o aaaa-mm-gg) sono riconosciuti da soli. Le righe errate sono "
            "elencate con il numero di riga e il motivo; le altre sono importate in un'unica "
            "transazione. Reimportare lo stesso file non crea doppioni. Uscita: 0 tutto "
            "importato, 2 alcune righe scartate, 1 nulla importato."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="file CSV da importare")
    parser.add_argument("--db", required=True, type=Path, help="archivio in cui importare")
    parser.add_argument(
        "--presidio",
        metavar="CODICE",
        help="presidio a cui assegnare le persone (predefinito: quello dell'archivio)",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="controlla il file e mostra cosa succederebbe, senza scrivere nulla",
    )
    add_user_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.imports.registry import import_registry, preview_registry, read_registry_file
    from casa_desk.security.access import peek
    from casa_desk.store.connection import Error

    registry = read_registry_file(args.file)  # whole-file problems stop here, before the store
    existing_store(args.db)
    if args.dry_run:
        # A connection that cannot write: no migration, no clock, no audit, no checkpoint.
        name = username(args)
        user, connections = peek(args.db, name, password(name))
        require(user.role, Action.IMPORT_REGISTRY)
        try:
            db = connections.inspector_database()
        except Error as exc:
            raise StorageError(f"Impossibile aprire l'archivio {args.db}: {exc}") from exc
        try:
            result = preview_registry(db, registry, presidio=args.presidio)
        finally:
            db.conn.close()
    else:
        with logged_in(
            args.db, args, command="import-people", action=Action.IMPORT_REGISTRY
        ) as session:
            result = import_registry(
                session.store, registry, by=session.user.username, presidio=args.presidio
            )
    _print(result)
    return EXIT_OK if result.ok else EXIT_REJECTED


def _print(result: ImportResult, out: Any = None) -> None:
    out = out or sys.stdout
    print(
        f"File letto: codifica {result.encoding}, separatore {delimiter_words(result.delimiter)}, "
        f"{result.rows} {'riga' if result.rows == 1 else 'righe'} di dati; "
        f"presidio {result.presidio}.",
        file=out,
    )
    if result.ignored_columns:
        print("Colonne ignorate: " + ", ".join(result.ignored_columns) + ".", file=out)
    for problem in result.problems:
        print(problem.describe(), file=out)
    print(result.summary(), file=out)
