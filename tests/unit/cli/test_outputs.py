"""The one helper every written file goes through (casa_desk.outputs): what it refuses, and
that a failure leaves the destination as it was and no temporary file behind."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from casa_desk.errors import OutputError
from casa_desk.outputs import (
    _check_name_length,
    atomic_output,
    check_output,
    check_outputs,
    name_length,
    write_all,
    write_bytes,
    written_path,
)
from casa_desk.store.db import Store


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "archivio.sqlite"
    Store.open(path, create=True).close()
    return path


def refused(path: Path | str, **kwargs: object) -> str:
    with pytest.raises(OutputError) as caught:
        check_output(path, **kwargs)  # type: ignore[arg-type]
    message = caught.value.message
    assert "\n" not in message
    return message


def test_refuses_folders_missing_folders_and_paths_under_a_file(tmp_path: Path) -> None:
    assert "cartella" in refused(tmp_path)
    assert "non esiste" in refused(tmp_path / "manca" / "x.pdf")
    (tmp_path / "file.txt").write_text("x")
    assert "Non è una cartella" in refused(tmp_path / "file.txt" / "x.pdf")
    assert "Non è una cartella" in refused(tmp_path / "file.txt" / "a" / "x.pdf")
    assert "file normale" in refused("/dev/null")


def test_refuses_an_input_however_it_is_named(tmp_path: Path, store_path: Path) -> None:
    (tmp_path / "giro").mkdir()
    (tmp_path / "link").symlink_to(store_path)
    os.link(store_path, tmp_path / "hard")
    for alias in (
        store_path,
        tmp_path / "giro" / ".." / store_path.name,
        tmp_path / "link",
        tmp_path / "hard",
        Path(os.path.relpath(store_path)),
    ):
        assert "ingresso" in refused(alias, inputs=[store_path], database=True), alias


def test_refuses_the_working_files_of_a_store(tmp_path: Path, store_path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        message = refused(f"{store_path}{suffix}", inputs=[store_path])
        assert "file di lavoro" in message
        # also when the store is not an input of the command
        assert "file di lavoro" in refused(f"{store_path}{suffix}")


def test_refuses_the_lock_of_a_stores_key_file(tmp_path: Path, store_path: Path) -> None:
    """``STORE.keys.lock`` is the file casa_desk processes lock while one rewrites the key
    file: a PDF renamed over it, a process that locks it then and one that locked it before
    hold two locks on two files, and both rewrite the key file (a password change lost)."""
    from casa_desk.security import keyfile

    with keyfile.locked(store_path):
        pass
    lock = keyfile.lock_path(store_path)
    assert lock.is_file()
    (tmp_path / "altrove").mkdir()
    (tmp_path / "altrove" / "link.pdf").symlink_to(lock)
    for alias in (lock, tmp_path / "altrove" / "link.pdf", tmp_path / "altrove" / ".." / lock.name):
        assert "file di lavoro" in refused(alias, inputs=[store_path]), alias
        assert "file di lavoro" in refused(alias), alias  # whoever's store it is
    assert lock.read_bytes() == b""


def test_refuses_an_open_store_even_for_a_database_output(store_path: Path) -> None:
    with Store.open(store_path):
        assert "archivio aperto" in refused(store_path, database=True)
    # closed, a backup may replace it; a PDF never may
    assert check_output(store_path, database=True) == store_path.resolve()
    assert "è un archivio" in refused(store_path)


def test_a_backup_replaces_an_older_backup_never_a_database_of_another_kind(
    store_path: Path,
) -> None:
    from casa_desk.store.schema import APPLICATION_ID

    assert check_output(store_path, database=True, application_id=APPLICATION_ID)
    # a hub's copy (no application id) over an office store
    assert "altro tipo" in refused(store_path, database=True, application_id=0)


def test_refuses_an_existing_file_when_asked_and_two_outputs_that_are_one(tmp_path: Path) -> None:
    (tmp_path / "c.pdf").write_text("vecchio")
    assert "esiste già" in refused(tmp_path / "c.pdf", overwrite=False)
    with pytest.raises(OutputError, match="due volte"):
        check_outputs([tmp_path / "r.pdf", tmp_path / "." / "r.pdf"])


def test_writes_atomically_owner_only(tmp_path: Path) -> None:
    out = tmp_path / "lettera.pdf"
    write_bytes(out, b"%PDF-1")
    assert out.read_bytes() == b"%PDF-1"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    write_all([(tmp_path / "a.pdf", b"a"), (tmp_path / "a.csv", b"b")], mode=0o644)
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "a.pdf", "lettera.pdf"]


def test_a_failure_in_the_block_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    out = tmp_path / "rapporto.pdf"
    out.write_bytes(b"vecchio")
    with pytest.raises(RuntimeError), atomic_output(out) as temp:
        temp.write_bytes(b"nuovo a meta")
        Path(f"{temp}-wal").write_bytes(b"")  # an SQLite writer's working file
        raise RuntimeError("interrotto")
    assert out.read_bytes() == b"vecchio"
    assert [p.name for p in tmp_path.iterdir()] == ["rapporto.pdf"]


def test_a_full_disk_is_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disco pieno"):
        write_all([(tmp_path / "r.pdf", b"x" * 10), (tmp_path / "r.csv", b"y")])
    assert list(tmp_path.iterdir()) == []


def test_all_or_nothing_for_several_outputs(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(b"vecchio")
    (tmp_path / "cartella").mkdir()
    with pytest.raises(OutputError):
        write_all([(tmp_path / "r.pdf", b"nuovo"), (tmp_path / "cartella", b"csv")])
    assert (tmp_path / "r.pdf").read_bytes() == b"vecchio"


def test_a_killed_writers_temporary_files_go_with_the_next_write(tmp_path: Path) -> None:
    """kill -9 (or a power cut) during ``backup --decrypted`` left a hidden plain copy of
    every person beside the destination. The next write of that destination removes such
    files once nothing has touched them for ABANDONED_AFTER; a temporary file another
    process is writing now, and other files, stay."""
    from casa_desk.outputs import ABANDONED_AFTER

    out = tmp_path / "copia.sqlite"
    stale = tmp_path / ".copia.sqlite.k1ll3d.tmp"
    stale_keys = tmp_path / ".copia.sqlite.keys.k1ll3d.tmp"
    busy = tmp_path / ".copia.sqlite.w0rk1n.tmp"
    others = [tmp_path / ".altro.sqlite.k1ll3d.tmp", tmp_path / "copia.sqlite.note"]
    long_ago = os.stat(tmp_path).st_mtime - ABANDONED_AFTER - 60
    for path in (stale, Path(f"{stale}-wal"), stale_keys, busy, Path(f"{busy}-wal"), *others):
        path.write_bytes(b"dati")
        os.utime(path, (long_ago, long_ago))
    os.utime(Path(f"{busy}-wal"))  # its SQLite is writing now: the database file lags
    for other in others:
        os.utime(other, (long_ago, long_ago))
    write_bytes(out, b"nuovo")
    assert out.read_bytes() == b"nuovo"
    assert not stale.exists() and not Path(f"{stale}-wal").exists()
    assert not stale_keys.exists()
    assert busy.exists() and Path(f"{busy}-wal").exists()
    assert all(other.exists() for other in others)


def test_links_that_lead_nowhere_are_one_line_before_any_work(tmp_path: Path) -> None:
    """A link to itself (or a ring of links) raised Python 3.11's RuntimeError, a
    traceback; a link whose target's folder is missing said "permesso negato" about the
    link's own folder, which is writable."""
    loop, ring_a, ring_b = tmp_path / "giro", tmp_path / "a", tmp_path / "b"
    loop.symlink_to(loop)
    ring_a.symlink_to(ring_b)
    ring_b.symlink_to(ring_a)
    for link in (loop, ring_a):
        assert "rimanda a sé stesso" in refused(link)
        with pytest.raises(OutputError, match="rimanda a sé stesso"):
            written_path(link)
    nowhere = tmp_path / "chiavetta"
    nowhere.symlink_to(tmp_path / "manca" / "copia.sqlite")
    message = refused(nowhere, database=True)
    assert "cartella" in message and "non esiste" in message and "permesso" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "chiavetta", "giro"]


