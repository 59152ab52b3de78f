"""What every page of the window needs, passed in by the composition root (no globals).

``DeskContext`` carries the process's one open store (every page and every background task
uses it: ``store.db`` is the calling thread's read-only connection, ``store.transaction()``
the one writer), who is at the desk (the logged-in :class:`Session`: every write is in
its user's name, every list is masked as its permission says), the task runner for long
work, and the change bus:
after each write an operation (``ui/operations.py``) emits ``context.bus.changed`` once with
the table's name, and views that show that table refresh (STYLE.md §5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from casa_desk.store.db import Store
from casa_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from casa_desk.security.access import Session


class ChangeBus(QObject):
    """One signal after each write: the name of the table that changed."""

    changed = Signal(str)


@dataclass
class DeskContext:
    """``operator`` and ``may_see_sensitive`` follow ``session`` (the window always has
    one; a page tested alone may be given the two plain values instead)."""

    store: Store
    presidio: str
    operator: str = ""
    is_head_office: bool = False
    may_see_sensitive: bool = True
    runner: TaskRunner = field(default_factory=TaskRunner)
    bus: ChangeBus = field(default_factory=ChangeBus)
    session: Session | None = None

    def __post_init__(self) -> None:
        if self.session is not None:
            self.use(self.session)

    def use(self, session: Session) -> None:
        """Who is at the desk from now on (a login, another user after the idle lock)."""
        self.session = session
        self.operator = session.user.username
        self.may_see_sensitive = session.user.may_see_sensitive

    @property
    def masked(self) -> bool:
        """Lists mask riservato people and leave sensitive entries out (no permission)."""
        return not self.may_see_sensitive
