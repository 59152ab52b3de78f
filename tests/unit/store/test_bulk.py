"""Rows written in bulk (casa_desk.store.bulk) are the rows one INSERT each would write.

``insert_rows`` leaves out of a statement the columns that are NULL in every one of its
rows when their default is NULL; a column with another default must never be left out
(it would store the default instead of the NULL the row carries).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.store.bulk import insert_rows, null_default_columns
from casa_desk.store.connection import binding

_TABLE = """CREATE TABLE {name} (
    id TEXT PRIMARY KEY,
    a TEXT,
    b INTEGER DEFAULT 7,
    c TEXT NOT NULL DEFAULT 'x',
    d TEXT,
    e INTEGER
)"""
COLUMNS = ("id", "a", "b", "c", "d", "e")

_rows = st.lists(
    st.tuples(
        st.none() | st.text(max_size=3),
        st.none() | st.integers(-3, 3),
        st.text(max_size=2),
        st.none() | st.just("d"),
        st.none() | st.integers(0, 1),
    ),
    max_size=12,
)


def _table(conn: Any, name: str) -> list[tuple[Any, ...]]:
    return conn.execute(
        f"SELECT {', '.join(f'{c}, typeof({c})' for c in COLUMNS)} FROM {name} ORDER BY id"
    ).fetchall()


def test_only_nullable_columns_without_default_may_be_left_out() -> None:
    conn = binding.connect(":memory:")
    conn.execute(_TABLE.format(name="t"))
    assert null_default_columns(conn, "t") == {"a", "d", "e"}


@settings(max_examples=60, deadline=None)
@given(rows=_rows, per_statement=st.integers(1, 5))
def test_bulk_insert_stores_what_one_insert_per_row_stores(
    rows: list[tuple[Any, ...]], per_statement: int
) -> None:
    conn = binding.connect(":memory:")
    for name in ("bulk", "plain"):
        conn.execute(_TABLE.format(name=name))
    values = [(f"id{i:03d}", *r) for i, r in enumerate(rows)]
    conn.executemany(f"INSERT INTO plain VALUES ({', '.join('?' * len(COLUMNS))})", values)
    omit = null_default_columns(conn, "bulk")
    for start in range(0, len(values), per_statement):  # statements of few rows: mixed
        insert_rows(conn, "bulk", COLUMNS, values[start : start + per_statement], omit_null=omit)
    assert _table(conn, "bulk") == _table(conn, "plain")


_dicts = st.lists(
    st.fixed_dictionaries(
        {"c": st.text(max_size=2)},
        optional={"a": st.none() | st.text(max_size=2), "b": st.none() | st.integers(0, 9)},
    ),
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(rows=_dicts, same_shape=st.booleans())
def test_received_rows_store_what_each_of_their_columns_says(
    rows: list[dict[str, Any]], same_shape: bool
) -> None:
    """Rows merged from inserts carry only some columns (casa_desk.sync.apply): written
    with the columns they carry, a column they lack stores NULL — never the column's
    default (``b`` has one, so rows without ``b`` are written with every column)."""
    from casa_desk.sync.apply import _insert_values

    if same_shape:
        rows = [{"a": r.get("a"), "b": r.get("b"), "c": r["c"]} for r in rows]
    conn = binding.connect(":memory:")
    for name in ("bulk", "plain"):
        conn.execute(_TABLE.format(name=name))
    rows = [{"id": f"id{i:03d}", **r} for i, r in enumerate(rows)]
    conn.executemany(
        f"INSERT INTO plain VALUES ({', '.join('?' * len(COLUMNS))})",
        [[r.get(c) for c in COLUMNS] for r in rows],
    )
    omit = null_default_columns(conn, "bulk")
    names, values = _insert_values(rows, list(COLUMNS), omit)
    if same_shape and rows:
        assert list(names) == ["id", "a", "b", "c"]  # the rows' own columns
    insert_rows(conn, "bulk", names, values, omit_null=omit)
    assert _table(conn, "bulk") == _table(conn, "plain")
