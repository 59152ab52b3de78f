"""The bad-input corpus: a small real workspace and the ways a file argument can be wrong.

The template workspace is built once: a demo office store enrolled (offline) with a hub file,
a bundle it exported, the hub's reply, an enrolment file, the sample registry CSV, a referral
with consent for the letter. Each case gets its own folder and only the files it names, copied
on first use, so a case that broke a file cannot spoil the next one.

"Unchanged" is checked on the whole case folder: the same file names (no stray ``.tmp`` or
``.part``, no half-written output, no empty store) and the same content. SQLite files compare
by their logical content (``iterdump`` through an immutable read), because opening a store
legitimately rewrites its guard triggers; an encrypted store likewise, read with its key,
without the audit rows of logins (a command that fails after logging in leaves its login on
record: that is the audit log doing its job, not a change to the data); every other file
compares byte for byte; key files by their slots (a failed login or recovery is counted in
the key file on purpose: that count is not the store's content), and ``.keys.lock`` — an
empty file that only exists to be locked — not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from login_helpers import DEMO_LOGIN, key_of, login, open_store

from casa_desk.demo.builder import DemoOptions, build_demo
from casa_desk.security import keyfile
from casa_desk.security.accounts import make_recovery_code
from casa_desk.store.connection import Connections
from casa_desk.store.db import Store
from casa_desk.store.schema import MIGRATION_SET
from casa_desk.sync.bundle import export_bundle, hub_import_bundle
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore

#: Template files by name (what ``Case`` placeholders refer to).
FILES = (
    "office.sqlite",
    "hub.sqlite",
    "push.casa",
    "reply.casa",
    "enrol.json",
    "registry.csv",
    "text.txt",
    "damaged.sqlite",
    "future.sqlite",
    "damaged-hub.sqlite",
    "unenrolled.sqlite",
    "sede.sqlite",
    "plain.sqlite",
)


@dataclass
class Template:
    folder: Path
    referral: str  # a referral whose person consented: the letter can be printed
    device: str  # a device of the hub
    recovery: str = ""  # the recovery code of office.sqlite
    person: str = ""  # a person of office.sqlite (person export / erase)


def build_template(folder: Path) -> Template:
    """Every input a command of the corpus needs, made through the real code paths."""
    folder.mkdir(parents=True, exist_ok=True)
    office = folder / "office.sqlite"
    build_demo(
        office,
        # unmarked: its copies are enrolled, synced and bundled (a marked demo store never is)
        DemoOptions(
            people=12, contacts=60, seed=3, until=date(2026, 10, 1), mark_demo=False, **DEMO_LOGIN
        ),
    )
    copy_store(office, folder / "unenrolled.sqlite")
    copy_store(office, folder / "sede.sqlite")  # head office's store: it sets settings
    with open_store(folder / "sede.sqlite") as store:
        store.set_meta("presidio", "SEDE")
    hub = HubStore.open(folder / "hub.sqlite")
    try:
        device, code = add_device(hub, "SAN-SIRO")
        with open_store(office) as store:
            save_credentials(store, enrol(hub, code), None)
            export_bundle(store, folder / "push.casa")
            referral = store.query(
                "SELECT r.id FROM referrals r JOIN consents c ON c.person_id = r.person_id"
                " AND c.purpose = 'referral:' || r.service_id WHERE c.withdrawn_at IS NULL"
                " LIMIT 1"
            )[0]["id"]
            person = store.query(
                "SELECT id FROM people WHERE merged_into IS NULL ORDER BY id LIMIT 1"
            )[0]["id"]
        hub_import_bundle(hub, folder / "push.casa", folder / "reply.casa")
        _other, other_code = add_device(hub, "SAN-SIRO", label="per il file")
        (folder / "enrol.json").write_text(json.dumps({**enrol(hub, other_code), "hub_url": None}))
    finally:
        hub.close()
    # Two good rows (invented names, no codice fiscale): a clean import exits 0.
    (folder / "registry.csv").write_text(
        "cognome;nome;codice_fiscale;data_nascita;sesso\n"
        "Quibbert;Alfa;;01/02/1960;F\nPellifax;Brava;;1971-03-04;M\n",
        encoding="utf-8",
    )
    (folder / "text.txt").write_text("non sono un archivio\n", encoding="utf-8")
    copy_store(office, folder / "damaged.sqlite")
    _damage(folder / "damaged.sqlite")
    shutil.copyfile(folder / "hub.sqlite", folder / "damaged-hub.sqlite")
    _damage(folder / "damaged-hub.sqlite")
    session = login(office)  # the recovery code (its slot is in the key file)
    recovery = make_recovery_code(session)
    session.store.close()
    with Store.open(folder / "plain.sqlite", create=True) as plain:  # as before encryption
        plain.set_meta("presidio", "SAN-SIRO")
    future = folder / "future.sqlite"
    copy_store(office, future)
    conn = Connections(future, key_of(future)).target(future)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "m999_from_the_future", "2099-01-01"],
    )
    conn.close()
    return Template(folder, referral, device, recovery, person)


def copy_store(source: Path, target: Path) -> None:
    """A copy of a (closed) store: the file and its key file, which make the store."""
    shutil.copyfile(source, target)
    if keyfile.exists(source):
        shutil.copyfile(keyfile.keyfile_path(source), keyfile.keyfile_path(target))


def _damage(path: Path) -> None:
    """Garbage over the pages after the schema: the header still says SQLite, and the file
    opens, but quick_check (and any query over the tables) fails."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for offset in range(4096 * 3, size - 4096, 4096 * 2):
            handle.seek(offset + 8)
            handle.write(b"\xa5" * 2000)


