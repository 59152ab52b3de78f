"""Attack: "erased means gone, everywhere" — the window too. After "Cancella dati" the
person's name is not left in today's cards (F2), nor where Alt+← or the search would show
it."""

from __future__ import annotations

from conftest import coordinator_session, shown_window

from casa_desk.store.people import People


def test_an_erased_persons_name_leaves_todays_cards(qtbot, demo) -> None:
    window = shown_window(qtbot, coordinator_session(demo))
    ottavio = demo.ids["Brennafiori Ottavio"]
    window.open_person(demo.ids["Velluttini Corrado"])
    window.open_person(ottavio)
    box = window.card.side.rights_box
    assert box.erase_now("richiesta scritta n. 7")
    qtbot.waitUntil(lambda: People(demo.store).get(ottavio)["anonymised_on"] is not None)
    menu = window.show_recent()
    texts = " ".join(action.text() for action in menu.actions())
    menu.close()
    assert "Velluttini" in texts  # the others stay
    assert "Brennafiori" not in texts and "Ottavio" not in texts
    assert "Brennafiori" not in window.card.title.text()
