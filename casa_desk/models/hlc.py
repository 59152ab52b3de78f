"""Hybrid logical clock (SYNC.md §2).

A timestamp is one 64-bit integer, ``wall_ms << 16 | counter``: it sorts like wall time when
clocks are right, and never goes backwards when they are wrong (a PC clock set back, a restart
with an earlier clock). The total order of changes is ``(hlc, device_id)``.

>>> clock = Hlc(now_ms=lambda: 1000)
>>> a = clock.tick(); b = clock.tick()
>>> a < b and physical_ms(a) == 1000
True
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(ms: int, counter: int) -> int:
    return ms << COUNTER_BITS | counter


def physical_ms(hlc: int) -> int:
    """The wall-clock part of a timestamp, in Unix milliseconds."""
    return hlc >> COUNTER_BITS


def _wall_ms() -> int:
    return int(time.time() * 1000)


class Hlc:
    """One device's clock. ``tick`` for a local change, ``observe`` for a remote one."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] = _wall_ms) -> None:
        self._last = last
        self._now_ms = now_ms
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def tick(self) -> int:
        """A timestamp greater than every one this clock has issued or observed."""
        with self._lock:
            wall = pack(self._now_ms(), 0)
            self._last = wall if wall > self._last else self._last + 1
            return self._last

    def observe(self, remote: int) -> None:
        """Move past a timestamp received from another device, so later ticks sort after it."""
        with self._lock:
            self._last = max(self._last, remote)
