"""The brief line that says what was just saved (issue 9, item 9).

It is read by the operator — and by whoever stands beside the desk — so it names what the
screen already shows and nothing more: the surname (it is the card's title), the topic when
it is not a sensitive one, and never a first name, a summary or a note.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from casa_desk.store.db import Store
from casa_desk.store.restricted import restricted_sql
from casa_desk.ui.masking import masked_name


def contact_saved_text(
    store: Store, contact_id: str, *, amended: bool = False, masked: bool = False
) -> str:
    """``Contatto registrato: Rossi · Manutenzione e guasti, 10:32.`` (``masked``: a user
    without permission reads "Persona riservata" for a riservato person)."""
    surname_sql = (
        f"CASE WHEN {restricted_sql('p')} THEN NULL ELSE p.last_name END"
        if masked
        else "p.last_name"
    )
    row = store.db.execute(
        f"SELECT c.sensitive, c.occurred_at, {surname_sql}, cat.label, cat.label_en,"
        f" {restricted_sql('p')} AS restricted"
        " FROM contacts c LEFT JOIN people p ON p.id = c.person_id"
        " LEFT JOIN categories cat ON cat.code = c.category WHERE c.id = ?",
        [contact_id],
    ).fetchone()
    if row is None:
        return QCoreApplication.translate("Confirmations", "Contatto registrato.")
    sensitive, _at, surname, label, label_en, restricted = row
    if masked and restricted:
        surname = masked_name()
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
