"""Encrypting a store made before issue 10: into a new file, verified, swapped in.

``casa-desk encrypt --db PATH --user NAME`` and the window (when :func:`store_state` says
``plain``) call :func:`encrypt_store`. The named user becomes the store's administrator (an
existing user of the old store keeps their row and becomes administrator). Steps, each one
leaving a store that opens if the power goes at that moment (tests kill the process at every
named point):

1. the plain store is taken for this process alone: its WAL is folded into the file and the
   journal switched to DELETE (refused, with one line, when another program has it open),
   and kept locked until the swap;
2. ``sqlcipher_export`` writes an encrypted copy to ``PATH.encrypting`` with a new random
   data key (point ``encrypt.after_export``);
3. the copy is checked (``quick_check``, and every table holds as many rows as in the
   original), then the administrator's row is written into it (``encrypt.after_verify``);
4. the key file ``PATH.keys`` is written with the administrator's slot (``encrypt.after_keys``)
   — the old store is still plain, and a plain store beside a key file is simply plain
   (:func:`~casa_desk.security.access.store_state`): encrypting again starts over;
5. the copy is renamed over the store (``encrypt.after_swap``): from here the store is
   encrypted and opens with the administrator's password;
6. the automatic backups in ``backups/`` made before past migrations are plain copies too:
   each is encrypted the same way, with the store's key file beside it (point
   ``encrypt.after_backup``); a crash part-way leaves some plain, and the next login
   finishes them (:func:`encrypt_leftover_backups`).

What is left of the plaintext afterwards: nothing the program can name — no plain file,
``-wal``, ``-shm`` or backup remains. The disk blocks that held them are freed, not
overwritten: on SSDs overwriting cannot be relied on, so an office that handled real data
before upgrading should treat the old disk accordingly (docs/install.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from casa_desk.errors import CasaError, StorageError
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.models.vocab import AuditAction, Role
from casa_desk.security import keyfile, keyslots
from casa_desk.security.access import (
    Desk,
    Session,
    StoreState,
    start_session,
    store_state,
)
from casa_desk.security.keyfile import KdfParams, KeyFile
from casa_desk.security.passwords import check_password
from casa_desk.store.backup import migration_backups
from casa_desk.store.connection import (
    Connection,
    Connections,
    Error,
    OperationalError,
    export_copy,
    open_target,
)
from casa_desk.store.db import Store, check_store, is_plain_store
from casa_desk.store.users import clean_full_name, clean_new_username
from casa_desk.sync.faults import fault_point

Progress = Callable[[str, int, int], None]
SUFFIX = ".encrypting"


def _quiet(_phase: str, _done: int, _total: int) -> None:
    pass


def check_encryptable(path: str | Path) -> None:
    """One line unless ``path`` is a plain store that may be encrypted in place: asked
    first, so that nobody types a new password twice for a store already encrypted."""
    path = Path(path)
    _refuse_a_link(path)
    if store_state(path) is not StoreState.PLAIN:
        raise CasaError(f"L'archivio {path} non è un archivio da cifrare.", code="not_plain")


def encrypt_store(
    path: str | Path,
    *,
    username: str,
    full_name: str,
    password: str,
    params: KdfParams | None = None,
    check_strength: bool = True,
    how: str = "window",
    progress: Progress | None = None,
) -> Session:
    """Encrypt the plain store at ``path`` (steps in the module docstring) and log the new
    administrator in. One-line errors; the plain store is untouched when one is raised
    before the swap."""
    path = Path(path)
    progress = progress or _quiet
    name = clean_new_username(username)
    clean_full_name(full_name)  # before anything is made
    if check_strength:
        check_password(password, username=name)
    check_encryptable(path)
    check_store(path)
    kdf = params or keyslots.calibrated_params()
    key = keyslots.new_data_key()
    work = path.with_name(path.name + SUFFIX)
    _discard(work)
    source = _take(path)
    try:
        progress("Cifratura", 0, 3)
        export_copy(source, work, key)
        fault_point("encrypt.after_export")
        _verify(source, work, key)
        _admin_row(work, key, name, full_name)
        progress("Cifratura", 1, 3)
        fault_point("encrypt.after_verify")
        slot = keyslots.make_slot(key, username=name, password=password, params=kdf)
        keyfile.write(path, KeyFile(kdf=kdf, slots=[slot]))
        fault_point("encrypt.after_keys")
    except BaseException:
        source.close()
        _discard(work)
        raise
    source.close()
    for extra in ("-wal", "-shm", "-journal"):  # none in DELETE mode after a clean close
        Path(str(path) + extra).unlink(missing_ok=True)
    os.replace(work, path)
    fault_point("encrypt.after_swap")
    progress("Cifratura", 2, 3)
    store = Store.open(path, key=key)
    try:
        desk = Desk(store, key, kdf=kdf)
        encrypt_leftover_backups(desk, progress=progress)
        session = start_session(desk, name, how=how)
    except BaseException:
        store.close()
        raise
    session.audit(AuditAction.ENCRYPTED, table="users", row_id=session.user.id)
    progress("Cifratura", 3, 3)
    return session


def _refuse_a_link(path: Path) -> None:
    """A store reached through a symbolic link is refused with one line, before any work.

    Why: the encrypted copy is renamed over ``path``, which replaces the link itself and
    leaves the plain store, every person in clear, at the link's target; encrypting the
    target instead would put the key file where opening through the link never looks
    (beside the link). The user names the file itself.
    """
    if path.is_symlink():
        try:
            target = str(path.resolve())
        except (RuntimeError, OSError):  # a link to itself, in rings (3.11: RuntimeError)
            target = os.readlink(path)
        raise StorageError(
            f"{path} è un collegamento a {target}: cifrare il file vero, non il "
            "collegamento (altrimenti l'archivio in chiaro resterebbe dov'è).",
            code="store_is_link",
        )


def _take(path: Path) -> Connection:
    """The plain store for this process alone: WAL folded in, DELETE journal, locked."""
    conn = open_target(path)
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the lock
    except OperationalError as exc:
        conn.close()
        raise StorageError(
            f"L'archivio {path} è aperto da un altro programma: chiuderlo e riprovare.",
            code="store_busy",
        ) from exc
    return conn


def _tables(conn: Connection) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
            " 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def _verify(source: Connection, work: Path, key: bytes) -> None:
    """The encrypted copy is whole and holds what the original holds, table by table."""
    copy = Connections(work, key).inspector()
    try:
        if copy.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StorageError("La copia cifrata non è integra: archivio lasciato com'era.")
        tables = _tables(source)
        if _tables(copy) != tables:
            raise StorageError("La copia cifrata non ha le stesse tabelle: archivio com'era.")
        for table in tables:
            count = f'SELECT count(*) FROM "{table}"'
            if source.execute(count).fetchone()[0] != copy.execute(count).fetchone()[0]:
                raise StorageError("La copia cifrata non ha gli stessi dati: archivio com'era.")
    except Error as exc:
        raise StorageError(f"Verifica della copia cifrata non riuscita: {exc}") from exc
    finally:
        copy.close()


def _admin_row(work: Path, key: bytes, username: str, full_name: str) -> None:
    """The administrator's row in the encrypted copy, before anything depends on it."""
    conn = Connections(work, key).target(work)
    try:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(users)")}
        presidio_row = conn.execute("SELECT value FROM casa_meta WHERE key = 'presidio'").fetchone()
        presidio = presidio_row[0] if presidio_row else ""
        conn.execute("BEGIN IMMEDIATE")
        existing = conn.execute("SELECT id FROM users WHERE username = ?", [username]).fetchone()
        if existing:
            conn.execute(
                "UPDATE users SET role = ?, active = 1 WHERE id = ?",
                [Role.ADMINISTRATOR.value, existing[0]],
            )
        else:
            values = {
                "id": uuid7(),
                "username": username,
                "full_name": full_name.strip() or username,
                "role": Role.ADMINISTRATOR.value,
                "presidio": presidio,
                "may_see_sensitive": 0,
                "active": 1,
                "created_at": utc_now_text(),
            }
            values = {k: v for k, v in values.items() if k in columns}
            conn.execute(
                f"INSERT INTO users ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()),
            )
        conn.execute("COMMIT")
    finally:
        conn.close()


