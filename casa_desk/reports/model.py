"""What the monthly report is made of: the month, the figures, and their Italian labels.

Plain data shared by the aggregation (:mod:`casa_desk.reports.aggregate`), the publishing
step and the renderers. Codes are the stored values and the CSV items; labels are what the
PDF prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from casa_desk.errors import ReportError
from casa_desk.models.referrals import Status
from casa_desk.models.timeutil import rome_month_bounds
from casa_desk.models.vocab import (
    Channel,
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Gender,
    Isced,
    Programme,
    ServiceKind,
    YesNoDeclined,
)

# -- labels (Italian; codes are the CSV items) -----------------------------------------------
MONTHS_IT = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
CHANNEL_LABELS = {
    Channel.DESK: "Sportello",
    Channel.PHONE: "Telefono",
    Channel.EMAIL: "E-mail",
    Channel.HOME_VISIT: "Visita domiciliare",
    Channel.EVENT: "Evento",
}
GENDER_LABELS = {
    Gender.F: "Donne",
    Gender.M: "Uomini",
    Gender.X: "Altro genere",
    Gender.NOT_STATED: "Non dichiarato",
}
AGE_BANDS = (("lt25", "Meno di 25 anni"), ("25_54", "Da 25 a 54 anni"), ("gt54", "Oltre 54 anni"))
#: Age at entry of ESF participants, per programme (codes: models.esf.AGE_BAND_CODES).
ESF_AGE_BANDS = {
    Programme.ESF_2014_2020: AGE_BANDS,
    Programme.ESF_2021_2027: (
        ("lt18", "Meno di 18 anni"),
        ("18_29", "Da 18 a 29 anni"),
        ("30_54", "Da 30 a 54 anni"),
        ("55_plus", "55 anni e oltre"),
    ),
}
#: Reg. 2021/1057 counts women, men and non-binary persons (the store's X).
ESF_GENDER_LABELS = {
    Programme.ESF_2014_2020: GENDER_LABELS,
    Programme.ESF_2021_2027: {
        Gender.F: "Donne",
        Gender.M: "Uomini",
        Gender.X: "Persone non binarie",
        Gender.NOT_STATED: "Non dichiarato",
    },
}
KIND_LABELS = {
    ServiceKind.HEALTH: "Salute",
    ServiceKind.ANTI_VIOLENCE: "Antiviolenza",
    ServiceKind.SOCIAL_SERVICES: "Servizi sociali",
    ServiceKind.LEGAL: "Legale",
    ServiceKind.WORK: "Lavoro",
    ServiceKind.HOUSING: "Casa",
    ServiceKind.OTHER: "Altro",
}
STATUS_LABELS = {
    Status.DRAFT: "Bozza",
    Status.SENT: "Inviata",
    Status.TAKEN_IN_CHARGE: "Presa in carico",
    Status.CLOSED: "Conclusa",
    Status.REFUSED: "Rifiutata",
    Status.CANCELLED: "Annullata",
}
EMPLOYMENT_LABELS = {
    EmploymentStatus.UNEMPLOYED: "Disoccupati",
    EmploymentStatus.LONG_TERM_UNEMPLOYED: "Disoccupati di lungo periodo",
    EmploymentStatus.INACTIVE: "Inattivi",
    EmploymentStatus.INACTIVE_NOT_IN_EDUCATION: "Inattivi non in istruzione o formazione",
    EmploymentStatus.EMPLOYED: "Occupati",
}
ISCED_LABELS = {
    Isced.LOW: "ISCED 0-2 (fino alla secondaria inferiore)",
    Isced.MEDIUM: "ISCED 3-4 (secondaria superiore, post-secondaria)",
    Isced.HIGH: "ISCED 5-8 (terziaria)",
}
#: 2021–2027 has no "inactive, not in education" indicator: those count as inactive.
EMPLOYMENT_LABELS_2021 = {
    EmploymentStatus.UNEMPLOYED: "Disoccupati (non di lungo periodo)",
    EmploymentStatus.LONG_TERM_UNEMPLOYED: "Disoccupati di lungo periodo",
    EmploymentStatus.INACTIVE: "Inattivi",
    EmploymentStatus.EMPLOYED: "Occupati, compresi i lavoratori autonomi",
}
DISADVANTAGE = (
    ("migrant_background", "Migranti, origine straniera, minoranze"),
    ("disability", "Persone con disabilità"),
    ("homeless_or_housing_exclusion", "Senza dimora o esclusione abitativa"),
    ("other_disadvantage", "Altre persone svantaggiate"),
)
#: Reg. 2021/1057 Annex I 1.2, in its order.
DISADVANTAGE_2021 = (
    ("disability", "Partecipanti con disabilità"),
    ("third_country_national", "Cittadini di paesi terzi"),
    ("foreign_background", "Partecipanti di origine straniera"),
    ("minority", "Minoranze (comprese le comunità emarginate come i Rom)"),
    ("homeless_or_housing_exclusion", "Senza dimora o colpiti da esclusione abitativa"),
)
ESF_DISADVANTAGE = {
    Programme.ESF_2014_2020: DISADVANTAGE,
    Programme.ESF_2021_2027: DISADVANTAGE_2021,
}
#: Immediate results (within four weeks of leaving), one row each, by gender.
EXIT_RESULT_LABELS = {
    ExitResult.JOB_SEARCHING: "Inattivi ora in cerca di lavoro",
    ExitResult.EDUCATION: "In istruzione o formazione",
    ExitResult.QUALIFICATION: "Hanno ottenuto una qualifica",
    ExitResult.EMPLOYED: "Occupati, anche autonomi",
}
EXIT_OTHER_LABELS = (
    ("no_result", "Nessuno di questi esiti"),
    ("unknown", "Esito non noto"),
    ("pending", "Esito non ancora registrato"),
)
#: Six months after leaving, by gender.
FOLLOW_UP_LABELS = {
    FollowUpResult.EMPLOYED: "Occupati, anche autonomi",
    FollowUpResult.IMPROVED: "Situazione lavorativa migliorata",
}
FOLLOW_UP_OTHER_LABELS = (("unknown", "Esito non noto"),)
ANSWER_LABELS = {
    YesNoDeclined.YES: "Sì",
    YesNoDeclined.NO: "No",
    YesNoDeclined.DECLINED: "Non ha risposto",
}
UNKNOWN = ("unknown", "Non indicato")
ANONYMOUS = ("anonymous", "Contatti anonimi")

HEADLINE_LABELS = {
    "contacts": "Contatti",
    "people": "Persone distinte",
    "new_people": "Persone nuove",
    "anonymous_contacts": "Contatti anonimi",
    "referrals_sent": "Invii ai servizi",
    "referrals_taken_in_charge": "Prese in carico",
    "referrals_closed": "Invii conclusi",
    "median_days_to_take_in_charge": "Giorni mediani dall'invio alla presa in carico",
    "overdue_follow_ups": "Richiami scaduti a fine mese",
}
#: The overdue follow-ups' label in the report of the month in course: counted as of the
#: report's making (the month before, beside it, still at its end).
OVERDUE_SO_FAR_LABEL = "Richiami scaduti a oggi (mese precedente: a fine mese)"


# -- figures ---------------------------------------------------------------------------------
#: The months a report may be asked for: the programme's years, with room on both sides (a
#: month outside would overflow the calendar at its edges, 9999-12 has no next month).
FIRST_YEAR = 2000
LAST_YEAR = 2100


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-10`` → Month(2026, 10); ValueError otherwise."""
        parts = text.strip().split("-")
        if len(parts) != 2 or len(parts[0]) != 4 or not all(p.isdigit() for p in parts):
            raise ValueError(text)
        month = cls(int(parts[0]), int(parts[1]))
        if not 1 <= month.month <= 12 or not FIRST_YEAR <= month.year <= LAST_YEAR:
            raise ValueError(text)
        return month

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def next(self) -> Month:
        return Month(self.year + (self.month == 12), self.month % 12 + 1)

    @property
    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @property
    def last_day(self) -> date:
        return self.next.first_day - timedelta(days=1)

    def bounds(self) -> tuple[str, str]:
        return rome_month_bounds(self.year, self.month)

    @property
    def label(self) -> str:
        """``ottobre 2026``."""
        return f"{MONTHS_IT[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def parse_month(text: str) -> Month:
    """``YYYY-MM`` → Month, or a ReportError worded for the user. Here, with the figures'
    plain data, so that a command checks the month before it loads the store."""
    try:
        return Month.parse(text)
    except ValueError:
        raise ReportError(
            f"Mese non valido: «{text}». Usare la forma AAAA-MM, per esempio 2026-10, "
            f"con l'anno tra {FIRST_YEAR} e {LAST_YEAR}.",
            code="bad_month",
        ) from None


