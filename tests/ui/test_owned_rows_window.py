"""Head office's window reads an office's contacts and ESF enrolment on the person's card
but offers no correction of them and no step of the enrolment (only the owning office
writes them, SYNC.md §1), and says which office does — in Italian and in English. Its own
contacts it corrects as any office."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shown_window
from languages import window_language
from login_helpers import new_session
from PySide6.QtWidgets import QMenu

from casa_desk.store.ownership import office_name
from casa_desk.store.tables import HEAD_OFFICE

ENTRY = {"employment_status": "inactive", "education_isced": "0-2"}


@pytest.fixture
def head_office(tmp_path: Path):  # type: ignore[no-untyped-def]
    session = new_session(tmp_path / "sede.sqlite", presidio=HEAD_OFFICE)
    yield session
    session.store.close()


def _synced_rows(store) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """A person of San Siro with the office's contact and enrolment (left, results to
    record), and a contact head office logged itself, as a sync leaves them at head office."""
    with store.transaction() as j:
        person = j.insert(
            "people", {"first_name": "Ada", "last_name": "Prova"}, presidio="SAN-SIRO"
        )
        theirs = j.insert(
            "contacts",
            {"person_id": person["id"], "occurred_at": "2026-10-05T09:00:00.000Z",
             "channel": "sportello", "category": "manutenzione", "summary": "dell'ufficio",
             "operator": "op", "sensitive": 0},
            presidio="SAN-SIRO",
        )  # fmt: skip
        ours = j.insert(
            "contacts",
            {"person_id": person["id"], "occurred_at": "2026-10-06T09:00:00.000Z",
             "channel": "telefono", "category": "amministrativo", "summary": "della sede",
             "operator": "sede", "sensitive": 0},
            presidio=HEAD_OFFICE,
        )  # fmt: skip
        j.insert(
            "participants",
            {"person_id": person["id"], "entered_on": "2026-03-02", "exited_on": "2026-09-01",
             **ENTRY},
            presidio="SAN-SIRO",
        )  # fmt: skip
    return {"person": person["id"], "theirs": theirs["id"], "ours": ours["id"]}


def _card(qtbot, window, person_id: str):  # type: ignore[no-untyped-def]
    window.open_person(person_id)
    qtbot.waitUntil(lambda: window.card.person_id == person_id)
    return window.card


def _select(card, contact_id: str) -> int:  # type: ignore[no-untyped-def]
    model = card.history_model
    row = next(r for r in range(model.rowCount()) if model.entry(r).id == contact_id)
    card.history_view.setCurrentIndex(model.index(row, 0))
    return row


def _menu_amend(qtbot, card, row: int):  # type: ignore[no-untyped-def]
    """The history's context menu on ``row``, as a right click opens it: its correction."""
    rect = card.history_view.visualRect(card.history_model.index(row, 1))
    card._history_menu(rect.center())
    menu = next(m for m in card.findChildren(QMenu) if m.isVisible())
    [amend] = [a for a in menu.actions() if a.text().startswith(("Correggi", "Correct"))]
    state = (amend.isEnabled(), amend.toolTip())
    menu.close()
    return state


def test_head_office_card_offers_no_write_of_an_office_rows(qtbot, head_office) -> None:
    ids = _synced_rows(head_office.store)
    office = office_name(head_office.store, "SAN-SIRO")
    window = shown_window(qtbot, head_office)
    assert window.context.is_head_office
    card = _card(qtbot, window, ids["person"])
    box = card.esf_box
    assert box.isVisible() and "Uscita: 01/09/2026" in box.state.text()
    said = f"Iscrizione registrata da {office}: la aggiorna solo quel presidio."
    assert said in box.state.text()
    steps = (box.results_button, box.reentry_button, box.correct_button)
    assert all(b.isVisible() and not b.isEnabled() and b.toolTip() == said for b in steps)
    # The office's contact: read, not corrected (Enter, double-click or the menu).
    row = _select(card, ids["theirs"])
    with qtbot.assertNotEmitted(card.amend_requested):
        card.open_entry()
    assert card.detail.text() == f"Contatto registrato da {office}: lo corregge solo quel presidio."
    enabled, tip = _menu_amend(qtbot, card, row)
    assert not enabled and office in tip
    # Head office's own contact: corrected as at any desk.
    row = _select(card, ids["ours"])
    enabled, tip = _menu_amend(qtbot, card, row)
    assert enabled and office not in tip
    with qtbot.waitSignal(card.amend_requested) as asked:
        card.open_entry()
    assert asked.args == [ids["ours"]]
    # The agenda lists every office's six-month follow-ups due; their offices record them.
    agenda = window.page("agenda")
    assert agenda.esf_summary.text().endswith(
        "la registra, sulla scheda, il presidio che ha iscritto la persona."
    )
    window.close()


def test_head_office_card_says_who_writes_in_english(qtbot, head_office) -> None:
    ids = _synced_rows(head_office.store)
    office = office_name(head_office.store, "SAN-SIRO")
    with window_language("en"):
        window = shown_window(qtbot, head_office)
        card = _card(qtbot, window, ids["person"])
        said = f"Enrolment recorded by {office}: only that office updates it."
        assert said in card.esf_box.state.text()
        assert card.esf_box.reentry_button.toolTip() == said
        _select(card, ids["theirs"])
        card.open_entry()
        assert card.detail.text() == f"Contact recorded by {office}: only that office corrects it."
        window.close()


def test_the_office_own_card_still_offers_the_steps(qtbot, window, demo) -> None:
    """At the office's desk its enrolment's steps stay enabled, with no owner line."""
    from casa_desk.store.participants import Participants

    person = demo.ids["Zampicchi Ludmilla"]
    Participants(demo.store).enrol(
        person, {"entered_on": "2026-03-02", **ENTRY}, presidio="SAN-SIRO"
    )
    card = _card(qtbot, window, person)
    box = card.esf_box
    assert box.exit_button.isVisible() and box.exit_button.isEnabled()
    assert box.correct_button.isEnabled() and box.exit_button.toolTip() == ""
    assert "registrata da" not in box.state.text()
