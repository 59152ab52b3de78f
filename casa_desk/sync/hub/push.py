"""One push batch at the hub, inside the push transaction (SYNC.md §4 step 2).

Per change, in order: skip what the log or the refusals already hold (a repeated batch);
check clock, fields, authorisation and links (:mod:`casa_desk.sync.hub.rules`,
:mod:`casa_desk.sync.hub.scopes`); merge it into the row (:func:`~casa_desk.sync.merge.
merge_change`, the same code every office runs); log it. A refused change is recorded with
its reason and never blocks the others.

The work is per batch, not per change, wherever the database is involved: one look-up of
the ids already seen, one of the rows the batch touches, one per table of link targets,
then the writes in bulk (:mod:`casa_desk.sync.hub.driver`). The per-change work is dict
and set look-ups and one JSON text of the change's data, kept for the log.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from casa_desk.models.timeutil import parse_utc_text, to_utc_text, utc_now_text
from casa_desk.store.tables import BY_NAME
from casa_desk.sync import protocol, refusals
from casa_desk.sync.hub import quota, schema
from casa_desk.sync.hub.driver import (
    insert_dicts,
    insert_many,
    rows_by_id,
    update_many,
    where_in,
)
from casa_desk.sync.hub.erasure import scrub_touched
from casa_desk.sync.hub.rules import (
    FieldRules,
    Links,
    clock_reason,
    content_reason,
    now_ms,
    serialised,
)
from casa_desk.sync.hub.scopes import Device, authorise
from casa_desk.sync.merge import merge_change

Key = tuple[str, str]
#: Per change, made before the push lock: its data and base as the log keeps them (JSON
#: text), and why its content alone is refused (None: acceptable so far).
Prepared = tuple[str, str | None, str | None]
_log = logging.getLogger("casa_desk.hub")
_COLUMNS = {name: [c.name for c in table.c] for name, table in schema.MIRRORS.items()}
_LOG_COLUMNS = (
    "change_id",
    "device_id",
    "node_id",
    "device_seq",
    "table_name",
    "row_id",
    "op",
    "hlc",
    "presidio",
    "scope",
    "data",
    "base",
    "received_at",
    "operator",
)


def prepare(changes: list[dict[str, Any]]) -> list[Prepared]:
    """What each change needs neither the database nor the push lock for: the JSON texts
    the log keeps (:func:`~casa_desk.sync.hub.rules.serialised`) and the checks of its
    content alone (:func:`~casa_desk.sync.hub.rules.content_reason`).

    :meth:`HubStore.push` makes them before a batch takes its turn, so that with two
    batches in flight this work runs while the batch before is in the database (SQLite
    steps and PostgreSQL waits release the GIL) instead of after it. Checks in the same
    order as ever: the clock (at the hub's time under the lock), then these, then the ones
    that read the hub (its lists, authorisation, links)."""
    out: list[Prepared] = []
    for change in changes:
        data_json, base_json = serialised(change)
        out.append((data_json, base_json, content_reason(change, data_json, base_json)))
    return out


def logged_size(prepared: Prepared) -> int:
    """The bytes the log keeps of a change (its data and base clocks): what counts towards
    its device's day (:mod:`casa_desk.sync.hub.quota`). A lone surrogate (only a hostile
    sender writes one; the field rules refuse it) is counted, never an error."""
    data_json, base_json, _reason = prepared
    return _utf8_size(data_json) + (_utf8_size(base_json) if base_json else 0)


def _utf8_size(text: str) -> int:
    # ASCII (ids, codes, clocks, most notes): a character a byte, without encoding it
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def apply_batch(  # noqa: PLR0912, PLR0915 - one change at a time, checks in order
    conn: Connection,
    device: Device,
    changes: list[dict[str, Any]],
    fields: FieldRules,
    prepared: list[Prepared] | None = None,
    bounds: quota.Bounds | None = None,
    sizes: list[int] | None = None,
) -> list[dict[str, Any]]:
    """Check, merge and log ``changes`` (already past the device's ack), with what
    :func:`prepare` made of them and their :func:`logged_size` (made here when not given:
    the push has them from its quota check); returns the refusals, each ``{change_id,
    table, row_id, reason}``. What it logs counts towards the device's day, the conflicts
    its changes find towards its conflicts kept (``bounds``)."""
    if not changes:
        return []
    if prepared is None:
        prepared = prepare(changes)
    if sizes is None:
        sizes = [logged_size(p) for p in prepared]
    bounds = bounds or quota.Bounds()
    waiting = _any_parked(conn)  # one look per batch; the table is empty but after a restore
    seen = _existing_change_ids(conn, [c["change_id"] for c in changes], waiting)
    rows = _current_rows(conn, changes)
    originally = set(rows)
    links = Links(conn, changes, rows)
    hub_ms = now_ms()
    now = utc_now_text()
    log: list[tuple[Any, ...]] = []
    logged_bytes = 0
    found_conflicts: dict[str, dict[str, Any]] = {}
    rejected: list[dict[str, Any]] = []
    refused_ops: dict[str, str] = {}  # change id → its op, kept with the refusal
    touched: set[Key] = set()
    parked: list[dict[str, Any]] = []
    refused_rows = _refused_inserts(conn, changes, rows)
    room = _ParkingRoom(conn, device, bounds)
    for change, (data_json, base_json, content), size in zip(changes, prepared, sizes, strict=True):
        if change["change_id"] in seen:
            continue
        seen.add(change["change_id"])
        key = (change["table"], change["row_id"])
        current = rows.get(key)
        reason = clock_reason(int(change["hlc"]), hub_ms) or content or fields.known_reason(change)
        if reason is None and current is None and _parkable(change, refused_rows):
            waiting_row = _parked_row(device, change, now)
            if room.take(waiting_row):
                parked.append(waiting_row)
                continue
            reason = PARKED_FULL_REASON
        reason = reason or authorise(device, change, current) or links.reason(device, change)
        if reason is None and change["table"] == "participants" and current is None:
            reason = _enrolled_elsewhere(conn, change, rows)
        if reason is not None:
            rejected.append(
                {
                    "change_id": change["change_id"],
                    "table": change["table"],
                    "row_id": change["row_id"],
                    "reason": reason,
                    **refusals.coded(reason),  # its code, for the office's window
                }
            )
            refused_ops[change["change_id"]] = str(change.get("op"))
            continue
        result = merge_change(BY_NAME[change["table"]], current, change)
        if change["table"] == "contacts":
            links.taken(change)
        if result.row is not None:
            rows[key] = result.row
            touched.add(key)
        for conflict in result.conflicts:
            found_conflicts[conflict.id] = {**conflict.as_row(now), "device_id": device.id}
        logged_bytes += size
        owner = rows.get(key) or current or {}
        log.append(  # in _LOG_COLUMNS order
            (
                change["change_id"],
                device.id,
                change["device"],
                int(change["seq"]),
                change["table"],
                change["row_id"],
                change["op"],
                int(change["hlc"]),
                owner.get("presidio"),
                owner.get("scope"),
                data_json,
                base_json,
                now,
                change.get("operator"),
            )
        )
    _write_rows(conn, rows, touched, originally)
    insert_many(conn, schema.change_log.name, _LOG_COLUMNS, log)
    quota.count(conn, device.id, len(log), logged_bytes, quota.hour_now())
    _record_rejections(conn, device, rejected, refused_ops, now, bounds)
    if found_conflicts:
        have = {
            r[0]
            for r in where_in(conn, "SELECT id FROM sync_conflicts WHERE id", list(found_conflicts))
        }
        new = [c for cid, c in found_conflicts.items() if cid not in have]
        if new:
            conn.execute(insert(schema.conflicts), new)
            quota.bound_conflicts(conn, device.id, bounds)
    scrub_touched(conn, rows, touched, links.found)  # anonymisation always wins (issue 11)
    if parked or waiting:
        _parked_after_batch(conn, parked, sorted(touched - originally), fields, now, bounds)
    return rejected


def _parked_after_batch(
    conn: Connection,
    parked: list[dict[str, Any]],
    created: list[Key],
    fields: FieldRules,
    now: str,
    bounds: quota.Bounds,
) -> None:
    """Keep the batch's ``parked`` edits, release those waiting for the rows it ``created``
    (this very batch may have parked an edit of a row it creates), drop those that waited
    too long. Called only while any wait: none but after a restore."""
    if parked:
        conn.execute(insert(schema.parked), parked)
    _release_parked(conn, created, fields, bounds)
    _expire_parked(conn, now, bounds)


#: Days a parked edit waits for its row. Offices re-send what a restored hub lacks at their
#: next syncs, within days; a row that has not come by then never will, and its edit (a
#: note, a phone) must not stay at the hub for good, out of reach of an erasure's scrub.
PARKED_DAYS = 30


#: Why an edit that waited :data:`PARKED_DAYS` for its row was dropped, as its office reads it.
EXPIRED_REASON = refusals.text(refusals.PARKED_EXPIRED, days=PARKED_DAYS)

#: Why an edit of a row the hub does not hold was refused rather than kept waiting: its
#: device already has as many edits (or their bytes) waiting as it may
#: (:data:`~casa_desk.sync.hub.quota.PARKED_PER_DEVICE`). Final, like
#: any refusal: the office puts back the hub's version once the row comes.
PARKED_FULL_REASON = refusals.text(refusals.PARKED_FULL)


def _expire_parked(conn: Connection, now: str, bounds: quota.Bounds) -> None:
    """Drop the parked edits older than :data:`PARKED_DAYS`, each a refusal told to the device
    that delivered it at its next hello (``late_rejections``): its push was answered
    "accepted", and its office would otherwise keep a value the hub never took without
    knowing. Called after each batch while any edit waits (none but after a restore)."""
    moment = to_utc_text(parse_utc_text(now) - timedelta(days=PARKED_DAYS))
    waited = schema.parked
    expired = conn.execute(
        select(waited.c.change_id, waited.c.device_id, waited.c.table_name, waited.c.row_id)
        .where(waited.c.at < moment)
        .order_by(waited.c.at, waited.c.change_id)
    ).all()
    if not expired:
        return
    conn.execute(delete(waited).where(waited.c.at < moment))
    conn.execute(
        insert(schema.rejections),
        [
            {
                "change_id": r[0],
                "device_id": r[1],
                "table_name": r[2],
                "row_id": r[3],
                "reason": EXPIRED_REASON,
                "at": now,
            }
            for r in expired
        ],
    )
    conn.execute(
        insert(schema.late_rejections), [{"change_id": r[0], "device_id": r[1]} for r in expired]
    )
    _log.info("parked edits dropped after %d days: %d", PARKED_DAYS, len(expired))
    for device_id in sorted({r[1] for r in expired}):
        _bound_refusals(conn, device_id, bounds)


def _record_rejections(
    conn: Connection,
    device: Device,
    rejected: list[dict[str, Any]],
    ops: dict[str, str],
    now: str,
    bounds: quota.Bounds,
) -> None:
    if rejected:
        conn.execute(
            insert(schema.rejections),
            [
                {
                    "change_id": r["change_id"],
                    "device_id": device.id,
                    "table_name": r["table"],
                    "row_id": r["row_id"],
                    "reason": r["reason"],
                    "at": now,
                    "op": ops.get(r["change_id"]),
                }
                for r in rejected
            ],
        )
        _bound_refusals(conn, device.id, bounds)


def _bound_refusals(conn: Connection, device_id: str, bounds: quota.Bounds) -> None:
    """Forget the device's oldest refusals beyond its bound (``bounds.refusals``:
    :data:`~casa_desk.sync.hub.quota.REFUSALS_PER_DEVICE`), late ones last (hello may not
    have told them yet), and say so in the hub's log."""
    refused, late = schema.rejections, schema.late_rejections
    kept = conn.execute(
        select(func.count()).select_from(refused).where(refused.c.device_id == device_id)
    ).scalar_one()
    excess = int(kept) - bounds.refusals
    if excess <= 0:
        return
    oldest = [
        r[0]
        for r in conn.execute(
            select(refused.c.change_id)
            .select_from(refused.outerjoin(late, late.c.change_id == refused.c.change_id))
            .where(refused.c.device_id == device_id)
            .order_by(late.c.seq.is_not(None), late.c.seq, refused.c.at, refused.c.change_id)
            .limit(excess)
        )
    ]
    for start in range(0, len(oldest), _CHUNK):
        chunk = oldest[start : start + _CHUNK]
        conn.execute(delete(late).where(late.c.change_id.in_(chunk)))
        conn.execute(delete(refused).where(refused.c.change_id.in_(chunk)))
    _log.warning(
        "device %s holds more than %d refused changes: its %d oldest forgotten",
        device_id,
        bounds.refusals,
        len(oldest),
    )


