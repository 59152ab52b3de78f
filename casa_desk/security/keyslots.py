"""Key slots: the store's random data key, wrapped once per password (LUKS' idea).

The store is encrypted with a random 256-bit *data key* that no person ever sees. Each user
holds a *slot*: argon2id turns the user's password and a random salt into a 256-bit key
(parameters stored in the slot), and that key wraps the data key with AES-256-GCM, the
username bound as associated data. So:

* a changed password re-wraps one slot; the data and the other slots stay as they are;
* a forgotten password is reset by an administrator, who holds the data key once logged in;
  nothing is lost and no password is shared;
* a slot cannot be relabelled: moving Anna's slot under Bruno's name fails the GCM check;
* an administrator can make a *recovery code* at set-up — a slot of its own, for the day
  every administrator's password is forgotten.

argon2id (argon2-cffi's low-level API: we store the raw derived key's parameters, not an
encoded hash) is memory-hard: a stolen key file costs an attacker ~0.3 s and 64 MiB of
memory per guess and per slot. The parameters are calibrated on the machine that makes the
slot (:func:`calibrated_params`) and stored with it, so a slot made on a fast PC still opens
on a slow one, and tests may make cheap slots — the cost is data, not a switch.
"""

from __future__ import annotations

import secrets
import time
from functools import lru_cache

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casa_desk.errors import CasaError
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.security.keyfile import KdfParams, Slot
from casa_desk.security.tokens import group, normalise_code

KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
_AD_PREFIX = b"casa_desk key slot v1\x00"

#: What a slot costs to open, aimed for on the machine that makes it (issue 10: 0.1–0.5 s).
TARGET_SECONDS = 0.3
#: Memory per derivation: 64 MiB (RFC 9106's second recommended setting).
MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 2
MAX_TIME_COST = 12

#: Recovery codes: 26 symbols of 5 bits (130 bits), grouped by four for reading aloud.
RECOVERY_SYMBOLS = 26
RECOVERY = "recovery"
USER = "user"


class WrongPassword(CasaError):
    """The password (or recovery code) does not open the slot. Worded without saying
    whether the user exists."""

    code = "wrong_password"

    def __init__(self) -> None:
        super().__init__("Nome utente o password errati.")


def new_data_key() -> bytes:
    """A fresh random data key (256 bits) for a new store."""
    return secrets.token_bytes(KEY_BYTES)


def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    """argon2id(password, salt) → 32 bytes."""
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


@lru_cache(maxsize=1)
def calibrated_params(target: float = TARGET_SECONDS) -> KdfParams:
    """argon2id parameters that take about ``target`` seconds here (measured once per
    process, with one derivation at the lowest cost): 64 MiB, time cost 2–12."""
    probe = KdfParams(1, MEMORY_KIB, 1)
    started = time.perf_counter()
    derive("calibrazione", b"\0" * SALT_BYTES, probe)
    one = max(time.perf_counter() - started, 1e-3)
    cost = round(target / one)
    return KdfParams(max(MIN_TIME_COST, min(MAX_TIME_COST, cost)), MEMORY_KIB, 1)


def at_least(params: KdfParams, floor: KdfParams) -> KdfParams:
    """``params`` for a new slot, unless they cost less than ``floor`` (the cost of a slot
    that has opened the store: proven, since another cost derives another key, which opens
    nothing). The key file's cost for new slots is not authenticated: whoever can write the
    file could lower it and guess every slot written after it offline for almost nothing."""
    if params.time_cost >= floor.time_cost and params.memory_kib >= floor.memory_kib:
        return params
    return floor


def _associated(kind: str, username: str) -> bytes:
    return _AD_PREFIX + kind.encode("ascii") + b"\x00" + username.encode("utf-8")


def make_slot(
    data_key: bytes, *, username: str, password: str, params: KdfParams, kind: str = USER
) -> Slot:
    """Wrap ``data_key`` for ``username`` under ``password`` (a new salt and nonce)."""
    if len(data_key) != KEY_BYTES:
        raise ValueError("a data key is 32 bytes")
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    kek = derive(password, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, _associated(kind, username))
    return Slot(uuid7(), kind, username, params, salt, nonce, wrapped, utc_now_text())


def open_slot(slot: Slot, password: str) -> bytes:
    """The data key from ``slot``, or :class:`WrongPassword`."""
    return unwrap(slot, derive(password, slot.salt, slot.kdf))


def unwrap(slot: Slot, kek: bytes) -> bytes:
    """The data key from ``slot`` with the key-encryption key argon2id derived from the
    password (:func:`derive`, with the slot's salt and parameters), or :class:`WrongPassword`."""
    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.wrapped, _associated(slot.kind, slot.username))
    except InvalidTag:
        raise WrongPassword() from None
    if len(key) != KEY_BYTES:
        raise WrongPassword()
    return key


def waste_time(params: KdfParams) -> None:
    """Spend what opening a slot would (a login for a username that has no slot), so the
    answer's timing does not tell which usernames exist."""
    derive("x", b"\0" * SALT_BYTES, params)


def new_recovery_code() -> str:
    """``'K7QM-2XPA-…'``: 130 random bits, no look-alike letters (read out, typed back)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return group(secrets.choice(alphabet) for _ in range(RECOVERY_SYMBOLS))


def recovery_secret(code: str) -> str:
    """The typed code as the slot's password: dashes, spaces and case do not matter."""
    return normalise_code(code)
