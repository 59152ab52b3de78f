"""The Sync page's conflicts show values as the window words them elsewhere: a channel, a
topic, an urgency, a gender by name, a flag as Sì/No, a date as 15/03/2026 — not the codes
the store keeps (``visita_domiciliare``, ``morosita``, ``1``, ``2026-03-15``). In Italian and
English, on the real window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conflict_rows import add_conflicts
from languages import window_language
from PySide6.QtCore import Qt

from casa_desk.app import build_window
from casa_desk.ui.tasks import SyncRunner


@pytest.fixture(params=["it", "en"])
def language(request, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with window_language(request.param):
        yield request.param


def _conflict_values(demo) -> None:  # type: ignore[no-untyped-def]
    """Conflicts as sync records them (values as JSON), newest first as listed."""
    ottavio = demo.ids["Brennafiori Ottavio"]
    referral = demo.store.db.execute("SELECT id FROM referrals").fetchone()[0]
    refused_contact = {
        "id": "c-refused",
        "person_id": ottavio,
        "occurred_at": "2026-01-10T09:30:00.000Z",
        "channel": "telefono",
        "category": "morosita",
        "sensitive": 0,
    }
    rows = (
        ("contacts", "c-refused", "*", "not_applied", None, refused_contact),
        ("people", ottavio, "gender", "concurrent_edit", "M", "X"),
        ("referrals", referral, "urgency", "concurrent_edit", "alta", "normale"),
        ("referrals", referral, "due_on", "concurrent_edit", "2026-03-15", "2026-02-01"),
        ("safe_contacts", "s1", "no_calls", "concurrent_edit", 1, 0),
        ("contacts", "c2", "channel", "concurrent_edit", "sportello", "visita_domiciliare"),
        ("people", ottavio, "notes", "concurrent_edit", "portiere", "custode"),
    )
    add_conflicts(demo.store, rows, at=lambda n: f"2026-01-10T09:{59 - n}:00.000Z")


EXPECTED = {
    "it": [
        ("—", "Persona: Brennafiori Ottavio; Quando: 10/01/2026 10:30; Canale: Telefono;"
         " Argomento: Morosità e canone; Riservato: No"),
        ("Maschio", "Altro (X)"),
        ("Alta", "Normale"),
        ("15/03/2026", "01/02/2026"),
        ("Sì", "No"),
        ("Sportello", "Visita domiciliare"),
        ("portiere", "custode"),  # free text: as typed
    ],
    "en": [
        ("—", "Person: Brennafiori Ottavio; When: 10/01/2026 10:30; Channel: Phone;"
         " Topic: Rent arrears; Confidential: No"),
        ("Male", "Other (X)"),
        ("High", "Normal"),
        ("15/03/2026", "01/02/2026"),
        ("Yes", "No"),
        ("Desk", "Home visit"),
        ("portiere", "custode"),
    ],
}  # fmt: skip


def test_conflict_values_are_worded_not_codes(qtbot, demo, language) -> None:  # type: ignore[no-untyped-def]
    _conflict_values(demo)
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.tabs.setCurrentWidget(window.pages["sync"])
    view = window.page("sync").conflicts_view
    model = view.model()
    shown = [(model.index(r, 4).data(), model.index(r, 5).data()) for r in range(model.rowCount())]
    assert shown == EXPECTED[language]
    for r in range(model.rowCount()):  # the tooltip says the same, whole
        assert model.index(r, 5).data(Qt.ItemDataRole.ToolTipRole) == shown[r][1]
