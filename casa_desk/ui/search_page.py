"""The first thing on screen: one search field and the people it finds, as the user types.

Keyboard first: the cursor starts in the field, ↑/↓ move in the results without leaving it,
Enter opens the highlighted person (the first when none is; if the results of the last
keystroke are not in yet, it opens when they are), Esc empties the field. Each keystroke
hands one FTS page query to a worker (search_model.py) and returns: typing never waits.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casa_desk.ui.context import DeskContext
from casa_desk.ui.masking import masked_name
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.search_model import COUNT_CAP, ID_ROLE, PeopleSearchModel, searchable
from casa_desk.ui.tasks import SyncRunner

_NAV_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
# What each column of the results is sized for (PeopleSearchModel.COLUMNS): a long
# surname, two names, a codice fiscale, a date, a phone as shown, the address (None: it
# takes the rest), a unit code. Longer values are elided, whole in their tooltip.
_COLUMN_SAMPLES = (
    "Esposito Bianchi",
    "Maria Grazia",
    "MRNLNZ39R23D643R",
    "00/00/0000",
    "+00000000000",
    None,
    "SS-0000-A",
)
_ADDRESS = _COLUMN_SAMPLES.index(None)


class SearchPage(QWidget):
    """Search field + lazy results table; emits the chosen person's id."""

    person_opened = Signal(str)
    register_requested = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.field = QLineEdit(objectName="searchField")
        self.field.setClearButtonEnabled(True)
        self.model = PeopleSearchModel(
            context.store,
            self,
            threaded=not isinstance(context.runner, SyncRunner),
            masked=lambda: context.masked,
        )
        self._open_when_ready = False
        self._select_when_ready: str | None = None
        self.view = QTableView(objectName="searchResults")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._size_columns()
        self.count_label = plain_label(objectName="searchCount")
        self.register_button = QPushButton(objectName="registerButton")
        self.hint = plain_label(objectName="searchHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")

        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)

        self.field.textChanged.connect(self.model.set_query)
        self.model.results_ready.connect(self._results_ready)
        self.field.installEventFilter(self)
        self.view.activated.connect(self._open_index)
        self.view.doubleClicked.connect(self._open_index)
        self.register_button.clicked.connect(
            lambda: self.register_requested.emit(self.field.text())
        )
        context.bus.changed.connect(self._on_changed)
        self.retranslate()

    def _size_columns(self) -> None:
        """Each column as wide as what it usually holds (from the font, not pixels); the
        address takes the rest. Fixed widths once added up to 920 px plus the unit: at
        1024×768 the list scrolled sideways and "Alloggio" was half hidden."""
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        bold = QFont(header.font())
        bold.setBold(True)  # the titles of the selected row's cells are drawn bold
        titles = QFontMetrics(bold)
        for column, sample in enumerate(_COLUMN_SAMPLES):
            if sample is None:
                continue
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            shown = (sample, masked_name()) if column == 0 else (sample,)  # "Persona riservata"
            width = max(
                titles.horizontalAdvance(title), *(metrics.horizontalAdvance(s) for s in shown)
            )
            header.resizeSection(column, width + 16)
        header.setSectionResizeMode(_ADDRESS, QHeaderView.ResizeMode.Stretch)

    def retranslate(self) -> None:
        self.field.setPlaceholderText(
            self.tr("Cerca per cognome, nome, codice fiscale, telefono o codice alloggio")
        )
        self.register_button.setText(self.tr("Nuova persona"))
        self.register_button.setToolTip(self.tr("Registra una persona (Ctrl+R)"))
        self.hint.setText(
            self.tr(
                "↑/↓ per scegliere, Invio per aprire la scheda, Esc per "
                "svuotare la ricerca, Ctrl+N per un nuovo contatto, F12 uscita "
                "rapida."
            )
        )
        self._update_count()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )

    # -- searching ----------------------------------------------------------------------
    def _results_ready(self) -> None:
        wanted, self._select_when_ready = self._select_when_ready, None
        row = self.model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.view.selectRow(row)
        elif self.model.rowCount() and not self.view.currentIndex().isValid():
            self.view.selectRow(0)
        self._update_count()
        if self._open_when_ready and not self.model.pending:
            self._open_when_ready = False
            person_id = self.current_person_id()
            if person_id:
                self.person_opened.emit(person_id)

    def _update_count(self) -> None:
        typed = self.field.text()
        if not typed.strip():
            self.count_label.setText("")
            return
        if not searchable(typed):
            self.count_label.setText(self.tr("Scrivere almeno due lettere o cifre."))
            return
        total = self.model.total()
        if total == 0:
            self.count_label.setText(self.tr("Nessuna persona trovata."))
        elif total > COUNT_CAP:
            self.count_label.setText(
                self.tr("Più di %1 persone: continuare a scrivere per restringere.").replace(
                    "%1", str(COUNT_CAP)
                )
            )
        else:
            self.count_label.setText(self.tr("Persone trovate: %Ln.", "", total))

    def _on_changed(self, table: str) -> None:
        if table == "people" and self.model.text:
            self.model.set_query(self.model.text)

    def focus_search(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        self.field.selectAll()

    def reset(self) -> None:
        """Empty field, empty model: nothing of the last search is left."""
        self._open_when_ready = False
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        self.model.clear()
        self._update_count()

    def restore(self, text: str, highlighted: str | None) -> None:
        """Type ``text`` again and highlight ``highlighted`` when its results are in."""
        self._select_when_ready = highlighted if text else None
        self.field.setText(text)

    def highlighted_person_id(self) -> str | None:
        """The person highlighted in the results (None when nothing is)."""
        index = self.view.currentIndex()
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def current_person_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        return self.model.data(index, ID_ROLE) if index.isValid() else None

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        person_id = self.model.data(index, ID_ROLE)
        if person_id:
            self.person_opened.emit(person_id)

    # -- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in _NAV_KEYS:
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.model.pending:  # typed faster than the search: open when it is in
                    self._open_when_ready = True
                    return True
                person_id = self.current_person_id()
                if person_id:
                    self.person_opened.emit(person_id)
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: Qt.Key) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.view.currentIndex().row()
        step = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -10,
            Qt.Key.Key_PageDown: 10,
        }[key]
        target = max(0, current + step) if current >= 0 else 0
        if target >= rows - 1 and self.model.canFetchMore():
            self.model.fetchMore()  # rows arrive with results_ready
            rows = self.model.rowCount()
        target = min(target, rows - 1)
        self.view.selectRow(target)
        self.view.scrollTo(self.model.index(target, 0))
