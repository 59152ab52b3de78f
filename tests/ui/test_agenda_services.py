"""The agenda (follow-ups and late referrals) and the service directory page."""

from __future__ import annotations

from datetime import timedelta

from dialogs import when_modal
from fixtures_b import (
    SOCIAL,
    give_consent,
    seeded_fixture,  # noqa: F401 - registers the fixture "seeded"
    shot,
    show,
)
from PySide6.QtCore import Qt

from casa_desk.models.timeutil import today_rome
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.ui.agenda_page import AgendaPage
from casa_desk.ui.services_page import ServicesPage


def _summaries(page: AgendaPage) -> dict[str, str]:
    return {r["summary"]: r["bucket"] for r in page.follow_ups.rows()}


def test_agenda_lists_overdue_today_and_week(qtbot, seeded) -> None:
    page = show(qtbot, AgendaPage(seeded.context))
    page.resize(900, 560)
    assert _summaries(page) == {
        "Richiamo overdue": "overdue",
        "Richiamo today": "today",
        "Richiamo week": "week",
    }  # not "later", not the done one
    overdue_row = page.follow_ups.find("id", seeded.follow_ups["overdue"])
    assert page.follow_ups.index(overdue_row, 0).data() == "In ritardo"
    assert page.follow_ups.index(overdue_row, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert [r["bucket"] for r in page.follow_ups.rows()] == ["overdue", "today", "week"]  # by date
    assert page.summary.text() == "1 oggi, 1 in ritardo, 1 nei prossimi 7 giorni"
    assert [r["id"] for r in page.late.rows()] == [seeded.referrals["overdue"]]
    shot(page, "agenda_page")


def test_mark_done_asks_the_outcome_and_can_be_undone(qtbot, seeded) -> None:
    page = show(qtbot, AgendaPage(seeded.context))
    assert not page.done_button.isEnabled()
    assert page.select_follow_up(seeded.follow_ups["today"])
    assert page.done_button.isEnabled()
    asked = when_modal(
        lambda dialog: (
            dialog.outcome_box.setCurrentIndex(dialog.outcome_box.findData("in_carico")),
            qtbot.keyClick(dialog.outcome_box, Qt.Key.Key_Return),
        ),
        name="doneDialog",
    )
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())
    assert "Richiamo today" not in _summaries(page)
    assert len(page.follow_ups.rows()) == 2
    [current] = Contacts(seeded.store).history([seeded.people["Brambillone"]])
    assert current["follow_up_done_at"] and current["amends_id"] == seeded.follow_ups["today"]
    assert current["outcome"] == "in_carico"
    assert page.undo_bar.isVisible()
    qtbot.mouseClick(page.undo_bar.undo, Qt.MouseButton.LeftButton)
    assert "Richiamo today" in _summaries(page)
    [current] = Contacts(seeded.store).history([seeded.people["Brambillone"]])
    assert current["follow_up_done_at"] is None and current["outcome"] is None
    assert not page.undo_bar.isVisible()


def test_my_follow_ups_and_the_phone_to_call(qtbot, seeded) -> None:
    People(seeded.store).update(seeded.people["Zanfrutti"], {"phone": "3351234567"})
    Contacts(seeded.store).log(
        {
            "person_id": seeded.people["Zanfrutti"],
            "category": "altro",
            "summary": "Richiamo di un collega",
            "follow_up_on": today_rome(),
        },
        presidio="SAN-SIRO",
        operator="altro.operatore",
    )
    page = show(qtbot, AgendaPage(seeded.context))
    assert "Richiamo di un collega" in _summaries(page)
    row = page.follow_ups.find("id", seeded.follow_ups["overdue"])
    assert page.follow_ups.index(row, 3).data() == "335 123 4567"
    qtbot.mouseClick(page.mine, Qt.MouseButton.LeftButton)
    assert "Richiamo di un collega" not in _summaries(page)
    assert "Richiamo today" in _summaries(page)
    assert page.summary.text() == "1 oggi, 1 in ritardo, 1 nei prossimi 7 giorni"


