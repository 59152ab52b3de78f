"""Retention over a demo store (issue 11): time, file size before and after, and every
month's report identical.

```
python benchmarks/bench_retention.py --db PATH          # an existing demo store (a copy!)
python benchmarks/bench_retention.py --people 100000 --contacts 1000000 --db /tmp/x.sqlite
```

Without an existing store at ``--db`` it builds one with the demo builder. It picks the
shortest ``retention.months`` (1–12) that makes about half the people due on the demo's last
day, writes it as a head-office setting would arrive, renders every month's report CSV under
both programmes, runs retention (as ``casa-desk retention`` does), renders them again and
compares byte for byte. Prints the figures; asserts only that the reports are identical.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_login import login  # noqa: E402

from casa_desk.demo import builder  # noqa: E402
from casa_desk.models.vocab import SettingKey  # noqa: E402
from casa_desk.reports import service  # noqa: E402
from casa_desk.reports.aggregate import Month  # noqa: E402
from casa_desk.reports.csv_out import render_csv  # noqa: E402
from casa_desk.store import retention  # noqa: E402
from casa_desk.store.reference import setting_id  # noqa: E402
from casa_desk.store.tables import HEAD_OFFICE  # noqa: E402


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _months(store) -> list[Month]:  # type: ignore[no-untyped-def]
    first, last = store.db.execute(
        "SELECT min(substr(occurred_at, 1, 7)), max(substr(occurred_at, 1, 7)) FROM contacts"
    ).fetchone()
    months, (year, month) = [], (int(first[:4]), int(first[5:7]))
    while f"{year:04d}-{month:02d}" <= last:
        months.append(Month(year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _csvs(store, months: list[Month]) -> dict[tuple[str, Month], str]:  # type: ignore[no-untyped-def]
    return {
        (programme, month): render_csv(
            service.build_report(
                store, month, store.presidio, generated_on=date(2030, 1, 1), programme=programme
            )
        )
        for programme in ("2014-2020", "2021-2027")
        for month in months
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not args.db.exists():
        started = time.perf_counter()
        options = builder.DemoOptions(people=args.people, contacts=args.contacts, seed=args.seed)
        builder.build_demo(args.db, options)
        print(f"demo built in {time.perf_counter() - started:.0f} s")
    store, session, _ = login(args.db, check_integrity=False)
    as_of = date.fromisoformat(
        store.db.execute("SELECT max(substr(occurred_at, 1, 10)) FROM contacts").fetchone()[0]
    )
    people = store.db.execute("SELECT count(*) FROM people WHERE merged_into IS NULL").fetchone()[0]
    months = 12
    for candidate in range(1, 13):
        due = len(retention.due(store.db, retention.Policy(months=candidate), as_of))
        if due <= people / 2:
            months = candidate
            break
    with store.transaction() as journal:
        key = SettingKey.RETENTION_MONTHS.value
        row = {"id": setting_id(key, None), "key": key, "office": None, "value": str(months)}
        if store.db.execute("SELECT 1 FROM settings WHERE id = ?", [row["id"]]).fetchone():
            journal.update("settings", row["id"], {"value": str(months)})
        else:
            journal.insert("settings", row, presidio=HEAD_OFFICE)
    report_months = _months(store)
    started = time.perf_counter()
    before = _csvs(store, report_months)
    reports_took = time.perf_counter() - started
    size_before = _size(args.db)
    started = time.perf_counter()
    done = retention.run(store, as_of=as_of, who=session.user.username if session else "bench")
    took = time.perf_counter() - started
    size_after = _size(args.db)
    after = _csvs(store, report_months)
    same = sum(before[k] == after[k] for k in before)
    print(f"as of {as_of}, retention.months = {months}")
    print(f"people anonymised: {done.people:,} of {people:,} ({done.people / people:.0%})")
    print(f"retention run: {took:.1f} s ({took / max(done.people, 1) * 1000:.2f} ms a person)")
    print(
        f"store file (+WAL): {size_before / 1e6:,.0f} MB before, {size_after / 1e6:,.0f} MB after"
    )
    mode = store.db.execute("PRAGMA auto_vacuum").fetchone()[0]
    print(f"auto_vacuum mode: {mode} (2 = incremental)")
    print(f"reports: {len(before)} ({len(report_months)} months x 2 programmes) in "
          f"{reports_took:.0f} s; identical after retention: {same}/{len(before)}")  # fmt: skip
    store.close()
    assert same == len(before), "a report changed"
    return 0


if __name__ == "__main__":
    os.environ.setdefault("CASA_DESK_USER", "demo")
    os.environ.setdefault("CASA_DESK_PASSWORD", "demo")
    raise SystemExit(main())
