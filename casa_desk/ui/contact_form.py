"""Log a contact in seconds, by keyboard alone (issue 3, item 4).

The dialog opens with the cursor on the topic (category): typing its first letters selects
it, Tab reaches the summary, Ctrl+Enter saves; everything else has a default — the person
given by the caller or "Anonimo", channel *sportello*, now (Europe/Rome), the operator at the
desk. Shift+Tab walks back to the person and the channel. Esc cancels — after asking, once
a summary or a note is typed (:mod:`casa_desk.ui.discard`).

The store checks the values (:func:`casa_desk.store.contacts.clean_contact`); its
:class:`ValidationError` names the field, and the message is shown right under that field
while nothing is saved. Contacts are insert-only, so a correction (:meth:`ContactDialog.amend`)
opens the same form on an existing contact and writes a new row that amends it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QLocale, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError, ValidationError
from casa_desk.models.timeutil import ROME, parse_user_date, today_rome
from casa_desk.store.contacts import FIRST_DAY, Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.search import search_people
from casa_desk.ui.context import DeskContext
from casa_desk.ui.discard import DiscardGuard
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.masking import mask_people
from casa_desk.ui.models import Vocab, person_name
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.quick_exit import mark_draft
from casa_desk.ui.settings import UiSettings

ERROR_STYLE = "color: #b3261e;"
# ``+N`` with the unit in Italian or English: g/d days, s/w weeks, m months of 30 days.
_SHIFT = re.compile(r"^\+\s*(\d{1,3})\s*([gdswm]?)$", re.IGNORECASE)
_DAYS_PER = {"": 1, "g": 1, "d": 1, "s": 7, "w": 7, "m": 30}


def parse_day(text: str, today: date) -> date | None:
    """A date as typed at the desk: ``dd/mm/yyyy``, ``dd/mm``, ``+7`` (days), ``+2s``
    (weeks; ``+2w`` as the English tooltip says), ``+1m`` (30 days), ``oggi``, ``domani``;
    None when empty. ValueError otherwise.

    >>> parse_day("+7", date(2026, 11, 25))
    datetime.date(2026, 12, 2)
    """
    text = text.strip().lower()
    if not text:
        return None
    if text in ("oggi", "today"):
        return today
    if text in ("domani", "tomorrow"):
        return today + timedelta(days=1)
    shift = _SHIFT.match(text)
    if shift:
        number, unit = int(shift.group(1)), shift.group(2)
        return today + timedelta(days=number * _DAYS_PER[unit])
    if text.count("/") == 1:
        text = f"{text}/{today.year}"
    return parse_user_date(text)


class DateField(QWidget):
    """A date line edit that also takes ``+7``-style shortcuts, with the date it means
    shown beside it; empty means "no date"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("gg/mm/aaaa o +7"))
        self.edit.setToolTip(
            self.tr(
                "Data come gg/mm/aaaa, oppure +7 (giorni), +2s (settimane), "
                "oggi, domani. Vuoto: nessuna data."
            )
        )
        self.edit.setMaximumWidth(140)
        self.hint = plain_label(self)
        self.hint.setMinimumWidth(110)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._show_hint)
        self._show_hint()

    def value(self) -> date | None:
        """The date typed (None when empty); ValueError when it is not a date."""
        return parse_day(self.edit.text(), today_rome())

    def set_value(self, value: date | str | None) -> None:
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value) if value else None
            except ValueError:  # synced as no date: shown as it came, «data non valida»
                self.edit.setText(value)
                return
        self.edit.setText(value.strftime("%d/%m/%Y") if value else "")

    def _show_hint(self) -> None:
        try:
            day = self.value()
        except ValueError:
            self.hint.setText(self.tr("data non valida"))
            return
        if day is None:
            self.hint.setText(self.tr("nessuna"))
        else:
            weekday = QLocale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
            self.hint.setText(f"→ {weekday} {day.strftime('%d/%m/%Y')}")


