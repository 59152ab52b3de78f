"""The service directory: browse, search, add and edit services, switch them on and off
(issue 3, item 7).

The list searches name, organisation, kind and notes as the user types
(:meth:`Directory.services`); services that are no longer active stay in the directory (old
referrals point at them) but are hidden unless asked for, and greyed when shown. The form on
the right edits the selected service or, after "Nuovo servizio", a new one; the store's
validation message appears under the field it concerns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.store.directory import Directory
from casa_desk.ui.context import DeskContext
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.models import (
    ChangeWatcher,
    Column,
    Row,
    RowsModel,
    Vocab,
    fit_columns,
    make_table,
    one_page,
    stacked,
)
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.referral_dialog import error_label

INACTIVE_FOREGROUND = QColor("#8a8a8a")
_TEXT_FIELDS = ("name", "organisation", "phone", "email", "address", "hours")


class ServicesPage(QWidget):
    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.directory = Directory(context.store)
        self._current: Row | None = None
        self._build()
        self.watcher = ChangeWatcher(
            self, context.bus.changed, frozenset({"services"}), self.refresh
        )
        self._show(None)

    def _build(self) -> None:
        kinds = Vocab.service_kinds()
        self._build_list(kinds)
        form = self._build_form(kinds)
        self._build_layout(form)
        fit_mnemonic_labels(self)

    def _build_list(self, kinds: dict[str, str]) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Cerca per nome, ente, tipo, note…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.show_inactive = QCheckBox(self.tr("Mostra anche i non attivi"), self)
        self.show_inactive.toggled.connect(self.refresh)
        self.model = RowsModel(
            [
                Column(self.tr("Nome"), lambda r: r["name"] or "", whole_in_tooltip=True),
                Column(self.tr("Tipo"), lambda r: Vocab.word(kinds, r.get("kind"))),
                Column(
                    self.tr("Ente"), lambda r: r.get("organisation") or "", whole_in_tooltip=True
                ),
                Column(self.tr("Telefono"), lambda r: r.get("phone") or ""),
                Column(
                    self.tr("Attivo"), lambda r: self.tr("Sì") if r["active"] else self.tr("No")
                ),
            ],
            one_page(self._services),
            foreground=lambda r: None if r["active"] else INACTIVE_FOREGROUND,
            tooltip=lambda r: "" if r["active"] else self.tr("Servizio non attivo"),
            parent=self,
        )
        self.table = make_table(self)
        self.table.setModel(self.model)
        fit_columns(self.table, stretch=2)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_form(self, kinds: dict[str, str]) -> QFormLayout:
        self.fields: dict[str, QLineEdit] = {f: QLineEdit(self) for f in _TEXT_FIELDS}
        self.kind = QComboBox(self)
        for code, label in kinds.items():
            self.kind.addItem(label, code)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.state = plain_label(self)
        self.errors = {f: error_label(self) for f in ("name", "kind", "general")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Nome"), stacked(self.fields["name"], self.errors["name"]))
        form.addRow(self.tr("&Tipo"), stacked(self.kind, self.errors["kind"]))
        form.addRow(self.tr("&Ente"), self.fields["organisation"])
        form.addRow(self.tr("Tele&fono"), self.fields["phone"])
        form.addRow(self.tr("E&mail"), self.fields["email"])
        form.addRow(self.tr("&Indirizzo"), self.fields["address"])
        form.addRow(self.tr("&Orari"), self.fields["hours"])
        form.addRow(self.tr("No&te"), self.notes)
        form.addRow(self.tr("Stato"), self.state)
        return form

    def _build_layout(self, form: QFormLayout) -> None:
        self.new_button = QPushButton(self.tr("Nuovo servizio"), self)
        self.save_button = QPushButton(self.tr("Salva"), self)
        self.active_button = QPushButton(self)
        self.new_button.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(
                QKeySequence(keys),
                self,
                activated=self.save,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.active_button)
        buttons.addWidget(self.save_button)
        self.form_title = plain_label(self)
        font = self.form_title.font()
        font.setBold(True)
        self.form_title.setFont(font)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.show_inactive)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_title)
        right_layout.addLayout(form)
        right_layout.addWidget(self.errors["general"])
        right_layout.addLayout(buttons)
        right_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- list ---------------------------------------------------------------------------
    def _services(self) -> list[Row]:
        return self.directory.services(
            self.search.text(), active_only=not self.show_inactive.isChecked()
        )

    def refresh(self) -> None:
        keep = self._current["id"] if self._current else None
        self.model.reload()
        if keep and not self.select(keep):
            self._show(None)

    def select(self, service_id: str) -> bool:
        row = self.model.find("id", service_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self._show(self.model.row_at(row))
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show(self.model.row_at(indexes[0].row()))

    # -- form ---------------------------------------------------------------------------
    def _show(self, row: Row | None) -> None:
        self._current = row
        self._clear_errors()
        for name, edit in self.fields.items():
            edit.setText((row or {}).get(name) or "")
        self.kind.setCurrentIndex(max(0, self.kind.findData((row or {}).get("kind") or "altro")))
        self.notes.setPlainText((row or {}).get("notes") or "")
        if row is None:
            self.form_title.setText(self.tr("Nuovo servizio"))
            self.state.setText(self.tr("Attivo dopo il salvataggio"))
            self.active_button.hide()
        else:
            self.form_title.setText(row["name"])
            self.state.setText(self.tr("Attivo") if row["active"] else self.tr("Non attivo"))
            self.active_button.setText(
                self.tr("Disattiva") if row["active"] else self.tr("Riattiva")
            )
            self.active_button.show()

    def new(self) -> None:
        self.table.clearSelection()
        self._show(None)
        self.fields["name"].setFocus()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {name: edit.text() for name, edit in self.fields.items()}
        values["kind"] = self.kind.currentData()
        values["notes"] = self.notes.toPlainText()
        return values

    def save(self) -> str | None:
        """Save the form (a new service or the selected one); returns its id."""
        self._clear_errors()
        values, service_id = self.values(), self._current["id"] if self._current else None
        saved: list[str] = []

        def shown(row: dict[str, Any]) -> None:
            self._current = row
            if not row["active"] and not self.show_inactive.isChecked():
                self.show_inactive.setChecked(True)
            saved.append(str(row["id"]))

        def refused(error: CasaError, text: str) -> None:
            label = self.errors.get(getattr(error, "field", ""), self.errors["general"])
            label.setText(text)
            label.show()

        StoreOp(
            self.context.bus,
            lambda: self.directory.save_service(values, service_id, presidio=self.context.presidio),
            changed="services",
            parent=self,
        ).success(shown).failure(refused).run()
        return saved[0] if saved else None

    def toggle_active(self) -> None:
        if self._current is None:
            return
        service_id, was_active = self._current["id"], bool(self._current["active"])

        def toggled(_: None) -> None:
            self._current = self.directory.service(service_id)

        if was_active and not self.show_inactive.isChecked():
            self.show_inactive.blockSignals(True)
            self.show_inactive.setChecked(True)  # keep the service in sight
            self.show_inactive.blockSignals(False)
        StoreOp(
            self.context.bus,
            lambda: self.directory.set_active(service_id, not was_active),
            changed="services",
            parent=self,
        ).success(toggled).run()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
