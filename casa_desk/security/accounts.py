"""Users and their passwords: add, list, change, disable, reset; recovery codes.

Every call takes the :class:`~casa_desk.security.access.Session` of the user asking, checks
their role (administrators manage users; anyone changes their own password) and writes an
audit row in their name. A user is two things kept together: a row in the store's
``users`` table (who, role, permission to see sensitive content) and a key slot in the key
file (the password). The slot is written first: a failure after it leaves a slot without an
account, which opens nothing (:func:`casa_desk.security.access.unlock` refuses it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casa_desk.errors import CasaError, ValidationError
from casa_desk.models.vocab import AuditAction, Role
from casa_desk.security import keyfile, keyslots, throttle
from casa_desk.security.access import Desk, Session, User, start_session
from casa_desk.security.passwords import check_password
from casa_desk.security.permissions import Action
from casa_desk.store.db import Store
from casa_desk.store.users import Users, clean_full_name, clean_new_username, clean_username


@dataclass(frozen=True)
class Account:
    """A row of the Users page / ``casa-desk user list``."""

    user: User
    active: bool
    created_at: str
    has_password: bool  # a key slot exists


def add_user(
    session: Session,
    username: str,
    *,
    full_name: str,
    role: Role | str,
    password: str,
    may_see_sensitive: bool = False,
) -> User:
    """A new user with their own password (administrators only). Audited ``user_added``."""
    session.require(Action.MANAGE_USERS)
    name = clean_new_username(username)
    full_name = _full_name(full_name)
    role = Role(role)
    check_password(password, username=name)
    users = Users(session.store)
    if users.get(name) is not None:
        raise ValidationError(
            "Esiste già un utente con questo nome.", field="username", code="username_taken"
        )
    _write_slot(session, name, password)
    row = users.add(
        name,
        full_name,
        presidio=session.store.presidio or "",
        role=role,
        may_see_sensitive=may_see_sensitive,
    )
    reason = role.value + (", contenuti riservati" if may_see_sensitive else "")
    session.audit(AuditAction.USER_ADDED, table="users", row_id=row["id"], reason=reason)
    return User.from_row(row, session.store.presidio)


def _full_name(text: str) -> str:
    """A user's name: required, bounded (:func:`~casa_desk.store.users.clean_full_name`)."""
    text = clean_full_name(text)
    if not text:
        raise ValidationError("Indicare nome e cognome.", field="full_name", code="required")
    return text


def list_users(session: Session, *, include_disabled: bool = True) -> list[Account]:
    """Every user of this store (administrators only)."""
    session.require(Action.MANAGE_USERS)
    keys = keyfile.read(session.desk.path)
    return [
        Account(
            User.from_row(row, session.store.presidio),
            bool(row["active"]),
            str(row.get("created_at") or ""),
            keys.user_slot(row["username"]) is not None,
        )
        for row in Users(session.store).all(include_disabled=include_disabled)
    ]


def change_user(
    session: Session,
    username: str,
    *,
    full_name: str | None = None,
    role: Role | str | None = None,
    may_see_sensitive: bool | None = None,
) -> User:
    """Change a user's name, role or permission to see sensitive content (administrators;
    the last active administrator keeps the role). Audited ``user_changed``."""
    session.require(Action.MANAGE_USERS)
    users = Users(session.store)
    row = _existing(users, username)
    values: dict[str, Any] = {}
    if full_name is not None and full_name.strip():
        values["full_name"] = _full_name(full_name)
    if role is not None and Role(role).value != row["role"]:
        if row["role"] == Role.ADMINISTRATOR.value and users.count_administrators() <= 1:
            raise _last_administrator()
        values["role"] = Role(role).value
    if may_see_sensitive is not None and bool(row["may_see_sensitive"]) != may_see_sensitive:
        values["may_see_sensitive"] = int(may_see_sensitive)
    if values:
        row = users.change(row["username"], **values)
        what = ", ".join(f"{k}={v}" for k, v in sorted(values.items()) if k != "full_name")
        session.audit(
            AuditAction.USER_CHANGED, table="users", row_id=row["id"], reason=what or "full_name"
        )
    return User.from_row(row, session.store.presidio)


def disable_user(session: Session, username: str) -> None:
    """Disable a user: their key slot is removed and the account cannot log in. Not one's
    own account, and never the last active administrator. Audited ``user_disabled``.

    Note: whoever kept an old copy of the key file and knows the old password can still
    decrypt an old copy of the store (the data key does not change); changing the data key
    means re-encrypting the whole store, which this version does not do.
    """
    session.require(Action.MANAGE_USERS)
    users = Users(session.store)
    row = _existing(users, username)
    if row["username"] == session.user.username:
        raise CasaError("Non si può disattivare il proprio utente.", code="disable_self")
    if not row["active"]:
        return
    if row["role"] == Role.ADMINISTRATOR.value and users.count_administrators() <= 1:
        raise _last_administrator()
    with keyfile.update(session.desk.path) as keys:
        keys.remove_user(row["username"])
    users.change(row["username"], active=0)
    session.audit(AuditAction.USER_DISABLED, table="users", row_id=row["id"])


