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

from collections.abc import Sequence
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
) -> None:
    """Insert ``rows`` (values in ``columns`` order), several hundred per statement;
    ``or_ignore``: a row whose key is already there is skipped (``INSERT OR IGNORE``)."""
    one = f"({', '.join('?' * len(columns))})"
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    head = f"{verb} INTO {table} ({', '.join(columns)}) VALUES "
    step = _rows_per_statement(len(columns))
    for start in range(0, len(rows), step):
        chunk = rows[start : start + step]
        conn.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])


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
