"""The data folder, its reports/ and backups/ and the window's ini file are owner-only on a
fresh profile under the usual umask (022), and a data folder an older version left 0755 is
narrowed when the app starts: on a shared office PC other accounts must not list or read
them (docs/install.md)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from login_helpers import NEWEST_MIGRATION, new_store, session_for

from casa_desk import paths
from casa_desk.app import launch
from casa_desk.store.db import Store
from casa_desk.ui.report_page import ReportPage
from casa_desk.ui.settings import UiSettings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder that does not exist yet, under a desktop's usual umask."""
    home = tmp_path / "profile" / "casa_desk"
    monkeypatch.setenv("CASA_DESK_HOME", str(home))
    previous = os.umask(0o022)
    try:
        yield home
    finally:
        os.umask(previous)


def test_the_app_makes_its_data_folder_and_ini_owner_only(qtbot, fresh_home: Path) -> None:
    assert launch(str(fresh_home / "casa_desk.sqlite"), "it", login=lambda _p, _s: None) == 1
    assert mode(fresh_home) == 0o700
    settings = UiSettings()
    settings.set_language("en")
    settings.sync()  # Qt rewrites the file: it keeps its mode
    ini = Path(settings.path)
    assert ini.parent == paths.data_dir() and "language=en" in ini.read_text()
    assert mode(ini) == 0o600


def test_a_data_folder_others_can_enter_is_narrowed_at_start(qtbot, fresh_home: Path) -> None:
    fresh_home.mkdir(parents=True)
    os.chmod(fresh_home, 0o755)
    ini = fresh_home / "casa_desk_ui.ini"
    ini.write_text("[ui]\nlanguage=it\n")
    os.chmod(ini, 0o644)
    assert launch(str(fresh_home / "casa_desk.sqlite"), "it", login=lambda _p, _s: None) == 1
    assert mode(fresh_home) == 0o700
    assert mode(ini) == 0o600


def test_the_reports_folder_is_owner_only(qtbot, fresh_home: Path, tmp_path: Path) -> None:
    store = new_store(tmp_path / "s.sqlite")
    try:
        page = ReportPage(store, "SAN-SIRO", False, session=session_for(store))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.generated, timeout=30_000):
            page.generate_button.click()
        assert page.current_pdf is not None and page.current_pdf.parent == fresh_home / "reports"
    finally:
        store.close()
    assert mode(fresh_home) == 0o700
    assert mode(fresh_home / "reports") == 0o700


def test_the_backups_folder_is_owner_only(fresh_home: Path) -> None:
    fresh_home.mkdir(parents=True)  # the first run makes it (and owner-only, as above)
    path = fresh_home / "casa_desk.sqlite"
    with Store.open(path, create=True) as store, store.transaction():
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [NEWEST_MIGRATION])
    Store.open(path).close()  # the upgrade takes its backup first
    backups = paths.backups_dir(path)
    assert list(backups.glob("*-before-migration-*.sqlite"))
    assert mode(backups) == 0o700
