"""Logging in: from a username and a password to an open store and a :class:`Session`.

Three ways in, all here:

* :func:`create_desk` — a new store: a random data key, the first administrator's key slot
  in the key file, then the encrypted store (first run, ``casa-desk demo``, ``enrol``);
* :func:`unlock` — a store on disk: the user's slot is opened (argon2id, throttled), the
  store is opened with the data key it holds, the user's row is checked and the login is
  audited (the window's login screen, every command that opens a store);
* :meth:`Desk.login` — another user, or the same one after the idle lock, on a store that
  is already open (the window keeps its store open while it is locked).

A wrong password opens nothing and writes nothing to the store: the failure is counted in
the key file (:mod:`casa_desk.security.throttle`) and reaches the audit log at the next
successful login. The data key lives only in this process's memory.

The :class:`Session` is what the rest of the program asks: who is logged in, whether they
may do something (:meth:`Session.may`), whether a person is riservato for them and whether
a break-glass opens the card (:mod:`casa_desk.security.restricted` does the rest), and it
writes the audit rows in their name — never a typed one.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from casa_desk.errors import CasaError, NotAStoreError, StorageError, ValidationError
from casa_desk.models.reasons import Identity, check_reason, mask_reason
from casa_desk.models.timeutil import utc_now_text
from casa_desk.models.vocab import AuditAction, Role
from casa_desk.security import keyfile, keyslots, throttle
from casa_desk.security.early_key import EarlyKey
from casa_desk.security.keyfile import KdfParams, KeyFile
from casa_desk.security.passwords import check_password
from casa_desk.security.permissions import Action, PermissionDenied, may
from casa_desk.store import audit
from casa_desk.store.connection import Connections
from casa_desk.store.db import Store, check_store, is_hub_database, is_plain_store
from casa_desk.store.journal import Journal
from casa_desk.store.users import Users, clean_full_name, clean_username

Clock = throttle.Clock


class StoreState(StrEnum):
    """What is at a store's path, before anyone logs in (the window picks its first screen
    from this: first run, encryption of an old store, or the login screen)."""

    MISSING = "missing"
    PLAIN = "plain"  # a store from before encryption: encrypt it first
    ENCRYPTED = "encrypted"
    NOT_A_STORE = "not_a_store"


class PlainStoreError(StorageError):
    code = "plain_store"


class UserDisabled(CasaError):
    code = "user_disabled"


def store_state(path: str | Path) -> StoreState:
    """Which of :class:`StoreState` the file at ``path`` is. Reads through SQLite only."""
    path = Path(path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return StoreState.MISSING
    if is_plain_store(path):
        return StoreState.PLAIN  # even beside a key file: an encryption that did not finish
    if keyfile.exists(path):
        return StoreState.ENCRYPTED
    return StoreState.NOT_A_STORE


@dataclass(frozen=True)
class User:
    """A user as the rest of the program sees them once logged in."""

    id: str
    username: str
    full_name: str
    role: Role
    presidio: str
    may_see_sensitive: bool
    must_change_password: bool = False

    @classmethod
    def from_row(cls, row: dict[str, Any], presidio: str | None = None) -> User:
        return cls(
            id=str(row["id"]),
            username=str(row["username"]),
            full_name=str(row.get("full_name") or row["username"]),
            role=Role(row["role"]),
            presidio=presidio or str(row.get("presidio") or ""),
            may_see_sensitive=bool(row.get("may_see_sensitive")),
            must_change_password=bool(row.get("must_change_password")),
        )

    def may(self, action: Action) -> bool:
        return may(self.role, action)


def record(
    journal: Journal,
    store: Store,
    action: AuditAction,
    *,
    who: str,
    table: str = "",
    row_id: str = "",
    reason: str = "",
    at: str | None = None,
) -> dict[str, Any] | None:
    """One audit row inside the caller's transaction (``who``: an authenticated username).

    Audit rows belong to the store's office (they sync to it and to head office). A store
    that has no office yet — created by ``casa-desk enrol`` before the hub has said which
    office it is — records nothing: its setup is not an office's activity, and a row with no
    office would be refused by the hub.
    """
    presidio = store.presidio
    if not presidio:
        return None
    return audit.record(
        journal,
        action,
        who=who,
        presidio=presidio,
        table=table,
        row_id=row_id,
        reason=reason,
        at=at,
    )


class Desk:
    """An open store and its door: the data key (in memory only) and the key file.

    One per process, like the store. :meth:`login` lets a user in on the open store.
    ``kdf``: the argon2id cost of the slot that opened the store (or of the store's first
    slot), the least a new slot costs (:meth:`slot_params`).
    """

    def __init__(
        self,
        store: Store,
        data_key: bytes,
        *,
        now: Clock = time.time,
        kdf: KdfParams | None = None,
    ) -> None:
        self.store = store
        self._key = data_key
        self._now = now
        self._kdf = kdf

    @property
    def path(self) -> Path:
        return self.store.path

    def keys(self) -> KeyFile:
        return keyfile.read(self.path)

    def data_key(self) -> bytes:
        """The data key, for making key slots (accounts, recovery codes, copies)."""
        return self._key

    def slot_params(self, keys: KeyFile) -> KdfParams:
        """The argon2id cost of a new slot: the key file's, never less than the proven cost
        of the slot that opened this store (:func:`~casa_desk.security.keyslots.at_least`)."""
        return keys.kdf if self._kdf is None else keyslots.at_least(keys.kdf, self._kdf)

    def login(self, username: str, password: str, *, how: str = "window") -> Session:
        """Let ``username`` in on this open store: their slot must open with ``password``
        (throttled), unwrap *this* store's key, and their account be active. Audited."""
        name = username.strip().lower()
        key = open_user_slot(self.path, name, password, now=self._now)
        if not self.store.connections.same_key(key):
            raise StorageError(
                "Il file delle chiavi non appartiene a questo archivio.", code="wrong_key"
            )
        return start_session(self, name, how=how)

    def close(self) -> None:
        self.store.close()


