"""ESF participants on the card and in the agenda (issue 13), with the real widgets: record
an exit with its immediate results, a refusal shown in the dialog, the six-month follow-up
proposed by the agenda and recorded on the card, a re-entry."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from casa_desk.models.esf import add_months, follow_up_due
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.reports.aggregate import Month
from casa_desk.reports.esf import participants as esf_participants
from casa_desk.store.participants import Participants
from casa_desk.store.people import People
from casa_desk.ui.esf_dialogs import EntryDialog, FollowUpDialog, ReentryDialog, ResultsDialog

ENTRY = {"employment_status": "inactive", "education_isced": "0-2"}


def enrol(demo, key: str, entered: date) -> dict:
    return Participants(demo.store).enrol(
        demo.ids[key], {"entered_on": entered.isoformat(), **ENTRY}, presidio="SAN-SIRO"
    )


def open_card(qtbot, window, person_id: str):
    window.open_person(person_id)
    card = window.card
    qtbot.waitUntil(lambda: card.person_id == person_id)
    return card


def press_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def tick(qtbot, button) -> None:
    """Click a check box or radio button on its indicator, as a user does (a click in the
    empty part of a row-wide button does nothing)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def set_day(edit, day: date) -> None:
    edit.setFocus()
    edit.setDate(QDate(day.year, day.month, day.day))


def test_recording_an_exit_with_results_on_the_card(qtbot, window, demo) -> None:
    today = today_rome()
    row = enrol(demo, "Zampicchi Ludmilla", today - timedelta(days=90))
    card = open_card(qtbot, window, demo.ids["Zampicchi Ludmilla"])
    box = card.esf_box
    assert box.isVisible() and "Nel programma." in box.state.text()
    assert box.exit_button.isVisible() and not box.follow_up_button.isVisible()
    qtbot.mouseClick(box.exit_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ResultsDialog)
    qtbot.waitExposed(dialog)
    # An exit before the entry is refused inside the dialog, which stays open.
    set_day(dialog.exit_date, today - timedelta(days=120))
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "precedere l'ingresso" in dialog.error.text()
    assert Participants(demo.store).get(row["id"])["exited_on"] is None
    set_day(dialog.exit_date, today - timedelta(days=3))
    tick(qtbot, dialog.results["job_searching"])
    tick(qtbot, dialog.results["education"])
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    saved = Participants(demo.store).get(row["id"])
    assert saved["exited_on"] == (today - timedelta(days=3)).isoformat()
    assert (saved["exit_results_known"], saved["exit_job_searching"], saved["exit_education"]) == (
        1,
        1,
        1,
    )
    assert saved["exit_employed"] == 0
    # The card shows what was recorded and offers the next steps only.
    qtbot.waitUntil(lambda: "Uscita:" in box.state.text())
    text = box.state.text()
    assert "Era inattivo, ora cerca lavoro, In istruzione o formazione" in text
    assert "Esito a sei mesi dal" in text
    assert not box.exit_button.isVisible() and not box.results_button.isVisible()
    assert box.reentry_button.isVisible() and not box.follow_up_button.isVisible()


def test_results_recorded_later_and_not_known(qtbot, window, demo) -> None:
    today = today_rome()
    row = enrol(demo, "Velluttini Corrado", today - timedelta(days=60))
    card = open_card(qtbot, window, demo.ids["Velluttini Corrado"])
    box = card.esf_box
    qtbot.mouseClick(box.exit_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    qtbot.waitExposed(dialog)
    tick(qtbot, dialog.later)
    assert not dialog.results["employed"].isEnabled()
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "da registrare" in box.state.text())
    assert Participants(demo.store).get(row["id"])["exit_results_on"] is None
    qtbot.mouseClick(box.results_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ResultsDialog) and dialog.exit_date is None
    qtbot.waitExposed(dialog)
    tick(qtbot, dialog.unknown)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "non noti" in box.state.text())
    assert Participants(demo.store).get(row["id"])["exit_results_known"] == 0


