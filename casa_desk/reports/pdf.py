"""The monthly report as an A4 PDF in Italian (reportlab platypus + reportlab.graphics).

Every string is drawn in DejaVu Sans, embedded as a TrueType subset, so every character
(accents, «», –, −) prints the same on any reader. Page furniture — programme line, page
numbers "Pagina X di Y", the note that figures are aggregate — is drawn by a canvas that
knows the page count only at the end (two-pass numbering).

The programme's name and operation code (CUP) are on the first page and in every page's
header; a 2021–2027 report opens with the EU emblem, "Cofinanziato dall'Unione europea"
beside it and the Regione's name (Reg. 2021/1060 art. 47, Annex IX). Exits and six-month
results print as matrices: one row per result, one column per gender.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    Table as RLTable,
)
from reportlab.rl_config import paraFontSizeHeightOffset

from casa_desk import paths
from casa_desk.models.numerals import format_int, format_number
from casa_desk.models.timeutil import format_date
from casa_desk.reports import fonts, markup
from casa_desk.reports.emblem import REFLEX_BLUE, eu_emblem
from casa_desk.reports.fonts import FONT, FONT_BOLD
from casa_desk.reports.markup import escape
from casa_desk.reports.programme import FUNDING_STATEMENT
from casa_desk.reports.published import HeadlineRow, PublishedReport, Table
from casa_desk.reports.suppress import LINKED

ACCENT = colors.HexColor("#1f4e79")
LIGHT = colors.HexColor("#e8eef5")
FOOTER_NOTE = (
    "Dati aggregati: il rapporto non contiene nomi né dati identificativi delle persone.",
    "«< 5»: valore da 1 a 4 non pubblicato; «n.d.»: valore omesso perché un dato «< 5» "
    "non si possa ricavare; «n.p.»: non pubblicato, qualunque sia il valore (anche 0): troppo "
    "poche persone.",
)
#: The consolidated report adds why some of its «n.d.» are hidden (reports.linked).
FOOTER_NOTE_ALL = (
    "«< 5»: valore da 1 a 4 non pubblicato; «n.d.»: valore omesso perché un dato «< 5» non si "
    "possa ricavare; «n.p.»: non pubblicato, qualunque sia il valore (anche 0): troppo poche "
    "persone.",
    "Nel rapporto di tutti i presidi «n.d.» indica anche un valore omesso perché non si possa "
    "ricavare, per differenza con i rapporti dei singoli presidi, un dato che questi non "
    "pubblicano: può essere qualsiasi valore, anche da 1 a 4.",
)
#: Why a total since the start may be «n.d.» (reports.months), in every report that has one.
MONTHS_NOTE = (
    "Nei totali dall'avvio «n.d.» indica anche un valore omesso perché non si possa ricavare, "
    "confrontando i rapporti di mesi diversi, un dato che un mese non pubblica: può essere "
    "qualsiasi valore, anche da 1 a 4."
)


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) once; reportlab embeds the glyphs it uses."""
    fonts.register(paths.font_path)


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=12)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", base, fontName=FONT_BOLD, fontSize=16, leading=20, textColor=ACCENT
        ),
        "subtitle": ParagraphStyle("subtitle", base, fontName=FONT_BOLD, fontSize=12, leading=16),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=FONT_BOLD,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=8,
            spaceAfter=4,
        ),
        "h3": ParagraphStyle(
            "h3", base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=2, spaceAfter=2
        ),
        "small": ParagraphStyle("small", base, fontSize=7.5, leading=9.5, textColor=colors.grey),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "num": ParagraphStyle("num", base, alignment=TA_RIGHT),
        "numbold": ParagraphStyle("numbold", base, alignment=TA_RIGHT, fontName=FONT_BOLD),
    }


def format_change(row: HeadlineRow) -> str:
    change = row.change
    if change is None:
        return "–"
    if change == 0:
        return "="
    sign = "+" if change > 0 else "−"
    return sign + format_number(abs(change))


