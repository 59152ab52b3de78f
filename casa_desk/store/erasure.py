"""Anonymising a person: what is erased, what is kept, and every copy scrubbed (issue 11).

GDPR art. 5(1)(e) (retention) and 17 (erasure on request) end the same way: the person's
identity and every free text about them are erased, and what the statistics need is kept —
gender, **year and month of birth**, office, categories, channels, dates, outcomes, referral
states, ESF indicators — so every past month's report is identical before and after
(reports compute ages from year and month only, ``models.esf.age_on``).

**Anonymisation is its own replicated operation** (SYNC.md §3), not a delete: the person's
row gets ``anonymised_on``, written through the journal like any edit. Its presence is what
every node obeys, whatever the clocks: the shared merge (:func:`casa_desk.sync.merge.
merge_change`) keeps identifying fields of such a row empty even when an older offline edit
arrives with a newer clock, and every node that writes a row of an anonymised person
(the hub, an office applying a pull, a bundle) scrubs it with :func:`scrub` right after.
Nobody can bring a value back, at the hub or anywhere.

**The ESF keyed hash survives** (``participants.cf_hash``). It is a pseudonym of the codice
fiscale (HMAC with head office's programme key), so the record is pseudonymised rather than
anonymous while that key exists. It stays because (a) past months' ESF counts group
enrolments by it across offices — dropping it would split a person counted once into two
and change reports already sent; (b) the one-enrolment rule must still refuse a second
enrolment of the same person in the same programme (Reg. 2021/1057 counts participants
once). Art. 17(3)(b) and (d) with art. 89(1) allow keeping pseudonymised data for these
obligations and statistics, with pseudonymisation as the safeguard. When the programme's key
is destroyed at its closure, the hash becomes anonymous by itself.

:func:`scrub` writes outside the sync journal on purpose (each node scrubs its own copies
deterministically; nothing is captured to sync): a row in the local table ``casa_scrub``
lets the guard triggers through for the length of the scrub.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from casa_desk.store.tables import BY_NAME

if TYPE_CHECKING:  # the store's journal imports this module
    from casa_desk.store.db import Store

#: Identifying columns of ``people`` (``birth_date`` is cut to ``YYYY-MM`` instead).
PEOPLE_ERASED = (
    "first_name",
    "last_name",
    "codice_fiscale",
    "birth_place",
    "phone",
    "email",
    "languages",
    "street",
    "civic",
    "stair",
    "floor",
    "flat",
    "unit_code",
    "household_id",
    "notes",
)
#: Free text that may name or describe the person, by table.
ERASED: dict[str, tuple[str, ...]] = {
    "people": PEOPLE_ERASED,
    "contacts": ("summary", "notes"),
    "referrals": ("reason", "request", "outcome"),
    "referral_events": ("note",),
    "consents": ("text",),
    "audit_log": ("reason",),
    "safe_contacts": ("phone", "hours", "note"),
}
#: Audit rows whose reason is kept: the erasure's own (the request's reason, never a name).
KEPT_AUDIT_ACTIONS = frozenset({"erased", "anonymised"})


def anonymised_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``people`` row (or change data) with its identity erased, if it is anonymised."""
    if not row.get("anonymised_on"):
        return row
    out = dict(row)
    for name in PEOPLE_ERASED:
        if name in out:
            out[name] = None
    if out.get("birth_date"):
        out["birth_date"] = str(out["birth_date"])[:7]
    return out


def neutralise(table: str, data: dict[str, Any], *, people: bool = True) -> dict[str, Any]:
    """Change data (an outbox or change-log payload) of a row of an anonymised person, with
    every erased field that it carries set to None (``birth_date`` cut to year and month)."""
    out = dict(data)
    if table == "audit_log" and out.get("action") in KEPT_AUDIT_ACTIONS:
        return out
    for name in ERASED.get(table, ()):
        if name in out:
            out[name] = None
    if table == "people" and people and out.get("birth_date"):
        out["birth_date"] = str(out["birth_date"])[:7]
    return out


def family(db: Database, person_id: str) -> list[str]:
    """The person and every record merged into them (duplicates carry the same identity)."""
    found = [person_id]
    frontier = [person_id]
    while frontier:
        marks = ",".join("?" * len(frontier))
        frontier = [
            r[0]
            for r in db.execute(f"SELECT id FROM people WHERE merged_into IN ({marks})", frontier)
            if r[0] not in found
        ]
        found += frontier
    return found


