"""Contacts: the log of who came, called or was visited, and what was done.

Insert-only (SYNC.md class A): a correction is a new row with ``amends_id`` pointing at the
row it replaces, so two offices can never overwrite each other's log. Removing a contact is an
amendment too, one marked deleted. The *current* version of a contact is a row that is not
deleted and that no row amends (a correction or a removal); that one SQL condition
(:mod:`casa_desk.store.current`) serves the store's lists, search, the agenda and the monthly
report. Marking a follow-up done is a correction too. Only the contact's office corrects
or removes it (:mod:`casa_desk.store.ownership`): head office reads every office's contacts
and corrects its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.esf import FIRST_ESF_DAY
from casa_desk.models.timeutil import ROME, parse_utc_text, to_utc_text, utc_now_text
from casa_desk.models.vocab import Channel, Outcome
from casa_desk.store import safe_contact
from casa_desk.store.current import CURRENT
from casa_desk.store.db import Store
from casa_desk.store.ownership import check_owned
from casa_desk.store.restricted import name_columns, restricted_sql
from casa_desk.store.tables import CONTACTS

MAX_MINUTES = 8 * 60
#: No contact, follow-up or due date before the offices' first programme began (a year
#: typed as 1026 or 1900): the ESF entry's bound (casa_desk.store.participants).
FIRST_DAY = FIRST_ESF_DAY


def clean_contact(  # noqa: PLR0912 - one check per field, read top to bottom
    values: dict[str, Any], categories: dict[str, bool], *, kept: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Check a contact's fields; ``categories`` maps active category codes to sensitivity.

    ``kept``: the row a correction amends. Its dates, left as they were, are not judged
    again: a contact recorded before a rule, or synced as it came (another office's
    ``2026-11-31``), can still have its summary corrected or its follow-up marked done."""
    out = {k: v for k, v in values.items() if k in CONTACTS.columns}
    channel = out.get("channel") or Channel.DESK.value
    if channel not in {c.value for c in Channel}:
        raise ValidationError("Canale non valido.", field="channel", code="channel_invalid")
    out["channel"] = channel
    category = out.get("category")
    if category not in categories:
        raise ValidationError(
            "Scegliere un argomento dall'elenco.", field="category", code="category_invalid"
        )
    outcome = out.get("outcome")
    if outcome not in (None, "") and outcome not in {o.value for o in Outcome}:
        raise ValidationError("Esito non valido.", field="outcome", code="outcome_invalid")
    out["outcome"] = outcome or None
    minutes = out.get("minutes")
    if minutes not in (None, ""):
        try:
            minutes = int(minutes)
        except (TypeError, ValueError):
            raise ValidationError(
                "I minuti devono essere un numero intero.", field="minutes", code="minutes_invalid"
            ) from None
        if not 0 <= minutes <= MAX_MINUTES:
            raise ValidationError(
                "I minuti devono essere tra 0 e 480.", field="minutes", code="minutes_invalid"
            )
    out["minutes"] = minutes if minutes not in ("",) else None
    summary = (out.get("summary") or "").strip()
    if not summary:
        raise ValidationError(
            "Scrivere una sintesi del contatto.", field="summary", code="required"
        )
    out["summary"] = summary
    out["notes"] = (out.get("notes") or "").strip() or None
    out["follow_up_on"] = _follow_up(out.get("follow_up_on"), kept)
    occurred = out.get("occurred_at")
    if isinstance(occurred, datetime):
        occurred = to_utc_text(occurred)
    out["occurred_at"] = occurred = occurred or utc_now_text()
    if kept is None or occurred != kept.get("occurred_at"):
        _check_moment(str(occurred))
    out["sensitive"] = int(bool(out.get("sensitive")) or categories[category])
    return out


def _follow_up(value: Any, kept: dict[str, Any] | None) -> str | None:
    """The follow-up day as stored text: a real day, not before :data:`FIRST_DAY` (one to
    come is what a follow-up is); as it was when a correction keeps it (see ``kept``)."""
    if isinstance(value, date):
        value = value.isoformat()
    if not value:
        return None
    if kept is not None and value == kept.get("follow_up_on"):
        return str(value)
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(
            "La data di richiamo non è valida.", field="follow_up_on", code="date_invalid"
        ) from None
    if day < FIRST_DAY:
        raise ValidationError(
            "La data di richiamo non può essere precedente al 1° gennaio 2014.",
            field="follow_up_on",
            code="date_too_old",
        )
    return day.isoformat()


def _check_moment(text: str) -> None:
    """A contact's moment (stored UTC text) is one, on a day in Rome from :data:`FIRST_DAY`
    and not in the future (five minutes' grace for a PC clock a little ahead)."""
    try:
        moment = parse_utc_text(text)
    except ValueError:
        raise ValidationError(
            "La data del contatto non è valida.", field="occurred_at", code="date_invalid"
        ) from None
    if moment.tzinfo is None:  # stored text is UTC, with or without its "Z"
        moment = moment.replace(tzinfo=UTC)
    if moment.astimezone(ROME).date() < FIRST_DAY:
        raise ValidationError(
            "Il contatto non può essere precedente al 1° gennaio 2014.",
            field="occurred_at",
            code="date_too_old",
        )
    if moment > datetime.now(UTC) + timedelta(minutes=5):
        raise ValidationError(
            "Il contatto non può essere nel futuro.", field="occurred_at", code="date_future"
        )


