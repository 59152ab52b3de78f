"""``casa-desk enrol``: pair this office's store with the hub (online code or file)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.store.db import Store


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "enrol",
        help="abbina l'archivio alla sede",
        description="Abbina l'archivio di questo ufficio alla sede, con il codice monouso "
        "(in rete) oppure con il file di abbinamento (senza rete).",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio dell'ufficio")
    parser.add_argument("--hub", help="indirizzo della sede, es. http://sede:8765")
    parser.add_argument("--code", help="codice di abbinamento monouso")
    parser.add_argument("--file", type=Path, help="file di abbinamento (uffici senza rete)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.errors import SyncError
    from casa_desk.sync.client import enrol_from_file, enrol_online

    if bool(args.file) == bool(args.code):
        raise SyncError("Indicare --hub e --code, oppure --file.", code="bad_input")
    if args.code and not args.hub:
        raise SyncError("Con --code serve anche --hub.", code="bad_input")
    with Store.open(args.db, create=True) as store:
        creds = (
            enrol_from_file(store, args.file)
            if args.file
            else enrol_online(store, args.hub, args.code)
        )
    print(
        f"Archivio abbinato alla sede come dispositivo {creds['device_id']} ({creds['presidio']})."
    )
    return 0
