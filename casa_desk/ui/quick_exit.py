"""Quick exit: F12, at any moment, hides everything behind a neutral page.

A partner may be standing beside the tenant at the desk. F12 is caught by an
application-wide event filter (so it works inside any dialog, field or popup): every dialog
and popup is closed, the search text and results and the open card are forgotten, the window
title becomes neutral, and a plain page with no names takes the whole window. Coming back is
deliberate — a button and a confirmation — and lands on an empty search.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

QUICK_EXIT_KEY = Qt.Key.Key_F12


class NeutralPage(QWidget):
    """What the screen shows after F12: generic office information, nothing about anyone."""

    resume_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("neutralPage")
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.body = QLabel()
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setStyleSheet("font-size: 12pt;")
        self.resume_button = QPushButton(objectName="resumeButton")
        self.resume_button.setFlat(True)
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

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
        elif self.active and isinstance(watched, QDialog) and event.type() == QEvent.Type.Show:
            # Something opened a dialog after F12 (a queued error, a late callback): close it.
            QTimer.singleShot(0, watched.reject)
        return False

    def trigger(self) -> None:
        keep = self.parent()
        close_dialogs(keep)
        self.active = True
        self._hide_all()
        # Code that was waiting on a closed dialog may open another one: sweep again.
        QTimer.singleShot(0, lambda: close_dialogs(keep))
        self.triggered.emit()

    def confirm_resume(self, parent: QWidget) -> bool:
        """Ask before coming back; True when the operator confirms."""
        answer = QMessageBox.question(
            parent,
            NeutralPage.title(),
            QCoreApplication.translate("NeutralPage", "Tornare al lavoro?"),
        )
        return answer == QMessageBox.StandardButton.Yes


def close_dialogs(keep: QObject | None = None) -> None:
    """Close every popup, menu and dialog of the application, topmost first, and hide any
    other top-level window (a preview, a tool window) except ``keep``."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.close()
        if QApplication.activePopupWidget() is popup:
            break
    modal = QApplication.activeModalWidget()
    while modal is not None and isinstance(modal, QDialog):
        modal.reject()
        modal.hide()
        nxt = QApplication.activeModalWidget()
        if nxt is modal:
            break
        modal = nxt
    for widget in QApplication.topLevelWidgets():
        if widget is keep or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        widget.hide()
