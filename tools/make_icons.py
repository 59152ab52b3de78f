"""Render the application icon from its SVG source into the files that ship.

    python tools/make_icons.py

Source: ``casa_desk/resources/icons/casa-desk.svg``. Writes, and they are committed:

- ``casa_desk/resources/icons/casa-desk-<N>.png`` (16…256 px): the window icon. The app
  loads PNGs, not the SVG, so the frozen bundle needs no Qt SVG module or icon-engine plugin.
- ``packaging/windows/casa-desk.ico``: the executable's and the installer's icon (PyInstaller,
  Inno Setup). Sizes below 256 are 32-bit BMP entries, 256 a PNG entry, as Windows expects.
- ``packaging/linux/casa-desk.svg`` and ``casa-desk.png``: for the ``.desktop`` entry.

Qt does the drawing (QtSvg is part of PySide6-Essentials), so no image library is added.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "casa_desk" / "resources" / "icons" / "casa-desk.svg"
sys.path.insert(0, str(ROOT))
from casa_desk.paths import ICON_SIZES as SIZES  # noqa: E402  (one list of sizes)


def render(size: int):  # type: ignore[no-untyped-def]
    """The icon as a non-premultiplied ARGB32 QImage of ``size`` × ``size`` pixels."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} non è un SVG valido")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image) -> bytes:  # type: ignore[no-untyped-def]
    """An ICO image entry as a DIB: BITMAPINFOHEADER, BGRA rows bottom-up, empty AND mask."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    # ARGB32 is stored as B, G, R, A bytes on little-endian machines: exactly a DIB's order.
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in reversed(range(size))]
    mask_row = bytes(((size + 31) // 32) * 4)  # alpha carries transparency; mask all zero
    return header + b"".join(rows) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = [(n, png_bytes(img) if n >= 256 else bmp_entry(img)) for n, img in images.items()]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for n, data in entries:
        dim = 0 if n >= 256 else n  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _n, data in entries)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images = {n: render(n) for n in SIZES}
    icons = SOURCE.parent
    for n, image in images.items():
        (icons / f"casa-desk-{n}.png").write_bytes(png_bytes(image))
    (ROOT / "packaging" / "windows" / "casa-desk.ico").write_bytes(ico_bytes(images))
    linux = ROOT / "packaging" / "linux"
    shutil.copyfile(SOURCE, linux / "casa-desk.svg")
    (linux / "casa-desk.png").write_bytes(png_bytes(images[256]))
    print(f"Icone scritte da {SOURCE.relative_to(ROOT)}: {', '.join(map(str, SIZES))} px")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
