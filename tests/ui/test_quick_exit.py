"""F12: nothing personal left on screen, no dialog left open, coming back is deliberate."""

from __future__ import annotations

from login_helpers import PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)


def _visible_texts() -> list[str]:
    """Every text a person could read on screen: labels, fields, buttons, tabs, titles,
    and every cell of every visible item view."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            texts.append(widget.windowTitle())
            texts.append(widget.toolTip())
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QTabBar):
                texts += [widget.tabText(i) for i in range(widget.count())]
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(model.rowCount()):
                    for column in range(model.columnCount()):
                        texts.append(str(model.index(row, column).data() or ""))
    return texts


def _personal(demo) -> list[str]:
    words = [w for name in demo.ids for w in name.split()]
    return [*words, *demo.cf.values(), "Quarz"]


def _leaks(demo) -> list[str]:
    screen = "\n".join(_visible_texts()).lower()
    return [w for w in _personal(demo) if w.lower() in screen]


def _password(qtbot, window, password: str = PASSWORD) -> None:
    """On the lock screen (F12's way back): the password, then Enter."""
    assert window.screens.currentWidget() is window.lock_screen
    form = window.lock_screen.form
    assert window.focusWidget() is form.password
    qtbot.keyClicks(form.password, password)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)


def _come_back(qtbot, window, password: str = PASSWORD) -> None:
    """ "Riprendi" on the neutral page, then the password."""
    qtbot.mouseClick(window.neutral.resume_button, Qt.MouseButton.LeftButton)
    _password(qtbot, window, password)


def test_f12_hides_everything_and_closes_dialogs(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "Quarz")
    assert _leaks(demo)  # the check can see names when they are there
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    window.edit_person(window.card.person_id)
    form = QApplication.activeModalWidget()
    assert isinstance(form, QDialog) and form.isVisible()
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_F12)
    assert not form.isVisible()
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    assert window.screens.currentWidget() is window.neutral
    assert window.windowTitle() == "Informazioni"
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert _leaks(demo) == []
    # Nothing kept behind the neutral page either: search text, results, card.
    assert window.search.field.text() == "" and window.search.model.rowCount() == 0
    assert window.card.person is None and window.card.history_model.rowCount() == 0


def test_f12_closes_a_message_box_and_the_contact_dialog(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    dialog = window.new_contact(window.current_person_id())
    box = QMessageBox(
        QMessageBox.Icon.Information, "Quarzolini", "Quarzolini Arianna", parent=window
    )
    box.open()
    qtbot.keyClick(box, Qt.Key.Key_F12)
    assert not box.isVisible()
    if dialog is not None:
        assert not dialog.isVisible()
    assert _leaks(demo) == []


def test_f12_from_any_tab(qtbot, window, demo) -> None:
    for index in range(window.tabs.count()):
        window.resume(confirm=False)
        window.open_person(demo.ids["Quarzolini Arianna"])
        window.tabs.setCurrentIndex(index)
        qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F12)
        assert window.screens.currentWidget() is window.neutral
        assert _leaks(demo) == []


