"""Build the one-folder desktop bundle of casa_desk with PyInstaller.

    python tools/build_bundle.py                 # -> dist/casa-desk/  (what `make dist` runs)
    python tools/build_bundle.py --dist DIR --work DIR

The same ``packaging/casa_desk.spec`` serves Linux (here, and in the tests) and Windows
(``.github/workflows/windows.yml``, then Inno Setup). The bundle holds one executable,
``casa-desk`` (``casa-desk.exe``), which is the ``casa-desk`` command: with no subcommand it
opens the window. The build fails when the unpacked folder passes :data:`MAX_MB`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "casa_desk.spec"
NAME = "casa-desk"
#: The unpacked bundle stays under this (issue 12); about 190 MB on Linux today, without the hub
#: and the test tools.
MAX_MB = 250


def folder_size(path: Path) -> int:
    """Bytes of every file under ``path`` (what the office PC's disk holds once unpacked)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(dist: Path, work: Path, *, quiet: bool = False) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder (``dist/casa-desk``)."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN" if quiet else "INFO",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work"
    )
    parser.add_argument("--quiet", action="store_true", help="PyInstaller warnings only")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        bundle = build(args.dist, args.work, quiet=args.quiet)
    except subprocess.CalledProcessError as exc:
        print(f"build_bundle: PyInstaller non riuscito (uscita {exc.returncode})", file=sys.stderr)
        return 1
    size_mb = folder_size(bundle) / 1e6
    print(f"Pacchetto in {bundle}: {size_mb:.0f} MB in {time.monotonic() - started:.0f} s")
    if size_mb > MAX_MB:
        print(f"build_bundle: il pacchetto supera {MAX_MB} MB", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
