"""Merging two records of one person (issue 9, item 4): the chosen values, everything of the
duplicate moved through the journal, one card per codice fiscale, and who may merge."""

from __future__ import annotations

from datetime import date

import pytest

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.store.consents import Consents
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.tables import HEAD_OFFICE

CF = make_cf("Rossetti", "Anna", date(1980, 1, 1), "F", "F205")
SOCIAL = "comune-servizi-sociali"


def _two(store, *, dup_office: str = "SAN-SIRO"):
    people = People(store)
    survivor = people.register(
        {"last_name": "Rossetti", "first_name": "Anna", "phone": "3331112222",
         "street": "Via Uno", "notes": "Prima nota."},
        presidio="SAN-SIRO",
    )  # fmt: skip
    duplicate = people.register(
        {"last_name": "Rossetti", "first_name": "Annamaria", "phone": "3331112222",
         "codice_fiscale": CF, "street": "Via Due", "household_id": "hh-1",
         "notes": "Seconda nota."},
        presidio=dup_office,
    )  # fmt: skip
    return survivor, duplicate


def _service(store) -> str:
    return store.query("SELECT id FROM services WHERE code = ?", [SOCIAL])[0]["id"]


def test_chosen_values_win_and_everything_moves(store) -> None:
    survivor, duplicate = _two(store)
    contacts, consents, referrals = Contacts(store), Consents(store), Referrals(store)
    contact = contacts.log(
        {"person_id": duplicate["id"], "category": "altro", "summary": "Passato"},
        presidio="SAN-SIRO",
        operator="op",
    )
    consent = consents.give(
        duplicate["id"], f"referral:{_service(store)}", text="Sì", presidio="SAN-SIRO",
        operator="op",
    )  # fmt: skip
    referral = referrals.create(
        person_id=duplicate["id"], service_id=_service(store), reason="Aiuto",
        presidio="SAN-SIRO", by="op",
    )  # fmt: skip
    before = store.pending_changes()
    moved = People(store).merge(
        duplicate["id"],
        survivor["id"],
        choices={"street": "Via Due"},
        presidio="SAN-SIRO",
        operator="op.merge",
    )
    after = People(store).get(survivor["id"])
    assert after["street"] == "Via Due"  # chosen
    assert after["first_name"] == "Anna"  # not chosen: the survivor's
    assert after["codice_fiscale"] == CF and after["household_id"] == "hh-1"  # filled
    assert after["notes"] == "Prima nota.\nSeconda nota."
    assert People(store).get(duplicate["id"])["merged_into"] == survivor["id"]
    assert (moved.contacts, moved.consents, moved.referrals) == (1, 1, 1)
    [current] = contacts.history([survivor["id"]])
    assert current["amends_id"] == contact["id"] and current["summary"] == "Passato"
    assert contacts.history([duplicate["id"]]) == []
    assert store.query("SELECT person_id FROM consents WHERE id = ?", [consent["id"]]) == [
        {"person_id": survivor["id"]}
    ]
    assert referrals.get(referral["id"])["person_id"] == survivor["id"]
    # every change went through the journal: it syncs
    assert store.pending_changes() - before >= 5


def test_the_enrolment_moves_to_a_survivor_without_one(store) -> None:
    survivor, duplicate = _two(store)
    with store.transaction() as journal:
        journal.insert(
            "participants", {"person_id": duplicate["id"], "entered_on": "2026-01-10"},
            presidio="SAN-SIRO",
        )  # fmt: skip
    assert People(store).merge(duplicate["id"], survivor["id"], presidio="SAN-SIRO").enrolments == 1
    assert store.query("SELECT person_id FROM participants WHERE deleted = 0") == [
        {"person_id": survivor["id"]}
    ]


def test_only_the_registering_office_or_head_office_merges_a_person_away(store) -> None:
    survivor, duplicate = _two(store, dup_office="MAZZINI")
    people = People(store)
    with pytest.raises(ValidationError) as info:
        people.merge(duplicate["id"], survivor["id"], presidio="SAN-SIRO")
    assert info.value.code == "merge_not_owner"
    assert people.get(duplicate["id"])["merged_into"] is None
    people.merge(survivor["id"], duplicate["id"], presidio="SAN-SIRO")  # the other way: ours
    assert people.get(survivor["id"])["merged_into"] == duplicate["id"]


