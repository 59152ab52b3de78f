"""Push batches larger than protocol 1's 500 changes, announced by the hub (issue 12).

The hub says in ``hello`` how many changes a push batch may hold (``max_push``); a client
sends batches that large to it, and 500 to a hub that says nothing — an older hub refuses
more. The older hub is the real hub process behind a transport that drops ``max_push`` from
its hello answer, which is all that tells the two apart on the wire.
"""

from __future__ import annotations

from pathlib import Path

import httpx
from hostile import Hostile
from sync_helpers import (
    HubProcess,
    add_people,
    as_older_hub,
    check_invariants,
    new_office,
    sync_through,
)

from casa_desk.sync import protocol
from casa_desk.sync.client import SyncClient

N = protocol.MAX_PUSH * 3 + 7  # more than three protocol-1 batches


class Recording(httpx.BaseTransport):
    """Forwards to the hub; counts the changes of each push; with ``old_hub``, answers
    hello as a hub of before ``max_push`` would."""

    def __init__(self, *, old_hub: bool) -> None:
        self.inner = httpx.HTTPTransport()
        self.old_hub = old_hub
        self.batches: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/push":
            self.batches.append(len(protocol.decode(request.content)["changes"]))
        response = self.inner.handle_request(request)
        if request.url.path != "/hello" or not self.old_hub:
            return response
        # a hub from before both: one batch of 500 at a time (with two in flight, a batch
        # overtaken on a loaded machine is sent again, and CI once counted it twice)
        return as_older_hub(response, "max_push", "push_window")

    def close(self) -> None:
        self.inner.close()


def test_the_hub_announces_its_batch_cap_and_the_client_uses_it(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    add_people(a, N)
    transport = Recording(old_hub=False)
    report = sync_through(a, transport)
    assert report.pushed == N and not report.rejected
    assert transport.batches == [N]  # one batch where protocol 1 needed four
    with SyncClient(sede) as client:
        assert client.sync().pulled == N
    check_invariants(hub, [a, sede])


def test_a_hub_that_announces_nothing_gets_batches_of_500(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    add_people(a, N)
    transport = Recording(old_hub=True)
    report = sync_through(a, transport)
    assert report.pushed == N and not report.rejected
    assert transport.batches == [500, 500, 500, 7]
    check_invariants(sqlite_hub, [a])


def test_an_old_client_batch_of_500_and_a_full_new_batch_are_accepted_one_more_is_not(
    sqlite_hub: HubProcess,
) -> None:
    """What an older client sends still goes in; the cap is the hub's, checked before any
    work (413 with the number, nothing logged)."""
    rogue = Hostile(sqlite_hub, "SAN-SIRO")
    hello = rogue.http.post("/hello", json=rogue.hello_body()).json()
    assert hello["max_push"] == protocol.HUB_MAX_PUSH
    old = [rogue.change("people", f"old{i}") for i in range(protocol.MAX_PUSH)]
    assert rogue.push(*old) == {}  # acked up to its last seq, nothing refused
    new = [rogue.change("people", f"new{i}") for i in range(protocol.HUB_MAX_PUSH)]
    assert rogue.push(*new) == {}
    over = [rogue.change("people", f"over{i}") for i in range(protocol.HUB_MAX_PUSH + 1)]
    refused = rogue.http.post(
        "/push", json={"first_seq": over[0]["seq"], "last_seq": over[-1]["seq"], "changes": over}
    )
    assert refused.status_code == 413
    assert refused.json()["code"] == "too_large"
    assert refused.json()["message"] == protocol.TOO_MANY_CHANGES
    hs = sqlite_hub.store()
    try:
        assert len(hs.log_change_ids()) == protocol.MAX_PUSH + protocol.HUB_MAX_PUSH
    finally:
        hs.close()
    rogue.close()


def test_the_client_takes_the_hubs_cap_within_its_own() -> None:
    assert protocol.push_limit({}) == protocol.MAX_PUSH
    assert protocol.push_limit({"max_push": None}) == protocol.MAX_PUSH
    assert protocol.push_limit({"max_push": 2000}) == 2000
    assert protocol.push_limit({"max_push": 10**9}) == protocol.HUB_MAX_PUSH
    for nonsense in (0, -5, "5000", 12.5, True):
        assert protocol.push_limit({"max_push": nonsense}) == protocol.MAX_PUSH


def test_batches_still_stop_at_the_byte_cap() -> None:
    """Large rows cut a batch before its count does, so no batch nears the body cap."""
    big = "x" * 100_000
    rows = [
        (i, f"c{i}", "people", f"p{i}", "insert", 1, "dev", f'{{"notes":"{big}"}}', None)
        for i in range(1, 201)
    ]
    messages = protocol.push_messages(rows, 0, lambda c: c, limit=protocol.HUB_MAX_PUSH)
    assert len(messages) > 1
    for message in messages:
        size = sum(len(c["data"].text) for c in message["changes"])
        assert size <= protocol.PUSH_BATCH_BYTES
    assert [c["seq"] for m in messages for c in m["changes"]] == list(range(1, 201))
