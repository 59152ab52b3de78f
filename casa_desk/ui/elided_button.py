"""A flat, left-aligned push button that never asks for more width than it is given.

A QPushButton's minimum width is its whole text: in the card's left column (a scroll area
with no horizontal scroll bar) one household member's "Esposito Antonio – Occupante senza
titolo" made the column wider than its viewport, and every value of the card was cut at
the right edge, the member's ✕ out of sight. This button takes the room its layout gives
and draws its text elided to it; the whole text stays its ``text()``, its accessible name
and, once elided, its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from casa_desk.ui.plain_text import no_mnemonic, plain_tip


class ElidedButton(QPushButton):
    """A link-like button of a list (flat, text on the left) that fits any width."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(no_mnemonic(text), parent)  # a name's "&" is no shortcut
        self._text = text
        self.setFlat(True)
        self.setStyleSheet("text-align: left;")
        self.setAccessibleName(text)
        # Ignored: the layout's room decides the width, never the length of the text.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def shown_text(self) -> str:
        """The text as drawn at the current width (elided with "…" when it does not fit)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        # the style's own padding inside the contents rectangle, as QPushButton leaves it
        spare = self.fontMetrics().horizontalAdvance(" ") * 2
        return self.fontMetrics().elidedText(
            self._text, Qt.TextElideMode.ElideRight, max(room.width() - spare, 0)
        )

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = no_mnemonic(self.shown_text())
        QStylePainter(self).drawControl(QStyle.ControlElement.CE_PushButton, option)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.setToolTip(plain_tip(self._text) if self.shown_text() != self._text else "")
