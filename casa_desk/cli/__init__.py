"""The ``casa-desk`` command (DESIGN.md §7).

Each subcommand lives in its own module exposing ``register(subparsers)``; the module's
handler returns an exit status. Expected errors (:class:`~casa_desk.errors.CasaError`) become
one line on stderr and a non-zero status — never a traceback — and bad arguments exit 2
through argparse.
"""

from __future__ import annotations

import argparse
import errno
import gc
import importlib
import logging
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from casa_desk import __version__
from casa_desk.cli.hub import hub_installed
from casa_desk.errors import CasaError

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS = (
    "casa_desk.cli.backup",
    "casa_desk.cli.demo",
    "casa_desk.cli.importing",
    "casa_desk.cli.report",
    "casa_desk.cli.settings",
    "casa_desk.cli.hub",
    "casa_desk.cli.enrol",
    "casa_desk.cli.sync",
    "casa_desk.cli.bundle",
    "casa_desk.cli.encrypt",
    "casa_desk.cli.users",
    "casa_desk.cli.rights",
)


#: argparse's own messages (Python ships them in English only), in Italian: the line the
#: user reads was "errore: the following arguments are required: --db".
_ARGPARSE_WORDS = (
    (r"^the following arguments are required: ", "mancano gli argomenti obbligatori: "),
    (r"^one of the arguments (.*) is required$", r"serve uno degli argomenti \1"),
    (r"^unrecognized arguments: ", "argomenti non riconosciuti: "),
    (r"^ambiguous option: (\S+) could match ", r"opzione ambigua: \1 può essere "),
    (r"^argument (\S+): ", r"argomento \1: "),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"scelta non valida: \1 (ammessi: \2)"),
    (r"expected one argument$", "serve un valore"),
    (r"invalid (\w+) value: (.*)$", r"valore non valido: \2"),
    (r"not allowed with argument ", "non ammesso insieme a "),
)


class _Formatter(argparse.HelpFormatter):
    """The help's first word in Italian too ("uso:", not "usage:")."""

    def _format_usage(self, usage, actions, groups, prefix):  # type: ignore[no-untyped-def]
        return super()._format_usage(usage, actions, groups, "uso: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """argparse that says what was wrong in one line, in the user's terms, and whose help
    is Italian throughout: argparse's own headings ("positional arguments", "options",
    "show this help message and exit") come from Python, in English only."""

    #: Set by :func:`main` when ``--db`` came before the command, where it opens the window.
    db_before_command = False
    #: The subcommands' names (:func:`build_parser`).
    commands: frozenset[str] = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # argparse's -h has English words: ours below
        super().__init__(*args, **kwargs)
        self._positionals.title = "argomenti"
        self._optionals.title = "opzioni"
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS,
                help="mostra questo aiuto ed esce",
            )  # fmt: skip

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, words in _ARGPARSE_WORDS:
            message = re.sub(pattern, words, message)
        if _Parser.db_before_command and "--db" in message and "obbligatori" in message:
            message += f" (--db va scritto dopo il comando: {self.prog} --db …)"
        self.exit(2, f"{self.prog}: errore: {message}\n")


def build_parser() -> _Parser:
    parser = _Parser(
        prog="casa-desk",
        description="casa_desk: lo sportello dei presidi C.A.S.A. di Aler Milano. "
        "Senza sottocomando apre l'applicazione.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"casa-desk {__version__}",
        help="mostra la versione ed esce",
    )
    parser.add_argument("--db", help="archivio da aprire (predefinito: cartella dati utente)")
    parser.add_argument("--lang", choices=("it", "en"), help="lingua dell'interfaccia")
    subparsers = parser.add_subparsers(dest="command", metavar="COMANDO", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(name).register(subparsers)
    parser.commands = frozenset(subparsers.choices)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    given = list(sys.argv[1:] if argv is None else argv)
    first = _command_index(given, parser.commands)
    _Parser.db_before_command = any(_is_option(a.split("=")[0], "--db") for a in given[:first])
    if given[first : first + 1] == ["hub"] and not hub_installed():
        given = given[: first + 1]  # whatever follows, the one line that the hub is not here
    args = parser.parse_args(given)
    try:
        if args.command is None:
            from casa_desk.app import run_app  # Qt is loaded only when the window is wanted

            return run_app(db=args.db, lang=args.lang)
        if args.command != "hub":
            _quiet_logs()
        return int(args.handler(args) or 0)
    except CasaError as exc:
        print(f"casa-desk: {exc.message}", file=sys.stderr)
        return 1
    except Exception as exc:
        line = environment_failure(exc)
        if line is None:  # a bug: the traceback is what a maintainer needs, without the
            return _bug(exc)  # exceptions' words, which may quote a name or a codice fiscale
        print(f"casa-desk: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("casa-desk: Interrotto.", file=sys.stderr)
        return 130


def console() -> NoReturn:
    """The ``casa-desk`` program (the console script, ``python -m casa_desk``, the bundle):
    :func:`main`, then the process's exit.

    At exit Python collects cycles once more, walking every object the command made or
    imported (~0.07 s after a report, a twentieth of the command), then frees the modules.
    Frozen first, they are left to the modules' own teardown: files, the store and the
    temporary folders are closed by the command itself or by ``atexit``, which run before.
    Only a process that ends here does this: :func:`main` stays callable in tests."""
    code = main()
    gc.freeze()
    sys.exit(code)


def _command_index(given: list[str], commands: frozenset[str]) -> int:
    """Where the subcommand is in ``given`` (``len(given)`` when there is none): the first
    command name that is not the value of ``--db`` (a store may be called ``hub``)."""
    for i, arg in enumerate(given):
        if arg in commands and not (i and _is_option(given[i - 1], "--db", "--lang")):
            return i
    return len(given)


def _is_option(arg: str, *names: str) -> bool:
    """``arg`` is one of ``names`` as argparse reads it: whole or abbreviated (``--d`` is
    ``--db``), its value after it rather than after ``=``."""
    return arg.startswith("--") and len(arg) > 2 and any(n.startswith(arg) for n in names)


def _bug(exc: BaseException) -> int:
    """A bug's traceback on stderr, as Python would print it but for the messages
    (:mod:`casa_desk.bug_details`): a terminal's output is kept, pasted and mailed."""
    from casa_desk.bug_details import bug_details

    print(bug_details(exc), end="", file=sys.stderr)
    return 1


