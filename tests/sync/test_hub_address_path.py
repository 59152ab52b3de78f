"""Pairing with an address that has a path (``http://sede:8765/casa``) was told "Credenziali di
sincronizzazione non valide": the hub's Guard asked for a token before routing, and
``/casa/enrol`` is not its public ``/enrol``. A path the hub does not serve is now 404 before
the token is looked at, and the desk says the address is wrong and which part; every real
route still refuses a request without a valid token as before."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from login_helpers import new_store
from sync_helpers import HubProcess, new_office
from test_hub_limits import send_raw

from casa_desk.errors import SyncError
from casa_desk.sync import client, protocol
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.hub.devices import add_device
from casa_desk.ui.sync_actions import EnrolDialog
from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner


def _code(hub: HubProcess) -> str:
    hs = hub.store()
    try:
        return add_device(hs, "SAN-SIRO")[1]
    finally:
        hs.close()


def _pair(qtbot, store, address: str, code: str) -> EnrolDialog:  # type: ignore[no-untyped-def]
    dialog = EnrolDialog(store, SyncRunner())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.hub, address)
    qtbot.keyClicks(dialog.code, code)
    dialog.pair_online()
    return dialog


def test_pairing_with_a_path_says_which_part_of_the_address_is_wrong(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = new_store(tmp_path / "s.sqlite", presidio=None)
    code = _code(sqlite_hub)
    dialog = _pair(qtbot, store, f"{sqlite_hub.url}/casa", code)
    assert not dialog.error.isHidden()
    assert dialog.error.text() == (
        f"Head office's address is wrong: the part “/casa” after {sqlite_hub.url} should not "
        f"be there (head office's address usually ends with the port: {sqlite_hub.url})."
    )
    assert "credential" not in dialog.error.text().lower()
    assert state(store, "hub_token") is None
    # the code never reached the hub's /enrol: the right address pairs with it
    _pair(qtbot, store, sqlite_hub.url, code)  # a SyncRunner: done when this returns
    assert state(store, "hub_token")


def test_the_command_line_says_the_wrong_address_in_italian(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    store = new_store(tmp_path / "s.sqlite", presidio=None)
    with pytest.raises(SyncError) as caught:
        client.enrol_online(store, f"{sqlite_hub.url}/casa/", _code(sqlite_hub))
    assert str(caught.value) == (
        f"Indirizzo della sede sbagliato: la parte «/casa» dopo {sqlite_hub.url} è di troppo "
        f"(l'indirizzo della sede di solito finisce con la porta: {sqlite_hub.url})."
    )


def test_a_desk_paired_with_a_path_says_so_on_the_sync_page(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    with office.transaction():
        set_state(office, "hub_url", f"{sqlite_hub.url}/casa/v2")
    page = SyncPage(office, runner=SyncRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.failed, timeout=30_000) as failed:
        page.sync_now()
    assert failed.args[0].startswith("Head office's address is wrong: the part “/casa/v2” after")


class _NotAHub(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server's API
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>Not Found</html>")

    def log_message(self, *_args: object) -> None:
        pass


def test_another_service_at_the_address_is_told_apart(qtbot, english, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotAHub)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_address[1]}"
        store = new_store(tmp_path / "s.sqlite", presidio=None)
        dialog = _pair(qtbot, store, address, "abcd-efgh-ijkl")
        assert dialog.error.text() == (
            f"Something other than head office answers at {address}: check the address "
            "and the port."
        )
    finally:
        server.shutdown()
        server.server_close()


def test_an_unknown_path_is_404_unread_and_real_routes_still_need_a_token(
    sqlite_hub: HubProcess,
) -> None:
    hub = sqlite_hub
    answer = httpx.post(hub.url + "/casa/enrol", json={"code": "x", "node_id": "y"})
    assert answer.status_code == 404
    assert answer.json()["code"] == protocol.UNKNOWN_PATH
    # 300 MB declared to a path the hub does not serve: answered before a byte is read
    head = b"POST /casa/push HTTP/1.1\r\nHost: x\r\nContent-Length: 314572800\r\n\r\n"
    assert send_raw(hub, head, 300).startswith(b"HTTP/1.1 404")
    for path in ("/hello", "/push", "/pull", "/digest", "/snapshot"):
        for headers in ({}, {"Authorization": "Bearer nope"}):
            refused = httpx.post(hub.url + path, json={}, headers=headers)
            assert refused.status_code == 401, (path, headers, refused.text)
            assert refused.json()["code"] == protocol.UNAUTHORISED
    assert httpx.get(hub.url + "/redoc").status_code == 401
    assert httpx.get(hub.url + "/push").status_code == 401  # a real path, another method
    assert httpx.get(hub.url + "/health").status_code == 200
    # the public enrolment still answers without a token (a bad code: refused, not 401/404)
    assert httpx.post(hub.url + "/enrol", json={"code": "x", "node_id": "y"}).status_code == 403
