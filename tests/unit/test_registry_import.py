"""The registry import (``casa-desk import-people``) over real files written by the tests.

Files are written in every encoding and separator the offices meet (UTF-8 with and without
BOM, Windows-1252; ``;`` and ``,``; dd/mm/yyyy and ISO dates); bad rows of every kind sit at
known physical lines, after a quoted address that spans two lines, so a line-counting mistake
shows. Names are synthetic; codici fiscali are built with ``make_cf``.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from login_helpers import USER, new_store, open_store

from casa_desk import paths
from casa_desk.cli import main
from casa_desk.errors import ImportFileError
from casa_desk.imports.csvfile import parse_csv
from casa_desk.imports.registry import (
    ImportResult,
    import_people,
    import_registry,
    read_registry_file,
)
from casa_desk.models.codice_fiscale import make_cf

HEADER = [
    "cognome",
    "nome",
    "codice_fiscale",
    "data_nascita",
    "sesso",
    "telefono",
    "email",
    "indirizzo",
    "civico",
    "scala",
    "piano",
    "interno",
    "codice_ui",
    "quartiere",
]
SAMPLE = paths.sample_path()


def person(
    last: str, first: str, born: date, sex: str, *, iso: bool = False, **cells: str
) -> dict[str, str]:
    """One export row as ``{column: cell}`` with a valid codice fiscale."""
    row = {
        "cognome": last,
        "nome": first,
        "codice_fiscale": make_cf(last, first, born, sex, "F205"),
        "data_nascita": born.isoformat() if iso else born.strftime("%d/%m/%Y"),
        "sesso": sex,
        "telefono": "333 123 4567",
        "email": "",
        "indirizzo": "Via dei Glicini",
        "civico": "12",
        "scala": "B",
        "piano": "3",
        "interno": "7",
        "codice_ui": "SS-0001",
        "quartiere": "San Siro",
    }
    row.update(cells)
    return row


def line(row: dict[str, str] | list[str], sep: str = ";", header: list[str] = HEADER) -> str:
    cells = [row.get(c, "") for c in header] if isinstance(row, dict) else row
    quoted = [f'"{c}"' if (sep in c or "\n" in c or '"' in c) else c for c in cells]
    return sep.join(quoted)


def write(
    path: Path,
    rows: list[Any],
    *,
    encoding: str = "utf-8",
    sep: str = ";",
    header: list[str] = HEADER,
    header_text: str | None = None,
) -> Path:
    """Write a real CSV file (CRLF, as Excel does) and return its path."""
    lines = [header_text if header_text is not None else sep.join(header)]
    lines += [r if isinstance(r, str) else line(r, sep, header) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A closed store file of the office SAN-SIRO."""
    path = tmp_path / "store.sqlite"
    with new_store(path) as store:
        store.set_meta("presidio", "SAN-SIRO")
    return path


def people(db: Path) -> list[dict[str, Any]]:
    with open_store(db) as store:
        return store.query("SELECT * FROM people ORDER BY last_name, first_name")


def outbox(db: Path) -> list[dict[str, Any]]:
    with open_store(db) as store:
        return store.query("SELECT * FROM sync_outbox WHERE table_name = 'people' ORDER BY seq")


def run(*argv: str) -> int:
    return main(["import-people", *argv])


GOOD = [
    person("Brambillò", "Nicolò", date(1980, 3, 5), "M"),
    person(
        "Zanettà",
        "Licia",
        date(1975, 12, 31),
        "F",
        telefono="02 1234 5678",
        email="licia@example.org",
    ),
    person("D'Orsoni", "Giosuè", date(2001, 7, 14), "M", sesso="maschio", telefono=""),
]


