"""Issue 11, consent lifecycle: withdrawal holds open referrals (a synced event with its
reason), the letter is refused, a new consent resumes them, an expired consent behaves as a
withdrawn one (by date, no job), and the agenda's consents expiring within 30 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from casa_desk.errors import ConsentError, TransitionError
from casa_desk.models.timeutil import today_rome
from casa_desk.reports.letter import load_letter, print_letter
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals


def _sent_referral(store, *, expires_on: date | None = None):
    ada = People(store).register(
        {"first_name": "Ada", "last_name": "Esempio", "birth_date": "1980-05-03", "gender": "F"},
        presidio="SAN-SIRO",
    )
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    consent = Consents(store).give(
        ada["id"],
        referral_purpose(service["id"]),
        text="Acconsento",
        presidio="SAN-SIRO",
        operator="op",
        expires_on=expires_on,
    )
    referrals = Referrals(store)
    referral = referrals.create(
        person_id=ada["id"], service_id=service["id"], reason="Lavoro", presidio="SAN-SIRO", by="op"
    )
    referrals.step(referral["id"], "sent", by="op")
    return ada, service, consent, referral


def test_withdrawal_holds_the_referral_blocks_the_letter_and_a_new_consent_resumes(
    store, tmp_path
) -> None:
    ada, service, consent, referral = _sent_referral(store)
    referrals = Referrals(store)
    assert load_letter(store, referral["id"]).number  # printable while the consent is live
    assert Consents(store).withdraw(consent["id"], by="op") == 1
    events = referrals.events(referral["id"])
    assert [e["event"] for e in events] == ["created", "sent", "held"]
    assert events[-1]["note"].startswith("consenso revocato il ")
    # The status is unchanged: the referral is still sent, but on hold, with a reason.
    assert referrals.status(referral["id"]) == "inviata"
    hold = referrals.hold(referral["id"])
    assert hold is not None and hold.code == "withdrawn" and "revocato" in hold.reason
    listed = referrals.list(person_id=ada["id"])[0]
    assert (listed["held"], listed["held_reason"]) == (1, events[-1]["note"])
    out = tmp_path / "lettera.pdf"
    with pytest.raises(ConsentError):
        print_letter(store, referral["id"], out, by="op")
    assert not out.exists()
    # Holding and resuming are the consent's doing, never a step a user takes.
    with pytest.raises(TransitionError):
        referrals.step(referral["id"], "resumed", by="op")
    Consents(store).give(
        ada["id"],
        referral_purpose(service["id"]),
        text="Acconsento di nuovo",
        presidio="SAN-SIRO",
        operator="op",
    )
    assert [e["event"] for e in referrals.events(referral["id"])][-1] == "resumed"
    assert referrals.hold(referral["id"]) is None
    assert referrals.list(person_id=ada["id"])[0]["held"] == 0
    print_letter(store, referral["id"], out, by="op")
    assert out.read_bytes().startswith(b"%PDF")


def test_an_expired_consent_holds_like_a_withdrawn_one_without_any_event(store) -> None:
    today = today_rome()
    _, _, _, referral = _sent_referral(store, expires_on=today + timedelta(days=3))
    referrals = Referrals(store)
    assert referrals.hold(referral["id"]) is None
    later = today + timedelta(days=4)
    hold = referrals.hold(referral["id"], today=later)
    assert hold is not None and hold.code == "expired" and "scaduto" in hold.reason
    assert [e["event"] for e in referrals.events(referral["id"])] == ["created", "sent"]
    # Sending again (a reopening) needs a live consent on that day, as a withdrawal would.
    referrals.step(referral["id"], "cancelled", by="op")
    with pytest.raises(ConsentError):
        referrals.step(referral["id"], "reopened", by="op", today=later)


def test_a_draft_is_not_held_and_a_closed_referral_never_is(store) -> None:
    ada, service, consent, referral = _sent_referral(store)
    referrals = Referrals(store)
    draft = referrals.create(
        person_id=ada["id"], service_id=service["id"], reason="Bozza", presidio="SAN-SIRO", by="op"
    )
    referrals.step(referral["id"], "taken_in_charge", by="op")
    referrals.step(referral["id"], "closed", by="op")
    assert Consents(store).withdraw(consent["id"], by="op") == 0
    assert referrals.hold(referral["id"]) is None
    assert referrals.hold(draft["id"]) is None
    with pytest.raises(ConsentError):  # the draft still needs a consent to be sent
        referrals.step(draft["id"], "sent", by="op")


def test_the_agenda_lists_consents_expiring_within_30_days(store) -> None:
    today = today_rome()
    ada, service, _, _ = _sent_referral(store, expires_on=today + timedelta(days=30))
    consents = Consents(store)
    consents.give(
        ada["id"],
        "registry",
        text="Registro",
        presidio="SAN-SIRO",
        operator="op",
        expires_on=today + timedelta(days=31),
    )
    soon = consents.give(
        ada["id"],
        "registry",
        text="Registro",
        presidio="SAN-SIRO",
        operator="op",
        expires_on=today,
    )
    rows = consents.expiring("SAN-SIRO", today)
    assert [r["expires_on"] for r in rows] == [
        today.isoformat(),
        (today + timedelta(days=30)).isoformat(),
    ]
    assert rows[0]["id"] == soon["id"] and rows[0]["last_name"] == "Esempio"
    assert rows[1]["service_name"] == "Sportello lavoro"
    assert consents.expiring("SAN-SIRO", today - timedelta(days=1), within=0) == []
    consents.withdraw(soon["id"])
    assert [r["id"] for r in consents.expiring("SAN-SIRO", today)] != [soon["id"]]
    assert consents.expiring("ALTRO", today) == []


def test_a_letter_whose_record_fails_to_commit_is_not_left_on_disk(
    store, tmp_path, monkeypatch
) -> None:
    """The letter and its audit row, all or nothing: the file was moved into place before the
    transaction committed, so a commit that failed (the clock's persistence here; a full
    disk, a lock) left a letter with a person's data out without its record."""
    from casa_desk.errors import StorageError
    from casa_desk.store.journal import Journal

    *_, referral = _sent_referral(store)
    out = tmp_path / "lettera.pdf"

    def fails(_journal: Journal) -> None:
        raise StorageError("disco pieno", code="disk")

    monkeypatch.setattr(Journal, "_persist_clock", fails)
    with pytest.raises(StorageError):
        print_letter(store, referral["id"], out, by="op")
    monkeypatch.undo()
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if "lettera" in p.name]  # nor its temporary
    printed = store.db.execute("SELECT count(*) FROM audit_log WHERE action = 'printed'")
    assert printed.fetchone()[0] == 0
