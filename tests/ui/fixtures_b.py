"""Fixtures of the contact / referral / agenda / services tests (imported by their modules).

A real store file for the office SAN-SIRO with synthetic people, contacts with follow-ups
around today, and referrals, all written through the repositories; and a DeskContext that
runs tasks inline (SyncRunner).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from login_helpers import PASSWORD, new_session
from PySide6.QtWidgets import QApplication, QWidget

from casa_desk.models.ids import stable_id
from casa_desk.models.timeutil import today_rome
from casa_desk.security.accounts import add_user
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.ui.context import DeskContext
from casa_desk.ui.tasks import SyncRunner

PRESIDIO = "SAN-SIRO"
OPERATOR = "op.prova"
SOCIAL = stable_id("services", "comune-servizi-sociali")
ASST = stable_id("services", "asst-fbf-sacco")


@dataclass
class Seeded:
    store: Store
    context: DeskContext
    people: dict[str, str]  # synthetic surname -> id
    follow_ups: dict[str, str]  # overdue / today / week / later / done -> contact id
    referrals: dict[str, str]  # draft / overdue / sensitive -> referral id


@pytest.fixture(name="seeded")
def seeded_fixture(tmp_path: Path) -> Iterator[Seeded]:
    admin = new_session(tmp_path / "s.sqlite")
    store = admin.store
    store.set_meta("presidio", PRESIDIO)
    add_user(
        admin,
        OPERATOR,
        full_name="Marta Prova",
        role="operatore",
        password=PASSWORD,
        may_see_sensitive=True,  # the tests reveal; the masked view is tested with another
    )
    session = admin.desk.login(OPERATOR, PASSWORD, how="test")
    people = People(store)
    ids = {}
    for last, first, born in (
        ("Zanfrutti", "Ilaria", "1980-03-14"),
        ("Brambillone", "Teodoro", "1955-11-02"),
        ("Quercetti", "Mirella", "1972-06-30"),
    ):
        ids[last] = people.register(
            {"last_name": last, "first_name": first, "birth_date": born}, presidio=PRESIDIO
        )["id"]
    contacts = Contacts(store)
    today = today_rome()
    follow = {}
    for name, days, person in (
        ("overdue", -3, "Zanfrutti"),
        ("today", 0, "Brambillone"),
        ("week", 4, "Quercetti"),
        ("later", 20, "Zanfrutti"),
    ):
        follow[name] = contacts.log(
            {
                "person_id": ids[person],
                "category": "manutenzione",
                "summary": f"Richiamo {name}",
                "follow_up_on": today + timedelta(days=days),
            },
            presidio=PRESIDIO,
            operator=OPERATOR,
        )["id"]
    done = contacts.log(
        {
            "person_id": ids["Quercetti"],
            "category": "morosita",
            "summary": "Già fatto",
            "follow_up_on": today - timedelta(days=1),
        },
        presidio=PRESIDIO,
        operator=OPERATOR,
    )
    follow["done"] = contacts.mark_follow_up_done(done["id"], operator=OPERATOR)["id"]
    referrals = Referrals(store)
    refs = {
        "draft": referrals.create(
            person_id=ids["Zanfrutti"],
            service_id=SOCIAL,
            reason="Sostegno economico",
            presidio=PRESIDIO,
            by=OPERATOR,
            due_on=today + timedelta(days=10),
        )["id"],
        "overdue": referrals.create(
            person_id=ids["Brambillone"],
            service_id=SOCIAL,
            reason="Assistenza domiciliare",
            presidio=PRESIDIO,
            by=OPERATOR,
            urgency="alta",
            due_on=today - timedelta(days=2),
        )["id"],
        "sensitive": referrals.create(
            person_id=ids["Quercetti"],
            service_id=ASST,
            reason="Visita specialistica",
            presidio=PRESIDIO,
            by=OPERATOR,
        )["id"],
    }
    context = DeskContext(store=store, presidio=PRESIDIO, session=session, runner=SyncRunner())
    yield Seeded(store, context, ids, follow, refs)
    store.close()


def give_consent(seeded: Seeded, person: str, service_id: str) -> None:
    Consents(seeded.store).give(
        seeded.people[person],
        referral_purpose(service_id),
        text="Acconsento",
        presidio=PRESIDIO,
        operator=OPERATOR,
    )


def show(qtbot, widget: QWidget) -> QWidget:  # type: ignore[no-untyped-def]
    """Show ``widget`` as the active window, as a user would see it."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def shot(widget: QWidget, name: str) -> Path:
    """Save a screenshot of ``widget`` in /tmp/casa_desk_shots (looked at by hand)."""
    folder = Path("/tmp/casa_desk_shots")
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    return path
