"""Synthetic residents of one estate: households in flats, with names, codici fiscali, phones.

People come in households that share a flat (``household_id``, ``unit_code`` and address):
a holder (``titolare``) and members (``componente``); a few households occupy their flat
without title (``occupante_senza_titolo``) and a few members live elsewhere
(``non_residente``). Names, birthplaces and languages are drawn together from one origin
group of :data:`casa_desk.demo.data.ORIGINS`, so a family is coherent. About 8% have no
codice fiscale (newly arrived, never given, not yet on file); the others carry the code the
official algorithm yields, occasionally its omocodic variant.

Everything is drawn from the builder's single ``random.Random`` in a fixed order, and rows
come out sorted by their creation time so that two builds with one seed agree row for row.
"""

from __future__ import annotations

import random
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from casa_desk.demo import data
from casa_desk.demo.clock import TextClock, day_weight, demo_id, office_seconds, rome_to_utc_ms
from casa_desk.models.codice_fiscale import make_cf, omocode
from casa_desk.models.phone import normalize_phone

NO_CF_SHARE = 0.08
PHONE_SHARE = 0.86
EMAIL_SHARE = 0.22
#: Children never come to the desk themselves: a parent speaks for the family, and the
#: contacts, referrals and follow-ups are the parent's. A demo that shows a nine-year-old
#: asking about an eviction notice reads wrong to the first community manager who tries it.
MIN_VISITOR_AGE = 18

_PLACE_NAMES = {
    "F205": "Milano", "I690": "Sesto San Giovanni", "F839": "Napoli", "G273": "Palermo",
    "A662": "Bari", "C351": "Catania", "D643": "Foggia", "H224": "Reggio di Calabria",
    "D086": "Cosenza", "F158": "Messina", "L049": "Taranto", "E506": "Lecce",
    "A089": "Agrigento", "H703": "Salerno", "C352": "Catanzaro", "H501": "Roma",
    "Z336": "Egitto", "Z330": "Marocco", "Z611": "Perù", "Z216": "Filippine",
    "Z129": "Romania", "Z605": "Ecuador", "Z100": "Albania", "Z210": "Cina",
    "Z209": "Sri Lanka", "Z249": "Bangladesh", "Z343": "Senegal", "Z138": "Ucraina",
    "Z352": "Tunisia",
}  # fmt: skip
_COUNTRY_PHONE = {
    "egitto": "20", "marocco": "212", "peru": "51", "filippine": "63", "romania": "40",
    "ecuador": "593", "albania": "355", "cina": "86", "sri_lanka": "94", "bangladesh": "880",
    "senegal": "221", "ucraina": "380", "tunisia": "216",
}  # fmt: skip
_MOBILE_PREFIXES = (
    "320",
    "324",
    "327",
    "328",
    "329",
    "331",
    "333",
    "334",
    "335",
    "338",
    "339",
    "340",
    "342",
    "345",
    "347",
    "348",
    "349",
    "351",
    "366",
    "380",
    "388",
    "389",
    "391",
    "392",
    "393",
)
_SIZES = (1, 2, 3, 4, 5, 6)
_SIZE_WEIGHTS = (31, 28, 17, 13, 7, 4)
_NOTES = (
    "Preferisce essere contattata/o al mattino.",
    "Serve un interprete per i colloqui lunghi.",
    "Difficoltà motorie: preferisce la visita a domicilio.",
    "Chiede di essere chiamata/o solo al cellulare.",
    "Rappresentante di scala.",
)


