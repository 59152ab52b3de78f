"""Errors as the person at the desk sees them: one short Italian line, never a traceback.

``show_error`` is for expected errors (CasaError) and for bugs alike; the technical details
(exception classes and traceback, never the exceptions' messages, which quote values: see
:mod:`casa_desk.bug_details`) are behind "Copia dettagli",
which puts them on the clipboard for whoever gives support. ``install_excepthook`` routes
uncaught exceptions to the log and, only on the GUI thread, to this dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from casa_desk.bug_details import bug_details
from casa_desk.errors import CasaError
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.plain_text import message_box

log = logging.getLogger("casa_desk.ui")


def user_message(exc: BaseException) -> str:
    """The one line shown to the user: the CasaError worded by its code, or a generic one."""
    if isinstance(exc, CasaError):
        return worded_error(exc)
    return QCoreApplication.translate(
        "ErrorDialog", "Si è verificato un errore imprevisto. Il lavoro salvato non è andato perso."
    )


def error_box(parent: QWidget | None, message: str, details: str = "") -> QMessageBox:
    """A warning box with the message and, when there are details, a "Copia dettagli" button."""
    # plain text: a line may quote a file name or a hub's text
    box = message_box(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ErrorDialog", "casa_desk – errore"),
        message,
        parent,
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if details:
        copy = box.addButton(
            QCoreApplication.translate("ErrorDialog", "Copia dettagli"),
            QMessageBox.ButtonRole.ActionRole,
        )
        copy.setObjectName("copyDetails")
        # ActionRole buttons close the box by default; keep it open after copying.
        copy.clicked.disconnect()
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    return box


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """Show ``exc`` to the user (modal). Details default to the exception's traceback."""
    if not details and not isinstance(exc, CasaError):
        details = bug_details(exc)
    error_box(parent, user_message(exc), details).exec()


def _on_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def install_excepthook(parent_provider=lambda: None) -> None:  # type: ignore[no-untyped-def]
    """One hook for bugs: log the traceback (types and code lines only), show a short message.

    The details (log and "Copia dettagli") are :func:`bug_details`: code lines and exception
    classes, never a message, which may quote a name or a codice fiscale. Off the GUI thread
    only the log is written.
    """

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        details = bug_details(exc.with_traceback(tb)) if exc is not None else kind.__name__
        log.error("Errore non gestito: %s", kind.__name__)
        log.debug("%s", details)
        if kind is KeyboardInterrupt:
            sys.__excepthook__(kind, exc, tb)
            return
        if not _on_gui_thread():
            return
        box = error_box(parent_provider(), user_message(exc), details)
        box.setModal(True)
        # Showing from inside the hook re-enters Qt's event loop; defer to the next turn.
        QTimer.singleShot(0, box.show)

    sys.excepthook = hook
    threading.excepthook = lambda args: hook(  # type: ignore[assignment]
        args.exc_type, args.exc_value, args.exc_traceback
    )  # type: ignore[arg-type]
