"""The window's store is only ever touched through SQLite (sqlite.org, "How To Corrupt An
SQLite Database File", §2.2: closing any descriptor of the file drops the process's POSIX
locks). Reproduced: the window open; ``casa-desk backup`` and ``casa-desk report`` in other
processes; a referral step in the window; ``kill -9``. The step must be there afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from login_helpers import new_store, open_store

from casa_desk.models.ids import stable_id
from casa_desk.models.referrals import Status
from casa_desk.models.timeutil import today_rome
from casa_desk.store.consents import Consents, referral_purpose
from casa_desk.store.people import People
from casa_desk.store.referrals import Referrals

ROOT = Path(__file__).resolve().parents[2]
SOCIAL = stable_id("services", "comune-servizi-sociali")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "casa_desk", *args],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_step_taken_in_the_window_survives_other_processes_and_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    with new_store(path) as store:
        store.set_meta("presidio", "SAN-SIRO")
        store.set_meta("operator", "op.desk")
        person = People(store).register(
            {"first_name": "Prova", "last_name": "Sicurezza"}, presidio="SAN-SIRO"
        )
        Consents(store).give(
            person["id"],
            referral_purpose(SOCIAL),
            text="Consenso all'invio.",
            presidio="SAN-SIRO",
            operator="op.desk",
        )
        referral = Referrals(store).create(
            person_id=person["id"],
            service_id=SOCIAL,
            reason="Sostegno",
            presidio="SAN-SIRO",
            by="op.desk",
        )
    command = [sys.executable, str(ROOT / "tests" / "ui" / "window_process.py"), str(path)]
    with subprocess.Popen(
        [*command, referral["id"]],
        env=_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    ) as window:
        try:
            assert window.stdout is not None and window.stdin is not None
            assert window.stdout.readline().strip() == "ready", window.stderr
            # another process reads the store and backs it up while the window holds it
            month = (today_rome().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
            backup = _cli("backup", "--db", str(path), "--out", str(tmp_path / "copia.sqlite"))
            assert backup.returncode == 0, backup.stderr
            report = _cli(
                "report", "--db", str(path), "--month", month, "--presidio", "SAN-SIRO",
                "--out", str(tmp_path / "rapporto.pdf"),
            )  # fmt: skip
            assert report.returncode == 0, report.stderr
            window.stdin.write("go\n")
            window.stdin.flush()
            assert window.stdout.readline().strip() == "written"
        finally:
            window.send_signal(signal.SIGKILL)  # a real, abrupt kill, before any checkpoint
            window.wait(30)
    with open_store(path) as store:  # integrity check included
        assert Referrals(store).status(referral["id"]) == Status.SENT
    with open_store(tmp_path / "copia.sqlite") as copy:  # the backup is a whole store
        assert Referrals(copy).status(referral["id"]) == Status.DRAFT
