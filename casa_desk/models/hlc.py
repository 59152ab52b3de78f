"""Hybrid logical clock (SYNC.md §2).

A timestamp is one 64-bit integer, ``wall_ms << 16 | counter``: it sorts like wall time when
clocks are right, and never goes backwards when they are wrong (a PC clock set back, a restart
with an earlier clock). The total order of changes is ``(hlc, device_id)``.

A clock never adopts a timestamp more than :data:`MAX_SKEW_MS` ahead of its own wall time
(:meth:`Hlc.accepts`): one such timestamp — ``2**63 - 1`` from a hostile or broken PC — would
otherwise push every later change of this device past it, up to the 64-bit limit where no
change can be stamped at all. Callers hold such a change back instead of observing it.

>>> clock = Hlc(now_ms=lambda: 1000)
>>> a = clock.tick(); b = clock.tick()
>>> a < b and physical_ms(a) == 1000
True
>>> clock.accepts(pack(1000 + MAX_SKEW_MS + 1, 0))
False
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
#: How far ahead of this device's wall time a received clock may be (SYNC.md: 5 minutes).
MAX_SKEW_MS = 5 * 60 * 1000
#: SQLite's INTEGER and the hub's BIGINT hold no more.
MAX_HLC = (1 << 63) - 1


class ClockAheadError(ValueError):
    """A timestamp too far ahead of this device's wall time was offered to :meth:`Hlc.observe`."""


def pack(ms: int, counter: int) -> int:
    return ms << COUNTER_BITS | counter


def physical_ms(hlc: int) -> int:
    """The wall-clock part of a timestamp, in Unix milliseconds."""
    return hlc >> COUNTER_BITS


def ahead_of(hlc: int, wall_ms: int) -> bool:
    """True when ``hlc`` is more than the allowed skew ahead of ``wall_ms``."""
    return physical_ms(hlc) > wall_ms + MAX_SKEW_MS


def _wall_ms() -> int:
    return int(time.time() * 1000)


def _machine_wall_ms() -> int:
    return _wall_ms()  # looked up at each call (tests replace _wall_ms)


class Hlc:
    """One device's clock. ``tick`` for a local change, ``observe`` for a remote one."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] | None = None) -> None:
        self._last = last
        # The module's wall clock is looked up at each reading, so a test that sets the
        # machine's time (``hlc._wall_ms``) reaches stores opened afterwards too.
        self._now_ms = now_ms if now_ms is not None else _machine_wall_ms
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def wall_ms(self) -> int:
        """This device's wall time, in Unix milliseconds (the source ``tick`` reads)."""
        return self._now_ms()

    def tick(self) -> int:
        """A timestamp greater than every one this clock has issued or observed."""
        with self._lock:
            wall = pack(self._now_ms(), 0)
            issued = wall if wall > self._last else self._last + 1
            if issued > MAX_HLC:
                raise ClockAheadError("clock at its 64-bit limit: it adopted a poisoned timestamp")
            self._last = issued
            return issued

    def accepts(self, remote: int) -> bool:
        """Whether ``remote`` may be observed: at most the allowed skew ahead of wall time."""
        return 0 <= remote <= MAX_HLC and not ahead_of(remote, self._now_ms())

    def observe(self, remote: int) -> None:
        """Move past a timestamp received from another device, so later ticks sort after it.

        Raises ClockAheadError for a timestamp this clock must not adopt (check
        :meth:`accepts` first and hold such a change back).
        """
        with self._lock:
            if not (0 <= remote <= MAX_HLC) or ahead_of(remote, self._now_ms()):
                raise ClockAheadError("timestamp too far ahead of this device's wall time")
            self._last = max(self._last, remote)

    def reset(self, last: int) -> None:
        """Set the clock outright. Only for a store recovering a clock that is ahead — an
        adopted poisoned one at open, or its own PC's that ran ahead, before a push
        (:mod:`casa_desk.store.clock`): the one place a clock may move back."""
        with self._lock:
            self._last = last