def test_a_key_file_is_replaced_only_by_a_key_file(tmp_path: Path, store_path: Path) -> None:
    """A hub backup, a report or a letter written over ``office.sqlite.keys`` left the
    office store unopenable (the key file holds the only way to its data key)."""
    keys = Path(f"{store_path}.keys")
    keys.write_text('{"format": "casa_desk-keys"}\n')
    link = tmp_path / "chiavetta.sqlite"
    link.symlink_to(keys)
    for out in (keys, link):
        assert "file delle chiavi" in refused(out)
        assert "file delle chiavi" in refused(out, database=True, application_id=1)
    assert write_bytes(keys, b"{}\n", key_file=True) == keys and keys.read_bytes() == b"{}\n"


def refused_code(path: Path | str, **kwargs: object) -> str | None:
    with pytest.raises(OutputError) as caught:
        check_output(path, **kwargs)  # type: ignore[arg-type]
    return caught.value.code


@pytest.mark.parametrize("name", ["x.keys", "X.KEYS", "copia.sqlite.Keys", "x.keys.", "x.keys "])
def test_no_output_but_a_key_file_is_named_like_one(tmp_path: Path, name: str) -> None:
    """A new ``x.keys`` was written (``report --out x.keys``): taken for the key file of a
    store or backup ``x`` by the next backup, a restore, a decrypted copy. Windows drops a
    trailing dot or space, so ``x.keys.`` is ``x.keys`` there."""
    out = tmp_path / name
    for options in ({}, {"database": True}, {"database": True, "application_id": 0x43415341}):
        assert refused_code(out, **options) == "output_key_file_name", options
        message = refused(out, **options)
        assert message == (
            f"{out}: i nomi che finiscono in .keys sono dei file delle chiavi degli archivi. "
            "Indicare un altro nome."
        )
    link = tmp_path / "rapporto.pdf"  # written through: the name written is the target's
    link.symlink_to(out)
    assert refused_code(link) == "output_key_file_name"
    # A key file itself is written under its name (casa_desk.security.keyfile).
    assert check_output(out, key_file=True) == out.resolve()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapporto.pdf"]


