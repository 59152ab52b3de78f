"""The window's close button, and a colleague's parked forms: quitting asks before unsaved
forms out of sight are lost (``window_away.may_quit``), as Ctrl+Q on the lock screen does
(test_quit_locked.py).

The close button is pressed the way the window manager presses it: Qt's platform entry for a
window's close request (``QWindowSystemInterface::handleCloseEvent``, what Windows' WM_CLOSE
and X11's WM_DELETE_WINDOW call), so the window gets the same *spontaneous* close event the
title bar's ✕, Alt+F4 or the task bar give. ``window.close()`` is a close the program makes
(a damaged store, the end of a test): it runs closeEvent too, and asks nothing. The question
is the real box, answered by clicking its buttons.
"""

from __future__ import annotations

from dialogs import button, press_close_button, whenever_modal
from login_helpers import USER
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_idle_lock import _start_a_draft, _type_password, _window
from test_quit_locked import _ctrl_q

STAY, LEAVE = "Non uscire", "Esci e perdi i moduli"


def _click(qtbot, window, answer: str, asked: list[str]):  # type: ignore[no-untyped-def]
    """Answer the next quit question with the mouse, noting what it said (waiting no
    longer than ``window`` is there: a question that never comes answers no later test's)."""

    def read_then_click(box: QMessageBox) -> None:
        assert box.defaultButton().text() == STAY and box.isVisible()
        asked.append(box.text())
        qtbot.mouseClick(button(box, answer), Qt.MouseButton.LeftButton)

    return whenever_modal(read_then_click, window, kind=QMessageBox, name="quitConfirm", once=True)


def _nothing_personal(text: str, demo) -> None:  # type: ignore[no-untyped-def]
    for private in ("Bozza", "Quarzolini", "Tobia", "op.desk", USER):
        assert private not in text


def test_the_close_button_on_the_lock_screen_asks_and_stays_by_default(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    form = _start_a_draft(qtbot, window, demo)
    window.lock()
    asked: list[str] = []
    _click(qtbot, window, STAY, asked)
    assert press_close_button(window) is False  # refused
    assert len(asked) == 1 and ": 1." in asked[0]
    _nothing_personal(asked[0], demo)
    assert window.isVisible() and window.screens.currentWidget() is window.lock_screen
    assert not form.isVisible()
    # the user comes back: the form is there, as it was
    _type_password(qtbot, window)
    qtbot.waitUntil(form.isVisible)
    assert form.summary.text() == "Bozza lasciata a meta"

    # locked again, and this time the close button and "Esci e perdi i moduli"
    window.lock()
    _click(qtbot, window, LEAVE, asked)
    assert press_close_button(window) is True
    assert len(asked) == 2 and not window.isVisible()


def test_the_close_button_with_nothing_unsaved_closes_without_a_question(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    window.lock()
    asked = whenever_modal(lambda box: box.reject(), window, kind=QMessageBox, name="quitConfirm")
    assert press_close_button(window) is True
    assert not window.isVisible() and asked == []


def test_a_close_made_by_the_program_asks_nothing(qtbot, demo) -> None:
    # A damaged store's message closes the window with close(): it must not wait on a
    # question nobody may be there to answer, whatever was left behind the lock.
    window = _window(qtbot, demo.session)
    _start_a_draft(qtbot, window, demo)
    window.lock()
    asked = whenever_modal(lambda box: box.reject(), window, kind=QMessageBox, name="quitConfirm")
    assert window.close() is True
    qtbot.wait(50)
    assert not window.isVisible() and asked == []


def _colleague_at_the_desk(qtbot, window, demo):  # type: ignore[no-untyped-def]
    """op.desk leaves a form and the desk locked; the administrator logs in and works."""
    form = _start_a_draft(qtbot, window, demo)
    window.lock()
    _type_password(qtbot, window, username=USER)
    assert window.context.operator == USER
    assert window.screens.currentWidget() is window.tabs and not window.quick_exit.active
    assert not form.isVisible()
    return form


def test_a_parked_colleagues_form_is_asked_about_by_ctrl_q(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    form = _colleague_at_the_desk(qtbot, window, demo)
    asked: list[str] = []
    _click(qtbot, window, STAY, asked)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and ": 1." in asked[0]
    _nothing_personal(asked[0], demo)
    assert window.isVisible() and window.context.operator == USER
    assert not form.isVisible()  # still not shown to her
    # op.desk comes back: the form is theirs again, as it was
    window.lock()
    _type_password(qtbot, window, username="op.desk")
    qtbot.waitUntil(form.isVisible)
    assert form.summary.text() == "Bozza lasciata a meta"
    form.reject()


def test_a_parked_colleagues_form_is_asked_about_by_the_close_button(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    form = _colleague_at_the_desk(qtbot, window, demo)
    asked: list[str] = []
    _click(qtbot, window, STAY, asked)
    assert press_close_button(window) is False
    assert len(asked) == 1 and ": 1." in asked[0]
    assert window.isVisible() and not form.isVisible()
    _click(qtbot, window, LEAVE, asked)
    assert press_close_button(window) is True
    assert len(asked) == 2 and not window.isVisible() and not form.isVisible()


def test_her_own_form_behind_the_lock_and_the_colleagues_are_counted_together(qtbot, demo) -> None:
    window = _window(qtbot, demo.session)
    _colleague_at_the_desk(qtbot, window, demo)
    _start_a_draft(qtbot, window, demo)  # the administrator's own, then the lock
    window.lock()
    asked: list[str] = []
    _click(qtbot, window, STAY, asked)
    _ctrl_q(qtbot, window)
    assert len(asked) == 1 and ": 2." in asked[0]
    _click(qtbot, window, STAY, asked)
    assert press_close_button(window) is False
    assert len(asked) == 2 and ": 2." in asked[1]
    assert window.isVisible() and window.screens.currentWidget() is window.lock_screen
