"""The hub's side of anonymisation (issue 11): every copy it keeps of an anonymised person.

The shared merge already keeps an anonymised person's own row empty of identity whatever the
clocks (:func:`casa_desk.sync.merge.merge_change`). After each accepted batch, the hub also
scrubs, for every anonymised person the batch touched — their anonymisation itself, or an
older edit, contact or referral note pushed by an office that was offline —

* the mirror rows about them (and duplicates merged into them): identity, notes, texts;
* the **change log's payloads** of those rows, so a later pull (a new office, a re-fetch)
  never delivers the old values;
* the hub's ``sync_conflicts`` rows for them (they hold both sides' values).

The same SQLAlchemy Core on SQLite and PostgreSQL; only batches that touch an anonymised
person pay for more than one look-up. The rules (what is erased, what is kept) are
:mod:`casa_desk.store.erasure`'s, shared with every store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, select, update

from casa_desk.store.erasure import ERASED, KEPT_AUDIT_ACTIONS, neutralise
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.driver import where_in

Key = tuple[str, str]


def scrub_touched(
    conn: Connection,
    rows: dict[Key, dict[str, Any]],
    touched: Iterable[Key],
    held: dict[Key, dict[str, Any]] | None = None,
) -> int:
    """Scrub every anonymised person the written rows concern; returns how many.

    ``rows`` are the batch's rows as now written; ``held``, other rows read in the same
    transaction (people with ``anonymised_on`` and ``merged_into``: the persons the batch's
    rows point at). A person either holds, neither anonymised nor merged, is not looked up
    again: in a plain push that is every one (the look-up was ~4 % of the hub's CPU)."""
    people: set[str] = set()
    referrals: set[str] = set()
    amended: set[str] = set()
    for key in touched:
        table, row_id = key
        row = rows.get(key) or {}
        if table == "people":
            people.update(p for p in (row_id, row.get("merged_into")) if p)
        elif table == "referral_events":
            if row.get("referral_id"):
                referrals.add(str(row["referral_id"]))
        elif row.get("person_id"):
            people.add(str(row["person_id"]))
        if table == "contacts" and row.get("amends_id"):
            amended.add(str(row["amends_id"]))  # a copy of whose contact? (a merge's)
    if referrals:
        sql = f"SELECT person_id FROM {schema.MIRRORS['referrals'].name} WHERE id"
        people.update(r[0] for r in where_in(conn, sql, sorted(referrals)) if r[0])
    people |= _amended_people(conn, amended)
    targets = _targets(conn, _unsure(people, rows, held or {}))
    for person, day in sorted(targets.items()):
        scrub(conn, person, day)
    return len(targets)


def _amended_people(conn: Connection, contact_ids: set[str]) -> set[str]:
    """The people whose contacts ``contact_ids`` correct, up the ``amends_id`` chain: a
    merge's copies of an erased person's contacts may reach the hub in a later batch than
    her record's merge, under the live record (:func:`_copies`). A correction is rare, so
    a batch without one costs nothing here."""
    contacts = schema.MIRRORS["contacts"]
    people: set[str] = set()
    seen: set[str] = set()
    frontier = sorted(contact_ids)
    while frontier:
        seen.update(frontier)
        sql = f"SELECT person_id, amends_id FROM {contacts.name} WHERE id"
        found = list(where_in(conn, sql, frontier))
        people.update(str(r[0]) for r in found if r[0])
        frontier = sorted({str(r[1]) for r in found if r[1]} - seen)
    return people


def _copies(conn: Connection, contact_ids: list[str]) -> list[str]:
    """``contact_ids`` and every contact correcting one of them, down the ``amends_id``
    chain (:func:`casa_desk.store.erasure.with_copies`: a merge's copies of an erased
    person's contacts, made where the erasure had not arrived yet)."""
    contacts = schema.MIRRORS["contacts"]
    out = list(contact_ids)
    seen = set(out)
    frontier = out
    while frontier:
        frontier = [
            r[0]
            for r in conn.execute(select(contacts.c.id).where(contacts.c.amends_id.in_(frontier)))
            if r[0] not in seen
        ]
        seen.update(frontier)
        out += frontier
    return out


def _unsure(
    people: set[str], rows: dict[Key, dict[str, Any]], held: dict[Key, dict[str, Any]]
) -> set[str]:
    """``people`` less those whose row, as the database now holds it, is neither anonymised
    nor merged: :func:`_targets` could not find them (its SQL tests ``IS NOT NULL``, so an
    empty text counts as set here too)."""
    out = set()
    for person in people:
        row = rows.get(("people", person)) or held.get(("people", person))
        if (
            row is None
            or row.get("anonymised_on") is not None
            or row.get("merged_into") is not None
        ):
            out.add(person)
    return out


def _targets(conn: Connection, people: set[str]) -> dict[str, str]:
    """Who among ``people`` is anonymised (or merged into someone who is), with the day.
    Driver SQL (:func:`~casa_desk.sync.hub.driver.where_in`): after every push batch, with
    thousands of ids, compiling SQLAlchemy's ``IN`` cost more than the query."""
    if not people:
        return {}
    people_table = schema.MIRRORS["people"].name
    found = where_in(
        conn,
        f"SELECT p.id, p.merged_into, p.anonymised_on, s.anonymised_on FROM {people_table} p"
        f" LEFT JOIN {people_table} s ON s.id = p.merged_into"
        " WHERE (p.anonymised_on IS NOT NULL OR s.anonymised_on IS NOT NULL) AND p.id",
        sorted(people),
    )
    out: dict[str, str] = {}
    for pid, merged_into, own, theirs in found:
        if own:
            out[pid] = own
        else:
            out[merged_into] = theirs
    return out


def scrub(conn: Connection, person_id: str, day: str) -> None:
    """Erase the person's identity and texts from the hub's mirrors, change log payloads and
    conflicts (idempotent)."""
    people = schema.MIRRORS["people"]
    ids = [person_id]
    frontier = [person_id]
    while frontier:
        frontier = [
            r[0]
            for r in conn.execute(select(people.c.id).where(people.c.merged_into.in_(frontier)))
            if r[0] not in ids
        ]
        ids += frontier
    by_table: dict[str, list[str]] = {"people": ids}
    for table in ("contacts", "referrals", "consents", "participants", "safe_contacts"):
        if table in schema.MIRRORS:
            mirror = schema.MIRRORS[table]
            by_table[table] = [
                r[0] for r in conn.execute(select(mirror.c.id).where(mirror.c.person_id.in_(ids)))
            ]
    by_table["contacts"] = _copies(conn, by_table.get("contacts", []))
    events = schema.MIRRORS["referral_events"]
    by_table["referral_events"] = [
        r[0]
        for r in conn.execute(
            select(events.c.id).where(events.c.referral_id.in_(by_table["referrals"]))
        )
    ]
    every = [i for found in by_table.values() for i in found]
    # Ids are unique per table only: a row of another table with one of these ids (an
    # office may give its contact another office's person's id) is not about this person.
    pairs = {(table, i) for table, found in by_table.items() for i in found}
    audit = schema.MIRRORS["audit_log"]
    by_table["audit_log"] = [
        r[0]
        for r in conn.execute(
            select(audit.c.id, audit.c.table_name, audit.c.row_id).where(audit.c.row_id.in_(every))
        )
        if r[1] not in schema.MIRRORS or (r[1], r[2]) in pairs  # "person": an access PDF
    ]
    for table, names in ERASED.items():
        if table not in schema.MIRRORS or not by_table.get(table):
            continue
        mirror = schema.MIRRORS[table]
        values: dict[str, Any] = dict.fromkeys(names)
        where: Any = mirror.c.id.in_(by_table[table])
        if table == "people":
            values["birth_date"] = func.substr(mirror.c.birth_date, 1, 7)
            values["anonymised_on"] = func.coalesce(mirror.c.anonymised_on, day)
        if table == "audit_log":
            where = where & mirror.c.action.not_in(sorted(KEPT_AUDIT_ACTIONS))
        conn.execute(update(mirror).where(where).values(**values))
    every += by_table["audit_log"]
    pairs.update(("audit_log", i) for i in by_table["audit_log"])
    log = schema.change_log
    for seq, table_name, row_id, data in conn.execute(
        select(log.c.seq, log.c.table_name, log.c.row_id, log.c.data).where(log.c.row_id.in_(every))
    ).all():
        if (table_name, row_id) not in pairs:
            continue
        clean = neutralise(table_name, json.loads(data or "{}"))
        text = json.dumps(clean, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        if text != data:
            conn.execute(update(log).where(log.c.seq == seq).values(data=text))
    conflicts = schema.conflicts
    for table, found in by_table.items():
        if found:
            conn.execute(
                delete(conflicts).where(
                    (conflicts.c.table_name == table) & conflicts.c.row_id.in_(found)
                )
            )
