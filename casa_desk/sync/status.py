"""What the Sync page shows, without Qt: status, rejections, conflicts, and reinstating a
losing value (SYNC.md §3: "which is itself a new, winning edit").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME
from casa_desk.sync import held
from casa_desk.sync.apply import state
from casa_desk.sync.merge import EDIT_AFTER_DELETE, NOT_APPLIED


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    hub_url: str | None
    presidio: str | None
    last_sync_at: str | None
    pending: int
    rejected: int
    open_conflicts: int
    held: int = 0  # received changes kept back: their clock is too far ahead (sync/held.py)


def enrolled(store: Store) -> bool:
    """Whether this store is paired with a hub (one lookup, for the window's start)."""
    return bool(state(store, "hub_token"))


def sync_status(store: Store, *, pending_cap: int | None = None) -> SyncStatus:
    """Everything the Sync page shows at the top. ``pending_cap``: stop counting unsent
    changes there (a store that never synced has a million: half a second to count)."""
    count = store.db.execute
    return SyncStatus(
        enrolled=enrolled(store),
        hub_url=state(store, "hub_url"),
        presidio=state(store, "hub_presidio") or store.presidio,
        last_sync_at=state(store, "last_sync_at"),
        pending=store.pending_changes(cap=pending_cap),
        rejected=int(count("SELECT count(*) FROM sync_rejections").fetchone()[0]),
        open_conflicts=int(
            count("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[0]
        ),
        held=held.count(store),
    )


def rejections(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """Refused changes with the hub's reason, newest first."""
    return store.query(
        "SELECT change_id, table_name, row_id, reason, at FROM sync_rejections"
        " ORDER BY at DESC LIMIT ?",
        [limit],
    )


def held_changes(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """Received changes kept back, newest first, with their reason code (no values)."""
    return held.listing(store, limit)


def conflicts(
    store: Store, *, include_resolved: bool = False, limit: int = 500
) -> list[dict[str, Any]]:
    """Concurrent losers, newest first, values decoded from their JSON form."""
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = store.query(
        f"SELECT * FROM sync_conflicts {where} ORDER BY detected_at DESC, id LIMIT ?", [limit]
    )
    for row in rows:
        for key in ("winner_value", "loser_value"):
            row[key] = None if row[key] is None else json.loads(row[key])
    return rows


def reinstate(store: Store, conflict_id: str) -> dict[str, Any] | None:
    """Make the losing value win again, as a new edit through the journal; marks the conflict
    resolved. For an edit that arrived after a delete, the row is restored too."""
    found = store.query("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id])
    if not found:
        raise KeyError(conflict_id)
    conflict = found[0]
    spec = BY_NAME[conflict["table_name"]]
    if conflict["kind"] == NOT_APPLIED:
        raise ValueError("a row the local schema refused cannot be reinstated as a value")
    if not spec.mutable:
        raise ValueError(f"{spec.name} is insert-only")
    value = None if conflict["loser_value"] is None else json.loads(conflict["loser_value"])
    changes: dict[str, Any] = {conflict["field"]: value}
    if conflict["kind"] == EDIT_AFTER_DELETE:
        changes["deleted"] = 0
    with store.transaction() as journal:
        changed = journal.update(spec.name, conflict["row_id"], changes)
        store.db.execute(
            "UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?",
            [journal.now(), conflict_id],
        )
    return changed


def dismiss(store: Store, conflict_id: str) -> None:
    """Keep the winner: the conflict is marked resolved, nothing else changes."""
    with store.transaction() as journal:
        store.db.execute(
            "UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?",
            [journal.now(), conflict_id],
        )
