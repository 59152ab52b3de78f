"""Consents: what a person agreed to share, with whom, until when (GDPR art. 6/9).

Purposes are ``registry`` (being in the office's records) and ``referral:<service_id>``
(sharing data with one service). A consent is *live* on a day when it was given on or before
it, is not withdrawn, and has not expired. Withdrawing stops pending referrals from being
sent, because sending checks for a live consent at that moment.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import ValidationError
from casa_desk.models.timeutil import today_rome, utc_now_text
from casa_desk.store.db import Store

REGISTRY = "registry"
INFORMATIVA_VERSION = "2026-01"


def referral_purpose(service_id: str) -> str:
    return f"referral:{service_id}"


def live_consent(
    db: Database, person_id: str, purpose: str, *, on: date | None = None
) -> dict[str, Any] | None:
    """The most recent live consent of ``person_id`` for ``purpose`` on day ``on``."""
    day = (on or today_rome()).isoformat()
    rows = list(
        db.query(
            "SELECT * FROM consents WHERE person_id = ? AND purpose = ? AND deleted = 0"
            " AND given_at IS NOT NULL AND substr(given_at, 1, 10) <= ?"
            " AND withdrawn_at IS NULL AND (expires_on IS NULL OR expires_on >= ?)"
            " ORDER BY given_at DESC LIMIT 1",
            [person_id, purpose, day, day],
        )
    )
    return rows[0] if rows else None


def consent_state(row: dict[str, Any], today: date, soon_days: int = 30) -> str:
    """``given``, ``expiring`` (within ``soon_days``), ``expired`` or ``withdrawn``."""
    if row.get("withdrawn_at"):
        return "withdrawn"
    expires = row.get("expires_on")
    if expires and expires < today.isoformat():
        return "expired"
    if expires and (date.fromisoformat(expires) - today).days <= soon_days:
        return "expiring"
    return "given"


class Consents:
    def __init__(self, store: Store) -> None:
        self.store = store

    def give(
        self,
        person_id: str,
        purpose: str,
        *,
        text: str,
        presidio: str,
        operator: str,
        expires_on: date | None = None,
        version: str = INFORMATIVA_VERSION,
    ) -> dict[str, Any]:
        if not text.strip():
            raise ValidationError("Riportare il testo del consenso.", field="text", code="required")
        with self.store.transaction() as journal:
            return journal.insert(
                "consents",
                {
                    "person_id": person_id,
                    "purpose": purpose,
                    "informativa_version": version,
                    "text": text.strip(),
                    "given_at": utc_now_text(),
                    "expires_on": expires_on.isoformat() if expires_on else None,
                    "operator": operator,
                },
                presidio=presidio,
            )

    def withdraw(self, consent_id: str) -> None:
        with self.store.transaction() as journal:
            journal.update("consents", consent_id, {"withdrawn_at": utc_now_text()})

    def for_person(self, person_id: str) -> list[dict[str, Any]]:
        """Every consent of the person (live and not), with the service name for referrals."""
        return self.store.query(
            "SELECT c.*, s.name AS service_name FROM consents c LEFT JOIN services s"
            " ON c.purpose = 'referral:' || s.id WHERE c.person_id = ? AND c.deleted = 0"
            " ORDER BY c.given_at DESC",
            [person_id],
        )
