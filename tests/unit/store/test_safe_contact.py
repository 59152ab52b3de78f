"""Safe-contact instructions (issue 11): recorded per person and office, the flags always
shown and the rest masked for users without permission, next to every follow-up, printed on
nothing the person takes home, erased with the person."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from login_helpers import new_store, open_store
from pypdf import PdfReader

from casa_desk.cli import main
from casa_desk.models.timeutil import today_rome
from casa_desk.models.vocab import AuditAction
from casa_desk.reports import person_file
from casa_desk.reports.letter import print_letter
from casa_desk.store import retention
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.safe_contact import SafeContacts

SAFE = {"phone": "333 777 8899", "hours": "solo martedì 10-12", "note": "Usare Ornitorinco"}


def _ada(store) -> dict:
    ada = People(store).register(
        {"first_name": "Ada", "last_name": "Esempio", "phone": "02 1234 5678"},
        presidio="SAN-SIRO",
    )
    SafeContacts(store).save(ada["id"], presidio="SAN-SIRO", no_post=True, **SAFE)
    return ada


def test_instructions_are_masked_but_the_flags_never_are(store) -> None:
    ada = _ada(store)
    safe = SafeContacts(store)
    full = safe.get(ada["id"], "SAN-SIRO")
    assert full["phone"] == "+393337778899" and full["hours"] == SAFE["hours"]
    assert (full["no_calls"], full["no_post"]) == (0, 1)
    masked = safe.get(ada["id"], "SAN-SIRO", masked=True)
    assert (masked["phone"], masked["hours"], masked["note"]) == (None, None, None)
    assert masked["no_post"] == 1
    assert safe.get(ada["id"], "MAZZINI") is None  # the office's own, like sensitive rows
    safe.save(ada["id"], presidio="SAN-SIRO", no_calls=True)
    again = safe.get(ada["id"], "SAN-SIRO")
    assert (again["phone"], again["no_calls"], again["no_post"]) == (None, 1, 0)
    safe.clear(ada["id"], "SAN-SIRO")
    assert safe.get(ada["id"], "SAN-SIRO") is None
    assert store.db.execute("SELECT count(*) FROM safe_contacts").fetchone() == (1,)


def test_every_follow_up_carries_the_instructions(store) -> None:
    ada = _ada(store)
    today = today_rome()
    Contacts(store).log(
        {
            "person_id": ada["id"],
            "category": "sociale",
            "summary": "Richiamare",
            "follow_up_on": today.isoformat(),
        },
        presidio="SAN-SIRO",
        operator="op",
    )
    contacts = Contacts(store)
    row = contacts.agenda("SAN-SIRO", today)["today"][0]
    assert (row["safe_no_post"], row["safe_hours"]) == (1, SAFE["hours"])
    for masked in (False, True):
        page = contacts.follow_ups(
            "SAN-SIRO", start=None, end=today + timedelta(days=1), masked=masked
        )
        assert page[0]["safe_no_post"] == 1
        assert page[0]["safe_phone"] == (None if masked else "+393337778899")


def test_nothing_the_person_takes_home_prints_them(store, tmp_path: Path) -> None:
    ada = _ada(store)
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        ada["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referrals = Referrals(store)
    referral = referrals.create(
        person_id=ada["id"], service_id=service["id"], reason="Lavoro", presidio="SAN-SIRO", by="op"
    )
    referrals.step(referral["id"], "sent", by="op")
    letter = print_letter(store, referral["id"], tmp_path / "lettera.pdf", by="op")
    access = tmp_path / "dati.pdf"
    access.write_bytes(person_file.render(person_file.collect(store, ada["id"])))
    for pdf in (letter, access):
        text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
        for value in ("777 8899", "7778899", "martedì", "Ornitorinco"):
            assert value not in text, (pdf.name, value)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(access).pages).split())
    assert "Le conserviamo ma non le stampiamo" in text


def test_erasure_takes_them_too(store) -> None:
    ada = _ada(store)
    retention.anonymise(
        store, ada["id"], on=date(2026, 11, 30), who="op", action=AuditAction.ERASED
    )
    row = store.query("SELECT phone, hours, note FROM safe_contacts")[0]
    assert row == {"phone": None, "hours": None, "note": None}


def test_m013_adds_the_table_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store.open(path, create=True)
    ada = People(store).register({"first_name": "Ada", "last_name": "Prima"}, presidio="SAN-SIRO")
    with store.transaction():
        for name in ("insert", "update", "delete"):
            store.db.execute(f"DROP TRIGGER casa_guard_safe_contacts_{name}")
        store.db.execute("DROP TABLE safe_contacts")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm013_rights_safe_contacts'")
    store.close()
    store = Store.open(path)
    assert store.query("SELECT last_name FROM people") == [{"last_name": "Prima"}]
    SafeContacts(store).save(ada["id"], presidio="SAN-SIRO", no_calls=True)
    assert SafeContacts(store).get(ada["id"], "SAN-SIRO")["no_calls"] == 1
    store.close()


@pytest.mark.parametrize("flag", ["no_calls", "no_post"])
def test_the_letter_sends_the_service_to_the_office_not_to_her_home(
    tmp_path: Path, flag: str
) -> None:
    # `casa-desk letter`, as the window's: no registry phone to call the tenancy on, no
    # invitation to write to her; neutral words, never why (others may read the letter).
    db = tmp_path / "store.sqlite"
    store = new_store(db)
    ada = _ada_referred(store)
    out = tmp_path / "prima.pdf"
    assert main(["letter", "--db", str(db), "--referral", ada["referral"], "--out", str(out)]) == 0
    before = _words(out)
    assert "02 1234 5678" in before and "tramite il presidio" not in before
    store = open_store(db)
    SafeContacts(store).save(ada["id"], presidio="SAN-SIRO", **{flag: True}, **SAFE)
    store.close()
    out = tmp_path / "dopo.pdf"
    assert main(["letter", "--db", str(db), "--referral", ada["referral"], "--out", str(out)]) == 0
    after = _words(out)
    for value in ("02 1234 5678", "021234 5678", "777 8899", "martedì", "Ornitorinco"):
        assert value not in after, value
    assert "Contatti tramite il presidio" in after
    assert "Per contattare la persona rivolgersi al presidio." in after
    assert "Esempio" in after  # still the person's letter


def _ada_referred(store: Store) -> dict:
    ada = People(store).register(
        {"first_name": "Ada", "last_name": "Esempio", "phone": "02 1234 5678"},
        presidio="SAN-SIRO",
    )
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        ada["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referrals = Referrals(store)
    referral = referrals.create(
        person_id=ada["id"], service_id=service["id"], reason="Lavoro", presidio="SAN-SIRO", by="op"
    )
    referrals.step(referral["id"], "sent", by="op")
    store.close()
    return {"id": ada["id"], "referral": referral["id"]}


def _words(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
