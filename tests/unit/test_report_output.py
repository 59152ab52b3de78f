"""The report files: PDF read back with pypdf, CSV shape, the CLI's refusals, the letter."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import report_fixture
from login_helpers import USER, new_store, open_store, session_for
from pypdf import PdfReader

from casa_desk.cli import main
from casa_desk.errors import ReportError
from casa_desk.models.timeutil import today_rome
from casa_desk.reports import service
from casa_desk.reports.model import Month

HEADLINE_ITEMS = [
    "contacts",
    "people",
    "new_people",
    "anonymous_contacts",
    "referrals_sent",
    "referrals_taken_in_charge",
    "referrals_closed",
    "median_days_to_take_in_charge",
    "overdue_follow_ups",
]


def generate(db: Path, *args: object, **kwargs: object) -> service.ReportFiles:
    """``service.generate`` on the store at ``db``, opened as the CLI opens it."""
    with open_store(db, check_integrity=False) as store:
        return service.generate(store, *args, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    path = Path(tmp_path_factory.mktemp("output")) / "store.sqlite"
    store = new_store(path)
    info = report_fixture.build(store)
    store.close()
    yield path, info


def pdf_text(path: Path) -> str:
    """All pages' text, whitespace collapsed (table cells come out on separate lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_pdf_shows_month_office_programme_and_totals(built, tmp_path: Path) -> None:
    db, info = built
    out, out_csv = tmp_path / "r.pdf", tmp_path / "r.csv"
    files = generate(
        db,
        "2026-10",
        "SAN-SIRO",
        out,
        out_csv=out_csv,
        comment="Commento: più richieste d'aiuto.",
        generated_on=date(2026, 11, 3),
    )
    text = pdf_text(out)
    assert "ottobre 2026" in text
    assert "Presidio C.A.S.A. San Siro" in text
    # The store's programme (head office's default: 2021–2027) with its references.
    assert "PR FSE+ 2021-2027" in text and "Fondo sociale europeo Plus" in text
    assert "Cofinanziato dall'Unione europea" in text and "CUP non indicato" in text
    assert "Generato il 03/11/2026" in text
    reader = PdfReader(out)
    assert f"Pagina 1 di {len(reader.pages)}" in text
    assert "Dati aggregati" in text
    assert "Commento: più richieste d'aiuto." in text
    contacts = next(r for r in files.report.headline if r.code == "contacts")
    assert f"Contatti {contacts.value}" in text
    # Totals of the tables are printed.
    assert f"Totale {contacts.value}" in text
    # Never a name, a codice fiscale, a phone, an address of a person.
    for name in info["last_names"]:
        assert name not in text
    assert "+39" not in text and "Via Finta" not in text
    # A4 and fonts embedded (TrueType subset of DejaVu).
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert all("DejaVuSans" in f for f in embedded_fonts(out))


