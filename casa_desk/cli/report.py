"""``casa-desk report`` (the monthly PDF/CSV) and ``casa-desk letter`` (a referral letter)."""

from __future__ import annotations

import argparse
import importlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk.cli.checks import existing_store, output_file
from casa_desk.cli.login import add_user_argument, begin_login, logged_in
from casa_desk.errors import CasaError
from casa_desk.gc_pause import paused_cyclic_gc
from casa_desk.models.vocab import AuditAction, Programme
from casa_desk.outputs import check_output, check_outputs
from casa_desk.security.permissions import Action

if TYPE_CHECKING:
    from casa_desk.security.access import Session


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="rapporto mensile (PDF, CSV) per un presidio o per tutti",
        description="Rapporto mensile di attività per il programma FSE scelto dalla sede "
        "(2021-2027 se non indicato): solo dati aggregati, mai nomi. Il mese è un mese di "
        "calendario nel fuso di Roma. Coordinatori e amministratori.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio da cui leggere")
    parser.add_argument("--month", required=True, help="mese nella forma AAAA-MM, es. 2026-10")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--presidio", help="codice del presidio, es. SAN-SIRO")
    which.add_argument("--all", action="store_true", help="rapporto consolidato di tutti i presidi")
    parser.add_argument("--out", required=True, type=output_file, help="file PDF da scrivere")
    parser.add_argument(
        "--csv", type=output_file, help="file CSV con le stesse cifre (facoltativo)"
    )
    parser.add_argument("--comment", default="", help="commento del community manager")
    parser.add_argument(
        "--programme",
        choices=[p.value for p in Programme],
        help="programma FSE per questo solo rapporto (altrimenti quello scelto dalla sede)",
    )
    add_user_argument(parser)
    parser.set_defaults(handler=run)

    letter_parser = subparsers.add_parser(
        "letter",
        help="lettera di invio a un servizio esterno (PDF)",
        description="Stampa la lettera di una segnalazione per un servizio esterno al sistema; "
        "la stampa è registrata nel registro degli accessi.",
    )
    letter_parser.add_argument("--db", required=True, type=Path, help="archivio")
    letter_parser.add_argument(
        "--referral",
        required=True,
        metavar="NUMERO",
        help="numero della segnalazione come lo mostra la finestra (es. SS-2026-000123), "
        "oppure il suo id",
    )
    letter_parser.add_argument(
        "--out", required=True, type=output_file, help="file PDF da scrivere"
    )
    letter_parser.add_argument(
        "--break-glass",
        metavar="MOTIVO",
        help="persona riservata e utente senza permesso: il motivo dell'accesso "
        "(almeno 10 caratteri, registrato)",
    )
    add_user_argument(letter_parser)
    letter_parser.set_defaults(handler=run_letter)


#: What the PDF needs from reportlab (~0.1 s of imports); none of it imports casa_desk.
_PDF_LIBRARIES = (
    "reportlab.platypus",
    "reportlab.graphics.charts.barcharts",
    "reportlab.graphics.shapes",
    "reportlab.pdfbase.ttfonts",
    "reportlab.pdfgen.canvas",
)


def _preload_pdf_libraries() -> threading.Thread:
    """Import reportlab, then register the report's fonts (parsing two TrueType files), on a
    worker thread while the login runs argon2id, which holds no GIL (~0.2 s of a core): the
    two overlap instead of adding up. Only third-party modules that never import
    ``casa_desk`` load there (the fonts module is imported here first, and loads only
    reportlab), so the two threads never wait on each other's imports. A failure is left
    for the main thread's own import or registration to raise, in its words."""
    from casa_desk import paths
    from casa_desk.reports import fonts

    def load() -> None:
        try:
            for name in _PDF_LIBRARIES:
                importlib.import_module(name)
            fonts.register(paths.font_path)
        except Exception:  # noqa: BLE001, S110 - raised again where the PDF needs it
            pass

    thread = threading.Thread(target=load, name="report-preload", daemon=True)
    thread.start()
    return thread


def run(args: argparse.Namespace) -> int:
    # The collector off while the command works (casa_desk.gc_pause): its imports (~100,000
    # objects of modules, classes and functions), the store's rows and reportlab's layout
    # made it run ~235 times during a report on the encrypted 1,000,000-contact store (20
    # middle, one full), 0.25-0.68 s of wall at load 7-10. Peak RSS stayed 116-125 MB.
    with paused_cyclic_gc():
        return _report(args)


