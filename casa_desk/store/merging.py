"""Merging two records of the same person (issue 9, item 4).

The operator chooses, field by field where the two records differ, which value the
surviving record keeps; empty fields are filled from the other. Then everything of the
duplicate moves to the survivor, each change through the journal so that it syncs:

* consents, referrals and the ESF enrolment are rows of their office: their ``person_id``
  changes (an enrolment stays where it is when the survivor already has one — one row per
  person — and the ESF report folds the two: first entry, latest state);
* contacts are insert-only: each current contact of the merging office is corrected by a
  new row that points at the survivor (``amends_id``); an office's contacts stay on the
  duplicate, even in a head-office merge (a second correction of one contact, written
  while its office corrects it, would make two current versions of it), and are read as
  the survivor's;
* the household link (``household_id``) is one of the fields chosen.

An office moves only its own rows (the hub refuses the others'); head office moves all but the
offices' contacts (above).
Only the office that registered the duplicate, or head office, may merge it away (the hub
enforces the same rule): :func:`may_merge_away`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.store.db import Store
from casa_desk.store.journal import Journal
from casa_desk.store.tables import CONTACTS, HEAD_OFFICE, PEOPLE

#: Fields the operator chooses between (notes are kept from both).
CHOICE_FIELDS = tuple(c for c in PEOPLE.columns if c not in ("merged_into", "notes"))


@dataclass
class Moved:
    """What a merge moved to the survivor (counts, for the confirmation)."""

    contacts: int = 0
    consents: int = 0
    referrals: int = 0
    enrolments: int = 0


def may_merge_away(person: dict[str, Any], presidio: str) -> bool:
    """Whether the office ``presidio`` may merge ``person`` into another record."""
    return presidio == HEAD_OFFICE or person.get("presidio") == presidio


def differences(duplicate: dict[str, Any], survivor: dict[str, Any]) -> list[str]:
    """Fields where both records have a value and the values differ (the operator picks)."""
    return [
        field
        for field in CHOICE_FIELDS
        if duplicate.get(field) not in (None, "")
        and survivor.get(field) not in (None, "")
        and str(duplicate[field]).strip().lower() != str(survivor[field]).strip().lower()
    ]


def merged_values(
    duplicate: dict[str, Any], survivor: dict[str, Any], choices: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The survivor's new values: its own, the duplicate's where it had none, the chosen
    ones where both had one; notes of both."""
    values: dict[str, Any] = {}
    for field in CHOICE_FIELDS:
        if survivor.get(field) in (None, "") and duplicate.get(field) not in (None, ""):
            values[field] = duplicate[field]
    for field, value in (choices or {}).items():
        if field in CHOICE_FIELDS and value != survivor.get(field):
            values[field] = value
    notes = [n for n in (survivor.get("notes"), duplicate.get("notes")) if n and n.strip()]
    if len(notes) == 2 and notes[0].strip() != notes[1].strip():
        values["notes"] = f"{notes[0].rstrip()}\n{notes[1].strip()}"
    elif notes and not survivor.get("notes"):
        values["notes"] = notes[0]
    return values


def merge_people(
    store: Store,
    duplicate_id: str,
    survivor_id: str,
    *,
    choices: dict[str, Any] | None = None,
    presidio: str | None = None,
    operator: str = "",
) -> Moved:
    """Merge ``duplicate_id`` into ``survivor_id`` in one transaction; see the module doc.

    ``presidio`` is the office doing it (None: no ownership check, e.g. a test or the
    command line acting for head office). ValidationError (``merge_self``,
    ``merge_chain``, ``merge_anonymised``, ``merge_deleted``, ``merge_not_owner``) changes
    nothing."""
    if duplicate_id == survivor_id:
        raise ValidationError("Una persona non può essere unita a se stessa.", code="merge_self")
    office = presidio or HEAD_OFFICE
    moved = Moved()
    with store.transaction() as journal:
        # Read in the transaction: a sync may have merged, deleted or erased either record
        # since the operator chose them (the card and its merge dialog stay open meanwhile).
        duplicate, survivor = _person(store, duplicate_id), _person(store, survivor_id)
        _check_mergeable(duplicate, survivor, presidio)
        values = merged_values(duplicate, survivor, choices)
        # The duplicate lets go of unique values first (the survivor may take its CF).
        journal.update("people", duplicate_id, {"merged_into": survivor_id})
        if values:
            journal.update("people", survivor_id, values)
        moved.consents = _move_owned(journal, "consents", duplicate_id, survivor_id, office)
        moved.referrals = _move_owned(journal, "referrals", duplicate_id, survivor_id, office)
        moved.enrolments = _move_enrolment(journal, duplicate_id, survivor_id, office)
        moved.contacts = _move_contacts(journal, duplicate_id, survivor_id, presidio, operator)
    return moved