def test_a_referral_taken_in_charge_is_not_late(qtbot, seeded) -> None:
    give_consent(seeded, "Brambillone", SOCIAL)
    referrals = Referrals(seeded.store)
    referrals.step(seeded.referrals["overdue"], "sent", by="x")
    page = show(qtbot, AgendaPage(seeded.context))
    assert [r["id"] for r in page.late.rows()] == [seeded.referrals["overdue"]]
    referrals.step(seeded.referrals["overdue"], "taken_in_charge", by="x")
    seeded.context.bus.changed.emit("referral_events")
    assert page.late.rows() == []


def test_agenda_refreshes_on_change_and_opens_person(qtbot, seeded) -> None:
    page = show(qtbot, AgendaPage(seeded.context))
    Contacts(seeded.store).mark_follow_up_done(seeded.follow_ups["week"], operator="x")
    seeded.context.bus.changed.emit("contacts")
    assert "Richiamo week" not in _summaries(page)
    row = page.follow_ups.find("id", seeded.follow_ups["overdue"])
    rect = page.follow_up_view.visualRect(page.follow_ups.index(row, 2))
    viewport = page.follow_up_view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.open_person) as opened:
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [seeded.people["Zanfrutti"]]


def test_agenda_models(qtbot, seeded, qtmodeltester) -> None:
    page = show(qtbot, AgendaPage(seeded.context))
    qtmodeltester.check(page.follow_ups)
    qtmodeltester.check(page.late)


def test_services_search_filters(qtbot, seeded) -> None:
    page = show(qtbot, ServicesPage(seeded.context))
    assert page.model.rowCount() == 4
    qtbot.keyClicks(page.search, "antiviolenza")
    assert [r["code"] for r in page.model.rows()] == ["1522"]
    page.search.clear()
    qtbot.keyClicks(page.search, "comune di")
    assert [r["id"] for r in page.model.rows()] == [SOCIAL]


def test_services_edit_saves(qtbot, seeded) -> None:
    changed = []
    seeded.context.bus.changed.connect(changed.append)
    page = show(qtbot, ServicesPage(seeded.context))
    page.resize(1000, 520)
    assert page.select(SOCIAL)
    assert page.fields["phone"].text() == "020202"
    page.fields["hours"].setText("Lun-ven 9-17")
    page.kind.setCurrentIndex(page.kind.findData("servizi_sociali"))
    assert page.save() == SOCIAL
    assert Directory(seeded.store).service(SOCIAL)["hours"] == "Lun-ven 9-17"
    assert changed == ["services"]
    assert page.fields["hours"].text() == "Lun-ven 9-17"  # still selected after refresh
    shot(page, "services_page")


def test_services_add_and_validation(qtbot, seeded) -> None:
    page = show(qtbot, ServicesPage(seeded.context))
    page.new()
    assert page.save() is None  # no name
    assert page.errors["name"].isVisible()
    assert page.model.rowCount() == 4
    shot(page, "services_page_error")
    page.fields["name"].setText("Sportello lavoro di quartiere")
    page.kind.setCurrentIndex(page.kind.findData("lavoro"))
    new_id = page.save()
    assert new_id
    assert Directory(seeded.store).service(new_id)["kind"] == "lavoro"
    assert page.model.find("id", new_id) >= 0
    assert not page.errors["name"].isVisible()


def test_services_active_toggle(qtbot, seeded, qtmodeltester) -> None:
    page = show(qtbot, ServicesPage(seeded.context))
    page.select(SOCIAL)
    assert page.active_button.text() == "Disattiva"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert not Directory(seeded.store).service(SOCIAL)["active"]
    assert page.show_inactive.isChecked()
    row = page.model.find("id", SOCIAL)
    assert page.model.index(row, 4).data() == "No"
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.active_button.text() == "Riattiva"
    qtmodeltester.check(page.model)
    page.show_inactive.setChecked(False)
    assert page.model.find("id", SOCIAL) == -1
    page.show_inactive.setChecked(True)
    page.select(SOCIAL)
    page.toggle_active()
    assert Directory(seeded.store).service(SOCIAL)["active"] == 1


