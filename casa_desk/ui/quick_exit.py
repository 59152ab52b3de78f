"""Quick exit: F12, at any moment, hides everything behind a neutral page — and lets you back.

A partner may be standing beside the tenant at the desk. F12 is caught by an
application-wide event filter (so it works inside any dialog, field or popup): every popup
and menu is closed, every dialog is taken off the screen, the search text and results and the
open card are forgotten by the widgets, the window title becomes neutral, and a plain page
with no names takes the whole window. Work in progress is kept *off screen*: the page and
the card that were open (as ids, in the window) and the forms being filled in (drafts: a
contact, a registration, a referral… hidden, not closed). Other dialogs (a question, an error
box) are rejected, as if the operator had pressed Esc.

Coming back is deliberate: *Riprendi* (mouse, or Enter/Space since it has the focus), then
the user's password on the lock screen (:mod:`casa_desk.ui.lock_screen`; Esc goes back to
the neutral page). Only then do the page, the card and the drafts come back, as they were.
While the neutral page is up, any dialog that something else opens (a late error, a queued
callback) is closed at once — except the ones marked with :meth:`QuickExit.allow`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from casa_desk.ui.plain_text import plain_label

QUICK_EXIT_KEY = Qt.Key.Key_F12
#: "Blocca ora": the window's action when the window has the keys, this filter inside a dialog.
LOCK_KEY = Qt.Key.Key_L
#: Dynamic property of a dialog that holds the operator's unsaved work: F12 hides it and
#: coming back shows it again (see :func:`mark_draft`).
DRAFT_PROPERTY = "casaDraft"
#: Dynamic property of a dialog the resume step shows while the neutral page is up.
ALLOWED_PROPERTY = "casaQuickExitAllowed"
#: Dynamic property of a draft's line edit: where its cursor was when F12 hid the draft.
CARET_PROPERTY = "casaCaret"


def mark_draft(dialog: QDialog) -> QDialog:
    """Say that ``dialog`` holds unsaved work: after F12 it comes back as it was."""
    dialog.setProperty(DRAFT_PROPERTY, True)
    return dialog


def is_draft(widget: QWidget) -> bool:
    return bool(widget.property(DRAFT_PROPERTY))


def _line_edit_with_focus(dialog: QDialog) -> QLineEdit | None:
    """The line edit the operator was typing in (an editable combo box's own too)."""
    widget = dialog.focusWidget()
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return widget if isinstance(widget, QLineEdit) else None


def show_draft_again(draft: QDialog) -> None:
    """Show a draft F12 hid, with the cursor where it was.

    A dialog shown again gives its focus widget a Tab focus, and a line edit selects all its
    text on that: the next key the operator typed, back at the desk, replaced the summary
    they had written. The cursor goes back to where it was, nothing selected.
    """
    edit = _line_edit_with_focus(draft)
    caret = edit.property(CARET_PROPERTY) if edit is not None else None
    draft.show()
    draft.raise_()
    draft.activateWindow()
    if edit is not None and isinstance(caret, int):
        edit.setCursorPosition(caret)
        edit.setProperty(CARET_PROPERTY, None)


class NeutralPage(QWidget):
    """What the screen shows after F12: generic office information, nothing about anyone."""

    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neutralPage")
        self.heading = plain_label()
        self.heading.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.body = plain_label()
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setStyleSheet("font-size: 12pt;")
        self.resume_button = QPushButton(objectName="resumeButton")
        self.resume_button.setFlat(True)
        # Enter as well as Space: the button has the focus when the page appears.
        self.resume_button.setAutoDefault(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        layout.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resume_button.clicked.connect(self.resume_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Informazioni per gli inquilini"))
        self.body.setText(
            self.tr(
                "Lo sportello riceve su appuntamento\n"
                "e negli orari esposti all'ingresso.\n\n"
                "Per guasti e manutenzione si può usare\n"
                "anche il numero verde indicato in bacheca."
            )
        )
        self.resume_button.setText(self.tr("Riprendi"))

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("NeutralPage", "Informazioni")


class QuickExit(QObject):
    """The F12 event filter; calls ``hide_all`` once per press (and never while hidden)."""

    triggered = Signal()

    def __init__(self, hide_all: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hide_all = hide_all
        self.active = False
        #: How many times the window was hidden (F12 or the lock): a file or print dialog
        #: answered after it changed is dropped (:mod:`casa_desk.ui.file_dialogs`).
        self.times_away = 0
        #: Drafts taken off the screen by the last F12, bottom first.
        self.drafts: list[QDialog] = []
        #: The window's "Blocca ora", for Ctrl+L pressed inside a dialog: the window's own
        #: shortcut is shadowed by a modal dialog, and a desk left "locked" stayed open.
        self.lock: Callable[[], None] | None = None

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Every event of the application passes here: the isinstance checks come first
        # because they are cheap, and reading event.type() builds a Python enum.
        if isinstance(event, QKeyEvent):
            if (
                event.key() == QUICK_EXIT_KEY
                and event.type() == QEvent.Type.KeyPress
                and not event.isAutoRepeat()
            ):
                self.trigger()
                return True
            if (
                event.key() == LOCK_KEY
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
                and event.type() == QEvent.Type.KeyPress
                and not self.active
                and self.lock is not None
                and QApplication.activeModalWidget() is not None
            ):
                self.lock()
                return True
        elif (
            self.active
            and isinstance(watched, QDialog)
            and event.type() == QEvent.Type.Show
            and not watched.property(ALLOWED_PROPERTY)
        ):
            # Something opened a dialog after F12 (a queued error, a late callback): close it.
            QTimer.singleShot(0, watched.reject)
        return False

    def trigger(self) -> None:
        keep = self.parent()
        self.times_away += 1
        if self.active:  # already hidden: only what the resume step opened goes away
            close_dialogs(keep)
            return
        self.drafts = close_dialogs(keep, keep_drafts=True)
        self.active = True
        self._hide_all()
        # Code that was waiting on a closed dialog may open another one: sweep again (not
        # the resume step's own dialog, if the operator is already that quick).
        QTimer.singleShot(0, lambda: self.active and close_dialogs(keep, spare_allowed=True))
        self.triggered.emit()

    @staticmethod
    def allow(dialog: QDialog) -> QDialog:
        """Let ``dialog`` be shown while the neutral page is up (the resume step's own)."""
        dialog.setProperty(ALLOWED_PROPERTY, True)
        return dialog

    def take_drafts(self) -> list[QDialog]:
        """The drafts to show again (the ones still alive and not finished), once."""
        drafts, self.drafts = self.drafts, []
        return [d for d in drafts if isValid(d) and d.result() == 0 and not d.isVisible()]


def close_dialogs(
    keep: QObject | None = None, *, keep_drafts: bool = False, spare_allowed: bool = False
) -> list[QDialog]:
    """Close every popup, menu and dialog of the application, topmost first, and hide any
    other top-level window (a preview, a tool window) except ``keep``.

    With ``keep_drafts`` a dialog marked with :func:`mark_draft` is hidden instead of
    rejected; those are returned, bottom first, so they can be shown again. With
    ``spare_allowed`` the dialogs of the resume step (:meth:`QuickExit.allow`) stay.
    """
    drafts: list[QDialog] = []
    if spare_allowed:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.property(ALLOWED_PROPERTY):
            return drafts
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break

    def put_away(dialog: QDialog) -> None:
        if keep_drafts and is_draft(dialog):
            drafts.append(dialog)
            if (edit := _line_edit_with_focus(dialog)) is not None:
                edit.setProperty(CARET_PROPERTY, edit.cursorPosition())
        else:
            dialog.reject()
        dialog.hide()

    modal = QApplication.activeModalWidget()
    while modal is not None and isinstance(modal, QDialog):
        put_away(modal)
        nxt = QApplication.activeModalWidget()
        if nxt is modal:
            break
        modal = nxt
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            put_away(widget)
        else:
            widget.hide()
    drafts.reverse()
    return drafts
