"""Child process for the store-safety test: the real window, offscreen, on the store at
argv[1]. It opens the store as ``casa-desk`` does (``app.launch``), runs the integrity check
the window starts after showing itself, says ``ready``, and on a line from stdin takes the
"sent" step of the referral argv[2] on the Referrals page, says ``written`` and waits to be
killed."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from casa_desk.app import check_integrity_later, launch  # noqa: E402
from casa_desk.models.referrals import EventKind  # noqa: E402


def env_login(path, _settings):  # type: ignore[no-untyped-def]
    """A script logs in from ``CASA_DESK_USER``/``CASA_DESK_PASSWORD`` (the window's own
    login screen never reads a password from the environment)."""
    from casa_desk.security.access import unlock

    user = os.environ.get("CASA_DESK_USER") or "demo"
    return unlock(path, user, os.environ.get("CASA_DESK_PASSWORD", "demo"), check_integrity=False)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    launched = launch(sys.argv[1], "it", login=env_login)
    assert not isinstance(launched, int)
    window = launched.window
    window.show()
    check_integrity_later(window)  # check_store on a pool thread, as run_app does
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    page = window.page("referrals")
    assert page.select(sys.argv[2]), "referral not listed"
    print("ready", flush=True)
    sys.stdin.readline()  # meanwhile another process reads and backs the store up
    assert page.take_step(EventKind.SENT)
    app.processEvents()
    print("written", flush=True)
    time.sleep(600)  # until SIGKILL
