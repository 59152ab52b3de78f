"""Everything held on one person, for that person (GDPR art. 15): the access PDF.

In Italian, in plain words: identity, contacts (sensitive notes included — they are the
person's own), referrals with their events, consents, the ESF enrolment and its results,
and who viewed or changed the record (from the audit log, by role, never another person's
data). A person merged from duplicates gets the duplicates' records too.

**Safe-contact instructions are not printed** (issue 11): this PDF goes home with the
person, and the safe phone and hours are exactly what must never be found there. The PDF
says that they are held and can be read at the desk (art. 15(4): the right of access must
not put the person, or others, at risk).
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from casa_desk.models.languages import italian_names
from casa_desk.models.phone import format_phone
from casa_desk.models.referrals import Status
from casa_desk.models.timeutil import format_date, format_datetime, today_rome
from casa_desk.models.vocab import (
    EmploymentStatus,
    ExitResult,
    FollowUpResult,
    Gender,
    Outcome,
    TenancyRole,
    Urgency,
    YesNoDeclined,
)
from casa_desk.reports import markup
from casa_desk.reports.model import CHANNEL_LABELS, ISCED_LABELS
from casa_desk.reports.pdf import FONT, LIGHT, PagedCanvas, a4_document, register_fonts, styles
from casa_desk.store import erasure
from casa_desk.store.db import Store

PERSON_LABELS = (
    ("last_name", "Cognome"),
    ("first_name", "Nome"),
    ("codice_fiscale", "Codice fiscale"),
    ("birth_date", "Data di nascita"),
    ("birth_place", "Luogo di nascita"),
    ("gender", "Genere"),
    ("phone", "Telefono"),
    ("email", "Email"),
    ("languages", "Lingue"),
    ("street", "Via"),
    ("civic", "Civico"),
    ("stair", "Scala"),
    ("floor", "Piano"),
    ("flat", "Interno"),
    ("unit_code", "Codice alloggio"),
    ("quartiere", "Quartiere"),
    ("tenancy_role", "Ruolo nel contratto"),
    ("notes", "Note"),
    ("presidio", "Presidio che l'ha registrata"),
    ("created_at", "Registrata il"),
    ("anonymised_on", "Dati anonimizzati il"),
)
EVENT_LABELS = {
    "created": "creata",
    "sent": "inviata",
    "taken_in_charge": "presa in carico",
    "closed": "conclusa",
    "refused": "rifiutata dal servizio",
    "cancelled": "annullata",
    "reopened": "riaperta",
    "held": "sospesa",
    "resumed": "ripresa",
}
#: Codes the store keeps, in the words of a letter to the person: the file goes home with her,
#: and "in_carico", "occupante_senza_titolo" or "ar,it" mean nothing there.
GENDER_WORDS = {
    Gender.F: "femmina",
    Gender.M: "maschio",
    Gender.X: "altro (X)",
    Gender.NOT_STATED: "non dichiarato",
}
ROLE_WORDS = {
    TenancyRole.HOLDER: "titolare",
    TenancyRole.HOUSEHOLD_MEMBER: "componente del nucleo",
    TenancyRole.OCCUPANT_WITHOUT_TITLE: "occupante senza titolo",
    TenancyRole.NON_RESIDENT: "non residente",
}
OUTCOME_WORDS = {
    Outcome.RESOLVED: "risolto",
    Outcome.IN_HAND: "in carico allo sportello",
    Outcome.REFERRED: "inviato a un servizio",
}
#: The ESF entry's employment status, said of one person.
EMPLOYMENT_WORDS = {
    EmploymentStatus.UNEMPLOYED: "disoccupato/a",
    EmploymentStatus.LONG_TERM_UNEMPLOYED: "disoccupato/a di lungo periodo",
    EmploymentStatus.INACTIVE: "inattivo/a",
    EmploymentStatus.INACTIVE_NOT_IN_EDUCATION: "inattivo/a, non in istruzione o formazione",
    EmploymentStatus.EMPLOYED: "occupato/a",
}
#: A referral's state and urgency, said to the person.
STATUS_WORDS = {
    Status.DRAFT: "in preparazione",
    Status.SENT: "inviata al servizio",
    Status.TAKEN_IN_CHARGE: "presa in carico dal servizio",
    Status.CLOSED: "conclusa",
    Status.REFUSED: "rifiutata dal servizio",
    Status.CANCELLED: "annullata",
}
URGENCY_WORDS = {Urgency.LOW: "bassa", Urgency.NORMAL: "normale", Urgency.HIGH: "alta"}
#: The ESF entry indicators (vocab.ENTRY_INDICATORS), as questions answered by the person.
INDICATOR_LABELS = {
    "migrant_background": "Origine migrante, straniera o minoranza",
    "disability": "Disabilità",
    "other_disadvantage": "Altro svantaggio",
    "homeless_or_housing_exclusion": "Senza dimora o esclusione abitativa",
    "third_country_national": "Cittadinanza di un paese fuori dall'UE",
    "foreign_background": "Origine straniera",
    "minority": "Minoranza (comprese le comunità emarginate)",
}
ANSWER_WORDS = {
    YesNoDeclined.YES: "sì",
    YesNoDeclined.NO: "no",
    YesNoDeclined.DECLINED: "preferisce non rispondere",
}
EXIT_WORDS = {
    ExitResult.JOB_SEARCHING: "in cerca di lavoro",
    ExitResult.EDUCATION: "in istruzione o formazione",
    ExitResult.QUALIFICATION: "ha ottenuto una qualifica",
    ExitResult.EMPLOYED: "occupato/a",
}
FOLLOW_UP_WORDS = {
    FollowUpResult.EMPLOYED: "occupato/a",
    FollowUpResult.IMPROVED: "situazione lavorativa migliorata",
}
AUDIT_LABELS = {
    "viewed": "ha consultato",
    "deleted": "ha eliminato",
    "break_glass": "ha aperto con motivazione",
    "break_glass_refused": "ha chiesto di aprire con un motivo non ammesso",
    "changed": "ha modificato",
    "created": "ha inserito",
    "printed": "ha stampato una lettera",
    "exported": "ha esportato",
    "restricted": "ha reso riservata",
    "unrestricted": "ha tolto la riservatezza",
    "erased": "ha cancellato i dati",
    "anonymised": "ha anonimizzato (conservazione)",
}


@dataclass
class PersonFile:
    person: dict[str, Any]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    referrals: list[dict[str, Any]] = field(default_factory=list)
    consents: list[dict[str, Any]] = field(default_factory=list)
    participants: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    safe_contact: bool = False
    office: dict[str, Any] = field(default_factory=dict)


def collect(store: Store, person_id: str) -> PersonFile:
    """Every row this store holds about the person (and duplicates merged into them)."""
    ids = erasure.family(store.db, person_id)
    rows = erasure.rows_of(store.db, ids)
    people = json.dumps(ids)
    person = store.query("SELECT * FROM people WHERE id = ?", [person_id])[0]
    found = PersonFile(person=person)
    found.contacts = store.query(
        "SELECT c.*, k.label AS category_label FROM contacts c"
        " LEFT JOIN categories k ON k.code = c.category"
        " WHERE c.person_id IN (SELECT value FROM json_each(?)) AND c.deleted = 0"
        " ORDER BY c.occurred_at",
        [people],
    )
    found.referrals = store.query(
        "SELECT r.*, s.status, sv.name AS service_name FROM referrals r"
        " LEFT JOIN referral_status s ON s.referral_id = r.id"
        " LEFT JOIN services sv ON sv.id = r.service_id"
        " WHERE r.person_id IN (SELECT value FROM json_each(?)) AND r.deleted = 0"
        " ORDER BY r.created_at",
        [people],
    )
    for referral in found.referrals:
        referral["events"] = store.query(
            "SELECT * FROM referral_events WHERE referral_id = ? AND deleted = 0"
            " ORDER BY hlc, origin, id",
            [referral["id"]],
        )
    found.consents = store.query(
        "SELECT c.*, s.name AS service_name FROM consents c LEFT JOIN services s"
        " ON c.purpose = 'referral:' || s.id"
        " WHERE c.person_id IN (SELECT value FROM json_each(?)) AND c.deleted = 0"
        " ORDER BY c.given_at",
        [people],
    )
    found.participants = store.query(
        "SELECT * FROM participants WHERE person_id IN (SELECT value FROM json_each(?))"
        " AND deleted = 0",
        [people],
    )
    every = [i for table in rows.values() for i in table]
    found.audit = store.query(
        "SELECT a.at, a.who, a.action, a.table_name, u.full_name, u.role FROM audit_log a"
        " LEFT JOIN users u ON u.username = a.who"
        " WHERE a.row_id IN (SELECT value FROM json_each(?)) ORDER BY a.at",
        [json.dumps(every)],
    )
    found.safe_contact = bool(rows.get("safe_contacts"))
    found.office = (
        store.query("SELECT * FROM presidi WHERE code = ?", [person["presidio"]]) or [{}]
    )[0]
    return found


#: Columns of the card stored as codes, with their words.
_CODED: dict[str, Mapping[Any, str]] = {"gender": GENDER_WORDS, "tenancy_role": ROLE_WORDS}


def _word(words: Mapping[Any, str], code: Any) -> str:
    """A stored code in words (StrEnum keys match their text); one not known, as it is."""
    if code in (None, ""):
        return ""
    return str(words.get(code, code))


def _value(name: str, value: Any, office: Mapping[str, Any] | None = None) -> str:
    """A card's value as the person reads it: codes in words, dates in Italian form."""
    if name in _CODED:
        return _word(_CODED[name], value)
    if name == "languages":
        return italian_names(value)
    if name == "presidio" and office and office.get("code") == value:
        return str(office.get("name") or value)
    return _formatted(name, value)


