"""A small synthetic store for the report tests, written through the journal.

Names are invented test words (never real people). The content is random but seeded, and
covers what the figures must get right: corrections (``amends_id``), contacts and corrections
removed through :meth:`Contacts.remove` (the path the desk uses), deleted rows,
anonymous contacts, merged people, follow-ups, referral events (legal and illegal),
participants, and contacts on both sides of the DST changes.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from casa_desk.models.timeutil import to_utc_text
from casa_desk.store.contacts import Contacts
from casa_desk.store.reference import reference_rows
from casa_desk.store.tables import CONTACTS

OFFICES = ("SAN-SIRO", "MAZZINI")
LAST_NAMES = (
    "Zarquon",
    "Pellifax",
    "Tronvelli",
    "Quibbert",
    "Marvasto",
    "Ostrilli",
    "Fennaldo",
    "Grumpetti",
    "Vaschino",
    "Libradoro",
)
FIRST_NAMES = ("Alfa", "Brava", "Ciarlo", "Delto", "Echina", "Foxta")


def _when(rng: random.Random, month: tuple[int, int]) -> str:
    year, mon = month
    day = rng.randint(1, 28)
    return to_utc_text(datetime(year, mon, day, rng.randint(8, 19), rng.randint(0, 59)))


def _remove(store: Any, journal: Any, row: dict[str, Any]) -> None:
    """Remove a contact as its office's desk does: :meth:`Contacts.remove` for this
    store's office; another office's (which only its own desk may remove) as that desk
    wrote it, the same tombstone amendment reached this store by sync."""
    if row["presidio"] == store.presidio:
        Contacts(store).remove(row["id"], operator="op1")
        return
    values = {k: row[k] for k in CONTACTS.columns if k not in ("amends_id", "operator")}
    journal.insert(
        "contacts",
        {**values, "amends_id": row["id"], "operator": "op1", "deleted": 1},
        presidio=row["presidio"],
        scope=row["scope"],
    )


def build(  # noqa: PLR0912 - builds every kind of row the report reads
    store: Any, seed: int = 7, people: int = 60, contacts: int = 400
) -> dict[str, Any]:
    """Fill ``store``; returns ids the tests want (people, a referral with consent)."""
    rng = random.Random(seed)
    ref = reference_rows()
    categories = [c["code"] for c in ref["categories"]]
    services = {s["code"]: s["id"] for s in ref["services"]}
    months = [(2026, 8), (2026, 9), (2026, 10), (2026, 11)]
    out: dict[str, Any] = {"people": [], "last_names": set()}
    with store.transaction() as j:
        for n in range(people):
            last = f"{rng.choice(LAST_NAMES)}{n}"
            row = j.insert(
                "people",
                {
                    "first_name": rng.choice(FIRST_NAMES),
                    "last_name": last,
                    "birth_date": date(
                        rng.randint(1940, 2008), rng.randint(1, 12), rng.randint(1, 28)
                    ).isoformat()
                    if n % 9
                    else None,
                    "gender": rng.choice(["F", "M", "F", "M", "X", "NS", None]),
                    "phone": f"+39 333 000 {n:04d}",
                    "street": "Via Finta",
                    "civic": str(n),
                },
                presidio=OFFICES[n % 2],
            )
            out["people"].append(row["id"])
            out["last_names"].add(last)
        # Two people merged into the first one.
        for victim in out["people"][1:3]:
            j.update("people", victim, {"merged_into": out["people"][0]})
        ids: list[tuple[str, str]] = []
        for n in range(contacts):
            office = rng.choice(OFFICES)
            person = rng.choice(out["people"]) if rng.random() > 0.12 else None
            follow = None
            done = None
            if rng.random() < 0.3:
                follow = (date(2026, rng.randint(8, 11), rng.randint(1, 28))).isoformat()
                if rng.random() < 0.4:
                    done = _when(rng, rng.choice(months))
            row = j.insert(
                "contacts",
                {
                    "person_id": person,
                    "operator": "op1",
                    "occurred_at": _when(rng, rng.choice(months)),
                    "channel": rng.choice(
                        ["sportello", "telefono", "email", "visita_domiciliare", "evento"]
                    ),
                    "category": rng.choice(categories + ["manutenzione"] * 5),
                    "summary": "riepilogo di prova",
                    "outcome": "risolto",
                    "minutes": 10,
                    "follow_up_on": follow,
                    "follow_up_done_at": done,
                    "sensitive": 0,
                },
                presidio=office,
            )
            ids.append((row["id"], office))
            # Some contacts removed by the desk's own path (a deleted amendment), some
            # corrected, chains of two, and corrections removed in turn.
            if n % 34 == 0:
                _remove(store, j, row)
            elif n % 17 == 0:
                fix = j.insert(
                    "contacts",
                    {
                        **{
                            k: row[k]
                            for k in (
                                "person_id",
                                "operator",
                                "channel",
                                "summary",
                                "outcome",
                                "minutes",
                                "follow_up_on",
                                "follow_up_done_at",
                                "sensitive",
                            )
                        },
                        "occurred_at": _when(rng, rng.choice(months)),
                        "category": rng.choice(categories),
                        "amends_id": row["id"],
                    },
                    presidio=office,
                )
                if n % 85 == 0:
                    _remove(store, j, fix)
                elif n % 51 == 0:
                    j.insert(
                        "contacts",
                        {
                            "person_id": row["person_id"],
                            "operator": "op1",
                            "occurred_at": fix["occurred_at"],
                            "channel": "telefono",
                            "category": "salute",
                            "amends_id": fix["id"],
                        },
                        presidio=office,
                    )
        # Contacts at the DST edges (UTC instants): Oct 31 23:30Z is 1 Nov 00:30 in Rome;
        # Oct 31 22:30Z is 31 Oct 23:30; Mar 31 22:30Z is 1 Apr 00:30 (CEST).
        for at in (
            "2026-10-31T23:30:00.000Z",
            "2026-10-31T22:30:00.000Z",
            "2026-09-30T21:59:00.000Z",
            "2026-09-30T22:00:00.000Z",
        ):
            j.insert(
                "contacts",
                {
                    "person_id": out["people"][5],
                    "operator": "op1",
                    "occurred_at": at,
                    "channel": "sportello",
                    "category": "altro",
                },
                presidio="SAN-SIRO",
            )
        # Referrals with events.
        kinds = list(services.values())
        for n in range(40):
            office = OFFICES[n % 2]
            person = rng.choice(out["people"])
            service = rng.choice(kinds)
            referral = j.insert(
                "referrals",
                {
                    "number": f"R-{n:03d}",
                    "person_id": person,
                    "service_id": service,
                    "reason": "motivo di prova",
                    "request": "richiesta di prova",
                    "urgency": "normale",
                    "sensitive": 0,
                },
                presidio=office,
            )
            t = datetime(2026, rng.randint(8, 11), rng.randint(1, 20), 9, tzinfo=UTC)
            steps = ["created", "sent", "taken_in_charge", "closed", "reopened", "taken_in_charge"]
            steps = steps[: rng.randint(1, len(steps))]
            if n % 7 == 0:
                steps.insert(1, "closed")  # illegal here: must be flagged, not counted
            for step in steps:
                t += timedelta(days=rng.randint(0, 9), hours=rng.randint(0, 20))
                j.insert(
                    "referral_events",
                    {
                        "referral_id": referral["id"],
                        "event": step,
                        "at": to_utc_text(t),
                        "by": "op1",
                    },
                    presidio=office,
                )
            if n == 0:
                j.insert(
                    "consents",
                    {
                        "person_id": person,
                        "purpose": f"referral:{service}",
                        "informativa_version": "2026.1",
                        "text": "Acconsento alla trasmissione dei miei dati al servizio indicato.",
                        "given_at": "2026-10-02T09:15:00.000Z",
                    },
                    presidio=office,
                )
                out["referral_with_consent"] = referral["id"]
                out["referral_person"] = person
            if n == 1:
                out["referral_without_consent"] = referral["id"]
        # ESF participants: entries of the report's months, exits with immediate results,
        # six-month follow-ups of earlier exits, a re-entry, and two counting-rule cases.
        _participants(j, rng, out)
    return out


def _participants(j: Any, rng: random.Random, out: dict[str, Any]) -> None:  # noqa: PLR0912
    """ESF enrolments. Written through the journal like everything here (no repository
    rules), so odd rows a sync could bring are covered too."""

    def entry() -> dict[str, Any]:
        return {
            "employment_status": rng.choice(
                [
                    "unemployed",
                    "long_term_unemployed",
                    "inactive",
                    "inactive_not_in_education",
                    "employed",
                    None,
                ]
            ),
            "education_isced": rng.choice(["0-2", "3-4", "5-8", None]),
            "migrant_background": rng.choice(["yes", "no", "declined"]),
            "disability": rng.choice(["yes", "no", "no", "declined"]),
            "other_disadvantage": rng.choice(["yes", "no", "declined", None]),
            "homeless_or_housing_exclusion": rng.choice(["yes", "no", "no", "no"]),
            "third_country_national": rng.choice(["yes", "no", "no", "declined", None]),
            "foreign_background": rng.choice(["yes", "no", "declined", None]),
            "minority": rng.choice(["yes", "no", "no", "no", "declined"]),
        }

    def results(exited: date) -> dict[str, Any]:
        roll = rng.random()
        if roll < 0.2:
            return {}  # not recorded yet
        recorded = exited + timedelta(days=rng.randint(0, 27))
        if roll < 0.35:
            return {"exit_results_on": recorded.isoformat(), "exit_results_known": 0}
        flags = {
            f"exit_{c}": int(rng.random() < share)
            for c, share in (
                ("job_searching", 0.3),
                ("education", 0.25),
                ("qualification", 0.15),
                ("employed", 0.35),
            )
        }
        return {"exit_results_on": recorded.isoformat(), "exit_results_known": 1, **flags}

    people = out["people"]
    for n, person in enumerate(people[3:40]):
        entered = date(2026, rng.randint(8, 11), rng.randint(1, 28))
        values: dict[str, Any] = {"entered_on": entered.isoformat(), **entry()}
        if rng.random() < 0.45:
            exited = entered + timedelta(days=rng.randint(0, 80))
            if exited <= date(2026, 11, 30):
                values |= {"exited_on": exited.isoformat(), **results(exited)}
        j.insert(
            "participants",
            {**values, "person_id": person, "deleted": 1 if n == 0 else 0},
            presidio=OFFICES[n % 2],
        )
    # Earlier participants (2025–spring 2026): exits whose six-month follow-up falls in the
    # report's months, one with results and follow-up still to come.
    for n, person in enumerate(people[40:55]):
        entered = date(2025, rng.randint(1, 12), rng.randint(1, 28))
        exited = date(2026, rng.randint(1, 5), rng.randint(1, 28))
        values = {"entered_on": entered.isoformat(), "exited_on": exited.isoformat()}
        values |= entry() | results(exited)
        followup = exited + timedelta(days=183 + rng.randint(0, 50))
        if n % 5 and followup <= date(2026, 11, 30):
            known = int(rng.random() < 0.8)
            values |= {
                "followup_on": followup.isoformat(),
                "followup_known": known,
                "followup_employed": known and int(rng.random() < 0.5),
                "followup_improved": known and int(rng.random() < 0.2),
            }
        j.insert("participants", {**values, "person_id": person}, presidio=OFFICES[n % 2])
    # A re-entry: first entered in 2025, left, came back in September 2026, still in.
    j.insert(
        "participants",
        {
            "person_id": people[55],
            "entered_on": "2025-03-03",
            "reentered_on": "2026-09-14",
            **entry(),
        },
        presidio="SAN-SIRO",
    )
    # The counting rule across records: people[1] was merged into people[0] and both had
    # been enrolled (one row still open); people[56] and people[57] are one person under
    # two records (same codice fiscale hash), enrolled in two offices.
    j.insert(
        "participants",
        {"person_id": people[0], "entered_on": "2026-09-20", **entry()},
        presidio="SAN-SIRO",
    )
    j.insert(
        "participants",
        {
            "person_id": people[1],
            "entered_on": "2026-10-05",
            "exited_on": "2026-10-30",
            "exit_results_on": "2026-10-30",
            "exit_results_known": 1,
            "exit_employed": 1,
            **entry(),
        },
        presidio="SAN-SIRO",
    )
    j.insert(
        "participants",
        {
            "person_id": people[56],
            "entered_on": "2026-10-07",
            "exited_on": "2026-10-21",
            "exit_results_on": "2026-10-23",
            "exit_results_known": 0,
            "cf_hash": "0" * 64,
            **entry(),
        },
        presidio="SAN-SIRO",
    )
    j.insert(
        "participants",
        {
            "person_id": people[57],
            "entered_on": "2026-08-11",
            "exited_on": "2026-10-28",
            "exit_results_on": "2026-11-02",
            "exit_results_known": 1,
            "cf_hash": "0" * 64,
            **entry(),
        },
        presidio="MAZZINI",
    )
