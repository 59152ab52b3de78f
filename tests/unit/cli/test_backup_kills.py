"""``casa-desk backup`` killed at each step of writing its pair (``OUT`` and ``OUT.keys``,
replaced by two renames): the kills are real (the child exits at a named fault point, as
at a power cut). Whatever the step, what is at ``OUT`` opens with the key file beside it —
the older backup or none — nothing half-made claims to be a backup, and the next backups
leave exactly the new pair, which opens where it is and restored as a store.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from backup_helpers import people_count, register_one
from login_helpers import login, new_store

from casa_desk.cli import main
from casa_desk.faults import KILL_STATUS
from casa_desk.outputs import ABANDONED_AFTER

ROOT = Path(__file__).resolve().parents[3]
#: The steps, in order: the copy made (not its key file), the key file written but not
#: renamed, the key file renamed (not the copy), the copy about to be renamed.
POINTS = (
    "backup.after_copy",
    "outputs.before_rename:copia.sqlite.keys",
    "backup.after_keys",
    "outputs.before_rename:copia.sqlite",
)


def _killed_backup(store: Path, out: Path, point: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CASA_DESK_FAULTS": f"{point}=kill"}
    killed = subprocess.run(
        [sys.executable, "-m", "casa_desk", "backup", "--db", str(store), "--out", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert killed.returncode == KILL_STATUS, killed.stderr


def _age(folder: Path) -> None:
    """Everything the killed child left, as if it had been left an hour ago (the key file
    keeps being younger than the copy it came after)."""
    for n, path in enumerate(sorted(folder.iterdir(), key=lambda p: p.stat().st_mtime)):
        stamp = time.time() - 2 * ABANDONED_AFTER + n
        os.utime(path, (stamp, stamp))


def _shown(folder: Path) -> list[str]:
    """The folder's files but the hidden ones and the lock a login on a copy makes beside
    its key file (casa_desk.security.keyfile.lock_path)."""
    return sorted(
        p.name for p in folder.iterdir() if not p.name.startswith(".") and p.suffix != ".lock"
    )


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _backup(store: Path, out: Path) -> None:
    assert main(["backup", "--db", str(store), "--out", str(out)]) == 0


@pytest.mark.parametrize("point", POINTS)
@pytest.mark.parametrize("older", [False, True], ids=["fresh", "over-older"])
def test_a_backup_killed_at_any_step_leaves_a_pair_that_opens(
    tmp_path: Path, point: str, older: bool
) -> None:
    ours, folder = tmp_path / "a.sqlite", tmp_path / "copie"
    folder.mkdir()
    out, keys = folder / "copia.sqlite", folder / "copia.sqlite.keys"
    new_store(ours).close()
    if older:
        _backup(ours, out)
    register_one(ours)

    _killed_backup(ours, out, point)
    if older:  # the older backup, opened by whichever key file is beside it
        assert people_count(out) == 0
    else:  # no backup, nothing that claims to be one: at most its key file, alone
        assert not out.exists()
    assert all(name.startswith(".copia.sqlite.") for name in _hidden(folder))

    # The next day the window suggests another name: that backup takes back the key file
    # a killed one left alone where there was no backup, and the hidden copy beside it.
    _age(folder)
    _backup(ours, folder / "domani.sqlite")
    if older:
        assert people_count(out) == 0
    else:
        assert not keys.exists()
        assert _shown(folder) == ["domani.sqlite", "domani.sqlite.keys"]
        if point in POINTS[2:]:  # its key file was in place: its copy went with it
            assert _hidden(folder) == []

    # A backup to the same name again: exactly the new pair, nothing hidden beside it.
    _backup(ours, out)
    assert _shown(folder) == [
        "copia.sqlite",
        "copia.sqlite.keys",
        "domani.sqlite",
        "domani.sqlite.keys",
    ]
    assert _hidden(folder) == []
    assert people_count(out) == 1
    # Restored (the pair copied back as the office's store), it opens as the store.
    restored = tmp_path / "ripristino" / "casa_desk.sqlite"
    restored.parent.mkdir()
    shutil.copyfile(out, restored)
    shutil.copyfile(keys, f"{restored}.keys")
    assert people_count(restored) == 1


def test_a_refused_rename_takes_back_the_key_file_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An error between the two renames (the copy's rename refused: the file held on
    Windows, a share gone; or a full disk said by the flush): before, the key file stayed
    alone where there had been no backup (one more backup later refused ``--decrypted``
    beside it). Now one line, and the folder as it was."""
    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)) == out.resolve():
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    before = _shown(tmp_path)
    capsys.readouterr()
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", replace)
        assert main(["backup", "--db", str(ours), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"casa-desk: Impossibile scrivere {out.resolve()}: permesso negato.", err
    assert _shown(tmp_path) == before and _hidden(tmp_path) == []

    # Over an older backup of the same store, the same error leaves that older copy, which
    # opens with the key file beside it.
    _backup(ours, out)
    register_one(ours)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", replace)
        assert main(["backup", "--db", str(ours), "--out", str(out)]) == 1
    assert people_count(out) == 0
    assert _hidden(tmp_path) == []


def test_a_lone_key_file_with_no_copy_of_ours_beside_it_is_kept(tmp_path: Path) -> None:
    """A key file alone may be the user's (its copy taken to a USB stick): only the trace
    of a killed backup (its hidden copy, older than the key file and abandoned) is taken
    back; a copy still being written, or a key file older than it, stays."""
    ours = tmp_path / "a.sqlite"
    new_store(ours).close()
    folder = tmp_path / "copie"
    folder.mkdir()
    mine = folder / "chiavetta.sqlite.keys"  # its copy on the stick
    mine.write_bytes(b"chiavi")
    writing = folder / "in-corso.sqlite.keys"  # a backup between its renames, now
    writing.write_bytes(b"chiavi")
    (folder / ".in-corso.sqlite.abcd1234.tmp").write_bytes(b"copia")
    older = folder / "vecchie.sqlite.keys"  # older than the temporary file beside it
    older.write_bytes(b"chiavi")
    (folder / ".vecchie.sqlite.efgh5678.tmp").write_bytes(b"copia")
    stamp = time.time() - 3 * ABANDONED_AFTER
    os.utime(older, (stamp, stamp))
    os.utime(folder / ".vecchie.sqlite.efgh5678.tmp", (stamp + 60, stamp + 60))
    before = sorted(p.name for p in folder.iterdir())

    _backup(ours, folder / "oggi.sqlite")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [*before, "oggi.sqlite", "oggi.sqlite.keys"]
    )


@pytest.mark.parametrize("kind", ["folder", "pipe"])
def test_a_key_file_name_that_cannot_be_written_is_refused_before_the_copy(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    """``OUT.keys`` a folder or a pipe: before, refused only when the key file was written,
    after the login and the whole copy (minutes for a large store, on a stick). Now one
    line before the login (the command) and before the copy (the window's backup)."""
    from casa_desk import faults
    from casa_desk.errors import OutputError
    from casa_desk.store.backup import backup_store

    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    keys = Path(f"{out}.keys")
    if kind == "folder":
        keys.mkdir()
    else:
        os.mkfifo(keys)
    capsys.readouterr()

    monkeypatch.setenv("CASA_DESK_PASSWORD", "non è la password")  # refused before login
    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(keys) in err[0], err
    assert ("cartella" if kind == "folder" else "non è un file normale") in err[0]

    session = login(ours)
    faults.arm("backup.after_copy", "raise")  # the copy is never made
    try:
        with pytest.raises(OutputError, match="cartella|non è un file normale"):
            backup_store(session.store.connections, out)
    finally:
        faults.disarm("backup.after_copy")
        session.store.close()
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("a.")) == [
        "copia.sqlite.keys"
    ]


@pytest.mark.parametrize("abandoned_beside", [False, True], ids=["alone", "beside-a-killed-one"])
def test_a_backup_renaming_its_copy_meanwhile_keeps_its_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, abandoned_beside: bool
) -> None:
    """Another backup to ``X`` between its two renames (``X.keys`` in place, its copy still
    ``.X.*.tmp``) while a backup into the same folder takes back a killed one's trace: the
    copy renamed into ``X`` right after it was judged "not abandoned" made the check "its
    temporary file is gone" true, and ``X.keys`` was removed: a new backup that opens
    nothing. So too when a killed backup's abandoned copy of ``X`` lay beside the live one.
    The other process's rename is made at that moment (the race cannot be timed across two
    processes); everything else is real."""
    from casa_desk.store import backup

    ours, folder = tmp_path / "a.sqlite", tmp_path / "copie"
    folder.mkdir()
    new_store(ours).close()
    register_one(ours)
    out = folder / "copia.sqlite"
    _backup(ours, out)  # the other backup's pair, its copy not yet renamed:
    live = folder / ".copia.sqlite.l1v3c0py.tmp"
    os.replace(out, live)
    keys = folder / "copia.sqlite.keys"
    os.utime(keys)  # written after the copy
    if abandoned_beside:
        dead = folder / ".copia.sqlite.k1ll3d00.tmp"
        dead.write_bytes(b"copia interrotta")
        stamp = time.time() - 2 * ABANDONED_AFTER
        os.utime(dead, (stamp, stamp))
    real_sweep = backup.sweep_abandoned

    def sweep_then_rename(copy: Path) -> None:
        real_sweep(copy)
        if live.exists():
            os.replace(live, out)  # the other backup's second rename, now

    monkeypatch.setattr(backup, "sweep_abandoned", sweep_then_rename)
    backup.clear_killed_backups(folder)

    assert _shown(folder) == ["copia.sqlite", "copia.sqlite.keys"]
    assert _hidden(folder) == []  # the killed one's copy taken back all the same
    assert people_count(out) == 1
