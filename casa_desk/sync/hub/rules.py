"""What the hub accepts in a change's content: clock, codes, text, links (issue 8).

The office PC is not trusted. Before a change is merged the hub checks, in this order:

1. **clock** — a change stamped more than the allowed skew (SYNC.md's 5 minutes) ahead of
   the hub's own time is refused: every store that pulled it would adopt that clock, and a
   clock of 2^63−1 stops a store from ever writing again;
2. **fields** — known columns have their type; closed vocabularies (genders, channels,
   outcomes, service kinds, urgency, event kinds…) hold known codes, a contact's category is
   one of the hub's categories, offices and scopes are known; integers fit in 64 bits; text
   is capped and carries no NUL, no bidi override (U+202A–U+202E, U+2066–U+2069) and no lone
   surrogate (PostgreSQL and SQLite cannot store one: the whole batch would fail for ever);
3. **links** — every id a row points at (a contact's person, an event's referral, a
   referral's service…) is a row the hub has, or one accepted earlier in the same batch,
   that the pushing office may see; an event belongs to its referral's office; a contact's
   correction (``amends_id``) is its office's, head office's included, and the first one:
   a contact already corrected (by another desk of the office, apart) is not corrected
   again, or it would have two current versions (:meth:`Links.reason`).

Each refusal is a short Italian reason naming a column or a code, never a value, made from
its stable code (:mod:`casa_desk.sync.refusals`: the office's window words it). The checks
are plain dict and set look-ups over a batch (the targets of links are fetched with one
query per table), so they cost a few microseconds a change — see ``benchmarks/bench_sync.py``.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, select

from casa_desk.models.hlc import physical_ms
from casa_desk.models.referrals import EventKind
from casa_desk.models.timeutil import ms_to_utc_text
from casa_desk.models.vocab import (
    AuditAction,
    Channel,
    EmploymentStatus,
    Gender,
    Isced,
    Outcome,
    ServiceKind,
    TenancyRole,
    Urgency,
    YesNoDeclined,
)
from casa_desk.store.tables import BY_NAME, HEAD_OFFICE, SHARED_SCOPE
from casa_desk.sync import protocol, refusals
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.driver import where_in
from casa_desk.sync.hub.scopes import Device, is_visible

Row = dict[str, Any]
Key = tuple[str, str]


def _codes(*enums: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(member.value) for enum in enums for member in enum)  # type: ignore[attr-defined]


#: Closed vocabularies by table and column (None is always allowed: an unset value).
CODES: dict[str, dict[str, frozenset[str]]] = {
    "people": {"gender": _codes(Gender), "tenancy_role": _codes(TenancyRole)},
    "contacts": {"channel": _codes(Channel), "outcome": _codes(Outcome)},
    "services": {"kind": _codes(ServiceKind)},
    "referrals": {"urgency": _codes(Urgency)},
    "referral_events": {"event": _codes(EventKind)},
    "participants": {
        "employment_status": _codes(EmploymentStatus),
        "education_isced": _codes(Isced),
        "migrant_background": _codes(YesNoDeclined),
        "disability": _codes(YesNoDeclined),
        "other_disadvantage": _codes(YesNoDeclined),
        "homeless_or_housing_exclusion": _codes(YesNoDeclined),
        "third_country_national": _codes(YesNoDeclined),
        "foreign_background": _codes(YesNoDeclined),
        "minority": _codes(YesNoDeclined),
    },
    "audit_log": {"action": _codes(AuditAction)},
}
#: Integer columns that are flags.
FLAGS = frozenset({"deleted", "sensitive", "active", "no_calls", "no_post"})

#: Free text that may be long; every other text column is short (names, codes, dates…).
LONG_TEXT = frozenset(
    {
        "notes",
        "summary",
        "reason",
        "request",
        "note",
        "text",
        "hours",
        "address",
        "languages",
        "value",  # settings: head office's ESF programme references, as JSON
    }
)
SHORT_TEXT_CAP = 300
LONG_TEXT_CAP = 20_000

#: Links the hub resolves: (table, column) → table pointed at.
LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (("merged_into", "people"),),
    "consents": (("person_id", "people"),),
    "contacts": (("person_id", "people"), ("amends_id", "contacts")),
    "referrals": (
        ("person_id", "people"),
        ("service_id", "services"),
        ("contact_id", "contacts"),
        ("consent_id", "consents"),
    ),
    "referral_events": (("referral_id", "referrals"),),
    "participants": (("person_id", "people"),),
    "safe_contacts": (("person_id", "people"),),
}

#: Bidi overrides and isolates, lone surrogates: written raw by ``json.dumps(ensure_ascii=
#: False)``, so only a non-ASCII text can hold one; NUL is written as the escape ``\\u0000``.
_FORBIDDEN = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _forbidden(text: str) -> bool:
    return "\\u0000" in text or (not text.isascii() and _FORBIDDEN.search(text) is not None)


def _forbidden_text(value: Any) -> bool:
    """:func:`_forbidden` for a value itself rather than its JSON text (one per change:
    writing it as JSON first cost more than every other field check)."""
    if type(value) is not str:
        return _forbidden(json.dumps(value, ensure_ascii=False))
    return "\x00" in value or (not value.isascii() and _FORBIDDEN.search(value) is not None)


def _caps(name: str) -> dict[str, int]:
    """Per known column: the text cap, or -1 for an integer column."""
    return {
        col: -1 if kind is int else LONG_TEXT_CAP if col in LONG_TEXT else SHORT_TEXT_CAP
        for col, kind in BY_NAME[name].all_columns.items()
        if col != "field_clocks"
    }


_CAPS: dict[str, dict[str, int]] = {name: _caps(name) for name in BY_NAME}


def real_moment(value: str) -> bool:
    """A moment as every desk writes it (casa_desk.models.timeutil.to_utc_text: UTC, ``Z``,
    ``T`` between day and time): compared as text by the reports and the merge, so no other
    zone or shape is a moment; and a real one (not the 30th of February, not 25:00). Parsed
    by ``datetime.fromisoformat`` (C, a third of a pattern's cost: a push checks one or two
    such fields a change)."""
    if not (len(value) >= 20 and value[10] == "T" and value[-1] == "Z" and value.isascii()):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


#: How far ahead of the hub's time a row's ``created_at`` / ``updated_at`` may be: two
#: years. Not the clock skew's 5 minutes: a desk stamps them with its PC's wall clock, and
#: a PC whose clock ran ahead — hours (SYNC.md's faults), a wrong time zone, a year typed
#: wrong (tests/sync/test_chaos.py) — keeps them so when its changes leave once the clock
#: is put right (store/clock.py restamps their clocks, not their data). A refusal is final:
#: those rows would never reach head office nor the other offices. Two years lets such a
#: clock through, and stops what no clock makes: ``9999-12-31…``, which kept a person out
#: of retention for ever (store/retention.py reads ``people.created_at``); now at most two
#: years longer than her period.
STAMP_AHEAD_MS = 2 * 366 * 24 * 3600 * 1000
#: The horizon's text is made again at most this often (a push checks one or two stamps a
#: change: a clock read and a comparison each, not a date's formatting).
_HORIZON_EVERY_S = 60.0


#: (time after which the horizon is made again, the horizon's text)
_horizon = (0.0, "")


def _horizon_text() -> str:
    """The latest stamp accepted now, as a desk writes one. Compared as text: a stamp that
    passes :func:`real_moment`'s shape (``AAAA-MM-GGT…Z``) sorts as its time, to the
    second, which is all a horizon of years needs."""
    global _horizon  # noqa: PLW0603 - one tuple, swapped whole: a thread reads old or new
    now = time.time()
    if now >= _horizon[0]:
        _horizon = (now + _HORIZON_EVERY_S, ms_to_utc_text(int(now * 1000) + STAMP_AHEAD_MS))
    return _horizon[1]


def real_stamp(value: str) -> bool:
    """A row's ``created_at`` / ``updated_at``: a real moment (:func:`real_moment`) at most
    :data:`STAMP_AHEAD_MS` ahead of the hub's time. Any past moment is one: rows imported
    or made years ago, the reference data's ``2026-01-01T00:00:00.000Z``."""
    return real_moment(value) and value <= _horizon_text()


