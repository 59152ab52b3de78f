"""Driving the start-up dialogs (login, first run, encryption) the way a user does.

:func:`launch` shows them modally (``exec``), so a test schedules its typing before the call:
:func:`when_modal` waits for the dialog of a type to be the active modal widget and acts on
it with real key presses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from login_helpers import PASSWORD, USER
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

#: Polls before a test gives up waiting for a dialog (20 ms each: 10 s).
MAX_POLLS = 500


def when_modal(kind: type, act: Callable[[Any], None]) -> None:
    """Call ``act(dialog)`` once a modal dialog of type ``kind`` is up."""
    polls = [0]

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            act(widget)
            return
        polls[0] += 1
        if polls[0] < MAX_POLLS:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_into(field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    QTest.keyClick(field, Qt.Key.Key_Backspace)
    QTest.keyClicks(field, text)


def log_in_soon(username: str = USER, password: str = PASSWORD) -> None:
    """The next login screen gets ``username``, ``password`` and Enter."""
    from casa_desk.ui.login import LoginDialog

    def act(dialog: Any) -> None:
        type_into(dialog.form.username, username)
        QTest.keyClick(dialog.form.username, Qt.Key.Key_Return)  # on to the password
        QTest.keyClicks(dialog.form.password, password)
        QTest.keyClick(dialog.form.password, Qt.Key.Key_Return)

    when_modal(LoginDialog, act)
