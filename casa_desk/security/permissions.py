"""Roles and what each may do; the one place that answers "may this user do that?".

Three roles (DESIGN.md §4a, issue 10), each with everything of the one before:

* **operatore** — the desk: find and register people, log contacts, refer, print a referral
  letter, sync (the window does it by itself), carry bundles;
* **coordinatore** — also the office's audit log and break-glass events, the monthly report,
  registry imports, encrypted backups, flagging a person riservato by hand (and taking the
  flag off: it unmasks her for every user without permission);
* **amministratore** — also users (add, disable, reset a password), settings (idle lock),
  a recovery code, a *decrypted* backup, pairing the store with the hub.

Seeing sensitive content (domestic-violence and health notes, riservato names) is not a
role: it is the user's own ``may_see_sensitive``, off unless an administrator turns it on —
an administrator manages accounts without reading anyone's notes.

>>> from casa_desk.security.permissions import Action, may
>>> may(Role.OPERATOR, Action.REPORT), may(Role.COORDINATOR, Action.REPORT)
(False, True)
"""

from __future__ import annotations

from enum import StrEnum

from casa_desk.errors import CasaError
from casa_desk.models.vocab import Role


class Action(StrEnum):
    """Things a user asks for that not every role may do (codes; the UI words them)."""

    LOG_CONTACTS = "log_contacts"
    REFER = "refer"
    PRINT_LETTER = "print_letter"
    SYNC = "sync"
    BUNDLE = "bundle"
    VIEW_AUDIT = "view_audit"  # the office's audit log, break-glass events included
    EXPORT_AUDIT = "export_audit"
    REPORT = "report"
    IMPORT_REGISTRY = "import_registry"
    BACKUP = "backup"  # an encrypted copy (opens with the same passwords)
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    RECOVERY_CODE = "recovery_code"
    BACKUP_DECRYPTED = "backup_decrypted"
    ENROL = "enrol"
    ERASE_PERSON = "erase_person"  # art. 17 on request (issue 11)
    EXPORT_PERSON = "export_person"  # art. 15: everything held on a person, for them
    RETENTION = "retention"  # run the retention policy
    RESTRICT_PERSON = "restrict_person"  # flag a person riservato by hand, or take it off


_OPERATOR = frozenset(
    {
        Action.LOG_CONTACTS,
        Action.REFER,
        Action.PRINT_LETTER,
        Action.SYNC,
        Action.BUNDLE,
    }
)
_COORDINATOR = _OPERATOR | {
    Action.VIEW_AUDIT,
    Action.EXPORT_AUDIT,
    Action.REPORT,
    Action.IMPORT_REGISTRY,
    Action.BACKUP,
    Action.ERASE_PERSON,
    Action.EXPORT_PERSON,
    Action.RESTRICT_PERSON,
}
_ADMINISTRATOR = _COORDINATOR | {
    Action.MANAGE_USERS,
    Action.MANAGE_SETTINGS,
    Action.RECOVERY_CODE,
    Action.BACKUP_DECRYPTED,
    Action.ENROL,
    Action.RETENTION,
}

ALLOWED: dict[Role, frozenset[Action]] = {
    Role.OPERATOR: _OPERATOR,
    Role.COORDINATOR: frozenset(_COORDINATOR),
    Role.ADMINISTRATOR: frozenset(_ADMINISTRATOR),
}

#: Role names as a person reads them (Italian; the UI translates by code).
ROLE_LABELS = {
    Role.OPERATOR: "operatore",
    Role.COORDINATOR: "coordinatore",
    Role.ADMINISTRATOR: "amministratore",
}


class PermissionDenied(CasaError):
    """The logged-in user's role does not allow the action (exit status 1 at the CLI)."""

    code = "forbidden"

    def __init__(self, role: Role | str, action: Action) -> None:
        label = ROLE_LABELS.get(Role(role), str(role))
        super().__init__(f"Operazione non consentita al ruolo {label} ({action.value}).")
        self.role = Role(role)
        self.action = action


def may(role: Role | str, action: Action) -> bool:
    """True when ``role`` may do ``action``. See :func:`casa_desk.security.access.Session.may`
    for the same question about a logged-in user."""
    return action in ALLOWED[Role(role)]


def require(role: Role | str, action: Action) -> None:
    """:class:`PermissionDenied` unless ``role`` may do ``action``."""
    if not may(role, action):
        raise PermissionDenied(role, action)
