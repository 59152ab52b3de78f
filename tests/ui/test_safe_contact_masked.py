"""Attack: the safe-contact instructions (the number where a woman may be called without her
partner knowing) are shown only to users who may see sensitive content — the card's
"Contatto sicuro…" dialog included, for a masked user after a break-glass."""

from __future__ import annotations

from login_driver import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from test_break_glass import masked_window

from casa_desk.store.safe_contact import SafeContacts
from casa_desk.ui.break_glass import BreakGlassDialog

SAFE_PHONE = "3339998877"


def test_a_masked_user_never_reads_the_safe_contact_in_its_dialog(qtbot, demo) -> None:
    arianna = demo.ids["Quarzolini Arianna"]
    SafeContacts(demo.store).save(
        arianna,
        presidio="SAN-SIRO",
        phone=SAFE_PHONE,
        hours="solo martedì mattina",
        no_calls=True,
        no_post=False,
        note="chiamare dalla sorella",
    )
    window, _session = masked_window(qtbot, demo)

    def give_reason(dialog: BreakGlassDialog) -> None:
        qtbot.keyClicks(dialog.reason, "verifica della pratica allo sportello")
        dialog.accept()

    when_modal(BreakGlassDialog, give_reason)
    window.open_person(arianna)
    assert window.card.person_id == arianna
    box = window.card.side.rights_box
    details = box.details.text()
    assert "NON CHIAMARE" in box.flags.text()
    for secret in ("999 8877", "martedì", "sorella"):
        assert secret not in details
    edit = box.findChild(QPushButton, "safeEdit")
    shown: list[str] = []

    def read(dialog) -> None:  # type: ignore[no-untyped-def]
        shown.extend([dialog.phone.text(), dialog.hours.text(), dialog.note.toPlainText()])
        dialog.reject()

    if not edit.isHidden():
        from dialogs import when_modal as when_named

        when_named(read, name="safeContactDialog")
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    text = " ".join(shown)
    for secret in ("999 8877", SAFE_PHONE, "martedì", "sorella"):
        assert secret not in text
    # and nothing the masked user saves wipes what they may not read
    row = SafeContacts(demo.store).get(arianna, "SAN-SIRO")
    assert row is not None and row["phone"].endswith(SAFE_PHONE)
    assert row["note"] == "chiamare dalla sorella"
    # where there are none yet, the same user records them (a person tells them at the desk)
    window.open_person(demo.ids["Quarzolini Tobia"])
    assert not box.findChild(QPushButton, "safeEdit").isHidden()
