"""The audit page (coordinatore and up): who did what, filtered, newest first, exported as CSV.

Filters: user, action, person (typed and picked from the search, masked like any list) and a
range of days. The table is lazy (:class:`~casa_desk.ui.models.RowsModel`, pages of 200 from
:func:`casa_desk.security.audit.entries`). A row names a record by id; the page shows the
person it belongs to through the same masking as every list ("Persona riservata" for a user
without permission). Opening the page marks the break-glass events as seen (the count on the
status bar goes to zero). "Esporta CSV…" writes the filtered rows through
:func:`~casa_desk.security.audit.export_csv` (CSV-injection guarded, audited).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.reasons import MASK
from casa_desk.models.timeutil import format_datetime, today_rome
from casa_desk.models.vocab import AuditAction
from casa_desk.security import audit
from casa_desk.security.audit import AuditQuery
from casa_desk.security.permissions import Action
from casa_desk.store.search import search_people
from casa_desk.ui.context import DeskContext
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.file_dialogs import save_file_name
from casa_desk.ui.masking import full_name, mask_people
from casa_desk.ui.models import Column, RowsModel, fit_columns, make_table
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.words import role_word

#: What each action is called on the page.
ACTION_WORDS: dict[str, str] = {
    "login": QT_TRANSLATE_NOOP("Audit", "Accesso"),
    "login_failed": QT_TRANSLATE_NOOP("Audit", "Accesso non riuscito"),
    "logout": QT_TRANSLATE_NOOP("Audit", "Uscita"),
    "unlocked": QT_TRANSLATE_NOOP("Audit", "Sblocco"),
    "viewed": QT_TRANSLATE_NOOP("Audit", "Visualizzazione"),
    "break_glass": QT_TRANSLATE_NOOP("Audit", "Accesso con motivo"),
    "break_glass_refused": QT_TRANSLATE_NOOP("Audit", "Motivo di accesso rifiutato"),
    "exported": QT_TRANSLATE_NOOP("Audit", "Esportazione"),
    "printed": QT_TRANSLATE_NOOP("Audit", "Stampa"),
    "created": QT_TRANSLATE_NOOP("Audit", "Creazione"),
    "changed": QT_TRANSLATE_NOOP("Audit", "Modifica"),
    "deleted": QT_TRANSLATE_NOOP("Audit", "Eliminazione"),
    "user_added": QT_TRANSLATE_NOOP("Audit", "Utente aggiunto"),
    "user_changed": QT_TRANSLATE_NOOP("Audit", "Utente modificato"),
    "user_disabled": QT_TRANSLATE_NOOP("Audit", "Utente disattivato"),
    "password_changed": QT_TRANSLATE_NOOP("Audit", "Password cambiata"),
    "password_reset": QT_TRANSLATE_NOOP("Audit", "Password reimpostata"),
    "recovery_code": QT_TRANSLATE_NOOP("Audit", "Codice di recupero"),
    "settings_changed": QT_TRANSLATE_NOOP("Audit", "Impostazioni"),
    "encrypted": QT_TRANSLATE_NOOP("Audit", "Cifratura"),
    "restricted": QT_TRANSLATE_NOOP("Audit", "Resa riservata"),
    "unrestricted": QT_TRANSLATE_NOOP("Audit", "Non più riservata"),
}
TABLE_WORDS: dict[str, str] = {
    "people": QT_TRANSLATE_NOOP("Audit", "scheda"),
    "contacts": QT_TRANSLATE_NOOP("Audit", "contatto"),
    "referrals": QT_TRANSLATE_NOOP("Audit", "segnalazione"),
    "users": QT_TRANSLATE_NOOP("Audit", "utenti"),
    "report": QT_TRANSLATE_NOOP("Audit", "report"),
    "audit_log": QT_TRANSLATE_NOOP("Audit", "registro degli accessi"),
}
#: How a login came about (the code access.py records as its reason), worded.
HOW_WORDS: dict[str, str] = {
    "window": QT_TRANSLATE_NOOP("Audit", "finestra del programma"),
    "demo": QT_TRANSLATE_NOOP("Audit", "archivio dimostrativo"),
    "recovery": QT_TRANSLATE_NOOP("Audit", "codice di recupero"),
}
#: A new user's permission to see sensitive content, as accounts.add_user records it.
SENSITIVE_GRANTED = QT_TRANSLATE_NOOP("Audit", "contenuti riservati")
#: What a change of a user changed, as accounts.change_user records it ("role=coordinatore",
#: "may_see_sensitive=1", "full_name"), worded: the role's word in place of %1.
CHANGED_WORDS: dict[str, str] = {
    "full_name": QT_TRANSLATE_NOOP("Audit", "nome"),
    "role": QT_TRANSLATE_NOOP("Audit", "ruolo: %1"),
    "may_see_sensitive=1": QT_TRANSLATE_NOOP("Audit", "contenuti riservati concessi"),
    "may_see_sensitive=0": QT_TRANSLATE_NOOP("Audit", "contenuti riservati revocati"),
}
#: A login of a command ("cli report"): the command's name in place of %1.
COMMAND_LINE = QT_TRANSLATE_NOOP("Audit", "riga di comando: %1")
#: Stands in a break-glass reason for the words that named the person (models.reasons.MASK).
OMITTED = QT_TRANSLATE_NOOP("Audit", "[omesso]")
#: The range of days the page opens with.
DEFAULT_DAYS = 30


def action_word(code: str) -> str:
    return QCoreApplication.translate("Audit", ACTION_WORDS.get(code, code))


def reason_word(row: dict[str, Any]) -> str:
    """The reason column: a login's code worded ("window", "cli report"), a new user's role
    ("operatore, contenuti riservati"), a break-glass reason with what named the person
    masked (by the security layer: :func:`casa_desk.security.audit.entries`), else as
    typed."""
    reason = row.get("reason") or ""
    if row.get("action") == AuditAction.USER_ADDED.value:
        role, _, sensitive = reason.partition(", ")
        words = [role_word(role)]
        if sensitive == SENSITIVE_GRANTED:
            words.append(QCoreApplication.translate("Audit", SENSITIVE_GRANTED))
        return ", ".join(words)
    if row.get("action") == AuditAction.USER_CHANGED.value:
        return ", ".join(_changed_word(part) for part in reason.split(", "))
    if row.get("action") in (AuditAction.BREAK_GLASS, AuditAction.BREAK_GLASS_REFUSED):
        reason = reason.replace(MASK, QCoreApplication.translate("Audit", OMITTED))
    if row.get("action") not in (AuditAction.LOGIN.value, AuditAction.UNLOCKED.value):
        return reason
    if reason.startswith("cli "):
        return QCoreApplication.translate("Audit", COMMAND_LINE).replace("%1", reason[4:])
    if reason in HOW_WORDS:
        return QCoreApplication.translate("Audit", HOW_WORDS[reason])
    return reason


def _changed_word(part: str) -> str:
    if part.startswith("role="):
        word = QCoreApplication.translate("Audit", CHANGED_WORDS["role"])
        return word.replace("%1", role_word(part[5:]))
    if part in CHANGED_WORDS:
        return QCoreApplication.translate("Audit", CHANGED_WORDS[part])
    return part


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AuditDialog(QDialog):
    """Filters, the lazy table, the count and the CSV export."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        assert context.session is not None
        self.context = context
        self.session = context.session
        self.person_id: str | None = None
        self._names: dict[str, str] = {}
        self.setWindowTitle(self.tr("Registro degli accessi"))
        self._build_filters()
        self.model = RowsModel(
            [
                Column(self.tr("Quando"), lambda r: format_datetime(r["at"])),
                Column(self.tr("Utente"), lambda r: r.get("who") or ""),
                Column(self.tr("Azione"), lambda r: action_word(r["action"])),
                Column(self.tr("Che cosa"), self._what),
                Column(self.tr("Motivo"), reason_word),
            ],
            self._fetch,
            page_size=200,
            parent=self,
        )
        self.table = make_table(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        fit_columns(self.table, stretch=4)
        self.count = plain_label(objectName="auditCount")
        self.export_button = QPushButton(self.tr("Esporta CSV…"), objectName="auditExport")
        self.export_button.setAutoDefault(False)
        self.export_button.setVisible(self.session.may(Action.EXPORT_AUDIT))
        self.export_button.clicked.connect(self.ask_export)
        self.message = plain_label(objectName="auditMessage")
        self.message.setWordWrap(True)
        close = QPushButton(self.tr("Chiudi"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        self._lay_out(close)
        for combo in (self.who, self.action):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self.resize(900, 520)
        audit.mark_break_glass_seen(self.session)
        self.refresh()

    def _build_filters(self) -> None:
        self.who = QComboBox(objectName="auditWho")
        self.who.addItem(self.tr("Tutti gli utenti"), None)
        for name in audit.users_in_log(self.session):
            self.who.addItem(name, name)
        self.action = QComboBox(objectName="auditAction")
        self.action.addItem(self.tr("Tutte le azioni"), None)
        for code in AuditAction:
            self.action.addItem(action_word(code.value), code.value)
        today = today_rome()
        self.since = QDateEdit(
            _qdate(today - timedelta(days=DEFAULT_DAYS)), objectName="auditSince"
        )
        self.until = QDateEdit(_qdate(today), objectName="auditUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.person = QLineEdit(objectName="auditPerson")
        self.person.setPlaceholderText(self.tr("Persona: cognome e Invio"))
        self.person.returnPressed.connect(self._pick_person)
        self.person_label = plain_label(objectName="auditPersonChosen")
        self.clear_person = QPushButton(self.tr("Tutte le persone"), objectName="auditAnyone")
        self.clear_person.setAutoDefault(False)
        self.clear_person.clicked.connect(lambda: self.set_person(None))
        self.clear_person.hide()

    def _lay_out(self, close: QPushButton) -> None:
        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Utente"), self.who),
            (self.tr("Azione"), self.action),
            (self.tr("Dal"), self.since),
            (self.tr("Al"), self.until),
        ):
            filters.addWidget(plain_label(label))
            filters.addWidget(widget)
        people = QHBoxLayout()
        people.addWidget(self.person, 1)
        people.addWidget(self.person_label, 1)
        people.addWidget(self.clear_person)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(people)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

    # -- filters --------------------------------------------------------------------------
    def query(self) -> AuditQuery:
        return AuditQuery(
            who=self.who.currentData(),
            action=self.action.currentData(),
            person_id=self.person_id,
            since=self.since.date().toPython(),  # type: ignore[arg-type]
            until=self.until.date().toPython(),  # type: ignore[arg-type]
        )

    def refresh(self) -> None:
        self._names = {}
        self.model.reload()
        total = audit.count(self.session, self.query())
        self.count.setText(self.tr("Righe: %Ln", "", total))

    def _fetch(self, offset: int, limit: int) -> list[dict[str, Any]]:
        return audit.entries(self.session, self.query(), limit=limit, offset=offset)

    def _pick_person(self) -> None:
        """The best match for the typed text (masked like any list)."""
        rows = search_people(
            self.context.store.db, self.person.text(), limit=1, masked=self.context.masked
        )
        if rows:
            self.set_person(rows[0]["id"], full_name(rows[0]))
        else:
            self.person_label.setText(self.tr("Nessuna persona trovata."))

    def set_person(self, person_id: str | None, name: str = "") -> None:
        self.person_id = person_id
        self.person.clear()
        self.person_label.setText(self.tr("Persona: %1").replace("%1", name) if person_id else "")
        self.clear_person.setVisible(person_id is not None)
        self.refresh()

    # -- what a row is about ----------------------------------------------------------------
    def _what(self, row: dict[str, Any]) -> str:
        table, row_id = row.get("table_name") or "", row.get("row_id") or ""
        word = QCoreApplication.translate("Audit", TABLE_WORDS.get(table, table))
        if table in ("people", "contacts", "referrals") and row_id:
            name = self._person_name(table, row_id)
            return f"{word}: {name}" if name else word
        return f"{word} {row_id}".strip() if table not in ("users",) else word

    def _person_name(self, table: str, row_id: str) -> str:
        key = f"{table}:{row_id}"
        if key not in self._names:
            db = self.context.store.db
            person_id = row_id
            if table != "people":
                found = db.execute(
                    f"SELECT person_id FROM {table} WHERE id = ?", [row_id]
                ).fetchone()
                person_id = found[0] if found else ""
            person = db.execute(
                "SELECT id, last_name, first_name FROM people WHERE id = ?", [person_id]
            ).fetchone()
            if person is None:
                self._names[key] = ""
            else:
                row = {"id": person[0], "last_name": person[1], "first_name": person[2]}
                self._names[key] = full_name(mask_people(self.context, [row])[0])
        return self._names[key]

    # -- export -------------------------------------------------------------------------
    def ask_export(self) -> None:
        name = f"registro-accessi-{today_rome().isoformat()}.csv"
        path = save_file_name(
            self,
            self.tr("Esporta il registro degli accessi"),
            str(Path.home() / name),
            self.tr("File CSV (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        try:
            written = audit.export_csv(self.session, path, self.query())
        except CasaError as exc:
            self.message.setText(worded_error(exc))
            return False
        self.message.setText(self.tr("Registro esportato in %1.").replace("%1", str(written)))
        return True
