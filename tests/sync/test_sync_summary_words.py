"""What the Sync page says after a bundle goes out and its reply comes in, in the window's
language with each count's plural: the English window once said "Head office's bundle
imported: Risposta importata: 1 modifica ricevuta…" (the command line's Italian line after
its own words). The command line keeps its Italian line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from languages import window_language
from sync_helpers import HubProcess, contact, new_office, office, person, sync

from casa_desk.sync.bundle import hub_import_bundle, reply_summary
from casa_desk.sync.hub.quota import Bounds
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner


@pytest.fixture(params=["en", "it"])
def language(request: pytest.FixtureRequest, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with window_language(request.param):
        yield request.param


LINES = {
    "en": (
        "Bundle written to {out}: 3 changes.",
        "Head office's bundle imported: 1 change received, 1 refused, 0 conflicts.",
    ),
    "it": (
        "Pacchetto scritto in {out}: 3 modifiche.",
        "Pacchetto della sede importato: 1 modifica ricevuta, 1 rifiutata, 0 conflitti.",
    ),
}


def test_the_bundle_lines_of_the_sync_page_are_in_the_windows_language(
    qtbot, language: str, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    other = new_office(sqlite_hub, tmp_path / "b.sqlite", "SAN-SIRO")
    person(other, last_name="Altrove")
    sync(other)  # one change for the office to receive
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    someone = person(office)
    contact(office, someone["id"])
    contact(office, someone["id"], presidio="MAZZINI")  # refused by the hub
    page = SyncPage(office, runner=SyncRunner())
    qtbot.addWidget(page)
    out, reply = tmp_path / "uscita.bundle", tmp_path / "risposta.bundle"
    with qtbot.waitSignal(page.bundles.finished, timeout=30_000):
        page.bundles.export_to(out)
    exported, imported = LINES[language]
    assert page.file_label.text() == exported.format(out=out)
    hub = sqlite_hub.store()
    try:
        hub_import_bundle(hub, out, reply)
    finally:
        hub.close()
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.bundles.import_from(reply)
    assert page.file_label.text() == imported
    assert "Risposta importata" not in page.file_label.text()


DAY_FULL = {
    "en": "Head office's bundle imported: 0 changes received, 0 refused, 0 conflicts; head"
    " office has already received from this PC all the changes it takes in 24 hours: the"
    " others stay in this store and go out with the next bundle.",
    "it": "Pacchetto della sede importato: 0 modifiche ricevute, 0 rifiutate, 0 conflitti; la"
    " sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre"
    " restano in questo archivio e partiranno con il prossimo pacchetto.",
}


def test_a_reply_that_took_the_office_past_its_day_says_so_in_the_same_line(
    qtbot, language: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The hub takes from one office so many changes a day (hub/quota.py; here 1): its
    reply says the rest waits for the next bundle, and the Sync page says so."""
    hub = HubStore.open(tmp_path / "hub.sqlite", bounds=Bounds(changes_per_day=1))
    try:
        a, _device = office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        person(a)
        person(a)
        page = SyncPage(a, runner=SyncRunner())
        qtbot.addWidget(page)
        out, reply = tmp_path / "uscita.bundle", tmp_path / "risposta.bundle"
        with qtbot.waitSignal(page.bundles.finished, timeout=30_000):
            page.bundles.export_to(out)
        hub_import_bundle(hub, out, reply)
    finally:
        hub.close()
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.bundles.import_from(reply)
    assert page.file_label.text() == DAY_FULL[language]


def test_the_command_line_keeps_its_italian_reply_line() -> None:
    assert reply_summary(1, 1, 0, 0) == (
        "Risposta importata: 1 modifica ricevuta, 1 rifiutata, 0 conflitti."
    )
    assert reply_summary(2, 0, 1, 1) == (
        "Risposta importata: 2 modifiche ricevute, 0 rifiutate, 1 conflitto, "
        "1 messa da parte (orologio di origine nel futuro)."
    )
    assert reply_summary(0, 0, 0, 0, True) == (
        "Risposta importata: 0 modifiche ricevute, 0 rifiutate, 0 conflitti; la sede ha già "
        "ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre restano in "
        "questo archivio e partiranno con il prossimo pacchetto."
    )
