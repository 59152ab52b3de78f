"""A hostile office against the hub, in-process on both engines: what slipped through the
hub's checks before (each test failed before its fix)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from hostile import hand_made
from sqlalchemy import select
from sync_helpers import office, person

from casa_desk.errors import SyncError
from casa_desk.models.hlc import pack
from casa_desk.models.ids import uuid7
from casa_desk.store.db import Store
from casa_desk.sync import protocol
from casa_desk.sync.apply import state
from casa_desk.sync.bundle import (
    export_bundle,
    hub_import_bundle,
    import_reply,
    open_bundle,
    write_bundle,
)
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubStore
from casa_desk.sync.messages import PushRequest

NOW = "2026-03-01T10:00:00.000Z"


def change(
    store: Store, table: str, row_id: str, op: str, seq: int, data: dict[str, Any]
) -> dict[str, Any]:
    """A change as ``store``'s device would send it; an insert gets the sync columns."""
    return hand_made(store.device_id, seq, store.presidio or "", table, row_id, op, None, data)


def push(hub: HubStore, device: Device, changes: list[dict[str, Any]]) -> dict[str, Any]:
    """One batch, validated as the HTTP route and a bundle validate it."""
    seqs = [c["seq"] for c in changes]
    body = {"first_seq": min(seqs), "last_seq": max(seqs), "changes": changes}
    message = PushRequest.model_validate(protocol.decode(protocol.encode(body)))
    return hub.push(device, message.model_dump())


def push_outbox(hub: HubStore, store: Store, device: Device) -> dict[str, Any]:
    rows = store.db.execute(f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox ORDER BY seq")
    return push(hub, device, [protocol.change_from_outbox(r) for r in rows.fetchall()])


@pytest.mark.parametrize(
    "clock",
    [["abc", "x"], ["9" * 5000, "x"], [-1, "x"], [1, 2], [1, "x" * 65], [2**63, "x"]],
    ids=["text", "digits", "negative", "device-number", "device-long", "beyond-64-bits"],
)
def test_a_base_clock_that_is_not_a_clock_is_refused_and_never_blocks_another_office(
    hub_store: HubStore, tmp_path: Path, clock: list[Any]
) -> None:
    """A change's ``base`` says which ``[hlc, device]`` each field held when it was edited;
    the envelope lets any text or integer through. The merge read it with ``int()``: text
    crashed the batch (an error 500, for ever), and an edit parked after a restore crashed
    the push of the office that later brought its row. Refused per change, with a reason."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(b, last_name="Bianchi")
    assert push_outbox(hub, b, dev_b)["rejected"] == []
    later = pack(int(time.time() * 1000) + 60_000, 0)  # newer than anything held
    forged = change(a, "people", p["id"], "update", 1, {"first_name": "X"})
    parked = change(a, "people", uuid7(), "update", 2, {"first_name": "X"})
    fine = change(a, "people", p["id"], "update", 3, {"phone": "+390200000001"})
    for edit in (forged, parked):
        edit["base"], edit["hlc"] = {"first_name": clock}, later
    answer = push(hub, dev_a, [forged, parked, fine])
    assert [(r["change_id"], r["reason"]) for r in answer["rejected"]] == [
        (forged["change_id"], "Orologi di base della modifica non validi."),
        (parked["change_id"], "Orologi di base della modifica non validi."),
    ]
    assert answer["acked_seq"] == 3
    (got,) = [r for r in hub.rows("people") if r["id"] == p["id"]]
    assert (got["first_name"], got["phone"]) == ("Nome", "+390200000001")
    # the row of the edit that would have waited comes from B: B's push goes through
    b2 = person(b, id=parked["row_id"], last_name="Dopo")
    rows = b.db.execute(f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox WHERE seq = 2")
    assert push(hub, dev_b, [protocol.change_from_outbox(rows.fetchone())])["rejected"] == []
    assert [r["first_name"] for r in hub.rows("people") if r["id"] == b2["id"]] == ["Nome"]


def test_an_anonymisation_erases_no_other_row_that_shares_an_id(
    hub_store: HubStore, tmp_path: Path
) -> None:
    """Ids are unique per table, not across tables. An office that gives its own contact
    the id of another office's person (shared: it knows it), then anonymises the contact's
    person, had the hub erase that other person's change log payloads and the reasons of
    that office's audit rows about them (matched by id alone): a new office pulling the log
    got the person nameless, and head office lost a break-glass reason. The scrub now
    matches each row by its table too."""
    hub = hub_store
    a, dev_a = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b, dev_b = office(hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(b, last_name="Bianchi")
    why = "visita domiciliare programmata"
    seen = change(
        b,
        "audit_log",
        uuid7(),
        "insert",
        2,
        {"at": NOW, "who": "op", "action": "break_glass", "table_name": "people"}
        | {"row_id": p["id"], "reason": why},
    )
    assert push_outbox(hub, b, dev_b)["rejected"] == []
    assert push(hub, dev_b, [seen])["rejected"] == []
    q = uuid7()
    own = change(a, "people", q, "insert", 1, {"last_name": "Rossi"})
    twin = change(  # a contact of A's own person, with B's person's id
        a,
        "contacts",
        p["id"],
        "insert",
        2,
        {"person_id": q, "category": "sociale", "summary": "colloquio", "occurred_at": NOW},
    )
    gone = change(a, "people", q, "update", 3, {"anonymised_on": "2026-03-02"})
    assert push(hub, dev_a, [own, twin, gone])["rejected"] == []
    log = schema.change_log
    with hub.tx() as conn:
        found = conn.execute(select(log.c.table_name, log.c.data).where(log.c.row_id == p["id"]))
        logged = {r[0]: json.loads(r[1]) for r in found}
    assert logged["people"]["last_name"] == "Bianchi"  # B's person, untouched
    assert logged["contacts"]["summary"] is None  # A's contact of its erased person
    (audit,) = [r for r in hub.rows("audit_log") if r["row_id"] == p["id"]]
    assert audit["reason"] == why
    (contact_row,) = hub.rows("contacts")
    assert contact_row["summary"] is None
    names = {r["id"]: r["last_name"] for r in hub.rows("people")}
    assert (names[p["id"]], names[q]) == ("Bianchi", None)


def forged_bundle(
    hub: HubStore, tmp_path: Path, **manifest_fields: Any
) -> tuple[Store, Path, Path, str]:
    """Office A's bundle of one new person, its manifest changed as given and signed again
    with A's own key (an office holds it). Returns A, the bundle, the reply path, the id."""
    a, _dev = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a, last_name="Pacchetto")
    out, forged = tmp_path / "a.casa", tmp_path / "forged.casa"
    export_bundle(a, out)
    key = state(a, "hub_bundle_key") or ""
    manifest, payload = open_bundle(out, key)
    write_bundle(forged, {**manifest, **manifest_fields}, payload, key)
    return a, forged, tmp_path / "reply.casa", p["id"]


