"""argparse's own refusals in Italian, and the hint for ``--db`` written before the command.

The line once read "casa-desk report: errore: the following arguments are required: --db,
--out" — English inside an Italian line — and ``casa-desk --db X report …`` said ``--db`` was
missing although it had been given (before the command it names the window's store).
"""

from __future__ import annotations

import pytest

from casa_desk.cli import main


def refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["report", "--month", "2026-10"],
            "casa-desk report: errore: mancano gli argomenti obbligatori: --db, --out",
        ),
        (
            ["report", "--db", "a", "--out", "b", "--month", "2026-10"],
            "casa-desk report: errore: serve uno degli argomenti --presidio --all",
        ),
        (["report", "--db"], "casa-desk report: errore: argomento --db: serve un valore"),
        (
            ["--lang", "fr"],
            "casa-desk: errore: argomento --lang: scelta non valida: 'fr' (ammessi: 'it', 'en')",
        ),
        (
            ["report", "--db", "a", "--out", "b", "--month", "2026-10", "--all", "--zzz"],
            "casa-desk: errore: argomenti non riconosciuti: --zzz",
        ),
    ],
)
def test_argparse_refusals_are_italian(capsys, argv: list[str], line: str) -> None:
    assert refused(capsys, argv) == line


@pytest.mark.parametrize("db", [["--db", "archivio.sqlite"], ["--db=archivio.sqlite"]])
def test_db_before_the_command_is_pointed_out(capsys, db: list[str]) -> None:
    line = refused(capsys, [*db, "report", "--month", "2026-10", "--all"])
    assert line == (
        "casa-desk report: errore: mancano gli argomenti obbligatori: --db, --out "
        "(--db va scritto dopo il comando: casa-desk report --db …)"
    )
    # after the command, where it belongs, there is nothing to point out
    assert "va scritto" not in refused(capsys, ["report", "--month", "2026-10", "--all"])
