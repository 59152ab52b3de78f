"""The demo-store builder and ``casa-desk demo`` (Foundation, item 2).

Small stores (300 people, 3,000 contacts) are built once per module and inspected with SQL.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from login_helpers import CHEAP, DEMO_LOGIN, PASSWORD, USER, keyed_connection, open_store

from casa_desk.cli import demo, main
from casa_desk.cli.demo import ProgressLine
from casa_desk.demo.builder import OPERATOR, DemoOptions, build_demo
from casa_desk.demo.data import AGED_TEXTS
from casa_desk.demo.people import age_on
from casa_desk.demo.referrals import EXTRA_SERVICES
from casa_desk.errors import CasaError
from casa_desk.models.codice_fiscale import validate_cf
from casa_desk.models.ids import stable_id
from casa_desk.models.phone import normalize_phone
from casa_desk.models.referrals import USER_EVENTS, Event, Status, fold
from casa_desk.models.timeutil import ROME, parse_utc_text
from casa_desk.models.vocab import (
    DEFAULT_CATEGORIES,
    EmploymentStatus,
    Isced,
    TenancyRole,
    YesNoDeclined,
)
from casa_desk.store.reference import PRESIDIO_CODES, reference_rows
from casa_desk.store.schema import missing_guards
from casa_desk.store.search import search_contact_notes, search_people
from casa_desk.store.tables import SYNCED_TABLES

UNTIL = date(2026, 11, 25)
PEOPLE, CONTACTS = 300, 3_000
CLOCK_COLUMNS = {"hlc", "origin", "field_clocks"}
ROOT = Path(__file__).resolve().parents[2]


def _build(folder: Path, name: str, seed: int, **kw: object) -> Path:
    options = DemoOptions(
        presidio="SAN-SIRO",
        people=PEOPLE,
        contacts=CONTACTS,
        seed=seed,
        until=UNTIL,
        admin=USER,
        password=PASSWORD,
        kdf=CHEAP,
        **kw,
    )  # type: ignore[arg-type]
    return build_demo(folder / name, options).path


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demo")
    return {
        "a": _build(folder, "a.sqlite", 7),
        "b": _build(folder, "b.sqlite", 7),
        "c": _build(folder, "c.sqlite", 8),
    }


@pytest.fixture(scope="module")
def db(stores: dict[str, Path]) -> Iterator[sqlite3.Connection]:
    conn = keyed_connection(stores["a"], rows=True)
    yield conn
    conn.close()


#: Rows of the build's own login (the administrator made now, its audit rows): real events
#: of each build, not drawn from the seed.
_SETUP = {"audit_log": "1 = 0", "users": f"username != '{USER}'"}


def _content(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = keyed_connection(path)
    try:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in columns if c not in CLOCK_COLUMNS]
        where = _SETUP.get(table, "1 = 1")
        return conn.execute(
            f"SELECT {', '.join(keep)} FROM {table} WHERE {where} ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def _one(db: sqlite3.Connection, sql: str, params: tuple[object, ...] = ()) -> int:
    return int(db.execute(sql, params).fetchone()[0])


# --- shape ---------------------------------------------------------------------------------


def test_exact_counts_and_no_part_file(stores: dict[str, Path], db: sqlite3.Connection) -> None:
    assert _one(db, "SELECT count(*) FROM people") == PEOPLE
    assert _one(db, "SELECT count(*) FROM contacts") == CONTACTS
    assert not Path(str(stores["a"]) + ".part").exists()


def test_reference_rows_presidi_and_categories(db: sqlite3.Connection) -> None:
    assert sorted(r[0] for r in db.execute("SELECT code FROM presidi")) == sorted(PRESIDIO_CODES)
    assert {r[0] for r in db.execute("SELECT code FROM categories")} == set(DEFAULT_CATEGORIES)
    used = {r[0] for r in db.execute("SELECT DISTINCT category FROM contacts")}
    assert used == set(DEFAULT_CATEGORIES)


def test_services_have_stable_ids_across_seeds(stores: dict[str, Path]) -> None:
    assert _content(stores["a"], "services") == _content(stores["c"], "services")
    ids = {r[0] for r in _content(stores["a"], "services")}
    seeded = {s["id"] for s in reference_rows()["services"]}
    extra = {stable_id("services", f"SAN-SIRO:{s['code']}") for s in EXTRA_SERVICES}
    assert ids == seeded | extra
    conn = keyed_connection(stores["a"])
    kinds = {r[0] for r in conn.execute("SELECT kind FROM services")}
    phones = [r[0] for r in conn.execute("SELECT phone FROM services WHERE code LIKE 'demo-%'")]
    conn.close()
    assert {"salute", "antiviolenza", "servizi_sociali", "legale", "lavoro"} <= kinds
    assert all(p is None or p.startswith("02 000 ") for p in phones)


def test_same_seed_same_content_other_seed_differs(stores: dict[str, Path]) -> None:
    for spec in SYNCED_TABLES:
        assert _content(stores["a"], spec.name) == _content(stores["b"], spec.name), spec.name
    assert _content(stores["a"], "users") == _content(stores["b"], "users")
    assert _content(stores["a"], "people") != _content(stores["c"], "people")


def test_two_offices_with_one_seed_share_only_the_reference_rows(
    stores: dict[str, Path], tmp_path: Path
) -> None:
    """MAZZINI built with SAN-SIRO's seed: no synced row may share an id with SAN-SIRO's,
    except the reference rows every store is seeded with (same ids everywhere on purpose)."""
    other = build_demo(
        tmp_path / "m.sqlite",
        DemoOptions(
            presidio="MAZZINI", people=PEOPLE, contacts=CONTACTS, seed=7, until=UNTIL,
            **DEMO_LOGIN,
        ),
    ).path  # fmt: skip
    seeded = {r["id"] for rows in reference_rows().values() for r in rows}
    mine, theirs = keyed_connection(stores["a"]), keyed_connection(other)
    try:
        for spec in SYNCED_TABLES:
            ids = [{r[0] for r in c.execute(f"SELECT id FROM {spec.name}")} for c in (mine, theirs)]
            shared = ids[0] & ids[1]
            assert shared <= seeded, (spec.name, len(shared - seeded))
    finally:
        mine.close()
        theirs.close()


def test_same_seed_same_content_across_processes(tmp_path: Path) -> None:
    """Another interpreter (another hash seed) must draw the very same rows."""
    paths = []
    for hash_seed in ("1", "2"):
        path = tmp_path / f"p{hash_seed}.sqlite"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        subprocess.run(
            [
                sys.executable,
                "-m",
                "casa_desk",
                "demo",
                "--db",
                str(path),
                "--people",
                "60",
                "--contacts",
                "600",
                "--seed",
                "5",
                "--until",
                UNTIL.isoformat(),
            ],
            check=True,
            capture_output=True,
            env=env,
            cwd=tmp_path,
        )
        paths.append(path)
    for spec in SYNCED_TABLES:
        assert _content(paths[0], spec.name) == _content(paths[1], spec.name), spec.name


def test_store_opens_cleanly(stores: dict[str, Path]) -> None:
    with open_store(stores["c"]) as opened:  # "c" is not compared row for row
        assert opened.presidio == "SAN-SIRO"
        assert not missing_guards(opened.db)
        mode = opened.db.execute("PRAGMA journal_mode").fetchone()[0]
        # the search indexes, built once at the end, cover every live person and contact
        live = opened.db.execute(
            "SELECT count(*) FROM people WHERE deleted = 0 AND merged_into IS NULL"
        ).fetchone()[0]
        assert opened.db.execute("SELECT count(*) FROM people_fts").fetchone()[0] == live
        someone = opened.query(
            "SELECT id, last_name, codice_fiscale FROM people"
            " WHERE codice_fiscale IS NOT NULL LIMIT 1"
        )[0]
        found = search_people(opened.db, someone["codice_fiscale"])
        assert [p["id"] for p in found] == [someone["id"]]
        word = opened.query("SELECT summary FROM contacts LIMIT 1")[0]["summary"].split()[0]
        assert search_contact_notes(opened.db, word)
    assert mode == "wal"


def test_users_row_and_meta(db: sqlite3.Connection) -> None:
    users = {u["username"]: u for u in db.execute("SELECT * FROM users")}
    user = users[OPERATOR]
    assert (user["role"], user["presidio"]) == ("operatore", "SAN-SIRO")
    assert not user["may_see_sensitive"]  # explicit, never by default
    assert (users[USER]["role"], users[USER]["presidio"]) == ("amministratore", "SAN-SIRO")
    meta = dict(db.execute("SELECT key, value FROM casa_meta").fetchall())
    assert meta["presidio"] == "SAN-SIRO"
    assert meta["operator"] == OPERATOR


# --- people --------------------------------------------------------------------------------


def test_codici_fiscali_valid_for_most(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT codice_fiscale, birth_date, gender FROM people").fetchall()
    with_cf = [r for r in rows if r["codice_fiscale"]]
    assert len(with_cf) >= 0.85 * len(rows)
    assert len(with_cf) < len(rows)  # some have none
    for row in with_cf:
        validate_cf(
            row["codice_fiscale"],
            birth_date=date.fromisoformat(row["birth_date"]),
            gender=row["gender"],
            today=UNTIL,
        )
    assert len({r["codice_fiscale"] for r in with_cf}) == len(with_cf)


def test_households_share_flat_and_roles(db: sqlite3.Connection) -> None:
    groups = db.execute(
        "SELECT household_id, count(*) n, count(DISTINCT unit_code) u,"
        " count(DISTINCT street || civic || stair || floor || flat) a,"
        " sum(tenancy_role = 'titolare') t FROM people GROUP BY household_id"
    ).fetchall()
    assert any(g["n"] >= 3 for g in groups)
    assert all(g["u"] == 1 and g["a"] == 1 for g in groups)
    roles = {r[0] for r in db.execute("SELECT DISTINCT tenancy_role FROM people")}
    assert roles <= {r.value for r in TenancyRole}
    assert {"titolare", "componente", "occupante_senza_titolo"} <= roles
    streets = {r[0] for r in db.execute("SELECT DISTINCT street FROM people")}
    assert "Piazzale Selinunte" in streets or "Via Zamagna" in streets


def test_phones_are_e164_and_most_people_have_one(db: sqlite3.Connection) -> None:
    phones = [r[0] for r in db.execute("SELECT phone FROM people")]
    present = [p for p in phones if p]
    assert len(present) >= 0.6 * len(phones)
    assert all(normalize_phone(p) == p for p in present)
    assert _one(db, "SELECT count(*) FROM people WHERE email IS NOT NULL") > 0


def test_children_never_come_to_the_desk_nor_enter_the_programme(db: sqlite3.Connection) -> None:
    """A parent speaks for the family: no contact (so no referral or follow-up) is a
    minor's, and no ESF participant is under working age at entry."""
    minors = _one(
        db,
        "SELECT count(*) FROM contacts c JOIN people p ON p.id = c.person_id "
        "WHERE date(p.birth_date, '+18 years') > substr(c.occurred_at, 1, 10)",
    )
    assert minors == 0
    assert _one(db, "SELECT count(*) FROM people WHERE birth_date > '2008-11-01'") > 0
    young = _one(
        db,
        "SELECT count(*) FROM participants e JOIN people p ON p.id = e.person_id "
        "WHERE date(p.birth_date, '+16 years') > e.entered_on",
    )
    assert young == 0


