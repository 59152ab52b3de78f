"""Riservato people and break-glass: what a user without permission gets, and what is kept.

A person is riservato with a domestic-violence or health contact or referral, or by hand
(DESIGN.md §4a). For a user without permission to see sensitive content, every list masks
them and leaves sensitive entries out — in SQL, so the names never reach the program — and
their card opens only with a typed reason, for three hours, on the record.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, login, new_session

from casa_desk.errors import ValidationError
from casa_desk.models.ids import stable_id
from casa_desk.models.timeutil import today_rome
from casa_desk.security import accounts
from casa_desk.security import audit as audit_log
from casa_desk.security.access import BREAK_GLASS_SECONDS, BreakGlassRequired, Session
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.restricted import MASK, restricted_among
from casa_desk.store.search import search_contact_notes, search_people

OFFICE = "SAN-SIRO"
ANTIVIOLENZA = stable_id("services", "1522")
SOCIAL = stable_id("services", "comune-servizi-sociali")
OPERATOR_PASSWORD = "la frase dell'operatore"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _person(store: Store, last: str, **extra: object) -> str:
    values = {"last_name": last, "first_name": "Prova", "phone": "3331234567", **extra}
    return str(People(store).register(values, presidio=OFFICE)["id"])


def _contact(store: Store, person: str, category: str, summary: str) -> dict:
    follow = (today_rome() + timedelta(days=1)).isoformat()
    return Contacts(store).log(
        {"person_id": person, "category": category, "summary": summary, "follow_up_on": follow},
        presidio=OFFICE,
        operator=USER,
    )


@pytest.fixture
def desk(tmp_path: Path) -> dict:
    """A store with four people: Violati (a domestic-violence contact), Sanati (a referral to
    the anti-violence service), Manuali (flagged by hand), Comuni (nothing sensitive); and
    an operator without permission to see sensitive content."""
    path = tmp_path / "s.sqlite"
    admin = new_session(path)
    store = admin.store
    ids = {name: _person(store, name) for name in ("Violati", "Sanati", "Manuali", "Comuni")}
    _contact(store, ids["Violati"], "violenza_domestica", "Colloquio riservato")
    _contact(store, ids["Violati"], "manutenzione", "Rubinetto che perde")
    _contact(store, ids["Comuni"], "manutenzione", "Caldaia rotta")
    Consents(store).give(
        ids["Sanati"], referral_purpose(ANTIVIOLENZA), text="Sì.", presidio=OFFICE, operator=USER
    )
    Referrals(store).create(
        person_id=ids["Sanati"], service_id=ANTIVIOLENZA, reason="Invio", presidio=OFFICE, by=USER
    )
    admin.set_restricted(ids["Manuali"], True)
    accounts.add_user(
        admin, "op.uno", full_name="Operatore Uno", role="operatore", password=OPERATOR_PASSWORD
    )
    store.close()
    return {"path": path, "ids": ids}


def _operator(desk: dict, clock: Clock | None = None) -> Session:
    from casa_desk.security.access import unlock

    return unlock(desk["path"], "op.uno", OPERATOR_PASSWORD, now=clock or Clock())


def test_who_is_riservato(desk: dict) -> None:
    session = login(desk["path"])
    ids = desk["ids"]
    assert restricted_among(session.store.db, ids.values()) == {
        ids["Violati"],
        ids["Sanati"],
        ids["Manuali"],
    }
    # a duplicate merged into a plain person makes the survivor riservato too
    twin = _person(session.store, "Gemello")
    _contact(session.store, twin, "salute", "Visita")
    People(session.store).merge(twin, ids["Comuni"])
    assert session.is_restricted(ids["Comuni"])
    # unflagging by hand leaves a person with sensitive records riservato
    session.set_restricted(ids["Violati"], False)
    assert session.is_restricted(ids["Violati"])
    session.set_restricted(ids["Manuali"], False)
    assert not session.is_restricted(ids["Manuali"])
    session.store.close()


def test_lists_mask_riservato_people_and_drop_sensitive_entries(desk: dict) -> None:
    session = _operator(desk)
    store, ids = session.store, desk["ids"]
    assert session.masked
    rows = {r["id"]: r for r in search_people(store.db, "prova", masked=session.masked)}
    assert rows[ids["Comuni"]]["last_name"] == "Comuni" and not rows[ids["Comuni"]]["restricted"]
    for name in ("Violati", "Sanati", "Manuali"):
        row = rows[ids[name]]
        assert row["restricted"] and row["last_name"] == MASK
        assert row["first_name"] is None and row["phone"] is None
    # found by phone, still masked: the name never leaves SQLite
    assert all(r["last_name"] in (MASK, "Comuni") for r in search_people(store.db, "3331234567",
               masked=True))  # fmt: skip
    history = Contacts(store).history([ids["Violati"]], include_sensitive=not session.masked)
    assert [c["summary"] for c in history] == ["Rubinetto che perde"]
    assert not search_contact_notes(store.db, "colloquio", include_sensitive=False)
    agenda = Contacts(store).agenda(OFFICE, today_rome(), masked=True)
    names = sorted(r["last_name"] for rows in agenda.values() for r in rows)
    assert names == ["Comuni", MASK]  # Violati's maintenance follow-up, masked
    follow = Contacts(store).follow_ups(OFFICE, start=None, end=today_rome() + timedelta(9),
                                        masked=True)  # fmt: skip
    assert "Colloquio riservato" not in {r["summary"] for r in follow}
    assert Referrals(store).list(masked=True) == []  # the only referral is sensitive
    session.store.close()
    # a user with the permission sees names and every entry
    full = login(desk["path"])
    accounts.change_user(full, USER, may_see_sensitive=True)
    full.store.close()
    full = login(desk["path"])
    assert not full.masked
    rows = {r["id"]: r for r in search_people(full.store.db, "prova", masked=full.masked)}
    assert rows[ids["Violati"]]["last_name"] == "Violati" and rows[ids["Violati"]]["restricted"]
    assert len(Referrals(full.store).list(masked=full.masked)) == 1
    full.store.close()


def test_break_glass_asks_a_reason_writes_it_and_lasts_three_hours(desk: dict) -> None:
    clock = Clock()
    session = _operator(desk, clock)
    ids = desk["ids"]
    session.view_card(ids["Comuni"])  # no reason needed, but the view is on record
    with pytest.raises(BreakGlassRequired):
        session.view_card(ids["Violati"])
    with pytest.raises(ValidationError):
        session.break_glass(ids["Violati"], "   urgente ")  # too short to say anything
    grant = session.break_glass(ids["Violati"], "La signora è allo sportello e chiede aiuto")
    session.view_card(ids["Violati"])
    assert grant.expires_at - grant.granted_at == BREAK_GLASS_SECONDS == 3 * 3600
    clock.now += 3 * 3600 - 1
    assert not session.needs_break_glass(ids["Violati"])
    clock.now += 1
    assert session.needs_break_glass(ids["Violati"])  # three hours are up
    session.break_glass(ids["Sanati"], "Richiamata dal servizio antiviolenza")
    session.logout()  # logout ends every grant
    assert session.grants == {}
    rows = session.store.query(
        "SELECT who, action, table_name, row_id, reason FROM audit_log"
        " WHERE action IN ('break_glass', 'viewed') ORDER BY at, id"
    )
    assert rows == [
        {"who": "op.uno", "action": "viewed", "table_name": "people", "row_id": ids["Comuni"],
         "reason": None},
        {"who": "op.uno", "action": "break_glass", "table_name": "people",
         "row_id": ids["Violati"], "reason": "La signora è allo sportello e chiede aiuto"},
        {"who": "op.uno", "action": "viewed", "table_name": "people", "row_id": ids["Violati"],
         "reason": None},
        {"who": "op.uno", "action": "break_glass", "table_name": "people",
         "row_id": ids["Sanati"], "reason": "Richiamata dal servizio antiviolenza"},
    ]  # fmt: skip
    session.store.close()


def test_coordinators_count_new_break_glass_events(desk: dict) -> None:
    admin = login(desk["path"])
    accounts.add_user(
        admin, "coord", full_name="Coordinatrice", role="coordinatore", password=PASSWORD
    )
    admin.store.close()
    operator = _operator(desk)
    assert audit_log.new_break_glass(operator) == 0  # operators do not read the audit log
    operator.break_glass(desk["ids"]["Violati"], "Persona in pericolo allo sportello")
    operator.store.close()
    coordinator = login(desk["path"], username="coord")
    assert audit_log.new_break_glass(coordinator) == 1
    audit_log.mark_break_glass_seen(coordinator)
    assert audit_log.new_break_glass(coordinator) == 0
    coordinator.store.close()


def test_a_user_with_permission_needs_no_break_glass_and_reveals_on_record(desk: dict) -> None:
    admin = login(desk["path"])
    accounts.change_user(admin, "op.uno", may_see_sensitive=True)
    admin.store.close()
    session = _operator(desk)
    assert not session.needs_break_glass(desk["ids"]["Violati"])
    contact = Contacts(session.store).history([desk["ids"]["Violati"]])[0]
    session.reveal("contacts", contact["id"])
    assert session.store.query(
        "SELECT who FROM audit_log WHERE action = 'viewed' AND row_id = ?", [contact["id"]]
    ) == [{"who": "op.uno"}]
    session.store.close()


def test_a_reason_naming_the_person_is_refused_and_the_try_recorded_masked(
    desk: dict,
) -> None:
    """Before: "aperta scheda di Violati" went to the audit log, and from it to the CSV the
    DPO reads: the name the masking hides. Now refused (ValidationError, the same for the
    window and the command line), the card still closed; a reason that says why opens it.
    A reason too short is refused as before, whatever it holds.

    Each refused try is audited (``break_glass_refused``) with the name masked, and counted
    for the coordinators: a refusal tells the typist that a word was hers, so an operator
    trying names one by one would otherwise unmask a riservato person unseen."""
    session = _operator(desk)
    violati = desk["ids"]["Violati"]
    for reason in (
        "aperta scheda di Violati per sfratto",
        "aperta scheda di VIOLATI per sfratto",
        "richiamata al 333 123 4567 per sfratto",  # her phone, with spaces
        "verifica RSSMRA80A01F205X",  # a codice fiscale, anyone's
    ):
        with pytest.raises(ValidationError) as caught:
            session.break_glass(violati, reason)
        assert caught.value.code == "reason_names_person", reason
    with pytest.raises(ValidationError) as caught:
        session.break_glass(violati, "Violati")  # the length rule first, as before
    assert caught.value.code == "reason_required"
    assert caught.value.message == "Indicare il motivo dell'accesso (almeno 10 caratteri)."
    assert session.needs_break_glass(violati)
    assert session.store.query("SELECT 1 FROM audit_log WHERE action = 'break_glass'") == []
    tries = session.store.query(
        "SELECT who, row_id, reason FROM audit_log WHERE action = 'break_glass_refused'"
        " ORDER BY at, id"
    )
    assert [t["reason"] for t in tries] == [
        "aperta scheda di [omesso] per sfratto",
        "aperta scheda di [omesso] per sfratto",
        "richiamata al [omesso] per sfratto",
        "verifica [omesso]",
    ]
    assert {(t["who"], t["row_id"]) for t in tries} == {("op.uno", violati)}
    session.break_glass(violati, "Sfratto: la signora è allo sportello")
    assert not session.needs_break_glass(violati)
    session.store.close()
    admin = login(desk["path"])
    assert audit_log.new_break_glass(admin) == 5  # the coordinators are told of every try
    admin.store.close()


def test_a_reason_recorded_before_the_check_is_shown_and_exported_masked(
    desk: dict, tmp_path: Path
) -> None:
    """The log is never rewritten; the audit page and its CSV show an old reason with the
    person's name, phone and any codice fiscale masked, everything else as written."""
    from casa_desk.models.vocab import AuditAction

    violati = desk["ids"]["Violati"]
    old = "aperta scheda di Violati Prova (333 123 4567) per sfratto"
    admin = login(desk["path"])
    admin.audit(AuditAction.BREAK_GLASS, table="people", row_id=violati, reason=old)
    admin.audit(AuditAction.BREAK_GLASS, table="people", row_id=violati, reason="sfratto urgente")
    shown = [
        r["reason"] for r in audit_log.entries(admin, audit_log.AuditQuery(action="break_glass"))
    ]
    assert shown == ["sfratto urgente", "aperta scheda di [omesso] ([omesso]) per sfratto"]
    out = audit_log.export_csv(admin, tmp_path / "registro.csv")
    text = out.read_text("utf-8")
    assert "aperta scheda di [omesso] ([omesso]) per sfratto" in text
    assert "sfratto urgente" in text
    assert "Violati" not in text and "123 4567" not in text
    stored = admin.store.query(
        "SELECT reason FROM audit_log WHERE action = 'break_glass' ORDER BY at, id"
    )
    assert [r["reason"] for r in stored] == [old, "sfratto urgente"]
    admin.store.close()


