"""What a desk pass at 1366×768 and 1024×768, in Italian and English, found (s27): the Sync
page's conflicts named a field by its column ("phone", "reason"), the Segnalazioni page
counted "1 segnalazioni", and cut cells of the card's history and of the Sync page's lists
had no tooltip to read them whole. Checked on the real window."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from conflict_rows import add_conflicts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from casa_desk.app import build_window, install_translator
from casa_desk.ui.tasks import SyncRunner

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


@pytest.fixture(params=["it", "en"])
def language(request, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    installed = install_translator(app, request.param)  # as the app does: Italian's plurals
    yield request.param
    for translator in installed:
        app.removeTranslator(translator)


def _window(qtbot, demo):  # type: ignore[no-untyped-def]
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1008, 728)  # a 1024×768 screen, less the frame
    window.show()
    qtbot.waitExposed(window)
    return window


def _conflicts(demo) -> None:  # type: ignore[no-untyped-def]
    arianna = demo.ids["Quarzolini Arianna"]
    referral = demo.store.db.execute("SELECT id FROM referrals").fetchone()[0]
    rows = (
        ("people", arianna, "phone", "concurrent_edit", "3331112201", "3330000099"),
        ("referrals", referral, "reason", "concurrent_edit", "Sostegno", "Spesa"),
        ("contacts", demo.sensitive_contact, "summary", "concurrent_edit", "a", "b"),
        ("people", arianna, "*", "not_applied", None, {"id": arianna, "phone": "3330000099"}),
    )
    add_conflicts(demo.store, rows)


def test_sync_conflicts_name_the_field_as_the_card_does(qtbot, demo, language) -> None:
    """Before: the "Campo" column read "phone", "reason", "summary", "*", and
    a row refused whole showed as a Python dict of column names."""
    _conflicts(demo)
    window = _window(qtbot, demo)
    window.tabs.setCurrentWidget(window.pages["sync"])
    model = window.page("sync").conflicts
    fields = {model.index(r, 2).data() for r in range(model.rowCount())}
    expected = {
        "it": {"Telefono", "Motivo", "Sintesi", "Tutta la riga"},
        "en": {"Phone", "Reason", "Summary", "The whole row"},
    }
    assert fields == expected[language]
    refused = model.index(0, 5).data()  # the newest: the row refused whole
    assert refused == {"it": "Telefono: 3330000099", "en": "Phone: 3330000099"}[language]


def test_the_referrals_count_agrees_with_its_number(qtbot, demo, language) -> None:
    """Before: "1 segnalazioni", "1 referrals"."""
    window = _window(qtbot, demo)
    window.tabs.setCurrentWidget(window.pages["referrals"])
    page = window.page("referrals")
    assert page.model.rowCount() == 1
    assert page.count.text() == {"it": "1 segnalazione", "en": "1 referral"}[language]


def test_cut_cells_of_the_history_and_the_sync_lists_are_whole_in_their_tooltip(
    qtbot, demo, language
) -> None:
    """At 1024×768 the card's history cut "Modifica an…", "Servizi sociali del Co…" and
    another office's edit ("telefono: 3331112201 → 33…"), with no tooltip: each cell's
    tooltip is now its whole text (a riservato line's too: "Riservato", never its text)."""
    arianna = demo.ids["Quarzolini Arianna"]
    with demo.store.transaction():
        demo.store.db.execute(
            "INSERT INTO sync_registry_edits (change_id, row_id, office, operator, device_id,"
            " hlc, fields, received_at) VALUES ('c1', ?, 'MAZZINI', 'op.mazzini', 'd', 1, ?,"
            " '2026-01-10T09:00:00.000Z')",
            [arianna, json.dumps({"phone": ["3331112201", "3330000099"], "street": ["A", "B"]})],
        )
    _conflicts(demo)
    window = _window(qtbot, demo)
    window.open_person(arianna)
    view = window.card.history_view
    model = view.model()
    cut = 0
    for row in range(model.rowCount()):
        for column in range(1, model.columnCount()):
            index = model.index(row, column)
            text = index.data(DISPLAY)
            if not text:
                continue
            assert index.data(TOOLTIP) == text
            cut += view.fontMetrics().horizontalAdvance(text) > view.columnWidth(column) - 8
    assert cut  # the window is narrow enough to cut some
    assert "Nota riservatissima" not in {
        model.index(r, c).data(TOOLTIP) for r in range(model.rowCount()) for c in range(5)
    }
    window.tabs.setCurrentWidget(window.pages["sync"])
    page = window.page("sync")
    for model in (page.edits, page.conflicts):
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                assert index.data(TOOLTIP) == index.data(DISPLAY)
