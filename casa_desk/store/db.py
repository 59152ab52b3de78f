"""Opening, creating and checking a store; the one object per process that owns it.

A store is one SQLCipher file (WAL, foreign keys on, one writer) and its key file
(:mod:`casa_desk.security.keyfile`). This module takes the store's data key as given:
finding it — a user's password opening a key slot — is :mod:`casa_desk.security.access`'s
job, and the command line and the window open stores only through it. ``key=None`` opens a
plain SQLite file (a store from before encryption, on its way to
:mod:`casa_desk.security.encrypt`; tests of the store's own logic). Opening never guesses
and never resets: a file that is not a casa_desk store, one written by a newer program, or a damaged
one raises a :class:`~casa_desk.errors.StorageError` with one clear line, and the file is left
exactly as it was (checks run on a read-only connection before anything is written, and the
file is only ever touched through SQLite: see :mod:`casa_desk.store.connection`).

One :class:`Store` per process (the window's composition root or the command opens it and
passes it down). It owns the write connection, the change journal and the device's clock;
every write of the process — the window, sync, imports, letters — goes through
:meth:`Store.transaction`, from whatever thread. ``store.db`` is the write connection only
for the thread inside a transaction; any other code gets its own thread's read-only
connection, so a write outside a transaction fails loudly instead of racing the journal.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import DamagedStoreError, NotAStoreError, StorageError, StoreTooNewError
from casa_desk.models.ids import uuid7
from casa_desk.security import keyfile
from casa_desk.store import backup, reference
from casa_desk.store.clock import recover_poisoned_clock, starting_clock
from casa_desk.store.connection import (
    Connection,
    Connections,
    DatabaseError,
    Error,
    corrupt,
    disk_failure,
    not_a_database,
)
from casa_desk.store.journal import Journal
from casa_desk.store.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    ensure_triggers,
    migrations,
    rebuild_search,
    search_to_rebuild,
    search_triggers_changed,
    triggers_stale,
)


class Store:
    """An open store: its connections, this device's journal and clock, its settings."""

    def __init__(self, connections: Connections, journal: Journal) -> None:
        self.connections = connections
        self.path = connections.path
        self.journal = journal
        #: The username of the logged-in user (set by casa_desk.security.access at login,
        #: cleared at logout): who the journal credits each change to.
        self.user: str | None = None
        journal.operator = self._operator
        self._local = threading.local()
        self._readers: list[weakref.ref[Database]] = []
        self._readers_lock = threading.Lock()

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        key: bytes | None = None,
        create: bool = False,
        check_integrity: bool = True,
        upgrading: Callable[[], None] | None = None,
    ) -> Store:
        """Open (or with ``create=True`` create) the store at ``path`` with its data ``key``.

        Pending migrations are applied after an automatic backup (encrypted with the same
        key, its key file beside it). Raises StorageError subclasses with a one-line Italian
        message; the file is unchanged when it does.

        ``check_integrity=False`` skips SQLite's quick check of the whole file (seconds on
        a large store) when opening writes nothing, as for a current store: the window runs
        the check in the background, and a command that only reads meets damage in what it
        reads as one line (:func:`casa_desk.cli.environment_failure`). Whatever opening
        has to write — migrations, triggers, reference rows, a clock repair — is written
        only after the check has passed.

        ``upgrading`` is called before the long work of an existing store that a new version
        must upgrade (migrations or triggers to write: the whole-file check, the backup, the
        migrations), so that a screen can say why it waits — after an upgrade, seconds at an
        office's size, minutes at 1,000,000 contacts (docs/install.md).
        """
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise StorageError(f"Archivio non trovato: {path}", code="missing")
        if is_new and not path.parent.is_dir():
            raise StorageError(f"La cartella non esiste: {path.parent}", code="missing_dir")
        checked = is_new or check_integrity
        if not is_new:
            check_store(path, key=key, check_integrity=check_integrity)
        connections = Connections(path, key)
        try:
            db = connections.writer()
        except Error as exc:
            raise StorageError(f"Impossibile aprire l'archivio {path}: {exc}") from exc
        try:
            if is_new:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            pending = migrations.pending(db)
            if not is_new:
                checked = _before_upgrade(
                    db, connections, pending, checked=checked, upgrading=upgrading
                )
            if pending or is_new:
                migrations.apply(db)
            store = cls(connections, Journal(db, _device_id(db), starting_clock(db)))
            with store.transaction() as journal:
                changes = db.conn.total_changes
                # The search indexes an applied migration does not keep (schema.migration)
                # or whose triggers were not this version's: rebuilt (seconds at 1M contacts).
                stale = (
                    frozenset()
                    if is_new
                    else search_to_rebuild(m.name for m in pending) | search_triggers_changed(db)
                )
                ensure_triggers(db)
                if stale:
                    rebuild_search(db, stale)
                recover_poisoned_clock(journal)
                reference.seed(journal)
                if not checked and db.conn.total_changes != changes:
                    # New reference rows or a clock repair: checked before the commit (a
                    # damaged file raises here, and the transaction is rolled back).
                    check_store(path, key=key, check_integrity=True)
        except Error as exc:
            db.conn.close()
            raise StorageError(f"Errore dell'archivio {path}: {disk_failure(exc) or exc}") from exc
        except BaseException:
            db.conn.close()
            raise
        return store

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (a timer of a closed window may still fire)."""
        return bool(self.journal.closed)

    def close(self) -> None:
        """Close every connection (after the running transaction, if any, has finished)."""
        with self.journal.transaction_lock():
            self.journal.closed = True
            with self._readers_lock:
                readers, self._readers = self._readers, []
            for ref in readers:
                reader = ref()
                if reader is not None:
                    reader.conn.close()
            self.journal.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- connections ----------------------------------------------------------------------
    @property
    def db(self) -> Database:
        """The write connection inside this thread's transaction, else this thread's
        read-only connection (opened on first use)."""
        if self.journal.holds_transaction():
            return self.journal.db
        reader: Database | None = getattr(self._local, "db", None)
        if reader is None:
            reader = self._open_reader()
        return reader

    def _open_reader(self) -> Database:
        if self.journal.closed:
            raise StorageError("L'archivio è chiuso.", code="store_closed")
        reader = self.connections.reader()
        self._local.db = reader
        with self._readers_lock:
            self._readers = [r for r in self._readers if r() is not None]
            self._readers.append(weakref.ref(reader))
        return reader

    def bulk_load(self, *, cache_kib: int) -> None:
        """Trade safety for speed while filling a throw-away file (the demo builder): no
        rollback journal, no fsync. :meth:`end_bulk_load` puts WAL back."""
        self.release_reader()  # leaving WAL needs the only connection
        conn = self.journal.db.conn
        with self.journal.transaction_lock():
            conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")

    def end_bulk_load(self) -> None:
        conn = self.journal.db.conn
        with self.journal.transaction_lock():
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")

    def release_reader(self) -> None:
        """Close the calling thread's read-only connection, if it opened one; the next
        :attr:`db` on this thread opens a new one.

        For a worker that opened the store and hands it to another thread (the login and
        encryption screens'): its connection is closed now, by its owner, rather than
        whenever the worker thread's Python state is dropped; and before leaving WAL
        (:meth:`bulk_load`), which needs the only connection.
        """
        reader: Database | None = getattr(self._local, "db", None)
        if reader is not None:
            self._local.db = None
            reader.conn.close()

    # -- writing ------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Journal]:
        """``with store.transaction() as j: j.insert(...)`` — all or nothing."""
        with self.journal.transaction():
            yield self.journal

    # -- settings kept in the store -----------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM casa_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO casa_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def writer(self) -> str | None:
        """Who is writing now (the logged-in user, else the desk's operator), as the journal
        stamps it: for an audit row a repository writes on its own account."""
        return self._operator()

    def _operator(self) -> str | None:
        """Who is writing now, for the journal to stamp on each change: the logged-in user
        (:attr:`user`), else the desk's operator setting (commands and tests that open a
        store without logging in). Read inside the journal's transaction."""
        if self.user:
            return self.user
        row = self.journal.db.execute(
            "SELECT value FROM casa_meta WHERE key = 'operator'"
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    @property
    def presidio(self) -> str | None:
        """The office this desktop belongs to (set at first run), or None before that."""
        return self.meta("presidio")

    @property
    def encrypted(self) -> bool:
        """True for an SQLCipher store opened with its key (every store at a desk)."""
        return self.connections.encrypted

    @property
    def device_id(self) -> str:
        return self.journal.device_id

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        return list(self.db.query(sql, params or []))

    def pending_changes(self, cap: int | None = None) -> int:
        """Changes written here and not yet acknowledged by the hub.

        With ``cap``, counting stops there (the status bar says "more than"): a store
        that never synced has millions, and counting them all takes most of a second.
        """
        acked = self.db.execute("SELECT value FROM sync_state WHERE key = 'acked_seq'").fetchone()
        since = int(acked[0]) if acked else 0
        if cap is not None:
            row = self.db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM sync_outbox WHERE seq > ? LIMIT ?)",
                [since, cap],
            ).fetchone()
            return int(row[0])
        row = self.db.execute("SELECT count(*) FROM sync_outbox WHERE seq > ?", [since]).fetchone()
        return int(row[0])


