"""Property-based sync (SYNC.md §6, last paragraph): a hypothesis state machine over four
devices (two PCs of one office, another office and head office) and a real hub process, with
random edits, deletes, reference edits (refused to offices), online syncs, bundles, crashes at
fault points and clock jumps. After every run all devices sync to quiescence and the
invariants must hold."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sync_helpers import (
    HubProcess,
    Watch,
    check_invariants,
    contact,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.store.db import Store
from casa_desk.store.reference import reference_rows
from casa_desk.sync import faults
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.hub.storage import HubStore

OFFICES = (("SAN-SIRO", False), ("SAN-SIRO", False), ("MAZZINI", False), ("SEDE", True))
LAST = len(OFFICES) - 1
FIELDS = ("notes", "phone", "street")
POINTS = (
    "client.push.before_send",
    "client.push.after_send",
    "client.pull.after_apply",
    "client.pull.before_request",
)
SERVICE = reference_rows()["services"][2]["id"]
JUMPS = (-3 * 3600_000, -60_000, 60_000, 3 * 3600_000)


@pytest.mark.slow
def test_random_schedules_keep_the_invariants(tmp_path: Path) -> None:
    hub = HubProcess(str(tmp_path / "hub.sqlite"), tmp_path).start()
    counter = iter(range(10_000))

    class SyncMachine(RuleBasedStateMachine):
        @initialize()
        def devices(self) -> None:
            run = next(counter)
            self.stores: list[Store] = [
                new_office(hub, tmp_path / f"r{run}-{i}.sqlite", code, head_office=head)
                for i, (code, head) in enumerate(OFFICES)
            ]
            self.people: list[str] = []
            self.watch = Watch()
            self.real = self.stores[0].journal.clock._now_ms  # noqa: SLF001

        def teardown(self) -> None:
            faults.disarm()
            if not hasattr(self, "stores"):
                return
            try:
                for store in self.stores:
                    store.journal.clock._now_ms = self.real  # noqa: SLF001
                quiesce(self.stores, rounds=4)
                check_invariants(hub, self.stores, self.watch)
            finally:
                for store in self.stores:
                    store.close()

        @rule(d=st.integers(0, LAST))
        def create_person(self, d: int) -> None:
            self.people.append(person(self.stores[d])["id"])

        @rule(
            d=st.integers(0, LAST),
            p=st.integers(0, 30),
            field=st.sampled_from(FIELDS),
            value=st.sampled_from(("a", "b", "c", None)),
        )
        def edit_person(self, d: int, p: int, field: str, value: str | None) -> None:
            store = self.stores[d]
            if self.people and row(store, "people", self.people[p % len(self.people)]):
                with store.transaction() as j:
                    j.update("people", self.people[p % len(self.people)], {field: value})

        @rule(d=st.integers(0, LAST), p=st.integers(0, 30), deleted=st.integers(0, 1))
        def delete_or_restore(self, d: int, p: int, deleted: int) -> None:
            store = self.stores[d]
            if self.people and row(store, "people", self.people[p % len(self.people)]):
                with store.transaction() as j:
                    j.update("people", self.people[p % len(self.people)], {"deleted": deleted})

        @rule(d=st.integers(0, LAST - 1), p=st.integers(0, 30))
        def add_contact(self, d: int, p: int) -> None:
            store = self.stores[d]
            if self.people and row(store, "people", self.people[p % len(self.people)]):
                contact(store, self.people[p % len(self.people)])

        @rule(d=st.integers(0, LAST), hours=st.sampled_from(("9-12", "14-18")))
        def edit_reference(self, d: int, hours: str) -> None:
            """Head office may; offices are refused and get the hub's version back."""
            with self.stores[d].transaction() as j:
                j.update("services", SERVICE, {"hours": hours})

        @rule(d=st.integers(0, LAST))
        def sync_online(self, d: int) -> None:
            sync(self.stores[d])
            self.watch.check([self.stores[d]])

        @rule(d=st.integers(0, LAST))
        def sync_by_bundle(self, d: int) -> None:
            store = self.stores[d]
            out, reply = tmp_path / "b.casa", tmp_path / "b-reply.casa"
            export_bundle(store, out)
            hs = HubStore.open(hub.db)
            try:
                hub_import_bundle(hs, out, reply)
            finally:
                hs.close()
            import_reply(store, reply)

        @rule(d=st.integers(0, LAST), point=st.sampled_from(POINTS))
        def crash(self, d: int, point: str) -> None:
            faults.arm(point, "once-raise")
            try:
                sync(self.stores[d])
            except faults.FaultInjected:
                pass
            finally:
                faults.disarm()

        @rule(d=st.integers(0, LAST), jump=st.sampled_from(JUMPS))
        def clock_jump(self, d: int, jump: int) -> None:
            real = self.real
            self.stores[d].journal.clock._now_ms = lambda: real() + jump  # noqa: SLF001

    try:
        run_state_machine_as_test(
            SyncMachine,
            settings=settings(
                max_examples=int(os.environ.get("CASA_SYNC_EXAMPLES", "6")),
                stateful_step_count=14,
                deadline=None,
                derandomize=not os.environ.get("CASA_SYNC_EXAMPLES"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    finally:
        hub.stop()
