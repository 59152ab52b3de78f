"""The Sync page's lists in words: a hub's refusal in the window's language.

A refusal is found by its code (:mod:`casa_desk.sync.refusals`): the Italian text the desk
keeps is the code's, whichever hub sent it; a text no code matches (a newer hub's new reason)
is shown as it came. Its translations use the context "Refusals" (collected for lupdate by
tools/translations.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from casa_desk.sync import refusals
from casa_desk.ui.sync_actions import field_text


def refusal_text(table: str | None, reason: str | None) -> str:
    """A hub's reason for refusing a change of ``table``, in the window's language, the
    column it names in words ("Valore non valido nel campo Telefono.")."""
    found = refusals.recognise(reason)
    if found is None:
        return reason or ""
    code, params = found
    if "col" in params:
        params = {**params, "col": field_text(table, params["col"])}
    return refusals.fill(QCoreApplication.translate("Refusals", refusals.TEXTS[code]), params)
