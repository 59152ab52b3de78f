"""``casa-desk hub``: run the hub and manage its devices (serve, device-add, device-revoke,
import-bundle)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from casa_desk import paths
from casa_desk.errors import SyncError
from casa_desk.store.tables import HEAD_OFFICE


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "hub",
        help="il server della sede (sincronizzazione)",
        description="Server di sincronizzazione della sede e gestione dei dispositivi.",
    )
    sub = parser.add_subparsers(
        dest="hub_command", metavar="AZIONE", required=True, parser_class=type(parser)
    )
    db_help = (
        "database della sede: percorso di un file SQLite (predefinito nella cartella dati) "
        "oppure postgresql://utente@host:porta/db"
    )

    serve = sub.add_parser(
        "serve", help="avvia il server", description="Avvia il server della sede."
    )
    serve.add_argument("--db", help=db_help)
    serve.add_argument(
        "--host", default="127.0.0.1", help="indirizzo di ascolto (predefinito 127.0.0.1)"
    )
    serve.add_argument("--port", type=int, default=8765, help="porta (predefinita 8765)")
    serve.set_defaults(handler=run_serve)

    add = sub.add_parser(
        "device-add",
        help="crea un dispositivo e il suo codice di abbinamento",
        description="Crea un dispositivo per un presidio; l'ultima riga stampata "
        "è il codice di abbinamento, valido una sola volta.",
    )
    add.add_argument("--db", help=db_help)
    add.add_argument("--presidio", help="codice del presidio (es. SAN-SIRO)")
    add.add_argument(
        "--head-office", action="store_true", help="dispositivo della sede: vede tutto"
    )
    add.add_argument("--label", default="", help="etichetta libera (es. PC sportello 1)")
    add.add_argument("--hub-url", help="indirizzo della sede da scrivere nel file di abbinamento")
    add.add_argument(
        "--out", type=Path, help="scrive anche un file di abbinamento (uffici senza rete)"
    )
    add.set_defaults(handler=run_device_add)

    revoke = sub.add_parser(
        "device-revoke",
        help="revoca un dispositivo",
        description="Revoca un dispositivo: non potrà più sincronizzare.",
    )
    revoke.add_argument("--db", help=db_help)
    revoke.add_argument("device", help="identificativo del dispositivo")
    revoke.set_defaults(handler=run_device_revoke)

    epoch = sub.add_parser(
        "new-epoch",
        help="dopo il ripristino della sede da un backup",
        description="Da eseguire dopo aver ripristinato il database della sede da un backup: "
        "gli uffici rimandano ciò che la sede ha perso e riscaricano i dati.",
    )
    epoch.add_argument("--db", help=db_help)
    epoch.set_defaults(handler=run_new_epoch)

    imp = sub.add_parser(
        "import-bundle",
        help="importa un pacchetto di un ufficio senza rete",
        description="Importa un pacchetto e scrive il pacchetto di risposta.",
    )
    imp.add_argument("file", type=Path, help="pacchetto dell'ufficio")
    imp.add_argument("--db", help=db_help)
    imp.add_argument("--reply", required=True, type=Path, help="pacchetto di risposta da scrivere")
    imp.set_defaults(handler=run_import_bundle)
    parser.set_defaults(handler=lambda _a: parser.print_help() or 2)


def _hub(args: argparse.Namespace, *, create: bool = True) -> Any:
    from casa_desk.sync.hub.storage import HubStore

    return HubStore.open(args.db or paths.default_hub_path(), create=create)


def run_serve(args: argparse.Namespace) -> int:
    from casa_desk.sync.hub.app import serve

    db = args.db or str(paths.default_hub_path())
    if "://" not in db:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    where = db.split("@")[-1] if "://" in db else db  # never print a password
    print(f"Sede in ascolto su http://{args.host}:{args.port} (database: {where})", flush=True)
    serve(db, args.host, args.port)
    return 0


def run_device_add(args: argparse.Namespace) -> int:
    from casa_desk.store.reference import PRESIDIO_CODES
    from casa_desk.sync.hub.devices import add_device, enrol

    presidio = HEAD_OFFICE if args.head_office and not args.presidio else args.presidio
    if not presidio:
        raise SyncError("Indicare --presidio (oppure --head-office).", code="bad_input")
    if presidio not in (*PRESIDIO_CODES, HEAD_OFFICE):
        raise SyncError(f"Presidio sconosciuto: {presidio}.", code="bad_input")
    hub = _hub(args)
    try:
        device_id, code = add_device(hub, presidio, head_office=args.head_office, label=args.label)
        print(f"Dispositivo {device_id} creato per {presidio}.")
        if args.out:
            creds = enrol(hub, code)
            creds["hub_url"] = args.hub_url
            _write_atomic(args.out, json.dumps(creds, indent=2))
            # The file consumed the first code: make a fresh one for online enrolment.
            code = _fresh_code(hub, device_id)
            print(f"File di abbinamento scritto in {args.out}")
        print(code)
    finally:
        hub.close()
    return 0


def _fresh_code(hub: Any, device_id: str) -> str:
    from sqlalchemy import update

    from casa_desk.security.tokens import hash_secret, new_enrol_code, normalise_code
    from casa_desk.sync.hub import schema

    code = new_enrol_code()
    with hub.tx() as conn:
        conn.execute(
            update(schema.devices)
            .where(schema.devices.c.id == device_id)
            .values(code_hash=hash_secret(normalise_code(code)))
        )
    return code


def run_device_revoke(args: argparse.Namespace) -> int:
    from casa_desk.sync.hub.devices import revoke_device

    hub = _hub(args, create=False)
    try:
        if not revoke_device(hub, args.device):
            raise SyncError(f"Dispositivo non trovato: {args.device}", code="bad_input")
    finally:
        hub.close()
    print(f"Dispositivo {args.device} revocato.")
    return 0


def run_new_epoch(args: argparse.Namespace) -> int:
    hub = _hub(args, create=False)
    try:
        epoch = hub.new_epoch()
    finally:
        hub.close()
    print(f"Nuova epoca della sede: {epoch}.")
    print("Gli uffici si riallineano alla prossima sincronizzazione.")
    return 0


def run_import_bundle(args: argparse.Namespace) -> int:
    from casa_desk.sync.bundle import hub_import_bundle

    hub = _hub(args, create=False)
    try:
        summary = hub_import_bundle(hub, args.file, args.reply)
    finally:
        hub.close()
    print(summary)
    return 0


def _write_atomic(path: Path, content: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.touch(mode=0o600)  # the file holds the device's token and key: owner only
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
