"""Local users of this desktop (not synced): operators, coordinators, administrators."""

from __future__ import annotations

from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.models.vocab import Role
from casa_desk.store.db import Store


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
        may_see_sensitive: bool = True,
    ) -> dict[str, Any]:
        username = username.strip().lower()
        if not username or " " in username:
            raise ValidationError(
                "Il nome utente è obbligatorio e non può contenere spazi.",
                field="username",
                code="username_invalid",
            )
        if self.get(username):
            raise ValidationError(
                "Esiste già un utente con questo nome.", field="username", code="username_taken"
            )
        row = {
            "id": uuid7(),
            "username": username,
            "full_name": full_name.strip() or username,
            "role": Role(role).value,
            "presidio": presidio,
            "may_see_sensitive": int(may_see_sensitive),
            "active": 1,
            "created_at": utc_now_text(),
        }
        with self.store.transaction():
            self.store.db["users"].insert(row)  # type: ignore[union-attr]
        return row

    def get(self, username: str) -> dict[str, Any] | None:
        rows = self.store.query("SELECT * FROM users WHERE username = ?", [username.lower()])
        return rows[0] if rows else None

    def all(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT * FROM users WHERE active = 1 ORDER BY username")
