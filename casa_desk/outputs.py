"""Files the program writes for the user: checked before any work, written atomically.

Every file a command or the window writes — report PDF and CSV, referral letter, backup, demo
store, bundles, the enrolment file — goes through here, so one set of rules protects what the
user gave us:

* an output path is refused, with one line and before any work, when it is an existing folder,
  sits in a folder that does not exist, is not a regular file (``/dev/null``, a pipe) or is
  one write-protected, has a name too long for it or its temporary file, is the
  same file as an input of the command (compared by identity: symlinks, ``..`` and hard links
  count), is a store that is open (its ``-wal``/``-shm`` are beside it) or one of those working
  files, or is an existing SQLite database when the command does not write databases (a PDF
  must never replace a store, open or not), or is named like a key file (``X.keys``) or goes
  beside one (the name and the place of a store's or backup's key file; only a backup of a
  store writes beside its own);
* the content goes to a temporary file beside the destination (same file system, so the rename
  is atomic), is flushed to disk and only then renamed over the destination; any failure (a
  full disk, a read-only folder, Ctrl-C) removes the temporary file and its SQLite working
  files, and the destination stays as it was. A process killed outright (power cut, kill -9)
  cannot: its temporary file, perhaps a plain copy of every person, is removed the next time
  the same destination is written, once nothing has touched it for ABANDONED_AFTER seconds.

Nothing here opens a file that SQLite may hold: on POSIX closing any descriptor of a file drops
the process's SQLite locks on it. The only bytes read are the 16-byte header of an existing
output that is not an open store (so not locked by us).

Example::

    with atomic_output(out, inputs=[store_path]) as temp:
        temp.write_bytes(pdf)
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePath

from casa_desk.errors import OutputError
from casa_desk.faults import fault_point

#: The files SQLite keeps beside a database while it is open (WAL) or mid-transaction.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
#: The key file beside an encrypted store (casa_desk.security.keyfile.SUFFIX): without it
#: the store cannot be opened, so it is as much the store as the database file.
KEY_FILE = ".keys"
#: The empty file beside the key file that casa_desk processes lock while they rewrite it
#: (casa_desk.security.keyfile.lock_path): replaced, two processes would hold two locks.
KEY_LOCK = KEY_FILE + ".lock"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BOM = b"\xef\xbb\xbf"  # UTF-8 byte-order mark
#: A temporary file (or its SQLite working files) untouched this long belongs to a process
#: that is gone: a write in progress, even of the largest store, touches them every second.
ABANDONED_AFTER = 15 * 60
#: Reasons worded for the desk, by errno; anything else says what the system said.
_REASONS = {
    errno.ENOSPC: "disco pieno",
    errno.EDQUOT: "spazio esaurito (quota)",
    errno.EROFS: "supporto in sola lettura",
    errno.EACCES: "permesso negato",
    errno.EPERM: "permesso negato",
    errno.ENOENT: "la cartella non esiste",
    errno.ENOTDIR: "il percorso non è una cartella",
    errno.EISDIR: "è una cartella",
    errno.ENAMETOOLONG: "nome troppo lungo",
    errno.EIO: "errore di lettura o scrittura del disco",
}

PathLike = str | os.PathLike[str]


def reason(exc: OSError) -> str:
    """A short Italian reason for an operating-system error (``disco pieno``…)."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()


@dataclass(frozen=True)
class _Target:
    path: Path  # as given (for messages)
    real: Path  # resolved: where the temporary file goes and what is renamed over


