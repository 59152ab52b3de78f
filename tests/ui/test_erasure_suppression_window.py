"""The window's erasure keeps the suppression entry, and registering the person again at
the desk clears it (store/suppression.py): the registry import skips her in between, and
updates her new card afterwards."""

from __future__ import annotations

from pathlib import Path

from conftest import coordinator_session, shown_window
from dialogs import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from casa_desk.imports.registry import import_people
from casa_desk.store.people import People
from casa_desk.ui.person_form import PersonForm


def test_erased_in_the_window_skipped_by_the_import_and_back_when_registered_by_hand(
    qtbot, demo, context, tmp_path: Path
):
    window = shown_window(qtbot, coordinator_session(demo))
    corrado, cf = demo.ids["Velluttini Corrado"], demo.cf["Velluttini Corrado"]
    window.open_person(corrado)

    def answer(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason, "richiesta scritta n. 8")
        qtbot.mouseClick(dialog.erase, Qt.MouseButton.LeftButton)

    when_modal(answer, name="eraseDialog")
    erase = window.card.side.rights_box.findChild(QPushButton, "eraseData")
    qtbot.mouseClick(erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: People(demo.store).get(corrado)["anonymised_on"] is not None)
    assert People(demo.store).get(corrado)["erasure_hashes"]

    registry = tmp_path / "anagrafe.csv"
    registry.write_text(
        f"cognome;nome;codice_fiscale;data_nascita;sesso\nVelluttini;Corrado;{cf};05/12/1962;M\n",
        encoding="utf-8",
    )
    skipped = import_people(demo.store, registry, by="coord.uno")
    assert (skipped.created, skipped.suppressed) == (0, 1)
    assert "1 persona non importata: cancellata su sua richiesta" in skipped.summary()
    assert "Velluttini" not in skipped.summary()

    # He comes back to the desk and asks to be registered: typed in by hand.
    form = PersonForm(context)
    qtbot.addWidget(form)
    form.show()
    saved: list[str] = []
    form.saved.connect(saved.append)
    qtbot.keyClicks(form.edits["last_name"], "Velluttini")
    qtbot.keyClicks(form.edits["first_name"], "Corrado")
    qtbot.keyClicks(form.edits["codice_fiscale"], cf)
    form.save()
    qtbot.waitUntil(lambda: bool(saved))
    assert People(demo.store).get(corrado)["erasure_hashes"] is None
    again = import_people(demo.store, registry, by="coord.uno")
    assert (again.created, again.suppressed, again.unchanged) == (0, 0, 1)
