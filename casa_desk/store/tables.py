"""The synced tables as data: names, columns and sync class (DESIGN.md §3, SYNC.md §1).

One description serves the local schema, the change journal, the sync merge and the hub's
mirror tables, so a column added here reaches all four. Column names are a contract with
head office analysts: add freely, rename never.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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

    @property
    def mutable(self) -> bool:
        return self.sync_class is not SyncClass.FACT

    @property
    def all_columns(self) -> dict[str, type]:
        cols = dict(SYNC_COLUMNS)
        if self.mutable:
            cols["field_clocks"] = str
        cols.update(self.columns)
        return cols


PRESIDI = TableSpec(
    "presidi",
    SyncClass.REFERENCE,
    {"code": str, "name": str, "quartiere": str, "municipio": int, "address": str, "active": int},
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
    PEOPLE,
    CONSENTS,
    CONTACTS,
    REFERRALS,
    REFERRAL_EVENTS,
    PARTICIPANTS,
    AUDIT_LOG,
)
BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in SYNCED_TABLES}
