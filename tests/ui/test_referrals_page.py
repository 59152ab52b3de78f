"""Referrals: creating one (with and without consent) and taking it through its states from
the page's buttons, where only the legal steps are offered."""

from __future__ import annotations

from fixtures_b import (
    ASST,
    SOCIAL,
    give_consent,
    seeded_fixture,  # noqa: F401 - registers the fixture "seeded"
    shot,
    show,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from casa_desk.models.referrals import EventKind
from casa_desk.store.referrals import Referrals
from casa_desk.ui.referral_dialog import ReferralDialog
from casa_desk.ui.referrals_page import ReferralsPage

ALL_STEPS = set(EventKind) - {EventKind.CREATED, EventKind.HELD, EventKind.RESUMED}


def _offered(page: ReferralsPage) -> set[EventKind]:
    return {k for k, b in page.buttons.items() if b.isVisible() and b.isEnabled()}


def _step(qtbot, page: ReferralsPage, kind: EventKind, note: str) -> None:
    qtbot.mouseClick(page.buttons[kind], Qt.MouseButton.LeftButton)
    dialog = page.note_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note, note)
    with qtbot.waitSignal(dialog.finished):
        dialog.accept()


def _status(seeded, referral_id: str) -> str | None:
    status = Referrals(seeded.store).status(referral_id)
    return status.value if status else None


def test_referral_through_its_states(qtbot, seeded) -> None:
    referral = seeded.referrals["draft"]
    give_consent(seeded, "Zanfrutti", SOCIAL)
    page = show(qtbot, ReferralsPage(seeded.context))
    page.resize(900, 600)
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(referral)
    expected = [
        ("bozza", {EventKind.SENT, EventKind.REFUSED, EventKind.CANCELLED}),
        ("inviata", {EventKind.TAKEN_IN_CHARGE, EventKind.REFUSED, EventKind.CANCELLED}),
        ("presa_in_carico", {EventKind.CLOSED, EventKind.REFUSED, EventKind.CANCELLED}),
        ("conclusa", {EventKind.REOPENED}),
        ("inviata", {EventKind.TAKEN_IN_CHARGE, EventKind.REFUSED, EventKind.CANCELLED}),
        ("annullata", {EventKind.REOPENED}),
    ]
    path = [
        EventKind.SENT,
        EventKind.TAKEN_IN_CHARGE,
        EventKind.CLOSED,
        EventKind.REOPENED,
        EventKind.CANCELLED,
        None,
    ]
    for (status, offered), step in zip(expected, path, strict=True):
        assert _status(seeded, referral) == status
        assert _offered(page) == offered
        for illegal in ALL_STEPS - offered:
            assert not page.buttons[illegal].isVisible()
        if step is not None:
            _step(qtbot, page, step, f"nota {step.value}")
    shot(page, "referrals_page")
    events = Referrals(seeded.store).events(referral)
    assert [e["event"] for e in events] == [
        "created",
        "sent",
        "taken_in_charge",
        "closed",
        "reopened",
        "cancelled",
    ]
    assert events[2]["note"] == "nota taken_in_charge"
    assert page.history.rowCount() == 6
    assert page.history.index(1, 1).data() == "Inviata"


def test_refused_step_is_a_clear_message(qtbot, seeded) -> None:
    page = show(qtbot, ReferralsPage(seeded.context))
    page.select(seeded.referrals["draft"])
    assert not page.take_step(EventKind.CLOSED)  # illegal from bozza
    assert page.error.isVisible() and "presa in carico" in page.error.text()
    assert _status(seeded, seeded.referrals["draft"]) == "bozza"


def test_send_without_consent_then_record_it(qtbot, seeded) -> None:
    referral = seeded.referrals["draft"]
    page = show(qtbot, ReferralsPage(seeded.context))
    page.select(referral)
    events_before = len(Referrals(seeded.store).events(referral))
    _step(qtbot, page, EventKind.SENT, "inviata per email")
    assert page.banner.isVisible()
    assert "consenso" in page.banner.message.text()
    assert _status(seeded, referral) == "bozza"
    assert len(Referrals(seeded.store).events(referral)) == events_before
    shot(page, "referrals_page_consent")
    qtbot.mouseClick(page.banner.record, Qt.MouseButton.LeftButton)
    consent = page.consent_dialog
    assert consent is not None and consent.isVisible()
    with qtbot.waitSignal(consent.recorded):
        consent.save()
    assert _status(seeded, referral) == "inviata"
    assert not page.banner.isVisible()
    assert Referrals(seeded.store).events(referral)[-1]["note"] == "inviata per email"


