"""Synthetic registry consents and ESF participant enrolments for the demo store.

Most people gave the ``registry`` consent when they were registered (a few withdrew it
later). About one person in ten is enrolled as an ESF participant (one enrolment per
person) on a day of the year, with the entry characteristics of DESIGN.md §3 drawn from
:mod:`casa_desk.models.vocab` — ``declined`` included, because people may refuse to answer.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from casa_desk.demo.clock import DAY_MS, TextClock, demo_id, office_seconds, rome_to_utc_ms
from casa_desk.demo.people import Population
from casa_desk.demo.referrals import INFORMATIVA_VERSION
from casa_desk.models.vocab import EmploymentStatus, Isced, YesNoDeclined

REGISTRY_SHARE = 0.93
PARTICIPANT_SHARE = 0.10
REGISTRY_TEXT = (
    "La persona ha ricevuto l'informativa e acconsente al trattamento dei propri dati per "
    "la registrazione e il supporto del presidio."
)
_EMPLOYMENT = {
    EmploymentStatus.UNEMPLOYED: 30, EmploymentStatus.LONG_TERM_UNEMPLOYED: 20,
    EmploymentStatus.INACTIVE: 20, EmploymentStatus.INACTIVE_NOT_IN_EDUCATION: 10,
    EmploymentStatus.EMPLOYED: 20,
}  # fmt: skip
_ISCED = {Isced.LOW: 55, Isced.MEDIUM: 35, Isced.HIGH: 10}
_YES, _NO, _DECLINED = YesNoDeclined.YES.value, YesNoDeclined.NO.value, YesNoDeclined.DECLINED.value


def registry_consents(
    rng: random.Random, population: Population, until_ms: int, operator: str
) -> Iterator[dict[str, Any]]:
    """One ``registry`` consent for most people, given when they were registered."""
    clock = TextClock()
    for row, created in zip(population.rows, population.created_ms, strict=True):
        if rng.random() >= REGISTRY_SHARE:
            continue
        given = clock.text(created)
        withdrawn = None
        if rng.random() < 0.01:
            moment = created + rng.randint(1, 300) * DAY_MS
            withdrawn = clock.text(moment) if moment < until_ms else None
        yield {
            "id": demo_id(rng, created),
            "person_id": row["id"],
            "purpose": "registry",
            "informativa_version": INFORMATIVA_VERSION,
            "text": REGISTRY_TEXT,
            "given_at": given,
            "withdrawn_at": withdrawn,
            "expires_on": None,
            "operator": operator,
            "created_at": given,
            "updated_at": withdrawn or given,
        }


def _pick(rng: random.Random, weights: dict[Any, int]) -> str:
    return str(rng.choices(list(weights), list(weights.values()))[0])


def _yes_no(rng: random.Random, yes: float, declined: float) -> str:
    roll = rng.random()
    return _DECLINED if roll < declined else (_YES if roll < declined + yes else _NO)


def participants(
    rng: random.Random, population: Population, days: list[date], until: date
) -> list[dict[str, Any]]:
    """About 10% of people enrolled once, on a weekday of the year, oldest entry first."""
    if not days:
        return []
    first_day = days[0]
    eligible = [
        i
        for i, ms in enumerate(population.created_ms)
        if TextClock.day_of(ms) < until - timedelta(days=7)
    ]
    chosen = sorted(
        rng.sample(eligible, min(len(eligible), round(len(population.rows) * PARTICIPANT_SHARE)))
    )
    clock = TextClock()
    drafts: list[tuple[int, dict[str, Any]]] = []
    for index in chosen:
        person = population.rows[index]
        start = max(first_day, TextClock.day_of(population.created_ms[index]) + timedelta(days=1))
        span = (until - start).days
        entered = start + timedelta(days=rng.randrange(max(span, 1)))
        while entered.weekday() >= 5 and entered > start:
            entered -= timedelta(days=1)
        entered = min(entered, until - timedelta(days=1))
        exited = None
        if rng.random() < 0.35:
            leave = entered + timedelta(days=rng.randint(30, 240))
            exited = leave.isoformat() if leave < until else None
        foreign = person["languages"] != "it"
        without_title = person["tenancy_role"] == "occupante_senza_titolo"
        moment = rome_to_utc_ms(entered, office_seconds(rng, "sportello"))
        drafts.append(
            (
                moment,
                {
                    "person_id": person["id"],
                    "entered_on": entered.isoformat(),
                    "exited_on": exited,
                    "employment_status": _pick(rng, _EMPLOYMENT),
                    "education_isced": _pick(rng, _ISCED),
                    "migrant_background": _yes_no(rng, 0.85 if foreign else 0.03, 0.05),
                    "disability": _yes_no(rng, 0.10, 0.07),
                    "other_disadvantage": _yes_no(rng, 0.25, 0.10),
                    "homeless_or_housing_exclusion": _yes_no(
                        rng, 0.6 if without_title else 0.05, 0.05
                    ),
                },
            )
        )
    drafts.sort(key=lambda d: d[0])
    rows = []
    for moment, values in drafts:
        text = clock.text(moment)
        rows.append({**values, "id": demo_id(rng, moment), "created_at": text, "updated_at": text})
    return rows
