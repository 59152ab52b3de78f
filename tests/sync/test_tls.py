"""The hub over HTTPS with head office's own self-signed certificate, pinned by the offices.

Everything runs through the command line against a real ``casa-desk hub serve`` on
loopback, with certificates these tests make (``cryptography``): enrol with a typed code or
a file, sync, then the hub comes back with another certificate and every office refuses it
in one line until it is enrolled again. Also: the refusals of ``hub serve``, owner-only
files, and the code format.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import stat
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from login_helpers import new_store, open_store
from sync_helpers import child_env, free_port, run_cli
from tls_helpers import make_certificate

from casa_desk.security import tokens
from casa_desk.sync.apply import set_state, state
from casa_desk.sync.client import _transport_words
from casa_desk.sync.tls import fingerprint, pinned_context

pytestmark = pytest.mark.slow


class TlsHub:
    """``casa-desk hub serve --tls-cert … --tls-key …`` on loopback."""

    def __init__(self, db: Path, workdir: Path) -> None:
        self.db, self.workdir, self.port = db, workdir, free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self, cert: Path, key: Path) -> TlsHub:
        with (self.workdir / "hub.log").open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "casa_desk", "hub", "serve", "--db", str(self.db)]
                + ["--port", str(self.port), "--tls-cert", str(cert), "--tls-key", str(key)],
                env=child_env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.workdir,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, (self.workdir / "hub.log").read_text()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
            except OSError:
                time.sleep(0.05)
                continue
            with httpx.Client(verify=pinned_context(), timeout=5) as http:
                if http.get(self.url + "/health").status_code == 200:
                    return self
        raise RuntimeError("the TLS hub did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


@pytest.fixture
def tls_hub(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = TlsHub(tmp_path / "sede" / "hub.sqlite", tmp_path)
    yield hub
    hub.stop()


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def _add_person(path: Path, office: str) -> int:
    """A person added at the office; returns what ``sync`` will send: every change waiting,
    the logins included (audited, synced), plus the login of ``sync`` itself."""
    with open_store(path) as store, store.transaction() as j:
        j.insert("people", {"first_name": "Nome", "last_name": "Prova"}, presidio=office)
        return store.pending_changes() + 1


def test_typed_code_and_file_pin_the_certificate_a_new_one_is_refused(
    tls_hub: TlsHub, tmp_path: Path
) -> None:
    cert, key, first = make_certificate(tmp_path, "first")
    tls_hub.start(cert, key)
    db = str(tls_hub.db)
    # Created owner-only, folder included (it holds every office's notes).
    assert stat.S_IMODE(tls_hub.db.stat().st_mode) == 0o600
    assert stat.S_IMODE(tls_hub.db.parent.stat().st_mode) == 0o700

    out = tmp_path / "mazzini.json"
    added = run_cli("hub", "device-add", "--db", db, "--presidio", "SAN-SIRO")
    assert added.returncode == 0, added.stderr
    code = added.stdout.strip().splitlines()[-1]
    secret, pin = tokens.split_code(code)
    assert len(secret) == tokens.SECRET_SYMBOLS and pin == tokens.pin_of(first)
    assert len(code) == 48 + 11  # 12 groups of four, typeable
    by_file = run_cli("hub", "device-add", "--db", db, "--presidio", "MAZZINI", "--out", str(out))
    assert by_file.returncode == 0, by_file.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    creds = json.loads(out.read_text())
    assert creds["tls_fingerprint"] == first
    assert creds["hub_url"] == tls_hub.url

    san_siro, mazzini = tmp_path / "san-siro.sqlite", tmp_path / "mazzini.sqlite"
    enrolled = run_cli("enrol", "--db", str(san_siro), "--hub", tls_hub.url, "--code", code)
    assert enrolled.returncode == 0, enrolled.stderr
    assert run_cli("enrol", "--db", str(mazzini), "--file", str(out)).returncode == 0
    for path, office in ((san_siro, "SAN-SIRO"), (mazzini, "MAZZINI")):
        with open_store(path) as store:
            assert state(store, "hub_tls_fingerprint") == first  # whole, also from the code
        sent = _add_person(path, office)
        synced = run_cli("sync", "--db", str(path))
        assert synced.returncode == 0, synced.stderr
        assert f"{sent} inviate" in synced.stdout

    # Head office's hub comes back with another certificate (or someone stands in for it).
    tls_hub.stop()
    cert2, key2, second = make_certificate(tmp_path, "second")
    tls_hub.start(cert2, key2)
    for path in (san_siro, mazzini):
        _add_person(path, "SAN-SIRO" if path == san_siro else "MAZZINI")
        refused = run_cli("sync", "--db", str(path))
        assert refused.returncode == 1
        line = _one_line(refused)
        assert "certificato della sede è cambiato" in line and "abbinato di nuovo" in line
    # Nothing reached the hub: a backup of it holds one person from each office.
    copy = tmp_path / "copy.sqlite"
    backed_up = run_cli("hub", "backup", "--db", db, "--out", str(copy))
    assert backed_up.returncode == 0, backed_up.stderr
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT presidio FROM people ORDER BY 1").fetchall() == [
            ("MAZZINI",),
            ("SAN-SIRO",),
        ]
    with open_store(san_siro) as store:
        device = state(store, "hub_device_id")
        assert state(store, "hub_tls_fingerprint") == first  # still the old pin
        waiting = store.pending_changes()  # the person, the logins so far

    # Enrolled again with a fresh code for the same device: the new certificate is pinned.
    again = run_cli("hub", "device-code", "--db", db, str(device))
    assert again.returncode == 0, again.stderr
    fresh = again.stdout.strip().splitlines()[-1]
    assert tokens.split_code(fresh)[1] == tokens.pin_of(second)
    redo = run_cli("enrol", "--db", str(san_siro), "--hub", tls_hub.url, "--code", fresh)
    assert redo.returncode == 0, redo.stderr
    synced = run_cli("sync", "--db", str(san_siro))
    assert synced.returncode == 0, synced.stderr
    assert f"{waiting + 2} inviate" in synced.stdout  # + the logins of `enrol` and `sync`


def test_a_code_for_another_certificate_sends_nothing(tls_hub: TlsHub, tmp_path: Path) -> None:
    cert, key, real = make_certificate(tmp_path, "real")
    tls_hub.start(cert, key)
    db = str(tls_hub.db)
    added = run_cli("hub", "device-add", "--db", db, "--presidio", "SAN-SIRO")
    code = added.stdout.strip().splitlines()[-1]
    secret, _pin = tokens.split_code(code)
    # The same secret with the pin of a certificate the hub does not have (a stand-in hub).
    _c, _k, other = make_certificate(tmp_path, "other")
    forged = tokens.code_with_pin(secret, other)
    store = tmp_path / "office.sqlite"
    refused = run_cli("enrol", "--db", str(store), "--hub", tls_hub.url, "--code", forged)
    assert refused.returncode == 1
    line = _one_line(refused)
    assert "non corrisponde al codice" in line and "nulla è stato inviato" in line
    assert not store.exists()  # a failed enrolment leaves no empty store behind (issue 8)
    assert not Path(f"{store}.keys").exists()  # nor its key file
    # The secret never left: the real code still enrols.
    ok = run_cli("enrol", "--db", str(store), "--hub", tls_hub.url, "--code", code)
    assert ok.returncode == 0, ok.stderr
    with open_store(store) as opened:
        assert state(opened, "hub_tls_fingerprint") == real
    # A typo is caught by the check symbols before any connection.
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    mistyped = run_cli(
        "enrol", "--db", str(tmp_path / "t.sqlite"), "--hub", tls_hub.url, "--code", typo
    )
    assert mistyped.returncode == 1 and "digitato male" in _one_line(mistyped)
    # A store enrolled over plain HTTP has no pin: the self-signed certificate is not trusted.
    loopback = tmp_path / "loopback.sqlite"
    with new_store(loopback) as opened, opened.transaction():
        for key, value in (("hub_token", "t"), ("hub_url", tls_hub.url)):
            set_state(opened, key, value)
    untrusted = run_cli("sync", "--db", str(loopback))
    assert untrusted.returncode == 1 and "non riconosciuto" in _one_line(untrusted)
    # A pinned store never falls back to plain HTTP, whatever --hub says.
    plain = run_cli("sync", "--db", str(store), "--hub", f"http://127.0.0.1:{tls_hub.port}")
    assert plain.returncode == 1 and "in chiaro rifiutato" in _one_line(plain)


def test_serve_refuses_plain_http_beyond_loopback_and_bad_tls_files(tmp_path: Path) -> None:
    db = str(tmp_path / "hub.sqlite")
    exposed = run_cli("hub", "serve", "--db", db, "--host", "0.0.0.0", "--port", "1")
    assert exposed.returncode == 1
    assert "--tls-cert" in _one_line(exposed) and "--insecure-http" in exposed.stderr
    assert not Path(db).exists()  # refused before anything was created
    cert, key, _fp = make_certificate(tmp_path, "a")
    _cert_b, key_b, _fp_b = make_certificate(tmp_path, "b")
    half = run_cli("hub", "serve", "--db", db, "--tls-cert", str(cert), "--port", "1")
    assert half.returncode == 1 and "--tls-key" in _one_line(half)
    mismatched = run_cli(
        "hub", "serve", "--db", db, "--tls-cert", str(cert), "--tls-key", str(key_b)
    )
    assert mismatched.returncode == 1 and "non corrisponde" in _one_line(mismatched)
    missing = run_cli(
        "hub", "serve", "--db", db, "--tls-cert", str(tmp_path / "no.pem"), "--tls-key", str(key)
    )
    assert missing.returncode == 1 and _one_line(missing)
    pipe = tmp_path / "key.pipe"
    os.mkfifo(pipe)  # nobody writes it: reading it waited for ever, the hub never started
    piped = run_cli(
        "hub", "serve", "--db", db, "--tls-cert", str(cert), "--tls-key", str(pipe), timeout=30
    )
    assert piped.returncode == 1 and "non utilizzabili" in _one_line(piped)
    assert not Path(db).exists()


def test_an_old_hub_database_is_narrowed_to_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    assert run_cli("hub", "device-add", "--db", str(db), "--presidio", "MAZZINI").returncode == 0
    os.chmod(db, 0o644)  # as versions before this one left it
    assert run_cli("hub", "device-add", "--db", str(db), "--presidio", "MAZZINI").returncode == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_code_format_round_trips_and_catches_typos() -> None:
    fp = fingerprint(b"certificate")
    code = tokens.code_with_pin(tokens.new_enrol_code(), fp)
    groups = code.split("-")
    assert len(groups) == 12 and all(len(g) == 4 for g in groups)
    secret, pin = tokens.split_code(code.lower().replace("-", " "))  # typed sloppily
    assert pin == tokens.pin_of(fp) and len(secret) == 20
    misses = 0
    for position in range(48):  # every single-symbol typo
        body = tokens.normalise_code(code)
        wrong = "A" if body[position] != "A" else "B"
        try:
            tokens.split_code(body[:position] + wrong + body[position + 1 :])
        except ValueError:
            continue
        misses += 1
    assert misses <= 1  # 10 check bits: a typo slips through 1 time in 1,024
    plain = tokens.new_enrol_code()
    assert tokens.split_code(plain) == (tokens.normalise_code(plain), None)


def test_a_wrong_scheme_or_a_closed_port_is_said_in_words(
    tls_hub: TlsHub, sqlite_hub, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A hub that could not be reached was named by httpx's class ("Sede non raggiungibile:
    ConnectError"); now the line says what to check: https:// to a plain hub, http:// to a
    TLS one, or nothing listening at all."""
    cert, key, _pin = make_certificate(tmp_path, "sede")
    tls_hub.start(cert, key)
    store = tmp_path / "office.sqlite"
    with new_store(store) as opened, opened.transaction():
        set_state(opened, "hub_token", "t")
    plain_port = sqlite_hub.port
    closed_port = free_port()
    lines = {
        url: _one_line(run_cli("sync", "--db", str(store), "--hub", url))
        for url in (
            f"https://127.0.0.1:{plain_port}",  # TLS spoken to a plain hub
            f"http://127.0.0.1:{tls_hub.port}",  # plain spoken to a TLS hub
            f"http://127.0.0.1:{closed_port}",
        )
    }
    for line in lines.values():
        assert line.startswith("casa-desk: Sede non raggiungibile: ")
        assert "Error" not in line and "httpx" not in line
    https_to_plain, http_to_tls, closed = lines.values()
    assert "https://" in https_to_plain and "http://" in https_to_plain
    assert "non riuscita" in closed
    assert "https:// invece di http://" in http_to_tls


