"""The one place on the desktop side that opens SQLite connections — and keys them.

Every connection to a store file — the writer, the per-thread readers, the search thread's
reader, the integrity checks and backups — is opened here, and no other module of
``casa_desk`` outside the hub imports an SQLite binding (a test fails if one does). Other
modules take their exception classes from here. Three reasons:

* one set of settings: WAL, foreign keys, the busy timeout, read-only readers;
* encryption at rest (DESIGN.md §4): the binding is SQLCipher's (``sqlcipher3``), and every
  connection to a store is keyed first, with the store's random 256-bit data key given raw
  (``PRAGMA key = "x'…'"``). A passphrase would make SQLCipher run its own PBKDF2 (~100 ms)
  on *every* connection; the slow, per-user password check happens once, when a key slot is
  opened (:mod:`casa_desk.security.keyslots`). Without a key the same binding reads and
  writes plain SQLite files (a store from before encryption, a decrypted export);
* sqlite-utils is told to use this binding (:func:`_teach_sqlite_utils`): it catches the
  ``sqlite3`` module's exceptions by default, so ``table.drop(ignore=True)`` and its other
  fallbacks would let SQLCipher's errors through.

Files are created owner-only: the process umask is narrowed to 077 while a connection opens
(SQLite creates a new database 0644 minus the umask, and gives ``-wal``/``-shm`` the mode of
the database file).

Files are only ever touched through SQLite. Opening and closing a store file with Python's
``open()`` in a process that holds SQLite connections to it releases that process's POSIX
locks (sqlite.org, "How To Corrupt An SQLite Database File", §2.2): another process may then
checkpoint and delete the WAL under the open store, and the next commits are lost.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import sqlite_utils.db
import sqlite_utils.utils
from sqlcipher3 import dbapi2 as binding
from sqlite_utils import Database

from casa_desk.errors import StorageError

if TYPE_CHECKING:  # sqlcipher3 ships no type hints; its API is the standard library's
    import sqlite3

    Connection: TypeAlias = sqlite3.Connection
    Error: TypeAlias = sqlite3.Error
    DatabaseError: TypeAlias = sqlite3.DatabaseError
    IntegrityError: TypeAlias = sqlite3.IntegrityError
    OperationalError: TypeAlias = sqlite3.OperationalError
else:
    Connection = binding.Connection
    Error = binding.Error
    DatabaseError = binding.DatabaseError
    IntegrityError = binding.IntegrityError
    OperationalError = binding.OperationalError
#: SQLite's result code for "file is not a database" (also a wrong key, for SQLCipher).
SQLITE_NOTADB = binding.SQLITE_NOTADB
SQLITE_FULL = binding.SQLITE_FULL

#: How long a connection waits for another writer (another process) before "database is
#: locked". Inside one process writes are serialised by the store's own lock instead.
BUSY_TIMEOUT_MS = 10_000
#: The write connection's page cache (KiB; SQLite's default is 2 MiB). Every page SQLCipher
#: reads from the file is decrypted and its HMAC checked, every page it writes encrypted:
#: with 2 MiB, applying a pull page of thousands of rows (tables, their indexes, the search
#: index) evicted and re-read the same pages over and over, half of a 100,000-change pull.
#: The cache is filled only as pages are used, so a small store never holds that much.
WRITER_CACHE_KIB = 64 * 1024
#: Length of a data key in bytes (AES-256).
KEY_BYTES = 32
#: SQLCipher 4's page settings (AES-256-CBC, 4 KiB pages, an HMAC per page) with one change:
#: the page HMAC is HMAC-SHA256 instead of HMAC-SHA512. x86 processors compute SHA-256 in
#: hardware (SHA-NI) but not SHA-512, and every page read from disk is authenticated: at
#: 100,000 people the monthly report spent 1.4x the CPU of a plain store with SHA-512, 1.2x
#: with SHA-256 (benchmarks/README.md). A 256-bit HMAC is ample for a page's integrity.
#: Every keyed connection and every encrypted copy sets it; a store made otherwise would
#: not open ("file is not a database").
CIPHER_SETTINGS = ("cipher_hmac_algorithm = HMAC_SHA256",)
#: SQLCipher's memory security (locking and wiping every allocation it makes) stays off, as
#: SQLCipher 4.5+ defaults; said here so that a binding built otherwise cannot turn it on.
#: It protects nothing here: the raw data key comes from Python, whose bytes are never
#: wiped, and the process is the app's own. On: the monthly report's figures took 3.3 s of
#: CPU instead of 1.1 s on the encrypted 1,000,000-contact store (benchmarks/bench_report.py).
#: Process-wide in SQLCipher (and, once on, it stays on): said on every connection.
MEMORY_SECURITY = "cipher_memory_security = OFF"

_umask_lock = threading.Lock()


def _teach_sqlite_utils() -> None:
    """Make sqlite-utils catch (and raise) this binding's exceptions, not ``sqlite3``'s.

    sqlite-utils picks its binding at import (``pysqlite3`` if installed, else the standard
    library) and refers to it as ``sqlite3``/``OperationalError`` in two modules. A test
    (tests/unit/store/test_encryption.py) drops a missing table with ``ignore=True`` and
    hits a constraint through sqlite-utils on an encrypted store, so an upgrade that moves
    these names fails there, not at a desk.
    """
    for module in (sqlite_utils.utils, sqlite_utils.db):
        if not hasattr(module, "sqlite3") or not hasattr(module, "OperationalError"):
            raise RuntimeError(f"{module.__name__} no longer names its SQLite binding")
        module.sqlite3 = binding  # type: ignore[attr-defined]
        module.OperationalError = binding.OperationalError  # type: ignore[attr-defined]
    sqlite_utils.utils.dbapi2 = binding  # type: ignore[attr-defined]


_teach_sqlite_utils()


def _null(_value: None) -> None:
    return None


def _bind_plain_values_directly() -> None:
    """Bind ``None`` and booleans without the binding's adaptation search.

    The binding hands every parameter that is not exactly ``int``, ``float``, ``str`` or
    ``bytearray`` to its adapter registry; on a miss, ``sqlcipher3`` then asks the value
    for ``__adapt__`` and ``__conform__`` and builds and drops an ``AttributeError`` (with
    its formatted message) for each: ~2 µs per ``None``, against 0.1 µs for a string. A
    pull page's rows are mostly empty columns — 500 rows of 40 ``None`` took 42 ms to bind
    and 5 ms to insert, and binding was a fifth of a 100,000-change pull
    (benchmarks/README.md). Registered adapters are found at the first look. They bind
    exactly what was bound before: NULL, and a boolean as the integer it is.
    """
    binding.register_adapter(type(None), _null)
    binding.register_adapter(bool, int)


_bind_plain_values_directly()


def key_pragma(key: bytes) -> str:
    """``PRAGMA key = "x'…'"``: a raw 256-bit key (no key derivation by SQLCipher)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a store key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