# -- encodings, separators, dates ------------------------------------------------------------
@pytest.mark.parametrize(
    "case",
    [
        ("utf-8-sig", ";", False),
        ("utf-8", ",", True),
        ("cp1252", ";", True),
        ("cp1252", ",", False),
        ("utf-8-sig", ",", False),
    ],
)
def test_good_file_in_every_encoding_and_separator(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, str, bool]
) -> None:
    encoding, sep, iso = case
    rows = [
        {
            **r,
            "data_nascita": date(*map(int, reversed(r["data_nascita"].split("/")))).isoformat()
            if iso
            else r["data_nascita"],
        }
        for r in GOOD
    ]
    rows[0]["indirizzo"] = "Via dei Glicini, lato\ncortile"  # quoted, with sep and newline
    path = write(tmp_path / "anagrafe.csv", rows, encoding=encoding, sep=sep)

    assert run(str(path), "--db", str(db)) == 0
    out = capsys.readouterr().out
    assert "Importate 3 nuove persone, aggiornate 0, invariate 0, scartate 0 righe." in out
    stored = {p["first_name"]: p for p in people(db)}
    assert set(stored) == {"Nicolò", "Licia", "Giosuè"}  # accents survived: encoding detected
    nicolo = stored["Nicolò"]
    assert nicolo["last_name"] == "Brambillò"
    assert nicolo["birth_date"] == "1980-03-05"
    assert nicolo["gender"] == "M"
    assert nicolo["phone"] == "+393331234567"
    assert nicolo["street"] == "Via dei Glicini, lato\ncortile"
    address = (nicolo["civic"], nicolo["stair"], nicolo["floor"], nicolo["flat"])
    assert address == ("12", "B", "3", "7")
    assert (nicolo["unit_code"], nicolo["quartiere"]) == ("SS-0001", "San Siro")
    assert nicolo["presidio"] == "SAN-SIRO"
    assert stored["Licia"]["phone"] == "+390212345678"
    assert stored["Licia"]["email"] == "licia@example.org"
    assert stored["Giosuè"]["gender"] == "M" and stored["Giosuè"]["phone"] is None


