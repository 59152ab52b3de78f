"""First run: which office this desktop belongs to, and its administrator.

When there is no store yet (:func:`~casa_desk.security.access.store_state` says ``missing``)
this dialog asks for the office (the four presidi, or head office) and the administrator
(username, full name, password twice). ``accept`` creates the encrypted store with that
administrator's key slot (:func:`~casa_desk.security.access.create_desk`) and keeps the
logged-in session for the window; the password rule is the security layer's
(:func:`~casa_desk.security.passwords.check_password`), worded here.

:class:`OfficeDialog` is the smaller question for a store that exists but has no office yet
(made by ``casa-desk encrypt`` or ``user`` before the office was chosen).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError, ValidationError
from casa_desk.security.access import Session, create_desk
from casa_desk.security.files import private_folder
from casa_desk.security.passwords import check_password
from casa_desk.store.db import Store
from casa_desk.store.reference import PRESIDI
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.store.users import MAX_FULL_NAME, clean_new_username
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.plain_text import plain_label


def needs_first_run(store: Store) -> bool:
    """A store without its office (the window needs one)."""
    return not store.meta("presidio")


def office_box(parent: QWidget, current: str | None = None) -> QComboBox:
    """The offices to choose from: the four presidi and head office."""
    box = QComboBox(parent, objectName="firstRunOffice")
    for row in sorted(PRESIDI, key=lambda p: p["name"]):
        box.addItem(row["name"], row["code"])
    box.addItem(QCoreApplication.translate("FirstRunDialog", "Sede centrale Aler"), HEAD_OFFICE)
    if current:
        box.setCurrentIndex(max(box.findData(current), 0))
    return box


def password_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def check_new_password(password: str, again: str, username: str) -> None:
    """Typed twice the same, and strong enough by the security layer's rule."""
    if password != again:
        raise ValidationError(
            "Le due password non coincidono.", field="password", code="password_mismatch"
        )
    check_password(password, username=username)


class AccountFields:
    """Username, full name and the new password typed twice, in a form layout."""

    def __init__(self, form: QFormLayout, prefix: str) -> None:
        self.username = QLineEdit(objectName=f"{prefix}Username")
        self.username.setPlaceholderText(
            QCoreApplication.translate("AccountFields", "es. mrossi (senza spazi)")
        )
        self.full_name = QLineEdit(objectName=f"{prefix}FullName")
        self.full_name.setMaxLength(MAX_FULL_NAME)
        self.password = password_field(f"{prefix}Password")
        self.again = password_field(f"{prefix}Again")
        self.password.setPlaceholderText(
            QCoreApplication.translate("AccountFields", "almeno 10 caratteri, meglio una frase")
        )
        form.addRow(QCoreApplication.translate("AccountFields", "Nome utente"), self.username)
        form.addRow(QCoreApplication.translate("AccountFields", "Nome e cognome"), self.full_name)
        form.addRow(QCoreApplication.translate("AccountFields", "Password"), self.password)
        form.addRow(QCoreApplication.translate("AccountFields", "Ripetere la password"), self.again)

    def values(self) -> tuple[str, str, str]:
        """(username, full name, password), checked; ValidationError otherwise."""
        username = clean_new_username(self.username.text())
        full_name = " ".join(self.full_name.text().split())
        if not full_name:
            raise ValidationError(
                "Indicare nome e cognome dell'amministratore.", field="full_name", code="required"
            )
        check_new_password(self.password.text(), self.again.text(), username)
        return username, full_name, self.password.text()

    def clear_passwords(self) -> None:
        self.password.clear()
        self.again.clear()


def message_label() -> QLabel:
    label = plain_label(objectName="firstRunMessage")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


class FirstRunDialog(QDialog):
    """Office and administrator of a new store; ``accept`` creates it (``session``)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.path = Path(path)
        self.session: Session | None = None
        self.setWindowTitle(self.tr("casa_desk – primo avvio"))
        intro = plain_label(
            self.tr(
                "Benvenuti. Indicare il presidio di questo computer e creare il suo "
                "amministratore: potrà aggiungere gli altri utenti. La password protegge "
                "l'archivio cifrato: non si può recuperare senza un amministratore."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.office = office_box(self)
        form.addRow(self.tr("Presidio"), self.office)
        self.account = AccountFields(form, "firstRun")
        self.message = message_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Crea e inizia"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Esci"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.account.username.setFocus()

    def accept(self) -> None:
        """Create the store and its administrator; stay open with one line when something
        is missing or refused (the passwords are emptied then)."""
        try:
            username, full_name, password = self.account.values()
            private_folder(self.path.parent)
            self.session = create_desk(
                self.path,
                username=username,
                full_name=full_name,
                password=password,
                presidio=self.office.currentData(),
            )
        except CasaError as exc:
            self.account.clear_passwords()
            self.message.setText(worded_error(exc))
            return
        super().accept()


class OfficeDialog(QDialog):
    """The office of a store that has none yet (asked of its administrator after login)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officeDialog")
        self.session = session
        self.setWindowTitle(self.tr("casa_desk – presidio"))
        intro = plain_label(self.tr("Indicare il presidio di questo computer."))
        self.office = office_box(self)
        self.message = message_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.office)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        from casa_desk.security.permissions import Action

        if not self.session.may(Action.MANAGE_SETTINGS):
            self.message.setText(
                self.tr("Il presidio di questo computer va scelto da un amministratore.")
            )
            return
        self.session.store.set_meta("presidio", self.office.currentData())
        super().accept()
