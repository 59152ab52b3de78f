"""Whether a store is a demo store (``casa-desk demo``): invented people, never paired.

A demo store is full of fictitious people with realistic names, codici fiscali and notes.
Paired with a real hub, its first sync would push them into head office's data and every
office's registry, as if they were tenants. So the builder marks the store
(``casa_meta.demo_store``) and the sync client refuses, before it sends anything, to enrol
it, to sync it or to export a bundle from it (:func:`casa_desk.sync.client.refuse_demo`).

The mark is local (``casa_meta`` never syncs) and has no switch: a demo store stays a demo
store. Stores built before the mark existed are recognised by the demo operator the builder
writes with a fixed id (:data:`DEMO_OPERATOR_ID`; a real account's id is random) and marked
by migration ``m019_demo_mark``.
"""

from __future__ import annotations

from sqlite_utils import Database

from casa_desk.models.ids import stable_id

#: ``casa_meta`` key of the mark (value ``"1"``).
DEMO_META = "demo_store"
#: The id of the builder's operator (``casa_desk.demo.builder.OPERATOR``): made from its
#: name, where every account a desk creates gets a random UUIDv7.
DEMO_OPERATOR_ID = stable_id("users", "operatore.demo")


def mark_demo(db: Database) -> None:
    """Mark the store as a demo store (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO casa_meta (key, value) VALUES (?, '1')"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [DEMO_META],
    )


def is_demo(db: Database) -> bool:
    """True for a store built by ``casa-desk demo``."""
    row = db.execute("SELECT value FROM casa_meta WHERE key = ?", [DEMO_META]).fetchone()
    return bool(row and row[0] == "1")


def built_as_demo(db: Database) -> bool:
    """True for a store that holds the demo builder's operator (stores made before the mark)."""
    if not db["users"].exists():
        return False
    return bool(db.execute("SELECT 1 FROM users WHERE id = ?", [DEMO_OPERATOR_ID]).fetchone())
