"""English is complete (issue 9, item 15): Qt's own dialogs in the chosen language, English
number separators, languages and topics by name, nothing left in Italian on the pages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from casa_desk.app import build_window, install_translator
from casa_desk.store.people import People
from casa_desk.ui.tasks import SyncRunner


@pytest.fixture
def english(qtbot):  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    installed = install_translator(app, "en")
    yield
    for translator in installed:
        app.removeTranslator(translator)


def _file_dialog_words(qtbot) -> str:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    return " ".join(label.text().replace("&", "") for label in dialog.findChildren(QLabel))


def test_qt_file_dialogs_follow_the_interface_language(qtbot) -> None:
    app = QApplication.instance()
    installed = install_translator(app, "it")
    try:
        assert "Nome del file:" in _file_dialog_words(qtbot)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    installed = install_translator(app, "en")
    try:
        assert "File name:" in _file_dialog_words(qtbot)
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_english_numbers_languages_and_topics(qtbot, demo, english, monkeypatch) -> None:
    from casa_desk.ui import statusbar

    People(demo.store).update(demo.ids["Zampicchi Ludmilla"], {"languages": "it, ar"})
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    with demo.store.transaction() as journal:  # more than a thousand changes waiting
        journal.insert_many(
            "people",
            [{"last_name": f"Conta{n}", "first_name": "Ada"} for n in range(1001)],
            presidio="SAN-SIRO",
        )
    assert demo.store.pending_changes() > 1000
    monkeypatch.setattr(statusbar, "COUNT_CAP", 1000)
    window.status.set_sync_state("ok")
    assert "1,000" in window.status.pending.text()  # an English thousands separator
    window.status.set_sync_state("not_enrolled")
    assert "1,000" in window.status.pending.text()
    assert "sync" not in window.status.pending.text().lower()
    window.tabs.setCurrentWidget(window.pages["sync"])
    pending = window.page("sync").pending_label.text()
    assert "," in pending and "." not in pending  # "1,0nn" changes waiting, not "10nn"
    window.open_person(demo.ids["Zampicchi Ludmilla"])
    labels = " ".join(label.text() for label in window.card.findChildren(QLabel))
    assert "Italian, Arabic" in labels
    window.tabs.setCurrentWidget(window.pages["agenda"])
    agenda = window.page("agenda")
    topics = {agenda.follow_ups.index(r, 4).data() for r in range(agenda.follow_ups.rowCount())}
    assert "Maintenance and faults" in topics or "Social need" in topics
    assert not topics & {"Manutenzione e guasti", "Bisogno sociale"}
