"""A key file that is not one — damaged, edited, replaced by a huge file — is refused as
damaged in one line (StorageError ``keys_damaged``), never with a Python error, and never
read whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from login_helpers import new_store

from casa_desk.cli import main
from casa_desk.errors import StorageError
from casa_desk.security import keyfile


def _good(store: Path) -> dict[str, object]:
    return dict(json.loads(keyfile.keyfile_path(store).read_text(encoding="utf-8")))


DAMAGE = {
    # json's RecursionError, not a ValueError
    "nested": lambda _good: "[" * 20_000 + "]" * 20_000,
    # 1e400 reads as infinity: int() of it is an OverflowError
    "version-infinite": lambda good: json.dumps({**good, "version": 1e400}),
    "failures-infinite": lambda good: json.dumps({**good, "attempts": {"a": {"failures": 1e400}}}),
    # a float, but no time to wait until
    "wait-infinite": lambda good: json.dumps({**good, "attempts": {"a": {"next_at": 1e400}}}),
    # valid JSON past the size cap (a slot and 50 failure times per user are kilobytes)
    "too-large": lambda good: json.dumps(good) + " " * (keyfile.MAX_BYTES + 1),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_key_file_is_said_to_be_damaged(
    tmp_path: Path, damage: object, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "desk.sqlite"
    new_store(store).close()
    keys = keyfile.keyfile_path(store)
    keys.write_text(damage(_good(store)), encoding="utf-8")  # type: ignore[operator]
    with pytest.raises(StorageError) as caught:
        keyfile.read(store)
    assert caught.value.code == "keys_damaged"
    before = keys.read_bytes()
    assert main(["user", "list", "--db", str(store)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and "è danneggiato" in lines[0], lines
    assert keys.read_bytes() == before
