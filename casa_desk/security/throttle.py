"""Failed logins slow down, and are audited once someone gets in.

Where the count lives: a failed login is exactly the moment the store cannot be decrypted,
so nothing can be written inside it. The count and the times of the failures are kept in
the store's key file, per username (only usernames that have a slot: a mistyped username,
or a password typed in the username field, is never written anywhere). The next successful
login — by anyone — moves those times into the store's audit log as ``login_failed`` rows
(the person attacked, when; never the password tried).

The delay grows with each failure: three attempts are free, then 2, 4, 8 … seconds, up to
five minutes, and the count is cleared by the user's next good login. An attempt is counted
*before* the password is checked (and undone if it was right), so parallel attempts wait
their turn instead of racing through the free ones.

What this protects against: guessing at the desk or through the command line. A thief who
copies the store and its key file guesses offline, where only argon2id's cost counts
(:mod:`casa_desk.security.keyslots`). For the same reason, a key file on read-only media
(a backup on a write-protected stick) is opened without a count.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from casa_desk.errors import CasaError, StorageError
from casa_desk.security import keyfile
from casa_desk.security.keyfile import Attempts, KeyFile

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 300.0

Clock = Callable[[], float]


class Throttled(CasaError):
    """Too many wrong passwords for this user: try again after ``retry_after`` seconds."""

    code = "throttled"

    def __init__(self, retry_after: float) -> None:
        seconds = max(1, round(retry_after + 0.49))
        super().__init__(f"Troppi tentativi errati: riprovare tra {seconds} secondi.")
        self.retry_after = retry_after


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures (0, 0, 0, 2, 4, 8, …, 300)."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(2.0 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS)


def _utc(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _best_effort(store: Path, change: Callable[[KeyFile], None]) -> None:
    """Apply ``change`` to the key file under its lock; read-only media: skip it."""
    try:
        with keyfile.update(store) as keys:
            change(keys)
    except StorageError as exc:
        if exc.code != "keys_unwritable":
            raise


def reserve(store: Path, username: str, *, now: Clock = time.time) -> None:
    """Count an attempt for ``username`` before checking its password, or raise
    :class:`Throttled` when the user must wait."""
    at = now()
    shortened: list[float] = []

    def count(keys: KeyFile) -> None:
        attempts = keys.attempts.setdefault(username, Attempts())
        latest = at + MAX_DELAY_SECONDS
        if attempts.next_at > latest:
            # Never a wait longer than the longest delay: failures counted while the clock
            # ran ahead (a wrong date, put right since) or a time written far ahead into the
            # key file locked the user out for years (and the command line slept them).
            # Written back, so that the shortened wait ends.
            attempts.next_at = latest
            shortened.append(latest - at)
            return
        if at < attempts.next_at:
            raise Throttled(attempts.next_at - at)
        attempts.failures += 1
        attempts.next_at = at + delay_after(attempts.failures)

    _best_effort(store, count)
    if shortened:
        raise Throttled(shortened[0])


def failed(store: Path, username: str, *, now: Clock = time.time) -> None:
    """The reserved attempt was wrong: keep its time for the audit log."""
    at = now()

    def note(keys: KeyFile) -> None:
        attempts = keys.attempts.setdefault(username, Attempts())
        attempts.times = (attempts.times + [_utc(at)])[-keyfile.MAX_FAILURE_TIMES :]

    _best_effort(store, note)


def succeeded(store: Path, username: str) -> None:
    """The reserved attempt was right: clear the user's count (their failure times stay
    until :func:`take_times` hands them to the audit log)."""

    _best_effort(store, lambda keys: keys.clear_count(username))


def take_times(store: Path) -> list[tuple[str, str]]:
    """Every user's failure times not yet audited, as ``(username, at)``, oldest first;
    they are removed from the key file (the caller writes them to the audit log)."""
    taken: list[tuple[str, str]] = []

    def take(keys: KeyFile) -> None:
        for name, attempts in keys.attempts.items():
            taken.extend((name, at) for at in attempts.times)
            attempts.times = []
        keys.attempts = {n: a for n, a in keys.attempts.items() if a.failures}

    if any(a.times for a in keyfile.read(store).attempts.values()):
        _best_effort(store, take)
    return sorted(taken, key=lambda item: item[1])


def forget(store: Path, username: str) -> None:
    """A password reset by an administrator also clears the user's delay (the times of
    their failures still reach the audit log at the next login)."""
    _best_effort(store, lambda keys: keys.clear_count(username))
