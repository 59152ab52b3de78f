"""What ``casa-desk import-people`` repeats of a file's header reaches the terminal as text,
never as the terminal's own commands.

The names of the columns it ignores (and of one given twice) come from the file, which comes
from outside the desk. Printed as they were, an escape sequence in a header cell — up to one
control character per hundred passes the "is this text" check — retitled the terminal,
cleared it, or coloured everything after it (OSC 52 would even set the clipboard); a bidi
override reversed the line. They are now shown with such characters written out.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from login_helpers import new_store

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = "\x1b]0;titolo\x07\x1b[2J\x1b[31mrosso\u202e"
ROWS = "".join(f"Rossi{n}\tAnna\t\t01/01/1980\tx\n" for n in range(30))


def _import(tmp_path: Path, header: str) -> subprocess.CompletedProcess[str]:
    store = tmp_path / "ufficio.sqlite"
    new_store(store).close()
    csv = tmp_path / "anagrafe.csv"
    csv.write_text(header + "\n" + ROWS, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "casa_desk", "import-people", str(csv), "--db", str(store),
         "--dry-run"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, check=False,
    )  # fmt: skip


def _plain(text: str) -> bool:
    return all(c.isprintable() or c == "\n" for c in text)


def test_an_ignored_columns_name_is_shown_with_its_control_characters_written_out(
    tmp_path: Path,
) -> None:
    done = _import(tmp_path, f"cognome\tnome\tcodice_fiscale\tdata_nascita\t{HOSTILE}")
    assert done.returncode == 0, done.stderr
    assert _plain(done.stdout) and _plain(done.stderr)
    assert "Colonne ignorate: \\x1b]0" in done.stdout
    assert "\\x1b[31mrosso\\u202e." in done.stdout


def test_a_column_given_twice_is_named_with_its_control_characters_written_out(
    tmp_path: Path,
) -> None:
    name = "\x1b[8mnascosta"
    done = _import(tmp_path, f"cognome\tnome\tcodice_fiscale\tdata_nascita\t{name}\t{name}")
    assert done.returncode == 1
    assert _plain(done.stderr)
    assert done.stderr == (
        "casa-desk: La colonna \\x1b[8mnascosta compare due volte nell'intestazione.\n"
    )
