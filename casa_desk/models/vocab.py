"""The closed vocabularies of the data model (DESIGN.md §3).

Stored values are these codes (lower-case Italian, as analysts see them in the database);
labels for people are given by the UI and the reports, never stored.
"""

from __future__ import annotations

from enum import StrEnum


class Gender(StrEnum):
    F = "F"
    M = "M"
    X = "X"
    NOT_STATED = "NS"


class TenancyRole(StrEnum):
    HOLDER = "titolare"
    HOUSEHOLD_MEMBER = "componente"
    OCCUPANT_WITHOUT_TITLE = "occupante_senza_titolo"
    NON_RESIDENT = "non_residente"


class Channel(StrEnum):
    DESK = "sportello"
    PHONE = "telefono"
    EMAIL = "email"
    HOME_VISIT = "visita_domiciliare"
    EVENT = "evento"


class Outcome(StrEnum):
    RESOLVED = "risolto"
    IN_HAND = "in_carico"
    REFERRED = "inviato"


class ServiceKind(StrEnum):
    HEALTH = "salute"
    ANTI_VIOLENCE = "antiviolenza"
    SOCIAL_SERVICES = "servizi_sociali"
    LEGAL = "legale"
    WORK = "lavoro"
    HOUSING = "casa"
    OTHER = "altro"


#: Service kinds whose referrals are sensitive by nature (DESIGN.md §3, last line).
SENSITIVE_SERVICE_KINDS = frozenset({ServiceKind.HEALTH, ServiceKind.ANTI_VIOLENCE})


class Urgency(StrEnum):
    LOW = "bassa"
    NORMAL = "normale"
    HIGH = "alta"


class Role(StrEnum):
    OPERATOR = "operatore"
    COORDINATOR = "coordinatore"
    ADMINISTRATOR = "amministratore"


class EmploymentStatus(StrEnum):
    UNEMPLOYED = "unemployed"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    INACTIVE = "inactive"
    INACTIVE_NOT_IN_EDUCATION = "inactive_not_in_education"
    EMPLOYED = "employed"


class Isced(StrEnum):
    LOW = "0-2"
    MEDIUM = "3-4"
    HIGH = "5-8"


class YesNoDeclined(StrEnum):
    YES = "yes"
    NO = "no"
    DECLINED = "declined"


class AuditAction(StrEnum):
    VIEWED = "viewed"
    CREATED = "created"
    CHANGED = "changed"
    EXPORTED = "exported"
    PRINTED = "printed"
    DELETED = "deleted"
    UNLOCKED = "unlocked"
    BREAK_GLASS = "break_glass"


#: The configurable topic list seeded in every store: code → (Italian label, sensitive).
DEFAULT_CATEGORIES: dict[str, tuple[str, bool]] = {
    "manutenzione": ("Manutenzione e guasti", False),
    "amministrativo": ("Pratiche amministrative e contratto", False),
    "morosita": ("Morosità e canone", False),
    "mobilita": ("Mobilità e cambio alloggio", False),
    "sociale": ("Bisogno sociale", False),
    "salute": ("Salute", True),
    "violenza_domestica": ("Violenza domestica", True),
    "conflitti_vicinato": ("Conflitti di vicinato", False),
    "occupazioni_abusive": ("Occupazioni abusive", False),
    "altro": ("Altro", False),
}
