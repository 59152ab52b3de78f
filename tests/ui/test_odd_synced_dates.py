"""Attack: "the hub trusts no office" — and so the window. The hub checks a synced row's
types, not that its days are real: another office's ``1980-02-31`` (a hostile or broken
desk) reaches this store as it was sent. The search list, the card, its history and the
agenda show such a value as it came; they raised ValueError in a model's ``data()`` or
while filling the card."""

from __future__ import annotations

from conftest import coordinator_session, shown_window
from PySide6.QtCore import Qt


def _cells(model) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def test_a_date_that_is_no_real_date_is_shown_as_it_came(qtbot, demo) -> None:
    ottavio, arianna = demo.ids["Brennafiori Ottavio"], demo.ids["Quarzolini Arianna"]
    with demo.store.transaction() as journal:  # the journal writes whatever it is given
        journal.update("people", ottavio, {"birth_date": "1980-02-31"})
        (operator,) = demo.store.db.execute(
            "SELECT operator FROM contacts WHERE person_id = ? LIMIT 1", [arianna]
        ).fetchone()
        journal.insert(
            "contacts",
            {
                "person_id": arianna,
                "category": "sociale",
                "summary": "Arrivato da un altro ufficio",
                "operator": operator,
                "occurred_at": "2026-10-02x",
                "follow_up_on": "2026-11-31",
            },
            presidio=demo.store.presidio,
        )
    window = shown_window(qtbot, coordinator_session(demo))
    qtbot.keyClicks(window.search.field, "Brennafiori")
    model = window.search.view.model()
    qtbot.waitUntil(lambda: model.rowCount() > 1)
    cells = _cells(model)
    assert "1980-02-31" in cells
    assert "30/01/1948" in cells  # the other Ottavio's birth date as usual
    window.open_person(ottavio)  # the card looks for his possible duplicates by birth date
    window.open_person(arianna)
    history = window.card.history_view.model()
    qtbot.waitUntil(lambda: history.rowCount() > 0)
    assert "2026-10-02x" in _cells(history)
    window.tabs.setCurrentWidget(window.pages["agenda"])
    agenda = window.page("agenda")
    qtbot.waitUntil(agenda.isVisible)
    follow_ups = agenda.follow_up_view.model()
    qtbot.waitUntil(lambda: "2026-11-31" in " ".join(_cells(follow_ups)))
    # Its correction form opens (it raised ValueError), and a correction that leaves the
    # moment alone keeps it as it came.
    (odd,) = demo.store.db.execute(
        "SELECT id FROM contacts WHERE occurred_at = '2026-10-02x'"
    ).fetchone()
    form = window.amend_contact(odd)
    qtbot.waitUntil(form.isVisible)
    assert form.summary.text() == "Arrivato da un altro ufficio"
    assert form.follow_up.edit.text() == "2026-11-31"  # as it came, to be put right
    assert form.follow_up.hint.text() == "data non valida"
    form.follow_up.edit.setText("")
    form.summary.setText("Arrivato da un altro ufficio, richiamato")
    form.save()
    assert demo.store.db.execute(
        "SELECT occurred_at FROM contacts WHERE amends_id = ?", [odd]
    ).fetchall() == [("2026-10-02x",)]