def _formatted(name: str, value: Any) -> str:
    if value in (None, ""):
        return ""
    if name == "phone":
        return format_phone(str(value))
    if name in ("birth_date", "anonymised_on") and len(str(value)) == 10:
        return format_date(str(value))
    if name == "birth_date":  # year and month only (anonymised)
        return f"{str(value)[5:7]}/{str(value)[:4]}"
    if name == "created_at":
        return format_datetime(str(value))[:10]
    return str(value)


def _enrolment_lines(e: Mapping[str, Any]) -> list[list[str]]:
    """An ESF enrolment's lines (those with a value)."""
    lines = [
        ["Ingresso", format_date(e.get("entered_on"))],
        ["Uscita", format_date(e.get("exited_on")) if e.get("exited_on") else ""],
        ["Condizione occupazionale", _word(EMPLOYMENT_WORDS, e.get("employment_status"))],
        ["Istruzione (ISCED)", _word(ISCED_LABELS, e.get("education_isced"))],
    ]
    lines += [[label, _word(ANSWER_WORDS, e.get(k))] for k, label in INDICATOR_LABELS.items()]
    lines.append(["Rientro", format_date(e["reentered_on"]) if e.get("reentered_on") else ""])
    lines += _results(e, "exit", "Situazione all'uscita", EXIT_WORDS, "exit_results_on")
    lines += _results(e, "followup", "Situazione dopo sei mesi", FOLLOW_UP_WORDS, "followup_on")
    return [x for x in lines if x[1]]


