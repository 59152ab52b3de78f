"""Consents: what a person agreed to share, with whom, until when (GDPR art. 6/9).

Purposes are ``registry`` (being in the office's records) and ``referral:<service_id>``
(sharing data with one service). A consent is *live* on a day when it was given on or before
it, is not withdrawn, and has not expired. Withdrawing stops pending referrals from being
sent, because sending checks for a live consent at that moment.

Issue 11's lifecycle: withdrawing a ``referral:<service>`` consent also puts this office's open
referrals to that service **on hold** — a ``held`` referral event, synced, whose note is the
reason every office shows — and giving a new consent resumes them (``resumed``). Expiry is
evaluated at read time, by date: an expired consent behaves exactly like a withdrawn one
(:func:`hold_of`), without a background job, so a desk that has been offline for a month is
right too. Referrals of another office are held there by the same date rule until that
office's own events arrive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import ValidationError
from casa_desk.models.timeutil import format_date, today_rome, utc_now_text
from casa_desk.store.db import Store
from casa_desk.store.restricted import name_columns

REGISTRY = "registry"
INFORMATIVA_VERSION = "2026-01"


def referral_purpose(service_id: str) -> str:
    return f"referral:{service_id}"


def live_sql(person: str, purpose: str, day: str) -> str:
    """SQL true when a live consent exists for ``person``/``purpose`` (SQL expressions) on
    ``day`` (a parameter placeholder or literal): the same rule as :func:`live_consent`."""
    return (
        f"EXISTS (SELECT 1 FROM consents lc WHERE lc.person_id = {person}"
        f" AND lc.purpose = {purpose} AND lc.deleted = 0 AND lc.given_at IS NOT NULL"
        f" AND substr(lc.given_at, 1, 10) <= {day} AND lc.withdrawn_at IS NULL"
        f" AND (lc.expires_on IS NULL OR lc.expires_on >= {day}))"
    )


@dataclass(frozen=True)
class Hold:
    """Why a referral is on hold: ``code`` for the UI (``withdrawn``, ``expired``,
    ``held``), ``reason`` the Italian line the CLI prints and the letter refusal names."""

    code: str
    reason: str


def hold_of(db: Database, referral: dict[str, Any], *, on: date | None = None) -> Hold | None:
    """Whether ``referral`` (a row of ``referrals``) is on hold on day ``on``, and why.

    On hold: its status is open and either a ``held`` event is not yet resumed, or it was
    sent with a consent (``consent_id``) and no consent for its service is live today —
    withdrawn or expired, the same thing. A draft never sent needs a consent to be sent,
    which is the ordinary path, not a hold."""
    day = on or today_rome()
    row = db.execute(
        "SELECT status, held, held_reason FROM referral_status WHERE referral_id = ?",
        [referral["id"]],
    ).fetchone()
    if row is None or row[0] not in ("bozza", "inviata", "presa_in_carico"):
        return None
    purpose = referral_purpose(referral["service_id"])
    if referral.get("consent_id") and not live_consent(db, referral["person_id"], purpose, on=day):
        last = list(
            db.query(
                "SELECT withdrawn_at, expires_on FROM consents WHERE person_id = ? AND purpose = ?"
                " AND deleted = 0 ORDER BY given_at DESC LIMIT 1",
                [referral["person_id"], purpose],
            )
        )
        if last and last[0]["withdrawn_at"]:
            when = format_date(last[0]["withdrawn_at"][:10])
            return Hold("withdrawn", f"Sospesa: consenso revocato il {when}.")
        if last and last[0]["expires_on"]:
            return Hold(
                "expired", f"Sospesa: consenso scaduto il {format_date(last[0]['expires_on'])}."
            )
        return Hold("withdrawn", "Sospesa: manca il consenso.")
    if row[1]:
        return Hold("held", f"Sospesa: {row[2] or 'consenso revocato'}.")
    return None


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
        if expires_on is not None and expires_on < today_rome():
            raise ValidationError(
                "La scadenza del consenso è già passata.", field="expires_on", code="expired"
            )
        with self.store.transaction() as journal:
            row = journal.insert(
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
            if purpose.startswith("referral:"):
                from casa_desk.store.referrals import Referrals  # referrals imports us

                Referrals(self.store).follow_consent(
                    person_id, purpose.split(":", 1)[1], held=False, by=operator
                )
            return row

    def withdraw(self, consent_id: str, *, by: str = "") -> int:
        """Withdraw the consent; for a referral consent, this office's open referrals to that
        service go on hold (returns how many), with the reason every office will show."""
        rows = self.store.query("SELECT * FROM consents WHERE id = ?", [consent_id])
        if not rows:
            raise ValidationError("Consenso non trovato.", code="not_found")
        consent = rows[0]
        with self.store.transaction() as journal:
            journal.update("consents", consent_id, {"withdrawn_at": utc_now_text()})
            if not consent["purpose"].startswith("referral:"):
                return 0
            from casa_desk.store.referrals import Referrals  # referrals imports us

            return Referrals(self.store).follow_consent(
                consent["person_id"],
                consent["purpose"].split(":", 1)[1],
                held=True,
                by=by or consent.get("operator") or "",
                note=f"consenso revocato il {format_date(today_rome())}",
            )

    def expiring(
        self, presidio: str, today: date, *, within: int = 30, masked: bool = False
    ) -> list[dict[str, Any]]:
        """Live consents of this office that expire within ``within`` days (the agenda's
        list), soonest first, with the person's name (masked for riservato people when
        ``masked``) and the service's. An expired one is not listed: it already holds."""
        return self.store.query(
            "SELECT c.id, c.person_id, c.purpose, c.expires_on, c.informativa_version,"
            f" s.name AS service_name, {name_columns('p', masked=masked)}"
            " FROM consents c JOIN people p ON p.id = c.person_id"
            " LEFT JOIN services s ON c.purpose = 'referral:' || s.id"
            " WHERE c.presidio = ? AND c.deleted = 0 AND c.withdrawn_at IS NULL"
            " AND c.expires_on IS NOT NULL AND c.expires_on BETWEEN ? AND ?"
            " AND p.deleted = 0 ORDER BY c.expires_on, c.id",
            [presidio, today.isoformat(), (today + timedelta(days=within)).isoformat()],
        )

    def for_person(self, person_id: str) -> list[dict[str, Any]]:
        """Every consent of the person (live and not), with the service name for referrals."""
        return self.store.query(
            "SELECT c.*, s.name AS service_name FROM consents c LEFT JOIN services s"
            " ON c.purpose = 'referral:' || s.id WHERE c.person_id = ? AND c.deleted = 0"
            " ORDER BY c.given_at DESC",
            [person_id],
        )
