"""The hub's storage: one SQLAlchemy Core engine, SQLite or PostgreSQL, no session state.

Every request is one transaction over the database alone, so any number of hub processes
can serve the same PostgreSQL. Pushes take a transaction-level advisory lock on PostgreSQL
(``BEGIN IMMEDIATE`` on SQLite): change-log sequence numbers are therefore assigned in
commit order and a puller can never skip a change committed late (SYNC.md §4).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)

from casa_desk.models.ids import uuid7
from casa_desk.security.files import private_sqlite
from casa_desk.security.tokens import new_key
from casa_desk.store.reference import SEED_HLC, SEED_ORIGIN, SEED_TIME, reference_rows
from casa_desk.store.tables import BY_NAME, HEAD_OFFICE, SHARED_SCOPE
from casa_desk.sync import protocol, refusals
from casa_desk.sync.faults import fault_point
from casa_desk.sync.hub import lineage, quota, schema
from casa_desk.sync.hub.db_errors import driver_line, explained
from casa_desk.sync.hub.future import neutralise_future_clocks
from casa_desk.sync.hub.push import (
    EXPIRED_REASON,
    PARKED_FULL_REASON,
    apply_batch,
    fill_parked_sizes,
    logged_size,
    prepare,
    unknown_repeats,
)
from casa_desk.sync.hub.rules import FieldRules, now_ms
from casa_desk.sync.hub.scopes import Device, visible_clause
from casa_desk.sync.merge import UNCHANGED_SEED, digest_columns, digest_ordered, digest_rows

_log = logging.getLogger("casa_desk.hub")

_PUSH_LOCK = 0x43415341  # advisory lock key ("CASA")
#: Rows a digest reads from the database at a time.
_DIGEST_ROWS = 2_000
ESF_KEY = "esf_key"  # hub_meta key of the programme key (models.esf.cf_hash)
#: hub_meta key of the erasure key: every desk hashes with it the identifiers of a person
#: erased on request, so that any office's registry import recognises her
#: (casa_desk.store.suppression). Its own key, not the programme's: it lives as long as
#: the erasures it honours, whatever becomes of the programme.
ERASURE_KEY = "erasure_key"
CLOCK_REPAIR = "clock_repair"  # hub_meta: a new value each time future clocks are neutralised


def engine_url(db: str | Path) -> str:
    """``postgresql://…`` (or libpq's other name, ``postgres://``, in any case) → psycopg 3
    URL; anything else is a SQLite file path.

    The scheme is compared as :func:`casa_desk.cli.checks.hub_database` accepted it, without
    case: ``POSTGRESQL://…`` passed that check and then met SQLAlchemy, which knows no such
    dialect (a traceback).
    """
    text_db = str(db)
    if text_db.lower().startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text_db.split("://", 1)[1]
    if "://" in text_db:
        return text_db
    return f"sqlite:///{Path(text_db).resolve()}"


class HubStore:
    """The hub's database. Create with :meth:`open`; every method is one transaction."""

    def __init__(self, engine: Engine, bounds: quota.Bounds | None = None) -> None:
        self.engine = engine
        #: What one device may add to the log a day, and the conflicts kept for it.
        self.bounds = bounds or quota.Bounds()
        self.is_pg = engine.dialect.name == "postgresql"
        self._rules: FieldRules | None = None  # known categories and offices, kept
        # Pushes in this process take turns here before the database's push lock: a push
        # waiting on SQLite's lock polls it (sleeps of up to 100 ms), one waiting here
        # starts the moment the one before commits (push_window: two batches in flight).
        self._push_turn = threading.Lock()

    @classmethod
    def open(
        cls, db: str | Path, *, create: bool = True, bounds: quota.Bounds | None = None
    ) -> HubStore:
        url = engine_url(db)
        if url.startswith("sqlite"):
            path = Path(url.split(":///", 1)[1])
            if not create and not path.exists():
                raise protocol.sync_error(
                    "Database della sede non trovato: {path}", code="hub_missing", path=path
                )
            private_sqlite(path)  # every office's notes: 0600, never readable by others
            engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        else:
            engine = create_engine(url, pool_pre_ping=True, pool_size=5, hide_parameters=True)
        hub = cls(engine, bounds)
        try:
            hub.init()
        except Exception as exc:
            if type(exc).__module__.startswith(("sqlalchemy", "psycopg")):
                hub.close()
                raise protocol.sync_error(
                    "Database della sede non raggiungibile: {reason}.",
                    code="hub_db",
                    reason=explained(driver_line(exc, db)),
                ) from exc
            raise
        return hub

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def tx(self, *, lock: bool = False, readonly: bool = False) -> Iterator[Connection]:
        """One transaction. ``lock``: the push lock (log order); ``readonly``: on SQLite a
        plain BEGIN, so reads never queue behind a writer (WAL readers do not block)."""
        with self.engine.connect() as conn:
            if readonly:
                conn.execution_options(casa_readonly=True)
            with conn.begin():
                if lock and self.is_pg:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PUSH_LOCK})
                yield conn

    # -- set-up ---------------------------------------------------------------------------
    def init(self) -> None:
        """Create missing tables, seed reference rows like every store, make an epoch."""
        with self.tx(lock=True) as conn:
            schema.metadata.create_all(conn)
            _add_missing_columns(conn)
            _add_missing_indexes(conn)
            fill_parked_sizes(conn)
            if neutralise_future_clocks(conn, now_ms()):
                _set_meta(conn, CLOCK_REPAIR, uuid7())
            for key, make in (("epoch", uuid7), (ESF_KEY, new_key), (ERASURE_KEY, new_key)):
                if (
                    conn.execute(
                        select(schema.hub_meta.c.value).where(schema.hub_meta.c.key == key)
                    ).first()
                    is None
                ):
                    conn.execute(insert(schema.hub_meta).values(key=key, value=make()))
            for table, rows in reference_rows().items():
                mirror = schema.MIRRORS[table]
                have = {r[0] for r in conn.execute(select(mirror.c.id))}
                new = [
                    {
                        **row,
                        "presidio": HEAD_OFFICE,
                        "scope": SHARED_SCOPE,
                        "created_at": SEED_TIME,
                        "updated_at": SEED_TIME,
                        "deleted": 0,
                        "hlc": SEED_HLC,
                        "origin": SEED_ORIGIN,
                        "field_clocks": '{"*":[1,"seed"]}',
                    }
                    for row in rows
                    if row["id"] not in have
                ]
                if new:
                    conn.execute(insert(mirror), new)

    def epoch(self, conn: Connection | None = None) -> str:
        if conn is None:
            with self.tx(readonly=True) as c:
                return self.epoch(c)
        return str(
            conn.execute(
                select(schema.hub_meta.c.value).where(schema.hub_meta.c.key == "epoch")
            ).scalar_one()
        )

    def esf_key(self, conn: Connection) -> str:
        """The programme key: offices hash the codice fiscale of each ESF enrolment with it
        (:func:`casa_desk.models.esf.cf_hash`). It lives here, in ``hub_meta`` beside the
        epoch — never in a mirrored table — and reaches enrolled devices only (enrolment
        answer, enrolment file, hello)."""
        return str(
            conn.execute(
                select(schema.hub_meta.c.value).where(schema.hub_meta.c.key == ESF_KEY)
            ).scalar_one()
        )

    def erasure_key(self, conn: Connection) -> str:
        """The erasure key (:data:`ERASURE_KEY`): like the programme key, kept in
        ``hub_meta`` and handed to enrolled devices only (enrolment answer and file, hello)."""
        return str(_meta(conn, ERASURE_KEY) or "")

    def esf_duplicates(self) -> list[list[dict[str, Any]]]:
        """Live ESF enrolments that share a codice fiscale hash: one list per person, each
        enrolment as id, office, entry date. No name or code is read."""
        mirror = schema.MIRRORS["participants"]
        with self.tx(readonly=True) as conn:
            twice = (
                select(mirror.c.cf_hash)
                .where(mirror.c.deleted == 0, mirror.c.cf_hash.is_not(None))
                .group_by(mirror.c.cf_hash)
                .having(func.count() > 1)
            )
            rows = conn.execute(
                select(mirror.c.cf_hash, mirror.c.id, mirror.c.presidio, mirror.c.entered_on)
                .where(mirror.c.deleted == 0, mirror.c.cf_hash.in_(twice))
                .order_by(mirror.c.cf_hash, mirror.c.entered_on, mirror.c.id)
            ).all()
        groups: dict[str, list[dict[str, Any]]] = {}
        for hashed, row_id, presidio, entered in rows:
            groups.setdefault(hashed, []).append(
                {"id": row_id, "presidio": presidio, "entered_on": entered}
            )
        return list(groups.values())

    def new_epoch(self) -> str:
        """Call after restoring the hub from a backup: clients then re-push and re-pull.

        The devices' lines are forgotten too: a store that moved on after the backup was
        taken (restored from its own backup since) would be refused as a copy left behind
        (hub/lineage.py); each device's next hello sets its line again."""
        value = uuid7()
        with self.tx(lock=True) as conn:
            conn.execute(
                update(schema.hub_meta).where(schema.hub_meta.c.key == "epoch").values(value=value)
            )
            conn.execute(update(schema.devices).values(lineage=None))
        return value

    # -- hello ----------------------------------------------------------------------------
    def hello(self, device: Device, message: dict[str, Any]) -> dict[str, Any]:
        """Check versions and clock; bind the store's node id; say what the hub has acked."""
        if int(message.get("protocol", 0)) < protocol.MIN_PROTOCOL:
            raise HubRefusal(426, protocol.UPGRADE_REQUIRED)
        if int(message.get("min_protocol", 0)) > protocol.PROTOCOL_VERSION:
            raise HubRefusal(
                426,
                protocol.UPGRADE_REQUIRED,
                "La sede usa una versione più vecchia di casa_desk: aggiornare la sede.",
            )
        now = int(time.time() * 1000)
        if abs(int(message.get("wall_ms", 0)) - now) > protocol.MAX_SKEW_MS:
            raise HubRefusal(409, protocol.CLOCK_SKEW)
        with self.tx() as conn:  # no log lock: a hello must not wait behind a long push
            self.bind_node(conn, device, str(message.get("node_id") or ""))
            line = lineage.check(
                conn, device.id, message.get("lineage"), message.get("new_lineage")
            )
            if line is lineage.LEFT:  # committed, so head office sees it; then refused
                lineage.record_clone(conn, device.id, "hello from a store on a line it left")
            else:
                answer = self._hello_answer(conn, device, message, now, line)
        if line is lineage.LEFT:
            raise HubRefusal(409, protocol.CLONED)
        return answer

    def _hello_answer(
        self, conn: Connection, device: Device, message: dict[str, Any], now: int, line: Any
    ) -> dict[str, Any]:
        acked, acked_change_id = conn.execute(
            select(schema.devices.c.acked_seq, schema.devices.c.acked_change_id).where(
                schema.devices.c.id == device.id
            )
        ).one()
        head, _floor = _head(conn)
        return {
            "epoch": self.epoch(conn),
            "acked_seq": int(acked),
            "acked_change_id": acked_change_id,
            "log_head": int(head),
            "hub_ms": now,
            "protocol": protocol.PROTOCOL_VERSION,
            "presidio": device.presidio,
            "head_office": device.head_office,
            "esf_key": self.esf_key(conn),
            "erasure_key": self.erasure_key(conn),
            "clock_repair": _meta(conn, CLOCK_REPAIR),  # hub/future.py
            "max_push": protocol.HUB_MAX_PUSH,
            "push_window": protocol.HUB_PUSH_WINDOW,
            "lineage": line,  # hub/lineage.py
            **_refused_later(conn, device, message.get("refused_after")),
        }

    def hello_state(self, device: Device) -> dict[str, Any]:
        with self.tx() as conn:
            acked, acked_change_id = conn.execute(
                select(schema.devices.c.acked_seq, schema.devices.c.acked_change_id).where(
                    schema.devices.c.id == device.id
                )
            ).one()
        return {"acked_seq": int(acked), "acked_change_id": acked_change_id}

    def refused_later(self, device: Device, after: int) -> list[dict[str, Any]]:
        """The device's late refusals after number ``after`` (what ``hello`` tells as
        ``refused_later``), for a reply bundle: an office on USB files hears them too."""
        with self.tx() as conn:
            return list(_refused_later(conn, device, after)["refused_later"])

    def dropped_edit_rows(self, device: Device) -> set[tuple[str, str]]:
        """Rows (table, id) of the device's edits dropped after waiting for their row, or
        refused for want of room to wait (hub/push.py ``EXPIRED_REASON``,
        ``PARKED_FULL_REASON``), for a reply bundle: when such a row comes at last,
        the reply carries the hub's version, which replaces the refused value at the office
        (an office online asks for it: ``apply.rows_still_refused``)."""
        refused = schema.rejections
        with self.tx() as conn:
            found = conn.execute(
                select(refused.c.table_name, refused.c.row_id).where(
                    (refused.c.device_id == device.id)
                    & refused.c.reason.in_((EXPIRED_REASON, PARKED_FULL_REASON))
                )
            )
            return {(str(r[0]), str(r[1])) for r in found}

    def bind_node(self, conn: Connection, device: Device, node_id: str) -> None:
        if not node_id:
            raise HubRefusal(400, "bad_request", "Richiesta incompleta.")
        if device.node_id is None:
            conn.execute(
                update(schema.devices)
                .where(schema.devices.c.id == device.id)
                .values(node_id=node_id)
            )
            device.node_id = node_id
        elif device.node_id != node_id:
            raise HubRefusal(409, protocol.NODE_MISMATCH)

    # -- push -----------------------------------------------------------------------------
    def push(
        self, device: Device, message: dict[str, Any], *, renumber: bool = False
    ) -> dict[str, Any]:
        """Accept one batch in one transaction: skip what is acked, check, log, merge.

        ``message`` has been validated against :class:`~casa_desk.sync.messages.PushRequest`
        (HTTP) or comes from a verified bundle; its changes' *content* is checked here, one
        change at a time, and a refused change never blocks the batch.

        A batch that reaches below the device's ack with a change the hub never received
        is refused whole (:data:`~casa_desk.sync.protocol.CLONED`, recorded on the device:
        a copy of its store pushed under those numbers after the hello that told the ack).
        With ``renumber`` (a bundle: no hello came before it) it is answered as a gap
        instead, nothing taken: the reply's ack has the office renumber them after it."""
        changes: list[dict[str, Any]] = sorted(
            message.get("changes") or [], key=lambda c: int(c["seq"])
        )
        if len(changes) > protocol.HUB_MAX_PUSH:
            raise HubRefusal(
                413,
                protocol.TOO_LARGE,
                protocol.TOO_MANY_CHANGES,
            )
        first = message.get("first_seq")
        last = message.get("last_seq")
        first = int(changes[0]["seq"] if first is None and changes else first or 0)
        last = int(changes[-1]["seq"] if last is None and changes else last or 0)
        seqs = [int(c["seq"]) for c in changes]
        if last < first or (seqs and (seqs[0] < first or seqs[-1] > last)):
            raise HubRefusal(400, protocol.BAD_REQUEST, "Sequenze dell'invio incoerenti.")
        if seqs and last > seqs[-1]:
            # Every client's batch ends at its last change (protocol.push_messages, and
            # so since protocol 1): the ack moves only as far as what the batch carries.
            raise _beyond_changes(device)
        prepared = prepare(changes)  # while the batch before holds the lock (push.prepare)
        with self._push_turn, self.tx(lock=True) as conn:
            if device.node_id is None and changes:
                self.bind_node(conn, device, str(changes[0]["device"]))
            acked = int(
                conn.execute(
                    select(schema.devices.c.acked_seq).where(schema.devices.c.id == device.id)
                ).scalar_one()
            )
            if first > acked + 1:
                return {"acked_seq": acked, "rejected": [], "gap": True}
            if not changes and last > acked:  # no client sends one; nothing to ack
                raise _beyond_changes(device)
            fresh = [i for i, c in enumerate(changes) if int(c["seq"]) > acked]
            cloned = len(fresh) < len(changes) and bool(
                unknown_repeats(conn, [c for c in changes if int(c["seq"]) <= acked])
            )
            if cloned and renumber:
                return {"acked_seq": acked, "rejected": [], "gap": True}
            if cloned:
                # Numbers acknowledged already, changes never received: another copy of
                # this store sent its own under them. Skipped as repeats, these were lost.
                lineage.record_clone(conn, device.id, "push of new changes at acknowledged numbers")
            else:
                rejected = self._take(conn, device, changes, fresh, prepared, acked, last)
        if cloned:  # nothing of the batch taken; the record above is committed
            raise HubRefusal(409, protocol.CLONED)
        fault_point("hub.push.after_commit")
        if rejected:
            _log.info("push from device %s: %d refused", device.id, len(rejected))
        return {"acked_seq": max(acked, last), "rejected": rejected, "gap": False}

    def _take(
        self,
        conn: Connection,
        device: Device,
        changes: list[dict[str, Any]],
        fresh: list[int],
        prepared: list[Any],
        acked: int,
        last: int,
    ) -> list[dict[str, Any]]:
        """Within the push lock: the batch's ``fresh`` changes checked, merged and logged,
        the device's ack moved to ``last``; returns the refusals."""
        sizes = [logged_size(prepared[i]) for i in fresh]
        if quota.over(conn, device.id, len(fresh), sum(sizes), self.bounds, quota.hour_now()):
            raise HubRefusal(429, protocol.DEVICE_QUOTA)  # all of it sent again later
        self._rules = fields = (self._rules or FieldRules.load(conn)).begin(conn)
        rejected = apply_batch(
            conn,
            device,
            [changes[i] for i in fresh],
            fields,
            [prepared[i] for i in fresh],
            self.bounds,
            sizes,
        )
        if last > acked:
            at_last = [c["change_id"] for c in changes if int(c["seq"]) == last]
            conn.execute(
                update(schema.devices)
                .where(schema.devices.c.id == device.id)
                .values(acked_seq=last, acked_change_id=at_last[0] if at_last else None)
            )
        fault_point("hub.push.before_commit")
        return rejected

    # -- pull -----------------------------------------------------------------------------
    def pull(self, device: Device, cursor: int, limit: int) -> dict[str, Any]:
        """Changes in the device's scope after ``cursor``, oldest first, one page."""
        limit = max(1, min(int(limit), protocol.MAX_PULL_PAGE))
        log = schema.change_log
        with self.tx(readonly=True) as conn:
            head, floor = _head(conn)
            if cursor < floor:
                # The log before ``floor`` is gone: the device must re-fetch whole tables.
                return {
                    "changes": [],
                    "next_cursor": cursor,
                    "more": False,
                    "reset": True,
                    "head": head,
                }
            query = (
                select(
                    log.c.seq,
                    log.c.change_id,
                    log.c.table_name,
                    log.c.row_id,
                    log.c.op,
                    log.c.hlc,
                    log.c.node_id,
                    log.c.data,
                    log.c.base,
                    log.c.device_id,
                    log.c.operator,
                )
                # Not what this device delivered. By device, not by the store's node id: a
                # copy of a store paired as a device of its own delivers changes its twin
                # made under the same node id before, which the twin has never received.
                .where(log.c.seq > cursor, log.c.seq <= head, log.c.device_id != device.id)
                .order_by(log.c.seq)
                .limit(limit)
            )
            clause = visible_clause(device, log.c.presidio, log.c.scope)
            if clause is not None:
                query = query.where(clause)
            found = conn.execute(query).all()
            offices = _offices(conn) if found else {}
        fault_point("hub.pull.before_respond")
        changes = [
            {
                "seq": r[0],
                "change_id": r[1],
                "table": r[2],
                "row_id": r[3],
                "op": r[4],
                "hlc": int(r[5]),
                "device": r[6],
                "data": protocol.RawJson(r[7]),  # as logged: forwarded, never parsed here
                "base": protocol.RawJson(r[8]) if r[8] else None,
                "office": offices.get(r[9]),
                "operator": r[10],
            }
            for r in found
        ]
        more = len(found) == limit
        next_cursor = int(found[-1][0]) if more else max(head, cursor)
        return {"changes": changes, "next_cursor": next_cursor, "more": more}

    def prune_log(self, up_to_seq: int) -> int:
        """Forget log entries up to ``up_to_seq`` (retention); devices behind it re-fetch.

        The newest entry always stays: SQLite numbers a new row after the largest one left,
        so an emptied log would number the next change 1, below the floor, where no office
        pulls it (the table is not ``AUTOINCREMENT``, and existing hubs cannot be altered)."""
        log = schema.change_log
        with self.tx(lock=True) as conn:
            newest = conn.execute(select(func.max(log.c.seq))).scalar()
            last = min(up_to_seq, int(newest) - 1) if newest is not None else up_to_seq
            gone = conn.execute(log.delete().where(log.c.seq <= last)).rowcount
            meta = schema.hub_meta
            if conn.execute(select(meta.c.value).where(meta.c.key == "log_floor")).first() is None:
                conn.execute(insert(meta).values(key="log_floor", value=str(up_to_seq)))
            else:
                conn.execute(
                    update(meta).where(meta.c.key == "log_floor").values(value=str(up_to_seq))
                )
        return int(gone or 0)

    # -- digest and snapshot ----------------------------------------------------------------
    def digest(self, device: Device, exclude: dict[str, list[str]] | None = None) -> dict[str, Any]:
        """Per table: count and hash of the rows the device may see, less the rows it says
        its own schema refused (``exclude``), which it leaves out of its digest too."""
        out = {}
        with self.tx(readonly=True) as conn:
            for name, mirror in schema.MIRRORS.items():
                cols = [mirror.c[c] for c in digest_columns(BY_NAME[name])]
                seed_hlc, seed_origin = UNCHANGED_SEED
                # Code-point order, the order digests hash in, whatever the database's
                # collation: rows are hashed as they stream in (yield_per keeps PostgreSQL
                # from sending them all at once), never all held.
                order = mirror.c.id.collate("C") if self.is_pg else mirror.c.id
                query = (
                    select(*cols)
                    .where(~((mirror.c.hlc == seed_hlc) & (mirror.c.origin == seed_origin)))
                    .order_by(order)
                )
                clause = visible_clause(device, mirror.c.presidio, mirror.c.scope)
                if clause is not None:
                    query = query.where(clause)
                skip = set((exclude or {}).get(name) or ())

                def kept(rows: Iterable[Any], skip: set[str] = skip) -> Iterator[tuple[Any, ...]]:
                    return (tuple(r) for r in rows if not skip or r[0] not in skip)

                streamed = conn.execute(query.execution_options(yield_per=_DIGEST_ROWS))
                try:
                    found = digest_ordered(kept(streamed))
                finally:
                    streamed.close()
                if found is None:  # ids out of code-point order: sort them here
                    found = digest_rows(list(kept(conn.execute(query))))
                count, digest = found
                out[name] = {"count": count, "hash": digest}
        return out

    def snapshot(
        self, device: Device, table: str, after_id: str, limit: int, ids: list[str] | None = None
    ) -> dict[str, Any]:
        """Full rows (with field clocks) of one table in scope, by id: a re-fetch (of the
        whole table page by page, or of the given ``ids``)."""
        if table not in schema.MIRRORS:
            raise HubRefusal(404, "unknown_table", "Tabella sconosciuta.")
        mirror = schema.MIRRORS[table]
        query = select(mirror).where(mirror.c.id > after_id).order_by(mirror.c.id).limit(limit)
        if ids is not None:
            query = query.where(mirror.c.id.in_(ids[:limit]))
        clause = visible_clause(device, mirror.c.presidio, mirror.c.scope)
        if clause is not None:
            query = query.where(clause)
        with self.tx(readonly=True) as conn:
            rows = [dict(r) for r in conn.execute(query).mappings()]
        return {"rows": rows, "more": len(rows) == limit}

    # -- for tests and analysts ---------------------------------------------------------
    def rows(self, table: str) -> list[dict[str, Any]]:
        mirror = schema.MIRRORS[table]
        with self.tx() as conn:
            return [dict(r) for r in conn.execute(select(mirror).order_by(mirror.c.id)).mappings()]

    def log_change_ids(self) -> list[str]:
        with self.tx() as conn:
            return [r[0] for r in conn.execute(select(schema.change_log.c.change_id))]

    def rejected_ids(self) -> list[str]:
        with self.tx() as conn:
            return [r[0] for r in conn.execute(select(schema.rejections.c.change_id))]


