"""The key file beside a store (``STORE.keys``): its key slots and its failed-login record.

Why a file beside the store: SQLCipher encrypts every page of the store, header included, so
nothing inside it can be read before the key is known — and the key slots are how the key is
found. The slots therefore live in a small JSON file next to the store, ``casa_desk.sqlite``
→ ``casa_desk.sqlite.keys``, written atomically and owner-only (0600). The pair is the store:
every copy the program makes (``casa-desk backup``, the automatic backup before a migration,
the demo builder's rename, the encryption of an old store) writes the key file with the
copy, key file first, so a copy never exists without the slots that open it.

Nothing in this file is secret on its own: each slot holds the data key wrapped with AES-GCM
under a key derived from one password with argon2id (:mod:`casa_desk.security.keyslots`).
It also holds the record of failed logins (counted per user, with their times), because a
failure happens exactly when the store cannot be decrypted; the next successful login moves
those times into the store's audit log (:mod:`casa_desk.security.throttle`).

Format (version 1)::

    {"format": "casa_desk-keys", "version": 1,
     "kdf": {"time_cost": 3, "memory_kib": 65536, "parallelism": 1},   # for new slots
     "slots": [{"id": …, "kind": "user" | "recovery", "username": …, "kdf": {…},
                "salt": b64, "nonce": b64, "wrapped": b64, "created_at": …}, …],
     "attempts": {"mrossi": {"failures": 2, "next_at": …, "times": […]}}}

Read-modify-write goes through :func:`update`, which holds an exclusive lock on
``STORE.keys.lock`` (the window and a command may both change it: a login's failure count
must not undo a password change made a moment earlier by ``casa-desk user passwd``).
"""

from __future__ import annotations

import base64
import json
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casa_desk.errors import OutputError, StorageError
from casa_desk.outputs import check_output, written_path
from casa_desk.security.files import write_private

FORMAT = "casa_desk-keys"
VERSION = 1
SUFFIX = ".keys"
#: How many failure times are kept per user until the next login moves them to the audit.
MAX_FAILURE_TIMES = 50
#: A key file is a few kilobytes (a slot and at most MAX_FAILURE_TIMES times per user); a
#: larger file is damaged and is never read whole (a 2 GB file took 4 GB of memory and a
#: minute to be called damaged).
MAX_BYTES = 4 * 1024 * 1024


def keyfile_path(store: str | Path) -> Path:
    """``casa_desk.sqlite`` → ``casa_desk.sqlite.keys``."""
    store = Path(store)
    return store.with_name(store.name + SUFFIX)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost, stored with each slot (so old slots open after a recalibration)."""

    time_cost: int
    memory_kib: int
    parallelism: int = 1

    def as_dict(self) -> dict[str, int]:
        return {
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        params = cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))
        if not (1 <= params.time_cost <= 64 and 8 <= params.memory_kib <= 4 * 1024 * 1024):
            raise ValueError("key slot cost out of range")
        if not 1 <= params.parallelism <= 16:
            raise ValueError("key slot parallelism out of range")
        return params


@dataclass(frozen=True)
class Slot:
    """One wrapped copy of the data key. ``kind`` is ``user`` or ``recovery``."""

    id: str
    kind: str
    username: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes
    created_at: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "username": self.username,
            "kdf": self.kdf.as_dict(),
            "salt": b64(self.salt),
            "nonce": b64(self.nonce),
            "wrapped": b64(self.wrapped),
            "created_at": self.created_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slot:
        return cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            username=str(data["username"]),
            kdf=KdfParams.from_dict(data["kdf"]),
            salt=unb64(data["salt"]),
            nonce=unb64(data["nonce"]),
            wrapped=unb64(data["wrapped"]),
            created_at=str(data.get("created_at") or ""),
        )


@dataclass
class Attempts:
    """Failed logins of one user since their last good one."""

    failures: int = 0
    next_at: float = 0.0  # time.time() before which no attempt is allowed
    times: list[str] = field(default_factory=list)  # UTC texts, for the audit log

    def as_dict(self) -> dict[str, Any]:
        return {"failures": self.failures, "next_at": self.next_at, "times": self.times}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attempts:
        next_at = float(data.get("next_at", 0.0))
        if not math.isfinite(next_at):  # 1e400 reads as infinity: no time to wait until
            raise ValueError("failed-login wait out of range")
        return cls(
            int(data.get("failures", 0)),
            next_at,
            [str(t) for t in data.get("times", [])][-MAX_FAILURE_TIMES:],
        )


@dataclass
class KeyFile:
    """The parsed key file."""

    kdf: KdfParams
    slots: list[Slot] = field(default_factory=list)
    attempts: dict[str, Attempts] = field(default_factory=dict)

    def user_slot(self, username: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == "user" and s.username == username), None)

    def recovery_slots(self) -> list[Slot]:
        return [s for s in self.slots if s.kind == "recovery"]

    def replace_slot(self, slot: Slot) -> None:
        """Put ``slot`` in place of the user's (or recovery) slot with the same name."""
        self.slots = [
            s for s in self.slots if (s.kind, s.username) != (slot.kind, slot.username)
        ] + [slot]

    def remove_user(self, username: str) -> bool:
        before = len(self.slots)
        self.slots = [s for s in self.slots if not (s.kind == "user" and s.username == username)]
        self.clear_count(username)
        return len(self.slots) != before

    def clear_count(self, username: str) -> None:
        """No more waiting for ``username``; their failure times stay until the next login
        moves them into the audit log (a reset or a recovery must not erase them)."""
        mine = self.attempts.get(username)
        if mine is not None:
            mine.failures, mine.next_at = 0, 0.0
        self.attempts = {n: a for n, a in self.attempts.items() if a.failures or a.times}

    def to_bytes(self, *, with_attempts: bool = True) -> bytes:
        data: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": self.kdf.as_dict(),
            "slots": [s.as_dict() for s in self.slots],
        }
        if with_attempts and self.attempts:
            data["attempts"] = {
                name: a.as_dict()
                for name, a in sorted(self.attempts.items())
                if a.failures or a.times
            }
        return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes, where: Path) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("not a key file")
            if int(data.get("version", 0)) > VERSION:
                raise StorageError(
                    f"Il file delle chiavi {where} è di una versione più recente di casa_desk: "
                    "aggiornare il programma.",
                    code="keys_too_new",
                )
            return cls(
                kdf=KdfParams.from_dict(data["kdf"]),
                slots=[Slot.from_dict(s) for s in data.get("slots", [])],
                attempts={
                    str(k): Attempts.from_dict(v) for k, v in data.get("attempts", {}).items()
                },
            )
        except StorageError:
            raise
        # RecursionError: JSON nested thousands deep; OverflowError: a number such as 1e400
        # where a count or a time is expected (int() of an infinite float)
        except (
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            RecursionError,
            OverflowError,
        ) as exc:
            raise StorageError(
                f"Il file delle chiavi {where} è danneggiato: ripristinarlo da un backup "
                "(il file .keys accanto alla copia).",
                code="keys_damaged",
            ) from exc