def test_invisible_characters_neither_make_a_reason_nor_hide_a_name(desk: dict) -> None:
    """A zero-width space or a soft hyphen is not seen on the audit page nor in its CSV:
    twelve of them passed for a reason (one that shows as nothing), and one inside the
    surname ("Vio\\u200blati") let the name through the check, to be read as "Violati"."""
    session = _operator(desk)
    violati = desk["ids"]["Violati"]
    for empty in ("\u200b" * 12, "\u00ad" * 10 + "  ", "\u2060\ufeff" * 6):
        with pytest.raises(ValidationError) as caught:
            session.break_glass(violati, empty)
        assert caught.value.code == "reason_required"
    for hidden in (
        "aperta scheda di Vio\u200blati per sfratto",
        "scheda di Viola\u00adti, sfratto",
    ):
        with pytest.raises(ValidationError) as caught:
            session.break_glass(violati, hidden)
        assert caught.value.code == "reason_names_person", hidden
    assert session.needs_break_glass(violati)
    assert session.store.query("SELECT 1 FROM audit_log WHERE action = 'break_glass'") == []
    session.break_glass(violati, "Sfratto:\u200b la signora è allo sportello")
    assert session.store.query("SELECT reason FROM audit_log WHERE action = 'break_glass'") == [
        {"reason": "Sfratto: la signora è allo sportello"}
    ]
    session.store.close()


