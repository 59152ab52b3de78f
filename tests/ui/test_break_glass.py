"""Riservato people in the window for a user without permission: masked lists, break-glass.

An operatore without the right to see sensitive content searches the demo store: the person
with a domestic-violence contact is listed as "Persona riservata" and nothing else; her card
opens only after a reason is typed (too short a reason is refused); the reason is in the
audit log under the logged-in user's name, and nothing sensitive shows even then.
"""

from __future__ import annotations

import time

from login_driver import when_modal
from login_helpers import PASSWORD, USER
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from casa_desk.models.ids import stable_id
from casa_desk.security.access import BREAK_GLASS_SECONDS
from casa_desk.security.accounts import add_user
from casa_desk.ui.break_glass import BreakGlassDialog
from casa_desk.ui.search_model import PeopleSearchModel
from casa_desk.ui.tasks import SyncRunner

NO_PERMISSION = "op.senza"


def masked_window(qtbot, demo):  # type: ignore[no-untyped-def]
    """The window of an operatore without permission to see sensitive content."""
    from casa_desk.app import build_window
    from casa_desk.security.access import Desk

    admin = demo.session.desk.login("prova.admin", PASSWORD, how="test")
    add_user(
        admin,
        NO_PERMISSION,
        full_name="Operatore Senza",
        role="operatore",
        password=PASSWORD,
    )
    assert isinstance(admin.desk, Desk)
    session = admin.desk.login(NO_PERMISSION, PASSWORD, how="test")
    window = build_window(session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, session


def _results(model: PeopleSearchModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() or "" for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _visible_text(window) -> str:  # type: ignore[no-untyped-def]
    parts = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    parts += [w.text() for w in window.findChildren(QPushButton) if w.isVisible()]
    return "\n".join(parts)


def test_a_riservato_person_is_masked_and_her_card_needs_a_reason(qtbot, demo) -> None:
    window, session = masked_window(qtbot, demo)
    arianna = demo.ids["Quarzolini Arianna"]
    qtbot.keyClicks(window.search.field, "quarzolini")
    rows = _results(window.search.model)
    assert ["Quarzolini", "Tobia"] == rows[[r[1] for r in rows].index("Tobia")][:2]
    masked = [r for r in rows if r[0] == "Persona riservata"]
    assert len(masked) == 1 and all(cell == "" for cell in masked[0][1:])
    flat = " ".join(" ".join(r) for r in rows)
    for secret in ("Arianna", demo.cf["Quarzolini Arianna"], "333 111 2201", "3331112201"):
        assert secret not in flat

    # cancelling the reason opens nothing and records nothing
    when_modal(BreakGlassDialog, lambda d: d.reject())
    window.open_person(arianna)
    assert window.card.person_id is None
    assert window.people_stack.currentWidget() is window.search

    typed: list[str] = []

    def give_reasons(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason, "breve")
        dialog.open_button.click()
        typed.append(dialog.message.text())  # too short: one line, still open
        typed.append(str(dialog.isVisible()))
        qtbot.keyClicks(dialog.reason, " - richiesta urgente del servizio sociale")
        dialog.open_button.click()

    when_modal(BreakGlassDialog, give_reasons)
    window.open_person(arianna)
    assert typed[1] == "True" and "10 caratteri" in typed[0]
    assert window.card.person_id == arianna
    assert window.card.title.text() == "Quarzolini Arianna"  # the card opens after the reason
    history = window.card.history_model
    summaries = [history.index(r, 3).data() for r in range(history.rowCount())]
    assert "Colloquio riservato" not in summaries  # sensitive entries stay hidden
    assert "Nota riservatissima" not in _visible_text(window)
    rows = demo.store.query(
        "SELECT who, action, row_id, reason FROM audit_log"
        " WHERE action IN ('break_glass', 'viewed') AND row_id = ? ORDER BY at, rowid",
        [arianna],
    )
    assert [(r["who"], r["action"]) for r in rows] == [
        (NO_PERMISSION, "break_glass"),
        (NO_PERMISSION, "viewed"),
    ]
    assert rows[0]["reason"] == "breve - richiesta urgente del servizio sociale"

    # the grant lasts: back to the search and again, no second question
    window.show_search()
    window.open_person(arianna)
    assert window.card.person_id == arianna
    assert session.grant_for(arianna) is not None


def test_a_reason_that_names_her_is_refused_and_kept_for_editing(qtbot, demo) -> None:
    """Before: "aperta scheda di Quarzolini …" opened the card and went to the audit log as
    typed — the CSV the DPO reads then named the person the list masks. Now the dialog says
    why in one line and stays open with the text to edit; nothing opens and nothing is
    recorded until the reason says why, not who."""
    window, _session = masked_window(qtbot, demo)
    arianna = demo.ids["Quarzolini Arianna"]
    seen: dict[str, object] = {}

    def name_her_then_say_why(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason, "aperta scheda di Quarzolini per lo sfratto")
        dialog.open_button.click()
        seen["message"] = dialog.message.text()
        seen["open"] = dialog.isVisible()
        seen["kept"] = dialog.reason.toPlainText()
        seen["card"] = window.card.person_id
        seen["audited"] = demo.store.query(
            "SELECT 1 FROM audit_log WHERE action IN ('break_glass', 'viewed') AND row_id = ?",
            [arianna],
        )
        dialog.reason.clear()
        qtbot.keyClicks(dialog.reason, "sfratto, la signora chiede aiuto allo sportello")
        dialog.open_button.click()

    when_modal(BreakGlassDialog, name_her_then_say_why)
    window.open_person(arianna)
    assert seen["message"] == (
        "Il motivo non deve contenere nome, codice fiscale, telefono, e-mail o codice alloggio "
        "della persona: descrivi il motivo, non chi è."
    )
    assert seen["open"] is True
    assert seen["kept"] == "aperta scheda di Quarzolini per lo sfratto"
    assert seen["card"] is None and seen["audited"] == []
    assert window.card.person_id == arianna  # the reason that says why opens the card
    [glass] = demo.store.query(
        "SELECT reason FROM audit_log WHERE action = 'break_glass' AND row_id = ?", [arianna]
    )
    assert glass["reason"] == "sfratto, la signora chiede aiuto allo sportello"


def test_lists_for_a_user_without_permission_never_name_a_riservato_person(qtbot, demo) -> None:
    window, _session = masked_window(qtbot, demo)
    tobia = demo.ids["Quarzolini Tobia"]
    # the household on the card of her partner shows her masked
    window.open_person(tobia)
    household = " ".join(
        b.text() for b in window.card.household_box.findChildren(QPushButton) if b.text()
    )
    assert "Persona riservata" in household and "Arianna" not in household
    # the agenda: her follow-ups are listed masked (the person), never named
    window.tabs.setCurrentWidget(window.pages["agenda"])
    page = window.page("agenda")
    cells = [
        page.follow_ups.index(r, c).data()
        for r in range(page.follow_ups.rowCount())
        for c in range(page.follow_ups.columnCount())
    ]
    assert "Quarzolini Arianna" not in cells and "Persona riservata" in cells
    assert not any("2201" in (cell or "") for cell in cells)  # nor her phone
    # Segnalazioni: her referral to social services is there, masked
    window.tabs.setCurrentWidget(window.pages["referrals"])
    referrals = window.page("referrals")
    names = [referrals.model.index(r, 1).data() for r in range(referrals.model.rowCount())]
    assert names and all("Arianna" not in (n or "") for n in names)
    # the contact form's person search
    window.show_search()
    dialog = window.new_contact(None)
    field = dialog.person
    qtbot.keyClicks(field, "quarz")
    found = dialog._completions.stringList()
    assert found and not any("Arianna" in f for f in found)
    dialog.reject()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)


def test_the_saved_line_names_no_riservato_person_for_a_masked_user(demo) -> None:
    from casa_desk.ui.confirmations import contact_saved_text

    contact = demo.store.query(
        "SELECT id FROM contacts WHERE person_id = ? AND sensitive = 0 LIMIT 1",
        [demo.ids["Quarzolini Arianna"]],
    )[0]["id"]
    assert "Quarzolini" in contact_saved_text(demo.store, contact)
    masked = contact_saved_text(demo.store, contact, masked=True)
    assert "Quarzolini" not in masked and "Persona riservata" in masked


def _card_opened_with_a_reason(qtbot, demo):  # type: ignore[no-untyped-def]
    """The masked window with Arianna's card opened through the break-glass dialog."""
    window, session = masked_window(qtbot, demo)
    arianna = demo.ids["Quarzolini Arianna"]

    def reason(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason, "verifica richiesta del servizio sociale")
        dialog.open_button.click()

    when_modal(BreakGlassDialog, reason)
    window.open_person(arianna)
    assert window.card.title.text() == "Quarzolini Arianna"
    return window, session, arianna


def _past_the_grant(session) -> None:  # type: ignore[no-untyped-def]
    """The session's clock one second after a grant given now has ended."""
    later = time.time() + BREAK_GLASS_SECONDS + 1
    session.now = lambda: later


def test_a_card_opened_with_a_reason_is_put_away_when_the_grant_ends(qtbot, demo) -> None:
    """The grant lasts 3 hours: a card still on screen then — or left behind another tab —
    goes back to the search at the status bar's next tick, and reopening asks again."""
    window, session, arianna = _card_opened_with_a_reason(qtbot, demo)

    window.status.timer.timeout.emit()  # a tick within the 3 hours changes nothing
    assert window.people_stack.currentWidget() is window.card
    assert "Quarzolini Arianna" in _visible_text(window)

    _past_the_grant(session)
    window.status.timer.timeout.emit()
    assert window.people_stack.currentWidget() is window.search
    assert window.card.person_id is None
    assert "Quarzolini Arianna" not in _visible_text(window)
    assert "scaduto" in window.status.currentMessage()

    asked: list[bool] = []
    when_modal(BreakGlassDialog, lambda d: (asked.append(True), d.reject()))
    window.open_person(arianna)
    assert asked == [True] and window.card.person_id is None


def test_an_expired_card_behind_another_tab_is_put_away_too(qtbot, demo) -> None:
    window, session, _arianna = _card_opened_with_a_reason(qtbot, demo)
    window.tabs.setCurrentIndex(1)  # the agenda, say: the card waits behind the first tab
    _past_the_grant(session)
    window.status.timer.timeout.emit()
    assert window.tabs.currentIndex() == 1  # the user's page stays where it is
    window.tabs.setCurrentIndex(0)
    assert window.people_stack.currentWidget() is window.search
    assert "Quarzolini Arianna" not in _visible_text(window)


def test_a_riservato_persons_letter_needs_the_reason_too(qtbot, demo, tmp_path) -> None:
    """The list says "Persona riservata" to a user without permission; the letter of her
    (non-sensitive) referral names her, so it asks the card's reason first."""
    from pypdf import PdfReader

    from casa_desk.store.consents import Consents, referral_purpose
    from casa_desk.store.directory import Directory
    from casa_desk.store.referrals import Referrals

    arianna = demo.ids["Quarzolini Arianna"]
    store = demo.store
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        arianna, referral_purpose(service["id"]), text="Acconsento",
        presidio="SAN-SIRO", operator="op",
    )  # fmt: skip
    referral = Referrals(store).create(
        person_id=arianna, service_id=service["id"], reason="Cerca lavoro",
        request="Colloquio", presidio="SAN-SIRO", by="op",
    )["id"]  # fmt: skip
    window, session = masked_window(qtbot, demo)
    page = window.pages["referrals"].ensure()
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(referral) and "Arianna" not in page.title.text()
    out = tmp_path / "lettera.pdf"
    when_modal(BreakGlassDialog, lambda d: d.reject())
    page.print_letter_to(out)
    assert not out.exists()
    assert not store.query("SELECT 1 FROM audit_log WHERE action IN ('printed', 'break_glass')")

    def give_reason(dialog: BreakGlassDialog) -> None:
        dialog.reason.setPlainText("richiesta del servizio per iscritto")
        dialog.accept()

    when_modal(BreakGlassDialog, give_reason)
    with qtbot.waitSignal(page.letter_written):
        page.print_letter_to(out)
    assert "Arianna" in " ".join(p.extract_text() for p in PdfReader(out).pages)
    [glass] = store.query("SELECT who, row_id FROM audit_log WHERE action = 'break_glass'")
    assert glass == {"who": NO_PERMISSION, "row_id": arianna}