class HubRefusal(Exception):
    """A refusal the HTTP layer turns into ``status`` + ``{"code", "message"}``."""

    def __init__(self, status: int, code: str, message: str | None = None) -> None:
        super().__init__(code)
        self.status = status
        self.body = protocol.refusal(code, message)


def _beyond_changes(device: Device) -> HubRefusal:
    """The refusal of a batch that would acknowledge numbers it carries no change for:
    the later changes of the device numbered up to there would be skipped as repeats."""
    _log.warning("push from device %s refused: last_seq beyond the changes it carries", device.id)
    return HubRefusal(400, protocol.BAD_REQUEST, protocol.BEYOND_CHANGES)


def _refused_later(conn: Connection, device: Device, after: Any) -> dict[str, Any]:
    """``{"refused_later": [...]}``: the device's late refusals after number ``after`` (a
    parked edit refused when its row came, hub/push.py), oldest first; nothing for a client
    that did not ask (an older one would not know what to do with them)."""
    if after is None:
        return {}
    late, refused = schema.late_rejections, schema.rejections
    rows = conn.execute(
        select(
            late.c.seq,
            refused.c.change_id,
            refused.c.table_name,
            refused.c.row_id,
            refused.c.reason,
        )
        .select_from(late.join(refused, refused.c.change_id == late.c.change_id))
        .where(late.c.device_id == device.id, late.c.seq > int(after))
        .order_by(late.c.seq)
        .limit(protocol.MAX_REFUSED_LATER)
    ).all()
    return {
        "refused_later": [
            {
                "seq": int(r[0]),
                "change_id": r[1],
                "table": r[2],
                "row_id": r[3],
                "reason": r[4],
                **refusals.coded(r[4]),  # its code, for the office's window
            }
            for r in rows
        ]
    }


