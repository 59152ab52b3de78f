"""The login screen: who is at the desk, before anything of the store is on screen.

Every start on an encrypted store shows :class:`LoginDialog`: the username first (the last
one that logged in on this computer pre-filled and selected, else ``CASA_DESK_USER``), then
the password; Enter logs in. Only the username is remembered (QSettings), never a password,
and the window never logs in by itself from an environment variable: a password typed at
the desk is the only way in.

The password part is :class:`CredentialsForm`, shared with the idle-lock screen
(:mod:`casa_desk.ui.lock_screen`): a wrong password is one line under the fields and the
password field is emptied; after repeated failures the security layer refuses for a while
(:class:`~casa_desk.security.throttle.Throttled`) and the form counts the seconds down with
the button disabled. The slot is opened on the GUI thread: argon2id takes a third of a
second by design, and a login that cannot be clicked twice is simpler than a worker. The
first login after a new version was installed may also upgrade the store (check, backup,
migrations: seconds at an office, minutes at 1,000,000 contacts): the form then says so,
drawn before the work starts, with its fields disabled until it ends.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security.access import Session, unlock
from casa_desk.security.keyslots import WrongPassword
from casa_desk.security.throttle import Throttled
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.settings import UiSettings

#: How often the countdown of a throttled login is redrawn.
TICK_MS = 250
#: The message line's look for a refusal; news (a store being upgraded) is in plain text.
ERROR_STYLE = "color: #b00020;"


class CredentialsForm(QWidget):
    """Username and password fields, one message line and the button that submits them.

    ``attempt(username, password)`` is the caller's check (a login, an unlock); it raises a
    :class:`CasaError` when refused. ``passed`` is emitted with its result.
    """

    passed = Signal(object)
    #: Emitted once the form shows that the store is being upgraded (and has drawn it).
    upgrading = Signal()

    def __init__(
        self,
        attempt: Callable[[str, str], object],
        *,
        username: str = "",
        button_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self._until = 0.0
        self._upgrading = False
        self.username = QLineEdit(username, objectName="loginUsername")
        self.username.setMaxLength(32)
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(objectName="loginMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.button = QPushButton(objectName="loginButton")
        # Enter is the fields' own (returnPressed): a default button would submit twice.
        self.button.setAutoDefault(False)
        self._button_text = button_text
        self.form = QFormLayout()
        self.username_label = QLabel()
        self.password_label = QLabel()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.username.returnPressed.connect(self._username_entered)
        self.password.returnPressed.connect(self.submit)
        self.button.clicked.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.username_label.setText(self.tr("Nome utente"))
        self.password_label.setText(self.tr("Password"))
        self.button.setText(self._button_text or self.tr("Accedi"))

    def start(self, *, password_first: bool = False) -> None:
        """Focus where the user starts: the username, selected (the lock screen: the
        password, the username being most often the same)."""
        if password_first:
            self.password.setFocus()
        else:
            self.username.setFocus()
            self.username.selectAll()

    def reset(self, username: str | None = None) -> None:
        """Empty the password and the message (and set the username, when given)."""
        if username is not None:
            self.username.setText(username)
        self.password.clear()
        self.message.clear()

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        """Try the username and password; on success emit ``passed``, else say why in one
        line and empty the password."""
        if self.timer.isActive():
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.message.setText(self.tr("Indicare il nome utente."))
            self.username.setFocus()
            return
        if not password:
            self.message.setText(self.tr("Indicare la password."))
            self.password.setFocus()
            return
        try:
            result = self._attempted(username, password)
        except Throttled as exc:
            self.password.clear()
            self._until = time.monotonic() + exc.retry_after
            self._tick()
            self.timer.start()
            return
        except WrongPassword:
            self.password.clear()
            self.message.setText(self.tr("Nome utente o password errati."))
            self.password.setFocus()
            return
        except CasaError as exc:
            self.password.clear()
            self.message.setText(worded_error(exc))
            self.password.setFocus()
            return
        self.password.clear()
        self.message.clear()
        self.passed.emit(result)

    def show_upgrading(self) -> None:
        """Say why the login waits: the store is being upgraded for the new version, on this
        thread. Drawn now (user input is left queued), the fields disabled until the attempt
        ends."""
        self._upgrading = True
        for widget in (self.username, self.password, self.button):
            widget.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "Aggiornamento dell'archivio alla nuova versione: controllo, copia di "
                "sicurezza e migrazione. Può richiedere alcuni minuti: non spegnere il "
                "computer."
            )
        )
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.upgrading.emit()

    def _attempted(self, username: str, password: str) -> object:
        """The caller's check; the form as it was after an upgrade it waited for."""
        try:
            return self._attempt(username, password)
        finally:
            if self._upgrading:
                self._upgrading = False
                for widget in (self.username, self.password, self.button):
                    widget.setEnabled(True)
                self.message.setStyleSheet(ERROR_STYLE)
                self.message.clear()

    def _tick(self) -> None:
        left = math.ceil(self._until - time.monotonic())
        if left <= 0:
            self.timer.stop()
            self.button.setEnabled(True)
            self.password.setEnabled(True)
            self.message.setText(self.tr("Si può riprovare."))
            self.password.setFocus()
            return
        self.button.setEnabled(False)
        self.password.setEnabled(False)
        self.message.setText(
            self.tr("Troppi tentativi errati: riprovare tra %n secondi.", "", left)
        )


def prefilled_username(settings: UiSettings) -> str:
    """The username the login screen starts with: the last one that logged in here, else
    ``CASA_DESK_USER`` (``make run`` sets ``demo``); never a password."""
    return settings.last_username() or os.environ.get("CASA_DESK_USER", "").strip()


class LoginDialog(QDialog):
    """The login screen of an encrypted store; ``session`` is set when it is accepted."""

    def __init__(
        self,
        path: Path,
        settings: UiSettings,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.path = Path(path)
        self.settings = settings
        self.session: Session | None = None
        self.setWindowTitle(self.tr("casa_desk – accesso"))
        heading = QLabel(self.tr("Accedere con il proprio nome utente e la propria password."))
        heading.setWordWrap(True)
        self.form = CredentialsForm(self._login, username=prefilled_username(settings))
        self.form.passed.connect(self._logged_in)
        self.quit_button = QPushButton(self.tr("Esci"), objectName="loginQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.form.buttons.insertWidget(1, self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.start()

    def _login(self, username: str, password: str) -> Session:
        return unlock(
            self.path,
            username,
            password,
            check_integrity=False,
            upgrading=self.form.show_upgrading,
        )

    def _logged_in(self, session: object) -> None:
        assert isinstance(session, Session)
        self.session = session
        self.settings.set_last_username(session.user.username)
        self.settings.sync()
        super().accept()

    def accept(self) -> None:
        """Enter anywhere in the dialog means "log in" (never "close")."""
        self.form.submit()