def reset_password(session: Session, username: str, new_password: str) -> None:
    """An administrator sets a forgotten password (the user should change it at their next
    login: ``must_change_password``). Re-wraps one slot; audited ``password_reset``."""
    session.require(Action.MANAGE_USERS)
    users = Users(session.store)
    row = _existing(users, username)
    if not row["active"]:
        raise CasaError("Utente disattivato: riattivarlo non è previsto.", code="user_disabled")
    check_password(new_password, username=row["username"])
    _write_slot(session, row["username"], new_password)
    throttle.forget(session.desk.path, row["username"])
    if row["username"] != session.user.username:
        users.change(row["username"], must_change_password=1)
    session.audit(AuditAction.PASSWORD_RESET, table="users", row_id=row["id"])


def change_own_password(session: Session, old_password: str, new_password: str) -> None:
    """Any user changes their own password, giving the old one. Audited."""
    from casa_desk.security.access import open_user_slot

    open_user_slot(session.desk.path, session.user.username, old_password, now=session.now)
    check_password(new_password, username=session.user.username)
    _write_slot(session, session.user.username, new_password)
    Users(session.store).change(session.user.username, must_change_password=0)
    session.audit(AuditAction.PASSWORD_CHANGED, table="users", row_id=session.user.id)


def make_recovery_code(session: Session) -> str:
    """A recovery code for this store (administrators): shown once, to be printed and kept
    locked away. It replaces any earlier code. Audited ``recovery_code``."""
    session.require(Action.RECOVERY_CODE)
    code = keyslots.new_recovery_code()
    keys = keyfile.read(session.desk.path)
    slot = keyslots.make_slot(
        session.desk.data_key(),
        username=keyslots.RECOVERY,
        password=keyslots.recovery_secret(code),
        params=session.desk.slot_params(keys),
        kind=keyslots.RECOVERY,
    )
    with keyfile.update(session.desk.path) as current:
        current.replace_slot(slot)
    session.audit(AuditAction.RECOVERY_CODE, table="users", row_id=session.user.id)
    return code


def recover(path: str | Path, code: str, username: str, new_password: str) -> Session:
    """The day every administrator's password is lost: the recovery code opens the store,
    ``username`` (an active user) gets ``new_password``, and is logged in. Audited as a
    ``password_reset`` by that user, with the reason ``codice di recupero``."""
    store_path = Path(path)
    keys = keyfile.read(store_path)
    slots = keys.recovery_slots()
    if not slots:
        raise CasaError(
            "Per questo archivio non è stato creato un codice di recupero.", code="no_recovery"
        )
    secret = keyslots.recovery_secret(code)
    throttle.reserve(store_path, keyslots.RECOVERY)
    try:
        key = keyslots.open_slot(slots[0], secret)
    except keyslots.WrongPassword:
        throttle.failed(store_path, keyslots.RECOVERY)
        raise CasaError("Codice di recupero errato.", code="wrong_recovery_code") from None
    throttle.succeeded(store_path, keyslots.RECOVERY)
    name = clean_username(username)
    check_password(new_password, username=name)
    store = Store.open(store_path, key=key)
    try:
        row = Users(store).get(name)
        if row is None or not row["active"]:
            raise ValidationError(
                "Utente sconosciuto o disattivato.", field="username", code="unknown_user"
            )
        kdf = keyslots.at_least(keys.kdf, slots[0].kdf)  # the recovery slot's: proven
        slot = keyslots.make_slot(key, username=name, password=new_password, params=kdf)
        with keyfile.update(store_path) as current:
            current.replace_slot(slot)
            current.clear_count(name)  # start_session audits the failures' times
        session = start_session(Desk(store, key, kdf=kdf), name, how="recovery")
    except BaseException:
        store.close()
        raise
    session.audit(
        AuditAction.PASSWORD_RESET, table="users", row_id=row["id"], reason="codice di recupero"
    )
    return session


def _write_slot(session: Session, username: str, password: str) -> None:
    keys = keyfile.read(session.desk.path)
    slot = keyslots.make_slot(
        session.desk.data_key(),
        username=username,
        password=password,
        params=session.desk.slot_params(keys),
    )
    with keyfile.update(session.desk.path) as current:
        current.replace_slot(slot)


def _existing(users: Users, username: str) -> dict[str, Any]:
    row = users.get(username)
    if row is None:
        raise ValidationError("Utente sconosciuto.", field="username", code="unknown_user")
    return row


def _last_administrator() -> CasaError:
    return CasaError(
        "È l'ultimo amministratore attivo: nominarne prima un altro.", code="last_administrator"
    )


__all__ = [
    "Account",
    "add_user",
    "change_own_password",
    "change_user",
    "disable_user",
    "list_users",
    "make_recovery_code",
    "recover",
    "reset_password",
]
