"""Ctrl+Q on the lock screen: quitting would lose the locked user's unsaved forms unseen, so
it asks first — how many, never whose or what (whoever stands at the desk reads it) — and
"Non uscire" is the default."""

from __future__ import annotations

from dialogs import when_modal, whenever_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_idle_lock import _start_a_draft, _type_password, _window


def _ctrl_q(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()  # as the lock screen is, once a hidden form left it the keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window.lock_screen.form.password, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
    )


def test_quitting_from_the_lock_screen_asks_and_keeps_the_drafts_by_default(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    form = _start_a_draft(qtbot, window, demo)
    window.lock()
    assert window.screens.currentWidget() is window.lock_screen and not form.isVisible()
    asked: list[str] = []

    def read_then_enter(box: QMessageBox) -> None:
        asked.append(box.text())
        assert box.defaultButton().text() == "Non uscire"
        assert not form.isVisible()  # the draft stays hidden behind the question
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(read_then_enter, kind=QMessageBox, name="quitConfirm")
    _ctrl_q(qtbot, window)
    assert len(asked) == 1 and ": 1." in asked[0]
    for private in ("Bozza", "Quarzolini", "Tobia", demo.session.user.username):
        assert private not in asked[0]
    assert window.isVisible() and window.screens.currentWidget() is window.lock_screen
    # the user comes back: the form is there, as it was
    _type_password(qtbot, window)
    qtbot.waitUntil(form.isVisible)
    assert form.summary.text() == "Bozza lasciata a meta"

    # locked again, and this time "Esci e perdi i moduli": the window closes
    window.lock()
    when_modal(
        lambda box: next(b for b in box.buttons() if b.text() == "Esci e perdi i moduli").click(),
        kind=QMessageBox,
        name="quitConfirm",
    )
    _ctrl_q(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_nothing_unsaved_quits_without_a_question(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    window.lock()
    asked = whenever_modal(lambda box: box.reject(), window, kind=QMessageBox, name="quitConfirm")
    _ctrl_q(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert asked == []
