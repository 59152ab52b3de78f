"""Windows and dialogs that fit the screen they are on (issue 9: at 1366×768 the notes,
"Mostra", the status bar and "Riprendi" ended up below the screen's edge).

The desk PCs have small screens (1366×768, 1024×768) with a task bar. A window's default
size is shrunk to the screen's *available* area (without the task bar), with room for the
window manager's frame until the real frame is known; a remembered geometry that does not
fit (another monitor, a bigger screen, an old bug) is ignored.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QWidget

#: Title bar and borders a window manager adds around a window, before it is known.
FRAME_ALLOWANCE = QSize(16, 40)
#: Beside a window's title, the window manager's icon and its three buttons (about 120 px
#: on Openbox and Windows alike).
TITLE_BAR_EXTRAS = 120
#: A "screen" smaller than this is none: a platform without a real screen reports a tiny
#: one (Qt's "minimal" platform, used to grab frames of the bundle: 240×320). No desk's is.
NO_SCREEN = QSize(640, 480)


def available(widget: QWidget) -> QRect:
    """The available area (no task bar) of the screen ``widget`` is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def title_width(widget: QWidget, title: str) -> int:
    """The width a window needs for the window manager to show ``title`` whole (drawn bold,
    as most title bars draw it): a narrow dialog's title was cut to "Esito a se… all'uscita"."""
    bold = QFont(widget.font())
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(title) + TITLE_BAR_EXTRAS


def _frame(widget: QWidget) -> QSize:
    """Frame size around ``widget``: measured once shown, the allowance before."""
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        if outer.size() != inner.size():
            return outer.size() - inner.size()
    return FRAME_ALLOWANCE


def fitted(widget: QWidget, preferred: QSize) -> QSize:
    """``preferred`` shrunk so that the window, frame included, fits the screen."""
    area = available(widget).size()
    if area.width() < NO_SCREEN.width() or area.height() < NO_SCREEN.height():
        return preferred
    room = area - _frame(widget)
    return QSize(min(preferred.width(), room.width()), min(preferred.height(), room.height()))


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize ``widget`` to ``preferred`` or less, and centre it on the available area."""
    size = fitted(widget, preferred)
    widget.resize(size)
    area = available(widget)
    frame = _frame(widget)
    widget.move(
        area.x() + max(0, (area.width() - size.width() - frame.width()) // 2),
        area.y() + max(0, (area.height() - size.height() - frame.height()) // 2),
    )


def fits(widget: QWidget) -> bool:
    """True when the whole window, frame included, is inside the available area (always,
    on a platform without a real screen)."""
    area = available(widget)
    if area.width() < NO_SCREEN.width() or area.height() < NO_SCREEN.height():
        return True
    outer = QRect(widget.geometry().topLeft(), widget.size() + _frame(widget))
    if widget.isVisible():
        outer = widget.frameGeometry()
    return area.contains(outer)


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a shown window back inside the available area if it left it."""
    if fits(widget):
        return
    fit_to_screen(widget, widget.size())
