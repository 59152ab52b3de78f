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
the button disabled.

The login screen's attempt runs on a worker (:mod:`casa_desk.ui.tasks`), because it may be
long: argon2id takes a third of a second by design, and the first login after a new version
was installed also upgrades the store (check, backup, migrations: seconds at an office, a
minute and a half at 1,000,000 contacts). On the GUI thread that froze the window ("Non
risponde" on Windows, and an operator kills it). Meanwhile the fields and buttons are
disabled (no second attempt) and the dialog cannot be closed: an upgrade is never abandoned
half-way, and the process never exits under a worker that holds the store. When the store
turns out to need an upgrade, the worker says so through a queued signal and the form shows
it with a busy bar. The store the worker opened is the GUI thread's once the result arrives
(its connections are opened for any thread: :mod:`casa_desk.store.connection`). The lock
screen checks a password on a store that is already open and keeps its attempt synchronous
(a form without a runner): F12 pressed during its check then acts after the unlock and
hides the window again, where a worker's unlock would arrive after F12 and show it. Enter
pressed again during that check is dropped (:func:`_drop_queued_enter`).
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security.access import Session, unlock
from casa_desk.security.keyslots import WrongPassword
from casa_desk.security.throttle import Throttled
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.settings import UiSettings
from casa_desk.ui.tasks import TaskRunner

#: How often the countdown of a throttled login is redrawn.
TICK_MS = 250
#: The message line's look for a refusal; news (a store being upgraded) is in plain text.
ERROR_STYLE = "color: #b00020;"


class CredentialsForm(QWidget):
    """Username and password fields, one message line and the button that submits them.

    ``attempt(username, password)`` is the caller's check (a login, an unlock); it raises a
    :class:`CasaError` when refused. ``passed`` is emitted with its result. With a
    ``runner`` the attempt runs on its worker and the form stays live, its fields disabled
    until the attempt ends (``started``, then ``settled``); without one it runs on the GUI
    thread, as the lock screen's quick check does.
    """

    passed = Signal(object)
    #: Emitted once the form shows that the store is being upgraded.
    upgrading = Signal()
    #: An attempt began: the fields are disabled until ``settled``.
    started = Signal()
    #: The attempt ended, either way (after ``passed``): the form takes input again.
    settled = Signal()
    #: :meth:`announce_upgrading`, from whatever thread; :meth:`show_upgrading` on this one.
    _announced = Signal()

    def __init__(
        self,
        attempt: Callable[[str, str], object],
        *,
        username: str = "",
        button_text: str = "",
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self._runner = runner
        self._running = False
        self._until = 0.0
        #: The username whose wait the countdown shows (throttling is per username).
        self._throttled = ""
        self._tried = ""
        self.username = QLineEdit(username, objectName="loginUsername")
        self.username.setMaxLength(32)
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = plain_label(objectName="loginMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        # Indeterminate: an upgrade's steps say nothing of how far they are.
        self.busy_bar = QProgressBar(objectName="loginBusy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        self.button = QPushButton(objectName="loginButton")
        # Enter is the fields' own (returnPressed): a default button would submit twice.
        self.button.setAutoDefault(False)
        self._button_text = button_text
        self.form = QFormLayout()
        self.username_label = plain_label()
        self.password_label = plain_label()
        self.form.addRow(self.username_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_bar)
        layout.addLayout(self.buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        # Auto connection: queued when emitted by a worker, direct on the GUI thread.
        self._announced.connect(self.show_upgrading)
        self.username.returnPressed.connect(self._username_entered)
        self.username.textChanged.connect(self._tick_if_waiting)
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

    def busy(self) -> bool:
        """True from the start of an attempt until its result has been handled here."""
        return self._running

    def wait(self) -> None:
        """Block until the attempt's worker, if any, has returned (its result is then
        queued for this thread). An attempt is never stopped half-way: it may be upgrading
        the store."""
        if self._runner is not None and self._running:
            self._runner.cancel_and_wait(timeout_ms=-1)

    def _username_entered(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        """Try the username and password; on success emit ``passed``, else say why in one
        line and empty the password. With a runner this returns at once and the result
        comes back later (``settled``)."""
        if self._running or self._waiting():
            return
        username = self.username.text().strip()
        password = self.password.text()
        self._tried = username
        if not username:
            self.message.setText(self.tr("Indicare il nome utente."))
            self.username.setFocus()
            return
        if not password:
            self.message.setText(self.tr("Indicare la password."))
            self.password.setFocus()
            return
        self._begin()
        attempt = self._attempt
        if self._runner is not None:
            self._runner.run(
                lambda _progress, _cancelled: attempt(username, password),
                on_done=self._succeeded,
                on_error=lambda exc, _details: self._refused(exc),
            )
            return
        try:
            result = attempt(username, password)
        except BaseException as exc:  # noqa: BLE001 - _refused re-raises what is not ours
            self._refused(exc)
            _drop_queued_enter()
            return
        self._succeeded(result)
        _drop_queued_enter()

    def announce_upgrading(self) -> None:
        """The attempt's ``upgrading`` callback, safe from a worker: the form says so on
        the GUI thread (a queued signal; a worker never touches widgets)."""
        self._announced.emit()

    def show_upgrading(self) -> None:
        """Say why the login waits: the store is being upgraded for the new version, with a
        busy bar, the fields disabled until the attempt ends. On the GUI thread; a worker
        calls :meth:`announce_upgrading`."""
        if not self._running:  # the attempt has already ended: nothing to say
            return
        self._set_fields_enabled(False)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "Aggiornamento dell'archivio alla nuova versione: controllo, copia di "
                "sicurezza e migrazione. Può richiedere alcuni minuti: non spegnere il "
                "computer."
            )
        )
        self.busy_bar.setVisible(True)
        self.upgrading.emit()

    def _begin(self) -> None:
        self._running = True
        self.message.clear()
        self.password.clear()  # taken by the attempt: not kept on screen while it runs
        if self._runner is not None:  # the event loop runs meanwhile: no second attempt
            self._set_fields_enabled(False)
        self.started.emit()

    def _end(self) -> None:
        """The form as it was before the attempt, live again."""
        self._running = False
        self._set_fields_enabled(True)
        self.busy_bar.setVisible(False)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.clear()
        self.password.clear()

    def _set_fields_enabled(self, enabled: bool) -> None:
        for widget in (self.username, self.password, self.button):
            widget.setEnabled(enabled)

    def _succeeded(self, result: object) -> None:
        self._end()
        try:
            self.passed.emit(result)
        finally:
            self.settled.emit()

    def _refused(self, exc: BaseException) -> None:
        self._end()
        try:
            if isinstance(exc, Throttled):
                self._until = time.monotonic() + exc.retry_after
                self._throttled = self._tried.lower()
                self._tick()
                self.timer.start()
                return
            if isinstance(exc, WrongPassword):
                self.message.setText(self.tr("Nome utente o password errati."))
            elif isinstance(exc, CasaError):
                self.message.setText(worded_error(exc))
            else:
                raise exc  # a bug: the excepthook's
            self.password.setFocus()
        finally:
            self.settled.emit()

    def _waiting(self) -> bool:
        """The countdown runs and the username is the one that must wait: a colleague
        typing their own name logs in at once (the refusal is that username's only)."""
        return self.timer.isActive() and self._is_throttled_name()

    def _is_throttled_name(self) -> bool:
        return self.username.text().strip().lower() == self._throttled

    def _tick_if_waiting(self) -> None:
        if self.timer.isActive():
            self._tick()

    def _tick(self) -> None:
        left = math.ceil(self._until - time.monotonic())
        if left <= 0:
            self.timer.stop()
            if self._running:  # another user's attempt: the form is theirs until it ends
                return
            self.button.setEnabled(True)
            self.password.setEnabled(True)
            if self._is_throttled_name():
                self.message.setText(self.tr("Si può riprovare."))
                self.password.setFocus()
            return
        if not self._is_throttled_name():  # another user: their own attempt, no wait
            if not self._running and not self.password.isEnabled():
                self.button.setEnabled(True)
                self.password.setEnabled(True)
                self.message.clear()
            return
        self.button.setEnabled(False)
        self.password.setEnabled(False)
        self.message.setText(
            self.tr("Troppi tentativi errati: riprovare tra %n secondi.", "", left)
        )


class _EnterDropper(QObject):
    """Eats Return and Enter key events (application-wide, while installed)."""

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        return (
            event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease)
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        )


def _drop_queued_enter() -> None:
    """Enter pressed again while a synchronous check held the GUI thread (argon2id, a third
    of a second) waits in the queue: dropped, once the result is on screen, instead of
    submitting an emptied password (which replaced "wrong password" with "type the
    password") or, after an unlock, reaching the window. Every other input queued meanwhile
    is handled as usual: typing, and F12 — after the unlock's result, so it still hides the
    window."""
    app = QCoreApplication.instance()
    if app is None:
        return
    dropper = _EnterDropper()
    app.installEventFilter(dropper)
    try:
        QCoreApplication.processEvents()
    finally:
        app.removeEventFilter(dropper)


def prefilled_username(settings: UiSettings) -> str:
    """The username the login screen starts with: the last one that logged in here, else
    ``CASA_DESK_USER`` (``make run`` sets ``demo``); never a password."""
    return settings.last_username() or os.environ.get("CASA_DESK_USER", "").strip()


class LoginDialog(QDialog):
    """The login screen of an encrypted store; ``session`` is set when it is accepted.

    The attempt runs on ``runner``'s worker (a :class:`TaskRunner` of its own by default).
    While it runs, "Esci", Esc and the window's close button are refused: the attempt may
    be upgrading the store, which must not be abandoned half-way, and closing would leave
    a worker holding the store behind. Should the dialog's loop end anyway (the
    application made to exit under it), :meth:`finish_attempt` waits for the worker.
    """

    def __init__(
        self,
        path: Path,
        settings: UiSettings,
        *,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.path = Path(path)
        self.settings = settings
        self.session: Session | None = None
        self._left = False
        self._height_before = 0
        self.setWindowTitle(self.tr("casa_desk – accesso"))
        heading = plain_label(self.tr("Accedere con il proprio nome utente e la propria password."))
        heading.setWordWrap(True)
        self.form = CredentialsForm(
            self._login, username=prefilled_username(settings), runner=runner or TaskRunner()
        )
        self.form.passed.connect(self._logged_in)
        self.form.upgrading.connect(self._grow_for_message)
        self.quit_button = QPushButton(self.tr("Esci"), objectName="loginQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.form.started.connect(lambda: self.quit_button.setEnabled(False))
        self.form.settled.connect(self._settled)
        self.form.buttons.insertWidget(1, self.quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.start()

    def _grow_for_message(self) -> None:
        # A dialog does not grow by itself for a wrapped label's new height, and the
        # upgrade's message is three lines and a bar: grown for it, as it was after.
        height = self.heightForWidth(self.width())
        if height > self.height():
            self._height_before = self.height()
            self.resize(self.width(), height)

    def _settled(self) -> None:
        self.quit_button.setEnabled(True)
        if self._height_before:
            self.resize(self.width(), self._height_before)
            self._height_before = 0

    def _login(self, username: str, password: str) -> Session:
        """The attempt, on the worker: it opens (and may upgrade) the store. Its own
        read-only connection is closed before the session is handed to the GUI thread,
        which opens its own on first use."""
        session = unlock(
            self.path,
            username,
            password,
            check_integrity=False,
            upgrading=self.form.announce_upgrading,
        )
        session.store.release_reader()
        return session

    def _logged_in(self, session: object) -> None:
        assert isinstance(session, Session)
        if self._left:  # the loop ended under the attempt: nobody is at the desk
            session.logout()
            session.store.close()
            return
        self.session = session
        self.settings.set_last_username(session.user.username)
        self.settings.sync()
        super().accept()

    def accept(self) -> None:
        """Enter anywhere in the dialog means "log in" (never "close")."""
        self.form.submit()

    def reject(self) -> None:
        """Esci, Esc and the close button leave the login, but not during an attempt."""
        if not self.form.busy():
            super().reject()

    def done(self, result: int) -> None:
        """The dialog ends. Not through Esci (refused meanwhile), but if it is made to end
        while an attempt runs, the attempt is left: a session it opens is closed unused."""
        if self.form.busy() and result != QDialog.DialogCode.Accepted:
            self._left = True
        super().done(result)

    def finish_attempt(self) -> None:
        """After the dialog's loop has ended: an attempt still running (the application
        made to exit under the dialog) is waited for, never left behind with the store, and
        a session it opened is closed unused. Nothing to do otherwise."""
        if not self.form.busy():
            return
        self._left = True
        self.form.wait()
        QCoreApplication.sendPostedEvents()  # its result, queued by the worker: handled now
