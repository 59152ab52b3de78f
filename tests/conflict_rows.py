"""Conflicts written into a store as a sync records them, for the Sync page's tests."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from casa_desk.store.db import Store

#: (table, row id, field, kind, winner value, loser value)
Conflict = tuple[str, str, str, str, Any, Any]


def add_conflicts(
    store: Store,
    rows: Iterable[Conflict],
    *,
    at: Callable[[int], str] = lambda n: f"2026-01-10T09:{n:02d}:00.000Z",
) -> None:
    """One ``sync_conflicts`` row per conflict, ids ``k0``, ``k1``…, detected ``at(n)``."""
    with store.transaction():
        for n, (table, row_id, field, kind, winner, loser) in enumerate(rows):
            store.db.execute(
                "INSERT INTO sync_conflicts (id, table_name, row_id, field, kind, winner_value,"
                " loser_value, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [f"k{n}", table, row_id, field, kind, json.dumps(winner), json.dumps(loser), at(n)],
            )
