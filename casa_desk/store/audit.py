"""The audit trail: who saw, changed, printed or exported what, and when. Append-only.

Entries name rows by id only, never by content, so the trail itself leaks nothing (the one
free text is a break-glass reason, typed by the user who opened the card). ``who`` is always
an authenticated username: callers take it from their
:class:`~casa_desk.security.access.Session`, never from a typed name. Rows are insert-only
(the journal refuses updates of facts, and a trigger refuses any UPDATE) and sync to the
office's scope, so head office receives them.
"""

from __future__ import annotations

from typing import Any

from casa_desk.models.vocab import AuditAction
from casa_desk.store.journal import Journal


def record(
    journal: Journal,
    action: AuditAction | str,
    *,
    who: str,
    presidio: str,
    table: str = "",
    row_id: str = "",
    reason: str = "",
    at: str | None = None,
) -> dict[str, Any]:
    """Append one entry; call inside the transaction of the action it records. ``at``: when
    it happened, if not now (a failed login kept until the next login could write it)."""
    return journal.insert(
        "audit_log",
        {
            "at": at or journal.now(),
            "who": who,
            "action": AuditAction(action).value,
            "table_name": table or None,
            "row_id": row_id or None,
            "reason": reason or None,
        },
        presidio=presidio,
    )
