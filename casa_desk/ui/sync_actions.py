"""What the Sync page lets an office do besides syncing (issue 9, item 16): pair the desk
with head office (a one-time code or the enrolment file, through the sync client's own
``enrol_online`` / ``enrol_from_file``: the file may carry the hub's certificate pin), and
exchange changes as a file on a USB stick (``export_bundle`` / ``import_reply``). Each
runs on the task runner; the page says what happened in one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.models.timeutil import today_rome
from casa_desk.store.db import Store
from casa_desk.ui.contact_form import ERROR_STYLE
from casa_desk.ui.duplicates import FIELD_LABELS
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.file_dialogs import open_file_name, save_file_name
from casa_desk.ui.form_labels import fit_mnemonic_labels
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from casa_desk.sync.bundle import ReplyCounts

#: The synced tables in words, for the lists of the Sync page (context "Tables").
TABLE_WORDS = {
    "people": QT_TRANSLATE_NOOP("Tables", "Persone"),
    "contacts": QT_TRANSLATE_NOOP("Tables", "Contatti"),
    "consents": QT_TRANSLATE_NOOP("Tables", "Consensi"),
    "referrals": QT_TRANSLATE_NOOP("Tables", "Segnalazioni"),
    "referral_events": QT_TRANSLATE_NOOP("Tables", "Passaggi delle segnalazioni"),
    "participants": QT_TRANSLATE_NOOP("Tables", "Partecipanti FSE"),
    "services": QT_TRANSLATE_NOOP("Tables", "Servizi"),
    "categories": QT_TRANSLATE_NOOP("Tables", "Argomenti"),
    "presidi": QT_TRANSLATE_NOOP("Tables", "Presidi"),
    "audit_log": QT_TRANSLATE_NOOP("Tables", "Registro degli accessi"),
    "safe_contacts": QT_TRANSLATE_NOOP("Tables", "Contatti sicuri"),
}


def table_text(name: str | None) -> str:
    source = TABLE_WORDS.get(name or "")
    return QCoreApplication.translate("Tables", source) if source else name or ""


# The columns of the synced tables in words, for the Sync page's conflicts (context
# "Fields"): a person's as on the card (duplicates.FIELD_LABELS), the others as their forms
# and lists name them.
_COMMON_FIELDS: dict[str, Any] = {
    "person_id": QT_TRANSLATE_NOOP("Fields", "Persona"),
    "operator": QT_TRANSLATE_NOOP("Fields", "Operatore"),
    "sensitive": QT_TRANSLATE_NOOP("Fields", "Riservato"),
    "deleted": QT_TRANSLATE_NOOP("Fields", "Eliminata"),
    # a row this store refused whole ("not applied")
    "*": QT_TRANSLATE_NOOP("Fields", "Tutta la riga"),
}
FIELD_WORDS: dict[str, dict[str, Any]] = {
    "people": {
        **FIELD_LABELS,
        "merged_into": QT_TRANSLATE_NOOP("Fields", "Unita alla scheda"),
        "anonymised_on": QT_TRANSLATE_NOOP("Fields", "Dati cancellati il"),
    },
    "contacts": {
        "occurred_at": QT_TRANSLATE_NOOP("Fields", "Quando"),
        "channel": QT_TRANSLATE_NOOP("Fields", "Canale"),
        "category": QT_TRANSLATE_NOOP("Fields", "Argomento"),
        "summary": QT_TRANSLATE_NOOP("Fields", "Sintesi"),
        "notes": QT_TRANSLATE_NOOP("Fields", "Note"),
        "outcome": QT_TRANSLATE_NOOP("Fields", "Esito"),
        "minutes": QT_TRANSLATE_NOOP("Fields", "Minuti"),
        "follow_up_on": QT_TRANSLATE_NOOP("Fields", "Richiamo"),
        "follow_up_done_at": QT_TRANSLATE_NOOP("Fields", "Richiamo fatto"),
    },
    "referrals": {
        "number": QT_TRANSLATE_NOOP("Fields", "Numero"),
        "service_id": QT_TRANSLATE_NOOP("Fields", "Servizio"),
        "reason": QT_TRANSLATE_NOOP("Fields", "Motivo"),
        "request": QT_TRANSLATE_NOOP("Fields", "Richiesta"),
        "urgency": QT_TRANSLATE_NOOP("Fields", "Urgenza"),
        "due_on": QT_TRANSLATE_NOOP("Fields", "Scadenza"),
        "outcome": QT_TRANSLATE_NOOP("Fields", "Esito"),
    },
    "referral_events": {
        "event": QT_TRANSLATE_NOOP("Fields", "Passaggio"),
        "at": QT_TRANSLATE_NOOP("Fields", "Data e ora"),
        "by": QT_TRANSLATE_NOOP("Fields", "Chi"),
        "note": QT_TRANSLATE_NOOP("Fields", "Nota"),
    },
    "consents": {
        "purpose": QT_TRANSLATE_NOOP("Fields", "Consenso per"),
        "text": QT_TRANSLATE_NOOP("Fields", "Testo"),
        "given_at": QT_TRANSLATE_NOOP("Fields", "Dato il"),
        "withdrawn_at": QT_TRANSLATE_NOOP("Fields", "Revocato il"),
        "expires_on": QT_TRANSLATE_NOOP("Fields", "Scadenza"),
    },
    "safe_contacts": {
        "phone": QT_TRANSLATE_NOOP("Fields", "Telefono sicuro"),
        "hours": QT_TRANSLATE_NOOP("Fields", "Orari"),
        "no_calls": QT_TRANSLATE_NOOP("Fields", "Non chiamare"),
        "no_post": QT_TRANSLATE_NOOP("Fields", "Non inviare posta"),
        "note": QT_TRANSLATE_NOOP("Fields", "Nota"),
    },
    "services": {
        "name": QT_TRANSLATE_NOOP("Fields", "Nome"),
        "kind": QT_TRANSLATE_NOOP("Fields", "Tipo"),
        "organisation": QT_TRANSLATE_NOOP("Fields", "Ente"),
        "phone": QT_TRANSLATE_NOOP("Fields", "Telefono"),
        "email": QT_TRANSLATE_NOOP("Fields", "Email"),
        "address": QT_TRANSLATE_NOOP("Fields", "Indirizzo"),
        "hours": QT_TRANSLATE_NOOP("Fields", "Orari"),
        "notes": QT_TRANSLATE_NOOP("Fields", "Note"),
        "active": QT_TRANSLATE_NOOP("Fields", "Attivo"),
    },
}


def field_text(table: str | None, field: str | None) -> str:
    """A synced table's column in words ("Telefono", not ``phone``); a column this version
    has no word for keeps its name."""
    source = FIELD_WORDS.get(table or "", {}).get(field or "") or _COMMON_FIELDS.get(field or "")
    return QCoreApplication.translate("Fields", str(source)) if source else field or ""


class EnrolDialog(QDialog):
    """Pair this desk: the hub's address and the one-time code, or the enrolment file."""

    enrolled = Signal(object)  # the credentials' summary (device id, office)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Abbina alla sede"))
        self.store, self.runner = store, runner
        intro = plain_label(
            self.tr(
                "La sede prepara l'abbinamento di questo computer e dà un codice monouso "
                "(con il suo indirizzo) oppure un file di abbinamento, da usare senza rete."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.hub = QLineEdit(self, objectName="enrolHub")
        self.hub.setPlaceholderText("https://sede.example:8765")
        self.code = QLineEdit(self, objectName="enrolCode")
        self.code.setPlaceholderText(self.tr("codice monouso"))
        self.error = plain_label(self, objectName="enrolError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Indirizzo della &sede"), self.hub)
        form.addRow(self.tr("&Codice"), self.code)
        buttons = QDialogButtonBox(self)
        self.pair_button = buttons.addButton(
            self.tr("Abbina con il codice"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.file_button = buttons.addButton(
            self.tr("Usa un file di abbinamento…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        buttons.addButton(self.tr("Annulla"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.pair_online)
        buttons.rejected.connect(self.reject)
        self.file_button.clicked.connect(self.ask_file)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        fit_mnemonic_labels(self)
        self.hub.setFocus()

    def pair_online(self) -> None:
        from casa_desk.sync.client import enrol_online

        hub, code = self.hub.text().strip(), self.code.text().strip()
        if not hub or not code:
            self._failed(self.tr("Indicare l'indirizzo della sede e il codice."))
            return
        self._pair(lambda: enrol_online(self.store, hub, code))

    def ask_file(self) -> None:
        path = open_file_name(
            self, self.tr("File di abbinamento"), str(Path.home()), self.tr("Tutti i file (*)")
        )
        if path:
            self.pair_file(Path(path))

    def pair_file(self, path: Path) -> None:
        from casa_desk.sync.client import enrol_from_file

        self._pair(lambda: enrol_from_file(self.store, path))

    def _pair(self, work: Any) -> None:
        self.error.hide()
        self.pair_button.setEnabled(False)
        self.file_button.setEnabled(False)

        def done(creds: dict[str, Any]) -> None:
            self.enrolled.emit(
                {"device_id": creds.get("device_id"), "presidio": creds.get("presidio")}
            )
            self.accept()

        def failed(exc: BaseException, _details: str) -> None:
            self.pair_button.setEnabled(True)
            self.file_button.setEnabled(True)
            if not isinstance(exc, CasaError):
                raise exc
            self._failed(worded_error(exc))

        self.runner.run(lambda _p, _c: work(), done, failed)

    def _failed(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class BundleActions(QWidget):
    """ "Esporta su file…" and "Importa dalla sede…" for offices without a network."""

    finished = Signal(str)  # the line to show
    imported = Signal()

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.export_button = QPushButton(
            self.tr("Esporta le modifiche su file…"), objectName="bundleExport"
        )
        self.import_button = QPushButton(
            self.tr("Importa il file della sede…"), objectName="bundleImport"
        )
        self.export_button.clicked.connect(self.ask_export)
        self.import_button.clicked.connect(self.ask_import)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.export_button)
        column.addWidget(self.import_button)
        column.addStretch(1)
        column.setAlignment(Qt.AlignmentFlag.AlignTop)

    def ask_export(self) -> None:
        name = f"casa_desk-{today_rome().isoformat()}.bundle"
        path = save_file_name(
            self,
            self.tr("Esporta le modifiche"),
            str(Path.home() / name),
            self.tr("Pacchetti (*.bundle)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, out: Path) -> None:
        from casa_desk.sync.bundle import export_bundle

        def done(count: int) -> None:
            # %Ln: the count in the interface's language ("1 modifica", "28.178 modifiche",
            # "1,200 changes")
            words = self.tr("Pacchetto scritto in %1: %Ln modifiche.", "", count)
            self.finished.emit(words.replace("%1", str(out)))

        self._run(lambda: export_bundle(self.store, out), done)

    def ask_import(self) -> None:
        path = open_file_name(
            self,
            self.tr("Importa il file della sede"),
            str(Path.home()),
            self.tr("Pacchetti (*.bundle);;Tutti i file (*)"),
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        from casa_desk.sync.bundle import import_reply_counts

        def done(counts: ReplyCounts) -> None:
            self.finished.emit(
                self.tr("Pacchetto della sede importato: %1.").replace("%1", self.said(counts))
            )
            self.imported.emit()

        self._run(lambda: import_reply_counts(self.store, path), done)

    def said(self, counts: ReplyCounts) -> str:
        """The counts of an imported reply in the window's language, each with its plural
        ("1 modifica ricevuta, 0 rifiutate, 2 conflitti"; "1 change received, 0 refused,
        2 conflicts"). The command line says them with :func:`~casa_desk.sync.bundle.
        reply_summary`."""
        # changes received from head office and applied here
        parts = [self.tr("%Ln modifiche ricevute", "", counts.applied)]
        # changes of this office that head office refused ("modifiche" rifiutate)
        parts.append(self.tr("%Ln rifiutate", "", counts.rejected))
        parts.append(self.tr("%Ln conflitti", "", counts.conflicts))
        if counts.held:
            # received changes set aside ("modifiche" messe da parte) until the clock of the
            # office that made them is no longer ahead
            parts.append(
                self.tr("%Ln messe da parte (orologio di origine nel futuro)", "", counts.held)
            )
        said = ", ".join(parts)
        if counts.day_full:
            # head office took all it takes from this PC in 24 hours (bundle.DAY_FULL_REPLY)
            said += "; " + self.tr(
                "la sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: "
                "le altre restano in questo archivio e partiranno con il prossimo pacchetto"
            )
        return said

    def _run(self, work: Any, done: Any) -> None:
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)

        def finish(result: Any) -> None:
            self.export_button.setEnabled(True)
            self.import_button.setEnabled(True)
            done(result)

        def failed(exc: BaseException, _details: str) -> None:
            self.export_button.setEnabled(True)
            self.import_button.setEnabled(True)
            if not isinstance(exc, CasaError):
                raise exc
            self.finished.emit(worded_error(exc))

        self.runner.run(lambda _p, _c: work(), finish, failed)
