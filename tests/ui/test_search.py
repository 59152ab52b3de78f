"""Search as you type in the real field; the lazy model; keyboard navigation to the card."""

from __future__ import annotations

from login_helpers import new_store
from PySide6.QtCore import Qt

from casa_desk.store.db import Store
from casa_desk.store.people import People
from casa_desk.ui.search_model import PAGE, PeopleSearchModel


def _rows(window) -> list[tuple[str, str]]:
    model = window.search.view.model()
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_cursor_starts_in_search_field(window) -> None:
    assert window.focusWidget() is window.search.field


def test_typing_a_surname_lists_matches(qtbot, window) -> None:
    qtbot.keyClicks(window.search.field, "quarz")
    assert sorted(_rows(window)) == [("Quarzolini", "Arianna"), ("Quarzolini", "Tobia")]
    assert "2" in window.search.count_label.text()
    qtbot.keyClicks(window.search.field, "olini ari")
    assert _rows(window) == [("Quarzolini", "Arianna")]


def test_codice_fiscale_phone_and_unit_find_their_person(qtbot, window, demo) -> None:
    field = window.search.field
    qtbot.keyClicks(field, demo.cf["Zampicchi Ludmilla"][:9].lower())
    assert _rows(window) == [("Zampicchi", "Ludmilla")]
    field.clear()
    qtbot.keyClicks(field, "347 123")
    assert _rows(window) == [("Zampicchi", "Ludmilla")]
    field.clear()
    qtbot.keyClicks(field, "SS-0412")
    assert _rows(window) == [("Velluttini", "Corrado")]
    field.clear()
    qtbot.keyClicks(field, "nessunotrovato")
    assert _rows(window) == []
    assert window.search.count_label.text() == "Nessuna persona trovata."


def test_arrows_move_and_enter_opens_the_card_esc_returns(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "quarzolini")
    first, second = (window.search.model.person_id(0), window.search.model.person_id(1))
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.view.currentIndex().row() == 1
    assert window.focusWidget() is window.search.field  # still typing-ready
    qtbot.keyClick(window.search.field, Qt.Key.Key_Up)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.people_stack.currentWidget() is window.card
    assert window.card.person_id == second != first
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.people_stack.currentWidget() is window.search
    assert window.focusWidget() is window.search.field
    assert window.card.person is None


def test_escape_in_field_clears_the_search(qtbot, window) -> None:
    qtbot.keyClicks(window.search.field, "quarz")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert window.search.model.rowCount() == 0


def test_model_passes_qmodeltester(qtmodeltester, demo) -> None:
    model = PeopleSearchModel(demo.store)
    qtmodeltester.check(model)
    model.set_query("quarzolini")
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)


def _many(path, count: int) -> Store:
    store = new_store(path)
    with store.transaction() as journal:
        journal.insert_many(
            "people",
            [{"last_name": "Omonimo", "first_name": f"Numero{i:03d}"} for i in range(count)],
            presidio="SAN-SIRO",
        )
    return store


def test_model_fetches_lazily_a_page_at_a_time(qtmodeltester, tmp_path) -> None:
    store = _many(tmp_path / "many.sqlite", PAGE * 2 + 5)
    try:
        model = PeopleSearchModel(store)
        model.set_query("omonimo")
        assert model.rowCount() == PAGE  # never all rows at once
        assert model.canFetchMore()
        model.fetchMore()
        assert model.rowCount() == PAGE * 2
        model.fetchMore()
        assert model.rowCount() == PAGE * 2 + 5
        assert not model.canFetchMore()
        assert model.total() == PAGE * 2 + 5
        assert len({model.person_id(r) for r in range(model.rowCount())}) == PAGE * 2 + 5
        model.set_query("omonimo")
        qtmodeltester.check(model)
    finally:
        store.close()


def test_arrow_at_the_end_of_a_page_fetches_more(qtbot, context, tmp_path) -> None:
    from casa_desk.ui.search_page import SearchPage

    store = _many(tmp_path / "many.sqlite", PAGE + 3)
    try:
        context.store = store
        page = SearchPage(context)
        qtbot.addWidget(page)
        qtbot.keyClicks(page.field, "omon")
        assert page.count_label.text() == f"Persone trovate: {PAGE + 3}."
        for _ in range(PAGE):
            qtbot.keyClick(page.field, Qt.Key.Key_Down)
        assert page.model.rowCount() == PAGE + 3
        assert page.view.currentIndex().row() == PAGE
    finally:
        store.close()


def test_new_person_appears_in_an_open_search(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "Quarz")
    People(demo.store).register(
        {"last_name": "Quarzolini", "first_name": "Nives"}, presidio="SAN-SIRO"
    )
    window.context.bus.changed.emit("people")
    assert ("Quarzolini", "Nives") in _rows(window)


def test_one_character_asks_for_more(qtbot, window) -> None:
    qtbot.keyClicks(window.search.field, "q")
    assert window.search.model.rowCount() == 0
    assert window.search.count_label.text() == "Scrivere almeno due lettere o cifre."


def test_threaded_search_keeps_only_the_latest_results(qtbot, context, demo) -> None:
    """With the real thread pool: keystrokes return at once, stale results are dropped,
    and Enter typed before the results arrive opens the right person when they do."""
    from casa_desk.ui.search_model import stop_search_workers
    from casa_desk.ui.search_page import SearchPage
    from casa_desk.ui.tasks import TaskRunner

    context.runner = TaskRunner()
    page = SearchPage(context)
    qtbot.addWidget(page)
    opened: list[str] = []
    page.person_opened.connect(opened.append)
    try:
        qtbot.keyClicks(page.field, "zampicchi")
        qtbot.keyClick(page.field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: opened == [demo.ids["Zampicchi Ludmilla"]], timeout=5000)
        assert page.model.text == "zampicchi" and not page.model.pending
        page.field.clear()
        qtbot.keyClicks(page.field, "quarzolini arianna")
        qtbot.waitUntil(lambda: not page.model.pending, timeout=5000)
        assert _page_rows(page) == [("Quarzolini", "Arianna")]
        qtbot.waitUntil(lambda: not context.runner.busy(), timeout=5000)
    finally:
        stop_search_workers()


def _page_rows(page) -> list[tuple[str, str]]:
    model = page.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
