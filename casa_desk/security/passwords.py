"""What a password must be: long enough, and not an obvious one.

A length rule with a short block list, not zxcvbn: NIST SP 800-63B asks for length and a
check against known-bad passwords, and no composition rules (they give ``Password1!``).
zxcvbn's Python port scores English words and names and has no Italian dictionary, so it
would call ``marco1975`` strong here, and it is one more unmaintained dependency. The real
cost for an attacker is the key slot's argon2id (~0.3 s and 64 MiB a guess, per user) and,
at the desk, the growing delay after failures (:mod:`casa_desk.security.throttle`).
"""

from __future__ import annotations

from casa_desk.errors import ValidationError

MIN_LENGTH = 10
MAX_LENGTH = 256

#: Passwords people choose first (Italian and English), compared without case, spaces or
#: trailing digits: "Password2026" is "password".
_OBVIOUS = frozenset(
    {
        "password",
        "passw0rd",
        "qwerty",
        "qwertyuiop",
        "azerty",
        "asdfghjkl",
        "abcdefghij",
        "letmein",
        "welcome",
        "benvenuto",
        "benvenuti",
        "ciao",
        "casa",
        "casadesk",
        "aler",
        "alermilano",
        "milano",
        "sansiro",
        "gratosoglio",
        "mazzini",
        "sportello",
        "presidio",
        "amministratore",
        "coordinatore",
        "operatore",
        "admin",
        "administrator",
        "demo",
        "prova",
        "test",
        "segreto",
        "segreta",
        "inter",
        "juventus",
        "milan",
        "iloveyou",
        "tiamo",
    }
)


def check_password(password: str, *, username: str = "") -> None:
    """ValidationError (code ``weak_password``) with the reason, or nothing."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"La password deve avere almeno {MIN_LENGTH} caratteri.",
            field="password",
            code="weak_password",
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(
            f"La password può avere al più {MAX_LENGTH} caratteri.",
            field="password",
            code="weak_password",
        )
    core = "".join(password.lower().split()).rstrip("0123456789!?.")
    name = username.strip().lower()
    if (
        core in _OBVIOUS
        or len(set(password)) < 4
        or _is_sequence(password)
        or (len(name) >= 3 and name in password.lower())
    ):
        raise ValidationError(
            "Password troppo facile da indovinare: usare una frase di più parole.",
            field="password",
            code="weak_password",
        )


_RUNS = ("0123456789" * 4, "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm")


def _is_sequence(text: str) -> bool:
    """``1234567890``, ``abcdefghij``, ``0987654321``, ``qwertyuiop``: a run of keys."""
    lowered = text.lower()
    return any(lowered in run or lowered in run[::-1] for run in _RUNS)
