"""Roles in the window: the Users page and settings (administrators), one's own password
(everyone), the audit page and the break-glass count (coordinators), hidden entries for the
others."""

from __future__ import annotations

import csv

from login_helpers import PASSWORD, USER, login
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casa_desk.security.accounts import add_user
from casa_desk.security.settings import lock_minutes
from casa_desk.ui.tasks import SyncRunner

NEW_PASSWORD = "una nuova frase lunga abbastanza"


def _window(qtbot, session):  # type: ignore[no-untyped-def]
    from casa_desk.app import build_window

    window = build_window(session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _admin(demo):  # type: ignore[no-untyped-def]
    return demo.session.desk.login(USER, PASSWORD, how="test")


def test_an_operatore_has_no_users_settings_audit_or_report(qtbot, window) -> None:
    assert window.context.session.user.role == "operatore"
    assert not window.users_action.isVisible()
    assert not window.settings_action.isVisible()
    assert not window.audit_action.isVisible()
    assert window.password_action.isVisible() and window.lock_action.isVisible()
    assert window.open_users() is None and window.open_settings() is None
    assert window.open_audit() is None
    report = window.tabs.indexOf(window.pages["report"])
    assert not window.tabs.isTabVisible(report)
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.pages["referrals"]))


def test_the_administrator_manages_users_and_settings(qtbot, demo) -> None:
    window = _window(qtbot, _admin(demo))
    assert window.users_action.isVisible() and window.settings_action.isVisible()
    users = window.open_users()
    table = users.table
    listed = {table.item(r, 0).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert listed == {USER: "Amministratore", "op.desk": "Operatore"}

    # add a user: password typed twice (a mismatch is one line)
    dialog = users.add()
    qtbot.keyClicks(dialog.username, "b.verdi")
    qtbot.keyClicks(dialog.full_name, "Bruno Verdi")
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD + "x")
    dialog.accept()
    assert dialog.message.text() == "Le due password non coincidono." and dialog.isVisible()
    qtbot.keyClicks(dialog.password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD)
    dialog.accept()
    assert not dialog.isVisible(), dialog.message.text()
    assert users.confirmation.text() == "Utente aggiunto."
    assert login(demo.store.path, username="b.verdi", password=NEW_PASSWORD).user.role == (
        "operatore"
    )

    # change role and permission
    assert users.select("b.verdi")
    change = users.change()
    change.role.setCurrentIndex(change.role.findData("coordinatore"))
    change.sensitive.setChecked(True)
    change.accept()
    row = table.currentRow()
    assert table.item(row, 2).text() == "Coordinatore" and table.item(row, 3).text() == "Sì"

    # reset a forgotten password
    reset = users.reset_password()
    qtbot.keyClicks(reset.new, "corta")
    qtbot.keyClicks(reset.again, "corta")
    reset.accept()
    assert "10 caratteri" in reset.message.text() and reset.isVisible()
    qtbot.keyClicks(reset.new, PASSWORD)
    qtbot.keyClicks(reset.again, PASSWORD)
    reset.accept()
    assert not reset.isVisible()
    assert login(demo.store.path, username="b.verdi").user.must_change_password

    # disabling oneself is refused by the service, in its words
    assert users.select(USER)
    assert not users.disable(confirm=False)
    assert users.message.text() == "Non si può disattivare il proprio utente."
    assert users.select("b.verdi") and users.disable(confirm=False)
    assert table.item(table.currentRow(), 4).text() == "Disattivato"

    # the recovery code: shown once, with how to keep it
    shown = users.recovery_code()
    code = shown.code.text()
    assert (
        len(code) >= 16
        and "stamparlo o copiarlo" in shown.findChildren(type(users.confirmation))[0].text()
    )
    shown.copy_button.click()
    assert QApplication.clipboard().text() == code
    shown.reject()
    assert shown.code.text() == ""
    users.accept()

    # settings: the idle lock's minutes, applied at once
    settings = window.open_settings()
    settings.minutes.setValue(12)
    settings.accept()
    assert lock_minutes(demo.store) == 12 and window.idle_lock.interval_ms == 12 * 60_000
    changed = demo.store.query("SELECT reason FROM audit_log WHERE action = 'settings_changed'")
    assert changed and changed[-1]["reason"].endswith("→ 12")


def test_everyone_changes_their_own_password(qtbot, window, demo) -> None:
    dialog = window.change_own_password()
    qtbot.keyClicks(dialog.old, "non la mia")
    qtbot.keyClicks(dialog.new, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD)
    dialog.accept()
    assert dialog.message.text() == "Nome utente o password errati."
    assert dialog.isVisible() and dialog.old.text() == ""
    qtbot.keyClicks(dialog.old, PASSWORD)
    qtbot.keyClicks(dialog.new, NEW_PASSWORD)
    qtbot.keyClicks(dialog.again, NEW_PASSWORD)
    dialog.accept()
    assert not dialog.isVisible()
    assert login(demo.store.path, username="op.desk", password=NEW_PASSWORD).active


