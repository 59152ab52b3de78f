"""Answer a real dialog the way an operator does: wait until it is on screen, then click its
button (or press a key in it). Nothing is replaced by a fake: the code under test shows its
own dialog, runs its own event loop, and gets the answer a person would give."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

#: Give up after this long without the dialog (the test then fails on what it expected).
PATIENCE_MS = 5000


def when_modal(
    act: Callable[[QDialog], None],
    *,
    kind: type[QDialog] = QDialog,
    name: str | None = None,
) -> list[QDialog]:
    """Call ``act(dialog)`` as soon as a visible modal dialog of ``kind`` (and object name
    ``name``) is on screen; returns a list that holds the dialog once it was answered."""
    seen: list[QDialog] = []
    waited = [0]

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if (
            isinstance(dialog, kind)
            and dialog.isVisible()
            and (name is None or dialog.objectName() == name)
        ):
            seen.append(dialog)
            try:
                act(dialog)
            except BaseException:
                dialog.reject()  # never leave the code under test waiting on its dialog
                raise
            return
        waited[0] += 10
        if waited[0] < PATIENCE_MS:
            QTimer.singleShot(10, attempt)

    QTimer.singleShot(0, attempt)
    return seen


def button(dialog: QWidget, text: str) -> QAbstractButton:
    """The button of ``dialog`` that shows ``text`` (mnemonics ignored)."""
    buttons = dialog.findChildren(QAbstractButton)
    for candidate in buttons:
        if candidate.isVisible() and candidate.text().replace("&", "") == text:
            return candidate
    raise AssertionError(f"no button {text!r} in {[b.text() for b in buttons]}")


def click_when_shown(qtbot, text: str, **match) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Click the button ``text`` of the next modal dialog, with the mouse."""
    return when_modal(
        lambda d: qtbot.mouseClick(button(d, text), Qt.MouseButton.LeftButton), **match
    )


def key_when_shown(qtbot, key: Qt.Key, **match) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Press ``key`` in the next modal dialog (Enter for its default button, Esc…)."""

    def press(dialog: QDialog) -> None:
        target = dialog.focusWidget() or dialog
        qtbot.keyClick(target, key)

    return when_modal(press, **match)


def message_text(dialog: QDialog) -> str:
    return dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
