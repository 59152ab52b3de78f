"""*Riservato* people: who they are, and lists that mask them (DESIGN.md §4a).

A person is *riservato* in this office when any of their contacts or referrals here is
sensitive (domestic violence, health — kept by triggers in ``people_restricted``, see
:mod:`casa_desk.store.schema`) or when someone flagged them by hand. For a user without
permission to see sensitive content, lists show such a person masked, as Primero hides the
names of its GBV cases: the row is there (the person can be helped, and the card opened with
a break-glass, :mod:`casa_desk.security.access`), but no name, codice fiscale, phone or
address leaves SQLite. The check is one primary-key probe per listed row.

The decision of *who* sees masked rows is the security layer's; this module only applies it
in SQL (``masked=True``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

#: The text a masked person's name shows (the UI words it in its own language by code).
MASK = "Persona riservata"
MASK_CODE = "riservato"

#: Identifying columns of ``people`` that a masked row never carries.
MASKED_COLUMNS = (
    "first_name",
    "last_name",
    "codice_fiscale",
    "birth_date",
    "birth_place",
    "phone",
    "email",
    "street",
    "civic",
    "stair",
    "floor",
    "flat",
    "unit_code",
    "notes",
)


def restricted_sql(alias: str = "p") -> str:
    """SQL that is 1 when the person ``alias`` is riservato (an index probe)."""
    return f"EXISTS (SELECT 1 FROM people_restricted rp WHERE rp.person_id = {alias}.id)"


def name_columns(alias: str = "p", *, masked: bool) -> str:
    """``last_name, first_name, restricted`` of the joined person ``alias`` (for lists of
    contacts, follow-ups and referrals), masked for riservato people when ``masked``."""
    return person_columns(("last_name", "first_name"), alias=alias, masked=masked)


def person_columns(columns: Iterable[str], *, alias: str = "p", masked: bool) -> str:
    """A SELECT list of ``alias``'s ``columns`` plus ``restricted``; with ``masked`` the
    identifying ones are NULL for riservato people (and ``last_name`` reads :data:`MASK`)."""
    flag = restricted_sql(alias)
    parts = []
    for column in columns:
        if masked and column in MASKED_COLUMNS:
            hidden = f"'{MASK}'" if column == "last_name" else "NULL"
            parts.append(f"CASE WHEN {flag} THEN {hidden} ELSE {alias}.{column} END AS {column}")
        else:
            parts.append(f"{alias}.{column}")
    parts.append(f"{flag} AS restricted")
    return ", ".join(parts)


def is_restricted(db: Database, person_id: str) -> bool:
    row = db.execute("SELECT 1 FROM people_restricted WHERE person_id = ?", [person_id]).fetchone()
    return row is not None


def restricted_among(db: Database, person_ids: Iterable[str]) -> set[str]:
    """Which of ``person_ids`` are riservato (for lists built elsewhere)."""
    ids = list(dict.fromkeys(person_ids))
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found |= {
            row[0]
            for row in db.execute(
                "SELECT person_id FROM people_restricted"
                f" WHERE person_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        }
    return found


def flagged_by_hand(db: Database, person_id: str) -> bool:
    """True when someone flagged the person riservato by hand (see :func:`set_by_hand`)."""
    row = db.execute(
        "SELECT by_hand FROM people_restricted WHERE person_id = ?", [person_id]
    ).fetchone()
    return bool(row and row[0])


def set_by_hand(db: Database, person_id: str, flagged: bool, now: str) -> bool:
    """Flag (or unflag) a person by hand; returns True when something changed. A person
    riservato because of sensitive records stays riservato when unflagged. Call inside a
    store transaction (the caller audits it)."""
    before = db.execute(
        "SELECT by_hand FROM people_restricted WHERE person_id = ?", [person_id]
    ).fetchone()
    if bool(before and before[0]) == flagged:
        return False
    if flagged:
        db.execute(
            "INSERT INTO people_restricted (person_id, by_hand, since) VALUES (?, 1, ?)"
            " ON CONFLICT (person_id) DO UPDATE SET by_hand = 1",
            [person_id, now],
        )
    else:
        db.execute("UPDATE people_restricted SET by_hand = 0 WHERE person_id = ?", [person_id])
        db.execute(
            "DELETE FROM people_restricted WHERE person_id = ? AND automatic = 0 AND by_hand = 0",
            [person_id],
        )
    return True


def mask_row(row: dict[str, Any]) -> dict[str, Any]:
    """The same masking as :func:`person_columns`, for a person row read in full."""
    masked = {k: (None if k in MASKED_COLUMNS else v) for k, v in row.items()}
    masked["last_name"] = MASK
    masked["restricted"] = 1
    return masked
