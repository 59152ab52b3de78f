"""The Users page (administrators): who may open this store, with which role.

A dialog from the Archivio menu, shown only to administrators (the services refuse anyone
else anyway). It lists every account — role, permission to see sensitive content, active or
not — and adds one (password typed twice), changes a role or the permission, resets a
forgotten password, disables an account (never one's own nor the last administrator: the
service refuses and its words are shown), and makes the recovery code. Every change is the
security layer's (:mod:`casa_desk.security.accounts`), audited there in the administrator's
name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.vocab import Role
from casa_desk.security import accounts
from casa_desk.security.access import Session
from casa_desk.store.users import MAX_FULL_NAME, clean_new_username, clean_username
from casa_desk.ui.account_dialogs import FormDialog, NewPasswordDialog, RecoveryCodeDialog
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.first_run import check_new_password, message_label, password_field
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.words import ROLE_WORDS, role_word


def role_box(current: str = Role.OPERATOR.value) -> QComboBox:
    box = QComboBox(objectName="userRole")
    for code in ROLE_WORDS:
        box.addItem(role_word(code), code)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


class UserDialog(FormDialog):
    """Add a user (``username`` None) or change one's role and permission."""

    def __init__(
        self,
        session: Session,
        account: accounts.Account | None = None,
        parent: QWidget | None = None,
    ) -> None:
        adding = account is None
        super().__init__(
            self.tr("Nuovo utente") if adding else self.tr("Modifica utente"), "userDialog", parent
        )
        self.session = session
        self.account = account
        user = account.user if account else None
        self.username = QLineEdit(user.username if user else "", objectName="userUsername")
        self.username.setReadOnly(not adding)
        self.full_name = QLineEdit(user.full_name if user else "", objectName="userFullName")
        self.full_name.setMaxLength(MAX_FULL_NAME)
        self.role = role_box(user.role if user else Role.OPERATOR.value)
        self.sensitive = QCheckBox(
            self.tr("Può vedere i contenuti riservati (violenza, salute)"),
            objectName="userSensitive",
        )
        self.sensitive.setChecked(bool(user and user.may_see_sensitive))
        self.form.addRow(self.tr("Nome utente"), self.username)
        self.form.addRow(self.tr("Nome e cognome"), self.full_name)
        self.form.addRow(self.tr("Ruolo"), self.role)
        self.form.addRow("", self.sensitive)
        self.password = password_field("userPassword")
        self.again = password_field("userAgain")
        if adding:
            self.form.addRow(self.tr("Password"), self.password)
            self.form.addRow(self.tr("Ripetere la password"), self.again)
            self.username.setFocus()
        else:
            self.password.hide()
            self.again.hide()
            self.role.setFocus()

    def apply(self) -> None:
        if self.account is None:
            username = clean_new_username(self.username.text())
            check_new_password(self.password.text(), self.again.text(), username)
            accounts.add_user(
                self.session,
                username,
                full_name=self.full_name.text(),
                role=self.role.currentData(),
                password=self.password.text(),
                may_see_sensitive=self.sensitive.isChecked(),
            )
            return
        accounts.change_user(
            self.session,
            self.account.user.username,
            full_name=self.full_name.text(),
            role=self.role.currentData(),
            may_see_sensitive=self.sensitive.isChecked(),
        )


class UsersDialog(QDialog):
    """The list of accounts and what an administrator does with them."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.session = session
        self.setWindowTitle(self.tr("Utenti"))
        self.table = QTableWidget(0, 5, objectName="usersTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nome utente"),
                self.tr("Nome e cognome"),
                self.tr("Ruolo"),
                self.tr("Contenuti riservati"),
                self.tr("Stato"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.change())
        self.add_button = QPushButton(self.tr("Aggiungi…"), objectName="usersAdd")
        self.change_button = QPushButton(self.tr("Modifica…"), objectName="usersChange")
        self.reset_button = QPushButton(
            self.tr("Reimposta password…"), objectName="usersResetPassword"
        )
        self.disable_button = QPushButton(self.tr("Disattiva"), objectName="usersDisable")
        self.recovery_button = QPushButton(
            self.tr("Codice di recupero…"), objectName="usersRecovery"
        )
        self.close_button = QPushButton(self.tr("Chiudi"))
        self.add_button.clicked.connect(self.add)
        self.change_button.clicked.connect(self.change)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.disable)
        self.recovery_button.clicked.connect(self.recovery_code)
        self.close_button.clicked.connect(self.accept)
        self.message = message_label()
        self.message.setObjectName("usersMessage")
        self.confirmation = plain_label(objectName="usersConfirmation")
        row = QHBoxLayout()
        for button in (
            self.add_button,
            self.change_button,
            self.reset_button,
            self.disable_button,
            self.recovery_button,
        ):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.confirmation)
        layout.addLayout(row)
        self.resize(760, 420)
        self.accounts: list[accounts.Account] = []
        self.refresh()

    def refresh(self) -> None:
        self.accounts = accounts.list_users(self.session)
        self.table.setRowCount(len(self.accounts))
        yes, no = self.tr("Sì"), self.tr("No")
        for row, account in enumerate(self.accounts):
            user = account.user
            cells = (
                user.username,
                user.full_name,
                role_word(user.role),
                yes if user.may_see_sensitive else no,
                self.tr("Attivo") if account.active else self.tr("Disattivato"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected(self) -> accounts.Account | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def select(self, username: str) -> bool:
        for row, account in enumerate(self.accounts):
            if account.user.username == username:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        account = self.selected()
        active = account is not None and account.active
        for button in (self.change_button, self.reset_button, self.disable_button):
            button.setEnabled(active)

    def _done(self, text: str, username: str | None = None) -> None:
        self.message.clear()
        self.confirmation.setText(text)
        self.refresh()
        if username:
            self.select(username)

    def add(self) -> UserDialog:
        dialog = UserDialog(self.session, parent=self)
        dialog.accepted.connect(
            lambda: self._done(self.tr("Utente aggiunto."), clean_username(dialog.username.text()))
        )
        dialog.open()
        return dialog

    def change(self) -> UserDialog | None:
        account = self.selected()
        if account is None or not account.active:
            return None
        dialog = UserDialog(self.session, account, parent=self)
        dialog.accepted.connect(
            lambda: self._done(self.tr("Utente modificato."), account.user.username)
        )
        dialog.open()
        return dialog

    def reset_password(self) -> NewPasswordDialog | None:
        account = self.selected()
        if account is None:
            return None
        dialog = NewPasswordDialog(self.session, account.user.username, self)
        dialog.accepted.connect(
            lambda: self._done(self.tr("Password reimpostata."), account.user.username)
        )
        dialog.open()
        return dialog

    def disable(self, *, confirm: bool = True) -> bool:
        """Disable the selected account, after a question; the service's refusal (oneself,
        the last administrator) is shown in one line."""
        account = self.selected()
        if account is None:
            return False
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Disattiva utente"),
                self.tr("Disattivare %1? Non potrà più accedere.").replace(
                    "%1", account.user.username
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            accounts.disable_user(self.session, account.user.username)
        except CasaError as exc:
            self.confirmation.clear()
            self.message.setText(worded_error(exc))
            return False
        self._done(self.tr("Utente disattivato."), account.user.username)
        return True

    def recovery_code(self) -> RecoveryCodeDialog | None:
        try:
            code = accounts.make_recovery_code(self.session)
        except CasaError as exc:
            self.message.setText(worded_error(exc))
            return None
        dialog = RecoveryCodeDialog(code, self)
        dialog.open()
        return dialog
