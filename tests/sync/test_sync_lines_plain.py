"""A line the window shows may quote a value it did not write: a file name the user chose, a
hub's address, the text of a hub's refusal. QLabel and QMessageBox take a text that looks like
HTML for rich text: the export to ``<u>chiavetta<u>.bundle`` said it wrote ``chiavetta.bundle``
in bold, and a hostile hub's refusal could draw what it liked (an image, a link, text hidden
in white). Those lines are plain text now: what is shown is what was said.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from login_helpers import new_store
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from sync_helpers import HubProcess, new_office

from casa_desk.errors import SyncError
from casa_desk.store.db import Store
from casa_desk.sync.apply import set_state
from casa_desk.ui.error_dialog import error_box
from casa_desk.ui.sync_actions import EnrolDialog
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner

MARKUP = '<b>Sincronizzazione riuscita</b><img src="x"><span style="color:white">'


def shown(widget: QWidget) -> str:
    """The text as displayed (a rich text's tags are not displayed)."""
    return str(QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name))


@pytest.fixture
def hostile_hub() -> Iterator[str]:
    """A "hub" that refuses every request with a refusal whose message is markup."""

    class Refuse(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's API
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps({"code": "bad_request", "message": MARKUP}).encode()
            self.send_response(400)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Refuse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_hostile_hubs_refusal_is_shown_as_text_not_as_html(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, hostile_hub: str, tmp_path: Path
) -> None:
    store = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    try:
        with store.transaction():
            set_state(store, "hub_url", hostile_hub)
        page = SyncPage(store, runner=SyncRunner())
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.failed, timeout=30_000):
            page.sync_now()
        assert page.message_label.text() == MARKUP
        assert shown(page.message_label) == MARKUP
    finally:
        store.close()


def test_a_file_name_with_markup_is_shown_as_it_is(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    store = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    try:
        page = SyncPage(store, runner=SyncRunner())
        qtbot.addWidget(page)
        # In the folder's name: a file's own name may not hold < > (Windows refuses them,
        # casa_desk.outputs.check_portable_name), a folder found on the stick may.
        folder = tmp_path / "<u>chiavetta<u>"
        folder.mkdir()
        out = folder / "pacchetto.bundle"
        with qtbot.waitSignal(page.bundles.finished, timeout=10_000):
            page.bundles.export_to(out)
        assert str(out) in shown(page.file_label)
    finally:
        store.close()


def test_the_pairing_dialogs_error_quotes_the_file_as_it_is(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store: Store = new_store(tmp_path / "a.sqlite", presidio=None)
    try:
        dialog = EnrolDialog(store, SyncRunner())
        qtbot.addWidget(dialog)
        bad = tmp_path / "<i>abbinamento.json"
        bad.write_text("non json", encoding="utf-8")
        dialog.pair_file(bad)
        assert str(bad) in shown(dialog.error)
    finally:
        store.close()


def test_the_error_box_shows_its_line_as_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = error_box(None, str(SyncError(MARKUP)))
    qtbot.addWidget(box)
    label = box.findChild(QWidget, "qt_msgbox_label")
    assert shown(label) == MARKUP


def test_the_windows_other_message_lines_are_plain_text(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The lines that say a file was written, or why not (reports, letters, the first run's
    store, the referral's errors), quote file names too."""
    from casa_desk.ui.first_run import message_label
    from casa_desk.ui.referral_dialog import ConsentBanner, error_label
    from casa_desk.ui.saved_file import SavedFileBar

    holder = QWidget()
    qtbot.addWidget(holder)
    line = f"Impossibile scrivere {tmp_path}/<u>lettera.pdf: permesso negato."
    first_run, referral = message_label(), error_label(holder)
    for label in (first_run, referral):
        label.setText(line)
        assert shown(label) == line
    saved = SavedFileBar(holder)
    saved.show_saved(tmp_path / "<u>lettera.pdf", line)
    assert shown(saved.message) == line
    banner = ConsentBanner(holder)
    banner.show_message(line, offer_consent=False)
    assert shown(banner.message) == line
    first_run.deleteLater()