def _device_id(db: Database) -> str:
    row = db.execute("SELECT value FROM sync_state WHERE key = 'device_id'").fetchone()
    if row and row[0]:
        return str(row[0])
    device_id = uuid7()
    db.execute("INSERT INTO sync_state (key, value) VALUES ('device_id', ?)", [device_id])
    return device_id


def _unreadable_header(path: Path, keyed: bool, exc: DatabaseError) -> StorageError:
    """Why SQLite cannot read the header: a key that is not this store's, an encrypted store
    opened without a login, a file that is no database at all — or, with the right key, a
    file cut short (a backup copied back in part), which is damage, not a missing login."""
    if keyed and not_a_database(exc):
        return StorageError(
            f"Il file delle chiavi non apre l'archivio {path}: "
            "è di un altro archivio, o l'archivio non è cifrato.",
            code="wrong_key",
        )
    if keyed and corrupt(exc):  # a file cut short (a backup copied back in part)
        return DamagedStoreError(f"L'archivio {path} è danneggiato; ripristinare l'ultimo backup.")
    if keyed:  # anything else: never "restore a backup", nor "log in" (the key is right)
        return StorageError(f"Impossibile leggere l'archivio {path}: {exc}", code="unreadable")
    if keyfile.exists(path):
        return StorageError(
            f"L'archivio {path} è cifrato: serve l'accesso di un utente.",
            code="encrypted_store",
        )
    return NotAStoreError(f"{path} non è un archivio casa_desk (non è un database SQLite).")


