"""Referrals and their events: create, step through the state machine, list, fold status.

A referral's status is the fold of its events (models.referrals); the local table
``referral_status`` caches the fold for fast lists and is rebuilt from events whenever they
change — locally here, or after sync applies remote events (:func:`refresh_statuses`).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import ConsentError, TransitionError, ValidationError
from casa_desk.models.esf import FIRST_ESF_DAY
from casa_desk.models.referrals import (
    OPEN_STATES,
    USER_EVENTS,
    Event,
    EventKind,
    Folded,
    Status,
    fold,
    next_status,
)
from casa_desk.models.timeutil import today_rome, utc_now_text
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS, Urgency
from casa_desk.store import consents
from casa_desk.store.db import Store
from casa_desk.store.restricted import name_columns, restricted_sql

#: Orders of :meth:`Referrals.list_page`: newest first, or by due date (no date last).
ORDERS = {
    "created_desc": "r.created_at DESC, r.id DESC",
    "created_asc": "r.created_at ASC, r.id ASC",
    "due_asc": "r.due_on IS NULL, r.due_on ASC, r.created_at DESC, r.id DESC",
    "due_desc": "r.due_on IS NULL, r.due_on DESC, r.created_at DESC, r.id DESC",
}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_EVENT_TIME_COLUMN = {
    EventKind.SENT: "sent_at",
    EventKind.TAKEN_IN_CHARGE: "taken_at",
    EventKind.CLOSED: "closed_at",
}


#: The reason shown for a referral held without a note (an older office's event).
HELD_NOTE = "Consenso revocato"


def refresh_statuses(db: Database, referral_ids: Iterable[str] | None = None) -> int:
    """Recompute the cached status of the given referrals (all when None); returns the count.

    Writes only the local, unsynced ``referral_status`` table.
    """
    if referral_ids is None:
        rows = db.execute(
            "SELECT referral_id, id, event, at, hlc, origin, note FROM referral_events"
            " WHERE deleted = 0"
        ).fetchall()
    else:
        ids = list(referral_ids)
        rows = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows += db.execute(
                "SELECT referral_id, id, event, at, hlc, origin, note FROM referral_events "
                f"WHERE deleted = 0 AND referral_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
    by_referral: dict[str, list[tuple[str, str, str, int, str]]] = defaultdict(list)
    notes: dict[str, str | None] = {}
    for referral_id, event_id, kind, at, hlc, origin, note in rows:
        by_referral[referral_id].append((event_id, kind, at, hlc, origin))
        if kind == EventKind.HELD:
            notes[event_id] = note
    now = utc_now_text()
    cached = []
    for referral_id, events in by_referral.items():
        folded = fold(
            Event(kind, (hlc, origin), event_id) for event_id, kind, _, hlc, origin in events
        )
        times = _last_times(events, folded)
        cached.append(
            (
                referral_id,
                folded.status.value if folded.status else None,
                ",".join(folded.flagged) or None,
                times.get("sent_at"),
                times.get("taken_at"),
                times.get("closed_at"),
                now,
                int(folded.held),
                (notes.get(folded.held_event) or HELD_NOTE) if folded.held else None,
            )
        )
    db.conn.executemany(
        "INSERT INTO referral_status (referral_id, status, flagged, sent_at, taken_at, closed_at,"
        " updated_at, held, held_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (referral_id) DO UPDATE SET"
        " status = excluded.status, flagged = excluded.flagged, sent_at = excluded.sent_at,"
        " taken_at = excluded.taken_at, closed_at = excluded.closed_at,"
        " updated_at = excluded.updated_at, held = excluded.held,"
        " held_reason = excluded.held_reason",
        cached,
    )
    return len(cached)


def _last_times(events: list[tuple[str, str, str, int, str]], folded: Folded) -> dict[str, str]:
    """When the referral was last sent / taken in charge / closed (legal events only)."""
    flagged = set(folded.flagged)
    times: dict[str, str] = {}
    for event_id, kind, at, _hlc, _origin in sorted(events, key=lambda e: (e[3], e[4], e[0])):
        column = _EVENT_TIME_COLUMN.get(kind)  # type: ignore[call-overload]
        if column and event_id not in flagged:
            times[column] = at
    return times


#: ``held`` (1: on hold today — a held event, or a consent withdrawn or expired since it was
#: sent) and ``held_reason`` (the held event's note) of a listed referral ``r``/``s``; the
#: date rule is :func:`casa_desk.store.consents.hold_of`'s, in SQL with today's Rome date.
def _held_columns(day: date | None = None) -> str:
    literal = f"'{(day or today_rome()).isoformat()}'"  # a date we format: no user text
    return (
        "CASE WHEN s.status IN ('bozza', 'inviata', 'presa_in_carico') AND"
        " (coalesce(s.held, 0) = 1 OR (r.consent_id IS NOT NULL AND NOT "
        + consents.live_sql("r.person_id", "'referral:' || r.service_id", literal)
        + ")) THEN 1 ELSE 0 END AS held, s.held_reason"
    )


class Referrals:
    """Referral operations for one office's store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(
        self,
        *,
        person_id: str,
        service_id: str,
        reason: str,
        presidio: str,
        by: str,
        urgency: str = Urgency.NORMAL,
        due_on: date | None = None,
        contact_id: str | None = None,
        request: str = "",
        sensitive: bool = False,
    ) -> dict[str, Any]:
        """A new referral in ``bozza``; sensitive when the service kind or the contact is."""
        if not reason.strip():
            raise ValidationError(
                "Indicare il motivo della segnalazione.", field="reason", code="required"
            )
        if urgency not in {u.value for u in Urgency}:
            raise ValidationError("Urgenza non valida.", field="urgency", code="urgency_invalid")
        if due_on is not None and due_on < FIRST_ESF_DAY:  # a year typed as 1026 or 1900
            raise ValidationError(
                "La scadenza non può essere precedente al 1° gennaio 2014.",
                field="due_on",
                code="date_too_old",
            )
        service = self._service(service_id)
        if not service["active"]:
            raise ValidationError(
                "Il servizio non è attivo.", field="service_id", code="service_inactive"
            )
        contact_sensitive = False
        if contact_id:
            row = self.store.db.execute(
                "SELECT sensitive FROM contacts WHERE id = ?", [contact_id]
            ).fetchone()
            contact_sensitive = bool(row and row[0])
        with self.store.transaction() as journal:
            number = self._next_number(presidio)
            referral = journal.insert(
                "referrals",
                {
                    "number": number,
                    "person_id": person_id,
                    "contact_id": contact_id,
                    "service_id": service_id,
                    "reason": reason.strip(),
                    "request": request.strip() or None,
                    "urgency": urgency,
                    "due_on": due_on.isoformat() if due_on else None,
                    "sensitive": int(
                        sensitive or contact_sensitive or service["kind"] in SENSITIVE_SERVICE_KINDS
                    ),
                },
                presidio=presidio,
            )
            self._event(referral, EventKind.CREATED, by=by, note="")
        return referral

    def step(
        self,
        referral_id: str,
        event: EventKind | str,
        *,
        by: str,
        note: str = "",
        today: date | None = None,
    ) -> Status:
        """Take one step (send, take in charge, close, refuse, cancel, reopen).

        Refused steps raise TransitionError; sending needs a live consent for the service
        (ConsentError says why not).
        """
        kind = EventKind(event)
        if kind not in USER_EVENTS:
            raise TransitionError(
                "Sospensione e ripresa seguono il consenso della persona.", code="transition_hold"
            )
        referral = self.get(referral_id)
        next_status(self.status(referral_id), kind)  # raises TransitionError with the reason
        consent = None
        if kind in (EventKind.SENT, EventKind.REOPENED):
            consent = consents.live_consent(
                self.store.db,
                referral["person_id"],
                consents.referral_purpose(referral["service_id"]),
                on=today,
            )
            if consent is None:
                raise ConsentError(
                    "Manca un consenso valido della persona a condividere i dati con questo "
                    "servizio: registrarlo prima di inviare la segnalazione.",
                    code="consent_missing",
                )
        with self.store.transaction() as journal:  # the consent used and the step: together
            if consent is not None and referral["consent_id"] != consent["id"]:
                journal.update("referrals", referral_id, {"consent_id": consent["id"]})
            if consent is not None and self._held(referral_id):  # given elsewhere: resume
                self._event(referral, EventKind.RESUMED, by=by, note="nuovo consenso")
            self._event(referral, kind, by=by, note=note)
        return self.status(referral_id)  # type: ignore[return-value]

    def follow_consent(
        self, person_id: str, service_id: str, *, held: bool, by: str, note: str = ""
    ) -> int:
        """Hold (``held``) or resume this office's open referrals of ``person_id`` to
        ``service_id`` after their consent was withdrawn or given again; returns how many.
        Only referrals sent with a consent: a draft has shared nothing yet, and sending it
        asks for a live consent anyway.
        Referrals of another office are theirs to hold (its events are its own); until then
        the date rule of :func:`casa_desk.store.consents.hold_of` holds them everywhere."""
        rows = self.store.query(
            "SELECT r.* FROM referrals r JOIN referral_status s ON s.referral_id = r.id"
            " WHERE r.person_id = ? AND r.service_id = ? AND r.deleted = 0 AND r.presidio = ?"
            " AND r.consent_id IS NOT NULL"
            f" AND s.status IN ({','.join('?' * len(OPEN_STATES))}) AND coalesce(s.held, 0) = ?",
            [
                person_id,
                service_id,
                self.store.presidio,
                *(s.value for s in OPEN_STATES),
                0 if held else 1,
            ],
        )
        kind = EventKind.HELD if held else EventKind.RESUMED
        with self.store.transaction():
            for referral in rows:
                self._event(
                    referral, kind, by=by, note=note or ("nuovo consenso" if not held else "")
                )
        return len(rows)

    def hold(self, referral_id: str, *, today: date | None = None) -> consents.Hold | None:
        """Why the referral is on hold today (withdrawn or expired consent), or None."""
        return consents.hold_of(self.store.db, self.get(referral_id), on=today)

    def _event(self, referral: dict[str, Any], kind: EventKind, *, by: str, note: str) -> None:
        self.store.journal.insert(
            "referral_events",
            {
                "referral_id": referral["id"],
                "event": kind.value,
                "at": utc_now_text(),
                "by": by,
                "note": note.strip() or None,
            },
            presidio=referral["presidio"],
            scope=referral["scope"],
        )
        refresh_statuses(self.store.db, [referral["id"]])

    # -- reading ------------------------------------------------------------------------
    def numbered(self, number: str, *, include_sensitive: bool = True) -> list[dict[str, Any]]:
        """The referrals shown with display ``number`` (``SS-2026-000123``, any case): id,
        office and creation time, oldest first; sensitive ones only with
        ``include_sensitive``, as the window's list. A number is not a key: each desk counts
        its own (:meth:`_next_number`), so two desks of an office, or two offices whose codes
        start alike, may have given out the same one."""
        sensitive = "" if include_sensitive else " AND sensitive = 0"
        return self.store.query(
            "SELECT id, presidio, created_at FROM referrals WHERE upper(number) = ? "
            f"AND deleted = 0{sensitive} ORDER BY created_at, id",
            [number.strip().upper()],
        )

    def get(self, referral_id: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM referrals WHERE id = ?", [referral_id])
        if not rows:
            raise ValidationError("Segnalazione non trovata.", code="not_found")
        return rows[0]

    def _held(self, referral_id: str) -> bool:
        row = self.store.db.execute(
            "SELECT held FROM referral_status WHERE referral_id = ?", [referral_id]
        ).fetchone()
        return bool(row and row[0])

    def status(self, referral_id: str) -> Status | None:
        row = self.store.db.execute(
            "SELECT status FROM referral_status WHERE referral_id = ?", [referral_id]
        ).fetchone()
        return Status(row[0]) if row and row[0] else None

    def events(self, referral_id: str) -> list[dict[str, Any]]:
        return self.store.query(
            "SELECT * FROM referral_events WHERE referral_id = ? AND deleted = 0 "
            "ORDER BY hlc, origin, id",
            [referral_id],
        )

    def list(
        self,
        *,
        presidio: str | None = None,
        statuses: Iterable[str] | None = None,
        person_id: str | None = None,
        limit: int = 500,
        offset: int = 0,
        masked: bool = False,
    ) -> builtins.list[dict[str, Any]]:
        """Referrals with status, service and person names; newest first (``offset`` pages
        them for lazy lists). ``masked`` (a user without permission to see sensitive
        content): no sensitive referral, riservato people's names masked
        (:mod:`casa_desk.store.restricted`)."""
        where, params = ["r.deleted = 0"], []
        if masked:
            where.append("r.sensitive = 0")
        if presidio:
            where.append("r.presidio = ?")
            params.append(presidio)
        if person_id:
            where.append("r.person_id = ?")
            params.append(person_id)
        if statuses is not None:
            wanted = list(statuses)
            where.append(f"s.status IN ({','.join('?' * len(wanted))})")
            params += wanted
        return self.store.query(
            "SELECT r.*, s.status, s.flagged, s.sent_at, s.taken_at, s.closed_at,"
            f" {_held_columns()},"
            " sv.name AS service_name, sv.kind AS service_kind,"
            f" {name_columns('p', masked=masked)} FROM referrals r"
            " LEFT JOIN referral_status s ON s.referral_id = r.id"
            " LEFT JOIN services sv ON sv.id = r.service_id"
            " LEFT JOIN people p ON p.id = r.person_id"
            f" WHERE {' AND '.join(where)}"
            " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def list_page(
        self,
        *,
        presidio: str | None = None,
        statuses: Iterable[str] | None = None,
        due_before: date | None = None,
        text: str = "",
        order: str = "created_desc",
        limit: int = 200,
        offset: int = 0,
        masked: bool = False,
    ) -> builtins.list[dict[str, Any]]:
        """One page of :meth:`list` for lazy tables (``due_before``: due before that day;
        ``masked`` as for :meth:`list`).

        ``text`` keeps referrals whose number, person's surname or name, or — for referrals
        that are not sensitive — service name contains it (a sensitive referral is never
        found by its service: the list would tell what the person faces). ``order`` is one
        of :data:`ORDERS`. The page's ids are chosen first and only then joined to names and
        services, so the sort carries ids instead of whole rows: ~0.1 s instead of ~0.6 s
        for the first page of 20,000 open referrals.
        """
        where, params = ["r.deleted = 0"], []
        joins = ""
        if masked:
            where.append("r.sensitive = 0")
        if presidio:
            where.append("r.presidio = ?")
            params.append(presidio)
        if due_before is not None:
            where.append("r.due_on < ?")
            params.append(due_before.isoformat())
        if statuses is not None:
            wanted = list(statuses)
            where.append(f"s.status IN ({','.join('?' * len(wanted))})")
            params += wanted
        if text.strip():
            joins = (
                " LEFT JOIN people p ON p.id = r.person_id"
                " LEFT JOIN services sv ON sv.id = r.service_id"
            )
            like = f"%{_escape_like(text.strip())}%"
            # A masked list never finds a riservato person by name: the match would tell it.
            named = f"NOT {restricted_sql('p')} AND " if masked else ""
            where.append(
                f"(r.number LIKE ? ESCAPE '\\' OR ({named}(p.last_name LIKE ? ESCAPE '\\'"
                " OR p.first_name LIKE ? ESCAPE '\\'))"
                " OR (coalesce(r.sensitive, 0) = 0 AND sv.name LIKE ? ESCAPE '\\'))"
            )
            params += [like] * 4
        sort = ORDERS[order]
        page = (
            "SELECT r.id FROM referrals r LEFT JOIN referral_status s ON s.referral_id = r.id"
            f"{joins} WHERE {' AND '.join(where)} ORDER BY {sort} LIMIT ? OFFSET ?"
        )
        return self.store.query(
            "SELECT r.*, s.status, s.flagged, s.sent_at, s.taken_at, s.closed_at,"
            f" {_held_columns()},"
            " sv.name AS service_name, sv.kind AS service_kind,"
            f" {name_columns('p', masked=masked)}"
            f" FROM ({page}) page JOIN referrals r ON r.id = page.id"
            " LEFT JOIN referral_status s ON s.referral_id = r.id"
            " LEFT JOIN services sv ON sv.id = r.service_id"
            " LEFT JOIN people p ON p.id = r.person_id"
            f" ORDER BY {sort}",
            [*params, limit, offset],
        )

    def overdue(
        self, presidio: str, today: date, *, limit: int = 500, masked: bool = False
    ) -> builtins.list[dict[str, Any]]:
        """Open referrals past their due date (filtered in SQL, newest first)."""
        return self.list_page(
            presidio=presidio,
            statuses=[s.value for s in OPEN_STATES],
            due_before=today,
            limit=limit,
            masked=masked,
        )

    def _service(self, service_id: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM services WHERE id = ? AND deleted = 0", [service_id])
        if not rows:
            raise ValidationError("Servizio non trovato.", field="service_id", code="not_found")
        return rows[0]

    def _next_number(self, presidio: str) -> str:
        """Display number ``SS-2026-000123``: per office and year, never used as a key.

        The counter lives in the local ``casa_meta`` (not synced): numbers are for people to
        quote on the phone, ids are what sync relies on.
        """
        prefix = "".join(part[0] for part in presidio.split("-"))[:2].upper()
        if len(prefix) < 2:
            prefix = presidio[:2].upper()
        key = f"referral_seq:{prefix}-{utc_now_text()[:4]}"
        row = self.store.db.execute("SELECT value FROM casa_meta WHERE key = ?", [key]).fetchone()
        if row is None:  # first referral of the year here: continue after any synced ones
            row = self.store.db.execute(
                "SELECT count(*) FROM referrals WHERE presidio = ? AND number LIKE ?",
                [presidio, f"{key.split(':')[1]}-%"],
            ).fetchone()
        value = int(row[0]) + 1
        self.store.db.execute(
            "INSERT INTO casa_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
            " SET value = excluded.value",
            [key, str(value)],
        )
        return f"{key.split(':')[1]}-{value:06d}"
