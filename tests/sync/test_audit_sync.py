"""Audit rows reach head office (and no other office), unchanged, by the ordinary sync."""

from __future__ import annotations

from pathlib import Path

from login_helpers import session_for
from sync_helpers import HubProcess, check_invariants, new_office, person, quiesce


def test_a_break_glass_reaches_head_office_and_stays_out_of_other_offices(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    sede = new_office(sqlite_hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    someone = person(a, last_name="Protetta")
    with a.transaction():
        a.db.execute(
            "INSERT INTO people_restricted (person_id, by_hand, since) VALUES (?, 1, 'x')",
            [someone["id"]],
        )
    session = session_for(a)  # the administrator, without permission: a break-glass
    session.break_glass(someone["id"], "Chiamata urgente del servizio sociale")
    quiesce([a, b, sede])
    wanted = "SELECT who, action, reason, presidio FROM audit_log WHERE action = 'break_glass'"
    expected = [
        {
            "who": session.user.username,
            "action": "break_glass",
            "reason": "Chiamata urgente del servizio sociale",
            "presidio": "SAN-SIRO",
        }
    ]
    assert sede.query(wanted) == expected
    assert b.query(wanted) == []
    assert a.query(wanted) == expected
    check_invariants(sqlite_hub, [a, b, sede])


def test_after_import_and_sync_no_office_file_holds_a_name_or_a_note(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The stores of both ends, their -wal, key files and backups, after a registry import
    and a sync: ciphertext only (the hub's own database is head office's, in its server
    room, and outside this issue)."""
    from login_helpers import open_store
    from sync_helpers import contact

    from casa_desk.cli import main

    office, head = tmp_path / "ufficio", tmp_path / "sede"
    office.mkdir()
    head.mkdir()
    a = new_office(sqlite_hub, office / "a.sqlite", "SAN-SIRO")
    sede = new_office(sqlite_hub, head / "sede.sqlite", "SEDE", head_office=True)
    registry = tmp_path / "anagrafe.csv"
    registry.write_text(
        "cognome;nome;codice_fiscale;data_nascita\nZafferanetti;Ilde;;01/02/1970\n",
        encoding="utf-8",
    )
    a.close()
    assert main(["import-people", str(registry), "--db", str(office / "a.sqlite")]) == 0
    assert main(["backup", "--db", str(office / "a.sqlite"), "--out",
                 str(office / "copia.sqlite")]) == 0  # fmt: skip
    a = open_store(office / "a.sqlite")
    found = a.query("SELECT id FROM people WHERE last_name = 'Zafferanetti'")
    contact(a, found[0]["id"], notes="Nota-segretissima-di-prova", category="salute")
    quiesce([a, sede])
    assert sede.query("SELECT count(*) AS n FROM people WHERE last_name = 'Zafferanetti'") == [
        {"n": 1}
    ]
    for folder in (office, head):
        for file in folder.rglob("*"):
            if file.is_file():
                data = file.read_bytes()
                assert b"Zafferanetti" not in data and b"segretissima" not in data, file
    a.close()
    sede.close()
