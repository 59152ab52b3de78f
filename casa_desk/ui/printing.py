"""Printing a PDF the program made (a report, a letter) through the system's print dialog.

Qt's own dialog (QPrintDialog) chooses the printer and the pages; each page of the PDF is
rendered (QtPdf) and painted on the printer, scaled to its printable area.

**Printing to a file.** Qt's dialog (the one on Linux) offers "Print to File (PDF)" with a
file name of the user's: Qt writes it, not :mod:`casa_desk.outputs`. That name went
unchecked — a letter printed over the open store replaced it — so it goes through the
same check as every file the desk writes (:func:`checked_file`), before anything is put on
record or painted. Windows' dialog prints to a file through a printer driver that asks
for its own name, out of the program's hands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from casa_desk import outputs
from casa_desk.ui.file_dialogs import still_here


def checked_file(printer: QPrinter, inputs: Sequence[Path | str] = ()) -> None:
    """When ``printer`` prints to a file, refuse its name as any output of the desk is
    refused (:func:`casa_desk.outputs.check_output`: never the store or one of ``inputs``,
    an open store, a key file, a name Windows cannot keep…): one
    :class:`~casa_desk.errors.OutputError`. A real printer passes."""
    name = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and name:
        outputs.check_output(name, inputs=inputs)


def paint_document(document: QPdfDocument, printer: QPrinter) -> None:
    """Paint every page of ``document`` on ``printer``, scaled to the printable area."""
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            rect = painter.viewport()
            size = document.pagePointSize(page)
            scale = min(rect.width() / size.width(), rect.height() / size.height())
            image = document.render(
                page, QSize(int(size.width() * scale), int(size.height() * scale))
            )
            painter.drawImage(QPointF(0, 0), image)
    finally:
        painter.end()


def print_pdf(
    path: Path,
    parent: QWidget | None = None,
    *,
    accepted: Callable[[], bool] | None = None,
    inputs: Sequence[Path | str] = (),
) -> bool:
    """Ask for a printer (the system's dialog), then print the PDF at ``path``; True when
    it was sent, False when the operator cancelled or the file is not a readable PDF.

    ``accepted`` is called once the operator has accepted the dialog, before any page is
    painted (a letter's printing goes on record there); False from it prints nothing.
    A file printed to is checked first (:func:`checked_file`, with ``inputs``: the open
    store): OutputError, nothing recorded nor printed."""
    document = QPdfDocument(parent)
    try:
        document.load(str(path))
        if document.pageCount() == 0:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setObjectName("printDialog")
        # Native on Windows, like the file dialogs: accepted after a lock, it prints nothing.
        here = still_here(parent)
        if not here() or dialog.exec() != QDialog.DialogCode.Accepted or not here():
            return False
        checked_file(printer, inputs)
        if accepted is not None and not accepted():
            return False
        paint_document(document, printer)
        return True
    finally:
        document.close()
        document.deleteLater()
