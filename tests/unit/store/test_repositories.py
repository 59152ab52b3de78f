"""Repositories: the rules that need the database (duplicates, corrections, consent, agenda)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from casa_desk.errors import ConsentError, TransitionError, ValidationError
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.search import search_people

CF = make_cf("Esempio", "Ada", date(1980, 5, 3), "F", "F205")


def person(store, **extra):
    values = {
        "first_name": "Ada",
        "last_name": "Esempio",
        "birth_date": "1980-05-03",
        "gender": "F",
        **extra,
    }
    return People(store).register(values, presidio="SAN-SIRO")


def test_register_refuses_a_wrong_cf_and_saves_nothing(store) -> None:
    bad = CF[:-1] + ("A" if CF[-1] != "A" else "B")
    with pytest.raises(ValidationError) as info:
        person(store, codice_fiscale=bad)
    assert info.value.field == "codice_fiscale"
    assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 0


def test_search_finds_by_surname_cf_phone_and_unit(store) -> None:
    ada = person(store, codice_fiscale=CF, phone="333 123 4567", unit_code="SS-0042")
    for text in ("esem", "ada esem", CF[:6].lower(), "333 12", "3331234", "SS-0042", "0042"):
        assert [r["id"] for r in search_people(store.db, text)] == [ada["id"]], text
    assert search_people(store.db, '"*) OR (') == []


def test_duplicates_are_found_and_merged(store) -> None:
    people = People(store)
    first = person(store, codice_fiscale=CF)
    found = people.possible_duplicates(
        {"first_name": "ADA", "last_name": "esempio", "birth_date": "1980-05-03"}
    )
    assert [(row["id"], set(reasons)) for row, reasons in found] == [
        (first["id"], {"same_name_birth"})
    ]
    second = person(store, phone="3330001111")
    people.merge(second["id"], first["id"])
    assert people.get(first["id"])["phone"] == "+393330001111"
    assert people.merged_ids(first["id"]) == [first["id"], second["id"]]
    assert [r["id"] for r in search_people(store.db, "esempio")] == [first["id"]]


def test_contacts_are_insert_only_and_corrections_count_once(store) -> None:
    contacts = Contacts(store)
    ada = person(store)
    original = contacts.log(
        {"person_id": ada["id"], "category": "manutenzione", "summary": "Caldaia"},
        presidio="SAN-SIRO",
        operator="op",
    )
    fixed = contacts.amend(original["id"], {"summary": "Caldaia in blocco"}, operator="op")
    assert fixed["amends_id"] == original["id"]
    assert [c["summary"] for c in contacts.history([ada["id"]])] == ["Caldaia in blocco"]
    with pytest.raises(ValidationError, match="già stato corretto"):
        contacts.amend(original["id"], {"summary": "x"}, operator="op")
    contacts.remove(fixed["id"], operator="op")
    assert contacts.history([ada["id"]]) == []
    assert store.query("SELECT count(*) AS n FROM contacts")[0]["n"] == 3


def test_sensitive_category_marks_the_contact(store) -> None:
    row = Contacts(store).log(
        {"category": "violenza_domestica", "summary": "Colloquio"},
        presidio="SAN-SIRO",
        operator="op",
    )
    assert row["sensitive"] == 1 and row["person_id"] is None


def test_contact_validation(store) -> None:
    contacts = Contacts(store)
    for values, field in [
        ({"category": "nope", "summary": "x"}, "category"),
        ({"category": "altro", "summary": " "}, "summary"),
        ({"category": "altro", "summary": "x", "minutes": -3}, "minutes"),
        ({"category": "altro", "summary": "x", "channel": "fax"}, "channel"),
    ]:
        with pytest.raises(ValidationError) as info:
            contacts.log(values, presidio="SAN-SIRO", operator="op")
        assert info.value.field == field


def test_agenda_buckets(store) -> None:
    contacts, today = Contacts(store), date(2026, 3, 10)
    for delta in (-2, 0, 3, 20):
        contacts.log(
            {
                "category": "altro",
                "summary": f"d{delta}",
                "follow_up_on": today + timedelta(days=delta),
            },
            presidio="SAN-SIRO",
            operator="op",
        )
    agenda = contacts.agenda("SAN-SIRO", today)
    assert [[r["summary"] for r in agenda[k]] for k in ("overdue", "today", "week")] == [
        ["d-2"],
        ["d0"],
        ["d3"],
    ]
    contacts.mark_follow_up_done(agenda["overdue"][0]["id"], operator="op")
    assert contacts.agenda("SAN-SIRO", today)["overdue"] == []


def test_referral_needs_live_consent_and_withdrawal_stops_it(store) -> None:
    ada = person(store)
    service = Directory(store).save_service({"name": "Consultorio prova", "kind": "salute"})
    referrals = Referrals(store)
    referral = referrals.create(
        person_id=ada["id"], service_id=service["id"], reason="Visita", presidio="SAN-SIRO", by="op"
    )
    assert referral["sensitive"] == 1  # health service
    with pytest.raises(ConsentError):
        referrals.step(referral["id"], "sent", by="op")
    consent = Consents(store).give(
        ada["id"],
        referral_purpose(service["id"]),
        text="Acconsento",
        presidio="SAN-SIRO",
        operator="op",
    )
    Consents(store).withdraw(consent["id"])
    with pytest.raises(ConsentError):
        referrals.step(referral["id"], "sent", by="op")
    Consents(store).give(
        ada["id"],
        referral_purpose(service["id"]),
        text="Acconsento",
        presidio="SAN-SIRO",
        operator="op",
    )
    assert referrals.step(referral["id"], "sent", by="op") == "inviata"
    with pytest.raises(TransitionError):
        referrals.step(referral["id"], "closed", by="op")
    assert [e["event"] for e in referrals.events(referral["id"])] == ["created", "sent"]


def test_overdue_referrals_are_filtered_in_sql_beyond_any_page(store) -> None:
    """600 open referrals, the oldest overdue: a page limit must not hide it."""
    ada = person(store)
    service = Directory(store).save_service({"name": "Sportello prova", "kind": "legale"})
    referrals = Referrals(store)
    late = referrals.create(
        person_id=ada["id"],
        service_id=service["id"],
        reason="Vecchia",
        presidio="SAN-SIRO",
        by="op",
        due_on=date(2026, 1, 5),
    )
    for _ in range(600):
        referrals.create(
            person_id=ada["id"],
            service_id=service["id"],
            reason="Nuova",
            presidio="SAN-SIRO",
            by="op",
            due_on=date(2026, 12, 31),
        )
    assert [r["id"] for r in referrals.overdue("SAN-SIRO", date(2026, 2, 1))] == [late["id"]]
