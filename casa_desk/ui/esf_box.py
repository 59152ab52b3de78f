"""The card's "Programma FSE" box: where the person stands in the ESF programme and the
next step — the entry, the exit with its immediate results, the results later, the six-month
follow-up once it is due, or a re-entry.

At an office's desk every person's card has it: "Non iscritto" with the entry for someone
not enrolled (not for an anonymised person, nor at head office, which runs no programme's
desk). Another office's enrolment (at head office, which reads them all) shows its steps
greyed, with the office that records them: only the owning office writes it (class B).
Each step opens a dialog (:mod:`casa_desk.ui.esf_dialogs`)
whose OK runs the step as a :class:`~casa_desk.ui.operations.StoreOp` on
:class:`~casa_desk.store.participants.Participants`: ``participants`` is announced once on
the change bus (the card and the agenda's follow-ups refresh with it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from casa_desk.models.esf import follow_up_due
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.models.vocab import ExitResult, FollowUpResult
from casa_desk.reports.programme import resolve as resolve_programme
from casa_desk.store.ownership import office_name
from casa_desk.store.participants import Participants
from casa_desk.ui.context import DeskContext
from casa_desk.ui.esf_dialogs import (
    EntryDialog,
    FollowUpDialog,
    ReentryDialog,
    ResultsDialog,
    exit_result_words,
    follow_up_words,
)
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label


class EsfBox(QGroupBox):
    """The person's ESF enrolment; ``load(person_ids)`` shows the first one found."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("esfBox")
        self.context = context
        self.participants = Participants(context.store)
        self.row: dict[str, Any] | None = None  # the enrolment whose state counts
        self.entry: dict[str, Any] | None = None  # the one whose entry counts
        self.person_id: str | None = None  # the person the entry would enrol
        self.owner: str | None = None  # another office's name, when the enrolment is theirs
        self.dialog: EntryDialog | ResultsDialog | FollowUpDialog | ReentryDialog | None = None
        self.state = plain_label(self)
        self.state.setObjectName("esfState")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = QPushButton(self, objectName="esfEnrolButton")
        self.correct_button = QPushButton(self, objectName="esfCorrectButton")
        self.exit_button = QPushButton(self, objectName="esfExitButton")
        self.results_button = QPushButton(self, objectName="esfResultsButton")
        self.follow_up_button = QPushButton(self, objectName="esfFollowUpButton")
        self.reentry_button = QPushButton(self, objectName="esfReentryButton")
        # One under the other, so that they fit the card's narrow column (see RightsBox).
        buttons = QVBoxLayout()
        for button in (
            self.enrol_button,
            self.exit_button,
            self.results_button,
            self.follow_up_button,
            self.reentry_button,
            self.correct_button,
        ):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.enrol_button.clicked.connect(self.record_entry)
        self.correct_button.clicked.connect(self.correct_entry)
        self.exit_button.clicked.connect(self.record_exit)
        self.results_button.clicked.connect(self.record_results)
        self.follow_up_button.clicked.connect(self.record_follow_up)
        self.reentry_button.clicked.connect(self.record_reentry)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Programma FSE"))
        self.enrol_button.setText(self.tr("Iscrivi al programma…"))
        self.correct_button.setText(self.tr("Correggi ingresso…"))
        self.exit_button.setText(self.tr("Registra uscita…"))
        self.results_button.setText(self.tr("Esiti immediati…"))
        self.follow_up_button.setText(self.tr("Esito a sei mesi…"))
        self.reentry_button.setText(self.tr("Rientro…"))
        if self.row:
            self._show(self.row)
        elif self.person_id:
            self._show_not_enrolled()

    # -- showing ----------------------------------------------------------------------------
    def load(self, person_ids: list[str], *, may_enrol: bool = True) -> None:
        """The enrolment of the person (or of a duplicate merged into them), if any; else,
        with ``may_enrol`` at an office's desk, the entry (``person_ids[0]``: the person)."""
        self.clear()
        found = self.participants.of_people(person_ids)
        if found:
            # Records merged, each enrolled: the entry that counts and the current state,
            # as the report folds them; the steps act on the current one(s).
            self.entry, self.row = found
            # Another office's enrolment (head office reads them all): only that office
            # records its steps (class B), so none is offered here.
            owner = self.participants.owner_elsewhere(person_ids)
            self.owner = office_name(self.context.store, owner) if owner else None
            self._show(self.row)
            self.show()
            return
        if may_enrol and person_ids and not self.context.is_head_office:
            self.person_id = person_ids[0]
            self._show_not_enrolled()
            self.show()

    def clear(self) -> None:
        self.row = None
        self.entry = None
        self.person_id = None
        self.owner = None
        self.state.clear()
        self.hide()

    def _show_not_enrolled(self) -> None:
        self.state.setText(self.tr("Non iscritto al programma."))
        self.enrol_button.show()
        for button in (
            self.exit_button,
            self.results_button,
            self.follow_up_button,
            self.reentry_button,
            self.correct_button,
        ):
            button.hide()

    def _show(self, row: dict[str, Any]) -> None:
        entry = self.entry or row
        lines = [self.tr("Ingresso: %1").replace("%1", format_date(entry["entered_on"]))]
        # A later stay on a merged record's enrolment reads as the re-entry it was.
        again = row.get("reentered_on") or (row["entered_on"] if row is not entry else None)
        if again:
            lines.append(self.tr("Rientro: %1").replace("%1", format_date(again)))
        exited = row.get("exited_on")
        due = follow_up_due(date.fromisoformat(exited)) if exited else None
        if exited:
            lines.append(self.tr("Uscita: %1").replace("%1", format_date(exited)))
            lines.append(self._results_line(row))
            lines.append(self._follow_up_line(row, due))
        else:
            lines.append(self.tr("Nel programma."))
        if self.owner:
            lines.append(self._owner_line())
        self.state.setText("\n".join(lines))
        self.enrol_button.hide()
        self.correct_button.show()
        self.exit_button.setVisible(not exited)
        self.results_button.setVisible(bool(exited) and not row.get("exit_results_on"))
        self.follow_up_button.setVisible(
            bool(exited) and due is not None and due <= today_rome() and not row.get("followup_on")
        )
        self.reentry_button.setVisible(bool(exited))
        steps = (
            self.correct_button,
            self.exit_button,
            self.results_button,
            self.follow_up_button,
            self.reentry_button,
        )
        for button in steps:
            button.setEnabled(self.owner is None)
            button.setToolTip(self._owner_line() if self.owner else "")

    def _owner_line(self) -> str:
        return self.tr("Iscrizione registrata da %1: la aggiorna solo quel presidio.").replace(
            "%1", self.owner or ""
        )

    def _results_line(self, row: dict[str, Any]) -> str:
        if not row.get("exit_results_on"):
            return self.tr("Esiti immediati: da registrare.")
        if not row.get("exit_results_known"):
            return self.tr("Esiti immediati: non noti.")
        words = exit_result_words()
        found = [words[r.value] for r in ExitResult if row.get(f"exit_{r.value}")]
        return self.tr("Esiti immediati: %1.").replace(
            "%1", ", ".join(found) if found else self.tr("nessuno")
        )

    def _follow_up_line(self, row: dict[str, Any], due: date | None) -> str:
        if row.get("followup_on"):
            if not row.get("followup_known"):
                return self.tr("A sei mesi: esito non noto.")
            words = follow_up_words()
            found = [words[r.value] for r in FollowUpResult if row.get(f"followup_{r.value}")]
            return self.tr("A sei mesi: %1.").replace(
                "%1", ", ".join(found) if found else self.tr("non occupato")
            )
        assert due is not None
        if due <= today_rome():
            return self.tr("Esito a sei mesi da registrare (dal %1).").replace(
                "%1", format_date(due)
            )
        return self.tr("Esito a sei mesi dal %1.").replace("%1", format_date(due))

    # -- steps ------------------------------------------------------------------------------
    def record_entry(self) -> None:
        if self.person_id is None or self.row is not None:
            return
        programme = resolve_programme(self.context.store.db.conn, self.context.presidio).code
        dialog = EntryDialog(programme, self)
        person_id, presidio = self.person_id, self.context.presidio
        self._open(
            dialog,
            lambda: self.participants.enrol(person_id, dialog.values(), presidio=presidio),
        )

    def correct_entry(self) -> None:
        entry = self.entry or self.row
        if entry is None:
            return
        programme = resolve_programme(self.context.store.db.conn, entry["presidio"]).code
        dialog = EntryDialog(programme, self)
        dialog.fill(entry)
        participant = entry["id"]
        self._open(dialog, lambda: self.participants.correct_entry(participant, dialog.values()))

    def record_exit(self) -> None:
        if self.row is None:
            return
        dialog = ResultsDialog(with_exit=True, parent=self)
        participant = self.row["id"]

        def save() -> None:
            codes, known = dialog.chosen()
            day = dialog.exit_day
            assert day is not None
            self.participants.exit(participant, day, codes, known=known)

        self._open(dialog, save)

    def record_results(self) -> None:
        if self.row is None:
            return
        dialog = ResultsDialog(with_exit=False, parent=self)
        participant = self.row["id"]

        def save() -> None:
            codes, known = dialog.chosen()
            self.participants.record_exit_results(participant, codes or [], known=known)

        self._open(dialog, save)

    def record_follow_up(self) -> None:
        if self.row is None or not self.row.get("exited_on"):
            return
        dialog = FollowUpDialog(follow_up_due(date.fromisoformat(self.row["exited_on"])), self)
        participant = self.row["id"]

        def save() -> None:
            codes, known = dialog.chosen()
            self.participants.record_follow_up(participant, codes, known=known)

        self._open(dialog, save)

    def record_reentry(self) -> None:
        if self.row is None:
            return
        dialog = ReentryDialog(self)
        participant = self.row["id"]
        self._open(dialog, lambda: self.participants.reenter(participant, dialog.reentry_day))

    def _open(
        self, dialog: EntryDialog | ResultsDialog | FollowUpDialog | ReentryDialog, save: Any
    ) -> None:
        """The dialog runs ``save`` on OK as one operation: closes on success (then the
        change is announced), shows the worded refusal and stays open on failure."""
        dialog.op = (
            StoreOp(self.context.bus, save, changed="participants", parent=dialog)
            .success(lambda _result: dialog.accept())
            .failure(dialog.show_error)
        )
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
