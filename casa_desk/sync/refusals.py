"""Why the hub refuses one change: a stable code per reason, its Italian text, and the way
back from a text to its code (SYNC.md §4 step 2: "rejected changes are recorded with a
reason, reported back, shown to the user").

The hub words each refusal with :func:`text` (Italian, as it always did: the ``reason`` an
older desk shows), and a push answer, a late refusal or a reply bundle carries the code and
its parameters beside it (:func:`coded`): ``{"reason": "Valore non valido nel campo phone.",
"code": "bad_value", "params": {"col": "phone"}}``. An older desk ignores the two keys; an
older hub sends none. The desk keeps the Italian text (:func:`kept_reason`) and the window
words it in its own language from the code found again by :func:`recognise` — which also
reads the texts an older hub sent, and those an older store recorded. A text no code
matches (a newer hub's new reason) is shown as it came.

Each template's parameters are names in braces (``{col}``: a column, ``{office}``: an
office's code, ``{days}``: a number); they never hold a value of the row.
"""

from __future__ import annotations

import re
from typing import Any

CLOCK_AHEAD = "clock_ahead"
UNKNOWN_CATEGORY = "unknown_category"
UNKNOWN_OFFICE = "unknown_office"
UNKNOWN_SCOPE = "unknown_scope"
CHANGE_TOO_LARGE = "change_too_large"
FORBIDDEN_TEXT = "forbidden_text"
BAD_BASE_CLOCKS = "bad_base_clocks"
MISSING_FIELD = "missing_field"
ROW_ID_MISMATCH = "row_id_mismatch"
BAD_VALUE = "bad_value"
TEXT_TOO_LONG = "text_too_long"
UNKNOWN_CODE = "unknown_code"
UNKNOWN_LINK = "unknown_link"
HIDDEN_LINK = "hidden_link"
FOREIGN_EVENT = "foreign_event"
UNKNOWN_TABLE = "unknown_table"
UNKNOWN_OPERATION = "unknown_operation"
OTHER_DEVICE = "other_device"
FACT_UNCHANGEABLE = "fact_unchangeable"
OWNER_CHANGE = "owner_change"
UNKNOWN_ROW = "unknown_row"
OTHER_OFFICE_INSERT = "other_office_insert"
SCOPE_NOT_ALLOWED = "scope_not_allowed"
OTHER_OFFICE_EDIT = "other_office_edit"
HIDDEN_PERSON = "hidden_person"
PERSON_DELETE = "person_delete"
PERSON_MERGE = "person_merge"
PERSON_ERASE = "person_erase"
REFERENCE_DATA = "reference_data"
OFFICE_SERVICE_SCOPE = "office_service_scope"
OTHER_SERVICE = "other_service"
PARKED_EXPIRED = "parked_expired"
PARKED_FULL = "parked_full"
ALREADY_ENROLLED = "already_enrolled"
ALREADY_CORRECTED = "already_corrected"

