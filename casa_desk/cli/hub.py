"""``casa-desk hub``: run the hub and manage its devices (serve, device-add, device-code,
device-revoke, device-list, new-epoch, backup, esf-duplicates, import-bundle).

Only head office runs a hub, from the Python package (docs/deploy.md). The office PCs' bundle
leaves the hub's server stack out (packaging/casa_desk.spec): there ``hub`` is listed as not
installed and says so in one line, whatever follows it.
"""

from __future__ import annotations

import argparse
import json
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import (
    HUB_SCHEMES,
    check_listen_address,
    hub_database,
    not_a_file,
    output_file,
    port,
)
from casa_desk.errors import SyncError
from casa_desk.outputs import check_output, write_bytes
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.sync.hub_url import check_hub_url

#: What the hub runs on and the office's bundle leaves out (packaging/casa_desk.spec). The
#: PostgreSQL driver is not here: a hub on SQLite runs without it.
HUB_MODULES = ("fastapi", "uvicorn", "sqlalchemy", "casa_desk.sync.hub")

NOT_INSTALLED = (
    "Il server della sede non fa parte dell'installazione dell'ufficio: si installa in sede "
    "con il pacchetto Python (docs/deploy.md)."
)


def hub_installed() -> bool:
    """Whether this installation can run a hub (False in the office PCs' bundle).

    Looked up without importing: ``--help`` stays fast, and an installation that lacks the
    modules for any reason gets the same answer as the bundle.
    """
    return all(find_spec(name) is not None for name in HUB_MODULES)


def _not_installed(_args: argparse.Namespace) -> int:
    raise SyncError(NOT_INSTALLED, code="hub_not_installed")


def register(subparsers: Any) -> None:
    if hub_installed():
        _register_commands(subparsers)
        return
    # Listed, so that the help says where the hub is rather than nothing; main() cuts off
    # what follows ``hub``, which this parser would refuse with a usage message.
    absent = subparsers.add_parser(
        "hub", help="il server della sede: non incluso in questa installazione", add_help=False
    )
    absent.set_defaults(handler=_not_installed)


def _register_commands(subparsers: Any) -> None:
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
    serve.add_argument("--port", type=port, default=8765, help="porta (predefinita 8765)")
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
        "--out", type=output_file, help="scrive anche un file di abbinamento (uffici senza rete)"
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
    again.add_argument("--out", type=output_file, help="scrive anche un file di abbinamento")
    again.set_defaults(handler=run_device_code)

    revoke = sub.add_parser(
        "device-revoke",
        help="revoca un dispositivo",
        description="Revoca un dispositivo: non potrà più sincronizzare.",
    )
    revoke.add_argument("--db", help=db_help)
    revoke.add_argument("device", help="identificativo del dispositivo (o il suo inizio)")
    revoke.set_defaults(handler=run_device_revoke)

    listing = sub.add_parser(
        "device-list",
        help="elenca i dispositivi",
        description="Elenca i dispositivi: identificativo, presidio, data di creazione, "
        "stato (in attesa di abbinamento, file di abbinamento mai collegato, abbinato, "
        "revocato) ed etichetta. Mai token né "
        "chiavi.",
    )
    listing.add_argument("--db", help=db_help)
    listing.set_defaults(handler=run_device_list)

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
    backup.add_argument("--out", required=True, type=output_file, help="file di destinazione")
    backup.set_defaults(handler=run_backup)

    dup = sub.add_parser(
        "esf-duplicates",
        help="iscrizioni FSE della stessa persona in più uffici (senza nomi)",
        description="Elenca le iscrizioni al programma FSE che hanno la stessa impronta del "
        "codice fiscale (hash con chiave): identificativo, presidio e data di ingresso, mai "
        "nomi né codici. Esce con 0 se non ce ne sono, 1 altrimenti.",
    )
    dup.add_argument("--db", help=db_help)
    dup.set_defaults(handler=run_esf_duplicates)

    imp = sub.add_parser(
        "import-bundle",
        help="importa un pacchetto di un ufficio senza rete",
        description="Importa un pacchetto e scrive il pacchetto di risposta.",
    )
    imp.add_argument("file", type=Path, help="pacchetto dell'ufficio")
    imp.add_argument("--db", help=db_help)
    imp.add_argument(
        "--reply", required=True, type=output_file, help="pacchetto di risposta da scrivere"
    )
    imp.set_defaults(handler=run_import_bundle)
    parser.set_defaults(handler=lambda _a: parser.print_help() or 2)


def _hub(db: str, *, create: bool = True) -> Any:
    """The hub at ``db``, which :func:`hub_database` has checked (once: it reads the file)."""
    from casa_desk.sync.hub.storage import HubStore

    return HubStore.open(db, create=create)


