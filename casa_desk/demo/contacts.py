"""A year of synthetic desk activity: contacts, in time order, with their corrections.

Contacts are spread over the days of the window by how busy the desk is (weekdays, office
hours in Europe/Rome, quiet Augusts), their topics follow
:data:`~casa_desk.demo.data.MONTHLY_CATEGORY_WEIGHTS` (heating faults in winter) and their
channels :data:`~casa_desk.demo.data.CHANNEL_WEIGHTS`. Some people come often, most rarely;
some contacts are anonymous (more so for domestic violence); about one in a hundred rows is
a correction of the row before it (``amends_id``). Sensitive topics set ``sensitive``.

Rows are generated lazily, one day at a time, so a million contacts never sit in memory;
the contacts that lead to a referral are remembered as small :class:`ReferralPlan` tuples.
"""

from __future__ import annotations

import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from casa_desk.demo import data
from casa_desk.demo.clock import (
    TextClock,
    day_ms,
    day_weight,
    demo_id,
    office_seconds,
    rome_to_utc_ms,
)
from casa_desk.demo.people import Population, age_on
from casa_desk.models.vocab import DEFAULT_CATEGORIES

CORRECTION_SHARE = 0.01
REFERRAL_SHARE = 0.04
_ANONYMOUS = {"violenza_domestica": 0.35, "occupazioni_abusive": 0.2}
_ANONYMOUS_DEFAULT = 0.045
#: How likely each topic is to end in a referral, relative to the others.
_REFERRAL_RELATIVE = {
    "manutenzione": 0.3, "amministrativo": 1.0, "morosita": 6.0, "mobilita": 3.0,
    "sociale": 10.0, "salute": 14.0, "violenza_domestica": 15.0, "conflitti_vicinato": 2.0,
    "occupazioni_abusive": 1.5, "altro": 1.0,
}  # fmt: skip
_SATURDAY_CHANNELS = {"evento": 50, "visita_domiciliare": 20, "email": 20, "telefono": 10}
_CLOSED_CHANNELS = {"email": 70, "evento": 30}
_MINUTES = {
    "sportello": (5, 40),
    "telefono": (3, 20),
    "email": (5, 15),
    "visita_domiciliare": (30, 90),
    "evento": (60, 180),
}
_OUTCOMES = (("risolto", 0.05), ("in_carico", 0.3))  # (outcome, follow-up chance)
_CORRECTION_NOTES = (
    "Rettifica: corretto l'argomento del contatto.",
    "Rettifica: aggiornata la descrizione dopo una verifica.",
    "Rettifica: integrate le note con quanto emerso al ricontatto.",
)


@dataclass(frozen=True)
class ReferralPlan:
    """A contact that ends in a referral; :mod:`casa_desk.demo.referrals` writes the rest."""

    contact_id: str
    person_id: str
    occurred_ms: int
    category: str
    sensitive: int
    #: The person's age on the day, for a reason that fits it (None: not known).
    age: int | None = None