def open_user_slot(
    path: Path,
    username: str,
    password: str,
    *,
    now: Clock = time.time,
    early: EarlyKey | None = None,
) -> bytes:
    """The data key from ``username``'s slot in the key file of the store at ``path``.
    (:func:`open_user_slot_proven` also gives the slot's argon2id cost.)

    :class:`~casa_desk.security.keyslots.WrongPassword` for a wrong password or an unknown
    username (same words, same time); :class:`~casa_desk.security.throttle.Throttled` while
    the user must wait. ``early``: argon2id already under way for this login
    (:mod:`casa_desk.security.early_key`); its result is used only here, after the attempt
    is counted.
    """
    return open_user_slot_proven(path, username, password, now=now, early=early)[0]


def open_user_slot_proven(
    path: Path,
    username: str,
    password: str,
    *,
    now: Clock = time.time,
    early: EarlyKey | None = None,
) -> tuple[bytes, KdfParams]:
    """:func:`open_user_slot`, and the argon2id cost of the slot that opened (proven by
    opening: the least a slot written in this session costs, :meth:`Desk.slot_params`)."""
    keys = keyfile.read(path)
    slot = keys.user_slot(username)
    if slot is None:
        if early is None or not early.spent_for(username):
            keyslots.waste_time(keys.kdf)
        raise keyslots.WrongPassword()
    throttle.reserve(path, username, now=now)
    try:
        kek = early.kek_for(slot, username, password) if early is not None else None
        if kek is None:
            key = keyslots.open_slot(slot, password)
        else:
            key = keyslots.unwrap(slot, kek)
    except keyslots.WrongPassword:
        throttle.failed(path, username, now=now)
        raise
    throttle.succeeded(path, username)
    return key, slot.kdf


