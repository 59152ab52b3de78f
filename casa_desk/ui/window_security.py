"""Who may do what in the window: the menu entries of accounts and settings, shown by role.

Administrators get "Utenti…" and "Impostazioni…", coordinators and administrators the audit
page ("Registro degli accessi…") and the count of new break-glass events on the status bar;
everyone may change their own password and lock the window at once. Pages a role may not use
are hidden (the monthly report for an operatore) — and the services refuse anyway
(:mod:`casa_desk.security.permissions`). The entries follow the user at the desk: another
user logging in on the lock screen gets their own.

A mixin of :class:`~casa_desk.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from casa_desk.security.access import Session
from casa_desk.security.permissions import Action


class SecurityMixin:
    """Menu entries by role; the Users, Settings, own-password and audit dialogs."""

    # provided by the window
    context: Any
    file_menu: Any
    pages: dict[str, Any]
    tabs: Any
    status: Any
    idle_lock: Any

    def _build_security_menu(self) -> None:
        owner: Any = self
        self.users_action = QAction(owner)
        self.users_action.triggered.connect(self.open_users)
        self.settings_action = QAction(owner)
        self.settings_action.triggered.connect(self.open_settings)
        self.audit_action = QAction(owner)
        self.audit_action.triggered.connect(self.open_audit)
        self.password_action = QAction(owner)
        self.password_action.triggered.connect(self.change_own_password)
        self.lock_action = QAction(owner, shortcut=QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(owner.lock)
        owner.addAction(self.lock_action)
        owner.quick_exit.lock = self._lock_from_a_dialog
        self.file_menu.addSeparator()
        for action in (
            self.users_action,
            self.settings_action,
            self.audit_action,
            self.password_action,
            self.lock_action,
        ):
            self.file_menu.addAction(action)
        self.status.timer.timeout.connect(self.refresh_break_glass)
        self.status.timer.timeout.connect(self.close_expired_card)
        # Bound methods, never a lambda holding the window: the bus outlives the window, and
        # a lambda on it would keep a closed window (and its timers) alive.
        self.context.bus.changed.connect(self._table_changed)

    def _lock_from_a_dialog(self) -> None:
        """Ctrl+L pressed while a form or question is open (caught by the quick-exit
        filter): the same "Blocca ora" as from the window."""
        if self.lock_action.isVisible():
            self.lock_action.trigger()

    def _retranslate_security(self) -> None:
        self.users_action.setText(QCoreApplication.translate("MainWindow", "Utenti…"))
        self.settings_action.setText(QCoreApplication.translate("MainWindow", "Impostazioni…"))
        self.audit_action.setText(
            QCoreApplication.translate("MainWindow", "Registro degli accessi…")
        )
        self.password_action.setText(
            QCoreApplication.translate("MainWindow", "Cambia la mia password…")
        )
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "Blocca ora"))

    @property
    def session(self) -> Session | None:
        return self.context.session  # type: ignore[no-any-return]

    def may(self, action: Action) -> bool:
        session = self.session
        return session is not None and session.may(action)

    def apply_roles(self) -> None:
        """Show what the user at the desk may use, hide the rest."""
        self.users_action.setVisible(self.may(Action.MANAGE_USERS))
        self.settings_action.setVisible(self.may(Action.MANAGE_SETTINGS))
        offices: Any = getattr(self, "offices_action", None)
        if offices is not None:  # head office's settings: the offices' phone and e-mail
            offices.setVisible(self.context.is_head_office and self.may(Action.MANAGE_SETTINGS))
        self.audit_action.setVisible(self.may(Action.VIEW_AUDIT))
        self.password_action.setVisible(self.session is not None)
        self.lock_action.setVisible(self.session is not None)
        backup: Any = getattr(self, "backup_action", None)
        if backup is not None:  # an encrypted copy: coordinators and administrators
            backup.setVisible(self.may(Action.BACKUP))
        report = self.pages.get("report")
        if report is not None:
            self.tabs.setTabVisible(self.tabs.indexOf(report), self.may(Action.REPORT))
        self.refresh_break_glass()

    def _table_changed(self, table: str) -> None:
        if table == "audit_log":
            self.refresh_break_glass()

    def refresh_break_glass(self) -> None:
        """The coordinator's number of break-glass events not yet seen on the audit page."""
        from casa_desk.security import audit

        session = self.session
        if session is not None and session.store.closed:  # the window is going away
            return
        count = audit.new_break_glass(session) if session and session.active else 0
        self.status.set_break_glass(count, visible=self.may(Action.VIEW_AUDIT))

    def close_expired_card(self) -> bool:
        """A break-glass opens a riservato card for 3 hours (``Session.break_glass``); a card
        still loaded when it ends is put away, even behind another tab, and the search comes
        back, as at the lock screen: its content needs a new reason. True when one was."""
        owner: Any = self
        session = self.session
        if session is None or session.store.closed or not session.active:
            return False
        if not owner._card_on_screen():
            return False
        person_id = owner.card.person_id
        if not person_id or not session.needs_break_glass(person_id):
            return False
        owner.card.clear()
        owner.people_stack.setCurrentWidget(owner.search)
        if self.tabs.currentIndex() == 0:
            owner.search.focus_search()
        self.status.showMessage(
            QCoreApplication.translate(
                "MainWindow",
                "Accesso con motivo scaduto: scheda chiusa.",
            ),
            60_000,
        )
        return True

    # -- the dialogs --------------------------------------------------------------------------
    def open_users(self) -> QWidget | None:
        from casa_desk.ui.users_page import UsersDialog

        if self.session is None or not self.may(Action.MANAGE_USERS):
            return None
        dialog = UsersDialog(self.session, self)  # type: ignore[arg-type]
        dialog.open()
        return dialog

    def open_settings(self) -> QWidget | None:
        from casa_desk.ui.account_dialogs import SettingsDialog

        if self.session is None or not self.may(Action.MANAGE_SETTINGS):
            return None
        dialog = SettingsDialog(
            self.session,
            self.idle_lock.set_minutes,
            self,  # type: ignore[arg-type]
        )
        dialog.open()
        return dialog

    def change_own_password(self) -> QWidget | None:
        from casa_desk.ui.account_dialogs import OwnPasswordDialog

        if self.session is None:
            return None
        dialog = OwnPasswordDialog(self.session, self)  # type: ignore[arg-type]
        dialog.open()
        return dialog

    def open_audit(self) -> QWidget | None:
        from casa_desk.ui.audit_page import AuditDialog

        if self.session is None or not self.may(Action.VIEW_AUDIT):
            return None
        dialog = AuditDialog(self.context, self)  # type: ignore[arg-type]
        dialog.finished.connect(self.refresh_break_glass)
        dialog.open()
        self.refresh_break_glass()  # opening the page marks them seen
        return dialog
