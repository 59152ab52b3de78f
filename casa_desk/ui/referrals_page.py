"""The referrals page: the office's referrals by status, overdue ones highlighted, and each
one's history and next steps (issue 3, item 5).

A step (send, taken in charge, close, refuse, cancel, reopen) is offered only when the state
machine allows it from the current status (:func:`casa_desk.models.referrals.allowed_events`);
each asks for a note in a small dialog. What the store refuses comes back as a clear message
on the page: a missing consent (with the way to record it, after which the send goes on) or
a step that another office made illegal in the meantime.

Sensitive referrals (health, anti-violence) are masked exactly as on the person card: the
list names no such service, and selecting one (a click, an arrow key) shows only its number,
status and dates. Service, reason, request and the steps' notes appear when the operator
presses "Mostra" — and each reveal is written to the audit trail first (``ui/reveal.py``).
Leaving the page masks them again. Operators without the right to see sensitive data see
"Riservato" instead of the person and cannot reveal.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelection, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError, ConsentError, OutputError
from casa_desk.models.referrals import (
    AWAITING_STATES,
    OPEN_STATES,
    EventKind,
    Status,
    allowed_events,
)
from casa_desk.models.timeutil import format_date, format_datetime, today_rome
from casa_desk.reports.letter import letter_to_print, print_letter, record_printed
from casa_desk.store.referrals import Referrals
from casa_desk.ui.break_glass import break_glass_first
from casa_desk.ui.context import DeskContext
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.file_dialogs import save_file_name
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
    service_label,
)
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.printing import print_pdf
from casa_desk.ui.quick_exit import mark_draft
from casa_desk.ui.referral_dialog import ConsentBanner, ConsentDialog, error_label
from casa_desk.ui.reveal import reveal
from casa_desk.ui.saved_file import SavedFileBar

OVERDUE_BACKGROUND = QColor("#fde2e1")
#: Columns of the list that sort by their date when their header is clicked.
DUE_COLUMN, CREATED_COLUMN = 4, 6
#: Tables whose change may change what this page shows.
WATCHED = frozenset({"referrals", "referral_events", "consents", "people", "services"})
_STEPS = (
    EventKind.SENT,
    EventKind.TAKEN_IN_CHARGE,
    EventKind.CLOSED,
    EventKind.REFUSED,
    EventKind.CANCELLED,
    EventKind.REOPENED,
)


def is_overdue(row: Row, today_iso: str) -> bool:
    """Still waiting for the service (draft or sent) and past its due date; a referral
    taken in charge is not late."""
    return bool(
        row.get("due_on")
        and row["due_on"] < today_iso
        and row.get("status") in {s.value for s in AWAITING_STATES}
    )


class NoteDialog(QDialog):
    """The note that goes with one step (optional)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_draft(self)
        self.setWindowTitle(title)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Nota (facoltativa): chi, come, che cosa"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Conferma"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(title, self))
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)


