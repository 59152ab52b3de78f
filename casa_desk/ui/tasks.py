"""One helper for background work (STYLE.md §6-8).

``run_task(fn, ...)`` runs ``fn(progress, cancelled)`` on a QThreadPool worker; results,
errors and progress come back as queued signals, so callbacks run on the GUI thread and
workers never touch widgets. ``fn`` receives a plain ``progress(done, total)`` callable and a
``cancelled()`` check — the lower layers' own interface — and must open its own store
connection (SQLite connections never cross threads).

Tests use :class:`SyncRunner`, which runs tasks inline so threaded code is deterministic.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int)


class Task(QRunnable):
    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class TaskRunner:
    """Runs work in the global thread pool; keeps tasks alive until they finish."""

    def __init__(self) -> None:
        self._running: set[Task] = set()

    def run(
        self,
        work: Work,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        task = Task(work)
        task.setAutoDelete(False)
        self._running.add(task)

        def finish(result: Any) -> None:
            self._running.discard(task)
            if on_done:
                on_done(result)

        def fail(exc: BaseException, details: str) -> None:
            self._running.discard(task)
            if on_error:
                on_error(exc, details)
            else:
                raise exc

        task.signals.finished.connect(finish)
        task.signals.failed.connect(fail)
        if on_progress:
            task.signals.progressed.connect(on_progress)
        QThreadPool.globalInstance().start(task)
        return task

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_and_wait(self, timeout_ms: int = 60_000) -> bool:
        """Ask every running task to stop and wait for the pool (before the store closes:
        closing a connection another thread is using crashes SQLite's binding). True if
        everything finished in time."""
        for task in list(self._running):
            task.cancel()
        return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))


class SyncRunner(TaskRunner):
    """Runs work inline on the calling thread (tests)."""

    def run(self, work, on_done=None, on_error=None, on_progress=None):  # type: ignore[override]
        task = Task(work)
        try:
            result = work(on_progress or (lambda *_: None), task._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001
            if on_error is None:
                raise
            on_error(exc, traceback.format_exc())
        else:
            if on_done:
                on_done(result)
        return task
