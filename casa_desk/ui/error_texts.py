"""Expected errors worded for the desk, by their code (STYLE.md §10: lower layers return
codes, the UI words them).

The lower layers raise :class:`~casa_desk.errors.CasaError` with a ``code`` (and, for a
validation error, the ``field``) plus an Italian line meant for the command line. The
window shows the translated text for the code instead; codes shared by many rules
(``required``, ``not_found``) are looked up with their field. A code without an entry here
— the domain rules of ``models/`` (codice fiscale, phone, dates…) — falls back to the
lower layer's own line, translated in the context "Validation" (tools/translations.py
collects those: the domain rules' messages, and every sync error's and hub refusal's of
``casa_desk/sync``). A line built from values (an address, a file name) is translated as
its template, ``{name}`` in place of each value, and filled after
(:func:`casa_desk.sync.protocol.sync_error`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casa_desk.errors import CasaError
from casa_desk.sync.refusals import fill

_CONTEXT = "Errors"

#: code, or "code:field" for generic codes → Italian source text (translated at use).
TEXTS: dict[str, str] = {
    # contacts
    "required:summary": QT_TRANSLATE_NOOP("Errors", "Scrivere una sintesi del contatto."),
    "channel_invalid": QT_TRANSLATE_NOOP("Errors", "Canale non valido."),
    "category_invalid": QT_TRANSLATE_NOOP("Errors", "Scegliere un argomento dall'elenco."),
    "outcome_invalid": QT_TRANSLATE_NOOP("Errors", "Esito non valido."),
    "minutes_invalid": QT_TRANSLATE_NOOP("Errors", "I minuti devono essere tra 0 e 480."),
    "date_invalid:follow_up_on": QT_TRANSLATE_NOOP("Errors", "La data di richiamo non è valida."),
    "date_invalid:occurred_at": QT_TRANSLATE_NOOP("Errors", "La data del contatto non è valida."),
    # no contact, follow-up or due date before 2014 (casa_desk.store.contacts.FIRST_DAY)
    "date_too_old:occurred_at": QT_TRANSLATE_NOOP(
        "Errors", "Il contatto non può essere precedente al 1° gennaio 2014."
    ),
    "date_too_old:follow_up_on": QT_TRANSLATE_NOOP(
        "Errors", "La data di richiamo non può essere precedente al 1° gennaio 2014."
    ),
    "date_too_old:due_on": QT_TRANSLATE_NOOP(
        "Errors", "La scadenza non può essere precedente al 1° gennaio 2014."
    ),
    "date_future:occurred_at": QT_TRANSLATE_NOOP(
        "Errors", "Il contatto non può essere nel futuro."
    ),
    "not_found:person_id": QT_TRANSLATE_NOOP("Errors", "Persona non trovata."),
    "not_current": QT_TRANSLATE_NOOP(
        "Errors", "Questo contatto è già stato corretto: correggere l'ultima versione."
    ),
    "not_owner:contact_id": QT_TRANSLATE_NOOP(
        "Errors", "Contatto registrato da {office}: lo corregge solo quel presidio."
    ),
    # people
    "merge_self": QT_TRANSLATE_NOOP("Errors", "Una persona non può essere unita a se stessa."),
    "merge_chain": QT_TRANSLATE_NOOP("Errors", "La persona scelta è già stata unita a un'altra."),
    "merge_anonymised": QT_TRANSLATE_NOOP(
        "Errors",
        "I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre.",
    ),
    "merge_deleted": QT_TRANSLATE_NOOP(
        "Errors", "La scheda scelta è stata eliminata: non si unisce ad altre."
    ),
    "merge_not_owner": QT_TRANSLATE_NOOP(
        "Errors",
        "Solo il presidio che ha registrato la persona o la sede possono unirla a un'altra.",
    ),
    "erase_not_owner": QT_TRANSLATE_NOOP(
        "Errors",
        "Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.",
    ),
    "cf_exists": QT_TRANSLATE_NOOP(
        "Errors", "Questo codice fiscale è già registrato: aprire la scheda esistente."
    ),
    # referrals and consents
    "required:reason": QT_TRANSLATE_NOOP("Errors", "Indicare il motivo della segnalazione."),
    "required:text": QT_TRANSLATE_NOOP("Errors", "Riportare il testo del consenso."),
    "urgency_invalid": QT_TRANSLATE_NOOP("Errors", "Urgenza non valida."),
    "service_inactive": QT_TRANSLATE_NOOP("Errors", "Il servizio non è attivo."),
    "not_found:service_id": QT_TRANSLATE_NOOP("Errors", "Servizio non trovato."),
    "consent_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "Manca un consenso valido della persona a condividere i dati con questo servizio: "
        "registrarlo prima di inviare la segnalazione.",
    ),
    "no_consent": QT_TRANSLATE_NOOP(
        "Errors",
        "La persona non ha un consenso valido all'invio a questo servizio: lettera non stampata.",
    ),
    # the people's rights
    "export_sensitive_forbidden": QT_TRANSLATE_NOOP(
        "Errors",
        "I dati di questa persona comprendono contenuti riservati: la copia deve prepararla "
        "un utente con il permesso di vederli.",
    ),
    "transition_not_created": QT_TRANSLATE_NOOP(
        "Errors", "La segnalazione deve prima essere creata."
    ),
    "transition_created": QT_TRANSLATE_NOOP("Errors", "La segnalazione esiste già."),
    "transition_sent": QT_TRANSLATE_NOOP(
        "Errors", "Si può inviare solo una segnalazione in bozza."
    ),
    "transition_taken_in_charge": QT_TRANSLATE_NOOP(
        "Errors", "La presa in carico è possibile solo dopo l'invio."
    ),
    "transition_closed": QT_TRANSLATE_NOOP(
        "Errors", "Si può concludere solo una segnalazione presa in carico."
    ),
    "transition_refused": QT_TRANSLATE_NOOP(
        "Errors", "Una segnalazione già chiusa non può essere rifiutata."
    ),
    "transition_cancelled": QT_TRANSLATE_NOOP(
        "Errors", "Una segnalazione già chiusa non può essere annullata."
    ),
    "transition_reopened": QT_TRANSLATE_NOOP(
        "Errors", "Si può riaprire solo una segnalazione conclusa, rifiutata o annullata."
    ),
    # services
    "required:name": QT_TRANSLATE_NOOP("Errors", "Il nome del servizio è obbligatorio."),
    "kind_invalid": QT_TRANSLATE_NOOP("Errors", "Tipo di servizio non valido."),
    # ESF participants (the card's Programma FSE box)
    "already_enrolled": QT_TRANSLATE_NOOP("Errors", "La persona è già iscritta al programma."),
    "not_found:participant_id": QT_TRANSLATE_NOOP("Errors", "Iscrizione al programma non trovata."),
    "not_owner:participant_id": QT_TRANSLATE_NOOP(
        "Errors",
        "Iscrizione al programma FSE registrata da {office}: la aggiorna solo quel presidio.",
    ),
    "not_owner:conflict_id": QT_TRANSLATE_NOOP(
        "Errors",
        "Riga registrata da {office}: il valore perso lo ripristina solo quel presidio.",
    ),
    "before_entry:exited_on": QT_TRANSLATE_NOOP(
        "Errors", "L'uscita non può precedere l'ingresso (o il rientro) nel programma."
    ),
    "already_exited:exited_on": QT_TRANSLATE_NOOP(
        "Errors", "La persona è già uscita dal programma: registrare prima il rientro."
    ),
    "before_exit:reentered_on": QT_TRANSLATE_NOOP(
        "Errors", "Il rientro non può precedere l'uscita."
    ),
    "future": QT_TRANSLATE_NOOP("Errors", "La data non può essere nel futuro."),
    "after_exit:entered_on": QT_TRANSLATE_NOOP(
        "Errors", "L'ingresso non può seguire l'uscita o il rientro nel programma."
    ),
    "birth_after_entry:birth_date": QT_TRANSLATE_NOOP(
        "Errors",
        "La data di nascita segue l'ingresso della persona nel programma FSE: "
        "controllare le due date.",
    ),
    "before_birth:entered_on": QT_TRANSLATE_NOOP(
        "Errors", "La data di ingresso precede la data di nascita della persona."
    ),
    "before_programmes:entered_on": QT_TRANSLATE_NOOP(
        "Errors",
        "La data di ingresso è precedente all'avvio dei programmi FSE (1° gennaio 2014).",
    ),
    "not_exited": QT_TRANSLATE_NOOP("Errors", "Registrare prima l'uscita dal programma."),
    "not_exited:reentered_on": QT_TRANSLATE_NOOP(
        "Errors", "La persona non è uscita dal programma."
    ),
    "too_early": QT_TRANSLATE_NOOP(
        "Errors", "L'esito a sei mesi si registra a partire da sei mesi dopo l'uscita."
    ),
    "invalid_result": QT_TRANSLATE_NOOP("Errors", "Esito non previsto dal programma."),
    "unknown_with_results": QT_TRANSLATE_NOOP(
        "Errors", "Un esito «non noto» non può avere anche esiti indicati."
    ),
    "needs_inactive": QT_TRANSLATE_NOOP(
        "Errors", "«Ora cerca lavoro» vale solo per chi era inattivo all'ingresso."
    ),
    "needs_employed": QT_TRANSLATE_NOOP(
        "Errors",
        "«Situazione lavorativa migliorata» vale solo per chi era occupato all'ingresso.",
    ),
    # the store itself
    "store_closed": QT_TRANSLATE_NOOP("Errors", "L'archivio è chiuso."),
    "store_is_link": QT_TRANSLATE_NOOP(
        "Errors",
        "L'archivio è un collegamento a un altro file: cifrare il file vero, non il collegamento.",
    ),
    "local_store": QT_TRANSLATE_NOOP(
        "Errors", "Archivio locale non scrivibile ora: riprovare più tardi."
    ),
    "bad_output": QT_TRANSLATE_NOOP(
        "Errors", "Impossibile scrivere il file: controllare la cartella scelta."
    ),
    # files the user asked us to write (casa_desk.outputs)
    "output_is_input": QT_TRANSLATE_NOOP(
        "Errors", "Il file scelto è l'archivio aperto o un suo file: sceglierne un altro."
    ),
    "output_is_store": QT_TRANSLATE_NOOP(
        "Errors", "Il file scelto è un archivio: non viene sovrascritto. Sceglierne un altro."
    ),
    "output_is_folder": QT_TRANSLATE_NOOP(
        "Errors", "Il percorso scelto è una cartella: indicare un file."
    ),
    "output_no_folder": QT_TRANSLATE_NOOP("Errors", "La cartella scelta non esiste."),
    "output_exists": QT_TRANSLATE_NOOP("Errors", "Il file esiste già: sceglierne un altro."),
    "output_read_only": QT_TRANSLATE_NOOP(
        "Errors", "La cartella scelta è su un supporto in sola lettura: sceglierne un'altra."
    ),
    "output_protected": QT_TRANSLATE_NOOP(
        "Errors",
        "Il file scelto è protetto da scrittura: non viene sovrascritto. Sceglierne un altro.",
    ),
    "output_name_too_long": QT_TRANSLATE_NOOP(
        "Errors", "Il nome del file è troppo lungo: sceglierne uno più corto."
    ),
    "output_key_file_name": QT_TRANSLATE_NOOP(
        "Errors",
        "I nomi che finiscono in .keys sono dei file delle chiavi degli archivi: "
        "sceglierne un altro.",
    ),
    "output_beside_keys": QT_TRANSLATE_NOOP(
        "Errors",
        "Accanto al file scelto c'è un file delle chiavi (.keys) di un archivio: "
        "scegliere un altro nome.",
    ),
    # names Windows cannot keep as given (casa_desk.outputs.check_portable_name)
    "output_name_trailing": QT_TRANSLATE_NOOP(
        "Errors",
        "Il nome scelto finisce con un punto o uno spazio, che Windows e le chiavette USB "
        "tolgono: sceglierne un altro.",
    ),
    "output_name_character": QT_TRANSLATE_NOOP(
        "Errors",
        "Il nome scelto contiene un carattere che Windows e le chiavette USB non ammettono "
        'nei nomi dei file (< > : " | ? * o un carattere di controllo): sceglierne un altro.',
    ),
    "output_name_device": QT_TRANSLATE_NOOP(
        "Errors",
        "Il nome scelto è riservato da Windows a un dispositivo (CON, PRN, AUX, NUL, COM1…, "
        "LPT1…): sceglierne un altro.",
    ),
    "disk_full": QT_TRANSLATE_NOOP("Errors", "Disco pieno: liberare spazio e riprovare."),
    # files the user asked us to read (never the open store: casa_desk.outputs.is_store_file)
    "bundle_is_store": QT_TRANSLATE_NOOP(
        "Errors",
        "Il file scelto è l'archivio aperto o un suo file, non un pacchetto della sede: "
        "sceglierne un altro.",
    ),
    "enrol_is_store": QT_TRANSLATE_NOOP(
        "Errors",
        "Il file scelto è l'archivio aperto o un suo file, non un file di abbinamento: "
        "sceglierne un altro.",
    ),
    # a store of invented people (casa-desk demo) never reaches the hub
    "demo_store": QT_TRANSLATE_NOOP(
        "Errors",
        "Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né "
        "sincronizzare con la sede.",
    ),
    # sync errors whose command-line line says a command to run (casa-desk enrol, --hub):
    # in the window one pairs with the Sync page's button
    "pair_first": QT_TRANSLATE_NOOP(
        "Errors",
        "Questo archivio non è abbinato a una sede: abbinarlo con «Abbina alla sede…» nella "
        "pagina Sincronizzazione.",
    ),
    "code_needs_https": QT_TRANSLATE_NOOP(
        "Errors", "Questo codice è di una sede in HTTPS: scriverne l'indirizzo con https://…"
    ),
    "hub_url_missing": QT_TRANSLATE_NOOP(
        "Errors",
        "Indirizzo della sede mancante: questo computer è stato abbinato con un file senza "
        "indirizzo. Senza rete le modifiche si scambiano con i pacchetti su file; per "
        "sincronizzare in rete, abbinarlo di nuovo con l'indirizzo e il codice della sede "
        "(«Abbina di nuovo…» nella pagina Sincronizzazione).",
    ),
    "tls_changed": QT_TRANSLATE_NOOP(
        "Errors",
        "Il certificato della sede è cambiato (SHA-256 {fingerprint}…): sincronizzazione "
        "rifiutata finché questo computer non viene abbinato di nuovo con un nuovo codice "
        "della sede («Abbina di nuovo…» nella pagina Sincronizzazione).",
    ),
    # the hub acknowledges more changes than a desk can number (sync/restored.py)
    "bad_ack": QT_TRANSLATE_NOOP(
        "Errors",
        "La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: "
        "avvisare la sede (revocare il dispositivo e abbinarlo di nuovo).",
    ),
}


def worded_error(exc: CasaError) -> str:
    """The line to show for ``exc`` in the interface language: its text translated, then
    each ``{name}`` filled with the value the error carries (an address, a file)."""
    field = getattr(exc, "field", "")
    source = TEXTS.get(f"{exc.code}:{field}") or TEXTS.get(exc.code)
    if source is not None:
        text = QCoreApplication.translate(_CONTEXT, source)
    else:
        text = QCoreApplication.translate("Validation", getattr(exc, "template", exc.message))
    return fill(text, getattr(exc, "params", {}))