def real_day(value: str) -> bool:
    """``AAAA-MM-GG``, a real day."""
    if not (len(value) == 10 and value[4] == "-" and value[7] == "-" and value.isascii()):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def real_birth(value: str) -> bool:
    """A birth date, or its year and month alone (an anonymised person's, issue 11)."""
    return real_day(value) or (len(value) == 7 and real_day(value + "-01"))


def _date_checks(name: str) -> tuple[tuple[str, Callable[[str], bool]], ...]:
    """The table's date columns (``…_on``, ``birth_date``) and moments (``…_at``, ``at``),
    each with its check: the hub took any text there, and another office's
    ``1980-02-31`` or ``ieri`` stopped every reader that reads it as a date.

    Not ``created_at`` / ``updated_at``: :func:`content_reason` checks them first, apart
    (:func:`real_stamp`: every change carries one or both, an insert mostly the same
    text twice, checked once)."""
    checks: list[tuple[str, Callable[[str], bool]]] = []
    for col in BY_NAME[name].all_columns:
        if col in ("created_at", "updated_at"):
            continue
        if col == "birth_date":
            checks.append((col, real_birth))
        elif col.endswith("_on"):
            checks.append((col, real_day))
        elif col.endswith("_at") or col == "at":
            checks.append((col, real_moment))
    return tuple(checks)


