"""``backup --out`` over an existing backup: the copy and its key file are replaced by two
renames, so what a crash between them leaves must still open.

The crash is the rename of the database itself raising an exception that no handler catches
(as a kill would stop the process there): the key file is already renamed into place.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from backup_helpers import people_count, register_one
from login_helpers import login, new_store

from casa_desk.cli import main


class Killed(BaseException):
    """The process stopping dead: nothing of the program handles it."""


def _killed_at_the_copys_rename(monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    """From now on until the patch is undone (the caller's ``monkeypatch.context()``)."""
    real_replace = os.replace

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)) == out:
            raise Killed
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)


def test_another_stores_backup_is_kept_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the key file of the new copy replaced the other store's, then a crash left
    neither store's backup openable. Now the other store's backup is refused in one line,
    before anything is written, and still opens with its keys."""
    ours, theirs, out = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    new_store(theirs).close()
    register_one(theirs)
    assert main(["backup", "--db", str(theirs), "--out", str(out)]) == 0
    keys_before = Path(f"{out}.keys").read_bytes()
    capsys.readouterr()

    with monkeypatch.context() as patch:
        _killed_at_the_copys_rename(patch, out.resolve())
        assert main(["backup", "--db", str(ours), "--out", str(out)]) == 1

    error = capsys.readouterr().err.strip()
    assert error == (
        f"casa-desk: {out} è il backup di un altro archivio (o è danneggiato): "
        "non lo sovrascrivo. Indicare un altro file."
    )
    assert Path(f"{out}.keys").read_bytes() == keys_before
    assert people_count(out) == people_count(theirs) > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_crash_over_an_older_backup_of_the_same_store_leaves_one_that_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    register_one(ours)

    with monkeypatch.context() as patch, pytest.raises(Killed):
        _killed_at_the_copys_rename(patch, out.resolve())
        main(["backup", "--db", str(ours), "--out", str(out)])
    # the older copy, opened by the newer key file
    assert people_count(out) == people_count(ours) - 1

    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    assert people_count(out) == people_count(ours)


def test_a_decrypted_copy_never_replaces_an_encrypted_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the plain copy replaced the backup and left its key file beside it (a plain
    file with a key file: restore and the next backup take it for an encrypted store). Now
    one line, before login, and the pair is as it was."""
    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    register_one(ours)
    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    pair = {p: p.read_bytes() for p in (out, Path(f"{out}.keys"))}
    capsys.readouterr()

    assert main(["backup", "--db", str(ours), "--out", str(out), "--decrypted"]) == 1
    error = capsys.readouterr().err.strip()
    assert error == (
        f"casa-desk: {out} è un backup cifrato: non lo sostituisco con una copia in chiaro. "
        "Indicare un altro file."
    )
    assert {p: p.read_bytes() for p in pair} == pair
    assert people_count(out) == people_count(ours) > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    # A key file left alone (its copy gone) is no place for a plain copy either.
    out.unlink()
    assert main(["backup", "--db", str(ours), "--out", str(out), "--decrypted"]) == 1
    assert "file delle chiavi" in capsys.readouterr().err
    assert not out.exists()
    # Another name is written.
    plain = tmp_path / "chiaro.sqlite"
    assert main(["backup", "--db", str(ours), "--out", str(plain), "--decrypted"]) == 0
    assert plain.read_bytes().startswith(b"SQLite format 3\x00")