@contextmanager
def owner_only() -> Iterator[None]:
    """Files created inside the block are owner-only (umask 077). Process-wide, so held
    under a lock; casa_desk changes the umask nowhere else."""
    with _umask_lock:
        previous = os.umask(0o077)
        try:
            yield
        finally:
            os.umask(previous)


def _connect(
    target: str, key: bytes | None, *, uri: bool = False, shared: bool = False
) -> Connection:
    """Open one connection and key it. ``shared``: usable from a thread other than the
    opener's (the writer, guarded by the store's lock; readers, so the store can close them).

    Keying reads nothing: a wrong key shows at the first read, as ``SQLITE_NOTADB``.
    """
    with owner_only():
        conn = binding.connect(
            target,
            uri=uri,
            isolation_level=None,
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=not shared,
        )
    try:
        # SQLCipher logs a failed page check to stderr; the caller words the error itself.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA {MEMORY_SECURITY}")
        if key is not None:
            conn.execute(key_pragma(key))
            for setting in CIPHER_SETTINGS:
                conn.execute(f"PRAGMA {setting}")
    except Error:
        conn.close()
        raise
    return conn


#: SQLite's primary result codes that mean the machine failed, not the file.
_DISK_CODES = {
    binding.SQLITE_IOERR: "errore di lettura o scrittura del disco (disco pieno?)",
    binding.SQLITE_FULL: "disco pieno",
    binding.SQLITE_CANTOPEN: "impossibile aprire il file",
    binding.SQLITE_READONLY: "supporto in sola lettura",
    binding.SQLITE_BUSY: "archivio occupato da un altro programma: riprovare",
    binding.SQLITE_PERM: "permesso negato",
}
#: Codes that mean the file itself is bad (or, for SQLCipher, the key is not its key).
_FILE_CODES = {
    binding.SQLITE_CORRUPT: "archivio danneggiato: ripristinare l'ultimo backup",
    binding.SQLITE_NOTADB: "il file non è un archivio",
}


