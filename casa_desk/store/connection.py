"""The one place on the desktop side that opens SQLite connections.

Every connection to a store file — the writer, the per-thread readers, the search thread's
reader, the report's parallel reader, the integrity checks and backups — is opened here, and
no other module of ``casa_desk`` outside the hub imports the ``sqlite3`` binding (a test
fails if one does). Other modules take their exception classes from here. Two reasons:

* one set of settings: WAL, foreign keys, the busy timeout, read-only readers;
* encryption at rest: swapping the binding for SQLCipher and keying each connection
  (``PRAGMA key`` first) is a change to :func:`_connect` alone.

Files are only ever touched through SQLite. Opening and closing a store file with Python's
``open()`` in a process that holds SQLite connections to it releases that process's POSIX
locks (sqlite.org, "How To Corrupt An SQLite Database File", §2.2): another process may then
checkpoint and delete the WAL under the open store, and the next commits are lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

Connection = sqlite3.Connection
Error = sqlite3.Error
DatabaseError = sqlite3.DatabaseError
IntegrityError = sqlite3.IntegrityError
OperationalError = sqlite3.OperationalError

#: How long a connection waits for another writer (another process) before "database is
#: locked". Inside one process writes are serialised by the store's own lock instead.
BUSY_TIMEOUT_MS = 10_000


def _connect(target: str, *, uri: bool = False, shared: bool = False) -> Connection:
    """Open one connection. ``shared``: usable from a thread other than the opener's (the
    writer, guarded by the store's lock; readers, so the store can close them)."""
    return sqlite3.connect(
        target,
        uri=uri,
        isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=not shared,
    )


#: SQLite's primary result codes that mean the machine failed, not the file.
_DISK_CODES = {
    sqlite3.SQLITE_IOERR: "errore di lettura o scrittura del disco (disco pieno?)",
    sqlite3.SQLITE_FULL: "disco pieno",
    sqlite3.SQLITE_CANTOPEN: "impossibile aprire il file",
    sqlite3.SQLITE_READONLY: "supporto in sola lettura",
    sqlite3.SQLITE_BUSY: "archivio occupato da un altro programma: riprovare",
    sqlite3.SQLITE_PERM: "permesso negato",
}
#: Codes that mean the file itself is bad.
_FILE_CODES = {
    sqlite3.SQLITE_CORRUPT: "archivio danneggiato: ripristinare l'ultimo backup",
    sqlite3.SQLITE_NOTADB: "il file non è un archivio",
}


def disk_failure(exc: BaseException) -> str | None:
    """The reason, in Italian, when ``exc`` is an SQLite error that is the disk's fault (full,
    read-only, gone) rather than a damaged file: a full disk must never be reported as a
    damaged store. None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, Error) else None
    return _DISK_CODES.get((code or 0) & 0xFF)


def failure(exc: BaseException) -> str | None:
    """:func:`disk_failure`, or the reason a file is bad (damaged, not a database)."""
    code = getattr(exc, "sqlite_errorcode", None) if isinstance(exc, Error) else None
    return disk_failure(exc) or _FILE_CODES.get((code or 0) & 0xFF)


def _inspector_uri(path: Path) -> str:
    # Read-write at the file level on purpose: SQLite opens a WAL database's -wal and -shm
    # even to read it, and a mode=ro connection cannot remove them when it closes, so a check
    # or a backup of a store nobody else had open left two stray files beside it (and beside
    # a damaged one it refused). ``query_only`` (set by the caller) forbids every write.
    return f"{path.resolve().as_uri()}?mode=rw"


class Connections:
    """Opens the connections to one store file. Held by the :class:`~casa_desk.store.db.Store`
    (``store.connections``) so that every part of the process opens them the same way."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def writer(self) -> Database:
        """The process's one write connection: WAL, foreign keys on, autocommit mode (the
        journal issues BEGIN IMMEDIATE / COMMIT itself)."""
        conn = _connect(str(self.path), shared=True)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except Error:
            conn.close()
            raise
        return Database(conn, recursive_triggers=False)

    def reader(self, *, progress: Callable[[], int] | None = None) -> Database:
        """A connection that cannot write (``query_only``): one per thread, never a clock.

        ``progress`` is installed as SQLite's progress handler (every 2,000 VM steps); a
        true return interrupts the running query (the search thread drops stale queries).
        """
        conn = self.raw_reader()
        if progress is not None:
            conn.set_progress_handler(progress, 2000)
        return Database(conn, recursive_triggers=False)

    def raw_reader(self) -> Connection:
        """A ``query_only`` connection as the bare binding object (the report's SQL)."""
        conn = _connect(str(self.path), shared=True)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("PRAGMA foreign_keys = ON")  # the same settings as the writer
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except Error:
            conn.close()
            raise
        return conn

    def inspector(self) -> Connection:
        """A connection that cannot write (``query_only``) and leaves nothing behind: for
        checks of a file that may not be a store at all, which must be left exactly as it
        was, for dry runs and for backups. It never creates a missing file (``mode=rw``); a
        write-protected file is opened read-only by SQLite itself."""
        conn = _connect(_inspector_uri(self.path), uri=True)
        try:
            conn.execute("PRAGMA query_only = 1")
        except Error:
            conn.close()
            raise
        return conn

    def inspector_database(self) -> Database:
        """:meth:`inspector` wrapped for sqlite-utils (a dry run that must write nothing:
        no migration, no clock)."""
        return Database(self.inspector(), recursive_triggers=False)


def open_target(path: str | Path) -> Connection:
    """A new database file to copy a store into (backups)."""
    return _connect(str(path))