BAD_NUMBERS = ["12", [1], 1.5, 2**70, -1, True, None]


@pytest.mark.parametrize("field", ["wall_ms", "protocol"])
@pytest.mark.parametrize("bad", BAD_NUMBERS, ids=repr)
def test_a_bundle_header_number_that_is_not_one_is_refused_with_a_reason(
    hub_store: HubStore, tmp_path: Path, field: str, bad: object
) -> None:
    """The manifest is signed by the office's own key, so an office writes what it likes
    there. ``int()`` of text, a list, a float infinity or ``None`` was a traceback at
    ``casa-desk hub import-bundle`` (a bug report); now a one-line refusal, nothing done."""
    hub = hub_store
    _a, forged, reply, pid = forged_bundle(hub, tmp_path, **{field: bad})
    with pytest.raises(SyncError) as refused:
        hub_import_bundle(hub, forged, reply)
    assert refused.value.code == "bundle_format"
    assert refused.value.message == (
        f"Pacchetto non valido: il campo {field} dell'intestazione non è un numero."
    )
    assert pid not in {r["id"] for r in hub.rows("people")}
    assert hub.log_change_ids() == [] and not reply.exists()


@pytest.mark.parametrize("bad", BAD_NUMBERS, ids=repr)
def test_a_bundle_header_cursor_or_count_that_is_not_a_number_is_not_trusted(
    hub_store: HubStore, tmp_path: Path, bad: object
) -> None:
    """``pull_cursor`` counts as 0 (the reply then carries what the office may already
    hold: applied twice, harmless); the count head office is told is the bundle's own, not
    the manifest's. ``count`` as text was a traceback after the import and the reply were
    done, so head office believed it had failed."""
    hub = hub_store
    a, forged, reply, pid = forged_bundle(hub, tmp_path, pull_cursor=bad, count=bad)
    summary = hub_import_bundle(hub, forged, reply)
    assert summary.startswith("Pacchetto importato: 1 modifica, 0 rifiutate;")
    assert pid in {r["id"] for r in hub.rows("people")}
    import_reply(a, reply)
