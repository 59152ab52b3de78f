"""Checks of command-line arguments that several subcommands share: ports, listen addresses and
the hub's database. Each refuses bad input with one line before any work is done."""

from __future__ import annotations

import argparse
import os
import socket
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from casa_desk import paths
from casa_desk.errors import NotAStoreError, StorageError, SyncError
from casa_desk.outputs import KEY_FILE

#: URL schemes the hub can run on (SQLAlchemy with psycopg), compared without case: libpq's
#: two names for one database. Anything else is refused early.
HUB_SCHEMES = ("postgresql://", "postgres://")


def existing_store(path: Path) -> Path:
    """An office store that must already exist: a folder, a pipe or a missing file is one line
    here (the store's own checks then say whether the file is a store, whole and not too new)."""
    if path.is_dir():
        raise NotAStoreError(f"{path} è una cartella, non un archivio casa_desk.")
    if path.exists() and not path.is_file():
        raise NotAStoreError(f"{path} non è un file normale, non un archivio casa_desk.")
    if not path.is_file():
        raise StorageError(f"Archivio non trovato: {path}", code="missing")
    return path


def not_a_file(path: Path) -> str:
    """Why ``path``, an input that is not a regular file, cannot be read: a folder, a pipe or
    a device (``/dev/zero``), or nothing there at all."""
    if path.is_dir():
        return "è una cartella"
    return "non è un file normale" if path.exists() else "non trovato"


def not_the_store(path: Path, store: Path) -> None:
    """Refuse, before login, a bundle that is the store itself or one of its files
    (:func:`casa_desk.sync.bundle.not_the_store`; imported here only when a bundle is read).
    A missing ``path`` is left to the caller's own check."""
    from casa_desk.sync.bundle import not_the_store as refuse

    refuse(path, store)


def output_file(text: str) -> Path:
    """argparse type for a file a command writes. A name ending in a separator names a
    folder, and :class:`~pathlib.Path` drops the separator: ``--out rapporti/`` wrote the
    file ``rapporti`` (replacing one of that name) where the user meant a folder."""
    if text.endswith(tuple(sep for sep in ("/", os.sep, os.altsep) if sep)):
        raise argparse.ArgumentTypeError(
            f"{text} indica una cartella: indicare il file da scrivere (es. {text}nome)"
        )
    return Path(text)


