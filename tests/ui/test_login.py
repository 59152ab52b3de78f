"""Start-up: first run with an administrator, the login screen, encryption of an old store.

The dialogs are driven with key presses; what they show is read back from their labels.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from login_driver import type_into, when_modal
from login_helpers import (
    NEWEST_MIGRATION,
    PASSWORD,
    USER,
    keyed_connection,
    login,
    new_session,
    store_behind_a_version,
)
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from casa_desk.app import launch
from casa_desk.security.access import StoreState, store_state
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.ui.encrypt_dialog import EncryptDialog
from casa_desk.ui.first_run import FirstRunDialog
from casa_desk.ui.login import CredentialsForm, LoginDialog
from casa_desk.ui.settings import UiSettings
from casa_desk.ui.tasks import SyncRunner

STRONG = "la mia frase per lo sportello"
#: How long a test waits for the login's worker before failing: a bound for a loaded
#: machine, not a timing assert.
WAIT_MS = 30_000
SURNAME = "Quarzolini"


def _files(path: Path) -> dict[str, bytes]:
    """Every file of the store (data, WAL, key file) and its bytes."""
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}


@pytest.fixture(autouse=True)
def _no_worker_left(qtbot) -> Iterator[None]:
    """A login runs on a worker of the global pool: none may outlive its test."""
    yield
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT_MS)


def _enter(qtbot, form: CredentialsForm, password: str) -> None:
    """Type ``password`` and Enter, like a user, and wait for the attempt's result (it runs
    on a worker: the form answers later, with ``settled``)."""
    qtbot.keyClicks(form.password, password)
    with qtbot.waitSignal(form.settled, timeout=WAIT_MS):
        qtbot.keyClick(form.password, Qt.Key.Key_Return)


def _texts(root: QWidget) -> str:
    from PySide6.QtWidgets import QLabel, QLineEdit

    parts = [w.text() for w in root.findChildren(QLabel) + root.findChildren(QLineEdit)]
    return "\n".join(parts + [root.windowTitle()])


def test_first_run_creates_an_administrator_who_can_then_log_in(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    dialog = FirstRunDialog(path)
    qtbot.addWidget(dialog)
    dialog.office.setCurrentIndex(dialog.office.findData("MAZZINI"))
    type_into(dialog.account.username, "m.rossi")
    type_into(dialog.account.full_name, "Maria Rossi")
    type_into(dialog.account.password, "corta")
    type_into(dialog.account.again, "corta")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "10 caratteri" in dialog.message.text()  # the security layer's rule, one line
    assert dialog.account.password.text() == ""
    type_into(dialog.account.password, STRONG)
    type_into(dialog.account.again, STRONG + "x")
    dialog.accept()
    assert dialog.message.text() == "Le due password non coincidono."
    assert store_state(path) is StoreState.MISSING  # nothing created yet
    type_into(dialog.account.password, STRONG)
    type_into(dialog.account.again, STRONG)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    session = dialog.session
    assert session is not None and session.user.role == "amministratore"
    assert session.store.presidio == "MAZZINI"
    session.logout()
    session.store.close()
    assert store_state(path) is StoreState.ENCRYPTED

    settings = UiSettings()
    settings.set_last_username("m.rossi")
    login = LoginDialog(path, settings)
    qtbot.addWidget(login)
    login.show()
    assert login.form.username.text() == "m.rossi"
    assert login.form.username.selectedText() == "m.rossi"  # typing replaces it
    qtbot.keyClick(login.form.username, Qt.Key.Key_Return)  # on to the password
    assert login.focusWidget() is login.form.password
    _enter(qtbot, login.form, STRONG)
    assert login.result() == QDialog.DialogCode.Accepted
    assert login.session.user.full_name == "Maria Rossi"
    login.session.logout()
    login.session.store.close()


def test_a_wrong_password_is_one_line_and_changes_no_byte(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    session = new_session(path)
    People(session.store).register({"last_name": SURNAME, "first_name": "Ada"}, presidio="SAN-SIRO")
    session.logout()
    session.store.close()
    before = _files(path)
    login = LoginDialog(path, UiSettings())
    qtbot.addWidget(login)
    login.show()
    assert login.form.username.text() == USER  # CASA_DESK_USER pre-fills, nothing else
    assert login.form.password.text() == ""
    assert SURNAME not in _texts(login)  # nothing of the store before login
    _enter(qtbot, login.form, "password sbagliata")
    assert login.result() != QDialog.DialogCode.Accepted
    assert login.form.message.text() == "Nome utente o password errati."
    assert login.form.password.text() == ""
    # the form is live again, the password field ready for the next try
    form = login.form
    assert all(w.isEnabled() for w in (form.username, form.password, form.button))
    assert login.quit_button.isEnabled() and not form.busy_bar.isVisible()
    assert login.focusWidget() is form.password
    # an unknown user reads the same
    type_into(login.form.username, "nessuno")
    _enter(qtbot, login.form, PASSWORD)
    assert login.form.message.text() == "Nome utente o password errati."
    # the store's own files are untouched (the key file keeps the failure count, by design)
    after = _files(path)
    assert {k: v for k, v in after.items() if ".keys" not in k} == {
        k: v for k, v in before.items() if ".keys" not in k
    }


def test_repeated_failures_count_down_before_the_next_try(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    session = new_session(path)
    session.logout()
    session.store.close()
    login = LoginDialog(path, UiSettings())
    qtbot.addWidget(login)
    login.show()
    for _ in range(3):
        _enter(qtbot, login.form, "ancora sbagliata")
    _enter(qtbot, login.form, PASSWORD)  # right, but too soon
    assert "Troppi tentativi errati: riprovare tra" in login.form.message.text()
    assert not login.form.button.isEnabled() and not login.form.password.isEnabled()
    assert login.result() != QDialog.DialogCode.Accepted
    qtbot.waitUntil(login.form.button.isEnabled, timeout=8_000)
    assert login.form.message.text() == "Si può riprovare."
    _enter(qtbot, login.form, PASSWORD)
    assert login.result() == QDialog.DialogCode.Accepted
    login.session.logout()
    login.session.store.close()


def test_launch_shows_the_login_screen_and_cancelling_exits_1(qtbot, demo, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    seen: list[str] = []

    def look_and_leave(dialog: LoginDialog) -> None:
        seen.append(_texts(dialog))
        dialog.quit_button.click()

    when_modal(LoginDialog, look_and_leave)
    assert launch(str(demo.store.path), "it") == 1
    assert seen and "Quarzolini" not in seen[0]


def test_a_plain_store_is_encrypted_for_its_new_administrator(qtbot, tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:  # plain, as before issue 10
        store.set_meta("presidio", "SAN-SIRO")
        People(store).register({"last_name": SURNAME, "first_name": "Ada"}, presidio="SAN-SIRO")
    dialog = EncryptDialog(path, runner=SyncRunner())
    qtbot.addWidget(dialog)
    type_into(dialog.account.username, "amm.prova")
    type_into(dialog.account.full_name, "Amm Prova")
    type_into(dialog.account.password, STRONG)
    type_into(dialog.account.again, STRONG)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()
    session = dialog.session
    assert session.user.username == "amm.prova"
    session.logout()
    session.store.close()
    assert store_state(path) is StoreState.ENCRYPTED
    assert SURNAME.encode() not in path.read_bytes()
    assert QApplication.activeModalWidget() is None


def _store_with_a_reset_user(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    """A store whose user b.verdi had their password reset to PASSWORD by the administrator."""
    from casa_desk.security.accounts import add_user, reset_password

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "desk.sqlite"
    admin = new_session(path)
    add_user(admin, "b.verdi", full_name="Bruno Verdi", role="operatore", password=STRONG)
    reset_password(admin, "b.verdi", PASSWORD)
    admin.logout()
    admin.store.close()
    return path


def test_a_reset_password_is_changed_at_the_next_login(qtbot, tmp_path, monkeypatch) -> None:
    from login_driver import log_in_soon

    from casa_desk.ui.account_dialogs import OwnPasswordDialog

    path = _store_with_a_reset_user(tmp_path, monkeypatch)
    seen: list[str] = []

    def change(dialog: OwnPasswordDialog) -> None:
        seen.append(dialog.intro.text())
        type_into(dialog.old, PASSWORD)
        type_into(dialog.new, STRONG + " nuova")
        type_into(dialog.again, STRONG + " nuova")
        dialog.accept()

    log_in_soon("b.verdi", PASSWORD)
    when_modal(OwnPasswordDialog, change)
    launched = launch(str(path), "it")
    assert not isinstance(launched, int)
    try:
        qtbot.addWidget(launched.window)
        assert seen and "reimpostata" in seen[0]
    finally:
        launched.close()
    from login_helpers import login

    again = login(path, username="b.verdi", password=STRONG + " nuova")
    assert not again.user.must_change_password
    again.store.close()


def test_a_reset_password_cancelled_at_the_login_opens_no_window(
    qtbot, tmp_path, monkeypatch
) -> None:
    """The change asked after a reset was skippable: its "Annulla" opened the window all the
    same, and the administrator who chose the password kept knowing it."""
    from login_driver import log_in_soon

    from casa_desk.ui.account_dialogs import OwnPasswordDialog

    path = _store_with_a_reset_user(tmp_path, monkeypatch)
    log_in_soon("b.verdi", PASSWORD)
    asked: list[str] = []

    def cancel(dialog: OwnPasswordDialog) -> None:
        asked.append(dialog.intro.text())
        dialog.reject()

    when_modal(OwnPasswordDialog, cancel)
    assert launch(str(path), "it") == 1
    assert asked and "reimpostata" in asked[0]
    from login_helpers import login

    again = login(path, username="b.verdi", password=PASSWORD)
    assert again.user.must_change_password  # still to choose, at the next login
    again.store.close()


def _migrated(path: Path) -> bool:
    session = login(path)
    try:
        names = {r[0] for r in session.store.db.execute("SELECT name FROM _sqlite_migrations")}
        return NEWEST_MIGRATION in names
    finally:
        session.logout()
        session.store.close()


class HeldUpgrade:
    """The real upgrade of a login, held at its start until the test lets it go.

    The login screen gives ``Store.open`` the form's ``announce_upgrading`` as its
    ``upgrading`` callback, called on the worker before the whole-file check, the backup and
    the migrations. The wrapper announces as usual, then waits for :attr:`release`: the
    worker is inside the upgrade for as long as the test needs to look at the screen.
    """

    def __init__(self, form: CredentialsForm, monkeypatch: pytest.MonkeyPatch) -> None:
        self.inside = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []
        announce = form.announce_upgrading

        def held() -> None:
            self.threads.append(threading.current_thread())
            announce()
            self.inside.set()
            assert self.release.wait(60), "the test never let the upgrade go"

        monkeypatch.setattr(form, "announce_upgrading", held)


@pytest.fixture
def hold(monkeypatch) -> Iterator[Any]:
    """``hold(form)``: a :class:`HeldUpgrade` on ``form``, let go at the latest when the
    test ends (before the check that no worker is left)."""
    held: list[HeldUpgrade] = []

    def make(form: CredentialsForm) -> HeldUpgrade:
        held.append(HeldUpgrade(form, monkeypatch))
        return held[-1]

    yield make
    for upgrade in held:
        upgrade.release.set()


def _live(form: CredentialsForm) -> bool:
    return all(w.isEnabled() for w in (form.username, form.password, form.button))


def test_the_first_login_after_an_upgrade_upgrades_on_a_worker_and_the_dialog_stays_live(
    qtbot, tmp_path, hold
) -> None:
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    backups = tmp_path / "backups"
    dialog = LoginDialog(path, UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    held = hold(form)
    shown_on: list[threading.Thread] = []
    form.upgrading.connect(lambda: shown_on.append(threading.current_thread()))
    passed_on: list[threading.Thread] = []
    form.passed.connect(lambda _session: passed_on.append(threading.current_thread()))
    # The GUI thread's event loop, counted while the worker is held inside the upgrade.
    ticks: list[bool] = []
    timer = QTimer(dialog, interval=10)
    timer.timeout.connect(lambda: ticks.append(held.inside.is_set() and not held.release.is_set()))
    timer.start()

    qtbot.keyClicks(form.password, PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: held.inside.is_set() and form.busy_bar.isVisible(), timeout=WAIT_MS)
    text = form.message.text()
    assert text.startswith("Aggiornamento dell'archivio alla nuova versione")
    assert "non spegnere il computer" in text
    assert not any(
        w.isEnabled() for w in (form.username, form.password, form.button, dialog.quit_button)
    )
    assert held.threads[0] is not threading.main_thread()  # the upgrade runs on a worker
    assert shown_on == [threading.main_thread()]  # and the screen is changed on the GUI's
    assert not backups.exists() or not any(backups.iterdir())  # said before the work starts
    qtbot.waitUntil(lambda: ticks.count(True) >= 5, timeout=WAIT_MS)  # the window answers

    # No second attempt and no way out while it runs: Enter, Esc, Esci, the close button.
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    dialog.accept()  # Enter anywhere in the dialog
    assert not dialog.close()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.quit_button.click()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert len(held.threads) == 1 and form.busy()

    held.release.set()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT_MS)
    timer.stop()
    assert passed_on == [threading.main_thread()]
    assert form.message.text() == "" and not form.busy_bar.isVisible()
    assert _live(form) and dialog.quit_button.isEnabled()
    assert any("before-migration" in p.name for p in backups.iterdir())
    # The store opened on the worker is this (the GUI) thread's now: a write, a read.
    session = dialog.session
    assert session is not None
    row = People(session.store).register(
        {"last_name": SURNAME, "first_name": "Ada"}, presidio="SAN-SIRO"
    )
    assert People(session.store).get(row["id"])["last_name"] == SURNAME
    session.logout()
    session.store.close()
    assert _migrated(path)

    # The store is current now: the next login says nothing of an upgrade.
    again = LoginDialog(path, UiSettings())
    qtbot.addWidget(again)
    again.show()
    again.form.upgrading.connect(lambda: shown_on.append(threading.current_thread()))
    _enter(qtbot, again.form, PASSWORD)
    assert again.result() == QDialog.DialogCode.Accepted
    assert len(shown_on) == 1
    again.session.logout()
    again.session.store.close()


def test_an_upgrade_that_fails_gives_the_form_back_with_one_line(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    (tmp_path / "backups").write_text("not a folder")  # the backup before migrating fails
    before = _files(path)
    dialog = LoginDialog(path, UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    with qtbot.waitSignal(form.upgrading, timeout=WAIT_MS):  # said, then failed
        _enter(qtbot, form, PASSWORD)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert form.message.text() and "Aggiornamento" not in form.message.text()
    assert "\n" not in form.message.text()
    assert form.message.styleSheet() == "color: #b00020;"  # a refusal again
    assert _live(form) and dialog.quit_button.isEnabled() and not form.busy_bar.isVisible()
    assert form.password.text() == "" and dialog.focusWidget() is form.password
    after = _files(path)
    assert {k: v for k, v in after.items() if ".keys" not in k} == {
        k: v for k, v in before.items() if ".keys" not in k
    }


def test_a_backup_folder_that_cannot_be_made_is_one_line_not_a_bug(qtbot, tmp_path) -> None:
    """The backup folder beside the store is a link to a drive that is not there (a network
    share not mounted): the upgrade cannot make its backup, and the screen says so in one
    line, as for any other failed backup, instead of an unhandled error."""
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    (tmp_path / "backups").symlink_to(tmp_path / "unmounted" / "backups")
    before = _files(path)
    dialog = LoginDialog(path, UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    _enter(qtbot, form, PASSWORD)
    assert dialog.result() != QDialog.DialogCode.Accepted
    text = form.message.text()
    assert "backup" in text and str(tmp_path / "backups") in text
    assert "\n" not in text
    assert _live(form) and dialog.quit_button.isEnabled() and not form.busy_bar.isVisible()
    after = _files(path)
    assert {k: v for k, v in after.items() if ".keys" not in k} == {
        k: v for k, v in before.items() if ".keys" not in k
    }


def _accesses(path: Path) -> dict[str, int]:
    """How many logins and logouts the store's audit log holds."""
    conn = keyed_connection(path)
    try:
        rows = conn.execute(
            "SELECT action, count(*) FROM audit_log WHERE action IN ('login', 'logout') "
            "GROUP BY action"
        )
        return {str(action): int(n) for action, n in rows}
    finally:
        conn.close()