def test_header_is_case_insensitive_reordered_and_extra_columns_ignored(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = ["nome", "cognome", "data_nascita", "codice_fiscale", "sesso", "note_interne"]
    text = " Nome ; COGNOME;Data_Nascita ;Codice Fiscale;SESSO;note_interne"
    path = write(
        tmp_path / "a.csv", [GOOD[0]], header=header, header_text=text, encoding="utf-8-sig"
    )
    assert run(str(path), "--db", str(db)) == 0
    assert "Colonne ignorate: note_interne." in capsys.readouterr().out
    assert [p["last_name"] for p in people(db)] == ["Brambillò"]


# -- bad rows -------------------------------------------------------------------------------
def bad_file(tmp_path: Path, encoding: str = "cp1252") -> Path:
    ok = GOOD[0]
    wrong_check = make_cf("Pelosini", "Mattia", date(1990, 1, 2), "M", "F205")
    wrong_check = wrong_check[:15] + ("A" if wrong_check[15] != "A" else "B")
    rows: list[Any] = [
        {**ok, "indirizzo": "Via dei Glicini\nscala interna"},  # line 2-3
        person("Pelosini", "Mattia", date(1990, 1, 2), "M", codice_fiscale=wrong_check),  # 4
        person("Galbiatti", "Noemi", date(1985, 4, 9), "F", data_nascita="10/04/1985"),  # 5
        person("Colombetti", "Ilenia", date(1970, 6, 1), "F", sesso="M"),  # 6
        person("Riccardini", "Sara", date(1980, 2, 1), "F", data_nascita="31/02/1980"),  # 7
        person("", "Marta", date(1966, 9, 9), "F", codice_fiscale=""),  # 8
        person("Bossetti", "Elia", date(1999, 5, 5), "M", telefono="12ab"),  # 9
        person("Martelli", "Pia", date(1950, 8, 8), "F", sesso="donna"),  # 10
        "Ferrabo;Ugo;;01/01/1960;M",  # 11: wrong number of fields
        person("Lamberti", "Ada", date(1961, 3, 3), "F", data_nascita="3 marzo 1961"),  # 12
        person("Tognetti", "Rino", date(1962, 3, 3), "M", email="rino@"),  # 13
        "",  # 14: blank line, skipped
        {**ok, "telefono": "347 000 1111"},  # 15: same person as line 2
        person("Brusati", "Eva", date(1994, 10, 10), "F", codice_fiscale="", telefono=""),  # 16
        person("BRUSATI", "éva", date(1994, 10, 10), "F", codice_fiscale=""),  # 17: same as 16
        person("Sala", "Ivo", date(2000, 1, 1), "M", data_nascita="01/01/2100"),  # 18: future
    ]
    return write(tmp_path / "bad.csv", rows, encoding=encoding)


EXPECTED_BAD = {
    (4, "codice_fiscale", "ultimo carattere"),
    (5, "codice_fiscale", "data di nascita"),
    (6, "codice_fiscale", "sesso"),
    (7, "data_nascita", "non esiste nel calendario"),
    (8, "cognome", "cognome è obbligatorio"),
    (9, "telefono", "telefono non valido"),
    (10, "sesso", "M o F"),
    (11, "", "5 campi invece di 14"),
    (12, "data_nascita", "gg/mm/aaaa"),
    (13, "email", "email non è valido"),
    (15, "", "stessa persona della riga 2 (stesso codice fiscale)"),
    (17, "", "stessa persona della riga 16 (stessi cognome, nome e data di nascita)"),
    (18, "data_nascita", "futuro"),
}


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_every_bad_row_is_reported_with_its_line_and_reason(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    path = bad_file(tmp_path, encoding)
    assert run(str(path), "--db", str(db)) == 2
    out = capsys.readouterr().out
    report = [x for x in out.splitlines() if x.startswith("Riga ")]
    assert len(report) == len(EXPECTED_BAD)
    for number, column, words in EXPECTED_BAD:
        where = f"Riga {number}, {column}: " if column else f"Riga {number}: "
        assert any(x.startswith(where) and words in x for x in report), (number, out)
    assert "Importate 2 nuove persone, aggiornate 0, invariate 0, scartate 13 righe." in out
    assert {p["first_name"] for p in people(db)} == {"Nicolò", "Eva"}
    # No personal data in the report: names, codici fiscali, phones, addresses.
    text = path.read_bytes().decode(encoding)
    for secret in (
        "Pelosini",
        "Galbiatti",
        "Colombetti",
        "Bossetti",
        "12ab",
        "rino@",
        "Glicini",
        "Brusati",
        GOOD[0]["codice_fiscale"],
        "347 000 1111",
    ):
        assert secret in text and secret not in out


def test_problems_come_back_as_data(db: Path, tmp_path: Path) -> None:
    with open_store(db) as store:
        result = import_people(store, bad_file(tmp_path), by=USER)
    assert isinstance(result, ImportResult)
    assert {(p.line, p.column) for p in result.problems} == {(n, c) for n, c, _ in EXPECTED_BAD}
    assert (result.created, result.updated, result.unchanged, result.rejected) == (2, 0, 0, 13)
    assert result.rows == 15 and not result.ok and result.encoding == "Windows-1252"
    codes = {p.line: p.code for p in result.problems}
    assert codes == {
        4: "cf_check",
        5: "cf_birth_date",
        6: "cf_gender",
        7: "date_impossible",
        8: "required",
        9: "phone_invalid",
        10: "gender_invalid",
        11: "field_count",
        12: "date_format",
        13: "email_invalid",
        15: "duplicate_row",
        17: "duplicate_row",
        18: "date_future",
    }


# -- re-import ------------------------------------------------------------------------------
def test_reimport_creates_no_duplicates_and_updates_only_what_changed(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "a.csv", GOOD)
    assert run(str(path), "--db", str(db)) == 0
    assert run(str(path), "--db", str(db)) == 0
    assert "Importate 0 nuove persone, aggiornate 0, invariate 3, scartate 0 righe." in (
        capsys.readouterr().out
    )
    changed = [
        {**GOOD[0], "telefono": "347 765 4321"},
        {**GOOD[1], "email": "", "telefono": ""},  # empty cells do not erase
        GOOD[2],
    ]
    write(path, changed, encoding="cp1252", sep=",")
    assert run(str(path), "--db", str(db)) == 0
    assert "Importate 0 nuove persone, aggiornate 1, invariate 2, scartate 0 righe." in (
        capsys.readouterr().out
    )
    stored = {p["first_name"]: p for p in people(db)}
    assert len(stored) == 3 and len(people(db)) == 3
    assert stored["Nicolò"]["phone"] == "+393477654321"
    assert stored["Licia"]["email"] == "licia@example.org"
    assert stored["Licia"]["phone"] == "+390212345678"
    updates = [c for c in outbox(db) if c["op"] == "update"]
    assert len(updates) == 1
    assert updates[0]["row_id"] == stored["Nicolò"]["id"]
    assert set(json.loads(updates[0]["data"])) == {"phone", "updated_at"}
    with open_store(db) as store:  # each import that wrote is audited, by counts only
        reasons = [
            r["reason"]
            for r in store.query(
                "SELECT reason FROM audit_log WHERE table_name = 'people' ORDER BY at"
            )
        ]
    assert reasons == [
        "importazione anagrafe: 3 nuove, 0 aggiornate",
        "importazione anagrafe: 0 nuove, 1 aggiornate",
    ]


def test_match_by_normalised_name_and_birth_date_fills_the_codice_fiscale(
    db: Path, tmp_path: Path
) -> None:
    born = date(1958, 11, 20)
    with open_store(db) as store, store.transaction() as j:
        j.insert(
            "people",
            {"last_name": "DORSONI", "first_name": "LUCIA", "birth_date": born.isoformat()},
            presidio="SAN-SIRO",
        )
        j.insert(
            "people",
            {
                "last_name": "Sala",
                "first_name": "Ivo",
                "birth_date": "1940-01-01",
                "codice_fiscale": make_cf("Sala", "Ivo", date(1940, 1, 1), "M", "H501"),
            },
            presidio="SAN-SIRO",
        )
        gone = j.insert(
            "people",
            {"last_name": "Neri", "first_name": "Ada", "birth_date": "1941-02-02"},
            presidio="SAN-SIRO",
        )
        j.delete("people", gone["id"])
    rows = [
        person("D'Orsoni", "Lùcia", born, "F"),  # matches DORSONI LUCIA by name + date
        person("Sala", "Ivo", date(1940, 1, 1), "M"),  # same name and date, other CF: new
        person("Neri", "Ada", date(1941, 2, 2), "F"),  # the deleted one is not matched
    ]
    with open_store(db) as store:
        result = import_people(store, write(tmp_path / "a.csv", rows), by=USER)
    assert (result.created, result.updated, result.unchanged) == (2, 1, 0)
    live = [p for p in people(db) if not p["deleted"]]
    assert len(live) == 4
    lucia = next(p for p in live if p["first_name"] in ("LUCIA", "Lùcia"))
    assert lucia["codice_fiscale"] == rows[0]["codice_fiscale"]


# -- dry run, exit codes, whole-file errors ---------------------------------------------------
def test_dry_run_writes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_file(tmp_path)
    before = db.read_bytes()
    assert run(str(path), "--db", str(db), "--dry-run") == 2
    out = capsys.readouterr().out
    assert (
        "Simulazione: sarebbero importate 2 nuove persone, aggiornate 0, invariate 0, "
        "scartate 13 righe. Nessuna modifica salvata." in out
    )
    assert "Riga 4, codice_fiscale:" in out
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    with open_store(db) as store:
        assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 0
        outbox = store.query("SELECT count(*) AS n FROM sync_outbox")[0]["n"]
        result = import_people(store, path, dry_run=True, by=USER)
        assert store.query("SELECT count(*) AS n FROM sync_outbox")[0]["n"] == outbox
    assert result.dry_run and result.created == 2


def test_exit_zero_when_all_rows_imported_and_two_when_some_rejected(
    db: Path, tmp_path: Path
) -> None:
    assert run(str(write(tmp_path / "ok.csv", GOOD)), "--db", str(db)) == 0
    assert run(str(bad_file(tmp_path)), "--db", str(db)) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "File non trovato"),
        (b"", "vuoto"),
        (b"\xef\xbb\xbf\r\n  \r\n", "vuoto"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "non è un file di testo"),
        (b"PK\x03\x04\x14\x00\x06\x00", "foglio di calcolo"),
        (b"\xff\xfec\x00o\x00", "UTF-16"),
        (b"cognome;nome\r\nRossetti;Ada\r\n", "mancano le colonne: codice_fiscale, data_nascita"),
        (";".join(HEADER).encode() + b"\r\n", "solo l'intestazione"),
        (b"cognome;cognome;nome;codice_fiscale;data_nascita\r\nA;A;B;;\r\n", "due volte"),
    ],
)
def test_whole_file_errors_exit_one_with_one_line_and_write_nothing(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    words: str,
) -> None:
    path = tmp_path / "in.csv"
    if content is not None:
        path.write_bytes(content)
    before = db.read_bytes()
    assert run(str(path), "--db", str(db)) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err, err
    assert db.read_bytes() == before


