"""The UI's one shape for store calls (ui/operations.py), through the real pages: one change
signal after a successful write, none after a failure, and failures worded by their code."""

from __future__ import annotations

import pytest
from fixtures_b import (
    SOCIAL,
    give_consent,
    seeded_fixture,  # noqa: F401 - registers the fixture "seeded"
    show,
)
from PySide6.QtCore import QCoreApplication, QTranslator

from casa_desk.errors import ValidationError
from casa_desk.models.referrals import EventKind
from casa_desk.store.referrals import Referrals
from casa_desk.ui.operations import StoreOp
from casa_desk.ui.referral_dialog import ReferralDialog
from casa_desk.ui.referrals_page import ReferralsPage
from casa_desk.ui.services_page import ServicesPage


def refused(code: str):  # type: ignore[no-untyped-def]
    """A store call that fails with ``code`` and a line the UI must not show."""

    def call() -> None:
        raise ValidationError("riga interna del livello inferiore", code=code)

    return call


class MarkingTranslator(QTranslator):
    """Translates every string of one context to ``EN:<source>``: shows which texts go
    through which table without a compiled .qm."""

    def __init__(self, context: str) -> None:
        super().__init__()
        self.context = context

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]  # noqa: ARG002, N802
        return f"EN:{source}" if context == self.context else None

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def test_creating_and_sending_a_referral_announces_one_change(qtbot, seeded) -> None:
    give_consent(seeded, "Brambillone", SOCIAL)
    changed: list[str] = []
    seeded.context.bus.changed.connect(changed.append)
    dialog = show(qtbot, ReferralDialog(seeded.context, seeded.people["Brambillone"]))
    dialog.select_service(SOCIAL)
    qtbot.keyClicks(dialog.reason, "Sostegno")
    dialog.send_now.setChecked(True)
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    assert Referrals(seeded.store).status(saved.args[0]).value == "inviata"
    assert changed == ["referrals"]  # two writes, one announcement


def test_a_refused_save_announces_nothing_and_words_the_field(qtbot, seeded) -> None:
    page = show(qtbot, ServicesPage(seeded.context))
    page.new()
    with qtbot.assertNotEmitted(seeded.context.bus.changed):
        assert page.save() is None  # no name
    assert page.errors["name"].isVisible()
    assert page.errors["name"].text() == "Il nome del servizio è obbligatorio."


def test_failures_are_worded_by_their_code(qtbot, seeded) -> None:
    """The page shows the text the UI keeps for the code (context "Errors"), not the lower
    layer's line: a refused step, with a translator marking that context."""
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(seeded.referrals["draft"])
    translator = MarkingTranslator("Errors")
    QCoreApplication.installTranslator(translator)
    try:
        with qtbot.assertNotEmitted(seeded.context.bus.changed):
            assert page.take_step(EventKind.CLOSED) is False  # a draft cannot be closed
        assert page.error.isVisible()
        assert page.error.text() == "EN:Si può concludere solo una segnalazione presa in carico."
    finally:
        QCoreApplication.removeTranslator(translator)

    texts: list[str] = []
    op = StoreOp(
        seeded.context.bus,
        refused("merge_chain"),
        changed="people",
    )
    assert op.failure(lambda _error, text: texts.append(text)).run() is False
    assert texts == ["La persona scelta è già stata unita a un'altra."]


def test_without_a_failure_callback_the_message_is_a_box(qtbot, seeded) -> None:
    op = StoreOp(
        seeded.context.bus,
        refused("not_current"),
        changed="contacts",
    )
    with qtbot.assertNotEmitted(seeded.context.bus.changed):
        assert op.run() is False
    assert op.box is not None and op.box.isVisible()
    assert op.box.text() == "Questo contatto è già stato corretto: correggere l'ultima versione."
    op.box.close()


def test_a_letter_in_the_background_announces_its_audit_entry_once(qtbot, seeded, tmp_path) -> None:
    give_consent(seeded, "Zanfrutti", SOCIAL)
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(seeded.referrals["draft"])
    changed: list[str] = []
    seeded.context.bus.changed.connect(changed.append)
    with qtbot.waitSignal(page.letter_written):
        page.print_letter_to(tmp_path / "lettera.pdf")
    assert changed == ["audit_log"]


def test_in_english_a_refused_step_reads_in_english(qtbot, seeded) -> None:
    """The shipped English translation words the code: no Italian line from the store."""
    from casa_desk import paths

    translator = QTranslator()
    if not translator.load(str(paths.translations_dir() / "casa_desk_en.qm")):
        pytest.skip("English translations not built")
    page = show(qtbot, ReferralsPage(seeded.context))
    page.filter.setCurrentIndex(page.filter.findData("all"))
    assert page.select(seeded.referrals["draft"])
    QCoreApplication.installTranslator(translator)
    try:
        assert page.take_step(EventKind.CLOSED) is False
        assert page.error.text() == "Only a referral taken in charge can be closed."
    finally:
        QCoreApplication.removeTranslator(translator)
