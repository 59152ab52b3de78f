"""The window as a whole: title, status bar, shortcuts, embedded pages, languages, settings,
first run, store errors and the excepthook."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from login_driver import log_in_soon, type_into, when_modal
from login_helpers import keyed_connection, new_store, open_store
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from casa_desk import paths
from casa_desk.app import build_window, install_translator, launch, run_app
from casa_desk.store.people import People
from casa_desk.store.users import Users
from casa_desk.ui.error_dialog import install_excepthook
from casa_desk.ui.first_run import FirstRunDialog
from casa_desk.ui.settings import UiSettings
from casa_desk.ui.tasks import SyncRunner

NEW_PASSWORD = "una frase lunga per il primo avvio"

PAGES = {
    "referrals": "referrals_page",
    "agenda": "agenda_page",
    "services": "services_page",
    "report": "report_page",
    "sync": "sync_page",
}


def test_title_and_status_bar(window, demo) -> None:
    assert window.windowTitle() == "casa_desk – Presidio C.A.S.A. San Siro"
    status = window.status
    assert status.office.text() == "Presidio C.A.S.A. San Siro"
    assert status.operator.text() == "Operatore: Operatrice Prova"
    pending = demo.store.pending_changes()
    assert pending > 0 and str(pending) in status.pending.text()


@pytest.mark.parametrize("width", [1366, 1024])
def test_a_status_bar_message_has_room_to_be_read(window, qtbot, width: int) -> None:
    """Messages are written left of the permanent labels: the office label once took all
    that room, and "Scheda salvata: …" was drawn in none. While a message shows, the office
    (also in the title) steps aside; it comes back after."""
    status = window.status
    window.resize(width, 768)
    qtbot.waitUntil(lambda: window.width() == width)
    message = "Scheda salvata: Quarzolini Arianna."
    window.confirm(message)
    qtbot.waitUntil(lambda: not status.office.isVisible())
    shown = [
        w
        for w in (status.office, status.break_glass, status.operator, status.pending, status.sync)
        if w.isVisible()
    ]
    room = min(w.geometry().left() for w in shown)
    assert room >= status.fontMetrics().horizontalAdvance(message) + 10
    assert status.currentMessage() == message
    status.clearMessage()
    qtbot.waitUntil(status.office.isVisible)
    assert status.office.text() == "Presidio C.A.S.A. San Siro"


@pytest.mark.parametrize("width", [1366, 1024])
def test_agenda_gives_the_follow_ups_the_room(window, qtbot, width: int) -> None:
    """On a 768-pixel desk the follow-ups once had two rows and the (often empty) expiring
    consents the rest of the page: the splitter shrank the boxes that had a stretch factor.
    Now the follow-ups show at least eight rows and are the largest part."""
    window.resize(width, 768)
    window.tabs.setCurrentWidget(window.pages["agenda"])
    page = window.page("agenda")
    qtbot.waitUntil(lambda: page.follow_up_view.isVisible() and window.width() == width)
    view = page.follow_up_view
    assert view.viewport().height() >= 8 * view.verticalHeader().defaultSectionSize()
    sizes = page.splitter.sizes()
    assert sizes[0] == max(sizes) and min(sizes) > 0


def test_status_bar_counts_new_changes_after_a_write(window, demo) -> None:
    before = demo.store.pending_changes()
    People(demo.store).register(
        {"last_name": "Contatore", "first_name": "Ilda"}, presidio="SAN-SIRO"
    )
    window.context.bus.changed.emit("people")
    assert str(before + 1) in window.status.pending.text()


def test_sync_page_counts_waiting_changes_in_italian_form(window, demo) -> None:
    """A store that never synced has thousands of changes waiting: "10.0nn", as the status
    bar writes it, not "100nn" (Italian groups from five digits on)."""
    with demo.store.transaction() as journal:
        journal.insert_many(
            "people",
            [{"last_name": f"Attesa{n}", "first_name": "Ada"} for n in range(10_001)],
            presidio="SAN-SIRO",
        )
    window.tabs.setCurrentWidget(window.pages["sync"])
    page = window.page("sync")
    page.refresh()
    assert f"{demo.store.pending_changes():,}".replace(",", ".") == page.pending_label.text()


def test_every_page_is_a_tab_and_builds(qtbot, window) -> None:
    """Every page is there: a page that disappeared (a module renamed, a class gone) fails
    here instead of silently losing its tab."""
    assert list(window.pages) == list(PAGES)
    for key, module in PAGES.items():
        page = window.pages[key]
        window.tabs.setCurrentWidget(page)
        assert page.page is not None, key
        assert type(page.page).__module__ == f"casa_desk.ui.{module}", key
        assert window.tabs.tabText(window.tabs.indexOf(page))


def test_ctrl_n_opens_the_contact_form_for_the_open_card(qtbot, window, demo) -> None:
    qtbot.keyClick(window.search.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert type(dialog).__name__ == "ContactDialog" and dialog._person_id is None
    dialog.reject()
    window.open_person(demo.ids["Velluttini Corrado"])
    qtbot.keyClick(window.card.history_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert type(dialog).__name__ == "ContactDialog"
    assert dialog._person_id == demo.ids["Velluttini Corrado"]
    dialog.reject()


def test_ctrl_r_registers_and_opens_the_new_card(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "Inesistente")
    qtbot.mouseClick(window.search.register_button, Qt.MouseButton.LeftButton)
    form = QApplication.activeModalWidget()
    assert form.objectName() == "personForm"
    assert form.edits["last_name"].text() == "Inesistente"
    qtbot.keyClicks(form.edits["first_name"], "Primo")
    form.save()
    assert window.people_stack.currentWidget() is window.card
    assert window.card.title.text() == "Inesistente Primo"


def test_window_size_is_remembered(qtbot, demo) -> None:
    first = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(first)
    first.show()
    first.resize(703, 511)
    first.search.view.horizontalHeader().resizeSection(0, 233)
    first.card.splitter.setSizes([150, 500])
    card_sizes = first.card.splitter.sizes()
    first.close()
    second = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (703, 511)
    assert second.search.view.horizontalHeader().sectionSize(0) == 233
    assert second.card.splitter.sizes() == card_sizes
    assert Path(UiSettings().path).parent == paths.data_dir()  # never the real settings


def test_the_card_is_built_when_first_opened_and_keeps_its_saved_layout(qtbot, demo) -> None:
    """The card is not on the first screen, so it is not built before it; a window closed
    without opening one leaves the card's saved layout as it was."""
    first = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(first)
    first.show()
    first.card.splitter.setSizes([170, 480])
    card_sizes = first.card.splitter.sizes()
    first.close()
    second = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(second)
    second.show()
    assert second._card is None
    assert second.current_person_id() is None
    second.close()  # saves the window's layout without a card
    third = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(third)
    third.show()
    assert third.card.splitter.sizes() == card_sizes
    person = demo.store.query("SELECT id FROM people WHERE deleted = 0 LIMIT 1")[0]["id"]
    third.open_person(person)
    assert third.current_person_id() == person
    third.show_search()  # Esc on a lazily built card: test_search.py
    assert third.people_stack.currentWidget() is third.search
    assert third.card.person_id is None


