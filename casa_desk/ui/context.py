"""What every page of the window needs, passed in by the composition root (no globals).

``DeskContext`` carries the process's one open store (every page and every background task
uses it: ``store.db`` is the calling thread's read-only connection, ``store.transaction()``
the one writer), who is at the desk, the task runner for long work, and the change bus:
after each write an operation (``ui/operations.py``) emits ``context.bus.changed`` once with
the table's name, and views that show that table refresh (STYLE.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from casa_desk.store.db import Store
from casa_desk.ui.tasks import TaskRunner


class ChangeBus(QObject):
    """One signal after each write: the name of the table that changed."""

    changed = Signal(str)


@dataclass
class DeskContext:
    store: Store
    presidio: str
    operator: str
    is_head_office: bool = False
    may_see_sensitive: bool = True
    runner: TaskRunner = field(default_factory=TaskRunner)
    bus: ChangeBus = field(default_factory=ChangeBus)
