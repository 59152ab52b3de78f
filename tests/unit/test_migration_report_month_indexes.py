"""m014_report_month_indexes, applied to a store of the previous schema with data in it."""

from __future__ import annotations

from pathlib import Path

import report_fixture

from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.db import Store

#: The indexes as m003/m004 and the first schema left them, before m014.
BEFORE_M008 = """
DROP INDEX contacts_presidio_time;
CREATE INDEX contacts_presidio_time ON contacts (presidio, occurred_at);
DROP INDEX contacts_amends;
CREATE INDEX contacts_amends ON contacts (amends_id);
DROP INDEX contacts_person_office;
CREATE INDEX contacts_person_office ON contacts (person_id, presidio, occurred_at, id)
    WHERE deleted = 0;
DROP INDEX contacts_follow_up_due;
CREATE INDEX contacts_follow_up_due ON contacts
    (presidio, follow_up_on, follow_up_done_at, occurred_at, deleted, id)
    WHERE follow_up_on IS NOT NULL;
DROP INDEX referral_events_at;
CREATE INDEX referral_events_at ON referral_events (at);
DROP INDEX referral_events_referral;
CREATE INDEX referral_events_referral ON referral_events (referral_id, hlc);
"""


def _columns(store: Store, index: str) -> list[str]:
    return [row[2] for row in store.db.execute(f"PRAGMA index_info({index})").fetchall()]


def _figures(store: Store) -> list:
    out = []
    for presidio in ("SAN-SIRO", "MAZZINI", None):
        for month in ("2026-09", "2026-10"):
            f = aggregate.compute(store.db.conn, Month.parse(month), presidio)
            out.append((f.headline, f.previous, f.contacts, f.referrals))
    return out


def test_m014_rebuilds_the_report_indexes_and_the_figures_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    report_fixture.build(store)
    after = _figures(store)
    with store.transaction():
        for statement in BEFORE_M008.split(";"):
            if statement.strip():
                store.db.execute(statement)
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm014_report_month_indexes'")
    assert _columns(store, "contacts_follow_up_due")[1] == "follow_up_on"
    before = _figures(store)
    contacts = store.db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    store.close()

    store = Store.open(path)
    assert store.db.execute("SELECT count(*) FROM contacts").fetchone()[0] == contacts
    assert _columns(store, "contacts_presidio_time") == [
        "presidio",
        "occurred_at",
        "deleted",
        "person_id",
        "category",
        "channel",
        "id",
    ]
    assert _columns(store, "contacts_follow_up_due")[:3] == [
        "presidio",
        "follow_up_done_at",
        "follow_up_on",
    ]
    assert _columns(store, "referral_events_referral")[:2] == ["referral_id", "hlc"]
    # The overdue follow-ups read two ranges of the reordered index.
    plan = " ".join(
        row[3]
        for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM contacts c WHERE c.follow_up_on IS NOT NULL"
            " AND c.follow_up_done_at IS NULL AND c.follow_up_on < '2026-11-01'"
            " AND c.presidio = 'SAN-SIRO'"
        ).fetchall()
    )
    assert "contacts_follow_up_due (presidio=? AND follow_up_done_at=?" in plan
    assert _figures(store) == before == after
    store.close()
