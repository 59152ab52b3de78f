"""A device's store copied to a second PC, both copies kept in use (a cloned store).

Both copies carry the device's token, node id and outbox numbering, so the hub cannot tell
them apart by who they say they are. Two things give a copy away:

* a push that repeats a number the hub already acknowledged for the device with a change
  the hub never received (:func:`~casa_desk.sync.hub.push.unknown_repeats`): the other copy
  sent its own change under that number. The hub used to skip it as a repeat — the copy's
  change was lost unseen. It is refused whole now (:data:`~casa_desk.sync.protocol.CLONED`);
* a hello from a copy whose *line* another copy has moved past. Each store keeps a line id
  (``sync_state.lineage``) and the hub the device's current one (``devices.lineage``). A
  store that finds that the hub acknowledged changes it never made — restored from an old
  backup, or a copy whose twin synced first (:func:`casa_desk.sync.restored.
  continue_after_hub`) — renumbers its unsent changes after the hub's and starts a new line
  (``new_lineage``). A store restored from a backup does so once, and its lost original
  never comes back; of two live copies, the one left on the old line is refused at its next
  hello instead of both being renumbered and re-fetched in turn for ever, each sync taking
  what the other numbered.

A refusal is recorded on the device (``clone_seen_at``: ``casa-desk hub device-list``) and
in the hub's log, so head office can pair the second PC as a device of its own; the copy's
work stays in its outbox and leaves under the new pairing.

A store that knows no line (an older version, or restored from a backup made before it
had one) takes the device's current one: it is not refused for being older.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, select, update

from casa_desk.models.timeutil import utc_now_text
from casa_desk.sync.hub import schema

_log = logging.getLogger("casa_desk.hub")

#: What :func:`check` returns for a store on a line the device has left.
LEFT = object()


def check(
    conn: Connection, device_id: str, lineage: str | None, new: str | None
) -> str | None | object:
    """The device's line after a hello from a store on ``lineage`` asking to start ``new``
    (both None from a store that knows none), or :data:`LEFT` when that store is a copy the
    device has moved past. Moves the device to ``new`` when the store is on its line (a
    device on line L1: a store on L1 starting L2 moves it there; one on L0 is LEFT; one on
    none takes L1). Two copies moving at once: one moves, the other is LEFT."""
    devices = schema.devices
    current = conn.execute(select(devices.c.lineage).where(devices.c.id == device_id)).scalar()
    if lineage is None:  # a store that knows no line: it takes the device's
        target = new if current is None else None
    elif current is None or current == lineage:
        target = new if new is not None and new != current else None
        if target is None and current is None:
            target = lineage  # the first line the device hears of
    elif new is not None and current == new:
        return current  # its move was made, the answer lost: asked again
    else:
        return LEFT
    if target is None:
        return current if current is not None else lineage
    return _move(conn, device_id, current, target, lineage, new)


def _move(
    conn: Connection,
    device_id: str,
    current: str | None,
    to: str,
    lineage: str | None,
    new: str | None,
) -> str | None | object:
    """Move the device from ``current`` to ``to`` if no other hello moved it meanwhile
    (PostgreSQL's READ COMMITTED lets two hellos read the same line); else check again."""
    devices = schema.devices
    same = devices.c.lineage.is_(None) if current is None else devices.c.lineage == current
    moved = conn.execute(
        update(devices).where((devices.c.id == device_id) & same).values(lineage=to)
    ).rowcount
    return to if moved else check(conn, device_id, lineage, new)


def record_clone(conn: Connection, device_id: str, what: str) -> None:
    """Mark the device as having a copy of its store in use (shown by device-list) and say
    so in the hub's log (ids only)."""
    conn.execute(
        update(schema.devices)
        .where(schema.devices.c.id == device_id)
        .values(clone_seen_at=utc_now_text())
    )
    _log.warning(
        "device %s: %s — a copy of its store is in use on another PC; refused, nothing taken"
        " (pair that PC as a device of its own)",
        device_id,
        what,
    )
