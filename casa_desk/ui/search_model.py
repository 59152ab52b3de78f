"""The people search results as a lazy Qt table model (STYLE.md §9), queried off the GUI thread.

Only one page (``PAGE`` rows) is read per query; the view asks for more through
``canFetchMore``/``fetchMore`` as the user scrolls, with SQL ``LIMIT``/``OFFSET`` on the FTS
query of :mod:`casa_desk.store.search`. The model never holds every matching row.

Each keystroke hands its query to a :class:`SearchWorker` and returns at once, so typing
never waits for SQLite. Matches are counted first (up to COUNT_CAP + 1, a fraction of a
millisecond); only up to COUNT_CAP of them are ranked best-first, because FTS5 scores every
match and a broad prefix ("ma", "ss0") matches tens of thousands of people (100-300 ms).
Beyond that the first page comes in index order. Requests carry a generation number: the
worker runs only the latest, interrupts a running query that a newer keystroke made stale
(SQLite progress handler), and the model drops results of older generations.

The worker is one Python thread with one read-only connection of its own for its whole life
(a connection never crosses threads), opened by the store's connection factory. It is not a
QThreadPool task: Python state of Qt-owned threads (``threading.local``) does not survive
between tasks, which would open a new connection — and its caches — per keystroke. Tests
use ``threaded=False``: the query runs inline on the GUI thread's read-only connection.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlite_utils import Database

from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date
from casa_desk.store.connection import Connections, OperationalError
from casa_desk.store.db import Store
from casa_desk.store.search import count_people, fts_query, search_people
from casa_desk.ui.masking import is_masked, masked_name
from casa_desk.ui.plain_text import plain_tip

PAGE = 60
COUNT_CAP = 1000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Fewer characters than this list nobody: one letter matches a fifth of the registry.
MIN_CHARS = 2

_Index = QModelIndex | QPersistentModelIndex
#: (generation, text, offset, ranked or None = decide by counting, masked)
Request = tuple[int, str, int, bool | None, bool]
_workers: weakref.WeakSet[SearchWorker] = weakref.WeakSet()


def searchable(text: str) -> bool:
    return fts_query(text) is not None and len(text.strip()) >= MIN_CHARS


def run_query(
    db: Database, text: str, offset: int, ranked: bool | None, masked: bool = False
) -> tuple[list[dict[str, Any]], int, bool]:
    """One page of matches: ``(rows, total counted up to COUNT_CAP + 1, ranked)``;
    ``masked``: riservato people without name or details (a user without permission)."""
    total = count_people(db, text, cap=COUNT_CAP + 1) if ranked is None else -1
    rank = ranked if ranked is not None else total <= COUNT_CAP
    rows = search_people(db, text, limit=PAGE, offset=offset, ranked=rank, masked=masked)
    return rows, total, rank


class _Bridge(QObject):
    ready = Signal()


class SearchWorker:
    """A thread that runs the latest search request on its own connection."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._request: Request | None = None
        self._latest = 0
        self._running = 0
        self._results: list[tuple[int, int, Any]] = []
        self._stopped = False
        self.bridge = _Bridge()  # lives in the GUI thread: ready is delivered there
        self._thread = threading.Thread(target=self._loop, name="casa-search", daemon=True)
        self._thread.start()
        _workers.add(self)

    def submit(self, request: Request) -> None:
        with self._lock:
            self._latest = request[0]
            self._request = request
            self._wake.notify()

    def forget(self, generation: int) -> None:
        """Nothing older than ``generation`` is wanted any more (cleared search)."""
        with self._lock:
            self._latest = generation
            self._request = None

    def take(self) -> list[tuple[int, int, Any]]:
        """Results of the latest generation: ``(generation, offset, outcome)``."""
        with self._lock:
            out, self._results = self._results, []
        return [r for r in out if r[0] == self._latest]

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _stale(self) -> int:
        return int(self._running != self._latest)  # read without the lock: two ints

    def _loop(self) -> None:
        db = self._connections.reader(progress=self._stale)
        try:
            while True:
                with self._lock:
                    while self._request is None and not self._stopped:
                        self._wake.wait()
                    if self._stopped:
                        return
                    request, self._request = self._request, None
                    self._running = request[0]
                generation, text, offset, ranked, masked = request
                try:
                    outcome: Any = run_query(db, text, offset, ranked, masked)
                except OperationalError as exc:
                    if self._stale():
                        continue  # interrupted: a newer keystroke replaced this query
                    outcome = exc
                except Exception as exc:  # noqa: BLE001 - a bug: re-raised on the GUI thread
                    outcome = exc
                with self._lock:
                    if generation != self._latest:
                        continue
                    self._results.append((generation, offset, outcome))
                self.bridge.ready.emit()
        finally:
            db.conn.close()


