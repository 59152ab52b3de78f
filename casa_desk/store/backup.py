"""Backups through SQLite's online backup API: consistent even while the app is writing.

A backup of an encrypted store is encrypted with the same data key and gets a copy of the
store's key file (``OUT.keys``): it opens on its own, with the same passwords, anywhere.
The copy is written to a temporary file, flushed to disk, and renamed into place
(:mod:`casa_desk.outputs`); its key file is written just before that rename, so the copy
never exists without a key file. What a crash between the two renames leaves (fault points
``backup.after_copy``, ``outputs.before_rename:OUT.keys``, ``backup.after_keys``,
``outputs.before_rename:OUT``; tests/unit/cli/test_backup_kills.py):

* over an older backup of the same store, that older copy with the new key file: it opens
  with it (a store's data key never changes; an older backup of *another* store is never
  replaced: :func:`_refuse_another_stores_copy`);
* where there was no backup, no copy, and possibly the new key file alone, which opens
  nothing, with the copy not renamed beside it (``.OUT.*.tmp``): both are taken back by the
  next backup into that folder, whatever its name (:func:`clear_killed_backups`).

An error instead of a crash (the rename refused, a full disk said at the flush) takes back a
key file the backup wrote where there was none, and the temporary copy.

A *decrypted* copy (``sqlcipher_export``) is a plain SQLite file for analysis or support:
only an administrator may ask for one (casa_desk.security), and it is audited.

An ``out`` that is a symbolic link is written through (as every output,
:mod:`casa_desk.outputs`), and everything about the pair is judged at the link's target
(:func:`casa_desk.outputs.written_path`): the key file goes beside the copy, not beside the
link, and the checks below look at what is really there.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import stat
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from casa_desk.errors import OutputError, StorageError
from casa_desk.faults import fault_point
from casa_desk.outputs import (
    ABANDONED_AFTER,
    atomic_output,
    forbidden_character,
    is_plain_sqlite,
    looks_encrypted,
    reason,
    sweep_abandoned,
    written_path,
)
from casa_desk.paths import backups_dir
from casa_desk.security import keyfile
from casa_desk.security.files import private_folder
from casa_desk.security.keyfile import KeyFile
from casa_desk.store.connection import (
    Connection,
    Connections,
    Error,
    disk_failure,
    export_copy,
    failure,
    open_target,
)

KEEP_MIGRATION_BACKUPS = 5


def backup_to(
    source: Connection,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    inputs: Iterable[Path] = (),
    target_for: Callable[[Path], Connection] = open_target,
    keys: KeyFile | None = None,
) -> Path:
    """Copy the open database ``source`` to ``out`` atomically (temp file, then rename).

    ``out`` is checked first (:func:`casa_desk.outputs.check_output`): never a folder, never
    ``inputs`` (the store being copied) nor an open store. ``target_for`` opens the new file
    (keyed like the source for an encrypted store: the backup API copies pages as they are);
    ``keys``, the store's key file, is written beside the copy once the copy is on disk,
    just before it is renamed into place (see the module's docstring for what a crash
    leaves, and :func:`clear_killed_backups`). The hub's own backup passes its own
    binding's plain connection. Returns the path written: ``out``, or its target when
    ``out`` is a symbolic link.
    """
    out = written_path(out)
    kind = int(source.execute("PRAGMA application_id").fetchone()[0])
    keys_path = keyfile.keyfile_path(out)
    lone: os.stat_result | None = None  # the key file this backup made where none was
    # The temporary file is created 0600: a backup holds what the store holds. It may replace
    # an older backup, never a database of another kind (a hub copy over an office store).
    try:
        with atomic_output(out, inputs=inputs, database=True, application_id=kind) as temp:
            if keys is not None:  # where its key file can go: said before the copy is made
                keyfile.check_copy_keys(out)
            clear_killed_backups(out.parent)  # once the copy is allowed: a refusal changes nothing
            try:
                target = target_for(temp)
                try:
                    source.backup(
                        target,
                        pages=1024,
                        progress=(
                            lambda _status, remaining, total: progress(total - remaining, total)
                        )
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
            fault_point("backup.after_copy")
            if keys is not None:  # the key file first: the copy never exists without it
                _flush(temp, out)  # on disk before the key file: after it, only the rename
                had_keys = os.path.lexists(keys_path)
                keyfile.write_copy(out, keys)
                lone = None if had_keys else os.stat(keys_path)
                fault_point("backup.after_keys")
    except BaseException:
        if lone is not None:
            _drop_lone_keys(keys_path, lone)
        raise
    return out


#: A temporary file of :mod:`casa_desk.outputs` (``tempfile.mkstemp``: 8 characters).
_TEMP = re.compile(r"\.(.+)\.[a-z0-9_]{8}\.tmp")


def clear_killed_backups(folder: Path) -> None:
    """Take back what a backup killed between its two renames left in ``folder``: its key
    file alone (``X.keys``, no ``X``) and beside it the copy it did not rename
    (``.X.*.tmp``), untouched for :data:`casa_desk.outputs.ABANDONED_AFTER` and older than
    the key file (written after it). The next backup to ``X`` replaces both, but the
    window suggests a new name each day, so nothing else would: a hidden copy of the whole
    store and a key file that opens nothing, for ever.

    Only that trace: a key file alone with no copy of ours beside it may be the user's (its
    copy taken to a stick) and stays; so does a copy another process is still writing, and
    the key file of a backup that renames its copy into place while this looks."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _TEMP.fullmatch(name)
        if match is None or not match[1] or match[1].endswith(".keys"):
            continue
        copy, temp = folder / match[1], folder / name
        keys = keyfile.keyfile_path(copy)
        try:
            judged = keys.lstat()
            if os.path.lexists(copy) or not stat.S_ISREG(judged.st_mode):
                continue
            if judged.st_mtime < temp.lstat().st_mtime:
                continue
        except OSError:
            continue
        sweep_abandoned(copy)
        # The key file goes only when no copy of ``copy`` is left being written and none has
        # been renamed into place: a backup between its renames meanwhile renames its copy
        # (its temporary file gone, the copy there at once: looked at in that order), and
        # another may still be writing one beside the abandoned one. Only the key file
        # judged (same inode): never one written since.
        if glob.glob(f"{glob.escape(str(folder / ('.' + copy.name)))}.*.tmp"):
            continue
        if not os.path.lexists(copy):  # the copy was abandoned: so is its key file
            _drop_lone_keys(keys, judged)