def test_a_key_file_name_that_is_a_link_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """OUT.keys a symbolic link to another store's key file: before, the backup wrote its
    key slots through the link (that store no longer opened). Now one line, nothing
    written, the link and its target as they were — from the command and from the store
    layer alike (casa_desk.security.keyfile.check_copy_keys)."""
    from casa_desk.errors import OutputError
    from casa_desk.store.backup import backup_store

    ours, theirs, out = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    new_store(theirs).close()
    register_one(theirs)
    their_keys = Path(f"{theirs}.keys")
    before = their_keys.read_bytes()
    Path(f"{out}.keys").symlink_to(their_keys)
    capsys.readouterr()

    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "collegamento" in lines[0], lines
    session = login(ours)
    try:
        with pytest.raises(OutputError, match="collegamento"):
            backup_store(session.store.connections, out)
    finally:
        session.store.close()
    assert their_keys.read_bytes() == before and Path(f"{out}.keys").is_symlink()
    assert not out.exists() and people_count(theirs) == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_backup_through_a_link_keeps_its_key_file_beside_the_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--out`` a symbolic link to a file elsewhere (a USB stick): before, the copy went to
    the link's target and its key file beside the link, so the copy on the stick did not
    open on its own. Now the pair lands side by side at the target, from the command and
    from the store layer (the window's backup) alike, and the line says where."""
    from casa_desk.store.backup import backup_store

    ours, stick = tmp_path / "a.sqlite", tmp_path / "chiavetta"
    stick.mkdir()
    new_store(ours).close()
    register_one(ours)
    link = tmp_path / "ultima.sqlite"
    link.symlink_to(stick / "copia.sqlite")
    capsys.readouterr()

    assert main(["backup", "--db", str(ours), "--out", str(link)]) == 0
    real = (stick / "copia.sqlite").resolve()
    assert capsys.readouterr().out.strip() == (f"Backup scritto in {real} (chiavi in {real}.keys)")
    assert not os.path.lexists(f"{link}.keys") and link.is_symlink()
    assert Path(f"{real}.keys").is_file()
    moved = tmp_path / "altrove"
    stick.rename(moved)  # the stick taken elsewhere: the copy opens on its own
    assert people_count(moved / "copia.sqlite") == people_count(ours) == 1

    # The window's backup (the store layer) does the same.
    stick.mkdir()
    session = login(ours)
    try:
        written = backup_store(session.store.connections, link)
    finally:
        session.store.close()
    assert written == real and Path(f"{real}.keys").is_file()
    assert not os.path.lexists(f"{link}.keys")
    assert people_count(real) == 1
    assert sorted(p.name for p in tmp_path.rglob(".*")) == []


def test_a_decrypted_copy_through_a_link_never_replaces_an_encrypted_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: through a link to an encrypted backup, the checks looked beside the link (no
    key file there) and read the link itself (no header through it), so the plain copy
    replaced the backup and left a plain file beside its key file. Now one line, the pair
    as it was."""
    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    register_one(ours)
    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    pair = {p: p.read_bytes() for p in (out, Path(f"{out}.keys"))}
    link = tmp_path / "chiaro.sqlite"
    link.symlink_to(out)
    capsys.readouterr()

    assert main(["backup", "--db", str(ours), "--out", str(link), "--decrypted"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        f"casa-desk: {out.resolve()} è un backup cifrato: non lo sostituisco con una copia "
        "in chiaro. Indicare un altro file."
    ]
    assert {p: p.read_bytes() for p in pair} == pair
    assert people_count(out) == 1 and link.is_symlink()


def test_a_link_to_a_copy_whose_key_file_name_is_a_link_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The key file beside the link's target is judged as any key file: never written
    through a link."""
    ours, theirs = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    new_store(ours).close()
    new_store(theirs).close()
    their_keys = Path(f"{theirs}.keys")
    before = their_keys.read_bytes()
    target = tmp_path / "dove" / "copia.sqlite"
    target.parent.mkdir()
    Path(f"{target}.keys").symlink_to(their_keys)
    link = tmp_path / "ultima.sqlite"
    link.symlink_to(target)
    capsys.readouterr()

    assert main(["backup", "--db", str(ours), "--out", str(link)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "collegamento" in lines[0], lines
    assert their_keys.read_bytes() == before and not target.exists()


def test_a_backup_to_a_link_that_leads_nowhere_is_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours = tmp_path / "a.sqlite"
    new_store(ours).close()
    register_one(ours)
    loop, nowhere = tmp_path / "giro.sqlite", tmp_path / "chiavetta.sqlite"
    loop.symlink_to(loop)
    nowhere.symlink_to(tmp_path / "manca" / "copia.sqlite")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    for out, words in ((loop, "rimanda a sé stesso"), (nowhere, "non esiste")):
        for extra in ([], ["--decrypted"]):
            capsys.readouterr()
            assert main(["backup", "--db", str(ours), "--out", str(out), *extra]) == 1
            err = capsys.readouterr().err.strip()
            assert words in err and "\n" not in err and "Traceback" not in err, err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before
    assert not (tmp_path / "manca").exists()