def _check_mergeable(
    duplicate: dict[str, Any], survivor: dict[str, Any], presidio: str | None
) -> None:
    """Refuse (ValidationError) a merge that would move records where they must not go.

    An erased person (``anonymised_on``: art. 17, or past retention) is merged neither away
    nor into: her history moved to a live card would be tied to a name again (her
    categories, dates and services under someone's identity), and her birth date, cut to
    its month, would fill the other card's. A deleted record neither: merged into, the
    duplicate and all it had would vanish with it from every list."""
    if survivor.get("merged_into") or duplicate.get("merged_into"):
        raise ValidationError("La persona scelta è già stata unita a un'altra.", code="merge_chain")
    if survivor.get("anonymised_on") or duplicate.get("anonymised_on"):
        raise ValidationError(
            "I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre.",
            code="merge_anonymised",
        )
    if survivor.get("deleted") or duplicate.get("deleted"):
        raise ValidationError(
            "La scheda scelta è stata eliminata: non si unisce ad altre.", code="merge_deleted"
        )
    if presidio is not None and not may_merge_away(duplicate, presidio):
        raise ValidationError(
            "Solo il presidio che ha registrato la persona o la sede possono unirla a un'altra.",
            code="merge_not_owner",
        )


def _person(store: Store, person_id: str) -> dict[str, Any]:
    rows = store.query("SELECT * FROM people WHERE id = ?", [person_id])
    if not rows:
        raise ValidationError("Persona non trovata.", code="not_found")
    return rows[0]


def _mine(row: dict[str, Any], office: str) -> bool:
    return office == HEAD_OFFICE or row.get("presidio") == office


def _move_owned(journal: Journal, table: str, old: str, new: str, office: str) -> int:
    rows = journal.db.execute(
        f"SELECT id, presidio FROM {table} WHERE person_id = ? AND deleted = 0", [old]
    ).fetchall()
    count = 0
    for row_id, owner in rows:
        if _mine({"presidio": owner}, office):
            journal.update(table, row_id, {"person_id": new})
            count += 1
    return count


def _move_enrolment(journal: Journal, old: str, new: str, office: str) -> int:
    """One enrolment row per person: the duplicate's moves when the survivor has none;
    otherwise both stay, and the report counts them as one participant (its person is
    merged into the survivor: first entry, latest exit or re-entry)."""
    theirs = journal.db.execute(
        "SELECT id, presidio FROM participants WHERE person_id = ? AND deleted = 0", [old]
    ).fetchone()
    if theirs is None or not _mine({"presidio": theirs[1]}, office):
        return 0
    taken = journal.db.execute("SELECT 1 FROM participants WHERE person_id = ?", [new]).fetchone()
    if taken:
        return 0
    journal.update("participants", theirs[0], {"person_id": new})
    return 1


def _move_contacts(journal: Journal, old: str, new: str, office: str | None, operator: str) -> int:
    """Each current contact of ``old`` that is ``office``'s own (every one with None: no
    ownership check) corrected by a new row for ``new`` (insert-only).

    Head office too moves only its own: a correction of an office's contact written at
    head office while that office corrects the same contact (its follow-up done, a
    category fixed) made two current versions of one contact once both synced — counted
    twice in every report, shown twice on the card, a closed follow-up open again. Left on
    the duplicate, an office's contacts are read as the survivor's by the card, the agenda
    and the reports (``people.merged_into``), as another office's are after an office's
    merge, and that office may still correct them."""
    rows = journal.db.execute(
        "SELECT * FROM contacts c WHERE c.person_id = ? AND c.deleted = 0"
        " AND NOT EXISTS (SELECT 1 FROM contacts n WHERE n.amends_id = c.id)",
        [old],
    )
    names = [d[0] for d in rows.description]
    count = 0
    for values in [dict(zip(names, r, strict=True)) for r in rows.fetchall()]:
        if office is not None and values["presidio"] != office:
            continue
        copy = {k: values[k] for k in CONTACTS.columns if k not in ("amends_id", "operator")}
        copy.update(person_id=new, amends_id=values["id"], operator=operator or values["operator"])
        journal.insert("contacts", copy, presidio=values["presidio"], scope=values["scope"])
        count += 1
    return count
