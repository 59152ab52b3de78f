"""One row of the Aler registry export: its columns, its checks, its problems.

:func:`clean_row` turns a CSV record into ``people`` values with the domain rules of
:func:`casa_desk.models.people.clean_person` (codice fiscale against birth date and sex, phone,
email, required names) plus what only a file has: the number of fields, the ``sesso`` words
(M/F, maschio/femmina) and dates written ``dd/mm/yyyy`` or ISO. A bad record yields every
:class:`RowProblem` at once, each with its line, its file column, a code for the UI and a
message in Italian that never repeats the person's data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.people import clean_person

#: File column → ``people`` column, in the export's order.
COLUMNS: dict[str, str] = {
    "cognome": "last_name",
    "nome": "first_name",
    "codice_fiscale": "codice_fiscale",
    "data_nascita": "birth_date",
    "sesso": "gender",
    "telefono": "phone",
    "email": "email",
    "indirizzo": "street",
    "civico": "civic",
    "scala": "stair",
    "piano": "floor",
    "interno": "flat",
    "codice_ui": "unit_code",
    "quartiere": "quartiere",
}
#: Without these a row cannot be identified or matched: their absence rejects the file.
REQUIRED_COLUMNS = ("cognome", "nome", "codice_fiscale", "data_nascita")
_FILE_COLUMN = {people: column for column, people in COLUMNS.items()}
_SEX = {"m": "M", "maschio": "M", "maschile": "M", "f": "F", "femmina": "F", "femminile": "F"}
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME_SUFFIX = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
#: The longest text a registry field may hold: the hub's cap for short text
#: (casa_desk.sync.hub.rules.SHORT_TEXT_CAP), which refuses a longer one in every change.
MAX_FIELD = 300
#: Control characters (C0 but for tab and line breaks, which a quoted cell of an export may
#: hold; DEL; C1) and the bidi overrides and isolates, which the hub refuses: a name that
#: reverses the text after it shows as another name on every screen.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class RowProblem:
    """Why one line was rejected: the file column (empty for the whole row) and a reason."""

    line: int
    column: str
    code: str
    message: str

    def describe(self) -> str:
        """``"Riga 7, codice_fiscale: L'ultimo carattere …"`` — no personal data in it."""
        where = f"Riga {self.line}, {self.column}" if self.column else f"Riga {self.line}"
        return f"{where}: {self.message}"


def clean_row(
    line: int,
    cells: tuple[str, ...],
    positions: dict[str, int],
    width: int,
    today: date | None = None,
    fields: int | None = None,
) -> tuple[dict[str, Any], list[RowProblem]]:
    """The ``people`` values of one record, or the problems that reject it (all of them).
    ``fields``: how many cells the record had, when the reader kept fewer
    (:attr:`casa_desk.imports.csvfile.CsvTable.fields`)."""
    count = fields if fields is not None else len(cells)
    if count != width and not (
        count > width and fields is None and not any(c.strip() for c in cells[width:])
    ):
        return {}, [
            RowProblem(
                line,
                "",
                "field_count",
                f"La riga ha {count} campi invece di {width}: controlli separatori e virgolette.",
            )
        ]
    values: dict[str, Any] = {COLUMNS[c]: cells[i].strip() for c, i in positions.items()}
    problems = _text_problems(line, values)
    if "gender" in values:
        sex = values["gender"].casefold()
        if sex and sex not in _SEX:
            problems.append(
                RowProblem(
                    line,
                    "sesso",
                    "gender_invalid",
                    "Il sesso deve essere M o F (oppure maschio/femmina), o vuoto se non noto.",
                )
            )
            del values["gender"]
        else:
            values["gender"] = _SEX.get(sex)
    if values.get("birth_date"):
        try:
            values["birth_date"] = parse_file_date(values["birth_date"])
        except ValidationError as exc:
            problems.append(RowProblem(line, "data_nascita", exc.code, exc.message))
            del values["birth_date"]
    cleaned, errors = _domain_check(values, today)
    problems.extend(
        RowProblem(line, _FILE_COLUMN.get(e.field, e.field), e.code, e.message) for e in errors
    )
    return ({} if problems else cleaned), sorted(problems, key=_column_order)


def _text_problems(line: int, values: dict[str, Any]) -> list[RowProblem]:
    """Fields no desk could type and the hub refuses: each is a problem of its row (and is
    blanked in ``values``, so the other checks still speak about the rest). Imported,
    such a person stayed at this office for good, every change of theirs refused by the hub."""
    problems: list[RowProblem] = []
    for field, text in list(values.items()):
        if len(text) > MAX_FIELD:
            code, message = "too_long", f"Il testo supera i {MAX_FIELD} caratteri."
        elif _UNPRINTABLE.search(text):
            code, message = "unprintable", "Contiene caratteri di controllo o di direzione."
        else:
            continue
        problems.append(RowProblem(line, _FILE_COLUMN[field], code, message))
        values[field] = "-" if field in ("last_name", "first_name") else ""  # not "missing"
    return problems


def _domain_check(
    values: dict[str, Any], today: date | None
) -> tuple[dict[str, Any], list[ValidationError]]:
    """``clean_person`` until it passes, keeping every error with its code (``cf_check``…).

    Like ``person_problems``, but the UI also gets the codes to reword. A failing field is
    dropped (a missing name gets a stand-in) and the row is checked again, so every field's
    problem is found; a good row costs one call.
    """
    errors: list[ValidationError] = []
    values = dict(values)
    while True:
        try:
            return clean_person(values, today=today), errors
        except ValidationError as exc:
            if any(e.field == exc.field for e in errors):  # cannot happen; never loop
                return {}, errors
            errors.append(exc)
            if exc.code == "required":
                values[exc.field] = "-"
            else:
                values.pop(exc.field, None)


def _column_order(problem: RowProblem) -> int:
    names = list(COLUMNS)
    return names.index(problem.column) if problem.column in names else len(names)


def parse_file_date(text: str) -> str:
    """``"05/03/1980"``, ``"5.3.1980"`` or ``"1980-03-05"`` (a time part is ignored) → ISO.

    Raises ValidationError (``date_format`` or ``date_impossible``, e.g. 31/02/1980).
    """
    text = _TIME_SUFFIX.sub("", text.strip())
    if m := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise ValidationError(
            "La data di nascita non è nel formato gg/mm/aaaa (o aaaa-mm-gg).",
            field="birth_date",
            code="date_format",
        )
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValidationError(
            "La data di nascita non esiste nel calendario (giorno o mese impossibile).",
            field="birth_date",
            code="date_impossible",
        ) from None