def test_texts_that_fit_an_age_go_to_people_of_that_age(db: sqlite3.Connection) -> None:
    """No "persona anziana sola" of thirty, no job search at eighty."""
    rows = db.execute(
        "SELECT c.summary text, p.birth_date born, substr(c.occurred_at, 1, 10) day "
        "FROM contacts c JOIN people p ON p.id = c.person_id UNION ALL "
        "SELECT r.reason, p.birth_date, substr(c.occurred_at, 1, 10) FROM referrals r "
        "JOIN people p ON p.id = r.person_id JOIN contacts c ON c.id = r.contact_id"
    ).fetchall()
    aged = [r for r in rows if r["text"] in AGED_TEXTS]
    assert len(aged) > 20
    for row in aged:
        low, high = AGED_TEXTS[row["text"]]
        age = age_on({"birth_date": row["born"]}, date.fromisoformat(row["day"]))
        assert age is not None and low <= age <= high, row["text"]


# --- contacts ------------------------------------------------------------------------------


def test_winter_has_more_maintenance_than_summer(db: sqlite3.Connection) -> None:
    def maintenance(months: tuple[str, ...]) -> int:
        marks = ",".join("?" * len(months))
        return _one(
            db,
            "SELECT count(*) FROM contacts WHERE category = 'manutenzione'"
            f" AND substr(occurred_at, 6, 2) IN ({marks})",
            months,
        )

    assert maintenance(("12", "01", "02")) > 1.3 * maintenance(("06", "07", "08"))


