"""Open casa_desk's window offscreen the way the program does and print what it shows.

Run by tests/packaging/test_installed.py with the *installed* interpreter, from a folder
outside the checkout, as ``python window_probe.py STORE LANG``. It goes through
``casa_desk.app.launch`` (translator, icon, store, window) and prints one JSON object:
the window title, tab and menu titles, the search box's placeholder, the status bar, the
window icon's sizes, and where casa_desk and its resources were loaded from.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit  # noqa: E402

import casa_desk  # noqa: E402
from casa_desk import paths  # noqa: E402
from casa_desk.app import launch  # noqa: E402


def env_login(path, _settings):  # type: ignore[no-untyped-def]
    """A script logs in from ``CASA_DESK_USER``/``CASA_DESK_PASSWORD`` (the window's own
    login screen never reads a password from the environment)."""
    from casa_desk.security.access import unlock

    user = os.environ.get("CASA_DESK_USER") or "demo"
    return unlock(path, user, os.environ.get("CASA_DESK_PASSWORD", "demo"), check_integrity=False)


def main(store: str, lang: str) -> int:
    app = QApplication(sys.argv[:1])
    launched = launch(store, lang, login=env_login)
    if isinstance(launched, int):
        print(json.dumps({"status": launched}))
        return launched
    window = launched.window
    try:
        window.show()
        app.processEvents()
        shown = {
            "casa_desk": casa_desk.__file__,
            "resources": str(paths.resources_dir()),
            "title": window.windowTitle(),
            "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
            "menus": [action.text() for action in window.menuBar().actions()],
            "search": window.search.findChildren(QLineEdit)[0].placeholderText(),
            "status": [label.text() for label in window.statusBar().findChildren(QLabel)],
            "icon": sorted(size.width() for size in window.windowIcon().availableSizes()),
        }
    finally:
        window.close()
        launched.close()
    print(json.dumps(shown, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
