"""A person's text prints in every PDF whatever its script (casa_desk.reports.markup, .fonts).

Names and notes typed in Chinese, Ge'ez, Bengali, Arabic, Hebrew, with combining accents
or with emoji go through the real store into a referral letter and the person's own file;
the PDFs are read back with pypdf. Without the fallback fonts the Chinese and Ge'ez letters
were empty boxes (and missing from the text), without shaping Arabic printed unjoined and
backwards, without NFC a decomposed "Nguyễn" came back decomposed, and emoji were boxes.
All names are invented.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from casa_desk.reports import markup, pdf, person_file, service
from casa_desk.reports.letter import print_letter
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.db import Store
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals

ARABIC_FAMILY = "عبد الله"  # "Abd Allah"
ARABIC_NAME = "سمير"  # "Samir"
#: Arabic letters in the forms a joined word draws (initial, medial, final).
PRESENTATION_FORMS = range(0xFE70, 0xFF00)


def _pdfs(store: Store, tmp_path: Path, person: dict, reason: str) -> tuple[str, str, set, set]:
    """The letter of a referral for ``person`` and the person's own file: their text (pypdf,
    whitespace collapsed) and the fonts they embed."""
    row = People(store).register(person, presidio="SAN-SIRO")
    service = Directory(store).save_service({"name": "Sportello lavoro", "kind": "lavoro"})
    Consents(store).give(
        row["id"], referral_purpose(service["id"]), text="Sì", presidio="SAN-SIRO", operator="op"
    )
    referral = Referrals(store).create(
        person_id=row["id"], service_id=service["id"], reason=reason, presidio="SAN-SIRO", by="op"
    )
    letter = print_letter(store, referral["id"], tmp_path / "lettera.pdf", by="op")
    access = person_file.render(person_file.collect(store, row["id"]))
    readers = [PdfReader(letter), PdfReader(io.BytesIO(access))]
    texts = [" ".join(" ".join(p.extract_text() for p in r.pages).split()) for r in readers]
    fonts = [{str(f["/BaseFont"]) for p in r.pages for f in _fonts(p)} for r in readers]
    return texts[0], texts[1], fonts[0], fonts[1]


def _fonts(page) -> list:  # type: ignore[no-untyped-def]
    return [ref.get_object() for ref in page["/Resources"]["/Font"].values()]


def test_chinese_and_geez_print_in_the_fallback_fonts(store: Store, tmp_path: Path) -> None:
    letter, access, letter_fonts, access_fonts = _pdfs(
        store,
        tmp_path,
        {"first_name": "小明", "last_name": "ተስፋዬ", "notes": "Parla 中文 e ትግርኛ."},
        reason="Il figlio 王小红 (8 anni) chiede un sostegno scolastico.",
    )
    for text in (letter, access):
        assert "小明" in text and "ተስፋዬ" in text
        assert "王小红" in text
    assert "Parla 中文 e ትግርኛ." in access
    for fonts in (letter_fonts, access_fonts):
        assert any("DroidSansFallback" in f for f in fonts), fonts
        assert any("NotoSansEthiopic" in f for f in fonts), fonts


def test_a_name_typed_with_combining_accents_prints_composed(store: Store, tmp_path: Path) -> None:
    typed = unicodedata.normalize("NFD", "Nguyễn")
    assert len(typed) == 8  # e, circumflex, tilde: three code points
    letter, access, *_ = _pdfs(
        store, tmp_path, {"first_name": "Thị Lan", "last_name": typed}, reason="Casa"
    )
    for text in (letter, access):
        assert unicodedata.normalize("NFC", "Nguyễn") in text
        assert typed not in text


def test_emoji_print_as_their_code_point_never_as_a_box(store: Store, tmp_path: Path) -> None:
    letter, access, *_ = _pdfs(
        store,
        tmp_path,
        {"first_name": "Gianna", "last_name": "Prova", "notes": "Ha scritto 👍 e ❤️ grazie"},
        reason="Risponde solo con 😀",
    )
    for text in (letter, access):
        assert "Risponde solo con [U+1F600]" in text
    # ❤ is DejaVu's own; its emoji selector (U+FE0F) draws nothing and is left out.
    assert "Ha scritto [U+1F44D] e ❤ grazie" in access


def test_arabic_prints_joined_and_in_reading_order(store: Store, tmp_path: Path) -> None:
    letter, access, *_ = _pdfs(
        store,
        tmp_path,
        {"first_name": ARABIC_NAME, "last_name": ARABIC_FAMILY, "notes": "Dice: «أريد موعدا»."},
        reason=f"Accompagnare {ARABIC_NAME} {ARABIC_FAMILY} al consultorio.",
    )
    for text in (letter, access):
        # Joined: the letters are drawn in their contextual forms (HarfBuzz through
        # reportlab), which a reader maps back to the letters typed.
        assert sum(ord(c) in PRESENTATION_FORMS for c in text) >= 8
        plain = unicodedata.normalize("NFKC", text)
        # pypdf rebuilds the typed order only from words drawn right to left: unshaped, or
        # in typed order, they came back as "دبع", "الله عبد".
        assert f"{ARABIC_NAME} {ARABIC_FAMILY}" in plain
        assert "Accompagnare" in plain and "al consultorio." in plain
    assert "«أريد موعدا»" in unicodedata.normalize("NFKC", access)


def test_bengali_is_shaped_in_its_font(store: Store, tmp_path: Path) -> None:
    letter, access, letter_fonts, _ = _pdfs(
        store, tmp_path, {"first_name": "রহিম", "last_name": "Prova"}, reason="Scuola"
    )
    assert any("NotoSansBengali" in f for f in letter_fonts), letter_fonts
    for text in (letter, access):
        # Shaped, the vowel sign ি is drawn before the consonant it follows when typed
        # (রহিম: ra, ha, i, ma); pypdf reads the glyphs in the order they are drawn.
        assert "রিহম" in text


def test_a_word_mixing_fonts_in_a_shaped_paragraph_loses_nothing(
    store: Store, tmp_path: Path
) -> None:
    # Arabic shapes the paragraph; reportlab would shape "(王)" with the font of "(" alone.
    _, access, *_ = _pdfs(
        store,
        tmp_path,
        {"first_name": "Lin", "last_name": "Prova", "notes": f"{ARABIC_NAME} (王) ha chiamato."},
        reason="Casa",
    )
    # Every character is there (pypdf reorders the line's Arabic its own way): without the
    # cut, "王" was shaped with DejaVu's tables and came out as an empty box.
    note = access[access.index("Note") : access.index("ha chiamato.")]
    assert "王" in note and "(" in note and ")" in note
    assert ARABIC_NAME in unicodedata.normalize("NFKC", note)


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        ("Nota محمد عبد الله fine", "Nota هللا دبع دمحم fine"),
        ("شقة 12 scala B", "12 ةقش scala B"),  # a number in Arabic text stays left to right
        ("Abita qui", "Abita qui"),
        ("dice «أريد موعدا» (ufficio)", "dice «ادعوم ديرأ» (ufficio)"),
        ("محمد [1] x", "[1] دمحم x"),  # brackets in right-to-left text are mirrored
        ("שרה כהן, 3 figli", "3 ,ןהכ הרש figli"),
    ],
)
def test_lines_are_laid_out_by_the_bidirectional_algorithm(line: str, seen: str) -> None:
    assert markup.visual(line) == seen


def _drawn(value: str, width: float = 1000) -> str:
    """The glyphs reportlab draws for ``value`` in ``width`` points, left to right, as
    characters (each shaped glyph read back as the character it is mapped to), line by
    line."""
    pdf.register_fonts()
    para = markup.paragraph(value, pdf.styles()["base"])
    para.wrap(width, 1000)
    lines = para.blPara.lines
    return "\n".join("".join(str(getattr(w, "text", w)) for w in line.words) for line in lines)


@pytest.mark.parametrize(
    ("line", "seen"),
    [
        ("Nota محمد عبد الله fine", "Nota هللا دبع دمحم fine"),
        ("dice: «أريد موعدا» (ufficio).", "dice: «ادعوم ديرأ» (ufficio)."),
        ("محمد [1] x", "[1] دمحم x"),
        ("(رحيم) 2", "(ميحر) 2"),
    ],
)
def test_arabic_is_drawn_joined_with_its_brackets_the_right_way(line: str, seen: str) -> None:
    drawn = _drawn(line)
    assert any(ord(c) in PRESENTATION_FORMS for c in drawn), drawn  # joined forms
    assert unicodedata.normalize("NFKC", drawn) == seen


def test_fallback_fonts_load_only_for_a_text_that_needs_them() -> None:
    """A Latin letter costs what it did: no fallback is read from disk for it; Chinese
    loads the CJK fallback alone. In a fresh interpreter (registration is per process)."""
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from casa_desk.reports import markup\n"
        "names = lambda: sorted(n for n in pdfmetrics.getRegisteredFontNames() if 'Noto' in n"
        " or 'Droid' in n)\n"
        "markup.text('Ada Lovelace, via Rossi 3, Milano: «ok» – città')\n"
        "print(names())\n"
        "markup.text('王')\n"
        "print(names())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert out == ["[]", "['DroidSansFallback']"]


def test_the_monthly_reports_comment_prints_in_any_script(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "rapporto.pdf"
    comment = "Incontro con la comunità 中文 e أهلا بكم 👍\nSeconda riga."
    service.generate(store, "2026-10", "SAN-SIRO", out, comment=comment)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert "Incontro con la comunità 中文 e" in text
    assert "أهلا بكم" in unicodedata.normalize("NFKC", text)
    assert "[U+1F44D]" in text and "Seconda riga." in text


def test_line_ends_and_invisible_controls_print_no_code_points() -> None:
    """A note typed on Windows (CR LF), with a bidi isolate or an Arabic letter mark pasted
    in: nothing in them is drawn, so nothing is shown, and no "[U+000D]" either."""
    note = "Prima riga\r\nSeconda \u2067محمد\u2069 riga\u061c."
    for markup_text in (markup.text(note), _drawn(note)):
        assert "[U+" not in markup_text, markup_text
    assert "Prima riga" in _drawn(note) and "riga." in _drawn(note)


def test_a_wrapped_arabic_passage_reads_down_the_lines_in_order() -> None:
    """Broken into lines first, then each line ordered: the first line holds the first
    words (from the right), the next line goes on. Ordered first and broken after, the
    first line held the last words."""
    words = [f"{ARABIC_NAME}{n}" for n in range(1, 25)]  # سمير1 … سمير24: all different
    drawn = _drawn(" ".join(words), width=120).split("\n")
    assert len(drawn) > 3
    read = [w for line in drawn for w in reversed(unicodedata.normalize("NFKC", line).split())]
    # Each word is drawn right to left: its number (left to right) leftmost, then its letters.
    assert read == [f"{w[len(ARABIC_NAME) :]}{ARABIC_NAME[::-1]}" for w in words], drawn