def test_generation_time_is_rome_partial_weeks_say_so_activity_leads(
    built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 9, item 14: on a PC set to UTC the report still says the office's time; the
    month's first and last weeks say how many days they have; activity comes first."""
    from datetime import datetime

    from casa_desk.models.timeutil import ROME

    monkeypatch.setenv("TZ", "UTC")
    db, _info = built
    out = tmp_path / "r.pdf"
    before = datetime.now(ROME)
    files = generate(db, "2026-10", "SAN-SIRO", out)
    after = datetime.now(ROME)
    text = pdf_text(out)
    stamps = {f"alle {t:%H:%M} (ora italiana)" for t in (before, after)}
    assert any(stamp in text for stamp in stamps), text[:400]
    assert "01–04/10, 4 giorni" in text and "26–31/10, 6 giorni" in text
    codes = [row.code for row in files.report.headline]
    assert codes[0] == "contacts" and codes[-1] == "overdue_follow_ups"
    first_page = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert first_page.index("Contatti") < first_page.index("Richiami scaduti")


def test_consolidated_report_and_csv_shape(built, tmp_path: Path) -> None:
    db, _ = built
    out, out_csv = tmp_path / "all.pdf", tmp_path / "all.csv"
    files = generate(db, "2026-10", None, out, out_csv=out_csv, generated_on=date(2026, 11, 3))
    assert "Tutti i presidi" in pdf_text(out)
    raw = out_csv.read_bytes()
    raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == ["section", "item", "value"]
    assert all(len(r) == 3 for r in rows)
    headline = [r for r in rows if r[0] == "headline"]
    assert [r[1] for r in headline] == HEADLINE_ITEMS
    by_code = {r.code: r.value for r in files.report.headline}
    for _, item, value in headline:
        expected = by_code[item]
        assert value == ("" if expected is None else str(expected))
    sections = {r[0] for r in rows}
    assert {
        "contacts_by_category",
        "contacts_by_week",
        "referrals_by_kind",
        "esf_new_by_gender",
        "esf_total_disability",
    } <= sections
    # Every (section, item) appears once.
    keys = [(r[0], r[1]) for r in rows]
    assert len(keys) == len(set(keys))
    # Suppressed values use the markers only.
    report = {r[1]: r[2] for r in rows if r[0] == "report"}
    assert report["programme"] == "2021-2027" and report["cup"] == ""
    values = {r[2] for r in rows[1:] if not r[2].replace(".", "").isdigit() and r[0] != "report"}
    assert values <= {"<5", ""}


def test_cli_writes_pdf_and_csv(built, tmp_path: Path, capsys) -> None:
    db, _ = built
    out = tmp_path / "cli.pdf"
    code = main(
        [
            "report",
            "--db",
            str(db),
            "--month",
            "2026-09",
            "--presidio",
            "MAZZINI",
            "--out",
            str(out),
            "--csv",
            str(tmp_path / "cli.csv"),
            "--comment",
            "ok",
        ]
    )
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert "settembre 2026" in pdf_text(out)
    assert (tmp_path / "cli.csv").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--month", "2026-13", "--presidio", "SAN-SIRO"], "Mese non valido"),
        (["--month", "2026-10", "--presidio", "NOWHERE"], "Presidio sconosciuto"),
        (["--month", "2026-10", "--presidio", "SAN-SIRO", "--out-dir-missing"], ""),
    ],
)
def test_cli_bad_input_is_one_line_and_writes_nothing(
    built, tmp_path: Path, capsys, args: list[str], fragment: str
) -> None:
    db, _ = built
    out = tmp_path / "bad.pdf"
    if "--out-dir-missing" in args:
        args = [a for a in args if a != "--out-dir-missing"]
        out = tmp_path / "missing" / "bad.pdf"
        fragment = "non esiste"
    before = set(os.listdir(tmp_path))
    code = main(
        ["report", "--db", str(db), *args, "--out", str(out), "--csv", str(tmp_path / "bad.csv")]
    )
    err = capsys.readouterr().err
    assert code != 0
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert set(os.listdir(tmp_path)) == before


def _this_month() -> Month:
    today = today_rome()
    return Month(today.year, today.month)


def test_a_month_not_begun_is_refused_and_writes_nothing(built, tmp_path: Path, capsys) -> None:
    """A month after the current one has no figures yet: its report printed "overdue at month
    end" for every follow-up due by then and not done today, and ESF totals as of a day not
    come, as if they were facts. The command and the service refuse it; the month in course
    (the window's first choice) is still reported."""
    db, _ = built
    future = _this_month().next
    before = set(os.listdir(tmp_path))
    code = main(
        ["report", "--db", str(db), "--month", str(future), "--all",
         "--out", str(tmp_path / "f.pdf"), "--csv", str(tmp_path / "f.csv")]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "non è ancora cominciato" in err
    assert len(err.strip().splitlines()) == 1
    assert set(os.listdir(tmp_path)) == before
    with pytest.raises(ReportError) as refused:
        generate(db, str(future.next), "SAN-SIRO", tmp_path / "g.pdf")
    assert refused.value.code == "future_month"
    assert set(os.listdir(tmp_path)) == before
    files = generate(db, str(_this_month()), "SAN-SIRO", tmp_path / "now.pdf")
    assert files.pdf.exists()


def test_cli_unwritable_output_and_missing_store(built, tmp_path: Path, capsys) -> None:
    db, _ = built
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code = main(
            [
                "report",
                "--db",
                str(db),
                "--month",
                "2026-10",
                "--all",
                "--out",
                str(locked / "r.pdf"),
            ]
        )
        err = capsys.readouterr().err
        if os.geteuid() != 0:  # root writes anywhere
            assert code != 0 and len(err.strip().splitlines()) == 1
            assert not list(locked.iterdir())
    finally:
        locked.chmod(0o700)
    # A path under a regular file cannot be written, not even by root.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code = main(
        [
            "report",
            "--db",
            str(db),
            "--month",
            "2026-10",
            "--all",
            "--out",
            str(blocker / "r.pdf"),
            "--csv",
            str(tmp_path / "ok.csv"),
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "ok.csv").exists()
    code = main(
        [
            "report",
            "--db",
            str(tmp_path / "none.sqlite"),
            "--month",
            "2026-10",
            "--all",
            "--out",
            str(tmp_path / "r.pdf"),
        ]
    )
    assert code != 0
    assert not (tmp_path / "r.pdf").exists()
    # --presidio and --all are exclusive, one is required.
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--db", str(db), "--month", "2026-10", "--out", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2


def embedded_fonts(path: Path) -> set[str]:
    """Base names of every font the PDF uses; each must carry its TrueType file."""
    fonts = set()
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]))
            assert "/DescendantFonts" in font or "/FontDescriptor" in font, font["/BaseFont"]
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # Type0: the descendant font carries the descriptor
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()
    return fonts


