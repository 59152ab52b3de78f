"""The automatic backups made before a schema change: the newest few are kept with their key
files, and pruning the older ones never fails the upgrade."""

from __future__ import annotations

from pathlib import Path

from login_helpers import NEWEST_MIGRATION

from casa_desk.security.keyfile import keyfile_path
from casa_desk.store.backup import KEEP_MIGRATION_BACKUPS, migration_backups
from casa_desk.store.db import Store


def _store_one_migration_behind(path: Path) -> None:
    with Store.open(path, create=True) as store, store.transaction():
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [NEWEST_MIGRATION])


def _earlier_backups(folder: Path, count: int) -> list[Path]:
    """``count`` backups an earlier upgrade left (older stamps than any made now)."""
    folder.mkdir(exist_ok=True)
    made = []
    for n in range(count):
        backup = folder / f"s-before-migration-20000101T0000000000{n:02d}Z.sqlite"
        backup.write_bytes(b"an earlier copy")
        keyfile_path(backup).write_bytes(b"its key file")
        made.append(backup)
    return made


def _migrated(path: Path) -> bool:
    with Store.open(path) as store:
        names = {r["name"] for r in store.query("SELECT name FROM _sqlite_migrations")}
    return NEWEST_MIGRATION in names


def test_an_upgrade_keeps_the_newest_backups_with_their_key_files(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    _store_one_migration_behind(path)
    earlier = _earlier_backups(tmp_path / "backups", KEEP_MIGRATION_BACKUPS + 2)

    Store.open(path).close()

    kept = migration_backups(path)
    assert len(kept) == KEEP_MIGRATION_BACKUPS
    assert kept[:-1] == earlier[-(KEEP_MIGRATION_BACKUPS - 1) :]  # the oldest three are gone
    assert kept[-1] not in earlier  # the one this upgrade made
    for backup in earlier[:3]:
        assert not backup.exists() and not keyfile_path(backup).exists()
    for backup in kept[:-1]:  # (a plain store's own backup has no key file to keep)
        assert keyfile_path(backup).exists()
    assert _migrated(path)


def test_a_backup_that_cannot_be_removed_does_not_fail_the_upgrade(tmp_path: Path) -> None:
    """An old copy that cannot go now (a scanner holding it on Windows; here a folder by
    that name, which no unlink removes, root or not) stays; the upgrade goes on, the
    others are pruned."""
    path = tmp_path / "s.sqlite"
    _store_one_migration_behind(path)
    folder = tmp_path / "backups"
    earlier = _earlier_backups(folder, KEEP_MIGRATION_BACKUPS + 1)
    stuck = earlier[0]
    stuck.unlink()
    stuck.mkdir()
    (stuck / "held").write_bytes(b"")

    Store.open(path).close()

    assert _migrated(path)
    assert stuck.is_dir() and keyfile_path(stuck).exists()  # left whole for a later upgrade
    assert not earlier[1].exists() and not keyfile_path(earlier[1]).exists()
    assert len(migration_backups(path)) == KEEP_MIGRATION_BACKUPS + 1  # the stuck one too


def test_what_a_killed_automatic_backup_left_is_taken_back_by_the_next(tmp_path: Path) -> None:
    """Each automatic backup has a name of its own (its time), so no later write of that
    name swept what a kill left: its hidden copy (the whole store), its key file's temporary
    file, its key file alone (killed between the renames, or a pruning stopped between the
    copy and its key file). They stayed for ever. Now the next upgrade takes them back once
    abandoned; what another process may still be writing stays."""
    import os
    import time

    from casa_desk.outputs import ABANDONED_AFTER

    path = tmp_path / "s.sqlite"
    _store_one_migration_behind(path)
    folder = tmp_path / "backups"
    kept = _earlier_backups(folder, 1)
    killed = "s-before-migration-20000102T000000000000Z.sqlite"
    left = [
        folder / f".{killed}.abcd1234.tmp",
        folder / f".{killed}.keys.efgh5678.tmp",
        folder / f"{killed}.keys",
        folder / "s-before-migration-20000103T000000000000Z.sqlite.keys",  # pruned copy's
        folder / ".s-before-migration-20000105T000000000000Z.sqlite.mnop3456.tmp",  # alone
    ]
    writing = folder / ".s-before-migration-20000104T000000000000Z.sqlite.ijkl9012.tmp"
    for file in [*left, writing]:
        file.write_bytes(b"x")
    stamp = time.time() - 2 * ABANDONED_AFTER
    for file in left:
        os.utime(file, (stamp, stamp))

    Store.open(path).close()

    assert not [file.name for file in left if file.exists()]
    assert writing.exists()
    assert kept[0].exists() and keyfile_path(kept[0]).exists()
    assert len(migration_backups(path)) == 2
    assert _migrated(path)


def test_a_store_named_as_windows_would_not_still_upgrades(tmp_path: Path) -> None:
    """The automatic copy is named after the store (``STEM-before-migration-….sqlite``): a
    store this system allowed (``ufficio: 2?.sqlite`` here) was refused its own backup by
    the output check for names Windows refuses, and so could not be upgraded — opened.
    Its copy takes a name Windows keeps, and is found again to be pruned."""
    path = tmp_path / "ufficio: 2?.sqlite"
    _store_one_migration_behind(path)
    Store.open(path).close()
    assert _migrated(path)
    [backup] = migration_backups(path)
    assert backup.name.startswith("ufficio_ 2_-before-migration-")
    _store_one_migration_behind(path)
    Store.open(path).close()
    assert len(migration_backups(path)) == 2
