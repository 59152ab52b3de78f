"""The hub database's connection failures in words an administrator can act on.

A hub that cannot open its database once said only "OperationalError"; the driver's own
first line ("fe_sendauth: no password supplied", "password authentication failed…",
"unable to open database file") says what to fix, in English: the common causes are said
first in Italian (:func:`explained`), the driver's line kept after them for a search or a
ticket. That line may quote the connection string, so every password in it is masked before
it reaches a terminal or a log.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

#: ``user:password@`` in a URL, ``password=…`` in a libpq connection string.
_URL_PASSWORD = re.compile(r"(://[^:/@\s]*):[^@\s]*@")
_KEY_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


#: The driver's words of a common cause → what it means, in Italian (first match wins).
_CAUSES = (
    (r"password authentication failed", "utente o password rifiutati dal server PostgreSQL"),
    (r"no password supplied", "il server PostgreSQL chiede una password e non è stata data "
     "(file .pgpass o PGPASSWORD)"),
    (r"role \S+ does not exist", "l'utente indicato non esiste sul server PostgreSQL"),
    (r"database \S+ does not exist", "il database indicato non esiste sul server PostgreSQL"),
    (r"failed to resolve host|could not translate host name|Name or service not known",
     "nome del server sconosciuto"),
    (r"Connection refused|socket.*No such file or directory|No such file or directory.*socket",
     "nessun server PostgreSQL risponde a quell'indirizzo e porta (è avviato?)"),
    (r"timeout expired|timed out", "il server non ha risposto in tempo"),
    (r"pg_hba\.conf", "il server PostgreSQL non ammette questa connessione (pg_hba.conf)"),
    (r"unable to open database file", "impossibile aprire il file del database"),
)  # fmt: skip


def explained(line: str) -> str:
    """``line`` (:func:`driver_line`) after the Italian words for its cause, when it is a
    common one: "utente o password rifiutati dal server PostgreSQL (connection failed: …)"."""
    for pattern, words in _CAUSES:
        if re.search(pattern, line, re.IGNORECASE):
            return f"{words} ({line})"
    return line


def driver_line(exc: BaseException, db: str | Path) -> str:
    """The first line of the database driver's own message for ``exc`` (which SQLAlchemy
    wraps): the cause an administrator can act on ("fe_sendauth: no password supplied",
    "password authentication failed…", "unable to open database file"), not the class name.

    Never a password: one in a URL or a ``password=`` pair is masked, and so is the
    password of ``db`` wherever it appears.
    """
    cause = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(cause).splitlines() if line.strip()]
    line = lines[0] if lines else type(cause).__name__
    for secret in sorted(_passwords(str(db)), key=len, reverse=True):
        line = line.replace(secret, "***")
    line = _URL_PASSWORD.sub(r"\1:***@", line)
    return _KEY_PASSWORD.sub(r"\1***", line).rstrip(".")


def _passwords(db: str) -> set[str]:
    """The password of a database URL, as written and decoded (user:…@ or ?password=…)."""
    if "://" not in db:
        return set()
    try:
        parts = urlsplit(db)
        found = [parts.password or "", *parse_qs(parts.query).get("password", [])]
    except ValueError:  # a malformed URL (port): SQLAlchemy's error says so, no password
        return set()
    return {s for given in found if given for s in (given, unquote(given))}