def test_a_reset_before_any_answer_on_http_also_points_at_https(tmp_path: Path) -> None:
    """A TLS hub reading plain HTTP usually closes the connection, but when the request's bytes
    are still unread the kernel resets it instead: CI once met that (about 1 try in 100 on a
    loaded PC) and the line said only "connessione interrotta". A listener that reads a few
    bytes and resets makes that case most times (httpx sometimes sees the close first)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def reset_every_connection() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # the listener was closed: the test is over
                return
            conn.recv(4)  # the rest of the request stays unread, as at a TLS hub
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()

    threading.Thread(target=reset_every_connection, daemon=True).start()
    store = tmp_path / "office.sqlite"
    with new_store(store) as opened, opened.transaction():
        set_state(opened, "hub_token", "t")
    try:
        line = _one_line(run_cli("sync", "--db", str(store), "--hub", f"http://127.0.0.1:{port}"))
    finally:
        listener.close()
    assert line.startswith("casa-desk: Sede non raggiungibile: la sede ha ")
    assert "https:// invece di http://" in line
    assert "Error" not in line


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_only_a_reset_on_http_gets_the_https_hint(scheme: str) -> None:
    """The error httpx raises on a reset (its ReadError over httpcore's over the OS's), every
    time: on http:// the line points at https://; on https:// a reset is just a broken link."""
    request = httpx.Request("POST", f"{scheme}://127.0.0.1:8765/hello")
    try:
        try:
            raise ConnectionResetError(104, "Connection reset by peer")
        except ConnectionResetError as reset:
            raise httpx.ReadError(str(reset), request=request) from reset
    except httpx.ReadError as exc:
        words = _transport_words(exc)
    if scheme == "http":
        assert words.startswith("Sede non raggiungibile: la sede ha interrotto la connessione")
        assert "https:// invece di http://" in words
    else:
        assert words == "Sede non raggiungibile: connessione interrotta (rete o sede)."