def test_no_output_goes_beside_a_lone_key_file_but_a_store_backup(tmp_path: Path) -> None:
    """``X`` written beside ``X.keys`` (a backup's key file, its copy taken to a stick, or a
    killed backup's) looks like an encrypted pair that opens nothing; only a backup of a
    store writes its copy there, with its own key file."""
    keys = tmp_path / "copia.sqlite.keys"
    keys.write_text('{"format": "casa_desk-keys"}\n')
    out = tmp_path / "copia.sqlite"
    for options in ({}, {"database": True}, {"database": True, "application_id": 0}):
        assert refused_code(out, **options) == "output_beside_keys", options
    assert refused(out) == (
        f"Accanto a {out} c'è un file delle chiavi (copia.sqlite.keys): il file verrebbe "
        "preso per un archivio cifrato. Indicare un altro nome."
    )
    assert check_output(out, database=True, application_id=0x43415341) == out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copia.sqlite.keys"]


def test_a_names_length_is_counted_as_the_platform_counts_it() -> None:
    """Windows (NTFS) limits a name to 255 UTF-16 units, POSIX file systems to 255 bytes:
    ``è`` is one unit there and two bytes here. ``𝔸`` (outside the BMP) is two units."""
    assert name_length("rapporto.pdf", windows=True) == 12
    assert name_length("rapporto.pdf", windows=False) == 12
    assert name_length("è" * 200, windows=True) == 200
    assert name_length("è" * 200, windows=False) == 400
    assert name_length("𝔸", windows=True) == 2
    assert name_length("𝔸", windows=False) == 4


@pytest.mark.parametrize("windows", [False, True], ids=["posix", "windows"])
def test_a_name_too_long_is_refused_as_the_platform_counts_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, windows: bool
) -> None:
    """200 accented letters (+ the temporary file's 14) fit in 255 UTF-16 units, not in 255
    bytes: refused, before any work, only where they would not fit. The Windows branch is
    the counting's, given to the check; the system's own answer for the limit is 255
    either way (Windows has no ``pathconf``)."""
    monkeypatch.setattr(os, "pathconf", lambda *_: 255, raising=False)
    real = tmp_path / ("è" * 200 + ".pdf")
    if windows:
        _check_name_length(real, real, windows=True)
    else:
        with pytest.raises(OutputError) as caught:
            _check_name_length(real, real, windows=False)
        assert caught.value.message == f"Impossibile scrivere {real}: nome troppo lungo."
        assert caught.value.code == "output_name_too_long"
    ascii_name = tmp_path / ("x" * 242)  # 242 + 14 > 255 on both
    with pytest.raises(OutputError):
        _check_name_length(ascii_name, ascii_name, windows=windows)
    _check_name_length(tmp_path / ("x" * 241), tmp_path / ("x" * 241), windows=windows)


