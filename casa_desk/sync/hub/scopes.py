"""Who may write what, and who may see what (SYNC.md §1, issue §4) — enforced here, at the hub.

- people and reference data (presidi, categories, services, settings) are shared with every
  office;
- contacts, referrals with their events, participants, consents, audit rows and sensitive
  rows go to their own office and head office only;
- an office writes only its own rows, and head office does not write an office's ESF
  enrolment (it moves it to the surviving record of a merge) nor correct an office's
  contact (SYNC.md §1: one owning office writes). People: any office may edit the fields
  of the shared registry (merged field by field, shown to the registering office), but
  only the registering office or head office may delete a person, merge them away or
  anonymise them (an office sees the registry, not the other offices' contacts: its
  retention would find every other office's person "not seen for years");
- only head office changes reference data (``settings`` included: the ESF programme is
  head office's choice), except that an office may add services of its own (a local CAF,
  a parish help desk…) and edit those: they stay in that office's directory and head
  office's (its referrals point at them), never in every desk's — a fake "1522" stays
  where it was made; head office decides what the shared directory holds. Nobody changes a
  fact after it is written.

A refused change gets a reason the office can show; it never blocks the rest of the batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, or_

from casa_desk.store.tables import BY_NAME, SHARED_SCOPE, SyncClass
from casa_desk.sync import refusals


@dataclass
class Device:
    id: str
    presidio: str
    head_office: bool
    node_id: str | None


def visible_clause(device: Device, presidio: Any, scope: Any) -> ColumnElement[bool] | None:
    """SQL condition for rows/changes the device may pull (None: head office sees all)."""
    if device.head_office:
        return None
    return or_(scope == SHARED_SCOPE, presidio == device.presidio, scope == device.presidio)


def is_visible(device: Device, presidio: str | None, scope: str | None) -> bool:
    return device.head_office or scope == SHARED_SCOPE or device.presidio in (presidio, scope)


def authorise(  # noqa: PLR0911, PLR0912 - one rule per branch, read top to bottom
    device: Device, change: dict[str, Any], current: dict[str, Any] | None
) -> str | None:
    """None when the change may be applied, else the reason it is refused (Italian, no PII)."""
    spec = BY_NAME.get(str(change.get("table")))
    if spec is None:
        return refusals.text(refusals.UNKNOWN_TABLE)
    if change.get("op") not in ("insert", "update", "delete"):
        return refusals.text(refusals.UNKNOWN_OPERATION)
    if device.node_id is not None and change.get("device") != device.node_id:
        return refusals.text(refusals.OTHER_DEVICE)
    data = change.get("data") or {}
    if change["op"] != "insert" and not spec.mutable:
        return refusals.text(refusals.FACT_UNCHANGEABLE)
    if current is not None and any(
        k in data and data[k] != current.get(k) for k in ("presidio", "scope")
    ):
        return refusals.text(refusals.OWNER_CHANGE)
    if device.head_office:
        return _head_office_edit(device, spec.name, change, current)
    if spec.sync_class is SyncClass.REFERENCE:
        return _office_service(device, spec.name, change, current)
    if current is None:
        if change["op"] != "insert":
            return refusals.text(refusals.UNKNOWN_ROW)
        owner, scope = data.get("presidio"), data.get("scope")
        if owner != device.presidio:
            return refusals.text(refusals.OTHER_OFFICE_INSERT, office=owner)
        allowed = (
            {device.presidio, SHARED_SCOPE}
            if spec.sync_class is SyncClass.SHARED
            else {device.presidio}
        )
        if scope not in allowed:
            return refusals.text(refusals.SCOPE_NOT_ALLOWED)
        return None
    if spec.sync_class is SyncClass.SHARED:
        return _registry_edit(device, data, current)
    if current.get("presidio") != device.presidio:
        return refusals.text(refusals.OTHER_OFFICE_EDIT, office=current.get("presidio"))
    return None


#: What head office may change in an office's ESF enrolment: the person it belongs to, when
#: head office merges two records of one person (store/merging.py); ``updated_at`` comes
#: with every change.
MERGE_MOVE = frozenset({"person_id", "updated_at"})


def _head_office_edit(
    device: Device, table: str, change: dict[str, Any], current: dict[str, Any] | None
) -> str | None:
    """Head office writes what it likes but an office's enrolment (class B: its office
    records exit, results, six-month result, re-entry; two desks writing them apart attach
    a result to another exit). Its correction of an office's contact is refused with the
    contact's owner, in :meth:`casa_desk.sync.hub.rules.Links.reason`."""
    if (
        table == "participants"
        and current is not None
        and current.get("presidio") != device.presidio
        and (change["op"] != "update" or not set(change.get("data") or {}) <= MERGE_MOVE)
    ):
        return refusals.text(refusals.OTHER_OFFICE_EDIT, office=current.get("presidio"))
    return None


def _registry_edit(device: Device, data: dict[str, Any], current: dict[str, Any]) -> str | None:
    """Another office may correct a person's fields, not remove the person."""
    if current.get("presidio") == device.presidio:
        return None
    if not is_visible(device, current.get("presidio"), current.get("scope")):
        # Kept to its office: not in the shared registry, never pulled here.
        return refusals.text(refusals.HIDDEN_PERSON)
    if "deleted" in data:
        return refusals.text(refusals.PERSON_DELETE)
    if "merged_into" in data:
        return refusals.text(refusals.PERSON_MERGE)
    if data.get("anonymised_on") is not None:
        return refusals.text(refusals.PERSON_ERASE)
    return None


def _office_service(
    device: Device, table: str, change: dict[str, Any], current: dict[str, Any] | None
) -> str | None:
    """An office's own directory entries: added by it, shared with all, edited only by it."""
    refused = refusals.text(refusals.REFERENCE_DATA)
    if table != "services":
        return refused
    if current is None:
        data = change.get("data") or {}
        if change["op"] != "insert" or data.get("presidio") != device.presidio:
            return refused
        if data.get("scope") != device.presidio:
            return refusals.text(refusals.OFFICE_SERVICE_SCOPE)
        return None
    if current.get("presidio") != device.presidio:
        return refusals.text(refusals.OTHER_SERVICE)
    return None
