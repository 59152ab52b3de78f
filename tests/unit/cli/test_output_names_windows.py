"""A file name that Windows (and a USB stick's FAT file system) cannot keep as given is
refused with one line before any work: nothing is written.

Windows drops a name's trailing dots and spaces, and so does Linux on a FAT stick: a backup
asked as ``copia.sqlite.`` became ``copia.sqlite`` beside a key file ``copia.sqlite..keys``,
a pair that no longer opens (its keys are looked for at ``copia.sqlite.keys``), while the
command said it had written what was asked. ``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``…
``LPT9`` — with any extension — are devices on Windows, not files: a report, a bundle or a
backup of that name is lost there, or refused only after the work as "not a regular file".
The offices run Windows and their files travel on sticks, so the desk refuses these names
wherever it runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from login_helpers import new_store

from casa_desk.errors import OutputError
from casa_desk.outputs import check_output

ROOT = Path(__file__).resolve().parents[3]


def _casa_desk(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "casa_desk", *argv],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    "name",
    ["copia.sqlite.", "copia.sqlite ", "copia.sqlite. .", "NUL.sqlite", "con", "Com1.sqlite",
     "lpt9.copia.sqlite", "AUX .sqlite"],
)  # fmt: skip
def test_a_backup_named_as_windows_cannot_keep_it_is_refused_before_any_work(
    tmp_path: Path, name: str
) -> None:
    store = tmp_path / "ufficio.sqlite"
    new_store(store).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    done = _casa_desk(tmp_path, "backup", "--db", str(store), "--out", name)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith(f"casa-desk: {name}: ")
    assert "Windows" in line and line.endswith("Indicare un altro nome.")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


def test_a_report_named_after_a_windows_device_is_refused_before_any_work(tmp_path: Path) -> None:
    store = tmp_path / "ufficio.sqlite"
    new_store(store).close()
    done = _casa_desk(tmp_path, "report", "--db", str(store), "--month", "2026-10", "--all",
                      "--out", "nul.pdf")  # fmt: skip
    assert done.returncode == 1
    assert done.stderr == (
        "casa-desk: nul.pdf: NUL è un nome riservato di Windows (un dispositivo, non un "
        "file). Indicare un altro nome.\n"
    )
    assert not (tmp_path / "nul.pdf").exists()


@pytest.mark.parametrize(
    "name",
    ["console.pdf", "nulla.pdf", "com10.pdf", "lpt.pdf", "rapporto con.pdf", "a.b.c.pdf", ".pdf"],
)
def test_names_that_only_look_like_them_are_written(tmp_path: Path, name: str) -> None:
    assert check_output(tmp_path / name) == tmp_path / name


def test_the_trailing_dot_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as refused:
        check_output(tmp_path / "rapporto.pdf.")
    assert refused.value.code == "output_name_trailing"
    assert refused.value.message == (
        f"{tmp_path / 'rapporto.pdf.'}: il nome finisce con un punto o uno spazio, che Windows "
        "e le chiavette USB tolgono: il file avrebbe un altro nome. Indicare un altro nome."
    )
