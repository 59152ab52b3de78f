"""Clocks from the future a hub stored before it refused them (issue 8 follow-up).

Since issue 8 the hub refuses a change stamped more than the allowed skew ahead of its own
time, but a hub that took one earlier keeps it: in its change log and in the mirror row it
won. Such a stamp beats every honest edit for years (``2**63 - 1``: for ever), so an
office's later edit of that field wins in the office and loses at the hub — the hub keeps
the poisoned value, and every office that re-fetches gets it back.

At start-up (:meth:`HubStore.init`, inside its locked transaction) the hub looks for log
entries stamped beyond now + skew and neutralises them the same way on every engine:

* each such stamp becomes the time the hub received the change (``received_at``; never
  later than now), with a counter keeping their order: the clock an honest PC would have
  given it, so the edits made after it win and those made before it lose, as they would
  have;
* each mirror row such a change touched is rebuilt by replaying its logged changes in log
  order through :func:`~casa_desk.sync.merge.merge_change` — the code every office runs —
  with the new stamps, so an office's edit that lost to the poison now wins at the hub
  too. A row whose first change the log no longer holds (pruned) keeps its values and
  gets the new stamps in its clocks;
* offices hold such a change back rather than apply it (:mod:`casa_desk.sync.held`); the
  hub records a new ``clock_repair`` mark, and at their next hello offices that have not
  seen it let go of held changes stamped beyond the hub's time and re-fetch
  (:func:`casa_desk.sync.client.SyncClient.hello`).

Only counts are logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from casa_desk.models.hlc import COUNTER_MASK, MAX_SKEW_MS, pack
from casa_desk.store.tables import BY_NAME
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.driver import rows_by_id, update_many
from casa_desk.sync.merge import merge_change

log = logging.getLogger("casa_desk.hub")


def neutralise_future_clocks(conn: Connection, now_ms: int) -> int:
    """Replace stamps beyond ``now_ms`` + skew in the log and the rows (module docstring);
    returns how many log entries changed. Inside the push lock's transaction."""
    limit = pack(now_ms + MAX_SKEW_MS, COUNTER_MASK)
    change_log = schema.change_log
    found = conn.execute(
        select(
            change_log.c.seq,
            change_log.c.hlc,
            change_log.c.received_at,
            change_log.c.table_name,
            change_log.c.row_id,
        )
        .where(change_log.c.hlc > limit)
        .order_by(change_log.c.seq)
    ).all()
    rows: dict[str, set[str]] = {}
    for table, mirror in schema.MIRRORS.items():
        for (row_id,) in conn.execute(select(mirror.c.id).where(mirror.c.hlc > limit)):
            rows.setdefault(table, set()).add(str(row_id))
    if not found and not rows:
        return 0
    remap = _remap(found, now_ms)
    for seq, hlc, *_rest in found:
        conn.execute(update(change_log).where(change_log.c.seq == seq).values(hlc=remap[int(hlc)]))
    for _seq, _hlc, _at, table, row_id in found:
        if table in schema.MIRRORS:
            rows.setdefault(table, set()).add(str(row_id))
    rebuilt = 0
    for table, ids in rows.items():
        fixed = [
            _rebuild(conn, table, row, limit, remap, now_ms) for row in _rows(conn, table, ids)
        ]
        names = [c.name for c in schema.MIRRORS[table].c if c.name != "id"]
        update_many(conn, table, names, [r for r in fixed if r is not None])
        rebuilt += sum(r is not None for r in fixed)
    log.warning(
        "future clocks neutralised: %d log entries, %d rows (stamped beyond now + %d min)",
        len(found),
        rebuilt,
        MAX_SKEW_MS // 60_000,
    )
    return len(found)


def _remap(found: Sequence[Any], now_ms: int) -> dict[int, int]:
    """Each poisoned stamp -> its receipt time (at most now), in log order, distinct."""
    remap: dict[int, int] = {}
    last = 0
    for _seq, hlc, received_at, _table, _row_id in found:
        if int(hlc) in remap:
            continue
        at = min(_ms(received_at, now_ms), now_ms)
        last = max(pack(at, 0), last + 1)
        remap[int(hlc)] = last
    return remap


def _ms(text: str, default: int) -> int:
    try:
        return int(datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp() * 1000)
    except ValueError:
        return default


def _rows(conn: Connection, table: str, ids: set[str]) -> list[dict[str, Any]]:
    return list(rows_by_id(conn, table, sorted(ids)))


def _rebuild(
    conn: Connection,
    table: str,
    row: dict[str, Any],
    limit: int,
    remap: dict[int, int],
    now_ms: int,
) -> dict[str, Any] | None:
    """The row replayed from the log with the new stamps, or its clocks remapped when the
    log no longer reaches its first change; None if nothing changes."""
    change_log = schema.change_log
    history = conn.execute(
        select(
            change_log.c.change_id,
            change_log.c.op,
            change_log.c.hlc,
            change_log.c.node_id,
            change_log.c.data,
            change_log.c.base,
        )
        .where(change_log.c.table_name == table, change_log.c.row_id == row["id"])
        .order_by(change_log.c.seq)
    ).all()
    spec = BY_NAME[table]
    if history and history[0][1] == "insert":
        replayed: dict[str, Any] | None = None
        for change_id, op, hlc, node, data, base in history:
            change = {
                "change_id": change_id,
                "table": table,
                "row_id": row["id"],
                "op": op,
                "hlc": int(hlc),
                "device": node,
                "data": json.loads(data),
                "base": json.loads(base) if base else None,
            }
            result = merge_change(spec, replayed, change)
            if result.row is not None:
                replayed = result.row
        if replayed is not None:
            return {**row, **{k: v for k, v in replayed.items() if k in row}}
    fallback = pack(now_ms, 0)
    new = dict(row)
    if int(new["hlc"]) > limit:
        new["hlc"] = remap.get(int(new["hlc"]), fallback)
    if spec.mutable and new.get("field_clocks"):
        clocks = json.loads(new["field_clocks"])
        for entry in clocks.values():
            if int(entry[0]) > limit:
                entry[0] = remap.get(int(entry[0]), fallback)
        new["field_clocks"] = json.dumps(clocks, separators=(",", ":"), sort_keys=True)
    return new if new != row else None
