"""``casa-desk settings``: head office's settings (the ESF programme, its name and CUP).

Listing works on any store; ``set`` only on head office's own store (``SEDE``): the value
reaches every office with the next sync. Keys: :class:`casa_desk.models.vocab.SettingKey`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store
from casa_desk.models.vocab import SettingKey
from casa_desk.store.db import Store
from casa_desk.store.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "settings",
        help="impostazioni della sede (programma FSE, CUP…)",
        description="Mostra le impostazioni decise dalla sede; con «set» la sede ne cambia "
        "una, che arriva agli uffici con la sincronizzazione. Chiavi: "
        + ", ".join(k.value for k in SettingKey)
        + ".",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio")
    sub = parser.add_subparsers(dest="settings_command", metavar="AZIONE")
    change = sub.add_parser(
        "set",
        help="cambia un'impostazione (solo archivio della sede)",
        description="Cambia un'impostazione; un valore vuoto la toglie.",
    )
    change.add_argument("key", help="chiave, es. esf.programme")
    change.add_argument("value", help="valore, es. 2021-2027")
    change.add_argument("--presidio", help="solo per questo presidio (altrimenti per tutti)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    existing_store(args.db)  # a folder or a missing file: one line, nothing created
    with Store.open(args.db) as store:
        settings = Settings(store)
        if args.settings_command == "set":
            settings.set(args.key, args.value, office=args.presidio)
            where = f" per {args.presidio}" if args.presidio else ""
            print(f"Impostazione {args.key}{where} salvata.")
            print("Arriva agli uffici con la prossima sincronizzazione.")
            return 0
        for row in settings.rows():
            where = row["office"] or "tutti"
            print(f"{row['key']} [{where}] = {row['value']}")
    return 0
