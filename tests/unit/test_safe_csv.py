"""CSV injection (OWASP): text cells never start a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from login_helpers import new_store

from casa_desk import safe_csv
from casa_desk.cli import main
from casa_desk.models.timeutil import to_utc_text
from casa_desk.reports.csv_out import render_csv
from casa_desk.reports.service import build_report, parse_month

PLANTED = '=HYPERLINK("http://example.invalid/x","Apri")'
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_could_start_a_formula_is_neutralised(start: str) -> None:
    text = f"{start}1+1"
    expected = "'" + text.replace("\r", "\n")  # a bare CR would split the row when read
    assert safe_csv.cell(text) == expected
    [[back]] = parse(safe_csv.render([[text]]))
    assert back == expected  # the csv module quotes what needs quoting, the apostrophe stays


def test_numbers_the_program_wrote_stay_numbers_text_never_does() -> None:
    row = [-3, 2.5, Decimal("-1.0"), 0, True, None, "-3", "ciao", "<5", "a=b"]
    [cells] = parse(safe_csv.render([row]))
    assert cells == ["-3", "2.5", "-1.0", "0", "1", "", "'-3", "ciao", "<5", "a=b"]
    with pytest.raises(TypeError):
        safe_csv.cell(object())  # type: ignore[arg-type]


def test_a_code_planted_by_another_office_reaches_the_report_as_text(tmp_path: Path) -> None:
    """Another office's category code ``=HYPERLINK(…)`` arrives by sync; head office's report
    CSV must show it as text, and every other cell is a plain number or harmless text."""
    path = tmp_path / "sede.sqlite"
    with new_store(path, presidio=None) as store:  # encrypted: the command logs in on it
        with store.transaction() as j:
            j.insert(
                "categories",
                {"code": PLANTED, "label": "Tema", "sensitive": 0, "active": 1, "sort": 99},
                presidio="MAZZINI",
            )
            for day in range(1, 8):
                j.insert(
                    "contacts",
                    {
                        "category": PLANTED if day % 2 else "manutenzione",
                        "channel": "sportello",
                        "occurred_at": to_utc_text(datetime(2026, 9, day, 10)),
                    },
                    presidio="MAZZINI",
                )
        report = build_report(store, parse_month("2026-09"), None)
    rows = parse(render_csv(report))
    assert ["contacts_by_category", "'" + PLANTED, "4"] in rows
    for row in rows[1:]:
        for value in row:
            assert NUMBER.fullmatch(value) or not value.startswith(safe_csv.FORMULA_STARTS), row
    # the same through the command a coordinator runs
    out, table = tmp_path / "r.pdf", tmp_path / "r.csv"
    assert main(["report", "--db", str(path), "--month", "2026-09", "--all"]
                + ["--out", str(out), "--csv", str(table)]) == 0  # fmt: skip
    assert parse(table.read_text(encoding="utf-8")) == rows


def foreign_cells(text: str, separator: str) -> list[str]:
    """The cells of ``text`` as a spreadsheet set to ``separator`` reads a comma file: Excel
    in Italian splits on ``;`` (the list separator of the locale) and, the first cell of each
    line not starting with a quote, takes the quotes after it as text and ends the row at
    every line break. (LibreOffice 7.4 does the same: checked by hand with its CSV import,
    separator ``;``, which evaluated ``=1+1`` and ``=5+5`` below.)"""
    return [c for line in re.split(r"\r\n|\r|\n", text) for c in line.split(separator)]


@pytest.mark.parametrize("separator", [";", "\t", ","])
@pytest.mark.parametrize(
    "typed",
    [
        "controllo di routine;=1+1;",  # a break-glass reason, typed by any operator
        "riga\n=5+5;",
        "riga\r\n+5+5",
        "x\t=9+9\t",
        "x;-6+6;",
        "x;@SOMMA(7;7);",
        "x; =1+1;",  # LibreOffice's "trim spaces" import makes this a formula too
        "x,=8+8,",
    ],
)
def test_no_cell_starts_a_formula_whatever_separator_the_spreadsheet_uses(
    separator: str, typed: str
) -> None:
    """The text cell was neutralised at its start only: a spreadsheet that splits on another
    separator (Excel in Italian: ``;``) or at a line break inside the cell starts a new cell
    in the middle of the text, and there ``=1+1`` was a live formula (an audit CSV with a
    break-glass reason ``controllo di routine;=1+1;`` showed 2 in LibreOffice)."""
    text = safe_csv.render([["01/12/2026 10:00", "mrossi", typed, "SAN-SIRO"]])
    for value in foreign_cells(text, separator):
        assert not value.lstrip(" ").startswith(safe_csv.FORMULA_STARTS), (typed, value)
    [back] = parse(text)  # read with the right separator, the cell is the text, marked
    assert back[2].replace("'", "") == typed.replace("\r\n", "\n")


def test_a_file_for_spreadsheets_opens_in_excel_set_up_in_italian() -> None:
    """The audit CSV is read by people in Excel: ';' is the Italian list separator (with ','
    every row lands in column A) and the byte-order mark makes Excel read UTF-8 ("Società",
    not "SocietÃ "); the formula guard is unchanged."""
    data = safe_csv.for_spreadsheets([["chi", "motivo"], ["Società", "visto;=1+1"]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["chi", "motivo"], ["Società", "visto;'=1+1"]]
