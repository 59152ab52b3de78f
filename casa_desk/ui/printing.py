"""Printing a PDF the program made (a report, a letter) through the system's print dialog.

Qt's own dialog (QPrintDialog) chooses the printer and the pages; each page of the PDF is
rendered (QtPdf) and painted on the printer, scaled to its printable area.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from casa_desk.ui.file_dialogs import still_here


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
    path: Path, parent: QWidget | None = None, *, accepted: Callable[[], bool] | None = None
) -> bool:
    """Ask for a printer (the system's dialog), then print the PDF at ``path``; True when
    it was sent, False when the operator cancelled or the file is not a readable PDF.

    ``accepted`` is called once the operator has accepted the dialog, before any page is
    painted (a letter's printing goes on record there); False from it prints nothing."""
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
        if accepted is not None and not accepted():
            return False
        paint_document(document, printer)
        return True
    finally:
        document.close()
        document.deleteLater()
