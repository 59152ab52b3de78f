"""A file or print dialog answered after the desk was locked or quick-exited writes nothing.

The print dialog is the system's native one on Windows, with its own modal loop, which F12
and the idle lock cannot take off the screen: a click in it after the lock would print while
the window is locked. The file dialogs are Qt's own (test_file_dialog_closes.py: F12 and the
lock close them), and their answer goes through the same check, in case one answers in the
same turn as the lock. Offscreen every dialog is Qt's own, which the lock does reject; here
the dialog then answers all the same (a file chosen, *Salva* pressed) in the same turn as
the lock, which is what the native one does. The answer must be dropped: no file, no audit
row.
"""

from __future__ import annotations

from dialogs import when_modal
from login_helpers import PASSWORD, USER
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from casa_desk.ui.tasks import SyncRunner


def _window(qtbot, session):  # type: ignore[no-untyped-def]
    from casa_desk.app import build_window

    window = build_window(session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _exports(demo) -> list[dict]:  # type: ignore[no-untyped-def]
    return demo.store.query(
        "SELECT action, table_name FROM audit_log WHERE action IN ('exported', 'printed')"
    )


def test_a_backup_chosen_after_the_idle_lock_is_not_written(qtbot, demo, tmp_path) -> None:
    admin = demo.session.desk.login(USER, PASSWORD, how="test")
    window = _window(qtbot, admin)
    out = tmp_path / "copia.sqlite"

    def lock_then_answer(dialog: QFileDialog) -> None:
        dialog.selectFile(str(out))

        def idle_lock_fires() -> None:  # while the static call's loop runs
            window.lock()
            dialog.accept()  # the native dialog, still open, answers afterwards

        QTimer.singleShot(0, idle_lock_fires)

    asked = when_modal(lock_then_answer, kind=QFileDialog)
    window.backup_action.trigger()
    assert asked
    assert window.screens.currentWidget() is window.lock_screen
    qtbot.wait(50)
    assert not out.exists() and not out.with_name(out.name + ".keys").exists()
    assert _exports(demo) == []


def test_a_letter_saved_after_f12_is_not_written(qtbot, demo, tmp_path) -> None:
    window = _window(qtbot, demo.session)
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    page.filter.setCurrentIndex(page.filter.findData("all"))
    [referral] = demo.store.query("SELECT id FROM referrals")
    assert page.select(referral["id"]) and page.letter_button.isEnabled()
    out = tmp_path / "lettera.pdf"
    written: list[str] = []
    page.letter_written.connect(written.append)

    def f12_then_save(dialog: QFileDialog) -> None:
        dialog.selectFile(str(out))
        qtbot.keyClick(dialog, Qt.Key.Key_F12)  # someone comes to the desk
        dialog.accept()

    asked = when_modal(f12_then_save, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    assert asked and window.quick_exit.active
    qtbot.wait(50)
    assert written == [] and not out.exists()
    assert _exports(demo) == []


def test_a_print_accepted_after_the_lock_prints_nothing(qtbot, demo, tmp_path) -> None:
    window = _window(qtbot, demo.session)
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    page.filter.setCurrentIndex(page.filter.findData("all"))
    [referral] = demo.store.query("SELECT id FROM referrals")
    assert page.select(referral["id"])
    printed = tmp_path / "carta.pdf"

    def lock_then_print(dialog: QPrintDialog) -> None:
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # Print to File (PDF)
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        window.lock()
        dialog.accept()

    asked = when_modal(lock_then_print, kind=QPrintDialog)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.wait(100)
    assert window.screens.currentWidget() is window.lock_screen
    assert not printed.exists() and _exports(demo) == []


def test_every_file_and_print_dialog_goes_through_the_guard() -> None:
    # A new export that calls QFileDialog (or a QPrintDialog without the check) itself
    # would escape it (and, on Windows, F12 and the lock: the static calls are native).
    from pathlib import Path

    import casa_desk.ui

    ui = Path(casa_desk.ui.__file__).parent
    direct = []
    for path in sorted(ui.glob("*.py")):
        text = path.read_text(encoding="utf-8")
        if path.name != "file_dialogs.py" and ("QFileDialog.get" in text or "QFileDialog(" in text):
            direct.append(path.name)  # the system's dialog, or one without the check
        if "QPrintDialog(" in text and "still_here(" not in text:
            direct.append(path.name)
    assert direct == []


def test_a_report_printed_after_f12_prints_nothing(qtbot, demo, tmp_path) -> None:
    from test_report_page import previous_month

    admin = demo.session.desk.login(USER, PASSWORD, how="test")
    window = _window(qtbot, admin)
    window.tabs.setCurrentWidget(window.pages["report"])
    page = window.page("report")
    page.select_month(previous_month())
    with qtbot.waitSignal(page.generated, timeout=30_000):
        page.generate_button.click()
    assert page.print_action.isEnabled()
    before = _exports(demo)
    printed = tmp_path / "rapporto.pdf"

    def f12_then_print(dialog: QPrintDialog) -> None:
        printers = dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # Print to File (PDF)
        dialog.findChild(QLineEdit, "filename").setText(str(printed))
        qtbot.keyClick(dialog, Qt.Key.Key_F12)
        dialog.accept()

    asked = when_modal(f12_then_print, kind=QPrintDialog)
    page.print_action.trigger()
    assert asked and window.quick_exit.active
    assert not printed.exists() and _exports(demo) == before
