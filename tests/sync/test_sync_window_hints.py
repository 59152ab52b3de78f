"""A window user pairs with the Sync page's button, not with a command: the sync errors whose
command-line line says "eseguire casa-desk enrol" or "usare --hub" are worded by their own
code in the window (casa_desk/ui/error_texts.py), in both languages; the command line keeps
its lines."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from languages import window_language
from login_helpers import new_store
from PySide6.QtCore import QCoreApplication
from sync_helpers import HubProcess, new_office
from test_tls import TlsHub
from tls_helpers import make_certificate

from casa_desk.errors import SyncError
from casa_desk.security.tokens import code_with_pin
from casa_desk.store.db import Store
from casa_desk.sync import client
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.bundle import export_bundle
from casa_desk.sync.hub.devices import add_device
from casa_desk.ui import error_texts
from casa_desk.ui.sync_actions import EnrolDialog
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner

#: What a command-line hint looks like; no window line may carry one.
HINTS = ("casa-desk", "--")


@pytest.fixture(params=["it", "en"])
def language(request: pytest.FixtureRequest, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with window_language(request.param):
        yield request.param


def _page(qtbot, store: Store) -> SyncPage:  # type: ignore[no-untyped-def]
    page = SyncPage(store, runner=SyncRunner())
    qtbot.addWidget(page)
    return page


def _failed_sync(qtbot, store: Store) -> str:  # type: ignore[no-untyped-def]
    page = _page(qtbot, store)
    with qtbot.waitSignal(page.failed, timeout=30_000) as failed:
        page.sync_now()
    return str(failed.args[0])


def _no_hint(line: str) -> None:
    assert not any(hint in line for hint in HINTS), line


def test_an_unpaired_export_says_to_pair_with_the_pages_button(
    qtbot, language: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = new_store(tmp_path / "s.sqlite")
    page = _page(qtbot, store)
    out = tmp_path / "uscita.bundle"
    with qtbot.waitSignal(page.bundles.finished, timeout=10_000):
        page.bundles.export_to(out)
    line = page.file_label.text()
    _no_hint(line)
    assert (
        line
        == {
            "it": "Questo archivio non è abbinato a una sede: abbinarlo con «Abbina alla sede…» "
            "nella pagina Sincronizzazione.",
            "en": "This store is not paired with head office: pair it with “Pair with head "
            "office…” on the Sync page.",
        }[language]
    )
    assert (
        page.pair_button.text()
        == {"it": "Abbina alla sede…", "en": "Pair with head office…"}[language]
    )  # the button the line names
    assert not out.exists()
    with pytest.raises(SyncError) as caught:  # the command line's line is unchanged
        export_bundle(store, out)
    assert (
        str(caught.value) == "Questo archivio non è abbinato a una sede: eseguire casa-desk enrol."
    )


def test_a_pinned_code_with_a_plain_address_says_https_without_the_option(
    qtbot, language: str, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = new_store(tmp_path / "s.sqlite", presidio=None)
    hub = sqlite_hub.store()
    try:
        _device, code = add_device(hub, "SAN-SIRO")
    finally:
        hub.close()
    dialog = EnrolDialog(store, SyncRunner())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.hub, sqlite_hub.url)
    qtbot.keyClicks(dialog.code, code_with_pin(code, "ab" * 32))
    dialog.pair_online()
    line = dialog.error.text()
    _no_hint(line)
    assert (
        line
        == {
            "it": "Questo codice è di una sede in HTTPS: scriverne l'indirizzo con https://…",
            "en": "This code is for a head office on HTTPS: give its address as https://…",
        }[language]
    )
    assert state(store, "hub_token") is None
    with pytest.raises(SyncError) as caught:
        client.enrol_online(store, sqlite_hub.url, code_with_pin(code, "ab" * 32))
    assert str(caught.value) == "Questo codice è di una sede in HTTPS: indicare --hub https://…"


def test_a_desk_paired_without_an_address_says_what_to_do_in_the_window(
    qtbot, language: str, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """An office paired by an enrolment file that carries no address (it works offline)."""
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    with office.transaction():
        set_state(office, "hub_url", None)
    line = _failed_sync(qtbot, office)
    _no_hint(line)
    assert line.startswith(
        {
            "it": "Indirizzo della sede mancante: questo computer è stato abbinato con un file",
            "en": "Head office's address missing: this computer was paired with a file",
        }[language]
    )
    assert {"it": "«Abbina di nuovo…»", "en": "“Pair again…”"}[language] in line
    with pytest.raises(SyncError) as caught:
        client.SyncClient(office)
    assert str(caught.value) == "Indirizzo della sede mancante: usare --hub."


def test_a_changed_certificate_says_to_pair_again_from_the_page(
    qtbot, language: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _cert, _key, first = make_certificate(tmp_path, "first")
    cert, key, _second = make_certificate(tmp_path, "second")
    tls_hub = TlsHub(tmp_path / "sede" / "hub.sqlite", tmp_path).start(cert, key)
    try:
        store = new_store(tmp_path / "office.sqlite")
        with store.transaction():
            set_state(store, "hub_token", "t")
            set_state(store, "hub_url", tls_hub.url)
            set_state(store, "hub_tls_fingerprint", first)  # pinned at pairing: not this one
        line = _failed_sync(qtbot, store)
        with client.SyncClient(store) as desk, pytest.raises(SyncError) as caught:
            desk.sync()
    finally:
        tls_hub.stop()
    _no_hint(line)
    start = {
        "it": "Il certificato della sede è cambiato (SHA-256 ",
        "en": "Head office's certificate has changed (SHA-256 ",
    }[language]
    assert line.startswith(start)
    assert line.endswith(
        {
            "it": "…): sincronizzazione rifiutata finché questo computer non viene abbinato di "
            "nuovo con un nuovo codice della sede («Abbina di nuovo…» nella pagina "
            "Sincronizzazione).",
            "en": "…): sync refused until this computer is paired again with a new code from "
            "head office (“Pair again…” on the Sync page).",
        }[language]
    )
    fingerprint = caught.value.params["fingerprint"]
    assert fingerprint in line  # the value is there, whatever the language
    assert str(caught.value).endswith("(casa-desk enrol con un nuovo codice della sede).")


def test_no_window_error_text_says_a_command(language: str) -> None:
    for source in error_texts.TEXTS.values():
        _no_hint(QCoreApplication.translate("Errors", source))
