"""The people search results as a lazy Qt table model (STYLE.md §9), queried off the GUI thread.

Only one page (``PAGE`` rows) is read per query; the view asks for more through
``canFetchMore``/``fetchMore`` as the user scrolls, with SQL ``LIMIT``/``OFFSET`` on the FTS
query of :mod:`casa_desk.store.search`. The model never holds every matching row.

Each keystroke starts a query through the task runner and returns at once, so typing never
waits for SQLite. Matches are counted first (up to COUNT_CAP + 1, a fraction of a
millisecond); only up to COUNT_CAP of them are ranked best-first, because FTS5 scores every
match and a broad prefix ("ma", "ss0") matches tens of thousands of people (100-300 ms).
Beyond that the first page comes in index order. Results carry a generation number; those of an
older query are dropped, and a query that has become stale is interrupted inside SQLite (a
progress handler). Worker threads read through their own connection; on the GUI thread (the
synchronous runner of the tests) the store's own connection is used — a connection never
crosses threads.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from sqlite_utils import Database

from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date
from casa_desk.store.db import Store
from casa_desk.store.search import count_people, fts_query, search_people
from casa_desk.ui.tasks import SyncRunner, TaskRunner

PAGE = 60
COUNT_CAP = 1000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Fewer characters than this list nobody: one letter matches a fifth of the registry.
MIN_CHARS = 2

_Index = QModelIndex | QPersistentModelIndex
_local = threading.local()
_opened: list[sqlite3.Connection] = []
_opened_lock = threading.Lock()


def searchable(text: str) -> bool:
    return fts_query(text) is not None and len(text.strip()) >= MIN_CHARS


def _never() -> bool:
    return False


def _reader(store: Store) -> Database:
    """A connection for the calling thread: the store's own on the GUI thread.

    A worker's connection gets one progress handler for its whole life, which asks the
    thread's current ``_local.stale`` check; handlers are never reset (``None`` there trips
    a reference-count bug of Python 3.11's sqlite3).
    """
    if threading.current_thread() is threading.main_thread():
        return store.db
    cache: dict[str, Database] = getattr(_local, "dbs", None) or {}
    _local.dbs = cache
    key = str(store.path)
    if key not in cache:
        conn = sqlite3.connect(key, check_same_thread=False, timeout=10)
        conn.execute("PRAGMA query_only = 1")
        conn.set_progress_handler(lambda: int(getattr(_local, "stale", _never)()), 2000)
        with _opened_lock:
            _opened.append(conn)
        cache[key] = Database(conn)
    return cache[key]


def close_readers() -> None:
    """Close the worker threads' connections (at exit; a later search reopens them)."""
    with _opened_lock:
        for conn in _opened:
            conn.close()
        _opened.clear()


class _Counter:
    """The latest query's generation, shared with workers (a plain Python object)."""

    value = 0


def _address(row: dict[str, Any]) -> str:
    return " ".join(part for part in (row.get("street"), row.get("civic")) if part)


class PeopleSearchModel(QAbstractTableModel):
    """Matches for the text typed in the search field, best first, fetched a page at a time."""

    #: Emitted when the rows of the latest query are in (the first page, or one more page).
    results_ready = Signal()

    COLUMNS = ("last_name", "first_name", "codice_fiscale", "birth_date", "phone", "address",
               "unit_code")

    def __init__(self, store: Store, runner: TaskRunner | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner or SyncRunner()
        self._text = ""
        self._pending_text = ""
        self._rows: list[dict[str, Any]] = []
        self._exhausted = True
        self._loading = False
        self._generation = 0
        self._counter = _Counter()
        self._total = 0
        self._ranked = True

    # -- queries ------------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The text whose results are shown."""
        return self._text

    @property
    def pending(self) -> bool:
        """True while the results of the latest text are not in yet."""
        return self._pending_text != self._text or self._loading

    def set_query(self, text: str) -> None:
        """Ask for the first page of matches for ``text``; the rows change when it is in."""
        self._generation += 1
        self._counter.value = self._generation
        self._pending_text = text
        self._loading = False
        if not searchable(text):
            self._apply(self._generation, text, [], 0, True)
            return
        self._run(text, 0, self._generation)

    def clear(self) -> None:
        """Forget the query and every row at once (quick exit)."""
        self._generation += 1
        self._counter.value = self._generation
        self._pending_text = ""
        self._loading = False
        self._apply(self._generation, "", [], 0, True)

    def _run(self, text: str, offset: int, generation: int, ranked: bool | None = None) -> None:
        # The worker reads the generation from a plain object: touching the QObject model
        # from another thread is not safe with PySide6.
        store, counter = self._store, self._counter
        counter.value = self._generation

        def latest() -> int:
            return counter.value


        # Results cross threads as a tuple, never None: a None through a queued
        # Signal(object) trips a reference-count bug of PySide6 (seen as "none_dealloc").
        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            if latest() != generation:
                return (False, [], 0, True)
            db = _reader(store)
            _local.stale = lambda: latest() != generation
            try:
                # Rank only a few hundred matches: ranking tens of thousands costs 100+ ms,
                # and that many matches mean the user is still typing.
                total = count_people(db, text, cap=COUNT_CAP + 1) if ranked is None else -1
                rank = ranked if ranked is not None else total <= COUNT_CAP
                rows = search_people(db, text, limit=PAGE, offset=offset, ranked=rank)
                return (True, rows, total, rank)
            except sqlite3.OperationalError:
                if latest() != generation:
                    return (False, [], 0, True)  # interrupted: a newer keystroke replaced it
                raise
            finally:
                _local.stale = _never

        def done(result: tuple[bool, list[dict[str, Any]], int, bool]) -> None:
            fresh, rows, total, rank = result
            if not fresh or generation != self._generation:
                return
            if offset == 0:
                self._apply(generation, text, rows, total, rank)
            else:
                self._append(rows)

        self._runner.run(work, on_done=done)

    def _apply(self, generation: int, text: str, rows: list[dict[str, Any]], total: int,
               ranked: bool) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._text = text
        self._rows = rows
        self._ranked = ranked
        self._exhausted = len(rows) < PAGE
        self._total = total
        self.endResetModel()
        self.results_ready.emit()

    def _append(self, more: list[dict[str, Any]]) -> None:
        self._loading = False
        self._exhausted = len(more) < PAGE
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        self.results_ready.emit()

    def total(self) -> int:
        """How many people match, counted up to COUNT_CAP + 1 (more than COUNT_CAP)."""
        return self._total

    def person_id(self, row: int) -> str | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    # -- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or self._pending_text != self._text:
            return
        self._loading = True
        self._run(self._text, len(self._rows), self._generation, self._ranked)

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
