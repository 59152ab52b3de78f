"""What the Sync page shows, without Qt: status, rejections, conflicts, and reinstating a
losing value (SYNC.md §3: "which is itself a new, winning edit").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from casa_desk.store.db import Store
from casa_desk.store.demo_mark import is_demo
from casa_desk.store.ownership import check_owned, foreign_owner
from casa_desk.store.restricted import MASK
from casa_desk.store.tables import BY_NAME, SyncClass
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
    registry_edits: int = 0
    demo: bool = False  # a demo store (invented people): never paired (store/demo_mark.py)


def enrolled(store: Store) -> bool:
    """Whether this store is paired with a hub (one lookup, for the window's start)."""
    return bool(state(store, "hub_token"))


def hub_address(store: Store) -> str | None:
    """The hub's address this store syncs with online; None for a desk paired by a file that
    gave none (it syncs by USB file only)."""
    return state(store, "hub_url")


def sync_status(store: Store, *, pending_cap: int | None = None) -> SyncStatus:
    """Everything the Sync page shows at the top. ``pending_cap``: stop counting unsent
    changes there (a store that never synced has a million: half a second to count)."""
    count = store.db.execute
    return SyncStatus(
        enrolled=enrolled(store),
        demo=is_demo(store.db),
        hub_url=hub_address(store),
        presidio=state(store, "hub_presidio") or store.presidio,
        last_sync_at=state(store, "last_sync_at"),
        pending=store.pending_changes(cap=pending_cap),
        rejected=int(count("SELECT count(*) FROM sync_rejections").fetchone()[0]),
        open_conflicts=int(
            count("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[0]
        ),
        held=held.count(store),
        registry_edits=int(
            count(
                "SELECT count(*) FROM sync_registry_edits"
                " WHERE reverted_at IS NULL AND seen_at IS NULL"
            ).fetchone()[0]
        ),
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
    store: Store, *, include_resolved: bool = False, limit: int = 500, masked: bool = False
) -> list[dict[str, Any]]:
    """Concurrent losers, newest first, values decoded from their JSON form.

    ``masked`` (a user without permission to see sensitive content): a conflict on a
    riservato person or a row about her, a sensitive contact or referral (or one of its
    events), a safe-contact instruction or the audit log carries ``hidden`` = 1 and no values
    (a row refused whole holds every column): a colleague with permission decides it.
    """
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    rows = store.query(
        f"SELECT * FROM sync_conflicts {where} ORDER BY detected_at DESC, id LIMIT ?", [limit]
    )
    for row in rows:
        for key in ("winner_value", "loser_value"):
            row[key] = None if row[key] is None else json.loads(row[key])
        row["hidden"] = int(masked and _conflict_hidden(store, row))
        row["owner"] = _owner_elsewhere(store, row)
        if row["hidden"]:
            row["winner_value"] = row["loser_value"] = None
    return rows


def _owner_elsewhere(store: Store, conflict: dict[str, Any]) -> str | None:
    """The other office whose row (enrolment, referral, consent…) ``conflict`` is about,
    or None: only that office reinstates its losing value (SYNC.md §1, class B)."""
    spec = BY_NAME.get(conflict["table_name"])
    if spec is None or spec.sync_class is not SyncClass.OWNED:
        return None
    rows = store.query(f"SELECT presidio FROM {spec.name} WHERE id = ?", [conflict["row_id"]])
    return foreign_owner(store, rows)


#: Tables whose values a user without permission never reads, whoever they are about.
_ALWAYS_HIDDEN = frozenset({"safe_contacts", "audit_log"})


def _conflict_hidden(store: Store, conflict: dict[str, Any]) -> bool:
    """Would ``conflict``'s values show a masked user what lists and cards keep from them?"""
    table = conflict["table_name"]
    if table in _ALWAYS_HIDDEN or table not in BY_NAME:
        return True
    rows = [v for v in (conflict["winner_value"], conflict["loser_value"]) if isinstance(v, dict)]
    rows += store.query(f"SELECT * FROM {table} WHERE id = ?", [conflict["row_id"]])
    if any(row.get("sensitive") for row in rows):
        return True
    people = {conflict["row_id"]} if table == "people" else set()
    people |= {str(row["person_id"]) for row in rows if row.get("person_id")}
    if table == "referral_events":
        referrals = {str(row["referral_id"]) for row in rows if row.get("referral_id")}
        for referral in referrals:
            found = store.query(
                "SELECT sensitive FROM referrals WHERE id = ? AND sensitive = 1", [referral]
            )
            if found:
                return True
    return any(_riservato(store, person) for person in people)


def _riservato(store: Store, person_id: str) -> bool:
    """``person_id`` or the card it was merged into is riservato here."""
    return bool(
        store.query(
            "SELECT 1 FROM people_restricted WHERE person_id = ? OR person_id ="
            " (SELECT merged_into FROM people WHERE id = ?)",
            [person_id, person_id],
        )
    )


def reinstate(store: Store, conflict_id: str) -> dict[str, Any] | None:
    """Make the losing value win again, as a new edit through the journal; marks the conflict
    resolved. For an edit that arrived after a delete, the row is restored too. An office's
    own row (class B: an enrolment, a referral, a consent…) only that office's desk
    reinstates: elsewhere ValidationError ``not_owner``, nothing written."""
    found = store.query("SELECT * FROM sync_conflicts WHERE id = ?", [conflict_id])
    if not found:
        raise KeyError(conflict_id)
    conflict = found[0]
    spec = BY_NAME[conflict["table_name"]]
    if conflict["kind"] == NOT_APPLIED:
        raise ValueError("a row the local schema refused cannot be reinstated as a value")
    if not spec.mutable:
        raise ValueError(f"{spec.name} is insert-only")
    if spec.sync_class is SyncClass.OWNED:  # an office's row: its office reinstates
        rows = store.query(f"SELECT presidio FROM {spec.name} WHERE id = ?", [conflict["row_id"]])
        check_owned(store, rows, "conflict_id")
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


# -- edits other offices made to people registered here (issue 8) ---------------------------
def registry_edits(
    store: Store,
    *,
    person_id: str | None = None,
    open_only: bool = True,
    limit: int = 500,
    masked: bool = False,
) -> list[dict[str, Any]]:
    """Edits by other offices to people this office registered, newest first, with the
    person's name and ``fields`` decoded to ``{field: [before, after]}``.

    ``masked``: an edit of a riservato person carries ``hidden`` = 1, the person masked
    (:func:`casa_desk.store.restricted.mask_row`) and no values (``fields`` empty)."""
    where = ["1 = 1"]
    params: list[Any] = []
    if open_only:
        where.append("e.reverted_at IS NULL AND e.seen_at IS NULL")
    if person_id is not None:
        where.append("e.row_id = ?")
        params.append(person_id)
    rows = store.query(
        "SELECT e.*, p.last_name, p.first_name FROM sync_registry_edits e"
        f" LEFT JOIN people p ON p.id = e.row_id WHERE {' AND '.join(where)}"
        " ORDER BY e.hlc DESC LIMIT ?",
        [*params, limit],
    )
    for row in rows:
        row["fields"] = json.loads(row["fields"])
        row["hidden"] = int(masked and _riservato(store, row["row_id"]))
        if row["hidden"]:
            row.update(last_name=MASK, first_name=None, restricted=1, fields={})
    return rows


def revert_registry_edit(store: Store, change_id: str) -> list[str]:
    """Put back the values another office's edit replaced, as a new winning edit through the
    journal (it reaches that office and every other). A field changed again since that edit
    is left alone. Returns the fields reverted; the edit is closed either way."""
    found = store.query("SELECT * FROM sync_registry_edits WHERE change_id = ?", [change_id])
    if not found:
        raise KeyError(change_id)
    edit = found[0]
    fields: dict[str, list[Any]] = json.loads(edit["fields"])
    person = store.query("SELECT * FROM people WHERE id = ?", [edit["row_id"]])
    clocks = json.loads(person[0]["field_clocks"] or "{}") if person else {}
    made = [int(edit["hlc"]), str(edit["device_id"])]
    back = {
        name: before
        for name, (before, _after) in fields.items()
        if list(clocks.get(name) or clocks.get("*") or []) == made
    }
    with store.transaction() as journal:
        if back and person:
            journal.update("people", edit["row_id"], back)
        store.db.execute(
            "UPDATE sync_registry_edits SET reverted_at = ? WHERE change_id = ?",
            [journal.now(), change_id],
        )
    return sorted(back)


def accept_registry_edit(store: Store, change_id: str) -> None:
    """The edit is right: it leaves the list, nothing else changes."""
    with store.transaction() as journal:
        store.db.execute(
            "UPDATE sync_registry_edits SET seen_at = ? WHERE change_id = ?",
            [journal.now(), change_id],
        )