def stop_search_workers() -> None:
    """Stop every search thread and close its connection (at exit, and in tests)."""
    for worker in list(_workers):
        worker.stop()


def _cell(row: dict[str, Any], column: str) -> str:
    """What the table shows for ``column`` of a search result."""
    if column == "birth_date":
        return format_date(row.get("birth_date"))
    if column == "phone":
        return format_phone(row["phone"]) if row.get("phone") else ""
    if column == "address":
        return " ".join(part for part in (row.get("street"), row.get("civic")) if part)
    if column == "last_name" and is_masked(row):
        return masked_name()
    return row.get(column) or ""


class PeopleSearchModel(QAbstractTableModel):
    """Matches for the text typed in the search field, best first, fetched a page at a time."""

    #: Emitted when the rows of the latest query are in (the first page, or one more page).
    results_ready = Signal()

    COLUMNS = (
        "last_name",
        "first_name",
        "codice_fiscale",
        "birth_date",
        "phone",
        "address",
        "unit_code",
    )

    def __init__(
        self,
        store: Store,
        parent: Any = None,
        *,
        threaded: bool = False,
        masked: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._masked = masked  # asked at each query: another user may log in meanwhile
        self._threaded = threaded
        self._worker: SearchWorker | None = None
        self._text = ""
        self._pending_text = ""
        self._rows: list[dict[str, Any]] = []
        self._exhausted = True
        self._loading = False
        self._generation = 0
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
        self._pending_text = text
        self._loading = False
        if not searchable(text):
            if self._worker is not None:
                self._worker.forget(self._generation)
            self._apply(self._generation, text, [], 0, True)
            return
        self._run(text, 0, None)

    def clear(self) -> None:
        """Forget the query and every row at once (quick exit)."""
        self.set_query("")

    def _run(self, text: str, offset: int, ranked: bool | None) -> None:
        generation = self._generation
        if not self._threaded:
            outcome = run_query(self._store.db, text, offset, ranked, self._masked())
            self._deliver(generation, text, offset, outcome)
            return
        if self._worker is None:
            worker = self._worker = SearchWorker(self._store.connections)
            worker.bridge.ready.connect(self._collect)
            self.destroyed.connect(lambda *_: worker.stop())
        self._worker.submit((generation, text, offset, ranked, self._masked()))

    def _collect(self) -> None:
        """On the GUI thread: take what the worker found for the latest request."""
        assert self._worker is not None
        for generation, offset, outcome in self._worker.take():
            if isinstance(outcome, BaseException):
                raise outcome
            self._deliver(generation, self._pending_text, offset, outcome)

    def _deliver(
        self,
        generation: int,
        text: str,
        offset: int,
        outcome: tuple[list[dict[str, Any]], int, bool],
    ) -> None:
        if generation != self._generation:
            return
        rows, total, ranked = outcome
        if offset == 0:
            self._apply(generation, text, rows, total, ranked)
        else:
            self._append(rows)

    def _apply(
        self, generation: int, text: str, rows: list[dict[str, Any]], total: int, ranked: bool
    ) -> None:
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

    def row_of(self, person_id: str) -> int:
        """The row of ``person_id`` among the rows read so far (-1 when not there)."""
        return next((n for n, row in enumerate(self._rows) if row["id"] == person_id), -1)

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
        self._run(self._text, len(self._rows), self._ranked)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:  # a name is shown as written, never as HTML
            return plain_tip(_cell(row, self.COLUMNS[index.column()]))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return _cell(row, self.COLUMNS[index.column()])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return self._headers()[section]

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Cognome"),
            self.tr("Nome"),
            self.tr("Codice fiscale"),
            self.tr("Nato/a il"),
            self.tr("Telefono"),
            self.tr("Indirizzo"),
            self.tr("Alloggio"),
        )