def test_a_login_screen_ended_under_an_upgrade_waits_for_it_and_lets_nobody_in(
    qtbot, tmp_path, hold, monkeypatch
) -> None:
    """Closing is refused while the attempt runs; should the dialog end anyway, the start-up
    waits for the worker (never leaving it with the store) and ends the session it opened."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    before = _accesses(path)
    seen: dict[str, bool] = {}

    def act(dialog: LoginDialog) -> None:
        held = hold(dialog.form)
        type_into(dialog.form.password, PASSWORD)
        QTest.keyClick(dialog.form.password, Qt.Key.Key_Return)

        polls = [WAIT_MS // 10]

        def when_inside() -> None:
            if not (held.inside.is_set() and dialog.form.busy_bar.isVisible()):
                polls[0] -= 1
                if polls[0]:
                    QTimer.singleShot(10, when_inside)
                else:  # never got there: leave (the asserts below say so)
                    dialog.done(QDialog.DialogCode.Rejected)
                    held.release.set()
                return
            seen["closed"] = dialog.close()
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            seen["visible"] = dialog.isVisible()
            dialog.done(QDialog.DialogCode.Rejected)  # made to end under the attempt
            held.release.set()

        when_inside()

    when_modal(LoginDialog, act)
    assert launch(str(path), "it") == 1
    assert seen == {"closed": False, "visible": True}
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=WAIT_MS)
    # The upgrade was finished, not abandoned; its session was ended (audited) and closed.
    assert _accesses(path) == {"login": before["login"] + 1, "logout": before["logout"] + 1}
    assert _migrated(path)


def test_an_encryption_ended_under_its_worker_is_waited_for_and_lets_nobody_in(
    qtbot, tmp_path, monkeypatch
) -> None:
    """As for the login screen: closing is refused while the store is being encrypted;
    should the dialog end anyway, the start-up waits for the worker (the process never exits
    under it) and ends the session it opened, so no store is left open without an owner."""
    from PySide6.QtWidgets import QDialogButtonBox

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:  # plain, as before issue 10
        store.set_meta("presidio", "SAN-SIRO")
    seen: dict[str, bool] = {}

    def act(dialog: EncryptDialog) -> None:
        type_into(dialog.account.username, "amm.prova")
        type_into(dialog.account.full_name, "Amm Prova")
        type_into(dialog.account.password, STRONG)
        type_into(dialog.account.again, STRONG)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["working"] = dialog.working
        seen["closed"] = dialog.close()
        dialog.done(QDialog.DialogCode.Rejected)  # made to end under the encryption

    when_modal(EncryptDialog, act)
    assert launch(str(path), "it") == 1
    assert QThreadPool.globalInstance().activeThreadCount() == 0  # waited for, not left
    assert seen == {"working": True, "closed": False}
    assert store_state(path) is StoreState.ENCRYPTED  # finished, not abandoned
    conn = keyed_connection(path, username="amm.prova", password=STRONG)
    try:
        rows = conn.execute(
            "SELECT action, count(*) FROM audit_log WHERE action IN ('login', 'logout') "
            "GROUP BY action"
        )
        assert dict(rows.fetchall()) == {"login": 1, "logout": 1}  # its session was ended
    finally:
        conn.close()