#: SQLite's own words for those codes (``sqlite3_errstr``): some calls of the binding (the
#: backup API) raise without ``sqlite_errorcode``.
_BY_MESSAGE = {
    "database or disk is full": binding.SQLITE_FULL,
    "disk I/O error": binding.SQLITE_IOERR,
    "attempt to write a readonly database": binding.SQLITE_READONLY,
    "database is locked": binding.SQLITE_BUSY,
    "unable to open database file": binding.SQLITE_CANTOPEN,
    "file is not a database": binding.SQLITE_NOTADB,
    "database disk image is malformed": binding.SQLITE_CORRUPT,
}


def _sqlite_code(exc: BaseException) -> int:
    """SQLite's primary result code of an error of any SQLite binding (this one, or the
    standard library's that the hub uses), else 0."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    module = type(exc).__module__
    return _BY_MESSAGE.get(str(exc), 0) if module.startswith(("sqlite3", "sqlcipher3")) else 0


def disk_failure(exc: BaseException) -> str | None:
    """The reason, in Italian, when ``exc`` is an SQLite error that is the disk's fault (full,
    read-only, gone) rather than a damaged file: a full disk must never be reported as a
    damaged store. None for anything else."""
    return _DISK_CODES.get(_sqlite_code(exc))


def failure(exc: BaseException) -> str | None:
    """:func:`disk_failure`, or the reason a file is bad (damaged, not a database)."""
    return disk_failure(exc) or _FILE_CODES.get(_sqlite_code(exc))


def _inspector_uri(path: Path) -> str:
    # Read-write at the file level on purpose: SQLite opens a WAL database's -wal and -shm
    # even to read it, and a mode=ro connection cannot remove them when it closes, so a check
    # or a backup of a store nobody else had open left two stray files beside it (and beside
    # a damaged one it refused). ``query_only`` (set by the caller) forbids every write.
    return f"{path.resolve().as_uri()}?mode=rw"


class Connections:
    """Opens the connections to one store file, keyed with its data key. Held by the
    :class:`~casa_desk.store.db.Store` (``store.connections``) so that every part of the
    process opens them the same way. ``key=None``: a plain (unencrypted) SQLite file."""

    def __init__(self, path: str | Path, key: bytes | None = None) -> None:
        self.path = Path(path)
        if key is not None and len(key) != KEY_BYTES:
            raise ValueError("a store key is 32 bytes")
        self._key = key

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def same_key(self, key: bytes) -> bool:
        """True when ``key`` is this store's key (a second login on an open store)."""
        return self._key is not None and hmac.compare_digest(self._key, key)

    def writer(self) -> Database:
        """The process's one write connection: WAL, foreign keys on, autocommit mode (the
        journal issues BEGIN IMMEDIATE / COMMIT itself)."""
        empty = not self.path.exists() or self.path.stat().st_size == 0
        conn = _connect(str(self.path), self._key, shared=True)
        try:
            if empty:  # before WAL writes the header: erasures give pages back (issue 11)
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
        except Error:
            conn.close()
            raise
        return Database(conn, recursive_triggers=False, execute_plugins=False)

    def reader(self, *, progress: Callable[[], int] | None = None) -> Database:
        """A connection that cannot write (``query_only``): one per thread, never a clock.

        ``progress`` is installed as SQLite's progress handler (every 2,000 VM steps); a
        true return interrupts the running query (the search thread drops stale queries).
        """
        conn = self.raw_reader()
        if progress is not None:
            conn.set_progress_handler(progress, 2000)
        return Database(conn, recursive_triggers=False, execute_plugins=False)

    def raw_reader(self) -> Connection:
        """A ``query_only`` connection as the bare binding object."""
        conn = _connect(str(self.path), self._key, shared=True)
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
        was, for dry runs and for backups. It never creates a missing file (``mode=rw``).

        A write-protected file (its permissions, a read-only medium) is refused with one
        line: SQLite would open it read-only and still create its ``-wal`` and ``-shm``, which
        it cannot remove when it closes, and a read-only ``-shm`` left beside the store keeps
        it "read-only" after its permissions are given back."""
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise StorageError(
                f"L'archivio {self.path} è in sola lettura (permessi del file o supporto "
                "protetto): renderlo scrivibile e riprovare.",
                code="read_only",
            )
        conn = _connect(_inspector_uri(self.path), self._key, uri=True)
        try:
            conn.execute("PRAGMA query_only = 1")
        except Error:
            conn.close()
            raise
        return conn

    def inspector_database(self) -> Database:
        """:meth:`inspector` wrapped for sqlite-utils (a dry run that must write nothing:
        no migration, no clock)."""
        return Database(self.inspector(), recursive_triggers=False, execute_plugins=False)

    def target(self, path: str | Path) -> Connection:
        """A new database file keyed like this store (an encrypted backup's copy)."""
        return _connect(str(path), self._key)

    def reads(self, path: str | Path) -> bool:
        """True when this store's key reads the encrypted database at ``path`` (a copy of
        this store), False when it does not (another store's, or one damaged from its first
        page). Read like :meth:`inspector` reads: nothing is written or left behind."""
        conn = _connect(_inspector_uri(Path(path)), self._key, uri=True)
        try:
            conn.execute("PRAGMA query_only = 1")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Error as exc:
            if not_a_database(exc):
                return False
            raise
        finally:
            conn.close()
        return True


def export_copy(source: Connection, out: str | Path, key: bytes | None) -> None:
    """Copy the database of ``source`` into the new file ``out`` with ``sqlcipher_export``,
    keyed with ``key`` (``None``: a plain SQLite copy). The backup API cannot change a
    database's encryption; this can, both ways: a plain store from before encryption into
    an encrypted file, an encrypted store into a decrypted copy for analysis. The
    application id and user version travel too (``sqlcipher_export`` leaves them)."""
    clause = "''" if key is None else f"\"x'{key.hex()}'\""
    query_only = int(source.execute("PRAGMA query_only").fetchone()[0])
    source.execute("PRAGMA query_only = 0")  # writes go to the new file only
    with owner_only():
        source.execute(f"ATTACH DATABASE ? AS casa_copy KEY {clause}", [str(out)])
    try:
        if key is not None:
            for setting in CIPHER_SETTINGS:
                source.execute(f"PRAGMA casa_copy.{setting}")
        source.execute("SELECT sqlcipher_export('casa_copy')")
        for pragma in ("application_id", "user_version"):
            value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
            source.execute(f"PRAGMA casa_copy.{pragma} = {value}")
    finally:
        source.execute("DETACH DATABASE casa_copy")
        source.execute(f"PRAGMA query_only = {query_only}")


def open_target(path: str | Path) -> Connection:
    """A new plain database file (hub-side tools and tests' plain copies)."""
    return _connect(str(path), None)


def not_a_database(exc: BaseException) -> bool:
    """True for SQLite's "file is not a database": not SQLite, or a wrong key."""
    return getattr(exc, "sqlite_errorcode", None) == SQLITE_NOTADB


def corrupt(exc: BaseException) -> bool:
    """True for SQLite's "database disk image is malformed": a damaged file (with SQLCipher,
    one the right key opens: a wrong key says "not a database")."""
    return _sqlite_code(exc) == binding.SQLITE_CORRUPT