def _results(
    e: Mapping[str, Any], prefix: str, label: str, words: Mapping[Any, str], on: str
) -> list[list[str]]:
    """An ESF result survey in words: what was found (0/1 columns ``<prefix>_<code>``),
    "non rilevata" when it could not be known, nothing when not yet asked."""
    known = e.get(f"{prefix}_results_known" if prefix == "exit" else f"{prefix}_known")
    if known is None:
        return []
    when = f" (al {format_date(e[on])})" if e.get(on) else ""
    if not known:
        return [[label, f"non rilevata{when}"]]
    found = [w for code, w in words.items() if e.get(f"{prefix}_{code}")]
    return [[label, f"{', '.join(found) or 'nessuno dei risultati previsti'}{when}"]]


def _referral_lines(r: Mapping[str, Any]) -> list[list[str]]:
    """A referral's lines (those with a value): its state, urgency and history in words."""
    lines = [["Stato", _word(STATUS_WORDS, r.get("status"))]]
    lines += [["Motivo", r.get("reason") or ""], ["Richiesta", r.get("request") or ""]]
    lines += [["Urgenza", _word(URGENCY_WORDS, r.get("urgency"))]]
    lines += [["Entro il", format_date(r["due_on"]) if r.get("due_on") else ""]]
    lines += [["Esito", r.get("outcome") or ""]]
    for e in r.get("events") or ():
        step = EVENT_LABELS.get(e["event"], e["event"])
        note = f": {e['note']}" if e.get("note") else ""
        lines.append([format_datetime(e["at"]), f"{step}{note}"])
    return [x for x in lines if x[1]]


