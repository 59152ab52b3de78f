"""A failed sync, pairing or bundle, worded in the window's language: the English window said
every one of them in Italian (the hub's refusals of a request, the desk's own errors: an
unreachable hub, TLS, the hub's address, the enrolment file, bundles). Each line is now
translated by its text, a line built from values (an address, a file) as its template with
the values filled after; the command line keeps its Italian lines."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from login_helpers import new_store
from PySide6.QtCore import QCoreApplication
from sync_helpers import HubProcess, free_port, new_office, person
from test_tls import TlsHub
from tls_helpers import make_certificate

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync import client, protocol
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.client import SyncClient
from casa_desk.sync.hub.devices import add_device, revoke_device
from casa_desk.ui import error_texts
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.sync_actions import BundleActions, EnrolDialog
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import translations  # noqa: E402 - tools/translations.py, the collector lupdate relies on

HOUR_MS = 3600 * 1000


def _failed_sync(qtbot, store: Store) -> str:  # type: ignore[no-untyped-def]
    """The line the Sync page shows after its sync failed."""
    page = SyncPage(store, runner=SyncRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=30_000) as failed:
        page.sync_now()
    assert page.state == "error"
    assert page.message_label.text() == failed.args[0]
    return str(failed.args[0])


def _failed_pairing(qtbot, store: Store, *, hub: str = "", code: str = "", file=None) -> str:  # type: ignore[no-untyped-def]
    dialog = EnrolDialog(store, SyncRunner())
    qtbot.addWidget(dialog)
    if file is not None:
        dialog.pair_file(file)
    else:
        dialog.hub.setText(hub)
        dialog.code.setText(code)
        dialog.pair_online()
    assert not dialog.error.isHidden()
    return dialog.error.text()


def test_the_english_sync_page_says_a_closed_port_in_english(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    with a.transaction():
        set_state(a, "hub_url", f"http://127.0.0.1:{free_port()}")
    assert _failed_sync(qtbot, a) == (
        "Head office cannot be reached: connection failed (address, port, network, or head "
        "office switched off)."
    )


def test_the_english_sync_page_says_a_revoked_device_in_english(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    hub = sqlite_hub.store()
    try:
        revoke_device(hub, state(a, "hub_device_id") or "")
    finally:
        hub.close()
    assert _failed_sync(qtbot, a) == "Head office has revoked this PC: it can no longer sync."


def test_the_english_sync_page_says_a_wrong_clock_in_english(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    opened = client.SyncClient.__init__

    def an_hour_behind(self, store, **kwargs):  # type: ignore[no-untyped-def]
        # this PC's clock, as the window's sync reads it, an hour behind the hub's
        opened(self, store, now_ms=lambda: int(time.time() * 1000) - HOUR_MS, **kwargs)

    monkeypatch.setattr(client.SyncClient, "__init__", an_hour_behind)
    assert _failed_sync(qtbot, a) == (
        "This PC's clock is more than 5 minutes wrong: correct it to sync (local work goes on)."
    )


@pytest.fixture
def a_day_of_one_change(tmp_path: Path) -> Iterator[HubProcess]:
    """A real hub that takes one change a day from each device (hub/quota.py).

    Garbage of earlier tests is collected first, here in the main thread: run after
    tests/sync/test_bundles.py, test_refused_later.py and test_sync_page.py, a sync failing
    at its push (these tests' case) ended in a segmentation fault in pytest-qt's event
    processing at teardown, and not once with this collection (a Qt object of an earlier
    test collected at the wrong moment, it seems; not found yet)."""
    gc.collect()
    hub = HubProcess(str(tmp_path / "hub.sqlite"), tmp_path, options=("--changes-per-day", "1"))
    hub.start()
    try:
        yield hub
    finally:
        hub.stop()


def _day_full_sync(qtbot, store: Store) -> tuple[str, Any]:  # type: ignore[no-untyped-def]
    """The line the Sync page shows after a round whose push the hub refused for the day,
    and the report it emitted: the round went on (it received what the others did), so the
    page says ``synced`` (the views refresh) and keeps the line, in the state the status bar
    calls «sincronizzato in parte» (not «non riuscita»: what the others did came in)."""
    page = SyncPage(store, runner=SyncRunner())
    qtbot.addWidget(page)
    with (
        qtbot.assertNotEmitted(page.failed),
        qtbot.waitSignal(page.synced, timeout=30_000) as synced,
    ):
        page.sync_now()
    assert page.state == "partial"
    page.refresh()  # a later refresh (a save elsewhere) keeps the line
    return page.message_label.text(), synced.args[0]


def test_the_sync_page_says_in_one_line_that_the_hub_takes_the_rest_tomorrow(
    qtbot, a_day_of_one_change: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(a_day_of_one_change, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(a_day_of_one_change, tmp_path / "b.sqlite", "MAZZINI")
    person(b, last_name="Altro ufficio")
    with SyncClient(b) as other:
        other.sync()
    person(a)
    person(a)  # two changes to send
    line, report = _day_full_sync(qtbot, a)
    assert line == protocol.MESSAGES[protocol.DEVICE_QUOTA]
    assert "\n" not in line and "restano in questo archivio" in line
    assert report.day_full and report.pulled == 1  # b's person came in the same round
    assert a.query("SELECT count(*) AS n FROM people WHERE last_name = 'Altro ufficio'") == [
        {"n": 1}
    ]


def test_the_status_bar_says_a_day_full_round_synced_in_part(
    qtbot, a_day_of_one_change: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The round received what the others did: the status bar does not call it failed."""
    from login_helpers import session_for

    from casa_desk.app import build_window

    a = new_office(a_day_of_one_change, tmp_path / "a.sqlite", "SAN-SIRO")
    a.set_meta("operator", "op")
    person(a)
    person(a)
    window = build_window(session_for(a), runner=SyncRunner())
    qtbot.addWidget(window)
    page = window.page("sync")
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    assert window.status.sync.text() == "Sede: sincronizzato in parte"
    assert a.pending_changes() >= 1  # what the hub did not take waits here


def test_the_english_sync_page_says_that_the_hub_takes_the_rest_tomorrow(
    qtbot, english, a_day_of_one_change: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(a_day_of_one_change, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    person(a)
    assert _day_full_sync(qtbot, a)[0] == (
        "Head office has already received from this PC all the changes it takes in 24 hours:"
        " the others stay in this store and go out by themselves at the next syncs. If it"
        " happens again, tell head office."
    )


def test_the_english_sync_page_says_plain_http_to_a_tls_hub_in_english(
    qtbot, english, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cert, key, _pin = make_certificate(tmp_path, "sede")
    tls_hub = TlsHub(tmp_path / "sede" / "hub.sqlite", tmp_path).start(cert, key)
    try:
        store = new_store(tmp_path / "office.sqlite")
        with store.transaction():
            set_state(store, "hub_token", "t")
            set_state(store, "hub_url", f"http://127.0.0.1:{tls_hub.port}")
        line = _failed_sync(qtbot, store)
    finally:
        tls_hub.stop()
    # the hub closes the connection, or (rarely) resets it: either way, in English
    assert line.startswith("Head office cannot be reached: head office ")
    assert "https:// instead of http://" in line


def test_the_english_pairing_dialog_words_a_bad_address_a_code_and_a_file(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from casa_desk.security.tokens import code_with_pin

    store = new_store(tmp_path / "s.sqlite", presidio=None)
    # the address the user typed is in the line, whatever its language
    assert _failed_pairing(qtbot, store, hub="sede:8765", code="abc") == (
        "Head office's address not valid: “sede:8765” (it should read like http://sede:8765)."
    )
    hub = sqlite_hub.store()
    try:
        _device, code = add_device(hub, "SAN-SIRO")
    finally:
        hub.close()
    pinned = code_with_pin(code, "ab" * 32)
    assert _failed_pairing(qtbot, store, hub=sqlite_hub.url, code=pinned) == (
        "This code is for a head office on HTTPS: give its address as https://…"
    )
    assert _failed_pairing(qtbot, store, hub=sqlite_hub.url, code=code + "x") in (
        "Pairing code mistyped: check it again.",
        "Pairing code not valid or already used.",
    )
    junk = tmp_path / "abbinamento.json"
    junk.write_text('{"format": "altro"}', "utf-8")
    assert _failed_pairing(qtbot, store, file=junk) == (
        f"{junk} is not a casa_desk enrolment file."
    )
    pin = tmp_path / "pin.json"
    pin.write_text("\xff\xfe", "latin-1")
    assert _failed_pairing(qtbot, store, file=pin) == f"Unreadable enrolment file: {pin}"
    assert state(store, "hub_token") is None  # nothing paired


def test_the_hubs_refusal_built_from_a_value_is_english_with_its_value(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A request the hub does not serve: the hub refuses with the HTTP status in its line,
    and sends the status beside it for the window to word the line in English. (An address
    with a path the hub does not serve is said as a wrong address: test_hub_address_path.)"""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    with a.transaction():
        set_state(a, "hub_url", f"{sqlite_hub.url}/casa")
    assert _failed_sync(qtbot, a).startswith("Head office's address is wrong: the part “/casa”")
    token = state(a, "hub_token")  # a method the route does not take, with the device's token
    answer = httpx.get(f"{sqlite_hub.url}/push", headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 405
    with pytest.raises(SyncError) as caught:
        protocol.raise_refusal(answer.json())
    assert str(caught.value) == "Richiesta rifiutata (HTTP 405)."  # the command line's
    assert worded_error(caught.value) == "Request refused (HTTP 405)."
    # a line that is not its template filled with the values sent is shown as it came
    odd = {"code": "bad_request", "message": "Altro (HTTP 404).", "params": {"status": "404"}}
    with pytest.raises(SyncError) as caught:
        protocol.raise_refusal(odd)
    assert worded_error(caught.value) == "Altro (HTTP 404)."


def test_the_english_bundle_import_words_a_broken_file(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    broken = tmp_path / "risposta.bundle"
    broken.write_bytes(b"PK\x03\x04 not a whole zip")
    actions = BundleActions(a, SyncRunner())
    qtbot.addWidget(actions)
    with qtbot.waitSignal(actions.finished, timeout=10_000) as said:
        actions.import_from(broken)
    assert said.args[0] in (
        "Incomplete or truncated bundle.",
        "Unreadable bundle: truncated or damaged.",
    )


def test_a_hub_too_old_and_a_desk_too_old_are_told_apart(
    english, sqlite_hub: HubProcess, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The hub refuses both with ``upgrade_required``: which side to update is in the words."""
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    monkeypatch.setattr(protocol, "MIN_PROTOCOL", protocol.PROTOCOL_VERSION + 1)
    with client.SyncClient(a) as desk, pytest.raises(SyncError) as hub_too_old:
        desk.sync()
    assert hub_too_old.value.code == protocol.UPGRADE_REQUIRED
    assert worded_error(hub_too_old.value) == (
        "Head office runs an older version of casa_desk: update head office."
    )
    desk_too_old = SyncError(
        protocol.MESSAGES[protocol.UPGRADE_REQUIRED], code=protocol.UPGRADE_REQUIRED
    )
    assert worded_error(desk_too_old) == "casa_desk must be updated to sync with head office."


def test_the_command_line_keeps_its_italian_lines_with_their_values(tmp_path: Path) -> None:
    junk = tmp_path / "x.json"
    junk.write_text("[]", "utf-8")
    store = new_store(tmp_path / "s.sqlite", presidio=None)
    with pytest.raises(SyncError) as caught:
        client.enrol_from_file(store, junk)
    assert str(caught.value) == f"{junk} non è un file di abbinamento casa_desk."
    assert caught.value.template == "{path} non è un file di abbinamento casa_desk."
    assert caught.value.params == {"path": str(junk)}


def test_every_sync_error_and_hub_refusal_has_an_english_window_text(english) -> None:
    """Every line of SyncError, sync_error, HubRefusal and refusal in casa_desk/sync, and
    of protocol.MESSAGES and client.UNREACHABLE, is in English in the window: by its text
    (its template), or (a line built with an f-string) by its code in error_texts.TEXTS."""
    lines, built = translations.sync_messages()
    assert len(lines) > 50
    italian = [line for line in lines if QCoreApplication.translate("Validation", line) == line]
    assert italian == []
    for line in lines:  # a translation keeps the template's values
        english_line = QCoreApplication.translate("Validation", line)
        assert sorted(translations_names(english_line)) == sorted(translations_names(line))
    by_code = {(where, code) for where, code in built if code.strip("\"'") in error_texts.TEXTS}
    assert set(built) == by_code
    for _where, code in by_code:
        source = error_texts.TEXTS[code.strip("\"'")]
        assert QCoreApplication.translate("Errors", source) != source


def translations_names(text: str) -> list[str]:
    from casa_desk.sync.refusals import names

    return names(text)