def test_agenda_proposes_the_six_month_follow_up_and_the_card_records_it(
    qtbot, window, demo
) -> None:
    today = today_rome()
    participants = Participants(demo.store)
    due = enrol(demo, "Brennafiori Ottavio", today - timedelta(days=400))
    left = add_months(today, -6)  # due today, or a day or three ago at a month's end
    participants.exit(due["id"], left, ["employed"])
    later = enrol(demo, "Quarzolini Tobia", today - timedelta(days=300))
    participants.exit(later["id"], add_months(today, -5), [])  # due in a month
    agenda = window.page("agenda")
    window.tabs.setCurrentWidget(window.pages["agenda"])
    demo_bus(window).changed.emit("participants")
    qtbot.waitUntil(lambda: agenda.esf.rowCount() == 1)
    assert agenda.esf.rows()[0]["id"] == due["id"]
    assert agenda.esf_summary.text().startswith("Partecipanti da ricontattare: 1.")
    shown = [agenda.esf.index(0, c).data() for c in range(agenda.esf.columnCount())]
    assert shown == [
        follow_up_due(left).strftime("%d/%m/%Y"),
        "Brennafiori Ottavio",
        left.strftime("%d/%m/%Y"),
    ]
    # A double click opens the card, where the follow-up is recorded.
    view = agenda.esf_view
    rect = view.visualRect(agenda.esf.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    card = window.card
    qtbot.waitUntil(lambda: card.person_id == demo.ids["Brennafiori Ottavio"])
    box = card.esf_box
    assert "Esito a sei mesi da registrare" in box.state.text()
    qtbot.mouseClick(box.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, FollowUpDialog)
    qtbot.waitExposed(dialog)
    tick(qtbot, dialog.results["employed"])
    tick(qtbot, dialog.results["improved"])
    press_ok(qtbot, dialog)  # improved needs "employed at entry": refused, stays open
    assert dialog.isVisible() and "occupato all'ingresso" in dialog.error.text()
    tick(qtbot, dialog.results["improved"])
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "A sei mesi: Occupato, anche autonomo." in box.state.text())
    saved = participants.get(due["id"])
    assert (saved["followup_on"], saved["followup_employed"]) == (today.isoformat(), 1)
    window.tabs.setCurrentWidget(window.pages["agenda"])  # a hidden page refreshes when shown
    qtbot.waitUntil(lambda: agenda.esf.rowCount() == 0)
    assert agenda.esf_summary.text().startswith("Partecipanti da ricontattare: 0.")


def test_reentry_from_the_card(qtbot, window, demo) -> None:
    today = today_rome()
    row = enrol(demo, "Quarzolini Arianna", today - timedelta(days=200))
    Participants(demo.store).exit(row["id"], today - timedelta(days=100), [], known=False)
    card = open_card(qtbot, window, demo.ids["Quarzolini Arianna"])
    box = card.esf_box
    qtbot.mouseClick(box.reentry_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, ReentryDialog)
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: "Rientro:" in box.state.text())
    saved = Participants(demo.store).get(row["id"])
    assert saved["reentered_on"] == today.isoformat() and saved["exited_on"] is None
    assert saved["entered_on"] == (today - timedelta(days=200)).isoformat()
    assert box.exit_button.isVisible()


def choose(combo, code: str) -> None:
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(code))


def test_a_person_not_enrolled_enters_the_programme_from_the_card(qtbot, window, demo) -> None:
    """There was no way to enrol anyone at the desk: the box stayed hidden until a
    participant existed, and only the demo made them. Now the card offers the entry."""
    ludmilla = demo.ids["Zampicchi Ludmilla"]
    card = open_card(qtbot, window, ludmilla)
    box = card.esf_box
    assert box.isVisible() and box.state.text() == "Non iscritto al programma."
    assert box.enrol_button.isVisible() and not box.exit_button.isVisible()
    qtbot.mouseClick(box.enrol_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, EntryDialog)
    qtbot.waitExposed(dialog)
    # the default programme's (2021-2027) questions, unanswered until asked
    assert set(dialog.answers) == {
        "third_country_national", "foreign_background", "minority", "disability",
        "homeless_or_housing_exclusion",
    }  # fmt: skip
    assert dialog.employment.findData("inactive_not_in_education") == -1
    # no ESF programme ran before 2014: such a day cannot be typed
    set_day(dialog.day, date(2013, 6, 1))
    assert dialog.day.date() == QDate(2014, 1, 1)
    entered = today_rome() - timedelta(days=10)
    set_day(dialog.day, entered)
    choose(dialog.employment, "long_term_unemployed")
    choose(dialog.education, "3-4")
    choose(dialog.answers["disability"], "yes")
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    saved = Participants(demo.store).of_person(ludmilla)
    assert (saved["entered_on"], saved["employment_status"], saved["education_isced"]) == (
        entered.isoformat(), "long_term_unemployed", "3-4"
    )  # fmt: skip
    assert (saved["disability"], saved["minority"]) == ("yes", "declined")
    qtbot.waitUntil(lambda: "Nel programma." in box.state.text())
    assert not box.enrol_button.isVisible() and box.exit_button.isVisible()


