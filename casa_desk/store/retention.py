"""Retention that keeps the statistics (issue 11, GDPR art. 5(1)(e)).

Head office sets the policy in ``settings`` (synced reference data):
``retention.months`` (default 60), ``retention.months.<category>`` (a shorter period for
people with any contact in that category) and ``retention.audit_months`` (default 24). A
person is due when their last activity — a contact, a referral event, an ESF entry or exit,
else the day they were registered — is older than their period; people with an open
referral or an ESF enrolment not yet exited are never due (their case is still running).
Each due person is anonymised (:func:`anonymise`, the same operation as an erasure on
request) and audit rows older than the audit period are deleted here.

The rule reads only this store: an office decides on what it knows. A contact logged in
another office and not yet synced cannot stop it; it arrives scrubbed (the person is
anonymised everywhere) and its statistics are kept. An office decides only about the people
it registered (head office, which sees every office's activity, about everyone): it holds
every person of the shared registry but not the other offices' contacts, so every other
office's person would look "not seen for years" there. The hub refuses the anonymisation
of a person from any other office (sync/hub/scopes.py), like a delete.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import ValidationError
from casa_desk.models.esf import add_months
from casa_desk.models.vocab import AuditAction, SettingKey
from casa_desk.store import erasure, suppression
from casa_desk.store.audit import record
from casa_desk.store.db import Store
from casa_desk.store.settings import read_setting
from casa_desk.store.tables import HEAD_OFFICE

DEFAULT_MONTHS = 60
DEFAULT_AUDIT_MONTHS = 24
#: People anonymised per transaction: short transactions (the window keeps working).
BATCH = 500


@dataclass(frozen=True)
class Policy:
    months: int = DEFAULT_MONTHS
    by_category: dict[str, int] = field(default_factory=dict)
    audit_months: int = DEFAULT_AUDIT_MONTHS


def policy(db: Database, office: str | None) -> Policy:
    """The policy for ``office`` from head office's settings (defaults where unset)."""
    conn = db.conn
    months = int(read_setting(conn, SettingKey.RETENTION_MONTHS, office) or DEFAULT_MONTHS)
    audit = int(
        read_setting(conn, SettingKey.RETENTION_AUDIT_MONTHS, office) or DEFAULT_AUDIT_MONTHS
    )
    prefix = f"{SettingKey.RETENTION_MONTHS.value}."
    by_category: dict[str, int] = {}
    for (key,) in conn.execute(
        "SELECT DISTINCT key FROM settings WHERE key LIKE ? AND deleted = 0", [prefix + "%"]
    ):
        value = read_setting(conn, key, office)
        if value:
            by_category[key[len(prefix) :]] = min(int(value), months)
    return Policy(months, by_category, audit)


def may_anonymise(person: dict[str, Any], office: str | None) -> bool:
    """Whether the office ``office`` may anonymise ``person``: the one that registered her,
    or head office (None: a store of no office, which knows no other)."""
    return office in (None, HEAD_OFFICE) or person.get("presidio") == office


