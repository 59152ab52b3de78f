"""A window whose store has been closed (the app is shutting down) never touches the store
again: a timer that fires once more must not raise into Qt's event loop."""

from __future__ import annotations

from login_helpers import session_for

from casa_desk.app import build_window
from casa_desk.ui.tasks import SyncRunner


def test_the_status_bar_timer_stops_once_the_store_is_closed(qtbot, window, demo) -> None:
    bar = window.status
    assert bar.timer.isActive()
    demo.store.close()
    bar.timer.timeout.emit()  # what the next tick would do; pytest-qt fails on any exception
    assert not bar.timer.isActive()


def test_a_coordinators_break_glass_count_is_not_read_from_a_closed_store(qtbot, demo) -> None:
    admin = session_for(demo.store)  # administrators see the break-glass count too
    window = build_window(admin, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    demo.store.close()
    window.status.timer.timeout.emit()  # both slots of the tick: the count and the changes
