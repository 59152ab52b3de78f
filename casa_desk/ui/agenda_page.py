"""The agenda: what is waiting for the office today (issue 3, item 6; issue 9, item 10).

Follow-ups overdue, due today and due in the next seven days, in date order, with the phone
to call (all of the office's, or only the operator's own), referrals still waiting for their
service past their due date (one taken in charge is not late), and the ESF participants
whose six-month follow-up is due (six months after their exit; recorded on the person's
card). The lists are paged in SQL (:meth:`Contacts.follow_ups`, :meth:`Referrals.list_page`):
a year of unanswered follow-ups in a store of a million contacts is tens of thousands of
rows, and the page shows the first ones in milliseconds.

"Segna come fatto" asks how the call went (the outcome) and records that the follow-up was
done — a correction of the contact, since contacts are insert-only; "Annulla" right after
takes it back (a correction of the correction). The list refreshes through the change bus.
Enter or a double-click asks the main window to open the person's card (``open_person``);
anonymous contacts have none.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.phone import format_phone
from casa_desk.models.referrals import AWAITING_STATES
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.store.consents import Consents
from casa_desk.store.contacts import Contacts
from casa_desk.store.participants import Participants
from casa_desk.store.referrals import Referrals
from casa_desk.ui.agenda_dialogs import DoneDialog, UndoBar
from casa_desk.ui.context import DeskContext
from casa_desk.ui.masking import mask_people
from casa_desk.ui.models import (
    ChangeWatcher,
    Column,
    Row,
    RowsModel,
    Vocab,
    fit_columns,
    make_table,
    person_name,
    service_label,
)
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.referral_dialog import error_label
from casa_desk.ui.referrals_page import OVERDUE_BACKGROUND

TODAY_BACKGROUND = QColor("#fff4d6")
WATCHED = frozenset(
    {
        "contacts",
        "referrals",
        "referral_events",
        "people",
        "services",
        "participants",
        "consents",
        "safe_contacts",
    }
)
#: The order of the follow-up list when every bucket is shown: by date.
ORDER = ("overdue", "today", "week")
COUNT_CAP = 1000
#: The page's height shared out: follow-ups, late referrals, ESF six-month results,
#: expiring consents.
SHARES = (5, 2, 1, 1)


class AgendaPage(QWidget):
    """Follow-ups and late referrals of the office; ``open_person`` carries a person id."""

    open_person = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.contacts = Contacts(context.store)
        self.referrals = Referrals(context.store)
        self.participants = Participants(context.store)
        self._today = today_rome()
        self._cursor = (0, 0)  # (bucket, rows read in it) of the follow-up pages read so far
        self._build()
        self.watcher = ChangeWatcher(self, context.bus.changed, WATCHED, self.refresh)
        self._update_counts()
        self._update_buttons()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.when = {
            "overdue": self.tr("In ritardo"),
            "today": self.tr("Oggi"),
            "week": self.tr("Prossimi 7 giorni"),
        }
        self.bucket = QComboBox(self)
        self.bucket.addItem(self.tr("Tutti"), "all")
        for bucket in ORDER:
            self.bucket.addItem(self.when[bucket], bucket)
        self.bucket.currentIndexChanged.connect(self.refresh)
        self.mine = QCheckBox(self.tr("Solo i miei richiami"), self, objectName="agendaMine")
        self.mine.toggled.connect(self.refresh)
        self.follow_ups = RowsModel(
            [
                Column(self.tr("Quando"), lambda r: self.when[r["bucket"]]),
                Column(self.tr("Richiamo"), lambda r: format_date(r["follow_up_on"])),
                Column(self.tr("Persona"), lambda r: person_name(r, hidden=self._hidden(r))),
                Column(self.tr("Telefono"), self._phone),
                Column(self.tr("Argomento"), lambda r: self._masked(r, "category_label")),
                Column(self.tr("Sintesi"), lambda r: self._masked(r, "summary")),
                Column(self.tr("Contatto sicuro"), self._safe),
            ],
            self._fetch_follow_ups,
            page_size=200,
            background=_bucket_colour,
            tooltip=lambda r: self.when[r["bucket"]] if r["bucket"] != "week" else "",
            parent=self,
        )
        self.follow_up_view = make_table(self)
        self.follow_up_view.setModel(self.follow_ups)
        fit_columns(self.follow_up_view, stretch=5)
        # Enter and double-click both arrive as "activated".
        self.follow_up_view.activated.connect(lambda index: self._open(self.follow_ups, index))
        self.follow_up_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.done_button = QPushButton(self.tr("Segna come fatto…"), self)
        self.done_button.clicked.connect(self.mark_done)
        self.done_dialog: DoneDialog | None = None
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo.clicked.connect(self.undo_done)
        self._last_done: str | None = None
        #: The list's row to select once a follow-up marked done has left it: the next call.
        self._resume_at: int | None = None
        self.summary = plain_label(self)
        self.error = error_label(self)
        statuses = Vocab.statuses()
        self.late = RowsModel(
            [
                Column(self.tr("Numero"), lambda r: r["number"] or ""),
                Column(self.tr("Persona"), lambda r: person_name(r, hidden=self._hidden(r))),
                Column(self.tr("Servizio"), service_label),
                Column(self.tr("Stato"), lambda r: Vocab.word(statuses, r.get("status"))),
                Column(self.tr("Scadenza"), lambda r: format_date(r.get("due_on"))),
            ],
            self._fetch_late,
            page_size=200,
            background=lambda _r: OVERDUE_BACKGROUND,
            tooltip=lambda _r: self.tr("In ritardo"),
            parent=self,
        )
        self.late_view = make_table(self)
        self.late_view.setModel(self.late)
        fit_columns(self.late_view, stretch=2)
        self.late_view.activated.connect(lambda index: self._open(self.late, index))
        self.late_summary = plain_label(self)
        self.esf = RowsModel(
            [
                Column(self.tr("Da rilevare dal"), lambda r: format_date(r["due_on"])),
                Column(self.tr("Persona"), person_name),
                Column(self.tr("Uscita"), lambda r: format_date(r["exited_on"])),
            ],
            self._fetch_esf,
            page_size=200,
            parent=self,
        )
        self.esf_view = make_table(self)
        self.esf_view.setObjectName("esfFollowUps")
        self.esf_view.setModel(self.esf)
        fit_columns(self.esf_view, stretch=1)
        self.esf_view.activated.connect(lambda index: self._open(self.esf, index))
        self.esf_summary = plain_label(self)
        self.expiring = RowsModel(
            [
                Column(self.tr("Scade il"), lambda r: format_date(r["expires_on"])),
                Column(self.tr("Persona"), person_name),
                Column(self.tr("Consenso"), self._purpose),
            ],
            self._fetch_expiring,
            page_size=200,
            parent=self,
        )
        self.expiring_view = make_table(self)
        self.expiring_view.setObjectName("expiringConsents")
        self.expiring_view.setModel(self.expiring)
        fit_columns(self.expiring_view, stretch=2)
        self.expiring_view.activated.connect(lambda index: self._open(self.expiring, index))
        self._build_layout()

    def _build_layout(self) -> None:
        follow_box = QGroupBox(self.tr("Richiami"), self)
        follow_layout = QVBoxLayout(follow_box)
        actions = QHBoxLayout()
        actions.addWidget(self.bucket)
        actions.addWidget(self.mine)
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.done_button)
        follow_layout.addLayout(actions)
        follow_layout.addWidget(self.undo_bar)
        follow_layout.addWidget(self.error)
        follow_layout.addWidget(self.follow_up_view)
        late_box = QGroupBox(self.tr("Segnalazioni oltre la scadenza"), self)
        late_layout = QVBoxLayout(late_box)
        late_layout.addWidget(self.late_summary)
        late_layout.addWidget(self.late_view)
        esf_box = QGroupBox(self.tr("Programma FSE: esiti a sei mesi dall'uscita"), self)
        esf_layout = QVBoxLayout(esf_box)
        esf_layout.addWidget(self.esf_summary)
        esf_layout.addWidget(self.esf_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(follow_box)
        splitter.addWidget(late_box)
        splitter.addWidget(esf_box)
        expiring_box = QGroupBox(self.tr("Consensi in scadenza nei prossimi 30 giorni"), self)
        QVBoxLayout(expiring_box).addWidget(self.expiring_view)
        splitter.addWidget(expiring_box)
        # The follow-ups are the desk's list of the day: they get the room, the others what
        # they need first. With stretch factors alone, a 768-pixel screen gave the last box
        # its whole height and the follow-ups two rows (the splitter shrinks the stretched).
        for index, share in enumerate(SHARES):
            splitter.setStretchFactor(index, share)
        splitter.setSizes([share * 1000 for share in SHARES])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- data ---------------------------------------------------------------------------
    def _span(self, bucket: str) -> tuple[date | None, date, bool]:
        """(first day or None, last day, newest first) of a bucket."""
        today = self._today
        return {
            "today": (today, today, False),
            "overdue": (None, today - timedelta(days=1), False),
            "week": (today + timedelta(days=1), today + timedelta(days=7), False),
        }[bucket]

    def _operator(self) -> str | None:
        """Only this operator's follow-ups, when "Solo i miei" is ticked."""
        return self.context.operator if hasattr(self, "mine") and self.mine.isChecked() else None

    def _buckets(self) -> tuple[str, ...]:
        chosen = self.bucket.currentData() if hasattr(self, "bucket") else "all"
        return ORDER if chosen in (None, "all") else (chosen,)

    def _fetch_follow_ups(self, offset: int, limit: int) -> list[Row]:
        """The next page across the buckets in order, each one paged in SQL.

        The model asks for pages in sequence (offset = rows it has), so the cursor of where
        the previous page stopped is enough; offset 0 starts again from the first bucket.
        """
        if offset == 0:
            self._today = today_rome()
            self._cursor = (0, 0)
        number, inside = self._cursor
        buckets = self._buckets()
        rows: list[Row] = []
        while number < len(buckets) and len(rows) < limit:
            bucket = buckets[number]
            start, end, newest = self._span(bucket)
            wanted = limit - len(rows)
            page = self.contacts.follow_ups(
                self.context.presidio,
                start=start,
                end=end,
                newest_first=newest,
                operator=self._operator(),
                limit=wanted,
                offset=inside,
                masked=self.context.masked,
            )
            rows += [{**row, "bucket": bucket} for row in page]
            number, inside = (number + 1, 0) if len(page) < wanted else (number, inside + len(page))
        self._cursor = (number, inside)
        return rows

    def _fetch_late(self, offset: int, limit: int) -> list[Row]:
        presidio = None if self.context.is_head_office else self.context.presidio
        return self.referrals.list_page(
            presidio=presidio,
            statuses=[s.value for s in AWAITING_STATES],
            due_before=today_rome(),
            order="due_asc",
            limit=limit,
            offset=offset,
            masked=self.context.masked,
        )

    def _fetch_esf(self, offset: int, limit: int) -> list[Row]:
        """Six-month follow-ups due and not recorded; head office sees every office's."""
        presidio = None if self.context.is_head_office else self.context.presidio
        rows = self.participants.follow_ups_due(presidio, today_rome(), limit=limit, offset=offset)
        return mask_people(self.context, rows, key="person_id")

    def _fetch_expiring(self, offset: int, limit: int) -> list[Row]:
        """Live consents of the office expiring within 30 days (issue 11), soonest first."""
        rows = Consents(self.context.store).expiring(
            self.context.presidio, today_rome(), masked=not self.context.may_see_sensitive
        )
        return rows[offset : offset + limit]

    def _purpose(self, row: Row) -> str:
        if row["purpose"] == "registry":
            return self.tr("Registro dello sportello")
        if not self.context.may_see_sensitive:
            return self.tr("Invio a un servizio")
        return self.tr("Invio a %1").replace("%1", row.get("service_name") or "")

    def _safe(self, row: Row) -> str:
        """The person's safe-contact instructions, next to the follow-up (issue 11): the
        flags always, the safe phone and hours for users who may see sensitive content."""
        if self._hidden(row):
            return ""
        parts = []
        if row.get("safe_no_calls"):
            parts.append(self.tr("NON CHIAMARE"))
        if row.get("safe_no_post"):
            parts.append(self.tr("NON INVIARE POSTA"))
        if self.context.may_see_sensitive:
            if row.get("safe_phone"):
                parts.append(format_phone(row["safe_phone"]))
            if row.get("safe_hours"):
                parts.append(row["safe_hours"])
        return " · ".join(parts)

    def _hidden(self, row: Row) -> bool:
        return bool(row.get("sensitive")) and not self.context.may_see_sensitive

    def _masked(self, row: Row, key: str) -> str:
        """Topic and summary of a sensitive contact stay off this list: the card shows them
        on request (someone may be standing beside the desk)."""
        if row.get("sensitive"):
            return self.tr("Riservato")
        if key == "category_label" and QLocale().language() == QLocale.Language.English:
            return row.get("category_label_en") or row.get(key) or ""
        return row.get(key) or ""

    def _phone(self, row: Row) -> str:
        """The number to call back (not for a person the operator may not see)."""
        phone = row.get("person_phone")
        return format_phone(phone) if phone and not self._hidden(row) else ""

    def refresh(self) -> None:
        self.error.hide()
        if self._last_done is None:
            self.undo_bar.hide()
        self.follow_ups.reload()
        self.late.reload()
        self.esf.reload()
        self.expiring.reload()
        self._resume_list()
        self._update_counts()
        self._update_buttons()

    def _resume_list(self) -> None:
        """After a "fatto", the call that took its place is selected and the list keeps the
        keyboard, so a morning of overdue calls is worked down without finding the place
        again with the mouse (the selection went with the row, the button went grey)."""
        position, self._resume_at = self._resume_at, None
        row = min(position, self.follow_ups.rowCount() - 1) if position is not None else -1
        if row >= 0:
            self.follow_up_view.selectRow(row)
            self.follow_up_view.setFocus()

    def counts(self) -> dict[str, int]:
        """Open follow-ups per bucket, each counted up to COUNT_CAP."""
        return {
            bucket: self.contacts.count_follow_ups(
                self.context.presidio,
                start=self._span(bucket)[0],
                end=self._span(bucket)[1],
                operator=self._operator(),
                cap=COUNT_CAP,
                masked=self.context.masked,
            )
            for bucket in ORDER
        }

    def _update_counts(self) -> None:
        words = {b: f"{n}+" if n >= COUNT_CAP else str(n) for b, n in self.counts().items()}
        self.summary.setText(
            self.tr("%1 oggi, %2 in ritardo, %3 nei prossimi 7 giorni")
            .replace("%1", words["today"])
            .replace("%2", words["overdue"])
            .replace("%3", words["week"])
        )
        more = "+" if self.late.canFetchMore() else ""
        self.late_summary.setText(
            self.tr("%1 segnalazioni aperte oltre la data prevista").replace(
                "%1", f"{self.late.rowCount()}{more}"
            )
        )
        presidio = None if self.context.is_head_office else self.context.presidio
        due = self.participants.count_follow_ups_due(presidio, today_rome())
        if self.context.is_head_office:  # every office's: each records its own (class B)
            text = self.tr(
                "Partecipanti da ricontattare: %1. La situazione a sei mesi dall'uscita la "
                "registra, sulla scheda, il presidio che ha iscritto la persona."
            )
        else:
            text = self.tr(
                "Partecipanti da ricontattare: %1. La situazione a sei mesi dall'uscita si "
                "registra sulla scheda (doppio clic)."
            )
        self.esf_summary.setText(text.replace("%1", str(due)))

    def _update_buttons(self) -> None:
        self.done_button.setEnabled(self._selected() is not None)

    def _selected(self) -> Row | None:
        rows = self.follow_up_view.selectionModel().selectedRows()
        return self.follow_ups.row_at(rows[0].row()) if rows else None

    # -- actions ------------------------------------------------------------------------
    def mark_done(self) -> None:
        """Ask how the call went, then record the follow-up as done."""
        row = self._selected()
        if row is None:
            return
        self.done_dialog = DoneDialog(row.get("outcome"), self)
        self.done_dialog.accepted.connect(
            lambda: self.record_done(
                row["id"], self.done_dialog.outcome() if self.done_dialog else None
            )
        )
        self.done_dialog.open()

    def record_done(self, contact_id: str, outcome: str | None) -> bool:
        self.error.hide()

        def done(row: Row) -> None:
            self._last_done = row["id"]
            position = self.follow_ups.find("id", contact_id)
            self._resume_at = position if position >= 0 else None
            self.undo_bar.show_message(self.tr("Richiamo segnato come fatto."))

        return (
            StoreOp(
                self.context.bus,
                lambda: self.contacts.mark_follow_up_done(
                    contact_id, operator=self.context.operator, outcome=outcome
                ),
                changed="contacts",
                parent=self,
            )
            .success(done)
            .failure(self._show_error)
            .run()
        )

    def undo_done(self) -> None:
        """Take back the last "fatto": the follow-up is open again."""
        done_id, self._last_done = self._last_done, None
        self.undo_bar.hide()
        if done_id is None:
            return
        StoreOp(
            self.context.bus,
            lambda: self.contacts.undo_follow_up_done(done_id, operator=self.context.operator),
            changed="contacts",
            parent=self,
        ).failure(self._show_error).run()

    def _show_error(self, _error: CasaError, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def select_follow_up(self, contact_id: str) -> bool:
        row = self.follow_ups.find("id", contact_id)
        if row >= 0:
            self.follow_up_view.selectRow(row)
        return row >= 0

    def _open(self, model: RowsModel, index: QModelIndex) -> None:
        row = model.row_at(index.row())
        if row and row.get("person_id"):
            self.open_person.emit(row["person_id"])


def _bucket_colour(row: Row) -> QColor | None:
    if row["bucket"] == "overdue":
        return OVERDUE_BACKGROUND
    if row["bucket"] == "today":
        return TODAY_BACKGROUND
    return None
