"""The left column of a person's card: identity, address and Aler unit, household,
consents and possible duplicates — one group box each, inside a scroll area.

The column scrolls inside the window: a household of ten or a long list of consents makes
it longer, never the window taller (issue 9: the window grew past the screen and remembered
that size). Labels wrap and are laid out by width, so no row cuts the bottoms of letters.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date, today_rome
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS
from casa_desk.store.consents import Consents, consent_state
from casa_desk.store.people import People
from casa_desk.ui.consent_dialog import ConsentDialog
from casa_desk.ui.context import DeskContext
from casa_desk.ui.elided_button import ElidedButton
from casa_desk.ui.esf_box import EsfBox
from casa_desk.ui.history_model import gender_label, role_label
from casa_desk.ui.masking import full_name, mask_people
from casa_desk.ui.member_dialog import MemberDialog
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import message_box, plain_label, plain_tip
from casa_desk.ui.rights_box import RightsBox
from casa_desk.ui.words import language_names

#: The column never gets narrower than this (the splitter stops there): a label, a codice
#: fiscale and the vertical scroll bar side by side ("Data di nascita:" + 16 letters).
MIN_WIDTH = 280
#: A value longer than this without a space may be cut (see value_label).
UNBROKEN = 22


def clear_layout(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            # Off screen now, not at the next event-loop turn (quick exit, grab()).
            widget.hide()
            widget.deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def value_label(text: str) -> QLabel:
    """A wrapped, selectable value that asks for the height its wrapped text needs.

    A value with no space to wrap at (an e-mail address) would widen the whole column past
    the window: it may be cut at the column's edge instead, whole in its tooltip.
    """
    label = plain_label(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    horizontal = QSizePolicy.Policy.Preferred
    if " " not in text and len(text) > UNBROKEN:
        horizontal = QSizePolicy.Policy.Ignored
        label.setToolTip(plain_tip(text))
    label.setSizePolicy(horizontal, QSizePolicy.Policy.Minimum)
    return label


class CardSide(QScrollArea):
    """The card's left column; ``person_opened`` asks the window for another card."""

    person_opened = Signal(str)
    merge_requested = Signal(str)
    #: A short line saying what was just done (the window shows it in the status bar).
    confirmed = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSide")
        self.context = context
        self.people = People(context.store)
        self.person_id: str | None = None
        self.member_dialog: MemberDialog | None = None
        self.consent_dialog: ConsentDialog | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(MIN_WIDTH)
        self.identity_box = QGroupBox()
        self.identity = self._form(self.identity_box)
        self.address_box = QGroupBox()
        self.address = self._form(self.address_box)
        self.household_box = QGroupBox(objectName="householdBox")
        self.household = QVBoxLayout(self.household_box)
        self.consents_box = QGroupBox(objectName="consentsBox")
        self.consents = QVBoxLayout(self.consents_box)
        self.duplicates_box = QGroupBox(objectName="duplicatesBox")
        self.duplicates = QGridLayout(self.duplicates_box)
        self.esf_box = EsfBox(context)  # the programme's steps, the entry first
        self.rights_box = RightsBox(context)  # safe contact, data export, erasure
        self.rights_box.confirmed.connect(self.confirmed)
        self.duplicates.setColumnStretch(0, 1)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        for box in (
            self.identity_box,
            self.rights_box,
            self.address_box,
            self.household_box,
            self.consents_box,
            self.esf_box,
            self.duplicates_box,
        ):
            column.addWidget(box)
        column.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    @staticmethod
    def _form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return form

    def retranslate(self) -> None:
        self.identity_box.setTitle(self.tr("Dati anagrafici"))
        self.address_box.setTitle(self.tr("Indirizzo e alloggio Aler"))
        self.household_box.setTitle(self.tr("Nucleo familiare"))
        self.consents_box.setTitle(self.tr("Consensi"))
        self.duplicates_box.setTitle(self.tr("Possibili doppioni"))
        self.esf_box.retranslate()
        self.rights_box.retranslate()

    # -- filling ------------------------------------------------------------------------
    def fill(self, person: dict[str, Any]) -> None:
        self.person_id = person["id"]
        self._fill_identity(person)
        self.rights_box.load(person)
        self._fill_household(person)
        self._fill_consents(person["id"])
        self.esf_box.load(
            self.people.merged_ids(person["id"]), may_enrol=not person.get("anonymised_on")
        )
        self._fill_duplicates(person["id"])
        self.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.person_id = None
        for layout in (self.identity, self.address, self.household, self.consents, self.duplicates):
            clear_layout(layout)
        self.esf_box.clear()

    def _fill_identity(self, p: dict[str, Any]) -> None:
        clear_layout(self.identity)
        rows = [
            (self.tr("Cognome"), p.get("last_name")),
            (self.tr("Nome"), p.get("first_name")),
            (self.tr("Codice fiscale"), p.get("codice_fiscale")),
            (self.tr("Data di nascita"), format_date(p.get("birth_date"))),
            (self.tr("Luogo di nascita"), p.get("birth_place")),
            (self.tr("Sesso"), gender_label(p.get("gender"))),
            (self.tr("Telefono"), format_phone(p["phone"]) if p.get("phone") else ""),
            (self.tr("Email"), p.get("email")),
            (self.tr("Lingue"), language_names(p.get("languages"))),
            (self.tr("Note"), p.get("notes")),
        ]
        self._form_rows(self.identity, rows)
        clear_layout(self.address)
        street = " ".join(x for x in (p.get("street"), p.get("civic")) if x)
        where = ", ".join(
            x
            for x in (
                self.tr("scala %1").replace("%1", p["stair"]) if p.get("stair") else "",
                self.tr("piano %1").replace("%1", p["floor"]) if p.get("floor") else "",
                self.tr("interno %1").replace("%1", p["flat"]) if p.get("flat") else "",
            )
            if x
        )
        self._form_rows(
            self.address,
            [
                (self.tr("Via"), street),
                (self.tr("Scala / piano / interno"), where),
                (self.tr("Quartiere"), p.get("quartiere")),
                (self.tr("Codice alloggio"), p.get("unit_code")),
                (self.tr("Ruolo"), role_label(p.get("tenancy_role"))),
            ],
        )

    def _form_rows(self, form: QFormLayout, rows: list[tuple[str, Any]]) -> None:
        for label, value in rows:
            if value:
                form.addRow(label + ":", value_label(str(value)))
        if form.rowCount() == 0:
            form.addRow(plain_label(self.tr("Nessun dato.")))

    def _fill_household(self, person: dict[str, Any]) -> None:
        clear_layout(self.household)
        members = mask_people(self.context, self.people.household(person))
        for member in members:
            text = full_name(member)
            if member.get("tenancy_role"):
                text += f" – {role_label(member['tenancy_role'])}"
            button = ElidedButton(text)  # a long name and role never widen the column
            button.clicked.connect(lambda _=False, pid=member["id"]: self.person_opened.emit(pid))
            unlink = QToolButton(objectName="unlinkMember")
            unlink.setText("✕")
            unlink.setToolTip(self.tr("Togli dal nucleo familiare"))
            unlink.setAccessibleName(self.tr("Togli %1 dal nucleo familiare").replace("%1", text))
            unlink.clicked.connect(lambda _=False, pid=member["id"]: self.unlink_member(pid))
            row = QHBoxLayout()
            row.addWidget(button, 1)
            row.addWidget(unlink)
            self.household.addLayout(row)
        if not members:
            self.household.addWidget(value_label(self.tr("Nessun altro componente registrato.")))
        add = QPushButton(self.tr("Aggiungi componente…"), objectName="linkMember")
        add.clicked.connect(self.ask_member)
        self.household.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    # -- household ----------------------------------------------------------------------
    def ask_member(self) -> None:
        """Find someone and put them in this household (a small search dialog)."""
        if self.person_id is None:
            return
        self.member_dialog = MemberDialog(self.context, self.person_id, self)
        self.member_dialog.chosen.connect(self.link_member)
        self.member_dialog.open()

    def link_member(self, member_id: str) -> bool:
        person_id = self.person_id
        if person_id is None:
            return False
        return (
            StoreOp(
                self.context.bus,
                lambda: self.people.link_household(person_id, member_id),
                changed="people",
                parent=self,
            )
            .success(
                lambda _household: self.confirmed.emit(self.tr("Componente aggiunto al nucleo."))
            )
            .run()
        )

    def unlink_member(self, member_id: str) -> bool:
        person_id = self.person_id
        if person_id is None:
            return False
        return (
            StoreOp(
                self.context.bus,
                lambda: self.people.unlink_household(person_id, member_id),
                changed="people",
                parent=self,
            )
            .success(lambda _none: self.confirmed.emit(self.tr("Componente tolto dal nucleo.")))
            .run()
        )

    def _fill_consents(self, person_id: str) -> None:
        clear_layout(self.consents)
        today = today_rome()
        words = {
            "given": self.tr("dato"),
            "expiring": self.tr("in scadenza"),
            "expired": self.tr("scaduto"),
            "withdrawn": self.tr("revocato"),
        }
        rows = Consents(self.context.store).for_person(person_id)
        for row in rows:
            state = consent_state(row, today)
            text = f"{self.consent_purpose(row)}: {words[state]} ({self._consent_day(row)})"
            if row.get("expires_on") and state in ("given", "expiring"):
                text += self.tr(", scade il %1").replace("%1", format_date(row["expires_on"]))
            label = value_label(text)
            if state in ("expiring", "expired", "withdrawn"):
                label.setStyleSheet("color: #a15c00;" if state == "expiring" else "color: #8b0000;")
            line = QHBoxLayout()
            line.addWidget(label, 1)
            if state in ("given", "expiring"):
                withdraw = QToolButton(objectName="withdrawConsent")
                withdraw.setText(self.tr("Revoca"))
                withdraw.setToolTip(self.tr("La persona ritira questo consenso"))
                withdraw.clicked.connect(lambda _=False, r=row: self.withdraw(r))
                line.addWidget(withdraw, 0, Qt.AlignmentFlag.AlignTop)
            self.consents.addLayout(line)
        if not rows:
            self.consents.addWidget(value_label(self.tr("Nessun consenso registrato.")))
        give = QPushButton(self.tr("Registra consenso…"), objectName="giveConsent")
        give.clicked.connect(self.ask_consent)
        self.consents.addWidget(give, 0, Qt.AlignmentFlag.AlignLeft)

    # -- consents -----------------------------------------------------------------------
    def ask_consent(self) -> None:
        """The consent form for this person; the purpose is chosen there."""
        if self.person_id is None:
            return
        self.consent_dialog = ConsentDialog(self.context, self.person_id, None, self)
        self.consent_dialog.recorded.connect(
            lambda _id: self.confirmed.emit(self.tr("Consenso registrato."))
        )
        self.consent_dialog.open()

    def withdraw(self, row: dict[str, Any], *, confirm: bool = True) -> bool:
        """The person withdraws a consent (pending referrals to that service stop sharing)."""
        if confirm:
            box = message_box(
                QMessageBox.Icon.Question,
                self.tr("Revoca del consenso"),
                self.tr("Registrare la revoca di questo consenso: «%1»?").replace(
                    "%1", self.consent_purpose(row)
                ),
                self,
            )
            box.setObjectName("withdrawConfirm")
            yes = box.addButton(self.tr("Revoca"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Annulla"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not yes:
                return False
        consents = Consents(self.context.store)
        return (
            StoreOp(
                self.context.bus,
                lambda: consents.withdraw(row["id"], by=self.context.operator),
                changed="consents",
                parent=self,
            )
            .success(lambda _none: self.confirmed.emit(self.tr("Revoca del consenso registrata.")))
            .run()
        )

    @staticmethod
    def _consent_day(row: dict[str, Any]) -> str:
        return format_date(row.get("withdrawn_at") or row.get("given_at"))

    def consent_purpose(self, row: dict[str, Any]) -> str:
        """What a consent is for, without naming a sensitive service."""
        if row["purpose"] == "registry":
            return self.tr("Registrazione")
        if self._sensitive_service(row["purpose"]):
            # Naming an anti-violence or health service would say what the person faces.
            return self.tr("Invio a un servizio riservato")
        return self.tr("Invio a %1").replace("%1", row.get("service_name") or "?")

    def _sensitive_service(self, purpose: str) -> bool:
        service_id = purpose.removeprefix("referral:")
        row = self.context.store.db.execute(
            "SELECT kind FROM services WHERE id = ?", [service_id]
        ).fetchone()
        return bool(row) and row[0] in SENSITIVE_SERVICE_KINDS

    def _fill_duplicates(self, person_id: str) -> None:
        clear_layout(self.duplicates)
        found = [
            (row, why)
            for row, why in self.people.duplicates_of(person_id)
            if row["id"] != person_id
        ]
        masked = {r["id"]: r for r in mask_people(self.context, [row for row, _ in found])}
        found = [(masked[row["id"]], why) for row, why in found]
        reasons = {
            "same_cf": self.tr("stesso codice fiscale"),
            "same_name_birth": self.tr("stesso nome e data di nascita"),
            "same_phone": self.tr("stesso telefono"),
        }
        for line, (row, why) in enumerate(found):
            text = f"{full_name(row)} ({', '.join(reasons.get(r, r) for r in sorted(why))})"
            merge = QPushButton(self.tr("Unisci qui"))
            merge.setObjectName("mergeButton")
            merge.clicked.connect(lambda _=False, dup=row["id"]: self.merge_requested.emit(dup))
            self.duplicates.addWidget(value_label(text), line, 0)
            self.duplicates.addWidget(merge, line, 1, Qt.AlignmentFlag.AlignTop)
        self.duplicates_box.setVisible(bool(found))
