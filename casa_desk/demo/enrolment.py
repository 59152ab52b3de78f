"""Synthetic registry consents and ESF participant enrolments for the demo store.

Most people gave the ``registry`` consent when they were registered (a few withdrew it
later). About one person in ten is enrolled as an ESF participant (one enrolment per
person) on a day of the year, with the entry characteristics of DESIGN.md §3 drawn from
:mod:`casa_desk.models.vocab` — ``declined`` included, because people may refuse to answer.

About half leave within the year, after two weeks to eight months. For them (issue 13):
the immediate results, recorded
within four weeks of leaving for nine in ten (some "not known", recent exits often still to
record), with job-search only for people inactive at entry; from six months after leaving,
the follow-up for four in five of those due (the rest wait in the agenda), an improved
situation only for people employed at entry; and a few re-entries, which clear the earlier
exit as the counting rule wants. These later draws, and the 2021–2027 entry indicators, come
from a second generator seeded from the same seed, so the entries and the figures of the
first version of the demo are unchanged by them (some who stayed in then now leave).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from casa_desk.demo.clock import DAY_MS, TextClock, demo_id, office_seconds, rome_to_utc_ms
from casa_desk.demo.people import Population
from casa_desk.demo.referrals import INFORMATIVA_VERSION
from casa_desk.models.esf import follow_up_due
from casa_desk.models.vocab import EmploymentStatus, ExitResult, Isced, YesNoDeclined

REGISTRY_SHARE = 0.93
PARTICIPANT_SHARE = 0.10
MIN_PARTICIPANT_AGE = 16
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


def _later(rng: random.Random, entry: dict[str, Any], foreign: bool, until: date) -> dict[str, Any]:
    """The 2021–2027 indicators, then the exit's results, follow-up or a re-entry."""
    third = _yes_no(rng, 0.45, 0.05) if foreign else _NO
    values: dict[str, Any] = {
        "third_country_national": third,
        "foreign_background": _YES
        if third == _YES
        else _yes_no(rng, 0.8 if foreign else 0.04, 0.04),
        "minority": _yes_no(rng, 0.06, 0.08),
    }
    last = until - timedelta(days=1)
    if not entry["exited_on"] and rng.random() < 0.5:  # shorter stays than the first draw
        leave = date.fromisoformat(entry["entered_on"]) + timedelta(days=rng.randint(14, 150))
        if leave <= last:
            values["exited_on"] = leave.isoformat()
    if not (entry["exited_on"] or values.get("exited_on")):
        return values
    exited = date.fromisoformat(entry["exited_on"] or values["exited_on"])
    if rng.random() < 0.03:  # came back: one participant, the earlier exit gives way
        back = exited + timedelta(days=rng.randint(20, 120))
        if back <= last:
            return values | {"exited_on": None, "reentered_on": back.isoformat()}
    recent = (last - exited).days < 28
    if rng.random() < (0.4 if recent else 0.9):
        recorded = min(exited + timedelta(days=rng.randint(0, 27)), last)
        values |= {"exit_results_on": recorded.isoformat(), **_exit_results(rng, entry)}
    due = follow_up_due(exited)
    on = due + timedelta(days=rng.randint(0, 40))  # some weeks after it is due, if yet
    if on <= last and rng.random() < 0.8:
        known = rng.random() < 0.75
        employed = known and rng.random() < (0.7 if values.get("exit_employed") else 0.3)
        improved = (
            known and entry["employment_status"] == EmploymentStatus.EMPLOYED and rng.random() < 0.3
        )
        values |= {
            "followup_on": on.isoformat(),
            "followup_known": int(known),
            "followup_employed": int(employed),
            "followup_improved": int(improved),
        }
    return values


def _exit_results(rng: random.Random, entry: dict[str, Any]) -> dict[str, Any]:
    """Immediate results: 15% not known; otherwise each result by its own chance."""
    if rng.random() < 0.15:
        return {"exit_results_known": 0, **{f"exit_{r.value}": 0 for r in ExitResult}}
    status = entry["employment_status"]
    inactive = status in (EmploymentStatus.INACTIVE, EmploymentStatus.INACTIVE_NOT_IN_EDUCATION)
    chances = {
        ExitResult.JOB_SEARCHING: 0.35 if inactive else 0.0,
        ExitResult.EDUCATION: 0.15,
        ExitResult.QUALIFICATION: 0.10,
        ExitResult.EMPLOYED: 0.7 if status == EmploymentStatus.EMPLOYED else 0.2,
    }
    return {
        "exit_results_known": 1,
        **{f"exit_{r.value}": int(rng.random() < chance) for r, chance in chances.items()},
    }


def participants(
    rng: random.Random,
    population: Population,
    days: list[date],
    until: date,
    later: random.Random | None = None,
) -> list[dict[str, Any]]:
    """About 10% of people enrolled once, on a weekday of the year, oldest entry first.

    ``later`` draws what issue 13 added (results, follow-ups, re-entries, the 2021–2027
    indicators); by default a generator derived from ``rng``'s next value."""
    later = later or random.Random(rng.getrandbits(64))
    if not days:
        return []
    first_day = days[0]
    # Working age at any entry of the year: a participant's employment and education at
    # entry are an adult's (compulsory schooling in Italy runs to 16).
    born_by = (until - timedelta(days=(MIN_PARTICIPANT_AGE + 1) * 366)).isoformat()
    eligible = [
        i
        for i, ms in enumerate(population.created_ms)
        if TextClock.day_of(ms) < until - timedelta(days=7)
        and population.rows[i]["birth_date"] <= born_by
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
        values = {
            "person_id": person["id"],
            "entered_on": entered.isoformat(),
            "exited_on": exited,
            "employment_status": _pick(rng, _EMPLOYMENT),
            "education_isced": _pick(rng, _ISCED),
            "migrant_background": _yes_no(rng, 0.85 if foreign else 0.03, 0.05),
            "disability": _yes_no(rng, 0.10, 0.07),
            "other_disadvantage": _yes_no(rng, 0.25, 0.10),
            "homeless_or_housing_exclusion": _yes_no(rng, 0.6 if without_title else 0.05, 0.05),
        }
        drafts.append((moment, values | _later(later, values, foreign, until)))
    drafts.sort(key=lambda d: d[0])
    rows = []
    for moment, values in drafts:
        text = clock.text(moment)
        rows.append({**values, "id": demo_id(rng, moment), "created_at": text, "updated_at": text})
    return rows
