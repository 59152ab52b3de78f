"""Register or edit a person, with each field checked as it is typed.

Every check comes from :func:`casa_desk.models.people.person_problems` (codice fiscale check
character and consistency with birth date and sex, dates, phone, email); the message appears
under the field. A field's message shows once the user has typed in it, all of them on save.
Before a new person is saved, likely duplicates (same CF, same name and birth date, same
phone) are listed and the operator chooses: open the existing card or register anyway.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError, ValidationError
from casa_desk.models.birthplaces import birthplace
from casa_desk.models.codice_fiscale import CFInfo, decode_cf, name_matches, validate_cf
from casa_desk.models.people import person_problems
from casa_desk.models.timeutil import ImpossibleDate, format_date, parse_past_date
from casa_desk.store.people import People
from casa_desk.ui.context import DeskContext
from casa_desk.ui.duplicates import DuplicatesDialog
from casa_desk.ui.history_model import gender_label, role_label
from casa_desk.ui.masking import mask_people
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label, plain_tip
from casa_desk.ui.quick_exit import mark_draft
from casa_desk.ui.screen_fit import fitted
from casa_desk.ui.words import language_codes, language_names

TEXT_FIELDS = (
    "last_name",
    "first_name",
    "codice_fiscale",
    "birth_date",
    "birth_place",
    "phone",
    "email",
    "languages",
    "street",
    "civic",
    "stair",
    "floor",
    "flat",
    "unit_code",
    "quartiere",
)
# Fields that can be wrong: each keeps a message line under it (see MessageLine).
CHECKED_FIELDS = frozenset(
    {"last_name", "first_name", "codice_fiscale", "birth_date", "gender", "phone", "email"}
)
CHOICE_FIELDS = {
    "gender": ("", "F", "M", "X", "NS"),
    "tenancy_role": ("", "titolare", "componente", "occupante_senza_titolo", "non_residente"),
}


def worded(message: str) -> str:
    """A domain rule's Italian message in the interface language (context "Validation",
    collected by tools/translations.py); unchanged when there is no translation."""
    return QCoreApplication.translate("Validation", message)


class PersonForm(QDialog):
    """Register (``person_id=None``) or edit a person. Emits ``saved`` or ``open_existing``."""

    saved = Signal(str)
    open_existing = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        person_id: str | None = None,
        *,
        prefill: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personForm")
        mark_draft(self)
        self.context = context
        self.people = People(context.store)
        self.person_id = person_id
        self.touched: set[str] = set()
        # Values the codice fiscale filled in (so a corrected code may refill them).
        self._from_cf: dict[str, str] = {}
        self.cf_warning = ""
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        # The stored languages (codes) and the words the form showed for them.
        self._languages: tuple[str, str] = ("", "")
        self.setWindowTitle(self.tr("Modifica persona") if person_id else self.tr("Nuova persona"))
        self.resize(fitted(parent or self, QSize(680, 760)))
        form = self._build_fields()
        self.notes = QPlainTextEdit(objectName="field_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        form.addRow(self.tr("Note"), self.notes)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Salva"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.summary = plain_label(objectName="formSummary")
        self.summary.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)

        if person_id:
            self._load(self.people.get(person_id))
        elif prefill.strip():
            self._prefill(prefill.strip())
        self.edits["last_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_fields(self) -> QFormLayout:
        """One row per field: the editor and, under it, its (hidden) message."""
        labels = {
            "last_name": self.tr("Cognome *"),
            "first_name": self.tr("Nome *"),
            "codice_fiscale": self.tr("Codice fiscale"),
            "birth_date": self.tr("Data di nascita (gg/mm/aaaa)"),
            "birth_place": self.tr("Luogo di nascita"),
            "gender": self.tr("Sesso"),
            "phone": self.tr("Telefono"),
            "email": self.tr("Email"),
            "languages": self.tr("Lingue parlate"),
            "street": self.tr("Via"),
            "civic": self.tr("Civico"),
            "stair": self.tr("Scala"),
            "floor": self.tr("Piano"),
            "flat": self.tr("Interno"),
            "unit_code": self.tr("Codice alloggio Aler"),
            "quartiere": self.tr("Quartiere"),
            "tenancy_role": self.tr("Ruolo nel nucleo"),
        }
        form = QFormLayout()
        for field in (*TEXT_FIELDS[:5], "gender", *TEXT_FIELDS[5:], "tenancy_role"):
            if field in CHOICE_FIELDS:
                widget: QWidget = self._combo(field)
            else:
                edit = QLineEdit(objectName=f"field_{field}")
                edit.textEdited.connect(lambda _t, f=field: self._touched(f))
                self.edits[field] = edit
                widget = edit
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(widget)
            if field in CHECKED_FIELDS:
                # Its line is always there, empty or not: a message never moves the form.
                error = MessageLine(objectName=f"error_{field}")
                self.errors[field] = error
                column.addWidget(error)
            form.addRow(labels[field], column)
        # The card names the languages in words; so does the form (stored as codes)
        self.edits["languages"].setPlaceholderText(self.tr("es. italiano, arabo"))
        return form

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox(objectName=f"field_{field}")
        words = gender_label if field == "gender" else role_label
        for code in CHOICE_FIELDS[field]:
            combo.addItem(words(code) if code else self.tr("—"), code)
        combo.currentIndexChanged.connect(lambda _i, f=field: self._touched(f))
        self.combos[field] = combo
        return combo

    # -- the codice fiscale fills what it knows ------------------------------------------
    def _cf_typed(self) -> None:
        """A valid codice fiscale fills birth date, sex and place of birth where they are
        empty (or were filled by an earlier code); a code that does not match the name is
        flagged, without stopping the save."""
        info = self._cf_info()
        if info is not None:
            english = QLocale().language() == QLocale.Language.English
            place = birthplace(info.place_code)
            filled = {
                "birth_date": format_date(info.birth_date),
                "gender": info.gender,
                "birth_place": place.label(english=english) if place else "",
            }
            for field, value in filled.items():
                if not value or not self._may_fill(field):
                    continue
                if field in self.combos:
                    self.combos[field].setCurrentIndex(self.combos[field].findData(value))
                else:
                    self.edits[field].setText(value)
                self._from_cf[field] = value
        self._flag_name_mismatch(info is not None)

    def _cf_info(self) -> CFInfo | None:
        text = self.edits["codice_fiscale"].text()
        try:
            validate_cf(text)
            return decode_cf(text)
        except ValidationError:
            return None

    def _may_fill(self, field: str) -> bool:
        """Empty, or still holding what an earlier code filled in (not typed over)."""
        if field in self.combos:
            current = self.combos[field].currentData() or ""
        else:
            current = self.edits[field].text().strip()
        return not current or self._from_cf.get(field) == current

    def _flag_name_mismatch(self, valid: bool) -> None:
        mismatch = valid and not name_matches(
            self.edits["codice_fiscale"].text(),
            self.edits["last_name"].text(),
            self.edits["first_name"].text(),
        )
        self.cf_warning = (
            self.tr("Il codice fiscale non corrisponde a cognome e nome: ricontrollarli.")
            if mismatch
            else ""
        )

    def _load(self, person: dict[str, Any]) -> None:
        for field, edit in self.edits.items():
            value = person.get(field) or ""
            edit.setText(format_date(value) if field == "birth_date" and value else value)
        stored = person.get("languages") or ""
        self._languages = (stored, language_names(stored))
        self.edits["languages"].setText(self._languages[1])
        for field, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(person.get(field) or ""), 0))
        self.notes.setPlainText(person.get("notes") or "")

    def _prefill(self, text: str) -> None:
        """Carry over what was typed in the search: a CF, or "Surname Name"."""
        words = text.split()
        if len(words) == 1 and len(words[0]) == 16 and any(ch.isdigit() for ch in words[0]):
            self.edits["codice_fiscale"].setText(words[0].upper())
        elif all(w.replace("'", "").isalpha() for w in words):
            self.edits["last_name"].setText(words[0].title())
            if len(words) > 1:
                self.edits["first_name"].setText(" ".join(words[1:]).title())

    # -- values and checks ----------------------------------------------------------------
    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The form as ``people`` columns, plus problems found while reading it (dates)."""
        values: dict[str, Any] = {f: e.text() for f, e in self.edits.items()}
        values.update({f: c.currentData() or None for f, c in self.combos.items()})
        values["notes"] = self.notes.toPlainText()
        stored, shown = self._languages
        if values["languages"] == shown:
            values["languages"] = stored  # untouched: kept exactly as stored
        else:
            values["languages"] = language_codes(values["languages"], before=stored)
        problems: dict[str, str] = {}
        text = values["birth_date"].strip()
        if text:
            try:
                values["birth_date"] = parse_past_date(text).isoformat()
            except ImpossibleDate:
                values["birth_date"] = None
                problems["birth_date"] = self.tr(
                    "Data impossibile: quel giorno non esiste (es. 31/02)."
                )
            except ValueError:
                values["birth_date"] = None
                problems["birth_date"] = self.tr(
                    "La data di nascita non è valida: usare gg/mm/aaaa (anche 1/1/80)."
                )
        else:
            values["birth_date"] = None
        return values, problems

    def problems(self) -> dict[str, str]:
        values, problems = self.values()
        for field, message in person_problems(values).items():
            problems.setdefault(field, message)
        return problems

    def _touched(self, field: str) -> None:
        self.touched.add(field)
        if field in ("codice_fiscale", "last_name", "first_name"):
            self._cf_typed()
        self.validate()

    def validate(self, *, show_all: bool = False) -> dict[str, str]:
        """Update the message under each field; returns every problem."""
        problems = self.problems()
        for field, label in self.errors.items():
            message = problems.get(field)
            visible = bool(message) and (show_all or field in self.touched)
            label.show_text(worded(message) if visible and message else "")
        if self.cf_warning and not self.errors["codice_fiscale"].text():
            self.errors["codice_fiscale"].show_text(self.cf_warning, warning=True)
        if not problems:
            self.summary.clear()
        return problems

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        problems = self.validate(show_all=True)
        if problems:
            self.summary.setText(self.tr("Correggere i campi segnalati prima di salvare."))
            first = next(f for f in (*self.edits, *self.combos) if f in problems)
            (self.edits.get(first) or self.combos[first]).setFocus()
            return
        values, _ = self.values()
        person_id = self.person_id
        if person_id:

            def write() -> str:
                self.people.update(person_id, values)
                return person_id
        else:
            found = self.people.possible_duplicates(values)  # search before create
            if found and not self._confirm_new(found):
                return

            def write() -> str:
                return str(self.people.register(values, presidio=self.context.presidio)["id"])

        StoreOp(self.context.bus, write, changed="people", parent=self).success(
            self._saved
        ).failure(self._refused).run()

    def _saved(self, person_id: str) -> None:
        self.saved.emit(person_id)
        self.accept()

    def _refused(self, error: CasaError, text: str) -> None:
        self.summary.setText(text)
        field = getattr(error, "field", "")
        if field in self.errors:
            self.errors[field].show_text(text)
        if error.code == "cf_exists":  # registered meanwhile (or on another desk): open it
            holder = self.people.with_cf(
                self.edits["codice_fiscale"].text(), other_than=self.person_id
            )
            if holder is not None:
                self._confirm_new([(holder, frozenset({"same_cf"}))])

    def _confirm_new(self, found: list[tuple[dict[str, Any], frozenset[str]]]) -> bool:
        """Search-before-create: True to register anyway; opening one closes this form."""
        rows = mask_people(self.context, [row for row, _ in found])
        dialog = DuplicatesDialog(
            [(row, why) for row, (_, why) in zip(rows, found, strict=True)], self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        if dialog.choice == "open":
            chosen = dialog.selected_id()
            self.reject()
            self.open_existing.emit(chosen)
            return False
        return dialog.choice == "register"


__all__ = ["DuplicatesDialog", "PersonForm"]


class MessageLine(QLabel):
    """The line under a field: always taking its one line of space (so the form never
    jumps when a message comes or goes), the message in red — or orange for a warning that
    does not stop the save — cut with "…" if too long, whole in its tooltip."""

    def __init__(self, objectName: str = "") -> None:  # noqa: N803 - Qt's keyword
        super().__init__(objectName=objectName)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a message may quote what was typed
        self._full = ""
        self.setFixedHeight(self.fontMetrics().lineSpacing() + 2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def show_text(self, text: str, *, warning: bool = False) -> None:
        self._full = text
        self.setStyleSheet(f"color: {'#a15c00' if warning else '#b00020'};")
        self.setToolTip(plain_tip(text))
        self._elide()

    def text(self) -> str:  # type: ignore[override]
        """The whole message (the screen may show it cut)."""
        return self._full

    def isVisible(self) -> bool:  # type: ignore[override]  # noqa: N802 - Qt name
        """A message is "shown" when there is one on screen (the line itself always is)."""
        return bool(self._full) and super().isVisible()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideRight, max(self.width(), 1)
        )
        super().setText(shown)
