"""Writing many rows of a synced table in few statements (sync's apply path).

``executemany`` runs one statement per row, and on the synced tables that is costly twice
over. A statement that may abort half-way (the capture guards can) keeps a statement
journal of the pages it changes, which SQLite spills to a temporary file past 64 KiB: about
twenty page writes per row on ``people`` with its indexes. And FTS5 flushes its pending
terms at every statement boundary, so the search triggers leave one tiny index segment per
row. One ``INSERT … VALUES (…), (…)`` or ``UPDATE … FROM (VALUES …)`` of a few hundred
rows pays both once per statement: 60,000 received people took 1.7 s of CPU instead of 5.1 s,
with every trigger — guards and search — still on (``benchmarks/README.md``).

Call inside a write transaction; the rows' clocks must already be recorded (the guards).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from casa_desk.store.connection import Connection

#: Rows per statement: past a few hundred the statement only gets longer to prepare.
ROWS_PER_STATEMENT = 500
#: SQLite's cap on bound values in one statement since 3.32 (SQLCipher 4.6+ bundles a newer
#: SQLite; its binding has no ``getlimit`` to ask).
VARIABLE_LIMIT = 32_766


def _rows_per_statement(columns: int) -> int:
    """As many rows as fit SQLite's cap on bound values."""
    return max(1, min(ROWS_PER_STATEMENT, VARIABLE_LIMIT // max(1, columns)))


def insert_rows(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    or_ignore: bool = False,
    omit_null: Collection[str] = (),
) -> None:
    """Insert ``rows`` (values in ``columns`` order), several hundred per statement;
    ``or_ignore``: a row whose key is already there is skipped (``INSERT OR IGNORE``).

    ``omit_null``: columns whose default is NULL (:func:`null_default_columns`), left out of
    a statement when they are NULL in each of its rows — they store the same NULL, without
    binding it row by row (received rows leave most of their columns empty: binding a NULL
    costs the driver more than a short text)."""
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    step = _rows_per_statement(len(columns))
    optional = [i for i, name in enumerate(columns) if name in omit_null]
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        names, values = list(columns), chunk
        if optional:
            by_column = list(zip(*chunk, strict=True))
            empty = {i for i in optional if by_column[i].count(None) == len(chunk)}
            if empty:
                kept = [i for i in range(len(columns)) if i not in empty]
                names = [columns[i] for i in kept]
                values = list(zip(*(by_column[i] for i in kept), strict=True))
        one = f"({', '.join('?' * len(names))})"
        conn.execute(
            f"{verb} INTO {table} ({', '.join(names)}) VALUES " + ", ".join([one] * len(chunk)),
            [v for row in values for v in row],
        )


def null_default_columns(conn: Connection, table: str) -> frozenset[str]:
    """Columns of ``table`` that a row may leave out and still store NULL: nullable, with
    no default, not the primary key."""
    return frozenset(
        name
        for _cid, name, _type, notnull, default, pk in conn.execute(
            f"PRAGMA table_info({table})"
        ).fetchall()
        if not notnull and default is None and not pk
    )


def update_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Update rows by id: each row holds the id first, then the new values of ``columns``.
    An id that matches no row changes nothing."""
    width = len(columns) + 1
    one = f"({', '.join('?' * width)})"
    targets = ", ".join(columns)
    values = ", ".join(f"v.column{i}" for i in range(2, width + 1))
    step = _rows_per_statement(width)
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        conn.execute(
            f"UPDATE {table} SET ({targets}) = ({values})"
            f" FROM (VALUES {', '.join([one] * len(chunk))}) AS v WHERE {table}.id = v.column1",
            [v for row in chunk for v in row],
        )