class PlainCell(Flowable):
    """A table cell's one line of plain text, drawn as ``Paragraph(escape(text), style)``
    draws it — the same canvas operations, so the same PDF bytes — without the paragraph's
    markup parser and line breaker: a report has some 500 such cells (labels and numbers),
    which the tables wrap several times each.

    For text with no character that markup escapes, in a left- or right-aligned ``style``
    with no indent (:func:`plain_cell` decides: ``< 5`` is parsed into two fragments,
    which a paragraph draws another way). The words are measured and joined as the
    paragraph's simple line breaker does, so the line's free space — where right-aligned
    text starts — is the same float; a text wider than its cell is left to the paragraph,
    which breaks it.
    """

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self._words = text.split()
        self._used: float | None = None  # the line's width, measured at the first wrap
        self._paragraph: Paragraph | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._used is None:  # a table wraps its cells several times
            font, size = self.style.fontName, self.style.fontSize
            space = stringWidth(" ", font, size)
            self._used = -space
            for word in self._words:
                self._used += space + stringWidth(word, font, size)
        if self._used > availWidth:  # more than one line: the paragraph's own breaking
            self._paragraph = Paragraph(escape(self.text), self.style)
            self.width, self.height = self._paragraph.wrap(availWidth, availHeight)
        else:
            self._paragraph = None
            self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        if self._paragraph is not None:
            self._paragraph.canv = self.canv
            self._paragraph.draw()
            del self._paragraph.canv
            return
        if not self._words:  # an empty paragraph draws nothing
            return
        style, canv = self.style, self.canv
        font, size = style.fontName, style.fontSize
        # The paragraph's first baseline (reportlab's rl_config decides which).
        top = size if paraFontSizeHeightOffset else getAscentDescent(font, size)[0]
        canv.saveState()
        canv.setFillColor(style.textColor)
        text = canv.beginText(0, self.height - top)
        text.direction = style.wordWrap
        text.setFont(font, size, style.leading)
        free = self.width - (self._used or 0) if style.alignment == TA_RIGHT else 0
        moved = abs(free) > 1e-6
        if moved:
            text.setXPos(free)
        text._textOut(" ".join(self._words), 1)
        if moved:
            text.setXPos(-free)
        canv.drawText(text)
        canv.restoreState()


def plain_cell(text: str, style: ParagraphStyle) -> Flowable:
    """A :class:`PlainCell` where it draws the same, else the paragraph it stands for."""
    escaped = escape(text)
    plain = (
        escaped == text
        and not any(c.isspace() and c != " " for c in text)  # the breaker's own spaces
        and style.alignment in (TA_LEFT, TA_RIGHT)
        and not (style.leftIndent or style.rightIndent or style.firstLineIndent)
        and not (style.backColor or style.borderWidth or style.wordWrap)
    )
    return PlainCell(text, style) if plain else Paragraph(escaped, style)


#: Between the footer's lines (7 pt type).
FOOTER_LEADING_MM = 3.0


def footer_lines(width: float, number_width: float) -> list[str]:
    """The footer's note (:data:`FOOTER_NOTE`) in lines that fit ``width`` points at 7 pt,
    the first one leaving room for the page number (``number_width``) at its right.

    Why: drawn as two fixed lines, the legend (longer since «n.p.») ran under "Pagina 4 di 6"
    and past the page's right margin, its last words cut off on paper.
    """
    first = simpleSplit(FOOTER_NOTE[0], FONT, 7, width - number_width - 4 * mm)
    return first + [line for text in FOOTER_NOTE[1:] for line in simpleSplit(text, FONT, 7, width)]