def _report(args: argparse.Namespace) -> int:
    from casa_desk.models.timeutil import today_rome
    from casa_desk.reports.model import parse_month, refuse_future  # plain data: no reportlab

    existing_store(args.db)
    # A bad month or output stops here, before the password is asked.
    refuse_future(parse_month(args.month), today_rome())
    outputs = [args.out] if args.csv is None else [args.out, args.csv]
    check_outputs(outputs, inputs=[args.db])
    # argon2id first (0.25 s without the GIL), then the imports (~0.3 s under it) beside it:
    # started in the other order the two add up. reportlab loads on a third thread.
    early = begin_login(args.db, args)
    preload = _preload_pdf_libraries()
    from casa_desk.reports import service  # the figures, and reportlab when a PDF is made

    # The whole-file quick check (2-4 s of CPU at a million contacts, more than the report) is
    # skipped: opening a current store writes nothing (Store.open checks first whatever it
    # must write), every page read is authenticated by SQLCipher's HMAC (a damaged one is
    # one line, "archivio danneggiato", never a report), and the two audit rows touch only
    # pages read, and so checked, first. The window still runs the full check.
    with logged_in(
        args.db, args, command="report", action=Action.REPORT, check_integrity=False, early=early
    ) as session:
        preload.join()
        files = service.generate(
            session.store,
            args.month,
            None if args.all else args.presidio,
            args.out,
            out_csv=args.csv,
            comment=args.comment,
            programme=args.programme,
        )
        session.audit(
            AuditAction.EXPORTED,
            table="report",
            row_id=f"{files.report.month}/{args.presidio or 'ALL'}",
            reason="pdf+csv" if files.csv else "pdf",
        )
    print(f"Rapporto scritto in {files.pdf}" + (f" e {files.csv}" if files.csv else ""))
    return 0


def run_letter(args: argparse.Namespace) -> int:
    from casa_desk.reports import letter

    existing_store(args.db)
    check_output(args.out, inputs=[args.db])
    with logged_in(args.db, args, command="letter", action=Action.PRINT_LETTER) as session:
        referral_id = referral_of(session, args.referral)
        letter_access(session, referral_id, args.break_glass)
        out = letter.print_letter(session.store, referral_id, args.out, by=session.user.username)
    print(f"Lettera scritta in {out}")
    return 0


def referral_of(session: Session, given: str) -> str:
    """The id of the referral ``given`` names: its id, or the number the window and the
    letter show (what an operator has in hand). A number two referrals share is refused
    with their ids, offices and days, to choose from: no name is printed, and for a user
    who may not see sensitive referrals, none of those (as the window's list leaves them
    out; one alone is named so that the letter refuses it as by its id)."""
    from casa_desk.models.timeutil import format_datetime
    from casa_desk.store.referrals import Referrals

    if session.store.query("SELECT 1 FROM referrals WHERE id = ?", [given]):
        return given
    referrals = Referrals(session.store)
    rows = referrals.numbered(given, include_sensitive=not session.masked)
    if not rows and session.masked:
        hidden = referrals.numbered(given)
        if len(hidden) > 1:
            raise CasaError(
                f"Il numero «{given.strip()}» non è di una segnalazione che questo utente "
                "possa stampare."
            )
        rows = hidden
    if len(rows) > 1:
        which = "; ".join(
            f"{r['id']} ({r['presidio']}, {format_datetime(r['created_at'])})" for r in rows
        )
        raise CasaError(
            f"Il numero «{given.strip()}» è di {len(rows)} segnalazioni (di postazioni o "
            f"presidi diversi): indicare con --referral l'id di quella voluta: {which}."
        )
    return str(rows[0]["id"]) if rows else given  # an unknown one: the letter says so


def letter_access(session: Session, referral_id: str, break_glass: str | None) -> None:
    """The letter names the person and says why they are sent: what the window shows only
    to who may see it. A sensitive referral (health, anti-violence) is printed only by a
    user with permission to see sensitive content, and its showing is audited, as the
    referrals page's "Mostra"; a riservato person's needs the break-glass reason first, as
    ``person export``. An unknown referral is left to the letter's own words."""
    from casa_desk.security.access import BreakGlassRequired

    rows = session.store.query(
        "SELECT person_id, sensitive FROM referrals WHERE id = ? AND deleted = 0", [referral_id]
    )
    if not rows:
        return
    person_id = rows[0]["person_id"]
    if rows[0]["sensitive"]:
        session.reveal("referrals", referral_id)
    if session.needs_break_glass(person_id):
        if not break_glass:
            raise BreakGlassRequired()
        session.break_glass(person_id, break_glass)