def refuse_future(month: Month, today: date) -> None:
    """A ReportError for a month that begins after ``today`` (the office's day, Rome): it has
    no figures yet, and its report would print, as facts, every follow-up due by its end and
    not done today as overdue, and ESF totals as of a day not come. The month in course is
    reported (the window offers it: activity so far)."""
    if month.first_day > today:
        raise ReportError(
            f"Il mese {month.label} non è ancora cominciato: si può fare il rapporto di un "
            "mese concluso o di quello in corso.",
            code="future_month",
        )


@dataclass(frozen=True)
class Figure:
    """One count of a breakdown before suppression."""

    code: str
    label: str
    value: int
    sensitive: bool = False


@dataclass
class Breakdown:
    """A 1-D table with its total; ``sensitive`` ones go through suppression."""

    section: str  # CSV section name (stable interface)
    title: str
    items: list[Figure]
    sensitive: bool = False
    total_fixed: bool = True  # the total is published elsewhere too
    chart: str = ""  # "bar" / "line" when a chart is drawn
    #: Breakdowns with the same items and the same ``group`` print as one matrix (one row
    #: each, items as columns); each row stays its own line for suppression and CSV.
    group: str = ""
    #: Items hidden first when a small cell needs a partner (secondary suppression); by
    #: default the smallest other cell goes. An indicator hides "no" before "yes": the
    #: "yes" is what the programme counts, month after month and in its totals since the
    #: start (:mod:`casa_desk.reports.months`), and either protects the small cell as well.
    partners: tuple[str, ...] = ()
    #: Items (and the total) hidden beforehand, printed ``n.d.``, because rows related to
    #: this one would give a cell away (:mod:`casa_desk.reports.related`): every use of the
    #: breakdown (report, months, consolidated report) starts from them.
    hidden: frozenset[str] = frozenset()
    hidden_total: bool = False
    #: Items printed ``n.p.`` (any value the reader's knowledge allows), for the same
    #: reason, or because ``bound`` leaves them too few values (a gender with 1-4 ESF
    #: participants, :mod:`casa_desk.reports.related`).
    withheld: frozenset[str] = frozenset()
    #: Each item at most this, as a reader knows from a table published exactly elsewhere
    #: (the ESF participants since the start by gender bound the exits and six-month
    #: results of each gender); items not named have no such bound.
    bound: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(f.value for f in self.items)