class PagedCanvas(canvas.Canvas):
    """Defers page furniture until the page count is known: "Pagina X di Y" at the foot of
    each page, so a reader can tell that none is missing (a person's own file, art. 15)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._furniture(total)
            super().showPage()
        super().save()

    def _furniture(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Pagina {self._pageNumber} di {total}")
        self.restoreState()


class _NumberedCanvas(PagedCanvas):
    """The report's furniture: its header, the legend and the page number."""

    def __init__(self, *args: Any, header: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header = header

    def _furniture(self, total: int) -> None:
        width, _height = A4
        self.saveState()
        self.setStrokeColor(ACCENT)
        self.setLineWidth(0.5)
        self.line(18 * mm, 16 * mm, width - 18 * mm, 16 * mm)
        number = f"Pagina {self._pageNumber} di {total}"
        self.setFont(FONT, 7)
        self.setFillColor(colors.grey)
        for n, text in enumerate(footer_lines(width - 36 * mm, stringWidth(number, FONT, 8))):
            self.drawString(18 * mm, (13 - n * FOOTER_LEADING_MM) * mm, text)
        self.setFont(FONT, 8)
        self.setFillColor(colors.black)
        self.drawRightString(width - 18 * mm, 13 * mm, number)
        self.setFont(FONT, 7)
        self.setFillColor(colors.grey)
        self.drawString(18 * mm, A4[1] - 11 * mm, self._header)
        self.restoreState()


def _table_flow(table: Table, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    data: list[list[Any]] = [[Paragraph(f"<b>{escape(table.title)}</b>", st["base"]), ""]]
    for row in table.rows:
        data.append([plain_cell(row.label, st["base"]), plain_cell(row.cell.text, st["num"])])
    data.append(
        [Paragraph("<b>Totale</b>", st["base"]), plain_cell(table.total.text, st["numbold"])]
    )
    flow = RLTable(data, colWidths=[width - 22 * mm, 22 * mm])
    flow.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (1, -1), (1, -1), FONT_BOLD, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("SPAN", (0, 0), (1, 0)),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return flow


def _pairs(tables: list[Table], width: float, st: dict[str, ParagraphStyle]) -> list[Any]:
    """Small tables two by two across the page."""
    half = (width - 6 * mm) / 2
    flows = []
    for i in range(0, len(tables), 2):
        left = _table_flow(tables[i], half, st)
        right = _table_flow(tables[i + 1], half, st) if i + 1 < len(tables) else ""
        grid = RLTable([[left, right]], colWidths=[half + 6 * mm, half])
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONT", (0, 0), (-1, -1), FONT, 9),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        flows += [grid, Spacer(1, 4 * mm)]
    return flows


#: Emblem height on the first page (Annex IX asks for it to be clearly visible; the old
#: 2014–2020 rules set 1 cm as the minimum, kept here as a floor).
EMBLEM_HEIGHT = 14 * mm


def emblem_band(report: PublishedReport, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    """The EU emblem, the funding statement written out beside it, the Regione on the right.

    The statement is plain (no italic, no effects), reflex blue, clear of the emblem; the
    emblem is drawn alone in its cell, merged with nothing (Annex IX 1.2–1.7).
    """
    statement = ParagraphStyle(
        "statement", st["base"], fontSize=11, leading=13, textColor=REFLEX_BLUE
    )
    region = ParagraphStyle(
        "region", st["base"], fontName=FONT_BOLD, fontSize=11, leading=13, alignment=TA_RIGHT
    )
    flag = eu_emblem(EMBLEM_HEIGHT)
    flag.initialFontName = FONT  # no text in it, but the renderer would select Helvetica
    band = RLTable(
        [
            [
                flag,
                Paragraph(escape(FUNDING_STATEMENT), statement),
                Paragraph(escape(report.programme.region), region),
            ]
        ],
        colWidths=[flag.width + 4 * mm, 70 * mm, width - flag.width - 74 * mm],
    )
    band.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),  # else reportlab selects Helvetica
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, LIGHT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ]
        )
    )
    return band


