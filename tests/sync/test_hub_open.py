"""Opening the hub's database: a failure names its cause, never a password."""

from __future__ import annotations

from typing import Any

import pytest

from casa_desk.cli import main
from casa_desk.errors import SyncError
from casa_desk.sync.hub.db_errors import driver_line, explained
from casa_desk.sync.hub.storage import HubStore

SECRET = "segreto%40di-prova"  # percent-encoded in the URL: "segreto@di-prova" to libpq


def test_a_connection_failure_says_the_drivers_cause(pg_server: Any) -> None:
    """The message was "Database della sede non raggiungibile: OperationalError": the
    driver's own first line says what to fix (here: no such database)."""
    url = f"postgresql://casa:{SECRET}@127.0.0.1:{pg_server.port}/nessuna_sede"
    with pytest.raises(SyncError) as caught:
        HubStore.open(url)
    said = caught.value.message
    assert said.startswith("Database della sede non raggiungibile: ")
    assert 'database "nessuna_sede" does not exist' in said
    assert "segreto" not in said and "\n" not in said


def test_the_command_line_says_it_in_one_line(
    pg_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql://casa:{SECRET}@127.0.0.1:{pg_server.port}/nessuna_sede"
    status = main(["hub", "new-epoch", "--db", url])
    warning, *lines = capsys.readouterr().err.strip().splitlines()
    # a password in the URL is visible to anyone listing processes: said first
    assert warning.startswith("casa-desk: Attenzione: la password nell'indirizzo")
    assert status == 1 and len(lines) == 1, lines
    assert 'database "nessuna_sede" does not exist' in lines[0], lines
    assert "il database indicato non esiste sul server PostgreSQL" in lines[0], lines
    assert "segreto" not in lines[0]


@pytest.mark.parametrize(
    "said",
    [
        'connection to "postgresql://casa:segreto%40di-prova@sede/hub" failed',
        "invalid dsn: host=sede password='segreto@di-prova' dbname=hub",
        "password=segreto@di-prova user=casa",
        "FATAL: role casa (segreto@di-prova) rejected",
    ],
)
def test_a_password_in_the_drivers_words_is_masked(said: str) -> None:
    """Should a driver ever echo its connection string, the password stays out."""
    line = driver_line(RuntimeError(f"{said}\nsecond line"), f"postgresql://casa:{SECRET}@sede/hub")
    assert "segreto" not in line and "second" not in line and "***" in line


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ('connection failed: FATAL: password authentication failed for user "casa_hub"',
         "utente o password rifiutati"),
        ("failed to resolve host 'y': [Errno -2] Name or service not known",
         "nome del server sconosciuto"),
        ("connection failed: Connection refused", "nessun server PostgreSQL risponde"),
        ('connection to server on socket "/tmp/x/.s.PGSQL.5432" failed: No such file or '
         "directory", "nessun server PostgreSQL risponde"),
        ("fe_sendauth: no password supplied", "chiede una password"),
        ("something new and rare", ""),
    ],
)  # fmt: skip
def test_a_common_cause_is_said_in_italian_before_the_drivers_words(said: str, words: str) -> None:
    line = explained(said)
    assert line == said if not words else (words in line and line.endswith(f" ({said})"))


def test_a_password_with_a_raw_at_sign_is_refused_before_it_can_be_printed(capsys) -> None:
    """SQLAlchemy splits at the first "@": "p@ss" left "ss@127.0.0.1" as the host, printed
    in the driver's "failed to resolve host" line (review)."""
    status = main(["hub", "device-list", "--db", "postgresql://casa:p@ss@127.0.0.1:1/hub"])
    err = capsys.readouterr().err
    assert status == 1 and err.count("\n") == 1 and "contiene «@»" in err
    assert "ss@" not in err and "p@ss" not in err
