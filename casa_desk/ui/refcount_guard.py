"""Work-around for PySide6 6.12.0: every ``Signal.emit()`` drops a reference to ``True``.

In 6.12.0 ``SignalInstance.emit()`` returns ``True`` without a new reference, and method
slots lose references to ``None``; after a few thousand emits the interpreter aborts with
``bool_dealloc`` / ``none_dealloc``. 6.11.3 is fine (see /work/notes for the repro).
Until the dependency is pinned, the composition root (and the UI tests) raise the
reference counts of the three singletons by 2**40, which they never fall below: the objects
are static and never freed, so extra references are harmless on a fixed PySide too.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40
_done: list[bool] = []


def make_singletons_immortal() -> None:
    """Once per process: give True, False and None 2**40 extra references."""
    if _done or sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return  # 3.12+ singletons are immortal already
    for obj in (True, False, None):
        refcount = ctypes.c_ssize_t.from_address(id(obj))
        refcount.value += _BALLAST
    _done.append(True)
