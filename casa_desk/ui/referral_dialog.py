"""Create a referral from a person or a contact, and record the consent sending needs.

Sharing a person's data with a service needs their live consent for that service
(DESIGN.md §3). When "Invia subito" is ticked and there is none, nothing is written: a banner
says why the referral cannot be sent and offers to record the consent (its text and expiry);
once recorded, the save goes on and the referral is created and sent. Unticked, the referral
is saved as a draft (``bozza``) and can be sent later from the referrals page.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import ConsentError
from casa_desk.models.referrals import EventKind
from casa_desk.store.consents import live_consent, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.ui.consent_dialog import ConsentDialog
from casa_desk.ui.contact_form import ERROR_STYLE, DateField
from casa_desk.ui.context import DeskContext
from casa_desk.ui.discard import DiscardGuard
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.models import Column, RowsModel, Vocab, one_page, person_name, stacked
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.quick_exit import mark_draft

BANNER_STYLE = (
    "QFrame#banner { background: #fdecea; border: 1px solid #e0a39c; border-radius: 4px; }"
)


def error_label(parent: QWidget) -> QLabel:
    label = plain_label(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class ConsentBanner(QFrame):
    """Why a referral cannot be sent, with the way out: record the consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setStyleSheet(BANNER_STYLE)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        self.record = QPushButton(self.tr("Registra consenso…"), self)
        row = QHBoxLayout(self)
        row.addWidget(self.message, 1)
        row.addWidget(self.record)
        self.hide()

    def show_message(self, text: str, *, offer_consent: bool) -> None:
        self.message.setText(text)
        self.record.setVisible(offer_consent)
        self.show()


