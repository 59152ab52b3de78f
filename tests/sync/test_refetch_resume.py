"""A whole re-fetch cut midway resumes at its next page (client.py ``refetch_all``).

An office whose cursor the hub's log no longer reaches (answer ``reset``) re-fetches every
table through ``/snapshot`` pages. On a flaky link, or with a head-office store of a million
contacts, a re-fetch that started again from the first table after every cut might never
end. Each page is applied with the place of the next one; these tests cut the re-fetch (a
connection cut by a TCP proxy, the office's sync process SIGKILLed), sync again and check
which pages are asked for, that nothing written at the hub meanwhile is missed, that a newer
reset or a new hub epoch starts it again from the first table, and that every store ends
equal to the hub (digests, invariants, integrity checks).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from chaos_proxy import ChaosProxy, Rule
from login_helpers import open_store
from sync_helpers import (
    ROOT,
    HubProcess,
    Watch,
    add_people,
    child_env,
    edit,
    hub_sql,
    new_office,
    quiesce,
    row,
)

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.client import (
    DIGEST_REFETCH,
    REFETCH_PROGRESS,
    SyncClient,
    SyncReport,
    local_digest,
)
from casa_desk.sync.hub.devices import device_by_id

PAGE = 200  # pull page; snapshot pages of 100 rows


@pytest.fixture
def proxy(sqlite_hub: HubProcess) -> Iterator[ChaosProxy]:
    p = ChaosProxy(sqlite_hub.port)
    try:
        yield p
    finally:
        p.close()


class Recorder(httpx.BaseTransport):
    """Forwards every request (to the proxy, and so to the real hub) and notes the pulls'
    cursors and the snapshot pages asked for, as ``(table, after_id)``."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.snapshots: list[tuple[str, str]] = []
        self.pulls: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/snapshot":
            body = json.loads(request.content)
            self.snapshots.append((body["table"], body.get("after_id", "")))
        elif request.url.path == "/pull":
            self.pulls.append(int(json.loads(request.content)["cursor"]))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def recorded_sync(store: Store) -> tuple[Recorder, SyncReport | SyncError]:
    recorder = Recorder()
    with SyncClient(store, page=PAGE) as client:
        headers = dict(client.http.headers)
        client.http.close()
        client.http = httpx.Client(base_url=client.hub_url, headers=headers, transport=recorder)
        try:
            return recorder, client.sync()
        except SyncError as exc:
            return recorder, exc


def office(hub: HubProcess, proxy: ChaosProxy, path: Path, code: str) -> Store:
    store = new_office(hub, path, code)
    with store.transaction():
        set_state(store, "hub_url", proxy.url)  # every request goes through the proxy
    return store


def people_ids(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute("SELECT id FROM people WHERE origin != 'seed'")]


def behind_the_log(hub: HubProcess, a: Store, b: Store, before: int, after: int) -> int:
    """``b`` saw ``before`` people of ``a``; ``a`` then made ``after`` more and the hub
    pruned its log past them: ``b``'s next pull is answered ``reset``. Returns the head."""
    add_people(a, before)
    quiesce([a, b])
    add_people(a, after)
    _, done = recorded_sync(a)
    assert isinstance(done, SyncReport), done
    return prune_all_but_newest(hub)


def prune_all_but_newest(hub: HubProcess) -> int:
    """The hub forgets its log but for its newest change (retention); returns the head."""
    (head,) = hub_sql(hub, "SELECT max(seq) FROM change_log")
    hs = hub.store()
    try:
        hs.prune_log(int(head) - 1)
    finally:
        hs.close()
    return int(head)


