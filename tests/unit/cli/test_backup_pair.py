"""``backup --out`` over an existing backup: the copy and its key file are replaced by two
renames, so what a crash between them leaves must still open.

The crash is the rename of the database itself raising an exception that no handler catches
(as a kill would stop the process there): the key file is already renamed into place.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from login_helpers import login, new_store

from casa_desk.cli import main
from casa_desk.store.people import People


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


def _people(path: Path) -> int:
    session = login(path)
    try:
        return len(session.store.query("SELECT id FROM people"))
    finally:
        session.store.close()


def _register(path: Path) -> None:
    session = login(path)
    try:
        People(session.store).register(
            {"last_name": "Quibbert", "first_name": "Alfa", "codice_fiscale": None},
            presidio="SAN-SIRO",
        )
    finally:
        session.store.close()


def test_another_stores_backup_is_kept_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: the key file of the new copy replaced the other store's, then a crash left
    neither store's backup openable. Now the other store's backup is refused in one line,
    before anything is written, and still opens with its keys."""
    ours, theirs, out = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    new_store(theirs).close()
    _register(theirs)
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
    assert _people(out) == _people(theirs) > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_crash_over_an_older_backup_of_the_same_store_leaves_one_that_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, out = tmp_path / "a.sqlite", tmp_path / "copia.sqlite"
    new_store(ours).close()
    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    _register(ours)

    with monkeypatch.context() as patch, pytest.raises(Killed):
        _killed_at_the_copys_rename(patch, out.resolve())
        main(["backup", "--db", str(ours), "--out", str(out)])
    assert _people(out) == _people(ours) - 1  # the older copy, opened by the newer key file

    assert main(["backup", "--db", str(ours), "--out", str(out)]) == 0
    assert _people(out) == _people(ours)
