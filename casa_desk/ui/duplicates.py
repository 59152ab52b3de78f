"""Two records of one person: the question before registering a possible duplicate, and
the merge dialog that asks, field by field, which value to keep (issue 9, item 4)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date
from casa_desk.store.merging import differences, merged_values
from casa_desk.ui.history_model import gender_label, role_label
from casa_desk.ui.masking import full_name
from casa_desk.ui.plain_text import bold_label, no_mnemonic, plain_label
from casa_desk.ui.screen_fit import fitted

#: The registry fields in words (context "Fields").
FIELD_LABELS = {
    "last_name": QT_TRANSLATE_NOOP("Fields", "Cognome"),
    "first_name": QT_TRANSLATE_NOOP("Fields", "Nome"),
    "codice_fiscale": QT_TRANSLATE_NOOP("Fields", "Codice fiscale"),
    "birth_date": QT_TRANSLATE_NOOP("Fields", "Data di nascita"),
    "birth_place": QT_TRANSLATE_NOOP("Fields", "Luogo di nascita"),
    "gender": QT_TRANSLATE_NOOP("Fields", "Sesso"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Telefono"),
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "languages": QT_TRANSLATE_NOOP("Fields", "Lingue"),
    "street": QT_TRANSLATE_NOOP("Fields", "Via"),
    "civic": QT_TRANSLATE_NOOP("Fields", "Civico"),
    "stair": QT_TRANSLATE_NOOP("Fields", "Scala"),
    "floor": QT_TRANSLATE_NOOP("Fields", "Piano"),
    "flat": QT_TRANSLATE_NOOP("Fields", "Interno"),
    "unit_code": QT_TRANSLATE_NOOP("Fields", "Codice alloggio"),
    "quartiere": QT_TRANSLATE_NOOP("Fields", "Quartiere"),
    "household_id": QT_TRANSLATE_NOOP("Fields", "Nucleo familiare"),
    "tenancy_role": QT_TRANSLATE_NOOP("Fields", "Ruolo nel nucleo"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Note"),
}


def field_labels() -> dict[str, str]:
    """The registry fields in words, in the interface language."""
    return {k: QCoreApplication.translate("Fields", v) for k, v in FIELD_LABELS.items()}


def shown_value(field: str, value: Any) -> str:
    """A stored value as the card shows it."""
    if value in (None, ""):
        return "—"
    words = {
        "birth_date": format_date,
        "phone": lambda v: format_phone(str(v)),
        "gender": gender_label,
        "tenancy_role": role_label,
        "household_id": lambda v: QCoreApplication.translate("Fields", "nucleo %1").replace(
            "%1", str(v)[-6:]
        ),
    }
    return str(words[field](value)) if field in words else str(value)


class DuplicatesDialog(QDialog):
    """ "These people may be the same": open one of them, or register anyway — never
    anyway when one of them already has the codice fiscale typed."""

    def __init__(
        self, found: list[tuple[dict[str, Any], frozenset[str]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Possibili doppioni"))
        self.choice: str = "cancel"
        # The holder of the same codice fiscale first: it is that person, not "maybe".
        self.found = sorted(found, key=lambda item: "same_cf" not in item[1])
        self.same_cf = any("same_cf" in why for _row, why in found)
        self.list = QListWidget(objectName="duplicatesList")
        self.list.setWordWrap(True)
        self.resize(fitted(parent or self, QSize(640, 300)))
        reasons = {
            "same_cf": self.tr("stesso codice fiscale"),
            "same_name_birth": self.tr("stesso nome e data di nascita"),
            "same_phone": self.tr("stesso telefono"),
        }
        for row, why in self.found:
            born = format_date(row.get("birth_date"))
            self.list.addItem(
                f"{full_name(row)}"
                f"{' – ' + born if born else ''} "
                f"({', '.join(reasons.get(r, r) for r in sorted(why))})"
            )
        self.list.setCurrentRow(0)
        self.open_button = QPushButton(
            self.tr("Apri la scheda esistente"), objectName="openExisting"
        )
        self.register_button = QPushButton(
            self.tr("Registra comunque"), objectName="registerAnyway"
        )
        self.register_button.setVisible(not self.same_cf)
        cancel = QPushButton(self.tr("Annulla"))
        self.open_button.setDefault(True)
        self.message = plain_label(
            self.tr(
                "Questo codice fiscale è già registrato: la persona ha già una scheda. "
                "Aprirla per aggiornarla."
            )
            if self.same_cf
            else self.tr("Queste persone potrebbero essere la stessa che si sta registrando:"),
            objectName="duplicatesMessage",
        )
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.register_button)
        row.addStretch(1)
        row.addWidget(cancel)
        layout.addLayout(row)
        self.open_button.clicked.connect(lambda: self._choose("open"))
        self.register_button.clicked.connect(lambda: self._choose("register"))
        cancel.clicked.connect(self.reject)

    def _choose(self, choice: str) -> None:
        if choice == "register" and self.same_cf:
            return
        self.choice = choice
        self.accept()

    def selected_id(self) -> str:
        return self.found[max(self.list.currentRow(), 0)][0]["id"]


class MergeDialog(QDialog):
    """Merge ``duplicate`` into ``survivor``: one row per field where both have a different
    value, the survivor's value chosen by default; what else moves is said below."""

    def __init__(
        self,
        survivor: dict[str, Any],
        duplicate: dict[str, Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Unisci le schede"))
        self.survivor, self.duplicate = survivor, duplicate
        self.fields = differences(duplicate, survivor)
        self.groups: dict[str, QButtonGroup] = {}
        labels = field_labels()

        def name(person: dict[str, Any]) -> str:
            return f"{person['last_name']} {person['first_name']}"

        intro = plain_label(
            self.tr("La scheda «%1» sarà unita a questa, «%2».")
            .replace("%1", name(duplicate))
            .replace("%2", name(survivor)),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(bold_label(self.tr("Questa scheda")), 0, 1)
        grid.addWidget(bold_label(self.tr("L’altra scheda")), 0, 2)
        for line, field in enumerate(self.fields, start=1):
            keep = QRadioButton(no_mnemonic(shown_value(field, survivor.get(field))), self)
            take = QRadioButton(no_mnemonic(shown_value(field, duplicate.get(field))), self)
            keep.setObjectName(f"keep_{field}")
            take.setObjectName(f"take_{field}")
            keep.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(keep, 0)
            group.addButton(take, 1)
            self.groups[field] = group
            grid.addWidget(plain_label(labels.get(field, field) + ":"), line, 0)
            grid.addWidget(keep, line, 1)
            grid.addWidget(take, line, 2)
        grid.setRowStretch(len(self.fields) + 1, 1)  # the rows at the top, packed
        grid.setColumnStretch(3, 1)
        body = QWidget(self)
        body.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        filled = [
            labels.get(f, f)
            for f in merged_values(duplicate, survivor)
            if f not in self.fields and f != "notes"
        ]
        question = plain_label(
            self.tr("Dove i dati sono diversi, scegliere quale tenere:")
            if self.fields
            else self.tr("I dati non sono in contrasto.")
        )
        moves = plain_label(
            self.tr(
                "Passano a questa scheda: i contatti, i consensi, le segnalazioni, "
                "l'iscrizione al programma FSE e il nucleo familiare dell'altra."
            )
            + (
                "\n"
                + self.tr("Si completano dall'altra scheda: %1.").replace("%1", ", ".join(filled))
                if filled
                else ""
            ),
            self,
        )
        moves.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.merge_button = buttons.addButton(
            self.tr("Unisci"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.merge_button.setDefault(True)
        buttons.addButton(self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(question)
        if self.fields:
            layout.addWidget(scroll, 1)
        layout.addWidget(moves)
        layout.addWidget(buttons)
        self.resize(fitted(parent or self, QSize(760, 240 + 36 * len(self.fields))))

    def choices(self) -> dict[str, Any]:
        """The other record's values the operator chose to keep."""
        return {
            field: self.duplicate[field]
            for field, group in self.groups.items()
            if group.checkedId() == 1
        }