def test_unreadable_file_is_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(str(tmp_path), "--db", str(db)) == 1
    assert "cartella" in capsys.readouterr().err


def test_presidio_defaults_to_the_store_and_unknown_codes_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "a.csv", GOOD)
    bare = tmp_path / "bare.sqlite"
    new_store(bare, presidio=None).close()
    assert run(str(path), "--db", str(bare)) == 1
    assert "--presidio" in capsys.readouterr().err
    assert run(str(path), "--db", str(bare), "--presidio", "ATLANTIDE") == 1
    err = capsys.readouterr().err
    assert "ATLANTIDE" in err and "SAN-SIRO" in err and "GRATOSOGLIO" in err
    assert run(str(path), "--db", str(bare), "--presidio", "mazzini") == 0
    assert {p["presidio"] for p in people(bare)} == {"MAZZINI"}
    assert {p["scope"] for p in people(bare)} == {"shared"}


# -- journal, progress, cancel ---------------------------------------------------------------
def test_every_write_is_captured_in_the_outbox(db: Path, tmp_path: Path) -> None:
    path = bad_file(tmp_path)
    assert run(str(path), "--db", str(db)) == 2
    write(path, [{**GOOD[0], "telefono": "347 000 2222", "scala": "C"}])
    assert run(str(path), "--db", str(db)) == 0
    rows, changes = people(db), outbox(db)
    assert sorted(c["row_id"] for c in changes if c["op"] == "insert") == sorted(
        p["id"] for p in rows
    )
    (update,) = [c for c in changes if c["op"] == "update"]
    # The first import took the two-line address of bad_file(); this file has the short one.
    assert set(json.loads(update["data"])) == {"phone", "stair", "street", "updated_at"}
    assert all(p["hlc"] == max(c["hlc"] for c in changes if c["row_id"] == p["id"]) for p in rows)


