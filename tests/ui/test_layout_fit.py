"""What a desk pass at 1024×768 found cut off (s26): a form label's last letter, the ESF
dialogs' titles (the search's last column: test_screen_fit.py, on a real desk-sized screen).
Checked on the real window and its real dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from conftest import SOCIAL
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QWidget

from casa_desk.app import build_window, install_translator
from casa_desk.models.vocab import Programme
from casa_desk.ui.tasks import SyncRunner


@pytest.fixture(params=["it", "en"])
def language(request, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    installed = install_translator(app, request.param) if request.param == "en" else []
    yield request.param
    for translator in installed:
        app.removeTranslator(translator)


def _ink_width(label: QLabel) -> int:
    """How wide ``label``'s text is drawn (its rightmost painted pixel), measured on a copy
    with room to spare: what Qt paints, not what it measures."""
    probe = QLabel(label.text())
    probe.setFont(label.font())
    probe.setBuddy(QLineEdit())  # a buddy: the mnemonic's letter is underlined, as in a form
    probe.resize(label.sizeHint().width() + 60, label.sizeHint().height())
    image = probe.grab().toImage()
    background = QColor(image.pixelColor(image.width() - 1, 0))
    inked = [
        x
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y) != background
    ]
    return max(inked) + 1 if inked else 0


def _form_dialogs(window) -> Iterator[tuple[str, QWidget]]:  # type: ignore[no-untyped-def]
    from casa_desk.ui.agenda_dialogs import DoneDialog
    from casa_desk.ui.consent_dialog import ConsentDialog
    from casa_desk.ui.esf_dialogs import EntryDialog, ReentryDialog, ResultsDialog
    from casa_desk.ui.sync_actions import EnrolDialog

    context = window.context
    arianna = context.store.db.execute(
        "SELECT id FROM people WHERE first_name = 'Arianna'"
    ).fetchone()[0]
    makers: list[tuple[str, Callable[[], QWidget]]] = [
        ("consent for a service", lambda: ConsentDialog(context, arianna, SOCIAL, window)),
        ("consent from the card", lambda: ConsentDialog(context, arianna, None, window)),
        ("contact", lambda: window.new_contact(arianna)),
        ("referral", lambda: window.new_referral(arianna)),
        ("ESF entry", lambda: EntryDialog(Programme.ESF_2021_2027, window)),
        ("ESF exit", lambda: ResultsDialog(with_exit=True, parent=window)),
        ("ESF re-entry", lambda: ReentryDialog(window)),
        ("follow-up done", lambda: DoneDialog(None, window)),
        ("pairing", lambda: EnrolDialog(context.store, context.runner, window)),
    ]
    for name, make in makers:
        dialog = make()
        dialog.show()
        yield name, dialog
        dialog.close()
    window.tabs.setCurrentWidget(window.pages["services"])
    yield "services", window.page("services")


def test_form_labels_are_drawn_whole(qtbot, demo, language) -> None:
    """The consent form's "&Testo" read "Testc": the underlined T loses its kerning with
    the e, and the label was 2 px narrower than its text (in English "&Text", "&Topic")."""
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    cut = []
    for name, top in _form_dialogs(window):
        qtbot.waitExposed(top)
        for label in top.findChildren(QLabel):
            if not label.isVisible() or label.buddy() is None or label.wordWrap():
                continue
            if _ink_width(label) > label.width():
                cut.append((name, label.text(), _ink_width(label), label.width()))
    assert not cut, cut


def test_esf_dialog_titles_fit_their_title_bar(qtbot, demo, language) -> None:
    """ "Esito a se… all'uscita", "Rientro ne…amma FSE": the window manager cut the titles of
    the narrow ESF dialogs. Each is wide enough for its title, its icon and three buttons."""
    from casa_desk.ui.esf_dialogs import EntryDialog, FollowUpDialog, ReentryDialog, ResultsDialog

    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    dialogs: list[QDialog] = [
        EntryDialog(Programme.ESF_2014_2020, window),
        ResultsDialog(with_exit=True, parent=window),
        ResultsDialog(with_exit=False, exit_day=date(2025, 1, 10), parent=window),
        FollowUpDialog(date(2025, 7, 10), window),
        ReentryDialog(window),
    ]
    bold = QApplication.font()
    bold.setBold(True)
    title_metrics = QFontMetrics(bold)
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        needed = title_metrics.horizontalAdvance(dialog.windowTitle()) + 120
        assert dialog.width() >= needed, (dialog.windowTitle(), dialog.width(), needed)
        dialog.close()
