"""Stored data is shown as it was written, never read as HTML.

QLabel, QMessageBox and tooltips take a text that looks like HTML for rich text. A person's
name comes from a desk, a registry file or another office through the hub, which does not
refuse "<": a name such as ``<span style="font-size:40pt;color:red">EVACUARE</span>`` was the
card's title in huge red letters, ``<img src="file:///…">`` in an address loaded a local
file, and an honest note "bimbo <5 anni, a<b>c</b>" lost its letters. The window is opened
on a store where one person (her contact, referral, service, safe-contact note, household,
a possible duplicate) carries such texts; every screen showing them is visited, and what
Qt displays (its accessibility interface, as a screen reader reads it) must be the text
itself. After each visit every label of the application is walked: none may be read as
HTML unless it is a heading the code writes, with its text escaped.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import shiboken6
from conftest import OFFICE, OPERATOR, Demo
from dialogs import button, when_modal
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QToolButton,
    QToolTip,
    QWidget,
)

from casa_desk.models.timeutil import today_rome
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.contacts import Contacts
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals
from casa_desk.store.safe_contact import SafeContacts
from casa_desk.ui.plain_text import plain_tip
from casa_desk.ui.tasks import SyncRunner

#: Each stored text and the word that is left of it when Qt renders it as HTML: where the
#: word is shown, the whole text must be.
TEXTS = {
    '<span style="font-size:40pt;color:red">EVACUARE</span>': "EVACUARE",
    '<a href="https://evil.example/">Clicca qui</a>': "Clicca qui",
    '<img src="file:///etc/passwd">Via delle Prove': "Via delle Prove",
    "bimbo <5 anni, a<b>c</b> &lt;Lunedì&gt;": "Lunedì",
    "<b>Sfratto</b> <i>urgente</i>": "urgente",
    '<font color="white">Nota nascosta</font> e a<b>c': "Nota nascosta",
    "<h1>Motivo enorme</h1>": "Motivo enorme",
    "<table><tr><td>Richiesta in tabella</td></tr></table>": "Richiesta in tabella",
    "<u>Servizio sottolineato</u> &amp; co.": "Servizio sottolineato",
    "<big>Ente gonfiato</big>": "Ente gonfiato",
    '<p style="color:white">Chiamare dopo le 18</p>': "Chiamare dopo le 18",
    "<b>Membro</b>": "Membro",
}
LAST, FIRST, STREET, NOTES, SUMMARY, CONTACT_NOTES = list(TEXTS)[:6]
REASON, REQUEST, SERVICE, ORGANISATION, SAFE_NOTE, MEMBER = list(TEXTS)[6:]
PHONE = "3339990001"


def shown(widget: QWidget) -> str:
    """The text as Qt displays it (a rich text's tags are not displayed)."""
    return str(QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name))


def tip_shown(tip: str, over: QWidget) -> str:
    """What QToolTip displays for ``tip``."""
    QToolTip.showText(over.mapToGlobal(QPoint(4, 4)), tip, over)
    labels = [  # the tooltip is a top-level label (allWidgets(): see check_everything_shown)
        w
        for w in QApplication.topLevelWidgets()
        if shiboken6.isValid(w) and w.objectName() == "qtooltip_label"
    ]
    text = shown(labels[0]) if QToolTip.isVisible() and labels else ""
    QToolTip.hideText()
    return text


def lost(text: str) -> list[str]:
    """The stored texts whose word ``text`` shows without the rest of the text."""
    return [value for value, word in TEXTS.items() if word in text and value not in text]


def check_everything_shown(window: QWidget) -> int:
    """Every label, tooltip and list tooltip of the application shows the stored texts as they
    are, and no label is read as HTML unless it is a heading the code marked rich (with no
    stored text in it). Returns how many times a stored text was seen on screen."""
    seen = 0
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # a card's old rows
    # The window and what it opened (dialogs, menus and message boxes are its children), not
    # QApplication.allWidgets(): that also lists the widgets earlier tests of this process
    # left half-destroyed, and touching one crashed the process (a segfault in a full run).
    for widget in [window, *window.findChildren(QWidget)]:
        if not shiboken6.isValid(widget) or widget.objectName() == "qtooltip_label":
            continue
        if isinstance(widget, QLabel):
            seen += _check_label(widget)
        tip = widget.toolTip()
        if tip and (QtGui.Qt.mightBeRichText(tip) or any(w in tip for w in TEXTS.values())):
            on_screen = tip_shown(tip, widget)
            assert not lost(on_screen), f"tooltip shows {on_screen!r} for {tip!r}"
            seen += sum(value in on_screen for value in TEXTS)
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None and view.isVisible():
            seen += _check_list(view)
    return seen


def _check_label(label: QLabel) -> int:
    text, form = label.text(), label.textFormat()
    if form == Qt.TextFormat.AutoText:
        assert not QtGui.Qt.mightBeRichText(text), f"read as HTML: {text!r}"
    if form == Qt.TextFormat.RichText:
        assert not [v for v in TEXTS if v in text], f"unescaped in HTML: {text!r}"
    on_screen = shown(label)
    assert not lost(on_screen), f"label shows {on_screen!r} for {text!r}"
    return sum(value in on_screen for value in TEXTS)


