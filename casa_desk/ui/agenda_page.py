"""The agenda: what is waiting for the office today (issue 3, item 6).

Follow-ups overdue, due today and due in the next seven days (:meth:`Contacts.agenda`), and
open referrals past their due date (:meth:`Referrals.overdue`). "Segna come fatto" records
that a follow-up was done — a correction of the contact, since contacts are insert-only — and
the list refreshes through the change bus. A double-click asks the main window to open the
person's card (``open_person``); anonymous contacts have no card to open.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import ValidationError
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.store.contacts import Contacts
from casa_desk.store.referrals import Referrals
from casa_desk.ui.context import DeskContext
from casa_desk.ui.models import (
    ChangeWatcher,
    Column,
    Row,
    RowsModel,
    Vocab,
    fit_columns,
    make_table,
    one_page,
    person_name,
)
from casa_desk.ui.referral_dialog import error_label
from casa_desk.ui.referrals_page import OVERDUE_BACKGROUND

TODAY_BACKGROUND = QColor("#fff4d6")
WATCHED = frozenset({"contacts", "referrals", "referral_events", "people", "services"})
_BUCKETS = ("overdue", "today", "week")
_ORDER = ("today", "overdue", "week")


class AgendaPage(QWidget):
    """Follow-ups and late referrals of the office; ``open_person`` carries a person id."""

    open_person = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.contacts = Contacts(context.store)
        self.referrals = Referrals(context.store)
        self._build()
        self.watcher = ChangeWatcher(self, context.bus.changed, WATCHED, self.refresh)
        self._update()

    def _build(self) -> None:
        when = {"overdue": self.tr("In ritardo"), "today": self.tr("Oggi"),
                "week": self.tr("Prossimi 7 giorni")}
        self.follow_ups = RowsModel(
            [Column(self.tr("Quando"), lambda r: when[r["bucket"]]),
             Column(self.tr("Richiamo"), lambda r: format_date(r["follow_up_on"])),
             Column(self.tr("Persona"), lambda r: person_name(r, hidden=self._hidden(r))),
             Column(self.tr("Argomento"), lambda r: self._masked(r, "category_label")),
             Column(self.tr("Sintesi"), lambda r: self._masked(r, "summary"))],
            one_page(self._follow_up_rows),
            background=_bucket_colour,
            tooltip=lambda r: when[r["bucket"]] if r["bucket"] != "week" else "",
            parent=self)
        self.follow_up_view = make_table(self)
        self.follow_up_view.setModel(self.follow_ups)
        fit_columns(self.follow_up_view, stretch=4)
        self.follow_up_view.doubleClicked.connect(
            lambda index: self._open(self.follow_ups, index))
        self.follow_up_view.selectionModel().selectionChanged.connect(self._update)
        self.done_button = QPushButton(self.tr("Segna come fatto"), self)
        self.done_button.clicked.connect(self.mark_done)
        self.summary = QLabel(self)
        self.error = error_label(self)
        statuses = Vocab.statuses()
        self.late = RowsModel(
            [Column(self.tr("Numero"), lambda r: r["number"] or ""),
             Column(self.tr("Persona"), lambda r: person_name(r, hidden=self._hidden(r))),
             Column(self.tr("Servizio"), lambda r: r.get("service_name") or ""),
             Column(self.tr("Stato"), lambda r: Vocab.word(statuses, r.get("status"))),
             Column(self.tr("Scadenza"), lambda r: format_date(r.get("due_on")))],
            one_page(lambda: self.referrals.overdue(self.context.presidio, today_rome())),
            background=lambda _r: OVERDUE_BACKGROUND,
            tooltip=lambda _r: self.tr("In ritardo"),
            parent=self)
        self.late_view = make_table(self)
        self.late_view.setModel(self.late)
        fit_columns(self.late_view, stretch=2)
        self.late_view.doubleClicked.connect(lambda index: self._open(self.late, index))

        follow_box = QGroupBox(self.tr("Richiami"), self)
        follow_layout = QVBoxLayout(follow_box)
        actions = QHBoxLayout()
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.done_button)
        follow_layout.addLayout(actions)
        follow_layout.addWidget(self.error)
        follow_layout.addWidget(self.follow_up_view)
        late_box = QGroupBox(self.tr("Segnalazioni oltre la scadenza"), self)
        late_layout = QVBoxLayout(late_box)
        self.late_summary = QLabel(self)
        late_layout.addWidget(self.late_summary)
        late_layout.addWidget(self.late_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(follow_box)
        splitter.addWidget(late_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- data ---------------------------------------------------------------------------
    def _follow_up_rows(self) -> list[Row]:
        """Today's first, then the overdue ones (most recent first), then the week's."""
        agenda = self.contacts.agenda(self.context.presidio, today_rome())
        agenda["overdue"].reverse()
        return [{**row, "bucket": bucket} for bucket in _ORDER for row in agenda[bucket]]

    def _hidden(self, row: Row) -> bool:
        return bool(row.get("sensitive")) and not self.context.may_see_sensitive

    def _masked(self, row: Row, key: str) -> str:
        """Topic and summary of a sensitive contact stay off this list: the card shows them
        on request (someone may be standing beside the desk)."""
        return self.tr("Riservato") if row.get("sensitive") else row.get(key) or ""

    def refresh(self) -> None:
        self.error.hide()
        self.follow_ups.reload()
        self.late.reload()
        self._update()

    def _update(self) -> None:
        rows = self.follow_ups.rows()
        counts = {b: sum(1 for r in rows if r["bucket"] == b) for b in _BUCKETS}
        self.summary.setText(
            self.tr("%1 in ritardo, %2 oggi, %3 nei prossimi 7 giorni")
            .replace("%1", str(counts["overdue"])).replace("%2", str(counts["today"]))
            .replace("%3", str(counts["week"])))
        self.late_summary.setText(self.tr("%1 segnalazioni aperte oltre la data prevista")
                                  .replace("%1", str(self.late.rowCount())))
        self.done_button.setEnabled(self._selected() is not None)

    def _selected(self) -> Row | None:
        rows = self.follow_up_view.selectionModel().selectedRows()
        return self.follow_ups.row_at(rows[0].row()) if rows else None

    # -- actions ------------------------------------------------------------------------
    def mark_done(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            self.contacts.mark_follow_up_done(row["id"], operator=self.context.operator)
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.context.bus.changed.emit("contacts")

    def select_follow_up(self, contact_id: str) -> bool:
        row = self.follow_ups.find("id", contact_id)
        if row >= 0:
            self.follow_up_view.selectRow(row)
        return row >= 0

    def _open(self, model: RowsModel, index: QModelIndex) -> None:
        row = model.row_at(index.row())
        if row and row.get("person_id"):
            self.open_person.emit(row["person_id"])

    @property
    def views(self) -> tuple[QTableView, QTableView]:
        return self.follow_up_view, self.late_view


def _bucket_colour(row: Row) -> QColor | None:
    if row["bucket"] == "overdue":
        return OVERDUE_BACKGROUND
    if row["bucket"] == "today":
        return TODAY_BACKGROUND
    return None
