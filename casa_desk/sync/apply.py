"""Applying received changes to a local store (pull pages, reply bundles, re-fetches).

Runs inside the caller's transaction. Each change is merged with the local row by the same
rules as the hub (:mod:`casa_desk.sync.merge`), recorded in ``sync_applied`` (so it is never
captured or applied twice) and written with the change's clock, which is what the store's
guard triggers require. Conflicts go to ``sync_conflicts``; referral statuses touched by
new events are refolded.

A change whose clock is more than the allowed skew ahead of this device's time is neither
applied nor observed (adopting ``2**63 - 1`` once left stores unable to write): it is *held*
in ``sync_held`` with a reason code, listed on the Sync page, left out of the digest
comparison (:func:`casa_desk.sync.held.with_held`), and applied by :func:`release_held` once
its time has come — a PC whose clock runs behind loses nothing. A change for a row that
exists here only as a held insert waits with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

from casa_desk.models.timeutil import utc_now_text
from casa_desk.store import erasure
from casa_desk.store.bulk import insert_rows, null_default_columns, update_rows
from casa_desk.store.connection import IntegrityError
from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME, SYNCED_TABLES, TableSpec
from casa_desk.sync import held, refusals, withdrawn
from casa_desk.sync.merge import (
    BOOKKEEPING,
    IDENTITY,
    NOT_APPLIED,
    Conflict,
    clock_of,
    merge_change,
)
from casa_desk.sync.sensitive import open_incoming


@dataclass
class ApplyStats:
    applied: int = 0
    skipped: int = 0
    conflicts: int = 0
    unknown: int = 0
    held: int = 0  # clock too far ahead (or waiting for such a change): kept, not applied
    referrals: set[str] = field(default_factory=set)


def state(store: Store, key: str, default: str | None = None) -> str | None:
    row = store.db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_state(store: Store, key: str, value: str | int | None) -> None:
    """Write one sync_state value (call inside a journal transaction)."""
    if value is None:
        store.db.execute("DELETE FROM sync_state WHERE key = ?", [key])
        return
    store.db.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, str(value)],
    )


#: How many epochs an office remembers as ended (one a hub restore: a handful in its life).
RETIRED_EPOCHS_KEPT = 50


def retired_epoch(store: Store, epoch: str) -> bool:
    """Whether ``epoch`` is one this store has seen end (the hub restored since)."""
    return epoch in json.loads(state(store, "retired_epochs", "[]") or "[]")


def set_epoch(store: Store, epoch: str) -> None:
    """Record the hub's epoch; a different one retires the epoch known so far, so a reply
    of it that turns up later (a USB stick found in a drawer) is refused instead of moving
    the acknowledgement and the pull cursor back. Call inside a journal transaction."""
    known = state(store, "epoch")
    if known and known != epoch:
        retired = json.loads(state(store, "retired_epochs", "[]") or "[]")
        retired = [e for e in retired if e != epoch][-(RETIRED_EPOCHS_KEPT - 1) :]
        set_state(store, "retired_epochs", json.dumps([*retired, known]))
    set_state(store, "epoch", epoch)


def apply_changes(store: Store, changes: list[dict[str, Any]]) -> ApplyStats:
    """Merge ``changes`` (hub order) into the store. Call inside ``store.transaction()``.

    A page is merged in memory first (:func:`merge_page`: a row changed twice in the page
    is written once, with its last change's clock), then written in bulk
    (:func:`write_page`). Per-row ``Journal.write_applied`` through sqlite-utils costs
    ~0.5 ms a row, too slow for a 100,000-change backlog.
    """
    return write_page(store, merge_page(store, changes)).stats


@dataclass
class Overlay:
    """What a page being written will leave in the store, for the merge of the next page
    while it is written (:mod:`casa_desk.sync.pipeline`): its rows as written, the change
    ids it records (applied or held) and the rows it holds back."""

    rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    change_ids: set[str] = field(default_factory=set)
    held: set[tuple[str, str]] = field(default_factory=set)


@dataclass
class MergedPage:
    """A page merged in memory, not yet written (:func:`write_page` writes it)."""

    stats: ApplyStats
    rows: dict[tuple[str, str], dict[str, Any]]
    touched: set[tuple[str, str]]
    existed: set[tuple[str, str]]
    applied: list[tuple[Any, ...]]
    holding: list[tuple[dict[str, Any], str]]
    found: list[Conflict]
    edits: list[tuple[Any, ...]]
    newest: int
    now: str

    def overlay(self) -> Overlay:
        """The store as this page leaves it, if it is written as merged."""
        return Overlay(
            {k: self.rows[k] for k in self.touched},
            {a[0] for a in self.applied} | {raw["change_id"] for raw, _ in self.holding},
            {(raw["table"], str(raw["row_id"])) for raw, _ in self.holding},
        )


@dataclass
class WrittenPage:
    stats: ApplyStats
    #: False when the store now differs from the page's :meth:`MergedPage.overlay`: a row
    #: the local schema refused, or rows scrubbed for an anonymised person.
    as_merged: bool


def merge_page(
    store: Store, changes: list[dict[str, Any]], overlay: Overlay | None = None
) -> MergedPage:
    """Merge ``changes`` with the store's rows; reads only. ``overlay``: a page being
    written meanwhile, whose rows and ids count as already in the store."""
    stats = ApplyStats()
    clock = store.journal.clock
    keys = {(c["table"], str(c["row_id"])) for c in changes}
    known = _known_ids(store, [c["change_id"] for c in changes])
    now = store.journal.now()
    rows = _prefetch(store, changes)
    waiting = held.held_rows(store, keys)
    if overlay is not None:
        known |= overlay.change_ids
        rows.update((k, overlay.rows[k]) for k in keys & overlay.rows.keys())
        waiting |= keys & overlay.held
    existed = set(rows)
    touched: set[tuple[str, str]] = set()
    applied: list[tuple[Any, ...]] = []
    holding: list[tuple[dict[str, Any], str]] = []
    found: list[Conflict] = []
    edits = _RegistryEdits(store, now)
    newest = 0
    for raw in changes:
        if raw["change_id"] in known:
            stats.skipped += 1
            continue
        known.add(raw["change_id"])
        spec = BY_NAME.get(raw["table"])
        if spec is None:
            stats.unknown += 1  # a newer hub's table: kept at the hub, ignored here
            continue
        key = (spec.name, str(raw["row_id"]))
        reason = held.reason_to_hold(clock, raw, exists=key in rows, waiting=key in waiting)
        if reason is not None:
            holding.append((raw, reason))
            waiting.add(key)
            stats.held += 1
            continue
        change = open_incoming(raw)
        current = rows.get(key)
        result = merge_change(spec, current, change)
        hlc = int(change["hlc"])
        newest = max(newest, hlc)
        applied.append((change["change_id"], spec.name, key[1], hlc, str(change["device"]), now))
        if result.row is not None:
            edits.see(spec, change, current, result.row)
            rows[key] = result.row
            touched.add(key)
        found += result.conflicts
        stats.conflicts += len(result.conflicts)
        stats.applied += 1
        if spec.name == "referral_events":
            stats.referrals |= _referral_of(result.row or current or change.get("data") or {})
    return MergedPage(
        stats, rows, touched, existed, applied, holding, found, edits.rows, newest, now
    )


def write_page(store: Store, page: MergedPage) -> WrittenPage:
    """Write a merged page. Call inside ``store.transaction()``."""
    _record(store, page.applied, page.holding, page.newest, page.now, page.edits)
    refused = _write_rows(store, page.rows, page.touched, page.existed)
    _keep_conflicts(store, page.found + refused, page.now)
    scrubbed = scrub_anonymised(store, {k: page.rows[k] for k in page.touched}, written=not refused)
    if page.stats.referrals:
        from casa_desk.store.referrals import refresh_statuses

        refresh_statuses(store.db, page.stats.referrals)
    return WrittenPage(page.stats, as_merged=not refused and not scrubbed)


def scrub_anonymised(
    store: Store, rows: dict[tuple[str, str], dict[str, Any]], *, written: bool = False
) -> int:
    """Anonymisation always wins (issue 11): whatever just arrived about an anonymised
    person — their anonymisation itself, or an older edit, contact or note from an office
    that was offline — is scrubbed here, with every other copy this store holds of them.
    Returns the people scrubbed.

    ``written``: every one of ``rows`` is now in the store as it is here, so a person among
    them who is neither anonymised nor merged into another is known not to be one to scrub
    without asking the store (most of a pull's people)."""
    people: set[str] = set()
    referrals: set[str] = set()
    for (table, row_id), row in rows.items():
        if table == "people":
            people.update(p for p in (row_id, row.get("merged_into")) if p)
        elif table == "referral_events":
            referrals.add(str(row.get("referral_id")))
        elif row.get("person_id"):
            people.add(str(row["person_id"]))
    if referrals:
        people.update(
            r[0]
            for r in store.db.execute(
                "SELECT person_id FROM referrals WHERE id IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(referrals))],
            )
            if r[0]
        )
    if written:
        people -= {
            row_id
            for (table, row_id), row in rows.items()
            if table == "people" and not row.get("anonymised_on") and not row.get("merged_into")
        }
    targets = erasure.scrub_targets(store.db, people)
    for person, day in sorted(targets.items()):
        erasure.scrub(store.db, person, day)
    return len(targets)


def _referral_of(event: dict[str, Any]) -> set[str]:
    return {str(event["referral_id"])} if event.get("referral_id") else set()


_APPLIED_COLUMNS = ("change_id", "table_name", "row_id", "hlc", "device_id", "applied_at")


def _record(
    store: Store,
    applied: list[tuple[Any, ...]],
    holding: list[tuple[dict[str, Any], str]],
    newest: int,
    now: str,
    edits: list[tuple[Any, ...]],
) -> None:
    """What a page leaves besides rows: applied ids (before the rows: the guard triggers
    look for them), held changes, registry edits by other offices, and the clock moved
    past what was applied."""
    insert_rows(store.db.conn, "sync_applied", _APPLIED_COLUMNS, applied, or_ignore=True)
    held.hold(store, holding, now)
    _keep_registry_edits(store, edits)
    if newest:
        store.journal.clock.observe(newest)


class _RegistryEdits:
    """People registered here, edited by another office: what each edit changed (values that
    won here), for the Sync page and the card. Nothing for our own edits or losing values."""

    def __init__(self, store: Store, now: str) -> None:
        self.office = state(store, "hub_presidio") or store.presidio
        self.now = now
        self.rows: list[tuple[Any, ...]] = []

    def see(
        self,
        spec: TableSpec,
        change: dict[str, Any],
        before: dict[str, Any] | None,
        after: dict[str, Any],
    ) -> None:
        by = change.get("office")
        if spec.name != "people" or before is None or not self.office:
            return
        if before.get("presidio") != self.office or not by or by == self.office:
            return
        changed = {
            name: [before.get(name), after.get(name)]
            for name in (change.get("data") or {})
            if name not in IDENTITY | BOOKKEEPING
            and name in after
            and before.get(name) != after.get(name)
        }
        if changed:
            self.rows.append(
                (
                    change["change_id"],
                    str(before["id"]),
                    by,
                    change.get("operator"),
                    str(change["device"]),
                    int(change["hlc"]),
                    json.dumps(changed, ensure_ascii=False, sort_keys=True),
                    self.now,
                )
            )


def _keep_registry_edits(store: Store, edits: list[tuple[Any, ...]]) -> None:
    if edits:
        store.db.conn.executemany(
            "INSERT OR IGNORE INTO sync_registry_edits (change_id, row_id, office, operator,"
            " device_id, hlc, fields, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            edits,
        )


def _prefetch(store: Store, changes: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    wanted: dict[str, list[str]] = {}
    for change in changes:
        if change["table"] in BY_NAME:
            wanted.setdefault(change["table"], []).append(str(change["row_id"]))
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for table, ids in wanted.items():
        unique = list(dict.fromkeys(ids))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            cursor = store.db.execute(
                f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
            )
            names = [d[0] for d in cursor.description]
            for found in cursor.fetchall():
                row = dict(zip(names, found, strict=True))
                rows[(table, row["id"])] = row
    return rows


def _write_rows(
    store: Store,
    rows: dict[tuple[str, str], dict[str, Any]],
    touched: set[tuple[str, str]],
    existed: set[tuple[str, str]],
) -> list[Conflict]:
    """Write merged rows, a few hundred per statement (:mod:`casa_desk.store.bulk`); rows
    the local schema refuses are returned as conflicts.

    In id order: ids are UUIDv7, so the primary key index (and the indexes that lead with
    a person or a time) grow at their end instead of splitting pages all over, as rows in
    a set's order did — 100,000 received changes took ~0.8 s less CPU."""
    refused: list[Conflict] = []
    by_table: dict[str, list[tuple[str, str]]] = {}
    for key in touched:
        by_table.setdefault(key[0], []).append(key)
    for pairs in by_table.values():
        pairs.sort(key=itemgetter(1))  # the order of sorting the pairs, for under half the time
    for spec in SYNCED_TABLES:  # parents before children (foreign keys)
        keys = by_table.get(spec.name)
        if not keys:
            continue
        columns = list(spec.all_columns)
        new = [k for k in keys if k not in existed]
        omit = null_default_columns(store.db.conn, spec.name)
        names, values = _insert_values([rows[k] for k in new], columns, omit)
        failed = _execute_rows(
            store,
            partial(insert_rows, store.db.conn, spec.name, names, omit_null=omit),
            new,
            values,
        )
        sets = [c for c in columns if c != "id"]
        old = [k for k in keys if k in existed]
        failed += _execute_rows(
            store,
            partial(update_rows, store.db.conn, spec.name, sets),
            old,
            [[k[1], *map(rows[k].get, sets)] for k in old],
        )
        refused += [_not_applied(spec.name, rows[k]) for k in failed]
    return refused


def _insert_values(
    rows: list[dict[str, Any]], columns: list[str], omit_null: frozenset[str]
) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
    """The columns and values of new rows for :func:`insert_rows`. Rows merged from
    inserts carry only the columns their change brought; when every row carries the same
    ones, in the same order, and each column left out stores NULL anyway (``omit_null``),
    those columns and each row's values as they are — instead of looking up every column
    of the table in every row (a twentieth of a head-office pull's processor time).
    Otherwise each row's value of each column, NULL for those it lacks."""
    shapes = {tuple(row) for row in rows}
    if len(shapes) == 1:
        names = next(iter(shapes))
        if set(names) <= set(columns) and set(columns) - set(names) <= omit_null:
            return names, [tuple(row.values()) for row in rows]
    return columns, [list(map(row.get, columns)) for row in rows]


def _execute_rows(
    store: Store,
    write: Callable[[Sequence[Sequence[Any]]], None],
    keys: list[tuple[str, str]],
    params: Sequence[Sequence[Any]],
) -> list[tuple[str, str]]:
    """Write all rows; if the local schema refuses one (a unique index such as one
    participant per person, a missing parent), write the others one by one and return the
    refused keys instead of blocking the whole queue."""
    if not keys:
        return []
    conn = store.db.conn
    conn.execute("SAVEPOINT casa_apply_rows")
    try:
        write(params)
    except IntegrityError:
        conn.execute("ROLLBACK TO SAVEPOINT casa_apply_rows")
        failed = []
        for key, values in zip(keys, params, strict=True):
            conn.execute("SAVEPOINT casa_apply_row")
            try:
                write([values])
            except IntegrityError:
                conn.execute("ROLLBACK TO SAVEPOINT casa_apply_row")
                failed.append(key)
            conn.execute("RELEASE SAVEPOINT casa_apply_row")
        conn.execute("RELEASE SAVEPOINT casa_apply_rows")
        return failed
    conn.execute("RELEASE SAVEPOINT casa_apply_rows")
    return []


def _not_applied(table: str, row: dict[str, Any]) -> Conflict:
    values = {k: v for k, v in row.items() if k not in ("field_clocks",)}
    clock = (int(row.get("hlc") or 0), str(row.get("origin") or ""))
    return Conflict(table, str(row["id"]), "*", NOT_APPLIED, None, (0, ""), values, clock)


def _write_one(store: Store, table: str, row: dict[str, Any], *, exists: bool) -> bool:
    """Journal.write_applied for one row, refused rows kept as conflicts; True if written."""
    conn = store.db.conn
    conn.execute("SAVEPOINT casa_apply_one")
    try:
        store.journal.write_applied(table, row, exists=exists)
    except IntegrityError:
        conn.execute("ROLLBACK TO SAVEPOINT casa_apply_one")
        conn.execute("RELEASE SAVEPOINT casa_apply_one")
        _keep_conflicts(store, [_not_applied(table, row)], store.journal.now())
        return False
    conn.execute("RELEASE SAVEPOINT casa_apply_one")
    return True


def apply_snapshot_rows(store: Store, table: str, rows: list[dict[str, Any]]) -> int:
    """Merge full hub rows (a re-fetch) field by field with their own clocks; returns writes.

    Fields whose clock this device must not adopt are held like any other such change."""
    spec = BY_NAME[table]
    clock = store.journal.clock
    writes = 0
    now = store.journal.now()
    waiting = held.held_rows(store, {(table, str(r["id"])) for r in rows})
    for hub_row in rows:
        clocks = json.loads(hub_row.get("field_clocks") or "{}") if spec.mutable else {}
        by_clock: dict[tuple[int, str], dict[str, Any]] = {}
        for name in spec.all_columns:
            if name in ("hlc", "origin", "field_clocks") or name not in hub_row:
                continue
            entry = clocks.get(name) or clocks.get("*") or [hub_row["hlc"], hub_row["origin"]]
            by_clock.setdefault((int(entry[0]), str(entry[1])), {})[name] = hub_row[name]
        for (hlc, device), data in sorted(by_clock.items()):
            change_id = f"snapshot:{table}:{hub_row['id']}:{hlc}:{device}"
            if _known_ids(store, [change_id]):
                continue
            current = _current(store, spec, hub_row["id"])
            change = {
                "change_id": change_id,
                "table": table,
                "op": "insert" if current is None else "update",
                "hlc": hlc,
                "device": device,
                "row_id": hub_row["id"],
                "data": data,
                "base": None,
            }
            key = (table, str(hub_row["id"]))
            reason = held.reason_to_hold(
                clock, change, exists=current is not None, waiting=key in waiting
            )
            if reason is not None:
                held.hold(store, [(change, reason)], now)
                waiting.add(key)
                continue
            result = merge_change(spec, current, change)
            store.journal.record_applied(change_id, table, hub_row["id"], hlc, device)
            if result.row is not None and _write_one(
                store, table, result.row, exists=result.exists
            ):
                writes += 1
            _keep_conflicts(store, result.conflicts, now)
    return writes


def restore_rows(store: Store, table: str, rows: list[dict[str, Any]]) -> int:
    """Put the hub's version of rows back after the hub refused a local edit of them (the
    refused value stays listed in sync_rejections). Call inside a transaction.

    A hub row carrying a clock this device must not adopt is held instead (op ``restore``)."""
    spec = BY_NAME[table]
    clock = store.journal.clock
    restored = 0
    for hub_row in rows:
        current = _current(store, spec, hub_row["id"])
        row = {c: hub_row.get(c) for c in spec.all_columns}
        if current is not None and spec.mutable:
            row = _newer_kept(store, spec, row, current)
        if current is not None and all(current.get(c) == row[c] for c in row):
            continue
        hlc, origin, row_id = int(row["hlc"] or 0), str(row["origin"]), str(row["id"])
        change_id = f"restore:{table}:{row_id}:{hlc}:{origin}"
        newest = held.row_clock(row)
        if not clock.accepts(newest):
            change: dict[str, Any] = {"change_id": change_id, "table": table, "row_id": row_id}
            change |= {"op": held.RESTORE, "hlc": newest, "device": origin, "data": row}
            held.hold(store, [(change, held.CLOCK_AHEAD)], store.journal.now())
            continue
        store.journal.record_applied(change_id, table, row_id, hlc, origin)
        restored += _write_one(store, table, row, exists=current is not None)
    return restored


def _newer_kept(
    store: Store, spec: TableSpec, row: dict[str, Any], current: dict[str, Any]
) -> dict[str, Any]:
    """The hub's ``row`` to put back over ``current``, less the fields this store holds
    newer than it, unless that newer value is its own edit the hub refused (the one to
    undo). A reply imported twice, or after a newer one, carries a version of the row older
    than what arrived since: put back whole, the newer values were lost here for good
    (their changes count as applied). A pending edit of this store stays too: it is still
    to be pushed, and refused it will be put back then."""
    hub_clocks: dict[str, Any] = json.loads(row.get("field_clocks") or "{}")
    local_clocks: dict[str, Any] = json.loads(current.get("field_clocks") or "{}")
    own = store.device_id
    refused = {
        int(r[0])
        for r in store.db.execute(
            "SELECT o.hlc FROM sync_outbox o JOIN sync_rejections r ON r.change_id = o.change_id"
            " WHERE o.table_name = ? AND o.row_id = ?",
            [spec.name, str(row["id"])],
        )
    }
    out = dict(row)
    kept = False
    for name in spec.all_columns:
        if name in IDENTITY or name in BOOKKEEPING:
            continue
        local, hub = clock_of(local_clocks, name), clock_of(hub_clocks, name)
        if local > hub and not (local[1] == own and local[0] in refused):
            out[name] = current.get(name)
            hub_clocks[name] = [local[0], local[1]]
            kept = True
    if not kept:
        return out
    newest = max(
        (int(row.get("hlc") or 0), str(row.get("origin") or "")),
        (int(current.get("hlc") or 0), str(current.get("origin") or "")),
    )
    if newest != (int(row.get("hlc") or 0), str(row.get("origin") or "")):
        out["updated_at"] = current.get("updated_at")
    out["hlc"], out["origin"] = newest
    out["field_clocks"] = json.dumps(hub_clocks, separators=(",", ":"), sort_keys=True)
    return out


def release_held(store: Store) -> ApplyStats:
    """Apply the held changes whose time has come, in the order they arrived; the others
    stay held (with what waits for them). Call inside a transaction."""
    changes = held.held_changes(store)
    clock = store.journal.clock
    if not any(c["reason"] != held.WAITS_FOR_HELD and clock.accepts(c["hlc"]) for c in changes):
        return ApplyStats()
    store.db.execute("DELETE FROM sync_held")
    restores = [c for c in changes if c["op"] == held.RESTORE]
    stats = apply_changes(store, [c for c in changes if c["op"] != held.RESTORE])
    for change in restores:
        restore_rows(store, change["table"], [change["data"]])
    return stats


#: sync_state key: the hub's number of the last late refusal taken (``refused_later``: a
#: parked edit refused when its row came), by hello or in a reply bundle.
REFUSED_LATER_SEEN = "refused_later_seen"


def keep_rejections(store: Store, rejections: list[dict[str, Any]]) -> None:
    """Record the hub's refusals of this office's changes (``{change_id, table, row_id,
    reason}`` and from a newer hub the reason's ``code`` and ``params``, from a push answer
    or a reply bundle) for the Sync page; a refusal heard twice is kept once. The reason
    kept is the Italian text of a known code (:func:`~casa_desk.sync.refusals.kept_reason`),
    which the window finds again and words in its language. A correction of a contact
    refused because another desk corrected it first is withdrawn (:mod:`~casa_desk.sync.
    withdrawn`). Inside the caller's transaction."""
    at = utc_now_text()
    store.db.conn.executemany(
        "INSERT OR IGNORE INTO sync_rejections (change_id, table_name, row_id, reason, at)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (r["change_id"], r.get("table"), r.get("row_id"), refusals.kept_reason(r), at)
            for r in rejections
        ],
    )
    withdrawn.withdraw(store, rejections)  # a contact corrected first at another desk


def rejected_update_rows(store: Store, change_ids: list[str]) -> dict[str, list[str]]:
    """Rows, by table, whose refused change was an edit (not an insert): they need restoring."""
    out: dict[str, list[str]] = {}
    for start in range(0, len(change_ids), 500):
        chunk = change_ids[start : start + 500]
        for table, row_id in store.db.execute(
            "SELECT table_name, row_id FROM sync_outbox WHERE op != 'insert' AND change_id IN"
            f" ({','.join('?' * len(chunk))})",
            chunk,
        ):
            if row_id not in out.setdefault(table, []):
                out[table].append(row_id)
    return out


def rows_still_refused(store: Store) -> dict[str, list[str]]:
    """Rows, by table, that still carry a value of this store's own edit the hub refused: a
    field whose clock is that edit's. Their restore is owed: the hub held no version of the
    row when it refused (an edit parked after a hub restore and dropped after its days,
    hub/push.py), so nothing was put back; once the row reaches the hub, its version must
    replace the refused value, which, being newer, a pull would otherwise keep for good.
    Rows whose insert the hub refused are left out: the hub will never hold them."""
    own = store.device_id
    out: dict[str, list[str]] = {}
    sql = (
        "SELECT r.row_id, o.hlc, t.field_clocks FROM sync_rejections r"
        " JOIN sync_outbox o ON o.change_id = r.change_id AND o.op != 'insert'"
        " JOIN {table} t ON t.id = r.row_id"
        " WHERE r.table_name = ? AND r.row_id NOT IN (SELECT i.row_id FROM sync_rejections i"
        " JOIN sync_outbox io ON io.change_id = i.change_id WHERE io.op = 'insert')"
    )
    tables = [r[0] for r in store.db.execute("SELECT DISTINCT table_name FROM sync_rejections")]
    for table in tables:
        spec = BY_NAME.get(str(table))
        if spec is None or not spec.mutable:
            continue
        for row_id, hlc, field_clocks in store.db.execute(sql.format(table=spec.name), [table]):
            clocks = json.loads(field_clocks or "{}")
            if any(clock_of(clocks, name) == (int(hlc), own) for name in clocks) and (
                row_id not in out.get(spec.name, [])
            ):
                out.setdefault(spec.name, []).append(row_id)
    return out


def _known_ids(store: Store, ids: list[str]) -> set[str]:
    known: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for sql in (
            f"SELECT change_id FROM sync_applied WHERE change_id IN ({marks})",
            f"SELECT change_id FROM sync_outbox WHERE change_id IN ({marks})",
            f"SELECT change_id FROM sync_held WHERE change_id IN ({marks})",
        ):
            known.update(r[0] for r in store.db.execute(sql, chunk))
    return known


def _current(store: Store, spec: TableSpec, row_id: str) -> dict[str, Any] | None:
    cursor = store.db.execute(f"SELECT * FROM {spec.name} WHERE id = ?", [row_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def _keep_conflicts(store: Store, conflicts: list[Conflict], now: str) -> None:
    if not conflicts:
        return
    rows = [c.as_row(now) for c in conflicts]
    store.db.conn.executemany(
        f"INSERT OR IGNORE INTO sync_conflicts ({', '.join(rows[0])}) VALUES"
        f" ({', '.join('?' * len(rows[0]))})",
        [list(r.values()) for r in rows],
    )
