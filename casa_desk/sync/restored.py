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
clock starts above every stamp the store holds as at any open. The store starts a new line
(:data:`LINEAGE_NEXT`, told to the hub at once): the hub acknowledged changes this store
never made, so either its original is lost, or it is a copy whose twin is still in use —
which the hub then refuses as left behind (casa_desk/sync/hub/lineage.py), instead of the
two renumbering after each other at every sync.
"""

from __future__ import annotations

import logging

from casa_desk.errors import SyncError
from casa_desk.models.ids import uuid7
from casa_desk.store.db import Store
from casa_desk.sync import protocol
from casa_desk.sync.apply import set_state, state

log = logging.getLogger("casa_desk.sync")

#: sync_state key: a full re-fetch is owed (the store was restored from a backup).
REFETCH = "refetch_after_restore"
#: sync_state keys: the store's line (hub/lineage.py), and the one it starts, kept until the
#: hub has moved the device to it (a cut answer is asked again).
LINEAGE = "lineage"
LINEAGE_NEXT = "lineage_next"
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
    set_state(store, LINEAGE_NEXT, uuid7())
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


def line_for_hub(store: Store) -> dict[str, str]:
    """What a hello or a push bundle tells the hub of this store's line: ``lineage`` (none
    before the hub first answered one) and ``new_lineage`` (a line it starts: after a
    renumbering, or the first one it proposes)."""
    if state(store, LINEAGE) is None and state(store, LINEAGE_NEXT) is None:
        with store.transaction():
            set_state(store, LINEAGE_NEXT, uuid7())
    out = {"lineage": state(store, LINEAGE), "new_lineage": state(store, LINEAGE_NEXT)}
    return {k: str(v) for k, v in out.items() if v is not None}


def take_line(store: Store, line: object) -> None:
    """The device's line as the hub answered (a hello, a reply bundle): the line this store
    started (no longer owed), or the device's, for a store that knew none. Any other is an
    older answer (a reply bundle imported again after a newer one): the store keeps its
    own. Nothing from an older hub (None). Call inside the store's transaction, before
    :func:`continue_after_hub`."""
    if not isinstance(line, str) or not line:
        return
    if state(store, LINEAGE) is None or line == state(store, LINEAGE_NEXT):
        set_state(store, LINEAGE, line)
        set_state(store, LINEAGE_NEXT, None)


def line_owed(store: Store) -> bool:
    """Whether this store started a line the hub has not taken yet."""
    return state(store, LINEAGE_NEXT) is not None
