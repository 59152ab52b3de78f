"""The PDF's plain table cells (``reports.pdf.PlainCell``) draw what a paragraph draws, byte
for byte.

A cell off by a fraction of a point still reads the same in a PDF text extractor, so whole
documents are compared: one table built with paragraphs and with plain cells, reportlab's
invariant mode (no dates, no random ids), no compression.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, TableStyle
from reportlab.platypus import Table as RLTable

from casa_desk.reports.markup import escape
from casa_desk.reports.pdf import FONT, PlainCell, plain_cell, register_fonts, styles

#: Labels: one line, one too long for it, markup's characters, a non-breaking space.
LABELS = ["Uscite", "Persone senza dimora o in condizione di esclusione abitativa (ETHOS)",
          "< 25 anni", "Età 25\xa054", "R&S", "Totale", "Donne"]  # fmt: skip
#: Counts and marks, words a paragraph joins, two too wide for the cell (broken in two).
TEXTS = ["0", "7", "1.234", "91.067", "1.234.567", "n.d.", "–", "3,5", "=", "+12", "a b  c",
         "molto lungo"]  # fmt: skip

Cell = Callable[[str, ParagraphStyle], Flowable]


@pytest.fixture
def invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    monkeypatch.setattr(rl_config, "pageCompression", 0)


def _document(label: Cell, number: Cell) -> bytes:
    register_fonts()
    st = styles()
    rows = [
        [label(LABELS[n % len(LABELS)], st["base"]), number(text, st["num"])]
        for n, text in enumerate(TEXTS)
    ]
    rows.append([Paragraph("<b>Totale</b>", st["base"]), number("12.345", st["numbold"])])
    table = RLTable(rows, colWidths=[60 * mm, 16 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, initialFontName=FONT).build([table])
    return buffer.getvalue()


def _paragraph(text: str, style: ParagraphStyle) -> Flowable:
    return Paragraph(escape(text), style)


@pytest.mark.usefixtures("invariant")
def test_plain_cells_draw_the_paragraphs_bytes() -> None:
    paragraphs = _document(_paragraph, _paragraph)
    assert _document(plain_cell, plain_cell) == paragraphs
    numbers = _document(_paragraph, PlainCell)  # every number a plain cell, none left out
    assert numbers == paragraphs
    text = PdfReader(io.BytesIO(numbers)).pages[0].extract_text()
    assert "91.067" in text and "n.d." in text
    assert "1.234.\n 567" in text and "molto\nlungo" in text  # too wide: the paragraph's break


def test_text_a_paragraph_would_draw_otherwise_stays_a_paragraph() -> None:
    register_fonts()
    st = styles()
    assert isinstance(plain_cell("< 5", st["num"]), Paragraph)  # two fragments
    assert isinstance(plain_cell("25\xa054", st["base"]), Paragraph)  # not the breaker's space
    assert isinstance(plain_cell("1.234", st["center"]), Paragraph)  # centred: not handled
    assert isinstance(plain_cell("1.234", st["num"]), PlainCell)
    assert isinstance(plain_cell("Uscite", st["base"]), PlainCell)