_DATE_CHECKS = {name: _date_checks(name) for name in BY_NAME}
_CODE_ITEMS = {table: tuple(codes.items()) for table, codes in CODES.items()}
_INSERT_REQUIRED = ("presidio", "scope", "created_at", "updated_at")
_INT_MIN = -protocol.MAX_INT64


def now_ms() -> int:
    return int(time.time() * 1000)


def clock_reason(hlc: int, hub_ms: int) -> str | None:
    """Refuse a clock further ahead of the hub's time than the allowed skew."""
    if physical_ms(hlc) > hub_ms + protocol.MAX_SKEW_MS:
        return refusals.text(refusals.CLOCK_AHEAD)
    return None


def serialised(change: dict[str, Any]) -> tuple[str, str | None]:
    """The change's ``data`` and ``base`` as the log stores them (done once, reused)."""
    base = change.get("base")
    return _json_text(change.get("data") or {}), None if base is None else _json_text(base)


def _json_text(value: Any) -> str:
    """Compact JSON text. orjson refuses a lone surrogate or an integer past 64 bits: those
    are written by :mod:`json`, as before, for :meth:`FieldRules.reason` to refuse."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class FieldRules:
    """Field checks. The hub's categories and offices are kept between batches; before a
    change is refused for an unknown one they are read again, once per batch, inside the
    batch's transaction (head office may just have added it, maybe through another hub
    process): a refusal is final, so it never rests on a stale list."""

    def __init__(self, categories: frozenset[str], offices: frozenset[str]) -> None:
        self._set(categories, offices)
        self._conn: Connection | None = None
        self._fresh = True

    def _set(self, categories: frozenset[str], offices: frozenset[str]) -> None:
        self.categories = categories
        self.offices = offices | {HEAD_OFFICE}
        self.scopes = self.offices | {SHARED_SCOPE}

    def begin(self, conn: Connection) -> FieldRules:
        """Use these rules for a new batch in ``conn``'s transaction."""
        self._conn, self._fresh = conn, False
        return self

    def _known(self, kind: str, value: Any) -> bool:
        if value in getattr(self, kind):
            return True
        if not self._fresh and self._conn is not None:
            again = FieldRules.load(self._conn)
            self._set(again.categories, again.offices - {HEAD_OFFICE})
            self._fresh = True
            return value in getattr(self, kind)
        return False

    @classmethod
    def load(cls, conn: Connection) -> FieldRules:
        cats = schema.MIRRORS["categories"]
        offices = schema.MIRRORS["presidi"]
        return cls(
            frozenset(r[0] for r in conn.execute(select(cats.c.code)) if r[0]),
            frozenset(r[0] for r in conn.execute(select(offices.c.code)) if r[0]),
        )

    def reason(self, change: dict[str, Any], data_json: str, base_json: str | None) -> str | None:
        """None when the change's content is acceptable, else why not (no values):
        :func:`content_reason`, then :meth:`known_reason`."""
        return content_reason(change, data_json, base_json) or self.known_reason(change)

    def known_reason(self, change: dict[str, Any]) -> str | None:
        """The checks against the hub's own lists: the contact's category, the office and
        the scope must be ones the hub knows (read again once per batch before a refusal)."""
        if change["table"] not in _CAPS:
            return None  # unknown tables are refused by the authorisation rules
        data: dict[str, Any] = change["data"]
        category = data.get("category") if change["table"] == "contacts" else None
        if category is not None and not self._known("categories", category):
            return refusals.text(refusals.UNKNOWN_CATEGORY)
        if data.get("presidio") is not None and not self._known("offices", data["presidio"]):
            return refusals.text(refusals.UNKNOWN_OFFICE)
        if data.get("scope") is not None and not self._known("scopes", data["scope"]):
            return refusals.text(refusals.UNKNOWN_SCOPE)
        return None


