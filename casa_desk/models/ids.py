"""UUIDv7 ids made on the device (RFC 9562), so offline offices never collide.

Python 3.11 has no ``uuid.uuid7``; this is the RFC layout: 48-bit Unix milliseconds,
version 7, then random bits. Ids made by one process are strictly increasing (the 12-bit
``rand_a`` field counts within a millisecond), which keeps B-tree inserts cheap.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7(now_ms: int | None = None) -> str:
    """A new UUIDv7 as lower-case text, e.g. ``'0193a3c4-5e6f-7abc-8def-0123456789ab'``."""
    global _last_ms, _counter  # noqa: PLW0603 - module-level monotonic state
    with _lock:
        ms = int(time.time() * 1000) if now_ms is None else now_ms
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:  # 4096 ids in one ms: borrow the next millisecond
                ms += 1
                _counter = 0
        else:
            _counter = 0
        _last_ms = ms
        counter = _counter
    rand_b = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand_b
    return str(uuid.UUID(int=value))


def stable_id(namespace: str, code: str) -> str:
    """A fixed id for a reference row (presidio, category, seeded service).

    Two stores seeded apart must hold the *same* reference rows, so these ids derive from
    the code (UUIDv5) rather than from the clock.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"casa-desk:{namespace}:{code}"))
