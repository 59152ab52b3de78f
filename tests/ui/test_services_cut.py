"""At 1024×768 the Services page's list cut "Ente" (an organisation such as "Presidenza del
Consiglio dei Ministri – Dipartimento…") with "…" and no tooltip, while the form beside it
showed it whole: the cell's tooltip is now its whole text, the row's own word after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from languages import window_language
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from casa_desk.app import build_window
from casa_desk.ui.tasks import SyncRunner


@pytest.fixture(params=["it", "en"])
def language(request, qtbot) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with window_language(request.param):
        yield request.param


def _hover_tip(qtbot, view, index) -> str:  # type: ignore[no-untyped-def]
    """The tooltip the list shows when the pointer rests on ``index``."""
    at = view.visualRect(index).center()
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2_000)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_a_cut_organisation_is_whole_in_its_tooltip(qtbot, demo, language) -> None:  # type: ignore[no-untyped-def]
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1008, 728)  # a 1024×768 screen, less the frame
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.pages["services"])
    page = window.page("services")
    view, model = page.table, page.model
    row = next(r for r in range(model.rowCount()) if "Presidenza" in model.index(r, 2).data())
    cell = model.index(row, 2)
    whole = cell.data()
    shown = view.fontMetrics().elidedText(
        whole, Qt.TextElideMode.ElideRight, view.columnWidth(2) - 8
    )
    assert shown != whole  # the column does cut it at this width
    assert _hover_tip(qtbot, view, cell) == whole
    view.selectRow(row)
    assert page.fields["organisation"].text() == whole  # what the form shows
    assert _hover_tip(qtbot, view, model.index(row, 0)) == model.index(row, 0).data()


def test_an_inactive_services_cell_still_says_it_is_not_active(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    window = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.pages["services"])
    page = window.page("services")
    page.table.selectRow(0)
    name = page.model.index(0, 0).data()
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    page.show_inactive.setChecked(True)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == name)
    assert page.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        f"{name}\nServizio non attivo"
    )
    assert page.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole) == "Servizio non attivo"