class ContactDialog(DiscardGuard):
    """The contact form; ``saved`` carries the id of the row written."""

    saved = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        person_id: str | None = None,
        parent: QWidget | None = None,
        *,
        amends: dict | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.context = context
        mark_draft(self)
        self.contacts = Contacts(context.store)
        self._amends = amends
        self._person_id: str | None = None
        self._matches: dict[str, str] = {}
        self.setWindowTitle(self.tr("Correggi contatto") if amends else self.tr("Nuovo contatto"))
        self._errors_by_field: dict[str, QLabel] = {}
        self._build()
        if amends:
            self._load(amends)
        else:
            if person_id:
                self._set_person(person_id)
            self._defaults()
        # With a topic already there (a correction, this operator's usual one), the summary
        # is what is left to type.
        (self.summary if self.category.currentIndex() >= 0 else self.category).setFocus()
        self._written = self._free_text()  # what Esc may throw away is what changes here

    @classmethod
    def amend(
        cls, context: DeskContext, contact_id: str, parent: QWidget | None = None
    ) -> ContactDialog:
        """The same form on an existing contact; saving writes a correction (amends_id)."""
        return cls(context, parent=parent, amends=Contacts(context.store).get(contact_id))

    @property
    def amends(self) -> dict | None:
        """The contact this form corrects (None for a new contact)."""
        return self._amends

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        person_row = self._build_person()
        self._build_fields()
        self._build_form(person_row)
        self._build_buttons()
        fit_mnemonic_labels(self)

    def _build_person(self) -> QHBoxLayout:
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Cognome, nome, codice fiscale, telefono…"))
        self._completions = QStringListModel(self)
        self.completer = QCompleter(self._completions, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCompleter(self.completer)
        self.person.textEdited.connect(self._search_person)
        self.completer.activated.connect(self._pick_person)
        self.anonymous = QCheckBox(self.tr("Anonimo"), self)
        self.anonymous.setChecked(True)
        self.anonymous.toggled.connect(self._anonymous_toggled)
        person_row = QHBoxLayout()
        person_row.setContentsMargins(0, 0, 0, 0)
        person_row.addWidget(self.person, 1)
        person_row.addWidget(self.anonymous)
        return person_row

    def _build_fields(self) -> None:
        self.channel = QComboBox(self)
        for code, label in Vocab.channels().items():
            self.channel.addItem(label, code)
        self.channel.setCurrentIndex(self.channel.findData("sportello"))

        self.category = QComboBox(self)
        self.category.setPlaceholderText(self.tr("Digitare le prime lettere…"))
        english = QLocale().language() == QLocale.Language.English
        self._sensitive_categories: set[str] = set()
        for row in Directory(self.context.store).categories():
            label = (row.get("label_en") if english else None) or row["label"]
            self.category.addItem(label, row["code"])
            if row["sensitive"]:
                self._sensitive_categories.add(row["code"])
        self.category.setCurrentIndex(-1)
        self.category.currentIndexChanged.connect(self._category_changed)

        self.summary = QLineEdit(self)
        self.summary.setPlaceholderText(self.tr("Che cosa ha chiesto, che cosa è stato fatto"))
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.outcome = QComboBox(self)
        self.outcome.addItem(self.tr("—"), None)
        for code, label in Vocab.outcomes().items():
            self.outcome.addItem(label, code)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 999)
        self.minutes.setSpecialValueText(self.tr("—"))
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMaximumWidth(110)
        self.follow_up = DateField(self)
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.when.setCalendarPopup(True)
        now = datetime.now(ROME)
        self.when.setDateTime(
            QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))
        )
        self.when.setMaximumWidth(170)
        # No contact before the offices' first programme (the store refuses one: 1900 or
        # 1026 typed for 2026); a correction of an older one shows its day (see _load).
        self.when.setMinimumDateTime(
            QDateTime(QDate(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day), QTime(0, 0))
        )
        #: The moment a correction loaded, as shown and as stored: left unchanged, the
        #: stored text is saved again as it was (its seconds too).
        self._loaded_when: tuple[QDateTime, str] | None = None
        self.sensitive = QCheckBox(self.tr("Riservato (salute, violenza…)"), self)
        self.operator = plain_label(self.context.operator, self)

    def _build_form(self, person_row: QHBoxLayout) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._fields: dict[str, QWidget] = {}
        self._add_row("person_id", self.tr("&Persona"), person_row, self.person)
        self._add_row("channel", self.tr("&Canale"), self.channel)
        self._add_row("category", self.tr("&Argomento"), self.category)
        self._add_row("summary", self.tr("&Sintesi"), self.summary)
        self._add_row("notes", self.tr("&Note"), self.notes)
        self._add_row("outcome", self.tr("&Esito"), self.outcome)
        self._add_row("minutes", self.tr("&Minuti"), self.minutes)
        self._add_row("follow_up_on", self.tr("&Richiamo"), self.follow_up)
        self._add_row("occurred_at", self.tr("&Quando"), self.when)
        self._add_row("sensitive", "", self.sensitive)
        self._add_row("operator", self.tr("Operatore"), self.operator)

    def _build_buttons(self) -> None:
        self.general_error = plain_label(self)
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Salva (Ctrl+Invio)"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.addButton(
            self.tr("Annulla (Esc)"), QDialogButtonBox.ButtonRole.RejectRole
        )
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys),
                self,
                activated=self.save,
                context=Qt.ShortcutContext.WindowShortcut,
            )
        chain = [
            self.person,
            self.anonymous,
            self.channel,
            self.category,
            self.summary,
            self.notes,
            self.outcome,
            self.minutes,
            self.follow_up.edit,
            self.when,
            self.sensitive,
            self.save_button,
            cancel,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        self.setMinimumWidth(560)

    def _add_row(
        self, field: str, label: str, content: QWidget | QHBoxLayout, focus: QWidget | None = None
    ) -> None:
        """A form row whose field has its own (hidden) error line right under it."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(content, QHBoxLayout):
            column.addLayout(content)
        else:
            column.addWidget(content)
        error = plain_label(box)
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._fields[field] = focus or (content if isinstance(content, QWidget) else box)
        self._errors_by_field[field] = error
        if label:
            self.form.addRow(label, box)
            buddy = self.form.labelForField(box)
            if isinstance(buddy, QLabel):
                buddy.setBuddy(self._fields[field])
        else:
            self.form.addRow("", box)

    def _defaults(self) -> None:
        """This operator's last topic (never a sensitive one) and outcome; a walk-in whose
        outcome was never chosen is "risolto" — most are answered at the desk."""
        category, outcome = (
            self.settings.last_contact(self.context.operator) if self.settings else (None, None)
        )
        if category and category not in self._sensitive_categories:
            self.category.setCurrentIndex(self.category.findData(category))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome or "risolto")))

    # -- person -------------------------------------------------------------------------
    def _set_person(self, person_id: str | None) -> None:
        self._person_id = person_id
        if person_id:
            person = People(self.context.store).get(person_id)
            person = mask_people(self.context, [person])[0]  # a riservato match stays masked
            name = person_name({**person, "person_id": person_id})
            self.person.setText(name)
            self.anonymous.blockSignals(True)
            self.anonymous.setChecked(False)
            self.anonymous.blockSignals(False)

    def _search_person(self, text: str) -> None:
        self._person_id = None
        self.anonymous.blockSignals(True)
        self.anonymous.setChecked(not text.strip())  # an emptied field means "Anonimo"
        self.anonymous.blockSignals(False)
        rows = search_people(self.context.store.db, text, limit=12, masked=self.context.masked)
        self._matches = {}
        for row in rows:
            details = " · ".join(
                part
                for part in (
                    _birth(row.get("birth_date")),
                    row.get("codice_fiscale"),
                    row.get("unit_code"),
                )
                if part
            )
            label = person_name({**row, "person_id": row["id"]})
            if details:
                label = f"{label} — {details}"
            self._matches[label] = row["id"]
        self._completions.setStringList(list(self._matches))
        if self._matches:
            self.completer.complete()

    def _pick_person(self, label: str) -> None:
        person_id = self._matches.get(label)
        if person_id:
            self._set_person(person_id)
            self._clear_errors()

    def _anonymous_toggled(self, checked: bool) -> None:
        if checked:
            self._person_id = None
            self.person.clear()

    def _category_changed(self) -> None:
        if self.category.currentData() in self._sensitive_categories:
            self.sensitive.setChecked(True)

    # -- loading an existing contact (corrections) -------------------------------------
    def _load(self, row: dict) -> None:
        if row.get("person_id"):
            self._set_person(row["person_id"])
        self.channel.setCurrentIndex(max(0, self.channel.findData(row.get("channel"))))
        self.category.setCurrentIndex(self.category.findData(row.get("category")))
        self.summary.setText(row.get("summary") or "")
        self.notes.setPlainText(row.get("notes") or "")
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(row.get("outcome"))))
        self.minutes.setValue(int(row.get("minutes") or 0))
        self.follow_up.set_value(row.get("follow_up_on"))
        try:
            when = datetime.fromisoformat(str(row["occurred_at"]).replace("Z", "+00:00"))
        except ValueError:
            # No moment (synced before the hub checked them): the field keeps its default,
            # and the contact keeps its value unless the field is changed.
            self._loaded_when = (self.when.dateTime(), row["occurred_at"])
        else:
            when = when.astimezone(ROME)
            shown = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
            if shown < self.when.minimumDateTime():  # recorded before the store refused it
                self.when.setMinimumDateTime(shown)
            self.when.setDateTime(shown)
            self._loaded_when = (self.when.dateTime(), row["occurred_at"])
        self.sensitive.setChecked(bool(row.get("sensitive")))

    # -- saving -------------------------------------------------------------------------
    def values(self) -> dict:
        """The form as the store expects it (raises ValidationError for what only the form
        can tell: a person typed but not chosen, a date that is not a date)."""
        if not self.anonymous.isChecked() and not self._person_id:
            raise ValidationError(
                self.tr("Scegliere una persona dall'elenco oppure «Anonimo»."), field="person_id"
            )
        try:
            follow_up = self.follow_up.value()
        except ValueError:
            raise ValidationError(
                self.tr("Data non valida: usare gg/mm/aaaa oppure +7."), field="follow_up_on"
            ) from None
        moment = self.when.dateTime()
        if self._loaded_when is not None and moment == self._loaded_when[0]:
            return self._values(follow_up, self._loaded_when[1])
        occurred = datetime(
            moment.date().year(),
            moment.date().month(),
            moment.date().day(),
            moment.time().hour(),
            moment.time().minute(),
            tzinfo=ROME,
        )
        return self._values(follow_up, occurred)

    def _values(self, follow_up: date | None, occurred: datetime | str) -> dict:
        return {
            "person_id": None if self.anonymous.isChecked() else self._person_id,
            "channel": self.channel.currentData(),
            "category": self.category.currentData(),
            "summary": self.summary.text(),
            "notes": self.notes.toPlainText(),
            "outcome": self.outcome.currentData(),
            "minutes": self.minutes.value() or None,
            "follow_up_on": follow_up,
            "occurred_at": occurred,
            "sensitive": int(self.sensitive.isChecked()),
        }

    def save(self) -> None:
        self._clear_errors()
        try:
            values = self.values()
        except ValidationError as error:  # the form's own checks: already worded here
            self.show_error(error, error.message)
            return
        amends = self._amends

        def write() -> dict:
            if amends:
                return self.contacts.amend(amends["id"], values, operator=self.context.operator)
            return self.contacts.log(
                values, presidio=self.context.presidio, operator=self.context.operator
            )

        StoreOp(self.context.bus, write, changed="contacts", parent=self).success(
            self._saved
        ).failure(self.show_error).run()

    def _saved(self, row: dict) -> None:
        if self.settings is not None and not self._amends:
            category = row.get("category")
            self.settings.remember_contact(
                self.context.operator,
                None if category in self._sensitive_categories else category,
                row.get("outcome"),
            )
        self.saved.emit(row["id"])
        self.accept()

    def show_error(self, error: CasaError, text: str) -> None:
        """The message under its field (or under the form), and the cursor on the field."""
        field = getattr(error, "field", "")
        label = self._errors_by_field.get(field)
        if label is None:
            label = self.general_error
        label.setText(text)
        label.show()
        widget = self._fields.get(field)
        if widget is not None:
            widget.setFocus()

    def _clear_errors(self) -> None:
        for label in [*self._errors_by_field.values(), self.general_error]:
            label.clear()
            label.hide()
        self.adjustSize()

    def _free_text(self) -> tuple[str, str]:
        return self.summary.text().strip(), self.notes.toPlainText().strip()

    def typed_text(self) -> bool:
        return self._free_text() != self._written

    def discard_question(self) -> str:
        if self._amends:
            return self.tr(
                "La correzione non è stata salvata: scartare quello che è stato scritto?"
            )
        return self.tr("Il contatto non è stato salvato: scartare quello che è stato scritto?")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Ctrl+Enter saves even where the shortcut did not fire (a child kept the key)."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.save()
            return
        super().keyPressEvent(event)


def _birth(value: str | None) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else ""
