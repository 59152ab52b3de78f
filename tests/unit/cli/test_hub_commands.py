"""``casa-desk hub …`` details that the bad-input corpus does not reach: a blank ``--db``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from corpus import busy_port

from casa_desk import paths
from casa_desk.cli import build_parser, main

#: What each hub subcommand needs besides ``--db`` to get as far as opening the hub.
_REST = {
    "serve": ["--port", "{busy}"],  # a busy port: serving never starts, with or without --db
    "device-add": ["--presidio", "SAN-SIRO"],
    "device-code": ["0190"],
    "device-revoke": ["0190"],
    "device-list": [],
    "new-epoch": [],
    "backup": ["--out", "{tmp}/copia.sqlite"],
    "esf-duplicates": [],
    "import-bundle": ["{tmp}/push.casa", "--reply", "{tmp}/risposta.casa"],
}


def _hub_commands_with_db() -> list[str]:
    parser = build_parser()
    hub = parser._subparsers._group_actions[0].choices["hub"]  # noqa: SLF001 - no API
    sub = next(a for a in hub._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return [
        name
        for name, p in sub.choices.items()
        if any("--db" in a.option_strings for a in p._actions)  # noqa: SLF001
    ]


def test_every_hub_command_with_db_is_covered() -> None:
    assert set(_hub_commands_with_db()) <= set(_REST)


@pytest.mark.parametrize("blank", ["", "  "], ids=["empty", "blank"])
@pytest.mark.parametrize("command", _hub_commands_with_db())
def test_a_blank_db_is_refused(
    command: str,
    blank: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--db "$CASA_DESK_HUB_DB"`` with the variable blank once made (and served) a new,
    empty hub in the data folder: refused in one line, nothing made there."""
    monkeypatch.chdir(tmp_path)  # a blank path is relative: it would land here
    (tmp_path / "push.casa").write_bytes(b"x")
    sock, busy = busy_port()
    try:
        rest = [a.format(busy=busy, tmp=tmp_path) for a in _REST[command]]
        status = main(["hub", command, "--db", blank, *rest])
    finally:
        sock.close()
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == 1
    assert lines == [
        "casa-desk: Database della sede non indicato: --db è vuoto (variabile "
        "CASA_DESK_HUB_DB non impostata?). Indicare un file SQLite oppure "
        "postgresql://utente@host:porta/db."
    ]
    assert not paths.default_hub_path().exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["push.casa"]