def test_progress_reaches_total_and_cancel_rolls_everything_back(db: Path, tmp_path: Path) -> None:
    registry = read_registry_file(write(tmp_path / "a.csv", GOOD))
    seen: list[tuple[int, int]] = []
    with open_store(db) as store:
        with pytest.raises(ImportFileError, match="annullata"):
            import_registry(store, registry, by=USER, cancel=lambda: True)
        assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == 0
        result = import_registry(
            store, registry, by=USER, progress=lambda d, t: seen.append((d, t))
        )
    assert result.created == 3
    assert seen[-1] == (6, 6)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# -- the sample shipped for the README ---------------------------------------------------------
def test_sample_file_imports_with_its_bad_rows_reported(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert SAMPLE.read_bytes().decode("cp1252").count("\n") == 11  # header + 10 rows
    assert run(str(SAMPLE), "--db", str(db)) == 2
    out = capsys.readouterr().out
    assert "codifica Windows-1252, separatore «;»" in out
    assert "Importate 7 nuove persone, aggiornate 0, invariate 0, scartate 3 righe." in out
    assert [x.split(":")[0] for x in out.splitlines() if x.startswith("Riga ")] == [
        "Riga 5, codice_fiscale",
        "Riga 8, data_nascita",
        "Riga 11, telefono",
    ]


# -- line numbers under any quoting ----------------------------------------------------------
_CELL = st.text(alphabet='ab ;,"\n\r', max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("xyz"), _CELL, _CELL), min_size=1, max_size=8),
    st.sampled_from([";", ",", "\t"]),
)
def test_records_start_on_the_physical_line_where_they_begin(
    records: list[tuple[str, str, str]], sep: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n")
    writer.writerow(["cognome", "nome", "indirizzo"])
    expected, line_no = [], 2
    for record in records:
        start = buffer.tell()
        writer.writerow(record)
        expected.append(line_no)
        written = buffer.getvalue()[start:]
        line_no += len(written.splitlines())
    table = parse_csv(buffer.getvalue())
    assert table.delimiter == sep
    assert [n for n, _ in table.rows] == expected
    assert [cells for _, cells in table.rows] == [tuple(r) for r in records]


def test_missing_store_is_one_line_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "a.csv", GOOD)
    for extra in ([], ["--dry-run"]):
        assert run(str(path), "--db", str(tmp_path / "none.sqlite"), *extra) == 1
        assert "Archivio non trovato" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite").exists()


