"""A pipe or a folder chosen in the window as head office's reply or as the enrolment file is
refused at once, with what it is, and nothing changes.

``casa-desk bundle import`` and ``casa-desk enrol --file`` refused them before reading; the
window's "Importa il file della sede…" and "File di abbinamento…" read whatever the file
dialog gave. A named pipe (a FIFO: what the dialog shows like a file, and what another
program may leave on a stick or in the home folder) has no writer, so the read waited for
ever: the buttons stayed greyed out, no line, and the task could never end. A folder was
said to be a truncated or damaged bundle.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from dialogs import when_modal
from PySide6.QtWidgets import QFileDialog

from casa_desk.store.db import Store
from casa_desk.sync.apply import state
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.sync_actions import BundleActions, EnrolDialog
from casa_desk.ui.tasks import TaskRunner

#: Long enough for a check of the file's kind, far shorter than for ever.
PATIENCE_MS = 10_000

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes (POSIX)")


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Store]:
    from login_helpers import new_store

    hub = HubStore.open(tmp_path / "hub.sqlite")
    _id, code = add_device(hub, "SAN-SIRO")
    store = new_store(tmp_path / "office.sqlite")
    save_credentials(store, enrol(hub, code), None)
    hub.close()
    yield store
    store.close()


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A named pipe on the "stick", with no writer. Afterwards a writer comes and goes, so
    that a reader left waiting on it (the defect) ends and the test process can exit."""
    stick = tmp_path / "chiavetta"
    stick.mkdir()
    path = stick / "risposta.bundle"
    os.mkfifo(path)
    yield path
    with contextlib.suppress(OSError):  # ENXIO: nobody is reading it, as it should be
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def _choose(path: Path) -> list[QFileDialog]:
    """Answer the next file dialog with ``path``, as the operator types it in."""

    def answer(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()

    return when_modal(answer, kind=QFileDialog)  # type: ignore[arg-type]


def test_a_pipe_chosen_as_the_reply_is_refused_at_once(qtbot, office: Store, fifo: Path) -> None:
    actions = BundleActions(office, TaskRunner())
    qtbot.addWidget(actions)
    asked = _choose(fifo)
    with qtbot.waitSignal(actions.finished, timeout=PATIENCE_MS) as said:
        actions.ask_import()
    assert asked
    assert said.args[0] == f"{fifo} non è un file normale: indicare il pacchetto della sede."
    assert actions.import_button.isEnabled() and actions.export_button.isEnabled()
    assert state(office, "pull_cursor", "0") in ("0", None)


def test_a_folder_chosen_as_the_reply_is_said_to_be_one(
    qtbot, office: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "risposte.bundle"
    folder.mkdir()
    actions = BundleActions(office, TaskRunner())
    qtbot.addWidget(actions)
    with qtbot.waitSignal(actions.finished, timeout=PATIENCE_MS) as said:
        actions.import_from(folder)
    assert said.args[0] == f"{folder} è una cartella: indicare il pacchetto della sede."


def test_a_pipe_chosen_as_the_enrolment_file_is_refused_at_once(
    qtbot, office: Store, fifo: Path
) -> None:
    device = state(office, "hub_device_id")
    dialog = EnrolDialog(office, TaskRunner())
    qtbot.addWidget(dialog)
    asked = _choose(fifo)
    dialog.ask_file()
    assert asked
    qtbot.waitUntil(dialog.pair_button.isEnabled, timeout=PATIENCE_MS)
    assert dialog.error.text() == (
        f"{fifo} non è un file normale: indicare il file di abbinamento della sede."
    )
    assert state(office, "hub_device_id") == device


def test_the_english_window_says_it_in_english(qtbot, office: Store, fifo: Path) -> None:
    from languages import window_language

    with window_language("en"):
        actions = BundleActions(office, TaskRunner())
        qtbot.addWidget(actions)
        with qtbot.waitSignal(actions.finished, timeout=PATIENCE_MS) as said:
            actions.import_from(fifo)
        assert said.args[0] == f"{fifo} is not a regular file: choose the bundle from head office."
        dialog = EnrolDialog(office, TaskRunner())
        qtbot.addWidget(dialog)
        dialog.pair_file(fifo.parent)
        qtbot.waitUntil(dialog.pair_button.isEnabled, timeout=PATIENCE_MS)
        assert dialog.error.text() == (
            f"{fifo.parent} is a folder: choose the enrolment file from head office."
        )


def test_a_backup_chosen_as_the_reply_is_named_for_what_it_is(
    qtbot, office: Store, tmp_path: Path
) -> None:
    """A backup picked instead of head office's reply was "truncated or damaged"; it is
    said to be a database, in the window's language."""
    from languages import window_language
    from login_helpers import new_store

    copy = tmp_path / "copia.sqlite"
    new_store(copy).close()
    actions = BundleActions(office, TaskRunner())
    qtbot.addWidget(actions)
    with window_language("en"):
        asked = _choose(copy)
        with qtbot.waitSignal(actions.finished, timeout=PATIENCE_MS) as said:
            actions.ask_import()
    assert asked
    assert said.args[0] == f"{copy} is a store or a database, not a sync bundle."
