"""A future clock the hub stored before it refused them (issue 8 follow-up) is neutralised at
the hub's start-up, on SQLite and PostgreSQL: an office's later edit of that field wins at
the hub as it did at the office, and every office converges."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hostile import Hostile
from sqlalchemy import select
from sync_helpers import HubProcess, check_invariants, edit, new_office, person, quiesce, row, sync

from casa_desk.models.hlc import MAX_SKEW_MS, pack, physical_ms
from casa_desk.sync import held
from casa_desk.sync.hub import push as hub_push
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.devices import device_by_id

_DAY_MS = 86_400_000


def _as_an_old_hub_took_it(
    hub: HubProcess, rogue: Hostile, change: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Store ``change`` the way a hub made before issue 8 did: without the clock check."""
    with monkeypatch.context() as patch:
        patch.setattr(hub_push, "clock_reason", lambda _hlc, _hub_ms: None)
        hs = hub.store()
        try:
            device, _row = device_by_id(hs, rogue.creds["device_id"])
            answer = hs.push(
                device, {"first_seq": change["seq"], "last_seq": change["seq"], "changes": [change]}
            )
        finally:
            hs.close()
    assert not answer["rejected"]


def test_a_future_clock_already_at_the_hub_is_neutralised_at_start_up(
    hub: HubProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(a, last_name="Prima", phone="+390200000001", street="Via Uno")
    quiesce([a, sede])
    rogue = Hostile(hub, "SAN-SIRO")
    far = pack(int(time.time() * 1000) + 30 * _DAY_MS, 0)
    poison = rogue.change("people", p["id"], op="update", hlc=far, phone="+390266666666")
    _as_an_old_hub_took_it(hub, rogue, poison, monkeypatch)
    quiesce([sede, a])  # the offices hold it back (never adopt the clock)
    assert held.count(a) == 1 and held.count(sede) == 1
    edit(a, "people", p["id"], phone="+390200000002")  # wins here...
    assert sync(a).in_sync  # ...loses at the hub, and the digest cannot tell
    assert row(a, "people", p["id"])["phone"] == "+390200000002"

    hub.restart()  # the upgraded hub starts
    hs = hub.store()
    try:
        hub_row = next(r for r in hs.rows("people") if r["id"] == p["id"])
        with hs.tx() as conn:
            log_clocks = [
                int(r[0])
                for r in conn.execute(
                    select(schema.change_log.c.hlc).where(schema.change_log.c.row_id == p["id"])
                )
            ]
    finally:
        hs.close()
    assert hub_row["phone"] == "+390200000002"  # the later edit wins at the hub too
    assert hub_row["street"] == "Via Uno"
    assert len(log_clocks) == 3  # insert, poison, the later edit: none lost
    assert all(physical_ms(c) <= time.time() * 1000 + MAX_SKEW_MS for c in log_clocks)
    quiesce([a, sede])
    for store in (a, sede):
        assert row(store, "people", p["id"])["phone"] == "+390200000002"
        assert held.count(store) == 0
        assert sync(store).in_sync
    check_invariants(hub, [a, sede])
    # and an edit made now still wins everywhere
    edit(sede, "people", p["id"], phone="+390200000003")
    quiesce([sede, a])
    assert row(a, "people", p["id"])["phone"] == "+390200000003"
    check_invariants(hub, [a, sede])
    rogue.close()