def start_session(desk: Desk, username: str, *, how: str) -> Session:
    """Log ``username`` in on the open store of ``desk`` once their key is proven."""
    store = desk.store
    row = Users(store).get(username)
    if row is None or not row.get("active"):
        # a slot without an account (a disabled user's old key file): no way in
        raise UserDisabled("Questo utente è disattivato: rivolgersi all'amministratore.")
    user = User.from_row(row, store.presidio)
    _audit_access(desk, user, AuditAction.LOGIN, how=how)
    store.user = user.username  # the journal credits each change to who is logged in
    return Session(desk, user, now=desk._now)  # noqa: SLF001 - the desk's own clock


def _audit_access(desk: Desk, user: User, action: AuditAction, *, how: str = "") -> None:
    """A good login (or return from the lock): clear the user's failure count and write
    every failure the key file kept, then this access, in one transaction."""
    store = desk.store
    failures = throttle.take_times(desk.path)
    ids = {r["username"]: r["id"] for r in Users(store).all(include_disabled=True)}
    with store.transaction() as journal:
        for who, at in failures:
            record(
                journal,
                store,
                AuditAction.LOGIN_FAILED,
                who=who,
                table="users",
                row_id=ids.get(who, ""),
                at=at,
            )
        record(journal, store, action, who=user.username, table="users", row_id=user.id, reason=how)


def unlock(
    path: str | Path,
    username: str,
    password: str,
    *,
    how: str = "window",
    check_integrity: bool = True,
    now: Clock = time.time,
    early: EarlyKey | None = None,
    upgrading: Callable[[], None] | None = None,
) -> Session:
    """Open the encrypted store at ``path`` for ``username`` (see the module docstring).

    One-line errors: the store is missing, not a store, not yet encrypted
    (:class:`PlainStoreError`), its key file is missing or damaged, the password is wrong, the
    user must wait, the account is disabled. The store is untouched unless the password opens
    its key: a disabled account (its slot left in an old key file: disabling removes it) is
    refused after the store is opened, and so after an upgrade the new version needed (with its
    backup first), which only someone holding the key can make. ``early``: see
    :func:`open_user_slot`; ``upgrading``: see :meth:`~casa_desk.store.db.Store.open` (called
    only once the password is accepted).
    """
    path = Path(path)
    check_state(path)
    name = username.strip().lower()
    key, kdf = open_user_slot_proven(path, name, password, now=now, early=early)
    return _unlocked(
        path,
        key,
        name,
        how=how,
        check_integrity=check_integrity,
        now=now,
        upgrading=upgrading,
        kdf=kdf,
    )


def check_state(path: Path) -> None:
    """One line unless ``path`` is an encrypted store with its key file (the window says
    it before showing the login screen)."""
    state = store_state(path)
    if state is StoreState.MISSING:
        raise StorageError(f"Archivio non trovato: {path}", code="missing")
    if state is StoreState.PLAIN:
        raise PlainStoreError(
            f"L'archivio {path} non è cifrato: cifrarlo con «casa-desk encrypt --db {path}» "
            "(o aprirlo con l'applicazione).",
        )
    if state is StoreState.NOT_A_STORE and is_hub_database(path):
        raise NotAStoreError(f"{path} è il database della sede, non l'archivio di un ufficio.")
    if state is StoreState.NOT_A_STORE:
        raise NotAStoreError(
            f"{path} non è un archivio casa_desk, oppure è cifrato e manca il suo file delle "
            f"chiavi ({keyfile.keyfile_path(path).name})."
        )


def _unlocked(
    path: Path,
    key: bytes,
    name: str,
    *,
    how: str,
    check_integrity: bool,
    now: Clock,
    upgrading: Callable[[], None] | None = None,
    kdf: KdfParams | None = None,
) -> Session:
    store = Store.open(path, key=key, check_integrity=check_integrity, upgrading=upgrading)
    desk = Desk(store, key, now=now, kdf=kdf)
    try:
        from casa_desk.security.encrypt import encrypt_leftover_backups

        encrypt_leftover_backups(desk)  # an encryption interrupted after its swap
        return start_session(desk, name, how=how)
    except BaseException:
        store.close()
        raise