#: Code → the Italian text the hub gives (the window's source text, context "Refusals").
TEXTS: dict[str, str] = {
    CLOCK_AHEAD: "Orologio della modifica avanti rispetto alla sede: correggere l'orologio "
    "del PC (la modifica resta in questo archivio).",
    UNKNOWN_CATEGORY: "Argomento (categoria) sconosciuto alla sede.",
    UNKNOWN_OFFICE: "Presidio sconosciuto alla sede.",
    UNKNOWN_SCOPE: "Ambito sconosciuto alla sede.",
    CHANGE_TOO_LARGE: "Modifica troppo grande per la sede.",
    FORBIDDEN_TEXT: "Testo con caratteri non ammessi (NUL, controllo della direzione del testo).",
    BAD_BASE_CLOCKS: "Orologi di base della modifica non validi.",
    MISSING_FIELD: "Campo obbligatorio mancante: {col}.",
    ROW_ID_MISMATCH: "Identificativo della riga incoerente.",
    BAD_VALUE: "Valore non valido nel campo {col}.",
    TEXT_TOO_LONG: "Testo troppo lungo nel campo {col}.",
    UNKNOWN_CODE: "Codice sconosciuto nel campo {col}.",
    UNKNOWN_LINK: "Collegamento a una riga sconosciuta alla sede ({col}).",
    HIDDEN_LINK: "Collegamento a una riga che questo ufficio non vede ({col}).",
    FOREIGN_EVENT: "Evento di una segnalazione di un altro presidio.",
    UNKNOWN_TABLE: "Tabella sconosciuta alla sede.",
    UNKNOWN_OPERATION: "Operazione sconosciuta.",
    OTHER_DEVICE: "Modifica firmata da un altro dispositivo.",
    FACT_UNCHANGEABLE: "Un fatto registrato non si modifica: serve una rettifica.",
    OWNER_CHANGE: "Il presidio o l'ambito di una riga non si possono cambiare.",
    UNKNOWN_ROW: "Riga sconosciuta alla sede.",
    OTHER_OFFICE_INSERT: "Riga del presidio {office}: questo ufficio non può scriverla.",
    SCOPE_NOT_ALLOWED: "Ambito non consentito per questa tabella.",
    OTHER_OFFICE_EDIT: "Riga del presidio {office}: questo ufficio non può modificarla.",
    HIDDEN_PERSON: "Persona di un altro presidio che questo ufficio non vede: non può modificarla.",
    PERSON_DELETE: "Solo il presidio che ha registrato la persona o la sede possono eliminarla.",
    PERSON_MERGE: "Solo il presidio che ha registrato la persona o la sede possono unirla a "
    "un'altra.",
    PERSON_ERASE: "Solo il presidio che ha registrato la persona o la sede possono cancellarne "
    "i dati.",
    REFERENCE_DATA: "Solo la sede può modificare i dati di riferimento.",
    OFFICE_SERVICE_SCOPE: "Un servizio di un presidio resta nel suo elenco: solo la sede lo "
    "rende comune.",
    OTHER_SERVICE: "Servizio della sede o di un altro presidio: questo ufficio non può "
    "modificarlo.",
    PARKED_EXPIRED: "Modifica scartata: la scheda a cui si riferisce non è arrivata alla sede "
    "entro {days} giorni.",
    PARKED_FULL: "Modifica rifiutata: troppe modifiche di questo ufficio attendono alla sede "
    "schede non ancora arrivate. Avvisare la sede; ripetere la modifica quando la scheda sarà "
    "arrivata.",
    ALREADY_ENROLLED: "La persona è già iscritta al programma FSE (anche da un altro presidio).",
    ALREADY_CORRECTED: "Il contatto è già stato corretto da un altro computer: correggere la "
    "versione attuale.",
}

#: A parameter's value is at most this long (a column's or an office's name).
_PARAM_CAP = 100
_PARAM = re.compile(r"\{([a-z_]+)\}")


def names(template: str) -> list[str]:
    """The parameters a template names, in order: ``["col"]``."""
    return _PARAM.findall(template)


def fill(template: str, params: dict[str, str]) -> str:
    """``template`` with each ``{name}`` replaced by its parameter, in one pass: a value that
    itself holds ``{name}`` stays as it is (it may come from a hub or a file name). A name
    without a parameter, or a translation that lost or misspelt a brace, never raises."""
    return _PARAM.sub(lambda m: str(params.get(m.group(1), m.group(0))), template)


def text(code: str, **params: Any) -> str:
    """The hub's Italian reason: ``text(BAD_VALUE, col="phone")`` → "Valore non valido nel
    campo phone."."""
    return fill(TEXTS[code], {name: str(value) for name, value in params.items()})


def _pattern(template: str) -> re.Pattern[str]:
    parts = _PARAM.split(template)  # text, name, text, name, …, text
    return re.compile(
        "".join(
            f"(?P<{part}>.*?)" if odd else re.escape(part)
            for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
        ),
        re.DOTALL,
    )


_EXACT = {template: code for code, template in TEXTS.items() if not names(template)}
_PATTERNS = [(code, _pattern(t)) for code, t in TEXTS.items() if names(t)]


def recognise(reason: str | None) -> tuple[str, dict[str, str]] | None:
    """The code and parameters of a hub's Italian reason, or None for a text this version
    does not know (shown as it came)."""
    if not reason:
        return None
    code = _EXACT.get(reason)
    if code is not None:
        return code, {}
    for code, pattern in _PATTERNS:
        found = pattern.fullmatch(reason)
        if found is not None:
            return code, found.groupdict()
    return None


def coded(reason: str) -> dict[str, Any]:
    """``{"code", "params"}`` to send beside a hub's ``reason`` (nothing for a text that is
    not one of :data:`TEXTS`)."""
    found = recognise(reason)
    return {} if found is None else {"code": found[0], "params": found[1]}


def kept_reason(rejection: dict[str, Any]) -> str:
    """The reason a desk records for a hub's refusal: the Italian text of its code when the
    code is one this version knows with the parameters it names, so that the window finds
    the code again whatever words a newer hub used; else the reason as it came."""
    reason = str(rejection.get("reason") or "")
    code, params = rejection.get("code"), rejection.get("params") or {}
    template = TEXTS.get(code) if isinstance(code, str) else None
    if template is None or not isinstance(params, dict):
        return reason
    wanted = names(template)
    values = {name: params.get(name) for name in wanted}
    if any(type(v) not in (str, int) or len(str(v)) > _PARAM_CAP for v in values.values()):
        return reason
    return fill(template, {name: str(v) for name, v in values.items()})
