"""The people search results as a lazy Qt table model (STYLE.md §9).

Only one page (``PAGE`` rows) is read per query; the view asks for more through
``canFetchMore``/``fetchMore`` as the user scrolls, with SQL ``LIMIT``/``OFFSET`` on the FTS
query of :mod:`casa_desk.store.search`. The model never holds every matching row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date
from casa_desk.store.db import Store
from casa_desk.store.search import count_people, search_people

PAGE = 60
COUNT_CAP = 1000
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def _address(row: dict[str, Any]) -> str:
    return " ".join(part for part in (row.get("street"), row.get("civic")) if part)


class PeopleSearchModel(QAbstractTableModel):
    """Matches for the text typed in the search field, best first, fetched a page at a time."""

    COLUMNS = ("last_name", "first_name", "codice_fiscale", "birth_date", "phone", "address",
               "unit_code")

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._text = ""
        self._rows: list[dict[str, Any]] = []
        self._exhausted = True
        self._total: int | None = 0

    # -- queries ------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    def set_query(self, text: str) -> None:
        """Replace the results with the first page of matches for ``text``."""
        self.beginResetModel()
        self._text = text
        self._rows = search_people(self._store.db, text, limit=PAGE) if text.strip() else []
        self._exhausted = len(self._rows) < PAGE
        self._total = len(self._rows) if self._exhausted else None
        self.endResetModel()

    def clear(self) -> None:
        """Forget the query and every row (quick exit)."""
        self.set_query("")

    def total(self) -> int:
        """How many people match, counted up to COUNT_CAP (counted only when asked)."""
        if self._total is None:
            self._total = count_people(self._store.db, self._text, cap=COUNT_CAP)
        return self._total

    def person_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        more = search_people(self._store.db, self._text, limit=PAGE, offset=len(self._rows))
        self._exhausted = len(more) < PAGE
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row["id"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = self.COLUMNS[index.column()]
        if column == "birth_date":
            return format_date(row.get("birth_date"))
        if column == "phone":
            return format_phone(row["phone"]) if row.get("phone") else ""
        if column == "address":
            return _address(row)
        return row.get(column) or ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self._headers()[section]

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Cognome"), self.tr("Nome"), self.tr("Codice fiscale"),
                self.tr("Nato/a il"), self.tr("Telefono"), self.tr("Indirizzo"),
                self.tr("Alloggio"))
