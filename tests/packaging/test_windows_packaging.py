"""The Windows installer's files agree with the Linux build that does run here (issue 12).

Neither Inno Setup nor a Windows runner is available on these machines, so the installer has
never been built here (docs/install.md). What can be checked is that its script and its
workflow name the same things as the bundle `make dist` builds and tests: the folder and
executable of packaging/casa_desk.spec, the version of the package, the data-folder variable
casa_desk reads, the icon, and the test the workflow runs on the bundle. A rename on one side
then fails here instead of on the first Windows build.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from casa_desk import __version__, paths

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "casa_desk.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"
SPEC = ROOT / "packaging" / "casa_desk.spec"


def _iss() -> str:
    return ISS.read_text(encoding="utf-8")


def _defines() -> dict[str, str]:
    return dict(re.findall(r'#define\s+(\w+)\s+"([^"]*)"', _iss()))


def _section(name: str) -> list[str]:
    text = _iss().split(f"[{name}]", 1)[1]
    text = text.split("\n[", 1)[0]
    return [line for line in text.splitlines() if line.strip() and not line.startswith(";")]


def test_the_installer_packs_the_bundle_the_spec_builds() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    names = set(re.findall(r'name="([^"]+)"', spec))
    assert names == {"casa-desk"}, "the spec names one folder and one executable"
    assert _defines()["BundleDir"].replace("\\", "/").endswith("dist/casa-desk")
    for line in _section("Icons"):
        assert 'Filename: "{app}\\casa-desk.exe"' in line
    assert "UninstallDisplayIcon={app}\\casa-desk.exe" in _iss()


def test_the_default_version_is_the_packages() -> None:
    """The workflow passes /DAppVersion from casa_desk.__version__; a build without it
    must not name another version."""
    assert _defines()["AppVersion"] == __version__
    assert "casa_desk.__version__" in WORKFLOW.read_text(encoding="utf-8")


def test_the_data_folder_is_per_machine_named_to_the_program_and_kept_on_uninstall() -> None:
    data_dir = _defines()["DataDir"]
    assert data_dir.startswith("{commonappdata}")
    dirs = _section("Dirs")
    assert any("{#DataDir}" in line and "uninsneveruninstall" in line for line in dirs)
    assert not any("{#DataDir}" in line for line in _section("InstallDelete"))
    assert "[UninstallDelete]" not in _iss()
    registry = " ".join(_section("Registry"))
    variable = re.search(r'ValueName: "(\w+)"', registry)
    assert variable is not None and variable.group(1) == "CASA_DESK_HOME"
    # the variable is the one casa_desk reads for its data folder
    assert "CASA_DESK_HOME" in Path(paths.__file__).read_text(encoding="utf-8")
    assert 'ValueData: "{#DataDir}"' in registry


def test_the_start_menu_entry_and_the_icon_exist() -> None:
    assert any(line.startswith('Name: "{autoprograms}') for line in _section("Icons"))
    icon = re.search(r"SetupIconFile=(\S+)", _iss())
    assert icon is not None
    ico = (ISS.parent / icon.group(1)).read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 1  # an ICO file with at least one image
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes, f"icon sizes {sorted(sizes)}"


@pytest.mark.parametrize(
    "path",
    ["tools/build_bundle.py", "tests/packaging/test_bundle.py", "packaging/windows/casa_desk.iss"],
)
def test_the_workflow_runs_files_that_exist(path: str) -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert path.replace("/", "\\") in workflow or path in workflow
    assert (ROOT / path).is_file()


def test_the_workflow_tells_the_bundle_test_where_the_bundle_is() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    assert "CASA_DESK_BUNDLE" in workflow
    assert "CASA_DESK_BUNDLE" in (ROOT / "tests/packaging/test_bundle.py").read_text()
    assert re.search(r"CASA_DESK_BUNDLE: .*dist\\casa-desk", workflow)
