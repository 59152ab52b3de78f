"""Fixtures for sync tests: a throw-away PostgreSQL (session) and a real hub per test (or
per module, for tests that only read their own pushes' answers).

The PostgreSQL server is made with the machine's ``initdb``/``pg_ctl`` in a temporary folder
on a free port and stopped at the end. Where those binaries are absent the PostgreSQL cases
are skipped with the reason — except under ``CI=true``, where absence is a failure.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from languages import window_language
from sync_helpers import HubProcess, free_port

from casa_desk.sync.hub.storage import HubStore

_PG_DIRS = (
    "/usr/local/bin",
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/14/bin",
)
_counter = itertools.count(1)


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in _PG_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    return None


class PgServer:
    def __init__(self, port: int) -> None:
        self.port = port

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://casa@127.0.0.1:{self.port}/{db}"

    def create_db(self) -> str:
        import psycopg

        name = f"hub_{os.getpid()}_{next(_counter)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        reason = "PostgreSQL initdb/pg_ctl not found: PostgreSQL hub tests need them"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    # Not under pytest's tmp folder: that is private to the user running the tests, and a
    # root run hands PostgreSQL to the postgres user, which must be able to reach its folder.
    base = Path(tempfile.mkdtemp(prefix="casa-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        runuser = shutil.which("runuser")
        assert runuser, "running as root needs runuser to start PostgreSQL"
        shutil.chown(base, "postgres")
        os.chmod(base, 0o700)
        prefix = [runuser, "-u", "postgres", "--"]
    data = base / "data"
    port = free_port()
    subprocess.run(
        [
            *prefix,
            initdb,
            "-D",
            str(data),
            "-U",
            "casa",
            "--auth=trust",
            "--locale=C",
            "--encoding=UTF8",
            "-N",
        ],
        check=True,
        capture_output=True,
    )
    options = (
        f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [*prefix, pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"],
        check=True,
        capture_output=True,
    )
    try:
        yield PgServer(port)
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty hub database on each engine."""
    if request.param == "sqlite":
        return str(tmp_path / "hub.sqlite")
    server: PgServer = request.getfixturevalue("pg_server")
    return server.create_db()


@pytest.fixture
def hub_store(hub_db: str) -> Iterator[HubStore]:
    """The hub's storage in this process, on both engines (no server)."""
    store = HubStore.open(hub_db)
    yield store
    store.close()


@pytest.fixture
def hub(hub_db: str, tmp_path: Path) -> Iterator[HubProcess]:
    """A real hub process serving ``hub_db`` on a free loopback port."""
    process = HubProcess(hub_db, tmp_path).start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_hub(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HubProcess]:
    """One hub per engine for a module's tests that each enrol their own device and only
    look at what their own pushes get back (a parametrised list of bad rows): a process
    start is most of such a test's time."""
    base = tmp_path_factory.mktemp("shared-hub")
    if request.param == "sqlite":
        db = str(base / "hub.sqlite")
    else:
        db = request.getfixturevalue("pg_server").create_db()
    process = HubProcess(db, base).start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[HubProcess]:
    """SQLite-only hub, for scenarios that are not about the engine."""
    process = HubProcess(str(tmp_path / "hub.sqlite"), tmp_path).start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def english(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The window in English for one test."""
    with window_language("en"):
        yield
