"""Form labels whose mnemonic letter does not cut their last letter.

The consent form's "&Testo" read "Testc" (at 1366×768 as at 1024×768; in English "&Text",
and the contact form's "&Topic"): Qt draws the underlined letter of a mnemonic as a run of
its own, so it loses its kerning with the next letter ("Te" in DejaVu Sans: 2 px), while
QLabel's size hint measures the word kerned. A form layout gives a label its size hint, and
the last pixels of the word fall outside it. Each label with a mnemonic is made as wide as
its text is drawn.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

#: The mnemonic: one "&" before a letter ("&&" is an ampersand shown as it is).
_MNEMONIC = re.compile(r"(?<!&)&(?!&)(.)")


def drawn_width(metrics: QFontMetrics, text: str) -> int:
    """The width of a one-line ``text`` as Qt draws it, its mnemonic letter shaped alone."""
    match = _MNEMONIC.search(text)
    if match is None:
        return metrics.horizontalAdvance(text.replace("&&", "&"))
    parts = (text[: match.start()], match.group(1), text[match.end() :])
    return sum(metrics.horizontalAdvance(part.replace("&&", "&")) for part in parts if part)


def fit_mnemonic_labels(root: QWidget) -> None:
    """Widen each one-line label of ``root`` that has a buddy (a form's label, "&Testo") to
    the width its text is drawn with. Call it once the form's rows are added."""
    for label in root.findChildren(QLabel):
        text = label.text()
        if (
            label.buddy() is None
            or label.wordWrap()
            or label.textFormat() == Qt.TextFormat.RichText
            or _MNEMONIC.search(text) is None
        ):
            continue
        margins = label.contentsMargins()
        needed = (
            drawn_width(label.fontMetrics(), text)
            + margins.left()
            + margins.right()
            + 2 * label.margin()
            + max(label.indent(), 0)
        )
        if needed > label.sizeHint().width():
            label.setMinimumWidth(needed)
