"""``casa-desk sync``: one full sync with the hub; exit 0 only when the store is in sync."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk.cli.checks import existing_store
from casa_desk.cli.login import add_user_argument, logged_in
from casa_desk.errors import SyncError
from casa_desk.models.numerals import count
from casa_desk.security.permissions import Action
from casa_desk.sync.hub_url import check_hub_url

if TYPE_CHECKING:
    from casa_desk.sync.client import SyncReport


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="sincronizza con la sede",
        description="Invia le modifiche di questo ufficio alla sede e riceve quelle degli altri.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio dell'ufficio")
    parser.add_argument("--hub", help="indirizzo della sede (predefinito: quello dell'abbinamento)")
    add_user_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.sync import protocol
    from casa_desk.sync.client import SyncClient

    hub = check_hub_url(args.hub) if args.hub else None  # before the store is opened
    existing_store(args.db)
    with (
        logged_in(args.db, args, command="sync", action=Action.SYNC) as session,
        SyncClient(session.store, hub_url=hub) as client,
    ):
        report = client.sync()
    if not report.in_sync:
        raise SyncError(
            "Dati non allineati con la sede dopo il riallineamento: "
            + ", ".join(report.mismatched),
            code="mismatch",
        )
    if report.day_full:  # what the others did came; this office's rest goes later
        raise SyncError(summary(report), code=protocol.DEVICE_QUOTA)
    print(summary(report))
    return 0


def summary(report: SyncReport) -> str:
    """The line a successful sync prints, counts in Italian form (singular for 1).

    >>> from casa_desk.sync.client import SyncReport
    >>> summary(SyncReport(pushed=28178, pulled=1))
    'Sincronizzato: 28.178 inviate, 1 ricevuta.'

    A round whose push the hub refused for this PC's day (``day_full``) says so after::

    >>> summary(SyncReport(pulled=1, day_full=True))[:80]
    'Sincronizzato in parte: 0 inviate, 1 ricevuta. La sede ha già ricevuto da questo'
    """
    lead = "Sincronizzato in parte" if report.day_full else "Sincronizzato"
    line = (
        f"{lead}: {count(report.pushed, 'inviata', 'inviate')}, "
        f"{count(report.pulled, 'ricevuta', 'ricevute')}"
    )
    if report.rejected:
        line += f", {count(len(report.rejected), 'rifiutata', 'rifiutate')} dalla sede"
    if report.conflicts:
        line += f", {count(report.conflicts, 'conflitto', 'conflitti')} da rivedere"
    if report.realigned:
        line += " (la sede è stata ripristinata: dati inviati e ricevuti di nuovo)"
    line += "."
    if report.day_full:
        from casa_desk.sync import protocol

        line += " " + protocol.MESSAGES[protocol.DEVICE_QUOTA]
    return line
