"""The status bar: which office, who is at the desk, how many changes wait to be synced,
and the state of sync with head office.

The count comes from the store's outbox (``Store.pending_changes``, capped at COUNT_CAP so a
store that never synced does not cost a second per refresh); it is refreshed after every
write (the change bus) and by a slow timer, which also catches a sync that ran in the
background.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QStatusBar, QWidget

from casa_desk.ui.context import DeskContext
from casa_desk.ui.plain_text import plain_label

REFRESH_MS = 30_000
#: Beyond this many changes the bar says "more than": counting millions takes too long.
COUNT_CAP = 10_000


class DeskStatusBar(QStatusBar):
    def __init__(
        self,
        context: DeskContext,
        office_name: str,
        operator_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskStatusBar")
        self.context = context
        self.office_name = office_name
        self.operator_name = operator_name
        self.office = plain_label(objectName="statusOffice")
        self.operator = plain_label(objectName="statusOperator")
        self.pending = plain_label(objectName="statusPending")
        self.sync = plain_label(objectName="statusSync")
        self.break_glass = plain_label(objectName="statusBreakGlass")
        self.break_glass.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.break_glass.hide()
        self.sync_state = "not_enrolled"
        # The office name may shrink in a narrow window; the counts and the sync state may not.
        # The free space on the left is where messages ("Scheda salvata: …") are written: the
        # office once took it (stretch 1) and every message was drawn in no room at all.
        self.office.setMinimumWidth(60)
        for label in (self.office, self.break_glass, self.operator, self.pending, self.sync):
            self.addPermanentWidget(label)
        # While a message shows, the office (also in the window's title) gives it its room.
        self.messageChanged.connect(lambda text: self.office.setVisible(not text))
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        context.bus.changed.connect(lambda _table: self.refresh())
        self.retranslate()

    def retranslate(self) -> None:
        # The name alone: it names itself ("Presidio C.A.S.A. San Siro"), and a prefix made
        # it "Presidio: Presidio C.A.S.A. San Siro".
        self.office.setText(self.office_name)
        self.office.setToolTip(self.tr("Il presidio di questo computer"))
        self.operator.setText(self.tr("Operatore: %1").replace("%1", self.operator_name))
        self.set_sync_state(self.sync_state)  # and the count

    def set_break_glass(self, count: int, *, visible: bool) -> None:
        """Coordinators: break-glass events not yet seen on the audit page."""
        self.break_glass.setText(self.tr("Accessi con motivo: %Ln", "", count))
        self.break_glass.setToolTip(
            self.tr("Accessi con motivo non ancora visti: Archivio › Registro degli accessi…")
        )
        self.break_glass.setVisible(visible and count > 0)

    def set_operator(self, name: str) -> None:
        """Who is at the desk now (another user logged in on the lock screen)."""
        self.operator_name = name
        self.operator.setText(self.tr("Operatore: %1").replace("%1", name))

    def set_sync_state(self, code: str) -> None:
        """Sync at a glance: the Sync page's state code, in words."""
        self.sync_state = code
        words = {
            "not_enrolled": self.tr("Sede: non abbinato"),
            "by_file": self.tr("Sede: con pacchetti su file"),
            "idle": self.tr("Sede: in attesa"),
            "running": self.tr("Sede: sincronizzazione in corso…"),
            "ok": self.tr("Sede: sincronizzato"),
            "waiting": self.tr("Sede: modifiche da inviare"),
            "error": self.tr("Sede: sincronizzazione non riuscita"),
            # received what the others did, but could not send all of its own today
            "partial": self.tr("Sede: sincronizzato in parte"),
        }
        self.sync.setText(words.get(code, code))
        self.sync.setToolTip(self.tr("Dettagli nella scheda Sincronizzazione."))
        self.refresh()

    def refresh(self) -> None:
        if self.context.store.closed:  # the window is going away: its timer may fire once more
            self.timer.stop()
            return
        count = self.context.store.pending_changes(cap=COUNT_CAP + 1)
        if self.sync_state == "not_enrolled":
            # Nothing has gone anywhere: never "all synced" on a desk that is not paired.
            self.pending.setText(
                self.tr("Modifiche solo su questo computer: più di %1").replace(
                    "%1", QLocale().toString(COUNT_CAP)
                )
                if count > COUNT_CAP
                else self.tr("Modifiche solo su questo computer: %Ln", "", count)
            )
        elif count == 0:
            self.pending.setText(self.tr("Tutto sincronizzato"))
        elif count > COUNT_CAP:
            self.pending.setText(
                self.tr("Modifiche da sincronizzare: più di %1").replace(
                    "%1", QLocale().toString(COUNT_CAP)
                )
            )
        else:
            self.pending.setText(self.tr("Modifiche da sincronizzare: %Ln", "", count))
