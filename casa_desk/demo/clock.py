"""Synthetic time and ids for the demo store: fast, deterministic, office-shaped.

The builder makes a million timestamps, so it works in integer Unix milliseconds and turns
them into stored text (``YYYY-MM-DDTHH:MM:SS.mmmZ``, see :mod:`casa_desk.models.timeutil`)
with a per-day cache instead of a ``datetime`` per row. Local office times are Europe/Rome;
the UTC offset is taken once per day at noon (DST switches happen at night, outside office
hours).

Ids are UUIDv7-shaped (RFC 9562 layout) but drawn from the builder's ``random.Random``, with
the row's own synthetic time in the time field, so the same seed gives the same ids and the
ids still sort roughly by time like real ones. The random bits are mixed with a mask derived
from the office (:class:`DemoRandom`): two offices built with the same seed draw the same
sequence, and without the mask their rows would share ids and could never sync.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date, datetime, timedelta
from functools import lru_cache

from casa_desk.models.timeutil import ROME

DAY_MS = 86_400_000
_EPOCH = date(1970, 1, 1)

#: Italian national holidays plus Milan's patron saint (7 December); Easter Monday is added.
_HOLIDAYS = {
    (1, 1),
    (1, 6),
    (4, 25),
    (5, 1),
    (6, 2),
    (8, 15),
    (11, 1),
    (12, 7),
    (12, 8),
    (12, 25),
    (12, 26),
}


_RAND_B = (1 << 62) - 1


class DemoRandom(random.Random):
    """The demo's one random stream (exactly ``random.Random(seed)``) and the office's id mask.

    The mask is XORed into the random bits of every id, a bijection: an office's ids stay as
    distinct as its draws, its data stay what the seed gives, and another office's ids differ.
    """

    def __init__(self, seed: int, office: str) -> None:
        super().__init__(seed)
        digest = hashlib.sha256(f"casa-desk-demo:{office}".encode()).digest()
        self.id_mask = int.from_bytes(digest[:8], "big") & _RAND_B


def demo_id(rng: random.Random, ms: int) -> str:
    """A UUIDv7-shaped id whose time field is ``ms`` and whose random bits come from ``rng``
    (mixed with the office's mask when ``rng`` is a :class:`DemoRandom`)."""
    mask = rng.id_mask if isinstance(rng, DemoRandom) else 0
    value = (
        (ms & ((1 << 48) - 1)) << 80
        | 0x7 << 76
        | rng.getrandbits(12) << 64
        | 0b10 << 62
        | (rng.getrandbits(62) ^ mask)
    )
    h = f"{value:032x}"  # what str(uuid.UUID(int=value)) gives, without the object
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def day_ms(day: date) -> int:
    """Milliseconds of UTC midnight starting ``day`` (the day's number times a day)."""
    return (day - _EPOCH).days * DAY_MS


@lru_cache(maxsize=4096)
def rome_offset_ms(day: date) -> int:
    offset = datetime(day.year, day.month, day.day, 12, tzinfo=ROME).utcoffset()
    assert offset is not None
    return int(offset.total_seconds() * 1000)


def rome_to_utc_ms(day: date, local_seconds: float) -> int:
    """A Rome wall-clock time on ``day`` (seconds after local midnight) as Unix ms (UTC)."""
    return day_ms(day) + int(local_seconds * 1000) - rome_offset_ms(day)


class TextClock:
    """Formats Unix milliseconds as stored UTC text, caching each day's date part."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def text(self, ms: int) -> str:
        day, rest = divmod(ms, DAY_MS)
        prefix = self._days.get(day)
        if prefix is None:
            prefix = (_EPOCH + timedelta(days=day)).isoformat()
            self._days[day] = prefix
        seconds, milli = divmod(rest, 1000)
        minutes, sec = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return f"{prefix}T{hour:02d}:{minute:02d}:{sec:02d}.{milli:03d}Z"

    @staticmethod
    def day_of(ms: int) -> date:
        return _EPOCH + timedelta(days=ms // DAY_MS)


def _easter(year: int) -> date:
    # Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def day_weight(day: date) -> float:
    """How busy the desk is on ``day``: weekdays full, Saturday events only, Sunday and
    holidays nearly nothing, August and the Christmas weeks quieter."""
    if (day.month, day.day) in _HOLIDAYS or day == _easter(day.year) + timedelta(days=1):
        return 0.01
    weekday = day.weekday()
    if weekday == 6:
        return 0.01
    if weekday == 5:
        return 0.05
    if day.month == 8:
        return 0.5
    if (day.month == 12 and day.day > 22) or (day.month == 1 and day.day < 7):
        return 0.6
    return 1.0


def window_days(until: date, days: int = 365) -> list[date]:
    """The ``days`` calendar days before ``until`` (``until`` itself excluded), oldest first."""
    return [until - timedelta(days=n) for n in range(days, 0, -1)]


#: Local office opening, in seconds after midnight, by channel: (start, end) ranges drawn
#: with equal chance. The desk opens 9–13 and 14–17:30; visits in the day, events evenings.
_HOURS: dict[str, tuple[tuple[int, int], ...]] = {
    "sportello": ((9 * 3600, 13 * 3600), (14 * 3600, 17 * 3600 + 1800)),
    "telefono": ((9 * 3600, 13 * 3600), (14 * 3600, 17 * 3600 + 1800)),
    "email": ((7 * 3600, 22 * 3600),),
    "visita_domiciliare": ((10 * 3600, 12 * 3600 + 1800), (14 * 3600 + 1800, 17 * 3600)),
    "evento": ((16 * 3600, 20 * 3600),),
}


def office_seconds(rng: random.Random, channel: str) -> float:
    """A local time of day (seconds after midnight) when a contact by ``channel`` happens."""
    start, end = rng.choice(_HOURS[channel])
    return rng.uniform(start, end)