_CHUNK = 1000  # ids per statement when forgetting refusals


def fill_parked_sizes(conn: Connection) -> None:
    """Give edits parked before ``parked_changes.size`` was kept their size (at the hub's
    start: none but on a hub upgraded while edits waited), so that the room left per device
    is read from the index alone, never from every waiting change's text."""
    waited = schema.parked
    conn.execute(
        waited.update().where(waited.c.size.is_(None)).values(size=func.length(waited.c.change))
    )


class _ParkingRoom:
    """Room left for the device's edits of rows the hub does not hold: read once per
    batch, at its first such edit (``bounds.parked``, ``bounds.parked_bytes``:
    :data:`~casa_desk.sync.hub.quota.PARKED_PER_DEVICE`)."""

    def __init__(self, conn: Connection, device: Device, bounds: quota.Bounds) -> None:
        self.conn, self.device, self.bounds = conn, device, bounds
        self.count: int | None = None
        self.size = 0
        self.refused = 0

    def take(self, row: dict[str, Any]) -> bool:
        """Whether ``row`` (:func:`_parked_row`) may wait; counted when it may."""
        if self.count is None:
            waited = schema.parked
            count, size = self.conn.execute(
                select(func.count(), func.coalesce(func.sum(waited.c.size), 0)).where(
                    waited.c.device_id == self.device.id
                )
            ).one()
            self.count, self.size = int(count), int(size)
        if (
            self.count + 1 > self.bounds.parked
            or self.size + int(row["size"]) > self.bounds.parked_bytes
        ):
            if not self.refused:
                _log.warning(
                    "device %s has %d edits (%d bytes) waiting for rows the hub does not"
                    " hold, the most one may (%d, %d bytes): further ones are refused",
                    self.device.id,
                    self.count,
                    self.size,
                    self.bounds.parked,
                    self.bounds.parked_bytes,
                )
            self.refused += 1
            return False
        self.count += 1
        self.size += int(row["size"])
        return True


