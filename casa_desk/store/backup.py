"""Backups through SQLite's online backup API: consistent even while the app is writing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from casa_desk.errors import StorageError
from casa_desk.outputs import atomic_output
from casa_desk.paths import backups_dir
from casa_desk.security.files import private_folder
from casa_desk.store.connection import Connection, Connections, Error, disk_failure, open_target

KEEP_MIGRATION_BACKUPS = 5


def backup_to(
    source: Connection,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    inputs: Iterable[Path] = (),
) -> Path:
    """Copy the open database ``source`` to ``out`` atomically (temp file, then rename).

    ``out`` is checked first (:func:`casa_desk.outputs.check_output`): never a folder, never
    ``inputs`` (the store being copied) nor an open store.
    """
    out = Path(out)
    kind = int(source.execute("PRAGMA application_id").fetchone()[0])
    # The temporary file is created 0600: a backup holds what the store holds. It may replace
    # an older backup, never a database of another kind (a hub copy over an office store).
    with atomic_output(out, inputs=inputs, database=True, application_id=kind) as temp:
        try:
            target = open_target(temp)
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
        except Error as exc:
            raise StorageError(
                f"Backup non riuscito verso {out}: {disk_failure(exc) or exc}"
            ) from exc
    return out


def backup_file(store_path: Path, out: Path) -> Path:
    """Back up the store file at ``store_path`` (read-only connection: safe while it is open)."""
    if not store_path.exists():
        raise StorageError(f"Archivio non trovato: {store_path}")
    source = Connections(store_path).inspector()
    try:
        return backup_to(source, out, inputs=[store_path])
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
