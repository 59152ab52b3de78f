"""Two desks of one office correct the same contact apart: one current version after sync
(a real hub, both engines).

A presidio may have two PCs. Desk 1 marks a contact's follow-up done, desk 2 fixes its
category, each offline; after sync the contact had two rows amending it, both current:
counted twice in the office's and head office's monthly report, shown twice on the card,
the closed follow-up open again in the agenda. The hub takes the first correction it
receives and refuses the second (``already_corrected``); the desk that made the second
withdraws it (kept, not counted) and lists the refusal on its Sync page in one line.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hostile import Hostile
from login_helpers import new_store
from sync_helpers import (
    HubProcess,
    check_invariants,
    contact,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.errors import ValidationError
from casa_desk.models.ids import uuid7
from casa_desk.reports import aggregate
from casa_desk.reports.aggregate import Month
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.schema import rebuild_first_seen
from casa_desk.store.summaries import rebuild_summaries
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.sync import refusals, withdrawn
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.client import prune_outbox, save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner

LINE_IT = "Il contatto è già stato corretto da un altro computer: correggere la versione attuale."
LINE_EN = "The contact had already been corrected on another computer: correct its current version."
OCTOBER = Month(2026, 10)


def _logged(store: Store) -> tuple[dict[str, Any], dict[str, Any]]:
    someone = person(store, last_name="Esempio", gender="F")
    logged = contact(
        store, someone["id"], occurred_at="2026-10-05T09:00:00.000Z", channel="sportello",
        category="manutenzione", follow_up_on="2026-10-20",
    )  # fmt: skip
    return someone, logged


def _one_current(stores: list[tuple[Store, str | None]], person_id: str) -> dict[str, Any]:
    """The contact's one current version, the same on every store, counted once in each
    store's October report (the office's, or head office's consolidated one)."""
    found = []
    for store, presidio in stores:
        current = Contacts(store).history([person_id])
        assert len(current) == 1, (store.path, len(current))
        found.append(current[0])
        figures = aggregate.compute(store.db.conn, OCTOBER, presidio)
        assert (figures.headline.contacts, figures.headline.people) == (1, 1)
        [by_category] = [b for b in figures.contacts if b.section == "contacts_by_category"]
        assert sum(f.value for f in by_category.items) == 1
    assert len({c["id"] for c in found}) == 1
    for store, _presidio in stores:
        _derived_tables_exact(store)
    return found[0]


class _Undo(Exception):
    pass


def _derived_tables_exact(store: Store) -> None:
    """What the triggers kept for the report (summaries, first contacts) equals a
    recomputation from the contacts: a withdrawal stops counting in them too."""
    tables = ("contacts_month_people", "contacts_hour_counts", "contacts_month_demo")
    tables += ("contacts_first_seen",)

    def kept() -> list[list[Any]]:
        return [store.db.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall() for t in tables]

    before = kept()
    try:
        with store.transaction():
            rebuild_summaries(store.db)
            rebuild_first_seen(store.db)
            recomputed = kept()
            raise _Undo
    except _Undo:
        pass
    assert before == recomputed


def _refused_lines(store: Store) -> list[str]:
    return [
        r[0] for r in store.db.execute("SELECT reason FROM sync_rejections WHERE table_name = ?",
                                       ["contacts"])
    ]  # fmt: skip