def test_a_conflict_refused_whole_shows_a_masked_user_no_value(desk: dict) -> None:
    """A row the store refused at sync is kept whole as the conflict's value (every column):
    for a user without permission, a sensitive contact's (notes and all), a riservato
    person's own row and her edits come without values; a plain person's stay readable."""
    import json

    from casa_desk.sync import status

    session = login(desk["path"])
    store, ids = session.store, desk["ids"]
    refused = {"id": "x1", "person_id": ids["Comuni"], "sensitive": 1, "notes": "Nota segreta"}
    with store.transaction():
        for n, (table, row_id, value) in enumerate(
            (
                ("contacts", "x1", refused),
                ("people", ids["Violati"], {"id": ids["Violati"], "last_name": "Violati"}),
                ("people", ids["Comuni"], {"id": ids["Comuni"], "last_name": "Comuni"}),
            )
        ):
            store.db.execute(
                "INSERT INTO sync_conflicts (id, table_name, row_id, field, kind, loser_value,"
                " detected_at) VALUES (?, ?, ?, '*', 'not_applied', ?, '2026-01-10T09:00:00Z')",
                [f"k{n}", table, row_id, json.dumps(value)],
            )
    shown = {r["id"]: r for r in status.conflicts(store, masked=True)}
    assert [shown[k]["hidden"] for k in ("k0", "k1", "k2")] == [1, 1, 0]
    assert shown["k0"]["loser_value"] is None and shown["k1"]["loser_value"] is None
    assert shown["k2"]["loser_value"]["last_name"] == "Comuni"
    assert all(not r["hidden"] for r in status.conflicts(store))  # with permission: all
    assert status.conflicts(store)[0]["loser_value"] is not None
    store.close()
