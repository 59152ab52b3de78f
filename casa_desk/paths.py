"""Every path casa_desk uses, in one place.

Nothing here touches the disk at import time. ``CASA_DESK_HOME`` overrides the data folder
(tests point it at a temporary folder so they never see a real user's store).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "casa_desk"
APP_AUTHOR = "AlerMilano"


def data_dir() -> Path:
    """The folder holding the user's store and its backups."""
    override = os.environ.get("CASA_DESK_HOME")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_store_path() -> Path:
    """The store the app opens when no ``--db`` is given."""
    return data_dir() / "casa_desk.sqlite"


def default_hub_path() -> Path:
    """The hub's SQLite file when ``casa-desk hub serve`` gets no ``--db``."""
    return data_dir() / "hub.sqlite"


def backups_dir(store: Path) -> Path:
    """Automatic backups (before a migration) sit beside the store they copy."""
    return store.parent / "backups"


def resources_dir() -> Path:
    """Fonts, translations, samples and icons shipped inside the package.

    Found through :mod:`importlib.resources`, so an installed wheel and a frozen bundle find
    them exactly as the source tree does; nothing is read relative to the checkout.
    """
    return Path(str(resources.files("casa_desk") / "resources"))


def font_path(name: str = "DejaVuSans.ttf") -> Path:
    return resources_dir() / "fonts" / name


def translations_dir() -> Path:
    return resources_dir() / "i18n"


#: Sizes of the application icon rendered by tools/make_icons.py from ``casa-desk.svg``.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_paths() -> list[Path]:
    """The application icon's PNG renderings, smallest first (the window and taskbar icon)."""
    return [resources_dir() / "icons" / f"casa-desk-{n}.png" for n in ICON_SIZES]


def sample_path(name: str = "anagrafe_esempio.csv") -> Path:
    """A sample file shipped for trying the registry import."""
    return resources_dir() / "samples" / name