def _check_list(view: QAbstractItemView) -> int:
    """The tooltips of the list's cells (its first rows) show stored texts as they are."""
    seen, model = 0, view.model()
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column)
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if not tip:
                continue
            on_screen = tip_shown(str(tip), view.viewport())
            assert not lost(on_screen), f"list tooltip shows {on_screen!r} for {tip!r}"
            seen += sum(value in on_screen for value in TEXTS)
    return seen


def add_hostile_person(demo: Demo) -> dict[str, str]:
    """One person, and all that is hers, carrying texts that look like HTML."""
    store = demo.store
    people, now = People(store), today_rome()
    values = {
        "last_name": LAST,
        "first_name": FIRST,
        "street": STREET,
        "civic": "7",
        "notes": NOTES,
        "phone": PHONE,
        "unit_code": "SS-0999-Z",
    }
    person = people.register(values, presidio=OFFICE)["id"]
    # the same name and phone registered again: a possible duplicate on her card
    twin = people.register({**values, "notes": ""}, presidio=OFFICE)["id"]
    member = people.register(
        {"last_name": MEMBER, "first_name": "Nucleo", "unit_code": "SS-0999-Z"}, presidio=OFFICE
    )["id"]
    people.link_household(person, member)
    service = Directory(store).save_service(
        {"name": SERVICE, "organisation": ORGANISATION, "kind": "servizi_sociali"}, presidio=OFFICE
    )["id"]
    contact = Contacts(store).log(
        {
            "person_id": person,
            "category": "manutenzione",
            "summary": SUMMARY,
            "notes": CONTACT_NOTES,
            "occurred_at": f"{(now - timedelta(days=1)).isoformat()}T09:30:00.000Z",
            "follow_up_on": now.isoformat(),
        },
        presidio=OFFICE,
        operator=OPERATOR,
    )["id"]
    Consents(store).give(
        person, referral_purpose(service), text=NOTES, presidio=OFFICE, operator=OPERATOR
    )
    referral = Referrals(store).create(
        person_id=person,
        service_id=service,
        reason=REASON,
        request=REQUEST,
        presidio=OFFICE,
        by=OPERATOR,
        due_on=now + timedelta(days=3),
    )["id"]
    SafeContacts(store).save(person, presidio=OFFICE, note=SAFE_NOTE, hours="dopo le 18")
    return {
        "person": person,
        "twin": twin,
        "member": member,
        "service": service,
        "contact": contact,
        "referral": referral,
    }


@pytest.fixture
def hostile(qtbot, demo: Demo) -> Iterator[tuple[QWidget, dict[str, str]]]:  # type: ignore[no-untyped-def]
    from casa_desk.app import build_window

    ids = add_hostile_person(demo)
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, ids


def test_a_persons_texts_are_shown_as_written_on_every_screen(qtbot, hostile) -> None:  # type: ignore[no-untyped-def]
    window, ids = hostile
    name = f"{LAST} {FIRST}"

    # search: the list and its tooltips
    qtbot.keyClicks(window.search.field, PHONE)
    model = window.search.model
    assert model.rowCount() >= 1
    view = window.search.view
    assert tip_shown(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole), view) == LAST
    assert check_everything_shown(window)

    # the card: title, identity, address, household, consents, duplicates, safe contact
    window.open_person(ids["person"])
    card = window.card
    assert shown(card.title) == name
    side = " ".join(shown(label) for label in card.side.findChildren(QLabel))
    for value in (LAST, FIRST, STREET, NOTES, SAFE_NOTE):
        assert value in side
    assert f"Invio a {SERVICE}" in side  # the consent's service
    assert f"{name} (" in side  # the duplicate
    members = [b for b in card.household_box.findChildren(QPushButton) if MEMBER in b.text()]
    assert members
    assert check_everything_shown(window) >= 6

    # a household name cut at the column's edge is whole in its tooltip
    members[0].resize(40, members[0].height())
    assert tip_shown(members[0].toolTip(), members[0]) == members[0].text()

    # the history's detail: the contact's summary and notes, the referral's reason and request
    history, visited = card.history_model, 0
    for row in range(history.rowCount()):
        entry = history.entry(row)
        if entry is not None and entry.id in (ids["contact"], ids["referral"]):
            card.history_view.setCurrentIndex(history.index(row, 0))
            detail = shown(card.detail)
            expected = (SUMMARY, CONTACT_NOTES) if entry.id == ids["contact"] else (REASON,)
            for value in expected:
                assert value in detail
            assert check_everything_shown(window)
            visited += 1
    assert visited == 2

    # the consent's withdrawal names the service in its question
    [withdraw] = [  # her only consent: to the service
        b
        for b in card.consents_box.findChildren(QToolButton)
        if b.objectName() == "withdrawConsent"
    ]
    questions: list[str] = []

    def read_and_cancel(box: QDialog) -> None:
        questions.append(shown(box.findChild(QLabel, "qt_msgbox_label")))
        check_everything_shown(window)
        button(box, "Annulla").click()

    when_modal(read_and_cancel, kind=QMessageBox, name="withdrawConfirm")
    withdraw.click()
    assert questions

    # merging the duplicate: its dialog quotes both names
    intros: list[str] = []

    def read_merge(dialog: QDialog) -> None:
        intros.append(" ".join(shown(label) for label in dialog.findChildren(QLabel)))
        check_everything_shown(window)
        dialog.reject()

    when_modal(read_merge, name="mergeDialog")
    assert not card.merge(ids["twin"])
    assert intros and f"«{name}»" in intros[0]

    # the referrals page: title and details
    window.tabs.setCurrentWidget(window.pages["referrals"])
    referrals = window.page("referrals")
    assert referrals.show_referral(ids["referral"])
    assert name in shown(referrals.title) and SERVICE in shown(referrals.title)
    assert REASON in shown(referrals.details) and REQUEST in shown(referrals.details)
    assert check_everything_shown(window)

    # the agenda: her follow-up is due today
    window.tabs.setCurrentWidget(window.pages["agenda"])
    agenda = window.page("agenda").follow_ups
    assert name in [agenda.index(r, 2).data() for r in range(agenda.rowCount())]
    check_everything_shown(window)

    # the services page: the form's title, the list's tooltips (name and organisation)
    window.tabs.setCurrentWidget(window.pages["services"])
    services = window.page("services")
    assert services.select(ids["service"])
    assert shown(services.form_title) == SERVICE
    row = services.model.find("id", ids["service"])
    for column, value in ((0, SERVICE), (2, ORGANISATION)):
        tip = services.model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
        assert tip_shown(tip, services.table.viewport()) == value
    assert check_everything_shown(window)

    # F2: today's cards (menu texts are plain in Qt)
    menu = window.show_recent()
    assert any(name in action.text() for action in menu.actions())
    menu.close()


