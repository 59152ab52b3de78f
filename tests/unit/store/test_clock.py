"""One store, one writer, one clock: the write connection is the store's, any thread writes
through it, the saved clock only moves forward, and a poisoned clock recovers at open."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from test_capture import uncaptured

from casa_desk.models import hlc as hlc_module
from casa_desk.models.hlc import MAX_SKEW_MS, physical_ms
from casa_desk.store.connection import OperationalError
from casa_desk.store.db import Store
from casa_desk.store.people import People

ROOT = Path(__file__).resolve().parents[3]
POISON = (1 << 63) - 1


def saved_clock(store: Store) -> int:
    return int(store.db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()[0])


def sane(value: int, store: Store) -> bool:
    return physical_ms(value) <= store.journal.clock.wall_ms() + MAX_SKEW_MS


def test_store_db_is_read_only_outside_a_transaction(store: Store) -> None:
    with pytest.raises(OperationalError, match="readonly"):
        store.db.execute("INSERT INTO casa_meta (key, value) VALUES ('x', 'y')")
    with store.transaction():
        store.db.execute("INSERT INTO casa_meta (key, value) VALUES ('x', 'y')")
    assert store.meta("x") == "y"


def test_threads_write_through_the_one_writer_with_one_clock(store: Store) -> None:
    """Four threads write at once: no "database is locked", one strictly increasing clock."""
    people, errors = People(store), []

    def work(n: int) -> None:
        try:
            for i in range(25):
                people.register({"first_name": f"T{n}", "last_name": f"Filo{i}"}, presidio="X")
                assert store.db.execute("SELECT count(*) FROM people").fetchone()[0] > 0
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    hlcs = [r[0] for r in store.db.execute("SELECT hlc FROM sync_outbox ORDER BY seq")]
    people_rows = store.db.execute(
        "SELECT count(*) FROM sync_outbox WHERE table_name = 'people'"
    ).fetchone()[0]
    assert people_rows == 100 and hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert saved_clock(store) == hlcs[-1] == store.journal.clock.last
    assert uncaptured(store) == []


def test_the_saved_clock_never_goes_back_when_another_process_writes(tmp_path: Path) -> None:
    """The window holds the store; ``casa-desk`` in another process, on a PC clock 4 minutes
    ahead, writes a person. The window's next write sorts after it, and the saved clock does
    not go back (it used to be overwritten by whichever process committed last)."""
    path = tmp_path / "s.sqlite"
    window = Store.open(path, create=True)
    People(window).register({"first_name": "Prima", "last_name": "Finestra"}, presidio="X")
    child = textwrap.dedent(
        f"""
        import time
        from casa_desk.store.db import Store
        from casa_desk.store.people import People
        with Store.open({str(path)!r}) as store:
            store.journal.clock._now_ms = lambda: int(time.time() * 1000) + 4 * 60_000
            row = People(store).register({{"first_name": "Altro", "last_name": "Processo"}},
                                         presidio="X")
            print(row["hlc"])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", child], capture_output=True, text=True, cwd=ROOT, check=True
    )
    other = int(done.stdout.split()[-1])
    mine = People(window).register({"first_name": "Dopo", "last_name": "Finestra"}, presidio="X")
    assert mine["hlc"] > other
    assert saved_clock(window) == mine["hlc"]
    window.close()


def _poison(path: Path) -> dict[str, str]:
    """A store as the old client left it after pulling ``hlc = 2**63 - 1``: the change
    recorded as applied, the row and its field clock stamped with it, the clock saved."""
    with Store.open(path, create=True) as store:
        people = People(store)
        victim = people.register(
            {"first_name": "Ada", "last_name": "Esempio", "phone": "3330000001"}, presidio="X"
        )
        other = people.register({"first_name": "Bea", "last_name": "Sana"}, presidio="X")
        with store.transaction() as journal:
            store.db.execute(
                "INSERT INTO sync_applied (change_id, table_name, row_id, hlc, device_id,"
                " applied_at) VALUES ('veleno', 'people', ?, ?, 'nodo-ostile', ?)",
                [victim["id"], POISON, journal.now()],
            )
            clocks = json.loads(victim["field_clocks"])
            clocks["phone"] = [POISON, "nodo-ostile"]
            store.db.execute(
                "UPDATE people SET phone = '+390000000000', hlc = ?, origin = 'nodo-ostile',"
                " field_clocks = ? WHERE id = ?",
                [POISON, json.dumps(clocks), victim["id"]],
            )
            journal.clock.reset(POISON)  # observed without a check, and saved at commit
    return {"victim": victim["id"], "other": other["id"]}


