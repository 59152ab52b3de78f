"""The device's clock at open: where it starts, and how a clock that is ahead recovers.

The clock starts from the larger of the persisted clock and the newest change this device
wrote, so it never goes back across a restart, even with the PC's clock set back.

A *poisoned* store adopted a timestamp from another device far ahead of its own time
(before clients refused to: ``2**63 - 1`` left stores unable to stamp any change). Whether a
clock in the store is trustworthy is judged by the rule clients apply on receipt today — at
most :data:`~casa_desk.models.hlc.MAX_SKEW_MS` ahead of the wall time recorded with it
(``sync_applied.applied_at``, ``sync_outbox.created_at``) — not by today's wall time, so a
PC whose clock is now wrong (a flat CMOS battery) never rewrites a healthy store. Recovery
runs only when the clock is ahead of wall time, in the open transaction:

* the clock restarts from the newest trustworthy timestamp and is saved (the one place the
  saved clock moves back);
* every untrustworthy timestamp still carried by a row (its ``hlc``, an entry of its
  ``field_clocks``) or by a change not yet sent is replaced by a fresh tick, in the same
  order, so later edits win over the poisoned values;
* values stay as they are; the count is logged (ids and values never are).

The same restamping (:func:`_restamp`) serves a PC whose *own* clock ran ahead and was then
corrected (:func:`restamp_own_future`, before changes leave for the hub): the hybrid clock
stays ahead until real time catches up, and the hub refuses what it stamps meanwhile. These
are the two places the saved clock moves back, each time to just above every stamp the
store keeps, so a new change still sorts after every change this store has seen.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from casa_desk.models.hlc import MAX_HLC, MAX_SKEW_MS, Hlc, ahead_of, physical_ms
from casa_desk.store.journal import Journal
from casa_desk.store.tables import BY_NAME

log = logging.getLogger("casa_desk.store")

#: No PC clock is right past year 2200 (HLC physical ms): beyond this even the persisted
#: clock alone, with no record behind it, is untrustworthy.
_IMPLAUSIBLE = (7_258_118_400_000 << 16) | 0xFFFF
_MS_OF = "CAST((julianday({col}) - 2440587.5) * 86400000 AS INTEGER)"


def starting_clock(db: Database) -> Hlc:
    """The clock as the store left it: the persisted value, or the newest change written
    here if a crash (or an older program overwriting it) left it behind."""
    row = db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()
    persisted = int(row[0]) if row and row[0] else 0
    own = db.execute("SELECT hlc FROM sync_outbox ORDER BY seq DESC LIMIT 1").fetchone()
    return Hlc(last=max(persisted, int(own[0]) if own else 0))


@dataclass(frozen=True)
class Recovery:
    """What a recovery at open changed (counts only)."""

    clock_before: int
    clock_after: int
    timestamps: int
    rows: int
    unsent_changes: int


def recover_poisoned_clock(journal: Journal) -> Recovery | None:
    """Undo an adopted future clock (see the module docstring). Inside a transaction."""
    clock = journal.clock
    if not ahead_of(clock.last, clock.wall_ms()):
        return None  # the common case: one comparison
    db = journal.db
    before = clock.last
    untrusted, newest_trusted = _judge(db, before)
    if not untrusted or before < min(untrusted):
        # Nothing poisoned, or recovered at an earlier open (every stamp in the store is
        # at most the clock): the PC's clock is behind, and the HLC carries on, as it must.
        return None
    recovery = _restamp(journal, untrusted, newest_trusted)
    log.warning(
        "clock recovered at open: %d future timestamps replaced (%d rows, %d unsent changes)",
        recovery.timestamps,
        recovery.rows,
        recovery.unsent_changes,
    )
    return recovery


def restamp_own_future(journal: Journal, trusted_ms: int) -> Recovery | None:
    """Changes made here while this PC's clock ran ahead, not yet sent, get trustworthy
    clocks before they are sent. Inside a transaction.

    A PC whose clock ran ahead and was then corrected keeps its hybrid clock ahead (it
    never goes back on its own) until real time catches up, and the hub refuses every
    change stamped more than the allowed skew ahead of its time — for ever, since it
    resends the same stamp. ``trusted_ms`` is a time this PC can trust now (the hub's,
    checked at hello, or the corrected wall clock). The unsent changes the hub would refuse
    — stamped more than the skew past it — are restamped exactly as an adopted poisoned
    clock is at open (:func:`_restamp`): the clock restarts from the newest stamp the store
    keeps that is not being replaced (every change received, every other change made here),
    the changes get fresh ticks in the same order, and the rows and field clocks they wrote
    follow, so they still sort after every change this store has seen. Values are never
    touched; acknowledged changes are history and stay as they are. If that newest stamp
    is itself past the limit, fresh ticks would be refused too: nothing is done.
    """
    clock = journal.clock
    limit = trusted_ms + MAX_SKEW_MS
    if physical_ms(clock.last) <= limit:
        return None  # the common case: one comparison
    db = journal.db
    acked = _acked(db)
    untrusted = {
        int(r[0])
        for r in db.execute(
            "SELECT DISTINCT hlc FROM sync_outbox WHERE seq > ? AND (hlc >> 16) > ?",
            [acked, limit],
        )
    }
    if not untrusted:
        return None
    received = db.execute("SELECT max(hlc) FROM sync_applied").fetchone()
    made = db.execute(
        "SELECT max(hlc) FROM sync_outbox WHERE seq <= ? OR (hlc >> 16) <= ?", [acked, limit]
    ).fetchone()
    newest = max(int(received[0] or 0), int(made[0] or 0))
    if physical_ms(newest) > limit:
        return None
    recovery = _restamp(journal, untrusted, newest)
    log.warning(
        "clock ahead of real time: %d unsent timestamps replaced (%d rows, %d changes)",
        recovery.timestamps,
        recovery.rows,
        recovery.unsent_changes,
    )
    return recovery


def _restamp(journal: Journal, untrusted: set[int], newest_trusted: int) -> Recovery:
    """Restart the clock from ``newest_trusted``; give every ``untrusted`` stamp a fresh
    tick (same order) in the rows and unsent changes that carry it; save the clock."""
    clock = journal.clock
    before = clock.last
    clock.reset(newest_trusted)
    remap = {old: clock.tick() for old in sorted(untrusted)}
    rows = _restamp_rows(journal, remap) if remap else 0
    unsent = _restamp_unsent(journal, remap) if remap else 0
    journal.db.execute("UPDATE sync_state SET value = ? WHERE key = 'hlc'", [str(clock.last)])
    return Recovery(before, clock.last, len(remap), rows, unsent)


def _judge(db: Database, clock: int) -> tuple[set[int], int]:
    """The untrustworthy timestamps the store holds, and the newest trustworthy one.

    Poison enters only by adoption: a received clock further ahead of its receipt
    (``applied_at``) than allowed. Changes made here are suspect only from the first such
    clock on, and only when further ahead of their own ``created_at`` than allowed (derived
    from the poison, not from the wall clock): a PC clock that jumped back makes none.
    """
    received = _ahead_of_stamp("applied_at")
    found = {
        int(r[0]) for r in db.execute(f"SELECT DISTINCT hlc FROM sync_applied WHERE {received}")
    }
    if found:
        floor = min(found)
        made = _ahead_of_stamp("created_at")
        found |= {
            int(r[0])
            for r in db.execute(
                f"SELECT DISTINCT hlc FROM sync_outbox WHERE hlc >= ? AND {made}", [floor]
            )
        }
    elif clock > _IMPLAUSIBLE:
        floor = clock  # a saved clock no PC could have made, with nothing behind it
        found = {clock}
    else:
        return set(), clock
    newest = 0
    for table in ("sync_applied", "sync_outbox"):
        row = db.execute(f"SELECT max(hlc) FROM {table} WHERE hlc < ?", [floor]).fetchone()
        newest = max(newest, int(row[0] or 0))
        later = db.execute(f"SELECT DISTINCT hlc FROM {table} WHERE hlc >= ?", [floor])
        newest = max([newest, *(int(r[0]) for r in later if int(r[0]) not in found)])
    persisted = _persisted(db)
    if persisted < floor:
        newest = max(newest, persisted)
    return found, newest


def _acked(db: Database) -> int:
    row = db.execute("SELECT value FROM sync_state WHERE key = 'acked_seq'").fetchone()
    return int(row[0]) if row and row[0] else 0


def _persisted(db: Database) -> int:
    row = db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()
    return int(row[0]) if row and row[0] else 0


def _ahead_of_stamp(stamp: str) -> str:
    """SQL: the row's ``hlc`` is absurd, or further ahead of its ``stamp`` than allowed."""
    ms = _MS_OF.format(col=stamp)
    return f"(hlc > {MAX_HLC >> 1} OR (hlc >> 16) > {ms} + {MAX_SKEW_MS})"


