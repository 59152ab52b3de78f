"""Recording a consent: to be in the office's records (the informativa) or to share data
with one service (purpose ``referral:<id>``), with its text and expiry.

Opened from a referral that needs it (the service is given) or from the person's card (the
operator picks the purpose). Keys as in the contact form: Ctrl+Enter saves from anywhere —
the consent's text included, where Enter starts a new line —, Enter in a one-line field
saves, Esc cancels.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.timeutil import today_rome
from casa_desk.store.consents import REGISTRY, Consents, referral_purpose
from casa_desk.store.directory import Directory
from casa_desk.ui.contact_form import ERROR_STYLE, DateField
from casa_desk.ui.context import DeskContext
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.quick_exit import mark_draft


class ConsentDialog(QDialog):
    """Record one consent of ``person_id``; ``recorded`` carries the new row's id."""

    recorded = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        person_id: str,
        service_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consentDialog")
        self.context = context
        self.person_id = person_id
        self.service_id = service_id
        mark_draft(self)
        self.setWindowTitle(self.tr("Registra consenso"))
        self.purpose = QComboBox(self, objectName="consentPurpose")
        directory = Directory(context.store)
        if service_id is None:
            self.purpose.addItem(self.tr("Registrazione nell'archivio (informativa)"), REGISTRY)
            for service in directory.services(active_only=True):
                self.purpose.addItem(
                    self.tr("Invio a %1").replace("%1", service["name"]),
                    referral_purpose(service["id"]),
                )
        else:
            service = directory.service(service_id)
            self.purpose.addItem(
                self.tr("Invio a %1").replace("%1", service["name"]), referral_purpose(service_id)
            )
            self.purpose.setEnabled(False)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(5 * self.fontMetrics().lineSpacing())
        self.expiry = DateField(self)
        self.expiry.set_value(today_rome() + timedelta(days=365))
        self.error = plain_label(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        # The text's label sits at the top of the box, whole (it was cut in half).
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("&Consenso per"), self.purpose)
        form.addRow(self.tr("&Testo"), self.text)
        form.addRow(self.tr("&Scadenza"), self.expiry)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(
            self.tr("Registra (Ctrl+Invio)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("Annulla (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.ok, cancel):  # as in the contact form
            button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                self,
                activated=self.save,
                context=Qt.ShortcutContext.WindowShortcut,
            )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        fit_mnemonic_labels(self)
        self._purpose_changed()
        (self.text if service_id else self.purpose).setFocus()

    def _purpose_changed(self) -> None:
        if self.purpose.currentData() == REGISTRY:
            text = self.tr(
                "La persona ha ricevuto e letto l'informativa sul trattamento dei dati e "
                "acconsente a essere registrata nell'archivio del presidio."
            )
        else:
            text = self.tr(
                "La persona acconsente che i dati necessari alla segnalazione siano comunicati "
                "al servizio indicato, come da informativa."
            )
        self.text.setPlainText(text)

    def save(self) -> None:
        try:
            expires = self.expiry.value()
        except ValueError:
            self._refused(None, self.tr("Data di scadenza non valida."))
            return
        consents, text = Consents(self.context.store), self.text.toPlainText()
        purpose = str(self.purpose.currentData())
        StoreOp(
            self.context.bus,
            lambda: consents.give(
                self.person_id,
                purpose,
                text=text,
                presidio=self.context.presidio,
                operator=self.context.operator,
                expires_on=expires,
            ),
            changed="consents",
            parent=self,
        ).success(self._recorded).failure(self._refused).run()

    def _recorded(self, row: dict) -> None:
        self.recorded.emit(row["id"])
        self.accept()

    def _refused(self, _error: CasaError | None, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+Enter saves even where the shortcut did not fire (a child kept the key)."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return
        super().keyPressEvent(event)