def test_an_entry_refused_is_said_in_the_dialog(qtbot, window, demo) -> None:
    arianna = demo.ids["Quarzolini Arianna"]
    card = open_card(qtbot, window, arianna)
    qtbot.mouseClick(card.esf_box.enrol_button, Qt.MouseButton.LeftButton)
    dialog = card.esf_box.dialog
    qtbot.waitExposed(dialog)
    choose(dialog.employment, "employed")
    choose(dialog.education, "5-8")
    enrol(demo, "Quarzolini Arianna", today_rome())  # meanwhile, from another window
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "già iscritta" in dialog.error.text()


def test_the_entry_asks_for_the_situation_and_the_education(qtbot, window, demo) -> None:
    """The first situation and education were chosen for the operator: OK alone recorded
    the person as unemployed, with ISCED 0-2, in every ESF report. Now nothing is chosen
    until asked, and OK says what is missing and writes nothing."""
    corrado = demo.ids["Velluttini Corrado"]
    card = open_card(qtbot, window, corrado)
    qtbot.mouseClick(card.esf_box.enrol_button, Qt.MouseButton.LeftButton)
    dialog = card.esf_box.dialog
    qtbot.waitExposed(dialog)
    assert dialog.employment.currentData() is None and dialog.education.currentData() is None
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error.text() == "Scegliere la condizione occupazionale all'ingresso."
    choose(dialog.employment, "employed")
    press_ok(qtbot, dialog)
    assert dialog.error.text() == "Scegliere il titolo di studio all'ingresso."
    assert Participants(demo.store).of_person(corrado) is None
    choose(dialog.education, "3-4")
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    saved = Participants(demo.store).of_person(corrado)
    assert (saved["employment_status"], saved["education_isced"]) == ("employed", "3-4")


def demo_bus(window):
    return window.context.bus


