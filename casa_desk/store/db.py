"""Opening, creating and checking a store.

A store is one SQLite file: WAL, foreign keys on, one writer. Opening never guesses and never
resets: a file that is not a casa_desk store, one written by a newer program, or a damaged
one raises a :class:`~casa_desk.errors.StorageError` with one clear line, and the file is left
exactly as it was (checks run on a read-only connection before anything is written).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import DamagedStoreError, NotAStoreError, StorageError, StoreTooNewError
from casa_desk.models.hlc import Hlc
from casa_desk.models.ids import uuid7
from casa_desk.store import backup, reference
from casa_desk.store.journal import Journal
from casa_desk.store.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    ensure_triggers,
    migrations,
    rebuild_search,
)

_SQLITE_MAGIC = b"SQLite format 3\x00"


class Store:
    """An open store: the sqlite-utils database, this device's journal and its settings."""

    def __init__(self, db: Database, path: Path, journal: Journal) -> None:
        self.db = db
        self.path = path
        self.journal = journal

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = False, check_integrity: bool = True) -> Store:
        """Open (or with ``create=True`` create) the store at ``path``.

        Pending migrations are applied after an automatic backup. Raises StorageError
        subclasses with a one-line Italian message; the file is unchanged when it does.
        """
        path = Path(path)
        is_new = not path.exists() or path.stat().st_size == 0
        if is_new and not create:
            raise StorageError(f"Archivio non trovato: {path}", code="missing")
        if is_new and not path.parent.is_dir():
            raise StorageError(f"La cartella non esiste: {path.parent}", code="missing_dir")
        if not is_new:
            check_store(path, check_integrity=check_integrity)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        except sqlite3.Error as exc:
            raise StorageError(f"Impossibile aprire l'archivio {path}: {exc}") from exc
        db = Database(conn, recursive_triggers=False)
        try:
            _configure(conn)
            if is_new:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            pending = migrations.pending(db)
            if pending and not is_new:
                backup.backup_before_migration(conn, path)
            if pending or is_new:
                migrations.apply(db)
            store = cls(db, path, _journal(db))
            with store.journal.transaction():
                ensure_triggers(db)
                if pending and not is_new:
                    rebuild_search(db)  # a table rebuild may have renumbered rowids
                reference.seed(store.journal)
        except sqlite3.Error as exc:
            conn.close()
            raise StorageError(f"Errore dell'archivio {path}: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        with self.journal.transaction():
            self.db.execute(
                "INSERT INTO casa_meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    @property
    def presidio(self) -> str | None:
        """The office this desktop belongs to (set at first run), or None before that."""
        return self.meta("presidio")

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


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")


def _journal(db: Database) -> Journal:
    state = dict(db.execute("SELECT key, value FROM sync_state").fetchall())
    device_id = state.get("device_id")
    if not device_id:
        device_id = uuid7()
        db.execute("INSERT INTO sync_state (key, value) VALUES ('device_id', ?)", [device_id])
    return Journal(db, device_id, Hlc(last=int(state.get("hlc", 0))))


def check_store(path: Path, *, check_integrity: bool = True) -> None:
    """Read-only checks before anything is written: is it ours, is it whole, is it too new?"""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"Impossibile leggere {path}: {exc.strerror}") from exc
    if magic != _SQLITE_MAGIC:
        raise NotAStoreError(f"{path} non è un archivio casa_desk (non è un database SQLite).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedStoreError(f"L'archivio {path} è danneggiato: {exc}") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
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
    except sqlite3.DatabaseError as exc:
        raise DamagedStoreError(f"L'archivio {path} è danneggiato: {exc}") from exc
    finally:
        conn.close()
