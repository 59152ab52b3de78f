"""The audit trail: who saw, changed, printed or exported what, and when. Append-only.

Entries name rows by id only, never by content, so the trail itself leaks nothing.
"""

from __future__ import annotations

from typing import Any

from casa_desk.models.timeutil import utc_now_text
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
) -> dict[str, Any]:
    """Append one entry; call inside the transaction of the action it records."""
    return journal.insert(
        "audit_log",
        {
            "at": utc_now_text(),
            "who": who,
            "action": AuditAction(action).value,
            "table_name": table or None,
            "row_id": row_id or None,
            "reason": reason or None,
        },
        presidio=presidio,
    )
