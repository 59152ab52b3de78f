"""Showing a confidential entry on request: the access is on record before it is on screen.

Used by the person card and the referrals page alike, so "Mostra" means the same thing
everywhere: nothing of a sensitive contact or referral (health, anti-violence) is shown
until the user asks for that one entry, and every such view is one ``viewed`` row in
``audit_log`` in the logged-in user's name (:meth:`Session.reveal`, which also refuses a
user without permission to see sensitive content).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from casa_desk.ui.context import DeskContext
from casa_desk.ui.operations import StoreOp


def reveal(
    context: DeskContext,
    table: str,
    row_id: str,
    shown: Callable[[], None],
    parent: QWidget | None = None,
) -> bool:
    """Record that the user views ``table``/``row_id``, then call ``shown``.

    Refused (False, nothing recorded or shown) without a logged-in user allowed to see
    sensitive content; a failed write shows its message and shows nothing.
    """
    session = context.session
    if session is None or context.masked or session.masked:
        return False
    return (
        StoreOp(
            context.bus,
            lambda: session.reveal(table, row_id),
            changed="audit_log",
            parent=parent,
        )
        .success(lambda _none: shown())
        .run()
    )