def encrypt_leftover_backups(desk: Desk, progress: Progress | None = None) -> int:
    """Encrypt the plain automatic backups of ``desk``'s store (from before its encryption);
    returns how many. Each: exported, checked, its key file written, then swapped in."""
    progress = progress or _quiet
    plain = [p for p in migration_backups(desk.path) if is_plain_store(p)]
    keys = keyfile.read(desk.path)
    for done, backup in enumerate(plain):
        progress("Cifratura dei backup", done, len(plain))
        work = backup.with_name(backup.name + SUFFIX)
        _discard(work)
        source = open_target(backup)
        try:
            export_copy(source, work, desk.data_key())
            _verify(source, work, desk.data_key())
        except BaseException:
            source.close()
            _discard(work)
            raise
        source.close()
        keyfile.write_copy(backup, keys)
        os.replace(work, backup)
        for extra in ("-wal", "-shm", "-journal"):
            Path(str(backup) + extra).unlink(missing_ok=True)
        fault_point("encrypt.after_backup")
    if plain:
        progress("Cifratura dei backup", len(plain), len(plain))
    return len(plain)


def _discard(work: Path) -> None:
    for extra in ("", "-journal", "-wal", "-shm"):
        Path(str(work) + extra).unlink(missing_ok=True)
    keyfile.keyfile_path(work).unlink(missing_ok=True)