def peek(
    path: str | Path, username: str, password: str, *, now: Clock = time.time
) -> tuple[User, Connections]:
    """A login that writes nothing to the store (``import-people --dry-run``): the user's
    slot opens the key, the store is checked and read through read-only connections only.
    Not audited — it cannot write — but a wrong password counts as for :func:`unlock`."""
    path = Path(path)
    check_state(path)
    name = username.strip().lower()
    key = open_user_slot(path, name, password, now=now)
    check_store(path, key=key)
    connections = Connections(path, key)
    db = connections.inspector_database()
    try:
        row = next(iter(db.query("SELECT * FROM users WHERE username = ?", [name])), None)
        presidio = next(iter(db.query("SELECT value FROM casa_meta WHERE key = 'presidio'")), {})
    finally:
        db.conn.close()
    if row is None or not row.get("active"):
        raise UserDisabled("Questo utente è disattivato: rivolgersi all'amministratore.")
    return User.from_row(row, presidio.get("value")), connections


def create_desk(
    path: str | Path,
    *,
    username: str,
    full_name: str,
    password: str,
    presidio: str | None = None,
    params: KdfParams | None = None,
    check_strength: bool = True,
    how: str = "window",
    now: Clock = time.time,
) -> Session:
    """Create a new encrypted store at ``path`` with its first administrator.

    The key file is written first, so the store never exists without its slots; any
    failure removes both. ``params`` are the argon2id costs for this store's slots (new
    slots copy them; None: calibrated on this machine). ``check_strength=False`` only for
    stores of invented data (``casa-desk demo``'s ``demo``/``demo``).
    """
    path = Path(path)
    name = clean_username(username)
    clean_full_name(full_name)  # before anything is made
    if check_strength:
        check_password(password, username=name)
    if store_state(path) is not StoreState.MISSING:
        raise StorageError(f"Il file {path} esiste già: non lo sovrascrivo.", code="exists")
    if keyfile.exists(path):
        raise StorageError(
            f"Esiste già un file delle chiavi {keyfile.keyfile_path(path)}: spostarlo prima.",
            code="exists",
        )
    kdf = params or keyslots.calibrated_params()
    key = keyslots.new_data_key()
    slot = keyslots.make_slot(key, username=name, password=password, params=kdf)
    keyfile.write(path, KeyFile(kdf=kdf, slots=[slot]))
    store: Store | None = None
    try:
        store = Store.open(path, key=key, create=True)
        if presidio:
            store.set_meta("presidio", presidio)
        row = Users(store).add(
            name,
            full_name,
            presidio=presidio or "",
            role=Role.ADMINISTRATOR,
            may_see_sensitive=False,
        )
        with store.transaction() as journal:
            record(
                journal,
                store,
                AuditAction.USER_ADDED,
                who=name,
                table="users",
                row_id=row["id"],
                reason=Role.ADMINISTRATOR.value,
            )
        desk = Desk(store, key, now=now, kdf=kdf)
        return start_session(desk, name, how=how)
    except BaseException:
        if store is not None:
            store.close()
        for extra in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + extra).unlink(missing_ok=True)
        keyfile.keyfile_path(path).unlink(missing_ok=True)
        raise


# -- the session ---------------------------------------------------------------------------

#: How long a break-glass opens a riservato person's card (DHIS2's temporary ownership).
BREAK_GLASS_SECONDS = 3 * 3600
#: The shortest reason an audited exception is recorded with (a break-glass, an erasure).
MIN_REASON_LENGTH = 10


def audited_reason(reason: str, what: str) -> str:
    """``reason`` with its spaces folded and its invisible characters left out, once it is
    long enough to be recorded; else a :class:`~casa_desk.errors.ValidationError` asking for
    the reason of ``what`` ("dell'accesso", "della cancellazione"), code ``reason_required``.

    Invisible: Unicode's format characters (zero-width space, soft hyphen, word joiner…).
    Nobody sees them on the audit page or in its CSV, so a reason of nothing but them
    showed as empty, and one inside a surname hid it from the check that a reason does not
    name the person."""
    visible = "".join(c for c in reason if unicodedata.category(c) != "Cf")
    text = " ".join(visible.split())
    if len(text) < MIN_REASON_LENGTH:
        from casa_desk.errors import ValidationError

        raise ValidationError(
            f"Indicare il motivo {what} (almeno {MIN_REASON_LENGTH} caratteri).",
            field="reason",
            code="reason_required",
        )
    return text