def due(db: Database, rule: Policy, as_of: date, office: str | None = None) -> list[str]:
    """Ids of the people whose identity the policy says to erase on ``as_of``, oldest first;
    at an office (``office``, not head office) only the people it registered."""
    cutoff = add_months(as_of, -rule.months).isoformat()
    mine = None if office in (None, HEAD_OFFICE) else office
    shorter = {c: add_months(as_of, -m).isoformat() for c, m in rule.by_category.items()}
    latest = max([cutoff, *shorter.values()])
    rows = db.execute(
        """WITH activity (person_id, t) AS (
            SELECT person_id, occurred_at FROM contacts WHERE person_id IS NOT NULL
            UNION ALL SELECT r.person_id, e.at FROM referral_events e
                JOIN referrals r ON r.id = e.referral_id
            UNION ALL SELECT person_id, coalesce(exited_on, entered_on) FROM participants
                WHERE deleted = 0
            UNION ALL SELECT id, created_at FROM people
        ), last AS (SELECT person_id, max(substr(t, 1, 10)) AS t FROM activity GROUP BY person_id)
        SELECT p.id, last.t FROM people p JOIN last ON last.person_id = p.id
        WHERE p.anonymised_on IS NULL AND p.merged_into IS NULL AND last.t < ?
        AND (? IS NULL OR p.presidio = ?)
        AND p.id NOT IN (SELECT r.person_id FROM referrals r
            JOIN referral_status s ON s.referral_id = r.id
            WHERE r.deleted = 0 AND s.status IN ('bozza', 'inviata', 'presa_in_carico'))
        AND p.id NOT IN (SELECT person_id FROM participants
            WHERE deleted = 0 AND exited_on IS NULL)
        ORDER BY last.t, p.id""",
        [latest, mine, mine],
    ).fetchall()
    categories: dict[str, set[str]] = {}
    rows = _with_duplicates(db, rows, categories)
    if not shorter:
        return [pid for pid, last in rows if last < cutoff]
    ids = json.dumps([pid for pid, _ in rows])
    for pid, category in db.execute(
        "SELECT DISTINCT person_id, category FROM contacts"
        " WHERE person_id IN (SELECT value FROM json_each(?))",
        [ids],
    ):
        categories.setdefault(pid, set()).add(category)
    out = []
    for pid, last in rows:
        # The shortest period that applies is the latest cutoff (periods are at most the
        # general one, :func:`policy`): a health contact is erased sooner, never later.
        limit = max([cutoff, *(shorter[c] for c in categories.get(pid, ()) if c in shorter)])
        if last < limit:
            out.append(pid)
    return out


def _with_duplicates(
    db: Database, rows: list[tuple[str, str]], categories: dict[str, set[str]]
) -> list[tuple[str, str]]:
    """``rows`` (person, last activity) with what the records merged into each person hold:
    a merge leaves some rows on the duplicate (another office's, which only it may move; an
    ESF enrolment when the survivor has one), and the erasure scrubs the duplicates too. A
    person whose duplicate has a case still running is left out; a duplicate's later
    activity counts as the person's, its contacts' categories too (into ``categories``)."""
    survivors = {
        r[0]
        for r in db.execute("SELECT DISTINCT merged_into FROM people WHERE merged_into IS NOT NULL")
    }
    out = []
    for pid, last in rows:
        if pid not in survivors:
            out.append((pid, last))
            continue
        ids = json.dumps(erasure.family(db, pid)[1:])
        later, running = db.execute(
            """WITH dup (id) AS (SELECT value FROM json_each(:ids))
            SELECT (SELECT max(substr(t, 1, 10)) FROM (
                SELECT occurred_at AS t FROM contacts WHERE person_id IN dup
                UNION ALL SELECT e.at FROM referral_events e JOIN referrals r
                    ON r.id = e.referral_id WHERE r.person_id IN dup
                UNION ALL SELECT coalesce(exited_on, entered_on) FROM participants
                    WHERE deleted = 0 AND person_id IN dup
                UNION ALL SELECT created_at FROM people WHERE id IN dup)),
            EXISTS (SELECT 1 FROM referrals r JOIN referral_status s ON s.referral_id = r.id
                WHERE r.deleted = 0 AND r.person_id IN dup
                AND s.status IN ('bozza', 'inviata', 'presa_in_carico'))
            OR EXISTS (SELECT 1 FROM participants WHERE deleted = 0 AND exited_on IS NULL
                AND person_id IN dup)""",
            {"ids": ids},
        ).fetchone()
        if running:
            continue
        out.append((pid, max(last, later or "")))
        categories.setdefault(pid, set()).update(
            r[0]
            for r in db.execute(
                "SELECT DISTINCT category FROM contacts"
                " WHERE person_id IN (SELECT value FROM json_each(?))",
                [ids],
            )
        )
    out.sort(key=lambda row: (row[1], row[0]))  # oldest first, as the query's order
    return out


def old_audit_rows(db: Database, rule: Policy, as_of: date) -> int:
    cutoff = add_months(as_of, -rule.audit_months).isoformat()
    return int(db.execute("SELECT count(*) FROM audit_log WHERE at < ?", [cutoff]).fetchone()[0])