class ReferralsPage(QWidget):
    """The office's referrals; a double-click asks for the person's card (``open_person``),
    except for sensitive referrals the operator may not see."""

    open_person = Signal(str)
    letter_written = Signal(str)
    letter_printed = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.referrals = Referrals(context.store)
        self.note_dialog: NoteDialog | None = None
        self.consent_dialog: ConsentDialog | None = None
        self._pending: tuple[EventKind, str] | None = None
        self._current: Row | None = None
        #: Sensitive referrals revealed (and audited) since the page was last shown.
        self._revealed: set[str] = set()
        self._today = today_rome().isoformat()
        self._build()
        self.watcher = ChangeWatcher(self, context.bus.changed, WATCHED, self.refresh)
        self._show_detail(None)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self._build_list()
        self._build_detail()
        self._build_layout()

    def _build_list(self) -> None:
        statuses = Vocab.statuses()
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("Aperte"), "open")
        self.filter.addItem(self.tr("Tutte"), "all")
        for code, label in statuses.items():
            self.filter.addItem(label, code)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.search = QLineEdit(self, objectName="referralSearch")
        self.search.setPlaceholderText(self.tr("Cerca per numero, persona o servizio…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter_changed)
        self._order = "created_desc"
        urgencies = Vocab.urgencies()
        self.model = RowsModel(
            [
                Column(self.tr("Numero"), lambda r: r["number"] or ""),
                Column(self.tr("Persona"), lambda r: person_name(r, hidden=self._hidden(r))),
                Column(self.tr("Servizio"), self._service_text),
                Column(self.tr("Stato"), lambda r: self._status_text(statuses, r)),
                Column(self.tr("Scadenza"), self._due_text),
                Column(self.tr("Urgenza"), lambda r: Vocab.word(urgencies, r.get("urgency"))),
                Column(self.tr("Creata il"), lambda r: format_date(r.get("created_at"))),
            ],
            self._fetch,
            page_size=200,
            background=lambda r: OVERDUE_BACKGROUND if self._overdue(r) else None,
            bold=self._overdue,
            tooltip=lambda r: self.tr("In ritardo") if self._overdue(r) else "",
            parent=self,
        )
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(CREATED_COLUMN, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._sort_by)
        # Enter and double-click both arrive as "activated".
        self.table.activated.connect(self._double_clicked)
        fit_columns(self.table, stretch=2)

    def _build_detail(self) -> None:
        events = Vocab.events()
        self.history = RowsModel(
            [
                Column(self.tr("Data e ora"), lambda r: format_datetime(r["at"])),
                Column(self.tr("Passaggio"), lambda r: Vocab.word(events, r["event"])),
                Column(self.tr("Chi"), lambda r: r.get("by") or ""),
                Column(self.tr("Nota"), self._note_text),
            ],
            one_page(self._events),
            parent=self,
        )
        self.history_view = make_table(self)
        self.history_view.setModel(self.history)
        fit_columns(self.history_view, stretch=3)
        self.title = plain_label(self)
        self.title.setWordWrap(True)
        self.details = plain_label(self)
        self.details.setWordWrap(True)
        self.reveal_button = QPushButton(self.tr("Mostra"), self, objectName="revealReferral")
        self.reveal_button.setToolTip(
            self.tr("Mostra il contenuto riservato (resta nel registro degli accessi)")
        )
        self.reveal_button.clicked.connect(self.reveal_current)
        labels = {
            EventKind.SENT: self.tr("Invia"),
            EventKind.TAKEN_IN_CHARGE: self.tr("Presa in carico"),
            EventKind.CLOSED: self.tr("Concludi"),
            EventKind.REFUSED: self.tr("Rifiutata dal servizio"),
            EventKind.CANCELLED: self.tr("Annulla segnalazione"),
            EventKind.REOPENED: self.tr("Riapri"),
        }
        self.buttons: dict[EventKind, QPushButton] = {}
        self.steps_row = QHBoxLayout()
        for kind in _STEPS:
            button = QPushButton(labels[kind], self)
            button.clicked.connect(lambda _=False, k=kind: self.ask_step(k))
            self.buttons[kind] = button
            self.steps_row.addWidget(button)
        self.steps_row.addStretch(1)
        self.letter_button = QPushButton(self.tr("Stampa lettera per il servizio…"), self)
        self.letter_button.setToolTip(
            self.tr(
                "Lettera di una pagina per un servizio esterno: chi è inviato e perché,"
                " il consenso, chi richiamare. La stampa viene registrata."
            )
        )
        self.letter_button.clicked.connect(self.ask_letter)
        self.steps_row.addWidget(self.letter_button)
        self.print_button = QPushButton(self.tr("Stampa…"), self, objectName="printLetter")
        self.print_button.setToolTip(self.tr("Stampa la lettera con la stampante (registrato)"))
        self.print_button.clicked.connect(self.print_letter_now)
        self.steps_row.addWidget(self.print_button)
        self.banner = ConsentBanner(self)
        self.banner.record.clicked.connect(self.ask_consent)
        self.error = error_label(self)
        self.saved = SavedFileBar(self)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Mostra:"), self))
        top.addWidget(self.filter)
        top.addWidget(self.search, 1)
        self.count = plain_label(self)
        top.addWidget(self.count)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.title)
        details_row = QHBoxLayout()
        details_row.addWidget(self.details, 1)
        details_row.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        lower_layout.addLayout(details_row)
        lower_layout.addLayout(self.steps_row)
        lower_layout.addWidget(self.banner)
        lower_layout.addWidget(self.error)
        lower_layout.addWidget(self.saved)
        lower_layout.addWidget(self.history_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_count()

    # -- data ---------------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> list[Row]:
        wanted = self.filter.currentData()
        statuses: tuple[str, ...] | None
        if wanted == "open":
            statuses = tuple(s.value for s in OPEN_STATES)
        elif wanted == "all":
            statuses = None
        else:
            statuses = (wanted,)
        presidio = None if self.context.is_head_office else self.context.presidio
        return self.referrals.list_page(
            presidio=presidio,
            statuses=statuses,
            text=self.search.text() if hasattr(self, "search") else "",
            order=self._order if hasattr(self, "_order") else "created_desc",
            limit=limit,
            offset=offset,
            masked=self.context.masked,
        )

    def _sort_by(self, column: int) -> None:
        """A click on "Scadenza" or "Creata il" sorts by that date (again: the other way);
        other columns keep the current order."""
        header = self.table.horizontalHeader()
        key = {DUE_COLUMN: "due", CREATED_COLUMN: "created"}.get(column)
        if key is None:
            current = DUE_COLUMN if self._order.startswith("due") else CREATED_COLUMN
            descending = self._order.endswith("desc")
            header.setSortIndicator(
                current, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            )
            return
        descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        self._order = f"{key}_{'desc' if descending else 'asc'}"
        self.refresh()

    def _events(self) -> list[Row]:
        return self.referrals.events(self._current["id"]) if self._current else []

    def _hidden(self, row: Row) -> bool:
        return bool(row.get("sensitive")) and not self.context.may_see_sensitive

    def masked(self, row: Row) -> bool:
        """A sensitive referral not revealed (and audited) on this visit of the page."""
        return bool(row.get("sensitive")) and row["id"] not in self._revealed

    def _service_text(self, row: Row) -> str:
        return service_label(row) if self.masked(row) else str(row.get("service_name") or "")

    def _note_text(self, row: Row) -> str:
        if self._current is not None and self.masked(self._current) and row.get("note"):
            return self.tr("Riservato")
        return row.get("note") or ""

    def _overdue(self, row: Row) -> bool:
        return is_overdue(row, self._today)

    def _due_text(self, row: Row) -> str:
        text = format_date(row.get("due_on"))
        return f"{text}  ⚠" if self._overdue(row) else text

    def _update_count(self) -> None:
        count = self.model.rowCount()
        self.count.setText(
            # more are listed as the list scrolls: "200+ segnalazioni"
            self.tr("%1+ segnalazioni").replace("%1", QLocale().toString(count))
            if self.model.canFetchMore()
            else self.tr("%Ln segnalazioni", "", count)  # "1 segnalazione", "1 referral"
        )

    def refresh(self) -> None:
        """Read the list again, keeping the selected referral selected if still listed."""
        keep = self._current["id"] if self._current else None
        self._today = today_rome().isoformat()
        self.model.reload()
        self._update_count()
        if keep:
            self.select(keep)
        if not self.table.selectionModel().hasSelection():
            self._show_detail(None)

    def _filter_changed(self) -> None:
        self._current = None
        self.refresh()

    # -- selection and detail -----------------------------------------------------------
    def select(self, referral_id: str) -> bool:
        row = self.model.find("id", referral_id)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.find("id", referral_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self._show_detail(self.model.row_at(row))
        return True

    def show_referral(self, referral_id: str) -> bool:
        """Select ``referral_id`` whatever its status (from a card's history)."""
        if not self.select(referral_id):
            self.filter.setCurrentIndex(self.filter.findData("all"))
            if not self.select(referral_id):
                return False
        self.table.setFocus()
        return True

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_detail(self.model.row_at(indexes[0].row()))

    def _double_clicked(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row and row.get("person_id") and not self._hidden(row):
            self.open_person.emit(row["person_id"])

    def _show_detail(self, row: Row | None) -> None:
        self._current = row
        self.banner.hide()
        self.saved.hide()
        self.error.hide()
        self.history.reload()
        allowed = set(allowed_events(Status(row["status"]))) if row and row["status"] else set()
        for kind, button in self.buttons.items():
            button.setVisible(kind in allowed)
            button.setEnabled(kind in allowed)
        masked = row is not None and self.masked(row)
        held = row is not None and bool(row.get("held"))  # no letter while on hold
        self.letter_button.setEnabled(row is not None and not masked and not held)
        self.print_button.setEnabled(row is not None and not masked and not held)
        self.reveal_button.setVisible(masked)
        self.reveal_button.setEnabled(self.context.may_see_sensitive)
        if row is None:
            self.title.setText(self.tr("Scegliere una segnalazione dall'elenco."))
            self.details.clear()
            return
        status = self._status_text(Vocab.statuses(), row)
        self.title.setText(
            f"{row['number']} · {person_name(row, hidden=self._hidden(row))} · "
            f"{self._service_text(row)} · {status}"
        )
        parts = []
        if masked:
            parts.append(
                self.tr(
                    "Contenuto riservato. Premere «Mostra» solo se necessario: "
                    "l'accesso viene registrato."
                )
                if self.context.may_see_sensitive
                else self.tr("Contenuto riservato.")
            )
        else:
            parts.append(self.tr("Motivo: %1").replace("%1", row.get("reason") or ""))
            if row.get("request"):
                parts.append(self.tr("Richiesta: %1").replace("%1", row["request"]))
        if row.get("held"):
            parts.append(self._held_text(row))
        if row.get("due_on"):
            due = self.tr("Entro il %1").replace("%1", format_date(row["due_on"]))
            if self._overdue(row):
                due += " — " + self.tr("In ritardo")
            parts.append(due)
        self.details.setText("\n".join(parts))

    def reveal_current(self) -> None:
        """Show the selected sensitive referral, once its viewing is on record."""
        row = self._current
        if row is None or not self.masked(row):
            return

        def shown() -> None:
            self._revealed.add(row["id"])
            index = self.model.find("id", row["id"])
            if index >= 0:
                self.model.row_changed(index)
            self._show_detail(row)

        reveal(self.context, "referrals", row["id"], shown, self)

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt
        """Leaving the page (another tab, F12) masks what was revealed."""
        if self._revealed:
            self._revealed.clear()
            self.model.reload()
            if self._current is not None:
                self._show_detail(self._current)
        super().hideEvent(event)

    # -- steps --------------------------------------------------------------------------
    def ask_step(self, kind: EventKind) -> None:
        """Ask for the note, then take the step (non-blocking: the dialog is window-modal)."""
        if self._current is None:
            return
        self.note_dialog = NoteDialog(self.buttons[kind].text(), self)
        self.note_dialog.accepted.connect(
            lambda: self.take_step(kind, self.note_dialog.note.text() if self.note_dialog else "")
        )
        self.note_dialog.open()

    def take_step(self, kind: EventKind, note: str = "") -> bool:
        """One step on the selected referral; a refusal is shown on the page."""
        if self._current is None:
            return False
        self.banner.hide()
        self.error.hide()
        referral_id = self._current["id"]

        def refused(error: CasaError, text: str) -> None:
            if isinstance(error, ConsentError):  # the way out: record the consent, go on
                self._pending = (kind, note)
                self.banner.show_message(text, offer_consent=True)
                return
            self.error.setText(text)
            self.error.show()

        def taken(_status: object) -> None:
            self._pending = None

        return (
            StoreOp(
                self.context.bus,
                lambda: self.referrals.step(referral_id, kind, by=self.context.operator, note=note),
                changed="referrals",
                parent=self,
            )
            .success(taken)
            .failure(refused)
            .run()
        )

    def _status_text(self, statuses: dict[str, str], row: Row) -> str:
        """The status, and "sospesa" when the consent was withdrawn or expired (issue 11)."""
        word = Vocab.word(statuses, row.get("status"))
        return self.tr("%1 (sospesa)").replace("%1", word) if row.get("held") else word

    def _held_text(self, row: Row) -> str:
        """Why it is on hold: the held event's note, else the consent's date rule."""
        if row.get("held_reason"):
            return self.tr("Sospesa: %1. Serve un nuovo consenso.").replace(
                "%1", row["held_reason"]
            )
        return self.tr("Sospesa: il consenso è scaduto o revocato. Serve un nuovo consenso.")

    # -- referral letter ----------------------------------------------------------------
    def ask_letter(self) -> None:
        """Ask where to save the letter, then write it in the background."""
        if self._current is None or not self._letter_allowed():
            return
        name = f"lettera-{self._current['number']}.pdf"
        path = save_file_name(
            self, self.tr("Salva la lettera"), str(Path.home() / name), self.tr("PDF (*.pdf)")
        )
        if path:
            self.print_letter_to(Path(path))

    def print_letter_to(self, out: Path) -> None:
        """Write the selected referral's letter to ``out`` (recorded in the audit log)."""
        if self._current is None or not self._letter_allowed():
            return
        referral_id, store = self._current["id"], self.context.store
        operator = self.context.operator
        self.error.hide()

        def done(path: Path) -> None:
            self.saved.show_saved(path, self.tr("Lettera salvata in %1").replace("%1", str(path)))
            self.letter_written.emit(str(path))

        def failed(_error: CasaError, text: str) -> None:
            self.error.setText(text)
            self.error.show()

        # Rendering takes a while: on the task runner; the printing is on record (audit_log).
        StoreOp(
            self.context.bus,
            lambda: print_letter(store, referral_id, out, by=operator),
            changed="audit_log",
            parent=self,
        ).success(done).failure(failed).run_in_background(self.context.runner)

    def print_letter_now(self) -> None:
        """The letter on paper: rendered to a private temporary file, then the system's print
        dialog; the printing goes on record when the operator accepts the dialog, before a
        page is printed (a cancelled print is not recorded); the file is removed."""
        if self._current is None or not self._letter_allowed():
            return
        referral_id, store = self._current["id"], self.context.store
        operator = self.context.operator
        folder = Path(tempfile.mkdtemp(prefix="casa_letter_"))
        out = folder / f"lettera-{self._current['number']}.pdf"
        self.error.hide()

        def failed(_error: CasaError, text: str) -> None:
            self.error.setText(text)
            self.error.show()

        def record() -> bool:
            # Nothing is printed without its audit row: refused here, nothing is printed.
            # Should the printing fail after this (the printer, the painting), the row stays:
            # it records that the letter was sent to the printer, which it was.
            return (
                StoreOp(
                    self.context.bus,
                    lambda: record_printed(store, referral_id, by=operator),
                    changed="audit_log",
                    parent=self,
                )
                .failure(failed)
                .run()
            )

        def done(path: Path) -> None:
            try:
                if print_pdf(path, self, accepted=record, inputs=[store.path]):
                    self.saved.hide()
                    self.letter_printed.emit(str(path))
            except OutputError as exc:  # a file printed to, refused: nothing on record
                failed(exc, worded_error(exc))
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        def not_rendered(error: CasaError, text: str) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            failed(error, text)

        StoreOp(
            self.context.bus,
            lambda: letter_to_print(store, referral_id, out, by=operator),
            changed=None,  # only rendered: on record once the print dialog is accepted
            parent=self,
        ).success(done).failure(not_rendered).run_in_background(self.context.runner)

    def _letter_allowed(self) -> bool:
        """The letter names the person: a riservato one's, for a user without permission
        (who sees "Persona riservata" in the list), only after the break-glass reason."""
        assert self._current is not None
        return break_glass_first(self.context.session, self._current["person_id"], self)

    def ask_consent(self) -> None:
        if self._current is None:
            return
        self.consent_dialog = ConsentDialog(
            self.context, self._current["person_id"], self._current["service_id"], self
        )
        self.consent_dialog.recorded.connect(self._consent_recorded)
        self.consent_dialog.open()

    def _consent_recorded(self) -> None:
        """The consent is there: the step that needed it goes on."""
        self.banner.hide()
        if self._pending:
            kind, note = self._pending
            self.take_step(kind, note)