def described(db: str) -> str:
    """The hub's database as the start line names it, never with its password: a SQLite
    file's path; for PostgreSQL the database, its user and where it is (host and port, or
    the socket folder of ``?host=/var/run/postgresql``, which the URL's tail showed as
    ``/casa_hub?host=/var/run/postgresql``)."""
    if "://" not in db:
        return db
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from casa_desk.sync.hub.storage import engine_url

    try:
        url = make_url(engine_url(db))
    except (ArgumentError, ValueError):
        return "PostgreSQL"
    host = str(url.query.get("host") or url.host or "localhost")
    if host.startswith("/"):
        where = f"socket {host}"
    else:
        where = f"[{host}]" if ":" in host else host
        where += f":{url.port}" if url.port else ""
    who = f", utente {url.username}" if url.username else ""
    return f"PostgreSQL «{url.database or '?'}» su {where}{who}"


def run_serve(args: argparse.Namespace) -> int:
    from casa_desk.sync.hub import endpoint
    from casa_desk.sync.hub.app import serve
    from casa_desk.sync.tls import shown

    endpoint.check_serving(args.host, args.tls_cert, args.tls_key, insecure=args.insecure_http)
    db = hub_database(args.db, create=True, make_folder=True)
    check_listen_address(args.host, args.port)
    hub = _hub(db)  # creates the database (owner-only) before anyone can connect
    try:
        url = endpoint.served_url(args.host, args.port, args.tls_cert)
        served = endpoint.record(hub, url, args.tls_cert)
    finally:
        hub.close()
    scheme = "https" if args.tls_cert else "http"
    print(
        f"Sede in ascolto su {scheme}://{args.host}:{args.port} (database: {described(db)})",
        flush=True,
    )
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
    db = hub_database(args.db, create=True)
    # Before the device exists: a file that fails makes none. An existing file is refused:
    # it is most likely another new device's, not yet delivered, and its token is only there.
    _check_hand_out(args, db, overwrite=False)
    hub = _hub(db)
    try:
        device_id, code = add_device(hub, presidio, head_office=args.head_office, label=args.label)
        try:
            lines = _hand_out(hub, device_id, code, args, db)
        except BaseException:
            _forget_device(hub, device_id)  # never handed out: as if never made
            raise
    finally:
        hub.close()
    print(f"Dispositivo {device_id} creato per {presidio}.")
    print("\n".join(lines))
    return 0


def _forget_device(hub: Any, device_id: str) -> None:
    from sqlalchemy import delete

    from casa_desk.sync.hub import schema

    with hub.tx() as conn:
        conn.execute(delete(schema.devices).where(schema.devices.c.id == device_id))


def _check_hand_out(args: argparse.Namespace, db: str, *, overwrite: bool = True) -> None:
    """``--hub-url`` and ``--out`` checked before the hub is touched (``device-code`` may
    replace the device's older file: its code no longer works)."""
    if args.hub_url:
        check_hub_url(args.hub_url)
    if args.out:
        check_output(args.out, inputs=[db], overwrite=overwrite)


