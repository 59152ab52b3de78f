"""Issue 11 in the window: safe-contact instructions on the card and next to follow-ups,
consents expiring in the agenda, a held referral with its reason, and a coordinator's
"Esporta dati" / "Cancella dati" on the card (driven with the mouse and the keyboard)."""

from __future__ import annotations

from pathlib import Path

from conftest import OPERATOR, coordinator_session, shown_window
from dialogs import when_modal
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals


def _shown(button: QPushButton) -> bool:
    return not button.isHidden()


def test_safe_contact_from_the_card_shows_there_and_in_the_agenda(qtbot, window, demo):
    arianna = demo.ids["Quarzolini Arianna"]
    window.open_person(arianna)
    box = window.card.side.rights_box
    edit = box.findChild(QPushButton, "safeEdit")
    assert _shown(edit)
    # An operator may neither export nor erase.
    assert not _shown(box.findChild(QPushButton, "exportData"))
    assert not _shown(box.findChild(QPushButton, "eraseData"))

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.phone, "333 444 5566")
        qtbot.keyClicks(dialog.hours, "mattina, 9-11")
        dialog.no_calls.setFocus()
        qtbot.keyClick(dialog.no_calls, Qt.Key.Key_Space)
        dialog.save()

    asked = when_modal(fill, name="safeContactDialog")
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.waitUntil(lambda: "NON CHIAMARE" in box.findChild(QLabel, "safeFlags").text())
    assert "333 444 5566" in box.findChild(QLabel, "safeDetails").text()
    agenda = window.page("agenda")
    agenda.refresh()
    model = agenda.follow_ups
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "Contatto sicuro"
    )
    texts = [model.index(r, column).data() for r in range(model.rowCount())]  # fmt: skip
    assert any("NON CHIAMARE" in (t or "") and "333 444 5566" in t for t in texts)
    # Arianna's referral consent expires in ten days: the agenda lists it.
    expiring = agenda.expiring
    assert expiring.rowCount() == 1
    assert expiring.index(0, 1).data() == "Quarzolini Arianna"


def test_a_withdrawn_consent_shows_the_referral_held_with_its_reason(qtbot, window, demo):
    arianna = demo.ids["Quarzolini Arianna"]
    referrals = Referrals(demo.store)
    [referral] = referrals.list(person_id=arianna)
    referrals.step(referral["id"], "sent", by=OPERATOR)
    [consent] = [
        c for c in Consents(demo.store).for_person(arianna) if c["purpose"] != "registry"
        and c["purpose"] == referral_purpose(referral["service_id"])
    ]  # fmt: skip
    Consents(demo.store).withdraw(consent["id"], by=OPERATOR)
    page = window.page("referrals")
    window.show_referral(referral["id"])
    qtbot.waitUntil(lambda: "sospesa" in page.title.text())
    assert "consenso revocato" in page.details.text()
    assert not page.letter_button.isEnabled()


def test_a_coordinator_exports_and_erases_from_the_card(qtbot, demo, tmp_path: Path):
    window = shown_window(qtbot, coordinator_session(demo))
    ottavio = demo.ids["Brennafiori Ottavio"]
    window.open_person(ottavio)
    box = window.card.side.rights_box
    export, erase = (
        box.findChild(QPushButton, "exportData"),
        box.findChild(QPushButton, "eraseData"),
    )
    assert _shown(export) and _shown(erase)
    out = tmp_path / "dati-ottavio.pdf"
    assert box.export_to(out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Brennafiori" in text and "Ottavio" in text

    def answer(dialog) -> None:
        assert not dialog.erase.isEnabled()  # no reason yet
        # A reason naming her would stay in the log she asked to leave: refused in the
        # dialog, which stays open with the message and the text to mend.
        qtbot.keyClicks(dialog.reason, "richiesta scritta di Ottavio Brennafiori")
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "non deve contenere" in dialog.message.text()
        assert People(demo.store).get(ottavio)["anonymised_on"] is None
        dialog.reason.clear()
        qtbot.keyClicks(dialog.reason, "richiesta scritta n. 7")
        assert dialog.erase.isEnabled()
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)

    when_modal(answer, name="eraseDialog")
    qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: People(demo.store).get(ottavio)["anonymised_on"] is not None)
    assert People(demo.store).get(ottavio)["last_name"] is None
    QApplication.processEvents()
    qtbot.waitUntil(lambda: "Dati anonimizzati" in box.findChild(QLabel, "safeFlags").text())
    assert not _shown(erase)