def test_a_poisoned_store_recovers_at_open_and_later_edits_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.sqlite"
    ids = _poison(path)
    with Store.open(path) as store:
        assert sane(store.journal.clock.last, store) and sane(saved_clock(store), store)
        people = People(store)
        untouched = people.get(ids["other"])
        assert people.get(ids["victim"])["phone"] == "+390000000000"  # values stay
        people.update(ids["victim"], {"phone": "3339999999"})  # it can write again…
        victim = people.get(ids["victim"])
        assert victim["phone"] == "+393339999999"  # …and the later edit wins
        assert all(sane(c[0], store) for c in json.loads(victim["field_clocks"]).values())
        assert uncaptured(store) == []
        dump = store.query("SELECT * FROM people ORDER BY id")
    with Store.open(path) as store:  # recovery happened once: opening again changes nothing
        assert store.query("SELECT * FROM people ORDER BY id") == dump
        assert People(store).get(ids["other"]) == untouched
        clock = store.journal.clock.last
    real = hlc_module._wall_ms  # noqa: SLF001 - and a PC clock set back a year changes nothing
    monkeypatch.setattr(hlc_module, "_wall_ms", lambda: real() - 365 * 86_400_000)
    with Store.open(path) as store:
        assert store.query("SELECT * FROM people ORDER BY id") == dump
        assert store.journal.clock.last == clock


def test_changes_made_after_a_moderate_poisoning_leave_with_sane_clocks(tmp_path: Path) -> None:
    """An older client adopted a clock 2 hours ahead and kept writing on it: at open, the
    changes not yet sent are restamped (the hub would refuse them) and the rows follow."""
    path = tmp_path / "s.sqlite"
    two_hours = 2 * 3600_000
    with Store.open(path, create=True) as store:
        ahead = hlc_module.pack(store.journal.clock.wall_ms() + two_hours, 0)
        with store.transaction() as journal:
            store.db.execute(
                "INSERT INTO sync_applied (change_id, table_name, row_id, hlc, device_id,"
                " applied_at) VALUES ('avanti', 'people', 'nessuno', ?, 'altro', ?)",
                [ahead, journal.now()],
            )
        store.journal.clock.reset(ahead)  # adopted, as the old client did without a check
        made = People(store).register({"first_name": "Ada", "last_name": "Dopo"}, presidio="X")
        assert made["hlc"] > ahead
    with Store.open(path) as store:
        row = People(store).get(made["id"])
        assert sane(row["hlc"], store) and row["hlc"] < ahead
        outbox = store.query("SELECT hlc FROM sync_outbox WHERE row_id = ?", [made["id"]])
        assert [o["hlc"] for o in outbox] == [row["hlc"]]
        assert uncaptured(store) == []


def test_a_pc_clock_set_back_never_rewrites_a_healthy_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A flat CMOS battery (the PC thinks it is 1996): every clock of the store is ahead of
    the wall clock, none is poisoned; the HLC carries on and no row changes."""
    path = tmp_path / "s.sqlite"
    with Store.open(path, create=True) as store:
        People(store).register({"first_name": "Ada", "last_name": "Sana"}, presidio="X")
        last = store.journal.clock.last
        dump = store.query("SELECT * FROM people ORDER BY id")
    monkeypatch.setattr(hlc_module, "_wall_ms", lambda: 820_454_400_000)  # 1996-01-01
    with Store.open(path) as store:
        assert store.journal.clock.last == last
        assert store.query("SELECT * FROM people ORDER BY id") == dump
        made = People(store).register({"first_name": "Bea", "last_name": "Dopo"}, presidio="X")
        assert made["hlc"] > last


def test_m006_adds_held_changes_and_raises_a_saved_clock_left_behind(tmp_path: Path) -> None:
    """A store from before m006, where two processes left the saved clock behind a change
    the store had applied: after the migration the clock starts past it."""
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:
        People(store).register({"first_name": "Ada", "last_name": "Prima"}, presidio="X")
        with store.transaction() as journal:  # back to the schema before m006
            store.db.execute("DROP TABLE sync_held")
            store.db.execute(
                "DELETE FROM _sqlite_migrations WHERE name = 'm006_held_changes_and_clock_floor'"
            )
            applied = journal.clock.tick() + 1000
            store.db.execute(
                "INSERT INTO sync_applied (change_id, table_name, row_id, hlc, device_id,"
                " applied_at) VALUES ('altrui', 'people', 'x', ?, 'altro', ?)",
                [applied, journal.now()],
            )
            journal.clock.reset(1)  # the old overwrite left it behind
            store.db.execute("UPDATE sync_state SET value = '1' WHERE key = 'hlc'")
    with Store.open(path) as store:
        assert store.db.execute("SELECT count(*) FROM sync_held").fetchone()[0] == 0
        assert saved_clock(store) >= applied and store.journal.clock.last >= applied
        made = People(store).register({"first_name": "Bea", "last_name": "Dopo"}, presidio="X")
        assert made["hlc"] > applied