def test_overdue_and_sensitive_rows(qtbot, seeded) -> None:
    seeded.context.may_see_sensitive = False
    page = show(qtbot, ReferralsPage(seeded.context))
    model = page.model
    overdue = model.find("id", seeded.referrals["overdue"])
    due = model.index(overdue, 4)
    assert due.data(Qt.ItemDataRole.ToolTipRole) == "In ritardo"
    assert due.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert due.data(Qt.ItemDataRole.FontRole).bold()
    fine = model.find("id", seeded.referrals["draft"])
    assert model.index(fine, 4).data(Qt.ItemDataRole.ToolTipRole) is None
    # without permission a sensitive referral is not listed at all
    assert model.find("id", seeded.referrals["sensitive"]) == -1
    assert "Zanfrutti" in model.index(fine, 1).data()
    assert not page.select(seeded.referrals["sensitive"])
    assert "Visita" not in page.details.text()
    assert "Quercetti" not in page.title.text()


def test_lists_never_name_a_sensitive_service(qtbot, seeded) -> None:
    """Even for an operator who may see sensitive data, a list glanced at by a companion
    shows no anti-violence or health service next to a name."""
    page = show(qtbot, ReferralsPage(seeded.context))
    model = page.model
    sensitive = model.find("id", seeded.referrals["sensitive"])
    assert model.index(sensitive, 2).data() == "Servizio riservato"
    assert model.index(model.find("id", seeded.referrals["draft"]), 2).data() != (
        "Servizio riservato"
    )


def _viewed(seeded) -> list[dict]:
    return seeded.store.query(
        "SELECT who, table_name, row_id FROM audit_log WHERE action = 'viewed'"
    )


def test_a_sensitive_referral_stays_masked_until_shown_and_the_reveal_is_audited(
    qtbot, seeded
) -> None:
    """Selected by a click or an arrow key, a sensitive referral shows nothing of its
    service, reason, request or notes; "Mostra" records the view, then shows them."""
    sensitive = seeded.referrals["sensitive"]
    Referrals(seeded.store).step(sensitive, "cancelled", by="op.prova", note="Nota clinica")
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    row = page.model.find("id", sensitive)
    viewport = page.table.viewport()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        pos=page.table.visualRect(page.model.index(0, 1)).center(),
    )
    for _ in range(row):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == row

    def screen() -> str:
        cells = [page.history.index(r, 3).data() for r in range(page.history.rowCount())]
        return " ".join([page.title.text(), page.details.text(), *cells])

    assert "Quercetti" in page.title.text()  # the person, as on the agenda
    for secret in ("ASST", "Visita specialistica", "Nota clinica"):
        assert secret not in screen()
    assert "Servizio riservato" in page.title.text()
    assert _viewed(seeded) == []
    assert page.reveal_button.isVisible() and not page.letter_button.isEnabled()
    qtbot.mouseClick(page.reveal_button, Qt.MouseButton.LeftButton)
    assert _viewed(seeded) == [{"who": "op.prova", "table_name": "referrals", "row_id": sensitive}]
    for secret in ("ASST", "Visita specialistica", "Nota clinica"):
        assert secret in screen()
    assert "ASST" in page.model.index(row, 2).data()
    assert not page.reveal_button.isVisible()
    page.hide()  # leaving the page masks it again
    page.show()
    page.select(sensitive)
    assert "ASST" not in screen() and page.reveal_button.isVisible()


def test_without_the_right_nothing_can_be_revealed(qtbot, seeded) -> None:
    seeded.context.may_see_sensitive = False
    page = show(qtbot, ReferralsPage(seeded.context))
    assert not page.select(seeded.referrals["sensitive"])  # not even listed
    page.reveal_current()
    assert "Visita" not in page.details.text() and _viewed(seeded) == []


