"""Files given to the desk to read — head office's reply bundle, an enrolment file — opened
without waiting, and refused unread when they are not a regular file.

The window takes whatever its file dialog gives, and a name typed there may be a folder or a
named pipe (a FIFO, which the dialog lists like a file). Python's ``open`` of a pipe with no
writer waits for one for ever: the task never ended and the window's buttons stayed greyed
out, with no line. Opened here with ``O_NONBLOCK`` (which a regular file ignores), a pipe or
a device answers at once and is said to be what it is.

Example::

    with open_regular(path) as handle:
        data = handle.read(limit)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from casa_desk.errors import SyncError
from casa_desk.sync.protocol import sync_error

#: Never wait for a writer (POSIX); Windows has no pipes in its file system's names.
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: Path, *, enrolment: bool = False) -> BinaryIO:
    """``path`` open for reading in binary, or a one-line SyncError when it is a folder, a
    pipe or a device: head office's reply bundle (code ``bundle_not_file``), or with
    ``enrolment`` an enrolment file (``enrol_file``). Any other failure is the caller's
    OSError to word."""
    try:
        fd = os.open(path, _FLAGS)
    except PermissionError:
        if Path(path).is_dir():  # Windows opens no folder: "permission denied"
            raise _refused(path, folder=True, enrolment=enrolment) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if stat.S_ISREG(mode):
        return os.fdopen(fd, "rb")
    os.close(fd)
    raise _refused(path, folder=stat.S_ISDIR(mode), enrolment=enrolment)


def _refused(path: Path, *, folder: bool, enrolment: bool) -> SyncError:
    # Whole lines, each its own template: the window translates them as they are written.
    if enrolment and folder:
        return sync_error(
            "{path} è una cartella: indicare il file di abbinamento della sede.",
            code="enrol_file",
            path=path,
        )
    if enrolment:
        return sync_error(
            "{path} non è un file normale: indicare il file di abbinamento della sede.",
            code="enrol_file",
            path=path,
        )
    if folder:
        return sync_error(
            "{path} è una cartella: indicare il pacchetto della sede.",
            code="bundle_not_file",
            path=path,
        )
    return sync_error(
        "{path} non è un file normale: indicare il pacchetto della sede.",
        code="bundle_not_file",
        path=path,
    )
