"""Safe-contact instructions: how and when it is safe to contact a person (issue 11).

Some people at the desk are in danger at home: a call to the tenancy's number or a letter
may be read by the person they fear. The instructions — a safe phone, hours, "non
chiamare", "non inviare posta", a note — are recorded per person and office
(``safe_contacts``, synced like the office's sensitive rows) and shown on the card and next
to every follow-up in the agenda.

**Masking.** The safe phone, hours and note are sensitive: a user without permission to see
sensitive content (``masked``) does not get them. The two flags are *always* given: they
are instructions that protect the person (an operator must know not to call or write even
if they may not read why), and they reveal nothing by themselves.

**Never printed** on anything the person takes home: the referral letter prints no safe
contact (and, under either flag, not her registry phone either: it sends the service to the
office, reports/letter.py), and the access PDF (reports/person_file.py) says only that they
are held.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.ids import stable_id
from casa_desk.models.phone import normalize_phone
from casa_desk.store.db import Store

#: Columns every caller gets; the others are sensitive (NULL when masked).
FLAGS = ("no_calls", "no_post")
SENSITIVE = ("phone", "hours", "note")
MAX_TEXT = 500


def safe_contact_id(person_id: str, presidio: str) -> str:
    """One row per person and office: two desks of the office edit the same row."""
    return stable_id("safe_contacts", f"{person_id}@{presidio}")


def columns_sql(alias: str = "sc", *, masked: bool, prefix: str = "safe_") -> str:
    """``safe_no_calls, safe_no_post, safe_phone, safe_hours, safe_note`` of the joined
    ``safe_contacts`` row ``alias`` (the sensitive three NULL when ``masked``)."""
    parts = [f"coalesce({alias}.{c}, 0) AS {prefix}{c}" for c in FLAGS]
    parts += [f"{'NULL' if masked else f'{alias}.{c}'} AS {prefix}{c}" for c in SENSITIVE]
    return ", ".join(parts)


def join_sql(person: str, office: str, alias: str = "sc") -> str:
    """LEFT JOIN of the office's live instructions for ``person`` (SQL expressions)."""
    return (
        f" LEFT JOIN safe_contacts {alias} ON {alias}.person_id = {person}"
        f" AND {alias}.presidio = {office} AND {alias}.deleted = 0"
    )


class SafeContacts:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, person_id: str, presidio: str, *, masked: bool = False) -> dict[str, Any] | None:
        """The office's instructions for the person (masked as the module says), or None."""
        rows = self.store.query(
            f"SELECT sc.id, sc.person_id, sc.updated_at, {columns_sql(masked=masked, prefix='')}"
            " FROM safe_contacts sc WHERE sc.person_id = ? AND sc.presidio = ? AND sc.deleted = 0",
            [person_id, presidio],
        )
        return rows[0] if rows else None

    def for_people(
        self, person_ids: Iterable[str], presidio: str, *, masked: bool = False
    ) -> dict[str, dict[str, Any]]:
        """person id → instructions, for a list (the agenda)."""
        ids = sorted({p for p in person_ids if p})
        out: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.store.query(
                f"SELECT sc.person_id, {columns_sql(masked=masked, prefix='')}"
                " FROM safe_contacts sc WHERE sc.presidio = ? AND sc.deleted = 0"
                f" AND sc.person_id IN ({','.join('?' * len(chunk))})",
                [presidio, *chunk],
            ):
                out[row["person_id"]] = row
        return out

    def save(
        self,
        person_id: str,
        *,
        presidio: str,
        phone: str = "",
        hours: str = "",
        no_calls: bool = False,
        no_post: bool = False,
        note: str = "",
    ) -> dict[str, Any]:
        """Record or change the office's instructions (all empty: :meth:`clear`)."""
        values: dict[str, Any] = {
            "phone": normalize_phone(phone) if phone.strip() else None,
            "hours": " ".join(hours.split()) or None,
            "no_calls": int(no_calls),
            "no_post": int(no_post),
            "note": note.strip() or None,
        }
        for name in ("hours", "note"):
            if values[name] and len(values[name]) > MAX_TEXT:
                raise ValidationError(
                    f"Testo troppo lungo (al massimo {MAX_TEXT} caratteri).", field=name
                )
        person = self.store.query(
            "SELECT anonymised_on FROM people WHERE id = ? AND deleted = 0", [person_id]
        )
        if not person:
            raise ValidationError("Persona non trovata.", code="not_found")
        if person[0]["anonymised_on"]:
            raise ValidationError("Questa persona è stata anonimizzata.", code="anonymised")
        row_id = safe_contact_id(person_id, presidio)
        with self.store.transaction() as journal:
            exists = self.store.db.execute(
                "SELECT 1 FROM safe_contacts WHERE id = ?", [row_id]
            ).fetchone()
            if exists is None:
                journal.insert(
                    "safe_contacts",
                    {"id": row_id, "person_id": person_id, **values},
                    presidio=presidio,
                )
            else:
                journal.update("safe_contacts", row_id, {**values, "deleted": 0})
        found = self.get(person_id, presidio)
        assert found is not None
        return found

    def clear(self, person_id: str, presidio: str) -> None:
        row_id = safe_contact_id(person_id, presidio)
        with self.store.transaction() as journal:
            if self.store.db.execute(
                "SELECT 1 FROM safe_contacts WHERE id = ? AND deleted = 0", [row_id]
            ).fetchone():
                journal.delete("safe_contacts", row_id)