class Contacts:
    def __init__(self, store: Store) -> None:
        self.store = store

    def categories(self) -> dict[str, bool]:
        rows = self.store.db.execute(
            "SELECT code, sensitive FROM categories WHERE active = 1 AND deleted = 0"
        ).fetchall()
        return {code: bool(sensitive) for code, sensitive in rows}

    def log(self, values: dict[str, Any], *, presidio: str, operator: str) -> dict[str, Any]:
        """Record a contact (person_id None = anonymous)."""
        clean = clean_contact(values, self.categories())
        clean["operator"] = operator
        if clean.get("person_id"):
            exists = self.store.db.execute(
                "SELECT 1 FROM people WHERE id = ? AND deleted = 0", [clean["person_id"]]
            ).fetchone()
            if not exists:
                raise ValidationError("Persona non trovata.", field="person_id", code="not_found")
        with self.store.transaction() as journal:
            return journal.insert("contacts", clean, presidio=presidio)

    def get(self, contact_id: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM contacts WHERE id = ?", [contact_id])
        if not rows:
            raise ValidationError("Contatto non trovato.", code="not_found")
        return rows[0]

    def amend(self, contact_id: str, changes: dict[str, Any], *, operator: str) -> dict[str, Any]:
        """A correction: a new row with the old values plus ``changes``, amending the old.

        Only at a desk of the contact's office (:mod:`casa_desk.store.ownership`: a second
        desk's correction of the same contact would make two current versions of it);
        elsewhere ValidationError ``not_owner``."""
        old = self.get(contact_id)
        check_owned(self.store, [old], "contact_id")
        # A deleted row is no version to correct: a removal, or a correction withdrawn
        # because another desk corrected the contact first (sync/withdrawn.py) — correcting
        # it (the agenda's undo of a follow-up marked done meanwhile) made a second current
        # version again, which the hub refuses as a link to a row it never had.
        if (
            old["deleted"]
            or self.store.db.execute(
                "SELECT 1 FROM contacts WHERE amends_id = ?", [contact_id]
            ).fetchone()
        ):
            raise ValidationError(
                "Questo contatto è già stato corretto: correggere l'ultima versione.",
                code="not_current",
            )
        values = {k: old[k] for k in CONTACTS.columns if k not in ("amends_id", "operator")}
        values.update(changes)
        values["amends_id"] = contact_id
        clean = clean_contact(values, self.categories(), kept=old)
        clean["operator"] = operator
        with self.store.transaction() as journal:
            row = journal.insert("contacts", clean, presidio=old["presidio"], scope=old["scope"])
        return row

    def remove(self, contact_id: str, *, operator: str) -> dict[str, Any]:
        """Delete a contact from every list and figure (a tombstone amendment); only at a
        desk of the contact's office, as :meth:`amend`."""
        old = self.get(contact_id)
        check_owned(self.store, [old], "contact_id")
        values = {k: old[k] for k in CONTACTS.columns if k not in ("amends_id", "operator")}
        with self.store.transaction() as journal:
            return journal.insert(
                "contacts",
                {**values, "amends_id": contact_id, "operator": operator, "deleted": 1},
                presidio=old["presidio"],
                scope=old["scope"],
            )

    def mark_follow_up_done(
        self, contact_id: str, *, operator: str, outcome: str | None = None
    ) -> dict[str, Any]:
        """The follow-up was done (a correction that sets ``follow_up_done_at``), with the
        outcome of the call when given."""
        changes: dict[str, Any] = {"follow_up_done_at": utc_now_text()}
        if outcome:
            changes["outcome"] = outcome
        return self.amend(contact_id, changes, operator=operator)

    def undo_follow_up_done(self, done_id: str, *, operator: str) -> dict[str, Any]:
        """Take back :meth:`mark_follow_up_done` (a correction of the correction): the
        follow-up is open again, with the outcome it had before."""
        done = self.get(done_id)
        before = self.get(done["amends_id"]) if done.get("amends_id") else done
        return self.amend(
            done_id,
            {"follow_up_done_at": None, "outcome": before.get("outcome")},
            operator=operator,
        )

    def history(
        self, person_ids: list[str], *, limit: int = 1000, include_sensitive: bool = True
    ) -> list[dict[str, Any]]:
        """Current contacts of these people, newest first. ``include_sensitive=False`` (a user
        without permission to see sensitive content) leaves sensitive ones out, in SQL."""
        marks = ",".join("?" * len(person_ids))
        hide = "" if include_sensitive else " AND c.sensitive = 0"
        return self.store.query(
            f"SELECT c.*, cat.label AS category_label FROM contacts c"
            f" LEFT JOIN categories cat ON cat.code = c.category"
            f" WHERE c.person_id IN ({marks}) AND {CURRENT}{hide}"
            " ORDER BY c.occurred_at DESC LIMIT ?",
            [*person_ids, limit],
        )

    def agenda(
        self, presidio: str, today: date, *, masked: bool = False
    ) -> dict[str, list[dict[str, Any]]]:
        """Open follow-ups: ``overdue`` (before today), ``today``, ``week`` (next 7 days).
        ``masked``: no sensitive contact, riservato people's names masked. Each row carries
        the person's safe-contact instructions here (``safe_no_calls``, ``safe_no_post``,
        ``safe_phone``, ``safe_hours``, ``safe_note``: :mod:`casa_desk.store.safe_contact`)."""
        hide = " AND c.sensitive = 0" if masked else ""
        rows = self.store.query(
            f"SELECT c.*, {name_columns('p', masked=masked)}, cat.label AS category_label,"
            f" {safe_contact.columns_sql(masked=masked)}"
            " FROM contacts c"
            " LEFT JOIN people p ON p.id = c.person_id"
            " LEFT JOIN categories cat ON cat.code = c.category"
            f"{safe_contact.join_sql('c.person_id', 'c.presidio')}"
            f" WHERE c.presidio = ? AND c.follow_up_on IS NOT NULL AND c.follow_up_on <= ?"
            f" AND c.follow_up_done_at IS NULL AND {CURRENT}{hide} ORDER BY c.follow_up_on",
            [presidio, (today + timedelta(days=7)).isoformat()],
        )
        day = today.isoformat()
        return {
            "overdue": [r for r in rows if r["follow_up_on"] < day],
            "today": [r for r in rows if r["follow_up_on"] == day],
            "week": [r for r in rows if r["follow_up_on"] > day],
        }

    # -- paged follow-ups (the agenda page at a million contacts) ------------------------
    def follow_ups(
        self,
        presidio: str,
        *,
        start: date | None,
        end: date,
        newest_first: bool = False,
        operator: str | None = None,
        limit: int = 200,
        offset: int = 0,
        masked: bool = False,
    ) -> list[dict[str, Any]]:
        """Open follow-ups of the office due from ``start`` (None: no lower bound) to ``end``
        inclusive, one page, with the person's name and phone and the topic label
        (``operator``: only the follow-ups that operator logged).

        Walks the follow-up index (``+c.presidio`` keeps the planner off the presidio index)
        so a page of the overdue backlog costs milliseconds even with a million contacts,
        where :meth:`agenda` reads every open follow-up at once. ``masked`` as for
        :meth:`agenda`.
        """
        where, params = _follow_up_filter(presidio, start, end, operator, masked)
        order = "DESC" if newest_first else "ASC"
        phone = (
            f"CASE WHEN {restricted_sql('p')} THEN NULL ELSE p.phone END" if masked else "p.phone"
        )
        return self.store.query(
            f"SELECT c.*, {name_columns('p', masked=masked)}, {phone} AS person_phone,"
            " cat.label AS category_label, cat.label_en AS category_label_en,"
            f" {safe_contact.columns_sql(masked=masked)} FROM contacts c"
            " LEFT JOIN people p ON p.id = c.person_id"
            " LEFT JOIN categories cat ON cat.code = c.category"
            f"{safe_contact.join_sql('c.person_id', 'c.presidio')}"
            f" WHERE {' AND '.join(where)}"
            f" ORDER BY c.follow_up_on {order}, c.id {order} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )

    def count_follow_ups(
        self,
        presidio: str,
        *,
        start: date | None,
        end: date,
        operator: str | None = None,
        cap: int = 1000,
        masked: bool = False,
    ) -> int:
        """How many open follow-ups :meth:`follow_ups` would list (counted up to ``cap``)."""
        where, params = _follow_up_filter(presidio, start, end, operator, masked)
        row = self.store.db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM contacts c WHERE {' AND '.join(where)} LIMIT ?)",
            [*params, cap],
        ).fetchone()
        return int(row[0])


def _follow_up_filter(
    presidio: str, start: date | None, end: date, operator: str | None, masked: bool
) -> tuple[list[str], list[Any]]:
    """The open follow-ups' conditions on ``contacts c`` and their parameters, shared by
    :meth:`Contacts.follow_ups` and :meth:`Contacts.count_follow_ups` so that the count the
    agenda shows is always of the rows it lists."""
    where = [
        "c.follow_up_on IS NOT NULL",
        "c.follow_up_on <= ?",
        "+c.presidio = ?",
        "c.follow_up_done_at IS NULL",
        CURRENT,
    ]
    params: list[Any] = [end.isoformat(), presidio]
    if start is not None:
        where.insert(1, "c.follow_up_on >= ?")
        params.insert(0, start.isoformat())
    if operator is not None:
        where.append("c.operator = ?")
        params.append(operator)
    if masked:
        where.append("c.sensitive = 0")
    return where, params