class ReferralDialog(DiscardGuard):
    """A new referral; ``saved`` carries its id."""

    saved = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        person_id: str | None = None,
        contact_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.contact_id = contact_id
        if contact_id and not person_id:
            person_id = Contacts(context.store).get(contact_id).get("person_id")
        self.person_id = person_id
        self.consent_dialog: ConsentDialog | None = None
        mark_draft(self)
        self.setWindowTitle(self.tr("Nuova segnalazione"))
        self._build()
        self.filter.setFocus()

    def _build(self) -> None:
        self._build_service()
        self._build_fields()
        self._build_layout()

    def _build_service(self) -> None:
        directory = Directory(self.context.store)
        if self.person_id:
            person = People(self.context.store).get(self.person_id)
            who = person_name({**person, "person_id": self.person_id})
        else:
            who = self.tr("Nessuna persona: una segnalazione richiede una persona registrata.")
        self.person = plain_label(who, self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Cerca servizio per nome, ente, tipo…"))
        self.filter.setClearButtonEnabled(True)
        kinds = Vocab.service_kinds()
        self.services = RowsModel(
            [
                Column(
                    self.tr("Servizio"), lambda r: f"{r['name']}  ·  {Vocab.word(kinds, r['kind'])}"
                )
            ],
            one_page(lambda: directory.services(self.filter.text(), active_only=True)),
            parent=self,
        )
        self.service_list = QListView(self)
        self.service_list.setModel(self.services)
        self.service_list.setFixedHeight(120)
        self.filter.textChanged.connect(self._filter_services)
        self.filter.returnPressed.connect(self.service_list.setFocus)
        self.filter.installEventFilter(self)

    def _build_fields(self) -> None:
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Perché la persona viene segnalata"))
        self.request = QPlainTextEdit(self)
        self.request.setTabChangesFocus(True)
        self.request.setPlaceholderText(self.tr("Che cosa si chiede al servizio"))
        self.request.setFixedHeight(64)
        self.urgency = QComboBox(self)
        for code, label in Vocab.urgencies().items():
            self.urgency.addItem(label, code)
        self.urgency.setCurrentIndex(self.urgency.findData("normale"))
        self.due = DateField(self)
        self.send_now = QCheckBox(self.tr("Invia subito al servizio"), self)
        self.errors = {
            f: error_label(self) for f in ("service_id", "reason", "urgency", "due_on", "person_id")
        }

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Persona"), stacked(self.person, self.errors["person_id"]))
        form.addRow(
            self.tr("Ser&vizio"), stacked(self.filter, self.service_list, self.errors["service_id"])
        )
        form.addRow(self.tr("&Motivo"), stacked(self.reason, self.errors["reason"]))
        form.addRow(self.tr("&Richiesta"), self.request)
        form.addRow(self.tr("&Urgenza"), stacked(self.urgency, self.errors["urgency"]))
        form.addRow(self.tr("&Entro il"), stacked(self.due, self.errors["due_on"]))
        form.addRow("", self.send_now)
        self.banner = ConsentBanner(self)
        self.banner.record.clicked.connect(self.ask_consent)
        self.general_error = error_label(self)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Salva (Ctrl+Invio)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = buttons.addButton(self.tr("Annulla (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        fit_mnemonic_labels(self)
        self.save_button.setEnabled(bool(self.person_id))
        # Tab follows the form top to bottom. The fields moved into their stacked boxes
        # went to the end of the focus chain, so Tab after the reason reached the urgency:
        # the request typed there changed the urgency and was lost.
        chain: list[QWidget] = [self.filter, self.service_list, self.reason, self.request]
        chain += [self.urgency, self.due.edit, self.send_now, self.save_button, cancel]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def typed_text(self) -> bool:
        return bool(self.reason.text().strip() or self.request.toPlainText().strip())

    def discard_question(self) -> str:
        return self.tr("La segnalazione non è stata salvata: scartare quello che è stato scritto?")

    def _filter_services(self) -> None:
        """Narrow the list; the first match is chosen, so Enter/Tab can move on at once
        (nothing is chosen for the user before they type: no referral to 112 by accident)."""
        self.services.reload()
        if self.filter.text().strip() and self.services.rowCount():
            self.service_list.setCurrentIndex(self.services.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """↑/↓ in the search field move through the services without leaving it."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())  # type: ignore[attr-defined]
            if step and self.services.rowCount():
                row = self.service_list.currentIndex().row() + step
                row = max(0, min(self.services.rowCount() - 1, row))
                self.service_list.setCurrentIndex(self.services.index(row, 0))
                return True
        return super().eventFilter(watched, event)

    def select_service(self, service_id: str) -> None:
        row = self.services.find("id", service_id)
        if row >= 0:
            self.service_list.setCurrentIndex(self.services.index(row, 0))

    def service_id(self) -> str | None:
        row = self.services.row_at(self.service_list.currentIndex().row())
        return row["id"] if row else None

    # -- saving -------------------------------------------------------------------------
    def save(self) -> None:
        self._clear()
        if not self.person_id:
            return
        referrals = Referrals(self.context.store)
        service_id = self.service_id()
        if not service_id:
            self._show("service_id", self.tr("Scegliere un servizio dall'elenco."))
            return
        try:
            due = self.due.value()
        except ValueError:
            self._show("due_on", self.tr("Data non valida: usare gg/mm/aaaa oppure +7."))
            return
        send = self.send_now.isChecked()
        if (
            send
            and live_consent(self.context.store.db, self.person_id, referral_purpose(service_id))
            is None
        ):
            self.banner.show_message(
                self.tr(
                    "Non si può inviare: manca un consenso valido della persona a condividere "
                    "i dati con questo servizio. Registrare il consenso oppure salvare come "
                    "bozza (togliendo «Invia subito»)."
                ),
                offer_consent=True,
            )
            return
        values = {
            "person_id": self.person_id,
            "service_id": service_id,
            "reason": self.reason.text(),
            "presidio": self.context.presidio,
            "by": self.context.operator,
            "urgency": self.urgency.currentData(),
            "due_on": due,
            "contact_id": self.contact_id,
            "request": self.request.toPlainText(),
        }

        def write() -> tuple[dict, ConsentError | None]:
            referral = referrals.create(**values)
            if not send:
                return referral, None
            try:
                referrals.step(referral["id"], EventKind.SENT, by=self.context.operator)
            except ConsentError as error:  # withdrawn in between: the draft stays
                return referral, error
            return referral, None

        StoreOp(self.context.bus, write, changed="referrals", parent=self).success(
            self._created
        ).failure(lambda error, text: self._show(getattr(error, "field", ""), text)).run()

    def _created(self, outcome: tuple[dict, ConsentError | None]) -> None:
        referral, not_sent = outcome
        if not_sent is not None:
            self.banner.show_message(worded_error(not_sent), offer_consent=False)
            return
        self.saved.emit(referral["id"])
        self.accept()

    def ask_consent(self) -> None:
        """Open the consent form; once recorded, the save (and the sending) goes on."""
        service_id = self.service_id()
        if not (self.person_id and service_id):
            return
        self.consent_dialog = ConsentDialog(self.context, self.person_id, service_id, self)
        self.consent_dialog.recorded.connect(self._consent_recorded)
        self.consent_dialog.open()

    def _consent_recorded(self) -> None:
        self.banner.hide()
        self.save()

    def _show(self, field: str, text: str) -> None:
        label = self.errors.get(field, self.general_error)
        label.setText(text)
        label.show()

    def _clear(self) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        self.banner.hide()
        if not self.person_id:
            self.errors["person_id"].setText(
                self.tr("Aprire la scheda di una persona per segnalarla a un servizio.")
            )
            self.errors["person_id"].show()


__all__ = ["ConsentBanner", "ConsentDialog", "ReferralDialog", "error_label"]
