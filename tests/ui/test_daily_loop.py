"""The daily loop in the real window (issue 9, items 8, 9 and 12): find → Ctrl+N → save,
correcting a contact from the history, the brief confirmation, today's cards and Alt+←."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from casa_desk.ui.settings import UiSettings


def _modal():  # type: ignore[no-untyped-def]
    return QApplication.activeModalWidget()


def _history_row(window, summary: str) -> int:
    model = window.card.history_model
    for row in range(model.rowCount()):
        if model.index(row, 3).data() == summary:
            return row
    raise AssertionError(summary)


def test_enter_on_a_history_line_opens_its_correction(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    view = window.card.history_view
    view.setCurrentIndex(
        window.card.history_model.index(_history_row(window, "Piano di rientro del canone"), 0)
    )
    qtbot.keyClick(view, Qt.Key.Key_Return)
    form = _modal()
    assert type(form).__name__ == "ContactDialog" and form.windowTitle() == "Correggi contatto"
    assert form.summary.text() == "Piano di rientro del canone"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.summary)
    form.summary.selectAll()
    qtbot.keyClicks(form.summary, "Piano di rientro firmato")
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    [fixed] = demo.store.query(
        "SELECT amends_id FROM contacts WHERE summary = 'Piano di rientro firmato'"
    )
    assert fixed["amends_id"]
    assert _history_row(window, "Piano di rientro firmato") >= 0  # the card reloaded
    message = window.statusBar().currentMessage()
    assert message.startswith("Correzione registrata: Quarzolini") and "Arianna" not in message


def test_double_click_and_the_context_menu_open_it_too(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    view = window.card.history_view
    row = _history_row(window, "Perdita dal soffitto del bagno")
    center = view.visualRect(window.card.history_model.index(row, 3)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    forms = [
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == "ContactDialog" and w.isVisible()
    ]
    assert len(forms) == 1 and forms[0].summary.text() == "Perdita dal soffitto del bagno"
    forms[0].reject()
    view.customContextMenuRequested.emit(center)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    [amend] = [a for a in menu.actions() if a.text() == "Correggi contatto…"]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(amend).center())
    assert _modal().summary.text() == "Perdita dal soffitto del bagno"
    _modal().reject()


def test_a_hidden_contact_is_not_opened_and_a_referral_line_goes_to_its_page(
    qtbot, window, demo
) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    model = window.card.history_model
    view = window.card.history_view
    hidden = next(r for r in range(model.rowCount()) if model.is_hidden(model.entry(r)))
    view.setCurrentIndex(model.index(hidden, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert _modal() is None and "Mostra" in window.card.detail.text()
    referral = next(r for r in range(model.rowCount()) if model.entry(r).kind == "referral")
    view.setCurrentIndex(model.index(referral, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    page = window.page("referrals")
    assert window.tabs.currentWidget() is window.pages["referrals"]
    assert page._current["id"] == model.entry(referral).id


def test_ctrl_n_logs_for_the_highlighted_result_and_ctrl_r_starts_from_the_text(
    qtbot, window, demo
) -> None:
    qtbot.keyClicks(window.search.field, "Quarzolini")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    highlighted = window.search.highlighted_person_id()
    assert highlighted in (demo.ids["Quarzolini Arianna"], demo.ids["Quarzolini Tobia"])
    qtbot.keyClick(window.search.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _modal()
    assert form._person_id == highlighted and not form.anonymous.isChecked()
    form.reject()
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, "Nuovacognome Pia")
    qtbot.keyClick(window.search.field, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    register = _modal()
    assert register.objectName() == "personForm"
    assert register.edits["last_name"].text() == "Nuovacognome"
    assert register.edits["first_name"].text() == "Pia"
    register.reject()


def test_the_form_remembers_this_operators_topic_and_outcome(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Zampicchi Ludmilla"])
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _modal()
    assert form.outcome.currentData() == "risolto"  # a walk-in is usually answered there
    assert form.category.currentIndex() == -1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.category)
    qtbot.keyClicks(form.category, "mor")
    form.outcome.setCurrentIndex(form.outcome.findData("in_carico"))
    qtbot.keyClicks(form.summary, "Rateizzazione chiesta")
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message == "Contatto registrato: Zampicchi · Morosità e canone."
    window.activateWindow()  # the window manager's job; offscreen has none
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The next contact starts from the same topic and outcome, cursor on the summary.
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _modal()
    assert form.category.currentData() == "morosita"
    assert form.outcome.currentData() == "in_carico"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.summary)
    # A sensitive topic is never remembered, nor named in the confirmation.
    form.category.setCurrentIndex(form.category.findData("violenza_domestica"))
    qtbot.keyClicks(form.summary, "Colloquio")
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert message == "Contatto riservato registrato: Zampicchi."
    assert UiSettings().last_contact("op.desk") == (None, "in_carico")


def test_todays_cards_are_one_key_away_and_alt_left_goes_back(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    household = window.card.household_box.findChildren(type(window.card.back_button))
    tobia = next(b for b in household if b.text().startswith("Quarzolini Tobia"))
    qtbot.waitUntil(lambda: tobia.height() > 0)  # laid out, as the operator sees it
    qtbot.mouseClick(tobia, Qt.MouseButton.LeftButton)
    assert window.card.person_id == demo.ids["Quarzolini Tobia"]
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.card.person_id == demo.ids["Quarzolini Arianna"]
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_Escape)
    assert window.people_stack.currentWidget() is window.search
    qtbot.keyClick(window.search.field, Qt.Key.Key_F2)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    names = [a.text().split("  ·  ")[0] for a in menu.actions()]
    assert names == ["Quarzolini Arianna", "Quarzolini Tobia"]
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert window.card.person_id == demo.ids["Quarzolini Tobia"]
    # From the search, Alt+← reopens the last card seen.
    window.show_search()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.card.person_id == demo.ids["Quarzolini Tobia"]


def test_agenda_and_referrals_open_the_card_with_enter(qtbot, window, demo) -> None:
    window.tabs.setCurrentWidget(window.pages["agenda"])
    agenda = window.page("agenda")
    agenda.follow_up_view.setFocus()
    agenda.follow_up_view.setCurrentIndex(agenda.follow_ups.index(0, 0))
    qtbot.keyClick(agenda.follow_up_view, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.card.person_id == demo.ids["Quarzolini Arianna"]
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.card.person_id == demo.ids["Quarzolini Arianna"]


def _home_visit_notes(qtbot, window, demo):  # type: ignore[no-untyped-def]
    """Ctrl+N on a card, and a home visit's summary and notes typed into the form."""
    window.open_person(demo.ids["Quarzolini Arianna"])
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _modal()
    assert type(form).__name__ == "ContactDialog"
    form.activateWindow()  # as the desktop does with a new dialog (offscreen does not)
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClicks(form.summary, "Visita per la muffa in camera")
    qtbot.keyClicks(form.notes, "Muffa estesa su due pareti, foto fatte")
    return form


