"""The Report page driven with pytest-qt: generate in the background, preview, save, print,
remember; head office may pick all offices; failures arrive as one line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from login_helpers import PASSWORD, USER, new_store, open_store, session_for
from PySide6.QtPrintSupport import QPrinter

from casa_desk.models.timeutil import to_utc_text, today_rome
from casa_desk.store.db import Store
from casa_desk.ui.report_page import ALL, ReportPage

SURNAMES = ("Frobnicatti", "Quaglioberti", "Zentrovalli")


def previous_month() -> str:
    today = today_rome()
    year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    return f"{year:04d}-{month:02d}"


@pytest.fixture
def store(store_path: Path) -> Iterator[Store]:
    """The store as the window holds it: open for the whole test, one per process."""
    opened = open_store(store_path)
    yield opened
    opened.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    from datetime import datetime

    path = tmp_path / "page.sqlite"
    year, month = (int(p) for p in previous_month().split("-"))
    with new_store(path) as store, store.transaction() as j:
        for n, last in enumerate(SURNAMES):
            person = j.insert(
                "people",
                {
                    "first_name": "Prova",
                    "last_name": last,
                    "gender": "F",
                    "birth_date": "1980-01-01",
                },
                presidio="SAN-SIRO",
            )
            for day in range(1, 9):
                j.insert(
                    "contacts",
                    {
                        "person_id": person["id"],
                        "channel": "sportello",
                        "category": ("manutenzione", "salute", "morosita")[n],
                        "occurred_at": to_utc_text(datetime(year, month, day, 10)),
                    },
                    presidio="SAN-SIRO" if day % 2 else "MAZZINI",
                )
    return path


def generate(qtbot, page: ReportPage, month: str, comment: str = "") -> None:
    page.select_month(month)
    page.comment_edit.setPlainText(comment)
    with qtbot.waitSignal(page.generated, timeout=30_000):
        page.generate_button.click()
        assert not page.generate_button.isEnabled()  # busy while the worker runs
        assert not page.save_action.isEnabled()
    assert page.generate_button.isEnabled()
    assert not page.progress.isVisible()


def test_generate_preview_save_print_and_remember(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    session = session_for(store)  # the administrator: every report that leaves is on record
    page = ReportPage(store, "SAN-SIRO", False, session=session)
    qtbot.addWidget(page)
    page.show()
    # An office sees only itself.
    assert page.office_box.count() == 1 and not page.office_box.isEnabled()
    assert page.selected_scope() == "SAN-SIRO"
    assert not page.save_action.isEnabled() and not page.print_action.isEnabled()

    month = previous_month()
    generate(qtbot, page, month, "Commento di prova")
    assert page.document.pageCount() >= 2
    assert page.save_action.isEnabled() and page.print_action.isEnabled()
    assert page.current_pdf is not None and page.current_pdf.is_file()

    saved = page.save_as(str(tmp_path / "copia.pdf"))
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    from casa_desk.ui import report_page
    from casa_desk.ui.printing import paint_document

    on_record_when_painted: list[int] = []

    def painting(document, printer) -> None:  # type: ignore[no-untyped-def]
        rows = store.query("SELECT 1 FROM audit_log WHERE action = 'printed'")
        on_record_when_painted.append(len(rows))
        paint_document(document, printer)

    monkeypatch.setattr(report_page, "paint_document", painting)
    page.print_to(printer)
    assert on_record_when_painted == [1]  # on record before a page is painted
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    audited = store.query(
        "SELECT who, action, table_name, row_id FROM audit_log WHERE table_name = 'report'"
        " ORDER BY at, rowid"
    )
    assert [(a["who"], a["action"], a["row_id"]) for a in audited] == [
        (USER, "exported", f"{month}/SAN-SIRO"),  # generated
        (USER, "exported", f"{month}/SAN-SIRO"),  # saved as
        (USER, "printed", f"{month}/SAN-SIRO"),
    ]

    # Another month has nothing yet; coming back shows the remembered report.
    page.month_box.setCurrentIndex(page.month_box.currentIndex() + 1)
    assert page.document.pageCount() == 0
    assert not page.save_action.isEnabled()
    page.select_month(month)
    assert page.document.pageCount() >= 2

    # A fresh page (the app restarted) remembers it too, with its comment.
    again = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(again)
    again.select_month(month)
    assert again.document.pageCount() >= 2
    assert again.comment_edit.toPlainText() == "Commento di prova"


def test_a_report_of_one_store_is_never_shown_for_another(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """The remembered reports sit in the data folder, which every store opened on this
    account shares (``casa-desk --db demo.sqlite`` for training, then the office's own):
    the page of one store showed, saved and printed the report generated from another for
    the same office and month, as "Rapporto generato il …"."""
    month = previous_month()
    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, month, "Dell'archivio vero")
    with new_store(tmp_path / "demo.sqlite") as other:
        elsewhere = ReportPage(other, "SAN-SIRO", False)
        qtbot.addWidget(elsewhere)
        elsewhere.select_month(month)
        assert elsewhere.current_pdf is None and elsewhere.document.pageCount() == 0
        assert not elsewhere.save_action.isEnabled() and not elsewhere.print_action.isEnabled()
        assert elsewhere.comment_edit.toPlainText() == ""
        assert elsewhere.status.text() == "Nessun rapporto generato per questo mese."
    again = ReportPage(store, "SAN-SIRO", False)  # its own store still finds it
    qtbot.addWidget(again)
    again.select_month(month)
    assert again.document.pageCount() >= 2
    assert again.comment_edit.toPlainText() == "Dell'archivio vero"


@pytest.mark.parametrize(
    "index",
    [
        "[]",
        "null",
        '"testo"',
        '{"SAN-SIRO|MONTH": "rapporto.pdf"}',
        '{"SAN-SIRO|MONTH": {"pdf": 12, "at": "ieri"}}',
        '{"SAN-SIRO|MONTH": {"pdf": "PDF"}}',
        '{"SAN-SIRO|MONTH": {"pdf": "PDF", "at": "ieri", "comment": ["a"]}}',
    ],
)
def test_a_damaged_index_of_remembered_reports_is_as_none(
    qtbot, store: Store, tmp_path: Path, index: str
) -> None:
    """``reports/index.json`` is a file like any other: whatever it holds, the page opens
    (it ended in AttributeError, KeyError or TypeError, the page never shown), shows no
    report, and the next one generated is remembered."""
    from casa_desk.ui.report_page import ReportArchive

    month = previous_month()
    folder = tmp_path / "reports"
    folder.mkdir()
    pdf = folder / "vecchio.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    archive = ReportArchive(folder, store=Path(store.path))
    key = archive.key("SAN-SIRO", month)
    (folder / "index.json").write_text(
        index.replace("SAN-SIRO|MONTH", key).replace('"PDF"', f'"{pdf}"'), "utf-8"
    )
    page = ReportPage(store, "SAN-SIRO", False, archive=archive)
    qtbot.addWidget(page)
    page.select_month(month)
    assert page.current_pdf is None
    assert page.status.text() == "Nessun rapporto generato per questo mese."
    generate(qtbot, page, month)
    again = ReportPage(
        store, "SAN-SIRO", False, archive=ReportArchive(folder, store=Path(store.path))
    )
    qtbot.addWidget(again)
    again.select_month(month)
    assert again.document.pageCount() >= 2


def test_reports_left_under_the_old_names_are_removed_once(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """Before aae6e15 a remembered report was ``rapporto_SCOPE_MONTH.pdf`` indexed as
    ``SCOPE|MONTH`` (no store's tag), written through a fixed ``index.json.tmp``. Since
    then no page showed, replaced or removed them: they stayed in ``reports/`` for ever.
    They belong to no store that can be told, so the page removes them (and a killed
    write's temporary file of one), keeps every tagged report and whatever the old
    version did not make (a PDF of the old name that no entry names: saved there by hand),
    and shows a report generated afterwards."""
    import json
    import os
    import time

    from casa_desk.ui.report_page import ReportArchive

    month = previous_month()
    folder = tmp_path / "reports"
    folder.mkdir()
    old = {
        "SAN-SIRO|2026-09": folder / "rapporto_SAN-SIRO_2026-09.pdf",
        f"{ALL}|2026-08": folder / f"rapporto_{ALL}_2026-08.pdf",
    }
    index = {
        key: {"pdf": str(pdf), "at": "01/10/2026 10:00", "comment": "vecchio"}
        for key, pdf in old.items()
    }
    for pdf in old.values():
        pdf.write_bytes(b"%PDF-1.4 vecchio\n")
    tagged = folder / "rapporto_SAN-SIRO_2026-07_0123456789ab.pdf"  # another store's, today
    tagged.write_bytes(b"%PDF-1.4\n")
    index["0123456789ab|SAN-SIRO|2026-07"] = {"pdf": str(tagged), "at": "x", "comment": ""}
    (folder / "index.json").write_text(json.dumps(index), "utf-8")
    (folder / "index.json.tmp").write_text(json.dumps(index), "utf-8")  # a crash of old
    killed = folder / ".rapporto_MAZZINI_2026-06.pdf.k1ll3d__.tmp"  # its PDF never made
    killed.write_bytes(b"%PDF-1.4 a met")
    stale = time.time() - 3600
    os.utime(killed, (stale, stale))
    by_hand = folder / "rapporto_MAZZINI_2026-05.pdf"  # "Salva PDF…"'s name, saved here
    by_hand.write_bytes(b"%PDF-1.4 mio\n")

    page = ReportPage(store, "SAN-SIRO", False, archive=ReportArchive(folder, store=store.path))
    qtbot.addWidget(page)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["index.json", tagged.name, by_hand.name]
    )
    assert list(json.loads((folder / "index.json").read_text("utf-8"))) == [
        "0123456789ab|SAN-SIRO|2026-07"
    ]
    generate(qtbot, page, month, "Nuovo")
    again = ReportPage(store, "SAN-SIRO", False, archive=ReportArchive(folder, store=store.path))
    qtbot.addWidget(again)
    again.select_month(month)
    assert again.document.pageCount() >= 2
    assert again.comment_edit.toPlainText() == "Nuovo"
    assert tagged.is_file() and by_hand.is_file()


def test_an_operatore_cannot_generate_the_report(qtbot, store: Store) -> None:
    from casa_desk.security.accounts import add_user

    add_user(session_for(store), "op.report", full_name="Op", role="operatore", password=PASSWORD)
    page = ReportPage(store, "SAN-SIRO", False, session=session_for(store, username="op.report"))
    qtbot.addWidget(page)
    page.generate()
    assert page.status.text() == "Il report mensile è per coordinatori e amministratori."
    assert page.current_pdf is None


def test_saving_over_the_store_is_refused_and_the_store_survives(qtbot, store: Store) -> None:
    """Picking the open store itself in the save dialog must never replace it with the PDF:
    one worded line, the store intact and still writable."""
    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, previous_month())
    assert page.save_as(str(store.path)) is None
    assert page.status.text() == (
        "Il file scelto è l'archivio aperto o un suo file: sceglierne un altro."
    )
    assert page.save_as(str(store.path) + "-wal") is None
    assert store.query("SELECT count(*) AS n FROM contacts")[0]["n"] == 24
    with store.transaction() as j:  # the open store still takes writes
        j.insert("people", {"first_name": "Dopo", "last_name": "Salvataggio"}, presidio="SAN-SIRO")
    assert store.query("SELECT count(*) AS n FROM people")[0]["n"] == len(SURNAMES) + 1


def test_saving_under_a_key_files_name_is_refused(qtbot, store: Store, tmp_path: Path) -> None:
    """``x.keys`` picked in the save dialog was written: a PDF taken for the key file of a
    store or backup ``x`` by the next backup or restore. One worded line, nothing written;
    so beside a key file alone (``copia.sqlite`` next to ``copia.sqlite.keys``)."""
    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, previous_month())
    folder = tmp_path / "uscite"
    folder.mkdir()
    assert page.save_as(str(folder / "rapporto.keys")) is None
    assert page.status.text() == (
        "I nomi che finiscono in .keys sono dei file delle chiavi degli archivi: "
        "sceglierne un altro."
    )
    (folder / "copia.sqlite.keys").write_text('{"format": "casa_desk-keys"}\n')
    assert page.save_as(str(folder / "copia.sqlite")) is None
    assert page.status.text() == (
        "Accanto al file scelto c'è un file delle chiavi (.keys) di un archivio: "
        "scegliere un altro nome."
    )
    assert [p.name for p in folder.iterdir()] == ["copia.sqlite.keys"]


def test_a_name_too_long_is_said_as_such(qtbot, store: Store, tmp_path: Path) -> None:
    """A name that fits but leaves no room for its temporary file was "controllare la
    cartella scelta": the folder is fine, the name is what to change."""
    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, previous_month())
    assert page.save_as(str(tmp_path / ("x" * 245))) is None
    assert page.status.text() == "Il nome del file è troppo lungo: sceglierne uno più corto."


def test_the_page_names_the_programme_head_office_chose(qtbot, store: Store) -> None:
    from casa_desk.store.settings import Settings

    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    assert page.programme.text() == (
        "PR FSE+ 2021-2027 – Regione Lombardia, Fondo sociale europeo Plus · CUP non indicato"
    )
    # Head office's choice arrives (as by sync): the next report and the page follow it.
    store.set_meta("presidio", "SEDE")
    Settings(store).set("esf.programme", "2014-2020")
    Settings(store).set("esf.cup", "E41B21000000006", office="SAN-SIRO")
    store.set_meta("presidio", "SAN-SIRO")
    generate(qtbot, page, previous_month())
    assert page.programme.text().startswith("POR FSE 2014-2020")
    assert page.programme.text().endswith("CUP E41B21000000006")


def test_head_office_can_report_on_all_offices(qtbot, store: Store) -> None:
    page = ReportPage(store, "SEDE", True)
    qtbot.addWidget(page)
    assert page.office_box.isEnabled()
    assert page.office_box.itemData(0) == ALL
    codes = {page.office_box.itemData(i) for i in range(page.office_box.count())}
    assert {"SAN-SIRO", "MAZZINI"} <= codes
    page.office_box.setCurrentIndex(0)
    generate(qtbot, page, previous_month())
    assert page.document.pageCount() >= 2
    assert page.current_pdf is not None and ALL in page.current_pdf.name


def test_failure_is_one_line_and_the_page_stays_usable(qtbot, store: Store) -> None:
    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    page.select_month(previous_month())
    # the report's file cannot be written: a folder stands where it goes
    page.archive.pdf_path(page.selected_scope(), page.selected_month()).mkdir(parents=True)
    with qtbot.waitSignal(page.failed, timeout=30_000) as blocker:
        page.generate_button.click()
    message = blocker.args[0]
    assert message and "\n" not in message
    assert page.status.text() == message
    assert page.generate_button.isEnabled()


def test_strings_follow_a_language_change(qtbot, store: Store) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from casa_desk import paths

    page = ReportPage(store, "SEDE", True)
    qtbot.addWidget(page)
    assert page.generate_button.text() == "Genera rapporto"
    assert page.office_box.itemText(0) == "Tutti i presidi"
    translator = QTranslator()
    # The .qm files ship in the package: a missing one is a packaging bug, not a skip.
    assert translator.load(str(paths.translations_dir() / "casa_desk_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        # The LanguageChange event is posted: wait for it.
        qtbot.waitUntil(lambda: page.generate_button.text() == "Generate report")
        assert page.office_box.itemText(0) != "Tutti i presidi"
        assert page.month_box.itemText(0).split()[0] in {
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        }
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: page.generate_button.text() == "Genera rapporto")


def test_a_name_with_a_character_windows_refuses_is_said_as_such(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """``rapporto: ottobre.pdf`` typed in the save dialog was written here, then could not
    be copied to a stick or opened on the office's PC. One worded line, nothing written, in
    the window's language."""
    from languages import window_language

    from casa_desk.errors import OutputError
    from casa_desk.ui.error_texts import worded_error

    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, previous_month())
    folder = tmp_path / "uscite"
    folder.mkdir()
    for name in ("rapporto: ottobre.pdf", "rapporto|ottobre.pdf", "rapporto\tottobre.pdf"):
        assert page.save_as(str(folder / name)) is None
        assert page.status.text() == (
            "Il nome scelto contiene un carattere che Windows e le chiavette USB non ammettono "
            'nei nomi dei file (< > : " | ? * o un carattere di controllo): sceglierne un altro.'
        )
    assert list(folder.iterdir()) == []
    with window_language("en"):
        said = worded_error(OutputError("…", code="output_name_character"))
    assert said == (
        "The chosen name holds a character that Windows and USB sticks do not allow in file "
        'names (< > : " | ? * or a control character): choose another one.'
    )


def test_printing_the_report_to_a_file_is_checked_as_saving_it(
    qtbot, store: Store, tmp_path: Path
) -> None:
    """Qt's print dialog (Linux) printed to any file: over the open store, the store was
    gone. "Stampa…" to a file refuses what "Salva" refuses, and puts nothing on record."""
    from dialogs import when_modal
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QComboBox, QLineEdit

    page = ReportPage(store, "SAN-SIRO", False)
    qtbot.addWidget(page)
    generate(qtbot, page, previous_month())
    before = Path(store.path).read_bytes()

    def to_the_store(dialog) -> None:  # type: ignore[no-untyped-def]
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # Print to File (PDF)
        dialog.findChild(QLineEdit, "filename").setText(str(store.path))
        dialog.accept()

    asked = when_modal(to_the_store, kind=QPrintDialog)
    page.print_report()
    assert asked
    assert page.status.text() == (
        "Il file scelto è l'archivio aperto o un suo file: sceglierne un altro."
    )
    assert Path(store.path).read_bytes() == before
    assert store.query("SELECT 1 FROM audit_log WHERE action = 'printed'") == []
