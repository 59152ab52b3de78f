"""The sync command line end to end: hub serve, device-add, enrol, sync, device-revoke."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from login_helpers import new_store, open_store
from sync_helpers import HubProcess, new_office, person, run_cli, sync

from casa_desk.cli import main
from casa_desk.cli.sync import summary
from casa_desk.sync import bundle, protocol
from casa_desk.sync.bundle import hub_summary, reply_summary
from casa_desk.sync.client import SyncReport


def test_cli_enrol_sync_revoke(tmp_path: Path) -> None:
    hub_db = str(tmp_path / "hub.sqlite")
    added = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "SAN-SIRO")
    assert added.returncode == 0, added.stderr
    code = added.stdout.strip().splitlines()[-1]
    hub = HubProcess(hub_db, tmp_path, cli=True).start()
    try:
        store_path = tmp_path / "a.sqlite"
        enrolled = run_cli("enrol", "--db", str(store_path), "--hub", hub.url, "--code", code)
        assert enrolled.returncode == 0, enrolled.stderr
        again = run_cli(
            "enrol", "--db", str(tmp_path / "b.sqlite"), "--hub", hub.url, "--code", code
        )
        assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1
        with open_store(store_path) as store, store.transaction() as j:
            j.insert("people", {"first_name": "Nome", "last_name": "Prova"}, presidio="SAN-SIRO")
            pending = store.pending_changes()  # the person and the logins (audited, synced)
        first = run_cli("sync", "--db", str(store_path))
        assert first.returncode == 0, first.stderr
        assert f"{pending + 1} inviate" in first.stdout  # + the login of `sync` itself
        with open_store(store_path) as store:
            device = dict(store.db.execute("SELECT key, value FROM sync_state").fetchall())[
                "hub_device_id"
            ]
        revoked = run_cli("hub", "device-revoke", "--db", hub_db, device)
        assert revoked.returncode == 0, revoked.stderr
        refused = run_cli("sync", "--db", str(store_path))
        assert refused.returncode == 1
        assert refused.stderr.strip().splitlines() == [refused.stderr.strip()]
        assert "revocato" in refused.stderr
    finally:
        hub.stop()
    down = run_cli("sync", "--db", str(store_path))
    assert down.returncode == 1 and "raggiungibile" in down.stderr


def test_cli_device_add_out_writes_enrolment_file(tmp_path: Path) -> None:
    hub_db = str(tmp_path / "hub.sqlite")
    out = tmp_path / "enrol.json"
    added = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "MAZZINI", "--out", str(out))
    assert added.returncode == 0, added.stderr
    creds = json.loads(out.read_text())
    assert creds["presidio"] == "MAZZINI" and creds["token"]
    enrolled = run_cli("enrol", "--db", str(tmp_path / "m.sqlite"), "--file", str(out))
    assert enrolled.returncode == 0, enrolled.stderr
    bad = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "NOWHERE")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1


def test_cli_device_add_never_replaces_an_enrolment_file(tmp_path: Path) -> None:
    """A second new device written to the same file once replaced the first one's, whose
    token was only there: now refused in one line, no device made, the file as it was."""
    hub_db = str(tmp_path / "hub.sqlite")
    out = tmp_path / "enrol.json"
    first = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "MAZZINI", "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    again = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "MAZZINI", "--out", str(out))
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"casa-desk: Il file {out} esiste già: non lo sovrascrivo."
    ]
    assert out.read_bytes() == before
    with closing(sqlite3.connect(hub_db)) as conn:
        assert conn.execute("SELECT count(*) FROM devices").fetchone()[0] == 1
    enrolled = run_cli("enrol", "--db", str(tmp_path / "m.sqlite"), "--file", str(out))
    assert enrolled.returncode == 0, enrolled.stderr  # the first device's file still works


def test_cli_bundle_round_trip(tmp_path: Path) -> None:
    hub_db = str(tmp_path / "hub.sqlite")
    out = tmp_path / "enrol.json"
    assert (
        run_cli(
            "hub", "device-add", "--db", hub_db, "--presidio", "MAZZINI", "--out", str(out)
        ).returncode
        == 0
    )
    store_path = tmp_path / "m.sqlite"
    assert run_cli("enrol", "--db", str(store_path), "--file", str(out)).returncode == 0
    with open_store(store_path) as store, store.transaction() as j:
        j.insert("people", {"first_name": "Nome", "last_name": "Prova"}, presidio="MAZZINI")
    bundle, reply = tmp_path / "m.casa", tmp_path / "m-reply.casa"
    exported = run_cli("bundle", "export", "--db", str(store_path), "--out", str(bundle))
    assert exported.returncode == 0, exported.stderr
    for _ in range(2):  # importing twice changes nothing
        imported = run_cli(
            "hub", "import-bundle", str(bundle), "--db", hub_db, "--reply", str(reply)
        )
        assert imported.returncode == 0, imported.stderr
    back = run_cli("bundle", "import", "--db", str(store_path), str(reply))
    assert back.returncode == 0, back.stderr
    with open_store(store_path) as store:
        # all acknowledged, except the logins of `bundle import` and of this check (audit
        # rows made after the export: the next bundle carries them)
        acked = int(
            store.db.execute("SELECT value FROM sync_state WHERE key = 'acked_seq'").fetchone()[0]
        )
        left = store.db.execute(
            "SELECT table_name, count(*) FROM sync_outbox WHERE seq > ? GROUP BY 1", [acked]
        ).fetchall()
        assert left == [("audit_log", 2)]
    bundle.write_bytes(bundle.read_bytes()[:100])
    broken = run_cli("hub", "import-bundle", str(bundle), "--db", hub_db, "--reply", str(reply))
    assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1


def test_cli_sync_after_a_hub_restore_says_so_in_italian(tmp_path: Path) -> None:
    """After ``hub new-epoch`` the office's ``sync`` says in its own line that the hub was
    restored; the client's English warning for maintainers no longer reaches the terminal."""
    hub_db = str(tmp_path / "hub.sqlite")
    code = run_cli("hub", "device-add", "--db", hub_db, "--presidio", "SAN-SIRO")
    hub = HubProcess(hub_db, tmp_path, cli=True).start()
    try:
        store_path = tmp_path / "a.sqlite"
        enrolled = run_cli(
            "enrol", "--db", str(store_path), "--hub", hub.url, "--code", code.stdout.split()[-1]
        )
        assert enrolled.returncode == 0, enrolled.stderr
        first = run_cli("sync", "--db", str(store_path))
        assert first.returncode == 0 and "ripristinata" not in first.stdout, first.stderr
    finally:
        hub.stop()
    assert run_cli("hub", "new-epoch", "--db", hub_db).returncode == 0
    hub.start()  # the same address
    try:
        after = run_cli("sync", "--db", str(store_path))
    finally:
        hub.stop()
    assert after.returncode == 0, after.stderr
    assert "la sede è stata ripristinata" in after.stdout
    assert after.stderr == ""


