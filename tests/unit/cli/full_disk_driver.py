"""Run one casa-desk command on a real, full, small file system (inside ``unshare -rm``).

Usage: full_disk_driver.py MOUNTPOINT TEMPLATE_DIR JSON_SPEC

Mounts a tmpfs of a few MB at MOUNTPOINT (we are root in a private mount namespace, so nothing
outside sees it and it vanishes with the process). For each free space of the spec (KB): copies
the named template files in, fills the file system until a write fails with ENOSPC, frees that
much, runs ``python -m casa_desk`` with the arguments (``{dir}`` stands for the mount point).
Prints one JSON list: per run the exit status, stderr and the folder's fingerprint before and
after.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from corpus import copy_store, fingerprint

_FILLER = "riempitivo"


def fill(folder: Path) -> None:
    """Write until the disk is full: the next block anybody asks for is refused."""
    with (folder / _FILLER).open("wb", buffering=0) as handle:
        chunk = b"\0" * 65536
        while True:
            try:
                handle.write(chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
        for size in (4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError:
                continue


def main() -> int:
    mount, template, spec = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={spec['size_kb']}k", "tmpfs", str(mount)],
        check=True,
    )
    results = []
    for free_kb in spec["free_kb"]:
        for old in mount.iterdir():
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        for name in spec["files"]:
            copy_store(template / name, mount / name)  # a store with its key file
        fill(mount)
        filler = mount / _FILLER
        os.truncate(filler, max(0, filler.stat().st_size - free_kb * 1024))
        argv = [a.replace("{dir}", str(mount)) for a in spec["argv"]]
        before = fingerprint(mount, [])
        env = {**os.environ, "CASA_DESK_HOME": str(template / "home")}
        done = subprocess.run(
            [sys.executable, "-m", "casa_desk", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        after = fingerprint(mount, [])
        results.append(
            {
                "free_kb": free_kb,
                "status": done.returncode,
                "stderr": done.stderr,
                "before": before,
                "after": after,
            }
        )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