def counted(
    section: str,
    title: str,
    counts: Counter[str],
    labels: Iterable[tuple[str, str]],
    *,
    sensitive_codes: frozenset[str] = frozenset(),
    sensitive: bool = False,
    chart: str = "",
) -> Breakdown:
    """A breakdown listing every known code (zeros included) then any unexpected ones."""
    items = [
        Figure(c, lab, counts.get(c, 0), c in sensitive_codes or sensitive) for c, lab in labels
    ]
    known = {f.code for f in items}
    items += [Figure(c, c, n, sensitive) for c, n in sorted(counts.items()) if c not in known and n]
    return Breakdown(
        section, title, items, sensitive=sensitive or bool(sensitive_codes), chart=chart
    )


@dataclass
class Headline:
    contacts: int = 0
    people: int = 0
    new_people: int = 0
    anonymous_contacts: int = 0
    referrals_sent: int = 0
    referrals_taken_in_charge: int = 0
    referrals_closed: int = 0
    median_days_to_take_in_charge: float | None = None
    overdue_follow_ups: int = 0


@dataclass
class MonthFigures:
    month: Month
    presidio: str | None  # None: all offices
    office_name: str
    headline: Headline
    previous: Headline
    programme: Programme = Programme.ESF_2021_2027
    contacts: list[Breakdown] = field(default_factory=list)
    referrals: list[Breakdown] = field(default_factory=list)
    participants_new: list[Breakdown] = field(default_factory=list)
    participants_total: list[Breakdown] = field(default_factory=list)
    exits_new: list[Breakdown] = field(default_factory=list)
    exits_total: list[Breakdown] = field(default_factory=list)
    follow_ups_new: list[Breakdown] = field(default_factory=list)
    follow_ups_total: list[Breakdown] = field(default_factory=list)
    #: The series behind each sensitive total table (``EsfFigures.month_series``).
    month_series: dict[str, list[Breakdown]] = field(default_factory=dict)
    #: The month had not ended when the figures were made (its overdue follow-ups as of then).
    in_course: bool = False

    def breakdowns(self) -> list[Breakdown]:
        """Every breakdown, in print order."""
        return [
            *self.contacts,
            *self.referrals,
            *self.participants_new,
            *self.participants_total,
            *self.exits_new,
            *self.exits_total,
            *self.follow_ups_new,
            *self.follow_ups_total,
        ]
