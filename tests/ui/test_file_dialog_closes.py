"""F12 and the idle lock take a file dialog off the screen, as every other dialog.

The system's native file dialog (Windows) could not be closed by them: it stayed over the
lock screen with the office's folders and file names. The file dialogs are Qt's own now
(``ui/file_dialogs.py``), modal over the window: closed by F12 or the lock they count as
cancelled — no file, no audit row — and an answer given normally still writes, with the
extension and the question before replacing a file that Windows' own dialog gave.
"""

from __future__ import annotations

from pathlib import Path

from dialogs import when_modal
from login_helpers import PASSWORD, USER
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QWidget,
)
from test_file_dialog_lock import _exports, _window

from casa_desk.ui.file_dialogs import FILE_DIALOG_NAME


def _on_screen(window: QWidget) -> list[QWidget]:
    """The top-level windows a person could see, besides the main window."""
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


def _qt_own_and_modal(dialog: QFileDialog, window: QWidget) -> None:
    """What lets F12 and the lock close it: Qt's widget (never the native dialog, whatever
    the platform), modal, in the window's family."""
    assert dialog.objectName() == FILE_DIALOG_NAME
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.isModal() and dialog.isVisible()
    assert dialog.parentWidget() is not None and dialog.parentWidget().window() is window


def _save_button(dialog: QFileDialog):  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox, "buttonBox")
    return box.button(QDialogButtonBox.StandardButton.Save)


def _letter_page(qtbot, window, demo):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    page.filter.setCurrentIndex(page.filter.findData("all"))
    [referral] = demo.store.query("SELECT id FROM referrals")
    assert page.select(referral["id"]) and page.letter_button.isEnabled()
    return page


def _in_folder(qtbot, dialog: QFileDialog, folder: Path, name: str) -> None:
    """Show ``folder`` in the dialog and wait until ``name`` is listed there."""
    dialog.setDirectory(str(folder))

    def listed() -> bool:
        view = dialog.findChild(QTreeView, "treeView")
        root, shown = view.rootIndex(), view.model()
        return any(shown.index(row, 0, root).data() == name for row in range(shown.rowCount(root)))

    qtbot.waitUntil(listed)


def test_f12_takes_the_reports_save_dialog_off_the_screen(qtbot, demo, tmp_path) -> None:
    from test_report_page import previous_month

    admin = demo.session.desk.login(USER, PASSWORD, how="test")
    window = _window(qtbot, admin)
    window.tabs.setCurrentWidget(window.pages["report"])
    page = window.page("report")
    page.select_month(previous_month())
    with qtbot.waitSignal(page.generated, timeout=30_000):
        page.generate_button.click()
    before = _exports(demo)
    # A folder where a file's name carries a person's: the dialog lists it.
    (tmp_path / "lettera-Quarzolini-Tobia.pdf").write_bytes(b"%PDF-1.4\n")
    out = tmp_path / "rapporto.pdf"
    seen: list[str] = []

    def f12_while_open(dialog: QFileDialog) -> None:
        _qt_own_and_modal(dialog, window)
        _in_folder(qtbot, dialog, tmp_path, "lettera-Quarzolini-Tobia.pdf")
        dialog.selectFile(str(out))
        seen.append(dialog.windowTitle())
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F12)  # someone comes in

    asked = when_modal(f12_while_open, kind=QFileDialog)
    page.save_action.trigger()  # returns once the dialog's loop has ended
    assert asked and seen == ["Salva il rapporto"]
    assert window.quick_exit.active and window.screens.currentWidget() is window.neutral
    assert not asked[0].isVisible() and _on_screen(window) == []
    assert asked[0].result() == QFileDialog.DialogCode.Rejected  # closed = cancelled
    qtbot.wait(50)
    assert not out.exists() and _exports(demo) == before
    assert "rapporto.pdf" not in page.status.text()


