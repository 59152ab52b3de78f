"""The sync protocol's constants and message shapes (SYNC.md §4).

The same messages travel over HTTP and inside bundle files. A *change* is a plain dict::

    {"change_id": str, "table": str, "row_id": str, "op": "insert"|"update"|"delete",
     "hlc": int, "device": str, "data": {column: value}, "base": {field: [hlc, device]} | None,
     "seq": int}          # seq: the device's outbox sequence (push only)

Refusals carry a ``code`` and a one-line Italian ``message``; the window translates the
message by its text (tools/translations.py collects the hub's messages).

Messages are written and read with :func:`encode` and :func:`decode` (orjson, a few times
faster than :mod:`json` on pages of thousands of changes). A change's ``data`` that is
already JSON text — an outbox row on its way to the hub, a change-log row on its way to an
office — travels as :class:`RawJson` and is copied into the message as it is, never parsed
and written again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

from casa_desk.errors import SyncError
from casa_desk.sync.refusals import fill

PROTOCOL_VERSION = 1
#: The oldest client protocol this hub still serves, and the oldest hub a client accepts.
MIN_PROTOCOL = 1
SCHEMA_VERSION = 1
#: Changes per push batch that every hub accepts (protocol 1 as first shipped): what a client
#: sends to a hub that does not say otherwise, and what bundles hold (any hub imports them).
MAX_PUSH = 500
#: Changes per push batch this hub accepts, announced in ``hello`` as ``max_push``. Per batch
#: the hub pays a request, a validation pass, a transaction and its look-ups, so 50 batches
#: cost it less CPU than 200; 5,000 saved no more and held more memory per batch (the hub
#: must stay under 150 MB). The byte cap (:data:`PUSH_BATCH_BYTES`, under the body cap)
#: still cuts a batch first when rows are large.
HUB_MAX_PUSH = 2_000
#: Push batches one device may have in flight at this hub, announced in ``hello`` as
#: ``push_window``. With 2 the next batch travels, and is read and validated, while the hub
#: writes the one before (the hub's push lock runs them in turn; one that overtakes the
#: other is answered ``gap`` and sent again). A hub that announces nothing gets one at a
#: time: an older hub was never asked to order concurrent pushes of one device.
HUB_PUSH_WINDOW = 2
#: The hub's refusal of a larger batch (the number in Italian form: "2.000").
TOO_MANY_CHANGES = f"Al massimo {HUB_MAX_PUSH:,} modifiche per invio.".replace(",", ".")
#: The hub's refusal of a batch whose ``last_seq`` goes past the last change it carries (an
#: empty batch: past the hub's ack). The hub acknowledges up to ``last_seq`` and skips as a
#: repeat every later change numbered up to it: such a batch (no client makes one; a bug, or
#: someone with the device's token) would have the office's own next changes dropped.
BEYOND_CHANGES = "Invio rifiutato: il numero finale (last_seq) va oltre l'ultima modifica inviata."
PULL_PAGE = 2_000
MAX_PULL_PAGE = 10_000
MAX_SKEW_MS = 5 * 60 * 1000
MAX_INT64 = 2**63 - 1
#: The highest change number a device may push (and the hub acknowledge): the largest
#: integer every JSON reader keeps exact. A desk numbers its changes one by one from 1 and
#: never comes near it; a change numbered 2**63 - 1 (a buggy client, or someone with the
#: device's token) made the hub acknowledge it, and the office, renumbering its unsent
#: changes after that acknowledgement (sync/restored.py), overflowed SQLite's integers and
#: could never sync again. Below this bound the renumbering always fits.
MAX_SEQ = 2**53 - 1

# Resource limits, checked before any work (issue 8): a request body, a change, a bundle.
#: Largest request body the hub reads; larger is 413 before a byte of it is read.
MAX_BODY_BYTES = 16 * 1024 * 1024
#: Largest body of a request that carries no change (hello, pull, enrol…).
MAX_SMALL_BODY_BYTES = 256 * 1024
#: Largest serialised ``data`` of one change; the client sends a larger one as refused.
MAX_CHANGE_BYTES = 256 * 1024
#: Largest serialised ``base`` of one change: a store writes one ``[hlc, device]`` per
#: changed field (at most :data:`MAX_COLUMNS`: some 100 bytes each), but the envelope bounds
#: neither the field names nor, so, the size; a hub kept it as it came (logged, parked).
MAX_BASE_BYTES = 16 * 1024
#: The client cuts push batches at this many bytes (well under the body cap).
PUSH_BATCH_BYTES = 4 * 1024 * 1024
MAX_COLUMNS = 64
MAX_OPERATOR = 100
MAX_SNAPSHOT = 1000
#: Late refusals (a parked edit refused when its row came) one ``hello`` tells a device;
#: more wait for its next sync.
MAX_REFUSED_LATER = 1000
MAX_DIGEST_EXCLUDE = 10_000
#: Bundles: members and their sizes are checked from the zip directory before reading.
MAX_BUNDLE_FILE_BYTES = 128 * 1024 * 1024
MAX_BUNDLE_MEMBERS = 8
MAX_MANIFEST_BYTES = 64 * 1024
#: Expanded (decompressed) payload; writers stop adding changes well before it.
MAX_BUNDLE_PAYLOAD_BYTES = 96 * 1024 * 1024
BUNDLE_TARGET_BYTES = 48 * 1024 * 1024

# Refusal codes (hello and every request).
UPGRADE_REQUIRED = "upgrade_required"
CLOCK_SKEW = "clock_skew"
REVOKED = "revoked"
UNAUTHORISED = "unauthorised"
NODE_MISMATCH = "node_mismatch"
GAP = "gap"
TOO_LARGE = "too_large"
BAD_REQUEST = "bad_request"
#: A path the hub does not serve (404, with :data:`REFUSED_HTTP`): the address is wrong.
UNKNOWN_PATH = "unknown_path"
#: A push that would take its device past what the hub accepts from one device a day
#: (429; casa_desk/sync/hub/quota.py): nothing of it is taken, it goes again later; the
#: office's round goes on with its pull (SyncReport.day_full).
DEVICE_QUOTA = "device_quota"
#: The store is a copy of the one another PC syncs with the same pairing (a store and its
#: key file copied, a backup opened elsewhere, both kept in use): a push that numbers
#: changes the hub never received at numbers it already acknowledged for the device, or a
#: hello from a copy whose line the other copy has moved past (``lineage``,
#: casa_desk/sync/hub/lineage.py). Refused whole, nothing taken: the changes stay in the
#: copy's outbox until head office pairs that PC as a device of its own.
CLONED = "cloned_store"

MESSAGES = {
    UPGRADE_REQUIRED: "Serve aggiornare casa_desk per sincronizzare con la sede.",
    CLOCK_SKEW: "L'orologio di questo PC è sbagliato di oltre 5 minuti: correggerlo per "
    "sincronizzare (il lavoro locale continua).",
    REVOKED: "Questo PC è stato revocato dalla sede: non può più sincronizzare.",
    UNAUTHORISED: "Credenziali di sincronizzazione non valide: rifare l'abbinamento con la sede.",
    NODE_MISMATCH: "Questo abbinamento appartiene a un altro archivio.",
    GAP: "Mancano modifiche precedenti: reinviare dall'ultima confermata.",
    TOO_LARGE: "Richiesta troppo grande per la sede.",
    BAD_REQUEST: "Richiesta non valida.",
    CLONED: "Questo archivio è una copia di quello di un altro computer abbinato alla sede: le "
    "sue modifiche restano qui, non inviate. Rivolgersi alla sede per abbinare questo PC come "
    "nuovo dispositivo (o ripristinare l'archivio giusto).",
    DEVICE_QUOTA: "La sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 "
    "ore: le altre restano in questo archivio e partiranno da sole nelle prossime "
    "sincronizzazioni. Se si ripete, avvisare la sede.",
}


#: The hub's refusals of a request built from values (a request a desk of this version never
#: sends: a body the hub cannot read, a path it does not serve, too many megabytes). The body
#: carries the filled line and, beside it, the values (``params``, ignored by an older desk),
#: from which :func:`raise_refusal` finds the template again for the window to translate.
BAD_BODY = "Richiesta non valida: {where} ({kind})."
REFUSED_HTTP = "Richiesta rifiutata (HTTP {status})."
BODY_TOO_LARGE = "Richiesta troppo grande: al massimo {mb} MB."
_VALUED = (BAD_BODY, REFUSED_HTTP, BODY_TOO_LARGE)
#: A refusal's value is at most this long (a field's path, a number).
_PARAM_CAP = 200


def refusal(code: str, message: str | None = None, **params: object) -> dict[str, Any]:
    """A refusal's body; ``message`` with ``params`` is a template (one of the above)."""
    if not params:
        return {"code": code, "message": message or MESSAGES.get(code, code)}
    values = {name: str(value) for name, value in params.items()}
    return {"code": code, "message": fill(message or "", values), "params": values}