def render(data: PersonFile) -> bytes:
    """The access PDF (A4, as many pages as needed)."""
    register_fonts()
    st = styles()
    buffer = io.BytesIO()
    doc = a4_document(buffer, title="I tuoi dati", margins_mm=(18, 18, 18, 18))

    def para(text: str, style: str = "base") -> Paragraph:
        return markup.paragraph(text, st[style])

    def grid(rows: list[list[str]], first: float = 50) -> RLTable:
        table = RLTable(
            [[para(k), para(v)] for k, v in rows], colWidths=[first * mm, doc.width - first * mm]
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8),
                    ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return table

    p = data.person
    story: list[Any] = [
        para(data.office.get("name") or p.get("presidio") or "", "subtitle"),
        para("I dati che conserviamo su di te", "h2"),
        para(
            f"Copia prodotta il {format_date(today_rome())} su tua richiesta (art. 15 del "
            "Regolamento UE 2016/679). Documento riservato: contiene informazioni che ti "
            "riguardano, anche delicate. Conservalo in un luogo sicuro.",
            "small",
        ),
        Spacer(1, 4 * mm),
        para("Dati anagrafici", "h3"),
        grid([[label, _value(k, p.get(k), data.office)] for k, label in PERSON_LABELS if p.get(k)]),
    ]
    story += [para("Contatti con lo sportello", "h3")]
    if not data.contacts:
        story.append(para("Nessun contatto."))
    for c in data.contacts:
        head = f"{format_datetime(c['occurred_at'])} — {c.get('category_label') or c['category']}"
        story.append(para(head, "base"))
        lines = [["Canale", _word(CHANNEL_LABELS, c.get("channel"))]]
        lines += [["Sintesi", c.get("summary") or ""], ["Note", c.get("notes") or ""]]
        lines += [["Esito", _word(OUTCOME_WORDS, c.get("outcome"))]]
        if c.get("follow_up_on"):
            lines.append(["Da ricontattare il", format_date(c["follow_up_on"])])
        story.append(grid([r for r in lines if r[1]], 35))
    story += [para("Segnalazioni a servizi", "h3")]
    if not data.referrals:
        story.append(para("Nessuna segnalazione."))
    for r in data.referrals:
        story.append(para(f"{r.get('number') or ''} — {r.get('service_name') or ''}"))
        story.append(grid(_referral_lines(r), 35))
    story += [para("Consensi", "h3")]
    if not data.consents:
        story.append(para("Nessun consenso registrato."))
    for c in data.consents:
        purpose = (
            "Registro dello sportello"
            if c["purpose"] == "registry"
            else f"Invio a {c.get('service_name') or 'un servizio'}"
        )
        lines = [
            ["Finalità", purpose],
            ["Informativa", c.get("informativa_version") or ""],
            ["Dato il", format_datetime(c.get("given_at"))[:10] if c.get("given_at") else ""],
            ["Scade il", format_date(c.get("expires_on")) if c.get("expires_on") else ""],
            [
                "Revocato il",
                format_datetime(c["withdrawn_at"])[:10] if c.get("withdrawn_at") else "",
            ],
            ["Testo", c.get("text") or ""],
        ]
        story.append(grid([x for x in lines if x[1]], 35))
    story += [para("Programma FSE (Fondo sociale europeo)", "h3")]
    if not data.participants:
        story.append(para("Non iscritto."))
    for e in data.participants:
        story.append(grid(_enrolment_lines(e), 45))
    story += [para("Istruzioni per contattarti in sicurezza", "h3")]
    story.append(
        para(
            "Le conserviamo ma non le stampiamo, per la tua sicurezza: puoi leggerle allo "
            "sportello."
            if data.safe_contact
            else "Nessuna."
        )
    )
    story += [para("Chi ha consultato o modificato i tuoi dati", "h3")]
    if not data.audit:
        story.append(para("Nessun accesso registrato."))
    else:
        story.append(
            grid(
                [
                    [
                        format_datetime(a["at"]),
                        f"{a.get('full_name') or a['who']} ({a.get('role') or 'utente'}) "
                        f"{AUDIT_LABELS.get(a['action'], a['action'])}",
                    ]
                    for a in data.audit
                ],
                35,
            )
        )
    doc.build(story, canvasmaker=PagedCanvas)
    return buffer.getvalue()
