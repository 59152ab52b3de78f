"""Plain text into reportlab's paragraph markup, for every PDF casa_desk prints.

:func:`escape` is for casa_desk's own words. :func:`text` and :func:`paragraph` are for what
people typed — a name, a note, a service's address — in whatever script: no character of it
is silently lost, printed as an empty box, or printed backwards.

- The text is normalised to NFC first: a name typed with combining accents ("Nguyễn" as
  ``e`` + U+0302 + U+0303) prints with DejaVu's precomposed letter, not with marks that
  reportlab places by their advance alone. Variation selectors (U+FE00-FE0F: "draw ❤ as an
  emoji") are dropped: they draw nothing, and in a shaped paragraph reportlab swallowed the
  space after them.
- Runs of characters DejaVu Sans has not got (Chinese, Ge'ez, Bengali) switch to a fallback
  font (:data:`casa_desk.reports.fonts.FALLBACKS`) with ``<font name=...>``; the fallback is
  loaded only then. A word holding such characters is set whole in the fallback when that
  font has all of it (``রহিম,``).
- Anything no shipped font draws (emoji, scripts we ship no font for) prints as its code
  point, ``[U+1F44D]``, in grey: visible, and exact enough to recover what was typed.
- Arabic and Hebrew (right to left) and Bengali (whose vowel signs and conjuncts need
  shaping): :func:`paragraph` has reportlab shape the paragraph with HarfBuzz (uharfbuzz),
  which joins Arabic letters and builds Bengali conjuncts, and lays each line out in the
  order of the Unicode bidirectional algorithm (python-bidi's levels, :func:`visual`).

reportlab shapes word by word (words: what is between spaces), each word with the font of
its first letter and in the direction HarfBuzz guesses from its script. So, in a shaped
paragraph, a word no one font draws whole is cut with a space where the font changes
("(小明)" beside Arabic prints "( 小明 )": nothing lost, a space added), and a word HarfBuzz
will lay out right to left is handed over in the order that makes it come out as the
algorithm placed it. A right-to-left passage that wraps is broken into lines first and
each line ordered then (:class:`casa_desk.reports.shaped.ShapedParagraph`), as the
algorithm asks.

Known limit: Bengali conjuncts print right but come back from the PDF's text layer as
private-use characters (reportlab's mapping of shaped glyphs): searching a PDF for a
Bengali name may miss it.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from casa_desk import paths
from casa_desk.reports import fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

#: What no font is asked for: whitespace (reportlab breaks words at it; ``\n`` is turned into
#: ``<br/>``, a ``\r`` of a note typed on Windows is a space) and invisible format characters
#: (bidi isolates, joiners) no shipped font has, which draw nothing and are left out.
_DROP = "drop"
#: Variation selectors: invisible, and mis-spaced by reportlab's shaping (see above).
_DROPPED = dict.fromkeys(range(0xFE00, 0xFE10))
#: What an undrawable character prints as (its code point), and in which colour.
REPLACEMENT = "[U+{:04X}]"
REPLACEMENT_COLOUR = "#666666"
#: Scripts that are drawn right only when shaped (HarfBuzz): Bengali's vowel signs go before
#: their consonant and its conjuncts are ligatures. Right-to-left letters are found by their
#: bidirectional class (R, AL) instead.
_SHAPED_RANGES = ((0x0980, 0x09FF),)
#: Where reportlab cuts words: whitespace, but not the no-break space.
_GAPS = re.compile(r"([^\S\xa0]+)")
_RTL = ("R", "AL")


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, quotes left alone: what ``xml.sax.saxutils.escape``
    does, without what that module loads with it (urllib.request, http.client and the email
    package: 40-75 ms of every ``casa-desk report``, measured with ``-X importtime``)."""
    return html.escape(text, quote=False)


def text(value: str) -> str:
    """``value`` (plain text a person typed) as paragraph markup that prints every
    character: NFC, escaped, runs in a fallback font where DejaVu lacks them, anything
    undrawable as a visible ``[U+XXXX]``. Latin, Greek, Cyrillic, Hebrew and Arabic letters
    are DejaVu's and come back as :func:`escape` would give them. Neither ordered nor
    shaped: a person's text goes through :func:`paragraph`."""
    value = _normalised(value)
    main = _main()
    if all(ord(c) in main or c.isspace() for c in value):  # nearly every text
        return escape(value)
    return "".join(_runs(_fonts_of(value, main)))