class BreakGlassRequired(CasaError):
    """The card of a riservato person needs a reason first (for users without permission
    to see sensitive content)."""

    code = "break_glass_required"

    def __init__(self) -> None:
        super().__init__(
            "Persona riservata: per aprire la scheda indicare il motivo dell'accesso "
            "(resta registrato)."
        )


@dataclass(frozen=True)
class Grant:
    """A break-glass: ``person_id``'s card open to this session until ``expires_at``
    (``time.time()`` seconds) or logout."""

    person_id: str
    reason: str
    granted_at: float
    expires_at: float


@dataclass
class Session:
    """A logged-in user on an open store. Ask it, not the user row, what they may do."""

    desk: Desk
    user: User
    now: Clock = time.time
    grants: dict[str, Grant] = field(default_factory=dict)
    active: bool = True

    @property
    def store(self) -> Store:
        return self.desk.store

    # -- permissions --------------------------------------------------------------------
    def may(self, action: Action) -> bool:
        """``may(Action.REPORT)``: does this user's role allow it?"""
        return self.active and self.user.may(action)

    def require(self, action: Action) -> None:
        """:class:`~casa_desk.security.permissions.PermissionDenied` unless :meth:`may`."""
        if not self.may(action):
            raise PermissionDenied(self.user.role, action)

    @property
    def masked(self) -> bool:
        """True when lists must mask riservato people and leave sensitive entries out
        (pass it as ``masked=``/``include_sensitive=not …`` to the store's list queries)."""
        return not self.user.may_see_sensitive

    # -- audit --------------------------------------------------------------------------
    def record(
        self,
        journal: Journal,
        action: AuditAction,
        *,
        table: str = "",
        row_id: str = "",
        reason: str = "",
    ) -> dict[str, Any] | None:
        """An audit row in this user's name, inside the caller's transaction (so the row
        and what it records commit together)."""
        return record(
            journal,
            self.store,
            action,
            who=self.user.username,
            table=table,
            row_id=row_id,
            reason=reason,
        )

    def audit(
        self, action: AuditAction, *, table: str = "", row_id: str = "", reason: str = ""
    ) -> dict[str, Any] | None:
        """An audit row in this user's name, in a transaction of its own."""
        with self.store.transaction() as journal:
            return self.record(journal, action, table=table, row_id=row_id, reason=reason)

    # -- riservato people and break-glass --------------------------------------------------
    def is_restricted(self, person_id: str) -> bool:
        from casa_desk.store.restricted import is_restricted

        return is_restricted(self.store.db, person_id)

    def card_of(self, person_id: str) -> str:
        """Whose card opens for ``person_id``: a record merged into another shows the
        survivor's, so the survivor's being riservato, grant and audit rows are what count."""
        from casa_desk.store.people import People

        return People(self.store).survivor_id(person_id)

    def grant_for(self, person_id: str) -> Grant | None:
        """The live break-glass for ``person_id``'s card, if any (expired ones are dropped)."""
        person_id = self.card_of(person_id)
        grant = self.grants.get(person_id)
        if grant is not None and self.now() >= grant.expires_at:
            del self.grants[person_id]
            return None
        return grant

    def needs_break_glass(self, person_id: str) -> bool:
        """True when opening ``person_id``'s card needs a reason first."""
        card = self.card_of(person_id)
        return self.masked and self.is_restricted(card) and self.grant_for(card) is None

    def identity(self, person_id: str) -> Identity:
        """What would say who ``person_id`` is (her card and cards merged into it): what a
        reason written to the audit log must not hold (:mod:`casa_desk.models.reasons`)."""
        return Identity.of_rows(
            self.store.query(
                "SELECT first_name, last_name, codice_fiscale, phone, unit_code, email"
                " FROM people WHERE id = ? OR merged_into = ?",
                [person_id, person_id],
            )
        )

    def break_glass(self, person_id: str, reason: str) -> Grant:
        """Open a riservato person's card for 3 hours (or until logout) with a typed reason,
        written to the audit log (``break_glass``, table ``people``) before anything shows.

        The reason must say why, not who: one naming the person (surname, first name,
        codice fiscale, phone, unit code) is refused with a ValidationError, code
        ``reason_names_person`` (:func:`casa_desk.models.reasons.check_reason`), nothing is
        shown, and the attempt is audited (``break_glass_refused``) with those words masked:
        a refusal tells the typist that a word was the person's, so names tried one after
        another would unmask her, and each try must leave a row the coordinators see."""
        text = audited_reason(reason, "dell'accesso")
        self._require_active()
        person_id = self.card_of(person_id)
        identity = self.identity(person_id)
        try:
            check_reason(text, identity)
        except ValidationError:
            self.audit(
                AuditAction.BREAK_GLASS_REFUSED,
                table="people",
                row_id=person_id,
                reason=mask_reason(text, identity),
            )
            raise
        self.audit(AuditAction.BREAK_GLASS, table="people", row_id=person_id, reason=text)
        at = self.now()
        grant = Grant(person_id, text, at, at + BREAK_GLASS_SECONDS)
        self.grants[person_id] = grant
        return grant

    def view_card(self, person_id: str) -> None:
        """Record that this user opens ``person_id``'s card (``viewed``, table ``people``);
        :class:`BreakGlassRequired` first when the person is riservato for them."""
        self._require_active()
        if self.needs_break_glass(person_id):
            raise BreakGlassRequired()
        self.audit(AuditAction.VIEWED, table="people", row_id=self.card_of(person_id))

    def reveal(self, table: str, row_id: str) -> None:
        """Record that a sensitive contact or referral is shown ("Mostra"); only users
        with permission to see sensitive content may."""
        self._require_active()
        if self.masked:
            raise CasaError(
                "Permesso di vedere i contenuti riservati non concesso a questo utente.",
                code="sensitive_forbidden",
            )
        if table not in ("contacts", "referrals"):
            raise ValueError(f"not a table with sensitive entries: {table}")
        self.audit(AuditAction.VIEWED, table=table, row_id=row_id)

    def set_restricted(self, person_id: str, flagged: bool) -> bool:
        """Flag (or unflag) a person as riservato by hand; audited. True when it changed.

        Coordinators and administrators (``RESTRICT_PERSON``): the flag decides who sees
        her name, and taking it off shows her to every user without permission."""
        from casa_desk.store.restricted import set_by_hand

        self._require_active()
        self.require(Action.RESTRICT_PERSON)
        with self.store.transaction() as journal:
            changed = set_by_hand(self.store.db, person_id, flagged, utc_now_text())
            if changed:
                self.record(
                    journal,
                    AuditAction.RESTRICTED if flagged else AuditAction.UNRESTRICTED,
                    table="people",
                    row_id=person_id,
                )
        return changed

    # -- leaving and coming back -----------------------------------------------------------
    def logout(self) -> None:
        """End the session: break-glass grants end, the logout is audited."""
        if not self.active:
            return
        self.grants.clear()
        if not self.store.journal.closed:
            self.audit(AuditAction.LOGOUT, table="users", row_id=self.user.id)
        if self.store.user == self.user.username:
            self.store.user = None
        self.active = False

    def unlock_again(self, password: str) -> None:
        """The same user back from the idle lock: their password (throttled), audited as
        ``unlocked``. Grants survive (it is the same session)."""
        self._require_active()
        key = open_user_slot(self.desk.path, self.user.username, password, now=self.now)
        if not self.store.connections.same_key(key):
            raise StorageError(
                "Il file delle chiavi non appartiene a questo archivio.", code="wrong_key"
            )
        _audit_access(self.desk, self.user, AuditAction.UNLOCKED)

    def _require_active(self) -> None:
        if not self.active:
            raise CasaError("Sessione terminata: accedere di nuovo.", code="logged_out")
