"""What one device may make the hub keep: its changes a day in the log, the conflicts they
find, its edits waiting for a row, its refused changes (:class:`Bounds` holds them all).

The hub keeps every change it accepts in its log (``change_log``: the offices pull it) and
every loss a merge finds (``sync_conflicts``), for good. An enrolled office, broken or
hostile, could push valid edits of its own rows without end — each accepted, each logged,
some raising a conflict — until the hub's disk is full. So, per device:

* at most :data:`CHANGES_PER_DAY` changes and :data:`BYTES_PER_DAY` bytes of them (their
  data and base clocks, as the log keeps them) accepted in 24 hours, counted by the hour
  (``device_volume``: one row per device and hour, the older ones deleted). A push that
  would pass either is refused whole (:data:`~casa_desk.sync.protocol.DEVICE_QUOTA`, HTTP
  429) before anything of it is written: its changes stay in the office's outbox and go out
  at a later sync, when the hours that filled the day have passed (the office's round goes
  on and pulls meanwhile: ``SyncReport.day_full``). Nothing is lost, and a change refused
  this way is not recorded as refused (it is not: it comes again);
* at most :data:`CONFLICTS_PER_DEVICE` conflicts found by its changes; beyond it the
  oldest are forgotten (the offices keep their own: the hub's are for analysts).

Far above what an office makes: a registry import is some 100,000 people at once, an
office's contacts some 1,000 a month, a hub restored from a backup is sent again an
office's last 30 days. Each bound reached is logged with the device's id, never a value.
Constants, not settings (the hub has no settings file); :class:`Bounds` carries them, so
a test's hub can be started with small ones (``python -m casa_desk.sync.hub.app``).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update

from casa_desk.sync.hub import schema

_log = logging.getLogger("casa_desk.hub")

#: Changes one device may have accepted in 24 hours.
CHANGES_PER_DAY = 500_000
#: Their bytes (data and base clocks as logged) in 24 hours: a person's row is under 1 KB.
BYTES_PER_DAY = 512 * 1024 * 1024
#: Conflicts kept per device (the one whose change found each).
CONFLICTS_PER_DEVICE = 100_000
#: Edits one device may have waiting for their rows, and their size in all (as received).
#: Only a hub restored from a backup parks any: an office's edits, out of its 30 days of
#: retained changes, of rows other offices made after the backup and have not sent again
#: yet — some hundreds, some thousands for a busy head office, each a few hundred bytes.
#: Without a bound an enrolled office (broken or hostile) could park edit after edit of
#: rows that never come, each up to MAX_CHANGE_BYTES, until the hub's disk is full: they
#: go only after ``hub/push.py``'s PARKED_DAYS. Constants, not settings (below).
PARKED_PER_DEVICE = 20_000
PARKED_BYTES_PER_DEVICE = 64 * 1024 * 1024

#: Refusals kept per device. Each is told in the answer to the push that brought it (all of
#: them, whatever this bound) and kept to recognise the change if it comes again; late ones
#: (a parked edit refused when its row came) until hello has told them. An office makes a
#: handful a month; an enrolled office sending nothing but refused changes grew the table
#: without end (about 300 bytes each). Beyond the bound the oldest are forgotten, late ones
#: last: a forgotten change that comes again (a store restored from an old backup) is
#: checked again, as new.
REFUSALS_PER_DEVICE = 100_000

#: The day is counted by the hour: these many hours, the current one included.
HOURS = 24
_CHUNK = 1000  # ids per statement when forgetting conflicts


@dataclass(frozen=True)
class Bounds:
    """The bounds a hub applies per device: the constants above, smaller in tests, given
    to the hub as one value (``HubStore.open(…, bounds=…)``; a test's hub process takes
    them as options: ``python -m casa_desk.sync.hub.app --changes-per-day 5``)."""

    changes_per_day: int = CHANGES_PER_DAY
    bytes_per_day: int = BYTES_PER_DAY
    conflicts: int = CONFLICTS_PER_DEVICE
    #: edits waiting for a row the hub does not hold (hub/push.py), and their bytes
    parked: int = PARKED_PER_DEVICE
    parked_bytes: int = PARKED_BYTES_PER_DEVICE
    #: refused changes kept
    refusals: int = REFUSALS_PER_DEVICE


def hour_now() -> int:
    """Hours since the epoch (UTC): the volume's unit of time."""
    return int(time.time() // 3600)


def used(conn: Connection, device_id: str, hour: int) -> tuple[int, int]:
    """(changes, bytes) the device had accepted in the last :data:`HOURS` hours."""
    volume = schema.device_volume
    changes, size = conn.execute(
        select(
            func.coalesce(func.sum(volume.c.changes), 0),
            func.coalesce(func.sum(volume.c.bytes), 0),
        ).where(volume.c.device_id == device_id, volume.c.hour > hour - HOURS)
    ).one()
    return int(changes), int(size)


def over(
    conn: Connection, device_id: str, changes: int, size: int, bounds: Bounds, hour: int
) -> bool:
    """Whether ``changes`` more (``size`` bytes) would take the device past its day; said
    in the hub's log when they would."""
    if not changes:
        return False
    had, had_bytes = used(conn, device_id, hour)
    if had + changes <= bounds.changes_per_day and had_bytes + size <= bounds.bytes_per_day:
        return False
    _log.warning(
        "device %s has had %d changes (%d bytes) accepted in %d hours, the most one may"
        " (%d, %d bytes): its push of %d more is refused, to be sent again later",
        device_id,
        had,
        had_bytes,
        HOURS,
        bounds.changes_per_day,
        bounds.bytes_per_day,
        changes,
    )
    return True


def count(conn: Connection, device_id: str, changes: int, size: int, hour: int) -> None:
    """Add what the device just had accepted to its hour, and forget its hours past the day
    (at most :data:`HOURS` rows per device stay). Inside the push lock."""
    if not changes:
        return
    volume = schema.device_volume
    this_hour = (volume.c.device_id == device_id) & (volume.c.hour == hour)
    done = conn.execute(
        update(volume)
        .where(this_hour)
        .values(changes=volume.c.changes + changes, bytes=volume.c.bytes + size)
    ).rowcount
    if not done:
        conn.execute(
            insert(volume).values(device_id=device_id, hour=hour, changes=changes, bytes=size)
        )
        conn.execute(
            delete(volume).where(volume.c.device_id == device_id, volume.c.hour <= hour - HOURS)
        )


def bound_conflicts(conn: Connection, device_id: str, bounds: Bounds) -> None:
    """Forget the oldest conflicts found by the device's changes beyond its bound, and say
    so in the hub's log."""
    kept = schema.conflicts
    found = conn.execute(
        select(func.count()).select_from(kept).where(kept.c.device_id == device_id)
    ).scalar_one()
    excess = int(found) - bounds.conflicts
    if excess <= 0:
        return
    oldest = [
        r[0]
        for r in conn.execute(
            select(kept.c.id)
            .where(kept.c.device_id == device_id)
            .order_by(kept.c.detected_at, kept.c.id)
            .limit(excess)
        )
    ]
    for start in range(0, len(oldest), _CHUNK):
        conn.execute(delete(kept).where(kept.c.id.in_(oldest[start : start + _CHUNK])))
    _log.warning(
        "device %s found more than %d conflicts: its %d oldest forgotten",
        device_id,
        bounds.conflicts,
        len(oldest),
    )