def _quiet_logs() -> None:
    """An office's commands speak to the user in their own Italian lines only.

    No command configures logging, so Python's last-resort handler printed casa_desk's
    warnings — English, meant for a maintainer ("hub epoch changed…") — on the terminal
    between the command's lines. Their content reaches the user in the command's own words
    (the sync summary says when the hub was restored). The hub's commands keep them: the
    server's log is where its administrator reads them.
    """
    logging.getLogger("casa_desk").addHandler(logging.NullHandler())


#: Failures of the machine, not of the program, that any write can meet (a full or read-only
#: disk, a file taken away): one line, whichever command met them.
_OS_FAILURES = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO}


def environment_failure(exc: BaseException) -> str | None:
    """One Italian line for a disk or file-system failure, or None when ``exc`` is a bug.
    It starts with a capital letter, after ``casa-desk: ``, as every other message does.

    A database error that SQLAlchemy wrapped (the hub) is judged by the driver's own error.
    """
    from casa_desk.outputs import reason
    from casa_desk.store.connection import failure

    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and orig is not exc:
        exc = orig
    sqlstate = str(getattr(exc, "sqlstate", "") or "")
    if sqlstate.startswith("53"):  # PostgreSQL: insufficient resources (disk full, memory)
        return "Operazione non riuscita: spazio esaurito sul server del database."
    if sqlstate.startswith("08"):  # PostgreSQL: connection exception
        return "Operazione non riuscita: database della sede non raggiungibile."
    if isinstance(exc, OSError) and exc.errno in _OS_FAILURES:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Operazione non riuscita: {reason(exc)}{where}."
    said = failure(exc)  # SQLite: full, read-only, busy, damaged…
    return f"Operazione non riuscita: {said}." if said else None


def non_negative(text: str) -> int:
    """argparse type for counts: a whole number, zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' non è un numero intero") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} è negativo: serve un numero da 0 in su")
    return value
