"""Python's cyclic garbage collector paused for a piece of bulk work, then left as found.

Work that allocates much and frees little until it ends (a report's imports and layout, a
pull's pages of rows) makes the collector walk everything alive again and again, for no
garbage: reference counting frees those objects, and the rare cycle waits for the next
collection after the work. The collector is process-wide: work started while it is
already paused (a second pull, a report beside it) finds it so and leaves it to the one
that paused it, so it always ends as it was found.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_cyclic_gc() -> Iterator[None]:
    """The collector off inside, back on at the end (also on failure) if it was on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
