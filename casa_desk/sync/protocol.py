"""The sync protocol's constants and message shapes (SYNC.md §4).

The same messages travel over HTTP and inside bundle files. A *change* is a plain dict::

    {"change_id": str, "table": str, "row_id": str, "op": "insert"|"update"|"delete",
     "hlc": int, "device": str, "data": {column: value}, "base": {field: [hlc, device]} | None,
     "seq": int}          # seq: the device's outbox sequence (push only)

Refusals carry a ``code`` the UI can word and a one-line Italian ``message``.
"""

from __future__ import annotations

import json
from typing import Any

from casa_desk.errors import SyncError

PROTOCOL_VERSION = 1
#: The oldest client protocol this hub still serves, and the oldest hub a client accepts.
MIN_PROTOCOL = 1
SCHEMA_VERSION = 1
MAX_PUSH = 500
PULL_PAGE = 2_000
MAX_PULL_PAGE = 10_000
MAX_SKEW_MS = 5 * 60 * 1000

# Refusal codes (hello and every request).
UPGRADE_REQUIRED = "upgrade_required"
CLOCK_SKEW = "clock_skew"
REVOKED = "revoked"
UNAUTHORISED = "unauthorised"
NODE_MISMATCH = "node_mismatch"
GAP = "gap"

MESSAGES = {
    UPGRADE_REQUIRED: "Serve aggiornare casa_desk per sincronizzare con la sede.",
    CLOCK_SKEW: "L'orologio di questo PC è sbagliato di oltre 5 minuti: correggerlo per "
    "sincronizzare (il lavoro locale continua).",
    REVOKED: "Questo PC è stato revocato dalla sede: non può più sincronizzare.",
    UNAUTHORISED: "Credenziali di sincronizzazione non valide: rifare l'abbinamento con la sede.",
    NODE_MISMATCH: "Questo abbinamento appartiene a un altro archivio.",
    GAP: "Mancano modifiche precedenti: reinviare dall'ultima confermata.",
}


def refusal(code: str, message: str | None = None) -> dict[str, Any]:
    return {"code": code, "message": message or MESSAGES.get(code, code)}


def raise_refusal(body: dict[str, Any]) -> None:
    """Turn a hub refusal body into a :class:`SyncError` with its code."""
    code = str(body.get("code") or "sync")
    raise SyncError(str(body.get("message") or MESSAGES.get(code, code)), code=code)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def change_from_outbox(row: dict[str, Any] | tuple[Any, ...]) -> dict[str, Any]:
    """A push change from a ``sync_outbox`` row (seq, change_id, table, row_id, op, hlc,
    device_id, data, base)."""
    if isinstance(row, dict):
        row = (
            row["seq"],
            row["change_id"],
            row["table_name"],
            row["row_id"],
            row["op"],
            row["hlc"],
            row["device_id"],
            row["data"],
            row["base"],
        )
    seq, change_id, table, row_id, op, hlc, device, data, base = row
    return {
        "seq": int(seq),
        "change_id": change_id,
        "table": table,
        "row_id": row_id,
        "op": op,
        "hlc": int(hlc),
        "device": device,
        "data": json.loads(data),
        "base": json.loads(base) if base else None,
    }
