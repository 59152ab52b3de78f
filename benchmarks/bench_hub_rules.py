"""Benchmark: what the hub's per-change content checks cost (issue 8), without the network.

    python benchmarks/bench_hub_rules.py [--changes 100000]

Builds the changes ``bench_sync.py`` pushes (60 % people, 40 % contacts) and times, per
change, the clock check and the field checks (:mod:`casa_desk.sync.hub.rules`), apart from
the JSON serialisation the hub did before them anyway (the log stores it). Link resolution is
one indexed ``IN`` query per target table per batch and is inside ``bench_sync.py``'s push.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from casa_desk.models.hlc import pack  # noqa: E402
from casa_desk.sync.hub.rules import FieldRules, clock_reason, now_ms, serialised  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=100_000)
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


if __name__ == "__main__":
    main()
