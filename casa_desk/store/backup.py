"""Backups through SQLite's online backup API: consistent even while the app is writing."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from casa_desk.errors import StorageError
from casa_desk.paths import backups_dir
from casa_desk.security.files import private_file, private_folder
from casa_desk.store.connection import Connection, Connections, Error, open_target

KEEP_MIGRATION_BACKUPS = 5


def backup_to(
    source: Connection,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Copy the open database ``source`` to ``out`` atomically (temp file, then rename)."""
    out = Path(out)
    if out.exists() and out.is_dir():
        raise StorageError(f"{out} è una cartella: indicare un file.")
    if not out.parent.is_dir():
        raise StorageError(f"La cartella {out.parent} non esiste.")
    tmp = out.with_name(out.name + ".part")
    try:
        tmp.unlink(missing_ok=True)
        private_file(tmp)  # a backup holds what the store holds: owner-only from the start
        target = open_target(tmp)
        try:
            source.backup(
                target,
                pages=1024,
                progress=(lambda _status, remaining, total: progress(total - remaining, total))
                if progress
                else None,
            )
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(tmp, out)
    except (OSError, Error) as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Backup non riuscito verso {out}: {exc}") from exc
    return out


def backup_file(store_path: Path, out: Path) -> Path:
    """Back up the store file at ``store_path`` (read-only connection: safe while it is open)."""
    if not store_path.exists():
        raise StorageError(f"Archivio non trovato: {store_path}")
    source = Connections(store_path).inspector()
    try:
        return backup_to(source, out)
    finally:
        source.close()


def backup_before_migration(conn: Connection, store_path: Path) -> Path:
    """The automatic copy taken before a schema change; keeps the last few."""
    folder = private_folder(backups_dir(store_path))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = backup_to(conn, folder / f"{store_path.stem}-before-migration-{stamp}.sqlite")
    old = sorted(folder.glob(f"{store_path.stem}-before-migration-*.sqlite"))
    for stale in old[:-KEEP_MIGRATION_BACKUPS]:
        stale.unlink(missing_ok=True)
    return out
