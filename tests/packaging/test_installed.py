"""What an office installs: the wheel, in a fresh virtual environment outside the checkout.

CI used to test only the editable install, so a wheel without its fonts and translations
went unnoticed (a reportlab traceback on ``report``, Italian instead of English). Here the
wheel is built from a copy of the source tree, installed with its dependencies from the
package registry into a new venv under a temporary folder, and every command runs from a
folder outside the checkout, where the source tree cannot be imported.

Time: about 10 s to build the wheel, 30–40 s to install it with PySide6, 10 s for the
commands (measured on the 2-core CI machine).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging_helpers import MONTH, OFFICE, ROOT, UNTIL, assert_report, outside_env, pdf_text, run

import casa_desk

pytestmark = pytest.mark.slow

#: Not part of what the wheel is built from (caches, venvs, earlier builds).
_NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "out",
    "*.sqlite*",
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh venv holding the wheel and its dependencies; yields its bin/Scripts folder
    (and removes the venv afterwards: half a gigabyte on a disk other sessions share)."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    wheels = base / "wheels"
    pip_quiet = ["--quiet", "--disable-pip-version-check"]
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *pip_quiet, "--no-deps", "-w", wheels, source],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("casa_desk-*.whl")
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    subprocess.run(
        [bin_dir / "python", "-m", "pip", "install", *pip_quiet, wheel],
        check=True,
        capture_output=True,
    )
    yield bin_dir
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def desk(installed: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A folder outside the checkout with a small demo store made by the installed command."""
    work = tmp_path_factory.mktemp("desk")
    env = outside_env(work)
    run(
        [installed / "casa-desk", "demo", "--db", "demo.sqlite", "--people", "300"]
        + ["--contacts", "2000", "--presidio", OFFICE, "--until", UNTIL],
        work,
        env,
    )
    return {"work": work, "env": env, "bin": installed}


def _python(desk: dict, code: str) -> str:
    done = run([desk["bin"] / "python", "-c", code], desk["work"], desk["env"])
    return done.stdout.strip()


def test_the_installed_package_is_not_the_checkout(desk) -> None:
    where = Path(_python(desk, "import casa_desk; print(casa_desk.__file__)"))
    assert not where.is_relative_to(ROOT)
    assert where.is_relative_to(desk["bin"].parent)
    resources = Path(_python(desk, "from casa_desk import paths; print(paths.resources_dir())"))
    for name in (
        "fonts/DejaVuSans.ttf",
        "fonts/DejaVuSans-Bold.ttf",
        "i18n/casa_desk_en.qm",
        "samples/anagrafe_esempio.csv",
        "icons/casa-desk-256.png",
    ):
        assert (resources / name).is_file(), name
    assert not list(resources.rglob("*.ts"))  # translation sources stay in the repository


def test_reportlab_draws_with_its_c_accelerator(desk) -> None:
    """reportlab[accel]: without rl_accel every PDF is drawn by reportlab's pure-Python
    fallbacks (number formatting, string widths, ASCII85), twice as slowly."""
    code = (
        "import _rl_accel; from reportlab.lib import rl_accel as r; "
        "print(r.fp_str is _rl_accel.fp_str)"
    )
    assert _python(desk, code) == "True"


def test_version(desk) -> None:
    done = run([desk["bin"] / "casa-desk", "--version"], desk["work"], desk["env"])
    assert done.stdout.strip() == f"casa-desk {casa_desk.__version__}"


def test_report_reads_back_with_the_shipped_font(desk) -> None:
    work = desk["work"]
    run(
        [desk["bin"] / "casa-desk", "report", "--db", "demo.sqlite", "--month", MONTH]
        + ["--presidio", OFFICE, "--out", "report.pdf", "--csv", "report.csv"],
        work,
        desk["env"],
    )
    assert_report(work / "report.pdf")
    assert (work / "report.csv").read_text(encoding="utf-8").count("\n") > 10


def test_letter(desk) -> None:
    referral = _python(
        desk,
        "from casa_desk.security.access import unlock\n"
        "with unlock('demo.sqlite', 'demo', 'demo').store as s:\n"
        "    print(s.db.execute('SELECT id FROM referrals WHERE sensitive = 0"
        " ORDER BY id LIMIT 1').fetchone()[0])",
    )
    run(  # demo may not see sensitive content: a riservato person's letter asks a reason
        [desk["bin"] / "casa-desk", "letter", "--db", "demo.sqlite", "--referral", referral]
        + ["--out", "letter.pdf", "--break-glass", "verifica del pacchetto installato"],
        desk["work"],
        desk["env"],
    )
    text = pdf_text(desk["work"] / "letter.pdf")
    assert "Oggetto: invio di una persona al vostro servizio" in text
    assert "Motivo dell'invio" in text


def test_a_persons_text_prints_in_other_scripts(desk) -> None:
    """The fallback fonts ship in the wheel and its dependencies shape and order Arabic."""
    _python(
        desk,
        "from casa_desk.reports import person_file as f\n"
        "person = {'first_name': '小明', 'last_name': 'عبد الله', 'notes': 'ተስፋዬ রহিম 👍',"
        " 'presidio': 'SAN-SIRO'}\n"
        "open('scripts.pdf', 'wb').write(f.render(f.PersonFile(person=person)))",
    )
    text = pdf_text(desk["work"] / "scripts.pdf")
    assert "小明" in text and "ተስፋዬ" in text and "[U+1F44D]" in text
    assert "عبد الله" in unicodedata.normalize("NFKC", text)
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in text)  # joined Arabic letters


def test_import_people_on_the_shipped_sample(desk) -> None:
    sample = Path(_python(desk, "from casa_desk import paths; print(paths.sample_path())"))
    assert sample.is_relative_to(desk["bin"].parent)
    # The sample carries three deliberately bad rows: exit 2, each reported by its line.
    done = run(
        [desk["bin"] / "casa-desk", "import-people", str(sample), "--db", "demo.sqlite"],
        desk["work"],
        desk["env"],
        expect=2,
    )
    assert "Importate 7 nuove persone" in done.stdout
    assert done.stdout.count("Riga ") == 3


def _window(desk, lang: str) -> dict:
    probe = desk["work"] / "window_probe.py"
    shutil.copyfile(Path(__file__).with_name("window_probe.py"), probe)
    done = run([desk["bin"] / "python", probe, "demo.sqlite", lang], desk["work"], desk["env"])
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert not Path(shown["casa_desk"]).is_relative_to(ROOT)
    assert shown["icon"] == [16, 24, 32, 48, 64, 128, 256]
    return shown


def test_window_in_english(desk) -> None:
    shown = _window(desk, "en")
    assert shown["tabs"] == ["People", "Referrals", "Agenda", "Services", "Monthly report", "Sync"]
    assert shown["menus"] == ["&File", "&View"]
    assert shown["search"].startswith("Search by surname")
    assert "Presidio C.A.S.A. San Siro" in shown["status"]
    assert any(text.startswith("Operator: ") for text in shown["status"])


def test_window_in_italian(desk) -> None:
    shown = _window(desk, "it")
    assert shown["tabs"][:2] == ["Persone", "Segnalazioni"]
    assert shown["menus"] == ["&Archivio", "&Visualizza"]
    assert shown["search"].startswith("Cerca per cognome")
    assert shown["title"] == "casa_desk – Presidio C.A.S.A. San Siro"
