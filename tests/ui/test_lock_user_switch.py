"""Attack: another user logs in on the lock screen; every page acts in *their* name."""

from __future__ import annotations

from conftest import coordinator_session, shown_window
from login_helpers import PASSWORD
from PySide6.QtCore import Qt
from test_report_page import previous_month


def _unlock_as(qtbot, window, username: str) -> None:
    form = window.lock_screen.form
    form.username.selectAll()
    qtbot.keyClicks(form.username, username)
    qtbot.keyClicks(form.password, PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)


def test_the_report_page_works_for_the_coordinator_who_logs_in_on_the_lock_screen(
    qtbot, demo, tmp_path
) -> None:
    first = coordinator_session(demo, "coord.uno")
    coordinator_session(demo, "coord.due", full_name="Coordinatore Due").logout()
    window = shown_window(qtbot, first)
    window.tabs.setCurrentWidget(window.pages["report"])
    page = window.page("report")
    window.lock()
    _unlock_as(qtbot, window, "coord.due")
    assert window.context.operator == "coord.due"
    window.tabs.setCurrentWidget(window.pages["report"])
    month = previous_month()
    page.select_month(month)
    made: list[str] = []
    page.generated.connect(made.append)
    page.generate_button.click()  # tasks run inline
    assert made, page.status.text()
    assert page.save_as(str(tmp_path / "copia.pdf")) is not None
    rows = demo.store.query(
        "SELECT who, action FROM audit_log WHERE table_name = 'report' ORDER BY at, rowid"
    )
    assert [r["who"] for r in rows] == ["coord.due", "coord.due"]


def test_one_users_lock_out_does_not_keep_a_colleague_out_of_the_lock_screen(qtbot, demo) -> None:
    """Throttling is per username: wrong passwords typed for the user at the desk make
    *that* name wait, while a colleague logs in on the same lock screen at once."""
    from login_helpers import USER

    window = shown_window(qtbot, demo.session)
    window.lock()
    form = window.lock_screen.form
    for _ in range(6):
        if not form.password.isEnabled():
            break
        qtbot.keyClicks(form.password, "password sbagliata")
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert "Troppi tentativi" in form.message.text()
    assert not form.password.isEnabled()
    _unlock_as(qtbot, window, USER)
    assert window.screens.currentWidget() is window.tabs
    assert window.context.operator == USER
    # and the name that has to wait still waits
    window.lock()
    _unlock_as(qtbot, window, "op.desk")
    assert window.screens.currentWidget() is window.lock_screen
    assert "Troppi tentativi" in form.message.text()


def test_only_an_administrator_pairs_the_desk_from_the_sync_page(qtbot, demo) -> None:
    """Pairing (enrolment) is the administrator's, as `casa-desk enrol` says: an operatore
    meets no "Abbina alla sede…" in the window, and gets it once an administrator logs in
    on the lock screen."""
    from login_helpers import USER

    from casa_desk.ui.sync_actions import EnrolDialog

    window = shown_window(qtbot, demo.session)  # op.desk, an operatore
    window.tabs.setCurrentWidget(window.pages["sync"])
    page = window.page("sync")
    assert page.pair_button.isHidden()
    assert "Abbina alla sede" not in page.explain.text()
    page.ask_enrol()  # even asked directly, nothing opens
    assert not [d for d in window.findChildren(EnrolDialog) if d.isVisible()]
    window.lock()
    _unlock_as(qtbot, window, USER)
    window.tabs.setCurrentWidget(window.pages["sync"])
    assert not page.pair_button.isHidden()
    assert "Abbina alla sede" in page.explain.text()
