"""A person's history (contacts and referrals, newest first) as a Qt table model.

Sensitive entries (domestic violence, health: DESIGN.md §3) show only their date, kind and a
neutral "Riservato" marker; topic, summary and notes stay hidden until the operator reveals
that one entry (the card records the reveal in the audit trail). Also the UI wording of the
stored codes (channels, outcomes, referral statuses), kept in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from casa_desk.models.timeutil import format_date, format_datetime
from casa_desk.ui.plain_text import plain_tip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class _Labels(QObject):
    """UI words for stored codes (a QObject so lupdate and tr() share its context)."""

    def channels(self) -> dict[str, str]:
        return {
            "sportello": self.tr("Sportello"),
            "telefono": self.tr("Telefono"),
            "email": self.tr("Email"),
            "visita_domiciliare": self.tr("Visita domiciliare"),
            "evento": self.tr("Evento"),
        }

    def outcomes(self) -> dict[str, str]:
        return {
            "risolto": self.tr("Risolto"),
            "in_carico": self.tr("In carico"),
            "inviato": self.tr("Inviato"),
        }

    def statuses(self) -> dict[str, str]:
        return {
            "bozza": self.tr("Bozza"),
            "inviata": self.tr("Inviata"),
            "presa_in_carico": self.tr("Presa in carico"),
            "conclusa": self.tr("Conclusa"),
            "rifiutata": self.tr("Rifiutata"),
            "annullata": self.tr("Annullata"),
        }

    def genders(self) -> dict[str, str]:
        return {
            "F": self.tr("Femmina"),
            "M": self.tr("Maschio"),
            "X": self.tr("Altro (X)"),
            "NS": self.tr("Non dichiarato"),
        }

    def roles(self) -> dict[str, str]:
        return {
            "titolare": self.tr("Titolare"),
            "componente": self.tr("Componente del nucleo"),
            "occupante_senza_titolo": self.tr("Occupante senza titolo"),
            "non_residente": self.tr("Non residente"),
        }


_LABELS: list[_Labels] = []


def _words(kind: str, code: str | None) -> str:
    if not _LABELS:
        _LABELS.append(_Labels())
    return getattr(_LABELS[0], kind)().get(code or "", code or "")


def channel_label(code: str | None) -> str:
    return _words("channels", code)


def outcome_label(code: str | None) -> str:
    return _words("outcomes", code)


def status_label(code: str | None) -> str:
    return _words("statuses", code)


def gender_label(code: str | None) -> str:
    return _words("genders", code)


def role_label(code: str | None) -> str:
    return _words("roles", code)


class _FieldWords(QObject):
    """UI words for the registry fields another office may edit."""

    def names(self) -> dict[str, str]:
        return {
            "first_name": self.tr("nome"),
            "last_name": self.tr("cognome"),
            "codice_fiscale": self.tr("codice fiscale"),
            "birth_date": self.tr("data di nascita"),
            "birth_place": self.tr("luogo di nascita"),
            "gender": self.tr("genere"),
            "phone": self.tr("telefono"),
            "email": self.tr("email"),
            "languages": self.tr("lingue"),
            "street": self.tr("via"),
            "civic": self.tr("civico"),
            "stair": self.tr("scala"),
            "floor": self.tr("piano"),
            "flat": self.tr("interno"),
            "unit_code": self.tr("codice unità"),
            "quartiere": self.tr("quartiere"),
            "household_id": self.tr("nucleo"),
            "tenancy_role": self.tr("ruolo nel contratto"),
            "notes": self.tr("note"),
        }


def registry_edit_text(fields: dict[str, list[Any]]) -> str:
    """``telefono: 02 1 → 02 9; via: …`` for one edit (Sync page and person card)."""
    names = _FieldWords().names()
    return "; ".join(
        f"{names.get(name, name)}: {_value(before)} → {_value(after)}"
        for name, (before, after) in sorted(fields.items())
    )


def registry_edit_author(edit: dict[str, Any]) -> str:
    """``SAN-SIRO · m.rossi``: the office that made an edit and its desk's operator."""
    return " · ".join(str(p) for p in (edit.get("office"), edit.get("operator")) if p)


def _value(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


@dataclass
class Entry:
    """One line of the history: a contact or a referral."""

    kind: str  # "contact" | "referral" | "registry_edit" (another office changed the person)
    id: str
    at: str  # stored UTC text, for ordering
    sensitive: bool
    row: dict[str, Any]


def build_entries(
    contacts: list[dict[str, Any]],
    referrals: list[dict[str, Any]],
    edits: list[dict[str, Any]] | None = None,
) -> list[Entry]:
    entries = [
        Entry("registry_edit", e["change_id"], e["received_at"], False, e) for e in edits or []
    ]
    entries += [
        Entry("contact", c["id"], c["occurred_at"], bool(c["sensitive"]), c) for c in contacts
    ]
    entries += [
        Entry("referral", r["id"], r["created_at"], bool(r["sensitive"]), r) for r in referrals
    ]
    entries.sort(key=lambda e: e.at, reverse=True)
    return entries


class HistoryModel(QAbstractTableModel):
    """Date, kind, topic/service, summary/reason, outcome/status."""

    COLUMNS = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._revealed: set[str] = set()

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._revealed = set()
        self.endResetModel()

    def clear(self) -> None:
        self.set_entries([])

    def entry(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def is_hidden(self, entry: Entry) -> bool:
        return entry.sensitive and entry.id not in self._revealed

    def reveal(self, entry_id: str) -> None:
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                self._revealed.add(entry_id)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMNS - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ID_ROLE:
            return entry.id
        if role == Qt.ItemDataRole.ForegroundRole and self.is_hidden(entry):
            return QBrush(QColor("#7a4b00"))
        if role == Qt.ItemDataRole.ToolTipRole:  # whole, where the column cuts it with "…"
            return plain_tip(self._text(entry, index.column())) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._text(entry, index.column())

    def _text(self, entry: Entry, column: int) -> str:
        row = entry.row
        hidden = self.is_hidden(entry)
        if column == 0:
            return format_datetime(entry.at)
        if entry.kind == "registry_edit":
            values = (
                self.tr("Modifica anagrafica"),
                registry_edit_author(row),
                registry_edit_text(row["fields"]),
                self.tr("annullata")
                if row.get("reverted_at")
                else self.tr("confermata")
                if row.get("seen_at")
                else self.tr("da rivedere"),
            )
        elif entry.kind == "contact":
            values = (
                channel_label(row.get("channel")),
                row.get("category_label") or row.get("category") or "",
                row.get("summary") or "",
                outcome_label(row.get("outcome")),
            )
        else:
            due = format_date(row.get("due_on"))
            values = (
                self.tr("Segnalazione"),
                row.get("service_name") or "",
                row.get("reason") or "",
                status_label(row.get("status"))
                + (self.tr(" (scad. %1)").replace("%1", due) if due else ""),
            )
        if hidden and column in (2, 3):
            return self.tr("Riservato") if column == 2 else "—"
        return values[column - 1]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            self.tr("Data"),
            self.tr("Tipo"),
            self.tr("Argomento / servizio"),
            self.tr("Sintesi / motivo"),
            self.tr("Esito / stato"),
        )
        return headers[section] if 0 <= section < len(headers) else None