def test_filter_by_status(qtbot, seeded) -> None:
    give_consent(seeded, "Zanfrutti", SOCIAL)
    Referrals(seeded.store).step(seeded.referrals["draft"], "sent", by="x")
    page = show(qtbot, ReferralsPage(seeded.context))
    assert page.model.rowCount() == 3
    page.filter.setCurrentIndex(page.filter.findData("inviata"))
    assert [r["id"] for r in page.model.rows()] == [seeded.referrals["draft"]]
    page.filter.setCurrentIndex(page.filter.findData("conclusa"))
    assert page.model.rowCount() == 0


def test_models_pass_modeltester(qtbot, seeded, qtmodeltester) -> None:
    page = show(qtbot, ReferralsPage(seeded.context))
    qtmodeltester.check(page.history)  # empty: nothing selected
    page.select(seeded.referrals["overdue"])
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.history)
    page.filter.setCurrentIndex(page.filter.findData("conclusa"))
    qtmodeltester.check(page.model)  # empty list
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Zanfrutti"]))
    qtmodeltester.check(dialog.services)


def test_lazy_paging(qtbot, seeded, qtmodeltester) -> None:
    referrals = Referrals(seeded.store)
    for number in range(7):
        referrals.create(
            person_id=seeded.people["Zanfrutti"],
            service_id=SOCIAL,
            reason=f"Motivo {number}",
            presidio="SAN-SIRO",
            by="x",
        )
    page = show(qtbot, ReferralsPage(seeded.context))
    page.model._page_size = 4
    page.model.reload()
    assert page.model.rowCount() == 4 and page.model.canFetchMore()
    qtmodeltester.check(page.model)  # the tester may fetch more pages itself
    page.model.reload()
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == 10
    assert len({r["id"] for r in page.model.rows()}) == 10


def test_create_referral_draft(qtbot, seeded) -> None:
    changed = []
    seeded.context.bus.changed.connect(changed.append)
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Brambillone"]))
    qtbot.keyClicks(dialog.filter, "sociali")
    assert dialog.services.rowCount() == 1
    qtbot.keyClicks(dialog.reason, "Serve un sostegno")
    dialog.due.edit.setText("+14")
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("alta"))
    shot(dialog, "referral_dialog")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    row = Referrals(seeded.store).get(saved.args[0])
    assert row["service_id"] == SOCIAL and row["urgency"] == "alta"
    assert _status(seeded, row["id"]) == "bozza"
    assert changed == ["referrals"]


def test_create_and_send_needs_consent(qtbot, seeded) -> None:
    person = seeded.people["Quercetti"]
    before = len(Referrals(seeded.store).list())
    dialog = show(qtbot, ReferralDialog(seeded.context, person))
    dialog.select_service(ASST)
    dialog.reason.setText("Controllo")
    dialog.send_now.setChecked(True)
    dialog.save()
    assert dialog.banner.isVisible() and "consenso" in dialog.banner.message.text()
    assert len(Referrals(seeded.store).list()) == before
    shot(dialog, "referral_dialog_consent")
    qtbot.mouseClick(dialog.banner.record, Qt.MouseButton.LeftButton)
    consent = dialog.consent_dialog
    assert consent is not None
    consent.expiry.edit.setText("31/02/2027")
    consent.save()
    assert consent.error.isVisible()
    consent.expiry.edit.setText("+365")
    with qtbot.waitSignal(dialog.saved) as saved:
        consent.save()
    assert _status(seeded, saved.args[0]) == "inviata"
    assert Referrals(seeded.store).get(saved.args[0])["consent_id"]


def test_reason_required_inline(qtbot, seeded) -> None:
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Brambillone"]))
    dialog.select_service(SOCIAL)
    dialog.save()
    assert dialog.errors["reason"].isVisible()
    assert dialog.isVisible()


def test_no_service_chosen_by_default(qtbot, seeded) -> None:
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Brambillone"]))
    dialog.reason.setText("Motivo")
    dialog.save()
    assert dialog.errors["service_id"].isVisible()
    assert len(Referrals(seeded.store).list()) == 3