def raise_refusal(body: dict[str, Any]) -> None:
    """Turn a hub refusal body into a :class:`SyncError` with its code (and, for a line
    built from values, its template and values, when the template is one this version
    knows and gives the line the hub sent)."""
    code = str(body.get("code") or "sync")
    message = str(body.get("message") or MESSAGES.get(code, code))
    params = body.get("params")
    if isinstance(params, dict) and all(
        isinstance(k, str) and isinstance(v, str) and len(v) <= _PARAM_CAP
        for k, v in params.items()
    ):
        for template in _VALUED:
            if fill(template, params) == message:
                raise SyncError(message, code=code, template=template, params=params)
    raise SyncError(message, code=code)


def sync_error(template: str, *, code: str, **params: object) -> SyncError:
    """A :class:`SyncError` whose Italian line (the command line's) is ``template`` with
    each ``{name}`` filled from ``params`` (an address, a file, a number). The window
    translates the template, not the line, and fills it the same way
    (:func:`casa_desk.ui.error_texts.worded_error`); tools/translations.py collects it."""
    values = {name: str(value) for name, value in params.items()}
    return SyncError(fill(template, values), code=code, template=template, params=values)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class RawJson:
    """JSON text this program wrote (an outbox or change-log row's ``data``), carried into a
    message unparsed: :func:`encode` copies it in verbatim. ``text`` is there for whoever
    must look inside (:func:`parsed`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawJson) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"RawJson({len(self.text)} chars)"


def parsed(value: Any) -> Any:
    """``value`` itself, or the value a :class:`RawJson` holds."""
    return orjson.loads(value.text) if isinstance(value, RawJson) else value


def _raw(value: Any) -> Any:
    if isinstance(value, RawJson):
        return orjson.Fragment(value.text)
    raise TypeError(f"cannot encode {type(value).__name__}")


def encode(value: Any) -> bytes:
    """A message as compact UTF-8 JSON (RawJson copied in as it is)."""
    try:
        return orjson.dumps(value, default=_raw)
    except TypeError:
        # Keys that are str subclasses (SQLAlchemy's row keys) take orjson's slower path.
        return orjson.dumps(value, default=_raw, option=orjson.OPT_NON_STR_KEYS)


def decode(body: bytes | str) -> Any:
    """Parse a message. Raises ``ValueError`` (a :class:`json.JSONDecodeError`) when it is
    not JSON. Text orjson refuses but :mod:`json` reads — an escaped lone surrogate, which
    only a hostile sender writes — is read by :mod:`json`, so such a change is refused one
    by one by the hub's field rules rather than failing a whole batch. Nesting deeper than
    orjson's limit (1,024) is refused the same way: :mod:`json` would end in a
    RecursionError (a bundle's payload reaches here from the hub's import-bundle)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            raise exc from None


