"""UI state that belongs to this desktop, not to the data: window geometry, layout, language.

One typed wrapper over QSettings (STYLE.md §11). The values live in an ini file inside
:func:`casa_desk.paths.data_dir`, so tests (which point ``CASA_DESK_HOME`` at a temporary
folder) never read or write a real user's settings. Domain data never goes here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from casa_desk import paths
from casa_desk.security.files import private_file, private_folder

LANGUAGES = ("it", "en")


class UiSettings:
    """Typed access to the few UI settings the window remembers."""

    def __init__(self, path: str | None = None) -> None:
        if path is None:
            path = str(private_folder(paths.data_dir()) / "casa_desk_ui.ini")
        # Created 0600 before Qt writes it: Qt keeps an existing file's mode when it saves.
        private_file(Path(path))
        self._settings = QSettings(path, QSettings.Format.IniFormat)

    @property
    def path(self) -> str:
        return self._settings.fileName()

    # -- language -------------------------------------------------------------------------
    def language(self) -> str:
        value = str(self._settings.value("ui/language", "it") or "it")
        return value if value in LANGUAGES else "it"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self._settings.setValue("ui/language", language)

    # -- window -----------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def layout(self, name: str) -> QByteArray | None:
        """Saved state of a splitter or table header (``saveState()`` bytes)."""
        return self._bytes(f"layout/{name}")

    def set_layout(self, name: str, state: QByteArray) -> None:
        self._settings.setValue(f"layout/{name}", state)

    # -- the login screen ---------------------------------------------------------------
    def last_username(self) -> str:
        """Who logged in last on this computer (the login screen pre-fills it; only the
        username is remembered, never a password)."""
        return str(self._settings.value("login/last_username", "") or "")

    def set_last_username(self, username: str) -> None:
        self._settings.setValue("login/last_username", username)

    # -- the contact form ---------------------------------------------------------------
    def last_contact(self, operator: str) -> tuple[str | None, str | None]:
        """The topic and outcome this operator chose last (``None`` when never)."""
        key = f"contact/{_key(operator)}"
        return (
            str(self._settings.value(f"{key}/category", "") or "") or None,
            str(self._settings.value(f"{key}/outcome", "") or "") or None,
        )

    def remember_contact(self, operator: str, category: str | None, outcome: str | None) -> None:
        key = f"contact/{_key(operator)}"
        self._settings.setValue(f"{key}/category", category or "")
        self._settings.setValue(f"{key}/outcome", outcome or "")

    def sync(self) -> None:
        self._settings.sync()


def _key(name: str) -> str:
    """A user name as one QSettings key (no group separators)."""
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name) or "_"
