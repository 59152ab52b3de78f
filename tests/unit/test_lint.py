"""ruff and mypy (STYLE.md §21) hold over the whole tree: a rule that only exists in a config
file is not enforced."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: Every folder of Python the project keeps (the tools and the screenshot script too).
LINTED = ["casa_desk", "tests", "benchmarks", "tools", "docs", "packaging"]
#: The Qt-free core is fully typed (``disallow_untyped_defs`` in pyproject.toml).
TYPED_CORE = ["models", "store", "sync", "reports", "security", "imports"]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: `pip install -e '.[test]'` installs it")
    return found


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = _run(_tool("ruff"), "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    result = _run(_tool("ruff"), "format", "--check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_on_the_core() -> None:
    result = _run(
        _tool("mypy"), "--no-incremental", *(f"casa_desk/{package}" for package in TYPED_CORE)
    )
    assert result.returncode == 0, result.stdout + result.stderr
