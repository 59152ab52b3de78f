"""The report's bar charts label their value axis in whole, distinct counts.

reportlab picks fractional steps on a small axis (0.2, 0.5), and the labels are whole numbers:
a month with no contacts read "0 0 0 0 1" under its chart, one with three "0 0 1 1 2 2 3"."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF

from casa_desk.reports.pdf import category_chart, register_fonts, weekly_chart, whole_step
from casa_desk.reports.published import Cell, Row, Table


def _axis_labels(chart, values: list[int]) -> list[int]:  # type: ignore[no-untyped-def]
    """The value axis's labels as drawn (the page's text less the names and the values)."""
    register_fonts()
    rows = [Row(f"c{n}", f"Tema {'ABCDEFG'[n]}", Cell(v)) for n, v in enumerate(values)]
    drawing = chart(Table("contacts_by_category", "Per tema", rows, Cell(sum(values)), False), 400)
    lines = PdfReader(io.BytesIO(renderPDF.drawToString(drawing))).pages[0].extract_text().split()
    numbers = [line for line in lines if line.replace(".", "").isdigit()]
    axis = Counter(int(v.replace(".", "")) for v in numbers) - Counter(values)  # less the bars'
    assert set(axis.values()) == {1}, f"a label drawn twice: {axis}"
    return sorted(axis)


@pytest.mark.parametrize("values", [[0, 0, 0], [3, 1, 0], [1840, 509, 12]])
@pytest.mark.parametrize("chart", [category_chart, weekly_chart])
def test_value_axis_labels_are_whole_and_distinct(chart, values: list[int]) -> None:  # type: ignore[no-untyped-def]
    labels = _axis_labels(chart, values)
    assert labels[0] == 0 and len(labels) >= 2, labels


def test_whole_step_makes_at_most_six_ticks_of_nice_sizes() -> None:
    for top in (1.15, 3.45, 6.9, 58.0, 2116.0, 105_345.7):
        step = whole_step(top)
        assert top / step <= 6 and str(step).strip("0") in ("1", "2", "5")
