"""Head office keeps each office's phone and e-mail (issue 9, item 13): the referral letter
prints them under "Per richiamarci". Presidi are head-office reference data, so only a head
office desk has this dialog (the hub refuses the change from an office anyway), and only its
administrators: the service refuses anyone else (``MANAGE_SETTINGS``, audited)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.phone import format_phone
from casa_desk.security.settings import set_office_contacts
from casa_desk.store.directory import Directory
from casa_desk.ui.contact_form import ERROR_STYLE
from casa_desk.ui.context import DeskContext
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import bold_label, plain_label


class OfficesDialog(QDialog):
    """One row per office: name, phone, e-mail; "Salva" writes the rows that changed."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officesDialog")
        self.setWindowTitle(self.tr("Recapiti dei presidi"))
        self.context = context
        self.directory = Directory(context.store)
        grid = QGridLayout()
        grid.addWidget(bold_label(self.tr("Presidio")), 0, 0)
        grid.addWidget(bold_label(self.tr("Telefono")), 0, 1)
        grid.addWidget(bold_label(self.tr("Email")), 0, 2)
        self.rows: dict[str, tuple[QLineEdit, QLineEdit, QLabel, dict]] = {}
        line = 1
        for office in self.directory.presidi():
            phone = QLineEdit(format_phone(office["phone"]) if office.get("phone") else "")
            phone.setObjectName(f"phone_{office['code']}")
            email = QLineEdit(office.get("email") or "")
            email.setObjectName(f"email_{office['code']}")
            error = plain_label()
            error.setStyleSheet(ERROR_STYLE)
            error.hide()
            grid.addWidget(plain_label(office["name"]), line, 0)
            grid.addWidget(phone, line, 1)
            grid.addWidget(email, line, 2)
            grid.addWidget(error, line + 1, 1, 1, 2)
            self.rows[office["code"]] = (phone, email, error, office)
            line += 2
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(self.tr("Salva"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setDefault(True)
        buttons.addButton(self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = plain_label(
            self.tr("Telefono ed email di ogni presidio compaiono nelle lettere di invio."), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(640)

    def save(self) -> None:
        ok = True
        session = self.context.session
        for code, (phone, email, error, office) in self.rows.items():
            error.hide()
            shown = format_phone(office["phone"]) if office.get("phone") else ""
            if phone.text().strip() == shown and email.text().strip() == (
                office.get("email") or ""
            ):
                continue

            def refused(_exc: CasaError, text: str, error: QLabel = error) -> None:
                error.setText(text)
                error.show()

            ok &= (
                StoreOp(
                    self.context.bus,
                    lambda code=code, phone=phone, email=email: set_office_contacts(
                        session, code, phone=phone.text(), email=email.text()
                    ),
                    changed="presidi",
                    parent=self,
                )
                .failure(refused)
                .run()
            )
        if ok:
            self.accept()
