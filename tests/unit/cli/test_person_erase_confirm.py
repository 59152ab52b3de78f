"""``casa-desk person erase`` asks before it erases, as the window does: an erasure cannot be
undone. Before, ``--reason`` alone erased at once. Now, without ``--yes``: on a terminal
(a real pseudo-terminal here) it says whom — the person's id and how many rows, never a
name — and erases only when her id or «si» is typed; with no terminal (a script) it
refuses in one line. Either refusal changes nothing."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from login_helpers import new_session, open_store
from terminal_helpers import at_terminal

from casa_desk.cli import main
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People

pty = pytest.importorskip("pty")  # POSIX only, like the terminals it stands for

ROOT = Path(__file__).resolve().parents[3]
REASON = "richiesta scritta n. 7"


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str]:
    """A store with one person and one contact of hers (2 rows): (path, her id)."""
    path = tmp_path / "store.sqlite"
    session = new_session(path)
    person = People(session.store).register(
        {"first_name": "Zebedeo", "last_name": "Quintiliani"}, presidio="SAN-SIRO"
    )
    Contacts(session.store).log(
        {"person_id": person["id"], "category": "manutenzione", "summary": "Guasto caldaia"},
        presidio="SAN-SIRO",
        operator="op.uno",
    )
    session.store.close()
    return path, person["id"]


def _last_name(path: Path, person_id: str) -> str | None:
    with open_store(path) as store:
        return People(store).get(person_id)["last_name"]


def _at_terminal(argv: list[str], answer: bytes) -> tuple[int, str]:
    """Run ``casa-desk argv`` on a pseudo-terminal, type ``answer`` once it asks."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
    status, out = at_terminal(argv, env, answer, "oppure «si»: ".encode())
    return status, out.replace("\r", "")


def _erase(path: Path, person_id: str) -> list[str]:
    return ["person", "erase", "--db", str(path), "--id", person_id, "--reason", REASON]


def test_without_a_terminal_and_without_yes_nothing_is_erased(
    store: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, person_id = store
    monkeypatch.setattr(sys, "stdin", io.StringIO("si\n"))  # a script's input: not an answer
    assert main(_erase(path, person_id)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"casa-desk: La cancellazione della persona {person_id} (2 righe che la riguardano) "
        "non si annulla: confermarla con --yes. Nulla è stato cambiato."
    ], err
    assert "Quintiliani" not in err[0]
    assert _last_name(path, person_id) == "Quintiliani"

    assert main([*_erase(path, person_id), "--yes"]) == 0
    assert "cancellati (2 righe)" in capsys.readouterr().out
    assert _last_name(path, person_id) is None


def test_a_bad_reason_is_said_before_any_question(
    store: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Refusals come before the confirmation: confirmed, then refused, would be a trap."""
    path, person_id = store
    argv = ["person", "erase", "--db", str(path), "--id", person_id, "--reason", "Quintiliani"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert "--yes" not in err and "motivo" in err.lower(), err
    assert _last_name(path, person_id) == "Quintiliani"


@pytest.mark.parametrize(
    ("answer", "erased"), [(b"no\n", False), (b"\x04", False), (b"si\n", True)]
)
def test_on_a_terminal_it_says_whom_and_asks(
    store: tuple[Path, str], answer: bytes, erased: bool
) -> None:
    path, person_id = store
    status, out = _at_terminal(_erase(path, person_id), answer)
    lines = [line for line in out.splitlines() if line.strip()]
    assert "Traceback" not in out and "Quintiliani" not in out, out
    assert lines[0] == (
        f"Da cancellare: la persona {person_id} (2 righe che la riguardano), qui e negli altri "
        "uffici alla prossima sincronizzazione. Non si annulla."
    ), lines
    if erased:
        assert status == 0, out
        assert lines[-1].startswith("Dati della persona cancellati (2 righe)"), lines
        assert _last_name(path, person_id) is None
    else:
        assert status == 1, out
        assert lines[-1] == "casa-desk: Cancellazione annullata: nulla è stato cambiato.", lines
        assert _last_name(path, person_id) == "Quintiliani"


def test_her_id_typed_confirms_too(store: tuple[Path, str]) -> None:
    path, person_id = store
    status, out = _at_terminal(_erase(path, person_id), person_id.encode() + b"\n")
    assert status == 0, out
    assert _last_name(path, person_id) is None
