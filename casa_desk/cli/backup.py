"""``casa-desk backup``: a consistent copy of a store, safe while the app has it open."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store
from casa_desk.outputs import check_output
from casa_desk.store.backup import backup_file
from casa_desk.store.db import check_store
from casa_desk.store.schema import APPLICATION_ID


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "backup",
        help="copia di sicurezza dell'archivio",
        description="Copia l'archivio con l'API di backup di SQLite: "
        "sicura anche con l'app aperta.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio da copiare")
    parser.add_argument("--out", required=True, type=Path, help="file di destinazione")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Check it is a casa_desk store (one clear line otherwise) without changing it.
    check_store(existing_store(args.db))
    check_output(args.out, inputs=[args.db], database=True, application_id=APPLICATION_ID)
    out = backup_file(args.db, args.out)
    print(f"Backup scritto in {out}")
    return 0
