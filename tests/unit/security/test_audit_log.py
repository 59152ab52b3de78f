"""The audit log people can read: filters, CSV, and the authenticated user on every row."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from login_helpers import USER, login, new_session

from casa_desk.models.timeutil import today_rome
from casa_desk.security import accounts
from casa_desk.security import audit as audit_log
from casa_desk.security.access import unlock
from casa_desk.security.audit import AuditQuery
from casa_desk.security.permissions import PermissionDenied
from casa_desk.store.connection import IntegrityError
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People

OPERATOR_PASSWORD = "frase dell'operatrice"


@pytest.fixture
def desk(tmp_path: Path) -> dict:
    path = tmp_path / "s.sqlite"
    admin = new_session(path)
    store = admin.store
    people = People(store)
    anna = people.register({"last_name": "Auditata", "first_name": "Anna"}, presidio="SAN-SIRO")
    bice = people.register({"last_name": "Altra", "first_name": "Bice"}, presidio="SAN-SIRO")
    contact = Contacts(store).log(
        {"person_id": anna["id"], "category": "salute", "summary": "Visita"},
        presidio="SAN-SIRO",
        operator=USER,
    )
    accounts.add_user(admin, "op.una", full_name="O", role="operatore", password=OPERATOR_PASSWORD)
    store.close()
    operator = unlock(path, "op.una", OPERATOR_PASSWORD)
    operator.break_glass(anna["id"], '=HYPERLINK("http://x","apri") allo sportello')
    operator.view_card(anna["id"])
    operator.view_card(bice["id"])
    operator.store.close()
    admin = login(path)
    accounts.change_user(admin, USER, may_see_sensitive=True)
    admin.store.close()
    admin = login(path)
    admin.reveal("contacts", contact["id"])
    admin.store.close()
    return {"path": path, "anna": anna["id"], "bice": bice["id"], "contact": contact["id"]}


def test_filters(desk: dict) -> None:
    session = login(desk["path"])
    by_operator = audit_log.entries(session, AuditQuery(who="OP.UNA"))
    assert {r["action"] for r in by_operator} == {"login", "break_glass", "viewed"}
    anna = audit_log.entries(session, AuditQuery(person_id=desk["anna"]))
    assert sorted((r["who"], r["action"], r["table_name"]) for r in anna) == [
        ("op.una", "break_glass", "people"),
        ("op.una", "viewed", "people"),
        (USER, "viewed", "contacts"),  # her sensitive contact, revealed
    ]
    assert audit_log.count(session, AuditQuery(action="break_glass")) == 1
    today = today_rome()
    assert audit_log.count(session, AuditQuery(since=today, until=today)) == audit_log.count(
        session
    )
    assert audit_log.count(session, AuditQuery(until=today - timedelta(days=1))) == 0
    assert audit_log.count(session, AuditQuery(since=today + timedelta(days=1))) == 0
    page = audit_log.entries(session, limit=2)
    assert len(page) == 2 and page[0]["at"] >= page[1]["at"]  # newest first
    assert {"op.una", USER} <= set(audit_log.users_in_log(session))
    session.store.close()


def test_rows_cannot_be_changed_or_deleted(desk: dict) -> None:
    session = login(desk["path"])
    store = session.store
    for sql in ("UPDATE audit_log SET who = 'qualcun altro'", "DELETE FROM audit_log"):
        with pytest.raises(IntegrityError, match="casa_desk"), store.transaction():
            store.db.execute(sql)
    store.close()


def test_csv_export_is_guarded_and_audited(desk: dict, tmp_path: Path) -> None:
    session = login(desk["path"])
    out = audit_log.export_csv(session, tmp_path / "registro.csv", AuditQuery(who="op.una"))
    # For Excel set up in Italian (a double click): ';' between cells, and a byte-order mark
    # so the accents are read as UTF-8.
    assert out.read_bytes().startswith(b"\xef\xbb\xbfora_roma;")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    reasons = [r["reason"] for r in rows if r["action"] == "break_glass"]
    assert reasons == ['\'=HYPERLINK("http://x","apri") allo sportello']  # shown, never run
    assert all(r["ora_roma"] and r["who"] == "op.una" for r in rows)
    assert (out.stat().st_mode & 0o777) == 0o600
    assert audit_log.count(session, AuditQuery(action="exported")) == 1
    session.store.close()
    operator = unlock(desk["path"], "op.una", OPERATOR_PASSWORD)
    with pytest.raises(PermissionDenied):
        audit_log.export_csv(operator, tmp_path / "no.csv")
    with pytest.raises(PermissionDenied):
        audit_log.entries(operator)
    operator.store.close()
    assert not (tmp_path / "no.csv").exists()
