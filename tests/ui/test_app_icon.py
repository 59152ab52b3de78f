"""The application icon: shipped at every size, set on the window by the composition root,
and the packaging copies (Windows .ico, Linux .desktop icon) made from the same source."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from login_driver import log_in_soon
from PySide6.QtCore import QSize
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

from casa_desk import paths
from casa_desk.app import application_icon, launch

ROOT = Path(__file__).resolve().parents[2]
BLUE = "#0b4f8a"  # the icon's background in casa-desk.svg


def test_icon_ships_at_every_size_from_the_package(qapp) -> None:
    icon = application_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert sizes == {(n, n) for n in paths.ICON_SIZES}
    for path in paths.icon_paths():
        assert path.is_relative_to(paths.resources_dir())
    image = icon.pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 6).name() == BLUE  # the mark, not a blank square
    assert image.pixelColor(0, 0).alpha() == 0  # rounded, transparent corners


def test_launch_sets_the_window_icon(qtbot, demo, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app = QApplication.instance()
    app.setWindowIcon(QApplication.style().standardIcon(QApplication.style().StandardPixmap(0)))
    log_in_soon()
    launched = launch(str(demo.store.path), "it")
    assert not isinstance(launched, int)
    try:
        qtbot.addWidget(launched.window)
        shown = launched.window.windowIcon().pixmap(QSize(32, 32)).toImage()
        assert shown.pixelColor(16, 3).name() == BLUE
    finally:
        launched.close()


def test_packaging_icons_come_from_the_same_source() -> None:
    svg = paths.resources_dir() / "icons" / "casa-desk.svg"
    assert (ROOT / "packaging" / "linux" / "casa-desk.svg").read_bytes() == svg.read_bytes()
    reader = QImageReader(str(ROOT / "packaging" / "windows" / "casa-desk.ico"))
    found = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        found.add(image.width())
        assert image.pixelColor(image.width() // 2, 2 * image.height() // 10).name() != "#000000"
    assert found == set(paths.ICON_SIZES)
