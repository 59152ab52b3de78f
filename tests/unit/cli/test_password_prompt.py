"""The password prompt on a real terminal (a pseudo-terminal): Ctrl+D is one line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from terminal_helpers import at_terminal

pty = pytest.importorskip("pty")  # POSIX only, like the terminals it stands for


def test_ctrl_d_at_the_password_prompt_is_one_line(store: object, tmp_path: Path) -> None:
    """End of input (Ctrl+D) where the login password is asked printed an EOFError
    traceback; Ctrl+C already gave one line."""
    env = {k: v for k, v in os.environ.items() if k != "CASA_DESK_PASSWORD"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    db = str(tmp_path / "store.sqlite")
    status, out = at_terminal(["settings", "--db", db], env, b"\x04", b"Password di")
    lines = [line for line in out.replace("\r", "").splitlines() if line.strip()]
    assert "Traceback" not in out, out
    assert status == 1, out
    assert lines == ["Password di prova.admin: ", "casa-desk: Nessuna password inserita."]