def test_contacts_in_the_year_mostly_office_hours(db: sqlite3.Connection) -> None:
    times = [
        parse_utc_text(r[0]).astimezone(ROME)
        for r in db.execute("SELECT occurred_at FROM contacts")
    ]
    assert min(times).date() >= date(2025, 11, 25)
    assert max(times).date() < UNTIL
    weekday_office = [t for t in times if t.weekday() < 5 and 7 <= t.hour < 21]
    assert len(weekday_office) > 0.9 * len(times)
    assert all(
        len(r[0]) == 24 and r[0].endswith("Z")
        for r in db.execute("SELECT occurred_at FROM contacts")
    )


def test_anonymous_sensitive_follow_ups_and_corrections(db: sqlite3.Connection) -> None:
    anonymous = _one(db, "SELECT count(*) FROM contacts WHERE person_id IS NULL") / CONTACTS
    assert 0.03 < anonymous < 0.10
    dv = db.execute(
        "SELECT avg(person_id IS NULL) FROM contacts WHERE category = 'violenza_domestica'"
    ).fetchone()[0]
    assert dv > 2 * anonymous
    for code, (_, sensitive) in DEFAULT_CATEGORIES.items():
        flags = {
            r[0]
            for r in db.execute(
                "SELECT DISTINCT sensitive FROM contacts WHERE category = ?", (code,)
            )
        }
        assert flags <= {int(sensitive)}, code
    follow = _one(db, "SELECT count(*) FROM contacts WHERE follow_up_on IS NOT NULL") / CONTACTS
    assert 0.10 < follow < 0.20
    assert _one(db, "SELECT count(*) FROM contacts WHERE follow_up_done_at IS NOT NULL") > 0
    corrections = db.execute(
        "SELECT c.created_at, o.created_at, o.amends_id FROM contacts c"
        " JOIN contacts o ON o.id = c.amends_id"
    ).fetchall()
    assert len(corrections) == _one(db, "SELECT count(*) FROM contacts WHERE amends_id IS NOT NULL")
    assert len(corrections) == CONTACTS // 100
    assert all(new > old and amended is None for new, old, amended in corrections)


