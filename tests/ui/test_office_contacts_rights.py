"""The offices' phone and e-mail, printed on every referral letter, are head office's
settings: only its administrators change them (MANAGE_SETTINGS), refused by the service to
anyone else — not only by hiding "Recapiti dei presidi…" — and audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shown_window
from login_helpers import PASSWORD, new_session

from casa_desk.security.accounts import add_user
from casa_desk.security.permissions import PermissionDenied
from casa_desk.security.settings import set_office_contacts
from casa_desk.store.directory import Directory
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.ui.offices_dialog import OfficesDialog


@pytest.fixture
def head_office(tmp_path: Path):  # type: ignore[no-untyped-def]
    admin = new_session(tmp_path / "sede.sqlite", presidio=HEAD_OFFICE)
    add_user(
        admin, "coord.sede", full_name="Coordinatrice Sede", role="coordinatore", password=PASSWORD
    )
    coordinator = admin.desk.login("coord.sede", PASSWORD, how="test")
    yield admin, coordinator
    admin.store.close()


def _mazzini(store) -> tuple:  # type: ignore[no-untyped-def]
    office = Directory(store).presidio("MAZZINI")
    return office["phone"], office["email"]


def _changes(store) -> list[dict]:  # type: ignore[no-untyped-def]
    return store.query(
        "SELECT who, table_name, row_id FROM audit_log WHERE action = 'settings_changed'"
    )


def test_the_service_refuses_a_coordinator_and_audits_an_administrator(head_office) -> None:
    admin, coordinator = head_office
    before = _mazzini(admin.store)
    with pytest.raises(PermissionDenied):
        set_office_contacts(coordinator, "MAZZINI", phone="02 5555 1234", email="x@casa.example")
    assert _mazzini(admin.store) == before and _changes(admin.store) == []
    set_office_contacts(admin, "MAZZINI", phone="02 5555 1234", email="m@casa.example")
    assert _mazzini(admin.store) == ("+390255551234", "m@casa.example")
    assert _changes(admin.store) == [
        {"who": admin.user.username, "table_name": "presidi", "row_id": "MAZZINI"}
    ]


def test_the_window_offers_it_to_administrators_only(qtbot, head_office) -> None:
    admin, coordinator = head_office
    window = shown_window(qtbot, coordinator)
    assert window.context.is_head_office
    assert not window.offices_action.isVisible()
    # reached all the same (an old shortcut, a menu left open): refused, nothing changes
    window.edit_offices()
    [dialog] = [d for d in window.findChildren(OfficesDialog) if d.isVisible()]
    phone, email, error, _office = dialog.rows["MAZZINI"]
    qtbot.keyClicks(phone, "02 5555 1234")
    dialog.save()
    assert "non consentita" in error.text() and error.isVisible() and dialog.isVisible()
    assert _mazzini(admin.store) == (None, None) and _changes(admin.store) == []
    dialog.reject()
    window.close()

    window = shown_window(qtbot, admin)
    assert window.offices_action.isVisible()
