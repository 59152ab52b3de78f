"""F12 and the idle lock forget what was copied from casa_desk.

A codice fiscale, a phone number or a line of a note copied at the desk stays in the
system clipboard after the window is hidden: the next person at the PC pastes it into any
program. What the window put there (copied while casa_desk was the active application, or
owned by it where the platform says so) is cleared with everything else on screen; what
another program copied is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication


class ClipboardGuard(QObject):
    """Remembers whether the clipboard holds something copied here; :meth:`forget` clears it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = False
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        data = self._clipboard.mimeData()
        active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        self._ours = active and data is not None and bool(data.formats())

    def forget(self) -> None:
        """Clear what this application copied (both the clipboard and, on X11, the
        selection that selecting text sets)."""
        if self._ours or self._clipboard.ownsClipboard():
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._clipboard.clear(QClipboard.Mode.Selection)
        self._ours = False
