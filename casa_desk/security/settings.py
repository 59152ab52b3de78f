"""This desk's security settings (kept in the store, set by an administrator, audited).

The idle lock — after how many minutes without input the window hides everything behind a
lock screen (KeePassXC's inactivity timer). Default 5 minutes; 1 to 120.

The offices' phone and e-mail (:func:`set_office_contacts`): every referral letter prints
them as the way to call the office back — and, for a person not to be called at home, as
the only way to reach her — so they are head office's settings like the others
(``MANAGE_SETTINGS``: administrators), not any head-office user's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import AuditAction
from casa_desk.security.permissions import Action

if TYPE_CHECKING:  # annotations only: `casa-desk settings --help` reads the bounds below
    from typing import Any

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


def set_office_contacts(session: Session, code: str, *, phone: str, email: str) -> Any:
    """Set office ``code``'s phone and e-mail (administrators), audited
    ``settings_changed`` (table ``presidi``) in the same transaction; a wrong phone or
    e-mail is refused and nothing changes (:meth:`Directory.set_office_contacts`)."""
    from casa_desk.store.directory import Directory

    session.require(Action.MANAGE_SETTINGS)
    with session.store.transaction() as journal:
        row = Directory(session.store).set_office_contacts(code, phone=phone, email=email)
        session.record(
            journal,
            AuditAction.SETTINGS_CHANGED,
            table="presidi",
            row_id=code,
            reason=f"recapiti del presidio {code}",
        )
    return row
