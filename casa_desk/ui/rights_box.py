"""The card's box for issue 11: safe-contact instructions, the person's data, erasure.

* **Contatto sicuro** — shown prominently: "NON CHIAMARE" / "NON INVIARE POSTA" always
  (they protect the person), the safe phone, hours and note only for users who may see
  sensitive content; "Modifica…" records them (:mod:`casa_desk.store.safe_contact`).
* **Esporta dati** (coordinators and above) — the access PDF (art. 15), where the user saves
  it (:func:`casa_desk.security.rights.export_person`).
* **Cancella dati** (coordinators and above) — the reason typed, confirmed, then the
  erasure (art. 17, :func:`casa_desk.security.rights.erase_person`).
* **Riservata** — "Persona riservata" when she is; coordinators and above flag her by hand
  (*Segna come riservata…*) or take their flag off (*Togli «riservata»…*), after a
  confirmation (``Session.set_restricted``, audited); lists and masking follow at once.

Both need the window's session (``context.session``); without one (tests that build a page
on a bare store) the buttons stay hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.phone import format_phone
from casa_desk.models.reasons import check_reason
from casa_desk.security.access import MIN_REASON_LENGTH
from casa_desk.security.permissions import Action
from casa_desk.store.restricted import flagged_by_hand, is_restricted
from casa_desk.store.retention import may_anonymise
from casa_desk.store.safe_contact import SafeContacts
from casa_desk.ui.context import DeskContext
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.file_dialogs import save_file_name
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import message_box, plain_label

ALERT_STYLE = "color: #a40000; font-weight: bold;"


class SafeContactDialog(QDialog):
    """Record or change the office's safe-contact instructions for one person."""

    saved = Signal()

    def __init__(self, context: DeskContext, person_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("safeContactDialog")
        self.setWindowTitle(self.tr("Contatto sicuro"))
        self.context, self.person_id = context, person_id
        # as the card shows them: the phone, hours and note only to who may read them
        current = (
            SafeContacts(context.store).get(person_id, context.presidio, masked=context.masked)
            or {}
        )
        self.phone = QLineEdit(format_phone(current["phone"]) if current.get("phone") else "")
        self.hours = QLineEdit(current.get("hours") or "")
        self.no_calls = QCheckBox(self.tr("Non chiamare"))
        self.no_calls.setChecked(bool(current.get("no_calls")))
        self.no_post = QCheckBox(self.tr("Non inviare posta"))
        self.no_post.setChecked(bool(current.get("no_post")))
        self.note = QPlainTextEdit(current.get("note") or "")
        self.error = plain_label(styleSheet=ALERT_STYLE, wordWrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Telefono sicuro"), self.phone)
        form.addRow(self.tr("Orari"), self.hours)
        form.addRow("", self.no_calls)
        form.addRow("", self.no_post)
        form.addRow(self.tr("Nota"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> bool:
        safe = SafeContacts(self.context.store)

        def failed(_error: CasaError, text: str) -> None:
            self.error.setText(text)
            self.error.show()

        def done(_row: Any) -> None:
            self.saved.emit()
            self.accept()

        return (
            StoreOp(
                self.context.bus,
                lambda: safe.save(
                    self.person_id,
                    presidio=self.context.presidio,
                    phone=self.phone.text(),
                    hours=self.hours.text(),
                    no_calls=self.no_calls.isChecked(),
                    no_post=self.no_post.isChecked(),
                    note=self.note.toPlainText(),
                ),
                changed="safe_contacts",
                parent=self,
            )
            .success(done)
            .failure(failed)
            .run()
        )


class EraseDialog(QDialog):
    """The reason for an erasure on request, and the confirmation that it cannot be undone.

    ``check`` judges the reason before the dialog closes (one naming the person is refused:
    :func:`casa_desk.security.rights.erase_person`): the message shows here and the text
    stays to be mended, instead of an error after the dialog and its text are gone."""

    def __init__(
        self, parent: QWidget | None = None, check: Callable[[str], object] | None = None
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.setObjectName("eraseDialog")
        self.setWindowTitle(self.tr("Cancella i dati della persona"))
        warning = plain_label(
            self.tr(
                "Nome, codice fiscale, recapiti, indirizzo, note e testi della persona "
                "saranno cancellati qui e in tutti gli uffici. Restano solo i dati per le "
                "statistiche. Non si può annullare."
            ),
            wordWrap=True,
        )
        self.reason = QLineEdit(objectName="eraseReason")
        self.reason.setPlaceholderText(self.tr("Motivo (per esempio: richiesta scritta del …)"))
        buttons = QDialogButtonBox()
        self.erase = buttons.addButton(
            self.tr("Cancella definitivamente"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.erase.setEnabled(False)
        self.reason.textChanged.connect(
            lambda text: self.erase.setEnabled(len(" ".join(text.split())) >= MIN_REASON_LENGTH)
        )
        self.message = plain_label(objectName="eraseMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)  # as the break-glass dialog: the warning in three lines

    def accept(self) -> None:
        if self.check is not None:
            try:
                self.check(self.reason.text())
            except CasaError as exc:
                self.message.setText(worded_error(exc))
                self.reason.setFocus()
                return
        super().accept()


class RightsBox(QGroupBox):
    """Safe contact and the person's rights, on the card's left column."""

    confirmed = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightsBox")
        self.context = context
        self.person_id: str | None = None
        self.flags = plain_label(objectName="safeFlags", styleSheet=ALERT_STYLE, wordWrap=True)
        self.details = plain_label(objectName="safeDetails", wordWrap=True)
        self.edit = QPushButton(objectName="safeEdit")
        self.edit.clicked.connect(self.ask_safe_contact)
        self.export = QPushButton(objectName="exportData")
        self.export.clicked.connect(self.ask_export)
        self.erase = QPushButton(objectName="eraseData")
        self.erase.clicked.connect(self.ask_erase)
        self.restricted = plain_label(objectName="restrictedLine", styleSheet=ALERT_STYLE)
        self.restrict = QPushButton(objectName="restrictPerson")
        self.restrict.clicked.connect(self.ask_restricted)
        self._by_hand = False
        self.dialog: QDialog | None = None
        # One under the other: side by side they were wider than the card's column, which
        # cuts what does not fit (no horizontal scroll bar there).
        buttons = QVBoxLayout()
        for button in (self.edit, self.export, self.erase, self.restrict):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.restricted)
        layout.addWidget(self.flags)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Contatto sicuro e diritti"))
        self.edit.setText(self.tr("Contatto sicuro…"))
        self.export.setText(self.tr("Esporta dati…"))
        self.erase.setText(self.tr("Cancella dati…"))
        self.restricted.setText(self.tr("Persona riservata"))
        self.restrict.setText(
            self.tr("Togli «riservata»…") if self._by_hand else self.tr("Segna come riservata…")
        )

    def _may(self, action: Action) -> bool:
        session = getattr(self.context, "session", None)
        return bool(session is not None and session.may(action))

    def load(self, person: dict[str, Any]) -> None:
        self.person_id = person["id"]
        anonymised = bool(person.get("anonymised_on"))
        safe = SafeContacts(self.context.store).get(
            person["id"], self.context.presidio, masked=not self.context.may_see_sensitive
        )
        flags = []
        if safe and safe["no_calls"]:
            flags.append(self.tr("NON CHIAMARE"))
        if safe and safe["no_post"]:
            flags.append(self.tr("NON INVIARE POSTA"))
        if anonymised:
            flags.append(self.tr("Dati anonimizzati"))
        self.flags.setText(" · ".join(flags))
        self.flags.setVisible(bool(flags))
        details = []
        if safe and safe.get("phone"):
            details.append(
                self.tr("Telefono sicuro: %1").replace("%1", format_phone(safe["phone"]))
            )
        if safe and safe.get("hours"):
            details.append(self.tr("Orari: %1").replace("%1", safe["hours"]))
        if safe and safe.get("note"):
            details.append(safe["note"])
        if not safe:
            details.append(self.tr("Nessuna istruzione di contatto sicuro."))
        self.details.setText("\n".join(details))
        # A user who may not read the phone, hours and note records instructions where
        # there are none, never changes them: the form would show them, and saving it
        # without them would wipe them (a colleague with the permission changes them).
        self.edit.setVisible(not anonymised and (self.context.may_see_sensitive or not safe))
        self.export.setVisible(self._may(Action.EXPORT_PERSON))
        # Another office's person is erased by that office or head office (the hub refuses
        # it from here: store/retention.may_anonymise).
        self.erase.setVisible(
            self._may(Action.ERASE_PERSON)
            and not anonymised
            and may_anonymise(person, self.context.presidio)
        )
        db = self.context.store.db
        restricted = is_restricted(db, person["id"])
        self._by_hand = flagged_by_hand(db, person["id"])
        self.restricted.setVisible(restricted)
        # Riservata by her sensitive records she stays so (the flag would add nothing);
        # by hand, the same hand may take it off.
        self.restrict.setVisible(
            self._may(Action.RESTRICT_PERSON)
            and not anonymised
            and (self._by_hand or not restricted)
        )
        self.retranslate()

    def ask_restricted(self) -> bool:
        """Flag her riservato by hand, or take the flag off, once confirmed (default: no)."""
        session, person_id = getattr(self.context, "session", None), self.person_id
        if session is None or person_id is None:
            return False
        flag = not self._by_hand
        box = message_box(
            QMessageBox.Icon.Question,
            self.tr("Persona riservata"),
            self.tr(
                "Segnare la persona come riservata? Chi non può vedere i dati riservati "
                "la troverà come «Persona riservata» e aprirà la scheda solo indicando un "
                "motivo."
            )
            if flag
            else self.tr(
                "Togliere il segno «riservata»? Chi non può vedere i dati riservati "
                "vedrà di nuovo il suo nome."
            ),
            self,
        )
        box.setObjectName("restrictConfirm")
        yes = box.addButton(
            self.tr("Segna come riservata") if flag else self.tr("Togli il segno"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(box.addButton(self.tr("Annulla"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is not yes:
            return False
        done = (
            self.tr("Persona segnata come riservata.")
            if flag
            else self.tr("Tolto il segno «riservata».")
        )
        return (
            StoreOp(
                self.context.bus,
                lambda: session.set_restricted(person_id, flag),
                changed="people",
                parent=self,
            )
            .success(lambda _changed: self.confirmed.emit(done))
            .run()
        )

    def ask_safe_contact(self) -> None:
        if self.person_id is None:
            return
        dialog = SafeContactDialog(self.context, self.person_id, self)
        dialog.saved.connect(lambda: self.confirmed.emit(self.tr("Contatto sicuro salvato.")))
        self.dialog = dialog
        dialog.open()

    def ask_export(self) -> None:
        if self.person_id is None:
            return
        title = self.tr("Salva i dati della persona")
        path = save_file_name(self, title, str(Path.home() / "dati.pdf"), self.tr("PDF (*.pdf)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> bool:
        from casa_desk.security import rights

        session, person_id = getattr(self.context, "session", None), self.person_id
        if session is None or person_id is None:
            return False
        saved = self.tr("Dati salvati in %1").replace("%1", str(out))
        return (
            StoreOp(
                self.context.bus,
                lambda: rights.export_person(session, person_id, out),
                changed="audit_log",
                parent=self,
            )
            .success(lambda _p: self.confirmed.emit(saved))
            .run()
        )

    def ask_erase(self) -> None:
        if self.person_id is None:
            return
        session, person_id = getattr(self.context, "session", None), self.person_id
        dialog = EraseDialog(
            self,
            check=None
            if session is None
            else lambda text: check_reason(" ".join(text.split()), session.identity(person_id)),
        )
        dialog.accepted.connect(lambda: self.erase_now(dialog.reason.text()))
        self.dialog = dialog
        dialog.open()

    def erase_now(self, reason: str) -> bool:
        from casa_desk.security import rights

        session, person_id = getattr(self.context, "session", None), self.person_id
        if session is None or person_id is None:
            return False
        return (
            StoreOp(
                self.context.bus,
                lambda: rights.erase_person(session, person_id, reason),
                changed="people",
                parent=self,
            )
            .success(lambda _rows: self.confirmed.emit(self.tr("Dati della persona cancellati.")))
            .run()
        )
