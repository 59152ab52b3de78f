"""Showing a confidential entry on request: the access is on record before it is on screen.

Used by the person card and the referrals page alike, so "Mostra" means the same thing
everywhere: nothing of a sensitive contact or referral (health, anti-violence) is shown
until the operator asks for that one entry, and every such view is one ``viewed`` row in
``audit_log`` (its own transaction; it reaches head office like any change).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from casa_desk.store import audit
from casa_desk.ui.context import DeskContext
from casa_desk.ui.operations import StoreOp


def reveal(
    context: DeskContext,
    table: str,
    row_id: str,
    shown: Callable[[], None],
    parent: QWidget | None = None,
) -> bool:
    """Record that the operator views ``table``/``row_id``, then call ``shown``.

    Refused (False, nothing recorded or shown) to an operator without the right to see
    sensitive data; a failed write shows its message and shows nothing.
    """
    if not context.may_see_sensitive:
        return False
    store = context.store

    def record_view() -> None:  # nothing is shown unless the access is on record
        with store.transaction() as journal:
            audit.record(
                journal,
                "viewed",
                who=context.operator,
                presidio=context.presidio,
                table=table,
                row_id=row_id,
            )

    return (
        StoreOp(context.bus, record_view, changed="audit_log", parent=parent)
        .success(lambda _none: shown())
        .run()
    )
