"""The report over a demo store (``casa_desk.demo.builder``): independent SQL, PDF, golden CSV.

The golden file is the CSV of a fixed seed and date; regenerate it (and review it by eye)
with ``CASA_REGEN_GOLDEN=1 pytest tests/unit/test_report_demo.py`` when the demo builder or
the report deliberately changes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from login_helpers import DEMO_LOGIN, open_store
from test_report_figures import (
    expected_breakdowns,
    expected_headline,
    expected_referrals,
)
from test_report_output import pdf_text

from casa_desk.demo import builder
from casa_desk.reports import aggregate, service
from casa_desk.reports.aggregate import Month

GOLDENS = Path(__file__).resolve().parents[1] / "golden"
#: The store's default programme (2021–2027) keeps the original file name; 2014–2020 has
#: its own file, which holds every row of the report before issue 13 unchanged.
GOLDEN = {
    "2021-2027": GOLDENS / "report_SAN-SIRO_2026-10_seed2026.csv",
    "2014-2020": GOLDENS / "report_SAN-SIRO_2026-10_seed2026_2014-2020.csv",
}
OPTIONS = {
    "presidio": "SAN-SIRO",
    "people": 400,
    "contacts": 4000,
    "seed": 2026,
    "until": date(2026, 10, 31),
}


def generate(db: Path, *args: object, **kwargs: object) -> service.ReportFiles:
    """``service.generate`` on the store at ``db``, opened as the CLI opens it."""
    with open_store(db, check_integrity=False) as store:
        return service.generate(store, *args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite"
    builder.build_demo(path, builder.DemoOptions(**OPTIONS, **DEMO_LOGIN))
    yield path


@pytest.mark.parametrize("month", [(2026, 10), (2026, 9), (2026, 3)])
def test_demo_figures_match_independent_sql(demo_path: Path, month: tuple[int, int]) -> None:
    with open_store(demo_path) as store:
        figures = aggregate.compute(store.db.conn, Month(*month), "SAN-SIRO")
        expected = {
            **expected_headline(store, "SAN-SIRO", *month),
            **expected_referrals(store, "SAN-SIRO", *month),
        }
        assert {k: getattr(figures.headline, k) for k in expected} == expected
        assert figures.headline.contacts > 50
        expected_breakdowns(store, figures, "SAN-SIRO", *month)
        # The consolidated report of a one-office store holds the same figures.
        everything = aggregate.compute(store.db.conn, Month(*month), None)
        assert everything.headline == figures.headline


def test_demo_pdf_has_month_office_totals_and_no_names(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "demo.pdf"
    files = generate(demo_path, "2026-10", "SAN-SIRO", out, generated_on=date(2026, 11, 2))
    text = pdf_text(out)
    assert "Presidio C.A.S.A. San Siro – ottobre 2026" in text
    contacts = next(r for r in files.report.headline if r.code == "contacts")
    assert f"Contatti {contacts.value:,}".replace(",", ".") in text
    assert f"Totale {contacts.value:,}".replace(",", ".") in text
    with open_store(demo_path) as store:
        people = store.query("SELECT last_name, codice_fiscale, phone, street FROM people")
    assert people
    words = set(re.findall(r"\w+", text))
    for person in people:
        for value in person.values():
            if not value:
                continue
            # Whole words: the surname "Lombardi" is not in "Regione Lombardia".
            if re.fullmatch(r"\w+", value):
                assert value not in words, "a person's field appears in the report"
            else:
                assert value not in text, "a person's field appears in the report"


@pytest.mark.parametrize("programme", sorted(GOLDEN))
def test_demo_csv_matches_golden_file(demo_path: Path, tmp_path: Path, programme: str) -> None:
    out_csv = tmp_path / "demo.csv"
    generate(
        demo_path,
        "2026-10",
        "SAN-SIRO",
        tmp_path / "demo.pdf",
        out_csv=out_csv,
        comment="golden",
        generated_on=date(2026, 11, 2),
        programme=None if programme == "2021-2027" else programme,
    )
    produced = out_csv.read_text("utf-8")
    golden = GOLDEN[programme]
    if os.environ.get("CASA_REGEN_GOLDEN") or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, "utf-8")
        if not os.environ.get("CASA_REGEN_GOLDEN"):
            pytest.fail(f"golden file written: review {golden} and commit it")
    assert produced == golden.read_text("utf-8")


@pytest.mark.parametrize("programme", ["2014-2020", "2021-2027"])
@pytest.mark.parametrize("month", ["2026-10", "2026-06", "2026-03"])
def test_demo_esf_csv_cells_agree_with_independent_sql(
    demo_path: Path, tmp_path: Path, programme: str, month: str
) -> None:
    """Every cell of every ESF section, under both programmes: published cells are the true
    counts (esf_truth's own SQL); a '<5' is a sensitive line's 1–4 or hides another."""
    import csv

    import esf_truth

    out_csv = tmp_path / "esf.csv"
    generate(
        demo_path, month, "SAN-SIRO", tmp_path / "esf.pdf", out_csv=out_csv, programme=programme
    )
    rows = list(csv.reader(out_csv.read_text("utf-8").splitlines()))
    published: dict[str, dict[str, str]] = {}
    for section, item, value in rows:
        if section.startswith("esf_"):
            published.setdefault(section, {})[item] = value
    year, mon = (int(x) for x in month.split("-"))
    with open_store(demo_path) as store:
        truth = esf_truth.tables(store, "SAN-SIRO", year, mon, programme)
    assert published.keys() == truth.keys()
    for section, cells in published.items():
        for item, value in cells.items():
            real = truth[section].get(item, 0)
            if value == "<5":
                assert section.startswith(("esf_exit", "esf_6m")) or not section.endswith(
                    ("_by_gender", "_by_age", "_by_isced")
                )
            else:
                assert int(value) == real, (section, item)
            if (
                1 <= real <= 4
                and item != "total"
                and (
                    section.startswith(("esf_exit", "esf_6m"))
                    or not section.endswith(
                        ("_by_gender", "_by_age", "_by_employment", "_by_isced")
                    )
                )
            ):
                assert value == "<5", (section, item)  # a small sensitive cell never shows
    assert sum(truth["esf_exit_total_by_gender"].values()) > 0


def test_demo_csv_cells_agree_with_independent_sql(demo_path: Path, tmp_path: Path) -> None:
    """Every published cell is the true count; every '<5' hides a 1–4 of a sensitive row."""
    import csv

    from test_report_figures import CURRENT, rome_bounds

    out_csv = tmp_path / "cells.csv"
    generate(
        demo_path,
        "2026-10",
        "SAN-SIRO",
        tmp_path / "cells.pdf",
        out_csv=out_csv,
        generated_on=date(2026, 11, 2),
    )
    rows = list(csv.reader(out_csv.read_text("utf-8").splitlines()))
    start, end = rome_bounds(2026, 10)
    with open_store(demo_path) as store:
        truth = dict(
            store.db.execute(
                f"SELECT c.category, count(*) FROM contacts c WHERE {CURRENT} "
                "AND c.presidio = 'SAN-SIRO' AND c.occurred_at >= ? AND c.occurred_at < ? "
                "GROUP BY c.category",
                [start, end],
            ).fetchall()
        )
        sensitive = {
            code for (code,) in store.db.execute("SELECT code FROM categories WHERE sensitive = 1")
        }
    published = {item: value for section, item, value in rows if section == "contacts_by_category"}
    assert published.pop("total") == str(sum(truth.values()))
    for code, value in published.items():
        real = truth.get(code, 0)
        if code in sensitive and 1 <= real <= 4:
            assert value == "<5"  # a small sensitive cell is never printed
        elif value != "<5":  # otherwise published exactly, or hidden to protect a small one
            assert int(value) == real
