"""The Sync page against a real hub: status, rejections, conflicts, reinstating a loser."""

from __future__ import annotations

from pathlib import Path

from login_helpers import new_store, session_for
from sync_helpers import HubProcess, contact, edit, new_office, office, person, quiesce, row, sync

from casa_desk.ui.sync_page import SyncPage
from casa_desk.ui.tasks import SyncRunner


def test_sync_page_shows_state_and_reinstates_a_losing_value(
    qtbot,
    qtmodeltester,
    sqlite_hub: HubProcess,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(a, notes="iniziale")
    quiesce([a, b])
    edit(b, "people", p["id"], notes="di B")
    edit(a, "people", p["id"], notes="di A")  # later: A wins, B's value is the loser
    contact(a, p["id"], presidio="MAZZINI")  # refused by the hub
    page = SyncPage(a, runner=SyncRunner())
    qtbot.addWidget(page)
    assert page.pending_label.text() == "2"
    assert page.hub_label.text() == sqlite_hub.url
    sync(b)
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    assert page.pending_label.text() == "0"
    assert page.state == "ok"
    assert page.rejections.rowCount() == 1
    assert "MAZZINI" in page.rejections.rows[0]["reason"]
    assert page.conflicts.rowCount() == 1
    qtmodeltester.check(page.conflicts)
    qtmodeltester.check(page.rejections)
    shown = page.conflicts.rows[0]
    assert (shown["winner_text"], shown["loser_text"]) == ("di A", "di B")
    assert not page.reinstate_button.isEnabled()
    page.conflicts_view.selectRow(0)
    assert page.reinstate_button.isEnabled()
    changed: list[str] = []
    page.bus.changed.connect(changed.append)
    page.reinstate_button.click()
    assert row(a, "people", p["id"])["notes"] == "di B"
    assert changed == ["people"]  # the card and the search refresh
    assert page.conflicts.rowCount() == 0
    assert page.pending_label.text() == "1"
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    sync(b)
    assert row(b, "people", p["id"])["notes"] == "di B"  # the reinstated value won everywhere


def test_sync_page_reports_an_unreachable_hub_in_one_line(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    sqlite_hub.stop()
    page = SyncPage(a, runner=SyncRunner())
    qtbot.addWidget(page)
    states: list[str] = []
    page.state_changed.connect(states.append)
    with qtbot.waitSignal(page.failed, timeout=30_000) as failed:
        page.sync_now()
    assert "\n" not in failed.args[0]
    assert page.state == "error" and states[-1] == "error"
    assert page.pending_label.text() == "1"


def test_sync_runs_on_a_worker_thread_through_the_process_store(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    person(a)
    page = SyncPage(a)  # the real QThreadPool runner
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.synced, timeout=30_000) as done:
        page.sync_now()
        page.sync_now()  # ignored while one runs
    assert done.args[0].pushed == 1
    assert page.pending_label.text() == "0"
    assert page.last_label.text() not in ("", "mai")


def test_an_enrolled_window_syncs_by_itself_and_the_status_bar_says_so(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from casa_desk.app import build_window
    from casa_desk.ui import main_window

    monkeypatch.setattr(main_window, "AUTO_SYNC_FIRST_MS", 0)
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    a.set_meta("presidio", "SAN-SIRO")
    a.set_meta("operator", "op")
    person(a)
    assert a.pending_changes() == 1
    window = build_window(session_for(a), runner=SyncRunner())
    qtbot.addWidget(window)
    assert window.page("sync").auto_timer.isActive()  # every few minutes from now on
    qtbot.waitUntil(lambda: a.pending_changes() == 0, timeout=30_000)
    qtbot.waitUntil(lambda: window.status.sync.text() == "Sede: sincronizzato", timeout=5_000)


def test_a_desk_not_enrolled_says_so_and_does_not_sync(qtbot, tmp_path: Path) -> None:
    from casa_desk.app import build_window

    store = new_store(tmp_path / "s.sqlite")
    store.set_meta("presidio", "SAN-SIRO")
    store.set_meta("operator", "op")
    window = build_window(session_for(store), runner=SyncRunner())
    qtbot.addWidget(window)
    assert window.status.sync.text() == "Sede: non abbinato"
    window.close()
    # The closed window lives on until garbage collection, and its status bar refreshes every
    # 30 s: stopped here, or it would read the closed store during whichever test runs then.
    window.status.timer.stop()
    store.close()


def test_a_window_edit_after_sync_sorts_after_what_sync_applied(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """One store, one clock. Another office's PC runs 4 minutes ahead (inside the allowed
    skew); the window's own sync, on its worker thread, applies that office's edit; the
    operator then corrects the phone in the window. The correction must sort after the
    change it corrects — and so win at the hub and everywhere — and the saved clock must
    never go back. (Sync used to open a store of its own, with a clock of its own.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from casa_desk.app import build_window
    from casa_desk.ui.person_form import PersonForm

    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    a.set_meta("operator", "op")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    p = person(b, phone="+393331110000")
    real = b.journal.clock._now_ms  # noqa: SLF001 - B's PC clock
    b.journal.clock._now_ms = lambda: real() + 4 * 60_000  # noqa: SLF001
    edit(b, "people", p["id"], phone="+393331112222")
    remote = row(b, "people", p["id"])["hlc"]
    sync(b)

    window = build_window(session_for(a))  # the real task runner: sync runs on a pool thread
    qtbot.addWidget(window)
    page = window.page("sync")
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    assert row(a, "people", p["id"])["phone"] == "+393331112222"

    form = PersonForm(window.context, p["id"])
    qtbot.addWidget(form)
    form.show()
    form.edits["phone"].clear()
    qtbot.keyClicks(form.edits["phone"], "3331113333")
    save = form.buttons.button(QDialogButtonBox.StandardButton.Save)
    with qtbot.waitSignal(form.saved, timeout=5_000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    corrected = row(a, "people", p["id"])
    assert corrected["phone"] == "+393331113333"
    assert corrected["hlc"] > remote  # the correction sorts after what it corrects
    saved = int(a.db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()[0])
    assert saved >= corrected["hlc"]  # the saved clock went forward, not back

    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    sync(b)
    assert row(b, "people", p["id"])["phone"] == "+393331113333"  # it won everywhere
    qtbot.waitUntil(lambda: not window.context.runner.busy(), timeout=30_000)
    window.close()


def test_a_long_backlog_is_counted_only_up_to_a_cap(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, tmp_path: Path, monkeypatch
) -> None:
    """Counting a million unsent changes takes half a second on the GUI thread: the page
    stops counting at a cap and says "more than"."""
    from casa_desk.ui import sync_page

    monkeypatch.setattr(sync_page, "PENDING_CAP", 3)
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    for _ in range(5):
        person(a)
    page = SyncPage(a, runner=SyncRunner())
    qtbot.addWidget(page)
    assert page.pending_label.text() == "più di 3"
    sync(a)
    page.refresh()
    assert page.pending_label.text() == "0"


def test_another_offices_edit_is_seen_on_the_sync_page_and_the_card_and_undone_in_one_click(
    qtbot,  # type: ignore[no-untyped-def]
    qtmodeltester,
    sqlite_hub: HubProcess,
    tmp_path: Path,
) -> None:
    from casa_desk.ui.context import DeskContext
    from casa_desk.ui.person_card import PersonCard

    mazzini = new_office(sqlite_hub, tmp_path / "m.sqlite", "MAZZINI")
    san_siro = new_office(sqlite_hub, tmp_path / "s.sqlite", "SAN-SIRO")
    p = person(mazzini, phone="+390200000001", street="Via Giusta")
    quiesce([mazzini, san_siro])
    san_siro.user = "op.sansiro"  # who is logged in at the desk (security.access sets it)
    edit(san_siro, "people", p["id"], phone="+390299999999", street="Via Sbagliata")
    quiesce([san_siro, mazzini])
    page = SyncPage(mazzini, runner=SyncRunner())
    qtbot.addWidget(page)
    assert page.edits.rowCount() == 1
    qtmodeltester.check(page.edits)
    shown = page.edits.rows[0]
    assert shown["by"] == "SAN-SIRO · op.sansiro"
    assert "telefono: +390200000001 → +390299999999" in shown["fields_text"]
    assert "via: Via Giusta → Via Sbagliata" in shown["fields_text"]
    # the card's history shows it too, with the button that undoes it
    context = DeskContext(store=mazzini, presidio="MAZZINI", operator="op")
    card = PersonCard(context)
    qtbot.addWidget(card)
    card.load(p["id"])
    kinds = [card.history_model.entry(i).kind for i in range(card.history_model.rowCount())]  # type: ignore[union-attr]
    line = kinds.index("registry_edit")
    assert "SAN-SIRO" in card.history_model.index(line, 2).data()
    card.history_view.selectRow(line)
    assert card.revert_button.isVisibleTo(card)
    assert "Via Sbagliata" in card.detail.text()
    assert "SAN-SIRO · op.sansiro" in card.detail.text()
    # one click on the Sync page puts the values back
    assert not page.revert_button.isEnabled()
    page.edits_view.selectRow(0)
    with qtbot.waitSignal(page.bus.changed) as changed:
        page.revert_button.click()
    assert changed.args == ["people"]  # every view showing people refreshes
    assert page.edits.rowCount() == 0
    back = row(mazzini, "people", p["id"])
    assert (back["phone"], back["street"]) == ("+390200000001", "Via Giusta")
    quiesce([mazzini, san_siro])
    assert row(san_siro, "people", p["id"])["street"] == "Via Giusta"


def test_an_unpaired_desk_pairs_and_exchanges_files_from_the_page(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Not paired: the page says what to do, never "in sync"; pairing with the one-time code
    goes through the sync client's own enrolment; a bundle goes out and its reply comes in
    through the file dialogs, answered like an operator would."""
    from dialogs import button, when_modal
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from casa_desk.store.db import Store
    from casa_desk.sync.bundle import hub_import_bundle
    from casa_desk.sync.hub.devices import add_device
    from casa_desk.ui.context import DeskContext
    from casa_desk.ui.statusbar import DeskStatusBar

    store = Store.open(tmp_path / "desk.sqlite", create=True)
    try:
        store.set_meta("presidio", "SAN-SIRO")
        person(store, last_name="Abbinata")
        page = SyncPage(store, runner=SyncRunner())
        qtbot.addWidget(page)
        page.show()
        bar = DeskStatusBar(
            DeskContext(store=store, presidio="SAN-SIRO", operator="op", runner=SyncRunner()),
            "San Siro",
            "Op",
        )
        qtbot.addWidget(bar)
        assert page.explain.isVisible() and "non è ancora abbinato" in page.explain.text()
        assert not page.sync_button.isEnabled() and page.state == "not_enrolled"
        assert "sincronizzat" not in bar.pending.text().lower()
        hs = sqlite_hub.store()
        try:
            _device, code = add_device(hs, "SAN-SIRO")
        finally:
            hs.close()

        def pair(dialog) -> None:  # type: ignore[no-untyped-def]
            qtbot.keyClicks(dialog.hub, sqlite_hub.url)
            qtbot.keyClicks(dialog.code, code)
            qtbot.mouseClick(button(dialog, "Abbina con il codice"), Qt.MouseButton.LeftButton)

        with qtbot.waitSignal(page.paired, timeout=30_000):
            when_modal(pair, name="enrolDialog")
            qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)
        assert not page.explain.isVisible() and page.hub_label.text() == sqlite_hub.url
        assert page.sync_button.isEnabled()
        assert page.rejections.headerData(1, Qt.Orientation.Horizontal) == "Tabella"

        out = tmp_path / "uscita.bundle"

        def save_as(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.selectFile(str(out))
            dialog.accept()

        when_modal(save_as, kind=QFileDialog)
        qtbot.mouseClick(page.bundles.export_button, Qt.MouseButton.LeftButton)
        assert out.is_file() and "modifiche" in page.file_label.text()
        reply = tmp_path / "risposta.bundle"
        hs = sqlite_hub.store()
        try:
            hub_import_bundle(hs, out, reply)
        finally:
            hs.close()

        def open_reply(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.selectFile(str(reply))
            dialog.accept()

        when_modal(open_reply, kind=QFileDialog)
        with qtbot.waitSignal(page.synced):
            qtbot.mouseClick(page.bundles.import_button, Qt.MouseButton.LeftButton)
        assert page.file_label.text().startswith("Pacchetto della sede importato")
        assert page.pending_label.text() == "0"
        bar.timer.stop()  # it would read the closed store during a later test
    finally:
        store.close()


def test_tables_are_named_in_words(qtbot, sqlite_hub: HubProcess, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    p = person(a)
    contact(a, p["id"], presidio="MAZZINI")  # refused by the hub
    page = SyncPage(a, runner=SyncRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.synced, timeout=30_000):
        page.sync_now()
    assert page.rejections.index(0, 1).data() == "Contatti"


def test_a_desk_paired_by_file_without_an_address_does_not_try_the_hub(
    qtbot, hub_store, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Paired by a file that gave no address, a desk syncs by USB file only: it tried the
    hub every five minutes, failed each time, and the status bar said "not done" for good."""
    from casa_desk.app import build_window
    from casa_desk.ui import main_window

    monkeypatch.setattr(main_window, "AUTO_SYNC_FIRST_MS", 0)
    a, _device = office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")
    a.set_meta("presidio", "SAN-SIRO")
    a.set_meta("operator", "op")
    window = build_window(session_for(a), runner=SyncRunner())
    qtbot.addWidget(window)
    page = window.page("sync")
    assert not page.auto_timer.isActive()
    qtbot.wait(200)  # when the first sync would have started
    assert page.state != "error"
    assert window.status.sync.text() == "Sede: con pacchetti su file"
    window.close()
    window.status.timer.stop()
