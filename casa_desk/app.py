"""Composition root: log in, ask first-run questions, build the window, run Qt.

``casa-desk [--db PATH] [--lang it|en]`` ends here (cli/__init__.py). Everything the window
needs is built here and passed in (STYLE.md §3): the store, the logged-in session (who is at
the desk and what they may do), the task runner and the change bus. A store that cannot be
opened (not a store, too new, damaged, a wrong password) is reported in one Italian line — in
a message box and on stderr — and the program exits 1.

Who is at the desk is decided before anything of the store is on screen
(:func:`sign_in`): a missing store gets the first-run dialog (office and administrator), a
store from before encryption the encryption dialog, an encrypted store the login screen.
The window never logs in by itself: ``CASA_DESK_USER`` may pre-fill the username, a password
variable is for scripts and the command line only.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casa_desk import paths
from casa_desk.errors import CasaError, StorageError
from casa_desk.security.access import Session, StoreState, check_state, store_state
from casa_desk.store import ownership
from casa_desk.store.db import Store, check_connections
from casa_desk.store.tables import HEAD_OFFICE

log = logging.getLogger("casa_desk")

#: ``sign_in(path, settings)``: the logged-in session, or None when the user gave up.
SignIn = Callable[[Path, Any], "Session | None"]


def sign_in(path: Path, settings: Any) -> Session | None:
    """Ask who is at the desk, as the store's state requires: first run (a new store and
    its administrator), encryption of a plain store (its administrator), or the login
    screen. None when the dialog is closed; a store that is not one raises its
    :class:`StorageError` (one line)."""
    from PySide6.QtWidgets import QDialog

    from casa_desk.ui.encrypt_dialog import EncryptDialog
    from casa_desk.ui.first_run import FirstRunDialog
    from casa_desk.ui.login import LoginDialog

    state = store_state(path)
    dialog: FirstRunDialog | EncryptDialog | LoginDialog
    if state is StoreState.MISSING:
        dialog = FirstRunDialog(path)
    elif state is StoreState.PLAIN:
        dialog = EncryptDialog(path)
    else:
        check_state(path)  # not a store, no key file: one line before any login screen
        dialog = LoginDialog(path, settings)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if isinstance(dialog, LoginDialog | EncryptDialog):
        dialog.finish_attempt()  # its worker, should the loop have ended under it
    if not accepted or dialog.session is None:
        return None
    settings.set_last_username(dialog.session.user.username)  # the next login pre-fills it
    return dialog.session


def check_integrity_later(window: Any) -> None:
    """Run SQLite's quick check on a worker; a damaged store closes the window with a message.

    The check uses its own read-only connection, keyed like the store's
    (casa_desk.store.db.check_connections).
    """
    from casa_desk.ui.error_dialog import error_box

    connections = window.context.store.connections
    from PySide6.QtCore import QCoreApplication

    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Verifica dell'archivio in corso…"), 60_000
    )

    def checked(_result: object) -> None:
        window.statusBar().clearMessage()

    def damaged(exc: BaseException, _details: str) -> None:
        if not isinstance(exc, StorageError):
            raise exc
        log.error("Archivio danneggiato: %s", exc.code)
        print(f"casa-desk: {exc.message}", file=sys.stderr)
        window.quick_exit.active = False
        window.exit_status = 1  # run_app returns it once the window has closed
        box = error_box(window, exc.message)
        box.finished.connect(window.close)
        box.open()

    window.context.runner.run(
        lambda _p, _c: check_connections(connections, check_integrity=True),
        on_done=checked,
        on_error=damaged,
    )


def install_translator(app: Any, language: str) -> list[Any]:
    """Load ``casa_desk_<language>.qm`` and Qt's own strings; returns what was installed.

    Italian is the source language: its .qm only carries plural forms. Qt's own strings
    (file and print dialogs, standard buttons) come from ``qtbase_<language>.qm``, looked
    for where Qt says its translations are and, failing that (a frozen bundle), in the
    PySide6 package. Numbers follow the language: "10.000" in Italian, "10,000" in English
    (British English: dates keep the day first).
    """
    import PySide6
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    QLocale.setDefault(
        QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        if language == "en"
        else QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    )
    qt_folders = [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]
    installed = []
    for name, folders in (
        (f"qtbase_{language}", qt_folders),
        (f"casa_desk_{language}", [str(paths.translations_dir())]),
    ):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def application_icon() -> Any:
    """The casa_desk icon (a house over a front desk) at every size it ships in."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in paths.icon_paths():
        icon.addFile(str(path))
    return icon


