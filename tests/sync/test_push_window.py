"""Two push batches in flight, announced by the hub (issue 12: the push under 5 s).

The hub says in ``hello`` how many push batches one device may have in flight
(``push_window``, 2); its push lock runs them in turn. A client sends the next batch while
the hub writes the current one; to a hub that says nothing (an older one) it sends one at
a time. The transports here sit between the real client and the real hub process: they
hold a batch back, let the next one overtake it, drop or refuse one in flight, or answer
hello as an older hub would — and after each, every change is in the hub's log once and
the ack never went back (SYNC.md §6).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from hostile import Hostile
from sync_helpers import (
    HubProcess,
    add_people,
    as_older_hub,
    check_invariants,
    new_office,
    quiesce,
    sync_through,
)

from casa_desk.errors import SyncError
from casa_desk.sync import protocol
from casa_desk.sync.apply import state
from casa_desk.sync.client import SyncClient

N = protocol.HUB_MAX_PUSH * 3 + 11  # four batches
#: How long a held batch waits for the other one (never reached when things work).
HOLD_S = 20


class Between(httpx.BaseTransport):
    """Forwards to the hub from any number of threads; records the pushes (first seq,
    how many were in flight when each was sent, the hub's answer). ``old_hub`` answers
    hello without ``push_window``; ``on_push(n, request)`` may act on the n-th push
    (from 0) before it goes on: hold it, or raise; ``on_answer(n)`` once its answer is
    back from the hub, before the client sees it."""

    def __init__(
        self,
        *,
        old_hub: bool = False,
        on_push: Callable[[int, httpx.Request], None] | None = None,
        on_answer: Callable[[int], None] | None = None,
    ) -> None:
        self.inner = httpx.HTTPTransport()
        self.old_hub = old_hub
        self.on_push = on_push
        self.on_answer = on_answer
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0
        self.pushes: list[int] = []  # first_seq of each push, in the order sent
        self.answers: list[dict[str, Any]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/hello":
            return self._hello(request)
        if request.url.path != "/push":
            return self.inner.handle_request(request)
        with self.lock:
            n = len(self.pushes)
            self.pushes.append(protocol.decode(request.content)["first_seq"])
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.on_push:
                self.on_push(n, request)
            response = self.inner.handle_request(request)
            response.read()
            with self.lock:
                self.answers.append(protocol.decode(response.content))
            if self.on_answer:
                self.on_answer(n)
            return response
        finally:
            with self.lock:
                self.in_flight -= 1

    def _hello(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if not self.old_hub:
            return response
        return as_older_hub(response, "push_window")

    def close(self) -> None:
        self.inner.close()


def _logged(hub: HubProcess) -> list[str]:
    hs = hub.store()
    try:
        return hs.log_change_ids()
    finally:
        hs.close()


def test_the_hub_takes_two_batches_in_flight_and_runs_them_in_turn(
    hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    add_people(a, N)
    second_sent = threading.Event()

    def second_sent_now(n: int, _request: httpx.Request) -> None:
        if n == 1:
            second_sent.set()

    def first_answer_waits_for_the_second(n: int) -> None:
        # The hub has taken and answered the first batch; the client has not seen the
        # answer yet, so the second batch can only be sent if two may be in flight.
        if n == 0:
            assert second_sent.wait(HOLD_S), "the second batch was not sent before an answer"

    transport = Between(on_push=second_sent_now, on_answer=first_answer_waits_for_the_second)
    report = sync_through(a, transport, timeout=60)
    assert report.pushed == N and not report.rejected
    assert transport.most_in_flight == 2
    # Four batches; on a loaded machine one may overtake the one before it at the hub,
    # which answers it gap and gets it again (the next test makes that happen).
    assert set(transport.pushes) == {1 + i * protocol.HUB_MAX_PUSH for i in range(4)}
    logged = _logged(hub)
    assert len(logged) == len(set(logged)) == N
    with SyncClient(sede) as client:
        assert client.sync().pulled == N
    check_invariants(hub, [a, sede])


def test_a_hub_that_announces_no_window_gets_one_batch_at_a_time(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    add_people(a, N)
    transport = Between(old_hub=True)
    report = sync_through(a, transport, timeout=60)
    assert report.pushed == N and not report.rejected
    assert transport.most_in_flight == 1
    assert len(transport.pushes) == 4
    check_invariants(sqlite_hub, [a])


def test_a_batch_that_overtakes_the_one_before_is_answered_gap_and_sent_again(
    hub: HubProcess, tmp_path: Path
) -> None:
    """The second batch reaches the hub first: the hub takes nothing of it (``gap``), the
    client takes the first answer, then sends the second batch again after that ack."""
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, N)
    second_answered = threading.Event()

    def second_goes_first(n: int, _request: httpx.Request) -> None:
        if n == 0:
            assert second_answered.wait(HOLD_S)

    transport = Between(on_push=second_goes_first)
    original = transport.handle_request

    def handle(request: httpx.Request) -> httpx.Response:
        response = original(request)
        if request.url.path == "/push" and len(transport.answers) == 1:
            second_answered.set()
        return response

    transport.handle_request = handle  # type: ignore[method-assign]
    report = sync_through(a, transport, timeout=60)
    assert report.pushed == N and not report.rejected
    assert transport.answers[0]["gap"] is True  # the overtaking batch: nothing taken
    first, second = transport.pushes[0], transport.pushes[1]
    assert transport.pushes.count(second) == 2  # sent again, once
    assert transport.pushes.count(first) == 1
    assert len(_logged(hub)) == N
    quiesce([a, b])
    check_invariants(hub, [a, b])


@pytest.mark.parametrize("fault", ["dropped", "refused"])
def test_a_batch_in_flight_lost_or_refused_leaves_nothing_half_done(
    sqlite_hub: HubProcess, tmp_path: Path, fault: str
) -> None:
    """The connection of the second batch in flight drops (or the hub refuses it) while
    the first one commits: the sync stops with one line, the ack stays at what the hub
    took, and the next sync sends the rest — nothing lost, nothing twice."""
    hub = sqlite_hub
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    add_people(a, N)

    def second_fails(n: int, request: httpx.Request) -> None:
        if n == 1:
            if fault == "dropped":
                raise httpx.ReadError("connection dropped", request=request)
            # The hub's own refusal of a body over its limits, answered before any work.
            request.stream = httpx.ByteStream(b"x" * (protocol.MAX_BODY_BYTES + 1))
            request.headers["Content-Length"] = str(protocol.MAX_BODY_BYTES + 1)

    with pytest.raises(SyncError) as stopped:
        sync_through(a, Between(on_push=second_fails), timeout=60)
    assert stopped.value.code == ("unreachable" if fault == "dropped" else protocol.TOO_LARGE)
    # The first batch went in; the one sent behind the lost one found a gap: nothing of it.
    assert len(_logged(hub)) == protocol.HUB_MAX_PUSH
    assert int(state(a, "acked_seq", "0") or 0) == protocol.HUB_MAX_PUSH
    report = sync_through(a, Between(), timeout=60)
    assert report.pushed == N - protocol.HUB_MAX_PUSH and not report.rejected
    logged = _logged(hub)
    assert len(logged) == len(set(logged)) == N
    quiesce([a, b])
    check_invariants(hub, [a, b])


def test_an_old_client_one_batch_at_a_time_is_served_as_before(sqlite_hub: HubProcess) -> None:
    """A client that ignores ``push_window`` (every client before it) sends one batch,
    waits, sends the next: answered as protocol 1 always was, a gap included."""
    rogue = Hostile(sqlite_hub, "SAN-SIRO")
    hello = rogue.http.post("/hello", json=rogue.hello_body()).json()
    assert hello["push_window"] == protocol.HUB_PUSH_WINDOW
    first = [rogue.change("people", f"one{i}") for i in range(3)]
    second = [rogue.change("people", f"two{i}") for i in range(3)]
    ahead = rogue.http.post(
        "/push",
        json={"first_seq": second[0]["seq"], "last_seq": second[-1]["seq"], "changes": second},
    ).json()
    assert ahead["gap"] is True and ahead["acked_seq"] == 0
    assert rogue.push(*first) == {}
    assert rogue.push(*second) == {}
    assert len(_logged(sqlite_hub)) == 6
    rogue.close()


def test_the_client_takes_the_hubs_window_within_its_own() -> None:
    assert protocol.push_window({}) == 1
    assert protocol.push_window({"push_window": None}) == 1
    assert protocol.push_window({"push_window": 2}) == 2
    assert protocol.push_window({"push_window": 64}) == protocol.HUB_PUSH_WINDOW
    for nonsense in (0, -1, "2", 1.5, True):
        assert protocol.push_window({"push_window": nonsense}) == 1
