"""Clock poisoning, office side: a change stamped far in the future never becomes the office's
clock, whatever road it takes (pull page, re-fetched row, reply bundle, restored row).

The poisoned changes are put where a hostile hub would serve them — straight into a real
hub's log and tables on loopback, or into a reply bundle signed with the office's key —
because a hub that refuses them at push (the hub's own rule) must not be what protects the
office. Each test fails on a client that adopts such a clock: its next write overflows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sync_helpers import HubProcess, new_office, person, row, sync

from casa_desk.models.hlc import MAX_SKEW_MS, pack, physical_ms
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.store.people import People
from casa_desk.store.tables import BY_NAME
from casa_desk.sync import held
from casa_desk.sync.apply import state
from casa_desk.sync.bundle import import_reply, write_bundle
from casa_desk.sync.hub import schema
from casa_desk.sync.merge import merge_change

POISON = (1 << 63) - 1
HOSTILE = "nodo-ostile"


def sane(store: Any) -> bool:
    """The office's clock, in memory and saved, is within the allowed skew of real time."""
    saved = int(store.db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()[0])
    wall = store.journal.clock.wall_ms()
    return all(physical_ms(c) <= wall + MAX_SKEW_MS for c in (store.journal.clock.last, saved))


def change(table: str, row_id: str, op: str, hlc: int, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "change_id": uuid7(),
        "table": table,
        "row_id": row_id,
        "op": op,
        "hlc": hlc,
        "device": HOSTILE,
        "data": data,
        "base": None,
    }


def new_person(row_id: str, last_name: str) -> dict[str, Any]:
    now = utc_now_text()
    return {
        "id": row_id,
        "first_name": "Ospite",
        "last_name": last_name,
        "presidio": "MAZZINI",
        "scope": "shared",
        "created_at": now,
        "updated_at": now,
        "deleted": 0,
    }


def serve_from_hub(hub: HubProcess, changes: list[dict[str, Any]], *, log: bool = True) -> None:
    """Write ``changes`` into the hub's tables (and, with ``log``, its change log) as a hub
    that accepted them would hold them — bypassing /push and its checks."""
    hs = hub.store()
    try:
        with hs.tx(lock=True) as conn:
            # Delivered by another device than the office's (a hub logs a change under the
            # device whose node signed it; an office is not sent what it delivered itself)
            device_id = "dispositivo-ostile"
            for item in changes:
                spec = BY_NAME[item["table"]]
                mirror = schema.MIRRORS[spec.name]
                found = conn.execute(select(mirror).where(mirror.c.id == item["row_id"]))
                current = found.mappings().first()
                merged = merge_change(spec, dict(current) if current else None, item).row
                values = {c: (merged or current or {}).get(c) for c in spec.all_columns}
                if merged is not None and current is None:
                    conn.execute(insert(mirror).values(**values))
                elif merged is not None:  # None: the change lost to the row's clocks
                    conn.execute(
                        update(mirror).where(mirror.c.id == item["row_id"]).values(**values)
                    )
                if log:
                    conn.execute(
                        insert(schema.change_log).values(
                            change_id=item["change_id"],
                            device_id=device_id,
                            node_id=HOSTILE,
                            table_name=spec.name,
                            row_id=item["row_id"],
                            op=item["op"],
                            hlc=item["hlc"],
                            presidio=values["presidio"],
                            scope=values["scope"],
                            data=json.dumps(item["data"]),
                            received_at=utc_now_text(),
                        )
                    )
    finally:
        hs.close()


def test_a_pulled_change_stamped_2_63_is_held_and_the_office_keeps_writing(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from casa_desk.ui.sync_page import SyncPage
    from casa_desk.ui.tasks import SyncRunner

    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, phone="+393330000001")
    sync(a)
    now = a.journal.clock.tick()
    stranger, guest = uuid7(), uuid7()
    serve_from_hub(
        sqlite_hub,
        [
            change("people", p["id"], "update", POISON, {"phone": "+390000000000"}),
            change("people", stranger, "insert", POISON - 7, new_person(stranger, "Futuro")),
            change("people", stranger, "update", now + 1, {"notes": "segue"}),  # waits with it
            change("people", guest, "insert", now + 2, new_person(guest, "Presente")),
        ],
    )
    report = sync(a)
    assert report.in_sync and report.held == 3  # never "not aligned" because of them
    assert sane(a)  # not observed
    assert row(a, "people", p["id"])["phone"] == "+393330000001"  # not applied
    assert row(a, "people", stranger) is None
    assert row(a, "people", guest)["last_name"] == "Presente"  # the honest change is in
    reasons = sorted(h["reason"] for h in held.listing(a))
    assert reasons == [held.CLOCK_AHEAD, held.CLOCK_AHEAD, held.WAITS_FOR_HELD]

    # the office writes on, with sane clocks, and later syncs neither fail nor re-apply
    People(a).update(p["id"], {"phone": "3331234567"})
    fresh = People(a).register(
        {"first_name": "Dopo", "last_name": "Scrittura"}, presidio="SAN-SIRO"
    )
    assert physical_ms(fresh["hlc"]) <= a.journal.clock.wall_ms() + MAX_SKEW_MS
    for _ in range(2):
        again = sync(a)
        assert again.in_sync and again.held == 3 and sane(a)
    assert row(a, "people", p["id"])["phone"] == "+393331234567"

    # the Sync page lists them with the reason, in words
    page = SyncPage(a, runner=SyncRunner())
    qtbot.addWidget(page)
    assert not page.held_box.isHidden() and page.held.rowCount() == 3
    texts = {page.held.data(page.held.index(r, 2)) for r in range(3)}
    assert any("5 minuti" in t for t in texts)