def office_name(store: Store, code: str) -> str:
    """The office's name for the window's title and status bar (head office's translated)."""
    if code == HEAD_OFFICE:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("MainWindow", "Sede centrale")
    return ownership.office_name(store, code)


def build_window(  # type: ignore[no-untyped-def]
    session: Session, settings: object | None = None, runner: object | None = None
):
    """The main window for a logged-in session on a store whose office is known. Who is at
    the desk, and whether they see sensitive content, is the session's user (never a name
    typed at first run)."""
    from casa_desk.ui.context import DeskContext
    from casa_desk.ui.main_window import MainWindow
    from casa_desk.ui.tasks import TaskRunner

    store = session.store
    presidio = store.meta("presidio") or ""
    context = DeskContext(
        store=store,
        presidio=presidio,
        session=session,
        is_head_office=presidio == HEAD_OFFICE,
        runner=runner or TaskRunner(),  # type: ignore[arg-type]
    )
    return MainWindow(
        context,
        office_name=office_name(store, presidio),
        operator_name=session.user.full_name,
        settings=settings,
    )  # type: ignore[arg-type]


@dataclass
class Launched:
    """A window ready to be shown, and what to undo when it closes."""

    window: Any
    session: Session
    translators: list[Any]

    @property
    def store(self) -> Store:
        return self.session.store

    def close(self) -> None:
        from PySide6.QtWidgets import QApplication

        from casa_desk.ui.search_model import stop_search_workers

        stop_search_workers()
        context = getattr(self.window, "context", None)
        if context is not None:  # no background work may still hold a connection
            context.runner.cancel_and_wait()
        if context is not None and context.session is not None:
            context.session.logout()  # who is at the desk now (the lock screen may switch)
        self.session.logout()
        self.store.close()
        for translator in self.translators:
            QApplication.instance().removeTranslator(translator)  # type: ignore[union-attr]


def launch(db: str | None, lang: str | None, *, login: SignIn | None = None) -> Launched | int:
    """Everything before the event loop: translator, excepthook, who is at the desk
    (:func:`sign_in`, or ``login`` — a child process of the tests, a benchmark), window.

    Returns an exit status instead when the store cannot be opened (1, after telling the
    user in a message box and on stderr) or the user leaves the login or first run (1).
    """
    from PySide6.QtWidgets import QApplication, QDialog

    from casa_desk.security.files import own_folder
    from casa_desk.ui.error_dialog import error_box, install_excepthook
    from casa_desk.ui.first_run import OfficeDialog, needs_first_run
    from casa_desk.ui.refcount_guard import make_singletons_immortal
    from casa_desk.ui.settings import UiSettings

    make_singletons_immortal()  # PySide6 6.12.0 emit() refcount bug (refcount_guard.py)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("casa_desk")
    app.setOrganizationName(paths.APP_AUTHOR)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("casa-desk")  # Linux: ties the window to casa-desk.desktop's icon
    own_folder(paths.data_dir())  # 0700, narrowed when an older version left it 0755
    settings = UiSettings()  # --lang applies to this run only; the menu saves a choice
    translators = install_translator(app, lang or settings.language())
    install_excepthook(QApplication.activeWindow)
    path = Path(db) if db else paths.default_store_path()
    try:
        session = (login or sign_in)(path, settings)
    except CasaError as exc:
        print(f"casa-desk: {exc.message}", file=sys.stderr)
        error_box(None, exc.message).exec()
        session = None
    if session is None:
        for translator in translators:
            app.removeTranslator(translator)
        return 1
    launched = Launched(None, session, translators)
    if needs_first_run(session.store) and (
        OfficeDialog(session).exec() != QDialog.DialogCode.Accepted
    ):
        launched.close()
        return 1
    if session.user.must_change_password:  # reset by an administrator: a new one now
        from casa_desk.ui.account_dialogs import OwnPasswordDialog

        # Cancelled, the window stays closed: the administrator who chose the password
        # must not keep knowing it (the dialog's result was ignored, so Annulla opened it).
        if OwnPasswordDialog(session).exec() != QDialog.DialogCode.Accepted:
            launched.close()
            return 1
    launched.window = build_window(session, settings)
    return launched


def run_app(db: str | None, lang: str | None) -> int:
    """Open the window on the store and run until it closes; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    launched = launch(db, lang)
    if isinstance(launched, int):
        return launched
    try:
        launched.window.show()
        check_integrity_later(launched.window)
        status = int(QApplication.instance().exec())  # type: ignore[union-attr]
        return int(getattr(launched.window, "exit_status", status))
    finally:
        launched.close()