def content_reason(  # noqa: PLR0911, PLR0912 - one check per branch, read top to bottom
    change: dict[str, Any], data_json: str, base_json: str | None
) -> str | None:
    """The field checks that depend on the change alone: size, forbidden text, types, text
    caps, closed vocabularies. They read no database, so the hub makes them for a batch
    before it takes its turn at the push lock (:func:`casa_desk.sync.hub.push.prepare`)."""
    if (
        change.get("too_large")
        or len(data_json) > protocol.MAX_CHANGE_BYTES
        or (base_json is not None and len(base_json) > protocol.MAX_BASE_BYTES)
    ):
        return refusals.text(refusals.CHANGE_TOO_LARGE)
    operator = change.get("operator")
    if (
        _forbidden(data_json)
        or (base_json is not None and _forbidden(base_json))
        or (operator is not None and _forbidden_text(operator))
    ):
        return refusals.text(refusals.FORBIDDEN_TEXT)
    if not _clocks_ok(change.get("base")):
        return refusals.text(refusals.BAD_BASE_CLOCKS)
    table = change["table"]
    caps = _CAPS.get(table)
    if caps is None:
        return None  # unknown tables are refused by the authorisation rules
    data: dict[str, Any] = change["data"]
    if change["op"] == "insert":
        for col in _INSERT_REQUIRED:
            if type(data.get(col)) is not str:
                return refusals.text(refusals.MISSING_FIELD, col=col)
        if data.get("id", change["row_id"]) != change["row_id"]:
            return refusals.text(refusals.ROW_ID_MISMATCH)
    for col, value in data.items():
        cap = caps.get(col)
        if cap is None or value is None:
            continue  # a newer client's column: kept in the log, forwarded as it came
        if cap >= 0:
            if type(value) is not str:
                return refusals.text(refusals.BAD_VALUE, col=col)
            if len(value) > cap:
                return refusals.text(refusals.TEXT_TOO_LONG, col=col)
        elif type(value) not in (int, bool) or not _INT_MIN <= value <= protocol.MAX_INT64:
            return refusals.text(refusals.BAD_VALUE, col=col)
        elif col in FLAGS and value not in (0, 1):
            return refusals.text(refusals.BAD_VALUE, col=col)
    # The stamps of every row: a real moment, not far ahead (retention reads a person's
    # created_at as the day she was registered: ``ieri`` or ``9999-12-31…`` kept her for
    # ever). Texts when not None: the caps above.
    created, updated = data.get("created_at"), data.get("updated_at")
    if created is not None and not real_stamp(created):
        return refusals.text(refusals.BAD_VALUE, col="created_at")
    if updated is not None and updated != created and not real_stamp(updated):
        return refusals.text(refusals.BAD_VALUE, col="updated_at")
    for col, real in _DATE_CHECKS[table]:
        value = data.get(col)  # a text when not None: the caps above
        if value is not None and not real(value):
            return refusals.text(refusals.BAD_VALUE, col=col)
    for col, allowed in _CODE_ITEMS.get(table, ()):
        value = data.get(col)
        if value is not None and value not in allowed:
            return refusals.text(refusals.UNKNOWN_CODE, col=col)
    if table == "people" and data.get("erasure_hashes") is not None:
        return _erasure_hashes_reason(data)
    return None


#: ``people.erasure_hashes`` as a desk writes it (casa_desk.store.suppression): up to 8
#: tokens ``cf:`` or ``nd:`` and 32 hex digits, one space between.
_ERASURE_HASHES = re.compile(r"(?:cf|nd):[0-9a-f]{32}(?: (?:cf|nd):[0-9a-f]{32}){0,7}")


def _erasure_hashes_reason(data: dict[str, Any]) -> str | None:
    """A suppression entry (:mod:`casa_desk.store.suppression`) is written only by the
    erasure on request, in the same change as the person's ``anonymised_on`` — which only
    her office or head office may send (:mod:`casa_desk.sync.hub.scopes`); afterwards it may
    only be cleared (she registered again). An office holds the erasure key: without this
    rule it could put the hashes of tenants it chose on a living person's row, its own or
    another office's, and every office's registry import would skip those tenants as if
    they had asked to be erased."""
    value = data["erasure_hashes"]
    if data.get("anonymised_on") is None or not _ERASURE_HASHES.fullmatch(value):
        return refusals.text(refusals.BAD_VALUE, col="erasure_hashes")
    return None


#: A device id in a clock (a node id: a UUID; ``messages.Name`` allows 64 characters).
_DEVICE_CAP = 64


def _clocks_ok(base: Any) -> bool:
    """Whether a change's ``base`` holds, per field, the ``[hlc, device]`` a store writes: a
    clock within 64 bits and a device id. The merge reads each one as numbers (``int()``):
    text there would crash the whole batch, and with it, for an edit parked after a restore,
    the push of whichever office later brings its row."""
    if base is None:
        return True
    if not isinstance(base, dict):
        return False
    return all(
        isinstance(clock, list)
        and len(clock) == 2  # noqa: PLR2004 - [hlc, device]
        and type(clock[0]) is int
        and 0 <= clock[0] <= protocol.MAX_INT64
        and type(clock[1]) is str
        and len(clock[1]) <= _DEVICE_CAP
        for clock in base.values()
    )


