"""Devices at the hub: creation with a one-time code, enrolment, tokens, revocation.

An admin runs ``casa-desk hub device-add``: the hub makes a device and a one-time code. The
office trades the code for a bearer token and a bundle key (:func:`enrol`); the hub keeps
only the token's hash. For an office with no network, ``--out`` writes the same credentials
to an enrolment file at once. Revoking a device makes every later request fail.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from casa_desk.errors import SyncError
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.security.tokens import (
    hash_secret,
    new_enrol_code,
    new_key,
    new_token,
    normalise_code,
    split_code,
)
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.sync import protocol
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubRefusal, HubStore

ENROL_FORMAT = "casa-desk-enrolment/1"


def add_device(
    hub: HubStore, presidio: str, *, head_office: bool = False, label: str = ""
) -> tuple[str, str]:
    """Create a device; returns ``(device_id, one_time_code)``."""
    presidio = HEAD_OFFICE if head_office and not presidio else presidio
    device_id, code = uuid7(), new_enrol_code()
    with hub.tx() as conn:
        conn.execute(
            insert(schema.devices).values(
                id=device_id,
                presidio=presidio,
                head_office=int(head_office),
                label=label,
                code_hash=hash_secret(normalise_code(code)),
                acked_seq=0,
                created_at=utc_now_text(),
                bundle_key=new_key(),
            )
        )
    return device_id, code


def find_device(conn: Connection, prefix: str) -> str:
    """The id of the one device whose id starts with ``prefix`` (typed by hand: the start
    of an id is enough). A literal prefix: ``_`` and ``%`` are characters, not wildcards.
    Refused in one line: a blank prefix, none found, or several (say how many)."""
    prefix = prefix.strip()
    if not prefix:
        raise SyncError(
            "Indicare il dispositivo: il suo identificativo o il suo inizio.", code="bad_input"
        )
    ids = list(
        conn.execute(
            select(schema.devices.c.id)
            .where(func.substr(schema.devices.c.id, 1, len(prefix)) == prefix)
            .order_by(schema.devices.c.id)
        ).scalars()
    )
    if not ids:
        raise protocol.sync_error(
            "Dispositivo non trovato: {prefix}", code="bad_input", prefix=prefix
        )
    if len(ids) > 1:
        raise protocol.sync_error(
            "«{prefix}» è l'inizio di {count} dispositivi: indicare più caratteri "
            "(casa-desk hub device-list li elenca).",
            code="ambiguous_device",
            prefix=prefix,
            count=len(ids),
        )
    return str(ids[0])


def revoke_device(hub: HubStore, prefix: str) -> str:
    """Revoke a device (by id or its unique start, :func:`find_device`); its full id."""
    with hub.tx() as conn:
        device_id = find_device(conn, prefix)
        conn.execute(
            update(schema.devices)
            .where(schema.devices.c.id == device_id)
            .values(revoked_at=utc_now_text(), code_hash=None)
        )
    return device_id


def list_devices(hub: HubStore) -> list[dict[str, Any]]:
    """Every device, oldest first: id, office, label, dates and whether its store has made
    contact (``contacted``: an enrolment file made at head office counts as enrolled before
    the office has used it), and when a copy of its store in use on another PC was last
    refused (``clone_seen_at``, hub/lineage.py) — never a token, a code's hash or a key."""
    d = schema.devices.c
    with hub.tx(readonly=True) as conn:
        rows = conn.execute(
            select(
                d.id,
                d.presidio,
                d.head_office,
                d.label,
                d.created_at,
                d.enrolled_at,
                d.revoked_at,
                d.clone_seen_at,
                d.node_id.is_not(None).label("contacted"),
            ).order_by(d.created_at, d.id)
        ).mappings()
        return [{**r, "contacted": bool(r["contacted"])} for r in rows]


def enrol(hub: HubStore, code: str, node_id: str | None = None) -> dict[str, Any]:
    """Trade a one-time code for credentials (the code stops working).

    The code may carry the hub certificate's pin after its secret (tokens.code_with_pin):
    only the secret is checked here; the office checked the pin before sending it."""
    try:
        secret, _pin = split_code(code)
    except ValueError:
        secret = ""  # a mistyped code matches no device
    code_hash = hash_secret(secret)
    token = new_token()
    with hub.tx() as conn:
        row = (
            conn.execute(select(schema.devices).where(schema.devices.c.code_hash == code_hash))
            .mappings()
            .first()
        )
        if row is None or row["revoked_at"]:
            raise HubRefusal(
                403, protocol.UNAUTHORISED, "Codice di abbinamento non valido o già usato."
            )
        conn.execute(
            update(schema.devices)
            .where(schema.devices.c.id == row["id"])
            .values(
                code_hash=None,
                token_hash=hash_secret(token),
                enrolled_at=utc_now_text(),
                node_id=node_id or row["node_id"],
            )
        )
        return {
            "format": ENROL_FORMAT,
            "device_id": row["id"],
            "presidio": row["presidio"],
            "head_office": bool(row["head_office"]),
            "token": token,
            "bundle_key": row["bundle_key"],
            "esf_key": hub.esf_key(conn),
            "erasure_key": hub.erasure_key(conn),
            "epoch": hub.epoch(conn),
        }


def authenticate(hub: HubStore, token: str | None) -> Device:
    """The device a bearer token belongs to; refusals for unknown or revoked tokens."""
    if not token:
        raise HubRefusal(401, protocol.UNAUTHORISED)
    with hub.tx(readonly=True) as conn:
        row = (
            conn.execute(
                select(schema.devices).where(schema.devices.c.token_hash == hash_secret(token))
            )
            .mappings()
            .first()
        )
    if row is None:
        raise HubRefusal(401, protocol.UNAUTHORISED)
    if row["revoked_at"]:
        raise HubRefusal(403, protocol.REVOKED)
    return Device(row["id"], row["presidio"], bool(row["head_office"]), row["node_id"])


def device_by_id(hub: HubStore, device_id: str) -> tuple[Device, dict[str, Any]]:
    """A device and its row (for bundles, which carry the device id, not the token)."""
    with hub.tx(readonly=True) as conn:
        row = (
            conn.execute(select(schema.devices).where(schema.devices.c.id == device_id))
            .mappings()
            .first()
        )
    if row is None:
        raise HubRefusal(403, "unknown_device", "Dispositivo sconosciuto alla sede.")
    return Device(row["id"], row["presidio"], bool(row["head_office"]), row["node_id"]), dict(row)
