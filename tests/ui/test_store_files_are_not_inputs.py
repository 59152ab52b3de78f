"""The window's own store, its working files and its key file are never read as a bundle or
an enrolment file, whatever the file dialog was given.

Reading a file with Python's ``open`` and closing it drops every POSIX lock this process
holds on that file (sqlite.org, "How To Corrupt An SQLite Database File", §2.2): given the
store, the window lost its lock on the database file; given the ``-shm``, its lock on the
shared-memory index, by which another process opening the store learns that someone has it
open (without it that process rebuilds the index under the window's feet). ``casa-desk
bundle import`` refused these before it read them; the window's "Importa il file della
sede…" and "File di abbinamento…" read them, then said "Pacchetto illeggibile" or
"File di abbinamento illeggibile". Now both say what the file is, and read nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from casa_desk.store.db import Store
from casa_desk.sync.apply import state
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.sync_actions import BundleActions, EnrolDialog
from casa_desk.ui.tasks import TaskRunner

#: Asked from another process (F_GETLK): is some lock held on these bytes of the file?
#: 128 is SQLite's "DMS" byte of the ``-shm`` (unix VFS: held shared by every open
#: connection); on the database file, any byte.
_PROBE = r"""
import fcntl, os, struct, sys
def held(path, start, length):
    fd = os.open(path, os.O_RDWR)
    try:
        asked = struct.pack("hhqqi", fcntl.F_WRLCK, 0, start, length, 0)
        said = fcntl.fcntl(fd, fcntl.F_GETLK, asked)
    finally:
        os.close(fd)
    return struct.unpack("hhqqi", said)[0] != fcntl.F_UNLCK
path = sys.argv[1]
print(held(path, 0, 0), held(path + "-shm", 128, 1))
"""


def _locks(path: Path) -> tuple[bool, bool]:
    """(database file locked, ``-shm`` in use) as another process sees them."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0] == "True", out[1] == "True"


def _aliases(path: Path, tmp_path: Path) -> list[Path]:
    (tmp_path / "altrove").mkdir()
    (tmp_path / "altrove" / "link.bundle").symlink_to(path)
    return [
        path,
        Path(f"{path}-shm"),
        Path(f"{path}-wal"),
        Path(f"{path}.keys"),
        tmp_path / "altrove" / ".." / path.name,
        tmp_path / "altrove" / "link.bundle",
    ]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    from login_helpers import new_store

    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    store = new_store(tmp_path / "office.sqlite")
    save_credentials(store, enrol(hub, code), None)
    hub.close()
    store.query("SELECT 1")  # the window has read it: its locks are taken
    yield store
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks")
def test_the_bundle_import_never_reads_the_store_or_its_files(
    qtbot, office: Store, tmp_path: Path
) -> None:
    path = Path(office.path)
    assert _locks(path) == (True, True)
    actions = BundleActions(office, TaskRunner())
    qtbot.addWidget(actions)
    for alias in _aliases(path, tmp_path):
        if not alias.exists():
            continue
        with qtbot.waitSignal(actions.finished, timeout=10_000) as said:
            actions.import_from(alias)
        assert _locks(path) == (True, True), alias
        assert "non un pacchetto" in said.args[0], (alias, said.args[0])
    assert state(office, "pull_cursor", "0") in ("0", None)


@pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks")
def test_the_enrolment_file_is_never_the_store_or_its_files(
    qtbot, office: Store, tmp_path: Path
) -> None:
    path = Path(office.path)
    device = state(office, "hub_device_id")
    dialog = EnrolDialog(office, TaskRunner())
    qtbot.addWidget(dialog)
    for alias in _aliases(path, tmp_path):
        if not alias.exists():
            continue
        dialog.pair_file(alias)
        qtbot.waitUntil(dialog.pair_button.isEnabled, timeout=10_000)
        assert _locks(path) == (True, True), alias
        assert "non un file di abbinamento" in dialog.error.text(), (alias, dialog.error.text())
    assert state(office, "hub_device_id") == device