class Links:
    """Resolves the ids a batch points at: rows of this batch first, then the hub's."""

    def __init__(self, conn: Connection, changes: list[dict[str, Any]], rows: dict[Key, Row]):
        self.rows = rows
        wanted: dict[str, set[str]] = {}
        amended: set[str] = set()  # contacts the batch corrects
        for change in changes:
            data = change.get("data") or {}
            for col, target in LINKS.get(change["table"], ()):
                value = data.get(col)
                if isinstance(value, str):
                    if (target, value) not in rows:
                        wanted.setdefault(target, set()).add(value)
                    if col == "amends_id":
                        amended.add(value)
        #: The rows pointed at that the batch does not hold (:func:`_owners`).
        self.found: dict[Key, Row] = {}
        for target, ids in wanted.items():
            for r in _owners(conn, target, sorted(ids)):
                row = {"id": r[0], "presidio": r[1], "scope": r[2]}
                if target == "people":
                    row["anonymised_on"], row["merged_into"] = r[3], r[4]
                self.found[(target, r[0])] = row
        #: Contact id → the id of the row that corrects it (the hub's, then this batch's).
        self.corrected: dict[str, str] = {}
        if amended:
            sql = f"SELECT amends_id, id FROM {schema.MIRRORS['contacts'].name} WHERE amends_id"
            self.corrected.update((r[0], r[1]) for r in where_in(conn, sql, sorted(amended)))

    def reason(self, device: Device, change: dict[str, Any]) -> str | None:
        """None when every link resolves in the pusher's scope, else why not."""
        data = change.get("data") or {}
        for col, target in LINKS.get(change["table"], ()):
            value = data.get(col)
            if value is None:
                continue
            if not isinstance(value, str):
                return refusals.text(refusals.BAD_VALUE, col=col)
            row = self.rows.get((target, value)) or self.found.get((target, value))
            if row is None:
                return refusals.text(refusals.UNKNOWN_LINK, col=col)
            if not is_visible(device, row.get("presidio"), row.get("scope")):
                return refusals.text(refusals.HIDDEN_LINK, col=col)
            if change["table"] == "referral_events" and change["op"] == "insert":
                own = data.get("presidio"), data.get("scope")
                if own != (row.get("presidio"), row.get("scope")):
                    return refusals.text(refusals.FOREIGN_EVENT)
            if col == "amends_id":
                refused = self._correction_reason(device, change, value, row)
                if refused is not None:
                    return refused
        return None

    def _correction_reason(
        self, device: Device, change: dict[str, Any], amends: str, row: Row
    ) -> str | None:
        """A contact's correction (``amends_id`` = ``amends``, the contact ``row``) is its
        office's and the first.

        A correction replaces the contact: a second one, written at another desk while the
        first was (apart), made two current versions of one contact — counted twice in the
        reports, shown twice on the card, a closed follow-up open again. Only the contact's
        office corrects it, and the first correction the hub takes wins; the desk whose
        correction is refused withdraws it (:mod:`casa_desk.sync.withdrawn`)."""
        if row.get("presidio") != device.presidio:
            return refusals.text(refusals.OTHER_OFFICE_EDIT, office=row.get("presidio"))
        other = self.corrected.get(amends) if change["op"] == "insert" else None
        if other is not None and other != change["row_id"]:
            return refusals.text(refusals.ALREADY_CORRECTED)
        return None

    def taken(self, change: dict[str, Any]) -> None:
        """Note an accepted change of a contact: a correction makes the contact it corrects
        corrected for the rest of the batch."""
        if change["op"] == "insert":
            amends = (change.get("data") or {}).get("amends_id")
            if isinstance(amends, str):
                self.corrected.setdefault(amends, change["row_id"])


def _owners(conn: Connection, table: str, ids: list[str]) -> list[tuple[Any, ...]]:
    """``(id, presidio, scope)`` of the rows among ``ids``; for people also ``anonymised_on``
    and ``merged_into``, so that the batch's anonymisation check need not read them again
    (hub/erasure.py)."""
    extra = ", anonymised_on, merged_into" if table == "people" else ""
    sql = f"SELECT id, presidio, scope{extra} FROM {schema.MIRRORS[table].name} WHERE id"
    return [tuple(r) for r in where_in(conn, sql, ids)]