def _parkable(change: dict[str, Any], refused_rows: set[Key]) -> bool:
    """An edit of a row the hub does not hold, which its insert may still bring (a hub
    restored from a backup: schema.parked). A fact is never edited, and a row whose insert
    the hub refused never comes: those are refused as ever."""
    spec = BY_NAME.get(str(change.get("table")))
    return (
        change.get("op") != "insert"
        and spec is not None
        and spec.mutable
        and (change["table"], change["row_id"]) not in refused_rows
    )


def _refused_inserts(
    conn: Connection, changes: list[dict[str, Any]], rows: dict[Key, dict[str, Any]]
) -> set[Key]:
    """The rows among the batch's edits of unknown rows whose insert the hub refused.

    Only a refused insert says that the row will never come: an edit of it refused for its
    own sake (a wrong value, a field this office may not write) leaves the row to come, and
    the row's next edit waits for it like any other. A refusal kept before the hub kept its
    operation (``op`` NULL) counts as the insert's, as it did then, but for the reasons only
    an edit is given (dropped after waiting its days, refused for want of room to wait)."""
    unknown = sorted(
        {c["row_id"] for c in changes if c.get("op") != "insert"}
        - {row_id for _table, row_id in rows}
    )
    sql = "SELECT table_name, row_id, reason, op FROM rejections WHERE row_id"
    waited = (EXPIRED_REASON, PARKED_FULL_REASON)
    return {
        (r[0], r[1])
        for r in where_in(conn, sql, unknown)
        if r[3] == "insert" or (r[3] is None and r[2] not in waited)
    }