def test_help_describes_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run("--help")
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--dry-run" in out and "--presidio" in out and "cognome;nome;codice_fiscale" in out


def test_a_tab_separated_excel_export_is_read(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel's "Testo (delimitato da tabulazione)": every required column was said to be
    missing, with "separatore rilevato «;»"; the tab is a separator like ``;`` and ``,``."""
    path = write(tmp_path / "a.txt", GOOD, sep="\t", encoding="cp1252")
    assert run(str(path), "--db", str(db)) == 0
    out = capsys.readouterr().out
    assert "codifica Windows-1252, separatore tabulazione," in out
    assert "Importate 3 nuove persone" in out
    assert {p["last_name"] for p in people(db)} == {r["cognome"] for r in GOOD}
    # a header without the required names says which separator it was read with
    path.write_bytes(b"cognome\tnome\r\nRossetti\tAda\r\n")
    assert run(str(path), "--db", str(db)) == 1
    err = capsys.readouterr().err
    assert "codice_fiscale, data_nascita (separatore rilevato: tabulazione)" in err


def test_excel_sep_hint_line_is_honoured_and_counted(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {**GOOD[1], "telefono": "12ab"}
    text = "sep=,\r\n" + ",".join(HEADER)
    path = write(tmp_path / "a.csv", [GOOD[0], bad], sep=",", header_text=text, encoding="cp1252")
    assert run(str(path), "--db", str(db)) == 2
    out = capsys.readouterr().out
    assert "Riga 4, telefono:" in out and "separatore «,»" in out


def test_text_the_hub_refuses_rejects_its_row(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A field past the hub's short-text cap, or holding a control or bidi character, was
    imported: the person stayed at this office for good (the hub refuses every change of
    theirs), and a right-to-left override showed the name reversed. Now each rejects its
    row, said by column without the text; the other rows are imported."""
    from casa_desk.imports.registry_rows import MAX_FIELD
    from casa_desk.sync.hub.rules import SHORT_TEXT_CAP

    assert MAX_FIELD == SHORT_TEXT_CAP
    good = person("Ferrandi", "Lia", date(1970, 1, 2), "F")
    rows = [
        good,
        person("Q" * (MAX_FIELD + 1), "Ada", date(1971, 3, 4), "F"),
        person("Riva", "Bea\u202etrice", date(1972, 5, 6), "F"),
        person("Sala", "Ciro", date(1973, 7, 8), "M", indirizzo="Via\x1b[2J Roma"),
    ]
    path = write(tmp_path / "anagrafe.csv", rows)
    assert run(str(path), "--db", str(db)) == 2
    report = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Riga ")]
    assert report == [
        f"Riga 3, cognome: Il testo supera i {MAX_FIELD} caratteri.",
        "Riga 4, nome: Contiene caratteri di controllo o di direzione.",
        "Riga 5, indirizzo: Contiene caratteri di controllo o di direzione.",
    ]
    assert [p["last_name"] for p in people(db)] == ["Ferrandi"]


@pytest.mark.parametrize("column", ["indirizzo", "quartiere"])
def test_a_stray_quote_refuses_the_file_instead_of_swallowing_the_rows_after_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], column: str
) -> None:
    """A cell typed ``"Via dei Glicini`` (an opening quote never closed) made the csv reader
    take every following line, up to the next quote or the end of the file, into that cell:
    the people on those lines were not imported, nothing said so (exit 0, "scartate 0"), and
    their names and codici fiscali were stored in one neighbour's address, synced to every
    office. Now the file is refused whole, at the line where the quote opens."""
    rows: list[Any] = [
        GOOD[0],
        {**GOOD[1], column: '"' + GOOD[1][column]},  # line 3: the quote that never closes
        person("Neri", "Paolo", date(1972, 3, 3), "M"),
        {**person("Gialli", "Ugo", date(1973, 4, 4), "M"), column: f'"{GOOD[0][column]}"'},
        GOOD[2],
    ]
    lines = [";".join(HEADER)] + [";".join(r[c] for c in HEADER) for r in rows]
    path = tmp_path / "anagrafe.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    before = db.read_bytes()
    for last in (True, False):  # the quote closed by a later cell, or open to the end
        if not last:
            path.write_bytes(("\r\n".join(lines[:4]) + "\r\n").encode("cp1252"))
        assert run(str(path), "--db", str(db)) == 1
        err = capsys.readouterr().err
        assert "dalla riga 3" in err and "virgolette" in err, err
        assert db.read_bytes() == before