def test_esc_on_a_contact_with_typed_notes_asks_before_throwing_them_away(
    qtbot, window, demo
) -> None:
    """One Esc used to close the form with the notes of a home visit in it. Now it asks;
    Esc or Enter in the question keep the form as it was, only "Scarta" discards."""
    from dialogs import button, click_when_shown, key_when_shown, message_text

    form = _home_visit_notes(qtbot, window, demo)
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):
        asked = key_when_shown(qtbot, key, name="discardConfirm")
        qtbot.keyClick(form.notes, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda asked=asked: bool(asked) and not asked[0].isVisible())
        assert message_text(asked[0]) == (
            "Il contatto non è stato salvato: scartare quello che è stato scritto?"
        )
        assert form.isVisible()
        assert form.notes.toPlainText() == "Muffa estesa su due pareti, foto fatte"
    # the mouse on Annulla (Esc), then Scarta: gone, nothing saved
    asked = click_when_shown(qtbot, "Scarta", name="discardConfirm")
    qtbot.mouseClick(button(form, "Annulla (Esc)"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert asked
    assert demo.store.query("SELECT id FROM contacts WHERE summary LIKE 'Visita per%'") == []
    # a form with nothing typed still closes at once
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    empty = _modal()
    empty.activateWindow()
    qtbot.waitUntil(empty.isActiveWindow)
    qtbot.keyClick(empty.summary, Qt.Key.Key_Escape)
    assert not empty.isVisible() and _modal() is None


def test_the_close_button_on_a_contact_with_typed_notes_asks_too(qtbot, window, demo) -> None:
    """The form's own ✕ (Alt+F4): the same question as Esc, "Continua a scrivere" keeps the
    form and its notes, "Scarta" closes it and nothing is saved."""
    from dialogs import click_when_shown, press_close_button

    form = _home_visit_notes(qtbot, window, demo)
    asked = click_when_shown(qtbot, "Continua a scrivere", name="discardConfirm")
    assert press_close_button(form) is False
    assert asked and form.isVisible()
    assert form.notes.toPlainText() == "Muffa estesa su due pareti, foto fatte"
    asked = click_when_shown(qtbot, "Scarta", name="discardConfirm")
    assert press_close_button(form) is True
    assert asked and not form.isVisible()
    assert demo.store.query("SELECT id FROM contacts WHERE summary LIKE 'Visita per%'") == []


def test_the_referral_form_asks_too_and_in_english(qtbot, window, demo) -> None:
    from dialogs import button, message_text, when_modal

    from casa_desk.app import install_translator

    app = QApplication.instance()
    installed = install_translator(app, "en")
    try:
        referral = window.new_referral(demo.ids["Quarzolini Arianna"])
        qtbot.keyClicks(referral.filter, "servizi sociali")
        qtbot.keyClicks(referral.reason, "Sostegno per l'affitto")
        seen: list[str] = []

        def keep(box) -> None:  # type: ignore[no-untyped-def]
            seen.extend([box.windowTitle(), *(b.text() for b in box.buttons())])
            qtbot.mouseClick(button(box, "Keep writing"), Qt.MouseButton.LeftButton)

        asked = when_modal(keep, name="discardConfirm")
        qtbot.mouseClick(button(referral, "Cancel (Esc)"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())
        assert message_text(asked[0]) == "This referral has not been saved: discard what was typed?"
        assert sorted(seen) == ["Discard", "Keep writing", "Unsaved text"]
        assert referral.isVisible() and referral.reason.text() == "Sostegno per l'affitto"
        referral.reject()
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_enter_alone_never_saves_a_half_written_form(qtbot, window, demo) -> None:
    """Enter at the end of the summary (or of a referral's reason) used to save the form as
    it was — without notes, outcome or follow-up — through the save button the button box
    makes the default when shown; only Ctrl+Enter or a click saves."""
    arianna = demo.ids["Quarzolini Arianna"]
    window.open_person(arianna)
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _modal()
    qtbot.keyClicks(form.category, "Manut")
    qtbot.keyClick(form.category, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.summary, "Perdita in cucina")
    qtbot.keyClick(form.summary, Qt.Key.Key_Return)
    assert form.isVisible()
    assert demo.store.query("SELECT id FROM contacts WHERE summary = 'Perdita in cucina'") == []
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    assert len(demo.store.query("SELECT id FROM contacts WHERE summary = 'Perdita in cucina'")) == 1

    referral = window.new_referral(arianna)
    qtbot.keyClicks(referral.filter, "servizi sociali")
    qtbot.keyClicks(referral.reason, "Sostegno per l'affitto")
    qtbot.keyClick(referral.reason, Qt.Key.Key_Return)
    assert referral.isVisible()
    saved = "SELECT id FROM referrals WHERE reason = 'Sostegno per l''affitto'"
    assert demo.store.query(saved) == []
    qtbot.mouseClick(referral.save_button, Qt.MouseButton.LeftButton)
    assert not referral.isVisible() and len(demo.store.query(saved)) == 1


def test_tab_goes_down_the_referral_form_in_order(qtbot, window, demo) -> None:
    """After the reason, Tab reaches the request: it used to jump to the urgency, so the
    request typed on changed the urgency (a combo box picks by the letters typed) and was
    lost, and the request was reached only after the due date."""
    referral = window.new_referral(demo.ids["Quarzolini Arianna"])
    referral.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is referral.filter)
    qtbot.keyClicks(referral.filter, "servizi sociali")
    order = []
    for _ in range(7):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        referral.service_list,
        referral.reason,
        referral.request,
        referral.urgency,
        referral.due.edit,
        referral.send_now,
        referral.save_button,
    ]
    referral.reason.setFocus()
    qtbot.keyClicks(referral.reason, "Sostegno economico")
    qtbot.keyClick(referral.reason, Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "bassa soglia, contributo affitto")
    assert referral.request.toPlainText() == "bassa soglia, contributo affitto"
    assert referral.urgency.currentData() == "normale"
    referral.reject()
