"""The hub scrubs what a push batch writes about an anonymised person (issue 11), also when
the batch holds only rows that point at the person (hub/erasure.py).

The batch's anonymisation check reads again only the persons whose row it does not already
hold as neither anonymised nor merged: these tests push, in batches of their own, a contact
of an anonymised person, and one of a person merged into an anonymised one, both written
by an office that was offline — on both engines, through ``HubStore.push`` in process.
"""

from __future__ import annotations

from typing import Any

from hostile import hand_made

from casa_desk.models.ids import uuid7
from casa_desk.sync.hub.devices import add_device
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubStore

NOW = "2026-03-01T10:00:00.000Z"


class _Office:
    def __init__(self, hub: HubStore) -> None:
        self.hub = hub
        self.node, self.seq = uuid7(), 0
        device_id, _code = add_device(hub, "SAN-SIRO")
        self.device = Device(device_id, "SAN-SIRO", False, self.node)

    def change(self, table: str, row_id: str, op: str = "insert", **data: Any) -> dict[str, Any]:
        self.seq += 1
        return hand_made(self.node, self.seq, "SAN-SIRO", table, row_id, op, None, data)

    def push(self, *changes: dict[str, Any]) -> None:
        answer = self.hub.push(
            self.device,
            {"first_seq": changes[0]["seq"], "last_seq": changes[-1]["seq"], "changes": changes},
        )
        assert answer["rejected"] == [], answer


def test_contacts_pushed_alone_are_scrubbed_for_an_anonymised_person(hub_db: str) -> None:
    hub = HubStore.open(hub_db)
    try:
        office = _Office(hub)
        anna, bruno, carla = uuid7(), uuid7(), uuid7()
        office.push(
            office.change("people", anna, first_name="Anna", last_name="Segreti"),
            office.change("people", carla, first_name="Carla", last_name="Chiari"),
        )
        office.push(office.change("people", anna, "update", anonymised_on="2026-11-30"))
        office.push(office.change("people", bruno, first_name="Bruno", merged_into=anna))
        office.push(  # the batch holds no person: each is read with its link
            office.change("contacts", uuid7(), person_id=anna, summary="Segreto A", **_at()),
            office.change("contacts", uuid7(), person_id=bruno, summary="Segreto B", **_at()),
            office.change("contacts", uuid7(), person_id=carla, summary="In chiaro", **_at()),
        )
        summaries = {r["person_id"]: r["summary"] for r in hub.rows("contacts")}
        assert summaries == {anna: None, bruno: None, carla: "In chiaro"}
        people = {r["id"]: r for r in hub.rows("people")}
        assert people[anna]["last_name"] is None and people[anna]["anonymised_on"]
        assert people[bruno]["first_name"] is None
        assert people[carla]["last_name"] == "Chiari"
        with hub.tx(readonly=True) as conn:
            logged = [
                r[0]
                for r in conn.exec_driver_sql("SELECT data FROM change_log")
                if "Segret" in r[0]
            ]
        assert logged == []
    finally:
        hub.close()


def _at() -> dict[str, Any]:
    return {"occurred_at": NOW}
