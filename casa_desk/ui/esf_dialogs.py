"""Dialogs of a participant's path through the ESF programme: the entry with what the
programme asks at entry, the exit with its immediate results, the immediate results recorded
later, the six-month follow-up, a re-entry.

Each dialog only collects values; the card's ESF box gives it the store call as a
:class:`~casa_desk.ui.operations.StoreOp` (``dialog.op``), run on OK: on success the dialog
closes and ``participants`` is announced once; a refusal (an exit before the entry, a
follow-up before six months…) is worded by its code and shown inside the dialog, which stays
open.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.esf import FIRST_ESF_DAY
from casa_desk.models.timeutil import today_rome
from casa_desk.models.vocab import (
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Isced,
    Programme,
    YesNoDeclined,
)
from casa_desk.reports.model import ESF_DISADVANTAGE
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.referral_dialog import error_label
from casa_desk.ui.screen_fit import title_width


def exit_result_words() -> dict[str, str]:
    """Labels of the immediate results (the card and the dialog use the same words)."""
    return {
        ExitResult.JOB_SEARCHING.value: QCoreApplication.translate(
            "Esf", "Era inattivo, ora cerca lavoro"
        ),
        ExitResult.EDUCATION.value: QCoreApplication.translate("Esf", "In istruzione o formazione"),
        ExitResult.QUALIFICATION.value: QCoreApplication.translate(
            "Esf", "Ha ottenuto una qualifica"
        ),
        ExitResult.EMPLOYED.value: QCoreApplication.translate("Esf", "Occupato, anche autonomo"),
    }


def follow_up_words() -> dict[str, str]:
    return {
        FollowUpResult.EMPLOYED.value: QCoreApplication.translate(
            "Esf", "Occupato, anche autonomo"
        ),
        FollowUpResult.IMPROVED.value: QCoreApplication.translate(
            "Esf", "Situazione lavorativa migliorata"
        ),
    }


def _date_edit(parent: QWidget, value: date) -> QDateEdit:
    """A day of the programme: from its first possible day (no ESF programme ran before
    2014: 1026 for 2026 cannot be typed) to today."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(QDate(FIRST_ESF_DAY.year, FIRST_ESF_DAY.month, FIRST_ESF_DAY.day))
    edit.setDate(QDate(value.year, value.month, value.day))
    today = today_rome()
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    return edit


def employment_words(programme: Programme) -> dict[str, str]:
    """The situation at entry, as the programme counts it (2021-2027 has no "inactive, not
    in education": such a person is inactive)."""
    words = {
        EmploymentStatus.UNEMPLOYED.value: QCoreApplication.translate("Esf", "Disoccupato"),
        EmploymentStatus.LONG_TERM_UNEMPLOYED.value: QCoreApplication.translate(
            "Esf", "Disoccupato di lungo periodo (oltre 12 mesi)"
        ),
        EmploymentStatus.INACTIVE.value: QCoreApplication.translate(
            "Esf", "Inattivo (non lavora e non cerca lavoro)"
        ),
        EmploymentStatus.INACTIVE_NOT_IN_EDUCATION.value: QCoreApplication.translate(
            "Esf", "Inattivo, non in istruzione o formazione"
        ),
        EmploymentStatus.EMPLOYED.value: QCoreApplication.translate(
            "Esf", "Occupato, anche autonomo"
        ),
    }
    if programme is Programme.ESF_2021_2027:
        del words[EmploymentStatus.INACTIVE_NOT_IN_EDUCATION.value]
    return words


def isced_words() -> dict[str, str]:
    return {
        Isced.LOW.value: QCoreApplication.translate("Esf", "Fino alla licenza media (ISCED 0-2)"),
        Isced.MEDIUM.value: QCoreApplication.translate(
            "Esf", "Diploma o qualifica post-diploma (ISCED 3-4)"
        ),
        Isced.HIGH.value: QCoreApplication.translate("Esf", "Laurea o superiore (ISCED 5-8)"),
    }


