"""The access PDF (casa_desk.reports.person_file) says everything the store holds, in words:
it goes home with the person, who reads neither codes nor nothing at all about a referral's
state or her ESF answers (GDPR art. 15 asks for all of it). Read back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader

from casa_desk.reports.person_file import PersonFile, render

PERSON = {"last_name": "Zanzibarri", "first_name": "Ottavina", "presidio": "SAN-SIRO"}
REFERRAL = {
    "number": "SS-2026-000009",
    "service_name": "Sportello lavoro",
    "status": "presa_in_carico",
    "reason": "Ricerca di lavoro",
    "urgency": "alta",
    "due_on": "2026-11-30",
    "events": [{"event": "created", "at": "2026-11-02T10:00:00.000Z", "note": ""}],
}
ENROLMENT = {
    "entered_on": "2026-01-16",
    "exited_on": "2026-07-12",
    "reentered_on": None,
    "employment_status": "long_term_unemployed",
    "education_isced": "5-8",
    "migrant_background": "yes",
    "disability": "declined",
    "homeless_or_housing_exclusion": "no",
    "exit_results_on": "2026-07-19",
    "exit_results_known": 1,
    "exit_job_searching": 0,
    "exit_education": 1,
    "exit_qualification": 0,
    "exit_employed": 1,
    "followup_on": "2027-01-12",
    "followup_known": 0,
}
AUDIT = [
    {"at": "2026-11-03T09:00:00.000Z", "who": "op.uno", "action": "deleted",
     "table_name": "contacts", "full_name": "Op Uno", "role": "operatore"},
]  # fmt: skip


def _text(data: PersonFile) -> str:
    pages = PdfReader(io.BytesIO(render(data))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_a_referrals_state_urgency_and_deadline_are_in_words() -> None:
    text = _text(PersonFile(person=PERSON, referrals=[REFERRAL]))
    for words in ("Stato presa in carico dal servizio", "Urgenza alta", "Entro il 30/11/2026"):
        assert words in text, words
    assert "presa_in_carico" not in text and "2026-11-30" not in text


def test_the_esf_answers_and_results_are_all_there_in_words() -> None:
    text = _text(PersonFile(person=PERSON, participants=[ENROLMENT]))
    for words in (
        "Origine migrante, straniera o minoranza sì",
        "Disabilità preferisce non rispondere",
        "Senza dimora o esclusione abitativa no",
        "Situazione all'uscita in istruzione o formazione, occupato/a (al 19/07/2026)",
        "Situazione dopo sei mesi non rilevata (al 12/01/2027)",
    ):
        assert words in text, words
    for code in ("declined", "yes", "long_term_unemployed"):
        assert code not in text, code


def test_every_audit_action_on_her_rows_is_in_words() -> None:
    text = _text(PersonFile(person=PERSON, audit=AUDIT))
    assert "Op Uno (operatore) ha eliminato" in text and "deleted" not in text