def test_the_window_applies_retention_once_a_day(qtbot, demo):
    from casa_desk.app import build_window
    from casa_desk.models.timeutil import today_rome
    from casa_desk.ui.tasks import SyncRunner

    with demo.store.transaction() as journal:  # last seen seven years ago
        old = journal.insert(
            "people",
            {"first_name": "Remoto", "last_name": "Passatissimo", "gender": "M",
             "created_at": "2019-01-10T09:00:00.000Z"},
            presidio="SAN-SIRO",
        )  # fmt: skip
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    assert demo.store.meta("retention_day") == today_rome().isoformat()
    row = People(demo.store).get(old["id"])
    assert row["last_name"] is None and row["anonymised_on"] == today_rome().isoformat()
    # Everyone else was seen recently: untouched; a second check the same day does nothing.
    assert People(demo.store).get(demo.ids["Quarzolini Arianna"])["last_name"] == "Quarzolini"
    assert not window.daily_retention.check()
    [audit] = demo.store.query("SELECT who, reason FROM audit_log WHERE action = 'retention'")
    assert audit["who"] == OPERATOR and "automatica" in audit["reason"]


def test_a_coordinator_without_permission_is_told_who_may_export_a_riservato_person(
    qtbot, demo, tmp_path: Path
):
    """The card's "Esporta dati" wrote the whole record — the domestic-violence note
    included — for a coordinator to whom the break-glass opens the card but never its
    sensitive entries. The window says who may make the copy, and writes nothing."""
    from PySide6.QtWidgets import QMessageBox

    coordinator = coordinator_session(
        demo, "coord.due", full_name="Coordinatore Prova", sees_sensitive=False
    )
    arianna = demo.ids["Quarzolini Arianna"]
    coordinator.break_glass(arianna, "richiesta scritta di accesso n. 3")
    window = shown_window(qtbot, coordinator)
    window.open_person(arianna)
    box = window.card.side.rights_box
    out = tmp_path / "dati-arianna.pdf"
    assert not box.export_to(out)
    assert not out.exists()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("permesso di vederli" in w.text() for w in shown if w.isVisible()), [
        w.text() for w in shown
    ]
    assert demo.store.query("SELECT 1 FROM audit_log WHERE action = 'exported'") == []


def test_an_office_is_not_offered_the_erasure_of_another_offices_person(qtbot, demo):
    """The hub refuses an office's anonymisation of a person another office registered
    (retention and erasure belong to that office and head office): the card of such a person
    offers the export, not the erasure."""
    coordinator = coordinator_session(demo, "coord.due", full_name="Coordinatore Prova")
    with demo.store.transaction() as journal:  # as a pull brings the shared registry
        theirs = journal.insert(
            "people", {"first_name": "Altrove", "last_name": "Registrata"}, presidio="MAZZINI"
        )
    window = shown_window(qtbot, coordinator)
    box = window.card.side.rights_box
    window.open_person(theirs["id"])
    qtbot.waitUntil(lambda: box.person_id == theirs["id"])
    assert _shown(box.findChild(QPushButton, "exportData"))
    assert not _shown(box.findChild(QPushButton, "eraseData"))
    window.open_person(demo.ids["Brennafiori Ottavio"])  # one of this office's: offered
    qtbot.waitUntil(lambda: _shown(box.findChild(QPushButton, "eraseData")))
