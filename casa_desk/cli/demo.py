"""``casa-desk demo``: build a realistic synthetic store for one office (demos, training, scale).

The store is written to a temporary file beside ``PATH`` and renamed only when complete; an
existing ``PATH`` is refused and left untouched. Progress goes to stderr, one updating line
per phase.

Like every store it is encrypted and has an administrator: the one named by
``CASA_DESK_USER``/``CASA_DESK_PASSWORD``, else ``demo`` with password ``demo`` (said on
stderr — the data is invented, and the default is in the documentation).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from typing import Any, TextIO

from casa_desk.cli import non_negative
from casa_desk.cli.checks import output_file
from casa_desk.cli.login import PASSWORD_ENV, USER_ENV
from casa_desk.models.numerals import format_int, format_number
from casa_desk.store.reference import PRESIDIO_CODES


def _day(text: str) -> date:
    from casa_desk.demo.builder import FIRST_UNTIL, LAST_UNTIL

    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{text}' non è una data valida (serve AAAA-MM-GG)"
        ) from None
    if not FIRST_UNTIL <= day <= LAST_UNTIL:
        raise argparse.ArgumentTypeError(
            f"{text} è fuori dall'intervallo della demo "
            f"({FIRST_UNTIL.isoformat()} – {LAST_UNTIL.isoformat()})"
        )
    return day


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="crea un archivio dimostrativo con dati inventati",
        description="Crea un archivio nuovo per un presidio con persone, contatti, "
        "segnalazioni e partecipanti inventati ma realistici (un anno di attività). "
        "Stesso seme, stesso contenuto. L'archivio è cifrato; il suo amministratore è "
        "l'utente di CASA_DESK_USER con la password di CASA_DESK_PASSWORD, altrimenti "
        "«demo» con password «demo».",
    )
    parser.add_argument(
        "--db",
        required=True,
        type=output_file,
        metavar="PERCORSO",
        help="archivio da creare (non deve esistere)",
    )
    parser.add_argument(
        "--presidio",
        default="SAN-SIRO",
        metavar="CODICE",
        help=f"codice del presidio ({', '.join(PRESIDIO_CODES)}); predefinito SAN-SIRO",
    )
    parser.add_argument(
        "--people",
        type=non_negative,
        default=2_000,
        metavar="N",
        help="numero di persone (predefinito 2000)",
    )
    parser.add_argument(
        "--contacts",
        type=non_negative,
        default=20_000,
        metavar="N",
        help="numero di contatti, rettifiche comprese (predefinito 20000)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="S", help="seme dei dati casuali (predefinito 0)"
    )
    parser.add_argument(
        "--until",
        type=_day,
        metavar="AAAA-MM-GG",
        help="fine dell'anno di attività, esclusa (predefinito: oggi)",
    )
    parser.set_defaults(handler=run)


class ProgressLine:
    """One line per phase on ``stream``; updated in place on a terminal, printed once if not."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.phase = ""
        self.started = time.monotonic()
        self._last = 0.0
        self._ended = False

    @property
    def ended(self) -> bool:
        """True when the current phase's line is complete (nothing half-written on it)."""
        return self._ended or not self.phase

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != self.phase:
            self.phase = phase
            self.started = time.monotonic()
            self._ended = False
        if self._ended:
            return
        finished = done >= total
        now = time.monotonic()
        if not finished and (not self.live or now - self._last < 0.1):
            return
        self._last = now
        percent = 100 if total == 0 else done * 100 // total
        line = f"{phase}: {format_int(done)}/{format_int(total)} ({percent}%)"
        if finished:
            line += f" in {format_number(now - self.started)} s"
        end = "\n" if finished else ""
        self._ended = finished
        self.stream.write(("\r\x1b[K" if self.live else "") + line + end)
        self.stream.flush()


DEFAULT_ADMIN = "demo"
DEFAULT_PASSWORD = "demo"


def run(args: argparse.Namespace) -> int:
    from casa_desk.demo.builder import DemoOptions, build_demo, check_options

    admin = os.environ.get(USER_ENV) or DEFAULT_ADMIN
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = DEFAULT_PASSWORD
    options = DemoOptions(
        presidio=args.presidio,
        people=args.people,
        contacts=args.contacts,
        seed=args.seed,
        until=args.until,
        admin=admin,
        password=password,
    )
    check_options(options)
    started = time.monotonic()
    line = ProgressLine(sys.stderr)
    try:
        summary = build_demo(args.db, options, line)
    except BaseException:
        if line.live and not line.ended:
            sys.stderr.write("\n")  # the error goes under the progress, not after it
        raise
    rows = sum(summary.counts.values())
    print(
        f"Archivio dimostrativo creato: {summary.path} ({format_int(rows)} righe in "
        f"{format_number(time.monotonic() - started)} s)"
    )
    if admin == DEFAULT_ADMIN and password == DEFAULT_PASSWORD:  # said once it exists
        print(
            f"casa-desk: Archivio dimostrativo con l'utente predefinito «{DEFAULT_ADMIN}», "
            f"password «{DEFAULT_PASSWORD}» (altri con {USER_ENV} e {PASSWORD_ENV}).",
            file=sys.stderr,
        )
    return 0
