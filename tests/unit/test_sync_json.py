"""orjson on the sync path writes the bytes json wrote: digests of either version agree, and
JSON text carried unparsed (RawJson) arrives as the value it holds."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casa_desk.sync import protocol
from casa_desk.sync.merge import digest_ordered, digest_rows

_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.text(),  # any code point, control characters and U+2028 included
)


def _old_digest(rows: list[tuple[Any, ...]]) -> tuple[int, str]:
    """digest_rows as it was written with json, before orjson."""
    h = hashlib.sha256()
    for row in sorted(rows, key=lambda r: str(r[0])):
        norm = [int(v) if isinstance(v, bool) else v for v in row]
        text = json.dumps(norm, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return len(rows), h.hexdigest()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(min_size=1), _values, _values, _values), max_size=8))
def test_digest_bytes_are_the_ones_json_wrote(rows: list[tuple[Any, ...]]) -> None:
    assert digest_rows(rows) == _old_digest(rows)


def test_digest_of_a_lone_surrogate_still_matches() -> None:
    rows = [("id", "a\ud800b", 2**70)]  # orjson refuses both; json writes them
    assert digest_rows(rows) == _old_digest(rows)


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(st.text(), _values, max_size=6),
    st.dictionaries(st.text(), _values, max_size=6),
)
def test_raw_json_is_copied_in_and_reads_back_as_its_value(
    data: dict[str, Any], base: dict[str, Any]
) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    message = {"changes": [{"data": protocol.RawJson(text), "base": base, "seq": 1}]}
    back = json.loads(protocol.encode(message))
    assert back == {"changes": [{"data": data, "base": base, "seq": 1}]}
    assert protocol.parsed(protocol.RawJson(text)) == data
    assert protocol.decode(protocol.encode(message)) == back


def test_decode_reads_what_json_reads_and_refuses_what_it_refuses() -> None:
    assert protocol.decode(b'{"a":"\\ud800"}') == {"a": "\ud800"}  # json's reading
    with pytest.raises(ValueError):
        protocol.decode(b'{"a":')
    with pytest.raises(TypeError):
        protocol.encode({"a": object()})


@pytest.mark.parametrize(
    ("operator", "refused"),
    [("op.anna", False), ("Zoë", False), ("op\x00", True), ("op\u202e", True), ("\ud800", True)],
)
def test_the_hub_refuses_an_operator_with_nul_or_bidi_overrides(
    operator: str, refused: bool
) -> None:
    from casa_desk.sync.hub.rules import FieldRules, serialised

    change = {
        "table": "people",
        "op": "update",
        "row_id": "r",
        "data": {"phone": "+390200000001"},
        "operator": operator,
    }
    reason = FieldRules(frozenset(), frozenset({"SAN-SIRO"})).reason(change, *serialised(change))
    assert (reason is not None) is refused


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(min_size=1), st.tuples(_values, _values), max_size=8))
def test_a_digest_streamed_in_id_order_is_the_sorted_digest(
    by_id: dict[str, tuple[Any, ...]],
) -> None:
    """The hub hashes rows as they stream in code-point order of id (issue 12): the same
    digest as sorting them all, and None (sort them) when an id arrives out of order."""
    rows = [(i, *values) for i, values in by_id.items()]
    ordered = sorted(rows, key=lambda r: r[0])
    assert digest_ordered(iter(ordered)) == digest_rows(rows)
    if len(rows) > 1:
        assert digest_ordered(iter(ordered[::-1])) is None


def test_nesting_past_orjsons_limit_is_a_decode_error_not_a_recursion_error() -> None:
    """orjson refuses nesting deeper than 1,024; json, tried after it, ended in a
    RecursionError that escaped every caller's ValueError (a signed bundle's payload at the
    hub's import-bundle)."""
    with pytest.raises(ValueError):
        protocol.decode(b"[" * 5_000 + b"]" * 5_000)
    assert protocol.decode(b"[" * 1_000 + b"]" * 1_000)  # within both limits: read
