"""A few commands on a real full file system: a small tmpfs in a private mount namespace
(``unshare -rm``), filled before the command runs. Skipped, with the reason, where the
machine does not allow unprivileged namespaces; the in-process corpus simulates the same
failure everywhere (``test_bad_input.py``)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import Template, build_template

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def _namespaces() -> str:
    """Why a private tmpfs cannot be made here, or "" when it can."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return "unshare is not installed"
    probe = subprocess.run(
        [unshare, "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if probe.returncode == 0 else f"no private mount namespace: {probe.stderr.strip()}"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    why = _namespaces()
    if why:
        pytest.skip(why)
    return build_template(tmp_path_factory.mktemp("realdisk") / "template")


#: (files copied onto the disk, free space left in KB for each run, arguments; ``{dir}`` is
#: the disk). The free space is chosen so that the disk fills in the middle of the work: after
#: the store opened, while the output is written.
CASES = {
    "backup": (
        ["office.sqlite"],
        [100, 300],
        ["backup", "--db", "{dir}/office.sqlite", "--out", "{dir}/copia.sqlite"],
    ),
    "bundle export": (
        ["office.sqlite"],
        [66, 74],
        ["bundle", "export", "--db", "{dir}/office.sqlite", "--out", "{dir}/invio.casa"],
    ),
    "import-people": (
        ["office.sqlite", "registry.csv"],
        [100],
        ["import-people", "{dir}/registry.csv", "--db", "{dir}/office.sqlite"],
    ),
    "demo": (
        [],
        [120, 800],
        ["demo", "--db", "{dir}/demo.sqlite", "--people", "50", "--contacts", "300"],
    ),
}


def _run(template: Template, tmp_path: Path, files: list[str], free: list[int], argv: list[str]):  # type: ignore[no-untyped-def]
    size_kb = sum((template.folder / f).stat().st_size for f in files) // 1024 + 1024
    mount = tmp_path / "disco"
    mount.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), str(HERE.parents[1])]),
    }
    spec = {"size_kb": size_kb, "free_kb": free, "files": files, "argv": argv}
    done = subprocess.run(
        ["unshare", "-rm", sys.executable, str(HERE / "full_disk_driver.py"), str(mount)]
        + [str(template.folder), json.dumps(spec)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", sorted(CASES))
def test_disk_fills_mid_work_one_line_nothing_changed(
    name: str, template: Template, tmp_path: Path
) -> None:
    files, free, argv = CASES[name]
    for result in _run(template, tmp_path, files, free, argv):
        lines = [line for line in result["stderr"].splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("casa-desk")]
        assert result["status"] != 0, (result["free_kb"], lines)
        assert "Traceback" not in result["stderr"], result["stderr"]
        assert len(errors) == 1 and "disco pieno" in errors[0], lines
        assert result["after"] == result["before"], (result["free_kb"], lines)


def test_a_disk_with_no_byte_free(template: Template, tmp_path: Path) -> None:
    """Not one byte free: the store cannot even be opened. One line that says so (never "the
    store is damaged"), the store's content untouched. SQLite itself leaves the empty ``-wal``
    and the ``-shm`` it needs to read a WAL store and cannot remove on a full disk: the only
    difference allowed."""
    [result] = _run(
        template,
        tmp_path,
        ["office.sqlite", "registry.csv"],
        [0],
        ["import-people", "{dir}/registry.csv", "--db", "{dir}/office.sqlite"],
    )
    lines = [line for line in result["stderr"].splitlines() if line.strip()]
    assert result["status"] != 0 and len(lines) == 1, lines
    assert "danneggiato" not in lines[0] and "disco" in lines[0], lines
    extra = {k: v for k, v in result["after"].items() if k not in result["before"]}
    assert set(extra) <= {"office.sqlite-wal", "office.sqlite-shm"}, extra
    assert extra.get("office.sqlite-wal", "") in ("", hashlib.sha256(b"").hexdigest())
    assert {k: result["after"][k] for k in result["before"]} == result["before"]