def matrix_flow(tables: list[Table], width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    """Rows of one group (same items) as one table: a row per breakdown, a column per item,
    then the row's total. Hidden cells print their mark, as everywhere."""
    items = [row.label for row in tables[0].rows]
    number = 22 * mm
    head = ParagraphStyle("matrixhead", st["num"], fontName=FONT_BOLD, fontSize=8, leading=10)
    data: list[list[Any]] = [
        ["", *[plain_cell(i, head) for i in items], plain_cell("Totale", head)]
    ]
    for table in tables:
        data.append(
            [plain_cell(table.title, st["base"])]
            + [plain_cell(r.cell.text, st["num"]) for r in table.rows]
            + [plain_cell(table.total.text, st["numbold"])]
        )
    flow = RLTable(
        data, colWidths=[width - number * (len(items) + 1)] + [number] * (len(items) + 1)
    )
    flow.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#f6f8fb")),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, ACCENT),
                ("LINEBELOW", (0, 1), (-1, 1), 0.5, colors.grey),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return flow


def _section_flows(tables: list[Table], width: float, st: dict[str, ParagraphStyle]) -> list[Any]:
    """Plain tables two by two; each group of tables as one matrix, in order."""
    flows: list[Any] = []
    plain: list[Table] = []
    groups: dict[str, list[Table]] = {}
    for table in tables:
        if table.group:
            groups.setdefault(table.group, []).append(table)
        else:
            plain.append(table)
    flows += _pairs(plain, width, st)
    for group in groups.values():
        flows += [matrix_flow(group, width, st), Spacer(1, 4 * mm)]
    return flows


def _headline_flow(report: PublishedReport, width: float, st: dict[str, ParagraphStyle]) -> RLTable:
    data: list[list[Any]] = [
        ["Indicatore", report.month_label, report.previous_label, "Variazione"]
    ]
    for row in report.headline:
        data.append(
            [
                plain_cell(row.label, st["base"]),
                format_number(row.value),
                format_number(row.previous),
                format_change(row),
            ]
        )
    flow = RLTable(data, colWidths=[width - 90 * mm, 30 * mm, 35 * mm, 25 * mm])
    flow.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9),
                ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
                ("FONT", (1, 1), (1, -1), FONT_BOLD, 10),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f8fb")]),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, ACCENT),
            ]
        )
    )
    return flow


def _chart_value(table: Table) -> list[tuple[str, float, str]]:
    """(label, bar length, text) — hidden cells draw no bar, only their mark."""
    return [
        (r.label, 0 if r.cell.hidden else float(r.cell.value or 0), r.cell.text) for r in table.rows
    ]


