"""The reports' fonts: DejaVu Sans (regular and bold), registered with reportlab once, and
the fallbacks for the scripts DejaVu lacks, registered only when a text needs one.

Parsing the two TrueType files is ~25-60 ms of pure Python. This module imports nothing
of casa_desk and loads reportlab only when called, so ``casa-desk report`` registers the
fonts on the thread that loads reportlab while the login's argon2id runs
(:mod:`casa_desk.cli.report`), instead of after the figures; every other PDF registers
them through :func:`casa_desk.reports.pdf.register_fonts` when it first needs them.

**Fallbacks** (:data:`FALLBACKS`): Droid Sans Fallback (Chinese, Japanese kana; Apache-2.0,
4 MB), Noto Sans Ethiopic (Tigrinya, Amharic) and Noto Sans Bengali (OFL-1.1, 0.3 and 0.2
MB), all TrueType outlines, which reportlab needs (it cannot embed CFF ``.otf``). Each is
read from disk the first time a text holds a character DejaVu has not got
(:func:`fallback_for`), never at start-up: a report, a letter or a person's file in Latin
letters costs what it cost before. Their licences are beside them in ``resources/fonts``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
#: reportlab's name and file of each fallback font, in the order they are tried.
FALLBACKS = (
    ("DroidSansFallback", "DroidSansFallbackFull.ttf"),
    ("NotoSansEthiopic", "NotoSansEthiopic-Regular.ttf"),
    ("NotoSansBengali", "NotoSansBengali-Regular.ttf"),
)
#: Code points past the Basic Multilingual Plane (emoji, most of them) are never drawn:
#: reportlab 4-5 writes their ToUnicode entry as an invalid 5-digit string, so a reader
#: could neither search nor copy them (pypdf: "Odd-length string"), and no shipped font
#: draws emoji anyway. :mod:`casa_desk.reports.markup` prints them as ``[U+1F600]``.
LAST_DRAWN = 0xFFFF

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] = {}


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


def coverage(name: str) -> frozenset[int]:
    """The code points a registered font draws (its cmap, the Basic Multilingual Plane only:
    see :data:`LAST_DRAWN`), computed once per font."""
    found = _coverage.get(name)
    if found is None:
        from reportlab.pdfbase import pdfmetrics

        cmap = pdfmetrics.getFont(name).face.charToGlyph
        found = frozenset(c for c, glyph in cmap.items() if glyph and c <= LAST_DRAWN)
        _coverage[name] = found
    return found


def fallback_for(code: int, font_path: Callable[[str], Path]) -> str | None:
    """The name of the first fallback font that draws ``code`` (registering fallbacks, one
    at a time and once, as they are needed), or None when none does."""
    if code > LAST_DRAWN:
        return None
    for name, file in FALLBACKS:
        if code in coverage(_registered(name, file, font_path)):
            return name
    return None


def _registered(name: str, file: str, font_path: Callable[[str], Path]) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if name in _coverage:  # registered, and its coverage known
        return name
    with _lock:  # two threads rendering at once register it once
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(font_path(file))))
            # One face for every style: <b> around a run of it maps to the same face (the
            # fallbacks have no bold; a bold heading prints its Chinese regular).
            pdfmetrics.registerFontFamily(
                name, normal=name, bold=name, italic=name, boldItalic=name
            )
        coverage(name)
    return name
