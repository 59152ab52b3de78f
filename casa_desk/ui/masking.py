"""Riservato people in the window's lists, for a user without permission to see sensitive
content (``DeskContext.masked``).

The store's list queries mask in SQL (``masked=True``: no name, codice fiscale, phone or
address leaves SQLite; ``last_name`` reads :data:`~casa_desk.store.restricted.MASK`). The few
lists built from rows read in full (household, possible duplicates, ESF follow-ups) pass
through :func:`mask_people`. Either way the window shows the translated "Persona riservata"
(:func:`masked_name`), and opening the card asks for a reason (:mod:`casa_desk.ui.break_glass`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casa_desk.store.restricted import MASK, mask_row, restricted_among
from casa_desk.ui.context import DeskContext

MASK_TEXT = QT_TRANSLATE_NOOP("Vocab", "Persona riservata")


def is_masked(row: dict[str, Any]) -> bool:
    """A row the store masked (riservato person, user without permission)."""
    return (
        bool(row.get("restricted")) and row.get("last_name") == MASK and not row.get("first_name")
    )


def masked_name() -> str:
    return QCoreApplication.translate("Vocab", MASK_TEXT)


def full_name(row: dict[str, Any]) -> str:
    """``Surname Name``, or "Persona riservata" for a masked row."""
    if is_masked(row):
        return masked_name()
    return " ".join(str(p) for p in (row.get("last_name"), row.get("first_name")) if p)


def mask_people(
    context: DeskContext, rows: Iterable[dict[str, Any]], key: str = "id"
) -> list[dict[str, Any]]:
    """``rows`` (people read in full; ``key`` holds the person's id) with riservato people
    masked when this user may not see them."""
    rows = list(rows)
    if not context.masked or not rows:
        return rows
    hidden = restricted_among(context.store.db, [r[key] for r in rows if r.get(key)])
    return [mask_row(r) | {key: r[key]} if r.get(key) in hidden else r for r in rows]
