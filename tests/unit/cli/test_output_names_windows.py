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


# -- characters Windows does not allow in a name: < > : " | ? * and 0x00-0x1F --------------
@pytest.mark.parametrize(
    "name",
    ["copia:ottobre.sqlite", "copia?.sqlite", "copia*.sqlite", 'copia".sqlite', "a<b.sqlite",
     "a>b.sqlite", "a|b.sqlite", "copia.sqlite:flusso"],
)  # fmt: skip
def test_a_backup_with_a_character_windows_refuses_is_refused_before_any_work(
    tmp_path: Path, name: str
) -> None:
    """``copia?.sqlite`` was written here and could not be copied to the office's PC; on
    Windows ``copia.sqlite:flusso`` is a hidden stream of ``copia.sqlite``."""
    store = tmp_path / "ufficio.sqlite"
    new_store(store).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    done = _casa_desk(tmp_path, "backup", "--db", str(store), "--out", name)
    assert done.returncode == 1
    assert done.stderr == (
        f"casa-desk: {name}: il nome contiene un carattere che Windows e le chiavette USB non "
        'ammettono nei nomi dei file (< > : " | ? * o un carattere di controllo). Indicare un '
        "altro nome.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written


@pytest.mark.parametrize("char", ["\x00", "\x01", "\t", "\n", "\r", "\x1b", "\x1f"])
def test_a_control_character_is_refused_and_said_as_an_escape(tmp_path: Path, char: str) -> None:
    """The line stays one line (a newline in the name split it) and prints no raw control
    character to the terminal (an escape sequence would act on it)."""
    with pytest.raises(OutputError) as refused:
        check_output(tmp_path / f"rapporto{char}ottobre.pdf")
    assert refused.value.code == "output_name_character"
    shown = char.encode("unicode_escape").decode()
    assert refused.value.message.startswith(f"{tmp_path}/rapporto{shown}ottobre.pdf: il nome ")
    assert refused.value.message.isprintable()
    assert list(tmp_path.iterdir()) == []


def test_only_the_name_is_judged_not_the_folder_nor_a_drive_letter(tmp_path: Path) -> None:
    """A folder may have any name the system gave it; on Windows ``C:`` is the drive."""
    from pathlib import PureWindowsPath

    from casa_desk.outputs import check_portable_name

    for given in (r"C:\Rapporti\ottobre.pdf", "C:ottobre.pdf", r"\\server\quota\ottobre.pdf"):
        check_portable_name(PureWindowsPath(given))  # refuses nothing
    with pytest.raises(OutputError):
        check_portable_name(PureWindowsPath(r"C:\Rapporti\ottobre?.pdf"))
    odd = tmp_path / "cartella: vecchia?"
    odd.mkdir()
    assert check_output(odd / "rapporto.pdf") == odd / "rapporto.pdf"


@pytest.mark.parametrize(
    "name", ["rapporto #1 (copia).pdf", "città-è-à.pdf", "a;b,c=d+e[f]{g}!@$%^&'~`.pdf", "\x7f.pdf"]
)
def test_names_with_other_characters_are_written(tmp_path: Path, name: str) -> None:
    assert check_output(tmp_path / name) == tmp_path / name


def test_the_audit_export_refuses_such_a_name_and_writes_nothing(tmp_path: Path) -> None:
    """The audit CSV is exported from the window only: the service refuses it the same way,
    and records no export."""
    from login_helpers import session_for

    from casa_desk.security import audit

    store = new_store(tmp_path / "ufficio.sqlite")
    try:
        session = session_for(store)
        exported = "SELECT count(*) AS n FROM audit_log WHERE action = 'exported'"
        before = store.query(exported)[0]["n"]
        with pytest.raises(OutputError) as refused:
            audit.export_csv(session, tmp_path / "registro|ottobre.csv")
        assert refused.value.code == "output_name_character"
        assert store.query(exported)[0]["n"] == before
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "registro" in p.name) == []
