"""A hostile office PC: an enrolled device that speaks the protocol by hand (issue 8).

It has a real token and a node id but no store, so a test can push exactly the changes an
attacker would — a clock of 2^63−1, a contact for nobody, another office's person deleted —
and see what the hub does with them.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
from sync_helpers import HubProcess

from casa_desk.models.hlc import pack
from casa_desk.models.ids import uuid7
from casa_desk.sync import protocol
from casa_desk.sync.hub.devices import add_device, enrol


def hand_made(
    node: str,
    seq: int,
    presidio: str,
    table: str,
    row_id: str,
    op: str,
    hlc: int | None,
    data: dict[str, Any],
) -> dict[str, Any]:
    """One change as the node ``node`` would send it as its ``seq``-th; an insert gets the
    sync columns a store would stamp. ``data`` is a dict, not keywords: a change may set
    ``presidio`` or ``table`` columns of its own."""
    now = "2026-03-01T10:00:00.000Z"
    if op == "insert":
        data = {
            "id": row_id,
            "presidio": presidio,
            "scope": "shared" if table == "people" else presidio,
            "created_at": now,
            "updated_at": now,
            "deleted": 0,
            **data,
        }
    return {
        "seq": seq,
        "change_id": uuid7(),
        "table": table,
        "row_id": row_id,
        "op": op,
        "hlc": hlc if hlc is not None else pack(int(time.time() * 1000), seq),
        "device": node,
        "data": data,
        "base": None if op == "insert" else {k: [0, ""] for k in data},
    }


class Hostile:
    def __init__(self, hub: HubProcess, presidio: str, *, head_office: bool = False) -> None:
        hs = hub.store()
        try:
            _id, code = add_device(hs, presidio, head_office=head_office)
            self.creds = enrol(hs, code)
        finally:
            hs.close()
        self.presidio = presidio
        self.node = uuid7()
        self.seq = 0
        self.http = httpx.Client(
            base_url=hub.url,
            headers={"Authorization": f"Bearer {self.creds['token']}"},
            timeout=60,
        )
        answer = self.http.post("/hello", json=self.hello_body())
        assert answer.status_code == 200, answer.text

    def hello_body(self) -> dict[str, Any]:
        return {
            "node_id": self.node,
            "protocol": protocol.PROTOCOL_VERSION,
            "min_protocol": protocol.MIN_PROTOCOL,
            "wall_ms": int(time.time() * 1000),
        }

    def change(
        self, table: str, row_id: str, op: str = "insert", hlc: int | None = None, **data: Any
    ) -> dict[str, Any]:
        """One change; an insert gets the sync columns a store would stamp."""
        self.seq += 1
        return hand_made(self.node, self.seq, self.presidio, table, row_id, op, hlc, data)

    def push(self, *changes: dict[str, Any]) -> dict[str, Any]:
        """Push ``changes`` as one batch; returns ``{change_id: reason}`` of the refused."""
        body = {
            "first_seq": changes[0]["seq"],
            "last_seq": changes[-1]["seq"],
            "changes": list(changes),
        }
        answer = self.http.post(  # ASCII JSON: a lone surrogate travels escaped, as from a PC
            "/push", content=json.dumps(body), headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 200, answer.text
        result = answer.json()
        assert result["acked_seq"] == changes[-1]["seq"]  # never blocked
        return {r["change_id"]: r["reason"] for r in result["rejected"]}

    def close(self) -> None:
        self.http.close()
