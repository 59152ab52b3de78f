"""Who writes an office's rows: the office that owns them (SYNC.md §1).

A contact is insert-only, yet its correction is a new row that *replaces* it: two desks
correcting one contact apart leave two current versions of it once synced (counted twice in
the reports, shown twice on the card, a closed follow-up open again). An ESF enrolment is
one office's row (class B): its exit, results, six-month result, re-entry and corrected
entry written at two desks apart mix two stories (a result attached to another exit). So
both are written only at a desk of the office that owns them — head office included, which
reads every office's rows, still records and corrects its own and still merges duplicates
(:mod:`casa_desk.store.merging` keeps its rules).

A desk whose office is not set yet (a store opened before its first run, some scripts)
checks nothing: it holds no other office's rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.store.db import Store
from casa_desk.store.tables import HEAD_OFFICE

#: Head office has no row in ``presidi``: how its name reads in a refusal.
HEAD_OFFICE_NAME = "Sede centrale Aler"

#: The refusal by the field it is about; ``{office}`` is the owner's name.
REFUSALS = {
    "contact_id": "Contatto registrato da {office}: lo corregge solo quel presidio.",
    "participant_id": (
        "Iscrizione al programma FSE registrata da {office}: la aggiorna solo quel presidio."
    ),
    "conflict_id": "Riga registrata da {office}: il valore perso lo ripristina solo quel presidio.",
}


def office_name(store: Store, code: str) -> str:
    """The office's name as the window shows it (``presidi.name``), else its code."""
    if code == HEAD_OFFICE:
        return HEAD_OFFICE_NAME
    row = store.db.execute("SELECT name FROM presidi WHERE code = ?", [code]).fetchone()
    return str(row[0]) if row and row[0] else code


def foreign_owner(store: Store, rows: Iterable[dict[str, Any]]) -> str | None:
    """The code of the first office other than this desk's that owns one of ``rows``, or
    None when this desk may write them all (or its office is not set)."""
    mine = store.presidio
    if not mine:
        return None
    return next((r["presidio"] for r in rows if r.get("presidio") != mine), None)


def check_owned(store: Store, rows: Iterable[dict[str, Any]], field: str) -> None:
    """Refuse (ValidationError ``not_owner``, nothing written) a write of ``rows`` at a
    desk that does not own every one of them. ``field``: ``contact_id``,
    ``participant_id`` or ``conflict_id`` (the wording). The message names the office,
    never a person."""
    owner = foreign_owner(store, rows)
    if owner is None:
        return
    name = office_name(store, owner)
    template = REFUSALS[field]
    raise ValidationError(
        template.replace("{office}", name),
        field=field,
        code="not_owner",
        template=template,
        params={"office": name},
    )
