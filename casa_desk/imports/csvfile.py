"""Reading a CSV file that an office received from somebody else, without asking how it is made.

Registry exports come from Excel on Windows, from web portals and from other programs, so the
same content arrives as UTF-8 with or without a byte-order mark, or as Windows-1252, with ``;``
(Excel in Italian), ``,`` or a tab (Excel's "Testo delimitato da tabulazione") between
fields. :func:`read_csv_file` detects them, refuses a file that is missing, unreadable,
empty, not text at all or quoted wrongly (a quote that never closes would take the lines
after it into one cell) with one :class:`ImportFileError` line, and keeps the physical line
number where each record starts (a quoted field may hold line breaks, so record N is not
line N), because every message to the user points at a line.

The reader knows nothing about people: :mod:`casa_desk.imports.registry` gives meaning to the
columns.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casa_desk.errors import ImportFileError

ENCODING_LABELS = {"utf-8-sig": "UTF-8 con BOM", "utf-8": "UTF-8", "cp1252": "Windows-1252"}
_BOM = b"\xef\xbb\xbf"
_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .ods
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# More control characters than this share of the text means it is not a CSV file.
_MAX_CONTROL_SHARE = 0.01
#: An accented letter as UTF-8 writes it: in a file that is not UTF-8 throughout, these are
#: UTF-8 rows among others (Windows-1252 text almost never holds such a byte pair).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_SEP_HINT = re.compile(r"sep=([;,])", re.IGNORECASE)
_SPACES = re.compile(r"[\s\-]+")
# Control characters other than tab and line breaks: a text file has (almost) none.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: A registry export of 100,000 people is about 20 MB; anything far larger is not one (and
#: ``/dev/zero`` would otherwise be read until memory runs out).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: A registry row is a few hundred characters; a longer line is not a registry row.
MAX_LINE_CHARS = 10_000
#: More records than a real export within MAX_FILE_BYTES holds (~200 bytes a row): 64 MB
#: of the shortest rows are millions of them, gigabytes once read.
MAX_ROWS = 400_000
#: The first line as :meth:`str.splitlines` ends it (splitting a whole 64 MB text to read
#: its header made a string of every line).
_FIRST_LINE = re.compile("[^\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*")


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV file: its header (normalised names) and its records with line numbers.

    ``rows`` holds ``(line, cells)`` where ``line`` is the 1-based physical line where the
    record starts (the header is line 1). Blank lines are left out, and so are the empty
    cells past the header's (a spreadsheet's empty columns). A record with more cells than
    the header and something past it keeps the header's count only (its ``cells`` say no
    more): ``fields`` holds how many it had, by line.
    """

    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    fields: dict[int, int] = field(default_factory=dict)

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)