def _same(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name the same file: same inode if both exist (hard links,
    symlinks), else the same resolved path."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def _first_bytes(path: Path, count: int) -> bytes | None:
    """The first ``count`` bytes of the file at ``path``, read with a descriptor closed at
    once and never through a link (None when it cannot be read). Never a Python ``open()``
    of a database: closing one would drop this process's SQLite locks on it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        return os.read(fd, count)
    except OSError:
        return None
    finally:
        os.close(fd)


def _database_id(path: Path) -> int | None:
    """The application id of an existing SQLite file (from its 100-byte header), or None
    when it is not SQLite."""
    header = _first_bytes(path, 72)
    if header is None or not header.startswith(_SQLITE_MAGIC) or len(header) < 72:
        return None
    return int.from_bytes(header[68:72], "big")


#: How every key file begins (casa_desk.security.keyfile writes sorted JSON: "format" first).
_KEY_FILE_MAGIC = b'"format": "casa_desk-keys"'


def _is_key_file(path: Path) -> bool:
    """True when the existing file at ``path`` is a store's key file by its content, whatever
    its name: on Windows ``OFFICE.SQLITE.KEYS``, ``office.sqlite.keys.`` (a trailing dot or
    space is dropped) or a short 8.3 name are the key file ``office.sqlite.keys`` itself.
    Reads the first bytes only."""
    head = _first_bytes(path, 64)
    return head is not None and head.lstrip().startswith(b"{") and _KEY_FILE_MAGIC in head


def is_plain_sqlite(path: PathLike) -> bool:
    """True when the file at ``path`` is a plain (unencrypted) SQLite database: its header
    says so. An encrypted store shows no header (see :func:`looks_encrypted`)."""
    return _database_id(Path(path)) is not None


def looks_encrypted(path: PathLike) -> bool:
    """True for a file that may be an encrypted store reached by another name (a hard link):
    SQLCipher shows no header, only whole pages (4 KiB) of ciphertext. Every file the
    program writes in its place has a header or is text (PDF, ZIP bundle, JSON, CSV), so
    only a file of whole pages starting with binary bytes is taken for a store."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    head = _first_bytes(path, 16)
    if head is None:
        return False
    # b"\xef\xbb\xbf": the byte-order mark every CSV for spreadsheets begins with
    # (casa_desk.safe_csv): one of whole pages was taken for a store and never replaced.
    if size < 4096 or size % 4096 or head.startswith((b"%PDF", b"PK", _SQLITE_MAGIC, _BOM)):
        return False
    return any(b < 9 or 13 < b < 32 or b > 126 for b in head)


def written_path(path: PathLike) -> Path:
    """The file a write to ``path`` replaces: a symbolic link's target (links through links
    followed, as :func:`atomic_outputs` writes through them), else ``path`` as given.

    Why: a copy that comes with a file beside it — a backup and its key file ``OUT.keys``
    (:mod:`casa_desk.security.keyfile`) — names that file after this path, not after the
    link, so the pair always lands side by side and opens on its own wherever it is taken.
    Example: ``latest.sqlite`` → ``usb/copia.sqlite`` gives ``usb/copia.sqlite``.
    """
    given = Path(path)
    return _link_target(given) if given.is_symlink() else given


def _link_target(link: Path) -> Path:
    """Where the symbolic link ``link`` finally leads; one line for links that lead back
    to themselves (Python 3.11 raises RuntimeError there, a traceback for the user)."""
    try:
        return link.resolve(strict=False)
    except (RuntimeError, OSError) as exc:
        raise OutputError(
            f"{link} è un collegamento che rimanda a sé stesso: indicare un file.",
            code="output_link_loop",
        ) from exc


def store_files(store: PathLike) -> list[Path]:
    """The files that make up the store at ``store``: the database, its SQLite working files
    (:data:`SQLITE_SIDECARS`), its key file and the key file's lock."""
    return [Path(f"{store}{suffix}") for suffix in ("", *SQLITE_SIDECARS, KEY_FILE, KEY_LOCK)]


def is_store_file(path: PathLike, store: PathLike) -> bool:
    """True when ``path`` is the store at ``store`` or one of its :func:`store_files`,
    however it is named: compared by device and inode (symbolic links, ``..`` and hard links
    count). Only ``stat`` is used, never ``open``: on POSIX, closing any descriptor of a file
    drops this process's SQLite locks on it, so an input must be judged before it is read.
    A missing ``path`` is not a store file (its reader says it is missing)."""
    try:
        given = os.stat(path)
    except OSError:
        return False
    for name in store_files(store):
        try:
            other = os.stat(name)
        except OSError:
            continue
        if (given.st_dev, given.st_ino) == (other.st_dev, other.st_ino):
            return True
    return False


def _input_files(inputs: Iterable[PathLike | None]) -> list[Path]:
    """Inputs that are files (a hub given as ``postgresql://…`` is not one)."""
    return [Path(i) for i in inputs if i is not None and "://" not in str(i)]


def check_output(
    path: PathLike,
    *,
    inputs: Iterable[PathLike | None] = (),
    overwrite: bool = True,
    database: bool = False,
    application_id: int | None = None,
    key_file: bool = False,
) -> Path:
    """Refuse, with one :class:`~casa_desk.errors.OutputError` line, an output that would
    destroy something or cannot be written; return the resolved path to write.

    ``inputs`` are the files the same command reads (stores, bundles): the output may be none
    of them nor their SQLite working files. ``overwrite=False`` refuses an existing file.
    ``database=True`` for commands that write a SQLite file: a backup may replace an older
    backup that nobody has open, but with ``application_id`` (the id the new file will carry)
    never a database of another kind (a hub backup over an office store). An existing key
    file (``*.keys``) is replaced only by a key file (``key_file=True``): without it its
    store no longer opens (a hub backup over ``office.sqlite.keys`` lost the office).
    """
    given = Path(path)
    if str(path) == "":
        raise OutputError("Indicare il file da scrivere.")
    if not key_file and not named_like_key_file(given.name):  # said below, more precisely
        check_portable_name(given)  # a key file's name is derived from its store's
    try:  # a name (or a folder's) longer than the system allows: stat itself fails
        real = _check_folder(given)
        _check_name_length(given, real, database=database)
        _check_inputs(given, real, _input_files(inputs))
        exists = real.exists()
    except OSError as exc:
        raise OutputError(f"Impossibile scrivere {given}: {reason(exc)}.") from exc
    if exists:
        _check_existing(
            given,
            real,
            overwrite=overwrite,
            database=database,
            application_id=application_id,
            key_file=key_file,
        )
    if not key_file:
        _check_key_file_names(given, real, store_copy=database and application_id == _STORE_ID)
    if not os.access(real.parent, os.W_OK | os.X_OK):
        if _read_only_medium(real.parent):
            raise OutputError(
                f"Impossibile scrivere in {given.parent}: {_REASONS[errno.EROFS]}.",
                code="output_read_only",
            )
        raise OutputError(f"Impossibile scrivere in {given.parent}: permesso negato.")
    return real


#: Names that are devices on Windows, whatever the extension (``NUL.pdf``, ``con``);
#: ``COM¹``… too, which Windows counts as digits.
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)