def test_a_card_merged_into_a_riservato_person_asks_the_reason_too(qtbot, demo) -> None:
    """Before: a masked user who had opened a record today (F2, Alt+←) reached it again after
    a colleague merged it into a riservato person's card; the card shows the survivor, and
    it opened in full — name, codice fiscale, phone, history — with no reason asked and the
    view audited under the merged record's id."""
    from casa_desk.store.people import People

    window, session = masked_window(qtbot, demo)
    ottavio, duplicate = demo.ids["Brennafiori Ottavio"], demo.duplicate
    window.open_person(duplicate)  # the second registration: not riservato, opens as usual
    assert window.card.person_id == duplicate
    window.show_search()
    # meanwhile a coordinator flags Ottavio by hand and merges the second record into his
    admin = demo.session.desk.login("prova.admin", PASSWORD, how="test")
    admin.set_restricted(ottavio, True)
    People(demo.store).merge(duplicate, ottavio, presidio="SAN-SIRO", operator="prova.admin")

    asked: list[bool] = []
    when_modal(BreakGlassDialog, lambda d: (asked.append(True), d.reject()))
    menu = window.show_recent()  # F2: today's cards, the merged record among them
    assert not any("Brennafiori" in a.text() for a in menu.actions())  # her card's name
    [entry] = [a for a in menu.actions() if "Persona riservata" in a.text()]
    entry.trigger()
    assert asked == [True]
    assert window.card.person_id is None
    assert "0240001111" not in _visible_text(window)
    assert demo.cf["Brennafiori Ottavio"] not in _visible_text(window)

    def reason(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason, "verifica richiesta del servizio sociale")
        dialog.open_button.click()

    when_modal(BreakGlassDialog, reason)
    window.open_person(duplicate)
    assert window.card.person_id == ottavio  # the survivor's card, once the reason is given
    rows = demo.store.query(
        "SELECT action, row_id FROM audit_log WHERE who = ? AND action IN ('break_glass',"
        " 'viewed') ORDER BY at, rowid",
        [NO_PERMISSION],
    )
    assert rows[-2:] == [
        {"action": "break_glass", "row_id": ottavio},
        {"action": "viewed", "row_id": ottavio},
    ]
    assert session.grant_for(ottavio) is not None


