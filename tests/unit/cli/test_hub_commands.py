"""``casa-desk hub …`` details the bad-input corpus does not reach: a blank ``--db``, devices
named by the start of their id, the device list, the address device-add prints, PostgreSQL's
two scheme names."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from corpus import busy_port
from sqlalchemy import insert

from casa_desk import paths
from casa_desk.cli import build_parser, main
from casa_desk.cli.checks import HUB_SCHEMES, hub_database
from casa_desk.sync.hub import endpoint, schema
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore, engine_url

#: What each hub subcommand needs besides ``--db`` to get as far as opening the hub.
_REST = {
    "serve": ["--port", "{busy}"],  # a busy port: serving never starts, with or without --db
    "device-add": ["--presidio", "SAN-SIRO"],
    "device-code": ["0190"],
    "device-revoke": ["0190"],
    "device-list": [],
    "new-epoch": [],
    "backup": ["--out", "{tmp}/copia.sqlite"],
    "esf-duplicates": [],
    "import-bundle": ["{tmp}/push.casa", "--reply", "{tmp}/risposta.casa"],
}


def _hub_commands_with_db() -> list[str]:
    parser = build_parser()
    hub = parser._subparsers._group_actions[0].choices["hub"]  # noqa: SLF001 - no API
    sub = next(a for a in hub._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return [
        name
        for name, p in sub.choices.items()
        if any("--db" in a.option_strings for a in p._actions)  # noqa: SLF001
    ]


def test_every_hub_command_with_db_is_covered() -> None:
    assert set(_hub_commands_with_db()) <= set(_REST)


@pytest.mark.parametrize("blank", ["", "  "], ids=["empty", "blank"])
@pytest.mark.parametrize("command", _hub_commands_with_db())
def test_a_blank_db_is_refused(
    command: str,
    blank: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--db "$CASA_DESK_HUB_DB"`` with the variable blank once made (and served) a new,
    empty hub in the data folder: refused in one line, nothing made there."""
    monkeypatch.chdir(tmp_path)  # a blank path is relative: it would land here
    (tmp_path / "push.casa").write_bytes(b"x")
    sock, busy = busy_port()
    try:
        rest = [a.format(busy=busy, tmp=tmp_path) for a in _REST[command]]
        status = main(["hub", command, "--db", blank, *rest])
    finally:
        sock.close()
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert lines == [
        "casa-desk: Database della sede non indicato: --db è vuoto (variabile "
        "CASA_DESK_HUB_DB non impostata?). Indicare un file SQLite oppure "
        "postgresql://utente@host:porta/db."
    ]
    assert not paths.default_hub_path().exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["push.casa"]


# -- devices by the start of their id -------------------------------------------------------
@pytest.fixture
def two_devices(tmp_path: Path) -> tuple[str, str, str]:
    """A hub file with two devices (ids sharing their first characters): (db, a, b)."""
    db = str(tmp_path / "hub.sqlite")
    hub = HubStore.open(db)
    try:
        a, _ = add_device(hub, "SAN-SIRO", label="PC sportello 1")
        b, code = add_device(hub, "MAZZINI")
        enrol(hub, code, node_id="nodo-b")  # online: the store names itself
    finally:
        hub.close()
    return db, a, b


def _revoked(db: str) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [r[0] for r in conn.execute("SELECT id FROM devices WHERE revoked_at IS NOT NULL")]


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, list[str]]:
    status = main(argv)
    said = capsys.readouterr()
    return status, said.out, said.err.strip().splitlines()


