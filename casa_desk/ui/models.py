"""Shared helpers of the contact, referral, agenda and services pages: one lazy table model,
the Italian words for the stored codes, and two small view helpers.

``RowsModel`` shows rows (dicts) that a repository returns, a page at a time: it asks its
``fetch(offset, limit)`` callable for the first page and fetches more only when the view
scrolls (``canFetchMore`` / ``fetchMore``), so a long list never lands in widgets whole
(STYLE.md §9). What a cell shows is described by :class:`Column`; per-row colours, font and
tooltip come from optional hooks, so the overdue highlighting of referrals lives with the page
that knows what "overdue" means.

``Vocab`` words the stored codes (``sportello``, ``presa_in_carico``…) for people; lower
layers keep codes, the UI words them (STYLE.md §10). Its strings use the context "Vocab".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    SignalInstance,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from casa_desk.ui.plain_text import plain_tip

Row = dict[str, Any]
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Fetch = Callable[[int, int], list[Row]]
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: its header and how a row becomes the cell's text."""

    header: str
    text: Callable[[Row], str]
    align_right: bool = False
    # The cell's tooltip is its whole text (a long name or organisation the column cuts
    # with "…"), before the row's own tooltip.
    whole_in_tooltip: bool = False


class RowsModel(QAbstractTableModel):
    """A read-only table of repository rows, fetched lazily in pages of ``page_size``."""

    def __init__(
        self,
        columns: list[Column],
        fetch: Fetch,
        *,
        page_size: int = 200,
        background: Callable[[Row], Any] | None = None,
        foreground: Callable[[Row], Any] | None = None,
        bold: Callable[[Row], bool] | None = None,
        tooltip: Callable[[Row], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._fetch = fetch
        self._page_size = page_size
        self._background = background
        self._foreground = foreground
        self._bold = bold
        self._tooltip = tooltip
        self._rows: list[Row] = []
        self._texts: dict[int, list[str]] = {}  # display texts of the rows painted so far
        self._more = True
        self._busy = False  # inside a reset or an insertion: no nested fetch
        self.reload()

    # -- loading ------------------------------------------------------------------------
    def set_fetch(self, fetch: Fetch) -> None:
        """Show another query (a new filter) from its first page."""
        self._fetch = fetch
        self.reload()

    def reload(self) -> None:
        """Drop what is shown and read the first page again (after a change)."""
        self.beginResetModel()
        self._texts = {}
        self._rows = self._fetch(0, self._page_size)
        self._more = len(self._rows) >= self._page_size
        # Views fetch more from inside their modelReset slot; a page inserted while other
        # listeners have not yet seen the reset breaks them (qtmodeltester says so).
        self._busy = True
        try:
            self.endResetModel()
        finally:
            self._busy = False

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt API
        return not parent.isValid() and self._more and not self._busy

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt API
        if parent.isValid() or not self._more or self._busy:
            return
        page = self._fetch(len(self._rows), self._page_size)
        self._more = len(page) >= self._page_size
        if page:
            start = len(self._rows)
            # Listeners of the insertion signals may ask for more at once: not yet.
            self._busy = True
            try:
                self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
                self._rows.extend(page)
                self.endInsertRows()
            finally:
                self._busy = False

    def row_changed(self, number: int) -> None:
        """Row ``number`` reads differently now (e.g. a masked entry was revealed)."""
        self._texts.pop(number, None)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self._columns) - 1))

    # -- reading ------------------------------------------------------------------------
    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Row]:
        return list(self._rows)

    def find(self, key: str, value: Any) -> int:
        """Row number of the first loaded row whose ``key`` equals ``value`` (-1 if none)."""
        for number, row in enumerate(self._rows):
            if row.get(key) == value:
                return number
        return -1

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._columns)

    def data(  # noqa: PLR0911 - one role per branch
        self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Views ask for about ten roles per painted cell: unused ones leave at once.
        if role not in _ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row = self._rows[number]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(number)
            if texts is None:
                texts = self._texts[number] = [c.text(row) for c in self._columns]
            return texts[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self._columns[index.column()].align_right else None
        if role == Qt.ItemDataRole.FontRole:
            return _bold_font() if self._bold and self._bold(row) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [self._tooltip(row) if self._tooltip else ""]
            if self._columns[index.column()].whole_in_tooltip:
                tips.insert(0, self.data(index))
            # a name or an organisation is shown as written, never read as HTML
            return plain_tip("\n".join(tip for tip in tips if tip)) or None
        hook = {
            Qt.ItemDataRole.BackgroundRole: self._background,
            Qt.ItemDataRole.ForegroundRole: self._foreground,
        }[role]  # type: ignore[index]
        return (hook(row) or None) if hook else None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@cache
def _bold_font() -> QFont:
    """Built on first use: a QFont needs the application to exist."""
    font = QFont()
    font.setBold(True)
    return font


def one_page(rows: Callable[[], list[Row]]) -> Fetch:
    """A fetch for repositories that return a short list whole (agenda, directory)."""

    def fetch(offset: int, limit: int) -> list[Row]:  # noqa: ARG001 - one page only
        return rows() if offset == 0 else []

    return fetch


class Vocab:
    """Italian (translatable) words for the stored codes; context "Vocab"."""

    @staticmethod
    def channels() -> dict[str, str]:
        return {
            "sportello": QCoreApplication.translate("Vocab", "Sportello"),
            "telefono": QCoreApplication.translate("Vocab", "Telefono"),
            "email": QCoreApplication.translate("Vocab", "Email"),
            "visita_domiciliare": QCoreApplication.translate("Vocab", "Visita domiciliare"),
            "evento": QCoreApplication.translate("Vocab", "Evento"),
        }

    @staticmethod
    def outcomes() -> dict[str, str]:
        return {
            "risolto": QCoreApplication.translate("Vocab", "Risolto"),
            "in_carico": QCoreApplication.translate("Vocab", "In carico"),
            "inviato": QCoreApplication.translate("Vocab", "Inviato a un servizio"),
        }

    @staticmethod
    def statuses() -> dict[str, str]:
        return {
            "bozza": QCoreApplication.translate("Vocab", "Bozza"),
            "inviata": QCoreApplication.translate("Vocab", "Inviata"),
            "presa_in_carico": QCoreApplication.translate("Vocab", "Presa in carico"),
            "conclusa": QCoreApplication.translate("Vocab", "Conclusa"),
            "rifiutata": QCoreApplication.translate("Vocab", "Rifiutata"),
            "annullata": QCoreApplication.translate("Vocab", "Annullata"),
        }

    @staticmethod
    def events() -> dict[str, str]:
        return {
            "created": QCoreApplication.translate("Vocab", "Creata"),
            "sent": QCoreApplication.translate("Vocab", "Inviata"),
            "taken_in_charge": QCoreApplication.translate("Vocab", "Presa in carico"),
            "closed": QCoreApplication.translate("Vocab", "Conclusa"),
            "refused": QCoreApplication.translate("Vocab", "Rifiutata"),
            "cancelled": QCoreApplication.translate("Vocab", "Annullata"),
            "reopened": QCoreApplication.translate("Vocab", "Riaperta"),
        }

    @staticmethod
    def urgencies() -> dict[str, str]:
        return {
            "bassa": QCoreApplication.translate("Vocab", "Bassa"),
            "normale": QCoreApplication.translate("Vocab", "Normale"),
            "alta": QCoreApplication.translate("Vocab", "Alta"),
        }

    @staticmethod
    def service_kinds() -> dict[str, str]:
        return {
            "salute": QCoreApplication.translate("Vocab", "Salute"),
            "antiviolenza": QCoreApplication.translate("Vocab", "Antiviolenza"),
            "servizi_sociali": QCoreApplication.translate("Vocab", "Servizi sociali"),
            "legale": QCoreApplication.translate("Vocab", "Legale"),
            "lavoro": QCoreApplication.translate("Vocab", "Lavoro"),
            "casa": QCoreApplication.translate("Vocab", "Casa"),
            "altro": QCoreApplication.translate("Vocab", "Altro"),
        }

    @staticmethod
    def word(words: dict[str, str], code: str | None) -> str:
        """The word for ``code`` (the code itself if it is not known, empty for None)."""
        return words.get(code or "", code or "")


def person_name(row: Row, *, hidden: bool = False) -> str:
    """``Surname Name`` of a joined row; "Anonimo" without a person, "Riservato" if hidden."""
    if hidden:
        return QCoreApplication.translate("Vocab", "Riservato")
    if not row.get("person_id"):
        return QCoreApplication.translate("Vocab", "Anonimo")
    from casa_desk.ui.masking import full_name

    return full_name(row)


def service_label(row: Row) -> str:
    """The service of a joined referral row for a list: a sensitive referral's service (an
    anti-violence centre, a health service) says too much next to a name on a screen that a
    companion may see, so lists show a neutral word; the detail, chosen deliberately, names it.
    """
    if row.get("sensitive"):
        return QCoreApplication.translate("Vocab", "Servizio riservato")
    return str(row.get("service_name") or "")


class ChangeWatcher(QObject):
    """Refreshes a page when one of its tables changes: at once if the page is on screen,
    otherwise the next time it is shown (a hidden agenda does not re-query on every save)."""

    def __init__(
        self,
        page: QWidget,
        changed: SignalInstance,
        tables: frozenset[str],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(page)
        self._page = page
        self._tables = tables
        self._refresh = refresh
        self.stale = False
        changed.connect(self._changed)
        page.installEventFilter(self)

    def _changed(self, table: str) -> None:
        if table not in self._tables:
            return
        if self._page.isVisible():
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False


def make_table(parent: QWidget) -> QTableView:
    """A read-only, row-selecting table view with compact rows."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def fit_columns(view: QTableView, *, stretch: int) -> None:
    """Columns as wide as their contents; ``stretch`` takes the rest.

    Widths are measured on the first rows only: Qt would otherwise ask the model for up to
    1,000 rows × every column × every role each time the list changes.
    """
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(60)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def stacked(*widgets: QWidget) -> QWidget:
    """Widgets one under the other without margins (a field and its error line)."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return box