# --- referrals, consents, participants -----------------------------------------------------


def _events(db: sqlite3.Connection) -> dict[str, list[sqlite3.Row]]:
    by_referral: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in db.execute("SELECT * FROM referral_events ORDER BY hlc"):
        by_referral[row["referral_id"]].append(row)
    return by_referral


def test_referral_events_reach_every_status(db: sqlite3.Connection) -> None:
    referrals = _one(db, "SELECT count(*) FROM referrals")
    assert 0.025 * CONTACTS < referrals < 0.06 * CONTACTS
    finals: Counter[Status | None] = Counter()
    reached: set[Status | None] = set()
    kinds: set[str] = set()
    cache = dict(db.execute("SELECT referral_id, status FROM referral_status").fetchall())
    for referral_id, rows in _events(db).items():
        folded = fold(Event(r["event"], (r["hlc"], r["origin"]), r["id"]) for r in rows)
        assert not folded.flagged
        assert [r["at"] for r in rows] == sorted(r["at"] for r in rows)
        finals[folded.status] += 1
        reached |= {status for _, status in folded.history}
        kinds |= {r["event"] for r in rows}
        assert cache[referral_id] == folded.status
    assert reached == set(Status)
    # held/resumed follow a consent withdrawn or given again: not part of the demo story.
    assert kinds == {k.value for k in USER_EVENTS}
    assert finals[Status.DRAFT] and finals[Status.SENT]
    assert len(cache) == referrals


def test_overdue_sent_referrals_exist(db: sqlite3.Connection) -> None:
    overdue = _one(
        db,
        "SELECT count(*) FROM referrals r JOIN referral_status s"
        " ON s.referral_id = r.id WHERE s.status = 'inviata' AND r.due_on < ?",
        (UNTIL.isoformat(),),
    )
    assert overdue > 0


def test_every_sent_referral_has_an_earlier_consent(db: sqlite3.Connection) -> None:
    events = _events(db)
    for ref in db.execute("SELECT * FROM referrals"):
        sent = [r["at"] for r in events[ref["id"]] if r["event"] == "sent"]
        if not sent:
            continue
        consent = db.execute("SELECT * FROM consents WHERE id = ?", (ref["consent_id"],)).fetchone()
        assert consent["person_id"] == ref["person_id"]
        assert consent["purpose"] == f"referral:{ref['service_id']}"
        assert consent["given_at"] <= sent[0]
        assert consent["informativa_version"] == "2026-01"
        contact = db.execute(
            "SELECT person_id FROM contacts WHERE id = ?", (ref["contact_id"],)
        ).fetchone()
        assert contact["person_id"] == ref["person_id"]
    registry = _one(db, "SELECT count(DISTINCT person_id) FROM consents WHERE purpose = 'registry'")
    assert registry > 0.85 * PEOPLE


