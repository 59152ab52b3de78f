"""The program's entry (``cli.console``): main's status is the process's, and the objects
the command made are frozen before Python's teardown (so its last collection skips them)."""

from __future__ import annotations

import errno
import gc
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from casa_desk import cli
from casa_desk.cli import backup, main
from casa_desk.errors import CasaError

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


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device", "copia.sqlite"),
        KeyboardInterrupt(),
        CasaError("Nome utente o password errati."),
    ],
    ids=["disk-full", "interrupted", "expected"],
)
def test_every_one_line_message_starts_with_a_capital(
    failure: BaseException, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "casa-desk: operazione non riuscita: …" and "casa-desk: interrotto." began in lower
    case where the commands' own messages ("casa-desk: Nome utente…") begin in upper case."""

    def fail(_args: object) -> int:
        raise failure

    monkeypatch.setattr(backup, "run", fail)  # registered afresh by each main()
    assert main(["backup", "--db", "a.sqlite", "--out", "copia.sqlite"]) in (1, 130)
    line = capsys.readouterr().err
    assert line.count("\n") == 1 and line.startswith("casa-desk: "), line
    assert line.removeprefix("casa-desk: ")[0].isupper(), line


def test_no_line_the_program_writes_starts_in_lower_case() -> None:
    """The same, read in the source: notes and warnings ("casa-desk: attenzione: …",
    "casa-desk: archivio dimostrativo …") that no error path reaches."""
    import ast

    lower = []
    for path in (ROOT / "casa_desk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                text = node.values[0].value
            if isinstance(text, str) and text.startswith("casa-desk: ") and text[11:12].islower():
                lower.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert lower == []
