"""The window in a language for one test, and Italian back after it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def window_language(code: str) -> Iterator[str]:
    """The application's translator for ``code`` ("it", "en") while the block runs; then
    removed, and the default locale Italian again (as every other test expects)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from casa_desk.app import install_translator

    app = QApplication.instance()
    installed = install_translator(app, code)
    try:
        yield code
    finally:
        for translator in installed:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