def _meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(
        select(schema.hub_meta.c.value).where(schema.hub_meta.c.key == key)
    ).scalar()
    return None if value is None else str(value)


def _set_meta(conn: Connection, key: str, value: str) -> None:
    table = schema.hub_meta
    if _meta(conn, key) is None:
        conn.execute(insert(table).values(key=key, value=value))
    else:
        conn.execute(update(table).where(table.c.key == key).values(value=value))


def _add_missing_columns(conn: Connection) -> None:
    """A column added to a table spec (store migration) reaches an existing hub's mirror:
    ``create_all`` makes missing tables, not missing columns, and without this a change's
    new field would live only in ``change_log.data``, invisible to analysts' queries. The
    hub's own tables get theirs too (``change_log.operator``)."""
    for mirror in schema.metadata.sorted_tables:
        name = mirror.name
        have = {c["name"] for c in inspect(conn).get_columns(name)}
        for column in mirror.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE {name} ADD COLUMN "{column.name}" {kind}'))


def _add_missing_indexes(conn: Connection) -> None:
    """An index added to an existing table (``rejections_device``…) reaches an existing
    hub: ``create_all`` makes a table's indexes only with the table."""
    for table in schema.metadata.sorted_tables:
        for index in table.indexes:
            index.create(conn, checkfirst=True)


