"""``casa-desk hub …`` where the hub's server stack is not installed, as in the office PCs'
bundle (packaging/casa_desk.spec leaves fastapi, uvicorn, sqlalchemy and casa_desk.sync.hub
out): one Italian line and a non-zero status, whatever follows ``hub``, never argparse's usage
message or a traceback. tests/packaging/test_bundle.py checks the same on the real bundle.

Only the module lookup is simulated: ``find_spec``, as ``casa_desk.cli.hub`` sees it, finds
none of the hub's modules; everything else runs as it would.
"""

from __future__ import annotations

import importlib.util

import pytest

from casa_desk.cli import hub, main

LINE = (
    "casa-desk: Il server della sede non fa parte dell'installazione dell'ufficio: "
    "si installa in sede con il pacchetto Python (docs/deploy.md)."
)


@pytest.fixture
def no_hub(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> object:
        return None if name in hub.HUB_MODULES else real(name, package)

    monkeypatch.setattr(hub, "find_spec", find_spec)


def test_the_hub_is_installed_here() -> None:
    """The development install carries the hub: the simulation below is what changes it."""
    assert hub.hub_installed()


@pytest.mark.parametrize(
    "argv",
    [
        ["hub", "serve"],
        ["hub", "serve", "--db", "hub.sqlite", "--port", "8765"],
        ["hub", "device-add", "--presidio", "SAN-SIRO"],
        ["hub"],
        ["hub", "--help"],
        ["hub", "--no-such-option"],
        ["--lang", "it", "hub", "serve"],
    ],
    ids=" ".join,
)
def test_one_line_and_a_non_zero_status(
    no_hub: None, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert not hub.hub_installed()
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", LINE + "\n")


def test_a_single_missing_module_is_enough(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Any install that lacks one of them (not only the bundle) gets the same line."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        hub, "find_spec", lambda name, *rest: None if name == "uvicorn" else real(name, *rest)
    )
    assert main(["hub", "serve"]) == 1
    assert capsys.readouterr().err == LINE + "\n"


def test_the_help_lists_hub_as_not_installed(
    no_hub: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    listed = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["hub", "il", "server", "della", "sede:", "non", "incluso"] in [
        words[:7] for words in listed
    ]


def test_a_store_named_hub_is_not_the_hub_command(
    no_hub: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--db hub`` names a store: the command is the one after it."""
    with pytest.raises(SystemExit) as stopped:
        main(["--db", "hub", "report", "--month", "2026-10"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith("casa-desk report: errore: mancano")
    assert main(["--db", "hub", "hub", "serve"]) == 1
    assert capsys.readouterr().err == LINE + "\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["--db=hub", "hub", "serve"],
        ["--d", "hub", "hub", "serve"],  # argparse reads --d as --db: hub is the store
        ["--db", "archivio.sqlite", "--lang", "en", "hub", "device-list"],
        ["--lang=it", "--db", "hub", "hub"],
    ],
    ids=" ".join,
)
def test_options_before_hub_in_any_shape(
    no_hub: None, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: ``--d hub hub serve`` was cut after the store's name and opened the window on
    a store called ``hub`` (argparse takes ``--d`` for ``--db``)."""
    assert main(argv) == 1
    assert capsys.readouterr() == ("", LINE + "\n")
