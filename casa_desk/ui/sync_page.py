"""The Sync page: hub and last successful sync, changes waiting, rejected changes with the
hub's reasons, edits other offices made to people registered here (with the values before
and after, reverted in one action), and the conflicts list where a coordinator sees both
values and can reinstate the losing one (each a new, winning edit through the journal).

Sync runs as a background task (``ui/tasks.py``) on the process's store: its writes take the
store's write lock one transaction (one pull page) at a time, so the window's own saves wait
at most that long; its reads use the worker thread's own read-only connection. The page
refreshes when it finishes. Changes received with a clock too far ahead are listed with
their reason (``sync/held.py``). The main window
embeds the page, calls :meth:`SyncPage.sync_now` on demand and may call
:meth:`start_auto_sync`; :attr:`state_changed` carries a short code for the status bar
(``idle``, ``running``, ``ok``, ``waiting``, ``error``, ``not_enrolled``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from casa_desk.errors import CasaError, SyncError
from casa_desk.models.timeutil import format_datetime
from casa_desk.store.db import Store
from casa_desk.store.ownership import office_name
from casa_desk.sync import protocol
from casa_desk.sync import status as sync_status
from casa_desk.ui.context import ChangeBus
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.history_model import registry_edit_author, registry_edit_text
from casa_desk.ui.masking import full_name
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.plain_text import plain_label, plain_tip
from casa_desk.ui.sync_actions import BundleActions, EnrolDialog, field_text, table_text
from casa_desk.ui.sync_words import ValueWords, refusal_text
from casa_desk.ui.tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
#: Changes per pull page when the window syncs. Each page is one write transaction, and a
#: save in the window waits for the one in progress: 500 changes keep that wait short
#: (benchmarks/bench_sync.py --window-wait) where the command line takes 2,000 at a time.
WINDOW_PULL_PAGE = 500
#: Unsent changes are counted up to here on the GUI thread (a full count of a store that
#: never synced takes half a second).
PENDING_CAP = 100_000


class _RowsModel(QAbstractTableModel):
    """A read-only table over a short list of dicts (the lists are capped by the queries)."""

    def __init__(self, columns: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the tooltip: the whole text, where the column cuts it with "…"
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if not index.isValid() or role not in shown:
            return None
        key = self.columns[index.column()][0]
        value = self.rows[index.row()].get(key)
        if key in ("at", "detected_at"):
            return format_datetime(value)
        text = "" if value is None else str(value)
        return plain_tip(text) if role == Qt.ItemDataRole.ToolTipRole else text

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802 - Qt API
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None


class SyncPage(QWidget):
    """Standalone page: ``SyncPage(store)``; see the module docstring."""

    synced = Signal(object)  # the SyncReport of a successful run
    failed = Signal(str)  # one-line reason
    state_changed = Signal(str)
    paired = Signal()  # the desk was just paired with head office from this page

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        bus: ChangeBus | None = None,
        masked: Callable[[], bool] = lambda: False,
        may_enrol: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.store = store
        # asked at each refresh: another user may log in on the lock screen meanwhile
        self._masked = masked
        # pairing is the administrator's (Action.ENROL, as `casa-desk enrol`)
        self._may_enrol = may_enrol
        self.runner = runner or TaskRunner()
        self.bus = bus or ChangeBus(self)
        self.running = False
        self.state = "idle"
        self.last_error = ""

        self.hub_label = plain_label(objectName="syncHub")
        self.last_label = plain_label(objectName="syncLast")
        self.pending_label = plain_label(objectName="syncPending")
        self.message_label = plain_label(objectName="syncMessage")
        self.message_label.setWordWrap(True)
        # lines carry values (an address, a file name, a hub's text): never read as HTML
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_button = QPushButton(self.tr("Sincronizza ora"), objectName="syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.pair_button = QPushButton(self.tr("Abbina alla sede…"), objectName="syncPair")
        self.pair_button.clicked.connect(self.ask_enrol)
        self.enrol_dialog: EnrolDialog | None = None
        self.bundles = BundleActions(store, self.runner, self)
        self.bundles.finished.connect(self._said)
        self.bundles.imported.connect(self._bundle_imported)
        self.explain = plain_label(objectName="syncExplain")
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet(
            "QLabel#syncExplain { background: #eef4fb; border: 1px solid #b7cde6;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.file_label = plain_label(objectName="syncFileMessage")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Sede:"), self.hub_label)
        form.addRow(self.tr("Ultima sincronizzazione riuscita:"), self.last_label)
        form.addRow(self.tr("Modifiche in attesa:"), self.pending_label)
        form.addRow(self.tr("Stato:"), self.message_label)
        actions = QVBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.pair_button)
        actions.addWidget(self.bundles)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addLayout(actions)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(top)
        layout.addWidget(self.file_label)
        self._build_lists(layout)
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self._auto_sync)
        self.refresh()

    def _build_lists(self, layout: QVBoxLayout) -> None:
        """Rejections, held changes and conflicts, each in its box."""
        self.rejections = _RowsModel(
            [
                ("at", self.tr("Quando")),
                ("table_text", self.tr("Tabella")),
                ("reason_text", self.tr("Motivo del rifiuto")),
            ],
            self,
        )
        self.rejections_view = self._table(self.rejections, "syncRejections")
        self.conflicts = _RowsModel(
            [
                ("detected_at", self.tr("Rilevato")),
                ("table_text", self.tr("Tabella")),
                ("field_text", self.tr("Campo")),
                ("kind_text", self.tr("Tipo")),
                ("winner_text", self.tr("Valore attuale")),
                ("loser_text", self.tr("Valore perso")),
            ],
            self,
        )
        self.conflicts_view = self._table(self.conflicts, "syncConflicts")
        self.held = _RowsModel(
            [
                ("at", self.tr("Ricevuta")),
                ("table_text", self.tr("Tabella")),
                ("reason_text", self.tr("Perché non è applicata")),
            ],
            self,
        )
        self.held_view = self._table(self.held, "syncHeld")
        self.conflicts_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reinstate_button = QPushButton(
            self.tr("Ripristina il valore perso"), objectName="syncReinstate"
        )
        self.reinstate_button.clicked.connect(self.reinstate_selected)
        self.dismiss_button = QPushButton(
            self.tr("Tieni il valore attuale"), objectName="syncDismiss"
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)

        edits_box = self._build_edits_box()

        rejected_box = QGroupBox(self.tr("Modifiche rifiutate dalla sede"))
        QVBoxLayout(rejected_box).addWidget(self.rejections_view)
        self.held_box = QGroupBox(self.tr("Modifiche ricevute messe da parte"))
        QVBoxLayout(self.held_box).addWidget(self.held_view)
        conflicts_box = QGroupBox(self.tr("Conflitti da rivedere"))
        conflicts_layout = QVBoxLayout(conflicts_box)
        conflicts_layout.addWidget(self.conflicts_view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.reinstate_button)
        conflicts_layout.addLayout(buttons)

        layout.addWidget(edits_box, 1)
        layout.addWidget(rejected_box, 1)
        layout.addWidget(self.held_box, 1)
        layout.addWidget(conflicts_box, 2)

    def _build_edits_box(self) -> QGroupBox:
        """Edits other offices made to people registered here: seen, then kept or undone."""
        self.edits = _RowsModel(
            [
                ("at", self.tr("Ricevuta")),
                ("person", self.tr("Persona")),
                ("by", self.tr("Modificata da")),
                ("fields_text", self.tr("Modifiche (prima → dopo)")),
            ],
            self,
        )
        self.edits_view = self._table(self.edits, "syncRegistryEdits")
        self.edits_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.revert_button = QPushButton(self.tr("Annulla la modifica"), objectName="syncRevert")
        self.revert_button.clicked.connect(self.revert_selected)
        self.accept_button = QPushButton(self.tr("La modifica è giusta"), objectName="syncAccept")
        self.accept_button.clicked.connect(self.accept_selected)
        edits_box = QGroupBox(self.tr("Persone registrate qui, modificate da altri presidi"))
        edits_layout = QVBoxLayout(edits_box)
        edits_layout.addWidget(self.edits_view)
        edit_buttons = QHBoxLayout()
        edit_buttons.addStretch(1)
        edit_buttons.addWidget(self.accept_button)
        edit_buttons.addWidget(self.revert_button)
        edits_layout.addLayout(edit_buttons)
        return edits_box

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().hide()
        return view

    # -- refreshing -------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        info = sync_status.sync_status(self.store, pending_cap=PENDING_CAP + 1)
        self.hub_label.setText(info.hub_url or self.tr("non abbinato"))
        self.last_label.setText(
            format_datetime(info.last_sync_at) if info.last_sync_at else self.tr("mai")
        )
        self.pending_label.setText(
            self.tr("più di %1").replace("%1", QLocale().toString(PENDING_CAP))
            if info.pending > PENDING_CAP
            else QLocale().toString(info.pending)  # "27.972" in Italian, "27,972" in English
        )
        self.sync_button.setEnabled(info.enrolled and not self.running)
        self.explain.setVisible(not info.enrolled)
        may_enrol = self._may_enrol()
        self.pair_button.setVisible(may_enrol)
        if info.demo:  # the banner invited pairing; pairing is refused (a demo store)
            self.explain.setText(
                self.tr(
                    "Questo è un archivio dimostrativo, con persone inventate: non si abbina "
                    "alla sede e non si sincronizza. Per lavorare con la sede serve un "
                    "archivio vero."
                )
            )
        elif may_enrol:
            self.explain.setText(
                self.tr(
                    "Questo computer non è ancora abbinato alla sede: le modifiche restano "
                    "qui finché non lo è. Per abbinarlo servono l'indirizzo della sede e il "
                    "codice monouso che la sede prepara (oppure il suo file di "
                    "abbinamento): premere «Abbina alla sede…». Senza rete, le modifiche si "
                    "scambiano anche con un file su chiavetta USB."
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "Questo computer non è ancora abbinato alla sede: le modifiche restano "
                    "qui finché un amministratore non lo abbina. Senza rete, le modifiche "
                    "si scambiano anche con un file su chiavetta USB."
                )
            )
        self.pair_button.setText(
            self.tr("Abbina di nuovo…") if info.enrolled else self.tr("Abbina alla sede…")
        )
        rejections = sync_status.rejections(self.store)
        for row in rejections:
            row["table_text"] = table_text(row.get("table_name"))
            row["reason_text"] = refusal_text(row.get("table_name"), row.get("reason"))
        self.rejections.set_rows(rejections)
        reasons = {
            "clock_ahead": self.tr(
                "l'orologio di chi l'ha fatta è avanti di oltre 5 minuti: "
                "sarà applicata quando arriva la sua ora"
            ),
            "waits_for_held": self.tr("attende un'altra modifica messa da parte"),
        }
        held = sync_status.held_changes(self.store)
        for row in held:
            row["reason_text"] = reasons.get(row["reason"], row["reason"])
            row["table_text"] = table_text(row.get("table_name"))
        self.held.set_rows(held)
        self.held_box.setVisible(bool(held))
        kinds = {
            "concurrent_edit": self.tr("modifica contemporanea"),
            "edit_after_delete": self.tr("modifica dopo l'eliminazione"),
            "not_applied": self.tr("riga non accettata da questo archivio"),
        }
        masked = self._masked()
        hidden = self.tr("Riservato")
        rows = sync_status.conflicts(self.store, masked=masked)
        words = self._value_words(rows)
        for row in rows:
            row["kind_text"] = kinds.get(row["kind"], row["kind"])
            row["table_text"] = table_text(row.get("table_name"))
            row["field_text"] = field_text(row.get("table_name"), row.get("field"))
            row["winner_text"] = (
                hidden
                if row["hidden"]
                else self.tr("(eliminata)")
                if row["winner_value"] is None and row["kind"] == "edit_after_delete"
                else words.text(row["table_name"], row["field"], row["winner_value"])
            )
            row["loser_text"] = (
                hidden
                if row["hidden"]
                else words.text(row["table_name"], row["field"], row["loser_value"])
            )
        self.conflicts.set_rows(rows)
        edits = sync_status.registry_edits(self.store, masked=masked)
        for edit in edits:
            edit["at"] = edit["received_at"]
            edit["person"] = full_name(edit)
            edit["fields_text"] = hidden if edit["hidden"] else registry_edit_text(edit["fields"])
            edit["by"] = registry_edit_author(edit)
        self.edits.set_rows(edits)
        self._update_buttons()
        if not info.enrolled:
            self._set_state("not_enrolled", self.tr("Archivio non abbinato alla sede."))
        elif self.state in ("idle", "ok", "waiting"):
            self._set_state(
                "waiting" if info.pending else "ok",
                self.tr("Modifiche da inviare.") if info.pending else self.tr("Sincronizzato."),
            )

    def _value_words(self, conflicts: list[dict[str, Any]]) -> ValueWords:
        """Topics by their label in the window's language, services by name when a
        referral's conflict is listed (the directory: a few hundred rows), and the people
        the listed values name."""
        english = QLocale().language() == QLocale.Language.English
        categories = {
            str(row["code"]): str((row.get("label_en") if english else None) or row["label"])
            for row in self.store.query("SELECT code, label, label_en FROM categories")
        }
        services = (
            {
                str(r["id"]): str(r["name"])
                for r in self.store.query("SELECT id, name FROM services")
            }
            if any(row["table_name"] == "referrals" for row in conflicts)
            else {}
        )
        # the people the values name, by name (a hidden conflict shows no value)
        ids = sorted(
            {
                str(value.get("person_id") if isinstance(value, dict) else value)
                for row in conflicts
                for value in (row["winner_value"], row["loser_value"])
                if (isinstance(value, dict) and value.get("person_id"))
                or (row["field"] == "person_id" and isinstance(value, str))
            }
        )[:500]
        people = {
            str(r["id"]): full_name(r)
            for r in self.store.query(
                "SELECT id, last_name, first_name FROM people"
                f" WHERE id IN ({','.join('?' * len(ids))})",
                ids,
            )
        }
        return ValueWords(categories, services, people)

    def _set_state(self, code: str, message: str) -> None:
        self.message_label.setText(message)
        if code != self.state:
            self.state = code
            self.state_changed.emit(code)

    def _update_buttons(self) -> None:
        # a row whose values this user may not read is decided by a colleague who may
        conflict = self._selected_conflict()
        conflict = None if conflict is None or conflict["hidden"] else conflict
        owner = conflict.get("owner") if conflict is not None else None
        self.reinstate_button.setEnabled(
            conflict is not None and conflict["kind"] != "not_applied" and owner is None
        )
        # Another office's row (head office sees them all): that office reinstates.
        self.reinstate_button.setToolTip(
            self.tr(
                "Riga registrata da %1: il valore perso lo ripristina solo quel presidio."
            ).replace("%1", office_name(self.store, owner))
            if owner
            else ""
        )
        self.dismiss_button.setEnabled(conflict is not None)
        edit = self._selected_edit()
        edit = None if edit is None or edit["hidden"] else edit
        self.revert_button.setEnabled(edit is not None)
        self.accept_button.setEnabled(edit is not None)

    def _selected_edit(self) -> dict[str, Any] | None:
        rows = self.edits_view.selectionModel().selectedRows()
        return self.edits.rows[rows[0].row()] if rows else None

    @Slot()
    def revert_selected(self) -> None:
        """Put the registering office's values back: a new winning edit, sent at next sync."""
        edit = self._selected_edit()
        if edit is not None:
            StoreOp(
                self.bus,
                lambda: sync_status.revert_registry_edit(self.store, edit["change_id"]),
                changed="people",
                parent=self,
            ).success(lambda _fields: self.refresh()).run()

    @Slot()
    def accept_selected(self) -> None:
        edit = self._selected_edit()
        if edit is not None:
            StoreOp(
                self.bus,
                lambda: sync_status.accept_registry_edit(self.store, edit["change_id"]),
                changed="sync_registry_edits",
                parent=self,
            ).success(lambda _none: self.refresh()).run()

    def _selected_conflict(self) -> dict[str, Any] | None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        return self.conflicts.rows[rows[0].row()] if rows else None

    # -- actions ----------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        """Start a sync in the background (ignored while one is running)."""
        if self.running or not sync_status.enrolled(self.store):
            return
        self.running = True
        self.sync_button.setEnabled(False)
        self._set_state("running", self.tr("Sincronizzazione in corso…"))
        store = self.store

        def work(progress: Any, _cancelled: Any) -> Any:
            from casa_desk.sync.client import SyncClient

            with SyncClient(store, page=WINDOW_PULL_PAGE) as client:
                return client.sync(progress=lambda _phase, done, total: progress(done, total))

        self.runner.run(work, self._done, self._failed)

    def _done(self, report: Any) -> None:
        if not isValid(self):
            return  # the window closed while its sync ran: nothing left to show it on
        self.running = False
        self.state = "idle"
        self.refresh()
        if report.mismatched:
            self._set_state("error", self.tr("Dati non allineati con la sede: riprovare."))
        elif report.day_full:
            # The hub took all it takes from this PC today; what the others did was still
            # received (the views refresh below). The line is the refusal's, as it was when
            # the round stopped there.
            quota = SyncError(protocol.MESSAGES[protocol.DEVICE_QUOTA], code=protocol.DEVICE_QUOTA)
            self.last_error = worded_error(quota)
            self._set_state("partial", self.last_error)
        self.synced.emit(report)

    def _failed(self, exc: BaseException, _details: str) -> None:
        if not isValid(self):
            return
        self.running = False
        if not isinstance(exc, CasaError):
            self.refresh()
            raise exc  # a bug: the excepthook shows it
        self.last_error = worded_error(exc)
        self.refresh()
        self._set_state("error", self.last_error)
        self.failed.emit(self.last_error)

    @Slot()
    def reinstate_selected(self) -> None:
        conflict = self._selected_conflict()
        if conflict is not None:
            StoreOp(
                self.bus,
                lambda: sync_status.reinstate(self.store, conflict["id"]),
                changed=conflict["table_name"],
                parent=self,
            ).success(lambda _changed: self.refresh()).run()

    @Slot()
    def dismiss_selected(self) -> None:
        conflict = self._selected_conflict()
        if conflict is not None:
            StoreOp(
                self.bus,
                lambda: sync_status.dismiss(self.store, conflict["id"]),
                changed="sync_conflicts",
                parent=self,
            ).success(lambda _none: self.refresh()).run()

    # -- pairing and files ---------------------------------------------------------------
    @Slot()
    def ask_enrol(self) -> None:
        if not self._may_enrol():  # the button is hidden; nothing else opens it either
            return
        self.enrol_dialog = EnrolDialog(self.store, self.runner, self)
        self.enrol_dialog.enrolled.connect(self._enrolled)
        self.enrol_dialog.open()

    def _enrolled(self, creds: dict[str, Any]) -> None:
        self.refresh()
        self._said(
            self.tr("Computer abbinato alla sede (presidio %1).").replace(
                "%1", str(creds.get("presidio") or "")
            )
        )
        self.paired.emit()

    def _said(self, text: str) -> None:
        self.file_label.setText(text)

    def _bundle_imported(self) -> None:
        self.refresh()
        self.synced.emit(None)  # every view decides whether to refresh

    def start_auto_sync(self, minutes: float = 5.0) -> None:
        """Sync by itself every ``minutes`` (quietly skipped while one runs)."""
        self.auto_timer.start(int(minutes * 60_000))

    def _auto_sync(self) -> None:
        self.sync_now()
