"""This desk's security settings (kept in the store, set by an administrator, audited).

Today one: the idle lock — after how many minutes without input the window hides everything
behind a lock screen (KeePassXC's inactivity timer). Default 5 minutes; 1 to 120.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import AuditAction
from casa_desk.security.permissions import Action

if TYPE_CHECKING:  # annotations only: `casa-desk settings --help` reads the bounds below
    from casa_desk.security.access import Session
    from casa_desk.store.db import Store

LOCK_MINUTES_KEY = "lock_minutes"
DEFAULT_LOCK_MINUTES = 5
MIN_LOCK_MINUTES = 1
MAX_LOCK_MINUTES = 120


def lock_minutes(store: Store) -> int:
    """Minutes without input before the window locks (anyone may read it)."""
    text = store.meta(LOCK_MINUTES_KEY)
    try:
        value = int(text) if text else DEFAULT_LOCK_MINUTES
    except ValueError:
        return DEFAULT_LOCK_MINUTES
    return min(max(value, MIN_LOCK_MINUTES), MAX_LOCK_MINUTES)


def set_lock_minutes(session: Session, minutes: int) -> int:
    """Set the idle lock (administrators); returns the value before. Audited
    ``settings_changed`` with ``lock_minutes: old → new``."""
    session.require(Action.MANAGE_SETTINGS)
    if not MIN_LOCK_MINUTES <= minutes <= MAX_LOCK_MINUTES:
        raise ValidationError(
            f"I minuti di blocco vanno da {MIN_LOCK_MINUTES} a {MAX_LOCK_MINUTES}.",
            field="lock_minutes",
            code="lock_minutes_invalid",
        )
    before = lock_minutes(session.store)
    with session.store.transaction() as journal:
        session.store.set_meta(LOCK_MINUTES_KEY, str(minutes))
        session.record(
            journal,
            AuditAction.SETTINGS_CHANGED,
            table="casa_meta",
            row_id=LOCK_MINUTES_KEY,
            reason=f"{LOCK_MINUTES_KEY}: {before} → {minutes}",
        )
    return before
