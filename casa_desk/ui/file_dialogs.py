"""The file and print dialogs, asked in one place: F12 and the lock take a file dialog off
the screen, and an answer given after the desk was locked is dropped.

**File dialogs are Qt's own.** On Windows QFileDialog's static functions open the system's
*native* dialog, with a modal loop of its own. It is not a Qt widget: F12 and the idle
lock, which take every dialog of the application off the screen
(:func:`quick_exit.close_dialogs`), could not see it, and it stayed over the neutral page or
the lock screen showing the office's folders and file names (a letter's name may carry a
person's). So the file name is asked with a QFileDialog *instance* drawn by Qt
(``DontUseNativeDialog``), modal, with the calling widget's window as its parent: F12 and the
lock reject it like any other dialog (with its overwrite question, if it is up), and a
rejected dialog is a cancelled one — nothing is written. The filters, the suggested folder and
name, the question before replacing an existing file and the extension added to a name typed
without one (as Windows' own save dialog adds it) are kept.

**Print dialogs stay the system's.** On Windows QPrintDialog is always the native one (Qt
has no dialog of its own there to fall back on): F12 and the lock cannot take it off the
screen. It shows printers and pages, no names, and its answer goes through the check below.

**The check.** The answer counts only when, between asking and answering, the window was
neither quick-exited nor locked (even if unlocked again since) and the user at the desk is
the same; otherwise it is dropped as if the dialog had been cancelled, and nothing is
written or printed. A dialog is not even opened while the window is hidden. A widget that
does not sit in a desk window (a page shown alone) has no lock to check.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QDialog, QFileDialog, QTreeView, QWidget

from casa_desk.ui.quick_exit import QuickExit
from casa_desk.ui.screen_fit import fitted

# Object name of the file dialogs asked here (tests and style sheets find them by it).
FILE_DIALOG_NAME = "fileDialog"
# Room for the folder list's four columns beside the side bar (Qt's default, 636 px, cut
# "Dimensione" short); shrunk to the screen (1024×768 desks).
PREFERRED_SIZE = QSize(760, 460)
# A wide usual value of the folder list's size and type columns (the type is the system's).
_USUAL_VALUES = {1: "1023,9 KiB", 2: "Documento PDF"}
# The first "*.ext" of a name filter such as "PDF (*.pdf)": the extension a save adds.
_FIRST_SUFFIX = re.compile(r"\*\.([A-Za-z0-9_]+)")


def _desk_window(widget: QWidget | None) -> Any:
    """The window that owns the quick exit ``widget`` is shown in (its parents), or None."""
    while widget is not None:
        if isinstance(getattr(widget, "quick_exit", None), QuickExit):
            return widget
        widget = widget.parentWidget()
    return None


def still_here(parent: QWidget | None) -> Callable[[], bool]:
    """Call before a dialog's modal loop; the returned check, called when the dialog has
    answered, is True when the answer may be acted on (see the module). False at once
    when the window is hidden now."""
    window = _desk_window(parent)
    if window is None:
        return lambda: True
    quick_exit: QuickExit = window.quick_exit
    times_away = quick_exit.times_away
    session = getattr(getattr(window, "context", None), "session", None)

    def check() -> bool:
        return (
            not quick_exit.active
            and quick_exit.times_away == times_away
            and getattr(getattr(window, "context", None), "session", None) is session
        )

    return check


def _suffix_of(name_filter: str) -> str:
    """The extension a save with ``name_filter`` selected adds ("" for "All files (*)")."""
    found = _FIRST_SUFFIX.search(name_filter)
    return found.group(1) if found else ""


def _columns_whole(dialog: QFileDialog) -> None:
    """Every column of the folder list at least as wide as its title and, for the size and
    the type, as a usual value (Qt's widths cut "Dimensione", "43,4 KiB", "Documento PDF")."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    header, metrics = view.header(), view.fontMetrics()
    margin = 2 * metrics.averageCharWidth()
    for column in range(header.count()):
        usual = metrics.horizontalAdvance(_USUAL_VALUES.get(column, "")) + margin
        header.resizeSection(
            column, max(header.sectionSize(column), header.sectionSizeHint(column), usual)
        )


def file_dialog(
    parent: QWidget, caption: str, directory: str, filters: str, *, save: bool
) -> QFileDialog:
    """The dialog :func:`save_file_name` and :func:`open_file_name` show (not shown yet)."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setObjectName(FILE_DIALOG_NAME)
    # Qt's own widget, which F12 and the lock can close; never the system's (see the module).
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # Qt's Italian has no text for these two labels (their source gained a mnemonic).
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("FileDialogs", "Cerca &in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType,
        QCoreApplication.translate("FileDialogs", "&Tipo di file:"),
    )
    # The folders an earlier dialog went through (Qt remembers them for the PC's account,
    # whoever was at the desk) are not offered to the next user.
    dialog.setHistory([])
    _columns_whole(dialog)
    dialog.resize(fitted(dialog, PREFERRED_SIZE))
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        # The overwrite question is Qt's default: asked, never switched off here.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
        dialog.setDefaultSuffix(_suffix_of(dialog.selectedNameFilter()))
        dialog.filterSelected.connect(lambda chosen: dialog.setDefaultSuffix(_suffix_of(chosen)))
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog


def _asked(parent: QWidget, caption: str, directory: str, filters: str, *, save: bool) -> str:
    """The chosen path, or "" (cancelled, closed by F12 or the lock, or the desk locked or
    handed over meanwhile: see the module)."""
    check = still_here(parent)
    if not check():
        return ""
    dialog = file_dialog(parent, caption, directory, filters, save=save)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.selectedFiles() if accepted else []
    finally:
        dialog.deleteLater()
    path = chosen[0] if chosen else ""
    return path if path and check() else ""


def save_file_name(parent: QWidget, caption: str, directory: str, filters: str) -> str:
    """Where to save (``directory`` may end with the suggested file name), or "" (cancelled,
    closed by F12 or the lock, or the desk locked meanwhile). An existing file is replaced
    only after the dialog's own question."""
    return _asked(parent, caption, directory, filters, save=True)


def open_file_name(parent: QWidget, caption: str, directory: str, filters: str) -> str:
    """An existing file to open, or "" (cancelled, closed by F12 or the lock, or the desk
    locked meanwhile)."""
    return _asked(parent, caption, directory, filters, save=False)
