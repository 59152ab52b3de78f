"""Esc, *Annulla* or the window's ✕ on a form with typed text ask before throwing it away.

A home visit's notes take minutes to write and one Esc — pressed by habit, to close a list
that was already closed — used to drop them with the form. A form with nothing typed (or
nothing changed, for a correction) still closes at once: the core loop's keys stay the same.
The question's default is to keep writing, so Enter or a second Esc never discards; F12
rejects it like any question, and the form, a draft, comes back with its text.

A form opts in with :class:`DiscardGuard`: it says what it holds (``typed_text``) and what
to call it in the question (``discard_question``), and connects its *Annulla* to ``cancel``.
``reject()`` itself stays unconditional, for code that closes the form on purpose.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QPushButton, QWidget

from casa_desk.ui.plain_text import message_box


def keep_writing(parent: QWidget, question: str) -> bool:
    """Ask whether to discard what was typed; True when the operator keeps the form."""
    box = message_box(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Discard", "Testo non salvato"),
        question,
        parent,
    )
    box.setObjectName("discardConfirm")
    discard = box.addButton(
        QCoreApplication.translate("Discard", "Scarta"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("Discard", "Continua a scrivere"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is not discard


class DiscardGuard(QDialog):
    """A form whose typed text is not lost to one key (subclass instead of QDialog)."""

    def typed_text(self) -> bool:
        """Whether the form holds text the operator typed and has not saved."""
        raise NotImplementedError

    def discard_question(self) -> str:
        return QCoreApplication.translate("Discard", "Scartare quello che è stato scritto?")

    def cancel(self) -> None:
        """*Annulla* and Esc: close, after asking when there is typed text."""
        if self.typed_text() and keep_writing(self, self.discard_question()):
            return
        self.reject()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """No default button: only Ctrl+Enter or a click saves. A button box shown makes its
        first accept button the default, so Enter pressed at the end of the summary (or the
        referral's reason) saved a half-written form, without notes, outcome or follow-up."""
        super().showEvent(event)
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                if isinstance(button, QPushButton):
                    button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        # the title bar's ✕ (spontaneous); closing from code stays unconditional
        if (
            event.spontaneous()
            and self.typed_text()
            and keep_writing(self, self.discard_question())
        ):
            event.ignore()
            return
        super().closeEvent(event)
