"""The Sync page's lists in words: a hub's refusal in the window's language, and the values
of a conflict as the forms and lists show them (a channel's name, not ``visita_domiciliare``;
"Sì", not ``1``; ``04/10/2026``, not ``2026-10-04``).

A refusal is found by its code (:mod:`casa_desk.sync.refusals`): the Italian text the desk
keeps is the code's, whichever hub sent it; a text no code matches (a newer hub's new reason)
is shown as it came. Its translations use the context "Refusals" (collected for lupdate by
tools/translations.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from casa_desk.models.timeutil import format_date, format_datetime
from casa_desk.sync import refusals
from casa_desk.sync.merge import BOOKKEEPING, IDENTITY
from casa_desk.ui.duplicates import shown_value
from casa_desk.ui.models import Vocab
from casa_desk.ui.sync_actions import field_text
from casa_desk.ui.words import language_names


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


# 0/1 columns, shown "Sì" / "No".
FLAGS = frozenset({"deleted", "sensitive", "active", "no_calls", "no_post"})


def yes_no(value: Any) -> str:
    return (
        QCoreApplication.translate("Vocab", "Sì")
        if value
        else QCoreApplication.translate("Vocab", "No")
    )


def _when(value: Any, form: Callable[[Any], str]) -> str:
    try:
        return form(value)
    except (TypeError, ValueError):
        return str(value)  # not a date this version reads: as stored


class ValueWords:
    """Words for one refresh of the page's conflicts. ``categories`` (code → label in the
    window's language), ``services`` (id → name) and ``people`` (id → name, those the listed
    values name) come from the store: they are the office's data, not codes the window
    knows."""

    def __init__(
        self, categories: dict[str, str], services: dict[str, str], people: dict[str, str]
    ) -> None:
        self.people = people
        self.vocab: dict[tuple[str, str], dict[str, str]] = {
            ("contacts", "channel"): Vocab.channels(),
            ("contacts", "outcome"): Vocab.outcomes(),
            ("contacts", "category"): categories,
            ("referrals", "urgency"): Vocab.urgencies(),
            ("referrals", "service_id"): services,
            ("referral_events", "event"): Vocab.events(),
            ("services", "kind"): Vocab.service_kinds(),
        }

    def text(self, table: str | None, field: str | None, value: Any) -> str:  # noqa: PLR0911 - one form per branch
        """``value`` of ``table``'s column ``field`` as the window shows it; "—" for none."""
        if value is None or value == "":
            return "—"
        if isinstance(value, dict):  # a row refused whole: its fields in words, not a dict
            return "; ".join(
                f"{field_text(table, name)}: {self.text(table, name, part)}"
                for name, part in value.items()
                if name not in IDENTITY | BOOKKEEPING and part not in (None, "")
            )
        table, field = table or "", field or ""
        words = self.people if field == "person_id" else self.vocab.get((table, field))
        if words is not None:
            return words.get(str(value), str(value))
        if field in FLAGS and value in (0, 1):
            return yes_no(value)
        if table == "people" and field == "languages":
            return language_names(str(value))
        if table == "people" and field in ("gender", "tenancy_role", "birth_date"):
            return _when(value, lambda v: shown_value(field, v))  # as the card shows them
        if field.endswith("_on"):
            return _when(value, format_date)
        if field == "at" or field.endswith("_at"):
            return _when(value, format_datetime)
        return str(value)