def test_letter_names_the_person_states_consent_and_is_audited(built, tmp_path: Path) -> None:
    db, info = built
    out = tmp_path / "letter.pdf"
    code = main(
        [
            "letter",
            "--db",
            str(db),
            "--referral",
            info["referral_with_consent"],
            "--out",
            str(out),
        ]
    )
    assert code == 0
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = pdf_text(out)
    with open_store(db) as store:
        person = store.query(
            "SELECT first_name, last_name FROM people WHERE id = ?", [info["referral_person"]]
        )[0]
        audit = store.query(
            "SELECT * FROM audit_log WHERE row_id = ? AND action = 'printed'",
            [info["referral_with_consent"]],
        )
    assert person["last_name"] in text
    assert "Acconsento alla trasmissione" in text
    assert "02/10/2026" in text
    assert "motivo di prova" in text and "richiesta di prova" in text
    assert "Presidio C.A.S.A." in text
    assert len(audit) == 1 and audit[0]["who"] == USER  # who logged in, never a typed name
    assert all("DejaVuSans" in f for f in embedded_fonts(out))


def test_letter_without_consent_is_refused_and_not_audited(built, tmp_path: Path, capsys) -> None:
    db, info = built
    out = tmp_path / "refused.pdf"
    code = main(
        [
            "letter",
            "--db",
            str(db),
            "--referral",
            info["referral_without_consent"],
            "--out",
            str(out),
        ]
    )
    assert code != 0
    assert "consenso" in capsys.readouterr().err
    assert not out.exists()
    with open_store(db) as store:
        assert not store.query(
            "SELECT 1 FROM audit_log WHERE row_id = ?", [info["referral_without_consent"]]
        )
    assert main(["letter", "--db", str(db), "--referral", "nope", "--out", str(out)]) != 0


def test_a_letter_is_asked_for_by_the_number_the_window_shows(
    built, tmp_path: Path, capsys
) -> None:
    # What an operator has in hand is the number (on the screen, on an earlier letter), never
    # the id: any case, spaces around it.
    db, info = built
    with open_store(db) as store:
        number = store.query(
            "SELECT number FROM referrals WHERE id = ?", [info["referral_with_consent"]]
        )[0]["number"]
    out = tmp_path / "by-number.pdf"
    given = f" {number.lower()} "
    assert main(["letter", "--db", str(db), "--referral", given, "--out", str(out)]) == 0
    assert number in pdf_text(out)
    with open_store(db) as store:  # recorded under the referral's id, as by id
        assert store.query(
            "SELECT 1 FROM audit_log WHERE row_id = ? AND action = 'printed'",
            [info["referral_with_consent"]],
        )


