"""Benchmark: what the hub's per-change content checks cost (issue 8), without the network.

    python benchmarks/bench_hub_rules.py [--changes 100000]

Builds the changes ``bench_sync.py`` pushes (60 % people, 40 % contacts) and times, per
change, the clock check and the field checks (:mod:`casa_desk.sync.hub.rules`), apart from
the JSON serialisation the hub did before them anyway (the log stores it).

``--links N`` also times link resolution (:class:`~casa_desk.sync.hub.rules.Links`: one
indexed ``IN`` query per target table per batch of 500, and each change's look-ups) on an
SQLite hub holding ``N`` contacts, 1 % of them corrections, with 1 % of the pushed contacts
corrections of held ones: the check that a contact is not corrected twice reads the
corrections of those with one query on ``contacts_amends``. Link resolution is also inside
``bench_sync.py``'s push.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casa_desk.models.hlc import pack  # noqa: E402
from casa_desk.sync.hub.driver import insert_dicts  # noqa: E402
from casa_desk.sync.hub.rules import (  # noqa: E402
    FieldRules,
    Links,
    clock_reason,
    now_ms,
    serialised,
)
from casa_desk.sync.hub.scopes import Device  # noqa: E402
from casa_desk.sync.hub.storage import HubStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--links", type=int, default=0, metavar="N", help="see the docstring")
    args = parser.parse_args()
    rules = FieldRules(frozenset({"manutenzione", "altro"}), frozenset({"SAN-SIRO"}))
    stamp = "2026-03-01T10:00:00.000Z"
    common = {"presidio": "SAN-SIRO", "created_at": stamp, "updated_at": stamp, "deleted": 0}
    changes = []
    for i in range(args.changes):
        if i % 10 < 6:
            table = "people"
            data = {**common, "scope": "shared", "id": f"p{i}", "first_name": f"N{i}"}
            data["last_name"] = "Prova"
        else:
            table = "contacts"
            data = {**common, "scope": "SAN-SIRO", "id": f"c{i}", "person_id": f"p{i}"}
            data |= {"summary": "colloquio", "occurred_at": stamp, "sensitive": 0}
        hlc = pack(now_ms(), i & 0xFFFF)
        changes.append({"table": table, "row_id": data["id"], "op": "insert", "hlc": hlc,
                        "data": data, "base": None})  # fmt: skip
    texts = [serialised(c) for c in changes]
    start = time.perf_counter()
    hub_ms = now_ms()
    refused = 0
    for change, (data_json, base_json) in zip(changes, texts, strict=True):
        reason = clock_reason(change["hlc"], hub_ms) or rules.reason(change, data_json, base_json)
        refused += reason is not None
    spent = time.perf_counter() - start
    assert refused == 0
    print(
        f"clock + field checks: {spent / len(changes) * 1e6:.2f} µs a change,"
        f" {spent:.2f} s for {len(changes):,} changes"
    )
    if args.links:
        links(changes, args.links)


def links(changes: list[dict[str, Any]], held: int) -> None:
    """Time :class:`Links` over ``changes`` in batches of 500 against a hub of ``held``
    contacts (see the module docstring)."""
    stamp = "2026-03-01T10:00:00.000Z"
    common = {"presidio": "SAN-SIRO", "scope": "SAN-SIRO", "created_at": stamp, "deleted": 0}
    with tempfile.TemporaryDirectory() as tmp:
        hub = HubStore.open(Path(tmp) / "hub.sqlite")
        with hub.tx() as conn:
            people = [{**common, "scope": "shared", "id": f"p{i}"} for i in range(len(changes))]
            insert_dicts(conn, "people", list(people[0]), people)
            rows = [
                {
                    **common,
                    "id": f"h{i}",
                    "person_id": f"p{i % len(changes)}",
                    "amends_id": f"h{i - 1}" if i % 100 == 99 else None,
                }
                for i in range(held)
            ]
            insert_dicts(conn, "contacts", list(rows[0]), rows)
        for n, change in enumerate(c for c in changes if c["table"] == "contacts"):
            if n % 100 == 0:  # a correction of a held contact no row corrects yet
                change["data"]["amends_id"] = f"h{(n * 100) % (held - 2)}"
        device = Device("bench", "SAN-SIRO", False, None)
        start = time.perf_counter()
        refused = 0
        with hub.tx() as conn:
            for first in range(0, len(changes), 500):
                batch = changes[first : first + 500]
                resolved = Links(conn, batch, {})
                for change in batch:
                    reason = resolved.reason(device, change)
                    refused += reason is not None
                    if change["table"] == "contacts":  # as the push does
                        resolved.taken(change)
        spent = time.perf_counter() - start
        hub.close()
    print(
        f"links: {spent / len(changes) * 1e6:.2f} µs a change, {spent:.2f} s for"
        f" {len(changes):,} changes against {held:,} contacts ({refused} refused)"
    )


if __name__ == "__main__":
    main()