@pytest.mark.parametrize("command", ["device-revoke", "device-code"])
def test_a_prefix_of_several_devices_says_so(
    command: str, two_devices: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "Dispositivo non trovato", which sends the administrator looking for a typo."""
    db, a, b = two_devices
    common = os.path.commonprefix([a, b])
    assert common  # uuid7: the same millisecond's first characters
    status, _out, lines = _run(["hub", command, "--db", db, common], capsys)
    assert status == 1
    assert lines == [
        f"casa-desk: «{common}» è l'inizio di 2 dispositivi: indicare più caratteri "
        "(casa-desk hub device-list li elenca)."
    ]
    assert _revoked(db) == []


@pytest.mark.parametrize("typed", ["%", "_", "{a1}_", "{a1}%", "  "])
def test_a_prefix_is_literal_and_never_blank(
    typed: str, two_devices: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``_`` and ``%`` were SQL LIKE wildcards: '0_' revoked the one device starting '01'."""
    db, a, _b = two_devices
    hub = HubStore.open(db)
    try:  # one device left to match: a wildcard would find exactly it
        with hub.tx() as conn:
            conn.exec_driver_sql("DELETE FROM devices WHERE id != ?", (a,))
    finally:
        hub.close()
    status, _out, lines = _run(["hub", "device-revoke", "--db", db, typed.format(a1=a[0])], capsys)
    assert status == 1 and len(lines) == 1, lines
    assert "non trovato" in lines[0] or "Indicare il dispositivo" in lines[0], lines
    assert _revoked(db) == []


def test_revoke_names_the_whole_id_and_the_list_shows_it(
    two_devices: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, a, b = two_devices
    unique = a[: len(os.path.commonprefix([a, b])) + 1]
    status, out, lines = _run(["hub", "device-revoke", "--db", db, unique], capsys)
    assert (status, lines) == (0, [])
    assert out == f"Dispositivo {a} revocato.\n"
    assert _revoked(db) == [a]
    status, out, lines = _run(["hub", "device-list", "--db", db], capsys)
    assert (status, lines) == (0, [])
    first, second = out.splitlines()
    assert first.startswith(f"{a}  SAN-SIRO  creato ") and " revocato " in first
    assert first.endswith("«PC sportello 1»")
    assert second.startswith(f"{b}  MAZZINI  creato ") and " abbinato " in second
    with closing(sqlite3.connect(db)) as conn:  # never a token's hash, a code's or a key
        secrets = conn.execute("SELECT token_hash, bundle_key FROM devices").fetchall()
    assert secrets and not any(s in out for row in secrets for s in row if s)


# -- the hub's database where an office store is expected ------------------------------------
@pytest.mark.parametrize(
    "command",
    [
        ["report", "--month", "2026-10", "--presidio", "SAN-SIRO", "--out", "{tmp}/r.pdf"],
        ["backup", "--out", "{tmp}/copia.sqlite"],
        ["user", "list"],
    ],
    ids=lambda c: c[0],
)
def test_the_hubs_database_given_to_an_office_command_is_named_so(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    """Before: "non è un archivio casa_desk, oppure è cifrato e manca il suo file delle chiavi
    (hub.sqlite.keys)" sent head office looking for a key file that never existed (the other
    way round, ``hub serve --db`` an office store, already said which file it was)."""
    hub = tmp_path / "hub.sqlite"
    assert main(["hub", "device-add", "--db", str(hub), "--presidio", "SAN-SIRO"]) == 0
    capsys.readouterr()
    before = hub.read_bytes()
    monkeypatch.setenv("CASA_DESK_USER", "demo")
    monkeypatch.setenv("CASA_DESK_PASSWORD", "demo-demo-demo")
    args = [a.format(tmp=tmp_path) for a in command]
    where = 2 if args[0] == "user" else 1
    status = main([*args[:where], "--db", str(hub), *args[where:]])
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert lines == [f"casa-desk: {hub} è il database della sede, non l'archivio di un ufficio."]
    assert hub.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hub.sqlite"]


def test_the_list_shows_times_as_the_office_reads_them(
    two_devices: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed the stored UTC text ("2026-11-25T17:50:32.717Z"): now Rome's local time,
    day first, summer time included (22:30 UTC on 1 July is 00:30 on the 2nd in Rome)."""
    db, a, b = two_devices
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE devices SET created_at = ?, revoked_at = ? WHERE id = ?",
            ("2026-11-25T17:50:32.717Z", "2026-11-26T08:05:00.000Z", a),
        )
        conn.execute(
            "UPDATE devices SET created_at = ?, enrolled_at = ?, node_id = ? WHERE id = ?",
            ("2026-11-25T17:51:00.000Z", "2026-07-01T22:30:00.000Z", "nodo-b", b),
        )
    status, out, lines = _run(["hub", "device-list", "--db", db], capsys)
    assert (status, lines) == (0, [])
    assert out.splitlines() == [
        f"{a}  SAN-SIRO  creato 25/11/2026 18:50  revocato 26/11/2026 09:05  «PC sportello 1»",
        f"{b}  MAZZINI  creato 25/11/2026 18:51  abbinato 02/07/2026 00:30",
    ]
    # An enrolment file made at head office is not yet the office's contact (review).
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE devices SET node_id = NULL WHERE id = ?", (b,))
    _status, out, _lines = _run(["hub", "device-list", "--db", db], capsys)
    assert out.splitlines()[1].endswith("file di abbinamento del 02/07/2026 00:30, mai collegato")


# -- the address device-add hands out ----------------------------------------------------------
def _add(db: str, capsys: pytest.CaptureFixture[str], *more: str) -> list[str]:
    status, out, lines = _run(
        ["hub", "device-add", "--db", db, "--presidio", "SAN-SIRO", *more], capsys
    )
    assert (status, lines) == (0, [])
    return out.splitlines()


def test_device_add_prints_the_plain_http_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/deploy.md §4: "device-add prints the address it hands out". It did only for a
    hub in HTTPS; on plain HTTP (``hub serve`` on loopback, or ``--insecure-http``) the
    address ``hub serve`` recorded was handed out in the file but never printed."""
    db = str(tmp_path / "hub.sqlite")
    hub = HubStore.open(db)
    try:
        endpoint.record(hub, "http://sede-casa.aler.local:8765", None)
    finally:
        hub.close()
    made, address, code = _add(db, capsys)
    assert made.startswith("Dispositivo ") and made.endswith(" creato per SAN-SIRO.")
    assert address == "Indirizzo della sede: http://sede-casa.aler.local:8765"
    assert len(code.split("-")) == 5  # the 20-symbol secret alone: no certificate to pin
    out = tmp_path / "enrol.json"
    lines = _add(db, capsys, "--hub-url", "http://10.0.0.5:8765", "--out", str(out))
    assert lines[1:3] == [
        f"File di abbinamento scritto in {out}",
        "Indirizzo della sede: http://10.0.0.5:8765",
    ]
    assert json.loads(out.read_text())["hub_url"] == "http://10.0.0.5:8765"


def test_device_add_with_no_address_prints_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before the first ``hub serve`` there is no address to hand out: the id, the code, and
    a word that the code carries no certificate fingerprint (a reviewer's HTTPS enrolment
    then failed with no clue why)."""
    made, warning, code = _add(str(tmp_path / "hub.sqlite"), capsys)
    assert made.endswith(" creato per SAN-SIRO.") and len(code.split("-")) == 5
    assert warning.startswith("Attenzione: il server della sede non è ancora stato avviato")


def test_device_add_in_https_prints_the_address_handed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With ``--hub-url`` the office gets that address (in the file too), and the line says
    so rather than the address ``hub serve`` recorded."""
    db = str(tmp_path / "hub.sqlite")
    hub = HubStore.open(db)
    try:
        with hub.tx() as conn:
            conn.execute(
                insert(schema.hub_meta),
                [
                    {"key": "public_url", "value": "https://sede-casa.aler.local:8765"},
                    {"key": "tls_fingerprint", "value": "ab" * 32},
                ],
            )
    finally:
        hub.close()
    _made, address, code = _add(db, capsys)
    assert address == (
        "Sede in HTTPS (https://sede-casa.aler.local:8765): il codice porta l'impronta del "
        "certificato."
    )
    assert len(code.split("-")) == 12
    _made, address, _code = _add(db, capsys, "--hub-url", "https://10.0.0.5:8765")
    assert address.startswith("Sede in HTTPS (https://10.0.0.5:8765): ")


# -- PostgreSQL's two scheme names -------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "postgresql://casa_hub@db.sede.local:5432/casa_hub",
        "postgres://casa_hub@db.sede.local:5432/casa_hub",
        "POSTGRESQL://casa_hub@db.sede.local:5432/casa_hub",
        "Postgres://casa_hub@db.sede.local:5432/casa_hub",
    ],
)
def test_both_postgresql_scheme_names_are_one_database(url: str) -> None:
    """``--db postgres://…`` is accepted (libpq's other name), as README.md now says; in
    capitals it passed the check and then met SQLAlchemy, which has no such dialect (a
    traceback instead of the database)."""
    assert hub_database(url, create=False) == url
    assert engine_url(url) == "postgresql+psycopg://casa_hub@db.sede.local:5432/casa_hub"


def test_the_readme_names_every_scheme_the_hub_accepts() -> None:
    """README.md said any URL but ``postgresql://`` is refused, while ``postgres://`` ran."""
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    serve = next(line for line in readme.splitlines() if "`casa-desk hub serve" in line)
    assert all(f"`{scheme}" in serve for scheme in HUB_SCHEMES), serve


def test_backup_of_a_postgresql_hub_in_capitals_says_pg_dump(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, lines = _run(
        [
            "hub",
            "backup",
            "--db",
            "POSTGRES://casa_hub@127.0.0.1:1/casa_hub",
            "--out",
            str(tmp_path / "copia.sqlite"),
        ],
        capsys,
    )
    assert (status, out) == (1, "")
    assert lines == ["casa-desk: Per una sede su PostgreSQL usare pg_dump (docs/deploy.md)."]


def test_once_the_hub_has_served_the_warning_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from casa_desk.sync.hub.endpoint import record

    hub = tmp_path / "hub.sqlite"
    store = HubStore.open(hub)
    record(store, "http://127.0.0.1:8765", None)  # what ``hub serve`` does when it starts
    store.close()
    made, address, code = _add(str(hub), capsys)
    assert address == "Indirizzo della sede: http://127.0.0.1:8765"


@pytest.mark.parametrize(
    ("db", "shown"),
    [
        ("/srv/casa/hub.sqlite", "/srv/casa/hub.sqlite"),
        (
            "postgresql://casa:segreta@db.sede:5433/casa_hub",
            "PostgreSQL «casa_hub» su db.sede:5433, utente casa",
        ),
        (
            "postgres://casa@/casa_hub?host=/var/run/postgresql",
            "PostgreSQL «casa_hub» su socket /var/run/postgresql, utente casa",
        ),
        ("POSTGRESQL://localhost/casa_hub", "PostgreSQL «casa_hub» su localhost"),
        (
            "postgresql://casa:a%40b@[::1]:5432/casa_hub",
            "PostgreSQL «casa_hub» su [::1]:5432, utente casa",
        ),
    ],
)
def test_serve_start_line_names_the_database_without_its_password(db: str, shown: str) -> None:
    """``hub serve``'s start line once printed the URL's tail after the last '@': a socket URL
    read "/casa_hub?host=/var/run/postgresql"; now the database, where it is, and who."""
    from casa_desk.cli.hub import described

    assert described(db) == shown
    assert "segreta" not in described(db) and "a@b" not in described(db)
