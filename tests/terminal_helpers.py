"""A command run on a real terminal (a pseudo-terminal, POSIX only): what a person at a
terminal sees and types, for the prompts that ask only when there is one."""

from __future__ import annotations

import os
import select
import sys
import time


def at_terminal(
    argv: list[str], env: dict[str, str], answer: bytes, asked: bytes
) -> tuple[int, str]:
    """Run ``casa-desk argv`` on a new pseudo-terminal (its controlling terminal, where
    getpass and the confirmations ask), send ``answer`` once the output shows ``asked``;
    (exit status, all output, carriage returns kept)."""
    import pty  # the callers skip where there is none

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
            if not sent and asked in out:
                os.write(fd, answer)
                sent = True
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")