def _before_upgrade(
    db: Database,
    connections: Connections,
    pending: list[Any],
    *,
    checked: bool,
    upgrading: Callable[[], None] | None,
) -> bool:
    """An existing store that this version must write into (``pending`` migrations, or
    triggers to rewrite): the caller told (``upgrading``), the whole file checked unless it
    just was (never write into damage), a backup made before migrations. Returns whether
    the file has been checked."""
    if not (pending or triggers_stale(db)):
        return checked
    if upgrading is not None:
        upgrading()
    if not checked:
        check_connections(connections, check_integrity=True)
    if pending:
        backup.backup_before_migration(db.conn, connections)
    return True


def check_store(path: Path, *, key: bytes | None = None, check_integrity: bool = True) -> None:
    """Read-only checks before anything is written: is it ours, is it whole, is it too new?

    ``key`` is the store's data key (None for a plain file). Safe while this process has the
    store open: the file is read through SQLite only (a Python ``open()`` and ``close()`` of
    it would release this process's locks on it).
    """
    check_connections(Connections(path, key), check_integrity=check_integrity)


def check_connections(connections: Connections, *, check_integrity: bool = True) -> None:
    """:func:`check_store` on the file of ``connections``, keyed like them (the window's
    background integrity check of its open store: ``store.connections``)."""
    path = connections.path
    if not path.exists():
        raise StorageError(f"Archivio non trovato: {path}", code="missing")
    if path.is_dir():
        raise StorageError(f"{path} è una cartella, non un archivio.", code="is_directory")
    if not os.access(path, os.R_OK):
        raise StorageError(f"Impossibile leggere {path}: permesso negato.", code="unreadable")
    try:
        conn = connections.inspector()
    except Error as exc:
        why = disk_failure(exc) or exc
        raise StorageError(f"Impossibile leggere {path}: {why}", code="unreadable") from exc
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        except DatabaseError as exc:
            if disk_failure(exc):
                raise _unreadable(path, exc) from exc
            raise _unreadable_header(path, connections.encrypted, exc) from exc
        if app_id != APPLICATION_ID:
            raise NotAStoreError(f"{path} non è un archivio casa_desk.")
        if check_integrity:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise DamagedStoreError(
                    f"L'archivio {path} è danneggiato; ripristinare l'ultimo backup."
                )
        known = {m.name for m in migrations._migrations}  # noqa: SLF001 - no public accessor
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
            )
        }
        if applied - known:
            raise StoreTooNewError(
                f"L'archivio {path} è stato creato da una versione più recente di casa_desk: "
                "aggiornare il programma."
            )
    except DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        conn.close()


def _unreadable(path: Path, exc: Error) -> StorageError:
    """A damaged file, or a disk that failed (full, gone): the user must not be told to
    restore a backup of a store that is whole on a disk that is full."""
    why = disk_failure(exc)
    if why:
        return StorageError(f"Impossibile leggere l'archivio {path}: {why}.", code="disk")
    return DamagedStoreError(f"L'archivio {path} è danneggiato: {exc}")


#: Tables every hub database has, made by any version (:mod:`casa_desk.sync.hub`): how a
#: file is told to be one.
HUB_TABLES = frozenset({"hub_meta", "devices", "change_log"})


def is_hub_database(path: Path) -> bool:
    """True when ``path`` is the hub's SQLite database (plain SQLite with :data:`HUB_TABLES`)
    — given where an office store is expected, it deserves its own words, not a missing key
    file. Reads through SQLite only."""

    def hub_tables(conn: Connection) -> bool:
        names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return HUB_TABLES <= {name for (name,) in names}

    return _plain_sqlite_says(path, hub_tables)


def is_plain_store(path: Path) -> bool:
    """True when ``path`` is a casa_desk store that is *not* encrypted (made before issue 10,
    or a decrypted copy): SQLite reads its header without a key. Reads through SQLite only."""
    return _plain_sqlite_says(
        path,
        lambda conn: conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID,
    )


def _plain_sqlite_says(path: Path, question: Callable[[Connection], bool]) -> bool:
    """``question`` asked of the file at ``path`` read as plain SQLite without a key; False
    when it is not a file, or SQLite cannot read it so (encrypted, damaged, not SQLite)."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        conn = Connections(path).inspector()
    except Error:
        return False
    try:
        return bool(question(conn))
    except DatabaseError:
        return False
    finally:
        conn.close()
