"""The window translates the security services' messages by their words
(casa_desk/ui/security_texts.py): the services must still say exactly those words."""

from __future__ import annotations

import pytest
from login_helpers import new_session

from casa_desk.errors import CasaError
from casa_desk.security import accounts
from casa_desk.security.passwords import check_password
from casa_desk.security.settings import set_lock_minutes
from casa_desk.store.users import clean_username
from casa_desk.ui.security_texts import MESSAGES


def _message(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(CasaError) as caught:
        call()
    return caught.value.message


def test_the_listed_messages_are_the_services_words(tmp_path) -> None:
    session = new_session(tmp_path / "s.sqlite")
    said = [
        _message(lambda: check_password("corta")),
        _message(lambda: check_password("x" * 300)),
        _message(lambda: check_password("password123")),
        _message(lambda: clean_username("nome con spazi")),
        _message(lambda: accounts.disable_user(session, session.user.username)),
        _message(lambda: accounts.change_user(session, session.user.username, role="operatore")),
        _message(lambda: accounts.reset_password(session, "nessuno", "una frase lunghissima")),
        _message(lambda: session.break_glass("x", "breve")),
        _message(lambda: session.reveal("contacts", "x")),
        _message(lambda: set_lock_minutes(session, 500)),
        _message(
            lambda: accounts.add_user(
                session, session.user.username, full_name="X", role="operatore", password="y"
            )
        ),
    ]
    session.logout()
    said.append(_message(lambda: session.view_card("x")))
    missing = [text for text in said if text not in MESSAGES]
    assert missing == []
    session.store.close()


def test_in_english_the_login_and_the_services_words_are_english(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from casa_desk.app import install_translator
    from casa_desk.ui.error_texts import worded_error
    from casa_desk.ui.login import LoginDialog
    from casa_desk.ui.settings import UiSettings

    app = QApplication.instance()
    installed = install_translator(app, "en")
    try:
        with pytest.raises(CasaError) as caught:
            check_password("corta")
        assert worded_error(caught.value) == "The password must have at least 10 characters."
        dialog = LoginDialog(tmp_path / "x.sqlite", UiSettings())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "casa_desk – log in"
        assert dialog.form.button.text() == "Log in"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
