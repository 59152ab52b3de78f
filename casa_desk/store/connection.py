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


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


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
        """Read-only at the file level (``mode=ro``): for checks of a file that may not be a
        store at all, which must be left exactly as it was, and for backups."""
        return _connect(_read_only_uri(self.path), uri=True)

    def inspector_database(self) -> Database:
        """:meth:`inspector` wrapped for sqlite-utils (a dry run that must write nothing:
        no migration, no clock, no checkpoint of the file)."""
        return Database(self.inspector(), recursive_triggers=False)


def open_target(path: str | Path) -> Connection:
    """A new database file to copy a store into (backups)."""
    return _connect(str(path))
