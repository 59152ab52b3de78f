"""Text is shown as it is written, never read as HTML.

QLabel, QMessageBox and tooltips take a text that *looks* like HTML for rich text (Qt's
``AutoText``, decided by ``Qt.mightBeRichText``). The window shows data it did not write: a
name typed at a desk, read from a registry CSV or received from another office through the
hub, a contact's notes, a service's name, a safe-contact note. A name such as
``<span style="font-size:40pt;color:red">EVACUARE</span>`` was drawn as a huge red word on
the card, ``<img src="file:///…">`` loaded a local file, and an honest note "bimbo <5 anni,
a<b>c" lost its letters.

So every label of the window is made here, plain text (:func:`plain_label`); the few bold
column headings the code writes itself are :func:`bold_label`, rich text with their text
escaped; a message box is :func:`message_box`, plain; a tooltip that would be read as HTML is
turned into the HTML that shows it as it is (:func:`plain_tip`). ``tests/ui/test_plain_data``
walks the window over a store full of such names and fails on any label or tooltip that
would render one, and on any ``QLabel(`` or ``QMessageBox(`` made outside this module.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(*args: Any, **kwargs: Any) -> QLabel:
    """A QLabel (same arguments) whose text is always shown as it is, tags and all."""
    label = QLabel(*args, **kwargs)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def bold_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold heading (a column's title): rich text on purpose, ``text`` escaped in it."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(f"<b>{html.escape(text, quote=False)}</b>")
    return label


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None
) -> QMessageBox:
    """A QMessageBox whose text (and informative text) is shown as it is."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def plain_tip(text: str) -> str:
    """``text`` as a tooltip that shows it as it is.

    QToolTip reads a text as HTML when ``Qt.mightBeRichText`` says so ("<b>x", "&lt;"): such
    a text is given as one paragraph of HTML holding it escaped, its spaces and line breaks
    kept (``white-space: pre-wrap``); any other text is given unchanged (a plain tooltip
    keeps its look).

    >>> plain_tip("Rossi Mario")
    'Rossi Mario'
    >>> plain_tip("<b>Rossi</b>")
    '<p style="white-space:pre-wrap">&lt;b&gt;Rossi&lt;/b&gt;</p>'
    """
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def no_mnemonic(text: str) -> str:
    """``text`` for a button, a radio button or a menu item, its ``&`` shown as written.

    Qt reads ``&`` in such a text as the mark of a keyboard shortcut: "Rossi & Bianchi" lost
    its ``&``, and "Rossi &Bianchi" underlined the B and opened that card at a press of B in
    the F2 menu. A name, a value or any other stored text gets each ``&`` doubled.

    >>> no_mnemonic("Rossi & Bianchi")
    'Rossi && Bianchi'
    """
    return text.replace("&", "&&")