def run_device_code(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from casa_desk.sync.hub import schema
    from casa_desk.sync.hub.devices import find_device

    db = hub_database(args.db, create=False)
    _check_hand_out(args, db)
    hub = _hub(db, create=False)
    try:
        with hub.tx(readonly=True) as conn:
            device_id = find_device(conn, args.device)
            revoked = conn.execute(
                select(schema.devices.c.revoked_at).where(schema.devices.c.id == device_id)
            ).scalar_one()
        if revoked:
            raise SyncError(f"Dispositivo {device_id} revocato: crearne uno nuovo.", code="revoked")
        lines = _hand_out(hub, device_id, _fresh_code(hub, device_id), args, db)
    finally:
        hub.close()
    print("\n".join(lines))
    return 0


def _hand_out(hub: Any, device_id: str, code: str, args: argparse.Namespace, db: str) -> list[str]:
    """The lines to print: the address handed out (``--hub-url``, else the one ``hub serve``
    recorded), the code last; with ``--out``, the enrolment file is written.

    The file carries the hub's address and its certificate's whole fingerprint; the printed
    code carries the fingerprint's first 130 bits (security/tokens.py says why), so that an
    office pins the certificate ``hub serve`` last recorded either way. Nothing is printed
    here: a file that fails leaves no code on the screen for a device that is then forgotten.
    """
    from casa_desk.security.tokens import code_with_pin
    from casa_desk.sync.hub.devices import enrol
    from casa_desk.sync.hub.endpoint import recorded

    served = recorded(hub)
    address = args.hub_url or served.url  # None when no hub serve ran and none was given
    lines: list[str] = []
    if args.out:
        creds = enrol(hub, code)
        creds["hub_url"] = address
        creds["tls_fingerprint"] = served.fingerprint
        # The file holds the device's token and key: owner only (the helper's default).
        write_bytes(
            args.out,
            json.dumps(creds, indent=2).encode("utf-8"),
            inputs=[db],
        )
        # The file consumed the first code: make a fresh one for online enrolment.
        code = _fresh_code(hub, device_id)
        lines.append(f"File di abbinamento scritto in {args.out}")
    if served.fingerprint:
        lines.append(f"Sede in HTTPS ({address}): il codice porta l'impronta del certificato.")
        code = code_with_pin(code, served.fingerprint)
    elif address:  # no certificate recorded: the office types the address with the code
        lines.append(f"Indirizzo della sede: {address}")
    if served.url is None:  # made before the hub ever served from this database
        lines.append(
            "Attenzione: il server della sede non è ancora stato avviato su questo database, "
            "quindi il codice non porta l'impronta del suo certificato: per un server in "
            "HTTPS, avviarlo («casa-desk hub serve») e dare il codice di «hub device-code»."
        )
    return [*lines, code]


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

    hub = _hub(hub_database(args.db, create=False), create=False)
    try:
        device_id = revoke_device(hub, args.device)
    finally:
        hub.close()
    print(f"Dispositivo {device_id} revocato.")
    return 0


def run_device_list(args: argparse.Namespace) -> int:
    """One line per device, times as the office reads them (Rome, ``25/11/2026 18:50``)
    rather than as the hub stores them (UTC, ``2026-11-25T17:50:32.717Z``)."""
    from casa_desk.models.timeutil import format_datetime
    from casa_desk.sync.hub.devices import list_devices

    hub = _hub(hub_database(args.db, create=False), create=False)
    try:
        devices = list_devices(hub)
    finally:
        hub.close()
    if not devices:
        print("Nessun dispositivo.")
        return 0
    for d in devices:
        if d["revoked_at"]:
            state = f"revocato {format_datetime(d['revoked_at'])}"
        elif d["enrolled_at"] and not d["contacted"]:  # a file, not used by the office yet
            state = f"file di abbinamento del {format_datetime(d['enrolled_at'])}, mai collegato"
        elif d["enrolled_at"]:
            state = f"abbinato {format_datetime(d['enrolled_at'])}"
        else:
            state = "in attesa di abbinamento"
        if d.get("clone_seen_at"):  # a copy of its store refused (sync/hub/lineage.py)
            state += (
                f"; copia dell'archivio in uso su un altro PC, rifiutata il"
                f" {format_datetime(d['clone_seen_at'])}: abbinare quel PC come nuovo dispositivo"
            )
        office = f"{d['presidio']} (sede)" if d["head_office"] else d["presidio"]
        label = f"  «{d['label']}»" if d["label"] else ""
        print(f"{d['id']}  {office}  creato {format_datetime(d['created_at'])}  {state}{label}")
    return 0


def run_new_epoch(args: argparse.Namespace) -> int:
    hub = _hub(hub_database(args.db, create=False), create=False)
    try:
        epoch = hub.new_epoch()
    finally:
        hub.close()
    print(f"Nuova epoca della sede: {epoch}.")
    print("Gli uffici si riallineano alla prossima sincronizzazione.")
    return 0


def run_esf_duplicates(args: argparse.Namespace) -> int:
    hub = _hub(hub_database(args.db, create=False), create=False)
    try:
        groups = hub.esf_duplicates()
    finally:
        hub.close()
    if not groups:
        print("Nessuna iscrizione FSE doppia.")
        return 0
    print(f"Persone iscritte più volte al programma FSE: {len(groups)}.")
    for n, group in enumerate(groups, 1):
        where = "; ".join(f"{g['presidio']} dal {g['entered_on']} ({g['id']})" for g in group)
        print(f"{n}. {where}")
    return 1


def run_import_bundle(args: argparse.Namespace) -> int:
    from casa_desk.sync.bundle import hub_import_bundle, not_the_hub

    db = hub_database(args.db, create=False)
    not_the_hub(args.file, db)  # at once, unread: reading it drops our locks on it
    if not args.file.is_file():
        what = not_a_file(args.file)
        raise SyncError(f"Pacchetto {what}: {args.file}", code="bundle_missing")
    check_output(args.reply, inputs=[db, args.file])
    hub = _hub(db, create=False)
    try:
        summary = hub_import_bundle(hub, args.file, args.reply, inputs=[db])
    finally:
        hub.close()
    print(summary)
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from casa_desk.store.backup import backup_to
    from casa_desk.sync.hub.storage import plain_sqlite_target, read_only_sqlite

    if str(args.db or "").lower().startswith(HUB_SCHEMES):
        raise SyncError(
            "Per una sede su PostgreSQL usare pg_dump (docs/deploy.md).", code="bad_input"
        )
    db = hub_database(args.db, create=False)  # a hub file, whole: never an office store
    check_output(args.out, inputs=[db], database=True, application_id=0)  # hubs carry none
    source = read_only_sqlite(Path(db))
    try:
        out = backup_to(source, args.out, inputs=[db], target_for=plain_sqlite_target)
    finally:
        source.close()
    print(f"Backup della sede scritto in {out}")
    print("Dopo un ripristino: casa-desk hub new-epoch.")
    return 0
