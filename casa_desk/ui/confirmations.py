"""The brief line that says what was just saved (issue 9, item 9).

It is read by the operator — and by whoever stands beside the desk — so it names what the
screen already shows and nothing more: the surname (it is the card's title), the topic when
it is not a sensitive one, and never a first name, a summary or a note.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from casa_desk.store.db import Store


def contact_saved_text(store: Store, contact_id: str, *, amended: bool = False) -> str:
    """``Contatto registrato: Rossi · Manutenzione e guasti, 10:32.``"""
    row = store.db.execute(
        "SELECT c.sensitive, c.occurred_at, p.last_name, cat.label, cat.label_en"
        " FROM contacts c LEFT JOIN people p ON p.id = c.person_id"
        " LEFT JOIN categories cat ON cat.code = c.category WHERE c.id = ?",
        [contact_id],
    ).fetchone()
    if row is None:
        return QCoreApplication.translate("Confirmations", "Contatto registrato.")
    sensitive, _at, surname, label, label_en = row
    english = QLocale().language() == QLocale.Language.English
    topic = "" if sensitive else ((label_en if english else None) or label or "")
    if amended:
        head = QCoreApplication.translate("Confirmations", "Correzione registrata")
    elif sensitive:
        head = QCoreApplication.translate("Confirmations", "Contatto riservato registrato")
    else:
        head = QCoreApplication.translate("Confirmations", "Contatto registrato")
    who = surname or QCoreApplication.translate("Confirmations", "anonimo")
    return f"{head}: {who}" + (f" · {topic}" if topic else "") + "."
