"""m017_report_summaries: the report's contact counts kept by triggers.

``contacts_month_people``, ``contacts_hour_counts`` and ``contacts_month_demo`` as the
triggers keep them must equal a recomputation from the contacts (:func:`rebuild_summaries`)
after any sequence of writes: contacts logged, corrections (also of rows not yet arrived, as
sync may bring them, and two of the same row), removals, newer versions of a row, deletions
by a scrub, people edited, merged and erased. The Rome month of a UTC text is checked hour
by hour against ``models.timeutil``; the migration from the previous schema with data in it.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import report_fixture
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casa_desk.errors import ValidationError
from casa_desk.models.timeutil import rome_day_start, rome_month_bounds, to_utc_text
from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.db import Store
from casa_desk.store.erasure import scrub
from casa_desk.store.merging import merge_people
from casa_desk.store.summaries import ROME_MONTH, rebuild_summaries

TABLES = ("contacts_month_people", "contacts_hour_counts", "contacts_month_demo")
ROME = ZoneInfo("Europe/Rome")


def _kept(store: Store) -> list[list]:
    return [store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall() for t in TABLES]


def _kept_and_recomputed(store: Store) -> tuple[list, list]:
    kept = _kept(store)
    with store.transaction():
        rebuild_summaries(store.db)
        recomputed = _kept(store)
        store.db.execute("ROLLBACK")
        store.db.execute("BEGIN")
    return kept, recomputed


def test_rome_month_of_every_hour_matches_timeutil() -> None:
    """Every hour (and the minute either side of it) from 2024 to 2029, DST edges included."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    moments = []
    for h in range(0, 6 * 366 * 24):
        at = start + timedelta(hours=h)
        moments += [at - timedelta(milliseconds=1), at, at + timedelta(minutes=59)]
    texts = [to_utc_text(m) for m in moments]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(x,) for x in texts])
    got = [r[0] for r in conn.execute(f"SELECT {ROME_MONTH.format(x='x')} FROM t ORDER BY rowid")]
    want = [
        f"{local.year:04d}-{local.month:02d}" for local in (m.astimezone(ROME) for m in moments)
    ]
    assert got == want
    # ... and the months' bounds, as the report takes them, fall on these months' edges.
    position = {text: n for n, text in enumerate(texts)}
    for year in range(2024, 2030):
        for month in range(1, 13):
            first, end = rome_month_bounds(year, month)
            assert got[position[first]] == f"{year:04d}-{month:02d}" if first in position else True
            assert first[13:] == end[13:] == ":00:00.000Z"  # on a UTC hour: hours sum to it
    day = date(2024, 1, 1)
    while day.year < 2030:
        assert rome_day_start(day)[13:] == ":00:00.000Z"
        day += timedelta(days=1)


# -- random sequences of writes -------------------------------------------------------------
TIMES = (
    "2026-03-31T21:30:00.000Z",  # 23:30 in Rome, March
    "2026-03-31T22:30:00.000Z",  # 00:30 on 1 April (CEST)
    "2026-09-30T21:59:59.999Z",
    "2026-09-30T22:00:00.000Z",  # October in Rome
    "2026-10-25T00:30:00.000Z",  # the night DST ends
    "2026-10-31T22:30:00.000Z",  # still October (CET)
    "2026-10-31T23:00:00.000Z",  # November
    "2026-10-12T08:15:00.000Z",
)
BIRTHS = (None, "", "1990-05-17", "1990-05", "2000-02-30", "1971-02-29", "abc", "2009-11-01")
GENDERS = (None, "", "F", "M", "X")
OFFICES = ("SAN-SIRO", "MAZZINI")
CATEGORIES = ("altro", "manutenzione", None)
CHANNELS = ("sportello", "telefono", None)

