"""The system's file and print dialogs, asked in one place: an answer given after the desk was
locked is dropped.

On Windows QFileDialog's static functions and QPrintDialog open the system's *native*
dialog, with a modal loop of its own. It is not a Qt widget on screen: F12 and the idle lock,
which take every dialog of the application off the screen (:func:`quick_exit.close_dialogs`),
cannot see it, so it may stay open over the neutral page or the lock screen, and a click in
it later would write a file — a letter, an access PDF, a report, the audit CSV, a backup, a
bundle — or print, while the window is locked, hidden, or in another user's hands.

So every such dialog goes through here. The answer counts only when, between asking and
answering, the window was neither quick-exited nor locked (even if unlocked again since) and
the user at the desk is the same; otherwise it is dropped as if the dialog had been
cancelled, and nothing is written. A dialog is not even opened while the window is hidden.
A widget that does not sit in a desk window (a page shown alone) has no lock to check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from casa_desk.ui.quick_exit import QuickExit


def _desk_window(widget: QWidget | None) -> Any:
    """The window that owns the quick exit ``widget`` is shown in (its parents), or None."""
    while widget is not None:
        if isinstance(getattr(widget, "quick_exit", None), QuickExit):
            return widget
        widget = widget.parentWidget()
    return None


def still_here(parent: QWidget | None) -> Callable[[], bool]:
    """Call before a dialog's modal loop; the returned check, called when the dialog has
    answered, is True when the answer may be acted on (see the module). False at once
    when the window is hidden now."""
    window = _desk_window(parent)
    if window is None:
        return lambda: True
    quick_exit: QuickExit = window.quick_exit
    times_away = quick_exit.times_away
    session = getattr(getattr(window, "context", None), "session", None)

    def check() -> bool:
        return (
            not quick_exit.active
            and quick_exit.times_away == times_away
            and getattr(getattr(window, "context", None), "session", None) is session
        )

    return check


def _asked(
    ask: Callable[..., tuple[str, str]], parent: QWidget, caption: str, directory: str, filters: str
) -> str:
    """``ask``'s path, or "" (cancelled, or the desk locked meanwhile: see the module)."""
    check = still_here(parent)
    if not check():
        return ""
    path, _ = ask(parent, caption, directory, filters)
    return path if path and check() else ""


def save_file_name(parent: QWidget, caption: str, directory: str, filters: str) -> str:
    """QFileDialog.getSaveFileName's path, or "" (cancelled, or the desk locked meanwhile)."""
    return _asked(QFileDialog.getSaveFileName, parent, caption, directory, filters)


def open_file_name(parent: QWidget, caption: str, directory: str, filters: str) -> str:
    """QFileDialog.getOpenFileName's path, or "" (cancelled, or the desk locked meanwhile)."""
    return _asked(QFileDialog.getOpenFileName, parent, caption, directory, filters)
