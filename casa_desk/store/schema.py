"""Schema and its migrations (``sqlite_utils.Migrations``), plus the triggers kept at open.

Migrations are named and ordered; each runs in a transaction after an automatic backup
(see :mod:`casa_desk.store.db`). Triggers are *not* migration steps: ``transform()`` drops
them, so :func:`ensure_triggers` recreates the capture guards and the search index triggers
from the live schema on every open and after every migration. A migration therefore cannot
silently switch capture off.

Each migration says which search indexes it keeps (:func:`migration`): after an upgrade the
store rebuilds the others (:func:`search_to_rebuild`) — seconds at 1,000,000 contacts, so
not after a migration that only adds a column, a table or an index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from casa_desk.store.current import current
from casa_desk.store.demo_mark import built_as_demo, mark_demo
from casa_desk.store.summaries import SUMMARY_TRIGGERS, create_summaries, rebuild_summaries
from casa_desk.store.tables import PARTICIPANTS, SAFE_CONTACTS, SETTINGS, SYNCED_TABLES

#: Identifies a casa_desk store among SQLite files (PRAGMA application_id, "CASA").
APPLICATION_ID = 0x43415341
MIGRATION_SET = "casa_desk"

migrations = Migrations(MIGRATION_SET)

#: The full-text search indexes, each following one table by rowid: ``people_fts`` keeps its
#: own copy of values computed from ``people`` (:data:`PEOPLE_FTS`), ``contacts_fts`` is an
#: external-content index of ``contacts`` (summary, notes).
SEARCH_INDEXES: frozenset[str] = frozenset({"people_fts", "contacts_fts"})

#: Migration name → the search indexes it keeps (:func:`migration`); absent: none.
_KEEPS_SEARCH: dict[str, frozenset[str]] = {}

_Step = TypeVar("_Step", bound=Callable[[Database], None])


def migration(
    *, keeps_search: bool | Iterable[str] = False, name: str | None = None
) -> Callable[[_Step], _Step]:
    """Register the next migration (as ``@migrations()`` does) and say which search indexes
    it keeps: ``True`` both, or the names of those it keeps (:data:`SEARCH_INDEXES`).

    A migration keeps an index when, applied to a store whose index matches its table, it
    leaves the index exactly as a rebuild would: it renumbers no row of the table (no table
    rebuilt by hand — create, copy, drop, rename — and no ``VACUUM``) and changes neither
    the values the index holds nor how they are computed. Adding a column, a table, an
    index or a derived table keeps both; one that rewrites an index itself (m003, m008)
    does not claim it, and the upgrade rebuilds it once more. The default keeps none: a
    migration that does not say gets both indexes rebuilt after it (Store.open), the safe
    way. Every mark is checked on a filled store by
    tests/unit/store/test_migration_search.py. (A change of the search triggers alone —
    :data:`PEOPLE_FTS` — rebuilds its index without a migration: search_triggers_changed.)
    """
    if keeps_search is True:
        kept = SEARCH_INDEXES
    elif keeps_search is False:
        kept = frozenset()
    else:
        kept = frozenset(keeps_search)
        if not kept <= SEARCH_INDEXES:
            raise ValueError(f"not a search index: {sorted(kept - SEARCH_INDEXES)}")

    def register(step: _Step) -> _Step:
        step_name = name or step.__name__
        migrations(name=step_name)(step)
        if kept:
            _KEEPS_SEARCH[step_name] = kept
        return step

    return register


def kept_search(name: str) -> frozenset[str]:
    """The search indexes migration ``name`` keeps (:func:`migration`)."""
    return _KEEPS_SEARCH.get(name, frozenset())


def search_to_rebuild(applied: Iterable[str]) -> frozenset[str]:
    """The search indexes to rebuild after applying the migrations named ``applied`` to an
    existing store: those that one of them does not keep."""
    stale: set[str] = set()
    for name in applied:
        stale |= SEARCH_INDEXES - kept_search(name)
    return frozenset(stale)


# Keeps none: it creates both indexes (only a new store applies it; opening a new store
# rebuilds nothing).
@migration()
def m001_initial(db: Database) -> None:
    """The tables of DESIGN.md §3, the sync bookkeeping and the search indexes."""
    for spec in SYNCED_TABLES:
        db[spec.name].create(  # type: ignore[union-attr]
            spec.all_columns,
            pk="id",
            not_null={"presidio", "scope", "created_at", "updated_at", "hlc", "origin"},
            defaults={"deleted": 0},
            foreign_keys=[(col, other, "id") for col, other in spec.foreign_keys],
        )
    db["users"].create(  # type: ignore[union-attr]
        {
            "id": str,
            "username": str,
            "full_name": str,
            "role": str,
            "presidio": str,
            "may_see_sensitive": int,
            "password_hash": str,
            "key_slot": str,
            "active": int,
            "created_at": str,
        },
        pk="id",
        not_null={"username", "role", "presidio"},
        defaults={"may_see_sensitive": 0, "active": 1},
    )
    for script in (_BOOKKEEPING, _INDEXES, _SEARCH):
        _exec_statements(db, script)


@migration(keeps_search=True)
def m002_people_lookup_indexes(db: Database) -> None:
    """Indexes for the person card: who was merged into this person (its history) and who
    shares a birth date (possible duplicates). Without them each is a scan of ``people``:
    70 ms apiece at 100,000 people (benchmarks/bench_ui.py)."""
    _exec_statements(
        db,
        """
        CREATE INDEX IF NOT EXISTS people_merged_into ON people (merged_into)
            WHERE merged_into IS NOT NULL;
        CREATE INDEX IF NOT EXISTS people_birth_date ON people (birth_date)
    """,
    )


# Rewrites people_fts (filled here with the values of its time, m008 changed them since).
@migration(keeps_search={"contacts_fts"})
def m003_people_search_prefixes(db: Database) -> None:
    """Rebuild the people search index with FTS5 prefix indexes for 1-3 characters.

    Search as you type asks for prefixes: without these, a short one ("ss", or the "s" of
    "lombardi s") makes FTS5 merge the postings of every term it starts — 20-100 ms at
    100,000 people; with them it is one lookup (under 5 ms). Same columns and tokenizer.
    """
    db.execute("DROP TABLE IF EXISTS people_fts")
    db.execute(
        "CREATE VIRTUAL TABLE people_fts USING fts5("
        " last_name, first_name, codice_fiscale, phone, unit_code,"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    db.execute(
        f"""INSERT INTO people_fts (rowid, last_name, first_name, codice_fiscale, phone, unit_code)
        SELECT {_PEOPLE_FTS_V1_VALUES.replace("NEW.", "")} FROM people
        WHERE deleted = 0 AND merged_into IS NULL"""
    )


@migration(keeps_search=True)
def m003_report_indexes(db: Database) -> None:
    """Indexes for the monthly report (benchmarks/bench_report.py, 1M contacts):
    follow-ups overdue at month end read only this covering index plus the amends probe
    (was a walk over the office's whole history, ~0.8 s), and the referrals with events in
    a month are found by event time instead of a scan of ``referral_events``."""
    _exec_statements(
        db,
        """
        CREATE INDEX IF NOT EXISTS contacts_follow_up_due ON contacts
            (presidio, follow_up_on, follow_up_done_at, occurred_at, deleted, id)
            WHERE follow_up_on IS NOT NULL;
        CREATE INDEX IF NOT EXISTS referral_events_at ON referral_events (at)
    """,
    )


@migration(keeps_search=True)
def m004_report_covering_indexes(db: Database) -> None:
    """Covering indexes for the monthly report at 90,000 contacts a month in one office
    (benchmarks/bench_report.py): "is this person new here?" becomes one index seek per
    person without reading the contact row (347 → 179 ms for 60,000 people), and the
    gender and birth date of a month's people are read from a small index (96 → 48 ms)."""
    _exec_statements(
        db,
        """
        CREATE INDEX IF NOT EXISTS contacts_person_office ON contacts
            (person_id, presidio, occurred_at, id) WHERE deleted = 0;
        CREATE INDEX IF NOT EXISTS people_report ON people (id, gender, birth_date)
    """,
    )


@migration(keeps_search=True)
def m005_people_unit_code(db: Database) -> None:
    """The household of a person without a household id is everyone in the same Aler unit
    (People.household); people imported from the registry have only the unit. Without this
    index each card scans ``people``: 20 ms at 100,000 people."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS people_unit_code ON people (unit_code)"
        " WHERE unit_code IS NOT NULL"
    )


@migration(keeps_search=True)
def m006_held_changes_and_clock_floor(db: Database) -> None:
    """One clock per store (issue 8).

    ``sync_held``: changes received with a clock too far ahead of this device's time are
    kept here, not applied and not observed, until their time comes (casa_desk.sync.apply).
    The saved clock is raised to the newest change the store holds: two processes used to
    overwrite it in turn, so it could be behind (the clock only moves forward from now on).
    """
    _exec_statements(
        db,
        """
        CREATE TABLE IF NOT EXISTS sync_held (
            change_id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            op TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            data TEXT NOT NULL,
            base TEXT,
            reason TEXT NOT NULL,
            received_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sync_held_row ON sync_held (table_name, row_id)
    """,
    )
    newest = max(
        int(db.execute(f"SELECT coalesce(max(hlc), 0) FROM {table}").fetchone()[0])
        for table in ("sync_outbox", "sync_applied")
    )
    if newest:
        db.execute(
            "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE"
            " SET value = excluded.value"
            " WHERE CAST(sync_state.value AS INTEGER) < CAST(excluded.value AS INTEGER)",
            [str(newest)],
        )


@migration(keeps_search=True)
def m007_esf_exits_and_settings(db: Database) -> None:
    """ESF participants from entry to results (issue 13), and head office's settings.

    Adds to ``participants`` the 2021–2027 entry indicators, the keyed hash of the codice
    fiscale, the re-entry date, the immediate results at exit and the six-month follow-up
    (columns of :data:`casa_desk.store.tables.PARTICIPANTS`), and creates the ``settings``
    reference table. A store created by this version already has them (m001 builds from
    the table specs), so every step checks first. Indexes: the agenda's follow-ups due
    (exited, not followed up), the report's exits by date, the hub-side duplicate check
    by hash.
    """
    have = set(db["participants"].columns_dict)  # type: ignore[union-attr]
    for name, kind in PARTICIPANTS.columns.items():
        if name not in have:
            db["participants"].add_column(name, kind)  # type: ignore[union-attr]
    if not db["settings"].exists():
        db["settings"].create(  # type: ignore[union-attr]
            SETTINGS.all_columns,
            pk="id",
            not_null={"presidio", "scope", "created_at", "updated_at", "hlc", "origin"},
            defaults={"deleted": 0},
        )
    _exec_statements(
        db,
        """
        CREATE UNIQUE INDEX IF NOT EXISTS settings_key ON settings (key, coalesce(office, ''))
            WHERE deleted = 0;
        CREATE INDEX IF NOT EXISTS participants_follow_up_due ON participants
            (presidio, exited_on) WHERE exited_on IS NOT NULL AND followup_on IS NULL
            AND deleted = 0;
        CREATE INDEX IF NOT EXISTS participants_exited ON participants (exited_on)
            WHERE exited_on IS NOT NULL;
        CREATE INDEX IF NOT EXISTS participants_cf_hash ON participants (cf_hash)
            WHERE cf_hash IS NOT NULL
    """,
    )


_BOOKKEEPING = """
CREATE TABLE casa_meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id TEXT NOT NULL UNIQUE,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    hlc INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    data TEXT NOT NULL,
    base TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX sync_outbox_row ON sync_outbox (row_id, hlc);
-- Changes received from the hub (or a bundle) and applied here: never captured again.
CREATE TABLE sync_applied (
    change_id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    applied_at TEXT NOT NULL
);
CREATE INDEX sync_applied_row ON sync_applied (row_id, hlc);
CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL,
    winner_value TEXT,
    winner_hlc INTEGER,
    winner_device TEXT,
    loser_value TEXT,
    loser_hlc INTEGER,
    loser_device TEXT,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE TABLE sync_rejections (
    change_id TEXT PRIMARY KEY,
    table_name TEXT,
    row_id TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);
-- Local cache of each referral's folded status (derived from referral_events, not synced).
CREATE TABLE referral_status (
    referral_id TEXT PRIMARY KEY REFERENCES referrals(id),
    status TEXT,
    flagged TEXT,
    sent_at TEXT,
    taken_at TEXT,
    closed_at TEXT,
    updated_at TEXT
);
CREATE INDEX referral_status_status ON referral_status (status);
"""

_INDEXES = """
CREATE UNIQUE INDEX presidi_code ON presidi (code);
CREATE UNIQUE INDEX categories_code ON categories (code);
CREATE UNIQUE INDEX users_username ON users (username);
CREATE INDEX people_cf ON people (codice_fiscale);
CREATE INDEX people_name_birth ON people (last_name, first_name, birth_date);
CREATE INDEX people_phone ON people (phone);
CREATE INDEX people_household ON people (household_id);
CREATE INDEX contacts_person ON contacts (person_id, occurred_at);
CREATE INDEX contacts_presidio_time ON contacts (presidio, occurred_at);
CREATE INDEX contacts_amends ON contacts (amends_id);
CREATE INDEX contacts_follow_up ON contacts (follow_up_on) WHERE follow_up_on IS NOT NULL;
CREATE INDEX consents_person ON consents (person_id, purpose);
CREATE INDEX referrals_person ON referrals (person_id);
CREATE INDEX referrals_presidio ON referrals (presidio);
CREATE INDEX referral_events_referral ON referral_events (referral_id, hlc);
CREATE UNIQUE INDEX participants_person ON participants (person_id);
CREATE INDEX audit_log_row ON audit_log (row_id);
"""

# People are indexed with computed values (national phone digits), so the FTS table keeps
# its own copy instead of being an external-content table. rowid = people.rowid.
_SEARCH = """
CREATE VIRTUAL TABLE people_fts USING fts5(
    last_name, first_name, codice_fiscale, phone, unit_code,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE contacts_fts USING fts5(
    summary, notes, content = 'contacts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


#: While a row is in the local table ``casa_scrub``, the guards let writes through: an
#: erasure (store/erasure.py) scrubs every copy on each node without capturing anything.
_SCRUBBING = "EXISTS (SELECT 1 FROM casa_scrub)"


def _guard_sql(table: str, *, scrub: bool = False) -> str:
    """Triggers that refuse any write to ``table`` that did not go through the journal.

    A write is legitimate when its ``(id, hlc)`` is in the outbox (a local change) or in
    ``sync_applied`` (a change received by sync); an update must bring a new ``hlc``, so the
    row's ``hlc`` is always the clock of the last change written to it. Rows are never
    physically deleted: deletion is a tombstone.
    """
    journaled = """(
        EXISTS (SELECT 1 FROM sync_outbox o WHERE o.row_id = NEW.id AND o.hlc = NEW.hlc)
        OR EXISTS (SELECT 1 FROM sync_applied a WHERE a.row_id = NEW.id AND a.hlc = NEW.hlc))"""
    refuse = (
        f"BEGIN SELECT RAISE(ABORT, 'casa_desk: write to {table} outside the sync journal'); END;"
    )
    unless = f"NOT {_SCRUBBING} AND " if scrub else ""
    # An update must carry a new clock (every change has its own), recorded by the journal.
    return f"""
    CREATE TRIGGER casa_guard_{table}_insert AFTER INSERT ON {table}
    WHEN NOT {journaled} {refuse}
    CREATE TRIGGER casa_guard_{table}_update AFTER UPDATE ON {table}
    WHEN {unless}((NEW.hlc IS OLD.hlc AND NEW.origin IS OLD.origin) OR NOT {journaled}) {refuse}
    CREATE TRIGGER casa_guard_{table}_delete BEFORE DELETE ON {table}
    WHEN {unless or "1 AND "}1
    BEGIN SELECT RAISE(ABORT, 'casa_desk: rows of {table} are tombstoned, never deleted'); END;
    """


# The values m003 indexed (its columns); later steps index more (PEOPLE_FTS below).
_PEOPLE_FTS_V1_VALUES = """
    NEW.rowid, NEW.last_name, NEW.first_name, NEW.codice_fiscale,
    CASE WHEN NEW.phone LIKE '+39%' THEN substr(NEW.phone, 4) ELSE NEW.phone END,
    NEW.unit_code
"""

#: The digits of a phone as the desk dials them: Italian numbers without +39, foreign ones
#: with their country code and no "+".
_DIALLED = (
    "(CASE WHEN NEW.phone LIKE '+39%' THEN substr(NEW.phone, 4)"
    " ELSE replace(NEW.phone, '+', '') END)"
)
#: The last 4-9 digits of that number as separate words, so "7689055" finds 351 768 9055
#: (FTS5 matches the beginnings of words, never their ends).
_PHONE_TAIL = " || ' ' || ".join(f"substr({_DIALLED}, -{n})" for n in range(4, 10))
#: The surname without its spaces, apostrophes and hyphens, as one more word: "dangelo"
#: finds D'Angelo, and "de rosa" ranks De Rosa (also "derosa") before Del Rosario.
_NAME_JOINED = (
    "replace(replace(replace(replace(NEW.last_name, ' ', ''), '''', ''), char(8217), ''), '-', '')"
)
#: (column, value) of the people search index, in order (m007).
PEOPLE_FTS: tuple[tuple[str, str], ...] = (
    ("last_name", "NEW.last_name"),
    ("first_name", "NEW.first_name"),
    ("codice_fiscale", "NEW.codice_fiscale"),
    ("phone", _DIALLED),
    ("unit_code", "NEW.unit_code"),
    ("name_joined", _NAME_JOINED),
    ("phone_tail", _PHONE_TAIL),
    ("address", "trim(coalesce(NEW.street, '') || ' ' || coalesce(NEW.civic, ''))"),
)
#: bm25 weights, same order: a name counts more than a street.
PEOPLE_FTS_WEIGHTS = (10.0, 6.0, 4.0, 4.0, 3.0, 8.0, 2.0, 1.0)
_PEOPLE_FTS_COLUMNS = ", ".join(column for column, _ in PEOPLE_FTS)
_PEOPLE_FTS_VALUES = "NEW.rowid, " + ", ".join(value for _, value in PEOPLE_FTS)

_SEARCH_TRIGGERS = f"""
CREATE TRIGGER casa_fts_people_insert AFTER INSERT ON people
WHEN NEW.deleted = 0 AND NEW.merged_into IS NULL BEGIN
    INSERT INTO people_fts (rowid, {_PEOPLE_FTS_COLUMNS})
    VALUES ({_PEOPLE_FTS_VALUES});
END;
CREATE TRIGGER casa_fts_people_update AFTER UPDATE ON people BEGIN
    DELETE FROM people_fts WHERE rowid = OLD.rowid;
    INSERT INTO people_fts (rowid, {_PEOPLE_FTS_COLUMNS})
    SELECT {_PEOPLE_FTS_VALUES} WHERE NEW.deleted = 0 AND NEW.merged_into IS NULL;
END;
CREATE TRIGGER casa_fts_contacts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts (rowid, summary, notes) VALUES (NEW.rowid, NEW.summary, NEW.notes);
END;
"""


_UNLESS_SCRUB = "{unless}"

# Who is riservato, kept as rows are written (locally or by sync: both write these tables).
# Once riservato, a person stays so when the contact is corrected or deleted: the record
# existed, and who saw it must be answerable. A person merged into another passes it on.
_MARK_AUTOMATIC = """INSERT INTO people_restricted (person_id, automatic, since)
    SELECT id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM people
    WHERE id IN (NEW.person_id, (SELECT merged_into FROM people WHERE id = NEW.person_id))
    ON CONFLICT (person_id) DO UPDATE SET automatic = 1;"""
_RESTRICTED_TRIGGERS = f"""
CREATE TRIGGER casa_restricted_contact AFTER INSERT ON contacts
WHEN NEW.sensitive = 1 AND NEW.person_id IS NOT NULL BEGIN
    {_MARK_AUTOMATIC}
END;
CREATE TRIGGER casa_restricted_referral AFTER INSERT ON referrals
WHEN NEW.sensitive = 1 AND NEW.person_id IS NOT NULL BEGIN
    {_MARK_AUTOMATIC}
END;
CREATE TRIGGER casa_restricted_referral_update AFTER UPDATE OF sensitive, person_id ON referrals
WHEN NEW.sensitive = 1 AND NEW.person_id IS NOT NULL BEGIN
    {_MARK_AUTOMATIC}
END;
CREATE TRIGGER casa_restricted_merge AFTER UPDATE OF merged_into ON people
WHEN NEW.merged_into IS NOT NULL
AND EXISTS (SELECT 1 FROM people_restricted r WHERE r.person_id = NEW.id) BEGIN
    INSERT INTO people_restricted (person_id, automatic, by_hand, since)
    SELECT NEW.merged_into, r.automatic, r.by_hand, r.since FROM people_restricted r
    WHERE r.person_id = NEW.id
    ON CONFLICT (person_id) DO UPDATE SET automatic = max(automatic, excluded.automatic),
        by_hand = max(by_hand, excluded.by_hand);
END;
CREATE TRIGGER casa_audit_insert_only BEFORE UPDATE ON audit_log {_UNLESS_SCRUB}BEGIN
    SELECT RAISE(ABORT, 'casa_desk: audit_log rows are never changed');
END;
"""


def rebuild_restricted(db: Database) -> None:
    """Recompute the automatic part of ``people_restricted`` from contacts and referrals
    (hand flags are kept). Idempotent; used by the migration and after a bulk load."""
    db.execute("UPDATE people_restricted SET automatic = 0")
    db.execute(
        """INSERT INTO people_restricted (person_id, automatic, since)
        SELECT person_id, 1, min(created_at) FROM (
            SELECT person_id, created_at FROM contacts
                WHERE sensitive = 1 AND person_id IS NOT NULL
            UNION ALL
            SELECT person_id, created_at FROM referrals
                WHERE sensitive = 1 AND person_id IS NOT NULL
        ) WHERE true GROUP BY person_id
        ON CONFLICT (person_id) DO UPDATE SET automatic = 1"""
    )
    db.execute(
        """INSERT INTO people_restricted (person_id, automatic, by_hand, since)
        SELECT p.merged_into, r.automatic, r.by_hand, r.since
        FROM people p JOIN people_restricted r ON r.person_id = p.id
        WHERE p.merged_into IS NOT NULL AND true
        ON CONFLICT (person_id) DO UPDATE SET automatic = max(automatic, excluded.automatic),
            by_hand = max(by_hand, excluded.by_hand)"""
    )
    db.execute("DELETE FROM people_restricted WHERE automatic = 0 AND by_hand = 0")


def ensure_triggers(db: Database) -> bool:
    """(Re)create every trigger the store relies on, from the current schema. Idempotent.

    Writes only when the store's triggers differ from these (missing after a migration or a
    bulk load, or from an older version): opening a current store then changes nothing in
    the file, so a command that only reads need not check the whole file first
    (:meth:`casa_desk.store.db.Store.open`). Returns True when it rewrote them.
    """
    if not triggers_stale(db):
        return False
    existing = {
        row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    for name in existing:
        if name.startswith("casa_"):
            db.execute(f"DROP TRIGGER {name}")
    for script in _trigger_scripts(db):
        _exec_script(db, script)
    return True


def _trigger_scripts(db: Database) -> list[str]:
    """The scripts of every trigger this store should have (read-only)."""
    scrub = bool(db["casa_scrub"].exists())
    scripts = [_guard_sql(spec.name, scrub=scrub) for spec in SYNCED_TABLES]
    scripts.append(_SEARCH_TRIGGERS)
    if db["people_restricted"].exists():
        unless = f"WHEN NOT {_SCRUBBING} " if scrub else ""
        scripts.append(_RESTRICTED_TRIGGERS.replace("{unless}", unless))
    if db["contacts_first_seen"].exists():
        scripts.append(_FIRST_SEEN_TRIGGERS)
    if db["contacts_month_people"].exists():
        scripts.append(SUMMARY_TRIGGERS)
    return scripts


def triggers_stale(db: Database) -> bool:
    """Whether :func:`ensure_triggers` has something to write (read-only)."""
    have = {
        name: sql
        for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        if name.startswith("casa_")
    }
    return have != _wanted_triggers(db)


#: The triggers that keep each search index up to date (:data:`_SEARCH_TRIGGERS`).
_SEARCH_KEEPERS: dict[str, tuple[str, ...]] = {
    "people_fts": ("casa_fts_people_insert", "casa_fts_people_update"),
    "contacts_fts": ("casa_fts_contacts_insert",),
}


def search_triggers_changed(db: Database) -> frozenset[str]:
    """The search indexes whose triggers in the store are not this version's (read-only;
    before :func:`ensure_triggers`): missing — a bulk load that stopped half-way
    (:func:`suspend_search`), a ``transform()`` of the table — or computing other values.
    Rows written meanwhile may be missing from that index or indexed otherwise."""
    names = [name for keepers in _SEARCH_KEEPERS.values() for name in keepers]
    marks = ", ".join("?" for _ in names)
    have = dict(
        db.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({marks})",
            names,
        ).fetchall()
    )
    wanted = _wanted_triggers(db)
    return frozenset(
        index
        for index, keepers in _SEARCH_KEEPERS.items()
        if any(have.get(name) != wanted[name] for name in keepers)
    )


def _wanted_triggers(db: Database) -> dict[str, str]:
    """name → SQL as SQLite keeps it in ``sqlite_master`` (``CREATE TRIGGER`` … ``END``)."""
    wanted = {}
    for script in _trigger_scripts(db):
        for chunk in script.split("END;"):
            if chunk.strip():
                sql = (chunk + "END").strip()
                wanted[sql.split()[2]] = sql
    return wanted


def _exec_script(db: Database, script: str) -> None:
    """Run ``;``-separated CREATE TRIGGER statements inside the current transaction.

    ``executescript`` would COMMIT first; triggers contain ``;`` inside BEGIN…END, so split
    on the ``END;`` that closes each one.
    """
    for chunk in script.split("END;"):
        if chunk.strip():
            db.execute(chunk + "END;")


def _exec_statements(db: Database, script: str) -> None:
    """Run plain ``;``-separated statements in the current transaction (unlike executescript)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def missing_guards(db: Database) -> list[str]:
    """Synced tables whose capture guard is absent (used by tests and the open check)."""
    names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    return [
        spec.name
        for spec in SYNCED_TABLES
        if not {f"casa_guard_{spec.name}_{op}" for op in ("insert", "update", "delete")} <= names
    ]


SEARCH_INSERT_TRIGGERS = ("casa_fts_people_insert", "casa_fts_contacts_insert")


def suspend_search(db: Database) -> None:
    """Drop the search-index insert triggers for a bulk load into a throw-away file (the
    demo builder). Indexing row by row costs about a fifth of the load; one rebuild at the
    end (:func:`rebuild_search`, then :func:`ensure_triggers`) costs seconds. The capture
    guards stay on. A store that is reopened gets its triggers back in any case."""
    for name in SEARCH_INSERT_TRIGGERS:
        db.execute(f"DROP TRIGGER IF EXISTS {name}")


def rebuild_search(db: Database, indexes: Iterable[str] = SEARCH_INDEXES) -> None:
    """Rebuild search ``indexes`` (default both) from their tables (after a bulk load, an
    upgrade that needs it — :func:`search_to_rebuild` — or a repair)."""
    indexes = frozenset(indexes)
    if not indexes <= SEARCH_INDEXES:
        raise ValueError(f"not a search index: {sorted(indexes - SEARCH_INDEXES)}")
    if "people_fts" in indexes:
        db.execute("DELETE FROM people_fts")
        _fill_people_search(db)
    if "contacts_fts" in indexes:
        db.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')")


def _fill_people_search(db: Database) -> None:
    db.execute(
        f"""INSERT INTO people_fts (rowid, {_PEOPLE_FTS_COLUMNS})
        SELECT {_PEOPLE_FTS_VALUES.replace("NEW.", "")} FROM people
        WHERE deleted = 0 AND merged_into IS NULL"""
    )


@migration(keeps_search=True)
def m007_registry_edits(db: Database) -> None:
    """Edits another office made to a person registered here, as received by sync (issue 8):
    the Sync page and the person's card list them with the office and operator that made
    them and the values before and after, so a wrong phone or address is seen and reverted
    in one action. ``fields`` is JSON ``{field: [before, after]}``; ``reverted_at`` or
    ``seen_at`` close it."""
    _exec_statements(
        db,
        """
        CREATE TABLE IF NOT EXISTS sync_registry_edits (
            change_id TEXT PRIMARY KEY,
            row_id TEXT NOT NULL,
            office TEXT,
            operator TEXT,
            device_id TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            fields TEXT NOT NULL,
            received_at TEXT NOT NULL,
            reverted_at TEXT,
            seen_at TEXT
        );
        CREATE INDEX IF NOT EXISTS sync_registry_edits_row ON sync_registry_edits (row_id)
    """,
    )


# Rewrites people_fts with new values: the upgrade rebuilds it again (harmless, stores this
# old are rare), contacts_fts is untouched.
@migration(keeps_search={"contacts_fts"})
def m008_search_phones_names_streets(db: Database) -> None:
    """Search finds a phone however it is typed and by its last digits, a surname without its
    apostrophe or space ("dangelo", "derosa"), and a street (issue 9, item 11).

    The people index gets three more columns — the surname joined, the phone's last digits,
    the street and civic — and bm25 weights so that a name outranks a street. Rebuilt from
    ``people`` (100,000 people: seconds, once).
    """
    db.execute("DROP TABLE IF EXISTS people_fts")
    db.execute(
        f"CREATE VIRTUAL TABLE people_fts USING fts5({_PEOPLE_FTS_COLUMNS},"
        " tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
    )
    weights = ", ".join(str(w) for w in PEOPLE_FTS_WEIGHTS)
    db.execute("INSERT INTO people_fts (people_fts, rank) VALUES ('rank', ?)", [f"bm25({weights})"])
    _fill_people_search(db)


@migration(keeps_search=True)
def m009_presidi_phone_email(db: Database) -> None:
    """The office's phone and e-mail, for the referral letter's "Per richiamarci" (issue 9,
    item 13). Reference data: head office fills them in and every desk receives them."""
    for column in ("phone", "email"):
        if column not in db["presidi"].columns_dict:  # type: ignore[union-attr]
            db.execute(f"ALTER TABLE presidi ADD COLUMN {column} TEXT")


@migration(keeps_search=True)
def m010_security(db: Database) -> None:
    """Who may see what (issue 10).

    ``people_restricted``: the people this office must treat as *riservato* — anyone with a
    sensitive contact or referral (domestic violence, health: ``automatic``), or flagged by
    hand (``by_hand``). A local table kept by triggers (:data:`_RESTRICTED_TRIGGERS`), so a
    list of people asks one primary-key probe per row instead of searching each person's
    contacts; it is filled here from what the store already holds.
    Indexes for the audit page's filters (time, user, action). ``users`` gets
    ``must_change_password`` (set when an administrator resets a password), and nobody keeps
    the permission to see sensitive content: it used to be on by default, it is now given
    explicitly by an administrator (casa_desk.security.accounts.change_user).
    """
    _exec_statements(
        db,
        """
        CREATE TABLE IF NOT EXISTS people_restricted (
            person_id TEXT PRIMARY KEY,
            automatic INTEGER NOT NULL DEFAULT 0,
            by_hand INTEGER NOT NULL DEFAULT 0,
            since TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
        CREATE INDEX IF NOT EXISTS audit_log_who ON audit_log (who, at);
        CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, at)
    """,
    )
    if "must_change_password" not in db["users"].columns_dict:  # type: ignore[union-attr]
        db["users"].add_column("must_change_password", int, not_null_default=0)  # type: ignore[union-attr]
    db.execute("UPDATE users SET may_see_sensitive = 0")
    rebuild_restricted(db)


@migration(keeps_search=True)
def m011_sync_outbox_operator(db: Database) -> None:
    """Who made each change, recorded when it is made (issue 8 follow-up): the journal
    stamps the writing operator on ``sync_outbox.operator`` and the push sends it, so an
    edit is credited to its author even if another operator syncs later. Older rows keep
    NULL and are sent with the desk's operator of the moment, as before."""
    if "operator" not in db["sync_outbox"].columns_dict:  # type: ignore[union-attr]
        db.execute("ALTER TABLE sync_outbox ADD COLUMN operator TEXT")


@migration(keeps_search=True)
def m011_rights_consent_hold(db: Database) -> None:
    """Referrals on hold (issue 11): the folded ``held`` flag and its reason in the local
    status cache, refolded from the events already there (none is held yet)."""
    columns = db["referral_status"].columns_dict  # type: ignore[union-attr]
    if "held" not in columns:
        db.execute("ALTER TABLE referral_status ADD COLUMN held INTEGER NOT NULL DEFAULT 0")
    if "held_reason" not in columns:
        db.execute("ALTER TABLE referral_status ADD COLUMN held_reason TEXT")


@migration(keeps_search=True)
def m012_rights_anonymised(db: Database) -> None:
    """Anonymisation as a replicated operation (issue 11): ``people.anonymised_on`` (synced),
    the local ``casa_scrub`` flag the guard triggers honour while an erasure scrubs this
    node's copies (store/erasure.py), and an index for the people already anonymised."""
    if "anonymised_on" not in db["people"].columns_dict:  # type: ignore[union-attr]
        db.execute("ALTER TABLE people ADD COLUMN anonymised_on TEXT")
    _exec_statements(
        db,
        """
        CREATE TABLE IF NOT EXISTS casa_scrub (active INTEGER);
        CREATE INDEX IF NOT EXISTS people_anonymised ON people (anonymised_on)
            WHERE anonymised_on IS NOT NULL
    """,
    )


@migration(keeps_search=True)
def m013_rights_safe_contacts(db: Database) -> None:
    """Safe-contact instructions (issue 11): a synced table, one row per person and office."""
    if not db[SAFE_CONTACTS.name].exists():
        db[SAFE_CONTACTS.name].create(  # type: ignore[union-attr]
            SAFE_CONTACTS.all_columns,
            pk="id",
            not_null={"presidio", "scope", "created_at", "updated_at", "hlc", "origin"},
            defaults={"deleted": 0},
            foreign_keys=[(col, other, "id") for col, other in SAFE_CONTACTS.foreign_keys],
        )
    db.execute(
        "CREATE UNIQUE INDEX IF NOT EXISTS safe_contacts_person ON safe_contacts"
        " (person_id, presidio) WHERE deleted = 0"
    )


@migration(keeps_search=True)
def m014_report_month_indexes(db: Database) -> None:
    """Indexes the monthly report reads without touching a table row (issue 12; profile in
    benchmarks/bench_report.py, 1,000,000 contacts):

    * ``contacts_presidio_time`` also carries what the month's figures read (deleted,
      person, topic, channel, id): the month is read from the index alone, as the
      "current" check needs only the id;
    * ``contacts_amends`` holds only corrections (``amends_id IS NOT NULL``, about 1% of
      contacts): the "is it amended?" probe of every counted contact seeks a small index;
    * ``contacts_person_office`` carries ``deleted``: SQLite does not count a partial
      index's WHERE as covering, so "seen here before?" read each contact row anyway;
    * ``contacts_follow_up_due`` is ordered by ``follow_up_done_at`` before the due date:
      follow-ups open at a month's end (or the agenda's) are two short ranges instead of
      the office's whole follow-up history;
    * the referral events of two months and their history are read from their indexes.

    Same names, so a query that named an index still finds it; each new index starts
    with the columns of the one it replaces (except the follow-up index, reordered).
    """
    _exec_statements(
        db,
        """
        DROP INDEX IF EXISTS contacts_presidio_time;
        CREATE INDEX contacts_presidio_time ON contacts
            (presidio, occurred_at, deleted, person_id, category, channel, id);
        DROP INDEX IF EXISTS contacts_amends;
        CREATE INDEX contacts_amends ON contacts (amends_id) WHERE amends_id IS NOT NULL;
        DROP INDEX IF EXISTS contacts_person_office;
        CREATE INDEX contacts_person_office ON contacts
            (person_id, presidio, occurred_at, deleted, id) WHERE deleted = 0;
        DROP INDEX IF EXISTS contacts_follow_up_due;
        CREATE INDEX contacts_follow_up_due ON contacts
            (presidio, follow_up_done_at, follow_up_on, occurred_at, deleted, id)
            WHERE follow_up_on IS NOT NULL;
        DROP INDEX IF EXISTS referral_events_at;
        CREATE INDEX referral_events_at ON referral_events (at, deleted, referral_id);
        DROP INDEX IF EXISTS referral_events_referral;
        CREATE INDEX referral_events_referral ON referral_events
            (referral_id, hlc, id, deleted, event, at)
    """,
    )


# -- when each person was first seen at each office (m015) ----------------------------------
#: The earliest current contact (the store's one definition, casa_desk.store.current) of
#: each (person, office) pair that ``{pairs}`` keeps, as rows of ``contacts_first_seen``.
_FIRST_SEEN_OF = (
    "SELECT c.person_id, c.presidio, min(c.occurred_at) FROM contacts c "
    f"WHERE {{pairs}} AND c.occurred_at IS NOT NULL AND {current('c')} "
    "GROUP BY c.person_id, c.presidio"
)


def _first_seen_again(*pairs: str) -> str:
    """Statements recomputing the (person, office) pairs that ``pairs`` select, one row
    each, from their contacts.

    One statement per pair, each a single ``SELECT``: SQLite drives an index with a row
    value ``IN`` of one ``SELECT``, not of a compound one, and with a ``UNION ALL`` of
    the pairs both statements read every row of ``contacts_first_seen`` and of the
    contacts' index: 0.84 s for each correction on the 1,000,000-contact store
    (tests/unit/store/test_trigger_plans.py). Two pairs may be the same (a correction of a
    contact of the same person at the same office): the second insert finds the first's
    row, which holds the same date."""
    deletes = [
        f"DELETE FROM contacts_first_seen WHERE (person_id, presidio) IN ({pair});"
        for pair in pairs
    ]
    inserts = [
        "INSERT INTO contacts_first_seen (person_id, presidio, first_at) "
        + _FIRST_SEEN_OF.format(pairs=f"(c.person_id, c.presidio) IN ({pair})")
        + " ON CONFLICT (person_id, presidio) DO NOTHING;"
        for pair in pairs
    ]
    return "\n    ".join(deletes + inserts)


def _pair_of(row_id: str) -> str:
    return f"SELECT t.person_id, t.presidio FROM contacts t WHERE t.id = {row_id}"


# Kept as contacts are written, locally or by sync (both write the table, triggers on). A
# new current contact can only move its pair's date earlier (one upsert); anything that can
# make a contact stop counting (a correction, a removal, an update, a scrub's delete)
# recomputes the pairs it touches from their contacts (a few rows each, by index).
_FIRST_SEEN_TRIGGERS = f"""
CREATE TRIGGER casa_first_seen_insert AFTER INSERT ON contacts
WHEN NEW.amends_id IS NULL AND NEW.person_id IS NOT NULL AND NEW.deleted = 0
AND NEW.occurred_at IS NOT NULL BEGIN
    INSERT INTO contacts_first_seen (person_id, presidio, first_at)
    SELECT NEW.person_id, NEW.presidio, NEW.occurred_at
    WHERE {current("NEW")}
    ON CONFLICT (person_id, presidio) DO UPDATE SET first_at = excluded.first_at
    WHERE excluded.first_at < first_at;
END;
CREATE TRIGGER casa_first_seen_amend AFTER INSERT ON contacts
WHEN NEW.amends_id IS NOT NULL BEGIN
    {_first_seen_again("SELECT NEW.person_id, NEW.presidio", _pair_of("NEW.amends_id"))}
END;
CREATE TRIGGER casa_first_seen_update
AFTER UPDATE OF person_id, presidio, occurred_at, deleted, amends_id ON contacts
WHEN OLD.person_id IS NOT NEW.person_id OR OLD.presidio IS NOT NEW.presidio
OR OLD.occurred_at IS NOT NEW.occurred_at OR OLD.deleted IS NOT NEW.deleted
OR OLD.amends_id IS NOT NEW.amends_id BEGIN
    {
    _first_seen_again(
        "SELECT OLD.person_id, OLD.presidio",
        "SELECT NEW.person_id, NEW.presidio",
        _pair_of("OLD.amends_id"),
        _pair_of("NEW.amends_id"),
    )
}
END;
CREATE TRIGGER casa_first_seen_delete AFTER DELETE ON contacts BEGIN
    {_first_seen_again("SELECT OLD.person_id, OLD.presidio", _pair_of("OLD.amends_id"))}
END;
"""


def rebuild_first_seen(db: Database) -> None:
    """Recompute ``contacts_first_seen`` from every current contact (the migration; a test
    compares it with what the triggers kept)."""
    db.execute("DELETE FROM contacts_first_seen")
    db.execute(
        "INSERT INTO contacts_first_seen (person_id, presidio, first_at) "
        + _FIRST_SEEN_OF.format(pairs="c.person_id IS NOT NULL")
    )


@migration(keeps_search=True)
def m015_report_first_seen(db: Database) -> None:
    """When each person was first seen at each office: ``contacts_first_seen`` (person,
    office, the ``occurred_at`` of their earliest current contact there), kept by triggers.

    The monthly report's "new people" (first contact at this office in the month) asked the
    contacts index once per person of two months: ~63,000 seeks, 0.26 s of the report's
    1.1 s of CPU on the encrypted 1,000,000-contact store (benchmarks/bench_report.py).
    With this table it reads one range, the pairs first seen since the previous month.
    A derived, local table like ``people_restricted``: never synced, rebuilt from contacts.
    """
    _exec_statements(
        db,
        """
        CREATE TABLE IF NOT EXISTS contacts_first_seen (
            person_id TEXT NOT NULL,
            presidio TEXT NOT NULL,
            first_at TEXT NOT NULL,
            PRIMARY KEY (person_id, presidio)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS contacts_first_seen_office
            ON contacts_first_seen (presidio, first_at, person_id)
    """,
    )
    rebuild_first_seen(db)


@migration(keeps_search=True)
def m016_report_referrals_index(db: Database) -> None:
    """``referrals_report`` (id, deleted, presidio, service_id): the monthly report reads the
    referrals with events in two months (11,000 at 1,000,000 contacts) from this index alone,
    by id, instead of one table row each: its referral query took 0.13-0.15 s of CPU instead
    of 0.17-0.23 s on the encrypted store (benchmarks/bench_report.py)."""
    db.execute(
        "CREATE INDEX IF NOT EXISTS referrals_report"
        " ON referrals (id, deleted, presidio, service_id)"
    )


@migration(keeps_search=True)
def m017_report_summaries(db: Database) -> None:
    """The monthly report's contact counts kept by triggers: ``contacts_month_people``
    (office, Rome month, person, n) and ``contacts_hour_counts`` (office, UTC hour, topic,
    channel, n), filled here from the contacts already in the store
    (:mod:`casa_desk.store.summaries`). Derived and local, like ``contacts_first_seen``."""
    create_summaries(db)


@migration(keeps_search=True)
def m018_report_summaries_recounted(db: Database) -> None:
    """The summaries counted again from the contacts: m017's triggers took away a count for
    a contact naming itself as the contact it amends (sync may bring one) when it was
    updated or scrubbed, though such a row is never counted, and missed one when an update
    made a counted row amend itself. The triggers are right now; a store they may have
    miscounted is repaired here (the migration's whole cost, ~m017's)."""
    rebuild_summaries(db)


@migration(keeps_search=True)
def m019_demo_mark(db: Database) -> None:
    """Demo stores are marked (``casa_meta.demo_store``), so none is ever paired with a hub
    (:mod:`casa_desk.store.demo_mark`): one built before the mark is recognised by the demo
    builder's operator and marked now. A real office's store is left as it is."""
    if built_as_demo(db):
        mark_demo(db)


@migration(keeps_search=True)
def m020_people_erasure_hashes(db: Database) -> None:
    """The suppression list (:mod:`casa_desk.store.suppression`): ``people.erasure_hashes``
    (synced), the keyed hashes that stop a registry import from registering again a person
    erased on request. People erased before it keep none (their identifiers are gone)."""
    if "erasure_hashes" not in db["people"].columns_dict:  # type: ignore[union-attr]
        db.execute("ALTER TABLE people ADD COLUMN erasure_hashes TEXT")
    db.execute(
        "CREATE INDEX IF NOT EXISTS people_erasure_hashes ON people (id)"
        " WHERE erasure_hashes IS NOT NULL"
    )
