"""First run: which office this desktop belongs to, and who is at the desk.

A new store has no ``presidio`` or ``operator`` in its meta table. This dialog asks for both
(the office from the seeded ``presidi`` table, or head office) and writes them, with the
operator as a local user, before the window opens.
"""

from __future__ import annotations

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

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import Role
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.store.users import Users


def needs_first_run(store: Store) -> bool:
    return not store.meta("presidio") or not store.meta("operator")


class FirstRunDialog(QDialog):
    """Asks for the office and the operator; ``accept`` stores them."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.store = store
        self.setWindowTitle(self.tr("casa_desk – primo avvio"))
        self.office = QComboBox(objectName="firstRunOffice")
        for row in Directory(store).presidi():
            self.office.addItem(row["name"], row["code"])
        self.office.addItem(self.tr("Sede centrale Aler"), HEAD_OFFICE)
        current = store.meta("presidio")
        if current:
            self.office.setCurrentIndex(max(self.office.findData(current), 0))
        self.username = QLineEdit(objectName="firstRunUsername")
        self.username.setPlaceholderText(self.tr("es. mrossi (senza spazi)"))
        self.full_name = QLineEdit(objectName="firstRunFullName")
        self.message = QLabel(objectName="firstRunMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        intro = QLabel(self.tr("Benvenuti. Indicare il presidio di questo computer e chi lo usa."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Presidio"), self.office)
        form.addRow(self.tr("Nome utente"), self.username)
        form.addRow(self.tr("Nome e cognome"), self.full_name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Inizia"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Esci"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.username.setFocus()

    def accept(self) -> None:
        """Store office and operator; stay open with a message when something is missing."""
        code = self.office.currentData()
        username = self.username.text().strip().lower()
        try:
            if not self.full_name.text().strip():
                raise ValidationError(
                    "Indicare nome e cognome dell'operatore.", field="full_name", code="required"
                )
            users = Users(self.store)
            if users.get(username) is None:
                role = Role.ADMINISTRATOR if code == HEAD_OFFICE else Role.OPERATOR
                users.add(username, self.full_name.text(), presidio=code, role=role)
        except ValidationError as exc:
            self.message.setText(exc.message)
            return
        self.store.set_meta("presidio", code)
        self.store.set_meta("operator", username)
        super().accept()