def test_a_number_two_referrals_share_is_refused_with_their_ids(
    built, tmp_path: Path, capsys
) -> None:
    # Each desk counts its own numbers: two desks of an office can give out the same one.
    # The letter is not printed for a guess; the ids, offices and times say which is which.
    source, info = built
    db = tmp_path / "copy.sqlite"
    for suffix in ("", ".keys"):
        Path(f"{db}{suffix}").write_bytes(Path(f"{source}{suffix}").read_bytes())
    with open_store(db) as store:
        ids = [info["referral_with_consent"], info["referral_without_consent"]]
        number = store.query("SELECT number FROM referrals WHERE id = ?", [ids[0]])[0]["number"]
        with store.transaction() as journal:
            journal.update("referrals", ids[1], {"number": number})
        names = store.query(
            "SELECT p.last_name FROM referrals r JOIN people p ON p.id = r.person_id "
            "WHERE r.id IN (?, ?)",
            ids,
        )
    out = tmp_path / "shared.pdf"
    capsys.readouterr()
    assert main(["letter", "--db", str(db), "--referral", number, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "è di 2 segnalazioni" in err
    assert all(i in err for i in ids)
    assert not any(row["last_name"] in err for row in names)
    assert not out.exists()


def test_a_shared_number_names_no_sensitive_referral_to_who_may_not_see_it(
    built, tmp_path: Path, capsys, monkeypatch
) -> None:
    # The window's list leaves sensitive referrals out for such a user: so does the number.
    from casa_desk.security import accounts

    source, info = built
    db = tmp_path / "copy.sqlite"
    for suffix in ("", ".keys"):
        Path(f"{db}{suffix}").write_bytes(Path(f"{source}{suffix}").read_bytes())
    plain, secret = info["referral_with_consent"], info["referral_without_consent"]
    with open_store(db) as store:
        number = store.query("SELECT number FROM referrals WHERE id = ?", [plain])[0]["number"]
        with store.transaction() as journal:
            journal.update("referrals", secret, {"number": number, "sensitive": 1})
        admin = session_for(store)
        accounts.add_user(admin, "op.uno", full_name="Op Uno", role="operatore",
                          password="una frase lunga ok")  # fmt: skip
        accounts.add_user(admin, "op.due", full_name="Op Due", role="operatore",
                          password="una frase lunga ok", may_see_sensitive=True)  # fmt: skip
    monkeypatch.setenv("CASA_DESK_USER", "op.uno")
    monkeypatch.setenv("CASA_DESK_PASSWORD", "una frase lunga ok")
    out = tmp_path / "op.pdf"
    capsys.readouterr()
    assert main(["letter", "--db", str(db), "--referral", number, "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert secret not in said.out + said.err and out.exists()  # the one this user may see
    monkeypatch.setenv("CASA_DESK_USER", "op.due")  # who may see both is asked which
    assert main(["letter", "--db", str(db), "--referral", number, "--out", str(out)]) == 1
    assert secret in capsys.readouterr().err


@pytest.mark.parametrize("command", ["report", "letter"])
def test_help_is_in_italian(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out and "--out" in out
    # argparse's own words too (Python has them in English only)
    assert out.startswith(f"uso: casa-desk {command}") and "opzioni:" in out
    assert "mostra questo aiuto ed esce" in out
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in out
    assert ("--month" in out and "--all" in out) if command == "report" else "--referral" in out


def test_pdfs_are_drawn_by_reportlabs_c_accelerator() -> None:
    """The environment the project installs (``reportlab[accel]``) has rl_accel: without it
    reportlab falls back to pure Python for every number and string width it writes, and
    the monthly PDF takes twice as long (benchmarks/README.md). Same bytes either way."""
    import _rl_accel
    from reportlab.lib import rl_accel

    assert rl_accel.fp_str is _rl_accel.fp_str
    assert rl_accel.instanceStringWidthTTF is _rl_accel.instanceStringWidthTTF


def test_the_footer_fits_its_page(built, tmp_path: Path) -> None:
    """Every line of the footer ends inside the right margin and none runs under the page
    number: drawn as two fixed lines, the legend ran under "Pagina 1 di 6" and off the page,
    its last words («troppo poche persone») cut on paper."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from casa_desk.reports.fonts import FONT

    db, _info = built
    out = tmp_path / "r.pdf"
    generate(db, "2026-10", "SAN-SIRO", out, generated_on=date(2026, 11, 2))
    for page in PdfReader(out).pages:
        drawn = text_under(page, 16 * mm)  # the footer's rule
        assert any(t.startswith("Pagina") for t, *_ in drawn)
        right = A4[0] - 18 * mm + 0.5
        boxes = [(t, x, x + stringWidth(t, FONT, s), y) for t, x, y, s in drawn]
        for text, left, end, _y in boxes:
            assert left >= 18 * mm - 0.5 and end <= right, text
        [(_, n_left, _, n_y)] = [b for b in boxes if b[0].startswith("Pagina")]
        for text, _left, end, y in boxes:
            if not text.startswith("Pagina") and abs(y - n_y) < 7:
                assert end < n_left, text  # the page number's line leaves it room
    text = pdf_text(out)
    assert "troppo poche persone" in text and "Dati aggregati" in text


def text_under(page, height: float) -> list[tuple[str, float, float, float]]:
    """The text fragments drawn below ``height`` on ``page``: (text, x, y, font size), in
    page coordinates (a chart's text has its own transformation)."""
    drawn: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list, tm: list, _font: object, size: float) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip() and y < height:
            drawn.append((text.strip(), x, y, size))

    page.extract_text(visitor_text=visit)
    return drawn


def test_the_month_in_course_does_not_claim_month_end(built, tmp_path: Path) -> None:
    """The report of the month in course counts its overdue follow-ups as of now, and says
    so; a month ended says "a fine mese", as ever."""
    db, _ = built
    files = generate(db, str(_this_month()), "SAN-SIRO", tmp_path / "now.pdf")
    text = pdf_text(files.pdf)
    assert "Richiami scaduti a oggi (mese precedente: a fine mese)" in text
    assert "Richiami scaduti a fine mese" not in text
    files = generate(db, "2026-10", "SAN-SIRO", tmp_path / "oct.pdf")
    assert "Richiami scaduti a fine mese" in pdf_text(files.pdf)
