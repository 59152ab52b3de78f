"""The first command after a new version was installed upgrades the store before its own
work (check, backup, migrations: minutes on a large store). At a terminal it says so on
stderr first; a script's output (stderr not a terminal) stays its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from login_helpers import store_behind_a_version

from casa_desk.cli import main

NOTICE = "casa-desk: Aggiornamento dell'archivio alla nuova versione"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _settings(path: Path, monkeypatch: pytest.MonkeyPatch, stderr: io.StringIO) -> str:
    monkeypatch.setattr("sys.stderr", stderr)
    assert main(["settings", "--db", str(path)]) == 0
    return stderr.getvalue()


def test_at_a_terminal_the_upgrade_is_said_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    said = _settings(path, monkeypatch, Terminal())
    assert said.count(NOTICE) == 1 and said.endswith("attendere…\n")
    assert list((tmp_path / "backups").glob("desk-before-migration-*.sqlite"))
    assert NOTICE not in _settings(path, monkeypatch, Terminal())  # current now
    assert NOTICE not in capsys.readouterr().out


def test_a_script_reads_no_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.sqlite"
    store_behind_a_version(path)
    assert NOTICE not in _settings(path, monkeypatch, io.StringIO())
    assert list((tmp_path / "backups").glob("desk-before-migration-*.sqlite"))  # upgraded
