"""Answer a real dialog the way an operator does: wait until it is on screen, then click its
button (or press a key in it). Nothing is replaced by a fake: the code under test shows its
own dialog, runs its own event loop, and gets the answer a person would give."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from pathlib import Path

import PySide6
import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

QT_GUI = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
#: QWindowSystemInterface::handleCloseEvent<SynchronousDelivery>(QWindow*), Itanium ABI.
HANDLE_CLOSE = "_ZN22QWindowSystemInterface16handleCloseEventINS_19SynchronousDeliveryEEEbP7QWindow"
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


def whenever_modal(
    act: Callable[[QDialog], None],
    window: QWidget,
    *,
    kind: type[QDialog] = QDialog,
    name: str | None = None,
    once: bool = False,
) -> list[QDialog]:
    """Call ``act(dialog)`` on every visible modal dialog of ``kind`` (and ``name``) while
    ``window`` is visible (``once``: on the first only); returns the dialogs seen. For a
    dialog that may not appear: a :func:`when_modal` left waiting for one that never came
    went on polling after the test and answered the next test's dialog; this one stops
    when ``window`` goes (or is deleted)."""
    seen: list[QDialog] = []
    timer = QTimer(window)
    timer.setInterval(10)

    def attempt() -> None:
        if not window.isVisible():
            timer.stop()
            return
        dialog = QApplication.activeModalWidget()
        if (
            isinstance(dialog, kind)
            and dialog.isVisible()
            and (name is None or dialog.objectName() == name)
        ):
            seen.append(dialog)
            if once:
                timer.stop()
            act(dialog)

    timer.timeout.connect(attempt)
    timer.start()
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


def press_close_button(window: QWidget) -> bool:
    """Press ``window``'s close button (the title bar's ✕, Alt+F4, the task bar's "Close
    window") the way the window manager does: Qt's platform entry for a close request,
    which Windows' WM_CLOSE and X11's WM_DELETE_WINDOW call, delivered now. The window gets
    the same *spontaneous* close event, which ``window.close()`` (a close the program makes)
    does not give. True when the window accepted the close."""
    try:
        handle_close = getattr(ctypes.CDLL(str(QT_GUI)), HANDLE_CLOSE)
    except (OSError, AttributeError):
        pytest.skip("Qt's platform close request is reachable here on Linux only")
    handle_close.restype = ctypes.c_bool
    handle_close.argtypes = [ctypes.c_void_p]
    [pointer] = shiboken6.getCppPointer(window.windowHandle())
    return bool(handle_close(pointer))