def test_participants_one_per_person_with_vocab_values(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT * FROM participants").fetchall()
    assert 0.07 * PEOPLE <= len(rows) <= 0.13 * PEOPLE
    assert len({r["person_id"] for r in rows}) == len(rows)
    yes_no = {v.value for v in YesNoDeclined}
    seen: set[str] = set()
    for row in rows:
        assert row["employment_status"] in {v.value for v in EmploymentStatus}
        assert row["education_isced"] in {v.value for v in Isced}
        for field in (
            "migrant_background",
            "disability",
            "other_disadvantage",
            "homeless_or_housing_exclusion",
        ):
            assert row[field] in yes_no
            seen.add(row[field])
        assert date(2025, 11, 25) <= date.fromisoformat(row["entered_on"]) < UNTIL
    assert "declined" in seen


def test_participants_leave_with_results_and_follow_ups(db: sqlite3.Connection) -> None:
    """Issue 13: exits, immediate results, six-month follow-ups and re-entries, believable
    and consistent with the programme's rules, so every new report table has figures."""
    from casa_desk.models.esf import follow_up_due

    rows = [dict(r) for r in db.execute("SELECT * FROM participants")]
    left = [r for r in rows if r["exited_on"]]
    assert 0.3 * len(rows) <= len(left) <= 0.7 * len(rows)
    recorded = [r for r in left if r["exit_results_on"]]
    assert 0.6 * len(left) <= len(recorded) < len(left)  # some still to record
    assert any(r["exit_results_known"] == 0 for r in recorded)
    inactive = {"inactive", "inactive_not_in_education"}
    results = Counter()
    for r in left:
        exited = date.fromisoformat(r["exited_on"])
        assert date.fromisoformat(r["entered_on"]) <= exited < UNTIL
        if r["exit_results_on"]:
            on = date.fromisoformat(r["exit_results_on"])
            assert exited <= on <= exited + timedelta(days=27) and on < UNTIL
            results.update(c for c in ("job_searching", "education", "qualification",
                                       "employed") if r[f"exit_{c}"])  # fmt: skip
            if r["exit_job_searching"]:
                assert r["employment_status"] in inactive
        if r["followup_on"]:
            assert follow_up_due(exited) <= date.fromisoformat(r["followup_on"]) < UNTIL
            if r["followup_improved"]:
                assert r["employment_status"] == "employed" and r["followup_known"] == 1
    assert len(results) >= 2  # several kinds of result (30 participants here)
    followed = [r for r in left if r["followup_on"]]
    waiting = [
        r for r in left if not r["followup_on"] and follow_up_due(
            date.fromisoformat(r["exited_on"])) < UNTIL
    ]  # fmt: skip
    assert followed and waiting  # the agenda has follow-ups to propose
    for r in rows:
        if r["reentered_on"]:
            assert r["exited_on"] is None and r["entered_on"] < r["reentered_on"]
        for field in ("third_country_national", "foreign_background", "minority"):
            assert r[field] in {v.value for v in YesNoDeclined}


def test_every_synced_row_is_captured(db: sqlite3.Connection) -> None:
    for spec in SYNCED_TABLES:
        missing = _one(
            db,
            f"SELECT count(*) FROM {spec.name} t WHERE NOT EXISTS (SELECT 1 FROM sync_outbox o"
            " WHERE o.row_id = t.id AND o.hlc = t.hlc) AND NOT EXISTS (SELECT 1 FROM"
            " sync_applied a WHERE a.row_id = t.id AND a.hlc = t.hlc)",
        )
        assert missing == 0, spec.name


def test_ids_carry_the_row_time(db: sqlite3.Connection) -> None:
    for row in db.execute("SELECT id, created_at FROM contacts LIMIT 200"):
        ms = int(row["id"].replace("-", "")[:12], 16)
        assert datetime.fromtimestamp(ms / 1000, ROME) == parse_utc_text(row["created_at"])
        assert row["id"][14] == "7"


# --- failure and the command line ----------------------------------------------------------


def test_interrupted_build_leaves_nothing(tmp_path: Path) -> None:
    def interrupt(phase: str, _done: int, _total: int) -> None:
        if phase == "Contatti":
            raise KeyboardInterrupt

    target = tmp_path / "x.sqlite"
    with pytest.raises(KeyboardInterrupt):
        build_demo(target, DemoOptions(people=20, contacts=50, until=UNTIL), interrupt)
    assert sorted(tmp_path.iterdir()) == []


def test_cli_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ok.sqlite"
    code = main(
        [
            "demo",
            "--db",
            str(target),
            "--people",
            "30",
            "--contacts",
            "100",
            "--presidio",
            "GRATOSOGLIO",
            "--until",
            "2026-03-01",
        ]
    )
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.sqlite", "ok.sqlite.keys"]
    conn = keyed_connection(target)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 100
    assert {r[0] for r in conn.execute("SELECT presidio FROM people")} == {"GRATOSOGLIO"}
    conn.close()
    out, err = capsys.readouterr()
    assert "Contatti: 100/100 (100%)" in err
    # Italian forms: "27.967 righe in 6,1 s", never Python's "6.1 s"
    assert re.fullmatch(
        rf"Archivio dimostrativo creato: {re.escape(str(target))} "
        r"\(\d{1,3}(\.\d{3})* righe in \d+,\d s\)\n",
        out,
    ), out


@pytest.mark.parametrize("flag", ["--people", "--contacts"])
def test_cli_negative_count_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--db", str(tmp_path / "n.sqlite"), flag, "-1"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "negativo" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_until_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--db", str(tmp_path / "n.sqlite"), "--until", "2026-02-30"])
    assert exc.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_cli_unknown_presidio_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["demo", "--db", str(tmp_path / "n.sqlite"), "--presidio", "QUARTO-OGGIARO"])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert all(c in err for c in PRESIDIO_CODES)
    assert list(tmp_path.iterdir()) == []


