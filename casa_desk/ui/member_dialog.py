"""Choosing someone to add to a household: type, see who matches, Enter or double-click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casa_desk.models.timeutil import format_date
from casa_desk.store.people import People
from casa_desk.store.search import search_people
from casa_desk.ui.context import DeskContext
from casa_desk.ui.masking import full_name
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.quick_exit import mark_draft

_MATCHES = 15


class MemberDialog(QDialog):
    """Find a person (not ``person_id`` nor one already in the household); ``chosen``."""

    chosen = Signal(str)

    def __init__(self, context: DeskContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_draft(self)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Aggiungi al nucleo familiare"))
        self.context = context
        people = People(context.store)
        person = people.get(person_id)
        self._skip = {person_id, *(m["id"] for m in people.household(person))}
        self.field = QLineEdit(self, objectName="memberSearch")
        self.field.setPlaceholderText(self.tr("Cognome, nome, codice fiscale, telefono…"))
        self.field.setClearButtonEnabled(True)
        self.list = QListWidget(self, objectName="memberMatches")
        self.empty = plain_label(self)
        buttons = QDialogButtonBox(self)
        self.add_button = buttons.addButton(
            self.tr("Aggiungi"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self._choose())
        self.resize(460, 360)
        self._search("")
        self.field.setFocus()

    def _search(self, text: str) -> None:
        self.list.clear()
        for row in search_people(
            self.context.store.db,
            text,
            limit=_MATCHES + len(self._skip),
            masked=self.context.masked,
        ):
            if row["id"] in self._skip:
                continue
            born = format_date(row.get("birth_date"))
            item = QListWidgetItem(
                " · ".join(p for p in (full_name(row), born, row.get("unit_code")) if p)
            )
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.empty.setText(
            self.tr("Nessuna persona trovata.") if text.strip() and not self.list.count() else ""
        )
        self.add_button.setEnabled(bool(self.list.count()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """↑/↓ move in the list without leaving the field; Enter adds the highlighted one."""
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step and self.list.count():
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose()
                return True
        return super().eventFilter(watched, event)

    def _choose(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