def _offices(conn: Connection) -> dict[str, str]:
    """Hub device id → its office: who delivered each pulled change (a few dozen rows)."""
    devices = schema.devices
    return {r[0]: r[1] for r in conn.execute(select(devices.c.id, devices.c.presidio))}


def _head(conn: Connection) -> tuple[int, int]:
    """(log head, log floor): the head never sits below the floor, even with an empty log."""
    floor = int(
        conn.execute(
            select(schema.hub_meta.c.value).where(schema.hub_meta.c.key == "log_floor")
        ).scalar()
        or 0
    )
    top = int(conn.execute(select(func.max(schema.change_log.c.seq))).scalar() or 0)
    return max(top, floor), floor


def sqlite_errors() -> tuple[type[BaseException], ...]:
    """The exceptions of the hub's SQLite binding (the standard library's; the offices'
    stores use SQLCipher's, whose classes are others)."""
    import sqlite3

    return (sqlite3.Error,)


def read_only_sqlite(path: Path) -> Any:
    """A connection that cannot write (``query_only``) to a hub kept in an SQLite file
    (``casa-desk hub backup``, and the check that a file is a hub at all).

    Read-write at the file level, like the desktop's inspector: a ``mode=ro`` connection
    leaves the ``-wal`` and ``-shm`` it opened beside a hub that is not running. The hub has
    its own database layer (SQLAlchemy), apart from the offices' stores, whose connections
    all come from casa_desk.store.connection."""
    import sqlite3

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True)
    try:
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def plain_sqlite_target(path: Path) -> Any:
    """The new file of a hub backup, in the hub's own binding (the backup API copies between
    connections of one binding; the hub is not encrypted: it runs in head office's server
    room, its file owner-only)."""
    import sqlite3

    return sqlite3.connect(str(path))


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # let the "begin" hook issue BEGIN IMMEDIATE
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    readonly = conn.get_execution_options().get("casa_readonly")
    conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")
