"""Edits of a row the hub does not hold wait for the row (hub/schema.py ``parked_changes``),
on both hub engines, in-process: a hub restored from a backup receives an office's edit of a
person before the office that registered the person re-sends it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sync_helpers import an_edit, office, person

from casa_desk.models.hlc import pack
from casa_desk.models.ids import uuid7
from casa_desk.store.db import Store
from casa_desk.sync import protocol
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubStore


def push_outbox(hub: HubStore, store: Store, device: Device, after: int = 0) -> dict[str, Any]:
    rows = store.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox WHERE seq > ? ORDER BY seq", [after]
    ).fetchall()
    changes = [protocol.change_from_outbox(r) for r in rows]
    message = {"first_seq": after + 1, "last_seq": changes[-1]["seq"], "changes": changes}
    return hub.push(device, protocol.decode(protocol.encode(message)))


def test_an_edit_that_arrives_before_its_row_waits_for_it(
    hub_store: HubStore, tmp_path: Path
) -> None:
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    sede, dev_sede = office(hub, tmp_path / "sede.sqlite", "SEDE", head=True)
    q = person(b, last_name="Dopo")
    early = an_edit(a, q["id"], 1, street="Via Nuova")
    answer = hub.push(dev_a, {"first_seq": 1, "last_seq": 1, "changes": [early]})
    assert answer["rejected"] == [] and answer["acked_seq"] == 1
    again = hub.push(dev_a, {"first_seq": 1, "last_seq": 1, "changes": [early]})
    assert again["rejected"] == []  # a repeat: skipped, not parked twice
    by_sede = an_edit(sede, q["id"], 1, phone="+390200000001")
    assert (
        hub.push(dev_sede, {"first_seq": 1, "last_seq": 1, "changes": [by_sede]})["rejected"] == []
    )
    assert early["change_id"] not in hub.log_change_ids()  # not in the log before the row
    assert push_outbox(hub, b, dev_b)["rejected"] == []
    (got,) = [r for r in hub.rows("people") if r["id"] == q["id"]]
    assert (got["street"], got["phone"], got["last_name"]) == ("Via Nuova", "+390200000001", "Dopo")
    ids = hub.log_change_ids()
    assert early["change_id"] in ids and by_sede["change_id"] in ids
    assert len(ids) == len(set(ids))
    # the other offices pull them: B receives A's and head office's edits
    pulled = hub.pull(dev_b, 0, 1000)["changes"]
    assert {early["change_id"], by_sede["change_id"]} <= {c["change_id"] for c in pulled}
    with hub.tx() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM parked_changes").scalar() == 0


def test_an_edit_of_a_row_whose_insert_was_refused_is_still_refused(
    hub_store: HubStore, tmp_path: Path
) -> None:
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    row_id = uuid7()
    forged = {  # a row of another office: refused
        "seq": 1,
        "change_id": uuid7(),
        "table": "people",
        "row_id": row_id,
        "op": "insert",
        "hlc": pack(int(time.time() * 1000), 0),
        "device": a.device_id,
        "data": {"first_name": "X", "last_name": "Y", "presidio": "MAZZINI", "scope": "shared"},
        "base": None,
    }
    assert hub.push(dev_a, {"first_seq": 1, "last_seq": 1, "changes": [forged]})["rejected"]
    later = an_edit(a, row_id, 2, notes="dopo")
    answer = hub.push(dev_a, {"first_seq": 2, "last_seq": 2, "changes": [later]})
    assert [r["reason"] for r in answer["rejected"]] == ["Riga sconosciuta alla sede."]


def test_an_edit_refused_for_its_own_content_does_not_stop_the_next_one_waiting(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """Only a refused *insert* says a row will never come. An edit of a row the hub does
    not hold yet (a restored hub), refused for its own value, made every later edit of that
    row refused as of an unknown row instead of waiting for it: the next edit, valid, was
    lost although the row came right after."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    q = person(b, last_name="Dopo")  # made at b, not yet at the hub
    bad = an_edit(a, q["id"], 1, gender="?")
    answer = hub.push(dev_a, {"first_seq": 1, "last_seq": 1, "changes": [bad]})
    assert [r["reason"] for r in answer["rejected"]] == ["Codice sconosciuto nel campo gender."]
    good = an_edit(a, q["id"], 2, street="Via Nuova")
    answer = hub.push(dev_a, {"first_seq": 2, "last_seq": 2, "changes": [good]})
    assert answer["rejected"] == []  # it waits for its row
    assert push_outbox(hub, b, dev_b)["rejected"] == []  # the row comes
    (got,) = [r for r in hub.rows("people") if r["id"] == q["id"]]
    assert (got["street"], got["last_name"]) == ("Via Nuova", "Dopo")
    assert good["change_id"] in hub.log_change_ids()
    later = an_edit(a, q["id"], 3, phone="+390200000011")  # and the row is now the hub's
    assert hub.push(dev_a, {"first_seq": 3, "last_seq": 3, "changes": [later]})["rejected"] == []


