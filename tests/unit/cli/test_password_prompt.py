"""The password prompt on a real terminal (a pseudo-terminal): Ctrl+D is one line."""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")  # POSIX only, like the terminals it stands for


def _at_terminal(argv: list[str], env: dict[str, str], answer: bytes) -> tuple[int, str]:
    """Run ``casa-desk argv`` on a new pseudo-terminal (its controlling terminal, where
    getpass asks), send ``answer`` once the password is asked; (exit status, all output)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes the command
        os.execve(sys.executable, [sys.executable, "-m", "casa_desk", *argv], env)
    out, sent, deadline = b"", False, time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
            if not sent and b"Password di" in out:
                os.write(fd, answer)
                sent = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


def test_ctrl_d_at_the_password_prompt_is_one_line(store: object, tmp_path: Path) -> None:
    """End of input (Ctrl+D) where the login password is asked printed an EOFError
    traceback; Ctrl+C already gave one line."""
    env = {k: v for k, v in os.environ.items() if k != "CASA_DESK_PASSWORD"}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    db = str(tmp_path / "store.sqlite")
    status, out = _at_terminal(["settings", "--db", db], env, b"\x04")
    lines = [line for line in out.replace("\r", "").splitlines() if line.strip()]
    assert "Traceback" not in out, out
    assert status == 1, out
    assert lines == ["Password di prova.admin: ", "casa-desk: Nessuna password inserita."]