def converged(hub: HubProcess, stores: list[Store]) -> None:
    """Sync to quiescence; every store equals the hub in scope and passes its integrity
    check. (The pruned log no longer holds every change: :func:`check_invariants`' "every
    change once in the log" cannot hold; digests and acks can.)"""
    watch = Watch()
    watch.check(stores)
    quiesce(stores)
    watch.check(stores)
    hs = hub.store()
    try:
        for store in stores:
            device, _ = device_by_id(hs, state(store, "hub_device_id") or "")
            assert local_digest(store) == hs.digest(device)
            assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert state(store, REFETCH_PROGRESS) is None
            (top,) = store.db.execute("SELECT coalesce(max(seq), 0) FROM sync_outbox").fetchone()
            assert int(state(store, "acked_seq", "0") or 0) == top
    finally:
        hs.close()
    with sqlite3.connect(hub.db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_refetch_cut_midway_resumes_at_its_next_page(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    head = behind_the_log(hub, a, b, 600, 900)  # 15 pages of people at 100 a page
    proxy.clear()
    cut = proxy.add(Rule("/snapshot", nth=12, after_bytes=2_000))  # a page of people
    first, outcome = recorded_sync(b)
    assert isinstance(outcome, SyncError) and outcome.code == "unreachable"
    assert cut.fired.is_set()
    applied = first.snapshots[:-1]  # the last one was cut
    assert len(applied) == 11 and applied[-1][0] == "people"
    place = json.loads(state(b, REFETCH_PROGRESS) or "{}")
    assert place["head"] == head and place["table"] == "people"
    # Meanwhile an office edits a person whose page b already has, and adds one.
    fetched = people_ids(b)
    edit(a, "people", fetched[0], notes="modificato durante il ricaricamento")
    add_people(a, 1)
    _, done = recorded_sync(a)
    assert isinstance(done, SyncReport), done
    proxy.clear()
    second, report = recorded_sync(b)
    assert isinstance(report, SyncReport), report
    assert second.snapshots[0] == first.snapshots[-1]  # the cut page, first
    assert not set(second.snapshots) & set(applied)  # no page applied before is asked again
    assert ("people", "") not in second.snapshots  # nor did a digest mismatch re-fetch it
    # the pull continued from the head seen before the re-fetch began: nothing missed
    assert head in second.pulls
    assert row(b, "people", fetched[0])["notes"] == "modificato durante il ricaricamento"
    assert len(people_ids(b)) == 1501
    assert report.in_sync and state(b, REFETCH_PROGRESS) is None
    converged(hub, [a, b])


def test_a_refetch_whose_process_is_killed_resumes_at_its_next_page(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """A real SIGKILL of ``casa-desk sync`` (snapshot pages of 1,000) mid re-fetch."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    behind_the_log(hub, a, b, 1000, 1500)
    tables = list(BY_NAME)
    nth = tables.index("people") + 2  # the second page of people
    b_path = b.path
    b.close()
    proxy.clear()
    holder: list[subprocess.Popen[str]] = []
    proxy.add(
        Rule(
            "/snapshot",
            nth=nth,
            after_bytes=5_000,
            action=lambda: os.kill(holder[0].pid, signal.SIGKILL),
        )
    )
    holder.append(
        subprocess.Popen(
            [sys.executable, "-m", "casa_desk", "sync", "--db", str(b_path)],
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
    )
    holder[0].communicate(timeout=120)
    assert holder[0].returncode == -signal.SIGKILL
    proxy.clear()
    b = open_store(b_path, check_integrity=True)
    place = json.loads(state(b, REFETCH_PROGRESS) or "{}")
    assert place["table"] == "people" and place["after"]
    resumed, report = recorded_sync(b)
    assert isinstance(report, SyncReport), report
    assert resumed.snapshots[0] == ("people", place["after"])
    assert not [s for s in resumed.snapshots if s[0] in tables[: tables.index("people")]]
    assert len(people_ids(b)) == 2500
    converged(hub, [a, b])


def test_a_resumed_refetch_past_a_newer_reset_starts_again(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """The hub pruned its log past the kept head after the cut: what changed meanwhile in
    the pages already applied is gone from the log, so only a whole re-fetch brings it."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    head = behind_the_log(hub, a, b, 300, 600)
    proxy.clear()
    proxy.add(Rule("/snapshot", nth=10, after_bytes=2_000))
    _first, outcome = recorded_sync(b)
    assert isinstance(outcome, SyncError)
    fetched = people_ids(b)
    assert fetched
    edit(a, "people", fetched[0], notes="dopo il taglio")
    add_people(a, 1)
    _, done = recorded_sync(a)
    assert isinstance(done, SyncReport), done
    newer = prune_all_but_newest(hub)  # the log no longer reaches the kept head
    assert newer - 1 > head
    proxy.clear()
    again, report = recorded_sync(b)
    assert isinstance(report, SyncReport), report
    assert again.snapshots[0] == (next(iter(BY_NAME)), "")  # from the first table again
    assert ("people", "") in again.snapshots
    assert row(b, "people", fetched[0])["notes"] == "dopo il taglio"
    assert int(state(b, "pull_cursor") or 0) >= newer
    converged(hub, [a, b])


def test_a_resumed_refetch_after_a_hub_restore_starts_again(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """A new epoch (the hub restored from a backup): the kept head and pages are of the
    hub before it; the re-fetch starts again from the first table, pulled from cursor 0."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    b = office(hub, proxy, tmp_path / "b.sqlite", "MAZZINI")
    behind_the_log(hub, a, b, 300, 600)
    proxy.clear()
    proxy.add(Rule("/snapshot", nth=10, after_bytes=2_000))
    _first, outcome = recorded_sync(b)
    assert isinstance(outcome, SyncError)
    assert state(b, REFETCH_PROGRESS)
    hs = hub.store()
    try:
        hs.new_epoch()
    finally:
        hs.close()
    proxy.clear()
    again, report = recorded_sync(b)
    assert isinstance(report, SyncReport), report
    assert report.realigned and again.pulls[0] == 0
    assert again.snapshots[0] == (next(iter(BY_NAME)), "")
    assert len(people_ids(b)) == 900
    converged(hub, [a, b])


def test_a_digest_refetch_of_one_table_keeps_no_place(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """A digest mismatch re-fetches one table alone and never moves the cursor; cut at
    its first page, nothing is kept and the next digest re-fetches it from the start."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    quiesce([a])
    cursor = state(a, "pull_cursor")
    service = hub.fix_service_directly()  # at the hub, with a newer clock, and no log
    proxy.clear()
    proxy.add(Rule("/snapshot", nth=1, after_bytes=200))
    _first, outcome = recorded_sync(a)
    assert isinstance(outcome, SyncError)
    assert state(a, REFETCH_PROGRESS) is None and state(a, "pull_cursor") == cursor
    proxy.clear()
    again, report = recorded_sync(a)
    assert isinstance(report, SyncReport), report
    assert report.refetched == ["services"] and report.in_sync
    assert again.snapshots == [("services", "")]
    assert row(a, "services", service)["hours"] == "solo il lunedì"
    assert state(a, REFETCH_PROGRESS) is None and state(a, "pull_cursor") == cursor


def damaged(store: Store) -> list[str]:
    """People not yet mended as the hub holds them."""
    sql = "SELECT id FROM people WHERE origin != 'seed' AND notes IS NOT 'dalla sede'"
    return [r[0] for r in store.db.execute(sql)]


def test_a_digest_refetch_cut_midway_resumes_at_its_next_page(
    sqlite_hub: HubProcess, proxy: ChaosProxy, tmp_path: Path
) -> None:
    """A table that differs from the hub (here: people head office mended by hand at the
    hub, outside its log) is re-fetched alone, page by page; cut midway, the next sync's
    digest still differs and the re-fetch resumes at its cut page instead of starting again
    (a head office's contacts are a million rows). A place that no longer applies is
    dropped."""
    hub = sqlite_hub
    a = office(hub, proxy, tmp_path / "a.sqlite", "SAN-SIRO")
    add_people(a, 350)  # four pages of people
    quiesce([a])
    hs = hub.store()
    try:  # head office mends them by hand at the hub, with newer clocks, and no log
        with hs.tx() as conn:
            conn.exec_driver_sql(
                "UPDATE people SET notes = 'dalla sede', hlc = hlc + 1, origin = 'sede-admin',"
                " field_clocks = json_set(field_clocks, '$.notes', json_array(hlc + 1,"
                " 'sede-admin')) WHERE origin != 'seed'"
            )
    finally:
        hs.close()
    proxy.clear()
    cut = proxy.add(Rule("/snapshot", nth=3, after_bytes=2_000))
    first, outcome = recorded_sync(a)
    assert isinstance(outcome, SyncError) and cut.fired.is_set()
    assert [t for t, _after in first.snapshots] == ["people"] * 3
    place = json.loads(state(a, DIGEST_REFETCH) or "{}")
    assert (place["table"], place["after"]) == first.snapshots[-1]
    assert len(damaged(a)) == 150  # two pages mended
    proxy.clear()
    second, report = recorded_sync(a)
    assert isinstance(report, SyncReport), report
    assert second.snapshots[0] == first.snapshots[-1]  # the cut page, first
    assert not set(second.snapshots) & set(first.snapshots[:-1])
    assert report.refetched == ["people"] and report.in_sync
    assert damaged(a) == [] and state(a, DIGEST_REFETCH) is None
    # a place kept for a table that no longer differs is dropped, not followed
    with a.transaction():
        set_state(
            a,
            DIGEST_REFETCH,
            json.dumps({"epoch": state(a, "epoch"), "table": "people", "after": "z"}),
        )
    third, report = recorded_sync(a)
    assert isinstance(report, SyncReport) and report.in_sync and third.snapshots == []
    assert state(a, DIGEST_REFETCH) is None
    converged(hub, [a])