def rows_of(db: Database, person_ids: list[str]) -> dict[str, list[str]]:
    """Ids of every row about these people, by table."""
    ids = json.dumps(person_ids)
    people = "(SELECT value FROM json_each(:ids))"
    out: dict[str, list[str]] = {"people": list(person_ids)}
    for table in ("contacts", "referrals", "consents", "participants", "safe_contacts"):
        if _exists(db, table):
            out[table] = [
                r[0]
                for r in db.execute(
                    f"SELECT id FROM {table} WHERE person_id IN {people}", {"ids": ids}
                )
            ]
    out["referral_events"] = [
        r[0]
        for r in db.execute(
            "SELECT id FROM referral_events WHERE referral_id IN (SELECT value FROM json_each(?))",
            [json.dumps(out["referrals"])],
        )
    ]
    every = [i for table in out.values() for i in table]
    pairs = _pairs(out)
    # Ids are unique per table only: an audit row about another table's row with one of
    # these ids (an office may give its contact another office's person's id) is not about
    # these people. One naming no synced table (``person``: an access PDF) is matched by id.
    out["audit_log"] = [
        r[0]
        for r in db.execute(
            "SELECT id, table_name, row_id FROM audit_log"
            " WHERE row_id IN (SELECT value FROM json_each(?))",
            [json.dumps(every)],
        )
        if r[1] not in BY_NAME or (r[1], r[2]) in pairs
    ]
    return out


def with_copies(db: Database, contact_ids: list[str]) -> list[str]:
    """``contact_ids`` and every contact that corrects one of them (``amends_id``), and so
    on down the chain: their copies under another record.

    Why: a merge made on a PC that had not yet heard of the erasure copies the erased
    person's contacts, texts and all, to the record she was merged into (insert-only
    corrections pointing at hers); those copies are rows of a live person, so a scrub of
    hers alone left the erased texts there, and in every office that pulled them."""
    if not contact_ids or not _exists(db, "contacts"):
        return list(contact_ids)
    found = db.execute(
        "WITH RECURSIVE chain(id) AS (SELECT value FROM json_each(?)"
        " UNION SELECT c.id FROM contacts c JOIN chain ON c.amends_id = chain.id)"
        " SELECT id FROM chain",
        [json.dumps(contact_ids)],
    )
    known = set(contact_ids)
    return list(contact_ids) + [r[0] for r in found if r[0] not in known]


def _pairs(rows: dict[str, list[str]]) -> set[tuple[str, str]]:
    """``(table, id)`` of every row in ``rows`` (by table)."""
    return {(table, i) for table, found in rows.items() for i in found}


def anonymised_among(db: Database, person_ids: Iterable[str]) -> list[str]:
    """Which of these people are anonymised (the survivors' marks count for merged ones)."""
    wanted = sorted({p for p in person_ids if p})
    if not wanted:
        return []
    return [
        r[0]
        for r in db.execute(
            "SELECT p.id FROM people p LEFT JOIN people s ON s.id = p.merged_into"
            " WHERE p.id IN (SELECT value FROM json_each(?))"
            " AND (p.anonymised_on IS NOT NULL OR s.anonymised_on IS NOT NULL)",
            [json.dumps(wanted)],
        )
    ]


def scrub_targets(db: Database, person_ids: Iterable[str]) -> dict[str, str]:
    """Anonymised people among ``person_ids`` → their day: each one itself, or the survivor
    a duplicate was merged into when that survivor is the one anonymised."""
    wanted = sorted({p for p in person_ids if p})
    if not wanted:
        return {}
    out: dict[str, str] = {}
    for pid, survivor, own, theirs in db.execute(
        "SELECT p.id, p.merged_into, p.anonymised_on, s.anonymised_on FROM people p"
        " LEFT JOIN people s ON s.id = p.merged_into"
        " WHERE p.id IN (SELECT value FROM json_each(?))"
        " AND (p.anonymised_on IS NOT NULL OR s.anonymised_on IS NOT NULL)",
        [json.dumps(wanted)],
    ):
        if own:
            out[pid] = own
        else:
            out[survivor] = theirs
    return out


