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


#: The entry indicators of an ESF enrolment, each answered yes / no / declined. The first
#: four are the 2014–2020 set (Reg. 1304/2013 Annex I); 2021–2027 (Reg. 2021/1057 Annex I
#: 1.2) splits "migrants, foreign background, minorities" into three and drops "other".
ENTRY_INDICATORS = (
    "migrant_background",
    "disability",
    "other_disadvantage",
    "homeless_or_housing_exclusion",
    "third_country_national",
    "foreign_background",
    "minority",
)


class Programme(StrEnum):
    """The ESF programming period a report is made for (its indicators and age bands)."""

    ESF_2014_2020 = "2014-2020"
    ESF_2021_2027 = "2021-2027"


class ExitResult(StrEnum):
    """Common immediate result indicators: the situation within four weeks of leaving.

    Stored as the 0/1 column ``exit_<code>`` of ``participants``; a participant may have
    none, one or several."""

    JOB_SEARCHING = "job_searching"  # inactive at entry, now engaged in job searching
    EDUCATION = "education"  # in education or training
    QUALIFICATION = "qualification"  # gaining a qualification
    EMPLOYED = "employed"  # in employment, including self-employment


class FollowUpResult(StrEnum):
    """Common longer-term result indicators, six months after leaving (``followup_<code>``)."""

    EMPLOYED = "employed"  # in employment, including self-employment
    IMPROVED = "improved"  # with an improved labour market situation


class SettingKey(StrEnum):
    """Keys of the ``settings`` reference table (head office writes, offices pull)."""

    ESF_PROGRAMME = "esf.programme"  # a Programme code
    ESF_PROGRAMME_NAME = "esf.programme_name"  # the name printed on reports (free text)
    ESF_CUP = "esf.cup"  # Codice Unico di Progetto of the operation, 15 characters
    ESF_REGION = "esf.region"  # the managing authority printed beside the EU emblem
    # Retention (issue 11): months since a person's last contact, referral event or ESF
    # exit before their identity is anonymised (``retention.months.<category>``: shorter
    # for people with a contact in that category), and months audit rows are kept.
    RETENTION_MONTHS = "retention.months"
    RETENTION_AUDIT_MONTHS = "retention.audit_months"


class AuditAction(StrEnum):
    """What an audit row records (issue 10 lists what must be there).

    ``viewed``: a person's card opened (table ``people``) or a sensitive entry revealed
    (``contacts``/``referrals``); ``exported``: a file left the store — ``table_name`` says
    which kind (``report``, ``csv``, ``backup``, ``backup_decrypted``, ``audit_log``) and
    ``row_id`` what (a month, never a name); ``login``/``login_failed``/``logout``: at the
    window or the command line; ``unlocked``: back from the idle lock with the password.
    """

    VIEWED = "viewed"
    CREATED = "created"
    CHANGED = "changed"
    EXPORTED = "exported"
    PRINTED = "printed"
    DELETED = "deleted"
    UNLOCKED = "unlocked"
    BREAK_GLASS = "break_glass"
    #: A break-glass reason refused because it named the person, recorded with those words
    #: masked: a refusal tells the typist that a word was hers, so trying names one by one
    #: would unmask a riservato person; every try leaves a row the coordinators see.
    BREAK_GLASS_REFUSED = "break_glass_refused"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    USER_ADDED = "user_added"
    USER_CHANGED = "user_changed"
    USER_DISABLED = "user_disabled"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    RECOVERY_CODE = "recovery_code"
    SETTINGS_CHANGED = "settings_changed"
    ENCRYPTED = "encrypted"
    RESTRICTED = "restricted"  # a person flagged riservato by hand
    ERASED = "erased"  # a person's data erased on request (art. 17): reason = the request's
    ANONYMISED = "anonymised"  # by retention (art. 5(1)(e)); row_id = the person
    RETENTION = "retention"  # a retention run: row_id = the as-of day, reason = the counts
    UNRESTRICTED = "unrestricted"


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