def _sync_news_about_arianna(demo) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """What a sync leaves on the Sync page about Arianna (riservato): another office's edit
    of her phone, and conflicts on her phone, on her safe-contact note and on the reason of
    her referral to the anti-violence service, as the sync writes them. Returns what a user
    without permission must never read there."""
    import json

    from casa_desk.store.referrals import Referrals
    from casa_desk.store.safe_contact import SafeContacts

    store, arianna = demo.store, demo.ids["Quarzolini Arianna"]
    safe = SafeContacts(store).save(
        arianna, presidio="SAN-SIRO", phone="3398887766", no_calls=True, note="Chiamare la sorella"
    )
    secret = Referrals(store).create(
        person_id=arianna, service_id=stable_id("services", "1522"), reason="Minacce del marito",
        presidio="SAN-SIRO", by="op",
    )  # fmt: skip
    conflicts = (
        ("people", arianna, "phone", "3331112201", "3330000099"),
        ("safe_contacts", safe["id"], "note", "Chiamare la sorella", "Solo di mattina dal lavoro"),
        ("referrals", secret["id"], "reason", "Minacce del marito", "Percosse del marito"),
    )
    with store.transaction():
        store.db.execute(
            "INSERT INTO sync_registry_edits (change_id, row_id, office, operator, device_id,"
            " hlc, fields, received_at) VALUES ('c1', ?, 'MAZZINI', 'op.mazzini', 'd', 1, ?,"
            " '2026-01-10T09:00:00.000Z')",
            [arianna, json.dumps({"phone": ["3331112201", "3330000099"]})],
        )
        for n, (table, row_id, column, winner, loser) in enumerate(conflicts):
            store.db.execute(
                "INSERT INTO sync_conflicts (id, table_name, row_id, field, kind, winner_value,"
                " loser_value, detected_at) VALUES (?, ?, ?, ?, 'concurrent_edit', ?, ?,"
                " '2026-01-10T09:00:00.000Z')",
                [f"k{n}", table, row_id, column, json.dumps(winner), json.dumps(loser)],
            )
    return ("Arianna", "Quarzolini", "2201", "0099", "sorella", "lavoro", "marito")