def test_a_tooltip_is_shown_as_written_and_a_plain_one_is_unchanged(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.show()
    for text in (*TEXTS, "riga 1\n  riga <2>  \n\nfine", "&lt;"):
        assert tip_shown(plain_tip(text), holder) == text
    assert plain_tip("Quarzolini Arianna\nIn ritardo") == "Quarzolini Arianna\nIn ritardo"
    assert plain_tip("bimbo <5 anni") == "bimbo <5 anni"  # Qt does not read this as HTML


def test_labels_and_message_boxes_are_made_plain() -> None:
    """A QLabel or QMessageBox made anywhere else would be AutoText again: the window makes
    them through casa_desk/ui/plain_text.py only (a label with a code-written heading
    asks for rich text there, by name)."""
    ui = Path(__file__).resolve().parents[2] / "casa_desk" / "ui"
    made = []
    for path in sorted(ui.glob("*.py")):
        if path.name == "plain_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("QLabel", "QMessageBox")
            ):
                made.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id == "QLabel" for base in node.bases
            ):
                source = ast.get_source_segment(path.read_text(encoding="utf-8"), node) or ""
                if "Qt.TextFormat.PlainText" not in source:
                    made.append(f"{path.name}:{node.lineno} (a QLabel subclass)")
    assert made == []


def test_an_ampersand_of_a_name_is_shown_and_makes_no_shortcut(qtbot, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    """Qt reads ``&`` in a button's, a radio button's or a menu item's text as a shortcut
    mark: "Ferri &Orlandi" lost its ``&`` and opened that card at a press of O in the F2
    menu. The household button, the F2 menu and the merge dialog's values keep it."""
    from casa_desk.app import build_window

    people = People(demo.store)
    head = people.register({"last_name": "Ferri &Orlandi", "first_name": "Ada"}, presidio=OFFICE)
    member = people.register(
        {"last_name": "Ferri &Orlandi", "first_name": "Ada &Bice", "unit_code": "SS-0998-Z"},
        presidio=OFFICE,
    )
    people.link_household(head["id"], member["id"])
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_person(head["id"])
    card = window.card
    buttons = [b for b in card.household_box.findChildren(QPushButton) if "Ferri" in b.text()]
    assert buttons and all(QtGui.QKeySequence.mnemonic(b.text()).isEmpty() for b in buttons)
    assert "Ferri &Orlandi Ada &Bice" in buttons[0].shown_text()  # type: ignore[attr-defined]
    menu = window.show_recent()
    names = [a for a in menu.actions() if "Ferri" in a.text()]
    assert names and all(QtGui.QKeySequence.mnemonic(a.text()).isEmpty() for a in names)
    assert names[0].iconText().startswith("Ferri &Orlandi Ada")  # what the menu draws
    menu.close()
    seen: list[list[str]] = []

    def read_merge(dialog: QDialog) -> None:
        radios = dialog.findChildren(QRadioButton)
        seen.append([r.text() for r in radios if "&" in r.text()])
        dialog.reject()

    when_modal(read_merge, name="mergeDialog")
    card.merge(member["id"])
    assert seen and seen[0]
    assert all(QtGui.QKeySequence.mnemonic(text).isEmpty() for text in seen[0])
    assert "Ada &&Bice" in seen[0]  # drawn "Ada &Bice"