def indicator_words(programme: Programme) -> dict[str, str]:
    """The programme's questions at entry, by column (Reg. 1304/2013 and 2021/1057 Annex I)."""
    words = {
        "migrant_background": QCoreApplication.translate(
            "Esf", "Migrante, di origine straniera o di una minoranza"
        ),
        "third_country_national": QCoreApplication.translate(
            "Esf", "Cittadino di un paese terzo (non UE)"
        ),
        "foreign_background": QCoreApplication.translate("Esf", "Di origine straniera"),
        "minority": QCoreApplication.translate("Esf", "Di una minoranza (compresi i Rom)"),
        "disability": QCoreApplication.translate("Esf", "Persona con disabilità"),
        "homeless_or_housing_exclusion": QCoreApplication.translate(
            "Esf", "Senza dimora o in esclusione abitativa"
        ),
        "other_disadvantage": QCoreApplication.translate("Esf", "Altro svantaggio"),
    }
    return {column: words[column] for column, _label in ESF_DISADVANTAGE[programme]}


def answer_words() -> dict[str, str]:
    return {
        YesNoDeclined.DECLINED.value: QCoreApplication.translate("Esf", "Non ha risposto"),
        YesNoDeclined.YES.value: QCoreApplication.translate("Esf", "Sì"),
        YesNoDeclined.NO.value: QCoreApplication.translate("Esf", "No"),
    }


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _Dialog(QDialog):
    """OK runs ``op`` (a StoreOp set by the caller); a refusal is shown and the dialog stays."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(title_width(self, title))
        self.op: Any = None  # StoreOp: success closes the dialog, failure shows the reason
        self.form = QFormLayout()
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        if self.op is not None:
            self.op.run()

    def show_error(self, _error: CasaError, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class EntryDialog(_Dialog):
    """The person enters the ESF programme: the day, and what the programme asks at entry
    (the situation, the education, its questions: each may be left unanswered)."""

    def __init__(self, programme: Programme, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ingresso nel programma FSE"), parent)
        self.setMinimumWidth(max(460, self.minimumWidth()))
        note = plain_label(
            self.tr(
                "Dati chiesti dal programma FSE all'ingresso: escono dal presidio solo come "
                "cifre aggregate nei rapporti."
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.day = _date_edit(self, today_rome())
        self.day.setObjectName("entryDay")
        self.form.addRow(self.tr("Data di &ingresso"), self.day)
        # Nothing chosen until the operator asks: a first item picked for them recorded every
        # participant entered with OK as "disoccupato", education ISCED 0-2, in the reports.
        self.employment = self._choice("entryEmployment", employment_words(programme))
        self.employment.insertItem(0, self.tr("— scegliere —"), None)
        self.employment.setCurrentIndex(0)
        self.form.addRow(self.tr("&Condizione occupazionale"), self.employment)
        self.education = self._choice("entryEducation", isced_words())
        self.education.insertItem(0, self.tr("— scegliere —"), None)
        self.education.setCurrentIndex(0)
        self.form.addRow(self.tr("&Titolo di studio"), self.education)
        self.answers: dict[str, QComboBox] = {}
        for column, words in indicator_words(programme).items():
            self.answers[column] = self._choice(f"entry_{column}", answer_words())
            self.form.addRow(words, self.answers[column])
        fit_mnemonic_labels(self)

    def _accept(self) -> None:
        if self.employment.currentData() is None:
            self.error.setText(self.tr("Scegliere la condizione occupazionale all'ingresso."))
        elif self.education.currentData() is None:
            self.error.setText(self.tr("Scegliere il titolo di studio all'ingresso."))
        else:
            super()._accept()
            return
        self.error.show()

    def fill(self, row: dict[str, Any]) -> None:
        """The values recorded at entry, to correct them."""
        self.setWindowTitle(self.tr("Correggi l'ingresso nel programma FSE"))
        day = date.fromisoformat(row["entered_on"])
        self.day.setDate(QDate(day.year, day.month, day.day))
        for box, value in (
            (self.employment, row.get("employment_status")),
            (self.education, row.get("education_isced")),
            *((box, row.get(column)) for column, box in self.answers.items()),
        ):
            if box.findData(value) >= 0:
                box.setCurrentIndex(box.findData(value))

    def _choice(self, name: str, words: dict[str, str]) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        for code, word in words.items():
            box.addItem(word, code)
        return box

    def values(self) -> dict[str, str]:
        """What :meth:`casa_desk.store.participants.Participants.enrol` takes."""
        return {
            "entered_on": _day(self.day).isoformat(),
            "employment_status": self.employment.currentData(),
            "education_isced": self.education.currentData(),
            **{column: box.currentData() for column, box in self.answers.items()},
        }


class ResultsDialog(_Dialog):
    """The exit (optional) and its immediate results: later / known (ticks) / not known."""

    def __init__(
        self, *, with_exit: bool, exit_day: date | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("Uscita dal programma FSE") if with_exit else self.tr("Esiti immediati")
        super().__init__(title, parent)
        self.exit_date = _date_edit(self, exit_day or today_rome()) if with_exit else None
        if self.exit_date is not None:
            self.form.addRow(self.tr("Data di &uscita"), self.exit_date)
        hint = plain_label(self.tr("La situazione entro quattro settimane dall'uscita:"), self)
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.choice = QButtonGroup(self)
        self.later = QRadioButton(self.tr("Da registrare più tardi"), self)
        self.known = QRadioButton(self.tr("Esiti noti (anche nessuno di questi):"), self)
        self.unknown = QRadioButton(self.tr("Esiti non noti"), self)
        buttons = [self.known, self.unknown] if not with_exit else [
            self.later, self.known, self.unknown
        ]  # fmt: skip
        for button in buttons:
            self.choice.addButton(button)
        self.results: dict[str, QCheckBox] = {}
        self.form.addRow(self.known)
        for code, word in exit_result_words().items():
            box = QCheckBox(word, self)
            box.setObjectName(f"result_{code}")
            self.results[code] = box
            self.form.addRow("", box)
        self.form.addRow(self.unknown)
        if with_exit:
            self.form.addRow(self.later)
        else:
            self.later.hide()  # results only: "later" is what not opening this dialog means
        self.known.setChecked(True)
        self.choice.buttonToggled.connect(self._update)
        self._update()
        fit_mnemonic_labels(self)

    def _update(self) -> None:
        for box in self.results.values():
            box.setEnabled(self.known.isChecked())

    @property
    def exit_day(self) -> date | None:
        return _day(self.exit_date) if self.exit_date is not None else None

    def chosen(self) -> tuple[list[str] | None, bool]:
        """(result codes, known): codes None = results to record later."""
        if self.later.isChecked():
            return None, True
        if self.unknown.isChecked():
            return [], False
        return [code for code, box in self.results.items() if box.isChecked()], True


class FollowUpDialog(_Dialog):
    """The situation six months after leaving."""

    def __init__(self, due: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Esito a sei mesi dall'uscita"), parent)
        hint = plain_label(
            self.tr("Situazione a sei mesi dall'uscita (dovuta dal %1):").replace(
                "%1", due.strftime("%d/%m/%Y")
            ),
            self,
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.results: dict[str, QCheckBox] = {}
        for code, word in follow_up_words().items():
            box = QCheckBox(word, self)
            box.setObjectName(f"followup_{code}")
            self.results[code] = box
            self.form.addRow("", box)
        self.unknown = QCheckBox(self.tr("Esito non noto"), self)
        self.unknown.toggled.connect(
            lambda on: [box.setEnabled(not on) for box in self.results.values()]
        )
        self.form.addRow("", self.unknown)

    def chosen(self) -> tuple[list[str], bool]:
        if self.unknown.isChecked():
            return [], False
        return [code for code, box in self.results.items() if box.isChecked()], True


class ReentryDialog(_Dialog):
    """A participant who had left comes back (still one participant)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rientro nel programma FSE"), parent)
        note = plain_label(
            self.tr(
                "Resta un solo partecipante: vale l'ingresso iniziale, mentre l'uscita e gli "
                "esiti registrati finora lasciano il posto a quelli dell'uscita definitiva."
            ),
            self,
        )
        note.setWordWrap(True)
        self.form.addRow(note)
        self.day = _date_edit(self, today_rome())
        self.form.addRow(self.tr("Data del &rientro"), self.day)
        fit_mnemonic_labels(self)

    @property
    def reentry_day(self) -> date:
        return _day(self.day)
