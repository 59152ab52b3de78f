"""Synthetic referrals: the local service directory, consents, and event histories.

Each :class:`~casa_desk.demo.contacts.ReferralPlan` becomes a ``referrals`` header and its
``referral_events`` walked through the state machine of :mod:`casa_desk.models.referrals`:
created → sent → taken_in_charge → closed, with refusals, cancellations and reopenings, and
with histories cut off at the end of the window (so recent referrals are still in draft or
sent, and some sent ones are past ``due_on``). Every sent referral has a consent of its
person for that service (``referral:<service_id>``) given no later than the sending.

The seeded public services are used as they are; a handful of local services are added to
the directory. They are fictitious (a ``demo-`` code, "servizio dimostrativo" in the notes)
and carry no real organisation's phone number.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from casa_desk.demo import data
from casa_desk.demo.clock import TextClock, demo_id, office_seconds, rome_to_utc_ms
from casa_desk.demo.contacts import ReferralPlan
from casa_desk.models.ids import stable_id
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS

INFORMATIVA_VERSION = "2026-01"
_DEMO_NOTE = "Servizio dimostrativo: nome e recapiti inventati."

#: Local services the demo adds to each office's directory (ids from office and code).
EXTRA_SERVICES: tuple[dict[str, Any], ...] = (
    {"code": "demo-cps", "name": "CPS – Centro psico-sociale di zona", "kind": "salute",
     "organisation": "ASST (servizio territoriale di salute mentale)", "phone": None,
     "address": "Via del Centro Civico 1, Milano", "hours": "lun–ven 8:30–16:30"},
    {"code": "demo-consultorio", "name": "Consultorio familiare di zona", "kind": "salute",
     "organisation": "ASST (consultorio familiare)", "phone": None,
     "address": "Via dei Consultori 3, Milano", "hours": "lun–ven 9:00–15:00"},
    {"code": "demo-cav", "name": "Centro antiviolenza del Municipio", "kind": "antiviolenza",
     "organisation": "Associazione del territorio (rete antiviolenza)", "phone": "02 000 0001",
     "address": "", "hours": "su appuntamento"},
    {"code": "demo-caf", "name": "CAF di quartiere", "kind": "altro",
     "organisation": "Centro di assistenza fiscale", "phone": "02 000 0002",
     "address": "Via del Quartiere 10, Milano", "hours": "mar e gio 9:00–12:30"},
    {"code": "demo-legale", "name": "Sportello legale gratuito", "kind": "legale",
     "organisation": "Associazione di avvocati volontari", "phone": "02 000 0003",
     "address": "", "hours": "mercoledì 15:00–18:00"},
    {"code": "demo-lavoro", "name": "Sportello lavoro e orientamento", "kind": "lavoro",
     "organisation": "Centro per l'impiego (sportello decentrato)", "phone": "02 000 0004",
     "address": "Via del Lavoro 5, Milano", "hours": "lun–ven 9:00–13:00"},
    {"code": "demo-casa", "name": "Sportello affitto e morosità incolpevole", "kind": "casa",
     "organisation": "Municipio (sportello casa)", "phone": "02 000 0005",
     "address": "", "hours": "lunedì 9:00–12:00"},
)  # fmt: skip

#: Which services each topic is referred to, with weights.
_TARGETS: dict[str, dict[str, int]] = {
    "salute": {"asst-fbf-sacco": 40, "demo-cps": 30, "demo-consultorio": 30},
    "violenza_domestica": {"demo-cav": 70, "1522": 30},
    "sociale": {"comune-servizi-sociali": 50, "demo-caf": 20, "demo-lavoro": 20, "demo-casa": 10},
    "morosita": {"comune-servizi-sociali": 30, "demo-casa": 40, "demo-legale": 20, "demo-caf": 10},
    "mobilita": {"demo-casa": 60, "comune-servizi-sociali": 40},
    "amministrativo": {"demo-caf": 60, "demo-legale": 40},
    "conflitti_vicinato": {"comune-servizi-sociali": 50, "demo-legale": 50},
    "occupazioni_abusive": {"comune-servizi-sociali": 60, "demo-legale": 40},
    "manutenzione": {"demo-casa": 100},
    "altro": {"demo-lavoro": 50, "demo-caf": 50},
}
_DUE_DAYS = {"alta": 7, "normale": 30, "bassa": 60}
_REQUESTS = (
    "Si chiede un primo colloquio e un riscontro al presidio.",
    "Si chiede una valutazione della situazione e un appuntamento.",
    "Si chiede di ricontattare la persona ai recapiti concordati.",
)
_EVENT_NOTES = {
    "created": "Segnalazione preparata allo sportello.",
    "sent": "Inviata al servizio con il consenso della persona.",
    "taken_in_charge": "Il servizio conferma la presa in carico.",
    "closed": "Percorso concluso, esito comunicato al presidio.",
    "refused": "Il servizio non può prendere in carico la richiesta.",
    "cancelled": "Annullata su richiesta della persona.",
    "reopened": "Riaperta: la persona chiede di riprendere il percorso.",
}
_OUTCOMES = {
    "closed": "Percorso concluso",
    "refused": "Non presa in carico dal servizio",
    "cancelled": "Annullata",
}


def extra_service_rows(created_at: str, office: str) -> list[dict[str, Any]]:
    """The demo's local services of ``office`` as ``services`` values.

    Their ids derive from office and code: each office has its own local directory, and two
    demo offices that shared these ids would overwrite each other's rows at the hub.
    """
    return [
        {
            **s,
            "id": demo_service_id(office, s["code"]),
            "email": None,
            "notes": _DEMO_NOTE,
            "active": 1,
            "created_at": created_at,
            "updated_at": created_at,
        }
        for s in EXTRA_SERVICES
    ]


def demo_service_id(office: str, code: str) -> str:
    """The stable id of ``office``'s local demo service ``code``."""
    return stable_id("services", f"{office}:{code}")