def test_a_database_name_leaves_room_for_its_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A SQLite file is written through a temporary file that has a ``-journal`` of its
    own: a backup named 8 characters short of the limit failed at the copy, after the
    login, with "impossibile aprire il file". Now refused first, saying why; any other
    file of that name is written."""
    monkeypatch.setattr(os, "pathconf", lambda *_: 255, raising=False)
    name = tmp_path / ("x" * 236)  # 236 + 14 fits 255; with "-journal" it does not
    check_output(name)
    with pytest.raises(OutputError) as caught:
        check_output(name, database=True)
    assert caught.value.code == "output_name_too_long"
    check_output(tmp_path / ("x" * 233), database=True)


def test_a_folder_on_a_read_only_medium_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder on a read-only filesystem (a locked USB key, a CD) was refused as "permesso
    negato". A read-only mount cannot be made here, so the system's two answers about the
    folder are those of one: ``access`` says no, ``statvfs`` flags it read-only."""
    from types import SimpleNamespace

    from login_helpers import new_store

    from casa_desk.cli import main
    from casa_desk.ui.error_texts import TEXTS

    new_store(tmp_path / "store.sqlite").close()
    key = tmp_path / "chiavetta"
    key.mkdir()
    real_access, real_statvfs = os.access, os.statvfs

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if Path(str(path)) == key else real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def statvfs(path: object) -> object:
        found = real_statvfs(path)  # type: ignore[arg-type]
        if Path(str(path)) != key:
            return found
        return SimpleNamespace(f_flag=found.f_flag | os.ST_RDONLY)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "statvfs", statvfs)
    with pytest.raises(OutputError) as caught:
        check_output(key / "r.pdf")
    assert caught.value.message == f"Impossibile scrivere in {key}: supporto in sola lettura."
    assert caught.value.code == "output_read_only" and "sola lettura" in TEXTS["output_read_only"]
    assert main(["report", "--db", str(tmp_path / "store.sqlite"), "--month", "2026-10",
                 "--all", "--out", str(key / "r.pdf")]) != 0  # fmt: skip
    err = capsys.readouterr().err
    assert err.strip() == f"casa-desk: Impossibile scrivere in {key}: supporto in sola lettura."
    # a folder simply not writable keeps its words
    monkeypatch.setattr(os, "statvfs", real_statvfs)
    with pytest.raises(OutputError, match="permesso negato"):
        check_output(key / "r.pdf")


@pytest.fixture
def protected(tmp_path: Path) -> Iterator[Path]:
    """A file its owner made read-only to keep it: ``chmod a-w`` (``chattr +i`` for root,
    whom the mode bits do not stop; skipped where that cannot be set)."""
    import subprocess

    path = tmp_path / "relazione.pdf"
    path.write_bytes(b"%PDF-1.4 la mia relazione\n")
    if getattr(os, "geteuid", lambda: 1)() != 0:
        path.chmod(0o444)
        yield path
        return
    if subprocess.run(["chattr", "+i", str(path)], check=False).returncode != 0:
        pytest.skip("chattr +i non disponibile")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=False)


def test_a_write_protected_file_is_refused_before_any_work(
    tmp_path: Path, protected: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file made read-only to keep it was replaced all the same on POSIX (the rename
    needs only the folder), and on Windows (or made immutable) the rename failed only
    after the work: ``hub device-code --out`` had replaced the device's code, the old one
    dead and the new one never written. Now one line before anything is done."""
    from casa_desk.cli import main
    from casa_desk.sync.hub.devices import add_device
    from casa_desk.sync.hub.storage import HubStore

    assert "protetto da scrittura" in refused(protected)
    with pytest.raises(OutputError, match="protetto da scrittura"):
        write_bytes(protected, b"altro")
    hub_path = tmp_path / "hub.sqlite"
    hub = HubStore.open(hub_path)
    try:
        device, _code = add_device(hub, "SAN-SIRO")
    finally:
        hub.close()
    before = hub_path.read_bytes()
    capsys.readouterr()

    argv = ["hub", "device-code", "--db", str(hub_path), device, "--out", str(protected)]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"casa-desk: {protected} è protetto da scrittura: non lo sovrascrivo. "
        "Indicare un altro file."
    ]
    assert hub_path.read_bytes() == before
    assert protected.read_bytes() == b"%PDF-1.4 la mia relazione\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hub.sqlite", "relazione.pdf"]


def test_a_csv_written_earlier_is_replaced_whatever_its_size(tmp_path: Path) -> None:
    """A CSV for spreadsheets starts with a byte-order mark (bytes past 126), so one whose
    size happened to be whole pages of 4 KiB looked like an encrypted store: "è un archivio:
    non lo sovrascrivo", and the report could never be written there again."""
    from casa_desk.safe_csv import for_spreadsheets

    header = for_spreadsheets([["presidio", "persone"]])
    earlier = for_spreadsheets([["presidio", "persone"], ["X" * (8192 - len(header) - 3), "1"]])
    assert len(earlier) == 8192
    out = tmp_path / "report.csv"
    out.write_bytes(earlier)
    write_bytes(out, header)
    assert out.read_bytes() == header
