"""The window's daily retention run (issue 11): head office's policy, applied once a day.

At start and then every hour the window checks whether today's run has happened on this
store (``casa_meta`` ``retention_day``, local); if not, it runs
:func:`casa_desk.store.retention.run` on the task runner. It is the program applying head
office's policy, not a user's action, so it needs no role; when it anonymises anyone or
deletes audit rows it is audited (``retention``, in the name of the user at the desk, reason
"automatica"), and a day with nothing due leaves no trace but the day. The people anonymised
sync to every office like an erasure. The command line's ``casa-desk retention`` is the
same operation for administrators.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from casa_desk.models.timeutil import today_rome
from casa_desk.store import retention
from casa_desk.ui.context import DeskContext

CHECK_MS = 60 * 60 * 1000
KEY = "retention_day"


class DailyRetention(QObject):
    """Runs retention once a day in the background; ``done`` carries the people count."""

    done = Signal(int)

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """Start today's run if it has not happened; True if started."""
        store, today = self.context.store, today_rome()
        if self.running or store.meta(KEY) == today.isoformat():
            return False
        who = self.context.operator
        self.running = True

        def work(_progress: Any, cancelled: Any) -> int:
            if store.closed or cancelled():
                return 0
            done = retention.run(
                store, as_of=today, who=who, reason_suffix="automatica", cancelled=cancelled
            )
            if not done.stopped:  # a run stopped by the window closing is finished next time
                store.set_meta(KEY, today.isoformat())
            return done.people

        def finished(people: int) -> None:
            self.running = False
            if people:
                self.context.bus.changed.emit("people")
            self.done.emit(people)

        def failed(_exc: BaseException, _details: str) -> None:
            self.running = False  # tried again at the next check

        self.context.runner.run(work, finished, failed)
        return True