#: Characters Windows (and a FAT or exFAT USB stick) never allows in a file name, besides
#: the control characters 0x00–0x1F (:func:`forbidden_character`).
WINDOWS_FORBIDDEN = frozenset('<>:"|?*')


def forbidden_character(name: str) -> str | None:
    """The first character of the file name ``name`` that Windows does not allow in a
    name (``< > : " | ? *`` or a control character, 0x00–0x1F), or None."""
    return next((c for c in name if c in WINDOWS_FORBIDDEN or ord(c) < 0x20), None)


def _printable(path: PurePath) -> str:
    """``path`` for a one-line message: control characters written as escapes (``\\n``)."""
    text = str(path)
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def check_portable_name(path: PurePath) -> None:
    """Refuse (one :class:`~casa_desk.errors.OutputError` line) a file name that Windows
    cannot keep as given: one ending in a dot or a space, one holding a character Windows
    does not allow in names (``< > : " | ? *``, control characters), or a device's
    (``NUL.pdf``). Only the name is judged, never the folders above it: a drive letter
    (``C:\\Rapporti\\ottobre.pdf``) is the folder's part on Windows.

    Why everywhere, not only on Windows: Windows drops trailing dots and spaces, and so
    does Linux on a FAT USB stick, so the file got another name than the one said, and a
    backup ``copia.sqlite.`` landed as ``copia.sqlite`` beside ``copia.sqlite..keys``: a
    pair that no longer opens. A device name is no file on Windows: the work was lost or
    refused only once done. The offices run Windows and their files travel on sticks.

    A ``:`` in a name is also how Windows names an alternate data stream of a file
    (``rapporto.pdf:x`` writes into ``rapporto.pdf``, hidden), and ``?`` or ``*`` are
    refused by Windows only when written, after the work.

    Example: ``check_portable_name(Path("rapporto.pdf."))`` raises; ``Path("con.pdf")``
    and ``Path("rapporto?.pdf")`` too; ``Path("console.pdf")`` does not.
    """
    name, shown = path.name, _printable(path)
    if name != name.rstrip(". ") and name not in (".", ".."):
        raise OutputError(
            f"{shown}: il nome finisce con un punto o uno spazio, che Windows e le chiavette "
            "USB tolgono: il file avrebbe un altro nome. Indicare un altro nome.",
            code="output_name_trailing",
        )
    if forbidden_character(name) is not None:
        # The character itself is not said: it may be a control character, and the
        # class is what the user needs to choose another name.
        raise OutputError(
            f"{shown}: il nome contiene un carattere che Windows e le chiavette "
            'USB non ammettono nei nomi dei file (< > : " | ? * o un carattere di controllo). '
            "Indicare un altro nome.",
            code="output_name_character",
        )
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if device in WINDOWS_DEVICES:
        raise OutputError(
            f"{shown}: {device} è un nome riservato di Windows (un dispositivo, non un file). "
            "Indicare un altro nome.",
            code="output_name_device",
        )