def test_cli_sync_past_the_offices_day_receives_and_says_so_in_one_line(tmp_path: Path) -> None:
    """The hub refused the push (the office's day full) and the command stopped there,
    receiving nothing. Now it receives what the other offices did, keeps its own changes
    for later, and says both in one line on stderr, exiting 1 (not everything went)."""
    hub_db = str(tmp_path / "hub.sqlite")
    hub = HubProcess(hub_db, tmp_path, options=("--changes-per-day", "1")).start()
    try:
        a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
        b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
        person(b, last_name="Altro ufficio")
        sync(b)
        person(a)
        person(a)  # two changes, one a day
        a.close()
        refused = run_cli("sync", "--db", str(tmp_path / "a.sqlite"))
    finally:
        hub.stop()
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip().splitlines() == [
        "casa-desk: Sincronizzato in parte: 0 inviate, 1 ricevuta. "
        + protocol.MESSAGES[protocol.DEVICE_QUOTA]
    ]
    with open_store(tmp_path / "a.sqlite") as store:
        assert store.query("SELECT last_name FROM people WHERE presidio = 'MAZZINI'") == [
            {"last_name": "Altro ufficio"}
        ]


def test_sync_and_bundle_summaries_count_in_italian() -> None:
    """They printed "Sincronizzato: 28178 inviate" and "1 modifiche": Python's digits and
    the plural whatever the count. Now a dot every three digits and the singular for 1."""
    assert summary(SyncReport(pushed=28178, pulled=1)) == (
        "Sincronizzato: 28.178 inviate, 1 ricevuta."
    )
    many = SyncReport(pushed=1, pulled=1500, rejected=[{}] * 2, conflicts=1, realigned=True)
    assert summary(many) == (
        "Sincronizzato: 1 inviata, 1.500 ricevute, 2 rifiutate dalla sede, 1 conflitto da "
        "rivedere (la sede è stata ripristinata: dati inviati e ricevuti di nuovo)."
    )
    assert summary(SyncReport(rejected=[{}], conflicts=12345)) == (
        "Sincronizzato: 0 inviate, 0 ricevute, 1 rifiutata dalla sede, 12.345 conflitti da "
        "rivedere."
    )
    assert reply_summary(1, 1, 1, 1) == (
        "Risposta importata: 1 modifica ricevuta, 1 rifiutata, 1 conflitto, 1 messa da parte "
        "(orologio di origine nel futuro)."
    )
    assert reply_summary(28178, 0, 2, 0) == (
        "Risposta importata: 28.178 modifiche ricevute, 0 rifiutate, 2 conflitti."
    )
    assert hub_summary(1, 1, 28178, Path("r.casa")) == (
        "Pacchetto importato: 1 modifica, 1 rifiutata; risposta con 28.178 modifiche scritta "
        "in r.casa."
    )
    assert hub_summary(2000, 3, 1, Path("r.casa")) == (
        "Pacchetto importato: 2.000 modifiche, 3 rifiutate; risposta con 1 modifica scritta "
        "in r.casa."
    )


@pytest.mark.parametrize(("written", "said"), [(1, "1 modifica"), (28178, "28.178 modifiche")])
def test_bundle_export_counts_in_italian(
    written: int,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``bundle export`` said "Pacchetto scritto in …: 1 modifiche." (only the count is
    simulated: the store, the login and the command are real)."""
    path = tmp_path / "office.sqlite"
    new_store(path).close()
    monkeypatch.setattr(bundle, "export_bundle", lambda _store, _out: written)
    out = tmp_path / "m.casa"
    assert main(["bundle", "export", "--db", str(path), "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Pacchetto scritto in {out}: {said}.\n"


def test_enrol_help_gives_an_https_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Its example was ``http://sede:8765`` where docs/deploy.md enrols over HTTPS (and a
    store enrolled with HTTPS refuses a plain ``http://`` address)."""
    with pytest.raises(SystemExit) as shown:
        main(["enrol", "--help"])
    assert shown.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # argparse wraps lines anywhere
    assert "es. https://sede:8765" in text and "http://" not in text