def paragraph(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of ``value`` (plain text, ``\\n`` for a new line) in ``style``, every
    character printed (:func:`text`), right-to-left words in reading order and complex
    scripts shaped."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    value = _normalised(value)
    if not needs_shaping(value):
        return Paragraph(text(value).replace("\n", "<br/>"), style)
    from casa_desk.reports.shaped import ShapedParagraph

    shaped = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
    return ShapedParagraph(value.split("\n"), shaped)


def needs_shaping(value: str) -> bool:
    """True when ``value`` has right-to-left letters or a script drawn right only shaped."""
    return not value.isascii() and any(
        unicodedata.bidirectional(c) in _RTL
        or any(low <= ord(c) <= high for low, high in _SHAPED_RANGES)
        for c in value
    )


def visual(line: str) -> str:
    """``line`` in the order its characters are seen from left to right, by the Unicode
    bidirectional algorithm in a left-to-right paragraph (brackets inside right-to-left
    text mirrored). "Nota محمد" stays "Nota" then the Arabic letters from last to first."""
    return reorder(line, bidi_levels(line))


def reorder(line: str, levels: list[int]) -> str:
    """One displayed line, its characters' embedding ``levels`` given, in the order they
    are seen: rules L1 (whitespace at the end back to the paragraph's level), L2 (from the
    highest level down to the lowest odd one, every run at or above it reversed) and L4
    (brackets and the like at an odd level mirrored)."""
    from bidi.mirror import MIRRORED

    end = len(line.rstrip())
    levels = levels[:end] + [0] * (len(line) - end)
    order = list(range(len(line)))
    for level in range(max(levels, default=0), 0, -1):
        start = None
        for i in range(len(order) + 1):
            inside = i < len(order) and levels[order[i]] >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                order[start:i] = order[start:i][::-1]
                start = None
    return "".join(MIRRORED.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in order)


def bidi_levels(line: str) -> list[int]:
    """The embedding level of each character of ``line`` (0: left to right, 1: right to
    left, 2: a number inside right-to-left text…), by python-bidi's Rust implementation
    of the algorithm (Unicode 15, bracket pairs included), read from its report (the only
    place it gives them: one level per UTF-8 byte). A version that reports them otherwise
    is refused here, loudly, rather than printing the text in a wrong order."""
    from bidi import get_display

    if not any(unicodedata.bidirectional(c) in _RTL for c in line):
        return [0] * len(line)
    # A lone surrogate (broken text) cannot cross into Rust: "?" holds its place.
    line = line.encode("utf-8", "replace").decode("utf-8")
    report = str(get_display(line, base_dir="L", debug=True))
    found = re.search(r"levels:\s*\[(.*?)\]", report, re.S)
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", found.group(1))] if found else []
    if len(per_byte) != len(line.encode("utf-8")):
        raise RuntimeError("python-bidi non fornisce i livelli attesi: versione non supportata.")
    levels, offset = [], 0
    for char in line:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def cut_words(line: str) -> str:
    """``line`` with a space where the font changes inside a word no one font draws whole:
    reportlab shapes a word with the font of its first character, so "(小明)" in a shaped
    paragraph (Arabic beside it) would come out as "(" and empty boxes; it prints
    "( 小明 )". Nothing is lost; a space is added, in text that mixes scripts that rarely."""
    return "".join(c for _, c in _fonts_of(line, _main(), one_font_words=True))


def for_shaping(seen: str) -> str:
    """A line in visual order (:func:`reorder`) as reportlab must be given it to shape it:
    every word HarfBuzz will lay out right to left — reversing it and mirroring its
    brackets — reversed and mirrored first, so that it comes out as seen (its Arabic
    letters, in typed order, join)."""
    from bidi.mirror import MIRRORED

    parts = _GAPS.split(seen)
    for n in range(0, len(parts), 2):  # the words, between the gaps
        given = "".join(MIRRORED.get(c, c) for c in reversed(parts[n]))
        if _harfbuzz_rtl(given):
            parts[n] = given
    return "".join(parts)


def _harfbuzz_rtl(word: str) -> bool:
    """Whether HarfBuzz lays ``word`` out right to left: it guesses the direction from the
    script of the first letter (digits, punctuation and format characters have none)."""
    for c in word:
        if unicodedata.category(c) == "Cf":
            continue
        kind = unicodedata.bidirectional(c)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def _normalised(value: str) -> str:
    """NFC, without variation selectors."""
    value = unicodedata.normalize("NFC", value)
    return value if value.isascii() else value.translate(_DROPPED)


def _main() -> frozenset[int]:
    fonts.register(paths.font_path)
    return fonts.coverage(fonts.FONT)


def _fonts_of(
    value: str, main: frozenset[int], one_font_words: bool = False
) -> Iterable[tuple[str | None, str]]:
    """(font, character) for every character: DejaVu's where it has it, else a fallback's
    (None: no font); a word with fallback characters whole in that fallback when it has
    all of the word, else, with ``one_font_words``, a space where the font changes."""
    for word in _words(value):
        chosen = [(_font_of(c, main), c) for c in word]
        others = {font for font, _ in chosen if font not in (fonts.FONT, None, _DROP)}
        if len(others) == 1:
            (font,) = others
            covered = fonts.coverage(font)
            if all(ord(c) in covered for c in word):
                chosen = [(font, c) for c in word]
        if one_font_words and others:
            # The code points of undrawable characters are printed in DejaVu.
            runs = groupby(chosen, key=lambda pair: pair[0] if pair[0] in others else fonts.FONT)
            for n, (_, run) in enumerate(runs):
                if n:
                    yield fonts.FONT, " "
                yield from run
            continue
        yield from chosen


def _words(value: str) -> Iterable[str]:
    """``value`` cut into words and the spaces between them, nothing dropped."""
    for _, run in groupby(value, key=str.isspace):
        yield "".join(run)


def _runs(chars: Iterable[tuple[str | None, str]]) -> Iterable[str]:
    for font, run in groupby(chars, key=lambda pair: pair[0]):
        chars_ = "".join(c for _, c in run)
        if font == _DROP:
            continue
        if font == fonts.FONT:
            yield escape(chars_)
        elif font is None:
            marks = "".join(REPLACEMENT.format(ord(c)) for c in chars_)
            yield f'<font color="{REPLACEMENT_COLOUR}">{marks}</font>'
        else:
            yield f'<font name="{font}">{escape(chars_)}</font>'


def _font_of(char: str, main: frozenset[int]) -> str | None:
    code = ord(char)
    if code in main or char.isspace():
        return fonts.FONT
    font = fonts.fallback_for(code, paths.font_path)
    if font is None and unicodedata.category(char) == "Cf":
        return _DROP
    return font
