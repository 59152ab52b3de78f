"""Rebuild the translations: extract every UI string into the .ts sources, compile the .qm.

    python resources/i18n/build.py            # lupdate + lrelease
    python resources/i18n/build.py --release  # lrelease only (after editing a .ts)

Strings are found by ``pyside6-lupdate`` in ``self.tr()`` calls (context = class name) and
``QCoreApplication.translate("Context", "text")`` calls of ``casa_desk/ui`` and
``casa_desk/app.py``. Italian is the source language: ``casa_desk_it.ts`` carries only the
plural forms, ``casa_desk_en.ts`` the English text (edit it with ``pyside6-linguist``).
Existing translations are kept; strings no longer in the code are dropped.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("en", "it")


def tool(name: str) -> str:
    """``pyside6-<name>`` from the running venv, else from PATH."""
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    if candidate.exists():
        return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} non trovato: installare PySide6 nel venv.")
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "casa_desk" / "ui").glob("*.py"))
    files.append(ROOT / "casa_desk" / "app.py")
    return [str(f) for f in files]


def ts_path(language: str) -> Path:
    return HERE / f"casa_desk_{language}.ts"


def update() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [tool("lupdate"), *sources(), "-source-language", "it", "-target-language", language,
             "-no-obsolete", "-locations", "none", "-ts", str(ts_path(language))],
            check=True,
        )


def release() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts_path(language)), "-qm",
             str(HERE / f"casa_desk_{language}.qm")],
            check=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile only")
    args = parser.parse_args()
    if not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