def test_a_refetched_row_with_a_poisoned_field_clock_is_held(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The hub's table holds the poisoned value but its log does not (a hub restored from a
    copy, a hand-edited table): the digest differs, the office re-fetches the table, and the
    poisoned field comes back as a held change, not as the office's clock."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, notes="prima")
    sync(a)
    serve_from_hub(
        sqlite_hub,
        [change("people", p["id"], "update", POISON, {"notes": "dal futuro"})],
        log=False,
    )
    report = sync(a)
    assert "people" in report.refetched and report.in_sync
    assert report.held == 1 and sane(a)
    assert row(a, "people", p["id"])["notes"] == "prima"
    People(a).update(p["id"], {"notes": "dopo"})  # writes on
    assert sync(a).in_sync and sane(a)


def test_a_reply_bundle_with_a_poisoned_change_and_restore_is_held(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A reply bundle, signed with the office's own key (a hostile hub could), carries a
    change and a restored row stamped 2**63 - 1: both are held, the clock stays sane."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, phone="+393330000002")
    sync(a)
    People(a).update(p["id"], {"phone": "3330000003"})  # an edit the "hub" refuses below
    edit_id = a.db.execute("SELECT change_id FROM sync_outbox ORDER BY seq DESC").fetchone()[0]
    restored = {**row(a, "people", p["id"]), "phone": "+390000000000", "hlc": POISON}
    restored["origin"] = HOSTILE
    restored["field_clocks"] = json.dumps({"*": [POISON, HOSTILE]})
    cursor = int(state(a, "pull_cursor", "0") or 0)
    payload = {
        "acked_seq": int(a.db.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0]),
        "rejected": [
            {"change_id": edit_id, "table": "people", "row_id": p["id"], "reason": "prova"}
        ],
        "changes": [change("people", p["id"], "update", POISON, {"notes": "dal futuro"})],
        "epoch": state(a, "epoch"),
        "from_cursor": cursor,
        "next_cursor": cursor,
        "restore": {"people": [restored]},
    }
    manifest = {"kind": "reply", "device_id": state(a, "hub_device_id"), "count": 1}
    reply = tmp_path / "reply.casa"
    write_bundle(reply, manifest, payload, str(state(a, "hub_bundle_key")))
    message = import_reply(a, reply)
    assert ", 1 messa da parte (orologio di origine nel futuro)." in message
    assert sane(a)
    current = row(a, "people", p["id"])
    assert (current["phone"], current["notes"]) == ("+393330000003", None)
    assert sorted(h["reason"] for h in held.listing(a)) == [held.CLOCK_AHEAD] * 2
    People(a).update(p["id"], {"notes": "si scrive ancora"})
    assert sane(a)


def test_a_change_held_for_its_clock_is_applied_when_its_time_comes(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A PC whose clock runs behind (or another one's ahead, within reason) loses nothing:
    the change waits, then goes in at the first sync after its time."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, notes="prima")
    sync(a)
    ten_minutes = 10 * 60_000
    ahead = pack(a.journal.clock.wall_ms() + ten_minutes, 0)
    serve_from_hub(sqlite_hub, [change("people", p["id"], "update", ahead, {"notes": "dopo"})])
    assert sync(a).held == 1
    assert row(a, "people", p["id"])["notes"] == "prima" and a.journal.clock.last < ahead
    real = a.journal.clock._now_ms  # noqa: SLF001 - ten minutes later
    a.journal.clock._now_ms = lambda: real() + ten_minutes  # noqa: SLF001
    report = sync(a)
    assert report.held == 0 and report.pulled == 1 and report.in_sync
    assert row(a, "people", p["id"])["notes"] == "dopo" and a.journal.clock.last >= ahead
    assert held.listing(a) == []
