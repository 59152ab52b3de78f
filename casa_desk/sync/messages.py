"""The protocol's messages as pydantic schemas (SYNC.md §4), shared by the hub and the client.

The hub's FastAPI routes take these types as their bodies, so every request is validated
before any hub logic runs (a string where a cursor goes is a 422 with a reason, not a 500),
and ``/openapi.json`` describes the API for an independent fuzzer.

A change travels as a :class:`Change` ``TypedDict``: pydantic validates it in its Rust core
and hands back a plain ``dict``, which is what the merge code works on — a push of 500
changes, or a pull page of thousands, is never turned into model objects and back. The
envelope validates shapes and bounds only; whether a change's *content* is acceptable
(known codes, text caps, links that resolve, who may write it) is decided per change by the
hub (:mod:`casa_desk.sync.hub.rules`), so one bad row is refused with a reason and never
blocks the batch.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypedDict  # pydantic needs this one before Python 3.12

from casa_desk.sync import protocol

#: Ids are UUIDv7 or stable ids: short, printable, no spaces.
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:\-]+$")]
#: A change id may carry a prefix (``snapshot:…``) made on the device; still bounded.
ChangeId = Annotated[str, Field(min_length=1, max_length=200)]
Name = Annotated[str, Field(min_length=1, max_length=64)]
Seq = Annotated[int, Field(ge=0, le=protocol.MAX_SEQ)]
Clock = Annotated[int, Field(ge=0, le=protocol.MAX_INT64)]
#: ``[hlc, device]``: the clock a field held when the editor changed it.
BaseClock = Annotated[list[int | str], Field(min_length=2, max_length=2)]


class Change(TypedDict):
    """One change. ``data`` holds column values (unknown columns of a newer client are kept);
    ``seq`` is the device's outbox sequence (push) or the hub's log sequence (pull)."""

    change_id: ChangeId
    table: Name
    row_id: Id
    op: Name  # insert | update | delete; another value is refused per change, not per batch
    hlc: Clock
    device: Name
    data: Annotated[dict[str, Any], Field(max_length=protocol.MAX_COLUMNS)]
    base: NotRequired[
        Annotated[dict[str, BaseClock], Field(max_length=protocol.MAX_COLUMNS)] | None
    ]
    seq: Seq
    #: The desk's operator who sent it (push), forwarded with it (pull): attribution.
    operator: NotRequired[Annotated[str, Field(max_length=protocol.MAX_OPERATOR)] | None]
    #: Pull only: the office that delivered the change to the hub (attribution).
    office: NotRequired[str | None]
    #: Push: the device left the data out because it exceeds what the hub accepts; the hub
    #: records the change as refused, so the queue moves on.
    too_large: NotRequired[bool]


class _Message(BaseModel):
    model_config = ConfigDict(extra="ignore")


class EnrolRequest(_Message):
    code: Annotated[str, Field(min_length=1, max_length=64)]
    node_id: Name | None = None


class HelloRequest(_Message):
    node_id: Name
    protocol: Annotated[int, Field(ge=0, le=1_000_000)]
    min_protocol: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    schema_version: Annotated[int, Field(ge=0, le=1_000_000, alias="schema")] = 0
    wall_ms: Annotated[int, Field(ge=0, le=protocol.MAX_INT64)]
    #: The number of the last late refusal this device has taken (``refused_later``); a
    #: client that sends none (older) is told none. An older hub ignores it.
    refused_after: Seq | None = None
    #: The store's line and the one it starts (casa_desk/sync/hub/lineage.py): a copy of
    #: the store left on an older line is refused. An older client sends neither.
    lineage: Name | None = None
    new_lineage: Name | None = None


class PushRequest(_Message):
    first_seq: Seq | None = None
    last_seq: Seq | None = None
    changes: Annotated[list[Change], Field(max_length=protocol.HUB_MAX_PUSH)]


class PullRequest(_Message):
    cursor: Seq = 0
    limit: Annotated[int, Field(ge=1, le=protocol.MAX_PULL_PAGE)] = protocol.PULL_PAGE


class DigestRequest(_Message):
    #: Rows this device could not hold (refused by its own schema), left out on both sides
    #: so that one bad row never leaves the device "not aligned" for ever.
    exclude: Annotated[
        dict[Name, Annotated[list[Id], Field(max_length=protocol.MAX_DIGEST_EXCLUDE)]],
        Field(max_length=32),
    ] = Field(default_factory=dict)


class SnapshotRequest(_Message):
    table: Name
    after_id: Annotated[str, Field(max_length=64)] = ""
    limit: Annotated[int, Field(ge=1, le=protocol.MAX_SNAPSHOT)] = protocol.MAX_SNAPSHOT
    ids: Annotated[list[Id], Field(max_length=protocol.MAX_SNAPSHOT)] | None = None


# -- answers (documented in the OpenAPI schema; sent as plain JSON for speed) ------------
class Refusal(BaseModel):
    code: str
    #: Italian, filled: what the command line and an older desk show.
    message: str
    #: The values of a line built from them (protocol.BAD_BODY…), for the office's window to
    #: word it in its own language; absent from a constant line and from older hubs.
    params: dict[str, str] | None = None


class Rejection(TypedDict):
    change_id: str
    table: str | None
    row_id: str | None
    #: Italian, as every hub words it (what an older desk shows).
    reason: str
    #: The reason's code and its parameters (casa_desk/sync/refusals.py), for the office's
    #: window to word it in its own language; absent from older hubs.
    code: NotRequired[str]
    params: NotRequired[dict[str, str]]


class LateRejection(Rejection):
    """A refusal told at a later hello; ``seq`` is its number at the hub."""

    seq: int


class HelloAnswer(BaseModel):
    epoch: str
    acked_seq: int
    acked_change_id: str | None = None
    log_head: int
    hub_ms: int
    protocol: int
    presidio: str
    head_office: bool
    #: Changes when the hub neutralised future clocks it had stored (hub/future.py).
    clock_repair: str | None = None
    #: Changes per push batch this hub accepts; absent from older hubs (take 500).
    max_push: int | None = None
    #: Push batches one device may have in flight; absent from older hubs (take 1).
    push_window: int | None = None
    #: Refusals of this device's changes it was not told when it pushed them (an edit
    #: parked after a hub restore, refused when its row came), after ``refused_after``, in
    #: order, at most :data:`~casa_desk.sync.protocol.MAX_REFUSED_LATER`. Only to a client
    #: that sent ``refused_after``; absent from older hubs.
    refused_later: list[LateRejection] | None = None
    #: The line of the store in use under this pairing (hub/lineage.py); absent from
    #: older hubs.
    lineage: str | None = None


class PushAnswer(BaseModel):
    acked_seq: int
    rejected: list[Rejection]
    gap: bool


class PullAnswer(BaseModel):
    changes: list[Change]
    next_cursor: int
    more: bool
    reset: bool = False
    head: int | None = None


class TableDigest(TypedDict):
    count: int
    hash: str


class SnapshotAnswer(BaseModel):
    rows: list[dict[str, Any]]
    more: bool


class EnrolAnswer(BaseModel):
    format: Literal["casa-desk-enrolment/1"]
    device_id: str
    presidio: str
    head_office: bool
    token: str
    bundle_key: str
    epoch: str
