"""F12: nothing personal left on screen, no dialog left open, coming back is deliberate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)


def _visible_texts() -> list[str]:
    """Every text a person could read on screen: labels, fields, buttons, tabs, titles,
    and every cell of every visible item view."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            texts.append(widget.windowTitle())
            texts.append(widget.toolTip())
            if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QPlainTextEdit | QTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QTabBar):
                texts += [widget.tabText(i) for i in range(widget.count())]
            elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
                model = widget.model()
                for row in range(model.rowCount()):
                    for column in range(model.columnCount()):
                        texts.append(str(model.index(row, column).data() or ""))
    return texts


def _personal(demo) -> list[str]:
    words = [w for name in demo.ids for w in name.split()]
    return [*words, *demo.cf.values(), "Quarz"]


def _leaks(demo) -> list[str]:
    screen = "\n".join(_visible_texts()).lower()
    return [w for w in _personal(demo) if w.lower() in screen]


def test_f12_hides_everything_and_closes_dialogs(qtbot, window, demo) -> None:
    qtbot.keyClicks(window.search.field, "Quarz")
    assert _leaks(demo)  # the check can see names when they are there
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    window.edit_person(window.card.person_id)
    form = QApplication.activeModalWidget()
    assert isinstance(form, QDialog) and form.isVisible()
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_F12)
    assert not form.isVisible()
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    assert window.screens.currentWidget() is window.neutral
    assert window.windowTitle() == "Informazioni"
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert _leaks(demo) == []
    # Nothing kept behind the neutral page either: search text, results, card.
    assert window.search.field.text() == "" and window.search.model.rowCount() == 0
    assert window.card.person is None and window.card.history_model.rowCount() == 0


def test_f12_closes_a_message_box_and_the_contact_dialog(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    dialog = window.new_contact(window.current_person_id())
    box = QMessageBox(
        QMessageBox.Icon.Information, "Quarzolini", "Quarzolini Arianna", parent=window
    )
    box.open()
    qtbot.keyClick(box, Qt.Key.Key_F12)
    assert not box.isVisible()
    if dialog is not None:
        assert not dialog.isVisible()
    assert _leaks(demo) == []


def test_f12_from_any_tab(qtbot, window, demo) -> None:
    for index in range(window.tabs.count()):
        window.resume(confirm=False)
        window.open_person(demo.ids["Quarzolini Arianna"])
        window.tabs.setCurrentIndex(index)
        qtbot.keyClick(window.tabs.currentWidget(), Qt.Key.Key_F12)
        assert window.screens.currentWidget() is window.neutral
        assert _leaks(demo) == []


def test_coming_back_needs_a_confirmation_and_lands_on_an_empty_search(
    qtbot, window, demo, monkeypatch
) -> None:
    qtbot.keyClicks(window.search.field, "Zampicchi")
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.No)
    qtbot.mouseClick(window.neutral.resume_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.neutral
    # F12 again while hidden changes nothing.
    qtbot.keyClick(window.neutral.resume_button, Qt.Key.Key_F12)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.neutral.resume_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.tabs
    assert window.people_stack.currentWidget() is window.search
    assert window.search.field.text() == "" and window.search.model.rowCount() == 0
    assert window.focusWidget() is window.search.field
    assert "Presidio C.A.S.A. San Siro" in window.windowTitle()
    assert window.statusBar().isVisible()


def test_f12_closes_an_open_menu(qtbot, window, demo) -> None:
    window.open_person(demo.ids["Quarzolini Arianna"])
    menu = window.file_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_F12)
    assert not menu.isVisible()
    assert window.screens.currentWidget() is window.neutral
    assert _leaks(demo) == []


def test_f12_hides_other_top_level_windows(qtbot, window, demo) -> None:
    preview = QLabel("Quarzolini Arianna")  # e.g. a preview window some page opened
    qtbot.addWidget(preview)
    preview.show()
    qtbot.keyClick(window.search.field, Qt.Key.Key_F12)
    assert not preview.isVisible()
    assert window.isVisible() and _leaks(demo) == []