#: The ``sync_outbox`` columns a push is made from, in :func:`change_from_outbox` order.
OUTBOX_COLUMNS = "seq, change_id, table_name, row_id, op, hlc, device_id, data, base, operator"


def change_from_outbox(row: dict[str, Any] | tuple[Any, ...]) -> dict[str, Any]:
    """A push change from a ``sync_outbox`` row (:data:`OUTBOX_COLUMNS`; ``operator`` may be
    missing). ``data`` and ``base`` stay the JSON text the journal wrote (:class:`RawJson`).
    ``operator`` is who made the change, stamped by the journal at write time. A change
    whose data the hub would refuse as too large travels without it, flagged, so the hub
    records it as refused and the queue moves on."""
    if isinstance(row, dict):
        row = tuple(row.get(name) for name in OUTBOX_COLUMNS.split(", "))
    seq, change_id, table, row_id, op, hlc, device, data, base = row[:9]
    operator = row[9] if len(row) > 9 else None
    change = {
        "seq": int(seq),
        "change_id": change_id,
        "table": table,
        "row_id": row_id,
        "op": op,
        "hlc": int(hlc),
        "device": device,
        "data": RawJson(data) if len(data) <= MAX_CHANGE_BYTES else {},
        "base": RawJson(base) if base else None,
    }
    if operator:
        change["operator"] = str(operator)[:MAX_OPERATOR]
    if len(data) > MAX_CHANGE_BYTES:
        change["too_large"] = True
    return change