def test_the_coordinator_sees_the_break_glass_count_and_the_audit_page(
    qtbot, demo, tmp_path
) -> None:
    admin = _admin(demo)
    add_user(admin, "op.senza", full_name="Op Senza", role="operatore", password=PASSWORD)
    add_user(admin, "coord", full_name="Coordinatrice", role="coordinatore", password=PASSWORD)
    arianna = demo.ids["Quarzolini Arianna"]
    operator = admin.desk.login("op.senza", PASSWORD, how="test")
    operator.break_glass(arianna, "telefonata del servizio sociale")
    coordinator = admin.desk.login("coord", PASSWORD, how="test")
    window = _window(qtbot, coordinator)
    assert window.audit_action.isVisible() and not window.users_action.isVisible()
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.pages["report"]))
    label = window.status.break_glass
    assert label.isVisible() and label.text() == "Accessi con motivo: 1"

    page = window.open_audit()
    assert not label.isVisible()  # opening the page marks them seen
    page.action.setCurrentIndex(page.action.findData("break_glass"))
    model = page.model
    assert model.rowCount() == 1 and page.count.text() == "Righe: 1"
    cells = [model.index(0, c).data() for c in range(model.columnCount())]
    assert cells[1:] == [
        "op.senza",
        "Accesso con motivo",
        "scheda: Persona riservata",  # the coordinator has no sensitive permission
        "telefonata del servizio sociale",
    ]
    # the person filter, and the user filter
    qtbot.keyClicks(page.person, "zampicchi")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)
    assert page.person_label.text() == "Persona: Zampicchi Ludmilla" and model.rowCount() == 0
    page.set_person(None)
    page.who.setCurrentIndex(page.who.findData("coord"))
    assert model.rowCount() == 0
    page.who.setCurrentIndex(0)
    out = tmp_path / "registro.csv"
    assert page.export_to(out)
    with out.open(encoding="utf-8-sig", newline="") as handle:  # as Excel in Italian reads it
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert [r["reason"] for r in rows] == ["telefonata del servizio sociale"]
    exported = demo.store.query("SELECT who FROM audit_log WHERE table_name = 'audit_log'")
    assert exported == [{"who": "coord"}]
    page.accept()
    # a new break-glass shows up on the bar again
    operator.break_glass(demo.ids["Quarzolini Tobia"], "verifica richiesta di aiuto")
    window.context.bus.changed.emit("audit_log")
    assert label.isVisible() and label.text() == "Accessi con motivo: 1"


def test_the_audit_page_words_how_each_login_came_about(qtbot, demo) -> None:
    """A login's reason is a code ("window", "cli report", "demo"): the page words it, in
    Italian, instead of showing an English code; a typed reason stays as typed."""
    admin = _admin(demo)
    for how in ("window", "cli report", "recovery"):
        admin.desk.login(USER, PASSWORD, how=how)
    window = _window(qtbot, admin)
    page = window.open_audit()
    page.action.setCurrentIndex(page.action.findData("login"))
    model = page.model
    reasons = {model.index(r, 4).data() for r in range(model.rowCount())}
    assert {"finestra del programma", "riga di comando: report", "codice di recupero"} <= reasons
    assert not reasons & {"window", "cli report", "recovery"}


def _audit_reasons(qtbot, admin, action: str) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """The audit page's reasons of ``action``, in Italian and then in English."""
    from casa_desk.app import install_translator

    def reasons() -> set[str]:
        window = _window(qtbot, admin)
        page = window.open_audit()
        page.action.setCurrentIndex(page.action.findData(action))
        return {page.model.index(r, 4).data() for r in range(page.model.rowCount())}

    italian = reasons()
    app = QApplication.instance()
    installed = install_translator(app, "en")
    try:
        return italian, reasons()
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_the_audit_page_words_a_new_users_role(qtbot, demo) -> None:
    """ "User added" records the role's code and the sensitive permission ("operatore,
    contenuti riservati"): the page words both in the interface language."""
    admin = _admin(demo)
    add_user(
        admin,
        "op.nuova",
        full_name="Operatrice Nuova",
        role="operatore",
        password=NEW_PASSWORD,
        may_see_sensitive=True,
    )
    italian, english = _audit_reasons(qtbot, admin, "user_added")
    assert "Operatore, contenuti riservati" in italian
    assert "Operator, sensitive content" in english
    assert not any("operatore" in r or "riservati" in r for r in english)


def test_the_audit_page_words_what_a_change_of_a_user_changed(qtbot, demo) -> None:
    """ "User changed" records field codes ("may_see_sensitive=1, role=coordinatore"): the
    page words them in the interface language."""
    from casa_desk.security.accounts import change_user

    admin = _admin(demo)
    add_user(
        admin, "op.nuova", full_name="Operatrice Nuova", role="operatore", password=NEW_PASSWORD
    )
    change_user(admin, "op.nuova", role="coordinatore", may_see_sensitive=True)
    italian, english = _audit_reasons(qtbot, admin, "user_changed")
    assert "contenuti riservati concessi, ruolo: Coordinatore" in italian
    assert "sensitive content granted, role: Coordinator" in english
    assert not any("=" in r for r in english)
