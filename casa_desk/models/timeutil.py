"""Time as the store keeps it (UTC text) and as people read it (Europe/Rome, dd/mm/yyyy).

Stored instants are always ``YYYY-MM-DDTHH:MM:SS.mmmZ`` — one fixed width, so that text
comparison in SQL is time comparison. Calendar dates (birth, follow-up, due) are
``YYYY-MM-DD`` and have no time zone.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")
_FMT = "%Y-%m-%dT%H:%M:%S"


def to_utc_text(moment: datetime) -> str:
    """An aware datetime as stored text; a naive one is taken to be Europe/Rome local time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ROME)
    utc = moment.astimezone(UTC)
    return f"{utc.strftime(_FMT)}.{utc.microsecond // 1000:03d}Z"


def utc_now_text() -> str:
    return to_utc_text(datetime.now(UTC))


def ms_to_utc_text(ms: int) -> str:
    """Unix milliseconds as stored text (a clock's wall time, e.g. ``Hlc.wall_ms()``)."""
    moment = datetime.fromtimestamp(ms // 1000, UTC)
    return to_utc_text(moment.replace(microsecond=ms % 1000 * 1000))


def utc_text_ms(text: str) -> int:
    """Stored text as Unix milliseconds."""
    return round(parse_utc_text(text).timestamp() * 1000)


def parse_utc_text(text: str) -> datetime:
    """Stored text back to an aware UTC datetime."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def rome_day_start(day: date) -> str:
    """Stored text of local midnight starting ``day`` in Rome (DST-aware)."""
    return to_utc_text(datetime.combine(day, time.min, tzinfo=ROME))


def rome_month_bounds(year: int, month: int) -> tuple[str, str]:
    """``[start, end)`` of a calendar month in Europe/Rome, as stored UTC text.

    October and March have 23/25-hour days at their end; building each bound from local
    midnight handles both without arithmetic on hours.
    """
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return rome_day_start(start), rome_day_start(end)


def iso_day(text: str | None) -> date | None:
    """``YYYY-MM-DD`` as a date; None for none, a year and month alone (an anonymised
    birth) or a text that is no real day (a synced ``1980-02-31``: see :func:`format_date`)."""
    if not text or len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def format_date(value: date | str | None) -> str:
    """``2026-10-04`` → ``04/10/2026``; empty for None. A year and month alone (an
    anonymised person's birth, issue 11) → ``10/2026``. A text that is no date is shown as
    it is: the hub checks a synced row's types, not that its days are real, so another
    office's ``1980-02-31`` reaches this store, and a screen showing it must not fail."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        if len(value) == 7 and value[4] == "-" and value[:4].isdigit() and value[5:].isdigit():
            return f"{value[5:7]}/{value[:4]}"
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
        return day.strftime("%d/%m/%Y")
    return value.strftime("%d/%m/%Y")


def format_datetime(text: str | None) -> str:
    """Stored UTC text → ``dd/mm/yyyy HH:MM`` in Rome; a text that is no UTC moment (see
    :func:`format_date`) as it is."""
    if not text:
        return ""
    try:
        moment = parse_utc_text(text)
    except ValueError:
        return text
    if moment.tzinfo is None:  # no zone: not what a desk writes, and no moment to convert
        return text
    return moment.astimezone(ROME).strftime("%d/%m/%Y %H:%M")


def parse_user_date(text: str) -> date:
    """``dd/mm/yyyy``, ``d/m/yyyy`` or ISO ``yyyy-mm-dd``; ValueError otherwise."""
    text = text.strip()
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        if year < 100:
            raise ValueError("year must have four digits")
        return date(year, month, day)
    return date.fromisoformat(text)


class ImpossibleDate(ValueError):
    """A date written correctly that does not exist, such as 31/02/1980."""


_DATE_SEPARATORS = re.compile(r"[/.\-]")


def parse_past_date(text: str, *, today: date | None = None) -> date:
    """A date as people write a birth date: ``1/1/80``, ``01.01.1980``, ``1-1-1980`` or ISO.

    A two-digit year is the latest such year not after ``today`` (``80`` is 1980, ``05`` is
    2005). Raises :class:`ImpossibleDate` for a day that does not exist and ValueError for
    anything that is not a date.

    >>> parse_past_date("1/1/80", today=date(2026, 11, 25))
    datetime.date(1980, 1, 1)
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        year, month, day = (int(p) for p in text.split("-"))
    else:
        parts = _DATE_SEPARATORS.split(text)
        if len(parts) != 3 or not all(p.isdigit() and p for p in parts):
            raise ValueError("not a date")
        day, month, year = (int(p) for p in parts)
        if len(parts[2]) <= 2:
            today = today or today_rome()
            year = today.year - (today.year % 100 - year) % 100
            if (year, month, day) > (today.year, today.month, today.day):
                year -= 100
        elif len(parts[2]) != 4:
            raise ValueError("year must have two or four digits")
    try:
        return date(year, month, day)
    except ValueError:
        raise ImpossibleDate(text) from None


def today_rome() -> date:
    return datetime.now(ROME).date()


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)
