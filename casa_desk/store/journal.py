"""The change journal: the only way rows of synced tables are written.

Every local write stamps the sync columns, ticks the device's hybrid logical clock and
appends to ``sync_outbox`` in the same transaction (SYNC.md §2). Changes received by sync
go through :meth:`Journal.apply_remote`, which records them in ``sync_applied`` instead, so
they are never captured twice. Triggers installed by :mod:`casa_desk.store.schema` refuse
any write that took neither road.

Per-field clocks: ``field_clocks`` holds ``{"*": [hlc, device]}`` for the insert and an
entry per field changed since; a field's clock is its own entry or else ``"*"``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import StorageError, ValidationError
from casa_desk.models.hlc import Hlc
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import ms_to_utc_text
from casa_desk.store.erasure import PEOPLE_ERASED, anonymised_among, neutralise
from casa_desk.store.tables import (
    BY_NAME,
    HEAD_OFFICE,
    SHARED_SCOPE,
    SYNC_COLUMNS,
    SyncClass,
    TableSpec,
)

_BATCH = 5_000


def default_scope(spec: TableSpec, presidio: str) -> str:
    """The registry and head office's reference rows are shared; everything else, an
    office's own directory entries included, stays with its office (the hub enforces it)."""
    if spec.sync_class is SyncClass.SHARED:
        return SHARED_SCOPE
    if spec.sync_class is SyncClass.REFERENCE and presidio == HEAD_OFFICE:
        return SHARED_SCOPE
    return presidio


def field_clock(clocks: dict[str, list[Any]], field: str) -> tuple[int, str]:
    entry = clocks.get(field) or clocks.get("*") or [0, ""]
    return int(entry[0]), str(entry[1])


