"""The referral letter: one A4 page for a service outside the system (DESIGN.md §6).

Unlike the monthly report, the letter is addressed to one service about one person, under
the consent that person gave for that service (``consents.purpose = 'referral:<service_id>'``),
so it may name them. Without a live consent it is refused. Every printing is recorded in
``audit_log`` (action ``printed``): a saved letter in the same transaction that moves the
file into place; a letter sent to a printer when the print dialog is accepted, before a
page is printed (:func:`letter_to_print`, :func:`record_printed`).

**Safe-contact instructions.** When an office's instructions for the person say "non
chiamare" or "non inviare posta" (:mod:`casa_desk.store.safe_contact`), the letter prints
neither her registry phone nor anything that invites writing to her, and says only that the
service contacts her through the presidio: a service that calls the tenancy's number may
reach the person she fears, and the letter may be read by others, so it never says why.
The instructions' own phone, hours and note are never printed.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk import outputs
from casa_desk.errors import ConsentError, ReportError
from casa_desk.models.phone import format_phone
from casa_desk.models.timeutil import format_date, format_datetime, today_rome
from casa_desk.models.vocab import AuditAction
from casa_desk.reports import markup
from casa_desk.store.consents import hold_of
from casa_desk.store.db import Store
from casa_desk.store.journal import Journal

if TYPE_CHECKING:
    from reportlab.platypus import Paragraph

URGENCY_LABELS = {"bassa": "bassa", "normale": "normale", "alta": "alta"}


@dataclass(frozen=True)
class LetterData:
    number: str
    person: dict[str, Any]
    service: dict[str, Any]
    office: dict[str, Any]
    reason: str
    request: str
    urgency: str
    due_on: str
    consent_text: str
    consent_given_at: str
    consent_version: str
    presidio: str
    operator_name: str = ""
    #: True when the person is to be contacted only through the office (safe contact).
    via_office: bool = False


def load_letter(store: Store, referral_id: str, *, by: str = "") -> LetterData:
    """Everything the letter prints, or a one-line error (unknown referral, no consent).

    ``by`` is the user printing it: their full name signs the letter."""
    rows = store.query("SELECT * FROM referrals WHERE id = ? AND deleted = 0", [referral_id])
    if not rows:
        raise ReportError(f"Segnalazione non trovata: «{referral_id}».", code="unknown_referral")
    ref = rows[0]
    person = (store.query("SELECT * FROM people WHERE id = ?", [ref["person_id"]]) or [{}])[0]
    service = (store.query("SELECT * FROM services WHERE id = ?", [ref["service_id"]]) or [{}])[0]
    office = (store.query("SELECT * FROM presidi WHERE code = ?", [ref["presidio"]]) or [{}])[0]
    today = today_rome().isoformat()
    consents = store.query(
        "SELECT * FROM consents WHERE person_id = ? AND purpose = ? AND deleted = 0 "
        "AND given_at IS NOT NULL AND (withdrawn_at IS NULL OR withdrawn_at = '') "
        "AND (expires_on IS NULL OR expires_on = '' OR expires_on >= ?) "
        "ORDER BY (id = ?) DESC, given_at DESC LIMIT 1",
        [ref["person_id"], f"referral:{ref['service_id']}", today, ref.get("consent_id") or ""],
    )
    if not consents:
        raise ConsentError(
            "La persona non ha un consenso valido all'invio a questo servizio: "
            "lettera non stampata.",
            code="no_consent",
        )
    consent = consents[0]
    hold = hold_of(store.db, ref)
    if hold is not None:
        raise ConsentError(f"{hold.reason} Lettera non stampata.", code="referral_held")
    return LetterData(
        number=ref.get("number") or "",
        person=person,
        service=service,
        office=office,
        reason=ref.get("reason") or "",
        request=ref.get("request") or "",
        urgency=ref.get("urgency") or "",
        due_on=ref.get("due_on") or "",
        consent_text=consent.get("text") or "",
        consent_given_at=consent["given_at"],
        consent_version=consent.get("informativa_version") or "",
        presidio=ref["presidio"],
        operator_name=_full_name(store, by),
        via_office=_via_office(store, ref["person_id"]),
    )


def _via_office(store: Store, person_id: str) -> bool:
    """True when any office's live instructions for the person say not to call or write.

    Any office's, not only the referral's: the flags protect the person wherever she was
    met, and they are never masked (:mod:`casa_desk.store.safe_contact`)."""
    rows = store.query(
        "SELECT 1 FROM safe_contacts WHERE person_id = ? AND deleted = 0"
        " AND (no_calls = 1 OR no_post = 1) LIMIT 1",
        [person_id],
    )
    return bool(rows)


def _full_name(store: Store, username: str) -> str:
    rows = store.query("SELECT full_name FROM users WHERE username = ?", [username])
    return (rows[0]["full_name"] if rows else "") or username


def render_letter(data: LetterData) -> bytes:
    """One A4 page."""
    # reportlab's platypus is loaded here, not at import: the window and the other
    # commands import this module without ever printing a letter.
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from casa_desk.reports.pdf import FONT, FONT_BOLD, LIGHT, a4_document, register_fonts, styles

    register_fonts()
    st = styles()
    buffer = io.BytesIO()
    doc = a4_document(buffer, title="Lettera di invio", margins_mm=(22, 22, 20, 20))
    p = data.person
    office = data.office
    service = data.service
    person_name = f"{p.get('first_name') or ''} {p.get('last_name') or ''}".strip()

    def para(text: str, style: str = "base") -> Paragraph:
        return markup.paragraph(text, st[style])

    details = [
        ["Persona", person_name],
        ["Data di nascita", format_date(p.get("birth_date"))],
        # Neither the phone nor any other way to reach her at home when she is to be
        # contacted through the office; the words say how, never why.
        ["Telefono", format_phone(p["phone"]) if p.get("phone") and not data.via_office else ""],
        ["Contatti", "tramite il presidio" if data.via_office else ""],
        ["Urgenza", URGENCY_LABELS.get(data.urgency, data.urgency)],
        ["Risposta attesa entro", format_date(data.due_on)],
    ]
    grid = RLTable(
        [[k, para(v)] for k, v in details if v], colWidths=[45 * mm, doc.width - 45 * mm]
    )
    grid.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 9),
                ("FONT", (1, 0), (1, -1), FONT, 9),
                ("BACKGROUND", (0, 0), (0, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story: list[Any] = [
        para(office.get("name") or data.presidio, "subtitle"),
        para(office.get("address") or ""),
        Spacer(1, 8 * mm),
        para(f"Alla cortese attenzione di: {service.get('name') or ''}", "h3"),
        para(service.get("organisation") or ""),
        para(service.get("address") or ""),
        Spacer(1, 6 * mm),
        para(f"Milano, {format_date(today_rome())}"),
        Spacer(1, 4 * mm),
        para(
            "Oggetto: invio di una persona al vostro servizio"
            + (f" (rif. {data.number})" if data.number else ""),
            "h2",
        ),
        grid,
        Spacer(1, 3 * mm),
        para("Motivo dell'invio", "h3"),
        para(data.reason or "—"),
        para("Che cosa chiediamo", "h3"),
        para(data.request or "—"),
        para("Consenso della persona", "h3"),
        para(
            f"Consenso dato il {format_datetime(data.consent_given_at)[:10]}"
            + (f" (informativa {data.consent_version})" if data.consent_version else "")
            + ":"
        ),
        para(f"«{data.consent_text}»" if data.consent_text else "—"),
        para("Per richiamarci", "h3"),
        para(
            ", ".join(b for b in (office.get("name") or data.presidio, office.get("address")) if b)
            + "."
        ),
        *[para(line) for line in _call_back(office)],
        para("Vi chiediamo di comunicarci la presa in carico o l'esito dell'invio."),
        *([para("Per contattare la persona rivolgersi al presidio.")] if data.via_office else []),
        Spacer(1, 10 * mm),
        para("Il community manager"),
        para(data.operator_name, "h3") if data.operator_name else Spacer(1, 1),
        Spacer(1, 10 * mm),
        para("Firma ____________________________________"),
        Spacer(1, 8 * mm),
        para(
            "Documento riservato: contiene dati personali condivisi con il solo servizio "
            "destinatario sulla base del consenso indicato. Non inoltrare.",
            "small",
        ),
    ]
    doc.build(story)
    return buffer.getvalue()


def _call_back(office: dict[str, Any]) -> list[str]:
    """``Telefono 02 1234 5678`` / ``Email …`` of the office, when head office set them."""
    lines = []
    if office.get("phone"):
        lines.append(f"Telefono {format_phone(office['phone'])}")
    if office.get("email"):
        lines.append(f"Email {office['email']}")
    return lines


def print_letter(store: Store, referral_id: str, out: str | Path, *, by: str) -> Path:
    """Render the letter to ``out`` and record the printing; all or nothing.

    The file is written to a temporary name and moved into place only once the audit entry
    has committed: a commit that fails (a full disk, a lock) leaves no letter out without its
    record. Should the move itself fail after that, the record stays: it over-states, never
    hides, what left the office. The output is checked first (:mod:`casa_desk.outputs`):
    never the store, never a folder.
    """
    out = Path(out)
    outputs.check_output(out, inputs=[store.path])
    data = load_letter(store, referral_id, by=by)
    pdf = render_letter(data)
    with outputs.atomic_output(out, inputs=[store.path]) as temp, store.transaction() as journal:
        temp.write_bytes(pdf)
        _record(journal, referral_id, by, data.presidio)
    return out


def letter_to_print(store: Store, referral_id: str, out: str | Path, *, by: str) -> Path:
    """Render the letter to ``out`` for the print dialog, *not yet on record*: the caller
    records the printing with :func:`record_printed` once the operator accepts the dialog
    (a cancelled print is no printing), before a page goes to the printer. ``out`` is the
    caller's private temporary file, removed after printing."""
    out = Path(out)
    outputs.check_output(out, inputs=[store.path])
    pdf = render_letter(load_letter(store, referral_id, by=by))
    with outputs.atomic_output(out, inputs=[store.path]) as temp:
        temp.write_bytes(pdf)
    return out


def record_printed(store: Store, referral_id: str, *, by: str) -> None:
    """On record: ``by`` is printing the referral's letter. Checked again first (the consent
    may have been withdrawn, or the referral put on hold, while the print dialog was open):
    refused, nothing is recorded and nothing should be printed."""
    data = load_letter(store, referral_id, by=by)
    with store.transaction() as journal:
        _record(journal, referral_id, by, data.presidio)


def _record(journal: Journal, referral_id: str, by: str, presidio: str) -> None:
    journal.insert(
        "audit_log",
        {
            "at": journal.now(),
            "who": by,
            "action": AuditAction.PRINTED.value,
            "table_name": "referrals",
            "row_id": referral_id,
            "reason": "lettera di invio",
        },
        presidio=presidio,
    )
