"""Logging in, failing to, and managing who may: slots, throttle, accounts, recovery."""

from __future__ import annotations

from pathlib import Path

import pytest
from login_helpers import CHEAP, PASSWORD, USER, login, new_session

from casa_desk.errors import CasaError, ValidationError
from casa_desk.models.vocab import Role
from casa_desk.security import accounts, keyfile, throttle
from casa_desk.security.access import UserDisabled, create_desk, unlock
from casa_desk.security.keyfile import KdfParams
from casa_desk.security.keyslots import WrongPassword
from casa_desk.security.passwords import check_password
from casa_desk.security.permissions import Action, PermissionDenied, may
from casa_desk.security.throttle import Throttled, delay_after

OTHER_PASSWORD = "un'altra frase lunga"


class Clock:
    """A clock a test moves by hand (the throttle's waits, break-glass expiry)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    store = tmp_path / "s.sqlite"
    new_session(store).store.close()
    return store


def _audit(path: Path, action: str, password: str = PASSWORD) -> list[dict]:
    session = login(path, password=password)
    try:
        return session.store.query(
            "SELECT who, at, row_id FROM audit_log WHERE action = ? ORDER BY at", [action]
        )
    finally:
        session.store.close()


def test_failures_slow_down_and_reach_the_audit_at_the_next_login(path: Path) -> None:
    clock = Clock()
    assert [delay_after(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    for _ in range(3):
        with pytest.raises(WrongPassword):
            unlock(path, USER, "sbagliata", now=clock)
        clock.now += 0.1
    # the fourth try comes too soon: refused before the password is even looked at
    with pytest.raises(Throttled) as early:
        unlock(path, USER, PASSWORD, now=clock)
    assert 1.5 < early.value.retry_after <= 2
    clock.now += 2
    with pytest.raises(WrongPassword):
        unlock(path, USER, "ancora sbagliata", now=clock)
    clock.now += 3  # the wait has grown to 4 s
    with pytest.raises(Throttled):
        unlock(path, USER, PASSWORD, now=clock)
    clock.now += 1
    unlock(path, USER, PASSWORD, now=clock).store.close()  # right: the count starts again
    assert USER not in keyfile.read(path).attempts
    failed = _audit(path, "login_failed")
    assert [r["who"] for r in failed] == [USER] * 4
    assert len({r["at"] for r in failed}) == 4 and all(r["row_id"] for r in failed)
    with pytest.raises(WrongPassword):  # the next failure is free again
        unlock(path, USER, "sbagliata", now=clock)


def test_an_unknown_username_is_not_recorded_anywhere(path: Path) -> None:
    before = keyfile.keyfile_path(path).read_bytes()
    with pytest.raises(WrongPassword):
        unlock(path, "la mia password segreta", "x")
    assert keyfile.keyfile_path(path).read_bytes() == before


def test_accounts_passwords_and_disabling(path: Path) -> None:
    admin = login(path)
    user = accounts.add_user(
        admin, "m.rossi", full_name="Maria Rossi", role="operatore", password=OTHER_PASSWORD
    )
    assert (user.role, user.may_see_sensitive) == (Role.OPERATOR, False)  # explicit, off
    with pytest.raises(ValidationError, match="già"):
        accounts.add_user(admin, "M.Rossi", full_name="X", role="operatore", password=PASSWORD)
    with pytest.raises(ValidationError) as weak:
        accounts.add_user(admin, "b.bianchi", full_name="B", role="operatore", password="corta")
    assert weak.value.code == "weak_password"
    admin.store.close()
    operator = login(path, username="m.rossi", password=OTHER_PASSWORD)
    with pytest.raises(PermissionDenied):
        accounts.add_user(operator, "x.y", full_name="X", role="operatore", password=PASSWORD)
    slots = {s.username: s for s in keyfile.read(path).slots}
    accounts.change_own_password(operator, OTHER_PASSWORD, "la nuova frase di Maria")
    after = {s.username: s for s in keyfile.read(path).slots}
    assert after[USER] == slots[USER] and after["m.rossi"] != slots["m.rossi"]  # one re-wrap
    operator.store.close()
    with pytest.raises(WrongPassword):
        login(path, username="m.rossi", password=OTHER_PASSWORD)
    admin = login(path)
    accounts.reset_password(admin, "m.rossi", "scelta dall'amministratore")
    assert [a.user.must_change_password for a in accounts.list_users(admin)] == [True, False]
    with pytest.raises(CasaError, match="proprio"):
        accounts.disable_user(admin, USER)
    with pytest.raises(CasaError, match="ultimo amministratore"):
        accounts.change_user(admin, USER, role="operatore")
    accounts.disable_user(admin, "m.rossi")
    admin.store.close()
    assert keyfile.read(path).user_slot("m.rossi") is None
    with pytest.raises(WrongPassword):
        login(path, username="m.rossi", password="scelta dall'amministratore")
    actions = [r["who"] for r in _audit(path, "user_disabled")]
    assert actions == [USER]


def test_a_disabled_user_with_an_old_key_file_stays_out(path: Path) -> None:
    admin = login(path)
    accounts.add_user(admin, "m.rossi", full_name="M", role="operatore", password=OTHER_PASSWORD)
    old_keys = keyfile.keyfile_path(path).read_bytes()
    accounts.disable_user(admin, "m.rossi")
    admin.store.close()
    keyfile.keyfile_path(path).write_bytes(old_keys)  # a copy kept from before
    with pytest.raises(UserDisabled):
        login(path, username="m.rossi", password=OTHER_PASSWORD)


def test_recovery_code_resets_a_forgotten_password(path: Path) -> None:
    admin = login(path)
    code = accounts.make_recovery_code(admin)
    admin.store.close()
    assert len(code.replace("-", "")) == 26
    with pytest.raises(CasaError, match="errato"):
        accounts.recover(path, "AAAA-" + code[5:], USER, "nuova frase per entrare")
    session = accounts.recover(path, code.lower().replace("-", " "), USER, "nuova frase ok!")
    assert session.user.username == USER
    session.store.close()
    login(path, password="nuova frase ok!").store.close()
    assert [r["who"] for r in _audit(path, "password_reset", "nuova frase ok!")] == [USER]
    assert "recovery" in {s.kind for s in keyfile.read(path).slots}


def test_failures_before_a_recovery_or_a_reset_still_reach_the_audit(path: Path) -> None:
    """A recovery (or an administrator's reset) ends the user's wait but not the record of
    the wrong passwords tried before it: the next login writes them, as after any login."""
    admin = login(path)
    code = accounts.make_recovery_code(admin)
    accounts.add_user(admin, "b.verdi", full_name="B", role="operatore", password=OTHER_PASSWORD)
    admin.store.close()
    for who in (USER, USER, "b.verdi"):
        with pytest.raises(WrongPassword):
            unlock(path, who, "sbagliata")
    accounts.recover(path, code, USER, "nuova frase ok!").store.close()
    assert [r["who"] for r in _audit(path, "login_failed", "nuova frase ok!")] == [
        USER,
        USER,
        "b.verdi",
    ]
    admin = login(path, password="nuova frase ok!")
    with pytest.raises(WrongPassword):  # at another desk while the administrator is in
        unlock(path, "b.verdi", "sbagliata")
    accounts.reset_password(admin, "b.verdi", "una frase nuova per b")
    admin.store.close()
    assert USER not in keyfile.read(path).attempts
    failed = _audit(path, "login_failed", "nuova frase ok!")
    assert [r["who"] for r in failed] == [USER, USER, "b.verdi", "b.verdi"]


def test_roles() -> None:
    assert not may(Role.OPERATOR, Action.REPORT) and may(Role.COORDINATOR, Action.REPORT)
    assert may(Role.OPERATOR, Action.LOG_CONTACTS)
    assert not may(Role.COORDINATOR, Action.MANAGE_USERS)
    assert not may(Role.COORDINATOR, Action.BACKUP_DECRYPTED)
    assert all(may(Role.ADMINISTRATOR, a) for a in Action)
    assert may(Role.COORDINATOR, Action.VIEW_AUDIT) and not may(Role.OPERATOR, Action.VIEW_AUDIT)


@pytest.mark.parametrize(
    "password",
    ["corta", "password2026", "Sansiro!!!!", "1234567890", "aaaaaaaaaaaa", "mrossi-casa-1"],
)
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        check_password(password, username="mrossi")


def test_a_long_phrase_is_accepted() -> None:
    check_password("il gatto dorme sul divano", username="mrossi")


def test_key_file_writes_are_serialised(path: Path) -> None:
    """A failure counted by one process never undoes a slot written by another."""
    import threading

    admin = login(path)
    errors: list[BaseException] = []

    def fail_often() -> None:
        for _ in range(20):
            throttle.failed(path, USER)

    worker = threading.Thread(target=fail_often)
    worker.start()
    try:
        for n in range(5):
            accounts.add_user(
                admin, f"utente{n}", full_name="U", role="operatore", password=OTHER_PASSWORD
            )
    except BaseException as exc:  # noqa: BLE001 - reported below
        errors.append(exc)
    worker.join()
    admin.store.close()
    assert errors == []
    assert {f"utente{n}" for n in range(5)} <= {s.username for s in keyfile.read(path).slots}


def test_a_clock_set_back_after_failures_never_waits_longer_than_the_longest_delay(
    path: Path,
) -> None:
    """Failures counted while the clock ran years ahead (a PC with a wrong date, later put
    right) or a wait written far ahead into the key file: the user waits at most
    five minutes, not the years until that time (the command line slept them all)."""
    ahead = Clock()
    ahead.now += 5 * 365 * 86400
    for _ in range(8):
        with pytest.raises((WrongPassword, Throttled)):
            unlock(path, USER, "sbagliata", now=ahead)
    right = Clock()
    with pytest.raises(Throttled) as waiting:
        unlock(path, USER, PASSWORD, now=right)
    assert 0 < waiting.value.retry_after <= throttle.MAX_DELAY_SECONDS
    assert "riprovare tra " in waiting.value.message
    right.now += throttle.MAX_DELAY_SECONDS
    unlock(path, USER, PASSWORD, now=right).store.close()


def test_a_key_file_made_cheap_does_not_cheapen_the_slots_written_after(
    tmp_path: Path,
) -> None:
    """Someone who can write the key file (not the store) lowers its argon2id cost for new
    slots to almost nothing, then waits for a password change, a reset, a new user or a
    recovery code, and guesses those offline thousands of times faster: new slots cost at
    least what the slot that opened the store costs (its cost is proven: a lowered cost
    derives another key, which opens nothing)."""
    store = tmp_path / "s.sqlite"
    real = KdfParams(time_cost=2, memory_kib=1024, parallelism=1)
    create_desk(
        store,
        username=USER,
        full_name="Amministratrice Prova",
        password=PASSWORD,
        presidio="SAN-SIRO",
        params=real,
        check_strength=False,
    ).store.close()

    def cheapen() -> None:
        with keyfile.update(store) as keys:
            keys.kdf = CHEAP

    cheapen()
    admin = login(store)
    accounts.add_user(
        admin, "b.verdi", full_name="Bruno Verdi", role="operatore", password=OTHER_PASSWORD
    )
    accounts.reset_password(admin, "b.verdi", "terza frase abbastanza lunga")
    code = accounts.make_recovery_code(admin)
    accounts.change_own_password(admin, PASSWORD, "quarta frase abbastanza lunga")
    admin.store.close()
    cheapen()
    operator = login(store, username="b.verdi", password="terza frase abbastanza lunga")
    accounts.change_own_password(operator, "terza frase abbastanza lunga", OTHER_PASSWORD)
    operator.store.close()
    cheapen()
    recovered = accounts.recover(store, code, USER, PASSWORD)  # the recovery slot's cost
    recovered.store.close()
    slots = keyfile.read(store).slots
    assert {(s.kind, s.username) for s in slots} == {
        ("user", USER),
        ("user", "b.verdi"),
        ("recovery", "recovery"),
    }
    assert all(s.kdf == real for s in slots), [s.kdf for s in slots]


def test_no_user_is_named_as_the_recovery_codes_slot(tmp_path: Path) -> None:
    """A user named "recovery" shared the recovery code's throttle count: anyone guessing
    codes locked that user out (the login and roles review). The name is reserved."""
    from casa_desk.security import keyslots
    from casa_desk.store.users import RESERVED_USERNAMES

    assert keyslots.RECOVERY in RESERVED_USERNAMES
    admin = new_session(tmp_path / "desk.sqlite")
    strong = "una frase lunga per la prova"
    for name in ("recovery", " Recovery "):
        with pytest.raises(ValidationError) as refused:
            accounts.add_user(
                admin, name, full_name="Rita Recupero", role="operatore", password=strong
            )
        assert refused.value.code == "username_reserved"
    assert "recovery" not in [a.user.username for a in accounts.list_users(admin)]
    admin.store.close()
