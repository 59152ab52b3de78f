"""The window's Archivio menu beyond the daily loop: a backup of the store made from the
window (SQLite's online backup, in the background, safe while the window writes), and —
for head office — the offices' phone and e-mail that referral letters print.

A mixin of :class:`~casa_desk.ui.main_window.MainWindow` (it uses the window's context and
status bar); its strings keep the window's translation context, "MainWindow".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from casa_desk.models.timeutil import today_rome
from casa_desk.ui.file_dialogs import save_file_name
from casa_desk.ui.operations import StoreOp


class ArchiveMixin:
    """Backup and offices' contacts; needs ``context`` and ``confirm`` from the window."""

    context: Any

    confirm: Any  # the window's status-bar confirmation

    def ask_backup(self) -> None:
        """Archivio → Copia di sicurezza: where to, then a consistent copy in the background."""
        name = f"casa_desk-copia-{today_rome().isoformat()}.sqlite"
        path = save_file_name(
            self,  # type: ignore[arg-type]
            QCoreApplication.translate("MainWindow", "Copia di sicurezza dell'archivio"),
            str(Path.home() / name),
            QCoreApplication.translate("MainWindow", "Archivi casa_desk (*.sqlite)"),
        )
        if path:
            self.backup_to(Path(path))

    def backup_to(self, out: Path) -> None:
        """SQLite's online backup of the store (safe while the window writes), then a line."""
        from casa_desk.models.vocab import AuditAction
        from casa_desk.security.permissions import Action
        from casa_desk.store.backup import backup_store

        connections, session = self.context.store.connections, self.context.session

        def backup() -> Path:
            # The menu entry is hidden from operators; the role is checked here all the same,
            # and the copy is audited like `casa-desk backup` (a copy holds every note).
            if session is not None:
                session.require(Action.BACKUP)
            path = backup_store(connections, out)
            if session is not None:
                session.audit(AuditAction.EXPORTED, table="backup", row_id=path.name)
            return path

        StoreOp(
            self.context.bus,
            backup,
            changed="",
            parent=self,  # type: ignore[arg-type]
        ).success(
            lambda path: self.confirm(
                QCoreApplication.translate(
                    "MainWindow", "Copia di sicurezza scritta in %1."
                ).replace("%1", str(path))
            )
        ).run_in_background(self.context.runner)

    def edit_offices(self) -> None:
        from casa_desk.ui.offices_dialog import OfficesDialog

        dialog = OfficesDialog(self.context, self)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
