"""A window whose store has been closed (the app is shutting down) never touches the store
again: a timer that fires once more must not raise into Qt's event loop."""

from __future__ import annotations


def test_the_status_bar_timer_stops_once_the_store_is_closed(qtbot, window, demo) -> None:
    bar = window.status
    assert bar.timer.isActive()
    demo.store.close()
    bar.timer.timeout.emit()  # what the next tick would do; pytest-qt fails on any exception
    assert not bar.timer.isActive()