def anonymisable(store: Store, person_id: str) -> dict[str, Any]:
    """The person's row when this store may anonymise her; else the one-line refusal
    :func:`anonymise` makes (not found, another office's person, a merged record)."""
    rows = store.query("SELECT * FROM people WHERE id = ?", [person_id])
    if not rows:
        raise ValidationError("Persona non trovata.", code="not_found")
    person = rows[0]
    if not may_anonymise(person, store.presidio):
        raise ValidationError(
            "Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.",
            code="erase_not_owner",
        )
    if person.get("merged_into"):
        raise ValidationError(
            "Questa scheda è stata unita a un'altra: cancellare quella.", code="merged"
        )
    return person


def anonymise(
    store: Store,
    person_id: str,
    *,
    on: date,
    who: str,
    action: AuditAction,
    reason: str = "",
    suppress: bool = False,
) -> dict[str, list[str]]:
    """Erase the person's identity and notes here, as a replicated operation: the journaled
    ``anonymised_on`` (and emptied identity) syncs and wins everywhere; the scrub of this
    store's copies follows in the same transaction, and the audit row records who and why.
    ``suppress`` (an erasure on request): keep the keyed hashes that stop a registry import
    from registering her again (:mod:`casa_desk.store.suppression`), synced with the rest.
    Call :func:`casa_desk.store.erasure.compact` afterwards (outside the transaction)."""
    person = anonymisable(store, person_id)
    with store.transaction() as journal:
        if not person.get("anonymised_on"):
            changes: dict[str, Any] = dict.fromkeys(erasure.PEOPLE_ERASED)
            changes["anonymised_on"] = on.isoformat()
            if person.get("birth_date"):
                changes["birth_date"] = str(person["birth_date"])[:7]
            if suppress:  # from every record of hers, before the scrub empties them
                family = erasure.family(store.db, person_id)
                rows = store.query(
                    "SELECT * FROM people WHERE id IN (SELECT value FROM json_each(?))",
                    [json.dumps(family)],
                )
                changes["erasure_hashes"] = suppression.entry_for(store.db, rows)
            journal.update("people", person_id, changes)
        found = erasure.scrub(store.db, person_id, on.isoformat())
        record(
            journal,
            action,
            who=who,
            presidio=store.presidio or "",
            table="people",
            row_id=person_id,
            reason=reason,
        )
    return found


@dataclass
class RetentionRun:
    as_of: date
    policy: Policy
    people: int = 0
    audit_rows: int = 0
    dry_run: bool = True
    stopped: bool = False  # cancelled between batches: the rest is due at the next run


def run(
    store: Store,
    *,
    as_of: date,
    who: str,
    dry_run: bool = False,
    progress: Any = None,
    reason_suffix: str = "",
    cancelled: Callable[[], bool] | None = None,
) -> RetentionRun:
    """Apply the policy on ``as_of``: anonymise every due person (in batches), delete audit
    rows past their period, then compact (search indexes, free pages, WAL). A run with
    nothing to do writes nothing (the window's daily run is usually one). ``cancelled``
    (the window closing) stops between batches: what is done stays done, and the rest is
    due again at the next run; ``stopped`` says so."""
    rule = policy(store.db, store.presidio)
    people = due(store.db, rule, as_of, store.presidio)
    result = RetentionRun(as_of, rule, len(people), old_audit_rows(store.db, rule, as_of), dry_run)
    if dry_run or not (result.people or result.audit_rows):
        return result
    for start in range(0, len(people), BATCH):
        if cancelled is not None and cancelled():
            result.stopped = True
            return result
        with store.transaction():
            for person_id in people[start : start + BATCH]:
                anonymise(store, person_id, on=as_of, who=who, action=AuditAction.ANONYMISED)
        if progress:
            progress(min(start + BATCH, len(people)), len(people))
    with store.transaction() as journal:
        if result.audit_rows:
            cutoff = add_months(as_of, -rule.audit_months).isoformat()
            store.db.execute("PRAGMA secure_delete = ON")
            store.db.execute("INSERT INTO casa_scrub (active) VALUES (1)")
            store.db.execute("DELETE FROM audit_log WHERE at < ?", [cutoff])
            store.db.execute("DELETE FROM casa_scrub")
        record(
            journal,
            AuditAction.RETENTION,
            who=who,
            presidio=store.presidio or "",
            table="people",
            row_id=as_of.isoformat(),
            reason=f"{result.people} persone anonimizzate, {result.audit_rows} righe di audit"
            + (f" ({reason_suffix})" if reason_suffix else ""),
        )
    erasure.compact(store)
    return result
