"""Flagging a person "riservato" by hand from her card (coordinators and administrators),
and taking the flag off: audited, and the card, the search list and the masking follow at
once."""

from __future__ import annotations

import pytest
from conftest import coordinator_session, shown_window
from dialogs import button, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from casa_desk.security.permissions import PermissionDenied


def _answer(qtbot, text: str) -> list:  # type: ignore[no-untyped-def]
    return when_modal(
        lambda box: qtbot.mouseClick(button(box, text), Qt.MouseButton.LeftButton),
        kind=QMessageBox,
        name="restrictConfirm",
    )


def _hand_rows(demo) -> list[dict]:  # type: ignore[no-untyped-def]
    return demo.store.query(
        "SELECT who, action, row_id FROM audit_log"
        " WHERE action IN ('restricted', 'unrestricted') ORDER BY at, rowid"
    )


def test_a_coordinator_flags_and_unflags_from_the_card(qtbot, demo) -> None:
    session = coordinator_session(demo)
    window = shown_window(qtbot, session)
    ottavio = demo.ids["Brennafiori Ottavio"]
    window.open_person(ottavio)
    box = window.card.side.rights_box
    assert box.restrict.isVisible() and not box.restricted.isVisible()
    assert box.restrict.text() == "Segna come riservata…"
    # "Annulla" (the default) changes nothing
    _answer(qtbot, "Annulla")
    qtbot.mouseClick(box.restrict, Qt.MouseButton.LeftButton)
    assert _hand_rows(demo) == [] and not session.is_restricted(ottavio)

    asked = _answer(qtbot, "Segna come riservata")
    qtbot.mouseClick(box.restrict, Qt.MouseButton.LeftButton)
    assert asked and session.is_restricted(ottavio)
    assert _hand_rows(demo) == [{"who": "coord.uno", "action": "restricted", "row_id": ottavio}]
    assert box.restricted.isVisible() and box.restricted.text() == "Persona riservata"
    assert box.restrict.text() == "Togli «riservata»…"
    assert "riservata" in window.statusBar().currentMessage()

    _answer(qtbot, "Togli il segno")
    qtbot.mouseClick(box.restrict, Qt.MouseButton.LeftButton)
    assert not session.is_restricted(ottavio) and not box.restricted.isVisible()
    assert [r["action"] for r in _hand_rows(demo)] == ["restricted", "unrestricted"]


def test_a_coordinator_without_permission_sees_the_mask_at_once(qtbot, demo) -> None:
    session = coordinator_session(demo, "coord.due", sees_sensitive=False)
    window = shown_window(qtbot, session)
    qtbot.keyClicks(window.search.field, "brennaf")
    qtbot.waitUntil(lambda: window.search.model.rowCount() >= 1)
    ottavio = demo.ids["Brennafiori Ottavio"]
    window.open_person(ottavio)
    assert window.card.person_id == ottavio
    _answer(qtbot, "Segna come riservata")
    qtbot.mouseClick(window.card.side.rights_box.restrict, Qt.MouseButton.LeftButton)
    # her card now needs a reason: put away, and the list masks her
    assert window.card.person_id is None
    assert window.people_stack.currentWidget() is window.search
    model = window.search.model

    def ottavio_row() -> list[str]:
        row = model.row_of(ottavio)
        return [str(model.index(row, c).data()) for c in range(model.columnCount())]

    qtbot.waitUntil(lambda: model.row_of(ottavio) >= 0 and "Persona riservata" in ottavio_row())
    assert not any(c in ("Ottavio", "02 4000 1111") for c in ottavio_row())


def test_an_operator_is_offered_no_flag_and_is_refused_one(qtbot, demo) -> None:
    window = shown_window(qtbot, demo.session)  # an operatore
    ottavio = demo.ids["Brennafiori Ottavio"]
    window.open_person(ottavio)
    assert not window.card.side.rights_box.restrict.isVisible()
    with pytest.raises(PermissionDenied):
        demo.session.set_restricted(ottavio, True)
    assert _hand_rows(demo) == [] and not demo.session.is_restricted(ottavio)
