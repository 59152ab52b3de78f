"""A person's card: who they are, where they live, their household, consents, possible
duplicates and the history of contacts and referrals, newest first.

Sensitive history entries show a neutral marker; their content stays hidden until the
operator presses "Mostra", and each reveal is written to the audit trail ('viewed') in its
own transaction. The card reads the store on the GUI thread: a card with 200 contacts is a
handful of indexed queries (benchmarks/bench_ui.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.timeutil import format_date, format_datetime
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.merging import Moved, may_merge_away
from casa_desk.store.ownership import foreign_owner, office_name
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.sync import status as sync_status
from casa_desk.ui.card_side import CardSide
from casa_desk.ui.context import DeskContext
from casa_desk.ui.duplicates import MergeDialog
from casa_desk.ui.error_dialog import error_box
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.history_model import (
    Entry,
    HistoryModel,
    build_entries,
    channel_label,
    outcome_label,
    registry_edit_author,
    registry_edit_text,
    status_label,
)
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import message_box, plain_label
from casa_desk.ui.reveal import reveal


class PersonCard(QWidget):
    """Shows one person; emits requests the window turns into dialogs."""

    back_requested = Signal()
    edit_requested = Signal(str)
    contact_requested = Signal(str)
    referral_requested = Signal(str)
    person_opened = Signal(str)
    #: A contact of the history to correct (double-click, Enter, context menu).
    amend_requested = Signal(str)
    #: A referral of the history to follow on the Segnalazioni page.
    referral_opened = Signal(str)
    #: A short line saying what was just done (the window shows it in the status bar).
    confirmed = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.people = People(context.store)
        self.person: dict[str, Any] | None = None

        self.title = plain_label(objectName="cardTitle")
        self.title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.subtitle = plain_label(objectName="cardSubtitle")
        self.back_button = QPushButton(objectName="backButton")
        self.edit_button = QPushButton(objectName="editButton")
        self.contact_button = QPushButton(objectName="contactButton")
        self.referral_button = QPushButton(objectName="referralButton")
        buttons = QHBoxLayout()
        for button in (
            self.back_button,
            self.edit_button,
            self.contact_button,
            self.referral_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.side = CardSide(context)
        self.side.person_opened.connect(self.person_opened)
        self.side.merge_requested.connect(self.merge)
        self.side.confirmed.connect(self.confirmed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="cardSplitter")
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self._build_history())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 900])

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for_person(self.edit_requested))
        self.contact_button.clicked.connect(lambda: self._emit_for_person(self.contact_requested))
        self.referral_button.clicked.connect(lambda: self._emit_for_person(self.referral_requested))
        self.history_view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.reveal_button.clicked.connect(self.reveal_current)
        # Enter and double-click both come as "activated" (a double-click is not two).
        self.history_view.activated.connect(lambda _index: self.open_entry())
        self.history_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.history_view.customContextMenuRequested.connect(self._history_menu)
        context.bus.changed.connect(self._on_changed)
        self.retranslate()

    def _build_history(self) -> QWidget:
        """The history table and, under it, the selected line's details."""
        self.history_box = QGroupBox()
        self.history_model = HistoryModel(self)
        self.history_view = QTableView(objectName="historyView")
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().hide()
        self.history_view.setWordWrap(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Widths from the font, not pixels: the summary keeps the rest (at 1024×768 too).
        metrics = self.history_view.fontMetrics()
        bold = QFontMetrics(header.font())
        samples = ("00/00/0000 00:00", "Visita domic.", "Manutenzione e g", "", "Presa in carico")
        for column, sample in enumerate(samples):
            if column == 3:
                continue
            title = str(self.history_model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(title) + 12)
            header.resizeSection(column, width + 16)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = plain_label(objectName="historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.detail.setMinimumHeight(70)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.reveal_button = QPushButton(objectName="revealButton")
        self.reveal_button.hide()
        self.revert_button = QPushButton(objectName="revertEditButton")
        self.revert_button.hide()
        self.revert_button.clicked.connect(self.revert_current)
        history = QVBoxLayout(self.history_box)
        history.addWidget(self.history_view, 1)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.detail, 1)
        detail_row.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignTop)
        detail_row.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        history.addLayout(detail_row)
        return self.history_box

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Ricerca (Esc)"))
        self.edit_button.setText(self.tr("Modifica dati"))
        self.contact_button.setText(self.tr("Nuovo contatto (Ctrl+N)"))
        self.referral_button.setText(self.tr("Nuova segnalazione"))
        self.side.retranslate()
        self.history_box.setTitle(self.tr("Storia: contatti e segnalazioni (dal più recente)"))
        self.reveal_button.setText(self.tr("Mostra"))
        self.revert_button.setText(self.tr("Annulla la modifica"))
        self.revert_button.setToolTip(
            self.tr("Rimette i valori di prima: la correzione arriva a tutti i presidi")
        )
        self.reveal_button.setToolTip(
            self.tr("Mostra il contenuto riservato (resta nel registro degli accessi)")
        )
        if self.person:
            self.load(self.person["id"])

    def _emit_for_person(self, signal: Any) -> None:
        if self.person:
            signal.emit(self.person["id"])

    # -- loading ------------------------------------------------------------------------
    @property
    def person_id(self) -> str | None:
        return self.person["id"] if self.person else None

    @property
    def household_box(self) -> QGroupBox:
        return self.side.household_box

    @property
    def consents_box(self) -> QGroupBox:
        return self.side.consents_box

    @property
    def duplicates_box(self) -> QGroupBox:
        return self.side.duplicates_box

    @property
    def esf_box(self) -> QGroupBox:
        return self.side.esf_box

    def load(self, person_id: str) -> None:
        """Show ``person_id`` (a merged duplicate shows its survivor)."""
        person = self.people.get(person_id)
        if person.get("merged_into"):
            person = self.people.get(self.people.survivor_id(person_id))
        self.person = person
        name = f"{person['last_name']} {person['first_name']}"
        self.title.setText(name)
        bits = [
            b
            for b in (
                person.get("codice_fiscale"),
                self.tr("nato/a il %1").replace("%1", format_date(person["birth_date"]))
                if person.get("birth_date")
                else None,
            )
            if b
        ]
        self.subtitle.setText(" · ".join(bits))
        self.side.fill(person)
        self._fill_history(person["id"])

    def clear(self) -> None:
        """Forget the person entirely (quick exit, back to search)."""
        self.person = None
        for label in (self.title, self.subtitle, self.detail):
            label.clear()
        self.side.clear()
        self.history_model.clear()
        self.reveal_button.hide()

    def _fill_history(self, person_id: str) -> None:
        ids = self.people.merged_ids(person_id)
        # a user without permission: sensitive entries are left out in SQL, never shown
        masked = self.context.masked
        contacts = Contacts(self.context.store).history(
            ids, limit=500, include_sensitive=not masked
        )
        referrals = Referrals(self.context.store)
        refs = [r for pid in ids for r in referrals.list(person_id=pid, masked=masked)]
        english = QLocale().language() == QLocale.Language.English
        labels = {
            row["code"]: (row.get("label_en") if english else None) or row["label"]
            for row in self.context.store.query("SELECT code, label, label_en FROM categories")
        }
        for contact in contacts:
            contact["category_label"] = labels.get(contact["category"], contact["category"])
        edits = [
            e
            for pid in ids
            for e in sync_status.registry_edits(self.context.store, person_id=pid, open_only=False)
        ]
        self.history_model.set_entries(build_entries(contacts, refs, edits))
        self.revert_button.hide()
        self.detail.setText(self.tr("Selezionare una riga per vederne le note."))
        self.reveal_button.hide()

    # -- actions ------------------------------------------------------------------------
    def merge(self, other_id: str, *, confirm: bool = True) -> bool:
        """Merge the other record into the one shown, after the operator chose, field by
        field, what to keep (``confirm=False``: keep this card's values, no question).

        Only the office that registered a record, or head office, may merge it away: when
        the other record is another office's, the operator may merge this one into it
        instead (the card then shows the other).
        """
        if not self.person:
            return False
        session = self.context.session
        if session is not None and session.needs_break_glass(other_id):
            # the merge shows the other record in full: a riservato one needs a reason
            from casa_desk.ui.break_glass import open_card_access

            if not open_card_access(session, other_id, self):
                return False
        survivor, duplicate = self.person, self._other(other_id)
        presidio = self.context.presidio
        if duplicate is None:
            return False
        if not may_merge_away(duplicate, presidio):
            if not self._ask_reverse(duplicate):
                return False
            survivor, duplicate = duplicate, self.person
        choices: dict[str, Any] = {}
        if confirm:
            dialog = MergeDialog(survivor, duplicate, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            choices = dialog.choices()
        survivor_id, duplicate_id = survivor["id"], duplicate["id"]

        def merged(moved: Moved) -> None:
            if survivor_id != self.person_id:
                self.person_opened.emit(survivor_id)
            self.history_view.setFocus()
            self.confirmed.emit(
                self.tr("Schede unite: %1 contatti, %2 consensi, %3 segnalazioni spostati.")
                .replace("%1", str(moved.contacts))
                .replace("%2", str(moved.consents))
                .replace("%3", str(moved.referrals))
            )

        # A failure (e.g. the other card was merged elsewhere meanwhile, by sync) is worded
        # in a message box by the operation.
        self.merge_op = StoreOp(
            self.context.bus,
            lambda: self.people.merge(
                duplicate_id,
                survivor_id,
                choices=choices,
                presidio=presidio,
                operator=self.context.operator,
            ),
            changed="people",
            parent=self,
        ).success(merged)
        return self.merge_op.run()

    def _other(self, other_id: str) -> dict[str, Any] | None:
        try:
            return self.people.get(other_id)
        except CasaError as error:
            error_box(self, worded_error(error)).open()
            return None

    def _ask_reverse(self, other: dict[str, Any]) -> bool:
        """The other record belongs to another office: say so, and offer the other way."""
        office = other.get("presidio") or ""
        try:
            office = Directory(self.context.store).presidio(office)["name"]
        except CasaError:
            pass
        text = self.tr(
            "L'altra scheda è stata registrata da %1: solo quel presidio o la sede "
            "possono unirla a un'altra."
        ).replace("%1", office)
        box = message_box(QMessageBox.Icon.Information, self.tr("Unisci le schede"), text, self)
        box.setObjectName("mergeOwner")
        reverse = None
        if self.person and may_merge_away(self.person, self.context.presidio):
            box.setInformativeText(self.tr("Si può unire questa scheda a quella."))
            reverse = box.addButton(
                self.tr("Unisci questa scheda a quella"), QMessageBox.ButtonRole.AcceptRole
            )
        box.addButton(
            self.tr("Annulla") if reverse else self.tr("OK"), QMessageBox.ButtonRole.RejectRole
        )
        box.exec()
        return reverse is not None and box.clickedButton() is reverse

    def _show_detail(self, current: Any, _previous: Any = None) -> None:
        entry = self.history_model.entry(current.row()) if current.isValid() else None
        self.revert_button.hide()
        if entry is None:
            self.detail.clear()
            self.reveal_button.hide()
            return
        if entry.kind == "registry_edit":
            self.reveal_button.hide()
            row = entry.row
            self.detail.setText(
                self.tr("Modificato da %1 il %2:\n%3")
                .replace("%1", registry_edit_author(row))
                .replace("%2", format_datetime(row["received_at"]))
                .replace("%3", registry_edit_text(row["fields"]))
            )
            self.revert_button.setVisible(not row.get("reverted_at"))
            return
        if self.history_model.is_hidden(entry):
            self.detail.setText(
                self.tr(
                    "Contenuto riservato. Premere «Mostra» solo se necessario: "
                    "l'accesso viene registrato."
                )
            )
            self.reveal_button.setVisible(True)
            self.reveal_button.setEnabled(self.context.may_see_sensitive)
            return
        self.reveal_button.hide()
        self.detail.setText(self._detail_text(entry.kind, entry.row))

    def _detail_text(self, kind: str, row: dict[str, Any]) -> str:
        if kind == "contact":
            lines = [
                f"{format_datetime(row['occurred_at'])} · {channel_label(row['channel'])}"
                f" · {row.get('operator') or ''}",
                row.get("summary") or "",
                row.get("notes") or "",
            ]
            if row.get("outcome"):
                lines.append(self.tr("Esito: %1").replace("%1", outcome_label(row["outcome"])))
            if row.get("follow_up_on"):
                day = format_date(row["follow_up_on"])
                lines.append(self.tr("Richiamo: %1").replace("%1", day))
            return "\n".join(line for line in lines if line)
        head = (
            self.tr("Segnalazione %1 a %2")
            .replace("%1", row.get("number") or "")
            .replace("%2", row.get("service_name") or "")
        )
        lines = [
            head,
            status_label(row.get("status")),
            row.get("reason") or "",
            row.get("request") or "",
        ]
        if row.get("due_on"):
            lines.append(self.tr("Scadenza: %1").replace("%1", format_date(row["due_on"])))
        return "\n".join(line for line in lines if line)

    def revert_current(self) -> None:
        """Undo the selected edit another office made: a new winning edit, sent at next sync."""
        entry = self.history_model.entry(self.history_view.currentIndex().row())
        if entry is None or entry.kind != "registry_edit":
            return
        StoreOp(
            self.context.bus,
            lambda: sync_status.revert_registry_edit(self.context.store, entry.id),
            changed="people",
            parent=self,
        ).run()

    def reveal_current(self) -> None:
        """Show the selected sensitive entry, recording the access as 'viewed'."""
        entry = self.history_model.entry(self.history_view.currentIndex().row())
        if entry is None:
            return

        def shown() -> None:
            self.history_model.reveal(entry.id)
            self._show_detail(self.history_view.currentIndex())

        table = "contacts" if entry.kind == "contact" else "referrals"
        reveal(self.context, table, entry.id, shown, self)

    def current_entry(self) -> Entry | None:
        return self.history_model.entry(self.history_view.currentIndex().row())

    def open_entry(self) -> None:
        """The selected line's next step: a contact's correction form, a referral's page.

        A confidential contact is corrected only once shown ("Mostra", on record): its form
        would show everything at once.
        """
        entry = self.current_entry()
        if entry is None:
            return
        if entry.kind == "referral":
            self.referral_opened.emit(entry.id)
        elif entry.kind == "contact":
            owner = self._contact_owner(entry)
            if owner:
                self.detail.setText(self._owner_text(owner))
                return
            if self.history_model.is_hidden(entry):
                self.detail.setText(
                    self.tr("Contenuto riservato: premere «Mostra» prima di correggerlo.")
                )
                return
            self.amend_requested.emit(entry.id)

    def _contact_owner(self, entry: Entry) -> str | None:
        """The name of the other office that owns this contact, or None when it is this
        desk's: only its office corrects a contact (two desks' corrections of one contact
        would make two current versions of it), so head office reads the offices' ones."""
        owner = foreign_owner(self.context.store, [entry.row])
        return office_name(self.context.store, owner) if owner else None

    def _owner_text(self, owner: str) -> str:
        return self.tr("Contatto registrato da %1: lo corregge solo quel presidio.").replace(
            "%1", owner
        )

    def _history_menu(self, position: QPoint) -> None:
        index = self.history_view.indexAt(position)
        if not index.isValid():
            return
        self.history_view.setCurrentIndex(index)
        entry = self.current_entry()
        if entry is None or entry.kind not in ("contact", "referral"):
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hidden = self.history_model.is_hidden(entry)
        if hidden:
            show = menu.addAction(self.tr("Mostra"))
            show.setEnabled(self.context.may_see_sensitive)
            show.triggered.connect(self.reveal_current)
        if entry.kind == "contact":
            amend = menu.addAction(self.tr("Correggi contatto…"))
            owner = self._contact_owner(entry)
            amend.setEnabled(not hidden and owner is None)
            if owner:
                menu.setToolTipsVisible(True)
                amend.setToolTip(self._owner_text(owner))
            amend.triggered.connect(self.open_entry)
        else:
            menu.addAction(self.tr("Apri nelle Segnalazioni")).triggered.connect(self.open_entry)
        menu.popup(self.history_view.viewport().mapToGlobal(position))

    def _on_changed(self, table: str) -> None:
        if self.person and table in (
            "people",
            "contacts",
            "referrals",
            "referral_events",
            "consents",
            "participants",
            "safe_contacts",
        ):
            session = getattr(self.context, "session", None)
            if (
                session is not None
                and session.active
                and session.needs_break_glass(self.person["id"])
            ):
                # Now riservato (flagged here, a sync) for a user without permission and
                # no reason given: her card needs one, as when a grant ends.
                self.clear()
                self.back_requested.emit()
                return
            self.load(self.person["id"])
