"""After a file is saved (a report, a letter): say where, in plain (not red) text, with
"Apri" to open it in the system's viewer (QDesktopServices, the desktop's own choice)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from casa_desk.ui.plain_text import plain_label


class SavedFileBar(QWidget):
    """ "Lettera salvata in …  [Apri]"; hidden until something was saved."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedFile")
        self.path: Path | None = None
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Apri"), self, objectName="openSaved")
        self.open_button.clicked.connect(self.open_file)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.message, 1)
        row.addWidget(self.open_button)
        self.hide()

    def show_saved(self, path: Path, text: str) -> None:
        self.path = Path(path)
        self.message.setText(text)
        self.show()

    def open_file(self) -> bool:
        if self.path is None:
            return False
        self.opened.emit(str(self.path))
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
