"""Closing the window stops background work before the store closes: a task still reading
when its connection was closed crashed the process (the daily retention run at exit)."""

from __future__ import annotations

import threading
import time

from casa_desk.ui.tasks import TaskRunner


def test_cancel_and_wait_stops_a_running_task_before_returning(qtbot) -> None:
    runner, started, seen = TaskRunner(), threading.Event(), []

    def work(_progress, cancelled) -> int:  # type: ignore[no-untyped-def]
        started.set()
        while not cancelled():
            time.sleep(0.01)
        seen.append("stopped")
        return 0

    runner.run(work)
    assert started.wait(10)
    assert runner.cancel_and_wait(10_000)
    assert seen == ["stopped"]  # finished, not abandoned, when cancel_and_wait returned