class _Chooser:
    """Weighted choice by cumulative weights, drawn from the shared rng."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.keys = list(weights)
        self.cum = list(accumulate(weights.values()))

    def pick(self, rng: random.Random) -> str:
        index = bisect_right(self.cum, rng.random() * self.cum[-1])
        return self.keys[min(index, len(self.keys) - 1)]


class ContactMaker:
    """Generates exactly ``count`` contact rows for ``days`` and collects referral plans."""

    def __init__(
        self,
        rng: random.Random,
        population: Population,
        days: list[date],
        until_ms: int,
        operator: str,
    ) -> None:
        self.rng = rng
        self.pop = population
        self.days = days
        self.until_ms = until_ms
        self.operator = operator
        self.clock = TextClock()
        self.plans: list[ReferralPlan] = []
        self._by_month = [
            _Chooser({c: w[m] for c, w in data.MONTHLY_CATEGORY_WEIGHTS.items()}) for m in range(12)
        ]
        self._weekday_channels = _Chooser(dict(data.CHANNEL_WEIGHTS))
        self._saturday = _Chooser(dict(_SATURDAY_CHANNELS))
        self._closed = _Chooser(dict(_CLOSED_CHANNELS))
        self._referral_p = _referral_chances()

    def rows(self, count: int) -> Iterator[dict[str, Any]]:
        """Exactly ``count`` rows, oldest first; about 1% are corrections (``amends_id``)."""
        rng = self.rng
        corrections = int(count * CORRECTION_SHARE)
        originals = count - corrections
        corrected = set(rng.sample(range(originals), corrections))
        per_day = [0] * len(self.days)
        if self.days:
            for index in rng.choices(
                range(len(self.days)), [day_weight(d) for d in self.days], k=originals
            ):
                per_day[index] += 1
        number = 0
        for day, how_many in zip(self.days, per_day, strict=True):
            eligible = bisect_left(self.pop.created_ms, day_ms(day) - 2 * 3_600_000)
            for channel, seconds in self._day_slots(day, how_many):
                row = self._contact(day, channel, rome_to_utc_ms(day, seconds), eligible)
                yield row
                if number in corrected:
                    yield self._correction(row)
                number += 1

    def _day_slots(self, day: date, how_many: int) -> list[tuple[str, float]]:
        rng = self.rng
        weight = day_weight(day)
        chooser = self._weekday_channels
        if day.weekday() == 5 and weight < 0.5:
            chooser = self._saturday
        elif weight < 0.05:
            chooser = self._closed
        slots = []
        for _ in range(how_many):
            channel = chooser.pick(rng)
            slots.append((channel, office_seconds(rng, channel)))
        slots.sort(key=lambda s: s[1])
        return slots

    def _contact(self, day: date, channel: str, occurred: int, eligible: int) -> dict[str, Any]:
        rng = self.rng
        category = self._by_month[day.month - 1].pick(rng)
        sensitive = int(DEFAULT_CATEGORIES[category][1])
        person_id = age = None
        if rng.random() >= _ANONYMOUS.get(category, _ANONYMOUS_DEFAULT) and eligible:
            cum = self.pop.cum_weights
            if cum[eligible - 1] > 0:
                person = self._person(eligible)
                person_id, age = person["id"], age_on(person, day)
        contact_id = demo_id(rng, occurred)
        low, high = _MINUTES[channel]
        referred = person_id is not None and rng.random() < self._referral_p[category]
        if referred:
            outcome, follow_chance = "inviato", 0.3
            self.plans.append(
                ReferralPlan(contact_id, person_id, occurred, category, sensitive, age)
            )
        else:
            outcome, follow_chance = _OUTCOMES[0] if rng.random() < 0.6 else _OUTCOMES[1]
        notes = rng.choice(data.CONTACT_NOTES[category]) if rng.random() < 0.75 else None
        text = self.clock.text(occurred)
        row: dict[str, Any] = {
            "id": contact_id,
            "person_id": person_id,
            "operator": self.operator,
            "occurred_at": text,
            "channel": channel,
            "category": category,
            "summary": rng.choice(data.fitting(data.CONTACT_SUMMARIES[category], age)),
            "notes": notes,
            "outcome": outcome,
            "minutes": max(low, round(rng.uniform(low, high) / 5) * 5),
            "follow_up_on": None,
            "follow_up_done_at": None,
            "sensitive": sensitive,
            "amends_id": None,
            "created_at": text,
            "updated_at": text,
        }
        if rng.random() < follow_chance:
            self._follow_up(row, day)
        return row

    def _person(self, eligible: int) -> dict[str, Any]:
        """A person registered before today, the frequent visitors more likely."""
        cum = self.pop.cum_weights
        index = bisect_right(cum, self.rng.random() * cum[eligible - 1], 0, eligible)
        return self.pop.rows[min(index, eligible - 1)]

    def _follow_up(self, row: dict[str, Any], day: date) -> None:
        rng = self.rng
        due = day + timedelta(days=rng.randint(2, 30))
        row["follow_up_on"] = due.isoformat()
        action = rng.choice(data.FOLLOW_UP_ACTIONS)
        row["notes"] = (
            f"{row['notes']} Prossimo passo: {action}."
            if row["notes"]
            else (f"Prossimo passo: {action}.")
        )
        if rng.random() < 0.8:
            done_day = due + timedelta(days=rng.randint(-1, 3))
            done = rome_to_utc_ms(done_day, office_seconds(rng, "telefono"))
            if done < self.until_ms:
                row["follow_up_done_at"] = self.clock.text(done)

    def _correction(self, original: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        base = original["created_at"]
        delay_ms = rng.randint(10 * 60_000, 3 * 86_400_000)
        created = min(_text_ms(base) + delay_ms, self.until_ms - 60_000)
        row = {**original, "id": demo_id(rng, created), "amends_id": original["id"]}
        row["created_at"] = row["updated_at"] = self.clock.text(created)
        if rng.random() < 0.5:
            category = self._by_month[int(base[5:7]) - 1].pick(rng)
            row["category"] = category
            row["sensitive"] = int(DEFAULT_CATEGORIES[category][1])
            row["summary"] = rng.choice(data.CONTACT_SUMMARIES[category])
        row["notes"] = rng.choice(_CORRECTION_NOTES)
        return row


def _text_ms(text: str) -> int:
    day = date.fromisoformat(text[:10])
    hour, minute = int(text[11:13]), int(text[14:16])
    sec, milli = int(text[17:19]), int(text[20:23])
    return day_ms(day) + ((hour * 60 + minute) * 60 + sec) * 1000 + milli


def _referral_chances() -> dict[str, float]:
    """Per-topic referral chance, scaled so that about 4% of all contacts lead to one."""
    months = len(next(iter(data.MONTHLY_CATEGORY_WEIGHTS.values())))
    totals = [sum(w[m] for w in data.MONTHLY_CATEGORY_WEIGHTS.values()) for m in range(months)]
    expected = 0.0
    for category, weights in data.MONTHLY_CATEGORY_WEIGHTS.items():
        share = sum(weights[m] / totals[m] for m in range(months)) / months
        named = 1 - _ANONYMOUS.get(category, _ANONYMOUS_DEFAULT)
        expected += share * named * _REFERRAL_RELATIVE[category]
    scale = REFERRAL_SHARE / expected
    return {c: min(0.9, r * scale) for c, r in _REFERRAL_RELATIVE.items()}