def exists(store: str | Path) -> bool:
    return keyfile_path(store).is_file()


def read(store: str | Path) -> KeyFile:
    """The key file of the store at ``store``; StorageError (one line) if missing or bad."""
    path = keyfile_path(store)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise StorageError(
            f"Manca il file delle chiavi dell'archivio ({path.name}): senza di esso "
            "l'archivio non si apre. Ripristinarlo da un backup.",
            code="keys_missing",
        ) from None
    except OSError as exc:
        raise StorageError(
            f"Impossibile leggere {path}: {exc.strerror}.", code="keys_unreadable"
        ) from exc
    if len(raw) > MAX_BYTES:
        raw = b""  # damaged, said as any other damage
    return KeyFile.from_bytes(raw, path)


def write(store: str | Path, keys: KeyFile) -> Path:
    """Write the key file atomically, owner-only (callers hold :func:`locked`)."""
    path = keyfile_path(store)
    try:
        return write_private(path, keys.to_bytes(), key_file=True)
    except OSError as exc:
        raise StorageError(
            f"Impossibile scrivere il file delle chiavi {path}: {exc.strerror}.",
            code="keys_unwritable",
        ) from exc


def check_copy_keys(store: str | Path) -> Path:
    """The key file's path for a copy written to ``store``: beside the file the copy really
    is, when ``store`` is a symbolic link (:func:`casa_desk.outputs.written_path`); refused
    (one line) when that ``.keys`` name is itself a symbolic link.

    The copy itself follows a link (casa_desk.outputs), so its name is the user's choice,
    and its key file goes beside it: beside the link instead, the copy at the link's target
    would not open on its own and the pair could be split (a copy on a USB stick, its keys
    on the desk). The key file's own name is derived, not chosen: following a link there
    would write key slots where nobody chose (over another store's key file, which would
    then no longer open it), and the link is not ours to replace: the user names another
    file. Nor may the name be what no key file can be written as (a folder, a pipe, a name
    too long): :func:`casa_desk.outputs.check_output`.
    """
    path = keyfile_path(written_path(store))
    if path.is_symlink():
        raise OutputError(
            f"{path} è un collegamento: il file delle chiavi non lo segue. Indicare un altro file."
        )
    # Where it can be written at all (not a folder, a pipe, a name too long): said before
    # the copy is made, not after.
    check_output(path, key_file=True)
    return path


def write_copy(store: str | Path, keys: KeyFile) -> Path:
    """The key file of a copy of the store: the same slots, no failure record (never
    through a symbolic link: :func:`check_copy_keys`)."""
    path = check_copy_keys(store)
    try:
        return write_private(path, keys.to_bytes(with_attempts=False), key_file=True)
    except OSError as exc:
        raise StorageError(
            f"Impossibile scrivere il file delle chiavi {path}: {exc.strerror}.",
            code="keys_unwritable",
        ) from exc


def lock_path(store: str | Path) -> Path:
    """``casa_desk.sqlite.keys.lock``: an empty file, only ever locked (never copied)."""
    keys = keyfile_path(store)
    return keys.with_name(keys.name + ".lock")


@contextmanager
def locked(store: str | Path) -> Iterator[None]:
    """Hold the key file's lock (``STORE.keys.lock``, an empty file) for a read-modify-write.

    The lock is advisory and held only by casa_desk processes; a folder that cannot hold
    the lock file (read-only media) gives the block without a lock — then nobody is writing.
    A separate file because the key file itself is replaced by each write (a lock on it
    would stay on the old copy), and the store file must never be opened outside SQLite.
    """
    try:
        fd = os.open(lock_path(store), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield
        return
    try:
        _lock(fd)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


@contextmanager
def update(store: str | Path) -> Iterator[KeyFile]:
    """``with update(path) as keys: …`` — read under the lock, written back on success."""
    with locked(store):
        keys = read(store)
        yield keys
        write(store, keys)


if sys.platform == "win32":  # pragma: no cover - exercised on the Windows workflow
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
