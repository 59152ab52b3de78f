"""Shared fixtures. Qt runs offscreen and no test ever sees a real user's data or settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The suite runs two workers on a 2-core machine (pytest-xdist, Makefile) that CI may share:
# a property is judged by its examples, never by how fast the machine draws them.
settings.register_profile("casa_desk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("casa_desk")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data folder (paths.py) and Qt settings at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CASA_DESK_HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def _login_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands run by tests log in as the test stores' administrator (login_helpers.py)."""
    from login_helpers import PASSWORD, USER

    monkeypatch.setenv("CASA_DESK_USER", USER)
    monkeypatch.setenv("CASA_DESK_PASSWORD", PASSWORD)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[object]:
    """A fresh encrypted store for the office SAN-SIRO, closed after the test."""
    from login_helpers import new_store

    opened = new_store(tmp_path / "store.sqlite")
    yield opened
    opened.close()