def test_the_first_correction_wins_and_the_second_desk_withdraws_its_own(
    hub: HubProcess, tmp_path: Path
) -> None:
    desk1 = new_office(hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    hq = new_office(hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone, logged = _logged(desk1)
    quiesce([desk1, desk2, hq])
    # Apart: desk 1 closes the follow-up, desk 2 fixes the category (and then its summary,
    # a correction of its own correction).
    done = Contacts(desk1).mark_follow_up_done(logged["id"], operator="op1")
    fixed = Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    again = Contacts(desk2).amend(fixed["id"], {"summary": "colloquio, bis"}, operator="op2")
    quiesce([desk1, desk2, hq])
    stores = [(desk1, "SAN-SIRO"), (desk2, "SAN-SIRO"), (hq, None)]
    current = _one_current(stores, someone["id"])
    assert current["id"] == done["id"]
    assert current["follow_up_done_at"] is not None and current["category"] == "manutenzione"
    for store in (desk1, desk2):
        assert Contacts(store).agenda("SAN-SIRO", date(2026, 11, 1))["overdue"] == []
    # Desk 2's corrections are kept (withdrawn, not lost), and it is told in one line.
    for taken_back in (fixed, again):
        kept = row(desk2, "contacts", taken_back["id"])
        assert kept is not None and kept["deleted"] == 1
    assert row(desk2, "contacts", fixed["id"])["category"] == "amministrativo"  # type: ignore[index]
    assert LINE_IT in _refused_lines(desk2)
    assert _refused_lines(desk1) == []
    assert row(hq, "contacts", fixed["id"]) is None
    check_invariants(hub, [desk1, desk2, hq])
    # The person can redo the correction on the current version: it travels.
    redone = Contacts(desk2).amend(done["id"], {"category": "amministrativo"}, operator="op2")
    quiesce([desk1, desk2, hq])
    assert _one_current(stores, someone["id"])["id"] == redone["id"]


def test_the_follow_up_state_is_the_winners_whichever_desk_syncs_first(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Desk 2's correction reaches the hub first: desk 1's closed follow-up is the one
    withdrawn, so the follow-up is open again everywhere (the winner's state), once."""
    desk1 = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    hq = new_office(sqlite_hub, tmp_path / "hq.sqlite", HEAD_OFFICE, head_office=True)
    someone, logged = _logged(desk1)
    quiesce([desk1, desk2, hq])
    done = Contacts(desk1).mark_follow_up_done(logged["id"], operator="op1")
    fixed = Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    quiesce([desk2, desk1, hq])
    current = _one_current([(desk1, "SAN-SIRO"), (desk2, "SAN-SIRO"), (hq, None)], someone["id"])
    assert current["id"] == fixed["id"] and current["follow_up_done_at"] is None
    for store in (desk1, desk2):
        [open_] = Contacts(store).agenda("SAN-SIRO", date(2026, 11, 1))["overdue"]
        assert open_["id"] == fixed["id"]
    assert row(desk1, "contacts", done["id"])["deleted"] == 1  # type: ignore[index]
    assert LINE_IT in _refused_lines(desk1)


def test_the_sync_page_tells_the_desk_in_one_line(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    desk1 = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    _someone, logged = _logged(desk1)
    quiesce([desk1, desk2])
    Contacts(desk1).mark_follow_up_done(logged["id"], operator="op1")
    Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    quiesce([desk1, desk2])
    page = SyncPage(desk2, runner=SyncRunner())
    qtbot.addWidget(page)
    page.refresh()
    assert [r["reason_text"] for r in page.rejections.rows] == [LINE_EN]


def test_one_batch_correcting_a_contact_twice_keeps_the_first(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A hand-made push (or a store restored from a backup) carrying two corrections of one
    contact in one batch: the hub takes the first, refuses the second."""
    desk = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    someone, logged = _logged(desk)
    quiesce([desk])
    other = Hostile(sqlite_hub, "SAN-SIRO")
    fields = {k: logged[k] for k in ("person_id", "occurred_at", "channel", "summary")}
    first = other.change("contacts", uuid7(), **fields, category="altro", amends_id=logged["id"])
    second = other.change("contacts", uuid7(), **fields, category="sociale", amends_id=logged["id"])
    refused = other.push(first, second)
    other.close()
    assert refused == {second["change_id"]: LINE_IT}
    quiesce([desk])
    [current] = Contacts(desk).history([someone["id"]])
    assert (current["id"], current["category"]) == (first["row_id"], "altro")


def _offline(hub: HubStore, path: Path) -> Store:
    _id, code = add_device(hub, "SAN-SIRO")
    store = new_store(path, presidio=None)
    save_credentials(store, enrol(hub, code), None)
    return store


def _round_trip(hub: HubStore, store: Store, tmp: Path, name: str) -> None:
    out, reply = tmp / f"{name}.casa", tmp / f"{name}-reply.casa"
    export_bundle(store, out)
    hub_import_bundle(hub, out, reply)
    import_reply(store, reply)


def test_by_bundle_too(hub_store: HubStore, tmp_path: Path) -> None:
    """Two desks with no network: the reply bundle carries the refusal, and importing it
    (twice) withdraws the second desk's correction once."""
    desk1 = _offline(hub_store, tmp_path / "d1.sqlite")
    desk2 = _offline(hub_store, tmp_path / "d2.sqlite")
    someone, logged = _logged(desk1)
    for name, store in (("a", desk1), ("b", desk2)):
        _round_trip(hub_store, store, tmp_path, name)
    Contacts(desk1).mark_follow_up_done(logged["id"], operator="op1")
    fixed = Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    for name, store in (("c", desk1), ("d", desk2), ("e", desk1), ("f", desk2)):
        _round_trip(hub_store, store, tmp_path, name)
    import_reply(desk2, tmp_path / "d-reply.casa")  # the same reply again: nothing moves
    _one_current([(desk1, "SAN-SIRO"), (desk2, "SAN-SIRO")], someone["id"])
    assert row(desk2, "contacts", fixed["id"])["deleted"] == 1  # type: ignore[index]
    assert refusals.recognise(_refused_lines(desk2)[0]) == (refusals.ALREADY_CORRECTED, {})


@pytest.mark.parametrize("removed_first", [True, False])
def test_a_removal_and_a_correction_apart(
    sqlite_hub: HubProcess, tmp_path: Path, removed_first: bool
) -> None:
    """Removing a contact is a correction too (marked deleted): whichever reaches the hub
    first stands, on both desks."""
    desk1 = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    someone, logged = _logged(desk1)
    quiesce([desk1, desk2])
    Contacts(desk1).remove(logged["id"], operator="op1")
    Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    quiesce([desk1, desk2] if removed_first else [desk2, desk1])
    for store in (desk1, desk2):
        shown = Contacts(store).history([someone["id"]])
        assert len(shown) == (0 if removed_first else 1)
        figures = aggregate.compute(store.db.conn, OCTOBER, "SAN-SIRO")
        assert figures.headline.contacts == (0 if removed_first else 1)


def test_a_desk_upgraded_after_the_refusal_withdraws_at_its_next_sync(
    sqlite_hub: HubProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hub is upgraded first: a desk of the earlier version recorded the refusal and
    kept its correction current. Once upgraded, weeks later, its next sync (with nothing
    to push) withdraws it."""
    desk1 = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    someone, logged = _logged(desk1)
    quiesce([desk1, desk2])
    Contacts(desk1).mark_follow_up_done(logged["id"], operator="op1")
    fixed = Contacts(desk2).amend(logged["id"], {"category": "amministrativo"}, operator="op2")
    with monkeypatch.context() as earlier:  # the earlier desk: refusals kept, nothing withdrawn
        earlier.setattr(withdrawn, "withdraw", lambda *_a: [])
        earlier.setattr(withdrawn, "withdraw_recorded", lambda *_a: [])
        quiesce([desk1, desk2])
        assert len(Contacts(desk2).history([someone["id"]])) == 2
    assert LINE_IT in _refused_lines(desk2)
    gone = "SELECT count(*) FROM sync_outbox WHERE row_id = ?"
    with desk2.transaction():  # this version's pruning keeps a refused change...
        prune_outbox(desk2, now=datetime.now(UTC) + timedelta(days=60))
        assert desk2.db.execute(gone, [fixed["id"]]).fetchone()[0] == 1
        # ...the earlier one let it go with every acknowledged change, weeks later
        assert desk2.db.execute("DELETE FROM sync_outbox").rowcount > 0
    assert desk2.db.execute(gone, [fixed["id"]]).fetchone()[0] == 0
    report = sync(desk2)
    assert report.pushed == 0
    _one_current([(desk1, "SAN-SIRO"), (desk2, "SAN-SIRO")], someone["id"])
    # The refused row, here only, stays out of the digest (no re-fetch at every sync).
    assert sync(desk2).refetched == []
    assert row(desk2, "contacts", fixed["id"])["deleted"] == 1  # type: ignore[index]


def test_a_withdrawn_correction_is_not_corrected_again(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The agenda offers to undo a follow-up just marked done; a sync in between withdrew
    that correction: the undo is refused (the current version is the other desk's), so no
    second current version comes back."""
    desk1 = new_office(sqlite_hub, tmp_path / "d1.sqlite", "SAN-SIRO")
    desk2 = new_office(sqlite_hub, tmp_path / "d2.sqlite", "SAN-SIRO")
    someone, logged = _logged(desk1)
    quiesce([desk1, desk2])
    Contacts(desk1).amend(logged["id"], {"category": "amministrativo"}, operator="op1")
    done = Contacts(desk2).mark_follow_up_done(logged["id"], operator="op2")
    quiesce([desk1, desk2])
    with pytest.raises(ValidationError) as refused:
        Contacts(desk2).undo_follow_up_done(done["id"], operator="op2")
    assert refused.value.code == "not_current"
    quiesce([desk1, desk2])
    _one_current([(desk1, "SAN-SIRO"), (desk2, "SAN-SIRO")], someone["id"])
