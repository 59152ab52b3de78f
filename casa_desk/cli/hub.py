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
    serve.add_argument("--tls-cert", type=Path, help="certificato TLS (PEM): serve in HTTPS")
    serve.add_argument("--tls-key", type=Path, help="chiave privata del certificato (PEM)")
    serve.add_argument(
        "--insecure-http",
        action="store_true",
        help="consente HTTP in chiaro su un indirizzo diverso da 127.0.0.1 (sconsigliato)",
    )
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

    again = sub.add_parser(
        "device-code",
        help="nuovo codice di abbinamento per un dispositivo esistente",
        description="Nuovo codice monouso per un dispositivo già creato: per abbinarlo di "
        "nuovo, ad esempio dopo un cambio del certificato della sede. L'ultima riga "
        "stampata è il codice.",
    )
    again.add_argument("--db", help=db_help)
    again.add_argument("device", help="identificativo del dispositivo (o il suo inizio)")
    again.add_argument("--hub-url", help="indirizzo della sede da scrivere nel file di abbinamento")
    again.add_argument("--out", type=Path, help="scrive anche un file di abbinamento")
    again.set_defaults(handler=run_device_code)

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

    backup = sub.add_parser(
        "backup",
        help="copia di sicurezza del database SQLite della sede",
        description="Copia il database SQLite della sede (anche mentre il server è acceso) "
        "in un file leggibile solo dal proprietario. Per PostgreSQL usare pg_dump.",
    )
    backup.add_argument("--db", help=db_help)
    backup.add_argument("--out", required=True, type=Path, help="file di destinazione")
    backup.set_defaults(handler=run_backup)

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
    from casa_desk.sync.hub import endpoint
    from casa_desk.sync.hub.app import serve
    from casa_desk.sync.tls import shown

    endpoint.check_serving(args.host, args.tls_cert, args.tls_key, insecure=args.insecure_http)
    db = args.db or str(paths.default_hub_path())
    hub = _hub(args)  # creates the database (owner-only) before anyone can connect
    try:
        url = endpoint.served_url(args.host, args.port, args.tls_cert)
        served = endpoint.record(hub, url, args.tls_cert)
    finally:
        hub.close()
    where = db.split("@")[-1] if "://" in db else db  # never print a password
    scheme = "https" if args.tls_cert else "http"
    print(f"Sede in ascolto su {scheme}://{args.host}:{args.port} (database: {where})", flush=True)
    if served.fingerprint:
        print(f"Certificato SHA-256 {shown(served.fingerprint)}", flush=True)
    serve(
        db,
        args.host,
        args.port,
        tls_cert=str(args.tls_cert) if args.tls_cert else None,
        tls_key=str(args.tls_key) if args.tls_key else None,
    )
    return 0


def run_device_add(args: argparse.Namespace) -> int:
    from casa_desk.store.reference import PRESIDIO_CODES
    from casa_desk.sync.hub.devices import add_device

    presidio = HEAD_OFFICE if args.head_office and not args.presidio else args.presidio
    if not presidio:
        raise SyncError("Indicare --presidio (oppure --head-office).", code="bad_input")
    if presidio not in (*PRESIDIO_CODES, HEAD_OFFICE):
        raise SyncError(f"Presidio sconosciuto: {presidio}.", code="bad_input")
    hub = _hub(args)
    try:
        device_id, code = add_device(hub, presidio, head_office=args.head_office, label=args.label)
        print(f"Dispositivo {device_id} creato per {presidio}.")
        _hand_out(hub, device_id, code, args)
    finally:
        hub.close()
    return 0


def run_device_code(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from casa_desk.sync.hub import schema

    hub = _hub(args, create=False)
    try:
        with hub.tx(readonly=True) as conn:
            rows = conn.execute(
                select(schema.devices.c.id, schema.devices.c.revoked_at).where(
                    schema.devices.c.id.startswith(args.device)
                )
            ).all()
        if len(rows) != 1:
            raise SyncError(f"Dispositivo non trovato: {args.device}", code="bad_input")
        if rows[0].revoked_at:
            raise SyncError(
                f"Dispositivo {rows[0].id} revocato: crearne uno nuovo.", code="revoked"
            )
        _hand_out(hub, rows[0].id, _fresh_code(hub, rows[0].id), args)
    finally:
        hub.close()
    return 0


def _hand_out(hub: Any, device_id: str, code: str, args: argparse.Namespace) -> None:
    """Print the code (last line) and, with ``--out``, write the enrolment file.

    The file carries the hub's address and its certificate's whole fingerprint; the printed
    code carries the fingerprint's first 130 bits (security/tokens.py says why), so that an
    office pins the certificate ``hub serve`` last recorded either way.
    """
    from casa_desk.security.files import write_private
    from casa_desk.security.tokens import code_with_pin
    from casa_desk.sync.hub.devices import enrol
    from casa_desk.sync.hub.endpoint import recorded

    served = recorded(hub)
    if args.out:
        creds = enrol(hub, code)
        creds["hub_url"] = args.hub_url or served.url
        creds["tls_fingerprint"] = served.fingerprint
        write_private(args.out, json.dumps(creds, indent=2).encode("utf-8"))
        # The file consumed the first code: make a fresh one for online enrolment.
        code = _fresh_code(hub, device_id)
        print(f"File di abbinamento scritto in {args.out}")
    if served.fingerprint:
        print(f"Sede in HTTPS ({served.url}): il codice porta l'impronta del certificato.")
        code = code_with_pin(code, served.fingerprint)
    print(code)


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


def run_backup(args: argparse.Namespace) -> int:
    from casa_desk.store.backup import backup_to
    from casa_desk.sync.hub.storage import read_only_sqlite

    db = str(args.db or paths.default_hub_path())
    if "://" in db:
        raise SyncError(
            "Per una sede su PostgreSQL usare pg_dump (docs/deploy.md).", code="bad_input"
        )
    if not Path(db).is_file():
        raise SyncError(f"Database della sede non trovato: {db}", code="hub_missing")
    source = read_only_sqlite(Path(db))
    try:
        out = backup_to(source, args.out)
    finally:
        source.close()
    print(f"Backup della sede scritto in {out}")
    print("Dopo un ripristino: casa-desk hub new-epoch.")
    return 0
