"""``casa-desk retention`` and ``casa-desk person export|erase`` (issue 11, docs/rights.md).

``retention`` applies head office's retention policy (administrators; ``--dry-run`` counts
and changes nothing). ``person export`` writes the access PDF of one person for them (art.
15), ``person erase`` erases their identity and notes now (art. 17, with the request's
reason); both for coordinators and administrators, both audited.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from casa_desk.cli.checks import existing_store, output_file
from casa_desk.cli.login import add_user_argument, logged_in
from casa_desk.errors import CasaError, ValidationError
from casa_desk.outputs import check_output
from casa_desk.security.permissions import Action

#: The days ``--as-of`` may name (the reports' years): a retention period counted back from
#: year 1 is no date at all.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' non è una data AAAA-MM-GG") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text} è fuori dall'intervallo ammesso "
            f"({FIRST_DAY.isoformat()} – {LAST_DAY.isoformat()})"
        )
    return day


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "retention",
        help="applica la conservazione dei dati (anonimizza chi non si vede da tempo)",
        description="Anonimizza le persone il cui ultimo contatto, evento di segnalazione o "
        "uscita FSE è più vecchio del periodo stabilito dalla sede (retention.months, "
        "predefinito 60 mesi) e cancella le righe di audit oltre retention.audit_months. "
        "Le statistiche restano identiche. Solo amministratori; registrato.",
    )
    parser.add_argument("--db", required=True, type=Path, help="archivio")
    parser.add_argument(
        "--as-of",
        type=_day,
        help="giorno di riferimento (predefinito oggi; un giorno futuro solo con --dry-run)",
    )
    parser.add_argument("--dry-run", action="store_true", help="conta soltanto, non cambia nulla")
    parser.add_argument(
        "--vacuum",
        action="store_true",
        help="una volta, per un archivio creato prima: riscrive il file perché d'ora in poi "
        "lo spazio liberato torni al disco (minuti, serve spazio libero pari all'archivio)",
    )
    add_user_argument(parser)
    parser.set_defaults(handler=run_retention)

    person = subparsers.add_parser(
        "person",
        help="diritti di una persona: copia dei suoi dati o cancellazione",
        description="export: tutti i dati di una persona in un PDF per lei (art. 15 GDPR); "
        "erase: cancella subito identità e note (art. 17), anche negli altri uffici con la "
        "sincronizzazione. Coordinatori e amministratori; registrato.",
    )
    sub = person.add_subparsers(dest="person_command", metavar="AZIONE", required=True)
    for name, help_text in (
        ("export", "PDF con tutti i dati della persona"),
        ("erase", "cancella identità e note della persona"),
    ):
        action = sub.add_parser(name, help=help_text, description=help_text)
        action.add_argument("--db", required=True, type=Path, help="archivio")
        who = action.add_mutually_exclusive_group(required=True)
        who.add_argument("--cf", help="codice fiscale")
        who.add_argument("--id", dest="person_id", help="id della persona")
        if name == "export":
            action.add_argument(
                "--out", required=True, type=output_file, help="file PDF da scrivere"
            )
            action.add_argument(
                "--break-glass",
                metavar="MOTIVO",
                help="persona riservata e utente senza permesso: il motivo dell'accesso "
                "(almeno 10 caratteri, registrato)",
            )
        else:
            action.add_argument("--reason", required=True, help="motivo (la richiesta)")
            action.add_argument(
                "--yes",
                action="store_true",
                help="conferma la cancellazione senza chiederla (senza terminale: obbligatorio)",
            )
        add_user_argument(action)
        action.set_defaults(handler=run_person)


def run_retention(args: argparse.Namespace) -> int:
    from casa_desk.models.timeutil import today_rome
    from casa_desk.security import rights  # the store and reportlab: only when run

    existing_store(args.db)
    if args.as_of and args.as_of > today_rome() and not args.dry_run:
        # A typo (2062 for 2026) would anonymise, in every office, people whose period has
        # not ended: irreversible. Counting who will be due is what a future day is for.
        raise ValidationError(
            f"--as-of {args.as_of.isoformat()} è nel futuro: anonimizzerebbe persone prima "
            "della fine del periodo di conservazione. Per contarle usare --dry-run.",
            code="as_of_future",
        )
    with logged_in(args.db, args, command="retention", action=Action.RETENTION) as session:
        done = rights.run_retention(session, as_of=args.as_of, dry_run=args.dry_run)
        if args.vacuum and not args.dry_run:
            rights.vacuum(session)
    what = "da anonimizzare" if args.dry_run else "anonimizzate"
    print(f"Persone {what}: {done.people} (periodo {done.policy.months} mesi).")
    audit = "da cancellare" if args.dry_run else "cancellate"
    print(f"Righe di audit {audit}: {done.audit_rows} (oltre {done.policy.audit_months} mesi).")
    return 0


def run_person(args: argparse.Namespace) -> int:
    from casa_desk.security import rights  # the store and reportlab: only when run

    existing_store(args.db)
    export = args.person_command == "export"
    if export:
        check_output(args.out, inputs=[args.db])
    action = Action.EXPORT_PERSON if export else Action.ERASE_PERSON
    with logged_in(args.db, args, command=f"person {args.person_command}", action=action) as s:
        person_id = rights.find_person(s.store, cf=args.cf, person_id=args.person_id)
        if export:
            if args.break_glass and s.needs_break_glass(person_id):
                s.break_glass(person_id, args.break_glass)
            rights.export_person(s, person_id, args.out)
            print(f"Dati della persona scritti in {args.out}.")
        else:
            due = rights.erasure_preview(s, person_id, args.reason)  # refusals before asking
            if not args.yes:
                _confirm_erasure(person_id, due)
            found = rights.erase_person(s, person_id, args.reason)
            counted = _rows(sum(len(v) for v in found.values()))
            print(
                f"Dati della persona cancellati ({counted}); gli altri uffici li cancellano "
                "alla prossima sincronizzazione."
            )
    return 0


def _rows(count: int) -> str:
    return f"{count} riga" if count == 1 else f"{count} righe"


def _confirm_erasure(person_id: str, rows: int) -> None:
    """An erasure cannot be undone: without ``--yes`` it is said (the person's id and the
    rows about her, nothing that names her) and confirmed on a terminal by typing her id
    or «si»; with no terminal (a script) it is refused. Either refusal changes nothing."""
    what = f"persona {person_id} ({_rows(rows)} che la riguardano)"
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise CasaError(
            f"La cancellazione della {what} non si annulla: confermarla con --yes. "
            "Nulla è stato cambiato.",
            code="erase_unconfirmed",
        )
    sys.stderr.write(
        f"Da cancellare: la {what}, qui e negli altri uffici alla prossima sincronizzazione. "
        "Non si annulla.\n"
        f"Per confermare scrivere l'id della persona ({person_id}) oppure «si»: "
    )
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:  # end of input (Ctrl+D): the refusal on a line of its own
        sys.stderr.write("\n")
    answer = line.strip()
    if answer != person_id and answer.lower() not in ("si", "sì"):
        raise CasaError("Cancellazione annullata: nulla è stato cambiato.", code="erase_cancelled")