_contact = st.fixed_dictionaries(
    {
        "person": st.integers(-1, 3),
        "office": st.sampled_from(OFFICES),
        "at": st.sampled_from(TIMES),
        "category": st.sampled_from(CATEGORIES),
        "channel": st.sampled_from(CHANNELS),
        "deleted": st.sampled_from((0, 0, 0, 1)),
    }
)
#: A row: logged (c0…, some not yet arrived) or a correction (c100…, corrected in turn).
_row = st.one_of(st.integers(0, 12), st.integers(100, 104))
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("log"), _contact),
        # a correction of any row, one that has not arrived yet included (ids run ahead)
        st.tuples(st.just("amend"), _row, _contact),
        # ... whose row may now amend another row, itself, or none (None: as it was)
        st.tuples(st.just("update"), _row, _contact, st.one_of(st.none(), _row, st.just(-1))),
        st.tuples(st.just("scrub_delete"), _row),
        st.tuples(
            st.just("person"),
            st.integers(0, 3),
            st.sampled_from(GENDERS),
            st.sampled_from(BIRTHS),
        ),
        st.tuples(st.just("merge"), st.integers(0, 3), st.integers(0, 3)),
        st.tuples(st.just("erase"), st.integers(0, 3)),
    ),
    max_size=25,
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "t.sqlite"
    with Store.open(path, create=True) as store, store.transaction() as j:
        for n in range(4):
            j.insert(
                "people",
                {"id": f"p{n}", "last_name": f"Quibbert{n}", "birth_date": BIRTHS[n + 2]},
                presidio="SAN-SIRO",
            )
    return path


def _values(c: dict, n: int) -> dict:
    return {
        "id": f"c{n}",
        "person_id": f"p{c['person']}" if c["person"] >= 0 else None,
        "occurred_at": c["at"],
        "category": c["category"],
        "channel": c["channel"],
        "deleted": c["deleted"],
        "operator": "op",
    }


def _apply(store: Store, op: tuple, state: dict) -> None:
    kind = op[0]
    exists = {r[0] for r in store.db.execute("SELECT id FROM contacts")}
    if kind == "log":
        n = state["next"]
        while f"c{n}" in exists:
            n += 1
        state["next"] = n + 1
        with store.transaction() as j:
            j.insert("contacts", _values(op[1], n), presidio=op[1]["office"])
    elif kind == "amend":
        n = state["amends"] = state.get("amends", 99) + 1  # corrections are c100, c101…
        values = {**_values(op[2], n), "amends_id": f"c{op[1]}"}
        with store.transaction() as j:
            j.insert("contacts", values, presidio=op[2]["office"])
    elif kind == "update" and f"c{op[1]}" in exists:  # a newer version received by sync
        row_id = f"c{op[1]}"
        hlc = store.db.execute("SELECT hlc FROM contacts WHERE id = ?", [row_id]).fetchone()[0]
        values = {**_values(op[2], op[1]), "presidio": op[2]["office"], "hlc": hlc + 1}
        if len(op) > 3 and op[3] is not None:
            values["amends_id"] = f"c{op[3]}" if op[3] >= 0 else None
        with store.transaction() as j:
            j.record_applied(f"u{hlc}{row_id}", "contacts", row_id, hlc + 1, "dev-b")
            j.write_applied("contacts", values, exists=True)
    elif kind == "scrub_delete" and f"c{op[1]}" in exists:
        with store.transaction():
            store.db.execute("INSERT INTO casa_scrub (active) VALUES (1)")
            store.db.execute("DELETE FROM contacts WHERE id = ?", [f"c{op[1]}"])
            store.db.execute("DELETE FROM casa_scrub")
    elif kind == "person":
        with store.transaction() as j:
            j.update("people", f"p{op[1]}", {"gender": op[2], "birth_date": op[3]})
    elif kind == "merge":
        try:
            merge_people(store, f"p{op[1]}", f"p{op[2]}")
        except ValidationError:
            pass
    elif kind == "erase":
        with store.transaction():
            scrub(store.db, f"p{op[1]}", "2026-11-15")


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=OPS)
def test_random_writes_keep_the_summaries(template: Path, tmp_path: Path, ops: list) -> None:
    # A directory of its own per example: hypothesis repeats examples, and a store file
    # copied over one with a stale -wal beside it would not be the copy.
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    _check_writes(template, folder, ops)
    shutil.rmtree(folder)


def _check_writes(template: Path, folder: Path, ops: list) -> None:
    """Apply ``ops`` to a copy of the template store in ``folder``: the summaries the
    triggers kept are what a recomputation gives, and hold no zero or negative count."""
    path = folder / "s.sqlite"
    shutil.copy(template, path)
    with Store.open(path) as store:
        state = {"next": 0}
        for op in ops:
            _apply(store, op, state)
        kept, recomputed = _kept_and_recomputed(store)
        assert kept == recomputed
        assert all(n > 0 for table in kept for *_key, n in table)


