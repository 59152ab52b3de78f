"""The front-desk window: people first, then the other pages as tabs.

Layout: a top-level stack with the working screen (tabs) and the neutral quick-exit page.
The "Persone" tab is itself a stack — search page, person card. The other pages (referrals,
agenda, services, report, sync) are always there; each page's module is imported and the page
built the first time its tab is shown, so the window is on screen fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security.permissions import Action
from casa_desk.security.settings import lock_minutes
from casa_desk.sync.status import enrolled, hub_address
from casa_desk.ui.break_glass import open_card_access
from casa_desk.ui.clipboard_guard import ClipboardGuard
from casa_desk.ui.confirmations import contact_saved_text
from casa_desk.ui.context import DeskContext
from casa_desk.ui.daily_retention import DailyRetention
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.lock_screen import IdleLock, LockScreen
from casa_desk.ui.masking import masked_name
from casa_desk.ui.navigation import Navigation
from casa_desk.ui.person_form import PersonForm
from casa_desk.ui.plain_text import no_mnemonic
from casa_desk.ui.quick_exit import NeutralPage, QuickExit
from casa_desk.ui.screen_fit import fit_to_screen, fits, keep_on_screen
from casa_desk.ui.search_page import SearchPage
from casa_desk.ui.settings import UiSettings
from casa_desk.ui.statusbar import DeskStatusBar
from casa_desk.ui.window_archive import ArchiveMixin
from casa_desk.ui.window_away import AwayMixin, AwayState
from casa_desk.ui.window_security import SecurityMixin

if TYPE_CHECKING:
    from casa_desk.ui.person_card import PersonCard

#: An enrolled desk syncs by itself this often, and shortly after the window opens.
AUTO_SYNC_MINUTES = 5.0
AUTO_SYNC_FIRST_MS = 3_000
#: The window's size on a screen big enough; smaller screens get what fits.
DEFAULT_SIZE = QSize(1280, 760)
#: How long a confirmation stays in the status bar.
MESSAGE_MS = 8_000


class LazyPage(QWidget):
    """A tab whose real page is built the first time it is shown.

    The page sits in a scroll area: on a screen smaller than a page's minimum (the Sync page
    with all its lists) the page scrolls, and the window never grows past the screen.
    """

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self.page: QWidget | None = None
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._scroll)

    def ensure(self) -> QWidget:
        if self.page is None:
            self.page = self._build()
            self._scroll.setWidget(self.page)
        return self.page

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.ensure()
        super().showEvent(event)


class MainWindow(AwayMixin, ArchiveMixin, SecurityMixin, QMainWindow):
    """Composition of the pages; owns shortcuts, quick exit and remembered geometry."""

    def __init__(
        self,
        context: DeskContext,
        *,
        office_name: str,
        operator_name: str,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.context = context
        self.office_name = office_name
        self.settings = settings or UiSettings()
        self.quick_exit = QuickExit(self._hide_all, self)
        self.clipboard_guard = ClipboardGuard(self)
        self._away = AwayState()
        self.navigation = Navigation()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.quick_exit.install(app)

        self.search = SearchPage(context)
        self._card: PersonCard | None = None  # built when first needed (see card)
        self.people_stack = QStackedWidget(objectName="peopleStack")
        self.people_stack.addWidget(self.search)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.people_stack, "")
        self.pages: dict[str, LazyPage] = {}
        self._add_pages()

        self.neutral = NeutralPage()
        self.lock_screen = LockScreen(self.unlock_attempt)
        self.screens = QStackedWidget(objectName="screens")
        self.screens.addWidget(self.tabs)
        self.screens.addWidget(self.neutral)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)
        self.status = DeskStatusBar(context, office_name, operator_name, self)
        self.setStatusBar(self.status)
        self._build_menus()

        self.search.person_opened.connect(self.open_person)
        self.search.register_requested.connect(self.register_person)
        self._start_idle_lock()
        self.apply_roles()

        self.retranslate()
        self._restore()
        self._start_auto_sync()
        # Head office's retention policy, once a day, in the background (issue 11).
        self.daily_retention = DailyRetention(context, self)
        self.daily_retention.check()
        self.search.focus_search()

    # -- pages ----------------------------------------------------------------------------
    def _add_pages(self) -> None:
        """A tab for each page; its module is imported when the tab is first shown (the
        report page alone pulls in reportlab: half a second at start-up)."""
        ctx = self.context
        specs: list[tuple[str, str, str, Callable[[type], QWidget]]] = [
            ("referrals", "casa_desk.ui.referrals_page", "ReferralsPage", self._page_of_people),
            ("agenda", "casa_desk.ui.agenda_page", "AgendaPage", self._page_of_people),
            ("services", "casa_desk.ui.services_page", "ServicesPage", lambda cls: cls(ctx)),
            (
                "report",
                "casa_desk.ui.report_page",
                "ReportPage",
                lambda cls: cls(
                    ctx.store,
                    ctx.presidio,
                    ctx.is_head_office,
                    runner=ctx.runner,
                    session=ctx.session,
                ),
            ),
            ("sync", "casa_desk.ui.sync_page", "SyncPage", self._build_sync_page),
        ]
        for key, module, name, build in specs:

            def make(
                module: str = module, name: str = name, build: Callable[[type], QWidget] = build
            ) -> QWidget:
                return build(getattr(importlib.import_module(module), name))

            page = LazyPage(make)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.tabs.addTab(page, "")

    def _page_of_people(self, cls: type) -> QWidget:
        """A page whose lines belong to people (a follow-up, a referral, an ESF
        participant's six-month one): double-click or Enter opens the card."""
        page = cls(self.context)
        page.open_person.connect(self.open_person)
        return page

    def show_referral(self, referral_id: str) -> None:
        """The Segnalazioni page with ``referral_id`` selected (every status listed)."""
        page = self.page("referrals")
        self.tabs.setCurrentWidget(self.pages["referrals"])
        page.show_referral(referral_id)  # type: ignore[attr-defined]

    def _build_sync_page(self, cls: type) -> QWidget:
        page = cls(
            self.context.store,
            runner=self.context.runner,
            bus=self.context.bus,
            masked=lambda: self.context.masked,
            may_enrol=lambda: self.may(Action.ENROL),
        )
        # A sync may change any table: every view decides for itself whether to refresh.
        page.synced.connect(self._after_sync)
        page.paired.connect(self._start_auto_sync)  # paired from the window: sync from now on
        return page

    def _start_auto_sync(self) -> None:
        """An enrolled desk syncs by itself every few minutes (the Sync page does the work,
        in the background) and the status bar follows its state; others say "not enrolled"."""
        if not enrolled(self.context.store):
            self.status.set_sync_state("not_enrolled")
            return
        page = self.page("sync")
        page.state_changed.connect(self.status.set_sync_state)  # type: ignore[union-attr]
        if not hub_address(self.context.store):
            # Paired by a file with no address: it syncs by USB file only. Trying the hub
            # every few minutes failed each time and showed "not done" for good.
            self.status.set_sync_state("by_file")
            return
        self.status.set_sync_state(page.state)  # type: ignore[union-attr]
        page.start_auto_sync(AUTO_SYNC_MINUTES)  # type: ignore[union-attr]
        # bound to the page: a window closed within the first seconds starts no sync
        QTimer.singleShot(AUTO_SYNC_FIRST_MS, page, page.sync_now)  # type: ignore[union-attr]

    def _after_sync(self, _report: object = None) -> None:
        for table in ("people", "contacts", "referrals", "referral_events", "consents", "services"):
            self.context.bus.changed.emit(table)

    def page(self, key: str) -> QWidget:
        """The built page ``key`` (building it now if needed)."""
        return self.pages[key].ensure()

    def _tab_titles(self) -> dict[str, str]:
        return {
            "referrals": self.tr("Segnalazioni"),
            "agenda": self.tr("Agenda"),
            "services": self.tr("Servizi"),
            "report": self.tr("Report mensile"),
            "sync": self.tr("Sincronizzazione"),
        }

    # -- menus and shortcuts --------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.register_action = QAction(self, shortcut=QKeySequence("Ctrl+R"))
        self.register_action.triggered.connect(lambda: self.register_person(self.typed_text()))
        self.contact_action = QAction(self, shortcut=QKeySequence("Ctrl+N"))
        self.contact_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.contact_action.triggered.connect(lambda: self.new_contact(self.person_at_hand()))
        self.sync_action = QAction(self)
        self.sync_action.triggered.connect(self.sync_now)
        self.sync_action.setVisible("sync" in self.pages)
        self.backup_action = QAction(self)
        self.backup_action.triggered.connect(self.ask_backup)
        self.offices_action = QAction(self)
        self.offices_action.triggered.connect(self.edit_offices)
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.quit_asked)
        for action in (self.register_action, self.contact_action, self.sync_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.offices_action)
        self._build_security_menu()
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        self.find_action = QAction(self, shortcut=QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.show_search)
        self.exit_action = QAction(self)
        self.exit_action.setShortcut(QKeySequence("F12"))  # shown in the menu; the filter acts
        self.exit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.exit_action.triggered.connect(self.quick_exit.trigger)
        self.recent_action = QAction(self, shortcut=QKeySequence("F2"))
        self.recent_action.triggered.connect(self.show_recent)
        self.back_action = QAction(self, shortcut=QKeySequence("Alt+Left"))
        self.back_action.triggered.connect(self.go_back)
        self.view_menu.addAction(self.find_action)
        self.view_menu.addAction(self.recent_action)
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.exit_action)
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions = {}
        for code, label in (("it", "Italiano"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.language() == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        for action in (
            self.register_action,
            self.contact_action,
            self.find_action,
            self.recent_action,
            self.back_action,
            self.quit_action,
        ):
            self.addAction(action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("casa_desk – %1").replace("%1", self.office_name))
        self.tabs.setTabText(0, self.tr("Persone"))
        titles = self._tab_titles()
        for key, page in self.pages.items():
            self.tabs.setTabText(self.tabs.indexOf(page), titles[key])
        self.file_menu.setTitle(self.tr("&Archivio"))
        self.view_menu.setTitle(self.tr("&Visualizza"))
        self.language_menu.setTitle(self.tr("Lingua"))
        self.register_action.setText(self.tr("Nuova persona"))
        self.contact_action.setText(self.tr("Nuovo contatto"))
        self.sync_action.setText(self.tr("Sincronizza ora"))
        self.quit_action.setText(self.tr("Esci"))
        self.backup_action.setText(self.tr("Copia di sicurezza…"))
        self.offices_action.setText(self.tr("Recapiti dei presidi…"))
        self.find_action.setText(self.tr("Cerca persona"))
        self.recent_action.setText(self.tr("Persone di oggi…"))
        self.back_action.setText(self.tr("Torna alla scheda precedente"))
        self.exit_action.setText(self.tr("Uscita rapida"))
        self._retranslate_security()

    def _start_idle_lock(self) -> None:
        """The idle lock (the store's minutes) and the lock screen's way back."""
        self._parked = {}
        self.neutral.resume_requested.connect(self.ask_to_resume)
        self.lock_screen.unlocked.connect(self.unlocked)
        self.lock_screen.back_requested.connect(self.back_to_neutral)
        self.idle_lock = IdleLock(lock_minutes(self.context.store), self)
        self.idle_lock.idle.connect(self.lock)
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.context.session is not None:
            app.installEventFilter(self.idle_lock)
        else:  # a window without a login (never built by the app) has nothing to lock
            self.idle_lock.stop()

    def user_changed(self) -> None:
        """Another user logged in on the lock screen: their name on the status bar, every
        list read again with their permission (masked or not)."""
        session = self.context.session
        self.status.set_operator(session.user.full_name)
        self.apply_roles()
        for table in ("people", "contacts", "referrals"):
            self.context.bus.changed.emit(table)
        sync = self.pages["sync"].page if "sync" in self.pages else None
        if sync is not None:  # its lists name people: read again, masked as the user may
            sync.refresh()  # type: ignore[attr-defined]
        report = self.pages["report"].page if "report" in self.pages else None
        if report is not None:  # built for the previous user: its exports are this one's
            report.session = session  # type: ignore[attr-defined]

    # -- people ---------------------------------------------------------------------------
    @property
    def card(self) -> PersonCard:
        """The person card, built the first time it is needed: it is not on the first
        screen, and its module (with the contact, referral, consent and ESF dialogs) is a
        large part of the window's own import time."""
        if self._card is None:
            from casa_desk.ui.person_card import PersonCard

            card = self._card = PersonCard(self.context)
            self.people_stack.addWidget(card)
            card.back_requested.connect(self.show_search)
            card.person_opened.connect(self.open_person)
            card.edit_requested.connect(self.edit_person)
            card.contact_requested.connect(self.new_contact)
            card.amend_requested.connect(self.amend_contact)
            card.confirmed.connect(self.confirm)
            card.referral_opened.connect(self.show_referral)
            card.referral_requested.connect(self.new_referral)
            self.escape = QShortcut(
                QKeySequence("Esc"), card, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )
            self.escape.activated.connect(self.show_search)
            self._restore_layout(self._card_parts(card))
        return self._card

    def _card_on_screen(self) -> bool:
        return self._card is not None and self.people_stack.currentWidget() is self._card

    def current_person_id(self) -> str | None:
        """The person whose card is on screen, if any."""
        if self._card_on_screen() and self.tabs.currentIndex() == 0:
            return self.card.person_id
        return None

    def person_at_hand(self) -> str | None:
        """Who Ctrl+N is for: the card on screen, or the person highlighted in the results."""
        if self.tabs.currentIndex() != 0:
            return None
        if self._card_on_screen():
            return self.card.person_id
        return self.search.highlighted_person_id()

    def typed_text(self) -> str:
        """What was typed in the search, when the search is on screen (Ctrl+R starts there)."""
        if self.tabs.currentIndex() == 0 and self.people_stack.currentWidget() is self.search:
            return self.search.field.text()
        return ""

    def show_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.people_stack.setCurrentWidget(self.search)
        if self._card is not None:
            self._card.clear()
        self.search.focus_search()

    def open_person(self, person_id: str) -> None:
        """Show ``person_id``'s card; the card it replaces is where Alt+← goes back to."""
        self._show_card(person_id, previous=self.current_person_id())

    def _show_card(self, person_id: str, *, previous: str | None) -> bool:
        """The card, once the user may see it: a riservato person asks for a reason first
        (break-glass, audited); every card opened is recorded as ``viewed``."""
        try:
            if not open_card_access(self.context.session, person_id, self):
                return False
            self.card.load(person_id)
        except CasaError as error:  # gone meanwhile (merged, deleted by sync)
            self.navigation.forget(person_id)
            self.status.showMessage(worded_error(error), MESSAGE_MS)
            return False
        self.tabs.setCurrentIndex(0)
        self.people_stack.setCurrentWidget(self.card)
        self.card.history_view.setFocus()
        shown = self.card.person_id or person_id
        self.navigation.opened(shown, self.card.title.text(), previous=previous)
        return True

    def go_back(self) -> None:
        """Alt+←: the card seen before this one (from the search: the last card seen)."""
        current = self.current_person_id()
        person_id = self.navigation.back(current)
        if person_id is not None:
            self._show_card(person_id, previous=None)

    def show_recent(self) -> QMenu:
        """F2: today's cards in a menu (arrows and Enter, or a click); returns the menu."""
        menu = QMenu(self)
        menu.setObjectName("recentMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._forget_erased_visits()
        visits = self.navigation.today()
        session = self.context.session
        for visit in visits:
            # a card whose reason has expired: its name needs a new one, like the card
            hidden = session is not None and session.needs_break_glass(visit.person_id)
            name = masked_name() if hidden else visit.name
            action = menu.addAction(no_mnemonic(f"{name}  ·  {visit.at.strftime('%H:%M')}"))
            action.triggered.connect(lambda _=False, pid=visit.person_id: self.open_person(pid))
        if not visits:
            menu.addAction(self.tr("Nessuna scheda aperta oggi.")).setEnabled(False)
        corner = self.tabs.mapToGlobal(self.tabs.rect().topLeft())
        menu.popup(corner + QPoint(24, 40))
        if visits:
            menu.setActiveAction(menu.actions()[0])
        return menu

    def _forget_erased_visits(self) -> None:
        """Today's list keeps the name each card had: an erased (or anonymised, by sync
        or retention) person leaves it, as her name left the store."""
        db = self.context.store.db
        for visit in self.navigation.today():
            row = db.execute(
                "SELECT anonymised_on FROM people WHERE id = ?", [visit.person_id]
            ).fetchone()
            if row is None or row[0]:
                self.navigation.forget(visit.person_id)

    def register_person(self, prefill: str = "") -> None:
        form = PersonForm(self.context, prefill=prefill, parent=self)
        form.saved.connect(self._person_saved)
        form.open_existing.connect(self.open_person)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()

    def edit_person(self, person_id: str) -> None:
        form = PersonForm(self.context, person_id, parent=self)
        form.saved.connect(self._person_saved)
        form.open_existing.connect(self.open_person)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.open()

    def _person_saved(self, person_id: str) -> None:
        self.open_person(person_id)
        self.confirm(self.tr("Scheda salvata: %1.").replace("%1", self.card.title.text()))

    def new_contact(self, person_id: str | None = None) -> QWidget | None:
        from casa_desk.ui.contact_form import ContactDialog

        session = self.context.session
        if person_id is not None and session is not None:
            # Ctrl+N on a highlighted riservato result: the form shows the name, as the card
            # would, so it asks for the reason first
            try:
                if session.needs_break_glass(person_id) and not open_card_access(
                    session, person_id, self
                ):
                    return None
            except CasaError as error:
                self.status.showMessage(worded_error(error), MESSAGE_MS)
                return None

        dialog = ContactDialog(
            self.context, person_id=person_id, parent=self, settings=self.settings
        )
        return self._open_contact_dialog(dialog)

    def amend_contact(self, contact_id: str) -> QWidget:
        """The correction form of a contact of the card's history."""
        from casa_desk.ui.contact_form import ContactDialog

        return self._open_contact_dialog(ContactDialog.amend(self.context, contact_id, self))

    def _open_contact_dialog(self, dialog: Any) -> QWidget:
        dialog.saved.connect(
            lambda contact_id: self._contact_saved(contact_id, amended=bool(dialog.amends))
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        return dialog

    def _contact_saved(self, contact_id: str, *, amended: bool) -> None:
        """A brief confirmation of what was saved: the surname already on screen and the
        topic — never the topic of a sensitive contact, never a first name or a note."""
        self.confirm(
            contact_saved_text(
                self.context.store, contact_id, amended=amended, masked=self.context.masked
            )
        )

    def confirm(self, text: str) -> None:
        """A short, neutral confirmation in the status bar (never in red, gone by itself)."""
        self.status.showMessage(text, MESSAGE_MS)

    def new_referral(self, person_id: str) -> QWidget:
        from casa_desk.ui.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self.context, person_id=person_id, parent=self)
        dialog.saved.connect(lambda _id: self.confirm(self.tr("Segnalazione registrata.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def sync_now(self) -> None:
        page = self.page("sync")
        self.tabs.setCurrentWidget(self.pages["sync"])
        page.sync_now()  # type: ignore[attr-defined]

    def set_language(self, code: str) -> None:
        self.settings.set_language(code)
        for other, action in self.language_actions.items():
            action.setChecked(other == code)
        QMessageBox.information(
            self, self.tr("Lingua"), self.tr("La nuova lingua sarà usata al prossimo avvio.")
        )

    # -- geometry -------------------------------------------------------------------------
    def _restore(self) -> None:
        """The remembered size and layout — unless the size does not fit this screen."""
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry) or not fits(self):
            fit_to_screen(self, DEFAULT_SIZE)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        self._restore_layout(self._layout_parts())

    def _restore_layout(self, parts: dict[str, Any]) -> None:
        for name, part in parts.items():
            state = self.settings.layout(name)
            if state is not None:
                part.restoreState(state)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802 - Qt
        super().showEvent(event)
        # The window manager's real frame is known now: pull the window back on screen.
        QTimer.singleShot(0, self, lambda: keep_on_screen(self))

    def _layout_parts(self) -> dict[str, Any]:
        """Splitters and table headers whose sizes the operator may adjust (the card's only
        once it is built: otherwise what was saved stays as it was)."""
        # "_2": the widths remembered before s26 overflowed a 1024-pixel screen (and made
        # the last column, not the address, the one that stretches); they are not restored.
        parts = {"search_columns_2": self.search.view.horizontalHeader()}
        if self._card is not None:
            parts |= self._card_parts(self._card)
        return parts

    @staticmethod
    def _card_parts(card: PersonCard) -> dict[str, Any]:
        return {
            "card_splitter": card.splitter,
            "history_columns": card.history_view.horizontalHeader(),
        }

    def save_layout(self) -> None:
        self.settings.set_window(self.saveGeometry(), self.saveState())
        for name, part in self._layout_parts().items():
            self.settings.set_layout(name, part.saveState())
        self.settings.sync()

    def quit_asked(self) -> None:
        """Ctrl+Q / *Esci*: unsaved forms out of sight (behind the lock) are asked about."""
        if self.may_quit():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's own close button (a spontaneous close) asks as Ctrl+Q does; a close
        # the program makes (a damaged store, the end of a test) does not.
        if event.spontaneous() and not self.may_quit():
            event.ignore()
            return
        self.save_layout()
        # Quitting leaves the desk as F12 does: what was copied here does not outlive the
        # window (Windows keeps a quitting program's clipboard for the next person).
        self.clipboard_guard.forget()
        app = QApplication.instance()
        if app is not None:  # F12 and the idle lock belong to an open window only
            app.removeEventFilter(self.quick_exit)
            app.removeEventFilter(self.idle_lock)
        self.idle_lock.stop()
        self.status.timer.stop()  # a closed window reads nothing more from the store
        super().closeEvent(event)