@dataclass
class Population:
    """The people rows (sorted by ``created_at``) and what the contact generator needs."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    created_ms: list[int] = field(default_factory=list)
    #: Cumulative activity weights, aligned with ``rows`` (some people come often).
    cum_weights: list[float] = field(default_factory=list)


def age_on(row: dict[str, Any], day: date) -> int | None:
    """Whole years of the person ``row`` on ``day`` (None without a birth date)."""
    born = row.get("birth_date")
    if not born:
        return None
    year, month, dom = int(born[:4]), int(born[5:7]), int(born[8:10])
    return day.year - year - ((day.month, day.day) < (month, dom))


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if c.isascii() and c.isalnum())


class PeopleMaker:
    """Draws households for one presidio until exactly ``count`` people exist."""

    def __init__(self, rng: random.Random, presidio: str, window_start: date) -> None:
        self.rng = rng
        self.presidio = next(p for p in data.PRESIDI if p["code"] == presidio)
        self.window_start = window_start
        self.clock = TextClock()
        self._origins = data.ORIGINS
        self._origin_cum = list(accumulate(o["weight"] for o in self._origins))
        self._cfs: set[str] = set()
        self._addresses: set[tuple[str, int, str, int, int]] = set()
        self._units = 0
        #: Born by then, a person is of age on every day of the window.
        adult_from = window_start.replace(year=window_start.year - MIN_VISITOR_AGE, day=1)
        self._adult_born_by = adult_from.isoformat()

    def make(self, count: int) -> Population:
        drafts: list[tuple[int, dict[str, Any], float]] = []
        while len(drafts) < count:
            drafts.extend(self._household()[: count - len(drafts)])
        drafts.sort(key=lambda d: d[0])
        pop = Population()
        total = 0.0
        for created, row, weight in drafts:
            row["id"] = demo_id(self.rng, created)
            text = self.clock.text(created)
            row["created_at"] = row["updated_at"] = text
            pop.rows.append(row)
            pop.created_ms.append(created)
            total += weight
            pop.cum_weights.append(total)
        return pop

    # -- one household ------------------------------------------------------------------
    def _household(self) -> list[tuple[int, dict[str, Any], float]]:
        rng = self.rng
        origin = self._origins[
            min(
                bisect_right(self._origin_cum, rng.random() * self._origin_cum[-1]),
                len(self._origins) - 1,
            )
        ]
        size = rng.choices(_SIZES, _SIZE_WEIGHTS)[0]
        self._units += 1
        created = self._created_ms()
        unit = {
            "household_id": demo_id(rng, created),
            "unit_code": f"{self.presidio['unit_prefix']}{self._units * 7 + rng.randrange(7):06d}",
            "quartiere": self.presidio["quartiere"],
            **self._address(),
        }
        without_title = rng.random() < 0.04
        head_age = rng.choices(
            (rng.randint(22, 45), rng.randint(46, 66), rng.randint(67, 95)), (30, 35, 35)
        )[0]
        head_gender = rng.choice("FM")
        family_name = rng.choice(origin["surnames"])
        members: list[tuple[int, dict[str, Any], float]] = []
        father_name = family_name if head_gender == "M" else rng.choice(origin["surnames"])
        for index in range(size):
            if index == 0:
                age, gender, last = head_age, head_gender, family_name
                role = "titolare"
            elif index == 1 and head_age >= 25 and rng.random() < 0.7:
                age = max(18, head_age + rng.randint(-6, 6))
                gender = "M" if head_gender == "F" else "F"
                last = father_name if gender == "M" else rng.choice(origin["surnames"])
                role = "componente"
            else:
                # No one under 4: everyone was born before the registry import.
                age = max(4, head_age - rng.randint(18, 40))
                gender, last, role = rng.choice("FM"), father_name, "componente"
            if without_title:
                role = "occupante_senza_titolo"
            elif role == "componente" and age >= 18 and rng.random() < 0.03:
                role = "non_residente"
            # Members are registered with the holder, or later when they first come in.
            member_created = created if rng.random() < 0.8 else self._created_ms()
            person = self._person(origin, gender, last, age, role)
            weight = 0.0 if rng.random() < 0.12 else min(rng.paretovariate(1.6), 60.0)
            if person["birth_date"] > self._adult_born_by:
                weight = 0.0  # a minor on some day of the year: a parent comes instead
            members.append((member_created, {**person, **unit}, weight))
        return members

    def _created_ms(self) -> int:
        """Most people came with the registry import before the year; a third during it."""
        rng = self.rng
        if rng.random() < 0.7:
            day = self.window_start - timedelta(days=rng.randint(1, 3 * 365))
        else:
            day = self.window_start + timedelta(days=rng.randrange(365))
            while day_weight(day) < 0.5:
                day -= timedelta(days=1)
        return rome_to_utc_ms(day, office_seconds(rng, "sportello"))

    def _address(self) -> dict[str, Any]:
        rng = self.rng
        while True:
            street = rng.choice(self.presidio["streets"])
            civic = rng.randint(1, 60)
            stair = rng.choice(data.STAIRS[: 1 + civic % len(data.STAIRS)])
            floor = rng.choice(data.FLOORS)
            flat = rng.randint(1, max(data.INTERNAL_COUNT))
            key = (street, civic, stair, floor, flat)
            if key not in self._addresses or len(self._addresses) > 200_000:
                self._addresses.add(key)
                break
        return {
            "street": street,
            "civic": str(civic),
            "stair": stair,
            "floor": str(floor),
            "flat": str(floor * 10 + flat),
        }

    def _person(
        self, origin: data.OriginData, gender: str, last: str, age: int, role: str
    ) -> dict[str, Any]:
        rng = self.rng
        first = rng.choice(origin["male_first"] if gender == "M" else origin["female_first"])
        today = self.window_start + timedelta(days=365)
        born = today - timedelta(days=age * 365 + rng.randrange(365))
        if origin["key"] != "italia" and age < 20 and rng.random() < 0.6:
            place = "F205"  # born in Milan to a family that came before
        else:
            place = rng.choices(origin["place_codes"], origin["place_weights"])[0]
        stated = gender
        roll = rng.random()
        if roll < 0.004:
            stated = "NS"
        elif roll < 0.006:
            stated = "X"
        row: dict[str, Any] = {
            "first_name": first,
            "last_name": last,
            "codice_fiscale": None
            if rng.random() < NO_CF_SHARE
            else self._cf(last, first, born, gender, place),
            "birth_date": born.isoformat(),
            "birth_place": _PLACE_NAMES.get(place, place),
            "gender": stated,
            "phone": self._phone(origin["key"], age),
            "email": None,
            "languages": ",".join(origin["languages"]),
            "tenancy_role": role,
            "notes": rng.choice(_NOTES) if rng.random() < 0.03 else None,
            "merged_into": None,
        }
        if age >= 16 and rng.random() < EMAIL_SHARE:
            domain = rng.choice(data.EMAIL_DOMAINS)
            row["email"] = f"{_ascii(first)}.{_ascii(last)}{rng.randint(1, 99)}@{domain}"
        return row

    def _cf(self, last: str, first: str, born: date, gender: str, place: str) -> str:
        code = make_cf(last, first, born, gender, place)
        # A taken code gets the Agenzia's omocodic variant; a few people have one anyway.
        if code in self._cfs or self.rng.random() < 0.002:
            for level in range(1, 8):
                variant = omocode(code, level)
                if variant not in self._cfs:
                    code = variant
                    break
        self._cfs.add(code)
        return code

    def _phone(self, origin: str, age: int) -> str | None:
        rng = self.rng
        if age < 14 or rng.random() > PHONE_SHARE:
            return None
        roll = rng.random()
        if origin != "italia" and roll < 0.08:
            raw = f"+{_COUNTRY_PHONE[origin]}{rng.randrange(10**8, 10**9)}"
        elif roll < 0.1:
            raw = f"02 {rng.randrange(10**7, 10**8)}"
        else:
            raw = f"{rng.choice(_MOBILE_PREFIXES)} {rng.randrange(10**6, 10**7)}"
        return normalize_phone(raw)


def make_people(rng: random.Random, presidio: str, window_start: date, count: int) -> Population:
    """Exactly ``count`` people of ``presidio``, sorted by creation time (see module doc)."""
    return PeopleMaker(rng, presidio, window_start).make(count)
