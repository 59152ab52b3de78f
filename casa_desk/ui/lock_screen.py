"""The idle lock and the lock screen: after N minutes without input, nothing is left on screen
until a password is typed (KeePassXC's inactivity timer).

:class:`IdleLock` is an application-wide event filter: every key press, mouse click or move,
wheel or touch restarts one single-shot timer; when it fires, the window locks. The minutes
are the store's setting (:func:`casa_desk.security.settings.lock_minutes`, set by an
administrator); ``interval_ms`` is derived from them and is plain data.

Locking goes through the quick exit's own path (F12): every dialog is taken off the screen
(unsaved forms hidden and kept), the search and the card forgotten by the widgets, menus and
status bar hidden. Then :class:`LockScreen` covers the window: no name, no title with one,
only the username field (pre-filled with who was at the desk), the password, and "Sblocca".
The same page is F12's way back: "Riprendi" on the neutral page asks for the password here.

The same user comes back with their password (:meth:`Session.unlock_again`, throttled like a
login); another user may log in with theirs (:meth:`Desk.login`): the window then works in
their name, and what the previous user left unsaved stays hidden for them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from casa_desk.ui.login import CredentialsForm
from casa_desk.ui.plain_text import plain_label

#: The input that counts as someone at the desk (hover and enter/leave events do not: Qt
#: makes them when a widget moves under a still pointer).
_INPUT = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent)


class IdleLock(QObject):
    """Emits ``idle`` after ``minutes`` without input anywhere in the application."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.interval_ms = minutes * 60_000
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int) -> None:
        """A new setting (an administrator changed it): counted from now."""
        self.interval_ms = minutes * 60_000
        self.restart()

    def restart(self) -> None:
        self.timer.start(self.interval_ms)

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Every event of the application passes here: one isinstance check, nothing more.
        if isinstance(event, _INPUT) and self.timer.isActive():
            self.timer.start(self.interval_ms)
        return False


class LockScreen(QWidget):
    """Covers the window while locked: username, password, "Sblocca" (and, on F12's way
    back, "Indietro" to the neutral page). ``attempt(username, password)`` is the window's
    check; ``unlocked`` carries its result."""

    unlocked = Signal(object)
    back_requested = Signal()

    def __init__(
        self, attempt: Callable[[str, str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.heading = plain_label(objectName="lockHeading")
        self.heading.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.body = plain_label(objectName="lockBody")
        self.body.setWordWrap(True)
        self.form = CredentialsForm(attempt, parent=self)
        self.form.passed.connect(self.unlocked)
        self.back_button = QPushButton(objectName="lockBack")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back_requested)
        self.form.buttons.insertWidget(1, self.back_button)
        box = QWidget(self)
        box.setFixedWidth(440)  # wrapped text measures its height at a known width
        inner = QVBoxLayout(box)
        inner.addWidget(self.heading)
        inner.addWidget(self.body)
        inner.addSpacing(12)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("casa_desk è bloccato"))
        self.body.setText(
            self.tr(
                "Per continuare, inserire la propria password. Un altro utente può "
                "accedere con il proprio nome utente: il lavoro non salvato di chi c'era "
                "resta da parte per lui."
            )
        )
        self.back_button.setText(self.tr("Indietro"))
        self.form.button.setText(self.tr("Sblocca"))

    def prepare(self, username: str, *, from_quick_exit: bool) -> None:
        """Empty fields but the username of who was at the desk; the focus on the password
        (Shift+Tab reaches the username, for another user)."""
        self.form.reset(username)
        self.back_button.setVisible(from_quick_exit)
        self.form.start(password_first=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self.back_button.isVisible():
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("LockScreen", "casa_desk – bloccato")