def test_language_setting_is_saved(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: None)
    window.set_language("en")
    assert UiSettings().language() == "en"
    assert window.language_actions["en"].isChecked()
    assert not window.language_actions["it"].isChecked()


@pytest.mark.parametrize(
    ("language", "people", "hint"),
    [("en", "People", "Search by surname"), ("it", "Persone", "Cerca per cognome")],
)
def test_english_and_italian_builds_load(qtbot, demo, language, people, hint) -> None:
    app = QApplication.instance()
    installed = install_translator(app, language)
    try:
        assert (
            any(
                Path(paths.translations_dir(), f"casa_desk_{language}.qm").exists()
                for _ in installed
            )
            or language == "it"
        )
        win = build_window(demo.session, runner=SyncRunner())
        qtbot.addWidget(win)
        assert win.tabs.tabText(0) == people
        assert win.search.field.placeholderText().startswith(hint)
        win.search.field.setText("quarzolini")
        expected = "2 people found." if language == "en" else "Persone trovate: 2."
        assert win.search.count_label.text() == expected
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def _close_modal_soon(seen: list[str]) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close)
            return
        seen.append(getattr(box, "text", lambda: "")())
        box.close()

    QTimer.singleShot(0, close)


def test_run_app_refuses_a_file_that_is_not_a_store(qtbot, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database, just text")
    seen: list[str] = []
    _close_modal_soon(seen)
    assert run_app(str(bad), "it") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "non è un archivio casa_desk" in err[0]
    assert seen and "non è un archivio casa_desk" in seen[0]
    assert bad.read_text() == "not a database, just text"


def test_first_run_creates_the_store_and_its_folder(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    target = tmp_path / "new" / "folder" / "desk.sqlite"

    def answer_first_run(dialog: FirstRunDialog) -> None:
        dialog.office.setCurrentIndex(dialog.office.findData("GRATOSOGLIO"))
        type_into(dialog.findChild(QLineEdit, "firstRunUsername"), "a.prova")
        type_into(dialog.findChild(QLineEdit, "firstRunFullName"), "Alda Prova")
        type_into(dialog.findChild(QLineEdit, "firstRunPassword"), NEW_PASSWORD)
        type_into(dialog.findChild(QLineEdit, "firstRunAgain"), NEW_PASSWORD)
        dialog.accept()

    when_modal(FirstRunDialog, answer_first_run)
    launched = launch(str(target), "it")
    assert not isinstance(launched, int)
    try:
        qtbot.addWidget(launched.window)
        assert launched.window.windowTitle() == "casa_desk – Presidio C.A.S.A. Gratosoglio"
        # who is at the desk is the administrator just created
        assert launched.window.status.operator.text() == "Operatore: Alda Prova"
    finally:
        launched.close()
    with open_store(target, username="a.prova", password=NEW_PASSWORD) as store:
        assert store.presidio == "GRATOSOGLIO"
        assert Users(store).get("a.prova")["role"] == "amministratore"
    assert UiSettings().last_username() == "a.prova"  # the next login screen pre-fills it


def test_cancelled_first_run_exits_1(qtbot, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    seen: list[str] = []
    _close_modal_soon(seen)
    assert launch(str(tmp_path / "x.sqlite"), None) == 1


def test_excepthook_shows_a_short_message_with_copy_details(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook(lambda: window)
    try:
        raise RuntimeError("bug interno")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "errore imprevisto" in box.text()
    assert "Traceback" not in box.text()
    copy = box.findChild(QPushButton, "copyDetails")
    copy.click()
    assert "RuntimeError" in QApplication.clipboard().text()
    assert box.isVisible()  # copying does not close the message
    box.close()


def test_a_bug_with_a_card_open_leaves_no_personal_data_in_details_or_log(
    qtbot, window, demo, monkeypatch, caplog
) -> None:
    """Exceptions quote values (a KeyError its key, int() the text, SQLite a trigger's
    message): a bug met while a person's card loads must not put the person's name, codice
    fiscale or phone in "Copia dettagli" (the clipboard, then an e-mail) or in the log."""
    import logging

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook(lambda: window)
    key = "Quarzolini Arianna"
    person = demo.person(key)
    original = People.get

    def broken_get(self, person_id):  # type: ignore[no-untyped-def]
        row = original(self, person_id)
        try:
            return {"by name": row}[f"{row['last_name']} {row['first_name']}"]
        except KeyError:
            int(row["codice_fiscale"] + row["phone"])  # a ValueError quoting both

    monkeypatch.setattr(People, "get", broken_get)
    caplog.set_level(logging.DEBUG, logger="casa_desk")
    try:
        window.open_person(demo.ids[key])
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    box.findChild(QPushButton, "copyDetails").click()
    details = QApplication.clipboard().text()
    assert "ValueError" in details and "KeyError" in details and "broken_get" in details
    for text in (details, box.text(), box.informativeText(), caplog.text):
        for value in ("Quarzolini", "Arianna", person["codice_fiscale"], person["phone"]):
            assert value not in text
    box.close()


def test_launch_with_lang_en_shows_english(qtbot, demo, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log_in_soon()
    launched = launch(str(demo.store.path), "en")
    assert not isinstance(launched, int)
    try:
        qtbot.addWidget(launched.window)
        assert launched.window.tabs.tabText(0) == "People"
        assert launched.window.status.operator.text().startswith("Operator: ")
        assert launched.window.status.office.toolTip() == "This computer's office"
    finally:
        launched.close()
    assert UiSettings().language() == "it"  # --lang is for this run only


def test_status_bar_says_more_than_when_the_outbox_is_huge(window, monkeypatch) -> None:
    from casa_desk.ui import statusbar

    monkeypatch.setattr(statusbar, "COUNT_CAP", 3)
    window.status.refresh()
    # not paired: the changes are on this computer only (never "all synced")
    assert window.status.pending.text() == "Modifiche solo su questo computer: più di 3"
    window.status.set_sync_state("ok")
    assert window.status.pending.text() == "Modifiche da sincronizzare: più di 3"


def _damage(path: Path) -> None:
    """Overwrite the middle of one index page of the (closed, checkpointed) encrypted store:
    the file still opens, quick_check fails on that page's authentication code."""
    conn = keyed_connection(path)
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people_cf'").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\xff" * 64)


def test_a_damaged_store_is_reported_after_the_window_opens(
    qtbot, tmp_path, monkeypatch, capsys
) -> None:
    from casa_desk.app import check_integrity_later

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "hurt.sqlite"
    with new_store(path) as store:
        store.set_meta("presidio", "SAN-SIRO")
        store.set_meta("operator", "op.prova")
        people = People(store)
        for i in range(300):
            people.register(
                {"last_name": f"Danno{i:03d}", "first_name": "Ugo", "codice_fiscale": None},
                presidio="SAN-SIRO",
            )
    _damage(path)
    log_in_soon()
    launched = launch(str(path), "it")  # opens: only the cheap checks run before the window
    assert not isinstance(launched, int)
    try:
        window = launched.window
        qtbot.addWidget(window)
        window.show()
        window.context.runner = SyncRunner()
        check_integrity_later(window)
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "danneggiato" in box.text()
        assert "danneggiato" in capsys.readouterr().err
        box.done(0)
        assert not window.isVisible()
        assert window.exit_status == 1  # what run_app returns
    finally:
        launched.close()


def test_sync_now_reaches_the_sync_page_and_a_sync_refreshes_the_views(
    qtbot, window, monkeypatch
) -> None:
    page = window.page("sync")
    calls: list[str] = []
    monkeypatch.setattr(page, "sync_now", lambda: calls.append("sync"))
    assert window.sync_action in window.file_menu.actions()
    window.sync_action.trigger()
    assert calls == ["sync"] and window.tabs.currentWidget() is window.pages["sync"]
    changed: list[str] = []
    window.context.bus.changed.connect(changed.append)
    page.synced.emit(object())
    assert "people" in changed and "contacts" in changed


@pytest.mark.parametrize(
    ("language", "local", "synced"),
    [
        # Qt's Italian groups from five digits ("9876", "12.937"), as QLocale does everywhere
        ("it", "Modifiche solo su questo computer: 9876", "Modifiche da sincronizzare: 9876"),
        ("en", "Changes on this computer only: 9,876", "9,876 changes waiting to sync"),
    ],
)
def test_counts_are_written_in_the_interfaces_language(
    qtbot, demo, monkeypatch, language, local, synced
) -> None:
    """The status bar wrote "2951" in English where the sync page said "2,951": counts take
    the interface's grouping, like every other number on screen."""
    from PySide6.QtCore import QLocale

    app = QApplication.instance()
    previous = QLocale()
    installed = install_translator(app, language)
    try:
        win = build_window(demo.session, runner=SyncRunner())
        qtbot.addWidget(win)
        monkeypatch.setattr(win.context.store, "pending_changes", lambda **_kw: 9_876)
        win.status.refresh()
        assert win.status.pending.text() == local
        win.status.set_sync_state("ok")
        assert win.status.pending.text() == synced
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(previous)
