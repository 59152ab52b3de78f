"""Local users of this desktop (not synced): operators, coordinators, administrators.

The rows say who a user is (full name, role, office) and what they may do; the password
check is the user's key slot in the store's key file (casa_desk.security.keyslots), so
``password_hash`` and ``key_slot`` stay empty (the columns are DESIGN.md §3's contract). Every
change here is made by casa_desk.security.accounts, which checks the caller's role and audits.
Permission to see sensitive content is off unless given explicitly.
"""

from __future__ import annotations

import re
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.models.vocab import Role
from casa_desk.store.db import Store

#: Usernames: lower-case letters, digits, dot, dash, underscore; 2–32 characters.
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


def clean_username(username: str) -> str:
    """``' MRossi '`` → ``'mrossi'``; ValidationError when it cannot be a username."""
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise ValidationError(
            "Nome utente non valido: da 2 a 32 caratteri tra lettere, cifre, punto, "
            "trattino e trattino basso, senza spazi.",
            field="username",
            code="username_invalid",
        )
    return name


#: Names the key file keeps for its own slots: the recovery code's (``security.keyslots
#: .RECOVERY``), whose failed guesses a user of that name would share a throttle count with.
RESERVED_USERNAMES = frozenset({"recovery"})


def clean_new_username(username: str) -> str:
    """:func:`clean_username` for a user being created: a reserved name is refused too."""
    name = clean_username(username)
    if name in RESERVED_USERNAMES:
        raise ValidationError(
            "Questo nome utente è riservato al programma: sceglierne un altro.",
            field="username",
            code="username_reserved",
        )
    return name


#: The longest name a user may have (shown in the status bar and on the audit page; a
#: change carries at most 100 characters of it to the hub). A command line once took 50,000.
MAX_FULL_NAME = 100


def clean_full_name(full_name: str) -> str:
    """The name stripped; ValidationError when it is too long (empty is left to callers:
    some require it, some fall back to the username)."""
    text = full_name.strip()
    if len(text) > MAX_FULL_NAME:
        raise ValidationError(
            f"Nome e cognome troppo lunghi: al massimo {MAX_FULL_NAME} caratteri.",
            field="full_name",
            code="too_long",
        )
    return text


class Users:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self,
        username: str,
        full_name: str,
        *,
        presidio: str,
        role: Role | str = Role.OPERATOR,
        may_see_sensitive: bool = False,
    ) -> dict[str, Any]:
        username = clean_new_username(username)
        if self.get(username):
            raise ValidationError(
                "Esiste già un utente con questo nome.", field="username", code="username_taken"
            )
        row = {
            "id": uuid7(),
            "username": username,
            "full_name": clean_full_name(full_name) or username,
            "role": Role(role).value,
            "presidio": presidio,
            "may_see_sensitive": int(may_see_sensitive),
            "active": 1,
            "created_at": utc_now_text(),
            "must_change_password": 0,
        }
        with self.store.transaction():
            self.store.db["users"].insert(row)  # type: ignore[union-attr]
        return row

    def get(self, username: str) -> dict[str, Any] | None:
        rows = self.store.query(
            "SELECT * FROM users WHERE username = ?", [username.strip().lower()]
        )
        return rows[0] if rows else None

    def all(self, *, include_disabled: bool = False) -> list[dict[str, Any]]:
        where = "" if include_disabled else " WHERE active = 1"
        return self.store.query(f"SELECT * FROM users{where} ORDER BY username")

    def change(self, username: str, **values: Any) -> dict[str, Any]:
        """Set some of ``full_name``, ``role``, ``may_see_sensitive``, ``active``,
        ``must_change_password``; returns the row as it is now."""
        allowed = {"full_name", "role", "may_see_sensitive", "active", "must_change_password"}
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not user fields: {sorted(unknown)}")
        if "role" in values:
            values["role"] = Role(values["role"]).value
        if "full_name" in values:
            values["full_name"] = clean_full_name(values["full_name"]) or username
        current = self.get(username)
        if current is None:
            raise ValidationError("Utente sconosciuto.", field="username", code="unknown_user")
        with self.store.transaction():
            if values:
                sets = ", ".join(f"{k} = ?" for k in values)
                self.store.db.execute(
                    f"UPDATE users SET {sets} WHERE id = ?", [*values.values(), current["id"]]
                )
        return self.get(username) or current

    def count_administrators(self) -> int:
        row = self.store.db.execute(
            "SELECT count(*) FROM users WHERE role = ? AND active = 1", [Role.ADMINISTRATOR.value]
        ).fetchone()
        return int(row[0])