def whole_step(axis_max: float) -> int:
    """A step of whole counts for a value axis up to ``axis_max``: the smallest of 1, 2, 5,
    10, 20, 50… that makes at most six ticks. reportlab's own steps are fractions on a small
    axis, and the whole-number labels printed "0 0 0 0 1" for a month with no contacts."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if axis_max / (factor * power) <= 6:
                return factor * power
        power *= 10


def category_chart(table: Table, width: float) -> Drawing:
    """Horizontal bars, one per topic, value written at the bar's end."""
    items = _chart_value(table)
    height = 14 * len(items) + 30
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # the renderer's starting font (default: Helvetica)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 15
    chart.width, chart.height = width - 200, height - 25
    chart.data = [[v for _, v, _ in reversed(items)]]
    chart.categoryAxis.categoryNames = [lab for lab, _, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: format_int(int(v))
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    top = max([v for _, v, _ in items] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.valueStep = whole_step(top * 1.15)
    drawing.add(chart)
    step = chart.height / max(len(items), 1)
    for n, (_, value, text) in enumerate(reversed(items)):
        x = chart.x + chart.width * value / (top * 1.15) + 3
        y = chart.y + step * n + step / 2 - 3
        drawing.add(String(x, y, text, fontName=FONT, fontSize=7))
    return drawing


def weekly_chart(table: Table, width: float) -> Drawing:
    """Columns per week of the month, counts on top."""
    items = _chart_value(table)
    drawing = Drawing(width, 140)
    drawing.initialFontName = FONT
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, width - 60, 100
    chart.data = [[v for _, v, _ in items]]
    chart.categoryAxis.categoryNames = [lab for lab, _, _ in items]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([v for _, v, _ in items] + [1])
    chart.valueAxis.valueMax = top * 1.2
    chart.valueAxis.valueStep = whole_step(top * 1.2)
    chart.valueAxis.labelTextFormat = lambda v: format_int(int(v))
    chart.bars[0].fillColor = colors.HexColor("#4f81bd")
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: format_int(int(v))
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _generated(report: PublishedReport) -> str:
    """``Generato il 30/11/2026 alle 10:32 (ora italiana)`` — the office's clock, not UTC."""
    if report.generated_at is None:
        return f"Generato il {format_date(report.generated_on)}"
    at = report.generated_at
    return f"Generato il {format_date(at.date())} alle {at:%H:%M} (ora italiana)"


def a4_document(
    buffer: io.BytesIO,
    *,
    title: str,
    margins_mm: tuple[float, float, float, float],
    subject: str = "",
) -> SimpleDocTemplate:
    """The A4 page every PDF of the program uses (report, referral letter, access file):
    Italian, the embedded font from the first page (else each page starts in Helvetica, not
    embedded), ``margins_mm`` as (left, right, top, bottom)."""
    left, right, top, bottom = margins_mm
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=left * mm,
        rightMargin=right * mm,
        topMargin=top * mm,
        bottomMargin=bottom * mm,
        title=title,
        author="casa_desk",
        subject=subject,
        lang="it-IT",
        initialFontName=FONT,
    )


def render_pdf(report: PublishedReport) -> bytes:
    """The report as PDF bytes."""
    register_fonts()
    st = styles()
    buffer = io.BytesIO()
    title = f"Rapporto mensile – {report.office_name} – {report.month_label}"
    programme = report.programme
    doc = a4_document(buffer, title=title, margins_mm=(18, 18, 16, 22), subject=programme.name)
    width = doc.width
    story: list[Any] = (
        [emblem_band(report, width, st), Spacer(1, 3 * mm)] if programme.emblem else []
    )
    story += [
        Paragraph("Rapporto mensile di attività", st["title"]),
        Paragraph(
            f"{markup.text(report.office_name)} – {escape(report.month_label)}", st["subtitle"]
        ),
        Spacer(1, 2 * mm),
        Paragraph(escape(programme.name), st["base"]),
        Paragraph(
            f"{escape(programme.cup_text)} – indicatori comuni: "
            f"{escape(programme.indicator_source)}",
            st["base"],
        ),
        Paragraph(_generated(report), st["small"]),
        Spacer(1, 4 * mm),
        Paragraph("Indicatori del mese", st["h2"]),
        _headline_flow(report, width, st),
        Spacer(1, 3 * mm),
    ]
    by_section = {t.section: t for t in report.contacts}
    story.append(Paragraph("Contatti", st["h2"]))
    if "contacts_by_category" in by_section:
        story.append(
            KeepTogether(
                [
                    Paragraph("Contatti per tema", st["h3"]),
                    category_chart(by_section["contacts_by_category"], width),
                ]
            )
        )
    if "contacts_by_week" in by_section:
        story.append(
            KeepTogether(
                [
                    Paragraph("Andamento settimanale dei contatti", st["h3"]),
                    weekly_chart(by_section["contacts_by_week"], width),
                ]
            )
        )
    story += _pairs(report.contacts, width, st)
    for heading, tables in report.sections()[1:]:
        flows = _section_flows(tables, width, st)
        story.append(KeepTogether([Paragraph(escape(heading), st["h2"]), *flows[:2]]))
        story += flows[2:]
    story.append(Paragraph("Commento del community manager", st["h2"]))
    comment = report.comment or "Nessun commento."
    for para in comment.splitlines() or [comment]:
        story.append(
            markup.paragraph(para, st["base"]) if para else Paragraph("&nbsp;", st["base"])
        )
    # The footer's legend, completed for what this report hides across offices or months.
    notes = list(FOOTER_NOTE_ALL) if report.presidio is None else []
    totals = [*report.participants_total, *report.exits_total, *report.follow_ups_total]
    if any(cell.mark == LINKED for t in totals for cell in (t.total, *(r.cell for r in t.rows))):
        notes.append(MONTHS_NOTE)
    if notes:
        story.append(Paragraph("Valori non pubblicati", st["h2"]))
        story += [Paragraph(escape(text), st["base"]) for text in notes]
    header = (
        f"{report.office_name} – {report.month_label} – rapporto mensile – "
        f"FSE {programme.code.value} – {programme.cup_text}"
    )

    def make_canvas(*args: Any, **kwargs: Any) -> _NumberedCanvas:
        return _NumberedCanvas(*args, header=header, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()
