"""The reports' font, DejaVu Sans (regular and bold), registered with reportlab once.

Parsing the two TrueType files is ~25-60 ms of pure Python. This module imports nothing
of casa_desk and loads reportlab only when called, so ``casa-desk report`` registers the
fonts on the thread that loads reportlab while the login's argon2id runs
(:mod:`casa_desk.cli.report`), instead of after the figures; every other PDF registers
them through :func:`casa_desk.reports.pdf.register_fonts` when it first needs them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def register(font_path: Callable[[str], Path]) -> None:
    """Register DejaVu Sans once (a second call does nothing), its files found by
    ``font_path`` (:func:`casa_desk.paths.font_path`); reportlab embeds the glyphs a
    document uses."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(font_path("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_path("DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
