"""Contacts head office logs under its own code (``SEDE``, not an office of ``presidi``)
count in the consolidated report, but no office report publishes them: the consolidated
report must protect them as it protects an office's cells (:mod:`casa_desk.reports.linked`),
else the consolidated cell less the offices' published cells is head office's own count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from login_helpers import new_store, open_store
from test_report_linked_cli import report

from casa_desk.cli import main
from casa_desk.store.db import Store
from casa_desk.store.tables import HEAD_OFFICE

MONTH = "2026-10"
OFFICES = ("SAN-SIRO", "MAZZINI")
SECTION = "contacts_by_category"
SENSITIVE = ("salute", "violenza_domestica")


def _contacts(store: Store, office: str, category: str, count: int, day: int = 5) -> None:
    with store.transaction() as j:
        for n in range(count):
            j.insert(
                "contacts",
                {
                    "operator": "op1",
                    "occurred_at": f"2026-10-{day:02d}T{8 + n % 10:02d}:{n % 60:02d}:00.000Z",
                    "channel": "sportello",
                    "category": category,
                    "summary": "riepilogo di prova",
                    "outcome": "risolto",
                    "minutes": 10,
                    "sensitive": 0,
                },
                presidio=office,
            )


def _offices_only(path: Path) -> None:
    store = new_store(path)
    # every office publishes its cells (none is 1-4): nothing hidden without head office
    _contacts(store, "SAN-SIRO", "violenza_domestica", 6)
    _contacts(store, "SAN-SIRO", "salute", 7)
    _contacts(store, "SAN-SIRO", "manutenzione", 20)
    _contacts(store, "MAZZINI", "violenza_domestica", 8)
    _contacts(store, "MAZZINI", "salute", 9)
    _contacts(store, "MAZZINI", "manutenzione", 15)
    store.close()


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """The same offices' contacts, without and with one head-office contact of violence."""
    root = Path(tmp_path_factory.mktemp("head_office"))
    plain, with_sede = root / "plain.sqlite", root / "sede.sqlite"
    _offices_only(plain)
    _offices_only(with_sede)
    store = open_store(with_sede)
    _contacts(store, HEAD_OFFICE, "violenza_domestica", 1, day=7)
    _contacts(store, HEAD_OFFICE, "manutenzione", 3, day=7)
    store.close()
    yield plain, with_sede


def test_head_office_count_is_not_a_subtraction_away(
    stores: tuple[Path, Path], tmp_path: Path
) -> None:
    _plain, db = stores
    offices = [report(db, MONTH, ["--presidio", code], tmp_path / code) for code in OFFICES]
    whole = report(db, MONTH, ["--all"], tmp_path / "all")
    for office in offices:  # each office report publishes its violence count
        assert office[(SECTION, "violenza_domestica")].isdigit()
    for category in SENSITIVE:  # contacts with no person: the offices' cells add up
        published = whole[(SECTION, category)]
        if published.isdigit():
            rest = int(published) - sum(int(o[(SECTION, category)]) for o in offices)
            assert not 1 <= rest <= 4, f"head office's {category}: {rest}, by subtraction"
    assert not whole[(SECTION, "violenza_domestica")].isdigit()


def test_a_store_with_no_head_office_rows_is_unchanged(
    stores: tuple[Path, Path], tmp_path: Path
) -> None:
    plain, _db = stores
    whole = report(plain, MONTH, ["--all"], tmp_path / "all")
    assert whole[(SECTION, "violenza_domestica")] == "14"


def test_head_office_alone_has_no_report(
    stores: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _plain, db = stores
    out = tmp_path / "sede.pdf"
    args = ["report", "--db", str(db), "--month", MONTH, "--presidio", HEAD_OFFICE]
    assert main([*args, "--out", str(out)]) != 0
    assert "Presidio sconosciuto" in capsys.readouterr().err
    assert not out.exists()