def test_cli_refuses_existing_path_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "exists.sqlite"
    target.write_bytes(b"not mine to touch")
    code = main(["demo", "--db", str(target), "--people", "5", "--contacts", "5"])
    assert code == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert target.read_bytes() == b"not mine to touch"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exists.sqlite"]
    with pytest.raises(CasaError):
        build_demo(target, DemoOptions(people=1, contacts=1))


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["demo", "--help"])
    assert exc.value.code == 0
    assert "--contacts" in capsys.readouterr().out


def test_progress_line_updates_in_place_on_a_terminal() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    line = ProgressLine(stream)
    line("Contatti", 0, 10)
    line("Contatti", 10, 10)
    line("Contatti", 10, 10)  # repeated end of phase: printed once
    line("Persone", 3, 3)
    text = stream.getvalue()
    assert text.count("\n") == 2
    assert text.count("Contatti: 10/10 (100%)") == 1
    assert "\r" in text
    plain = io.StringIO()
    quiet = ProgressLine(plain)
    quiet("Contatti", 5, 10)
    quiet("Contatti", 10, 10)
    assert plain.getvalue().startswith("Contatti: 10/10 (100%)")
    assert plain.getvalue().count("\n") == 1


def test_progress_line_speaks_italian_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """It printed "27,967/27,967" once and "in 6.1 s" until numbers went through
    casa_desk.models.numerals: "27.967" and "6,1"."""
    clock = iter([0.0, 100.0, 106.14])  # made, phase started, phase ended
    monkeypatch.setattr(demo, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    plain = io.StringIO()
    line = ProgressLine(plain)
    line("Contatti", 27967, 27967)
    assert plain.getvalue() == "Contatti: 27.967/27.967 (100%) in 6,1 s\n"


def test_the_demo_login_is_said_once_the_store_exists(tmp_path: Path, capsys, monkeypatch) -> None:
    # Before: the note came first, and a demo that then failed (a missing folder) still
    # told the reader about a store and a password that did not exist.
    monkeypatch.delenv("CASA_DESK_USER", raising=False)
    monkeypatch.delenv("CASA_DESK_PASSWORD", raising=False)
    missing = tmp_path / "assente" / "demo.sqlite"
    assert main(["demo", "--db", str(missing), "--people", "20", "--contacts", "40"]) == 1
    assert "utente predefinito" not in capsys.readouterr().err
    made = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(made), "--people", "20", "--contacts", "40"]) == 0
    err = capsys.readouterr().err
    assert "utente predefinito «demo», password «demo»" in err