def _flush(temp: Path, out: Path) -> None:
    """The copy written to disk (a full disk or a pulled stick said here, before its key
    file is in place: an error after that would leave a key file and no copy)."""
    try:
        fd = os.open(temp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise OutputError(f"Impossibile scrivere {out}: {reason(exc)}.") from exc


def _drop_lone_keys(path: Path, written: os.stat_result) -> None:
    """A backup that failed after writing its key file where there was none (and so no
    older copy for it to open) takes the key file back: a key file alone looks like a
    backup to the next one and to a decrypted copy (refused beside it), and opens nothing.
    Only the file this backup wrote (same inode): never one put there since."""
    try:
        now = os.stat(path)
        if (now.st_dev, now.st_ino) == (written.st_dev, written.st_ino):
            path.unlink()
    except OSError:
        pass


def backup_store(
    connections: Connections, out: Path, progress: Callable[[int, int], None] | None = None
) -> Path:
    """Back up the store of ``connections`` to ``out`` with its key file (a read-only
    connection of its own: safe while the store is open, here or in another process)."""
    if not connections.path.exists():
        raise StorageError(f"Archivio non trovato: {connections.path}")
    source = connections.inspector()
    try:
        return _backup_connection(source, connections, out, progress, inputs=[connections.path])
    finally:
        source.close()


def _backup_connection(
    source: Connection,
    connections: Connections,
    out: Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    inputs: Iterable[Path] = (),
) -> Path:
    out = written_path(out)
    _refuse_another_stores_copy(out, connections)
    keys = keyfile.read(connections.path) if connections.encrypted else None
    inputs = [*inputs, keyfile.keyfile_path(connections.path)]
    return backup_to(source, out, progress, inputs=inputs, target_for=connections.target, keys=keys)


def _refuse_another_stores_copy(out: Path, connections: Connections) -> None:
    """An encrypted backup replaces an existing encrypted file only when this store's key
    reads it (an older backup of the same store); anything else is refused with one line.

    Why: a backup is a pair, ``OUT`` and ``OUT.keys``, replaced by two renames, key file
    first. Every key file of a store opens every copy of it (the data key never changes),
    so a crash between the renames still leaves an older backup of the same store that
    opens. Over a backup of *another* store no order of the renames is safe — a crash
    between them leaves one store's pages beside the other's key slots, and neither
    opens — and that file is most likely the only copy of the other store (a name typed
    wrong, the wrong USB stick): it is kept, and the user gives another name.
    """
    if not connections.encrypted or not out.is_file() or out.stat().st_size == 0:
        return
    if is_plain_sqlite(out):
        return  # a plain copy: beside a key file it still opens as the plain file it is
    try:
        ours = connections.reads(out)
    except Error as exc:
        raise StorageError(
            f"Backup non riuscito: impossibile leggere {out}: {failure(exc) or 'errore'}."
        ) from exc
    if not ours:
        raise StorageError(
            f"{out} è il backup di un altro archivio (o è danneggiato): non lo sovrascrivo. "
            "Indicare un altro file.",
            code="output_other_store",
        )


def check_backup_out(out: Path, *, decrypted: bool) -> None:
    """What a backup to ``out`` refuses before any work, besides
    :func:`casa_desk.outputs.check_output`: a key file name that is a symbolic link
    (:func:`casa_desk.security.keyfile.check_copy_keys`) and, for a decrypted copy, an
    encrypted backup to replace (:func:`refuse_plain_over_encrypted`)."""
    if decrypted:
        refuse_plain_over_encrypted(out)
    else:
        keyfile.check_copy_keys(out)


def refuse_plain_over_encrypted(out: Path) -> None:
    """A decrypted copy never replaces an encrypted backup, nor goes beside a key file.

    Why: the plain copy would replace ``OUT`` and leave ``OUT.keys`` beside it; a plain file
    with a key file beside it is taken for an encrypted store by restore and by the next
    backup, and the encrypted backup, perhaps the only one, would be gone. Like
    :func:`_refuse_another_stores_copy`, one line; the user names another file. Judged
    at a symbolic link's target, where the copy would go.
    """
    out = written_path(out)
    keys = keyfile.keyfile_path(out)
    if out.is_file() and (os.path.lexists(keys) or looks_encrypted(out)):
        raise OutputError(
            f"{out} è un backup cifrato: non lo sostituisco con una copia in chiaro. "
            "Indicare un altro file.",
            code="output_is_store",
        )
    if os.path.lexists(keys):
        raise OutputError(
            f"Accanto a {out} c'è un file delle chiavi ({keys.name}): la copia in chiaro "
            "non va scritta lì. Indicare un altro file.",
            code="output_is_store",
        )


def decrypted_copy(connections: Connections, out: Path) -> Path:
    """A plain SQLite copy of the encrypted store, written atomically, owner-only (never
    over an encrypted backup: :func:`refuse_plain_over_encrypted`); returns the path
    written (a symbolic link's target)."""
    out = written_path(out)
    refuse_plain_over_encrypted(out)
    source = connections.inspector()
    try:
        with atomic_output(out, inputs=[connections.path], database=True) as temp:
            try:
                export_copy(source, temp, None)
            except Error as exc:
                raise StorageError(
                    f"Copia in chiaro non riuscita verso {out}: {disk_failure(exc) or exc}"
                ) from exc
    finally:
        source.close()
    return out


def backup_before_migration(conn: Connection, connections: Connections) -> Path:
    """The automatic copy taken before a schema change; keeps the last few (each with its
    key file: a backup that cannot be opened is no backup)."""
    store_path = connections.path
    try:
        folder = private_folder(backups_dir(store_path))
    except OSError as exc:  # a link to a drive that is not there, a full disk, no permission
        raise StorageError(
            f"Backup non riuscito: impossibile creare la cartella {backups_dir(store_path)}: "
            f"{exc.strerror}."
        ) from exc
    # Microseconds: two migrations in the same second (an old store opened, then encrypted)
    # must not overwrite each other's backup.
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    stem = _backup_stem(store_path)
    out = _backup_connection(conn, connections, folder / f"{stem}-before-migration-{stamp}.sqlite")
    _clear_migration_leftovers(folder, stem)
    old = sorted(folder.glob(f"{glob.escape(stem)}-before-migration-*.sqlite"))
    for stale in old[:-KEEP_MIGRATION_BACKUPS]:
        # Pruning is housekeeping: a copy that cannot go now (held by an antivirus scan on
        # Windows, not a file) stays until a later upgrade, and never fails this one, whose
        # own backup is already made.
        try:
            stale.unlink(missing_ok=True)
            keyfile.keyfile_path(stale).unlink(missing_ok=True)
        except OSError:
            continue
    return out


def _clear_migration_leftovers(folder: Path, stem: str) -> None:
    """What a killed automatic backup (or a pruning stopped midway) left in the backups
    folder, which is ours: copies not renamed and key files not written (``.NAME.*.tmp``,
    once abandoned: :func:`casa_desk.outputs.sweep_abandoned`) and key files whose copy is
    gone (untouched as long: another process's backup may be between its renames). Each
    automatic backup has a name of its own (its time), so no later backup
    writes that name again and sweeps them: they stayed for ever, a hidden whole copy each."""
    pattern = f"{glob.escape(stem)}-before-migration-*.sqlite"
    for temp in folder.glob(f".{pattern}*.tmp"):
        match = _TEMP.fullmatch(temp.name)
        if match is not None:
            sweep_abandoned(folder / match[1])
    for keys in folder.glob(f"{pattern}{keyfile.SUFFIX}"):
        copy = keys.with_name(keys.name[: -len(keyfile.SUFFIX)])
        with contextlib.suppress(OSError):  # gone meanwhile, or held: the next backup's
            if not os.path.lexists(copy) and time.time() - keys.stat().st_mtime > ABANDONED_AFTER:
                keys.unlink()


def migration_backups(store_path: Path) -> list[Path]:
    """The automatic backups of the store at ``store_path``, oldest first."""
    folder = backups_dir(store_path)
    return sorted(folder.glob(f"{glob.escape(_backup_stem(store_path))}-before-migration-*.sqlite"))


def _backup_stem(store_path: Path) -> str:
    """The store's name as its automatic backups begin: each character Windows refuses in
    a name (:func:`casa_desk.outputs.forbidden_character`) made ``_``. Every output is
    refused such a name, and a store this system allowed (``ufficio: 2.sqlite``) could not
    take its own backup, so not be upgraded."""
    return "".join("_" if forbidden_character(c) else c for c in store_path.stem)