def test_an_edit_whose_row_never_comes_does_not_wait_for_good(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """A parked edit (a note, a phone) whose row never arrives would stay at the hub for good,
    out of reach of an erasure's scrub: after PARKED_DAYS it goes, at the next batch any
    device pushes. Its push was answered "accepted", so the device that delivered it is told
    at its next hello, with the reason (it once kept its value without ever knowing). A later
    edit of that row still waits: it was an edit that was dropped, not the row's insert."""
    from casa_desk.sync.hub import push

    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    row_id = uuid7()
    old = an_edit(a, row_id, 1, phone="+390200000009")
    assert hub.push(dev_a, {"first_seq": 1, "last_seq": 1, "changes": [old]})["rejected"] == []
    with hub.tx() as conn:
        conn.exec_driver_sql(
            "UPDATE parked_changes SET at = '2020-01-01T00:00:00.000Z'"
        )  # parked long ago
    assert hello(hub, dev_a, a, refused_after=0)["refused_later"] == []
    person(b, last_name="Altra")  # another office's batch, parking nothing
    assert push_outbox(hub, b, dev_b)["rejected"] == []
    with hub.tx() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM parked_changes").scalar() == 0
    (told,) = hello(hub, dev_a, a, refused_after=0)["refused_later"]
    assert (told["change_id"], told["table"], told["row_id"]) == (
        old["change_id"],
        "people",
        row_id,
    )
    assert told["reason"] == push.EXPIRED_REASON
    assert "30 giorni" in told["reason"]
    assert (told["code"], told["params"]) == ("parked_expired", {"days": "30"})  # for its window
    assert hello(hub, dev_b, b, refused_after=0)["refused_later"] == []  # only to its device
    again = an_edit(a, old["row_id"], 2, phone="+390200000010")
    assert hub.push(dev_a, {"first_seq": 2, "last_seq": 2, "changes": [again]})["rejected"] == []
    with hub.tx() as conn:
        left = [r[0] for r in conn.exec_driver_sql("SELECT change_id FROM parked_changes")]
    assert left == [again["change_id"]]
    assert push.PARKED_DAYS == 30


def test_an_edit_before_its_row_in_the_same_batch_is_merged(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """The look for parked edits is skipped while none wait: not when this very batch parked
    one before the insert that follows it."""
    hub = hub_store
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    q = person(b, last_name="Ordine")
    (insert_row,) = b.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox ORDER BY seq"
    ).fetchall()
    inserted = {**protocol.change_from_outbox(insert_row), "seq": 2}
    early = an_edit(b, q["id"], 1, street="Via Prima")
    message = {"first_seq": 1, "last_seq": 2, "changes": [early, inserted]}
    assert hub.push(dev_b, protocol.decode(protocol.encode(message)))["rejected"] == []
    (got,) = [r for r in hub.rows("people") if r["id"] == q["id"]]
    assert got["street"] == "Via Prima"
    with hub.tx() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM parked_changes").scalar() == 0


def hello(hub: HubStore, device: Device, store: Store, **extra: Any) -> dict[str, Any]:
    message = {"node_id": store.device_id, "protocol": 1, "wall_ms": int(time.time() * 1000)}
    return hub.hello(device, {**message, **extra})


def test_a_parked_edit_refused_when_its_row_comes_is_told_at_the_next_hello(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """Its push was answered "accepted"; the refusal at the release is told to the device
    that delivered it, in hello's refused_later after the number it has seen — and only to
    a client that asks (an older one does not know the field), only to that device."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    q = person(b, last_name="Dopo")
    removal = an_edit(a, q["id"], 1, deleted=1)  # only the registering office may
    kept = an_edit(a, q["id"], 2, street="Via Nuova")
    answer = hub.push(dev_a, {"first_seq": 1, "last_seq": 2, "changes": [removal, kept]})
    assert answer["rejected"] == []
    assert hello(hub, dev_a, a, refused_after=0)["refused_later"] == []
    assert push_outbox(hub, b, dev_b)["rejected"] == []  # b is not told of a's refusal
    (told,) = hello(hub, dev_a, a, refused_after=0)["refused_later"]
    assert {k: told[k] for k in ("change_id", "table", "row_id")} == {
        "change_id": removal["change_id"],
        "table": "people",
        "row_id": q["id"],
    }
    assert told["reason"].startswith("Solo il presidio che ha registrato la persona")
    assert hello(hub, dev_a, a, refused_after=told["seq"])["refused_later"] == []
    assert "refused_later" not in hello(hub, dev_a, a)  # an older client: nothing
    assert hello(hub, dev_b, b, refused_after=0)["refused_later"] == []
    (got,) = [r for r in hub.rows("people") if r["id"] == q["id"]]
    assert (got["street"], got["deleted"]) == ("Via Nuova", 0)


def test_a_log_pruned_to_its_head_keeps_numbering_after_it(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """Pruned up to its newest change, the log still numbers the next change after it: on
    SQLite an emptied table would give seq 1 again, below the floor, and no office would
    ever pull it (a change lost until a digest happened to re-fetch its table)."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    person(a, last_name="Prima")
    push_outbox(hub, a, dev_a)
    head = hub.pull(dev_b, 0, 1000)["next_cursor"]
    hub.prune_log(head)
    acked = int(a.db.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0])
    later = person(a, last_name="Dopo")
    push_outbox(hub, a, dev_a, after=acked)
    page = hub.pull(dev_b, head, 1000)
    assert not page.get("reset")
    assert later["id"] in {c["row_id"] for c in page["changes"]}
    assert page["next_cursor"] > head
