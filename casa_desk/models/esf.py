"""ESF participant rules that do not depend on storage: age at entry, age bands of each
programme, the six-month follow-up date and the keyed hash used to find one person's
enrolments across offices.

Ages are whole years on the entry day. ``entered_on`` is already a calendar day in
Europe/Rome (the office's day), so no time zone arithmetic happens here; the birth date is
the person's, never an age band, because the two programmes band ages differently:

>>> age_band(Programme.ESF_2014_2020, 24), age_band(Programme.ESF_2021_2027, 24)
('lt25', '18_29')
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import date, timedelta

from casa_desk.models.codice_fiscale import OMOCODIA_LETTERS, OMOCODIA_POSITIONS
from casa_desk.models.vocab import Programme

UNKNOWN_AGE = "unknown"

#: Age band codes of each programme, youngest first (the CSV items, stable).
AGE_BAND_CODES: dict[Programme, tuple[str, ...]] = {
    # Reg. 1304/2013 Annex I: "below 25 years of age", "above 54 years of age".
    Programme.ESF_2014_2020: ("lt25", "25_54", "gt54"),
    # Reg. 2021/1057 Annex I 1.1: "below 18", "between 18 and 29", "55 and above"; 30–54
    # completes the partition so the table adds up to its total.
    Programme.ESF_2021_2027: ("lt18", "18_29", "30_54", "55_plus"),
}

#: The programme a store reports to until head office says otherwise: the 2014–2020
#: eligibility period ended on 31 December 2023 (Reg. 1303/2013 art. 65(2)), so an office
#: funded today can only be in the 2021–2027 programme.
DEFAULT_PROGRAMME = Programme.ESF_2021_2027

#: The first day an ESF participant can have entered, left or had a result: the 2014-2020
#: programme's eligibility began on 1 January 2014 (Reg. 1303/2013 art. 65(2)).
FIRST_ESF_DAY = date(2014, 1, 1)

#: Follow-up of the longer-term results: six months after leaving.
FOLLOW_UP_MONTHS = 6


def age_on(birth_date: str | None, day: date) -> int | None:
    """Whole years on ``day`` from the **year and month** of birth (``YYYY-MM`` or
    ``YYYY-MM-DD``; the day is ignored); None if unknown, bad, or after ``day``.

    Why the month only: retention (issue 11) keeps a person's year and month of birth and
    erases the day, and every past month's report must be identical before and after. So
    every report computes ages as if everyone were born on the 1st of their month: the
    birthday counts from the first day of the birth month. The two rules differ only for a
    person who enters in their birth month before their birthday (a few per thousand)."""
    born = year_month(birth_date)
    if born is None or born > (day.year, day.month):
        return None
    return day.year - born[0] - (day.month < born[1])


def year_month(birth_date: str | None) -> tuple[int, int] | None:
    """(year, month) of a ``YYYY-MM[-DD]`` text, or None if it is not one."""
    if not birth_date or len(birth_date) < 7 or birth_date[4] != "-":
        return None
    try:
        year, month = int(birth_date[:4]), int(birth_date[5:7])
        if len(birth_date) >= 10:
            date.fromisoformat(birth_date[:10])  # a full date must be a real one
    except ValueError:
        return None
    return (year, month) if 1 <= month <= 12 and year >= 1 else None


def born_after(birth_date: str | None, day: date) -> bool:
    """True when a person born on ``birth_date`` (stored text) was not yet born on ``day``:
    a whole date after it, or a year and month alone (retention: ``2020-05``) after its
    month. A birth date that is no date (none, a synced ``1980-02-31``) is never after.

    >>> born_after("2020-05-20", date(2020, 5, 19)), born_after("2020-05", date(2020, 5, 1))
    (True, False)
    """
    born = year_month(birth_date)
    if born is None:
        return False
    if born > (day.year, day.month):
        return True
    try:
        return birth_date is not None and date.fromisoformat(birth_date[:10]) > day
    except ValueError:  # a year and month alone
        return False


def age_band(programme: Programme, age: int | None) -> str:
    """The programme's band code for an age in whole years (``unknown`` for None)."""
    if age is None:
        return UNKNOWN_AGE
    if programme is Programme.ESF_2014_2020:
        return "lt25" if age < 25 else "25_54" if age <= 54 else "gt54"
    if age < 18:
        return "lt18"
    return "18_29" if age <= 29 else "30_54" if age <= 54 else "55_plus"


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clipped to the month's end (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return min(date(year, month, 1) + timedelta(days=day.day - 1), following - timedelta(days=1))


def follow_up_due(exited_on: date) -> date:
    """The first day the six-month follow-up of a participant who left on ``exited_on``
    may be recorded (and the day the agenda starts proposing it)."""
    return add_months(exited_on, FOLLOW_UP_MONTHS)


def normalised_cf(codice_fiscale: str) -> str:
    """The codice fiscale as hashed: upper case, no spaces, omocodia letters turned back
    into digits — the tax office may have issued the same person an omocodic variant, and
    both must give the same hash. The check character is left out (it changes with them).
    """
    text = "".join(codice_fiscale.split()).upper()
    if len(text) != 16:
        return text
    chars = list(text[:15])
    for pos in OMOCODIA_POSITIONS:
        if chars[pos] in OMOCODIA_LETTERS:
            chars[pos] = str(OMOCODIA_LETTERS.index(chars[pos]))
    return "".join(chars)


def cf_hash(key: str, codice_fiscale: str | None) -> str | None:
    """HMAC-SHA256 of the normalised codice fiscale under the programme key (hex), or None.

    The key is a 256-bit secret made by the hub (``hub_meta.esf_key``) and handed only to
    enrolled devices, which keep it with their other sync secrets. Without it the hash
    cannot be recomputed from a list of candidate codes — a plain SHA-256 of a codice
    fiscale can, because the code is built from name, birth date and town. With it, head
    office compares enrolments of all offices by hash alone, reading no name.
    """
    if not key or not codice_fiscale or not codice_fiscale.strip():
        return None
    raw = base64.urlsafe_b64decode(key.encode("ascii") + b"=" * (-len(key) % 4))
    message = normalised_cf(codice_fiscale).encode("ascii", "replace")
    return hmac.new(raw, message, hashlib.sha256).hexdigest()
