"""Contacts received by sync keep ``contacts_first_seen`` (m015) like local ones: a head
office that pulls an office's contacts, a correction and a removal counts the same new
people as a recomputation from its contacts. Through a USB bundle (the same apply path as
an online pull), on a SQLite hub: the triggers are the office's, whatever the hub."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from login_helpers import new_store
from sync_helpers import contact, person

from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.merging import merge_people
from casa_desk.store.schema import rebuild_first_seen
from casa_desk.store.summaries import rebuild_summaries
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore

KEPT = "SELECT person_id, presidio, first_at FROM contacts_first_seen ORDER BY 1, 2"


def _office(hub: HubStore, path: Path, presidio: str, head: bool = False) -> Store:
    _id, code = add_device(hub, presidio, head_office=head)
    store = new_store(path, presidio=None)
    save_credentials(store, enrol(hub, code), None)
    return store


def _sync(hub: HubStore, store: Store, tmp: Path, name: str) -> None:
    out, reply = tmp / f"{name}.casa", tmp / f"{name}-reply.casa"
    export_bundle(store, out)
    hub_import_bundle(hub, out, reply)
    import_reply(store, reply)


def _round(hub: HubStore, office: Store, head: Store, tmp: Path, n: int) -> None:
    """The office sends its changes, then head office takes them, both by bundle."""
    _sync(hub, office, tmp, f"a{n}")
    _sync(hub, head, tmp, f"h{n}")


def _rebuilt(store: Store, rebuild: Callable[[Any], None], read: Callable[[Store], Any]) -> Any:
    """What ``read`` sees after ``rebuild`` recomputes a derived table, the store left as it
    was (the rebuild rolled back)."""
    with store.transaction():
        rebuild(store.db)
        rows = read(store)
        store.db.execute("ROLLBACK")
        store.db.execute("BEGIN")
    return rows


def _kept(store: Store) -> list:
    return store.db.execute(KEPT).fetchall()


def _recomputed(store: Store) -> list:
    return _rebuilt(store, rebuild_first_seen, _kept)


def test_pulled_contacts_corrections_and_removals_keep_first_seen(tmp_path: Path) -> None:
    hub = HubStore.open(str(tmp_path / "hub.sqlite"))
    try:
        office = _office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        head = _office(hub, tmp_path / "h.sqlite", "SEDE", head=True)
        anna, bruno = person(office, last_name="Zarquon")["id"], person(office)["id"]
        first = contact(office, anna, occurred_at="2026-09-03T09:00:00.000Z", category="altro")
        contact(office, anna, occurred_at="2026-10-05T09:00:00.000Z", category="altro")
        moved = contact(office, bruno, occurred_at="2026-08-01T09:00:00.000Z", category="altro")
        _round(hub, office, head, tmp_path, 1)
        kept = _kept(head)
        assert kept == _recomputed(head)
        assert {(p, office_code): at for p, office_code, at in kept} == {
            (anna, "SAN-SIRO"): "2026-09-03T09:00:00.000Z",
            (bruno, "SAN-SIRO"): "2026-08-01T09:00:00.000Z",
        }
        # The office corrects Bruno's first contact to October and removes Anna's first.
        contacts = Contacts(office)
        contacts.amend(moved["id"], {"occurred_at": "2026-10-20T09:00:00.000Z"}, operator="op")
        contacts.remove(first["id"], operator="op")
        _round(hub, office, head, tmp_path, 2)
        kept = _kept(head)
        assert kept == _recomputed(head)
        assert {(p, office_code): at for p, office_code, at in kept} == {
            (anna, "SAN-SIRO"): "2026-10-05T09:00:00.000Z",
            (bruno, "SAN-SIRO"): "2026-10-20T09:00:00.000Z",
        }
        assert kept == _kept(office)
        office.close()
        head.close()
    finally:
        hub.close()


SUMMARIES = ("contacts_month_people", "contacts_hour_counts", "contacts_month_demo")


def _summaries(store: Store) -> list[list]:
    return [
        store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4").fetchall() for t in SUMMARIES
    ]


def _summaries_recomputed(store: Store) -> list[list]:
    return _rebuilt(store, rebuild_summaries, _summaries)


def test_pulled_contacts_keep_the_report_summaries(tmp_path: Path) -> None:
    """The report's summaries (m017) on a head office that pulls an office's contacts,
    corrections, removals, a person's edit and a merge through USB bundles equal a
    recomputation from its contacts, and the office's own."""
    hub = HubStore.open(str(tmp_path / "hub.sqlite"))
    try:
        office = _office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        head = _office(hub, tmp_path / "h.sqlite", "SEDE", head=True)
        anna = person(office, last_name="Zarquon", gender="F", birth_date="1990-05-17")["id"]
        bruno = person(office, gender="M")["id"]
        first = contact(office, anna, occurred_at="2026-09-30T22:30:00.000Z", category="altro")
        contact(office, None, occurred_at="2026-10-05T09:00:00.000Z", category="altro")
        moved = contact(
            office,
            bruno,
            occurred_at="2026-10-31T23:30:00.000Z",
            channel="telefono",
            category="altro",
        )
        _round(hub, office, head, tmp_path, 1)
        kept = _summaries(head)
        assert kept == _summaries_recomputed(head) == _summaries(office)
        assert all(kept)
        contacts = Contacts(office)
        contacts.amend(moved["id"], {"occurred_at": "2026-10-20T09:00:00.000Z"}, operator="op")
        contacts.remove(first["id"], operator="op")
        with office.transaction() as j:
            j.update("people", bruno, {"birth_date": "2001-02-03", "gender": "X"})
        merge_people(office, anna, bruno)
        _round(hub, office, head, tmp_path, 2)
        kept = _summaries(head)
        assert kept == _summaries_recomputed(head) == _summaries(office)
        assert ("SAN-SIRO", "2026-10", "X", "2001-02", 1) in kept[2]
        office.close()
        head.close()
    finally:
        hub.close()
