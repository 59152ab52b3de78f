"""A store from before encryption: the administrator's account, then encryption with progress.

When :func:`~casa_desk.security.access.store_state` says ``plain`` the window asks for the
administrator who will hold the first key slot (an existing user of the old store keeps
their row and becomes administrator) and runs
:func:`~casa_desk.security.encrypt.encrypt_store` on a worker: a big store takes minutes,
and the dialog shows the phase and a bar meanwhile. A failure is one line and the plain store
is left as it was (the security layer's promise); the dialog can be tried again or left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security.access import Session
from casa_desk.security.encrypt import encrypt_store
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.first_run import AccountFields, message_label
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.tasks import TaskRunner


class EncryptDialog(QDialog):
    """Asks for the administrator, encrypts on a worker; ``session`` when accepted."""

    def __init__(
        self, path: Path, runner: TaskRunner | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("encryptDialog")
        self.path = Path(path)
        self.runner = runner or TaskRunner()
        self.session: Session | None = None
        self.working = False
        self._left = False
        self.setWindowTitle(self.tr("casa_desk – cifratura dell'archivio"))
        intro = plain_label(
            self.tr(
                "Questo archivio è di una versione precedente e non è cifrato. Indicare "
                "l'amministratore: l'archivio sarà cifrato e si aprirà solo con la sua "
                "password (e quelle degli utenti che aggiungerà)."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.account = AccountFields(form, "encrypt")
        self.phase = plain_label(objectName="encryptPhase")
        self.progress = QProgressBar(objectName="encryptProgress")
        self.progress.setVisible(False)
        self.message = message_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cifra e apri"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Esci"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.phase)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.account.username.setFocus()

    def accept(self) -> None:
        """Check the account here, then encrypt on a worker (the dialog stays until done)."""
        if self.working:
            return
        try:
            username, full_name, password = self.account.values()
        except CasaError as exc:
            self.account.clear_passwords()
            self.message.setText(worded_error(exc))
            return
        self.account.clear_passwords()
        self.message.clear()
        self._busy(True)
        path = self.path

        def work(progress: Any, _cancelled: Any) -> Session:
            def report(_phase: str, done: int, total: int) -> None:
                progress(done, max(total, 1))

            session = encrypt_store(
                path, username=username, full_name=full_name, password=password, progress=report
            )
            # Handed to the GUI thread: this worker's read-only connection closed by its owner
            # now (as the login screen's worker does), the GUI thread opens its own.
            session.store.release_reader()
            return session

        self.runner.run(
            work, on_done=self._done, on_error=self._failed, on_progress=self._progressed
        )

    def _busy(self, busy: bool) -> None:
        self.working = busy
        self.buttons.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)
        self.phase.setText(self.tr("Cifratura in corso: non spegnere il computer…") if busy else "")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, session: object) -> None:
        assert isinstance(session, Session)
        self._busy(False)
        if self._left:  # the loop ended under the encryption: nobody is at the desk
            session.logout()
            session.store.close()
            return
        self.session = session
        super().accept()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._busy(False)
        if not isinstance(exc, CasaError):
            raise exc
        self.message.setText(worded_error(exc))

    def reject(self) -> None:
        if not self.working:  # an encryption half done is never abandoned from here
            super().reject()

    def done(self, result: int) -> None:
        """Made to end while encrypting (not through Esci, refused meanwhile): the session
        the worker opens is closed unused."""
        if self.working and result != QDialog.DialogCode.Accepted:
            self._left = True
        super().done(result)

    def finish_attempt(self) -> None:
        """After the dialog's loop has ended: an encryption still running is waited for
        (the process never exits under a worker that holds the store) and its session
        closed unused, as :meth:`casa_desk.ui.login.LoginDialog.finish_attempt` does."""
        if not self.working:
            return
        self._left = True
        self.runner.cancel_and_wait(timeout_ms=-1)
        QCoreApplication.sendPostedEvents()  # its result, queued by the worker: handled now