def test_the_lock_closes_the_overwrite_question_and_the_letters_dialog(
    qtbot, demo, tmp_path
) -> None:
    window = _window(qtbot, demo.session)
    page = _letter_page(qtbot, window, demo)
    existing = tmp_path / "lettera-Quarzolini.pdf"
    existing.write_bytes(b"la lettera di prima")
    written: list[str] = []
    page.letter_written.connect(written.append)
    questions: list[str] = []

    def lock_on_the_question(box: QMessageBox) -> None:
        questions.append(box.text())
        window.lock()  # the idle lock fires while the question is up

    def replace_the_file(dialog: QFileDialog) -> None:
        _qt_own_and_modal(dialog, window)
        dialog.selectFile(str(existing))
        when_modal(lock_on_the_question, kind=QMessageBox)
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    asked = when_modal(replace_the_file, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    assert asked and len(questions) == 1 and "lettera-Quarzolini.pdf" in questions[0]
    assert window.screens.currentWidget() is window.lock_screen
    assert _on_screen(window) == []  # neither the question nor the dialog
    qtbot.wait(50)
    assert existing.read_bytes() == b"la lettera di prima" and written == []
    assert _exports(demo) == []


def test_a_letter_saved_normally_gets_its_extension_and_replaces_only_after_yes(
    qtbot, demo, tmp_path
) -> None:
    window = _window(qtbot, demo.session)
    page = _letter_page(qtbot, window, demo)
    written: list[str] = []
    page.letter_written.connect(written.append)

    def type_a_name(dialog: QFileDialog) -> None:
        _qt_own_and_modal(dialog, window)
        assert dialog.selectedFiles()[0].endswith("lettera-SS-2026-000001.pdf")  # suggested
        dialog.setDirectory(str(tmp_path))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.clear()
        qtbot.keyClicks(name, "per il servizio")  # no extension typed
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
        assert not dialog.isVisible(), dialog.selectedFiles()  # taken (else: fail, not hang)

    when_modal(type_a_name, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(written) == 1)
    saved = tmp_path / "per il servizio.pdf"
    assert written == [str(saved)] and saved.read_bytes().startswith(b"%PDF")
    assert len(_exports(demo)) == 1

    # The same name again: "No" keeps the file and the dialog, "Sì" replaces it.
    saved.write_bytes(b"la lettera di prima")
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def click(box: QMessageBox) -> None:
            answers.append(box.text())
            qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

        return click

    def no_then_yes(dialog: QFileDialog) -> None:
        dialog.selectFile(str(saved))
        when_modal(answer(QMessageBox.StandardButton.No), kind=QMessageBox)
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and saved.read_bytes() == b"la lettera di prima"
        when_modal(answer(QMessageBox.StandardButton.Yes), kind=QMessageBox)
        qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()

    when_modal(no_then_yes, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(written) == 2)
    assert len(answers) == 2 and saved.read_bytes().startswith(b"%PDF")
    assert len(_exports(demo)) == 2


def test_f12_closes_the_bundle_import_dialog_and_nothing_is_imported(qtbot, demo) -> None:
    admin = demo.session.desk.login(USER, PASSWORD, how="test")
    window = _window(qtbot, admin)
    window.tabs.setCurrentWidget(window.pages["sync"])
    bundles = window.page("sync").bundles
    said: list[str] = []
    bundles.finished.connect(said.append)

    def f12_while_open(dialog: QFileDialog) -> None:
        _qt_own_and_modal(dialog, window)
        assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F12)

    asked = when_modal(f12_while_open, kind=QFileDialog)
    qtbot.mouseClick(bundles.import_button, Qt.MouseButton.LeftButton)
    assert asked and window.quick_exit.active and _on_screen(window) == []
    qtbot.wait(50)
    assert said == []


def test_a_colleague_is_not_offered_the_folders_the_last_dialog_went_through(
    qtbot, demo, tmp_path
) -> None:
    window = _window(qtbot, demo.session)
    page = _letter_page(qtbot, window, demo)
    private = tmp_path / "Pratiche Quarzolini"
    private.mkdir()
    histories: list[list[str]] = []

    def browse_then_cancel(dialog: QFileDialog) -> None:
        histories.append(dialog.history())
        dialog.setDirectory(str(private))  # looked in, then cancelled
        dialog.reject()

    when_modal(browse_then_cancel, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(histories) == 1)
    qtbot.wait(50)  # the first dialog is deleted, its folders remembered by Qt
    when_modal(browse_then_cancel, kind=QFileDialog)
    qtbot.mouseClick(page.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(histories) == 2)
    assert not any("Quarzolini" in folder for folder in histories[1])
