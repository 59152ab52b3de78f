"""Shared by the tests of what users install (the wheel in a fresh venv, the frozen bundle):
run a program outside the checkout, read its PDFs back."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
#: Synthetic office of the demo store the tests build.
OFFICE = "SAN-SIRO"
MONTH = "2026-10"
UNTIL = "2026-10-31"


def outside_env(home: Path) -> dict[str, str]:
    """The environment of a user's shell: no PYTHONPATH or venv of ours, data in ``home``,
    logged in as the demo store's documented default administrator (``demo``/``demo``)."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST", "QT_", "CASA_DESK"))
    }
    env.update(
        CASA_DESK_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        CASA_DESK_USER="demo",
        CASA_DESK_PASSWORD="demo",
    )
    return env


def run(
    command: list[str], cwd: Path, env: dict[str, str], *, expect: int = 0, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` and check its exit status; the failure message carries its output."""
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == expect, (
        f"{command[1:3]} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    )
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def embedded_fonts(path: Path) -> set[str]:
    """Base names of the fonts a PDF uses; each must carry its TrueType file (FontFile2)."""
    fonts = set()
    for page in PdfReader(path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts.add(str(font["/BaseFont"]))
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # Type0: the descendant font carries the descriptor
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    return fonts


def assert_report(path: Path) -> None:
    """The monthly report as a reader sees it, typeset in the DejaVu font shipped inside."""
    text = pdf_text(path)
    assert "Rapporto mensile di attività" in text
    assert "Presidio C.A.S.A. San Siro – ottobre 2026" in text
    assert "PR FSE+ 2021-2027" in text  # the programme a store reports to by default
    fonts = embedded_fonts(path)
    assert fonts and all("DejaVuSans" in name for name in fonts), fonts
