"""The window's "Esporta le modifiche" says how many changes the bundle holds in the
interface's words: "1 modifica", "2 modifiche", "1 change" (it once said "1 modifiche")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from casa_desk.app import install_translator
from casa_desk.store.db import Store
from casa_desk.sync.apply import set_state
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.sync_actions import BundleActions
from casa_desk.ui.tasks import TaskRunner


@pytest.fixture
def office(tmp_path: Path):  # type: ignore[no-untyped-def]
    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    store = Store.open(tmp_path / "office.sqlite", create=True)
    save_credentials(store, enrol(hub, code), None)
    hub.close()
    yield store
    store.close()


def _leave_unacknowledged(store: Store, count: int) -> None:
    """``count`` changes made here that the hub has not acknowledged, and no others."""
    with store.transaction() as journal:
        for n in range(count):
            journal.insert("people", {"first_name": "Nome", "last_name": f"Prova{n}"},
                           presidio=store.presidio or "")  # fmt: skip
        last = store.db.execute("SELECT max(seq) FROM sync_outbox").fetchone()[0]
        set_state(store, "acked_seq", last - count)


@pytest.mark.parametrize(
    ("language", "count", "words"),
    [
        ("it", 1, ": 1 modifica."),
        ("it", 2, ": 2 modifiche."),
        ("en", 1, ": 1 change."),
        ("en", 2, ": 2 changes."),
        ("it", 1200, ": 1200 modifiche."),  # CLDR's Italian groups from five digits on
        ("en", 1200, ": 1,200 changes."),
    ],
)
def test_the_export_says_its_count_in_the_interfaces_words(
    qtbot, office: Store, tmp_path: Path, language: str, count: int, words: str
) -> None:
    app = QApplication.instance()
    locale = QLocale()
    installed = install_translator(app, language)
    try:
        actions = BundleActions(office, TaskRunner())
        qtbot.addWidget(actions)
        _leave_unacknowledged(office, count)
        out = tmp_path / "chiavetta.bundle"
        with qtbot.waitSignal(actions.finished, timeout=10_000) as said:
            actions.export_to(out)
        assert said.args[0].endswith(f"{out}{words}"), said.args[0]
        assert out.is_file()
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(locale)
