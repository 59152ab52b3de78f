"""Files only their owner can read: the hub's database, backups, enrolment files.

The hub's SQLite file holds every office's notes, a backup holds the same, and an
enrolment file holds a device's token and bundle key; with the usual umask they would be
created readable by every account on the machine (0644). These helpers create them 0600
from the first byte (never created open, then narrowed) in folders made 0700. On Windows
the bits mean little: there the folder's ACL decides (docs/install.md).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from casa_desk.outputs import write_bytes

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """Create ``path`` (and missing parents) owner-only; an existing folder is left as is
    (it may be a system folder such as /srv or /var/lib that others must traverse)."""
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    return path


def own_folder(path: Path) -> Path:
    """The app's own data folder (:func:`casa_desk.paths.data_dir`): created owner-only like
    :func:`private_folder`, and narrowed to 0700 when it already exists and other accounts
    may list or enter it.

    Unlike :func:`private_folder`'s, this folder is ours: casa_desk keeps the store, its key
    file, the backups, the reports and the window's settings in it, and no other program or
    account has business there (an older version left it 0755 under the usual umask).
    On Windows the bits mean little and the folder's ACL decides; nothing is changed there.
    """
    path = private_folder(path)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        os.chmod(path, FOLDER_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is owner-only: a new file is created empty with mode
    0600; an existing one that others could read is narrowed to 0600 (a hub database made
    by an older version, say)."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, FILE_MODE)
    else:
        os.close(fd)
    return path


def write_private(path: Path, data: bytes, *, key_file: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically, owner-only from the first byte.

    The project's one atomic writer (:func:`casa_desk.outputs.write_bytes`): a temporary file
    beside it is created 0600, written, flushed to disk and renamed over ``path``; a crash
    leaves the old file or the new one, never half of it.
    """
    return write_bytes(path, data, mode=FILE_MODE, key_file=key_file)


def private_sqlite(path: Path) -> Path:
    """An owner-only SQLite database at ``path`` (created empty if missing, in an
    owner-only folder if that is missing too). SQLite gives its ``-wal`` and ``-shm`` files
    the database's mode; ones left by an older version are narrowed here as well."""
    path = Path(path)
    private_folder(path.parent)
    private_file(path)
    for extra in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if extra.exists():
            private_file(extra)
    return path
