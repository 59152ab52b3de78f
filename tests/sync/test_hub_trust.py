"""The hub trusts no office (issue 8): clocks, registry write rules, links and fields are
checked per change at a real hub over loopback, on SQLite and PostgreSQL; a refused change
is reported with a reason, never blocks the batch, and never leaves anyone "not aligned"."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile import Hostile
from sync_helpers import (
    HubProcess,
    check_invariants,
    contact,
    edit,
    new_office,
    person,
    quiesce,
    row,
    sync,
)

from casa_desk.errors import ValidationError
from casa_desk.models.hlc import pack
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import ms_to_utc_text
from casa_desk.models.vocab import AuditAction
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.sync import status
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply


def test_a_clock_from_the_future_is_refused_and_never_spreads(
    hub: HubProcess, tmp_path: Path
) -> None:
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    rogue = Hostile(hub, "SAN-SIRO")
    poison = rogue.change("people", uuid7(), hlc=2**63 - 1, last_name="Avvelenato")
    ahead = rogue.change(
        "people", uuid7(), hlc=pack(int(time.time() * 1000) + 10 * 60_000, 0), last_name="Dopo"
    )
    fine = rogue.change("people", uuid7(), last_name="Giusto")
    refused = rogue.push(poison, ahead, fine)
    assert set(refused) == {poison["change_id"], ahead["change_id"]}
    assert all("Orologio" in reason for reason in refused.values())
    report = sync(sede)
    assert report.in_sync
    assert row(sede, "people", fine["row_id"]) is not None
    assert row(sede, "people", poison["row_id"]) is None
    assert sede.journal.clock.last < 2**62  # head office never adopted the clock
    with sede.transaction() as j:  # and can still write
        j.insert("people", {"last_name": "Ancora"}, presidio="SEDE")
    assert sync(sede).in_sync
    rogue.close()


def test_a_bundle_carrying_a_future_clock_is_refused_per_change(
    hub: HubProcess, tmp_path: Path
) -> None:
    from casa_desk.store.db import Store
    from casa_desk.sync.client import save_credentials
    from casa_desk.sync.hub.devices import add_device, enrol

    hs = hub.store()
    _id, code = add_device(hs, "SAN-SIRO")
    office = Store.open(tmp_path / "a.sqlite", create=True)
    save_credentials(office, enrol(hs, code), None)
    good = person(office, last_name="Oggi")
    real = office.journal.clock._now_ms  # noqa: SLF001 - drive the PC's wall clock
    office.journal.clock._now_ms = lambda: real() + 3 * 3600_000  # noqa: SLF001
    future = person(office, last_name="Domani")
    out, reply = tmp_path / "a.casa", tmp_path / "a-reply.casa"
    export_bundle(office, out)
    hub_import_bundle(hs, out, reply)
    import_reply(office, reply)
    ids = {r["id"] for r in hs.rows("people")}
    assert good["id"] in ids and future["id"] not in ids
    (reason,) = [r["reason"] for r in status.rejections(office)]
    assert "Orologio" in reason
    hs.close()


def test_only_the_registering_office_deletes_or_merges_a_person(
    hub: HubProcess, tmp_path: Path
) -> None:
    grat = new_office(hub, tmp_path / "g.sqlite", "GRATOSOGLIO")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    with grat.transaction() as j:
        j.insert_many(
            "people",
            ({"last_name": f"Prova{i}", "first_name": "Nome"} for i in range(200)),
            presidio="GRATOSOGLIO",
        )
    registered = [r[0] for r in grat.db.execute("SELECT id FROM people WHERE origin != 'seed'")]
    quiesce([grat, sede])
    san_siro = new_office(hub, tmp_path / "s.sqlite", "SAN-SIRO")
    survivor = person(san_siro, last_name="Superstite")
    sync(san_siro)
    with san_siro.transaction() as j:  # 200 people of another office deleted in one push
        for person_id in registered:
            j.delete("people", person_id)
    People(san_siro).merge(registered[0], survivor["id"])
    report = sync(san_siro)
    assert len(report.rejected) == 201
    assert {"eliminarla" in r["reason"] or "unirla" in r["reason"] for r in report.rejected} == {
        True
    }
    quiesce([grat, sede, san_siro])
    for store in (grat, sede, san_siro):  # nobody lost them, the deleter got them back
        alive = store.db.execute(
            "SELECT count(*) FROM people WHERE deleted = 0 AND merged_into IS NULL"
            " AND presidio = 'GRATOSOGLIO'"
        ).fetchone()[0]
        assert alive == 200
    with sede.transaction() as j:  # head office may
        j.delete("people", registered[1])
    with grat.transaction() as j:  # and so may the registering office
        j.delete("people", registered[2])
    quiesce([grat, sede, san_siro])
    assert row(san_siro, "people", registered[1])["deleted"] == 1
    assert row(san_siro, "people", registered[2])["deleted"] == 1
    check_invariants(hub, [grat, sede, san_siro])


def test_another_offices_edit_is_shown_to_the_registering_office_and_reverted_in_one_action(
    hub: HubProcess, tmp_path: Path
) -> None:
    mazzini = new_office(hub, tmp_path / "m.sqlite", "MAZZINI")
    san_siro = new_office(hub, tmp_path / "s.sqlite", "SAN-SIRO")
    p = person(mazzini, phone="+390200000001", street="Via Giusta")
    quiesce([mazzini, san_siro])
    san_siro.user = "op.sansiro"  # who is logged in at the desk (security.access sets it)
    edit(san_siro, "people", p["id"], phone="+390299999999", street="Via Sbagliata")
    quiesce([san_siro, mazzini])
    assert row(mazzini, "people", p["id"])["phone"] == "+390299999999"  # merged as today
    (seen,) = status.registry_edits(mazzini)
    assert (seen["office"], seen["operator"]) == ("SAN-SIRO", "op.sansiro")
    assert seen["row_id"] == p["id"]
    assert seen["fields"] == {
        "phone": ["+390200000001", "+390299999999"],
        "street": ["Via Giusta", "Via Sbagliata"],
    }
    assert status.registry_edits(san_siro) == []  # its own edit is nothing to review
    assert status.sync_status(mazzini).registry_edits == 1
    assert sorted(status.revert_registry_edit(mazzini, seen["change_id"])) == ["phone", "street"]
    assert status.registry_edits(mazzini) == []
    quiesce([mazzini, san_siro])
    for store in (mazzini, san_siro):  # the revert is a new winning edit, everywhere
        back = row(store, "people", p["id"])
        assert (back["phone"], back["street"]) == ("+390200000001", "Via Giusta")
    check_invariants(hub, [mazzini, san_siro])


def test_links_that_do_not_resolve_in_the_pushers_scope_are_refused(
    hub: HubProcess, tmp_path: Path
) -> None:
    """A contact for nobody, an event on another office's referral, a referral to a service
    the office cannot see: refused with a reason, and head office stays aligned."""
    from casa_desk.store.referrals import Referrals

    mazzini = new_office(hub, tmp_path / "m.sqlite", "MAZZINI")
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(mazzini)
    service = Directory(mazzini).save_service({"name": "Sportello locale"}, presidio="MAZZINI")
    referral = Referrals(mazzini).create(
        person_id=p["id"], service_id=service["id"], reason="Motivo", presidio="MAZZINI", by="op"
    )
    quiesce([mazzini, sede])
    rogue = Hostile(hub, "SAN-SIRO")
    nobody = rogue.change("contacts", uuid7(), person_id=uuid7(), summary="x")
    event = rogue.change(
        "referral_events",
        uuid7(),
        referral_id=referral["id"],
        event="closed",
        at="2026-03-02T09:00:00.000Z",
    )
    hidden = rogue.change(
        "referrals", uuid7(), person_id=p["id"], service_id=service["id"], reason="y"
    )
    chained = rogue.change("contacts", uuid7(), person_id=p["id"], amends_id=nobody["row_id"])
    fine = rogue.change("contacts", uuid7(), person_id=p["id"], summary="ok")
    refused = rogue.push(nobody, event, hidden, chained, fine)
    assert set(refused) == {c["change_id"] for c in (nobody, event, hidden, chained)}
    assert "sconosciuta" in refused[nobody["change_id"]]
    assert "non vede" in refused[event["change_id"]]
    assert "service_id" in refused[hidden["change_id"]]
    report = sync(sede)
    assert report.in_sync and not report.refetched
    assert row(sede, "contacts", fine["row_id"]) is not None
    assert not sede.query("SELECT 1 FROM sync_conflicts")
    check_invariants(hub, [mazzini, sede])
    rogue.close()


@pytest.mark.parametrize(
    ("table", "values", "words"),
    [
        ("people", {"gender": "Z"}, "gender"),
        ("people", {"tenancy_role": "re"}, "tenancy_role"),
        ("people", {"last_name": "x" * 301}, "troppo lungo"),
        ("people", {"notes": "x" * 20_001}, "troppo lungo"),
        ("people", {"last_name": "Rossi\u202eoiggo"}, "caratteri"),
        ("people", {"last_name": "Ros\x00si"}, "caratteri"),
        ("people", {"notes": "\ud800"}, "caratteri"),
        ("people", {"deleted": 7}, "deleted"),
        ("people", {"presidio": "ALTROVE"}, "Presidio"),
        ("contacts", {"channel": "piccione"}, "channel"),
        ("contacts", {"outcome": "boh"}, "outcome"),
        ("contacts", {"category": "inventata"}, "categoria"),
        ("contacts", {"minutes": 2**70}, "minutes"),
        ("contacts", {"minutes": "dieci"}, "minutes"),
        ("services", {"kind": "magia", "name": "X"}, "kind"),
        ("referral_events", {"event": "teleported"}, "event"),
        ("participants", {"employment_status": "astronauta"}, "employment_status"),
        ("audit_log", {"action": "hacked"}, "action"),
        # days and moments that are none: every desk reading them as dates failed
        ("people", {"birth_date": "1980-02-31"}, "birth_date"),
        ("people", {"birth_date": "ieri"}, "birth_date"),
        ("contacts", {"follow_up_on": "2026-11-31"}, "follow_up_on"),
        ("contacts", {"occurred_at": "2026-10-02x"}, "occurred_at"),
        ("contacts", {"occurred_at": "2026-10-02T10:00:00+02:00"}, "occurred_at"),
        ("participants", {"entered_on": "2026-10-5"}, "entered_on"),
        ("referral_events", {"at": "2026-10-02T25:00:00.000Z"}, "campo at"),
        # every row's stamps too: retention reads a person's created_at
        ("people", {"created_at": "ieri"}, "created_at"),
        ("people", {"created_at": "9999-12-31T23:59:59.999Z"}, "created_at"),
        ("people", {"created_at": "2026-10-02 10:00:00"}, "created_at"),
        ("contacts", {"created_at": "2026-02-30T10:00:00.000Z"}, "created_at"),
        ("contacts", {"updated_at": "2026-10-02T10:00:00+02:00"}, "updated_at"),
        ("referral_events", {"updated_at": ""}, "updated_at"),
    ],
)
def test_fields_are_validated_per_row(
    shared_hub: HubProcess, table: str, values: dict[str, object], words: str
) -> None:
    """One bad row among good ones: refused with a reason naming the field, never a 500,
    never the whole batch (a 2^70 integer or a NUL once failed every PostgreSQL push)."""
    rogue = Hostile(shared_hub, "SAN-SIRO")
    p = rogue.change("people", uuid7(), last_name="Prova")
    bad = rogue.change(table, uuid7(), **values)
    after = rogue.change("people", uuid7(), last_name="Dopo")
    refused = rogue.push(p, bad, after)
    assert list(refused) == [bad["change_id"]]
    assert words.lower() in refused[bad["change_id"]].lower()
    assert "x" * 50 not in refused[bad["change_id"]]  # reasons never echo values
    rogue.close()


def test_a_rows_stamps_are_real_moments_not_years_ahead(shared_hub: HubProcess) -> None:
    """``created_at`` / ``updated_at`` were not checked: ``9999-12-31…`` kept a person out of
    retention for ever, ``ieri`` broke the desks reading it. Past stamps of any age pass
    (imports, old rows), and so do stamps ahead of the hub by what a PC clock put right
    leaves behind (hours, a year: the rows must still reach head office); two years ahead
    and more, or no moment, is refused, in an edit too."""
    rogue = Hostile(shared_hub, "SAN-SIRO")
    day_ms = 24 * 3600 * 1000

    def ahead(ms: int) -> str:
        return ms_to_utc_text(int(time.time() * 1000) + ms)

    passing = [
        rogue.change("people", uuid7(), created_at=stamp, updated_at=stamp)
        for stamp in (
            "2019-05-01T08:00:00.000Z",
            "2026-01-01T00:00:00Z",  # the shortest shape a moment has
            ahead(3 * 3600 * 1000),
            ahead(365 * day_ms),
        )
    ]
    p = passing[0]
    refused_insert = rogue.change("people", uuid7(), created_at=ahead(3 * 366 * day_ms))
    newer = rogue.change("people", uuid7(), updated_at=ahead(3 * 366 * day_ms))
    edit = rogue.change("people", p["row_id"], op="update", notes="n", updated_at="9999-01-01")
    refused = rogue.push(*passing, refused_insert, newer, edit)
    assert refused == {
        refused_insert["change_id"]: "Valore non valido nel campo created_at.",
        newer["change_id"]: "Valore non valido nel campo updated_at.",
        edit["change_id"]: "Valore non valido nel campo updated_at.",
    }
    rogue.close()


def test_a_contact_of_a_refused_person_is_refused_too_and_the_office_stays_aligned(
    hub: HubProcess, tmp_path: Path
) -> None:
    """A refused row never makes an office's sync fail for ever: it is listed with the
    reason, its dependants are refused with it, and the digest leaves them out."""
    office = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(office, gender="??")  # a code the hub does not know (raw journal write)
    contact(office, p["id"])
    ok = person(office)
    report = sync(office)
    assert report.in_sync
    assert len(status.rejections(office)) == 2
    assert sync(office).in_sync  # and again, and again
    sede = new_office(hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    assert sync(sede).in_sync
    assert row(sede, "people", ok["id"]) is not None
    check_invariants(hub, [office, sede])


def test_a_row_this_store_cannot_hold_is_listed_and_left_out_of_the_digest(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """Head office's store refuses one received row (here a stricter local rule): it is kept
    as a 'not applied' conflict, shown on the Sync page, and both digests leave it out, so
    head office is not 'not aligned' at every sync for ever."""
    office = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    sede = new_office(sqlite_hub, tmp_path / "sede.sqlite", "SEDE", head_office=True)
    p = person(office)
    refused = contact(office, p["id"], summary="non qui")
    kept = contact(office, p["id"])
    sync(office)
    with sede.transaction():
        sede.db.execute(
            "CREATE TRIGGER strict BEFORE INSERT ON contacts WHEN NEW.summary = 'non qui'"
            " BEGIN SELECT RAISE(ABORT, 'refused here'); END"
        )
    for _ in range(2):
        report = sync(sede)
        assert report.in_sync, report.mismatched
    assert row(sede, "contacts", kept["id"]) is not None
    (listed,) = status.conflicts(sede)
    assert (listed["kind"], listed["row_id"]) == ("not_applied", refused["id"])


def test_a_category_head_office_just_added_is_known_at_once(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """The hub keeps its list of categories between batches, but reads it again before it
    refuses one: a refusal is final, so it never rests on a stale list."""
    office = Hostile(sqlite_hub, "SAN-SIRO")
    warm = office.change("contacts", uuid7(), category="altro")
    assert office.push(warm) == {}
    sede = Hostile(sqlite_hub, "SEDE", head_office=True)
    new = sede.change("categories", uuid7(), code="nuova", label="Nuova", scope="shared")
    assert sede.push(new) == {}
    fresh = office.change("contacts", uuid7(), category="nuova")
    wrong = office.change("contacts", uuid7(), category="inesistente")
    assert list(office.push(fresh, wrong)) == [wrong["change_id"]]
    office.close()
    sede.close()


def test_a_change_failing_several_checks_gets_the_first_reason_in_order(
    hub: HubProcess,
) -> None:
    """The checks run in one order — clock, the change's content, the hub's own lists,
    authorisation, links — though the content is checked before the batch takes its turn
    at the push lock and the rest inside it: the reason given is the first that fails."""
    rogue = Hostile(hub, "SAN-SIRO")
    ahead = pack(int(time.time() * 1000) + 10 * 60_000, 0)
    cases = {
        "Orologio": rogue.change("contacts", uuid7(), hlc=ahead, channel="piccione"),
        "channel": rogue.change("contacts", uuid7(), channel="piccione", category="inventata"),
        "categoria": rogue.change("contacts", uuid7(), category="inventata", person_id="nessuno"),
        "Riga del presidio": rogue.change("contacts", uuid7(), presidio="MAZZINI"),
        "Collegamento": rogue.change("contacts", uuid7(), person_id="nessuno"),
    }
    refused = rogue.push(*cases.values())
    for words, change in cases.items():
        assert words in refused[change["change_id"]], (words, refused[change["change_id"]])
    rogue.close()


def test_only_the_registering_office_or_head_office_anonymises_a_person(
    hub: HubProcess, tmp_path: Path
) -> None:
    """Office B sees every person of the shared registry but none of office A's contacts:
    its retention found A's person "not seen for five years" (B never saw her) and erased
    her everywhere, although A had met her the month before. Anonymisation is a removal,
    like a delete: the hub takes it from the registering office and head office only."""
    from datetime import date

    from casa_desk.store import retention

    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a, last_name="Seguita", phone="+393471112222")
    later = date(2032, 6, 1)  # five years on: A met her last month
    contact(a, p["id"], occurred_at="2032-05-02T10:00:00.000Z")
    quiesce([a, b])
    seen_at_b = contact(b, p["id"], summary="Colloquio a Mazzini")  # years before
    quiesce([a, b])
    assert retention.due(a.db, retention.policy(a.db, a.presidio), later) == []

    retention.run(b, as_of=later, who="op")  # B's retention leaves A's person alone
    with pytest.raises(ValidationError) as refused_here:  # and so does an erasure at B
        retention.anonymise(b, p["id"], on=later, who="op", action=AuditAction.ERASED)
    assert refused_here.value.code == "erase_not_owner"
    assert row(b, "contacts", seen_at_b["id"])["summary"] == "Colloquio a Mazzini"
    assert b.pending_changes() == 0  # nothing was due at B: nothing written
    quiesce([a, b])
    for store in (a, b):
        kept = row(store, "people", p["id"])
        assert kept is not None
        assert (kept["anonymised_on"], kept["last_name"]) == (None, "Seguita")
    check_invariants(hub, [a, b])

    # An office PC that sends the anonymisation anyway is refused by the hub.
    rogue = Hostile(hub, "MAZZINI")
    erase = rogue.change("people", p["id"], "update", anonymised_on="2032-06-01", last_name=None)
    refused = rogue.push(erase)
    assert "cancellarne i dati" in refused[erase["change_id"]]
    rogue.close()
    quiesce([a, b])
    assert row(a, "people", p["id"])["last_name"] == "Seguita"
    # the registering office may
    retention.anonymise(a, p["id"], on=later, who="op", action=AuditAction.ERASED)
    quiesce([a, b])
    assert row(b, "people", p["id"])["anonymised_on"] == "2032-06-01"
    check_invariants(hub, [a, b])


def test_a_person_kept_to_one_office_cannot_be_edited_by_another(
    hub: HubProcess, tmp_path: Path
) -> None:
    """A person row scoped to its office (the hub accepts one: a registration kept out of the
    shared registry) never reaches another office, and another office that knows the id may
    not write it either: the shared registry's rule (any office corrects a person) is for
    shared people."""
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    with a.transaction() as j:
        kept = j.insert("people", {"last_name": "Riservata"}, presidio="SAN-SIRO", scope="SAN-SIRO")
    quiesce([a])
    rogue = Hostile(hub, "MAZZINI")
    blind = rogue.change("people", kept["id"], "update", last_name="Sovrascritta")
    again = rogue.change("people", kept["id"], "insert", last_name="Sovrascritta")
    refused = rogue.push(blind, again)
    assert set(refused) == {blind["change_id"], again["change_id"]}
    rogue.close()
    quiesce([a])
    assert row(a, "people", kept["id"])["last_name"] == "Riservata"
    hs = hub.store()
    try:
        assert next(r for r in hs.rows("people") if r["id"] == kept["id"])["last_name"] == (
            "Riservata"
        )
    finally:
        hs.close()
    check_invariants(hub, [a])
