"""Start-up: first run with an administrator, the login screen, encryption of an old store.

The dialogs are driven with key presses; what they show is read back from their labels.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from login_driver import type_into, when_modal
from login_helpers import (
    NEWEST_MIGRATION,
    PASSWORD,
    USER,
    login,
    new_session,
    store_behind_a_version,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from casa_desk.app import launch
from casa_desk.security.access import StoreState, store_state
from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.ui.encrypt_dialog import EncryptDialog
from casa_desk.ui.first_run import FirstRunDialog
from casa_desk.ui.login import LoginDialog
from casa_desk.ui.settings import UiSettings
from casa_desk.ui.tasks import SyncRunner

STRONG = "la mia frase per lo sportello"
SURNAME = "Quarzolini"


def _files(path: Path) -> dict[str, bytes]:
    """Every file of the store (data, WAL, key file) and its bytes."""
    return {p.name: p.read_bytes() for p in path.parent.iterdir() if p.is_file()}


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
    qtbot.keyClicks(login.form.password, STRONG)
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
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
    qtbot.keyClicks(login.form.password, "password sbagliata")
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    assert login.result() != QDialog.DialogCode.Accepted
    assert login.form.message.text() == "Nome utente o password errati."
    assert login.form.password.text() == ""
    # an unknown user reads the same
    type_into(login.form.username, "nessuno")
    qtbot.keyClicks(login.form.password, PASSWORD)
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
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
        qtbot.keyClicks(login.form.password, "ancora sbagliata")
        qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    qtbot.keyClicks(login.form.password, PASSWORD)  # right, but too soon
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
    assert "Troppi tentativi errati: riprovare tra" in login.form.message.text()
    assert not login.form.button.isEnabled() and not login.form.password.isEnabled()
    assert login.result() != QDialog.DialogCode.Accepted
    qtbot.waitUntil(login.form.button.isEnabled, timeout=8_000)
    assert login.form.message.text() == "Si può riprovare."
    qtbot.keyClicks(login.form.password, PASSWORD)
    qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
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


def test_a_reset_password_is_changed_at_the_next_login(qtbot, tmp_path, monkeypatch) -> None:
    from login_driver import log_in_soon

    from casa_desk.security.accounts import add_user, reset_password
    from casa_desk.ui.account_dialogs import OwnPasswordDialog

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    path = tmp_path / "desk.sqlite"
    admin = new_session(path)
    add_user(admin, "b.verdi", full_name="Bruno Verdi", role="operatore", password=STRONG)
    reset_password(admin, "b.verdi", PASSWORD)
    admin.logout()
    admin.store.close()
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


def _migrated(path: Path) -> bool:
    session = login(path)
    try:
        names = {r[0] for r in session.store.db.execute("SELECT name FROM _sqlite_migrations")}
        return NEWEST_MIGRATION in names
    finally:
        session.logout()
        session.store.close()


def test_the_first_login_after_an_upgrade_says_the_store_is_being_upgraded(qtbot, tmp_path) -> None:
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    dialog = LoginDialog(path, UiSettings())
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    seen: list[tuple[str, bool, bool, bool, list[str]]] = []
    backups = tmp_path / "backups"

    def said() -> None:  # what the screen shows once the upgrade is announced
        copies = sorted(p.name for p in backups.iterdir()) if backups.exists() else []
        seen.append(
            (
                form.message.text(),
                form.username.isEnabled(),
                form.password.isEnabled(),
                form.button.isEnabled(),
                copies,
            )
        )

    form.upgrading.connect(said)
    qtbot.keyClicks(form.password, PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert len(seen) == 1
    text, *enabled, copies = seen[0]
    assert text.startswith("Aggiornamento dell'archivio alla nuova versione")
    assert "non spegnere il computer" in text
    assert enabled == [False, False, False]
    assert copies == []  # said before the work starts
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert form.message.text() == ""
    assert form.username.isEnabled() and form.password.isEnabled() and form.button.isEnabled()
    assert any("before-migration" in p.name for p in backups.iterdir())
    dialog.session.logout()
    dialog.session.store.close()
    assert _migrated(path)

    # The store is current now: the next login says nothing of an upgrade.
    again = LoginDialog(path, UiSettings())
    qtbot.addWidget(again)
    again.show()
    again.form.upgrading.connect(said)
    qtbot.keyClicks(again.form.password, PASSWORD)
    qtbot.keyClick(again.form.password, Qt.Key.Key_Return)
    assert again.result() == QDialog.DialogCode.Accepted
    assert len(seen) == 1
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
    qtbot.keyClicks(form.password, PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert form.message.text() and "Aggiornamento" not in form.message.text()
    assert "\n" not in form.message.text()
    assert form.message.styleSheet() == "color: #b00020;"  # a refusal again
    assert form.username.isEnabled() and form.password.isEnabled() and form.button.isEnabled()
    after = _files(path)
    assert {k: v for k, v in after.items() if ".keys" not in k} == {
        k: v for k, v in before.items() if ".keys" not in k
    }
