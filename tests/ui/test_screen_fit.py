"""The window fits the screen it is on (issue 9, item 3), checked in a child process whose
offscreen screen has a real desk's size — smaller than the window's default — because the
test process's screen (800×600) cannot change once Qt runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casa_desk.store.consents import Consents
from casa_desk.store.directory import Directory
from casa_desk.store.people import People
from casa_desk.ui.screen_fit import FRAME_ALLOWANCE

PROBE = Path(__file__).with_name("screen_probe.py")


@pytest.fixture
def crowded(demo) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    """A store whose first card has twelve household members and fourteen consents (the
    child process opens it beside this one, which only reads it from now on)."""
    path = demo.store.path
    arianna = demo.ids["Quarzolini Arianna"]
    people = People(demo.store)
    for number in range(12):
        people.register(
            {
                "last_name": "Quarzolini",
                "first_name": f"Figlio{number}",
                "unit_code": "SS-0101-A",
                "tenancy_role": "componente",
            },
            presidio="SAN-SIRO",
        )
    for service in Directory(demo.store).services("")[:14]:
        Consents(demo.store).give(
            arianna,
            "referral:" + service["id"],
            text="Consenso.",
            presidio="SAN-SIRO",
            operator="op.desk",
        )
    return path, arianna


def _probe(
    tmp_path: Path,
    home: Path,
    store: Path,
    person: str,
    screen: tuple[int, int],
    *extra: str,
    lang: str = "",
) -> dict:
    config = tmp_path / f"screen-{screen[0]}x{screen[1]}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "desk",
                        "x": 0,
                        "y": 0,
                        "width": screen[0],
                        "height": screen[1],
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env["CASA_DESK_HOME"] = str(home)
    env["PROBE_LANG"] = lang
    done = subprocess.run(
        [sys.executable, str(PROBE), str(store), person, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("screen", [(1024, 768), (1366, 768)])
def test_every_page_is_usable_on_a_desk_screen(tmp_path, crowded, screen) -> None:
    store, person = crowded
    seen = _probe(tmp_path, tmp_path / "home", store, person, screen)
    assert seen["inside"], seen["frames"]
    # The crowded card does not make the window grow: it scrolls inside.
    assert len({tuple(f) for f in seen["frames"].values()}) == 1, seen["frames"]
    width, height = seen["window"]
    x, _y, w, _h = seen["register_button"]
    assert x + w <= width  # "Nuova persona" on screen
    assert seen["status_bar"][1] + seen["status_bar"][3] <= height
    assert seen["detail"][1] + seen["detail"][3] <= height  # the notes and "Mostra"
    assert seen["summary_column"] >= 180  # not 70 px at 1024×768


def test_a_remembered_size_bigger_than_the_screen_is_ignored(tmp_path, crowded) -> None:
    store, person = crowded
    home = tmp_path / "home"
    big = _probe(tmp_path, home, store, person, (1920, 1200), "1180x879")
    assert big["inside"]
    small = _probe(tmp_path, home, store, person, (1024, 600))
    assert small["inside"], small["frames"]
    # Room left for a real window manager's title bar and borders, not only Qt's own frame.
    assert small["window"][1] + FRAME_ALLOWANCE.height() <= 600
    assert small["minimum"][1] < 600


def test_in_this_process_a_remembered_oversize_window_comes_back_inside(qtbot, demo) -> None:
    from PySide6.QtCore import QRect

    from casa_desk.app import build_window
    from casa_desk.ui.tasks import SyncRunner

    first = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(first)
    first.show()
    area = first.screen().availableGeometry()
    first.setGeometry(0, 0, area.width() + 380, area.height() + 120)
    first.close()  # remembers the oversize geometry
    second = build_window(demo.session, runner=SyncRunner())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert QRect(area).contains(second.frameGeometry())
    assert second.height() + FRAME_ALLOWANCE.height() <= area.height()


@pytest.mark.parametrize("lang", ["it", "en"])
def test_search_results_fit_the_smallest_desk(tmp_path, crowded, lang) -> None:
    """At 1024×768 the results needed a horizontal scroll bar and the unit ("Alloggio")
    was half hidden: every column is on screen, and a codice fiscale, a date, a phone, a
    unit code and "Persona riservata" are whole — also with the layout remembered from
    the day before."""
    store, person = crowded
    home = tmp_path / "home"
    for day in ("first", "next"):
        seen = _probe(tmp_path, home, store, person, (1024, 768), lang=lang)["search"]
        assert seen["rows"] > 10, day
        assert not seen["scroll_bar"], (day, seen)
        assert seen["length"] <= seen["viewport"], (day, seen)
        for column in (0, 2, 3, 4, 6):  # surname (masked), cf, birth date, phone, unit
            assert seen["needs"][column] + 8 <= seen["sections"][column], (day, column, seen)
        assert seen["sections"][5] >= 200, (day, seen)  # the address keeps room too
