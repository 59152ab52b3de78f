"""Plain driver SQL for the hub's per-batch work, on SQLite and PostgreSQL alike.

SQLAlchemy Core builds every other statement of the hub. On the push and pull paths it cost
more than the database: compiling a 500-value ``IN`` (PostgreSQL's driver then splits the
query text again), or an ``insert()`` with 500 rows of bind parameters, took longer than
running them. Table and column names here come from the hub's own schema, never from a
request; values are always bound.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import chain
from typing import Any

import orjson
from sqlalchemy import Connection

#: Ids per statement on SQLite (bound values; PostgreSQL takes one array).
_CHUNK = 500
#: Statements one bulk insert may split into, one per set of columns the rows hold.
_MAX_SHAPES = 16
#: Bound values per multi-row ``INSERT`` on SQLite: 999, the least any SQLite build allows.
_SQLITE_VALUES = 999


def _pg(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _any_of(ids: Sequence[str]) -> tuple[str, dict[str, Any]]:
    """PostgreSQL: ``= ANY(…)`` of text ids, and its parameter.

    The ids travel as one JSON text, made by orjson in C and unpacked by the server
    (``jsonb_array_elements_text``, exact for any text): psycopg writes a Python list as an
    array literal element by element in Python, ~4 ms for the 2,000 ids of a push batch,
    five times a batch — a fifth of the hub's CPU in a push. ``ARRAY(SELECT …)`` is computed
    once, before the scan, so the look-up still uses the column's index. A text orjson
    refuses (a lone surrogate) goes as a list, as before."""
    try:
        return (
            " = ANY(ARRAY(SELECT jsonb_array_elements_text(%(ids)s::jsonb)))",
            {"ids": orjson.dumps(list(ids)).decode()},
        )
    except TypeError:
        return " = ANY(%(ids)s)", {"ids": list(ids)}


def where_in(conn: Connection, sql: str, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` — a query ending in ``WHERE <column>`` of text — whose column is
    among ``ids``."""
    if not ids:
        return
    if _pg(conn):
        any_of, params = _any_of(ids)
        yield from conn.exec_driver_sql(sql + any_of, params)
        return
    for start in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[start : start + _CHUNK])
        yield from conn.exec_driver_sql(sql + f" IN ({','.join('?' * len(chunk))})", chunk)


def rows_by_id(conn: Connection, table: str, ids: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Whole rows of ``table`` by id, as dicts."""
    if not ids:
        return
    if _pg(conn):
        any_of, params = _any_of(ids)
        result = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id{any_of}", params)
        names = list(result.keys())
        for row in result:
            yield dict(zip(names, row, strict=True))
        return
    for start in range(0, len(ids), _CHUNK):
        chunk = tuple(ids[start : start + _CHUNK])
        result = conn.exec_driver_sql(
            f"SELECT * FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
        )
        names = list(result.keys())
        for row in result:
            yield dict(zip(names, row, strict=True))


def insert_many(
    conn: Connection, table: str, names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert rows (values in ``names`` order), in order.

    SQLite: multi-row ``INSERT … VALUES (…), (…)`` of up to :data:`_SQLITE_VALUES` bound
    values, the rows in the order given (the change log's ``seq`` follows it). About a
    fifth less CPU than ``executemany`` for a push's inserts (benchmarks/README.md), which
    resets, binds and steps the statement once per row and lets go of the GIL and takes it
    back at every step, while the next push batch's request is read in another thread.
    PostgreSQL: ``COPY`` inside the same transaction — one stream instead of a round trip
    or a parsed parameter per row; psycopg's C extension formats the rows."""
    if not rows:
        return
    raw = conn.connection.dbapi_connection
    assert raw is not None
    if not _pg(conn):
        per = max(1, _SQLITE_VALUES // len(names))
        head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
        one = f"({', '.join('?' * len(names))})"
        full = head + ", ".join([one] * per)
        cursor = raw.cursor()
        try:
            for start in range(0, len(rows), per):
                part = rows[start : start + per]
                sql = full if len(part) == per else head + ", ".join([one] * len(part))
                cursor.execute(sql, tuple(chain.from_iterable(part)))
        finally:
            cursor.close()
        return
    with (
        raw.cursor() as cursor,  # type: ignore[attr-defined]
        cursor.copy(  # type: ignore[attr-defined]
            f"COPY {table} ({', '.join(names)}) FROM STDIN"
        ) as copy,
    ):
        for row in rows:
            copy.write_row(row)


def insert_dicts(
    conn: Connection, table: str, names: Sequence[str], rows: Sequence[dict[str, Any]]
) -> None:
    """Insert dict rows (columns among ``names``; a missing or None value is NULL).

    Rows are grouped by the columns they hold (their keys), and each group names only
    those — the others take their default, NULL, as they would with a bound None. A mirror
    row is mostly empty (a person pushed with a name has 11 of 30 columns), and every value
    costs the driver: on SQLite the sqlite3 module's binding of a value costs about as much
    as SQLite's own work on a small column; on PostgreSQL psycopg's ``COPY`` formats each
    value of each row in Python. One statement per shape (one in a plain push)."""
    if not rows:
        return
    shape_of: dict[tuple[str, ...], tuple[str, ...]] = {}  # a row's keys → its columns
    shapes: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        keys = tuple(row)  # the rows of a batch mostly share their keys: looked at once
        shape = shape_of.get(keys)
        if shape is None:
            shape = shape_of[keys] = tuple(n for n in names if n in row)
        shapes.setdefault(shape, []).append(tuple(map(row.__getitem__, shape)))
    if len(shapes) > _MAX_SHAPES:  # rows of every shape: one statement naming them all
        insert_many(conn, table, names, [tuple(map(r.get, names)) for r in rows])
        return
    for shape, values in shapes.items():
        insert_many(conn, table, shape, values)


def update_many(
    conn: Connection, table: str, columns: Sequence[str], rows: list[dict[str, Any]]
) -> None:
    """``UPDATE table SET columns… WHERE id = …`` for each dict row, in one executemany
    (psycopg pipelines it: no round trip per row)."""
    if not rows:
        return
    mark = "%s" if _pg(conn) else "?"
    conn.exec_driver_sql(
        f"UPDATE {table} SET {', '.join(f'{c} = {mark}' for c in columns)} WHERE id = {mark}",
        [(*(r.get(c) for c in columns), r["id"]) for r in rows],
    )
