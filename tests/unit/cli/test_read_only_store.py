"""A store whose file is write-protected (its permissions, a read-only medium): every command
refuses it in one line and leaves nothing beside it, so that once its permissions are given
back it opens as before. SQLite opens such a file read-only and still creates ``-wal`` and
``-shm``, which it cannot remove; a read-only ``-shm`` left there kept the store "read-only"
for good.

The command runs in a child process as a user without the power to override file
permissions: as root, with that capability dropped (``setpriv``), since root writes anywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from login_helpers import new_store

#: Root without the capabilities that let it ignore permissions (owner of the files all the same).
_AS_A_USER = ["--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _as_a_user() -> list[str]:
    """The prefix that runs a command bound by file permissions, or skips the test."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root writes anywhere and setpriv is not installed")
    probe = subprocess.run([setpriv, *_AS_A_USER, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr!r}")
    return [setpriv, *_AS_A_USER]


def _command(prefix: list[str], path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, sys.executable, "-m", "casa_desk", "user", "list", "--db", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_write_protected_store_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    prefix = _as_a_user()
    path = tmp_path / "desk.sqlite"
    new_store(path).close()
    before = sorted(os.listdir(tmp_path))
    path.chmod(0o400)
    refused = _command(prefix, path)
    assert refused.returncode == 1, refused
    assert refused.stderr.splitlines() == [
        f"casa-desk: L'archivio {path} è in sola lettura (permessi del file o supporto "
        "protetto): renderlo scrivibile e riprovare."
    ]
    assert sorted(os.listdir(tmp_path)) == before  # no -wal, no -shm
    path.chmod(0o600)
    opened = _command(prefix, path)
    assert opened.returncode == 0, opened.stderr
