"""Paper and files from the window (issue 9, items 13 and 16): the letter calls back the
office by phone and e-mail, is signed by the operator and printed through the system's print
dialog; "Apri" after saving; a backup from the Archivio menu; head office edits the offices'
contacts."""

from __future__ import annotations

from pathlib import Path

from dialogs import when_modal
from fixtures_b import (
    SOCIAL,
    give_consent,
    seeded_fixture,  # noqa: F401 - registers the fixture "seeded"
    show,
)
from login_helpers import open_store, session_for
from pypdf import PdfReader
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QMessageBox

from casa_desk.store.consents import Consents
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.safe_contact import SafeContacts
from casa_desk.store.tables import HEAD_OFFICE
from casa_desk.ui import printing
from casa_desk.ui.printing import paint_document
from casa_desk.ui.referrals_page import ReferralsPage


def _text(path: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


class _Opened(QObject):
    """Receives the URLs the desktop would open (Qt's own hook for a scheme)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


def _page_ready_for_a_letter(qtbot, seeded) -> ReferralsPage:
    People(seeded.store).update(seeded.people["Zanfrutti"], {"phone": "3351234567"})
    Directory(seeded.store).set_office_contacts(
        "SAN-SIRO", phone="02 4000 1234", email="sansiro@casa.example"
    )
    give_consent(seeded, "Zanfrutti", SOCIAL)
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(seeded.referrals["draft"])
    return page


def test_the_letter_calls_back_the_office_and_is_signed(qtbot, seeded, tmp_path) -> None:
    page = _page_ready_for_a_letter(qtbot, seeded)
    out = tmp_path / "lettera.pdf"
    with qtbot.waitSignal(page.letter_written):
        page.print_letter_to(out)
    text = _text(out)
    assert "Per richiamarci" in text
    assert "Telefono 02 4000 1234" in text and "sansiro@casa.example" in text
    assert "335 123 4567" in text  # the person's phone, Italian form
    assert "Marta Prova" in text and "Firma" in text
    # success is said in plain words with "Apri", not in the error's red
    assert not page.error.isVisible() and page.saved.isVisible()
    assert "b00020" not in page.saved.styleSheet() and "b3261e" not in page.saved.styleSheet()
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        qtbot.mouseClick(page.saved.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opened.urls == [str(out)]


def test_stampa_goes_through_the_print_dialog(qtbot, seeded, tmp_path, monkeypatch) -> None:
    page = _page_ready_for_a_letter(qtbot, seeded)
    printed = tmp_path / "carta.pdf"

    def choose_printer(dialog) -> None:
        # Qt's print dialog: the "print to file" printer, a file name, "Print".
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # Print to File (PDF)
        name = dialog.findChild(QLineEdit, "filename")
        name.setText(str(printed))
        dialog.accept()

    asked = when_modal(choose_printer, kind=QPrintDialog)
    on_record_when_painted: list[list[dict]] = []

    def painting(document, printer) -> None:  # the real painting, watched
        on_record_when_painted.append(_printed_rows(seeded))
        paint_document(document, printer)

    monkeypatch.setattr(printing, "paint_document", painting)
    with qtbot.waitSignal(page.letter_printed, timeout=10_000):
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert asked and printed.stat().st_size > 1000
    assert _printed_rows(seeded) == [{"action": "printed"}]
    assert on_record_when_painted == [[{"action": "printed"}]]  # on record before a page


def _printed_rows(seeded) -> list[dict]:
    return seeded.store.query("SELECT action FROM audit_log WHERE table_name = 'referrals'")


def test_a_cancelled_print_is_not_recorded_as_printed(qtbot, seeded) -> None:
    page = _page_ready_for_a_letter(qtbot, seeded)
    printed: list[str] = []
    page.letter_printed.connect(printed.append)
    asked = when_modal(lambda dialog: dialog.reject(), kind=QPrintDialog)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and not asked[0].isVisible())
    assert printed == [] and _printed_rows(seeded) == []


def test_a_consent_withdrawn_while_the_print_dialog_is_open_prints_nothing(
    qtbot, seeded, tmp_path
) -> None:
    page = _page_ready_for_a_letter(qtbot, seeded)
    printed = tmp_path / "carta.pdf"

    def withdraw_then_print(dialog) -> None:
        [consent] = seeded.store.query(
            "SELECT id FROM consents WHERE person_id = ? AND deleted = 0",
            [seeded.people["Zanfrutti"]],
        )
        Consents(seeded.store).withdraw(consent["id"], by="op")
        dialog.findChild(QComboBox, "printers").setCurrentIndex(
            dialog.findChild(QComboBox, "printers").count() - 1
        )
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        dialog.accept()

    asked = when_modal(withdraw_then_print, kind=QPrintDialog)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and page.error.isVisible())
    assert "consenso" in page.error.text()
    assert not printed.exists() and _printed_rows(seeded) == []


def test_a_backup_from_the_archivio_menu(qtbot, demo, tmp_path) -> None:
    from casa_desk.app import build_window
    from casa_desk.ui.tasks import SyncRunner

    admin = session_for(demo.store)  # the entry is for coordinators and administrators
    window = build_window(admin, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    out = tmp_path / "copia.sqlite"

    def save_as(dialog) -> None:
        dialog.selectFile(str(out))
        dialog.accept()

    assert window.backup_action.isVisible()
    when_modal(save_as, kind=QFileDialog)
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: "Copia di sicurezza scritta" in window.statusBar().currentMessage())
    # The copy is encrypted like the store, with its key file beside it: it opens on its own
    # with the same password, and only with it.
    assert out.with_name(out.name + ".keys").exists()
    assert not out.read_bytes().startswith(b"SQLite format 3")
    with open_store(out) as copy:
        assert copy.query("SELECT count(*) AS n FROM people")[0]["n"] == 6
    rows = demo.store.query(
        "SELECT who, row_id FROM audit_log WHERE action = 'exported' AND table_name = 'backup'"
    )
    assert rows == [{"who": admin.user.username, "row_id": "copia.sqlite"}]


def test_a_backup_named_like_a_key_file_is_refused(qtbot, demo, tmp_path) -> None:
    """A backup picked as ``copia.keys`` in the save dialog was written (its own key file
    ``copia.keys.keys``): a copy taken for a key file. One worded box, nothing written."""
    from casa_desk.app import build_window
    from casa_desk.ui.tasks import SyncRunner

    window = build_window(session_for(demo.store), runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    folder = tmp_path / "copie"
    folder.mkdir()

    def save_as(dialog) -> None:
        dialog.selectFile(str(folder / "copia.keys"))
        dialog.accept()

    when_modal(save_as, kind=QFileDialog)
    window.backup_action.trigger()
    qtbot.waitUntil(
        lambda: any(box.isVisible() for box in window.findChildren(QMessageBox)), timeout=5000
    )
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    assert "I nomi che finiscono in .keys sono dei file delle chiavi" in boxes[0].text()
    boxes[0].close()
    assert list(folder.iterdir()) == []


def test_an_operator_cannot_back_up_from_the_window(qtbot, window, tmp_path) -> None:
    assert not window.backup_action.isVisible()
    out = tmp_path / "copia.sqlite"
    window.backup_to(out)  # even if reached: refused by role, said in a box, nothing written
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].text()
    boxes[0].close()
    assert not out.exists()


def test_head_office_edits_the_offices_contacts(qtbot, demo) -> None:
    from casa_desk.ui.context import DeskContext
    from casa_desk.ui.offices_dialog import OfficesDialog
    from casa_desk.ui.tasks import SyncRunner

    context = DeskContext(
        store=demo.store, presidio=HEAD_OFFICE, operator="sede", is_head_office=True,
        runner=SyncRunner(), session=session_for(demo.store),  # an administrator
    )  # fmt: skip
    dialog = show(qtbot, OfficesDialog(context))
    phone, email, error, _office = dialog.rows["MAZZINI"]
    qtbot.keyClicks(phone, "12")  # not a phone
    dialog.save()
    assert error.isVisible() and dialog.isVisible()
    phone.clear()
    qtbot.keyClicks(phone, "02 5555 1234")
    qtbot.keyClicks(email, "mazzini@casa.example")
    dialog.save()
    office = Directory(demo.store).presidio("MAZZINI")
    assert (office["phone"], office["email"]) == ("+390255551234", "mazzini@casa.example")


def test_a_person_not_to_be_called_is_reached_through_the_office(qtbot, seeded, tmp_path) -> None:
    # "Non chiamare" / "non inviare posta": a service calling the tenancy's number may reach
    # the person she fears. The letter says how to reach her, never why.
    page = _page_ready_for_a_letter(qtbot, seeded)
    SafeContacts(seeded.store).save(
        seeded.people["Zanfrutti"],
        presidio="SAN-SIRO",
        phone="333 777 8899",
        hours="martedì mattina",
        no_calls=True,
        note="Ornitorinco",
    )
    out = tmp_path / "lettera.pdf"
    with qtbot.waitSignal(page.letter_written):
        page.print_letter_to(out)
    text = " ".join(_text(out).split())
    assert "335 123 4567" not in text and "3351234567" not in text  # the registry phone
    for value in ("777 8899", "martedì", "Ornitorinco"):  # the instructions themselves
        assert value not in text
    assert "Contatti tramite il presidio" in text
    assert "Per contattare la persona rivolgersi al presidio." in text
    assert "Telefono 02 4000 1234" in text  # the office's own phone stays


def test_printing_to_a_file_is_checked_as_any_file_the_desk_writes(qtbot, seeded, tmp_path) -> None:
    """Qt's print dialog (Linux) prints to a PDF file of any name: the open store itself
    was replaced by the letter, and a name Windows refuses was written. The name is checked
    as every output is (casa_desk.outputs), before the printing is put on record."""
    page = _page_ready_for_a_letter(qtbot, seeded)
    store_file = Path(seeded.store.path)
    before = store_file.read_bytes()
    for target, said in (
        (store_file, "Il file scelto è l'archivio aperto o un suo file: sceglierne un altro."),
        (
            tmp_path / "lettera: copia.pdf",
            "Il nome scelto contiene un carattere che Windows e le chiavette USB non ammettono "
            'nei nomi dei file (< > : " | ? * o un carattere di controllo): sceglierne un altro.',
        ),
    ):

        def to_file(dialog, target=target) -> None:
            printers = dialog.findChild(QComboBox, "printers")
            printers.setCurrentIndex(printers.count() - 1)  # Print to File (PDF)
            dialog.findChild(QLineEdit, "filename").setText(str(target))
            dialog.accept()

        asked = when_modal(to_file, kind=QPrintDialog)
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda asked=asked: bool(asked) and page.error.isVisible(), timeout=10_000)
        assert page.error.text() == said
        page.error.hide()
    assert store_file.read_bytes() == before
    assert not (tmp_path / "lettera: copia.pdf").exists()
    assert _printed_rows(seeded) == []  # nothing printed, nothing on record
