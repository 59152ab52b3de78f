"""Fixtures of the window tests: a small demo-like store, its DeskContext, the main window.

Everything is written through the repositories (synthetic names only). Tasks run inline
(SyncRunner) so threaded code is deterministic; settings live in the isolated data folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from login_helpers import PASSWORD, USER, new_session

from casa_desk.models.codice_fiscale import make_cf
from casa_desk.models.ids import stable_id
from casa_desk.models.timeutil import today_rome
from casa_desk.security.access import Session
from casa_desk.security.accounts import add_user
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.ui.refcount_guard import make_singletons_immortal

# PySide6 6.12.0 drops a reference to True/None on every emit: without this, a long UI test
# run aborts with "bool_dealloc" (casa_desk/ui/refcount_guard.py).
make_singletons_immortal()

OFFICE = "SAN-SIRO"
OPERATOR = "op.desk"
SOCIAL = stable_id("services", "comune-servizi-sociali")
ANTIVIOLENZA = stable_id("services", "1522")

#: Synthetic people: (last, first, birth, gender, unit, phone).
PEOPLE = (
    ("Quarzolini", "Arianna", date(1979, 4, 12), "F", "SS-0101-A", "3331112201"),
    ("Quarzolini", "Tobia", date(1975, 9, 3), "M", "SS-0101-A", "3331112202"),
    ("Brennafiori", "Ottavio", date(1948, 1, 30), "M", "SS-0207-C", "0240001111"),
    ("Zampicchi", "Ludmilla", date(1990, 6, 21), "F", "SS-0310-B", "3471234599"),
    ("Velluttini", "Corrado", date(1962, 12, 5), "M", "SS-0412-D", "3209876501"),
)


@dataclass
class Demo:
    store: Store
    session: Session
    ids: dict[str, str] = field(default_factory=dict)  # "Last First" -> id
    cf: dict[str, str] = field(default_factory=dict)
    sensitive_contact: str = ""
    duplicate: str = ""

    def person(self, key: str) -> dict[str, Any]:
        return People(self.store).get(self.ids[key])


def build_store(path: Path) -> Demo:
    """The store (encrypted, administrator :data:`login_helpers.USER`) and the session of
    the operator at the desk, who may see sensitive content (the window's tests reveal)."""
    admin = new_session(path, presidio=OFFICE)
    store = admin.store
    store.set_meta("operator", OPERATOR)
    add_user(
        admin,
        OPERATOR,
        full_name="Operatrice Prova",
        role="operatore",
        password=PASSWORD,
        may_see_sensitive=True,
    )
    demo = Demo(store, admin.desk.login(OPERATOR, PASSWORD, how="test"))
    people, contacts = People(store), Contacts(store)
    for last, first, born, gender, unit, phone in PEOPLE:
        cf = make_cf(last, first, born, gender, "F205")
        row = people.register(
            {
                "last_name": last,
                "first_name": first,
                "birth_date": born,
                "gender": gender,
                "codice_fiscale": cf,
                "phone": phone,
                "street": "Via delle Prove",
                "civic": "7",
                "unit_code": unit,
                "tenancy_role": "titolare",
                "quartiere": "San Siro",
            },
            presidio=OFFICE,
        )
        demo.ids[f"{last} {first}"] = row["id"]
        demo.cf[f"{last} {first}"] = cf
    arianna = demo.ids["Quarzolini Arianna"]
    now = today_rome()
    for days, category, summary in (
        (40, "manutenzione", "Perdita dal soffitto del bagno"),
        (12, "morosita", "Piano di rientro del canone"),
        (3, "sociale", "Richiesta di sostegno per la spesa"),
    ):
        contacts.log(
            {
                "person_id": arianna,
                "category": category,
                "summary": summary,
                "notes": "Nota di lavoro senza dati riservati.",
                "occurred_at": f"{(now - timedelta(days=days)).isoformat()}T09:30:00.000Z",
                "follow_up_on": (now + timedelta(days=2)).isoformat(),
            },
            presidio=OFFICE,
            operator=OPERATOR,
        )
    secret = contacts.log(
        {
            "person_id": arianna,
            "category": "violenza_domestica",
            "summary": "Colloquio riservato",
            "notes": "Nota riservatissima",
            "occurred_at": f"{(now - timedelta(days=1)).isoformat()}T10:00:00.000Z",
        },
        presidio=OFFICE,
        operator=OPERATOR,
    )
    demo.sensitive_contact = secret["id"]
    consents = Consents(store)
    consents.give(
        arianna, "registry", text="Informativa letta e firmata.", presidio=OFFICE, operator=OPERATOR
    )
    consents.give(
        arianna,
        referral_purpose(SOCIAL),
        text="Consenso all'invio.",
        presidio=OFFICE,
        operator=OPERATOR,
        expires_on=now + timedelta(days=10),
    )
    consents.give(
        arianna,
        referral_purpose(ANTIVIOLENZA),
        text="Consenso all'invio.",
        presidio=OFFICE,
        operator=OPERATOR,
    )
    Referrals(store).create(
        person_id=arianna,
        service_id=SOCIAL,
        reason="Sostegno economico",
        presidio=OFFICE,
        by=OPERATOR,
        due_on=now + timedelta(days=14),
    )
    # A second registration of Ottavio with the same phone: a possible duplicate.
    dup = people.register(
        {
            "last_name": "Brennafiori",
            "first_name": "Ottavio",
            "birth_date": date(1948, 1, 30),
            "phone": "0240001111",
        },
        presidio=OFFICE,
    )
    demo.duplicate = dup["id"]
    return demo


@pytest.fixture(autouse=True)
def _italian_locale() -> Iterator[None]:
    """Every test starts Italian, as the app does by default (the machine's own locale may be
    C, which groups no digits), and one that installs English leaves no trace."""
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    yield
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    built = build_store(tmp_path / "desk.sqlite")
    yield built
    built.store.close()


@pytest.fixture
def context(demo: Demo):  # type: ignore[no-untyped-def]
    from casa_desk.ui.context import DeskContext
    from casa_desk.ui.tasks import SyncRunner

    return DeskContext(store=demo.store, presidio=OFFICE, session=demo.session, runner=SyncRunner())


def shown_window(qtbot, session: Session):  # type: ignore[no-untyped-def]
    """The main window of ``session``, shown (tasks run inline)."""
    from casa_desk.app import build_window
    from casa_desk.ui.tasks import SyncRunner

    win = build_window(session, runner=SyncRunner())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def coordinator_session(
    demo: Demo, username: str = "coord.uno", *, full_name: str = "Coordinatrice Prova",
    sees_sensitive: bool = True,
) -> Session:  # fmt: skip
    """A coordinator of the demo desk, added by its administrator and logged in."""
    add_user(
        demo.session.desk.login(USER, PASSWORD, how="test"),
        username,
        full_name=full_name,
        role="coordinatore",
        password=PASSWORD,
        may_see_sensitive=sees_sensitive,
    )
    return demo.session.desk.login(username, PASSWORD, how="test")


@pytest.fixture
def window(qtbot, demo: Demo):  # type: ignore[no-untyped-def]
    return shown_window(qtbot, demo.session)