def _restamp_rows(journal: Journal, remap: dict[int, int]) -> int:
    """Replace remapped timestamps in the rows that carry them; returns how many rows."""
    db = journal.db
    wanted: dict[str, set[str]] = {}
    marks = ",".join("?" * len(remap))
    for table in ("sync_applied", "sync_outbox"):
        for name, row_id in db.execute(
            f"SELECT table_name, row_id FROM {table} WHERE hlc IN ({marks})", list(remap)
        ):
            if name in BY_NAME:
                wanted.setdefault(name, set()).add(row_id)
    changed = 0
    for name, ids in wanted.items():
        for row_id in sorted(ids):
            changed += _restamp_row(journal, name, row_id, remap)
    return changed


def _restamp_row(journal: Journal, table: str, row_id: str, remap: dict[int, int]) -> int:
    db = journal.db
    clocks_column = "field_clocks" if BY_NAME[table].mutable else "NULL"
    found = db.execute(
        f"SELECT hlc, origin, {clocks_column} FROM {table} WHERE id = ?", [row_id]
    ).fetchone()
    if found is None:
        return 0
    hlc, origin, clocks_text = int(found[0]), str(found[1]), found[2]
    clocks: dict[str, Any] = json.loads(clocks_text) if clocks_text else {}
    touched = hlc in remap
    for entry in clocks.values():
        if int(entry[0]) in remap:
            entry[0] = remap[int(entry[0])]
            touched = True
    if not touched:
        return 0
    # The guard triggers want every row update to bring a new, recorded clock.
    new_hlc = remap.get(hlc) or journal.clock.tick()
    db.execute(
        "INSERT OR IGNORE INTO sync_applied (change_id, table_name, row_id, hlc, device_id,"
        " applied_at) VALUES (?, ?, ?, ?, ?, ?)",
        [f"recover:{table}:{row_id}:{new_hlc}", table, row_id, new_hlc, origin, journal.now()],
    )
    if clocks_text is None:
        db.execute(f"UPDATE {table} SET hlc = ? WHERE id = ?", [new_hlc, row_id])
    else:
        db.execute(
            f"UPDATE {table} SET hlc = ?, field_clocks = ? WHERE id = ?",
            [new_hlc, json.dumps(clocks, separators=(",", ":"), sort_keys=True), row_id],
        )
    return 1


def _restamp_unsent(journal: Journal, remap: dict[int, int]) -> int:
    """Changes made here after the poisoning and not yet acknowledged leave with sane clocks
    (the hub would refuse them); acknowledged ones are history and stay as they are."""
    db = journal.db
    acked = _acked(db)
    marks = ",".join("?" * len(remap))
    unsent = db.execute(
        f"SELECT seq, hlc FROM sync_outbox WHERE seq > ? AND hlc IN ({marks})", [acked, *remap]
    ).fetchall()
    for seq, hlc in unsent:
        db.execute(
            "UPDATE sync_outbox SET hlc = ?, created_at = ? WHERE seq = ?",
            [remap[int(hlc)], journal.now(), seq],
        )
    return len(unsent)
