"""The agenda's small pieces: how a follow-up call went, and the way to take "fatto" back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.models import Vocab
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.quick_exit import mark_draft


class DoneDialog(QDialog):
    """ "Com'è andato il richiamo?": the outcome recorded with the follow-up (Enter: OK)."""

    def __init__(self, outcome: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_draft(self)
        self.setObjectName("doneDialog")
        self.setWindowTitle(self.tr("Richiamo fatto"))
        self.outcome_box = QComboBox(self)
        for code, label in Vocab.outcomes().items():
            self.outcome_box.addItem(label, code)
        self.outcome_box.setCurrentIndex(max(0, self.outcome_box.findData(outcome or "risolto")))
        form = QFormLayout()
        form.addRow(self.tr("&Esito del richiamo"), self.outcome_box)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton(self.tr("Segna come fatto"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("Com'è andato il richiamo?"), self))
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_mnemonic_labels(self)
        self.outcome_box.setFocus()

    def outcome(self) -> str | None:
        return self.outcome_box.currentData()


class UndoBar(QFrame):
    """A line that says what was just done, with "Annulla" to take it back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.message = plain_label(self)
        self.undo = QPushButton(self.tr("Annulla"), self, objectName="undoButton")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.undo)
        self.hide()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.show()
