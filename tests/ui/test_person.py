"""The person card (identity, household, consents, duplicates, history, sensitive entries)
and the registration form (inline validation, search-before-create)."""

from __future__ import annotations

from datetime import date

from dialogs import click_when_shown, when_modal
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QRadioButton, QToolButton

from casa_desk.store.people import People
from casa_desk.ui.history_model import HistoryModel
from casa_desk.ui.person_card import PersonCard
from casa_desk.ui.person_form import DuplicatesDialog, PersonForm
from casa_desk.ui.reveal import reveal


def _labels(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def _members(box) -> list[str]:
    """The household members listed in ``box`` (not the "add" button, not removed rows)."""
    QApplication.processEvents()  # new rows are shown at the next turn of the event loop
    return [
        b.text()
        for b in box.findChildren(QPushButton)
        if not b.isHidden() and b.objectName() != "linkMember"
    ]


def _card(qtbot, context, person_id) -> PersonCard:
    card = PersonCard(context)
    qtbot.addWidget(card)
    card.load(person_id)
    card.show()
    return card


def test_card_shows_identity_household_consents_and_history_newest_first(qtbot, context, demo):
    card = _card(qtbot, context, demo.ids["Quarzolini Arianna"])
    text = _labels(card)
    assert "Quarzolini Arianna" in card.title.text()
    assert demo.cf["Quarzolini Arianna"] in text
    assert "12/04/1979" in text and "333 111 2201" in text
    assert "SS-0101-A" in text
    assert _members(card.household_box) == ["Quarzolini Tobia – Titolare"]
    assert "Registrazione: dato" in text and "in scadenza" in text
    # A consent to share with an anti-violence service does not name the service.
    assert "Invio a un servizio riservato: dato" in text and "1522" not in text
    model = card.history_model
    dates = [model.entry(r).at for r in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True) and len(dates) == 5
    kinds = {model.entry(r).kind for r in range(model.rowCount())}
    assert kinds == {"contact", "referral"}
    assert not card.duplicates_box.isVisible()


def test_sensitive_entry_hidden_until_shown_and_the_reveal_is_audited(qtbot, context, demo):
    card = _card(qtbot, context, demo.ids["Quarzolini Arianna"])
    model = card.history_model
    row = next(r for r in range(model.rowCount()) if model.entry(r).id == demo.sensitive_contact)
    shown = [model.index(row, c).data() for c in range(model.columnCount())]
    assert "Riservato" in shown
    assert not any("Colloquio" in (s or "") or "Violenza" in (s or "") for s in shown)
    card.history_view.setCurrentIndex(model.index(row, 0))
    assert "riservatissima" not in card.detail.text()
    assert card.reveal_button.isVisible()
    qtbot.mouseClick(card.reveal_button, Qt.MouseButton.LeftButton)
    assert "Nota riservatissima" in card.detail.text()
    assert model.index(row, 3).data() == "Colloquio riservato"
    audit = demo.store.query("SELECT * FROM audit_log WHERE action = 'viewed'")
    assert [(a["row_id"], a["who"], a["table_name"]) for a in audit] == [
        (demo.sensitive_contact, "op.desk", "contacts")
    ]


def test_reveal_is_refused_to_operators_without_the_right(qtbot, context, demo):
    context.may_see_sensitive = False
    card = _card(qtbot, context, demo.ids["Quarzolini Arianna"])
    model = card.history_model
    # a user without permission never gets a sensitive entry (left out in SQL)
    assert demo.sensitive_contact not in [model.entry(r).id for r in range(model.rowCount())]
    assert "Colloquio riservato" not in [model.index(r, 3).data() for r in range(model.rowCount())]
    assert not reveal(context, "contacts", demo.sensitive_contact, lambda: None, card)
    assert demo.store.query("SELECT * FROM audit_log WHERE action = 'viewed'") == []


def test_possible_duplicate_is_listed_and_merged_field_by_field(qtbot, context, demo):
    ottavio = demo.ids["Brennafiori Ottavio"]
    People(demo.store).update(demo.duplicate, {"street": "Via Altra", "flat": "9"})
    card = _card(qtbot, context, ottavio)
    assert card.duplicates_box.isVisible()
    assert "stesso telefono" in _labels(card.duplicates_box)
    merge = card.duplicates_box.findChild(type(card.back_button), "mergeButton")
    asked = click_when_shown(qtbot, "Annulla", name="mergeDialog")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert asked and People(demo.store).get(demo.duplicate)["merged_into"] is None

    def choose_their_street(dialog) -> None:
        assert dialog.fields == ["street"]  # the only field where both differ
        theirs = dialog.findChild(QRadioButton, "take_street")
        qtbot.waitUntil(lambda: theirs.width() > 0)  # laid out, as the operator sees it
        # on its round indicator, as a person clicks a radio button
        qtbot.mouseClick(theirs, Qt.MouseButton.LeftButton, pos=QPoint(8, theirs.height() // 2))
        assert theirs.isChecked()
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    asked = when_modal(choose_their_street, name="mergeDialog")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert asked
    survivor = People(demo.store).get(ottavio)
    assert People(demo.store).get(demo.duplicate)["merged_into"] == ottavio
    assert survivor["street"] == "Via Altra" and survivor["flat"] == "9"
    assert not card.duplicates_box.isVisible()  # the card reloaded on the change signal


def test_another_offices_record_is_merged_the_other_way(qtbot, window, demo):
    people = People(demo.store)
    theirs = people.register(
        {"last_name": "Velluttini", "first_name": "Corrado", "birth_date": "1962-12-05"},
        presidio="MAZZINI",
    )
    window.open_person(demo.ids["Velluttini Corrado"])
    merge = window.card.duplicates_box.findChild(type(window.card.back_button), "mergeButton")
    told = click_when_shown(qtbot, "Annulla", name="mergeOwner")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert told and "solo quel presidio o la sede" in told[0].text()
    assert people.get(theirs["id"])["merged_into"] is None
    click_when_shown(qtbot, "Unisci questa scheda a quella", name="mergeOwner")
    merged = click_when_shown(qtbot, "Unisci", name="mergeDialog")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(merged))
    assert people.get(demo.ids["Velluttini Corrado"])["merged_into"] == theirs["id"]
    assert window.card.person_id == theirs["id"]  # the survivor's card, history focused
    assert window.focusWidget() is window.card.history_view
    assert window.statusBar().currentMessage().startswith("Schede unite")


def test_an_existing_codice_fiscale_cannot_be_registered_anyway(qtbot, context, demo):
    opened = []
    form = _form(qtbot, context)
    form.open_existing.connect(opened.append)
    qtbot.keyClicks(form.edits["last_name"], "Zampicchi")
    qtbot.keyClicks(form.edits["first_name"], "Ludmilla")
    qtbot.keyClicks(form.edits["codice_fiscale"], demo.cf["Zampicchi Ludmilla"])

    def look(dialog) -> None:
        assert not dialog.register_button.isVisible()
        assert "già registrato" in dialog.message.text()
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    asked = when_modal(look, kind=DuplicatesDialog)
    before = demo.store.query("SELECT count(*) AS n FROM people")[0]["n"]
    form.save()
    assert asked and opened == [demo.ids["Zampicchi Ludmilla"]]
    assert demo.store.query("SELECT count(*) AS n FROM people")[0]["n"] == before


def test_history_model_passes_qmodeltester(qtmodeltester, qtbot, context, demo):
    card = _card(qtbot, context, demo.ids["Quarzolini Arianna"])
    qtmodeltester.check(card.history_model)
    qtmodeltester.check(HistoryModel())


# -- registration ------------------------------------------------------------------------
def _form(qtbot, context, **kwargs) -> PersonForm:
    form = PersonForm(context, **kwargs)
    qtbot.addWidget(form)
    form.show()
    return form


def test_wrong_codice_fiscale_shows_the_message_and_saves_nothing(qtbot, context, demo):
    before = demo.store.query("SELECT count(*) AS n FROM people")[0]["n"]
    form = _form(qtbot, context)
    qtbot.keyClicks(form.edits["last_name"], "Sperimentale")
    qtbot.keyClicks(form.edits["first_name"], "Gioele")
    qtbot.keyClicks(form.edits["codice_fiscale"], "SPRGLE80A01F205X")  # wrong check letter
    error = form.errors["codice_fiscale"]
    assert error.isVisible() and error.text()  # shown while typing, before saving
    assert not form.errors["last_name"].isVisible()
    qtbot.mouseClick(
        form.buttons.button(form.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert form.isVisible()
    assert "Correggere" in form.summary.text()
    assert demo.store.query("SELECT count(*) AS n FROM people")[0]["n"] == before


def test_inline_messages_for_dates_and_phone_clear_when_fixed(qtbot, context):
    form = _form(qtbot, context)
    qtbot.keyClicks(form.edits["birth_date"], "31/02/1990")
    assert form.errors["birth_date"].isVisible()
    form.edits["birth_date"].clear()
    qtbot.keyClicks(form.edits["birth_date"], "28/02/1990")
    assert not form.errors["birth_date"].isVisible()
    qtbot.keyClicks(form.edits["phone"], "33")
    assert form.errors["phone"].isVisible()
    qtbot.keyClicks(form.edits["phone"], "31234567")
    assert not form.errors["phone"].isVisible(), form.errors["phone"].text()


def test_register_a_new_person_by_keyboard(qtbot, context, demo):
    saved = []
    form = _form(qtbot, context)
    form.saved.connect(saved.append)
    qtbot.keyClicks(form.edits["last_name"], "Nuovissima")
    qtbot.keyClicks(form.edits["first_name"], "Ofelia")
    qtbot.keyClicks(form.edits["birth_date"], "02/03/1999")
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form.edits["birth_date"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved and not form.isVisible()
    person = People(demo.store).get(saved[0])
    assert (person["last_name"], person["birth_date"], person["presidio"]) == (
        "Nuovissima",
        "1999-03-02",
        "SAN-SIRO",
    )


def _answer_duplicates(choice: str) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DuplicatesDialog)
        button = dialog.open_button if choice == "open" else dialog.register_button
        button.click()

    QTimer.singleShot(0, answer)


def test_search_before_create_offers_the_existing_card(qtbot, context, demo):
    opened, saved = [], []
    form = _form(qtbot, context)
    form.open_existing.connect(opened.append)
    form.saved.connect(saved.append)
    qtbot.keyClicks(form.edits["last_name"], "Zampicchi")
    qtbot.keyClicks(form.edits["first_name"], "Ludmilla")
    qtbot.keyClicks(form.edits["birth_date"], "21/06/1990")
    before = demo.store.query("SELECT count(*) AS n FROM people")[0]["n"]
    _answer_duplicates("open")
    form.save()
    assert opened == [demo.ids["Zampicchi Ludmilla"]] and saved == []
    assert demo.store.query("SELECT count(*) AS n FROM people")[0]["n"] == before


def test_search_before_create_can_register_anyway(qtbot, context, demo):
    saved = []
    form = _form(qtbot, context)
    form.saved.connect(saved.append)
    qtbot.keyClicks(form.edits["last_name"], "Zampicchi")
    qtbot.keyClicks(form.edits["first_name"], "Ludmilla")
    qtbot.keyClicks(form.edits["birth_date"], "21/06/1990")
    _answer_duplicates("register")
    form.save()
    assert saved and saved[0] != demo.ids["Zampicchi Ludmilla"]


def test_edit_keeps_values_and_saves_changes(qtbot, context, demo):
    person_id = demo.ids["Velluttini Corrado"]
    form = _form(qtbot, context, person_id=person_id)
    assert form.edits["birth_date"].text() == "05/12/1962"
    assert form.edits["codice_fiscale"].text() == demo.cf["Velluttini Corrado"]
    form.edits["flat"].setText("12")
    form.save()
    assert People(demo.store).get(person_id)["flat"] == "12"


def test_prefill_from_search_text(qtbot, context, demo):
    form = _form(qtbot, context, prefill="rossetti anna maria")
    assert (form.edits["last_name"].text(), form.edits["first_name"].text()) == (
        "Rossetti",
        "Anna Maria",
    )
    form = _form(qtbot, context, prefill=demo.cf["Velluttini Corrado"].lower())
    assert form.edits["codice_fiscale"].text() == demo.cf["Velluttini Corrado"]


def test_a_failed_merge_is_a_short_message_not_a_crash(qtbot, context, demo):
    card = _card(qtbot, context, demo.ids["Brennafiori Ottavio"])
    with qtbot.assertNotEmitted(context.bus.changed):
        assert card.merge(demo.ids["Brennafiori Ottavio"], confirm=False) is False
    box = card.merge_op.box
    assert box is not None and box.isVisible()
    assert box.text() == "Una persona non può essere unita a se stessa."
    box.close()


def test_new_referral_from_the_card_opens_the_referral_dialog(qtbot, window, demo):
    if window.card.referral_button.isHidden():
        return  # referral dialog not installed
    window.open_person(demo.ids["Quarzolini Arianna"])
    qtbot.mouseClick(window.card.referral_button, Qt.MouseButton.LeftButton)
    dialog = QApplication.activeModalWidget()
    assert type(dialog).__name__ == "ReferralDialog"
    assert dialog.person_id == demo.ids["Quarzolini Arianna"]
    dialog.reject()


def test_a_merged_card_opens_its_survivor_and_household_links_open_cards(qtbot, window, demo):
    People(demo.store).merge(demo.duplicate, demo.ids["Brennafiori Ottavio"])
    window.open_person(demo.duplicate)
    assert window.card.person_id == demo.ids["Brennafiori Ottavio"]
    window.open_person(demo.ids["Quarzolini Arianna"])
    [link] = [
        b
        for b in window.card.household_box.findChildren(QPushButton)
        if b.text().startswith("Quarzolini Tobia")
    ]
    qtbot.waitUntil(lambda: link.height() > 0)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert window.card.person_id == demo.ids["Quarzolini Tobia"]


def test_domain_messages_follow_the_interface_language(qtbot, context):
    from casa_desk.app import install_translator

    app = QApplication.instance()
    installed = install_translator(app, "en")
    try:
        form = _form(qtbot, context)
        qtbot.keyClicks(form.edits["codice_fiscale"], "SPRGLE80A01F205X")
        assert form.errors["codice_fiscale"].text().startswith("The last character")
        form.save()
        assert form.errors["last_name"].text() == "The surname is required."
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_household_members_are_linked_and_unlinked_from_the_card(qtbot, window, demo):
    window.open_person(demo.ids["Quarzolini Arianna"])
    box = window.card.household_box
    add = box.findChild(type(window.card.back_button), "linkMember")
    qtbot.waitUntil(lambda: add.height() > 0)

    def choose(dialog) -> None:
        qtbot.keyClicks(dialog.field, "zampicchi")
        assert dialog.list.count() == 1
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    asked = when_modal(choose, name="memberDialog")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())
    assert any(n.startswith("Zampicchi Ludmilla") for n in _members(box))
    # The same household from Ludmilla's card.
    window.open_person(demo.ids["Zampicchi Ludmilla"])
    names = _members(box)
    assert any(n.startswith("Quarzolini Arianna") for n in names)
    assert any(n.startswith("Quarzolini Tobia") for n in names)

    def unlinks() -> list:
        QApplication.processEvents()
        return [b for b in box.findChildren(QToolButton, "unlinkMember") if not b.isHidden()]

    assert len(unlinks()) == 2
    for _ in range(2):
        button = unlinks()[0]
        qtbot.waitUntil(lambda button=button: button.height() > 0)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert unlinks() == [] and _members(box) == []
    assert window.statusBar().currentMessage() == "Componente tolto dal nucleo."


def test_consents_are_given_and_withdrawn_from_the_card(qtbot, window, demo):
    velluttini = demo.ids["Velluttini Corrado"]
    window.open_person(velluttini)
    box = window.card.consents_box
    give = box.findChild(QPushButton, "giveConsent")
    qtbot.waitUntil(lambda: give.height() > 0)

    def fill(dialog) -> None:
        assert dialog.purpose.currentData() == "registry"
        qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.purpose)
        qtbot.keyClick(dialog.purpose, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.text
        before = dialog.text.toPlainText()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)  # in the text: a new line, no save
        assert dialog.isVisible()
        assert dialog.text.toPlainText().count("\n") == before.count("\n") + 1
        # Ctrl+Enter saves from the text too, as in the contact form
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    asked = when_modal(fill, name="consentDialog")
    qtbot.mouseClick(give, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())
    [row] = demo.store.query("SELECT * FROM consents WHERE person_id = ?", [velluttini])
    assert row["purpose"] == "registry" and row["withdrawn_at"] is None
    QApplication.processEvents()
    assert "Registrazione: dato" in _labels(box)
    [withdraw] = [b for b in box.findChildren(QToolButton, "withdrawConsent") if not b.isHidden()]
    qtbot.waitUntil(lambda: withdraw.height() > 0)
    click_when_shown(qtbot, "Revoca", name="withdrawConfirm")
    qtbot.mouseClick(withdraw, Qt.MouseButton.LeftButton)
    [row] = demo.store.query("SELECT * FROM consents WHERE person_id = ?", [velluttini])
    assert row["withdrawn_at"] is not None
    QApplication.processEvents()
    assert "Registrazione: revocato" in _labels(box)
    assert window.statusBar().currentMessage() == "Revoca del consenso registrata."


def test_a_valid_codice_fiscale_fills_birth_date_sex_and_place(qtbot, context, demo):
    from casa_desk.models.codice_fiscale import make_cf

    form = _form(qtbot, context)
    qtbot.keyClicks(form.edits["last_name"], "Rossetti")
    qtbot.keyClicks(form.edits["first_name"], "Anna")
    cf = make_cf("Rossetti", "Anna", date(1980, 3, 7), "F", "Z330")
    qtbot.keyClicks(form.edits["codice_fiscale"], cf.lower())
    assert form.edits["birth_date"].text() == "07/03/1980"
    assert form.combos["gender"].currentData() == "F"
    assert form.edits["birth_place"].text() == "Marocco"
    assert not form.errors["codice_fiscale"].isVisible()
    # A code that is not this name's: flagged in orange, the save still allowed.
    form.edits["first_name"].clear()
    qtbot.keyClicks(form.edits["first_name"], "Marta")
    warning = form.errors["codice_fiscale"]
    assert warning.isVisible() and "non corrisponde a cognome e nome" in warning.text()
    assert "#a15c00" in warning.styleSheet()
    saved = []
    form.saved.connect(saved.append)
    form.save()
    assert saved and People(demo.store).get(saved[0])["birth_date"] == "1980-03-07"


def test_short_years_impossible_days_and_a_form_that_does_not_jump(qtbot, context, demo):
    form = _form(qtbot, context)
    phone = form.edits["phone"]
    qtbot.keyClicks(form.edits["last_name"], "Datetti")
    qtbot.keyClicks(form.edits["first_name"], "Ugo")
    QApplication.processEvents()
    where = phone.mapTo(form, QPoint(0, 0))
    qtbot.keyClicks(form.edits["birth_date"], "31/02/1980")
    assert form.errors["birth_date"].text().startswith("Data impossibile")
    qtbot.keyClicks(form.edits["codice_fiscale"], "XYZ")  # an error under the code too
    assert form.errors["codice_fiscale"].isVisible()
    QApplication.processEvents()
    assert phone.mapTo(form, QPoint(0, 0)) == where  # nothing moved
    form.edits["birth_date"].clear()
    qtbot.keyClicks(form.edits["birth_date"], "1/1/80")
    assert not form.errors["birth_date"].isVisible()
    form.edits["codice_fiscale"].clear()
    qtbot.keyClicks(form.edits["codice_fiscale"], " ")
    form.edits["codice_fiscale"].clear()
    saved = []
    form.saved.connect(saved.append)
    form.save()
    assert saved and People(demo.store).get(saved[0])["birth_date"] == "1980-01-01"


def test_the_cards_left_column_cuts_nothing_at_its_narrowest(qtbot, demo) -> None:
    """The column has no horizontal scroll bar: every button (rights, household, ESF) and
    every value must lie inside it, even when the splitter is at its minimum. Side by side,
    the rights buttons cut "Cancella dati…" and pushed the household's ✕ out of sight."""
    from datetime import timedelta

    from login_helpers import PASSWORD, USER
    from PySide6.QtWidgets import QAbstractButton, QWidget

    from casa_desk.app import build_window
    from casa_desk.models.timeutil import today_rome
    from casa_desk.store.participants import Participants
    from casa_desk.ui.card_side import MIN_WIDTH
    from casa_desk.ui.tasks import SyncRunner

    # an administrator: every rights button is there (an operatore has only the first)
    window = build_window(demo.session.desk.login(USER, PASSWORD), runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()

    ludmilla = demo.ids["Zampicchi Ludmilla"]  # not riservato: no reason asked first
    entered = (today_rome() - timedelta(days=90)).isoformat()
    Participants(demo.store).enrol(
        ludmilla,
        {"entered_on": entered, "employment_status": "inactive", "education_isced": "0-2"},
        presidio="SAN-SIRO",
    )
    window.open_person(ludmilla)
    card = window.card
    qtbot.waitUntil(lambda: card.person_id == ludmilla)
    card.splitter.setSizes([MIN_WIDTH, 2000])
    side = card.side
    qtbot.waitUntil(lambda: side.width() <= MIN_WIDTH + 1)
    QApplication.processEvents()
    assert side.esf_box.isVisible()
    viewport = side.viewport()
    shown = [
        w
        for w in side.widget().findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible() and w.width() > 0
    ]
    assert side.rights_box.erase.isVisible()
    cut = [
        w.text() for w in shown if w.mapTo(viewport, QPoint(w.width(), 0)).x() > viewport.width()
    ]
    assert not cut


def test_a_long_household_member_never_cuts_the_card(qtbot, window, demo) -> None:
    """One member's name and role ("… – Occupante senza titolo") once made the left column
    wider than its viewport (no horizontal scroll bar): every value of the card was cut at
    the right edge and the member's ✕ was out of sight, at 1366×768 as at 1024×768. The
    member's line is elided to the room there is, whole in its tooltip, and still opens the
    member's card."""
    from casa_desk.ui.card_side import MIN_WIDTH

    ludmilla = demo.ids["Zampicchi Ludmilla"]
    long_one = People(demo.store).register(
        {
            "last_name": "Brambillasca Frontespizi",
            "first_name": "Massimiliano Giangiacomo",
            "unit_code": "SS-0310-B",  # Ludmilla's flat: the same household
            "tenancy_role": "occupante_senza_titolo",
        },
        presidio="SAN-SIRO",
    )
    window.open_person(ludmilla)
    card, side = window.card, window.card.side
    qtbot.waitUntil(lambda: card.person_id == ludmilla)
    card.splitter.setSizes([MIN_WIDTH, 2000])
    qtbot.waitUntil(lambda: side.width() <= MIN_WIDTH + 1)
    QApplication.processEvents()
    viewport = side.viewport()
    assert side.widget().width() <= viewport.width()
    [member] = [
        b
        for b in side.household_box.findChildren(QPushButton)
        if b.isVisible() and b.text().startswith("Brambillasca")
    ]
    [unlink] = [b for b in side.household_box.findChildren(QToolButton) if b.isVisible()]
    for widget in (member, unlink, *side.address_box.findChildren(QLabel)):
        right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        assert right <= viewport.width(), widget.text()
    whole = "Brambillasca Frontespizi Massimiliano Giangiacomo – Occupante senza titolo"
    assert member.text() == whole
    assert member.shown_text().endswith("…") and member.toolTip() == whole
    side.ensureWidgetVisible(member)
    qtbot.mouseClick(member, Qt.MouseButton.LeftButton)
    assert card.person_id == long_one["id"]


def _edit_from_the_card(qtbot, window, person_id: str) -> PersonForm:
    window.open_person(person_id)
    qtbot.mouseClick(window.card.edit_button, Qt.MouseButton.LeftButton)
    form = QApplication.activeModalWidget()
    assert isinstance(form, PersonForm)
    return form


def _type_languages(qtbot, form: PersonForm, text: str) -> None:
    form.edits["languages"].selectAll()
    qtbot.keyClicks(form.edits["languages"], text)
    form.save()
    assert not form.isVisible()


def test_the_edit_form_names_the_languages_in_words_and_stores_codes(qtbot, window, demo):
    person_id = demo.ids["Zampicchi Ludmilla"]
    People(demo.store).update(person_id, {"languages": "es,it,ja"})
    form = _edit_from_the_card(qtbot, window, person_id)
    # as the card says them ("ja", not among the desks' languages, by Qt's name)
    assert form.edits["languages"].text() == "spagnolo, italiano, Japanese"
    form.edits["flat"].setText("7")
    form.save()  # the languages untouched: stored as they were
    assert People(demo.store).get(person_id)["languages"] == "es,it,ja"
    form = _edit_from_the_card(qtbot, window, person_id)
    _type_languages(qtbot, form, "Arabo, francese, it, Japanese, klingon")
    assert People(demo.store).get(person_id)["languages"] == "ar,fr,it,ja,klingon"
    labels = " ".join(label.text() for label in window.card.findChildren(QLabel))
    assert "arabo, francese, italiano, Japanese, klingon" in labels


def test_the_edit_form_names_the_languages_in_english(qtbot, demo):
    from casa_desk.app import build_window, install_translator
    from casa_desk.ui.tasks import SyncRunner

    app = QApplication.instance()
    installed = install_translator(app, "en")
    try:
        window = build_window(demo.session, runner=SyncRunner())
        qtbot.addWidget(window)
        window.show()
        person_id = demo.ids["Zampicchi Ludmilla"]
        People(demo.store).update(person_id, {"languages": "es,it"})
        form = _edit_from_the_card(qtbot, window, person_id)
        assert form.edits["languages"].text() == "Spanish, Italian"
        assert form.edits["languages"].placeholderText() == "e.g. Italian, Arabic"
        _type_languages(qtbot, form, "Arabic, italian")
        assert People(demo.store).get(person_id)["languages"] == "ar,it"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_a_birth_date_after_the_esf_entry_is_refused_on_the_form(qtbot, context, demo):
    """The card's form wrote a birth date after the person's ESF entry: the entry became
    one before the birth. Said under the field, in the window's words; nothing saved."""
    from languages import window_language

    from casa_desk.errors import ValidationError
    from casa_desk.store.participants import Participants
    from casa_desk.ui.error_texts import worded_error

    ludmilla = demo.ids["Zampicchi Ludmilla"]
    with demo.store.transaction() as journal:
        journal.update("people", ludmilla, {"birth_date": "1990-01-01"})
    Participants(demo.store).enrol(
        ludmilla,
        {"entered_on": "2020-05-19", "employment_status": "inactive", "education_isced": "0-2"},
        presidio="SAN-SIRO",
    )
    form = _form(qtbot, context, person_id=ludmilla)
    form.edits["codice_fiscale"].clear()  # it encodes the birth date
    form.edits["birth_date"].setText("20/05/2020")
    form.save()
    said = (
        "La data di nascita segue l'ingresso della persona nel programma FSE: "
        "controllare le due date."
    )
    qtbot.waitUntil(lambda: form.summary.text() == said)
    assert form.errors["birth_date"].text() == said
    assert form.isVisible()
    assert People(demo.store).get(ludmilla)["birth_date"] == "1990-01-01"
    with window_language("en"):
        said = worded_error(ValidationError("…", field="birth_date", code="birth_after_entry"))
    assert said == (
        "The date of birth is after the person's entry into the ESF programme: check both dates."
    )