def test_referral_by_keyboard(qtbot, seeded) -> None:
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Zanfrutti"]))
    assert QApplication.focusWidget() is dialog.filter
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)  # first service, with nothing typed
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.service_list.currentIndex().row() == 1
    qtbot.keyClicks(dialog.filter, "comune")
    assert dialog.service_id() == SOCIAL
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "Richiesta contributo affitto")
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Referrals(seeded.store).get(saved.args[0])["service_id"] == SOCIAL


def test_double_click_opens_the_person(qtbot, seeded) -> None:
    page = show(qtbot, ReferralsPage(seeded.context))
    page.resize(900, 500)
    row = page.model.find("id", seeded.referrals["draft"])
    rect = page.table.visualRect(page.model.index(row, 1))
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_person) as opened:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [seeded.people["Zanfrutti"]]


def test_f12_closes_completions_and_step_dialogs(qtbot, window) -> None:
    """Quick exit (UI-A's) also hides this module's popups and small dialogs."""
    dialog = window.new_contact(None)
    dialog.person.setFocus()
    qtbot.keyClicks(dialog.person, "Quarz")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(dialog.person, Qt.Key.Key_F12)
    assert not popup.isVisible() and not dialog.isVisible()
    window.resume(confirm=False)
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    page.select(page.model.row_at(0)["id"])
    page.ask_step(EventKind.CANCELLED)
    assert page.note_dialog.isVisible()
    qtbot.keyClick(page.note_dialog.note, Qt.Key.Key_F12)
    assert not page.note_dialog.isVisible()
    assert window.screens.currentWidget() is window.neutral


def test_referral_letter_from_the_page(qtbot, seeded, tmp_path) -> None:
    """The letter names the person for the outside service, and printing it is audited."""
    from pypdf import PdfReader

    referral = seeded.referrals["draft"]
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(referral)
    assert page.letter_button.isEnabled()
    out = tmp_path / "lettera.pdf"
    page.print_letter_to(out)  # no consent yet: refused with a reason, nothing written
    assert page.error.isVisible() and "consenso" in page.error.text().lower()
    assert not out.exists()
    give_consent(seeded, "Zanfrutti", SOCIAL)
    with qtbot.waitSignal(page.letter_written):
        page.print_letter_to(out)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Zanfrutti" in text
    audit = seeded.store.query(
        "SELECT action, row_id FROM audit_log WHERE table_name = 'referrals'"
    )
    assert audit == [{"action": "printed", "row_id": referral}]


def test_search_and_sort_by_date(qtbot, seeded) -> None:
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    qtbot.keyClicks(page.search, "brambill")
    assert [r["id"] for r in page.model.rows()] == [seeded.referrals["overdue"]]
    page.search.clear()
    qtbot.keyClicks(page.search, "servizi sociali")
    assert {r["id"] for r in page.model.rows()} == {
        seeded.referrals["draft"],
        seeded.referrals["overdue"],
    }
    page.search.clear()
    qtbot.keyClicks(page.search, "ASST")  # a sensitive referral is not found by its service
    assert page.model.rows() == []
    page.search.clear()
    header = page.table.horizontalHeader()
    due = page.model.headerData(4, Qt.Orientation.Horizontal)
    assert due == "Scadenza"
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(4) + 5, 5),
    )
    days = [r["due_on"] for r in page.model.rows() if r["due_on"]]
    assert len(days) == 2
    first = days
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + QPoint(header.sectionViewportPosition(4) + 5, 5),
    )
    days = [r["due_on"] for r in page.model.rows() if r["due_on"]]
    assert days == list(reversed(first)) and days in (sorted(days), sorted(days, reverse=True))
    assert page.model.rows()[-1]["due_on"] is None  # no date: last either way


def test_a_due_date_before_2014_is_refused_inline(qtbot, seeded) -> None:
    """ "Entro il" 01/01/1900 was recorded: a referral overdue for ever."""
    before = len(Referrals(seeded.store).list())
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Brambillone"]))
    dialog.select_service(SOCIAL)
    dialog.reason.setText("Sostegno")
    dialog.due.edit.setText("01/01/1900")
    dialog.save()
    qtbot.waitUntil(dialog.errors["due_on"].isVisible)
    assert dialog.errors["due_on"].text() == (
        "La scadenza non può essere precedente al 1° gennaio 2014."
    )
    assert dialog.isVisible() and len(Referrals(seeded.store).list()) == before