def test_what_was_recorded_at_entry_is_corrected_from_the_card(qtbot, window, demo) -> None:
    today = today_rome()
    row = enrol(demo, "Zampicchi Ludmilla", today - timedelta(days=40))
    card = open_card(qtbot, window, demo.ids["Zampicchi Ludmilla"])
    box = card.esf_box
    assert box.correct_button.isVisible() and not box.enrol_button.isVisible()
    qtbot.mouseClick(box.correct_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert isinstance(dialog, EntryDialog)
    qtbot.waitExposed(dialog)
    # the recorded values are there to correct
    assert dialog.day.date() == QDate(*(today - timedelta(days=40)).timetuple()[:3])
    assert dialog.employment.currentData() == "inactive"
    set_day(dialog.day, today - timedelta(days=45))
    choose(dialog.answers["homeless_or_housing_exclusion"], "no")
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    saved = Participants(demo.store).get(row["id"])
    assert saved["entered_on"] == (today - timedelta(days=45)).isoformat()
    assert saved["homeless_or_housing_exclusion"] == "no"
    qtbot.waitUntil(lambda: format_date(saved["entered_on"]) in box.state.text())


def _left(demo, person_id: str) -> str | None:
    """The person's exit as this month's report counts it (None: still in the programme)."""
    today = today_rome()
    people = {
        r["id"]: r["merged_into"]
        for r in demo.store.query(
            "SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL"
        )
    }
    found = [
        p
        for p in esf_participants(demo.store.db.conn, Month(today.year, today.month), None, people)
        if p.entry[1] in (person_id, *[k for k, v in people.items() if v == person_id])
    ]
    assert len(found) == 1  # one participant, however many enrolments
    return found[0].exited_on


def test_a_merged_person_with_two_enrolments_leaves_from_the_card(qtbot, window, demo) -> None:
    """Two records of one person, each enrolled at this office, merged: both enrolments stay
    (one per person record) and the report folds them (first entry; left when every one
    has). The card showed the survivor's enrolment only: already left, it offered the
    re-entry while the person was in the programme on the other, which no button could
    close — the person never left in any report, and retention never came for her."""
    today = today_rome()
    ottavio, twin = demo.ids["Brennafiori Ottavio"], demo.duplicate
    participants = Participants(demo.store)
    first = enrol(demo, "Brennafiori Ottavio", today - timedelta(days=300))
    participants.exit(first["id"], today - timedelta(days=200), ["employed"])
    participants.enrol(
        twin, {"entered_on": (today - timedelta(days=100)).isoformat(), **ENTRY},
        presidio="SAN-SIRO",
    )  # fmt: skip
    People(demo.store).merge(twin, ottavio, presidio="SAN-SIRO", operator="prova.admin")
    assert _left(demo, ottavio) is None  # in the programme again, on the twin's enrolment
    card = open_card(qtbot, window, ottavio)
    box = card.esf_box
    assert "Nel programma." in box.state.text()
    assert box.exit_button.isVisible() and not box.reentry_button.isVisible()
    qtbot.mouseClick(box.exit_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    qtbot.waitExposed(dialog)
    set_day(dialog.exit_date, today - timedelta(days=2))
    tick(qtbot, dialog.later)
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    assert _left(demo, ottavio) == (today - timedelta(days=2)).isoformat()
    qtbot.waitUntil(lambda: "Uscita:" in box.state.text())
    assert box.results_button.isVisible() and not box.exit_button.isVisible()


def test_a_merged_person_enrolled_twice_at_once_leaves_with_one_exit(qtbot, window, demo) -> None:
    """Both records still in the programme when merged: one exit from the card is the
    person's exit (it was that of one record, and the other kept her in)."""
    today = today_rome()
    ottavio, twin = demo.ids["Brennafiori Ottavio"], demo.duplicate
    enrol(demo, "Brennafiori Ottavio", today - timedelta(days=300))
    Participants(demo.store).enrol(
        twin, {"entered_on": (today - timedelta(days=100)).isoformat(), **ENTRY},
        presidio="SAN-SIRO",
    )  # fmt: skip
    People(demo.store).merge(twin, ottavio, presidio="SAN-SIRO", operator="prova.admin")
    card = open_card(qtbot, window, ottavio)
    box = card.esf_box
    qtbot.mouseClick(box.exit_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    qtbot.waitExposed(dialog)
    set_day(dialog.exit_date, today - timedelta(days=1))
    tick(qtbot, dialog.results["job_searching"])
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    assert _left(demo, ottavio) == (today - timedelta(days=1)).isoformat()
    qtbot.waitUntil(lambda: "Uscita:" in box.state.text())
    assert "ora cerca lavoro" in box.state.text()


def test_an_entry_before_the_birth_is_said_in_the_dialog(qtbot, window, demo) -> None:
    """An entry dated before the person was born was recorded (age "unknown" in the
    report). The dialog says why in the window's words and stays open; nothing written."""
    from languages import window_language

    from casa_desk.errors import ValidationError
    from casa_desk.ui.error_texts import worded_error

    ludmilla = demo.ids["Zampicchi Ludmilla"]
    born = today_rome() - timedelta(days=30)
    with demo.store.transaction() as journal:  # a newborn, registered with her family
        journal.update("people", ludmilla, {"birth_date": born.isoformat()})
    card = open_card(qtbot, window, ludmilla)
    qtbot.mouseClick(card.esf_box.enrol_button, Qt.MouseButton.LeftButton)
    dialog = card.esf_box.dialog
    qtbot.waitExposed(dialog)
    set_day(dialog.day, born - timedelta(days=1))
    choose(dialog.employment, "inactive")
    choose(dialog.education, "0-2")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    assert dialog.isVisible()
    assert dialog.error.text() == "La data di ingresso precede la data di nascita della persona."
    assert Participants(demo.store).of_person(ludmilla) is None
    set_day(dialog.day, born)
    with qtbot.waitSignal(demo_bus(window).changed):
        press_ok(qtbot, dialog)
    assert Participants(demo.store).of_person(ludmilla)["entered_on"] == born.isoformat()
    with window_language("en"):
        said = worded_error(ValidationError("…", field="entered_on", code="before_birth"))
    assert said == "The entry date is before the person's date of birth."