def test_coming_back_needs_the_password_and_restores_the_search(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "Quarzolini")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    highlighted = window.search.highlighted_person_id()
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    assert window.screens.currentWidget() is window.neutral and _leaks(demo) == []
    # "Riprendi" asks for the password on the lock screen; Esc goes back to the neutral page.
    qtbot.mouseClick(window.neutral.resume_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.lock_screen
    assert _leaks(demo) == [] and "Presidio" not in window.windowTitle()
    qtbot.keyClick(window.lock_screen.form.password, Qt.Key.Key_Escape)
    assert window.screens.currentWidget() is window.neutral
    # F12 again while hidden changes nothing.
    qtbot.keyClick(window.neutral.resume_button, Qt.Key.Key_F12)
    assert window.screens.currentWidget() is window.neutral
    # A wrong password is refused: one line, still locked, nothing shown.
    _come_back(qtbot, window, "password sbagliata")
    assert window.screens.currentWidget() is window.lock_screen
    assert window.lock_screen.form.message.text() == "Nome utente o password errati."
    assert window.lock_screen.form.password.text() == ""
    assert _leaks(demo) == []
    _password(qtbot, window)
    assert window.screens.currentWidget() is window.tabs
    assert window.people_stack.currentWidget() is window.search
    assert window.search.field.text() == "Quarzolini"
    assert window.search.highlighted_person_id() == highlighted
    assert window.focusWidget() is window.search.field
    assert "Presidio C.A.S.A. San Siro" in window.windowTitle()
    assert window.statusBar().isVisible() and window.menuBar().isVisible()
    unlocked = demo.store.query("SELECT who FROM audit_log WHERE action = 'unlocked'")
    assert unlocked == [{"who": "op.desk"}]


def test_by_keyboard_the_card_and_an_unsaved_contact_come_back(qtbot, window, demo) -> None:
    arianna = demo.ids["Quarzolini Arianna"]
    window.open_person(arianna)
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = QApplication.activeModalWidget()
    assert type(form).__name__ == "ContactDialog"
    qtbot.keyClicks(form.category, "Manut")
    qtbot.keyClick(form.category, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.summary, "Bozza da non perdere")
    qtbot.keyClick(form.summary, Qt.Key.Key_F12)
    assert not form.isVisible() and _leaks(demo) == []
    assert window.card.person is None  # the window's widgets forget the card
    # Enter on "Riprendi" (it has the focus), then the password and Enter.
    assert window.focusWidget() is window.neutral.resume_button
    qtbot.keyClick(window.neutral.resume_button, Qt.Key.Key_Return)
    _password(qtbot, window)
    assert window.people_stack.currentWidget() is window.card
    assert window.card.person_id == arianna
    assert window.card.title.text() == "Quarzolini Arianna"
    assert form.isVisible() and form.summary.text() == "Bozza da non perdere"
    assert form.person.text() == "Quarzolini Arianna"
    qtbot.keyClick(form.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not form.isVisible()
    saved = demo.store.query(
        "SELECT person_id FROM contacts WHERE summary = 'Bozza da non perdere'"
    )
    assert saved == [{"person_id": arianna}]


def test_esc_on_the_way_back_stays_hidden(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Zampicchi Ludmilla"])
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_F12)
    qtbot.keyClick(window.neutral.resume_button, Qt.Key.Key_Space)
    assert window.screens.currentWidget() is window.lock_screen
    qtbot.keyClick(window.lock_screen.form.password, Qt.Key.Key_Escape)
    assert window.screens.currentWidget() is window.neutral
    assert _leaks(demo) == []


def test_a_registration_and_a_referral_with_its_consent_come_back_on_their_tab(
    qtbot, window, demo
) -> None:
    window.tabs.setCurrentWidget(window.pages["agenda"])
    window.register_person("Nuovissima")
    register = QApplication.activeModalWidget()
    qtbot.keyClicks(register.edits["first_name"], "Ada")
    qtbot.keyClick(register.edits["first_name"], Qt.Key.Key_F12)
    assert not register.isVisible()
    # A late dialog (an error from a callback) while hidden is closed at once.
    late = QMessageBox(QMessageBox.Icon.Warning, "x", "Quarzolini", parent=window)
    late.open()
    qtbot.waitUntil(lambda: not late.isVisible())
    _come_back(qtbot, window)
    assert window.tabs.currentWidget() is window.pages["agenda"]
    assert register.isVisible()
    assert register.edits["last_name"].text() == "Nuovissima"
    assert register.edits["first_name"].text() == "Ada"
    register.reject()

    referral = window.new_referral(demo.ids["Velluttini Corrado"])
    qtbot.keyClicks(referral.filter, "servizi sociali")
    qtbot.keyClicks(referral.reason, "Motivo in bozza")
    referral.send_now.setChecked(True)
    qtbot.mouseClick(referral.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(referral.banner.record, Qt.MouseButton.LeftButton)
    consent = referral.consent_dialog
    assert consent is not None and consent.isVisible()
    qtbot.keyClick(consent.text, Qt.Key.Key_F12)
    assert not referral.isVisible() and not consent.isVisible()
    _come_back(qtbot, window)
    assert referral.isVisible() and consent.isVisible()
    assert referral.reason.text() == "Motivo in bozza"
    assert QApplication.activeModalWidget() is consent  # on top, where it was


def test_f12_closes_an_open_menu(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    menu = window.file_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_F12)
    assert not menu.isVisible()
    assert window.screens.currentWidget() is window.neutral
    assert _leaks(demo) == []


def test_f12_hides_other_top_level_windows(qtbot, window, demo) -> None:
    preview = QLabel("Quarzolini Arianna")  # e.g. a preview window some page opened
    qtbot.addWidget(preview)
    preview.show()
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    assert not preview.isVisible()
    assert window.isVisible() and _leaks(demo) == []


def test_f12_forgets_what_was_copied_here_and_keeps_what_others_copied(
    qtbot, window, demo, monkeypatch
) -> None:
    """A codice fiscale copied from a card is not left for the next person to paste."""
    clipboard = QApplication.clipboard()
    window.activateWindow()
    qtbot.waitUntil(
        lambda: QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    )
    cf = next(iter(demo.cf.values()))
    window.search.field.setText(cf)
    window.search.field.selectAll()
    qtbot.keyClick(window.search.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == cf  # copied by the operator's own keys
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    assert clipboard.text() == ""
    _come_back(qtbot, window)
    # Copied by another program while casa_desk was not the active application: kept.
    # (The offscreen platform never makes the application inactive: the state is told.)
    from casa_desk.ui import clipboard_guard

    class Elsewhere:
        @staticmethod
        def applicationState() -> Qt.ApplicationState:  # noqa: N802 - Qt's name
            return Qt.ApplicationState.ApplicationInactive

    monkeypatch.setattr(clipboard_guard, "QGuiApplication", Elsewhere)
    clipboard.setText("testo di un altro programma")
    window.quick_exit.trigger()
    assert clipboard.text() == "testo di un altro programma"
    clipboard.clear()


def test_typing_on_after_coming_back_adds_to_the_draft(qtbot, window, demo) -> None:
    """Back at the desk, the next keys go on from where the operator was: they used to
    replace the whole summary, which the restored form showed all selected."""
    window.open_person(demo.ids["Quarzolini Arianna"])
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = QApplication.activeModalWidget()
    qtbot.keyClicks(form.category, "Manut")
    qtbot.keyClick(form.category, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.summary, "Perdita dal rubinetto")
    qtbot.keyClick(form.summary, Qt.Key.Key_Home)  # the cursor need not be at the end
    qtbot.keyClick(form.summary, Qt.Key.Key_F12)
    qtbot.keyClick(window.neutral.resume_button, Qt.Key.Key_Return)
    _password(qtbot, window)
    assert form.isVisible() and QApplication.focusWidget() is form.summary
    assert form.summary.selectedText() == ""
    qtbot.keyClicks(QApplication.focusWidget(), "Bagno: ")
    assert form.summary.text() == "Bagno: Perdita dal rubinetto"
    # The lock (Ctrl+L, or the idle timer) the same way.
    qtbot.keyClick(form.summary, Qt.Key.Key_End)
    window.lock()
    assert not form.isVisible()
    _password(qtbot, window)
    qtbot.keyClicks(QApplication.focusWidget(), ", cucina")
    assert form.summary.text() == "Bagno: Perdita dal rubinetto, cucina"
    form.reject()


def test_quitting_forgets_what_was_copied_here(qtbot, window, demo) -> None:
    """Ctrl+Q at the end of the day is leaving the desk too: a codice fiscale copied from
    the window is not left in the clipboard for the next person at the PC."""
    clipboard = QApplication.clipboard()
    window.activateWindow()
    qtbot.waitUntil(
        lambda: QApplication.applicationState() == Qt.ApplicationState.ApplicationActive
    )
    cf = next(iter(demo.cf.values()))
    window.search.field.setText(cf)
    window.search.field.selectAll()
    qtbot.keyClick(window.search.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == cf
    qtbot.keyClick(window.search.field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert clipboard.text() == ""