def push_messages(
    rows: list[tuple[Any, ...]],
    acked: int,
    seal: Callable[[dict[str, Any]], dict[str, Any]],
    *,
    budget: int | None = None,
    operator: str | None = None,
    limit: int = MAX_PUSH,
) -> list[dict[str, Any]]:
    """Outbox rows (in ``seq`` order, after ``acked``) as push messages of at most ``limit``
    changes (:data:`MAX_PUSH` unless the hub announced more: :func:`push_limit`) and
    :data:`PUSH_BATCH_BYTES` of data each — so no batch an office makes is ever over the
    hub's body cap. With ``budget`` (bytes), stop adding
    messages once that much data is taken (a bundle stays under its size cap); at least one
    change is always taken. Each change carries the operator who made it (stamped in the
    outbox at write time), so an office that receives an edit of its registry knows who made
    it; ``operator`` (the desk's operator now) stands in for changes written before the
    outbox recorded one."""
    messages: list[dict[str, Any]] = []
    batch: list[dict[str, Any]] = []
    size = total = 0
    first = acked + 1

    def close() -> None:
        nonlocal batch, size, first
        if batch:
            messages.append({"first_seq": first, "last_seq": batch[-1]["seq"], "changes": batch})
            first = batch[-1]["seq"] + 1
        batch, size = [], 0

    for row in rows:
        weight = min(len(row[7]), MAX_CHANGE_BYTES) + 200
        if budget is not None and total and total + weight > budget:
            break
        if batch and (len(batch) >= limit or size + weight > PUSH_BATCH_BYTES):
            close()
        change = seal(change_from_outbox(row))
        if operator and not change.get("operator"):
            change["operator"] = operator[:MAX_OPERATOR]
        batch.append(change)
        size += weight
        total += weight
    close()
    return messages


def push_window(hello: dict[str, Any]) -> int:
    """Push batches to keep in flight to the hub that answered ``hello``: what it announces
    (``push_window``), never more than this program's :data:`HUB_PUSH_WINDOW`; 1 from a hub
    that announces nothing (older) or nonsense."""
    announced = hello.get("push_window")
    if type(announced) is not int or announced < 1:
        return 1
    return min(announced, HUB_PUSH_WINDOW)


def push_limit(hello: dict[str, Any]) -> int:
    """Changes per push batch for the hub that answered ``hello``: what it announces
    (``max_push``), never more than this program's :data:`HUB_MAX_PUSH`; :data:`MAX_PUSH`
    from a hub that announces nothing (an older one refuses larger batches) or nonsense."""
    announced = hello.get("max_push")
    if type(announced) is not int or announced < 1:
        return MAX_PUSH
    return min(announced, HUB_MAX_PUSH)
