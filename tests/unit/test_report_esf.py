"""ESF tables of the monthly report (issue 13) against SQL written for the tests, under both
programmes; the counting rule for re-entries; suppression of the new tables; the programme
reference and the EU emblem in the PDF; ``--programme`` on the command line."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import esf_truth
import pytest
import report_fixture
from login_helpers import new_store
from pypdf import PdfReader
from pypdf.generic import ContentStream
from test_report_output import pdf_text

from casa_desk.cli import main
from casa_desk.models.vocab import Programme
from casa_desk.reports import aggregate, service
from casa_desk.reports.aggregate import Month
from casa_desk.reports.published import publish
from casa_desk.store.db import Store
from casa_desk.store.participants import Participants
from casa_desk.store.people import People
from casa_desk.store.settings import Settings
from casa_desk.store.tables import HEAD_OFFICE

PROGRAMMES = [p.value for p in Programme]
CASES = [
    ("SAN-SIRO", 2026, 10),
    ("MAZZINI", 2026, 10),
    (None, 2026, 10),
    ("SAN-SIRO", 2026, 11),
    (None, 2026, 9),
]


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = Path(tmp_path_factory.mktemp("esf")) / "store.sqlite"
    store = new_store(path)  # encrypted: the CLI test below logs in on it
    report_fixture.build(store)
    yield store
    store.close()


def figures_by_section(figures) -> dict[str, dict[str, int]]:
    out = {}
    for tables in (
        figures.participants_new,
        figures.participants_total,
        figures.exits_new,
        figures.exits_total,
        figures.follow_ups_new,
        figures.follow_ups_total,
    ):
        for b in tables:
            out[b.section] = {f.code: f.value for f in b.items if f.value} | {"total": b.total}
    return out


@pytest.mark.parametrize("programme", PROGRAMMES)
@pytest.mark.parametrize(("presidio", "year", "month"), CASES)
def test_esf_tables_match_independent_sql(fixture_store, presidio, year, month, programme):
    figures = aggregate.compute(
        fixture_store.db.conn, Month(year, month), presidio, programme=Programme(programme)
    )
    got = figures_by_section(figures)
    truth = esf_truth.tables(fixture_store, presidio, year, month, programme)
    assert got.keys() == truth.keys()
    for section, expected in truth.items():
        assert got[section] == expected, section


def test_the_fixture_reaches_every_new_table(fixture_store) -> None:
    """The comparison above means something only if the tables hold figures."""
    truths = [esf_truth.tables(fixture_store, *case, "2021-2027") for case in CASES]
    for section in (
        "esf_exit_new_by_gender",
        "esf_exit_new_employed",
        "esf_exit_new_unknown",
        "esf_exit_new_pending",
        "esf_exit_total_no_result",
        "esf_6m_new_by_gender",
        "esf_6m_total_employed",
        "esf_6m_total_unknown",
        "esf_new_third_country_national",
    ):
        assert any(truth[section]["total"] > 0 for truth in truths), section


def test_items_follow_the_programme(fixture_store) -> None:
    month = Month(2026, 10)
    old = aggregate.compute(fixture_store.db.conn, month, None, programme=Programme.ESF_2014_2020)
    new = aggregate.compute(fixture_store.db.conn, month, None, programme=Programme.ESF_2021_2027)

    def items(figures, section):
        for b in figures.participants_new:
            if b.section == section:
                return [f.code for f in b.items]
        return None

    assert items(old, "esf_new_by_age") == ["lt25", "25_54", "gt54", "unknown"]
    assert items(new, "esf_new_by_age") == ["lt18", "18_29", "30_54", "55_plus", "unknown"]
    assert "inactive_not_in_education" in items(old, "esf_new_by_employment")
    assert "inactive_not_in_education" not in items(new, "esf_new_by_employment")
    assert items(old, "esf_new_other_disadvantage") is not None
    assert items(new, "esf_new_other_disadvantage") is None
    assert items(new, "esf_new_minority") == ["yes", "no", "declined", "unknown"]
    labels = {f.code: f.label for f in new.participants_new[0].items}
    assert labels["X"] == "Persone non binarie"


# -- the counting rule ---------------------------------------------------------------------
def test_a_participant_who_enters_again_is_counted_once_with_the_first_entry(tmp_path) -> None:
    store = Store.open(tmp_path / "rule.sqlite", create=True)
    store.set_meta("presidio", "SAN-SIRO")
    people = People(store)
    ada = people.register({"last_name": "Regola", "first_name": "Ada", "gender": "F",
                           "birth_date": "2000-06-15"}, presidio="SAN-SIRO")  # fmt: skip
    participants = Participants(store)
    row = participants.enrol(
        ada["id"],
        {"entered_on": "2025-01-10", "employment_status": "inactive", "education_isced": "3-4"},
        presidio="SAN-SIRO",
    )

    def count(month: tuple[int, int], section: str) -> int:
        figures = aggregate.compute(store.db.conn, Month(*month), "SAN-SIRO")
        return figures_by_section(figures).get(section, {}).get("total", 0)

    participants.exit(row["id"], date(2025, 3, 20), ["job_searching"])
    assert count((2025, 3), "esf_exit_new_by_gender") == 1
    participants.reenter(row["id"], date(2025, 5, 5))
    participants.exit(row["id"], date(2025, 7, 8), ["employed"])
    # One participant, entered in January (age at the first entry: 24 → 18–29), never again.
    assert [count((2025, m), "esf_new_by_gender") for m in (1, 5, 7)] == [1, 0, 0]
    assert count((2025, 7), "esf_total_by_gender") == 1
    figures = aggregate.compute(store.db.conn, Month(2025, 7), "SAN-SIRO")
    assert figures_by_section(figures)["esf_total_by_age"] == {"18_29": 1, "total": 1}
    # The final exit counts, with its own results; the earlier exit and result are gone.
    assert count((2025, 3), "esf_exit_new_by_gender") == 0
    assert count((2025, 7), "esf_exit_new_employed") == 1
    assert count((2025, 7), "esf_exit_total_job_searching") == 0
    assert count((2025, 7), "esf_exit_total_by_gender") == 1
    # Enrolled again under a duplicate record that is later merged: still one participant,
    # counted from the first entry; open again, so not among the exits.
    bis = people.register({"last_name": "Regola", "first_name": "Ada", "gender": "F"},
                          presidio="SAN-SIRO")  # fmt: skip
    participants.enrol(
        bis["id"],
        {"entered_on": "2025-09-01", "employment_status": "unemployed", "education_isced": "3-4"},
        presidio="SAN-SIRO",
    )
    assert count((2025, 9), "esf_total_by_gender") == 2  # two people until the merge
    people.merge(bis["id"], ada["id"])
    assert count((2025, 9), "esf_new_by_gender") == 0
    assert count((2025, 9), "esf_total_by_gender") == 1
    assert count((2025, 9), "esf_exit_total_by_gender") == 0
    assert count((2025, 8), "esf_exit_total_by_gender") == 1  # before the second entry
    store.close()


# -- suppression ---------------------------------------------------------------------------
def test_small_result_cells_are_suppressed_and_cannot_be_worked_out(fixture_store) -> None:
    figures = aggregate.compute(fixture_store.db.conn, Month(2026, 10), None)
    report = publish(figures, generated_on=date(2026, 11, 2))
    checked = 0
    for table in report.exits_new + report.exits_total + report.follow_ups_new:
        raw = next(
            b for b in figures.exits_new + figures.exits_total + figures.follow_ups_new
            if b.section == table.section
        )  # fmt: skip
        values = [f.value for f in raw.items]
        assert table.sensitive
        hidden = [r for r in table.rows if r.cell.hidden]
        for row, value in zip(table.rows, values, strict=True):
            if 1 <= value <= 4:
                assert row.cell.text == "< 5"
                checked += 1
            if not row.cell.hidden:
                assert row.cell.value == value
        # Never one hidden cell against a published total (it would be a subtraction).
        if hidden and not table.total.hidden:
            assert len(hidden) >= 2
            assert table.total.value == sum(values)
    assert checked >= 3  # the fixture has small result cells to protect


# -- files ---------------------------------------------------------------------------------
def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"))))


def test_csv_says_which_programme_and_carries_its_items(fixture_store, tmp_path) -> None:
    for programme in PROGRAMMES:
        out = tmp_path / f"{programme}.csv"
        service.generate(
            fixture_store,
            "2026-10",
            "SAN-SIRO",
            tmp_path / "r.pdf",
            out_csv=out,
            programme=programme,
        )
        rows = csv_rows(out)
        report = {item: value for section, item, value in rows if section == "report"}
        assert report["programme"] == programme
        assert report["cup"] == ""
        ages = [item for section, item, _ in rows if section == "esf_new_by_age"]
        expected = (
            ["lt25", "25_54", "gt54"] if programme == "2014-2020" else
            ["lt18", "18_29", "30_54", "55_plus"]
        )  # fmt: skip
        assert ages == [*expected, "unknown", "total"]
        sections = {section for section, _, _ in rows}
        assert {"esf_exit_new_employed", "esf_6m_total_improved"} <= sections


def emblem_operations(path: Path, page: int = 0) -> tuple[list, list]:
    """(blue rectangles, yellow polygons) filled on a page, in page coordinates."""
    reader = PdfReader(path)
    content = ContentStream(reader.pages[page].get_contents(), reader)
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    fill: tuple[float, ...] = ()
    path_points: list[tuple[float, float]] = []
    rects: list[tuple[float, float, float, float]] = []
    rect_fill: list[tuple] = []
    blue, yellow = [], []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = ctm
        return (a * x + c * y + e, b * x + d * y + f)

    for operands, op in content.operations:
        name = op.decode()
        if name == "q":
            stack.append(list(ctm))
        elif name == "Q":
            ctm = stack.pop()
        elif name == "cm":
            a2, b2, c2, d2, e2, f2 = (float(v) for v in operands)
            a, b, c, d, e, f = ctm
            ctm = [
                a2 * a + b2 * c,
                a2 * b + b2 * d,
                c2 * a + d2 * c,
                c2 * b + d2 * d,
                e2 * a + f2 * c + e,
                e2 * b + f2 * d + f,
            ]
        elif name == "rg":
            fill = tuple(round(float(v), 3) for v in operands)
        elif name == "re":
            x, y, w, h = (float(v) for v in operands)
            x0, y0 = apply(x, y)
            x1, y1 = apply(x + w, y + h)
            rects.append((min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)))
            rect_fill.append(fill)
        elif name in ("m", "l"):
            path_points.append(apply(float(operands[0]), float(operands[1])))
        elif name in ("f", "f*", "B", "b", "F"):
            if path_points and fill == (1.0, 0.8, 0.0):
                yellow.append(path_points)
            for rect, colour in zip(rects, rect_fill, strict=True):
                if colour == (0.0, 0.2, 0.6):
                    blue.append(rect)
            path_points, rects, rect_fill = [], [], []
        elif name == "n":
            path_points, rects, rect_fill = [], [], []
    return blue, yellow


def test_2021_2027_report_carries_the_eu_emblem_on_page_one(fixture_store, tmp_path) -> None:
    out = tmp_path / "emblem.pdf"
    service.generate(fixture_store, "2026-10", "SAN-SIRO", out, programme="2021-2027")
    blue, stars = emblem_operations(out)
    flags = [r for r in blue if abs(r[2] / r[3] - 1.5) < 0.01]
    assert len(flags) == 1, blue
    x, y, width, height = flags[0]
    assert height >= 28  # clearly visible: 1 cm and more
    centre = (x + width / 2, y + height / 2)
    assert len(stars) == 12
    angles = []
    for star in stars:
        assert len(star) == 10  # five points, five inner corners
        cx = sum(p[0] for p in star) / 10
        cy = sum(p[1] for p in star) / 10
        # Centres on a circle of a third of the height around the flag's centre…
        assert math.dist((cx, cy), centre) == pytest.approx(height / 3, rel=0.01)
        # …points on a circle of one eighteenth of the height, the first straight up.
        outer = [math.dist((cx, cy), p) for p in star[::2]]
        assert outer == pytest.approx([height / 18] * 5, rel=0.01)
        assert star[0][0] == pytest.approx(cx, abs=0.01) and star[0][1] > cy
        angles.append(math.degrees(math.atan2(cx - centre[0], cy - centre[1])) % 360)
    # At the hours of a clock face.
    assert sorted(round(a) % 360 for a in angles) == list(range(0, 360, 30))
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Cofinanziato dall'Unione europea" in text
    assert "Regione Lombardia" in text
    assert "PR FSE+ 2021-2027" in text and "Reg. (UE) 2021/1057" in text
    assert "CUP non indicato" in text


def test_2014_2020_report_has_today_s_reference_and_no_emblem(fixture_store, tmp_path) -> None:
    out = tmp_path / "old.pdf"
    service.generate(fixture_store, "2026-10", "SAN-SIRO", out, programme="2014-2020")
    assert emblem_operations(out) == ([], [])
    text = pdf_text(out)
    assert "POR FSE 2014-2020" in text and "9.4.2" in text
    assert "Cofinanziato" not in text


def test_head_office_programme_name_and_cup_are_printed_on_every_page(tmp_path) -> None:
    store = Store.open(tmp_path / "hq.sqlite", create=True)
    report_fixture.build(store, people=60, contacts=120)
    store.set_meta("presidio", HEAD_OFFICE)
    settings = Settings(store)
    settings.set("esf.programme_name", "PR FSE+ 2021-2027 Lombardia – Priorità Inclusione")
    settings.set("esf.cup", "E41B21000000006")
    settings.set("esf.cup", "E41B21000000007", office="MAZZINI")
    out, out_csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    service.generate(store, "2026-10", "MAZZINI", out, out_csv=out_csv)
    pages = PdfReader(out).pages
    assert len(pages) > 1
    for page in pages:
        assert "CUP E41B21000000007" in page.extract_text()
    assert "Priorità Inclusione" in pdf_text(out)
    report = {item: value for section, item, value in csv_rows(out_csv) if section == "report"}
    assert report["cup"] == "E41B21000000007"
    assert report["programme_name"] == "PR FSE+ 2021-2027 Lombardia – Priorità Inclusione"
    # Overridden for one report: that programme's own name, no CUP of another operation.
    service.generate(store, "2026-10", "MAZZINI", out, out_csv=out_csv, programme="2014-2020")
    store.close()
    report = {item: value for section, item, value in csv_rows(out_csv) if section == "report"}
    assert report["programme"] == "2014-2020" and report["cup"] == ""
    assert report["programme_name"].startswith("POR FSE 2014-2020")


def test_cli_programme_option_and_its_refusal(fixture_store, tmp_path, capsys) -> None:
    db, out = str(fixture_store.path), tmp_path / "cli.pdf"
    base = ["report", "--db", db, "--month", "2026-10", "--all", "--out", str(out)]
    assert main([*base, "--programme", "2014-2020", "--csv", str(tmp_path / "c.csv")]) == 0
    assert "POR FSE 2014-2020" in pdf_text(out)
    out.unlink()
    with pytest.raises(SystemExit) as info:
        main([*base, "--programme", "2007-2013"])
    assert info.value.code == 2
    assert "2021-2027" in capsys.readouterr().err
    assert not out.exists()