def _read_only_medium(folder: Path) -> bool:
    """The folder's filesystem is mounted read-only (a locked USB key, a CD, a share):
    ``os.access`` says only "no", which was worded "permesso negato". Windows has no
    ``statvfs``: there the refusal keeps its general wording."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def check_outputs(
    paths: Sequence[PathLike],
    *,
    inputs: Iterable[PathLike | None] = (),
    overwrite: bool = True,
    database: bool = False,
    application_id: int | None = None,
    key_file: bool = False,
) -> list[Path]:
    """:func:`check_output` for each of ``paths``, which must also differ from each other
    (``report --csv`` equal to ``--out`` would lose one of the two)."""
    inputs = list(inputs)
    checked: list[Path] = []
    for path in paths:
        real = check_output(
            path,
            inputs=inputs,
            overwrite=overwrite,
            database=database,
            application_id=application_id,
            key_file=key_file,
        )
        if any(_same(real, other) for other in checked):
            raise OutputError(f"{path} è indicato due volte come file da scrivere.")
        checked.append(real)
    return checked


def _check_folder(given: Path) -> Path:
    """The folder exists and the path is not one: the resolved path to write."""
    parent = given.parent
    if not parent.is_dir():
        if parent.exists() or any(p.is_file() for p in parent.parents):
            raise OutputError(f"Non è una cartella: {parent}", code="output_no_folder")
        raise OutputError(f"La cartella di uscita non esiste: {parent}", code="output_no_folder")
    real = _link_target(given) if given.is_symlink() else parent.resolve() / given.name
    if not real.parent.is_dir():  # a link to nowhere: its target's folder is missing
        raise OutputError(
            f"{given} è un collegamento a {real}, la cui cartella non esiste.",
            code="output_no_folder",
        )
    if real.is_dir():
        raise OutputError(f"{given} è una cartella: indicare un file.", code="output_is_folder")
    return real


#: What the temporary file adds to its destination's name: ``.NAME.`` + 8 random + ``.tmp``.
_TEMP_EXTRA = len("..") + 8 + len(".tmp")
#: The longest file name where the system does not say (Windows: 255 UTF-16 units).
_NAME_MAX = 255
#: Whether names are counted as Windows counts them (see :func:`name_length`).
_WINDOWS = os.name == "nt"


def name_length(name: str, *, windows: bool = _WINDOWS) -> int:
    """A file name's length as the file system counts it against its limit: UTF-16 code
    units on Windows (NTFS, exFAT: 255 of them), bytes elsewhere (ext4, APFS: 255 bytes of
    UTF-8). ``è`` is one unit on Windows and two bytes on Linux: counting bytes everywhere
    refused, on Windows, names of 128 to 255 accented letters that fit."""
    if windows:
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))


def _check_name_length(
    given: Path, real: Path, *, windows: bool = _WINDOWS, database: bool = False
) -> None:
    """The temporary file's name must fit too: a name within the limit by less than it
    adds was refused only when written, after the work — a letter already on record, a
    device's code already replaced (``hub device-code``). A database's temporary file has
    working files of its own (``-journal``: a backup with 8 characters fewer to spare
    failed at the copy, after the login, with a vague line). Counted as the platform counts
    (``windows``: see :func:`name_length`)."""
    try:
        limit = os.pathconf(real.parent, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):  # no pathconf (Windows), or no answer
        limit = _NAME_MAX
    extra = _TEMP_EXTRA + (len("-journal") if database else 0)
    if name_length(real.name, windows=windows) + extra > limit:
        raise OutputError(
            f"Impossibile scrivere {given}: {_REASONS[errno.ENAMETOOLONG]}.",
            code="output_name_too_long",
        )


def _check_inputs(given: Path, real: Path, inputs: list[Path]) -> None:
    for source in inputs:
        if _same(real, source):
            raise OutputError(
                f"{given} è anche un file di ingresso del comando: indicare un altro file.",
                code="output_is_input",
            )
        for suffix in (*SQLITE_SIDECARS, KEY_FILE, KEY_LOCK):
            if _same(real, Path(str(source.resolve()) + suffix)):
                raise OutputError(
                    f"{given} è un file di lavoro dell'archivio {source}.", code="output_is_input"
                )
    for suffix in (*SQLITE_SIDECARS, KEY_LOCK):  # any case: Windows' names ignore it
        name = real.name.lower()
        if name.endswith(suffix) and real.with_name(real.name[: -len(suffix)]).is_file():
            raise OutputError(
                f"{given} è un file di lavoro di un archivio: indicare un altro file.",
                code="output_is_input",
            )


def named_like_key_file(name: str) -> bool:
    """True for a file name a key file may have: ``X.keys`` in any case, and with the
    trailing dots and spaces Windows drops (``X.KEYS.``)."""
    return name.rstrip(". ").lower().endswith(KEY_FILE)


def _check_key_file_names(given: Path, real: Path, *, store_copy: bool) -> None:
    """An output that is not a key file is never named like one, nor written beside one.

    Why: ``X.keys`` is the key file of a store or backup ``X`` (casa_desk.security.keyfile),
    known by its name alone: a PDF named ``copia.sqlite.keys`` is taken for the key file of
    ``copia.sqlite`` by the next backup to that name, a restore and a decrypted copy
    (refused beside it); a file ``X`` written beside a lone ``X.keys`` (a backup's key file
    whose copy went to a stick, or a killed backup's) makes a pair that opens nothing, and
    hides the killed backup's leftovers from :func:`casa_desk.store.backup
    .clear_killed_backups`. Only a backup of a store (``store_copy``) writes its copy beside
    its own key file, the one it writes itself; an existing output named so is refused
    earlier (:func:`_check_existing`).
    """
    if named_like_key_file(given.name) or named_like_key_file(real.name):
        raise OutputError(
            f"{given}: i nomi che finiscono in {KEY_FILE} sono dei file delle chiavi degli "
            "archivi. Indicare un altro nome.",
            code="output_key_file_name",
        )
    keys = real.with_name(real.name + KEY_FILE)
    if not store_copy and os.path.lexists(keys):
        raise OutputError(
            f"Accanto a {given} c'è un file delle chiavi ({keys.name}): il file verrebbe preso "
            "per un archivio cifrato. Indicare un altro nome.",
            code="output_beside_keys",
        )


#: Stand-ins for the application id an encrypted file hides: the stores' (casa_desk.store
#: .schema.APPLICATION_ID, "CASA"), and "some encrypted store" for every other comparison.
_STORE_ID = 0x43415341
_ENCRYPTED_STORE = -1


def _check_existing(  # noqa: PLR0913 - the options of check_output, passed on
    given: Path,
    real: Path,
    *,
    overwrite: bool,
    database: bool,
    application_id: int | None,
    key_file: bool = False,
) -> None:
    if not stat.S_ISREG(real.stat().st_mode):
        raise OutputError(f"{given} non è un file normale: indicare un file.")
    key_file_refused = OutputError(
        f"{given} è il file delle chiavi di un archivio: senza, l'archivio non si apre. "
        "Non lo sovrascrivo: indicare un altro file.",
        code="output_is_store",
    )
    if real.name.lower().endswith(KEY_FILE) and not key_file:
        raise key_file_refused
    if any(Path(f"{real}{suffix}").exists() for suffix in ("-wal", "-shm")):
        raise OutputError(
            f"{given} è un archivio aperto: non lo sovrascrivo.", code="output_is_store"
        )
    if not key_file and _is_key_file(real):  # read once no open store can be the file
        raise key_file_refused
    if not overwrite:
        raise OutputError(f"Il file {given} esiste già: non lo sovrascrivo.", code="output_exists")
    if not key_file and not os.access(real, os.W_OK):
        # Made read-only to keep it (chmod a-w, Windows' "Sola lettura", chattr +i): the
        # rename would replace it on POSIX, and fail on Windows only after the work (a
        # letter on record, a device's code replaced). Key files are the program's own.
        raise OutputError(
            f"{given} è protetto da scrittura: non lo sovrascrivo. Indicare un altro file.",
            code="output_protected",
        )
    existing = _database_id(real)
    if existing is None and (Path(f"{real}{KEY_FILE}").is_file() or looks_encrypted(real)):
        # an encrypted store (its header is ciphertext): known by the key file beside it
        existing = _ENCRYPTED_STORE
        if database and application_id == _STORE_ID:
            existing = application_id  # a newer encrypted backup over an older one
    if existing is not None and not database:
        raise OutputError(
            f"{given} è un archivio: non lo sovrascrivo con un altro file.", code="output_is_store"
        )
    if existing is not None and application_id is not None and existing != application_id:
        raise OutputError(
            f"{given} è un archivio di un altro tipo: non lo sovrascrivo.", code="output_is_store"
        )


def _write_failed(path: object, exc: OSError) -> OutputError:
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return OutputError(
        f"Impossibile scrivere {path}: {reason(exc)}.", code="disk_full" if full else None
    )


def _sweep_abandoned(real: Path) -> None:
    """Remove the temporary files a killed process left for ``real`` (see the module's
    docstring): only this program's names for it, only when all their files are stale."""
    now = time.time()
    for temp in real.parent.glob(f".{glob.escape(real.name)}.*.tmp"):
        files = [Path(f"{temp}{suffix}") for suffix in ("", *SQLITE_SIDECARS)]
        try:
            regular = stat.S_ISREG(temp.lstat().st_mode)
            touched = max(f.lstat().st_mtime for f in files if os.path.lexists(f))
        except (OSError, ValueError):
            continue  # gone meanwhile, or unreadable: not ours to judge
        if regular and now - touched > ABANDONED_AFTER:
            _discard(temp)


#: For other housekeeping (a destination no longer written, whose leftovers no next write of
#: it would sweep).
sweep_abandoned = _sweep_abandoned


def _discard(temp: Path) -> None:
    for suffix in ("", *SQLITE_SIDECARS):
        with contextlib.suppress(OSError):
            os.unlink(f"{temp}{suffix}")


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be fsynced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _flush(temp: Path) -> None:
    fd = os.open(temp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_outputs(
    paths: Sequence[PathLike],
    *,
    inputs: Iterable[PathLike | None] = (),
    overwrite: bool = True,
    database: bool = False,
    application_id: int | None = None,
    mode: int = 0o600,
    key_file: bool = False,
) -> Iterator[list[Path]]:
    """Temporary files for ``paths``, renamed into place together when the block ends well.

    The files are created empty with ``mode`` (owner-only by default: letters, backups and
    bundles hold personal data). The block writes them by path; on leaving it normally each
    is flushed to disk and renamed over its destination. On any exception every temporary
    file (and any ``-wal``/``-shm`` beside it) is removed and nothing is renamed. Operating
    system errors become one :class:`~casa_desk.errors.OutputError` line.
    """
    targets = [
        _Target(Path(path), real)
        for path, real in zip(
            paths,
            check_outputs(
                paths,
                inputs=inputs,
                overwrite=overwrite,
                database=database,
                application_id=application_id,
                key_file=key_file,
            ),
            strict=True,
        )
    ]
    temps: list[Path] = []
    try:
        for target in targets:
            _sweep_abandoned(target.real)
            try:
                fd, name = tempfile.mkstemp(
                    prefix=f".{target.real.name}.", suffix=".tmp", dir=target.real.parent
                )
            except OSError as exc:
                raise _write_failed(target.path, exc) from exc
            os.close(fd)
            temps.append(Path(name))
            os.chmod(name, mode)
        try:
            yield list(temps)
            for target, temp in zip(targets, temps, strict=True):
                _flush(temp)
                if not overwrite and target.real.exists():  # appeared while we worked
                    raise OutputError(f"Il file {target.path} esiste già: non lo sovrascrivo.")
            for target, temp in zip(targets, temps, strict=True):
                fault_point(f"outputs.before_rename:{target.real.name}")
                os.replace(temp, target.real)
            for folder in {t.real.parent for t in targets}:
                _sync_folder(folder)
        except OSError as exc:
            where = next((t.path for t in targets), "")
            raise _write_failed(where, exc) from exc
    finally:
        for temp in temps:
            _discard(temp)


@contextmanager
def atomic_output(
    path: PathLike,
    *,
    inputs: Iterable[PathLike | None] = (),
    overwrite: bool = True,
    database: bool = False,
    application_id: int | None = None,
    mode: int = 0o600,
    key_file: bool = False,
) -> Iterator[Path]:
    """One file: see :func:`atomic_outputs`."""
    with atomic_outputs(
        [path],
        inputs=inputs,
        overwrite=overwrite,
        database=database,
        application_id=application_id,
        mode=mode,
        key_file=key_file,
    ) as temps:
        yield temps[0]


def write_bytes(
    path: PathLike,
    data: bytes,
    *,
    inputs: Iterable[PathLike | None] = (),
    mode: int = 0o600,
    key_file: bool = False,
) -> Path:
    """Write ``data`` to ``path`` atomically; returns ``path`` (``key_file``: see
    :func:`check_output`)."""
    with atomic_output(path, inputs=inputs, mode=mode, key_file=key_file) as temp:
        _write_all(temp, data)
    return Path(path)


def write_all(
    outputs: Sequence[tuple[PathLike, bytes]],
    *,
    inputs: Iterable[PathLike | None] = (),
    mode: int = 0o600,
) -> None:
    """Several files, all or none (the report's PDF and its CSV)."""
    with atomic_outputs([p for p, _ in outputs], inputs=inputs, mode=mode) as temps:
        for temp, (_path, data) in zip(temps, outputs, strict=True):
            _write_all(temp, data)


def _write_all(path: Path, data: bytes) -> None:
    """``os.write`` until every byte is down (one call may write fewer)."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