class Journal:
    """The write side of a store: the write connection, the change journal and the clock.

    One per process (the :class:`~casa_desk.store.db.Store` owns it). Any thread may write:
    :meth:`transaction` takes a re-entrant lock, so transactions are serialised and a
    connection is only ever used by the thread holding the lock. Writes outside a
    transaction are refused.
    """

    def __init__(
        self,
        db: Database,
        device_id: str,
        clock: Hlc,
        now: Callable[[], str] | None = None,
    ) -> None:
        self.db = db
        self.device_id = device_id
        self.clock = clock
        # Stamps (created_at, applied_at) read the same wall clock as the HLC: one clock.
        self._now = now or (lambda: ms_to_utc_text(clock.wall_ms()))
        #: Who is writing, as the store says (its operator): stamped on every captured
        #: change, so an edit is credited to who made it, not to who syncs it later.
        self.operator: Callable[[], str | None] = lambda: None
        self._lock = threading.RLock()
        self._owner: int | None = None
        self._depth = 0
        self.closed = False

    def now(self) -> str:
        """The wall time stamped on rows written now (stored UTC text)."""
        return self._now()

    def transaction_lock(self) -> threading.RLock:
        """The lock :meth:`transaction` holds; ``with`` it to wait for a running one."""
        return self._lock

    def holds_transaction(self) -> bool:
        """True on the thread that is inside :meth:`transaction` (it may use the writer)."""
        return self._owner == threading.get_ident()

    def write_mark(self) -> tuple[int, int]:
        """Changes when anything is committed to the store after it is taken: rows this
        connection changed (any thread of this process) and SQLite's ``data_version``
        (commits by other connections or processes). Read it while holding the
        transaction lock (:mod:`casa_desk.sync.pipeline` compares two of them)."""
        version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        return int(self.db.conn.total_changes), int(version)

    # -- transactions -------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested calls become savepoints); the clock is persisted.

        Other threads wait on the lock for the whole transaction: keep them short (a pull
        page, a form's save).
        """
        with self._lock:
            if self.closed:
                raise StorageError("L'archivio è chiuso.", code="store_closed")
            if self._depth:
                with self._savepoint():
                    yield
                return
            conn = self.db.conn
            conn.execute("BEGIN IMMEDIATE")
            self._owner = threading.get_ident()
            self._depth = 1
            try:
                self._catch_up()
                yield
                self._persist_clock()
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
                self._owner = None

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        conn = self.db.conn
        name = f"casa_sp_{self._depth}"
        conn.execute(f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        else:
            conn.execute(f"RELEASE SAVEPOINT {name}")
        finally:
            self._depth -= 1

    def _catch_up(self) -> None:
        """Another process (``casa-desk sync`` beside the window) may have written since our
        last transaction: start from the persisted clock when it is ahead of ours."""
        row = self.db.execute("SELECT value FROM sync_state WHERE key = 'hlc'").fetchone()
        persisted = int(row[0]) if row and row[0] else 0
        if persisted > self.clock.last and self.clock.accepts(persisted):
            self.clock.observe(persisted)

    def _persist_clock(self) -> None:
        """Save the clock, never lower than what is saved (another process may be ahead)."""
        self.db.execute(
            "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE"
            " SET value = excluded.value"
            " WHERE CAST(sync_state.value AS INTEGER) < CAST(excluded.value AS INTEGER)",
            [str(self.clock.last)],
        )

    def _require_transaction(self) -> None:
        if not self._depth or not self.holds_transaction():
            raise RuntimeError("journal writes must run inside Journal.transaction()")

    # -- local writes -------------------------------------------------------------------
    def insert(
        self,
        table: str,
        values: dict[str, Any],
        *,
        presidio: str,
        scope: str | None = None,
    ) -> dict[str, Any]:
        """Insert one row and capture it; returns the full row as written (with its ``id``)."""
        self._require_transaction()
        spec = BY_NAME[table]
        if values.get("person_id") or table == "referral_events":
            values = self._about_anonymised(table, values)
        row = self._stamp_new(spec, values, presidio, scope)
        self._outbox(spec, row["id"], "insert", row["hlc"], _payload(row), None)
        self.db[table].insert(row)  # type: ignore[union-attr]
        return row

    def insert_many(
        self,
        table: str,
        rows: Iterable[dict[str, Any]],
        *,
        presidio: str,
        scope: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Bulk insert with capture, for the demo builder and imports; returns the count.

        Each row may carry its own ``presidio``/``scope``; the arguments are defaults.
        """
        self._require_transaction()
        spec = BY_NAME[table]
        columns = list(spec.all_columns)
        placeholders = ", ".join("?" for _ in columns)
        insert_sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
        outbox_sql = (
            "INSERT INTO sync_outbox (change_id, table_name, row_id, op, hlc, device_id, data,"
            " base, created_at, operator) VALUES (?, ?, ?, 'insert', ?, ?, ?, NULL, ?, ?)"
        )
        count = 0
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            conn = self.db.conn
            conn.executemany(
                outbox_sql,
                [
                    (
                        uuid7(),
                        table,
                        r["id"],
                        r["hlc"],
                        self.device_id,
                        _json(_payload(r)),
                        now,
                        operator,
                    )
                    for r in batch
                ],
            )
            conn.executemany(insert_sql, [tuple(r.get(c) for c in columns) for r in batch])
            batch.clear()

        now, operator = self._now(), self.operator()
        for values in rows:
            batch.append(
                self._stamp_new(
                    spec, values, values.get("presidio") or presidio, values.get("scope") or scope
                )
            )
            count += 1
            if len(batch) >= _BATCH:
                flush()
                if progress:
                    progress(count)
        if batch:
            flush()
        if progress:
            progress(count)
        return count

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any] | None:
        """Change some fields of a mutable row; returns the changed fields, or None if none."""
        self._require_transaction()
        spec = BY_NAME[table]
        if not spec.mutable:
            raise ValueError(f"{table} is insert-only: a correction is a new row")
        current = self._current(table, row_id)
        unknown = set(changes) - set(spec.columns) - {"deleted"}
        if unknown:
            raise ValueError(f"not columns of {table}: {sorted(unknown)}")
        changed = {k: v for k, v in changes.items() if current.get(k) != v}
        if table == "people" and current.get("anonymised_on"):
            if any(v is not None for k, v in changed.items() if k in PEOPLE_ERASED) or (
                "anonymised_on" in changed
            ):
                raise ValidationError(
                    "Questa persona è stata anonimizzata: i suoi dati non si possono più inserire.",
                    code="anonymised",
                )
        if not changed:
            return None
        hlc = self.clock.tick()
        clocks = json.loads(current.get("field_clocks") or "{}")
        base = {f: list(field_clock(clocks, f)) for f in changed}
        for f in changed:
            clocks[f] = [hlc, self.device_id]
        stamp = {
            "updated_at": self._now(),
            "hlc": hlc,
            "origin": self.device_id,
            "field_clocks": _json(clocks),
        }
        op = "delete" if changed.get("deleted") == 1 else "update"
        payload = {**changed, "updated_at": stamp["updated_at"]}
        self._outbox(spec, row_id, op, hlc, payload, base)
        self.db[table].update(row_id, {**changed, **stamp})  # type: ignore[union-attr]
        return changed

    def delete(self, table: str, row_id: str) -> None:
        """Tombstone a mutable row (rows are never physically deleted)."""
        self.update(table, row_id, {"deleted": 1})

    # -- remote changes -----------------------------------------------------------------
    def record_applied(
        self, change_id: str, table: str, row_id: str, hlc: int, device: str
    ) -> None:
        """Mark a received change as applied (so it is not captured, and the guard allows it).

        Sync calls this before writing the row with :meth:`write_applied`. The clock must
        accept ``hlc`` (:meth:`Hlc.accepts`): sync holds back changes it would refuse.
        """
        self._require_transaction()
        self.db.execute(
            "INSERT OR IGNORE INTO sync_applied (change_id, table_name, row_id, hlc, device_id,"
            " applied_at) VALUES (?, ?, ?, ?, ?, ?)",
            [change_id, table, row_id, hlc, device, self._now()],
        )
        self.clock.observe(hlc)

    def write_applied(self, table: str, row: dict[str, Any], *, exists: bool) -> None:
        """Write a merged row received by sync. Its ``hlc`` must be recorded as applied."""
        self._require_transaction()
        if exists:
            self.db[table].update(row["id"], {k: v for k, v in row.items() if k != "id"})  # type: ignore[union-attr]
        else:
            self.db[table].insert(row)  # type: ignore[union-attr]

    # -- helpers ------------------------------------------------------------------------
    def _about_anonymised(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """A new row about an anonymised person carries none of the erased texts."""
        person = values.get("person_id")
        if table == "referral_events":
            found = self.db.execute(
                "SELECT person_id FROM referrals WHERE id = ?", [values.get("referral_id")]
            ).fetchone()
            person = found[0] if found else None
        if person and anonymised_among(self.db, [person]):
            return neutralise(table, values)
        return values

    def _stamp_new(
        self, spec: TableSpec, values: dict[str, Any], presidio: str, scope: str | None
    ) -> dict[str, Any]:
        unknown = set(values) - set(spec.columns) - set(SYNC_COLUMNS)
        if unknown:
            raise ValueError(f"not columns of {spec.name}: {sorted(unknown)}")
        hlc = self.clock.tick()
        now = self._now()
        row: dict[str, Any] = {
            **dict.fromkeys(spec.columns),
            **values,
            "id": values.get("id") or uuid7(),
            "presidio": presidio,
            "scope": scope or default_scope(spec, presidio),
            "created_at": values.get("created_at") or now,
            "updated_at": values.get("updated_at") or values.get("created_at") or now,
            "deleted": values.get("deleted", 0),
            "hlc": hlc,
            "origin": self.device_id,
        }
        if spec.mutable:
            row["field_clocks"] = _json({"*": [hlc, self.device_id]})
        return row

    def _current(self, table: str, row_id: str) -> dict[str, Any]:
        rows = list(self.db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
        if not rows:
            raise KeyError(f"{table} has no row {row_id}")
        return rows[0]

    def _outbox(
        self,
        spec: TableSpec,
        row_id: str,
        op: str,
        hlc: int,
        data: dict[str, Any],
        base: dict[str, Any] | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO sync_outbox (change_id, table_name, row_id, op, hlc, device_id, data,"
            " base, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                uuid7(),
                spec.name,
                row_id,
                op,
                hlc,
                self.device_id,
                _json(data),
                None if base is None else _json(base),
                self._now(),
                self.operator(),
            ],
        )


def _payload(row: dict[str, Any]) -> dict[str, Any]:
    """What an insert carries: every non-empty column except the clocks (the change has them)."""
    return {
        k: v for k, v in row.items() if v is not None and k not in ("hlc", "origin", "field_clocks")
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