def scrub(db: Database, person_id: str, anonymised_on: str) -> dict[str, list[str]]:
    """Erase every copy of the person's identity and notes this store holds: their rows
    (merged duplicates too), the search indexes, the outbox's and held changes' payloads,
    conflicts and registry edits. Call inside a write transaction; idempotent. Returns the
    rows about the person, by table."""
    db.execute("PRAGMA secure_delete = ON")  # freed cells and pages are zeroed
    ids = family(db, person_id)
    rows = rows_of(db, ids)
    rows["contacts"] = with_copies(db, rows["contacts"])
    db.execute("INSERT INTO casa_scrub (active) VALUES (1)")
    try:
        _scrub_contacts_index(db, rows["contacts"])
        for table, names in ERASED.items():
            if table not in rows or not rows[table]:
                continue
            sets = ", ".join(f"{n} = NULL" for n in names)
            extra = ""
            if table == "people":
                sets += ", birth_date = substr(birth_date, 1, 7), anonymised_on = coalesce("
                sets += "anonymised_on, :on)"
            if table == "audit_log":
                extra = " AND action NOT IN ('erased', 'anonymised')"
            db.execute(
                f"UPDATE {table} SET {sets} WHERE id IN (SELECT value FROM json_each(:ids)){extra}",
                {"ids": json.dumps(rows[table]), "on": anonymised_on},
            )
        pairs = _pairs(rows)
        _scrub_payloads(db, "sync_outbox", "seq", pairs)
        _scrub_payloads(db, "sync_held", "change_id", pairs)
        for table, found in rows.items():
            db.execute(
                "DELETE FROM sync_conflicts WHERE table_name = ?"
                " AND row_id IN (SELECT value FROM json_each(?))",
                [table, json.dumps(found)],
            )
        db.execute(  # edits of people registered here
            "DELETE FROM sync_registry_edits WHERE row_id IN (SELECT value FROM json_each(?))",
            [json.dumps(rows["people"])],
        )
    finally:
        db.execute("DELETE FROM casa_scrub")
    # The search indexes still hold the old terms in merged-away segments until compacted:
    # whoever scrubbed (an erasure, retention, a pull) compacts when its work is done.
    db.execute(
        "INSERT INTO casa_meta (key, value) VALUES ('compact_pending', '1')"
        " ON CONFLICT (key) DO UPDATE SET value = '1'"
    )
    return rows


def _scrub_contacts_index(db: Database, contact_ids: list[str]) -> None:
    """``contacts_fts`` is an external-content index: remove the old terms with FTS5's
    'delete' command (it needs the indexed values) before the texts are erased."""
    if not contact_ids:
        return
    db.execute(
        "INSERT INTO contacts_fts (contacts_fts, rowid, summary, notes)"
        " SELECT 'delete', rowid, summary, notes FROM contacts"
        " WHERE id IN (SELECT value FROM json_each(?))"
        " AND (summary IS NOT NULL OR notes IS NOT NULL)",
        [json.dumps(contact_ids)],
    )


def _scrub_payloads(db: Database, table: str, key: str, pairs: set[tuple[str, str]]) -> None:
    """Neutralise the payloads in ``table`` (the outbox, held changes) of the rows ``pairs``."""
    if not pairs:
        return
    found = db.execute(
        f"SELECT {key}, table_name, row_id, data FROM {table}"
        " WHERE row_id IN (SELECT value FROM json_each(?))",
        [json.dumps(sorted({i for _table, i in pairs}))],
    ).fetchall()
    for row_key, table_name, row_id, data in found:
        if (table_name, row_id) not in pairs:
            continue
        clean = neutralise(table_name, json.loads(data or "{}"))
        db.execute(
            f"UPDATE {table} SET data = ? WHERE {key} = ?",
            [json.dumps(clean, ensure_ascii=False, separators=(",", ":"), sort_keys=True), row_key],
        )


def compact(store: Store) -> None:
    """After scrubbing: merge the search indexes' segments (an FTS5 delete only adds a
    tombstone until its segments are merged), give freed pages back (incremental vacuum,
    when the store is in that mode: :func:`casa_desk.store.schema` creates new stores so)
    and fold the WAL into the file and empty it, so no old page survives in either."""
    with store.transaction():
        db = store.db
        db.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')")
        db.execute("INSERT INTO people_fts (people_fts) VALUES ('optimize')")
        db.execute("DELETE FROM casa_meta WHERE key = 'compact_pending'")
    with store.journal.transaction_lock():  # no transaction of ours runs meanwhile
        conn = store.journal.db.conn
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:
            conn.execute("PRAGMA incremental_vacuum").fetchall()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def compact_if_pending(store: Store) -> bool:
    """:func:`compact` if a scrub ran since the last one (after a sync or a bundle that
    brought anonymisations); True if it did."""
    row = store.db.execute("SELECT value FROM casa_meta WHERE key = 'compact_pending'")
    if not row.fetchone():
        return False
    compact(store)
    return True


def vacuum_mode(store: Store) -> str:
    """``incremental`` (stores made since issue 11), else ``none``/``full``."""
    mode = store.db.execute("PRAGMA auto_vacuum").fetchone()[0]
    return {0: "none", 1: "full", 2: "incremental"}.get(int(mode), "none")


def switch_to_incremental(store: Store) -> None:
    """Once, for a store made before issue 11: switching ``auto_vacuum`` needs one full
    VACUUM (the whole file rewritten, as much free disk as the store; minutes on 2 GB), so it
    is asked for explicitly (``casa-desk retention --vacuum``). Without it an erasure is just
    as complete — ``secure_delete`` zeroes every freed page — but the file does not shrink."""
    with store.journal.transaction_lock():
        conn = store.journal.db.conn
        conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _exists(db: Database, table: str) -> bool:
    return bool(
        db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
    )