def port(text: str) -> int:
    """argparse type for a TCP port: 1–65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' non è un numero di porta") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} non è una porta valida (da 1 a 65535)")
    return value


def check_listen_address(host: str, number: int) -> None:
    """The hub can listen on ``host``:``number`` (a name that resolves, a port that is free)."""
    try:
        infos = socket.getaddrinfo(host, number, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise SyncError(f"Indirizzo di ascolto non valido: {host}", code="bad_input") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise SyncError(
                f"Impossibile ascoltare su {host}:{number}: {exc.strerror or exc}.",
                code="bad_input",
            ) from None


def hub_database(db: str | None, *, create: bool, make_folder: bool = False) -> str:
    """The hub's ``--db`` checked: a PostgreSQL URL, or a file that is a hub database (or,
    with ``create``, that does not exist yet in a folder that does).

    An office store, a file that is not SQLite, a damaged file or a folder is refused here,
    before the hub adds its tables to it. ``make_folder``: a missing folder will be created.
    An empty or blank ``--db`` (``--db "$CASA_DESK_HUB_DB"`` with the variable unset) is
    refused: only a ``--db`` left out means the default file, so that a setting gone blank
    never starts a hub on a new, empty database.
    """
    if db is not None and not db.strip():
        raise SyncError(
            "Database della sede non indicato: --db è vuoto (variabile CASA_DESK_HUB_DB "
            "non impostata?). Indicare un file SQLite oppure postgresql://utente@host:porta/db.",
            code="hub_db_blank",
        )
    text = db or str(paths.default_hub_path())
    if "://" in text:
        scheme = text.split("://", 1)[0].lower()
        if f"{scheme}://" not in HUB_SCHEMES:
            raise SyncError(
                f"Database della sede non supportato ({scheme}://): indicare un file SQLite "
                "oppure postgresql://utente@host:porta/db.",
                code="hub_db_url",
            )
        if text.split("://", 1)[1].split("/", 1)[0].count("@") > 1:
            # SQLAlchemy splits at the first "@": the rest of the password would become
            # the host, and be printed in the driver's "failed to resolve host" line.
            raise SyncError(
                "La password nell'indirizzo del database contiene «@»: scriverla come %40, "
                "o meglio metterla nel file .pgpass (docs/deploy.md).",
                code="hub_db_url",
            )
        if _has_password(text):
            print(
                "casa-desk: Attenzione: la password nell'indirizzo del database è leggibile da "
                "chiunque elenchi i processi di questo computer; metterla nel file .pgpass "
                "dell'utente del servizio (docs/deploy.md).",
                file=sys.stderr,
            )
        return text
    # The default data folder is made (owner-only) by the hub, and so is the folder of
    # ``hub serve --db``: serving sets a hub up. Elsewhere a folder typed by hand must exist,
    # or a typo would make a new, empty hub somewhere (with a device in it).
    check_hub_file(Path(text), create=create, make_folder=make_folder or db is None)
    return text


def _has_password(url: str) -> bool:
    """Whether a database URL carries a password (``user:secret@`` or ``?password=``)."""
    try:
        parts = urlsplit(url)
        return bool(parts.password or parse_qs(parts.query).get("password"))
    except ValueError:  # a malformed URL: SQLAlchemy's own error will say so
        return False


def check_hub_file(path: Path, *, create: bool, make_folder: bool = False) -> None:
    """Refuse a path that is not the hub's SQLite database (see :func:`hub_database`)."""
    if path.is_dir():
        raise SyncError(f"{path} è una cartella, non il database della sede.", code="hub_file")
    if path.exists() and not path.is_file():  # a pipe, a device: SQLite cannot use it
        raise SyncError(
            f"{path} non è un file normale, non il database della sede.", code="hub_file"
        )
    if not path.exists():
        if any(p.exists() and not p.is_dir() for p in path.parents):
            raise SyncError(f"Non è una cartella: {path.parent}", code="hub_missing")
        if not path.parent.is_dir() and not (create and make_folder):
            raise SyncError(f"La cartella non esiste: {path.parent}", code="hub_missing")
        if not create:
            raise SyncError(f"Database della sede non trovato: {path}", code="hub_missing")
        return
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SyncError(f"Impossibile leggere {path}: {exc.strerror}", code="hub_file") from None
    if size == 0 and create:
        return  # an empty file is a new database
    kind = _sqlite_kind(path)
    if kind == "office":
        raise SyncError(
            f"{path} è l'archivio di un ufficio, non il database della sede.", code="hub_file"
        )
    if kind == "damaged":
        raise SyncError(
            f"Il database della sede {path} è danneggiato; ripristinare l'ultimo backup.",
            code="hub_damaged",
        )
    if kind in ("other", "not_sqlite"):
        raise SyncError(f"{path} non è un database della sede.", code="hub_file")
    if kind != "hub":
        raise SyncError(f"Impossibile leggere {path}: {kind}.", code="hub_disk")


def _sqlite_kind(path: Path) -> str:  # noqa: PLR0911 - one answer per kind
    """``hub``, ``office``, ``other`` (SQLite but neither), ``damaged``, ``not_sqlite``, or
    the reason the disk could not be read.

    Read through SQLite (the hub's own read-only connection), never with ``open()``: another
    process may hold the file, and this one may too.
    """
    from casa_desk.store.connection import Error, disk_failure  # the SQLite bindings
    from casa_desk.store.db import HUB_TABLES
    from casa_desk.store.schema import APPLICATION_ID
    from casa_desk.sync.hub.storage import read_only_sqlite, sqlite_errors  # SQLAlchemy

    if Path(f"{path}{KEY_FILE}").is_file():
        return "office"  # an encrypted office store: its header is ciphertext
    errors = (*sqlite_errors(), Error)
    try:
        conn = read_only_sqlite(path)
    except errors as exc:
        return disk_failure(exc) or "not_sqlite"
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
            return "office"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not HUB_TABLES <= tables:
            return "other"
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return "damaged"
        return "hub"
    except errors as exc:
        corrupt = "not_sqlite" if "not a database" in str(exc) else "damaged"
        return disk_failure(exc) or corrupt
    finally:
        conn.close()
