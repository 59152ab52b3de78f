"""Office reports and the consolidated one through ``casa-desk report`` on a real store with
two offices (:mod:`report_fixture`), read back from their CSVs and the PDF: where one
office alone hides a cell, the consolidated report hides it too
(:mod:`casa_desk.reports.linked`)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
import report_fixture
from login_helpers import new_store
from test_report_output import pdf_text

from casa_desk.cli import main

MONTHS = ("2026-09", "2026-10")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = Path(tmp_path_factory.mktemp("linked")) / "store.sqlite"
    store = new_store(path)
    report_fixture.build(store)
    store.close()
    yield path


def report(db: Path, month: str, which: list[str], out: Path) -> dict[tuple[str, str], str]:
    pdf, table = out.with_suffix(".pdf"), out.with_suffix(".csv")
    args = ["report", "--db", str(db), "--month", month, *which, "--out", str(pdf)]
    assert main([*args, "--csv", str(table)]) == 0
    with table.open(encoding="utf-8") as f:
        return {(r["section"], r["item"]): r["value"] for r in csv.DictReader(f)}


@pytest.mark.parametrize("month", MONTHS)
def test_a_cell_one_office_hides_is_hidden_in_the_consolidated_report(
    store_path: Path, tmp_path: Path, month: str
) -> None:
    offices = [
        report(store_path, month, ["--presidio", code], tmp_path / code)
        for code in ("SAN-SIRO", "MAZZINI")
    ]
    whole = report(store_path, month, ["--all"], tmp_path / "all")
    alone = 0
    for key, value in whole.items():
        hidden = [o.get(key) == "<5" for o in offices]
        if sum(hidden) == 1:
            alone += 1
            assert value == "<5", key  # else the other office's figure gives it away
        if value != "<5" and any(hidden) and key[0] != "report":
            # Published over hidden office cells: never with one office alone hiding.
            assert sum(hidden) >= 2, key
    assert alone, "the store should have cells hidden by one office only"
    text = pdf_text(tmp_path / "all.pdf")
    assert "per differenza con i rapporti dei singoli presidi" in text
    assert "per differenza" not in pdf_text(tmp_path / "MAZZINI.pdf")
