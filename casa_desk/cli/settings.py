"""``casa-desk settings``: the store's settings, shown or changed.

Two kinds, one command. Head office's settings (the ESF programme, its name and CUP:
:class:`casa_desk.models.vocab.SettingKey`) are changed with ``set KEY VALUE`` only on head
office's own store (``SEDE``) and reach every office with the next sync. This desk's own
setting, the window's idle lock, is changed with ``--lock-minutes N``. Anyone logged in
sees them; changing either is for administrators, and audited.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store
from casa_desk.cli.login import add_user_argument, logged_in
from casa_desk.models.vocab import AuditAction, SettingKey
from casa_desk.security.permissions import Action


def _minutes(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' non è un numero intero") from None


def register(subparsers: Any) -> None:
    from casa_desk.security import settings as desk_settings

    parser = subparsers.add_parser(
        "settings",
        help="impostazioni (programma FSE e CUP della sede, blocco per inattività)",
        description="Mostra le impostazioni. Con «set» la sede cambia una delle sue, che "
        "arriva agli uffici con la sincronizzazione (chiavi: "
        + ", ".join(k.value for k in SettingKey)
        + f", e {SettingKey.RETENTION_MONTHS.value}.<categoria> per un periodo di "
        "conservazione più breve per i contatti di una categoria, es. "
        f"{SettingKey.RETENTION_MONTHS.value}.salute 24); con --lock-minutes cambia il "
        "blocco per inattività di questo archivio. Cambiarle è per gli amministratori.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio")
    parser.add_argument(
        "--lock-minutes",
        type=_minutes,
        metavar="N",
        help="minuti senza attività prima del blocco della finestra "
        f"({desk_settings.MIN_LOCK_MINUTES}–{desk_settings.MAX_LOCK_MINUTES}, "
        f"predefinito {desk_settings.DEFAULT_LOCK_MINUTES})",
    )
    add_user_argument(parser)
    sub = parser.add_subparsers(dest="settings_command", metavar="AZIONE")
    change = sub.add_parser(
        "set",
        help="cambia un'impostazione della sede (solo archivio della sede)",
        description="Cambia un'impostazione; un valore vuoto la toglie.",
    )
    change.add_argument("key", help="chiave, es. esf.programme o retention.months.<categoria>")
    change.add_argument("value", help="valore, es. 2021-2027")
    change.add_argument("--presidio", help="solo per questo presidio (altrimenti per tutti)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from casa_desk.security import settings as desk_settings
    from casa_desk.store.settings import Settings

    existing_store(args.db)  # a folder or a missing file: one line, nothing created
    changing = args.settings_command == "set" or args.lock_minutes is not None
    action = Action.MANAGE_SETTINGS if changing else None
    with logged_in(args.db, args, command="settings", action=action) as session:
        store = session.store
        if args.lock_minutes is not None:
            before = desk_settings.set_lock_minutes(session, args.lock_minutes)
            print(f"Blocco per inattività: {before} → {args.lock_minutes} minuti.")
        if args.settings_command == "set":
            Settings(store).set(args.key, args.value, office=args.presidio)
            session.audit(
                AuditAction.SETTINGS_CHANGED,
                table="settings",
                row_id=args.key,
                reason=f"{args.key}{' ' + args.presidio if args.presidio else ''}",
            )
            where = f" per {args.presidio}" if args.presidio else ""
            print(f"Impostazione {args.key}{where} salvata.")
            print("Arriva agli uffici con la prossima sincronizzazione.")
        if changing:
            return 0
        for row in Settings(store).rows():
            where = row["office"] or "tutti"
            print(f"{row['key']} [{where}] = {row['value']}")
        print(f"lock_minutes [questo archivio] = {desk_settings.lock_minutes(store)}")
    return 0
