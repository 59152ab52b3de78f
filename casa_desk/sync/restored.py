"""A store restored from a backup older than what the hub has acknowledged (issue 8).

The hub acknowledges a device's changes by outbox sequence number and skips any change at
or below that number as a repeat (SYNC.md §4). A store put back from an old backup numbers
its next changes from where the backup stopped — below the hub's acknowledgement — so they
would be skipped and lost. Hello says what the hub has acknowledged for this device; a store
whose outbox ends below it (counting what retention pruned: ``sqlite_sequence`` keeps the
high-water mark) has been restored — and so has one whose change at that number is not the
one the hub acknowledged (hello also says which change id it acknowledged): a store that
made as many changes since the restore as the backup lost ends exactly at the hub's number.
In the hello's transaction:

* the changes the backup held unacknowledged are numbered again right after the hub's
  acknowledgement, in their order; the hub takes those it lacks and skips by change id
  those the lost store had already sent — nothing lost, nothing twice;
* new changes are numbered after them (the AUTOINCREMENT high-water mark is raised);
* what the hub has that the backup lost — this device's own later changes, which a pull
  never returns to the device that made them — comes back by re-fetching every table once
  after the push (:data:`REFETCH`, kept until that is done).

The device keeps its identity: its token, node id and clock are the backup's, and its
clock starts above every stamp the store holds as at any open.
"""

from __future__ import annotations

import logging

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync import protocol
from casa_desk.sync.apply import set_state, state

log = logging.getLogger("casa_desk.sync")

#: sync_state key: a full re-fetch is owed (the store was restored from a backup).
REFETCH = "refetch_after_restore"
#: The line for an acknowledgement no desk can have earned.
BAD_ACK = (
    "La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: "
    "avvisare la sede (revocare il dispositivo e abbinarlo di nuovo)."
)


def high_water(store: Store) -> int:
    """The highest outbox number this store has ever given (pruned rows included)."""
    row = store.db.execute(
        "SELECT max(coalesce((SELECT max(seq) FROM sync_outbox), 0),"
        " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'), 0))"
    ).fetchone()
    return int(row[0] or 0)


def continue_after_hub(
    store: Store, hub_acked: int, hub_acked_change_id: str | None = None
) -> int | None:
    """If this store was restored from a backup older than the hub's acknowledgement,
    renumber its unsent changes after ``hub_acked`` and owe a re-fetch; returns how many
    were renumbered, or None when it was not. Call inside the store's transaction, before
    the acknowledgement is saved.

    An acknowledgement past :data:`~casa_desk.sync.protocol.MAX_SEQ` is refused: no desk
    numbers that far, and renumbering after it would overflow SQLite's integers (a hub that
    took such a forged change before it refused them)."""
    if hub_acked > protocol.MAX_SEQ:
        raise SyncError(BAD_ACK, code="bad_ack")
    high = high_water(store)
    if hub_acked <= high:
        if hub_acked_change_id is None or hub_acked <= 0:
            return None
        here = store.db.execute(
            "SELECT change_id FROM sync_outbox WHERE seq = ?", [hub_acked]
        ).fetchone()
        if here is None or here[0] == hub_acked_change_id:
            return None  # pruned (acknowledged long ago), or the very change the hub has
    local_acked = min(int(state(store, "acked_seq", "0") or 0), high)
    shift = hub_acked - local_acked
    db = store.db
    # Two steps through negative numbers: a one-step shift could collide with itself.
    db.execute("UPDATE sync_outbox SET seq = -(seq + ?) WHERE seq > ?", [shift, local_acked])
    db.execute("UPDATE sync_outbox SET seq = -seq WHERE seq < 0")
    moved = int(db.execute("SELECT changes()").fetchone()[0])
    top = hub_acked + moved
    if db.execute("SELECT 1 FROM sqlite_sequence WHERE name = 'sync_outbox'").fetchone():
        db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'sync_outbox'", [top])
    else:
        db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('sync_outbox', ?)", [top])
    set_state(store, REFETCH, 1)
    log.warning(
        "store restored from a backup older than the hub's acknowledgement: %d unsent"
        " changes renumbered after it; every table will be re-fetched",
        moved,
    )
    return moved


def refetch_owed(store: Store) -> bool:
    return state(store, REFETCH) is not None


def refetch_done(store: Store) -> None:
    with store.transaction():
        set_state(store, REFETCH, None)