def test_agenda_masks_sensitive_follow_ups(qtbot, seeded) -> None:
    secret = Contacts(seeded.store).log(
        {
            "person_id": seeded.people["Quercetti"],
            "category": "salute",
            "summary": "Visita da prenotare",
            "follow_up_on": today_rome(),
        },
        presidio="SAN-SIRO",
        operator="x",
    )["id"]
    page = show(qtbot, AgendaPage(seeded.context))
    row = page.follow_ups.find("id", secret)
    texts = [page.follow_ups.index(row, c).data() for c in range(6)]
    assert texts[2] == "Quercetti Mirella"  # this operator may see sensitive data
    assert texts[4] == texts[5] == "Riservato"
    seeded.context.may_see_sensitive = False  # a user without permission
    page.refresh()
    assert page.follow_ups.find("id", secret) == -1  # left out entirely, in SQL
    shown = [
        page.follow_ups.index(r, c).data()
        for r in range(page.follow_ups.rowCount())
        for c in range(6)
    ]
    assert "Quercetti Mirella" not in shown  # riservato now: masked wherever listed


def test_hidden_page_refreshes_when_shown(qtbot, seeded) -> None:
    page = show(qtbot, AgendaPage(seeded.context))
    page.hide()
    Contacts(seeded.store).mark_follow_up_done(seeded.follow_ups["week"], operator="x")
    seeded.context.bus.changed.emit("contacts")
    assert page.watcher.stale
    assert "Richiamo week" in _summaries(page)  # not re-read while hidden
    page.show()
    assert not page.watcher.stale
    assert "Richiamo week" not in _summaries(page)


def test_agenda_pages_across_buckets_and_filters(qtbot, seeded, qtmodeltester) -> None:
    contacts = Contacts(seeded.store)
    for days in (-1, -2, -5):  # more overdue ones
        contacts.log(
            {
                "person_id": seeded.people["Zanfrutti"],
                "category": "altro",
                "summary": f"In ritardo di {-days}",
                "follow_up_on": today_rome() + timedelta(days=days),
            },
            presidio="SAN-SIRO",
            operator="x",
        )
    page = show(qtbot, AgendaPage(seeded.context))
    page.follow_ups._page_size = 2
    page.follow_ups.reload()
    assert page.follow_ups.rowCount() == 2 and page.follow_ups.canFetchMore()
    qtmodeltester.check(page.follow_ups)
    page.follow_ups.reload()
    while page.follow_ups.canFetchMore():
        page.follow_ups.fetchMore()
    rows = page.follow_ups.rows()
    assert [r["bucket"] for r in rows] == [
        "overdue",
        "overdue",
        "overdue",
        "overdue",
        "today",
        "week",
    ]
    days = [r["follow_up_on"] for r in rows]
    assert days == sorted(days)  # by date, the oldest first
    page.bucket.setCurrentIndex(page.bucket.findData("week"))
    assert [r["summary"] for r in page.follow_ups.rows()] == ["Richiamo week"]
    assert page.counts() == {"today": 1, "overdue": 4, "week": 1}


def test_after_fatto_the_next_call_is_selected_in_the_window(qtbot, window, demo) -> None:
    """Marking a follow-up done took the selection with it: the button went grey and a
    morning of overdue calls had to be found again with the mouse, one by one. The call
    that takes its place is selected and the list keeps the keyboard."""
    from casa_desk.models.timeutil import format_date

    Contacts(demo.store).log(
        {
            "person_id": demo.ids["Velluttini Corrado"],
            "category": "manutenzione",
            "summary": "Richiamare per il citofono",
            "follow_up_on": (today_rome() + timedelta(days=1)).isoformat(),
        },
        presidio="SAN-SIRO",
        operator="op.desk",
    )
    window.tabs.setCurrentWidget(window.pages["agenda"])
    page = window.page("agenda")
    view = page.follow_up_view
    first = view.visualRect(page.follow_ups.index(0, 5)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert page.follow_ups.index(0, 5).data() == "Richiamare per il citofono"
    before = page.follow_ups.rowCount()
    next_one = [page.follow_ups.index(1, c).data() for c in range(6)]
    for _ in range(2):  # the second time from the selection the first one left
        asked = when_modal(
            lambda dialog: qtbot.keyClick(dialog.outcome_box, Qt.Key.Key_Return),
            name="doneDialog",
        )
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda asked=asked: bool(asked) and not asked[0].isVisible())
        [selected] = view.selectionModel().selectedRows()
        assert selected.row() == 0 and page.done_button.isEnabled()
        assert window.focusWidget() is view
        if next_one is not None:
            shown = [page.follow_ups.index(0, c).data() for c in range(6)]
            assert shown == next_one and format_date(today_rome() + timedelta(days=2)) in shown
            next_one = None
    assert page.follow_ups.rowCount() == before - 2
