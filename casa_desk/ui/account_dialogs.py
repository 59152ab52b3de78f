"""Small dialogs about accounts: one's own password, a new or reset password, the recovery
code, and this desk's security setting (the idle lock's minutes).

Each calls one service of :mod:`casa_desk.security` and shows its refusal in one line under
the fields (the service decides: a wrong old password, a weak new one, a role that may not).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security import accounts
from casa_desk.security.access import Session
from casa_desk.security.settings import (
    MAX_LOCK_MINUTES,
    MIN_LOCK_MINUTES,
    lock_minutes,
    set_lock_minutes,
)
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.first_run import check_new_password, message_label, password_field
from casa_desk.ui.plain_text import plain_label


class FormDialog(QDialog):
    """A form, one message line and OK/Cancel; ``apply()`` does the work or raises."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = message_label()
        self.message.setObjectName(f"{name}Message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = plain_label()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def say(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def apply(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.apply()
        except CasaError as exc:
            for field in self.findChildren(QLineEdit):
                if field.echoMode() == QLineEdit.EchoMode.Password:
                    field.clear()
            self.message.setText(worded_error(exc))
            return
        super().accept()


class OwnPasswordDialog(FormDialog):
    """Anyone changes their own password: the old one, then the new one twice."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Cambia la mia password"), "ownPassword", parent)
        self.session = session
        self.old = password_field("ownPasswordOld")
        self.new = password_field("ownPasswordNew")
        self.again = password_field("ownPasswordAgain")
        self.form.addRow(self.tr("Password attuale"), self.old)
        self.form.addRow(self.tr("Nuova password"), self.new)
        self.form.addRow(self.tr("Ripetere la nuova password"), self.again)
        if session.user.must_change_password:
            self.say(self.tr("La password è stata reimpostata: sceglierne una nuova."))
        self.old.setFocus()

    def apply(self) -> None:
        check_new_password(self.new.text(), self.again.text(), self.session.user.username)
        accounts.change_own_password(self.session, self.old.text(), self.new.text())


class NewPasswordDialog(FormDialog):
    """A password typed twice for ``username`` (an administrator resets a forgotten one)."""

    def __init__(
        self,
        session: Session,
        username: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Reimposta la password"), "resetPassword", parent)
        self.session = session
        self.username = username
        self.say(
            self.tr(
                "Nuova password per %1. Comunicarla di persona: al prossimo accesso "
                "l'utente dovrebbe cambiarla."
            ).replace("%1", username)
        )
        self.new = password_field("resetPasswordNew")
        self.again = password_field("resetPasswordAgain")
        self.form.addRow(self.tr("Nuova password"), self.new)
        self.form.addRow(self.tr("Ripetere la password"), self.again)
        self.new.setFocus()

    def apply(self) -> None:
        check_new_password(self.new.text(), self.again.text(), self.username)
        accounts.reset_password(self.session, self.username, self.new.text())


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once: to print or copy, and keep locked away."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCode")
        self.setWindowTitle(self.tr("Codice di recupero"))
        intro = plain_label(
            self.tr(
                "Questo codice apre l'archivio se tutti gli amministratori dimenticano la "
                "password. Viene mostrato una sola volta: stamparlo o copiarlo ora e "
                "conservarlo chiuso a chiave, lontano dal computer. Un nuovo codice "
                "sostituisce quello precedente."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit(code, objectName="recoveryCodeText")
        self.code.setReadOnly(True)
        font = self.code.font()
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 3)
        self.code.setFont(font)
        self.copy_button = QPushButton(self.tr("Copia"), objectName="recoveryCopy")
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.code.text())
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def done(self, result: int) -> None:
        self.code.clear()  # shown once: nothing of it stays in the widget
        super().done(result)


class SettingsDialog(FormDialog):
    """This desk's security setting: minutes without input before the idle lock."""

    def __init__(
        self,
        session: Session,
        applied: Callable[[int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Impostazioni"), "settingsDialog", parent)
        self.session = session
        self.applied = applied
        self.minutes = QSpinBox(objectName="lockMinutes")
        self.minutes.setRange(MIN_LOCK_MINUTES, MAX_LOCK_MINUTES)
        self.minutes.setValue(lock_minutes(session.store))
        self.minutes.setSuffix(self.tr(" minuti"))
        self.form.addRow(self.tr("Blocco dopo inattività"), self.minutes)
        self.say(
            self.tr(
                "Dopo questi minuti senza usare tastiera o mouse la finestra si blocca e "
                "chiede la password."
            )
        )

    def apply(self) -> None:
        set_lock_minutes(self.session, self.minutes.value())
        self.applied(self.minutes.value())
