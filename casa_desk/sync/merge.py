"""The merge rules (SYNC.md §3), shared by the hub and every device.

One pure function, :func:`merge_change`, folds a change into the current version of a row.
Hub and clients run the same code on the same changes, so they converge whatever the order
of arrival:

- facts (insert-only tables) are a union by id;
- on mutable rows each field keeps the value with the largest ``(hlc, device)`` clock
  (commutative, associative, idempotent); the row's ``field_clocks`` remembers them;
- the loser of a concurrent edit (the editor had not seen the value it overwrote, or it
  arrived late and lost) is returned as a :class:`Conflict`, to be kept in ``sync_conflicts``;
- deletion is the ``deleted`` field, merged like any other; an edit that sorts after the
  delete is kept in its field but never resurrects the row: it raises an
  ``edit_after_delete`` conflict, whichever of the two arrives first.

>>> from casa_desk.store.tables import PEOPLE
>>> row = merge_change(PEOPLE, None, {"op": "insert", "hlc": 5, "device": "a",
...     "row_id": "p1", "data": {"id": "p1", "first_name": "Ada"}}).row
>>> merge_change(PEOPLE, row, {"op": "update", "hlc": 3, "device": "b", "row_id": "p1",
...     "data": {"first_name": "Bea"}, "base": {}}).conflicts[0].loser_value
'Bea'
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from casa_desk.store.erasure import anonymised_row
from casa_desk.store.reference import SEED_HLC, SEED_ORIGIN
from casa_desk.store.tables import TableSpec

Clock = tuple[int, str]

#: Columns fixed at insert: an update never moves a row to another office or scope.
IDENTITY = frozenset({"id", "presidio", "scope", "created_at"})
#: Columns that are bookkeeping, not data merged per field.
BOOKKEEPING = frozenset({"hlc", "origin", "field_clocks", "updated_at"})

CONCURRENT_EDIT = "concurrent_edit"
EDIT_AFTER_DELETE = "edit_after_delete"
#: A received row the local schema refused (e.g. a second participant row for one person).
NOT_APPLIED = "not_applied"


@dataclass(frozen=True)
class Conflict:
    """A value that lost, kept so a coordinator can see it and reinstate it."""

    table: str
    row_id: str
    field: str
    kind: str
    winner_value: Any
    winner_clock: Clock
    loser_value: Any
    loser_clock: Clock

    @property
    def id(self) -> str:
        """Deterministic: the same loss found twice (or on two nodes) is one conflict."""
        parts = (self.table, self.row_id, self.field, self.kind, *self.loser_clock)
        key = "|".join(str(p) for p in parts)
        return hashlib.sha256(key.encode()).hexdigest()[:32]

    def as_row(self, detected_at: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "table_name": self.table,
            "row_id": self.row_id,
            "field": self.field,
            "kind": self.kind,
            "winner_value": _text(self.winner_value),
            "winner_hlc": self.winner_clock[0],
            "winner_device": self.winner_clock[1],
            "loser_value": _text(self.loser_value),
            "loser_hlc": self.loser_clock[0],
            "loser_device": self.loser_clock[1],
            "detected_at": detected_at,
        }


@dataclass
class MergeResult:
    row: dict[str, Any] | None  # the row to write, or None when nothing changes
    exists: bool  # whether the row was there before
    conflicts: list[Conflict] = field(default_factory=list)
    missing: bool = False  # an update for a row this node does not have


def clock_of(clocks: dict[str, Any], name: str) -> Clock:
    entry = clocks.get(name) or clocks.get("*") or [0, ""]
    return int(entry[0]), str(entry[1])


def merge_change(
    spec: TableSpec, current: dict[str, Any] | None, change: dict[str, Any]
) -> MergeResult:
    """Fold ``change`` into ``current`` (a full row, or None); see the module docstring."""
    hlc, device = int(change["hlc"]), str(change["device"])
    data: dict[str, Any] = change.get("data") or {}
    columns = spec.all_columns
    if current is None:
        if change["op"] != "insert":
            return MergeResult(None, False, missing=True)
        row = {name: data[name] for name in columns if name in data}
        row["id"] = change["row_id"]
        row.setdefault("deleted", 0)
        if spec.name == "people":
            row = anonymised_row(row)
        row["hlc"], row["origin"] = hlc, device
        if spec.mutable:
            row["field_clocks"] = _dumps({"*": [hlc, device]})
        return MergeResult(row, False)
    if not spec.mutable:
        return MergeResult(None, True)  # facts: union by id, the first copy is the copy
    result = _merge_fields(spec, current, change, hlc=hlc, device=device, data=data)
    if spec.name == "people" and result.row is not None:
        result.row = _anonymisation_wins(current, result.row)
    return result


def _anonymisation_wins(before: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """Anonymisation is not a value that a later clock can overwrite (issue 11): once either
    side carries ``anonymised_on``, the earliest day stays and the identity stays erased,
    whatever arrives, in any order, at the hub and on every device."""
    days = [d for d in (before.get("anonymised_on"), row.get("anonymised_on")) if d]
    if not days:
        return row
    return anonymised_row({**row, "anonymised_on": min(days)})


def _merge_fields(
    spec: TableSpec,
    current: dict[str, Any],
    change: dict[str, Any],
    *,
    hlc: int,
    device: str,
    data: dict[str, Any],
) -> MergeResult:
    clocks: dict[str, Any] = json.loads(current.get("field_clocks") or "{}")
    newest_before = max((clock_of(clocks, k) for k in clocks), default=(0, ""))
    base: dict[str, Any] = change.get("base") or {}
    incoming: Clock = (hlc, device)
    row = dict(current)
    conflicts: list[Conflict] = []
    changed = False
    table, row_id = spec.name, str(current["id"])
    fields = {
        k: v for k, v in data.items() if k in spec.all_columns and k not in IDENTITY | BOOKKEEPING
    }
    for name, value in fields.items():
        held = clock_of(clocks, name)
        if incoming > held:
            seen = base.get(name)
            concurrent = seen is not None and (int(seen[0]), str(seen[1])) != held
            if concurrent and name != "deleted" and row.get(name) != value:
                conflicts.append(
                    Conflict(
                        table, row_id, name, CONCURRENT_EDIT, value, incoming, row.get(name), held
                    )
                )
            row[name] = value
            clocks[name] = [hlc, device]
            changed = True
        elif incoming < held and name != "deleted" and row.get(name) != value:
            conflicts.append(
                Conflict(table, row_id, name, CONCURRENT_EDIT, row.get(name), held, value, incoming)
            )
    if int(row.get("deleted") or 0) == 1:
        conflicts += _edits_after_delete(spec, row, clocks, incoming, fields)
    if not changed:
        return MergeResult(None, True, conflicts)
    if "updated_at" in data and incoming > newest_before:
        row["updated_at"] = data["updated_at"]
    row["hlc"], row["origin"] = hlc, device
    row["field_clocks"] = _dumps(clocks)
    return MergeResult(row, True, conflicts)


def _edits_after_delete(
    spec: TableSpec,
    row: dict[str, Any],
    clocks: dict[str, Any],
    incoming: Clock,
    fields: dict[str, Any],
) -> list[Conflict]:
    """Edits whose clock sorts after the winning delete: kept, flagged, row stays deleted."""
    deleted_at = clock_of(clocks, "deleted")
    found = []
    if "deleted" in fields and deleted_at == incoming:
        # The delete just won: flag every field edited after it (they arrived first).
        for name, entry in clocks.items():
            held = (int(entry[0]), str(entry[1]))
            if name not in ("*", "deleted") and held > deleted_at:
                found.append(
                    Conflict(
                        spec.name,
                        str(row["id"]),
                        name,
                        EDIT_AFTER_DELETE,
                        None,
                        deleted_at,
                        row.get(name),
                        held,
                    )
                )
    elif "deleted" not in fields and incoming > deleted_at:
        for name, value in fields.items():
            found.append(
                Conflict(
                    spec.name,
                    str(row["id"]),
                    name,
                    EDIT_AFTER_DELETE,
                    None,
                    deleted_at,
                    value,
                    incoming,
                )
            )
    return found


# -- digests (SYNC.md §4 step 4) ---------------------------------------------------------
def digest_columns(spec: TableSpec) -> list[str]:
    """The columns a digest covers: the data, not the per-node bookkeeping."""
    return ["id", "presidio", "scope", "deleted", *spec.columns]


#: Rows that came with the program and were never edited — stable ids, the seed clock —
#: — are identical everywhere by construction, so digests skip them. Directory entries that
#: arrive with a store (the demo's local services) are such rows the hub has never seen.
UNCHANGED_SEED = (SEED_HLC, SEED_ORIGIN)


def digest_rows(rows: list[tuple[Any, ...]]) -> tuple[int, str]:
    """Count and SHA-256 over rows (values in digest_columns order), in id order.

    Each row is hashed as its compact JSON list (booleans as 0/1) and a newline: the same
    bytes as ``json.dumps(ensure_ascii=False, separators=(",", ":"))`` wrote before orjson,
    for the text, integers and NULLs rows hold, so hubs and offices of either version agree
    (tests/unit/test_sync_json.py)."""
    h = hashlib.sha256()
    for row in sorted(rows, key=lambda r: str(r[0])):  # Python order: no collation surprises
        h.update(_bytes([int(v) if v.__class__ is bool else v for v in row]))
        h.update(b"\n")
    return len(rows), h.hexdigest()


def digest_ordered(rows: Iterable[Sequence[Any]]) -> tuple[int, str] | None:
    """:func:`digest_rows` over rows read one at a time, already in id order (the order
    :func:`digest_rows` sorts them in), so they are never all in memory at once: the hub's
    digest of 100,000 rows held them all (50 MB). None when two ids arrive out of order (a
    database collation that is not code-point order): the caller then sorts."""
    h = hashlib.sha256()
    count, last = 0, None
    for row in rows:
        key = str(row[0])
        if last is not None and key <= last:
            return None
        last = key
        h.update(_bytes([int(v) if v.__class__ is bool else v for v in row]))
        h.update(b"\n")
        count += 1
    return count, h.hexdigest()


def _text(value: Any) -> str | None:
    return None if value is None else _dumps(value)


def _bytes(value: Any) -> bytes:
    """Compact JSON, keys sorted. orjson refuses what no store holds (a lone surrogate, an
    integer past 64 bits): :mod:`json` writes those the way it always did."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return text.encode("utf-8", "surrogatepass")


def _dumps(value: Any) -> str:
    return _bytes(value).decode("utf-8", "surrogatepass")
