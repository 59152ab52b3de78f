"""Stores as the previous version left them (for the tests of m010 and of encryption)."""

from __future__ import annotations

from casa_desk.store.db import Store


def revert_m010(store: Store) -> None:
    """Back to the schema before m010 (as a store of the previous version)."""
    with store.transaction():
        db = store.db
        for trigger in ("contact", "referral", "referral_update", "merge"):
            db.execute(f"DROP TRIGGER IF EXISTS casa_restricted_{trigger}")
        db.execute("DROP TRIGGER IF EXISTS casa_audit_insert_only")
        db.execute("DROP TABLE people_restricted")
        for index in ("audit_log_at", "audit_log_who", "audit_log_action"):
            db.execute(f"DROP INDEX {index}")
        db.execute("ALTER TABLE users DROP COLUMN must_change_password")
        db.execute("UPDATE users SET may_see_sensitive = 1")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_security'")