def _parked_row(device: Device, change: dict[str, Any], now: str) -> dict[str, Any]:
    text = protocol.encode(change)
    return {
        "change_id": change["change_id"],
        "device_id": device.id,
        "table_name": change["table"],
        "row_id": change["row_id"],
        "hlc": int(change["hlc"]),
        "change": text.decode(),
        "at": now,
        "size": len(text),
    }


def _release_parked(
    conn: Connection, created: list[Key], fields: FieldRules, bounds: quota.Bounds
) -> None:
    """Parked edits of rows this batch created: checked and merged now, as a batch from
    the device that delivered each. Their refusals are recorded as any other, and also as
    late (``late_rejections``): the device was told "accepted" when it pushed them, and
    learns of the refusal at its next hello."""
    if not created:
        return
    ids = sorted({row_id for _table, row_id in created})
    wanted = set(created)
    sql = "SELECT change_id, device_id, table_name, row_id, hlc, change FROM parked_changes"
    found = [r for r in where_in(conn, sql + " WHERE row_id", ids) if (r[2], r[3]) in wanted]
    if not found:
        return
    conn.execute(delete(schema.parked).where(schema.parked.c.change_id.in_([r[0] for r in found])))
    by_device: dict[str, list[dict[str, Any]]] = {}
    for r in sorted(found, key=lambda r: (int(r[4]), r[0])):
        by_device.setdefault(r[1], []).append(protocol.decode(r[5]))
    devices = schema.devices
    for device_id, changes in by_device.items():
        got = conn.execute(select(devices).where(devices.c.id == device_id)).mappings().first()
        if got is None:
            continue
        device = Device(got["id"], got["presidio"], bool(got["head_office"]), got["node_id"])
        refused = apply_batch(conn, device, changes, fields, bounds=bounds)
        if refused:
            # The push that brought each of them was answered "accepted": its office hears
            # of the refusal at its next hello (storage.HubStore.hello, refused_later).
            conn.execute(
                insert(schema.late_rejections),
                [{"change_id": r["change_id"], "device_id": device.id} for r in refused],
            )
            _log.info("parked edits released: %d refused", len(refused))


