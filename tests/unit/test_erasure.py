"""Erasure on request (issue 11, art. 17) and the access PDF (art. 15), through the services
the CLI and the window call: erased means gone — from the rows, the search indexes, the
outbox, the sync tables, the raw decrypted pages and WAL of the store, and a backup made
afterwards — and the access PDF lists what the store holds."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from login_helpers import key_of, new_session, open_store, session_for
from pypdf import PdfReader
from raw_pages import decrypted_pages

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.models.vocab import AuditAction
from casa_desk.security import rights
from casa_desk.security.access import BreakGlassRequired
from casa_desk.security.permissions import PermissionDenied
from casa_desk.store.backup import backup_store
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.search import search_people

#: Words that exist only in this person's record: none may survive the erasure.
SECRETS = ("Quintiliani", "Zebedeo", "Frangipane", "Pescegatto", "Ornitorinco", "3471239876")
CF = make_cf("Quintiliani", "Zebedeo", date(1979, 4, 18), "M", "F205")


def _person(store) -> dict:
    person = People(store).register(
        {
            "first_name": "Zebedeo",
            "last_name": "Quintiliani",
            "codice_fiscale": CF,
            "birth_date": "1979-04-18",
            "gender": "M",
            "phone": "347 123 9876",
            "street": "Via Frangipane",
            "civic": "7",
            "notes": "Vive con il fratello Pescegatto",
            "languages": "ar,it",
            "tenancy_role": "occupante_senza_titolo",
        },
        presidio="SAN-SIRO",
    )
    contacts = Contacts(store)
    contacts.log(
        {
            "person_id": person["id"],
            "category": "violenza_domestica",
            "summary": "Colloquio riservato Ornitorinco",
            "notes": "Racconta di Pescegatto",
        },
        presidio="SAN-SIRO",
        operator="op",
    )
    contacts.log(
        {"person_id": person["id"], "category": "manutenzione", "summary": "Guasto Frangipane"},
        presidio="SAN-SIRO",
        operator="op",
    )
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        person["id"],
        referral_purpose(service["id"]),
        text="Io Zebedeo Quintiliani acconsento",
        presidio="SAN-SIRO",
        operator="op",
    )
    referral = Referrals(store).create(
        person_id=person["id"],
        service_id=service["id"],
        reason="Cerca lavoro Ornitorinco",
        request="Colloquio per Zebedeo",
        presidio="SAN-SIRO",
        by="op",
    )
    Referrals(store).step(referral["id"], "sent", by="op", note="Telefonato a Pescegatto")
    return person


def test_erase_leaves_nothing_anywhere_and_keeps_the_statistics(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    session = new_session(path)
    store = session.store
    person = _person(store)
    # A reason naming the person, as one recorded before such reasons were refused
    # (casa_desk.models.reasons): the erasure must still take it out of the log.
    session.audit(
        AuditAction.BREAK_GLASS,
        table="people",
        row_id=person["id"],
        reason="Richiesta di Zebedeo allo sportello",
    )
    key = key_of(path)
    assert b"Quintiliani" in decrypted_pages(path, key)  # the check can see it
    kept = store.query(
        "SELECT category, channel, occurred_at, sensitive FROM contacts ORDER BY occurred_at"
    )

    with pytest.raises(ValidationError):  # the reason is required
        rights.erase_person(session, person["id"], "breve")
    # The erasure's reason stays in the log: naming her there would keep what she asked to
    # have erased. Refused, and nothing is erased.
    with pytest.raises(ValidationError, match="non deve contenere nome"):
        rights.erase_person(session, person["id"], "richiesta scritta di Zebedeo Quintiliani")
    assert People(store).get(person["id"])["last_name"] == "Quintiliani"
    found = rights.erase_person(session, person["id"], "richiesta scritta art. 17 n. 12")
    assert len(found["contacts"]) == 2 and len(found["referral_events"]) == 2

    row = People(store).get(person["id"])
    assert row["anonymised_on"] and row["birth_date"] == "1979-04"
    assert (row["gender"], row["presidio"], row["last_name"], row["phone"]) == (
        "M",
        "SAN-SIRO",
        None,
        None,
    )
    # Statistics kept: categories, channels, dates, sensitivity, referral state.
    assert kept == store.query(
        "SELECT category, channel, occurred_at, sensitive FROM contacts ORDER BY occurred_at"
    )
    assert Referrals(store).list()[0]["status"] == "inviata"
    # Nobody can put the identity back here.
    with pytest.raises(ValidationError):
        People(store).update(person["id"], {"last_name": "Quintiliani"})
    # The search indexes find nothing, and no table holds any of the words.
    assert search_people(store.db, "Quintiliani") == []
    assert search_people(store.db, CF) == []
    assert store.db.execute(
        "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH 'Ornitorinco'"
    ).fetchone() == (0,)
    tables = [
        r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]  # every table: the FTS shadow tables, sync_conflicts, sync_held… included
    dump = "\n".join(
        repr(row) for table in tables for row in store.db.execute(f'SELECT * FROM "{table}"')
    )
    for word in (*SECRETS, CF):
        assert word not in dump, word
    outbox = " ".join(r[0] for r in store.db.execute("SELECT data FROM sync_outbox"))
    assert "Quintiliani" not in outbox and "Ornitorinco" not in outbox
    # The audit keeps who erased and why, and no longer the break-glass reason naming them.
    audit = store.query("SELECT action, reason FROM audit_log WHERE row_id = ?", [person["id"]])
    assert {"action": "erased", "reason": "richiesta scritta art. 17 n. 12"} in audit
    assert {"action": "break_glass", "reason": None} in audit
    # The raw pages of the store and its WAL, decrypted, and a backup made afterwards.
    raw = decrypted_pages(path, key)
    for word in (*SECRETS, CF):
        assert word.encode() not in raw, word
    copy = backup_store(store.connections, tmp_path / "copy.sqlite")
    raw_copy = decrypted_pages(copy, key)
    assert len(raw_copy) > 4096
    for word in (*SECRETS, CF):
        assert word.encode() not in raw_copy, word


def test_access_pdf_lists_what_the_store_holds_and_is_audited(tmp_path: Path) -> None:
    session = new_session(tmp_path / "store.sqlite")
    store = session.store
    person = _person(store)
    # A riservato person, a user without permission: the reason first, as for the card.
    with pytest.raises(BreakGlassRequired):
        rights.export_person(session, person["id"], tmp_path / "dati.pdf")
    assert not (tmp_path / "dati.pdf").exists()
    # Her sensitive entries are in the copy: for a user who may see them (the test below).
    from casa_desk.security import accounts

    accounts.change_user(session, session.user.username, may_see_sensitive=True)
    session = session_for(store)
    out = rights.export_person(session, person["id"], tmp_path / "dati.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    text = " ".join(text.split())
    for value in (
        "Quintiliani",
        "Zebedeo",
        CF,
        "Via Frangipane",
        "Colloquio riservato Ornitorinco",  # sensitive notes are the person's own
        "Racconta di Pescegatto",
        "Guasto Frangipane",
        "Cerca lavoro Ornitorinco",
        "Telefonato a Pescegatto",
        "Sportello lavoro",
        "Io Zebedeo Quintiliani acconsento",
        "Chi ha consultato o modificato i tuoi dati",
        # Codes in words: the file goes home with the person.
        "Genere maschio",
        "Lingue arabo, italiano",
        "Ruolo nel contratto occupante senza titolo",
        "Canale Sportello",
    ):
        assert value in text, value
    for code in ("occupante_senza_titolo", "ar,it", "Canale sportello", "SAN-SIRO"):
        assert code not in text, code
    pages = PdfReader(out).pages  # numbered: the person can tell that none is missing
    for n, page in enumerate(pages, start=1):
        assert f"Pagina {n} di {len(pages)}" in page.extract_text()
    assert (out.stat().st_mode & 0o777) == 0o600
    exported = store.query(
        "SELECT who FROM audit_log WHERE action = 'exported' AND table_name = 'person'"
        " AND row_id = ?",
        [person["id"]],
    )
    assert exported == [{"who": session.user.username}]
    # The export is listed in the next one, as who saw the record.
    again = rights.export_person(session, person["id"], tmp_path / "dati2.pdf")
    assert "ha esportato" in " ".join(p.extract_text() for p in PdfReader(again).pages)


def test_an_access_copy_whose_record_fails_to_commit_is_not_left_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy of a person's record and its audit row, all or nothing: the file was moved
    into place before the COMMIT, so a commit that failed left her data out unrecorded."""
    from casa_desk.errors import StorageError
    from casa_desk.store.journal import Journal

    session = new_session(tmp_path / "store.sqlite")
    person = People(session.store).register(
        {"last_name": "Copia", "first_name": "Ada"}, presidio="SAN-SIRO"
    )
    out = tmp_path / "copia" / "dati.pdf"
    out.parent.mkdir()

    def fails(_journal: Journal) -> None:
        raise StorageError("disco pieno", code="disk")

    monkeypatch.setattr(Journal, "_persist_clock", fails)
    with pytest.raises(StorageError):
        rights.export_person(session, person["id"], out)
    monkeypatch.undo()
    assert list(out.parent.iterdir()) == []
    exported = session.store.db.execute(
        "SELECT count(*) FROM audit_log WHERE action = ?", [AuditAction.EXPORTED.value]
    )
    assert exported.fetchone()[0] == 0


