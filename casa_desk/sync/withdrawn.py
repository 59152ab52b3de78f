"""A correction of a contact the hub refused because another desk corrected it first.

A contact is insert-only: a correction is a new row that *replaces* the one it amends, and
the current version of a contact is the row no row amends (:mod:`casa_desk.store.current`).
Two desks of one office correcting the same contact apart (one closes its follow-up, the
other fixes its category) would leave two current versions once synced: counted twice in
the reports, shown twice on the card, the closed follow-up open again in the agenda. The
hub sees every change in one order: it takes the first correction and refuses the second
(:data:`~casa_desk.sync.refusals.ALREADY_CORRECTED`, :class:`casa_desk.sync.hub.rules.Links`).

The desk whose correction was refused then withdraws it here, in the transaction that
records the refusal: the row, and any correction of it made since, stays in the store,
marked deleted (kept, not counted: no list, card, agenda or report reads it), so that this
desk too has the winner as the contact's only current version. Nothing is captured: the
hub never held these rows. The Sync page lists the refusal with its reason — the one line
telling the person to correct the current version again.
"""

from __future__ import annotations

import json
from typing import Any

from casa_desk.store.db import Store
from casa_desk.sync import refusals

#: Prefix of the ``sync_applied`` entry that lets a withdrawal through the capture guard.
CHANGE_PREFIX = "withdrawn:contacts:"


def corrected_elsewhere(rejection: dict[str, Any]) -> bool:
    """Whether the hub refused a contact's insert because the contact it corrects was
    already corrected (the code, or the Italian text of an older answer)."""
    if rejection.get("table") != "contacts":
        return False
    found = refusals.recognise(refusals.kept_reason(rejection))
    return found is not None and found[0] == refusals.ALREADY_CORRECTED


def withdraw(store: Store, rejections: list[dict[str, Any]]) -> list[str]:
    """Withdraw this desk's contact corrections that ``rejections`` refused for
    :data:`~casa_desk.sync.refusals.ALREADY_CORRECTED`, with the corrections made of them
    since; returns the ids withdrawn now. Only rows this store inserted and still counts
    are touched, so a refusal heard twice changes nothing. Inside the caller's transaction."""
    return _withdraw(
        store,
        [
            (str(r["change_id"]), str(r["row_id"]))
            for r in rejections
            if r.get("change_id") and r.get("row_id") and corrected_elsewhere(r)
        ],
    )


def withdraw_recorded(store: Store) -> list[str]:
    """:func:`withdraw` for the refusals already recorded: those an earlier version of the
    desk kept without withdrawing anything (the hub was upgraded first), even once the
    outbox has let their changes go. Inside the caller's transaction; one look at
    ``sync_rejections``."""
    reason = refusals.text(refusals.ALREADY_CORRECTED)
    return _withdraw(
        store,
        [
            (str(r[0]), str(r[1]))
            for r in store.db.execute(
                "SELECT change_id, row_id FROM sync_rejections WHERE table_name = 'contacts'"
                " AND reason = ? AND row_id IS NOT NULL",
                [reason],
            )
        ],
    )


def _withdraw(store: Store, refused: list[tuple[str, str]]) -> list[str]:
    """Withdraw the corrections ``refused`` names (change id, row id): a correction this
    device made (``origin``) whose change, while the outbox keeps it, is that row's insert."""
    if not refused:
        return []
    db = store.db
    own = [
        row[0]
        for row in db.execute(
            "SELECT c.id FROM json_each(?) r"
            " JOIN contacts c ON c.id = json_extract(r.value, '$[1]')"
            " WHERE c.amends_id IS NOT NULL AND c.origin = ? AND NOT EXISTS"
            " (SELECT 1 FROM sync_outbox o WHERE o.change_id = json_extract(r.value, '$[0]')"
            " AND NOT (o.row_id = c.id AND o.op = 'insert' AND o.table_name = 'contacts'))",
            [json.dumps(refused), store.device_id],
        )
    ]
    if not own:
        return []
    chain = [
        row[0]
        for row in db.execute(
            "WITH RECURSIVE chain(id) AS (SELECT value FROM json_each(?)"
            " UNION SELECT c.id FROM contacts c JOIN chain ON c.amends_id = chain.id)"
            " SELECT c.id FROM contacts c JOIN chain ON c.id = chain.id WHERE c.deleted = 0"
            " ORDER BY c.id",
            [json.dumps(own)],
        )
    ]
    journal = store.journal
    now = journal.now()
    for row_id in chain:
        hlc = journal.clock.tick()
        change_id = f"{CHANGE_PREFIX}{row_id}:{hlc}"
        journal.record_applied(change_id, "contacts", row_id, hlc, store.device_id)
        db.execute(
            "UPDATE contacts SET deleted = 1, hlc = ?, updated_at = ? WHERE id = ?",
            [hlc, now, row_id],
        )
    return chain


__all__ = ["CHANGE_PREFIX", "corrected_elsewhere", "withdraw", "withdraw_recorded"]