@dataclass
class Workspace:
    """One case's folder: template files are copied in when a case asks for them."""

    template: Template
    root: Path
    busy_port: int = 0  # a port something listens on
    keep_open: list[Store] = field(default_factory=list)
    stdin: str = ""  # what the command reads on standard input (a new password)

    def file(self, name: str) -> str:
        target = self.root / name
        if not target.exists():
            copy_store(self.template.folder / name, target)  # a store with its key file
        return str(target)

    def new(self, name: str) -> str:
        """A path in the folder that does not exist (yet)."""
        return str(self.root / name)

    def folder(self, name: str = "cartella") -> str:
        (self.root / name).mkdir(exist_ok=True)
        return str(self.root / name)

    def under_a_file(self, name: str = "x.sqlite") -> str:
        """A path whose folder is a regular file: unreadable and unwritable even for root."""
        return str(Path(self.file("text.txt")) / name)

    def pipe(self, name: str = "tubo") -> str:
        """A named pipe nobody writes: a command that reads it waits for ever."""
        os.mkfifo(self.root / name)
        return str(self.root / name)

    def empty(self, name: str = "vuoto.sqlite") -> str:
        (self.root / name).touch()
        return str(self.root / name)

    def open_store(self) -> str:
        """A store held open (as the window holds it) for the whole case."""
        path = self.root / "aperto.sqlite"
        copy_store(self.template.folder / "office.sqlite", path)
        self.keep_open.append(open_store(path))
        return str(path)

    def link(self, target: str, kind: str) -> str:
        link = self.root / f"link-{kind}"
        if kind == "symlink":
            link.symlink_to(target)
        else:
            os.link(target, link)
        return str(link)

    def dotdot(self, target: str) -> str:
        """``target`` reached through a detour (``folder/../name``)."""
        self.folder("giro")
        return str(self.root / "giro" / ".." / Path(target).name)

    def zip_with(self, name: str, members: dict[str, bytes]) -> str:
        path = self.root / name
        with zipfile.ZipFile(path, "w") as archive:
            for member, data in members.items():
                archive.writestr(member, data)
        return str(path)

    def bad_signature(self) -> str:
        """The real push bundle with a signature of non-ASCII bytes."""
        with zipfile.ZipFile(self.template.folder / "push.casa") as source:
            members = {n: source.read(n) for n in source.namelist()}
        members["signature"] = "firmà-ñon-ascii".encode()
        return self.zip_with("firma.casa", members)

    def nested_manifest(self) -> str:
        """The real push bundle with a manifest of arrays nested 20,000 deep (40 KB, under
        the manifest's size cap): read before any signature is checked."""
        with zipfile.ZipFile(self.template.folder / "push.casa") as source:
            members = {n: source.read(n) for n in source.namelist()}
        members["manifest.json"] = b"[" * 20_000 + b"]" * 20_000
        return self.zip_with("annidato.casa", members)

    def enrolment_with(self, name: str, **changes: object) -> str:
        """The template's enrolment file with ``changes`` to its fields."""
        data = json.loads((self.template.folder / "enrol.json").read_text(encoding="utf-8"))
        (self.root / name).write_text(json.dumps({**data, **changes}), encoding="utf-8")
        return str(self.root / name)

    def truncated(self, name: str) -> str:
        data = (self.template.folder / name).read_bytes()
        path = self.root / f"troncato-{name}"
        path.write_bytes(data[: len(data) // 2])
        return str(path)

    def close(self) -> None:
        for store in self.keep_open:
            store.close()
        self.keep_open.clear()


def busy_port() -> tuple[socket.socket, int]:
    """A port something is listening on (the caller closes the socket)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock, int(sock.getsockname()[1])


def dead_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- what "unchanged" means ---------------------------------------------------------------
def fingerprint(root: Path, open_stores: list[Store]) -> dict[str, str]:
    """Name → content hash of every file under ``root`` (see the module docstring)."""
    held = {Path(s.path).resolve(): s for s in open_stores}
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        if path.name.endswith(".keys.lock"):
            continue
        name = path.relative_to(root).as_posix()
        try:
            real = path.resolve()
        except RuntimeError:  # a link to itself (Python 3.11)
            out[name] = "->" + os.readlink(path)
            continue
        base = Path(str(real).removesuffix("-wal").removesuffix("-shm"))
        if base in held:
            # Never read a held store's files with open(): closing any descriptor of them
            # drops the holder's locks (POSIX). Its content comes through its own connection.
            store = held[base]
            out[name] = _logical(store.db.conn) if real == base else "held"
            continue
        if path.is_symlink():
            out[name] = "->" + os.readlink(path)
            continue
        if not path.is_file():  # a pipe: never read (it would wait), its mode is its state
            out[name] = f"special:{path.stat().st_mode:o}"
            continue
        out[name] = _content(path)
    return out


#: Rows a login leaves (audited on purpose, even when the command then fails): left out.
_LOGIN_ROWS = "SELECT id FROM audit_log WHERE action IN ('login', 'login_failed')"
_SKIP = {
    "audit_log": f"id NOT IN ({_LOGIN_ROWS})",
    "sync_outbox": f"NOT (table_name = 'audit_log' AND row_id IN ({_LOGIN_ROWS}))",
    "sync_state": "key != 'hlc'",
}


def _logical(conn: object) -> str:
    """A store's schema and rows, minus what a login leaves (see the module docstring)."""
    parts = []
    tables = conn.execute(  # type: ignore[attr-defined]
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        parts.append(sql)
        where = _SKIP.get(name, "1 = 1")
        rows = conn.execute(f'SELECT * FROM "{name}" WHERE {where}').fetchall()  # type: ignore[attr-defined]
        parts.extend(sorted(repr(row) for row in rows))
    return "store:" + _digest("\n".join(parts))


def _content(path: Path) -> str:
    if path.name.endswith(keyfile.SUFFIX):
        try:
            keys = keyfile.KeyFile.from_bytes(path.read_bytes(), path)
        except Exception:  # noqa: BLE001 - not a key file after all: its bytes
            pass
        else:
            keys.attempts = {}
            return "keys:" + _digest(keys.to_bytes().decode())
    if keyfile.exists(path) and not path.name.endswith(keyfile.SUFFIX):
        try:
            conn = Connections(path, key_of(path)).inspector()
        except Exception:  # noqa: BLE001 - not a store its key file opens: compare bytes
            conn = None
        if conn is not None:
            try:
                return _logical(conn)
            except Exception:  # noqa: BLE001 - a damaged store: its bytes are its content
                pass
            finally:
                conn.close()
    data = path.read_bytes()
    if data.startswith(b"SQLite format 3\x00"):
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
            try:
                return "sql:" + _digest("\n".join(conn.iterdump()))
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # a damaged file: its bytes are its content
    return hashlib.sha256(data).hexdigest()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Case:
    """One bad invocation: ``argv`` built in the case's workspace."""

    command: str  # the subcommand, for grouping and the report
    variant: str  # what is wrong
    argv: Callable[[Workspace], list[str]]
    full_disk: bool = False  # run with the disk simulated full

    @property
    def id(self) -> str:
        return f"{self.command}:{self.variant}"
