"""What the command line loads before it knows which command runs (issue 12: start-up).

``casa-desk --help`` once took 0.3 s more than it needed because registering one subcommand
(``person``) imported its whole implementation, reportlab and the store with it. Each
subcommand imports what it needs when it runs; these tests run a fresh interpreter, so a
module-level import anywhere under ``casa_desk.cli`` that drags a heavy library in fails here.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

#: Libraries no command needs before its handler runs (each costs 10–130 ms to import).
HEAVY = (
    "PySide6",
    "reportlab",
    "sqlite_utils",
    "sqlcipher3",
    "argon2",
    "cryptography",
    "fastapi",
    "sqlalchemy",
    "uvicorn",
    "httpx",
    "pydantic",
)

PROBE = """
import sys
from casa_desk.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("LOADED", " ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def loaded_after(*argv: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("LOADED"))
    return set(line.split()[1:])


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("--version",),
        ("report", "--help"),
        ("person", "export", "--help"),
        ("retention", "--help"),
        ("hub", "serve", "--help"),
        ("sync", "--help"),
    ],
    ids=" ".join,
)
def test_help_and_version_load_no_heavy_library(argv: tuple[str, ...]) -> None:
    heavy = loaded_after(*argv) & set(HEAVY)
    assert not heavy, f"casa-desk {' '.join(argv)} imported {sorted(heavy)}"


def test_the_probe_sees_what_is_loaded() -> None:
    """A vacuous probe (nothing recorded, a misspelt library) would pass everything above."""
    assert {"casa_desk", "argparse"} <= loaded_after("--version")
    assert all(importlib.util.find_spec(name) is not None for name in HEAVY)