def _enrolled_elsewhere(
    conn: Connection, change: dict[str, Any], rows: dict[Key, Any]
) -> str | None:
    """One ESF enrolment per person across all offices (DESIGN.md §3): a second one,
    made offline in another office, is refused here rather than left to break every
    head-office store that cannot hold it. "The same person" is the same person row, or
    the same keyed hash of the codice fiscale (a duplicate record in another office)."""
    data = change.get("data") or {}
    person_id, hashed = data.get("person_id"), data.get("cf_hash")
    if not person_id and not hashed:
        return None
    mirror = schema.MIRRORS["participants"]
    same = mirror.c.person_id == person_id
    if hashed:
        same = same | (mirror.c.cf_hash == hashed)
    taken = conn.execute(
        select(mirror.c.id)
        .where(same & (mirror.c.deleted == 0) & (mirror.c.id != change["row_id"]))
        .limit(1)
    ).first()
    in_batch = any(
        table == "participants"
        and row_id != change["row_id"]
        and row
        and not row.get("deleted")
        and (
            row.get("person_id") == person_id
            or (hashed is not None and row.get("cf_hash") == hashed)
        )
        for (table, row_id), row in rows.items()
    )
    if taken or in_batch:
        return refusals.text(refusals.ALREADY_ENROLLED)
    return None


def unknown_repeats(conn: Connection, repeats: list[dict[str, Any]]) -> list[str]:
    """The change ids among ``repeats`` (changes at numbers the hub already acknowledged for
    their device) that the hub holds nowhere: not logged, not refused, not waiting. A
    request repeated after a cut connection brings only changes the hub holds; one of these
    was made by another copy of the device's store (hub/lineage.py), and skipping it as a
    repeat would lose it. Looked at only when a batch reaches below the ack."""
    ids = [str(c["change_id"]) for c in repeats]
    seen = _existing_change_ids(conn, ids, _any_parked(conn))
    return [i for i in ids if i not in seen]


def _existing_change_ids(conn: Connection, ids: list[str], waiting: bool) -> set[str]:
    """The ids among ``ids`` that the log or the refusals already hold, or the parked edits
    (looked at only when any ``waiting``)."""
    seen = {r[0] for r in where_in(conn, "SELECT change_id FROM change_log WHERE change_id", ids)}
    seen.update(
        r[0] for r in where_in(conn, "SELECT change_id FROM rejections WHERE change_id", ids)
    )
    if waiting:
        sql = "SELECT change_id FROM parked_changes WHERE change_id"
        seen.update(r[0] for r in where_in(conn, sql, ids))
    return seen


def _any_parked(conn: Connection) -> bool:
    """Whether any edit waits for its row: none but after a restore, so one look spares
    each batch a search of its 2,000 ids."""
    return conn.exec_driver_sql("SELECT 1 FROM parked_changes LIMIT 1").first() is not None


def _current_rows(conn: Connection, changes: list[dict[str, Any]]) -> dict[Key, dict[str, Any]]:
    wanted: dict[str, set[str]] = {}
    for change in changes:
        if change["table"] in schema.MIRRORS:
            wanted.setdefault(change["table"], set()).add(change["row_id"])
    rows: dict[Key, dict[str, Any]] = {}
    for table, row_ids in wanted.items():
        for row in rows_by_id(conn, table, sorted(row_ids)):
            rows[(table, row["id"])] = row
    return rows


def _write_rows(
    conn: Connection, rows: dict[Key, dict[str, Any]], touched: set[Key], originally: set[Key]
) -> None:
    """Inserts and updates by table, in bulk."""
    inserts: dict[str, list[dict[str, Any]]] = {}
    updates: dict[str, list[dict[str, Any]]] = {}
    for key in sorted(touched):
        (updates if key in originally else inserts).setdefault(key[0], []).append(rows[key])
    for table, changed in updates.items():
        update_many(conn, table, [c for c in _COLUMNS[table] if c != "id"], changed)
    for table, new in inserts.items():
        insert_dicts(conn, table, _COLUMNS[table], new)