def test_the_fixture_store_keeps_what_a_recomputation_gives(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite", create=True)
    report_fixture.build(store)  # corrections, removals, deleted rows, merges, anonymous
    kept, recomputed = _kept_and_recomputed(store)
    assert kept == recomputed
    assert all(len(rows) > 20 for rows in kept)
    store.close()


def _figures(store: Store) -> list:
    return [
        (figures.headline, figures.previous, figures.contacts)
        for presidio in ("SAN-SIRO", "MAZZINI", None)
        for month in ("2026-09", "2026-10", "2026-11")
        for figures in [aggregate.compute(store.db.conn, Month.parse(month), presidio)]
    ]


def test_m017_fills_the_summaries_from_a_store_of_the_previous_schema(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    report_fixture.build(store)
    kept = _kept(store)
    figures = _figures(store)
    with store.transaction():
        for name in ("insert", "amend", "update", "delete", "person", "person_insert"):
            store.db.execute(f"DROP TRIGGER casa_summary_{name}")
        for table in TABLES:
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm017_report_summaries'")
    store.close()

    store = Store.open(path)
    assert _kept(store) == kept
    assert _figures(store) == figures
    assert any(h.contacts for h, _p, _c in figures)
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {f"casa_summary_{n}" for n in ("insert", "amend", "update", "delete")} <= names
    store.close()


def test_m018_recounts_summaries_the_old_triggers_got_wrong(tmp_path: Path) -> None:
    """m017's triggers took a count away for a self-amending row they never counted: a store
    they miscounted (here, a -1 left as they left it) is counted again on upgrade."""
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    report_fixture.build(store)
    with store.transaction():
        store.db.execute(
            "INSERT INTO contacts_month_people VALUES ('SAN-SIRO', '2026-10', 'p-gone', -1)"
        )
        store.db.execute("UPDATE contacts_hour_counts SET n = n + 1")
        store.db.execute(
            "DELETE FROM _sqlite_migrations WHERE name = 'm018_report_summaries_recounted'"
        )
    store.close()

    store = Store.open(path)
    kept, recomputed = _kept_and_recomputed(store)
    assert kept == recomputed
    assert all(n > 0 for table in kept for *_key, n in table)
    store.close()


def test_a_person_written_after_their_contacts_moves_their_gender_and_age(
    template: Path, tmp_path: Path
) -> None:
    """Within one transaction with deferred foreign keys a contact may precede its person:
    counted as gender and birth unknown, then moved when the person arrives."""
    path = tmp_path / "late.sqlite"
    shutil.copy(template, path)
    with Store.open(path) as store:
        with store.transaction() as j:
            store.db.execute("PRAGMA defer_foreign_keys = ON")
            j.insert(
                "contacts",
                {"id": "c-late", "person_id": "p-late", "occurred_at": TIMES[-1], "operator": "op"},
                presidio="SAN-SIRO",
            )
            assert ("SAN-SIRO", "2026-10", "", "", 1) in _kept(store)[2]
            j.insert(
                "people",
                {"id": "p-late", "last_name": "Tardi", "gender": "F", "birth_date": "1990-05-17"},
                presidio="SAN-SIRO",
            )
        kept, recomputed = _kept_and_recomputed(store)
        assert kept == recomputed
        assert kept[2] == [("SAN-SIRO", "2026-10", "F", "1990-05", 1)]


SELF_AMEND = {
    "person": 0,
    "office": "SAN-SIRO",
    "at": TIMES[-1],
    "category": None,
    "channel": None,
    "deleted": 0,
}


@pytest.mark.parametrize(
    "ops",
    [
        # A row that names itself as the row it amends (sync may bring anything) counts as
        # amended, so never counted; removing it, or updating it to amend nothing, must not
        # take away a count it never added.
        [("amend", 100, SELF_AMEND), ("scrub_delete", 100)],
        [("amend", 100, SELF_AMEND), ("update", 100, SELF_AMEND)],
        [("log", SELF_AMEND), ("update", 0, SELF_AMEND, 0)],
        [("log", SELF_AMEND), ("update", 0, SELF_AMEND, 0), ("update", 0, SELF_AMEND, -1)],
        [("amend", 100, SELF_AMEND), ("update", 100, SELF_AMEND, 3)],
    ],
)
def test_a_row_amending_itself_keeps_the_summaries(
    template: Path, tmp_path: Path, ops: list
) -> None:
    _check_writes(template, tmp_path, ops)
