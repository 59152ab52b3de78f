"""The security services' one-line messages the window may show, for the translators.

The services raise :class:`~casa_desk.errors.CasaError` with an Italian message (the command
line prints it); the window shows it through :func:`~casa_desk.ui.error_texts.worded_error`,
which translates the message in the context "Validation". Messages built at run time
(``f"… almeno {MIN_LENGTH} caratteri."``) are listed here as they read, so that lupdate
collects them; tests/ui/test_security_texts.py checks that the services still say exactly
these words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES = (
    # passwords (security/passwords.py)
    QT_TRANSLATE_NOOP("Validation", "La password deve avere almeno 10 caratteri."),
    QT_TRANSLATE_NOOP("Validation", "La password può avere al più 256 caratteri."),
    QT_TRANSLATE_NOOP(
        "Validation", "Password troppo facile da indovinare: usare una frase di più parole."
    ),
    QT_TRANSLATE_NOOP("Validation", "Le due password non coincidono."),
    # accounts and users (security/accounts.py, store/users.py)
    QT_TRANSLATE_NOOP(
        "Validation",
        "Nome utente non valido: da 2 a 32 caratteri tra lettere, cifre, punto, "
        "trattino e trattino basso, senza spazi.",
    ),
    QT_TRANSLATE_NOOP("Validation", "Esiste già un utente con questo nome."),
    QT_TRANSLATE_NOOP("Validation", "Indicare nome e cognome."),
    QT_TRANSLATE_NOOP("Validation", "Indicare nome e cognome dell'amministratore."),
    QT_TRANSLATE_NOOP("Validation", "Utente sconosciuto."),
    QT_TRANSLATE_NOOP("Validation", "Non si può disattivare il proprio utente."),
    QT_TRANSLATE_NOOP("Validation", "È l'ultimo amministratore attivo: nominarne prima un altro."),
    QT_TRANSLATE_NOOP("Validation", "Utente disattivato: riattivarlo non è previsto."),
    QT_TRANSLATE_NOOP("Validation", "Questo utente è disattivato: rivolgersi all'amministratore."),
    # break-glass, reveal, sessions, settings (security/access.py, security/settings.py)
    QT_TRANSLATE_NOOP("Validation", "Indicare il motivo dell'accesso (almeno 10 caratteri)."),
    QT_TRANSLATE_NOOP(
        "Validation", "Permesso di vedere i contenuti riservati non concesso a questo utente."
    ),
    QT_TRANSLATE_NOOP("Validation", "Sessione terminata: accedere di nuovo."),
    QT_TRANSLATE_NOOP("Validation", "I minuti di blocco vanno da 1 a 120."),
)