def test_a_file_with_old_mac_line_ends_is_read_like_any_other(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Excel for Mac's "CSV (Macintosh)" ends lines with a carriage return alone. The reader
    reads those lines, but the line-length check split on line feeds only, so a file of more
    than 10,000 characters was one long line: refused as "not a registry export"."""
    rows = [
        person("Colombo", "Anna", date(1970, 1, 1) + timedelta(days=i), "F") for i in range(120)
    ]
    rows[5]["telefono"] = "12ab"  # line 7: the line numbers count carriage returns
    text = "\r".join([";".join(HEADER)] + [line(r) for r in rows]) + "\r"
    assert len(text) > 10_000
    path = tmp_path / "anagrafe.csv"
    path.write_bytes(text.encode("cp1252"))
    assert run(str(path), "--db", str(db)) == 2
    out = capsys.readouterr().out
    assert "Riga 7, telefono:" in out and "Importate 119 nuove persone" in out, out
    assert len(people(db)) == 119


def test_a_file_mixing_utf8_and_windows_1252_is_refused_not_read_as_mojibake(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A UTF-8 export with rows added in Windows-1252 (typed in Notepad, pasted from
    another export): one byte that is not UTF-8 made the whole file read as Windows-1252,
    so every accented name in it became "BrambillÃ²" — silently, and over the right names
    already in the store ("aggiornate 3"), synced to every office from there."""
    assert run(str(write(tmp_path / "utf8.csv", GOOD)), "--db", str(db)) == 0
    before = people(db)
    added = line(person("Sacchè", "Ada", date(1979, 4, 5), "F")).encode("cp1252")
    path = write(tmp_path / "misto.csv", GOOD)
    path.write_bytes(path.read_bytes() + added + b"\r\n")  # line 5
    capsys.readouterr()
    assert run(str(path), "--db", str(db)) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "codifiche" in err and "riga 5" in err, err
    assert people(db) == before
    assert {p["last_name"] for p in before} == {"Brambillò", "Zanettà", "D'Orsoni"}
    # A file that is Windows-1252 throughout is read as it always was.
    assert run(str(write(tmp_path / "ansi.csv", GOOD, encoding="cp1252")), "--db", str(db)) == 0
    assert people(db) == before


def test_a_codice_fiscale_already_anothers_does_not_rename_her(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A row whose codice fiscale is that of a person in the store whose surname and first
    name are both different is someone else's (a typo in the export, a code copied from the
    row above): it is refused, and the stored person keeps her name, phone and address.
    Before, the row matched her by the code alone and "updated" her into another person
    ("aggiornate 1"): Rossetti Anna became Bianchi Mario, with his phone and his address.
    The same person with her names corrected, shortened or swapped still updates."""
    anna = person("Rossetti", "Anna", date(1980, 1, 1), "F", sesso="")
    write(tmp_path / "a.csv", [anna])
    assert run(str(tmp_path / "a.csv"), "--db", str(db)) == 0
    before = people(db)
    capsys.readouterr()
    other = {**anna, "cognome": "Bianchi", "nome": "Mario", "telefono": "347 999 8888",
             "indirizzo": "Via Altra"}  # fmt: skip
    write(tmp_path / "b.csv", [other])
    assert run(str(tmp_path / "b.csv"), "--db", str(db)) == 2
    out = capsys.readouterr().out
    assert (
        "Riga 2, codice_fiscale: Il codice fiscale è già di una persona in archivio con "
        "cognome e nome diversi: controllare il codice fiscale (o correggere a mano la "
        "scheda, se è la stessa persona)."
    ) in out
    assert "Importate 0 nuove persone, aggiornate 0, invariate 0, scartate 1 righe." in out
    assert "Bianchi" not in out and "Mario" not in out and anna["codice_fiscale"] not in out
    assert people(db) == before
    for same in (
        {**anna, "nome": "Anna Maria"},  # her names completed
        {**anna, "cognome": "Anna", "nome": "Rossetti"},  # the columns swapped
        {**anna, "cognome": "Rossetti Bianchi", "nome": "Annamaria"},
    ):
        write(tmp_path / "c.csv", [same])
        assert run(str(tmp_path / "c.csv"), "--db", str(db)) == 0, same
        [stored] = people(db)
        assert (stored["last_name"], stored["first_name"]) == (same["cognome"], same["nome"])


def test_two_rows_with_one_codice_fiscale_and_other_names_are_not_called_one_person(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Within one file, a later row with an earlier row's code but neither of its names was
    refused as "the same person as row 2": it is someone else, or the code is wrong."""
    anna = person("Rossetti", "Anna", date(1980, 1, 1), "F", sesso="")
    other = {**anna, "cognome": "Bianchi", "nome": "Mario"}
    write(tmp_path / "a.csv", [anna, other, {**anna, "telefono": "347 000 1111"}])
    assert run(str(tmp_path / "a.csv"), "--db", str(db)) == 2
    out = capsys.readouterr().out
    assert (
        "Riga 3, codice_fiscale: Il codice fiscale è già quello della riga 2, con cognome e "
        "nome diversi: controllare il codice fiscale."
    ) in out
    same = "Riga 4: Riga duplicata: è la stessa persona della riga 2 (stesso codice fiscale)."
    assert same in out
    assert [(p["last_name"], p["first_name"]) for p in people(db)] == [("Rossetti", "Anna")]