def test_head_office_may_merge_any(store) -> None:
    survivor, duplicate = _two(store, dup_office="MAZZINI")
    People(store).merge(duplicate["id"], survivor["id"], presidio=HEAD_OFFICE)
    assert People(store).get(duplicate["id"])["merged_into"] == survivor["id"]


def test_one_card_per_codice_fiscale(store) -> None:
    people = People(store)
    first = people.register(
        {"last_name": "Rossetti", "first_name": "Anna", "codice_fiscale": CF},
        presidio="SAN-SIRO",
    )
    before = store.query("SELECT count(*) AS n FROM people")[0]["n"]
    with pytest.raises(ValidationError) as info:
        people.register(
            {"last_name": "Rossetti", "first_name": "Anna", "codice_fiscale": CF.lower()},
            presidio="SAN-SIRO",
        )
    assert (info.value.code, info.value.field) == ("cf_exists", "codice_fiscale")
    assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == before
    other = people.register({"last_name": "Altro", "first_name": "Ugo"}, presidio="SAN-SIRO")
    with pytest.raises(ValidationError):
        people.update(other["id"], {"codice_fiscale": CF})
    assert people.with_cf(CF)["id"] == first["id"]
    people.update(first["id"], {"codice_fiscale": CF, "notes": "stesso CF, nessun problema"})


def _erase(store, person_id: str) -> None:
    from casa_desk.models.vocab import AuditAction
    from casa_desk.store.retention import anonymise

    anonymise(store, person_id, on=date(2026, 11, 2), who="prova.admin",
              action=AuditAction.ERASED, reason="richiesta art. 17")  # fmt: skip


def _everything(store) -> dict[str, list[dict]]:
    return {t: store.query(f"SELECT * FROM {t} ORDER BY id")
            for t in ("people", "contacts", "consents", "referrals", "participants")}  # fmt: skip


@pytest.mark.parametrize("erased", ["duplicate", "survivor"])
def test_an_erased_person_is_merged_with_nobody(store, erased: str) -> None:
    """An erased person's record (art. 17, or past retention) is merged neither away nor
    into. Merged away, her history — a domestic-violence contact, its dates — moved to a
    live card, tying what was erased to a name again, and her birth date cut to its month
    ('1980-01') filled the survivor's empty one. Erasure arrives by sync while the card and
    its merge dialog are open, so the merge itself must refuse."""
    survivor, duplicate = _two(store)
    People(store).update(duplicate["id"], {"birth_date": "1980-01-01"})
    Contacts(store).log(
        {"person_id": duplicate["id"], "category": "violenza_domestica", "summary": "Colloquio"},
        presidio="SAN-SIRO",
        operator="op",
    )
    _erase(store, duplicate["id"] if erased == "duplicate" else survivor["id"])
    before, pending = _everything(store), store.pending_changes()
    with pytest.raises(ValidationError) as info:
        People(store).merge(duplicate["id"], survivor["id"], presidio="SAN-SIRO")
    assert info.value.code == "merge_anonymised"
    assert info.value.message == (
        "I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre."
    )
    assert _everything(store) == before and store.pending_changes() == pending


@pytest.mark.parametrize("deleted", ["duplicate", "survivor"])
def test_a_deleted_record_is_merged_with_nobody(store, deleted: str) -> None:
    """A deleted record is merged neither away nor into: merged into one, the duplicate and
    everything it had vanished from every list and search with it."""
    survivor, duplicate = _two(store)
    Contacts(store).log(
        {"person_id": duplicate["id"], "category": "altro", "summary": "Passato"},
        presidio="SAN-SIRO",
        operator="op",
    )
    with store.transaction() as journal:
        journal.delete("people", duplicate["id"] if deleted == "duplicate" else survivor["id"])
    before, pending = _everything(store), store.pending_changes()
    with pytest.raises(ValidationError) as info:
        People(store).merge(duplicate["id"], survivor["id"], presidio="SAN-SIRO")
    assert info.value.code == "merge_deleted"
    assert info.value.message == "La scheda scelta è stata eliminata: non si unisce ad altre."
    assert _everything(store) == before and store.pending_changes() == pending
