"""Child process of test_screen_fit.py: the real window on a screen of a given size.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python screen_probe.py STORE PERSON [WxH]

Opens the window the way the app does (``build_window``, remembered settings in the data
folder), shows every page and a card with a big household and many consents, and prints one
JSON line: the screen's available area, the window's frame after each step, its minimum size,
and where the widgets an operator must reach ended up. With ``WxH`` the window is resized to
that before it closes, so the next run finds that size remembered.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget


def rect(widget: QWidget, window: QWidget) -> list[int]:
    """``widget``'s rectangle in the window's coordinates (x, y, w, h)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def search_columns(app: QApplication, window: QWidget) -> dict[str, object]:
    """The results of a search for "quarzolini": whether the list scrolls sideways, the
    columns' widths and what the widest value of each column needs (masked_name: what a
    user without permission sees instead of a surname)."""
    from casa_desk.ui.masking import masked_name

    search = window.search  # type: ignore[attr-defined]
    search.field.setText("quarzolini")
    while search.model.pending:
        app.processEvents()
    for _ in range(3):
        app.processEvents()
    view, model = search.view, search.model
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    needs = [
        max(
            (
                metrics.horizontalAdvance(str(model.index(row, column).data() or ""))
                for row in range(model.rowCount())
            ),
            default=0,
        )
        for column in range(model.columnCount())
    ]
    needs[0] = max(needs[0], metrics.horizontalAdvance(masked_name()))
    result = {
        "rows": model.rowCount(),
        "scroll_bar": view.horizontalScrollBar().isVisible(),
        "length": header.length(),
        "viewport": view.viewport().width(),
        "sections": [header.sectionSize(c) for c in range(model.columnCount())],
        "needs": needs,
    }
    search.reset()
    return result


def main() -> int:
    import os

    from casa_desk.app import build_window
    from casa_desk.security.access import unlock
    from casa_desk.ui.tasks import SyncRunner

    app = QApplication(sys.argv[:1])
    if os.environ.get("PROBE_LANG"):  # the window in another language (--lang)
        from casa_desk.app import install_translator

        install_translator(app, os.environ["PROBE_LANG"])
    # The test's user, from the environment the suite's conftest sets (as a login would).
    session = unlock(sys.argv[1], os.environ["CASA_DESK_USER"], os.environ["CASA_DESK_PASSWORD"])
    store = session.store
    person_id = sys.argv[2]
    if session.needs_break_glass(person_id):  # a riservato card: the reason comes first
        session.break_glass(person_id, "prova dello schermo del banco")
    window = build_window(session, runner=SyncRunner())
    window.show()
    app.processEvents()
    area = window.screen().availableGeometry()
    out: dict[str, object] = {"available": [area.x(), area.y(), area.width(), area.height()]}
    frames: dict[str, list[int]] = {}

    def note(name: str) -> None:
        for _ in range(3):
            app.processEvents()
        frame = window.frameGeometry()
        frames[name] = [frame.x(), frame.y(), frame.width(), frame.height()]

    note("start")
    out["register_button"] = rect(window.search.register_button, window)
    out["search"] = search_columns(app, window)
    window.open_person(person_id)
    note("card")
    card = window.card
    header = card.history_view.horizontalHeader()
    out["summary_column"] = header.sectionSize(3)
    out["status_bar"] = rect(window.statusBar(), window)
    out["history"] = rect(card.history_view, window)
    out["detail"] = rect(card.detail, window)
    for key, page in window.pages.items():
        window.tabs.setCurrentWidget(page)
        note(key)
    window.tabs.setCurrentIndex(0)
    minimum = window.minimumSizeHint()
    out["minimum"] = [minimum.width(), minimum.height()]
    out["frames"] = frames
    out["window"] = [window.width(), window.height()]
    out["inside"] = all(QRect(area).contains(QRect(*f)) for f in frames.values())
    if len(sys.argv) > 3:
        width, height = (int(n) for n in sys.argv[3].split("x"))
        window.resize(width, height)
    window.close()  # saves the geometry, as at the end of a day
    store.close()
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
