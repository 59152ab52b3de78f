"""The program's entry (``cli.console``): main's status is the process's, and the objects
the command made are frozen before Python's teardown (so its last collection skips them)."""

from __future__ import annotations

import gc
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from casa_desk import cli

ROOT = Path(__file__).resolve().parents[3]


def test_console_exits_with_mains_status_after_freezing(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen = []
    monkeypatch.setattr(cli, "main", lambda: 3)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not this test process
    with pytest.raises(SystemExit) as exit_:
        cli.console()
    assert exit_.value.code == 3
    assert frozen == [True]


def test_every_entry_of_the_program_is_console() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"casa-desk": "casa_desk.cli:console"}
    for entry in (ROOT / "casa_desk" / "__main__.py", ROOT / "packaging" / "casa_desk_main.py"):
        assert entry.read_text().endswith("from casa_desk.cli import console\n\nconsole()\n")


def test_a_failing_command_is_one_line_and_status_1(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "casa_desk",
            "backup",
            "--db",
            str(missing),
            "--out",
            str(tmp_path / "copy.sqlite"),
        ],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("casa-desk: ")
    assert "Traceback" not in done.stderr
