"""Received changes held back: their clock is too far ahead of this device's time.

A device never adopts a clock more than the allowed skew ahead of its own wall time
(:meth:`casa_desk.models.hlc.Hlc.accepts`), whether it comes in a pull page, a reply bundle,
a re-fetched row or a restored one. Such a change is kept in ``sync_held`` with a reason
code instead of being applied — not dropped, since a PC whose clock runs behind would
otherwise lose legitimate changes — and :func:`casa_desk.sync.apply.release_held` applies it
once the device's time has caught up. A change with ``hlc = 2**63 - 1`` stays held for good:
visible on the Sync page, harmless.

The hub holds what this device holds back, so comparing digests plainly would report the
store as "not aligned" at every sync. :func:`simulated_rows` folds the held changes into the
local rows the way the hub did, and the digest compares that: everything else must still
match exactly.
"""

from __future__ import annotations

import json
from typing import Any

from casa_desk.models.hlc import COUNTER_MASK, MAX_SKEW_MS, Hlc, pack
from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME
from casa_desk.sync.merge import merge_change
from casa_desk.sync.sensitive import open_incoming

#: The change's clock is more than the allowed skew ahead of this device's wall time.
CLOCK_AHEAD = "clock_ahead"
#: The change is for a row that exists here only as a held insert: it waits with it.
WAITS_FOR_HELD = "waits_for_held"
#: ``op`` of a held hub row that was to replace a local edit the hub refused.
RESTORE = "restore"

_COLUMNS = "change_id, table_name, row_id, op, hlc, device_id, data, base, reason, received_at"


def reason_to_hold(
    clock: Hlc, change: dict[str, Any], *, exists: bool, waiting: bool
) -> str | None:
    """Why ``change`` must wait (a reason code), or None to apply it now."""
    if not clock.accepts(int(change["hlc"])):
        return CLOCK_AHEAD
    if waiting and not exists:
        return WAITS_FOR_HELD
    return None


def row_clock(row: dict[str, Any]) -> int:
    """The newest clock a full row carries (its ``hlc`` or any per-field clock)."""
    newest = int(row.get("hlc") or 0)
    for entry in json.loads(row.get("field_clocks") or "{}").values():
        newest = max(newest, int(entry[0]))
    return newest


def held_rows(store: Store, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of ``keys`` (table, row id) have a held change."""
    if not keys or not store.db.execute("SELECT 1 FROM sync_held LIMIT 1").fetchone():
        return set()
    found: set[tuple[str, str]] = set()
    ids = sorted({row_id for _table, row_id in keys})
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            (str(t), str(r))
            for t, r in store.db.execute(
                f"SELECT table_name, row_id FROM sync_held WHERE row_id IN"
                f" ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return found & keys


def hold(store: Store, holding: list[tuple[dict[str, Any], str]], now: str) -> None:
    """Keep changes back (inside the caller's transaction); a change held twice is one."""
    if not holding:
        return
    store.db.conn.executemany(
        f"INSERT OR IGNORE INTO sync_held ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                change["change_id"],
                change["table"],
                str(change["row_id"]),
                change["op"],
                int(change["hlc"]),
                str(change["device"]),
                _dumps(change.get("data") or {}),
                None if change.get("base") is None else _dumps(change["base"]),
                reason,
                now,
            )
            for change, reason in holding
        ],
    )


def held_changes(store: Store, table: str | None = None) -> list[dict[str, Any]]:
    """Held changes as protocol changes (plus ``reason``, ``received_at``), in the order
    they arrived — the hub's order, in which an insert comes before what waits for it."""
    where, params = ("WHERE table_name = ?", [table]) if table else ("", [])
    out = []
    for row in store.db.execute(f"SELECT {_COLUMNS} FROM sync_held {where} ORDER BY rowid", params):
        change_id, name, row_id, op, hlc, device, data, base, reason, received = row
        out.append(
            {
                "change_id": change_id,
                "table": name,
                "row_id": row_id,
                "op": op,
                "hlc": int(hlc),
                "device": device,
                "data": json.loads(data),
                "base": json.loads(base) if base else None,
                "reason": reason,
                "received_at": received,
            }
        )
    return out


def forget_beyond(store: Store, hub_ms: int) -> int:
    """Drop held changes stamped beyond what the hub can still hold (its time + skew), and
    return how many. A hub that stored such a change before it refused them has since
    replaced its stamp (:mod:`casa_desk.sync.hub.future`); the caller re-fetches the rows
    as the hub now holds them. Call inside a transaction, when the hub says it repaired."""
    limit = pack(hub_ms + MAX_SKEW_MS, COUNTER_MASK)
    return int(store.db.execute("DELETE FROM sync_held WHERE hlc > ?", [limit]).rowcount)


def listing(store: Store, limit: int = 500) -> list[dict[str, Any]]:
    """What the Sync page lists: when, which table, the reason code (no values)."""
    return store.query(
        "SELECT change_id, table_name, row_id, reason, received_at AS at FROM sync_held"
        " ORDER BY received_at DESC, change_id LIMIT ?",
        [limit],
    )


def count(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM sync_held").fetchone()[0])


def simulated_rows(store: Store, table: str) -> dict[str, dict[str, Any] | None]:
    """The rows of ``table`` that held changes touch, as the hub holds them: the local row
    (or None) with the held changes merged in the hub's order, as the hub merged them."""
    changes = held_changes(store, table)
    if not changes:
        return {}
    spec = BY_NAME[table]
    rows: dict[str, dict[str, Any] | None] = {}
    for change in changes:
        row_id = str(change["row_id"])
        if row_id not in rows:
            found = store.query(f"SELECT * FROM {table} WHERE id = ?", [row_id])
            rows[row_id] = found[0] if found else None
        if change["op"] == RESTORE:
            rows[row_id] = {c: change["data"].get(c) for c in spec.all_columns}
            continue
        result = merge_change(spec, rows[row_id], open_incoming(change))
        if result.row is not None:
            rows[row_id] = result.row
    return rows


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