@dataclass
class ReferralRows:
    consents: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


class ReferralMaker:
    """Turns referral plans (oldest first) into consent, referral and event rows."""

    def __init__(
        self,
        rng: random.Random,
        services: dict[str, dict[str, Any]],
        number_prefix: str,
        until_ms: int,
        operator: str,
    ) -> None:
        self.rng = rng
        self.services = services  # code → row (id, name, kind)
        self.prefix = number_prefix
        self.until_ms = until_ms
        self.operator = operator
        self.clock = TextClock()
        self._consents: dict[tuple[str, str], str] = {}
        self._numbers: dict[int, int] = {}

    def make(self, plans: list[ReferralPlan]) -> ReferralRows:
        out = ReferralRows()
        for plan in plans:
            self._referral(plan, out)
        return out

    def _later(self, ms: int, low: int, high: int) -> int:
        """An office-hours moment ``low``..``high`` days after ``ms`` (weekends skipped)."""
        day = TextClock.day_of(ms) + timedelta(days=self.rng.randint(low, high))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        moment = rome_to_utc_ms(day, office_seconds(self.rng, "telefono"))
        return moment if moment > ms else ms + self.rng.randint(5, 90) * 60_000

    def _referral(self, plan: ReferralPlan, out: ReferralRows) -> None:
        rng = self.rng
        targets = _TARGETS[plan.category]
        code = rng.choices(list(targets), list(targets.values()))[0]
        service = self.services[code]
        created = plan.occurred_ms + rng.randint(5, 60) * 60_000
        if created >= self.until_ms:
            return
        urgent = 0.5 if plan.category == "violenza_domestica" else 0.15
        roll = rng.random()
        urgency = "alta" if roll < urgent else ("bassa" if roll > 0.85 else "normale")
        day = TextClock.day_of(created)
        year = day.year
        self._numbers[year] = self._numbers.get(year, 0) + 1
        referral_id = demo_id(rng, created)
        kind = service["kind"]
        header: dict[str, Any] = {
            "id": referral_id,
            "number": f"{self.prefix}-{year}-{self._numbers[year]:06d}",
            "person_id": plan.person_id,
            "contact_id": plan.contact_id,
            "service_id": service["id"],
            "consent_id": None,
            "reason": rng.choice(data.fitting(data.REFERRAL_REASONS[kind], plan.age)),
            "request": rng.choice(_REQUESTS),
            "urgency": urgency,
            "due_on": (day + timedelta(days=_DUE_DAYS[urgency])).isoformat(),
            "outcome": None,
            "sensitive": int(bool(plan.sensitive) or kind in SENSITIVE_SERVICE_KINDS),
            "created_at": self.clock.text(created),
        }
        events = self._history(created, urgency)
        if any(kind == "sent" for kind, _ in events):
            header["consent_id"] = self._consent(plan.person_id, service, created, out)
        last_final = next((k for k, _ in reversed(events) if k in _OUTCOMES), None)
        if last_final and events[-1][0] == last_final:
            header["outcome"] = _OUTCOMES[last_final]
        header["updated_at"] = self.clock.text(events[-1][1])
        out.referrals.append(header)
        for kind_, at in events:
            text = self.clock.text(at)
            out.events.append(
                {
                    "id": demo_id(rng, at),
                    "referral_id": referral_id,
                    "event": kind_,
                    "at": text,
                    "by": self.operator,
                    "note": _EVENT_NOTES[kind_],
                    "created_at": text,
                }
            )

    def _history(self, created: int, urgency: str) -> list[tuple[str, int]]:
        """Events with their times, cut at the end of the window."""
        rng = self.rng
        events = [("created", created)]

        def step(kind: str, low: int, high: int) -> bool:
            at = self._later(events[-1][1], low, high)
            if at >= self.until_ms:
                return False
            events.append((kind, at))
            return True

        roll = rng.random()
        if roll < 0.06:  # left in draft
            return events
        if roll < 0.08:
            step("cancelled", 0, 5)
            return events
        if not step("sent", 0, 3):
            return events
        take = {"alta": (1, 5), "normale": (3, 25), "bassa": (7, 45)}[urgency]
        roll = rng.random()
        if roll < 0.08:  # never answered: stays sent, overdue once due_on passes
            return events
        if roll < 0.18:
            finished = step("refused", 3, 20)
        elif roll < 0.22:
            finished = step("cancelled", 1, 15)
        else:
            if not step("taken_in_charge", *take):
                return events
            finished = rng.random() < 0.65 and step("closed", 10, 120)
        if finished and rng.random() < 0.06 and step("reopened", 5, 40):
            if rng.random() < 0.5 and step("taken_in_charge", 3, 20) and rng.random() < 0.5:
                step("closed", 10, 60)
        return events

    def _consent(
        self, person_id: str, service: dict[str, Any], created: int, out: ReferralRows
    ) -> str:
        key = (person_id, service["id"])
        known = self._consents.get(key)
        if known:
            return known
        consent_id = demo_id(self.rng, created)
        text = self.clock.text(created)
        out.consents.append(
            {
                "id": consent_id,
                "person_id": person_id,
                "purpose": f"referral:{service['id']}",
                "informativa_version": INFORMATIVA_VERSION,
                "text": "La persona acconsente a che il presidio comunichi al servizio "
                f"«{service['name']}» i dati necessari alla segnalazione.",
                "given_at": text,
                "withdrawn_at": None,
                "expires_on": None,
                "operator": self.operator,
                "created_at": text,
                "updated_at": text,
            }
        )
        self._consents[key] = consent_id
        return consent_id
