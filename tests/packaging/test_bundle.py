"""The desktop bundle an office PC gets: built with PyInstaller from packaging/casa_desk.spec,
then its executable run from a folder outside the checkout.

The bundle is built here (``tools/build_bundle.py``, about 65 s on the 2-core CI machine),
unless ``CASA_DESK_BUNDLE`` names one already built (the Windows workflow builds it once,
then runs these tests on it). The window is opened on Qt's ``minimal`` platform with
``QT_DEBUG_BACKINGSTORE`` set, which makes Qt itself save every frame it paints as a PNG:
the program under test is the shipped one, with no hook of ours.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_helpers import MONTH, OFFICE, ROOT, UNTIL, assert_report, outside_env, run
from PySide6.QtGui import QImage

import casa_desk

pytestmark = pytest.mark.slow

MAX_MB = 250  # unpacked, as the issue asks (tools/build_bundle.py refuses more too)
EXE = "casa-desk.exe" if sys.platform == "win32" else "casa-desk"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    given = os.environ.get("CASA_DESK_BUNDLE")
    if given:
        yield Path(given)
        return
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_bundle.py"), "--quiet"]
        + ["--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-5000:]
    shutil.rmtree(out / "work", ignore_errors=True)
    yield out / "dist" / "casa-desk"
    shutil.rmtree(out, ignore_errors=True)  # 210 MB on a disk other sessions share


@pytest.fixture(scope="module")
def desk(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A folder outside the checkout with a demo store made by the bundled executable."""
    work = tmp_path_factory.mktemp("bundle-desk")
    env = outside_env(work)
    exe = bundle / EXE
    run(
        [exe, "demo", "--db", "demo.sqlite", "--people", "300", "--contacts", "2000"]
        + ["--presidio", OFFICE, "--until", UNTIL],
        work,
        env,
    )
    return {"exe": exe, "work": work, "env": env}


def test_size_and_contents(bundle: Path) -> None:
    files = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink()]
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    assert size_mb < MAX_MB, f"{size_mb:.0f} MB"
    names = {f.relative_to(bundle).as_posix() for f in files}
    resources = "_internal/casa_desk/resources/"
    for name in ("fonts/DejaVuSans.ttf", "i18n/casa_desk_en.qm", "icons/casa-desk-32.png"):
        assert resources + name in names
    assert not [n for n in names if n.endswith(".ts")]
    # Qt modules casa_desk does not use stay out (PySide6-Essentials ships them all).
    for unused in ("QtQml", "QtQuick", "QtNetwork", "QtSql", "QtDesigner", "QtOpenGL"):
        assert not [n for n in names if f"/{unused}." in n], unused
    # Neither the GTK theme nor the GTK stack only it needed (20 MB, collected while
    # PyInstaller analysed the plugin, before the spec left the plugin out).
    gtk = ("libqgtk3", "libgtk-3", "libgdk-3", "libatk-1", "libpango-1", "libcairo.")
    assert not [n for n in names if Path(n).name.startswith(gtk)]
    if importlib.util.find_spec("sqlcipher3") is not None:
        assert [n for n in names if n.startswith("_internal/sqlcipher3/_sqlite3")]
    # reportlab's C accelerator, imported by a name PyInstaller cannot see (the spec names it)
    assert [n for n in names if n.startswith("_internal/_rl_accel.")]


def test_version(desk) -> None:
    done = run([desk["exe"], "--version"], desk["work"], desk["env"])
    assert done.stdout.strip() == f"casa-desk {casa_desk.__version__}"


def test_report(desk) -> None:
    run(
        [desk["exe"], "report", "--db", "demo.sqlite", "--month", MONTH, "--presidio", OFFICE]
        + ["--out", "report.pdf"],
        desk["work"],
        desk["env"],
    )
    assert_report(desk["work"] / "report.pdf")


def _window_frame(desk: dict, lang: str) -> QImage:
    """The last frame Qt painted of the bundled program, opened with ``--lang``."""
    folder = desk["work"] / f"window-{lang}"
    folder.mkdir()
    env = {**desk["env"], "QT_QPA_PLATFORM": "minimal", "QT_DEBUG_BACKINGSTORE": "1"}
    store = desk["work"] / "demo.sqlite"
    process = subprocess.Popen(
        [desk["exe"], "--db", str(store), "--lang", lang],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(folder.glob("output*.png")) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[1][-3000:]
            time.sleep(0.2)
        time.sleep(2)  # the search page settles; later frames only blink the caret
        assert process.poll() is None, process.communicate()[1][-3000:]
    finally:
        process.terminate()
        _out, errors = process.communicate(timeout=30)
    assert "Traceback" not in errors, errors[-3000:]
    frames = sorted(folder.glob("output*.png"))
    assert frames, errors[-3000:]
    image = QImage(str(frames[-2] if len(frames) > 1 else frames[-1]))  # the last may be cut
    assert not image.isNull()
    return image


def test_the_login_screen_opens_in_italian_and_english(desk) -> None:
    """The first thing the bundled program shows on an encrypted store is its login screen
    (nothing of the store before a password): in each language, with the bundle's English
    translation loaded."""
    italian, english = _window_frame(desk, "it"), _window_frame(desk, "en")
    assert italian.width() >= 400 and italian.height() >= 150
    assert len({italian.pixel(x, y) for x in range(0, italian.width(), 3) for y in range(40)}) > 20
    # The text above the fields differs only when the English translation shipped inside the
    # bundle was loaded.
    assert italian.copy(0, 0, italian.width(), 40) != english.copy(0, 0, english.width(), 40)


def test_linux_install_script_relocates_the_bundle(bundle: Path, desk, tmp_path: Path) -> None:
    staged = tmp_path / "root"
    script = ROOT / "packaging" / "linux" / "install.sh"
    done = subprocess.run(
        ["sh", str(script), str(bundle)],
        env={**desk["env"], "DESTDIR": str(staged)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    share = staged / "usr" / "local" / "share"
    entry = (share / "applications" / "casa-desk.desktop").read_text(encoding="utf-8")
    assert "Exec=casa-desk\n" in entry and "Icon=casa-desk\n" in entry
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "casa-desk.svg").is_file()
    assert os.readlink(staged / "usr" / "local" / "bin" / "casa-desk") == "/opt/casa-desk/casa-desk"
    # The copy runs from its new place, and through a symbolic link as from /usr/local/bin.
    link = tmp_path / "casa-desk"
    link.symlink_to(staged / "opt" / "casa-desk" / "casa-desk")
    version = run([link, "--version"], desk["work"], desk["env"])
    assert version.stdout.strip() == f"casa-desk {casa_desk.__version__}"
    removed = subprocess.run(
        ["sh", str(script), "--uninstall"],
        env={**desk["env"], "DESTDIR": str(staged)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert removed.returncode == 0, removed.stderr
    assert not (staged / "opt" / "casa-desk").exists()
    assert not (share / "applications" / "casa-desk.desktop").exists()
