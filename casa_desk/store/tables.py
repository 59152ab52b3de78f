"""The synced tables as data: names, columns and sync class (DESIGN.md §3, SYNC.md §1).

One description serves the local schema, the change journal, the sync merge and the hub's
mirror tables, so a column added here reaches all four. Column names are a contract with
head office analysts: add freely, rename never.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


class SyncClass(StrEnum):
    FACT = "fact"  # insert-only; a correction is a new row
    OWNED = "owned"  # one office writes
    SHARED = "shared"  # per-field last-writer-wins
    REFERENCE = "reference"  # head office owns, offices pull


#: Columns every synced row carries. ``hlc``/``origin`` are the clock and device of the
#: row's latest change; ``field_clocks`` (mutable tables only) holds per-field clocks.
SYNC_COLUMNS: dict[str, type] = {
    "id": str,
    "presidio": str,
    "scope": str,
    "created_at": str,
    "updated_at": str,
    "deleted": int,
    "hlc": int,
    "origin": str,
}

#: The owner code of rows that belong to head office (reference data).
HEAD_OFFICE = "SEDE"
SHARED_SCOPE = "shared"


@dataclass(frozen=True)
class TableSpec:
    name: str
    sync_class: SyncClass
    columns: dict[str, type]
    foreign_keys: tuple[tuple[str, str], ...] = ()

    @cached_property
    def mutable(self) -> bool:
        return self.sync_class is not SyncClass.FACT

    @cached_property
    def all_columns(self) -> dict[str, type]:
        """Sync columns, then the table's own (built once: sync reads it per change; do not
        change the dict)."""
        cols = dict(SYNC_COLUMNS)
        if self.mutable:
            cols["field_clocks"] = str
        cols.update(self.columns)
        return cols


PRESIDI = TableSpec(
    "presidi",
    SyncClass.REFERENCE,
    {
        "code": str,
        "name": str,
        "quartiere": str,
        "municipio": int,
        "address": str,
        "active": int,
        "phone": str,  # the office's phone and e-mail, printed on referral letters (m009)
        "email": str,
    },
)
CATEGORIES = TableSpec(
    "categories",
    SyncClass.REFERENCE,
    {"code": str, "label": str, "label_en": str, "sensitive": int, "active": int, "sort": int},
)
SERVICES = TableSpec(
    "services",
    SyncClass.REFERENCE,
    {
        "code": str,
        "name": str,
        "kind": str,
        "organisation": str,
        "phone": str,
        "email": str,
        "address": str,
        "hours": str,
        "notes": str,
        "active": int,
    },
)
#: Settings owned by head office, pulled by every office (class D): the ESF programme and
#: its references today; any later setting that head office decides for all (or for one
#: office) is one more key here, not one more table. ``office`` NULL: every office; an
#: office code: that office only, winning over the general row. The row id derives from
#: (key, office), so two head-office desks writing the same setting edit one row.
SETTINGS = TableSpec(
    "settings",
    SyncClass.REFERENCE,
    {"key": str, "office": str, "value": str},
)
PEOPLE = TableSpec(
    "people",
    SyncClass.SHARED,
    {
        "first_name": str,
        "last_name": str,
        "codice_fiscale": str,
        "birth_date": str,
        "birth_place": str,
        "gender": str,
        "phone": str,
        "email": str,
        "languages": str,
        "street": str,
        "civic": str,
        "stair": str,
        "floor": str,
        "flat": str,
        "unit_code": str,
        "quartiere": str,
        "household_id": str,
        "tenancy_role": str,
        "notes": str,
        "merged_into": str,
        # Issue 11: the day the identity was erased (retention or a request). Once set it is
        # never cleared, and every node keeps this row's identifying fields empty
        # (store/erasure.py, sync/merge.py): anonymisation always wins.
        "anonymised_on": str,
        # A person erased on request (art. 17): keyed hashes of her codice fiscale and of
        # name + birth date, so a registry import recognises and skips her (the
        # suppression list, store/suppression.py); cleared when she registers again.
        "erasure_hashes": str,
    },
)
CONSENTS = TableSpec(
    "consents",
    SyncClass.OWNED,
    {
        "person_id": str,
        "purpose": str,
        "informativa_version": str,
        "text": str,
        "given_at": str,
        "withdrawn_at": str,
        "expires_on": str,
        "operator": str,
    },
    (("person_id", "people"),),
)
CONTACTS = TableSpec(
    "contacts",
    SyncClass.FACT,
    {
        "person_id": str,
        "operator": str,
        "occurred_at": str,
        "channel": str,
        "category": str,
        "summary": str,
        "notes": str,
        "outcome": str,
        "minutes": int,
        "follow_up_on": str,
        "follow_up_done_at": str,
        "sensitive": int,
        "amends_id": str,
    },
    (("person_id", "people"),),
)
REFERRALS = TableSpec(
    "referrals",
    SyncClass.OWNED,
    {
        "number": str,
        "person_id": str,
        "contact_id": str,
        "service_id": str,
        "consent_id": str,
        "reason": str,
        "request": str,
        "urgency": str,
        "due_on": str,
        "outcome": str,
        "sensitive": int,
    },
    (("person_id", "people"), ("service_id", "services")),
)
REFERRAL_EVENTS = TableSpec(
    "referral_events",
    SyncClass.FACT,
    {"referral_id": str, "event": str, "at": str, "by": str, "note": str},
    (("referral_id", "referrals"),),
)
PARTICIPANTS = TableSpec(
    "participants",
    SyncClass.OWNED,
    {
        "person_id": str,
        "entered_on": str,
        "exited_on": str,
        "employment_status": str,
        "education_isced": str,
        "migrant_background": str,
        "disability": str,
        "other_disadvantage": str,
        "homeless_or_housing_exclusion": str,
        # 2021–2027 entry indicators (Reg. 2021/1057 Annex I 1.2), yes / no / declined.
        "third_country_national": str,
        "foreign_background": str,
        "minority": str,
        # Keyed hash of the codice fiscale (models.esf.cf_hash): one person, all offices.
        "cf_hash": str,
        # The latest re-entry; ``entered_on`` stays the first entry (counted once).
        "reentered_on": str,
        # Immediate results (within four weeks of leaving): recorded on, known 1/0, and
        # one 0/1 column per models.vocab.ExitResult.
        "exit_results_on": str,
        "exit_results_known": int,
        "exit_job_searching": int,
        "exit_education": int,
        "exit_qualification": int,
        "exit_employed": int,
        # Six months after leaving: recorded on, known 1/0, models.vocab.FollowUpResult.
        "followup_on": str,
        "followup_known": int,
        "followup_employed": int,
        "followup_improved": int,
    },
    (("person_id", "people"),),
)
#: How and when it is safe to contact a person (issue 11): sensitive, like a sensitive
#: contact — owned and scoped by the office that recorded it, never printed on anything the
#: person takes home. One row per person and office (its id derives from both).
SAFE_CONTACTS = TableSpec(
    "safe_contacts",
    SyncClass.OWNED,
    {
        "person_id": str,
        "phone": str,  # a safe number (not the one on the tenancy)
        "hours": str,  # when it is safe to call, as the person said it
        "no_calls": int,  # 1: do not call
        "no_post": int,  # 1: do not send post
        "note": str,
    },
    (("person_id", "people"),),
)
AUDIT_LOG = TableSpec(
    "audit_log",
    SyncClass.FACT,
    {"at": str, "who": str, "action": str, "table_name": str, "row_id": str, "reason": str},
)

SYNCED_TABLES: tuple[TableSpec, ...] = (
    PRESIDI,
    CATEGORIES,
    SERVICES,
    SETTINGS,
    PEOPLE,
    CONSENTS,
    CONTACTS,
    REFERRALS,
    REFERRAL_EVENTS,
    PARTICIPANTS,
    SAFE_CONTACTS,
    AUDIT_LOG,
)
BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in SYNCED_TABLES}
