"""A registry file within the size cap but shaped as no export is — millions of tiny rows,
or rows of thousands of cells — is refused or read within the memory of an office PC.

The 64 MB cap holds a real export of some 300,000 people (about 200 bytes a row). Filled
with the shortest rows instead, the same 64 MB were 2.9 million records, all kept, each
refused or matched: ``import-people`` took a minute and 2.2 GB (an office PC with 4 GB ends
in a MemoryError, a traceback). Rows of one letter and 9,990 separators (a spreadsheet's
empty columns, or a file made to hurt) kept every empty cell: 964 MB for 64 MB of file.
Now a file of more records than any export has is refused with one line before anything
else, and cells past the header's that hold nothing are dropped as they are read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from login_helpers import new_store

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="the peak is read from /proc"
)

ROOT = Path(__file__).resolve().parents[3]
HEADER = "cognome;nome;codice_fiscale;data_nascita\n"
#: The child runs the command as the console does, then says its peak memory (KiB): its
#: own VmHWM, not ``ru_maxrss``, which Linux carries over an exec from the forking process
#: (a pytest worker that had grown to 1.2 GB made every child "peak" at 1.2 GB).
_RUN = (
    "import sys\n"
    "from casa_desk.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "with open('/proc/self/status', encoding='ascii') as status:\n"
    "    peak = next(line.split()[1] for line in status if line.startswith('VmHWM:'))\n"
    "print(peak, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
#: Far above what the command needs for a real export of this size (~250 MB at 64 MB).
PEAK_KIB = 450 * 1024


def _fill(path: Path, row: str, size: int = 64 * 1024 * 1024 - 1024) -> int:
    count = (size - len(HEADER)) // len(row)
    path.write_text(HEADER + row * count, "utf-8")
    return count


def _dry_run(tmp_path: Path, csv: Path) -> tuple[int, str, list[str], int]:
    store = tmp_path / "ufficio.sqlite"
    new_store(store).close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "import-people", str(csv), "--db", str(store),
         "--dry-run"],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, check=False,
    )  # fmt: skip
    *said, peak = done.stderr.splitlines()
    return done.returncode, done.stdout, said, int(peak)


@pytest.mark.slow
def test_millions_of_tiny_rows_are_refused_with_one_line(tmp_path: Path) -> None:
    csv = tmp_path / "anagrafe.csv"
    _fill(csv, "Rossi;Anna;;01/01/1980\n")
    code, out, said, peak = _dry_run(tmp_path, csv)
    assert (code, out) == (1, "")
    assert said == [
        "casa-desk: anagrafe.csv ha più di 400.000 righe di dati: non è un'esportazione "
        "dell'anagrafe di un ufficio. La divida in più file."
    ]
    assert peak < PEAK_KIB, peak


@pytest.mark.slow
def test_rows_of_thousands_of_empty_cells_are_read_in_little_memory(tmp_path: Path) -> None:
    csv = tmp_path / "anagrafe.csv"
    count = _fill(csv, "Rossi" + ";" * 9_990 + "\n")
    code, out, said, peak = _dry_run(tmp_path, csv)
    assert code == 2 and said == []
    assert f"Riga {count + 1}, nome: Il nome è obbligatorio." in out
    assert "La riga ha" not in out  # the empty cells past the header's are no fields
    assert peak < PEAK_KIB, peak


@pytest.mark.slow
def test_rows_of_thousands_of_cells_are_refused_row_by_row_in_little_memory(
    tmp_path: Path,
) -> None:
    csv = tmp_path / "anagrafe.csv"
    count = _fill(csv, "x;" * 4_995 + "x\n")
    code, out, said, peak = _dry_run(tmp_path, csv)
    assert code == 2 and said == []
    assert f"Riga {count + 1}: La riga ha 4996 campi invece di 4: " in out
    assert peak < PEAK_KIB, peak