def _sync_page_cells(window) -> str:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.pages["sync"])
    page = window.page("sync")
    cells = [
        str(model.index(r, c).data() or "")
        for model in (page.edits, page.conflicts)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    return " | ".join(cells)


def test_the_sync_page_names_no_riservato_person_and_shows_no_sensitive_value(qtbot, demo) -> None:
    """Before: the Sync page, open to every role, listed another office's edit of a riservato
    person with her name and the values before and after, and conflicts with both values —
    her phone, her safe-contact note, the reason of an anti-violence referral — to a user
    who may see none of it. Now those rows stay (something is waiting) without a word of it,
    and their buttons are off (deciding needs the values)."""
    secrets = _sync_news_about_arianna(demo)
    window, _session = masked_window(qtbot, demo)
    shown = _sync_page_cells(window)
    page = window.page("sync")
    assert page.edits.rowCount() == 1 and page.conflicts.rowCount() == 3
    assert "Persona riservata" in shown
    for secret in secrets:
        assert secret not in shown
    page.edits_view.selectRow(0)
    assert not page.revert_button.isEnabled() and not page.accept_button.isEnabled()
    for row in range(3):
        page.conflicts_view.selectRow(row)
        assert not page.reinstate_button.isEnabled() and not page.dismiss_button.isEnabled()


def test_the_sync_page_is_read_again_for_the_user_who_logs_in_on_the_lock_screen(
    qtbot, demo, window
) -> None:
    from test_idle_lock import _type_password

    secrets = _sync_news_about_arianna(demo)
    shown = _sync_page_cells(window)  # the operator may see it all
    assert "Quarzolini Arianna" in shown and "Percosse del marito" in shown
    window.lock()
    _type_password(qtbot, window, username=USER)  # the administrator, without permission
    assert window.context.operator == USER
    shown = _sync_page_cells(window)
    for secret in secrets:
        assert secret not in shown


def test_todays_cards_name_no_one_whose_grant_has_ended(qtbot, demo) -> None:
    """Before: once the 3 hours were over the card was put away, but F2 still listed
    "Quarzolini Arianna" among today's cards to the user who may no longer see her name."""
    window, session, arianna = _card_opened_with_a_reason(qtbot, demo)
    window.show_search()
    assert any("Quarzolini Arianna" in a.text() for a in window.show_recent().actions())
    _past_the_grant(session)
    window.status.timer.timeout.emit()
    entries = [a.text() for a in window.show_recent().actions()]
    assert entries and not any("Arianna" in e or "Quarzolini" in e for e in entries)
    assert any("Persona riservata" in e for e in entries)
    asked: list[bool] = []
    when_modal(BreakGlassDialog, lambda d: (asked.append(True), d.reject()))
    [entry] = [a for a in window.show_recent().actions() if "Persona riservata" in a.text()]
    entry.trigger()  # still there: opening it asks the reason again
    assert asked == [True] and window.card.person_id is None