def test_an_operator_may_neither_erase_nor_export(tmp_path: Path) -> None:
    from casa_desk.security import accounts

    session = new_session(tmp_path / "store.sqlite")
    person = _person(session.store)
    accounts.add_user(
        session, "op.uno", full_name="Op Uno", role="operatore", password="una frase lunga ok"
    )
    operator = session_for(session.store, username="op.uno", password="una frase lunga ok")
    with pytest.raises(PermissionDenied):
        rights.erase_person(operator, person["id"], "richiesta scritta n. 1")
    with pytest.raises(PermissionDenied):
        rights.export_person(operator, person["id"], tmp_path / "x.pdf")
    assert People(session.store).get(person["id"])["last_name"] == "Quintiliani"
    assert not (tmp_path / "x.pdf").exists()


def test_the_commands_export_erase_and_retention(tmp_path: Path, capsys) -> None:
    from casa_desk.cli import main

    path = tmp_path / "store.sqlite"
    session = new_session(path)
    person = _person(session.store)
    session.store.close()
    out = tmp_path / "dati.pdf"
    # The administrator of the test store may not see sensitive content: a riservato
    # person's export asks for the break-glass first, with one line and no file.
    assert main(["person", "export", "--db", str(path), "--cf", CF, "--out", str(out)]) != 0
    assert "riservata" in capsys.readouterr().err and not out.exists()
    assert main(["person", "erase", "--db", str(path), "--cf", "RSSMRA80A01F205X",
                 "--reason", "richiesta scritta n. 4", "--yes"]) != 0  # fmt: skip
    assert "Nessuna persona" in capsys.readouterr().err
    code = main(["person", "erase", "--db", str(path), "--id", person["id"],
                 "--reason", "richiesta scritta n. 4", "--yes"])  # fmt: skip
    assert code == 0 and "cancellati" in capsys.readouterr().out
    # Still riservato after the erasure (its sensitive categories remain): the reason first,
    # and then the copy still names them, which only a user with permission may print.
    export = ["person", "export", "--db", str(path), "--id", person["id"], "--out", str(out)]
    assert main([*export, "--break-glass", "richiesta di accesso n. 5"]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "casa-desk: I dati di questa persona comprendono contenuti riservati (salute, "
        "violenza): la copia deve prepararla un utente con il permesso di vederli."
    ]
    assert not out.exists()
    from casa_desk.security import accounts

    with open_store(path) as store:
        admin = session_for(store)
        accounts.change_user(admin, admin.user.username, may_see_sensitive=True)
    assert main(export) == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Quintiliani" not in text and "Dati anonimizzati il" in text
    assert main(["retention", "--db", str(path), "--dry-run", "--as-of", "2040-01-01"]) == 0
    assert "Persone da anonimizzare: 0" in capsys.readouterr().out
    with pytest.raises(SystemExit):  # one line, as every bad argument
        main(["retention", "--db", str(path), "--as-of", "2040-13-01"])
    assert "non è una data" in capsys.readouterr().err