def normalize_header(name: str) -> str:
    """``" Codice Fiscale "`` → ``"codice_fiscale"``: case, outer spaces and BOMs do not matter."""
    return _SPACES.sub("_", name.replace("\ufeff", "").strip()).lower()


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return ``(text, encoding)``: strict UTF-8 (BOM optional) first, else Windows-1252 —
    unless the bytes that are not UTF-8 sit among UTF-8 ones (two encodings in one file).

    Raises ImportFileError when the bytes are not text (NUL bytes, a spreadsheet, UTF-16,
    many control characters) or fit neither encoding. ``name`` is only used in messages.
    """
    if data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise ImportFileError(
            f'{name} è un foglio di calcolo, non un CSV: lo salvi come "CSV (delimitato)".',
            code="file_spreadsheet",
        )
    if data.startswith(_UTF16_BOMS):
        raise ImportFileError(
            f"{name} è in UTF-16: lo salvi come CSV in UTF-8 o Windows-1252.",
            code="file_encoding",
        )
    if b"\x00" in data:
        raise ImportFileError(f"{name} non è un file di testo CSV.", code="file_binary")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8-sig" if data.startswith(_BOM) else "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise ImportFileError(
                f"{name} mescola due codifiche dei caratteri (UTF-8 e un'altra, dalla riga "
                f"{line}): i nomi accentati si guasterebbero. Lo salvi di nuovo tutto in "
                "UTF-8 o tutto in Windows-1252.",
                code="file_encoding_mixed",
            ) from None
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise ImportFileError(
                f"{name}: codifica dei caratteri non riconosciuta (né UTF-8 né Windows-1252).",
                code="file_encoding",
            ) from None
    # Lines as the csv reader counts them: "\r\n", "\n" or, from Excel for Mac, "\r" alone.
    lines = enumerate(physical_lines(text), 1)
    too_long = next((n for n, t in lines if len(t.rstrip("\r\n")) > MAX_LINE_CHARS), 0)
    if too_long:
        raise ImportFileError(
            f"{name}: la riga {too_long} supera i {MAX_LINE_CHARS:,} caratteri: ".replace(",", ".")
            + "non è un'esportazione dell'anagrafe.",
            code="file_line_too_long",
        )
    controls = len(_CONTROLS.findall(text))
    if controls > max(1, len(text) * _MAX_CONTROL_SHARE):
        raise ImportFileError(f"{name} non è un file di testo CSV.", code="file_binary")
    return text, encoding


#: A line as the csv reader counts lines: ended by "\r\n", "\n" or "\r" (Excel for Mac),
#: or the last one, unended.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def physical_lines(text: str) -> Iterator[str]:
    r"""The lines of ``text`` with their endings, one at a time: what
    ``io.StringIO(text, newline="")`` yields, without its copy of the text (four bytes a
    character: 256 MB for a 64 MB file, twice, for the line check and the reader).

    >>> list(physical_lines("a\r\nb\rc\nd"))
    ['a\r\n', 'b\r', 'c\n', 'd']
    """
    return (m.group() for m in _LINE.finditer(text))


def written_out(text: str) -> str:
    r"""``text`` as a message may repeat it: each character that is not printable — a control
    (ESC starts a terminal's commands), a bidi override, a line break — written as its escape.

    A file's header comes from outside the desk; what a message quotes of it must reach a
    terminal as text, not retitle, clear or colour it.

    >>> written_out("note\x1b[2J")
    'note\\x1b[2J'
    """
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


#: The separators a header may use, the first winning a tie (``;`` when there is none).
DELIMITERS = (";", ",", "\t")


def detect_delimiter(header_line: str) -> str:
    """``;``, ``,`` or a tab, whichever the header line uses most (``;`` first on a tie,
    then ``,``; ``;`` when there is none)."""
    return max(DELIMITERS, key=header_line.count)


def delimiter_words(delimiter: str) -> str:
    """The separator as a message shows it: ``«;»``, ``«,»``, ``tabulazione``."""
    return "tabulazione" if delimiter == "\t" else f"«{delimiter}»"


def parse_csv(text: str, *, name: str = "Il file", encoding: str = "utf-8") -> CsvTable:
    """Split decoded text into header and records, tracking where each record starts."""
    if not text.strip():
        raise ImportFileError(f"{name} è vuoto.", code="file_empty")
    first_line = m.group() if (m := _FIRST_LINE.match(text)) else ""
    # Excel may put a "sep=;" line before the header; the header is then on line 2.
    hint = _SEP_HINT.fullmatch(first_line.strip())
    delimiter = hint.group(1) if hint else detect_delimiter(first_line)
    # strict: a quote opened and never closed, or text after a closing quote, is an error.
    # Without it the reader took every line up to the next quote into one cell, and the
    # people on those lines vanished without a word (or sat in a neighbour's address).
    reader = csv.reader(physical_lines(text), delimiter=delimiter, strict=True)
    rows: list[tuple[int, tuple[str, ...]]] = []
    fields: dict[int, int] = {}
    previous = 0
    try:
        if hint:
            next(reader)
        header = tuple(normalize_header(h) for h in next(reader, []))
        width = len(header)
        previous = reader.line_num
        for cells in reader:
            start, previous = previous + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width:  # up to 5,000 cells in a line: keep the header's only
                if any(c.strip() for c in cells[width:]):
                    fields[start] = len(cells)
                del cells[width:]
            rows.append((start, tuple(cells)))
            if len(rows) > MAX_ROWS:
                raise ImportFileError(
                    f"{name} ha più di {MAX_ROWS:,} righe di dati: ".replace(",", ".")
                    + "non è un'esportazione dell'anagrafe di un ufficio. La divida in più "
                    "file.",
                    code="file_too_many_rows",
                )
    except csv.Error:
        raise ImportFileError(
            f"{name} non è un CSV leggibile dalla riga {previous + 1}: "
            "controlli le virgolette (una aperta e mai chiusa, o del testo subito dopo "
            "quella di chiusura).",
            code="file_csv",
        ) from None
    return CsvTable(
        encoding=encoding, delimiter=delimiter, header=header, rows=tuple(rows), fields=fields
    )


def read_csv_file(path: str | Path) -> CsvTable:
    """Read and decode the CSV file at ``path``; every whole-file problem is one ImportFileError."""
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ImportFileError(f"File non trovato: {path}", code="file_missing")
    if path.is_dir():
        raise ImportFileError(f"{path} è una cartella, non un file.", code="file_unreadable")
    if not path.is_file():  # a device (/dev/zero), a pipe: no end, or not a file at all
        raise ImportFileError(f"{path} non è un file normale.", code="file_unreadable")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ImportFileError(
            f"Impossibile leggere {path}: {exc.strerror or exc}", code="file_unreadable"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{name} è troppo grande (oltre {MAX_FILE_BYTES // (1024 * 1024)} MB): "
            "non è un'esportazione dell'anagrafe.",
            code="file_too_large",
        )
    if not data.strip() or data.strip() == _BOM:
        raise ImportFileError(f"{name} è vuoto.", code="file_empty")
    text, encoding = decode(data, name)
    del data  # 64 MB that parsing need not hold beside the text
    return parse_csv(text, name=name, encoding=encoding)
