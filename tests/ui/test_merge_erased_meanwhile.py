"""A record erased (art. 17) while the operator was choosing, in the merge dialog, what to
keep is not merged: the window says why, and nothing moves.

Erasures reach an office by sync, in the background, while a card and its merge dialog stay
open. The merge then moved the erased person's history — a domestic-violence contact among
it — to the live card, tying it to a name again, and filled that card's empty birth date
with the erased one's, cut to its month.
"""

from __future__ import annotations

from datetime import date

from dialogs import when_modal
from PySide6.QtCore import Qt

from casa_desk.models.vocab import AuditAction
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People
from casa_desk.store.retention import anonymise
from casa_desk.ui.person_card import PersonCard


def test_a_record_erased_while_the_merge_dialog_is_open_is_not_merged(qtbot, context, demo):
    ottavio = demo.ids["Brennafiori Ottavio"]
    people = People(demo.store)
    Contacts(demo.store).log(
        {"person_id": demo.duplicate, "category": "violenza_domestica", "summary": "Colloquio"},
        presidio="SAN-SIRO",
        operator="op.desk",
    )
    card = PersonCard(context)
    qtbot.addWidget(card)
    card.load(ottavio)
    card.show()
    assert card.duplicates_box.isVisible()
    history = [c["id"] for c in Contacts(demo.store).history([ottavio])]
    before = people.get(ottavio)

    def erased_meanwhile(dialog) -> None:  # the sync applies head office's erasure
        anonymise(demo.store, demo.duplicate, on=date(2026, 11, 2), who="sede",
                  action=AuditAction.ERASED, reason="richiesta art. 17")  # fmt: skip
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    asked = when_modal(erased_meanwhile, name="mergeDialog")
    merge = card.duplicates_box.findChild(type(card.back_button), "mergeButton")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert asked
    qtbot.waitUntil(lambda: card.merge_op.box is not None and card.merge_op.box.isVisible())
    assert card.merge_op.box.text() == (
        "I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre."
    )
    card.merge_op.box.close()
    assert people.get(demo.duplicate)["merged_into"] is None
    assert people.get(ottavio) == before
    assert [c["id"] for c in Contacts(demo.store).history([ottavio])] == history


def test_the_new_refusals_are_worded_in_english(qtbot) -> None:
    from languages import window_language

    from casa_desk.errors import OutputError, ValidationError
    from casa_desk.ui.error_texts import worded_error

    with window_language("en"):
        said = {
            code: worded_error(ValidationError("…", code=code))
            for code in ("merge_anonymised", "merge_deleted")
        }
        said |= {
            code: worded_error(OutputError("…", code=code))
            for code in ("output_name_trailing", "output_name_device")
        }
    assert said == {
        "merge_anonymised": "This person's data has been erased: the record is not merged with "
        "others.",
        "merge_deleted": "The chosen record has been deleted: it is not merged with others.",
        "output_name_trailing": "The chosen name ends with a dot or a space, which Windows and "
        "USB sticks drop: choose another one.",
        "output_name_device": "The chosen name is reserved by Windows for a device (CON, PRN, "
        "AUX, NUL, COM1…, LPT1…): choose another one.",
    }