def test_erase_says_what_it_did_in_one_line(tmp_path: Path, capsys) -> None:
    """It printed "(1 righe)", and on two lines."""
    from casa_desk.cli import main

    path = tmp_path / "store.sqlite"
    session = new_session(path)
    bare = People(session.store).register(
        {"first_name": "Solo", "last_name": "Anagrafica"}, presidio="SAN-SIRO"
    )
    full = _person(session.store)
    session.store.close()
    said = []
    for person in (bare, full):
        argv = ["person", "erase", "--db", str(path), "--id", person["id"]]
        assert main([*argv, "--reason", "richiesta scritta n. 6", "--yes"]) == 0
        said.append(capsys.readouterr().out)
    tail = "; gli altri uffici li cancellano alla prossima sincronizzazione.\n"
    assert said[0] == f"Dati della persona cancellati (1 riga){tail}"
    assert re.fullmatch(rf"Dati della persona cancellati \([2-9]\d* righe\){tail}", said[1])


def test_a_bug_in_a_command_prints_its_traceback_without_the_person(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """A bug reaching the command line is a traceback for the maintainer, not Python's,
    which ends with the exception's text: here the codice fiscale the command was given."""
    from casa_desk.cli import main

    path = tmp_path / "store.sqlite"
    session = new_session(path)
    person = _person(session.store)
    session.store.close()

    def broken(_session, person_id, _out):  # type: ignore[no-untyped-def]
        row = People(_session.store).get(person_id)
        raise ValueError(f"{row['last_name']} {row['codice_fiscale']} {row['phone']}")

    monkeypatch.setattr(rights, "export_person", broken)
    code = main(["person", "export", "--db", str(path), "--cf", CF,
                 "--out", str(tmp_path / "x.pdf"), "--break-glass", "richiesta n. 6"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" in err and err.rstrip().endswith("ValueError")
    for value in (CF, person["last_name"], person["phone"]):
        assert value not in err


def test_a_letter_of_a_riservato_person_asks_what_the_window_asks(tmp_path: Path, capsys) -> None:
    """``casa-desk letter`` printed any referral's letter (the person's name, the reason)
    for any operator: a riservato person's asks the break-glass reason, and a sensitive
    referral (anti-violence) is for users who may see sensitive content only."""
    from casa_desk.cli import main

    path = tmp_path / "store.sqlite"
    session = new_session(path)  # an administrator without permission for sensitive content
    person = _person(session.store)
    refs = Referrals(session.store)
    [job] = [r["id"] for r in session.store.query("SELECT id FROM referrals")]
    shelter = Directory(session.store).save_service(
        {"name": "Casa rifugio", "kind": "antiviolenza"}
    )
    Consents(session.store).give(
        person["id"], referral_purpose(shelter["id"]), text="Acconsento",
        presidio="SAN-SIRO", operator="op",
    )  # fmt: skip
    secret = refs.create(
        person_id=person["id"], service_id=shelter["id"], reason="Fugge da Pescegatto",
        request="Posto letto", presidio="SAN-SIRO", by="op",
    )["id"]  # fmt: skip
    session.store.close()
    out = tmp_path / "lettera.pdf"
    letter = ["letter", "--db", str(path), "--out", str(out), "--referral"]
    assert main([*letter, job]) == 1
    assert "motivo dell'accesso" in capsys.readouterr().err and not out.exists()
    assert main([*letter, secret, "--break-glass", "richiesta del servizio n. 7"]) == 1
    assert "riservati non concesso" in capsys.readouterr().err and not out.exists()
    assert main([*letter, job, "--break-glass", "richiesta del servizio n. 7"]) == 0
    assert "Quintiliani" in " ".join(p.extract_text() for p in PdfReader(out).pages)
    with open_store(path) as store:
        actions = [r["action"] for r in store.query("SELECT action FROM audit_log")]
    assert "break_glass" in actions and "printed" in actions


def test_a_break_glass_reason_that_names_the_person_is_refused_by_the_commands(
    tmp_path: Path, capsys
) -> None:
    """``--break-glass "richiesta di Quintiliani"`` was written to the audit log as typed
    (and to its CSV). Now ``person export`` and ``letter`` say why in one line, status 1,
    no file, nothing audited as granted; a reason that says why still works."""
    from casa_desk.cli import main

    path = tmp_path / "store.sqlite"
    session = new_session(path)  # an administrator without permission for sensitive content
    person = _person(session.store)
    [job] = [r["id"] for r in session.store.query("SELECT id FROM referrals")]
    session.store.close()
    out = tmp_path / "uscita.pdf"
    export = ["person", "export", "--db", str(path), "--id", person["id"], "--out", str(out)]
    letter = ["letter", "--db", str(path), "--referral", job, "--out", str(out)]
    said = (
        "casa-desk: Il motivo non deve contenere nome, codice fiscale, telefono, e-mail o "
        "codice alloggio della persona: descrivi il motivo, non chi è."
    )
    for argv, reason in (
        (export, "richiesta scritta di zebedeo quintiliani"),
        (export, f"verifica {CF.lower()}"),
        (letter, "per QUINTILIANI, richiesta del servizio"),
        (letter, "richiamare il 347 123 9876"),
        (letter, "347 000 1111"),  # a phone number, anyone's, and nothing else
    ):
        assert main([*argv, "--break-glass", reason]) == 1, reason
        assert capsys.readouterr().err.strip().splitlines() == [said]
        assert not out.exists()
    with open_store(path) as store:
        assert store.query("SELECT 1 FROM audit_log WHERE action = 'break_glass'") == []
        assert store.query("SELECT 1 FROM audit_log WHERE action = 'printed'") == []
    assert main([*letter, "--break-glass", "richiesta del servizio n. 8"]) == 0
    with open_store(path) as store:
        reasons = [r["reason"] for r in store.query(
            "SELECT reason FROM audit_log WHERE action = 'break_glass'")]  # fmt: skip
    assert reasons == ["richiesta del servizio n. 8"]


def test_an_access_copy_holding_sensitive_entries_is_for_users_who_may_see_them(
    tmp_path: Path,
) -> None:
    """After a break-glass, a user without permission to see sensitive content sees the
    card's name and details but never its sensitive entries (docs/security.md), and may not
    print the letter of an anti-violence referral. The access PDF printed them all: the
    domestic-violence note, the anti-violence service. Refused now with its own code, no
    file and nothing audited as exported; a user with permission writes the whole copy."""
    from casa_desk.errors import CasaError
    from casa_desk.security import accounts

    session = new_session(tmp_path / "store.sqlite")  # an administrator without permission
    store = session.store
    person = _person(store)
    out = tmp_path / "dati.pdf"
    session.break_glass(person["id"], "Richiesta di accesso ai dati")
    with pytest.raises(CasaError) as refused:
        rights.export_person(session, person["id"], out)
    assert refused.value.code == "export_sensitive_forbidden"
    assert "permesso" in refused.value.message
    assert not out.exists()
    # A consent for an anti-violence centre alone (no referral yet, so not riservato) names
    # what the person faces just the same.
    other = People(store).register(
        {"first_name": "Ada", "last_name": "Solaris", "gender": "F"}, presidio="SAN-SIRO"
    )
    shelter = Directory(store).save_service({"name": "Casa rifugio", "kind": "antiviolenza"})
    consents = Consents(store)
    consents.give(
        other["id"], referral_purpose(shelter["id"]), text="Acconsento",
        presidio="SAN-SIRO", operator="op",
    )  # fmt: skip
    assert not session.needs_break_glass(other["id"])
    with pytest.raises(CasaError, match="permesso"):
        rights.export_person(session, other["id"], out)
    assert not out.exists()
    assert store.query("SELECT 1 FROM audit_log WHERE action = 'exported'") == []
    # Nothing sensitive held: the copy is written for any coordinator.
    plain = People(store).register(
        {"first_name": "Bruno", "last_name": "Lineare", "gender": "M"}, presidio="SAN-SIRO"
    )
    rights.export_person(session, plain["id"], out)
    assert "Lineare" in " ".join(p.extract_text() for p in PdfReader(out).pages)
    out.unlink()
    # With permission, the whole copy.
    accounts.change_user(session, session.user.username, may_see_sensitive=True)
    allowed = session_for(store)
    rights.export_person(allowed, person["id"], out)
    assert "Racconta di Pescegatto" in " ".join(p.extract_text() for p in PdfReader(out).pages)
