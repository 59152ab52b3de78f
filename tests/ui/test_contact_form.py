"""The contact form: a walk-in logged by keys alone, inline validation, corrections."""

from __future__ import annotations

from datetime import timedelta

from fixtures_b import (
    OPERATOR,
    PRESIDIO,
    seeded_fixture,  # noqa: F401 - registers the fixture "seeded"
    shot,
    show,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casa_desk.models.timeutil import today_rome
from casa_desk.ui.contact_form import ContactDialog, parse_day


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _contacts(store, summary: str) -> list[dict]:
    return store.query("SELECT * FROM contacts WHERE summary = ?", [summary])


def test_walk_in_logged_by_keys_alone(qtbot, seeded) -> None:
    changed = []
    seeded.context.bus.changed.connect(changed.append)
    dialog = show(qtbot, ContactDialog(seeded.context))
    assert QApplication.focusWidget() is dialog.category
    _type(qtbot, "mor")  # Morosità e canone
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.summary
    _type(qtbot, "Chiede rateizzazione")
    with qtbot.waitSignal(dialog.saved) as saved:
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [row] = _contacts(seeded.store, "Chiede rateizzazione")
    assert saved.args == [row["id"]]
    assert row["category"] == "morosita"
    assert row["channel"] == "sportello"
    assert row["operator"] == OPERATOR
    assert row["presidio"] == PRESIDIO
    assert row["person_id"] is None
    assert changed == ["contacts"]
    assert not dialog.isVisible()


def test_contact_for_a_person_with_follow_up_shortcut(qtbot, seeded) -> None:
    person = seeded.people["Zanfrutti"]
    dialog = show(qtbot, ContactDialog(seeded.context, person_id=person))
    assert "Zanfrutti" in dialog.person.text()
    _type(qtbot, "man")
    _press(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Perdita dal soffitto")
    for _ in range(4):  # notes, outcome, minutes, follow-up
        _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.follow_up.edit
    _type(qtbot, "+7")
    shot(dialog, "contact_form")
    with qtbot.waitSignal(dialog.saved):
        _press(qtbot, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    [row] = _contacts(seeded.store, "Perdita dal soffitto")
    assert row["person_id"] == person
    assert row["category"] == "manutenzione"
    assert row["follow_up_on"] == (today_rome() + timedelta(days=7)).isoformat()


def test_person_chosen_from_completions(qtbot, seeded) -> None:
    dialog = show(qtbot, ContactDialog(seeded.context))
    dialog.person.setFocus()
    _type(qtbot, "brambil")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert not dialog.anonymous.isChecked()
    dialog.category.setCurrentIndex(dialog.category.findData("sociale"))
    dialog.summary.setText("Richiesta contributo")
    dialog.save()
    [row] = _contacts(seeded.store, "Richiesta contributo")
    assert row["person_id"] == seeded.people["Brambillone"]


def test_validation_error_inline_and_nothing_saved(qtbot, seeded) -> None:
    before = seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"]
    dialog = show(qtbot, ContactDialog(seeded.context))
    _type(qtbot, "alt")
    _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # no summary
    error = dialog._errors_by_field["summary"]
    assert error.isVisible() and "sintesi" in error.text()
    assert QApplication.focusWidget() is dialog.summary
    assert dialog.isVisible()
    dialog.summary.setText("Troppo lungo")
    dialog.minutes.setValue(600)
    dialog.save()
    assert not error.isVisible()
    assert dialog._errors_by_field["minutes"].isVisible()
    dialog.minutes.setValue(0)
    dialog.follow_up.edit.setText("31/02/2026")
    dialog.save()
    assert dialog._errors_by_field["follow_up_on"].isVisible()
    shot(dialog, "contact_form_error")
    dialog.person.setFocus()
    _type(qtbot, "nessuno")
    dialog.follow_up.edit.clear()
    dialog.save()
    assert "persona" in dialog._errors_by_field["person_id"].text()
    assert seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"] == before


def test_amend_writes_a_new_row(qtbot, seeded) -> None:
    old_id = seeded.follow_ups["today"]
    dialog = show(qtbot, ContactDialog.amend(seeded.context, old_id))
    assert dialog.summary.text() == "Richiamo today"
    assert dialog.category.currentData() == "manutenzione"
    dialog.summary.setText("Richiamo corretto")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    new = seeded.store.query("SELECT * FROM contacts WHERE id = ?", saved.args)[0]
    assert new["amends_id"] == old_id
    assert new["summary"] == "Richiamo corretto"
    assert new["person_id"] == seeded.people["Brambillone"]
    old = seeded.store.query("SELECT * FROM contacts WHERE id = ?", [old_id])[0]
    assert old["summary"] == "Richiamo today"


def test_cancel_with_escape_saves_nothing(qtbot, seeded) -> None:
    before = seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"]
    dialog = show(qtbot, ContactDialog(seeded.context))
    _type(qtbot, "alt")
    _press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"] == before


def test_parse_day_shortcuts() -> None:
    today = today_rome()
    assert parse_day("", today) is None
    assert parse_day("+3", today) == today + timedelta(days=3)
    assert parse_day("+2s", today) == today + timedelta(days=14)
    # An English desk types the English units its tooltip names (they were "invalid date").
    assert parse_day("+2w", today) == parse_day("+2S", today) == today + timedelta(days=14)
    assert parse_day("+5d", today) == parse_day("+5g", today) == today + timedelta(days=5)
    assert parse_day("+1m", today) == today + timedelta(days=30)
    assert parse_day("domani", today) == today + timedelta(days=1)
    assert parse_day("05/01/2027", today).isoformat() == "2027-01-05"


def test_completion_model(qtbot, seeded, qtmodeltester) -> None:
    dialog = show(qtbot, ContactDialog(seeded.context))
    dialog._search_person("z")
    qtmodeltester.check(dialog._completions)


def test_emptied_person_field_means_anonymous(qtbot, seeded) -> None:
    dialog = show(qtbot, ContactDialog(seeded.context))
    dialog.person.setFocus()
    _type(qtbot, "qu")
    assert not dialog.anonymous.isChecked()
    _press(qtbot, Qt.Key.Key_Backspace)
    _press(qtbot, Qt.Key.Key_Backspace)
    assert dialog.anonymous.isChecked()


def test_ctrl_n_from_the_main_window(qtbot, window, demo) -> None:
    """The whole walk-in, from the window: Ctrl+N, topic letters, Tab, summary, Ctrl+Enter."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    _press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), ContactDialog))
    dialog = QApplication.activeWindow()
    assert QApplication.focusWidget() is dialog.category
    _type(qtbot, "manu")
    _press(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Citofono guasto")
    with qtbot.waitSignal(dialog.saved):
        _press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [row] = _contacts(demo.store, "Citofono guasto")
    assert (row["category"], row["channel"], row["person_id"]) == (
        "manutenzione",
        "sportello",
        None,
    )


def test_no_contact_or_follow_up_before_2014(qtbot, seeded) -> None:
    """A contact "in 1900" could be typed in Quando, a follow-up on 01/01/1026 in Richiamo:
    both were recorded. Quando stops at 1 January 2014 (as the ESF entry's day does); the
    follow-up is refused under its field, in the window's words; nothing saved."""
    from languages import window_language
    from PySide6.QtCore import QDate, QDateTime, QTime

    from casa_desk.errors import ValidationError
    from casa_desk.ui.error_texts import worded_error

    before = seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"]
    dialog = show(qtbot, ContactDialog(seeded.context))
    dialog.when.setDateTime(QDateTime(QDate(1900, 3, 1), QTime(10, 0)))
    assert dialog.when.dateTime() == QDateTime(QDate(2014, 1, 1), QTime(0, 0))
    dialog.category.setCurrentIndex(dialog.category.findData("altro"))
    dialog.summary.setText("Richiamo lontano")
    dialog.follow_up.edit.setText("01/01/1026")
    dialog.save()
    error = dialog._errors_by_field["follow_up_on"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "La data di richiamo non può essere precedente al 1° gennaio 2014."
    assert dialog.isVisible()
    assert seeded.store.query("SELECT count(*) AS n FROM contacts")[0]["n"] == before
    with window_language("en"):
        said = [
            worded_error(ValidationError("…", field=field, code=code))
            for field, code in (
                ("occurred_at", "date_too_old"),
                ("follow_up_on", "date_too_old"),
                ("due_on", "date_too_old"),
                ("occurred_at", "date_invalid"),
            )
        ]
    assert said == [
        "The contact cannot be before 1 January 2014.",
        "The follow-up date cannot be before 1 January 2014.",
        "The due date cannot be before 1 January 2014.",
        "The contact date is not valid.",
    ]


def test_a_contact_recorded_before_2014_is_corrected_as_it_was(qtbot, seeded) -> None:
    """A contact recorded before the rule (or synced as it came) in 2013: correcting its
    summary keeps its moment to the second; the form shows its day, not 2014."""
    from casa_desk.store.contacts import Contacts

    row = Contacts(seeded.store).get(seeded.follow_ups["today"])
    with seeded.store.transaction() as journal:
        old = journal.insert(
            "contacts",
            {**{k: row[k] for k in ("person_id", "category", "summary", "channel", "operator")},
             "occurred_at": "2013-06-03T08:15:37.250Z"},
            presidio=PRESIDIO,
        )  # fmt: skip
    dialog = show(qtbot, ContactDialog.amend(seeded.context, old["id"]))
    assert dialog.when.date().year() == 2013
    dialog.summary.setText("Corretto dopo anni")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    new = seeded.store.query("SELECT * FROM contacts WHERE id = ?", saved.args)[0]
    assert new["occurred_at"] == "2013-06-03T08:15:37.250Z"
