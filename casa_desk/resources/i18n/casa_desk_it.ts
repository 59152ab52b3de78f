<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="it">
<context>
    <name>AccountFields</name>
    <message>
        <source>es. mrossi (senza spazi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>almeno 10 caratteri, meglio una frase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>In ritardo</source>
        <extracomment>The order of the follow-up list when every bucket is shown: by date. The page&apos;s height shared out: follow-ups, late referrals, ESF six-month results, expiring consents.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prossimi 7 giorni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo i miei richiami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiamo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argomento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sintesi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto sicuro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segna come fatto…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da rilevare dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scade il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consenso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programma FSE: esiti a sei mesi dall&apos;uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensi in scadenza nei prossimi 30 giorni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registro dello sportello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio a un servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NON CHIAMARE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NON INVIARE POSTA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 oggi, %2 in ritardo, %3 nei prossimi 7 giorni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partecipanti da ricontattare: %1. La situazione a sei mesi dall&apos;uscita la registra, sulla scheda, il presidio che ha iscritto la persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partecipanti da ricontattare: %1. La situazione a sei mesi dall&apos;uscita si registra sulla scheda (doppio clic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiamo segnato come fatto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numero</source>
        <extracomment>The list&apos;s row to select once a follow-up marked done has left it: the next call.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiami</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnalazioni oltre la scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 segnalazioni aperte oltre la data prevista</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Accesso</source>
        <extracomment>What each action is called on the page.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accesso non riuscito</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sblocco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visualizzazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accesso con motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo di accesso rifiutato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esportazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eliminazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente aggiunto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente modificato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password cambiata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reimpostata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice di recupero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cifratura</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resa riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non più riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>segnalazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registro degli accessi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finestra del programma</source>
        <extracomment>How a login came about (the code access.py records as its reason), worded.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>archivio dimostrativo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codice di recupero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contenuti riservati</source>
        <extracomment>A new user&apos;s permission to see sensitive content, as accounts.add_user records it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nome</source>
        <extracomment>What a change of a user changed, as accounts.change_user records it (&quot;role=coordinatore&quot;, &quot;may_see_sensitive=1&quot;, &quot;full_name&quot;), worded: the role&apos;s word in place of %1.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ruolo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contenuti riservati concessi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contenuti riservati revocati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>riga di comando: %1</source>
        <extracomment>A login of a command (&quot;cli report&quot;): the command&apos;s name in place of %1.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[omesso]</source>
        <extracomment>Stands in a break-glass reason for the words that named the person (models.reasons.MASK).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Registro degli accessi</source>
        <extracomment>The range of days the page opens with.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Che cosa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esporta CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutti gli utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutte le azioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona: cognome e Invio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutte le persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Al</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Righe: %Ln</source>
        <translation>
            <numerusform>Righe: %Ln</numerusform>
            <numerusform>Righe: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esporta il registro degli accessi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registro esportato in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Persona riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questa persona è riservata: la sua scheda si apre solo indicando il motivo dell&apos;accesso. Il motivo viene registrato con il proprio nome e lo vedono i coordinatori. L&apos;accesso dura tre ore o fino all&apos;uscita; i contenuti riservati restano nascosti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo dell&apos;accesso (almeno %1 caratteri)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apri la scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>Esporta le modifiche su file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importa il file della sede…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esporta le modifiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetti (*.bundle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pacchetto scritto in %1: %Ln modifiche.</source>
        <translation>
            <numerusform>Pacchetto scritto in %1: %Ln modifica.</numerusform>
            <numerusform>Pacchetto scritto in %1: %Ln modifiche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importa il file della sede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetti (*.bundle);;Tutti i file (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto della sede importato: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche ricevute</source>
        <translation>
            <numerusform>%Ln modifica ricevuta</numerusform>
            <numerusform>%Ln modifiche ricevute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutate</source>
        <translation>
            <numerusform>%Ln rifiutata</numerusform>
            <numerusform>%Ln rifiutate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflitti</source>
        <translation>
            <numerusform>%Ln conflitto</numerusform>
            <numerusform>%Ln conflitti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln messe da parte (orologio di origine nel futuro)</source>
        <translation>
            <numerusform>%Ln messa da parte (orologio di origine nel futuro)</numerusform>
            <numerusform>%Ln messe da parte (orologio di origine nel futuro)</numerusform>
        </translation>
    </message>
    <message>
        <source>la sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre restano in questo archivio e partiranno con il prossimo pacchetto</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardSide</name>
    <message>
        <source>Dati anagrafici</source>
        <extracomment>The column never gets narrower than this (the splitter stops there): a label, a codice fiscale and the vertical scroll bar side by side (&quot;Data di nascita:&quot; + 16 letters). A value longer than this without a space may be cut (see value_label). A short line saying what was just done (the window shows it in the status bar).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo e alloggio Aler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleo familiare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibili doppioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scala %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>piano %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interno %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scala / piano / interno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessun dato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Togli dal nucleo familiare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Togli %1 dal nucleo familiare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessun altro componente registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggiungi componente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Componente aggiunto al nucleo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Componente tolto dal nucleo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scaduto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revocato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, scade il %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona ritira questo consenso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessun consenso registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registra consenso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consenso registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoca del consenso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrare la revoca di questo consenso: «%1»?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoca del consenso registrata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio a un servizio riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso nome e data di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unisci qui</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Contatto registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correzione registrata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto riservato registrato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto registrato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonimo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentBanner</name>
    <message>
        <source>Registra consenso…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Registra consenso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona acconsente che i dati necessari alla segnalazione siano comunicati al servizio indicato, come da informativa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Testo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrazione nell&apos;archivio (informativa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consenso per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registra (Ctrl+Invio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona ha ricevuto e letto l&apos;informativa sul trattamento dei dati e acconsente a essere registrata nell&apos;archivio del presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di scadenza non valida.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Correggi contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuovo contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognome, nome, codice fiscale, telefono…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonimo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digitare le prime lettere…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Che cosa ha chiesto, che cosa è stato fatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato (salute, violenza…)</source>
        <extracomment>The moment a correction loaded, as shown and as stored: left unchanged, the stored text is saved again as it was (its seconds too).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Canale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Argomento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sintesi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Esito</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minuti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Richiamo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva (Ctrl+Invio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere una persona dall&apos;elenco oppure «Anonimo».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data non valida: usare gg/mm/aaaa oppure +7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La correzione non è stata salvata: scartare quello che è stato scritto?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il contatto non è stato salvato: scartare quello che è stato scritto?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <source>Nome utente</source>
        <extracomment>How often the countdown of a throttled login is redrawn. The message line&apos;s look for a refusal; news (a store being upgraded) is in plain text. Emitted once the form shows that the store is being upgraded. An attempt began: the fields are disabled until ``settled``. The attempt ended, either way (after ``passed``): the form takes input again. :meth:`announce_upgrading`, from whatever thread; :meth:`show_upgrading` on this one. The username whose wait the countdown shows (throttling is per username).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accedi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare la password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome utente o password errati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggiornamento dell&apos;archivio alla nuova versione: controllo, copia di sicurezza e migrazione. Può richiedere alcuni minuti: non spegnere il computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si può riprovare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Troppi tentativi errati: riprovare tra %n secondi.</source>
        <translation>
            <numerusform>Troppi tentativi errati: riprovare tra %n secondo.</numerusform>
            <numerusform>Troppi tentativi errati: riprovare tra %n secondi.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>gg/mm/aaaa o +7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data come gg/mm/aaaa, oppure +7 (giorni), +2s (settimane), oggi, domani. Vuoto: nessuna data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data non valida</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nessuna</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Il presidio di questo computer</source>
        <extracomment>Beyond this many changes the bar says &quot;more than&quot;: counting millions takes too long.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Accessi con motivo: %Ln</source>
        <translation>
            <numerusform>Accessi con motivo: %Ln</numerusform>
            <numerusform>Accessi con motivo: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Accessi con motivo non ancora visti: Archivio › Registro degli accessi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: non abbinato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: con pacchetti su file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: in attesa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: sincronizzazione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: sincronizzato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: modifiche da inviare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: sincronizzazione non riuscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede: sincronizzato in parte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dettagli nella scheda Sincronizzazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche solo su questo computer: più di %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Modifiche solo su questo computer: %Ln</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Tutto sincronizzato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche da sincronizzare: più di %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Modifiche da sincronizzare: %Ln</source>
        <translation>
            <numerusform>Modifiche da sincronizzare: %Ln</numerusform>
            <numerusform>Modifiche da sincronizzare: %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <source>Testo non salvato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scarta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continua a scrivere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scartare quello che è stato scritto?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Richiamo fatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Esito del richiamo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segna come fatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Com&apos;è andato il richiamo?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possibili doppioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso nome e data di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stesso telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apri la scheda esistente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registra comunque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo codice fiscale è già registrato: la persona ha già una scheda. Aprirla per aggiornarla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queste persone potrebbero essere la stessa che si sta registrando:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>casa_desk – cifratura dell&apos;archivio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio è di una versione precedente e non è cifrato. Indicare l&apos;amministratore: l&apos;archivio sarà cifrato e si aprirà solo con la sua password (e quelle degli utenti che aggiungerà).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cifra e apri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cifratura in corso: non spegnere il computer…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Abbina alla sede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede prepara l&apos;abbinamento di questo computer e dà un codice monouso (con il suo indirizzo) oppure un file di abbinamento, da usare senza rete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codice monouso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo della &amp;sede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abbina con il codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usa un file di abbinamento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare l&apos;indirizzo della sede e il codice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File di abbinamento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutti i file (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Ingresso nel programma FSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati chiesti dal programma FSE all&apos;ingresso: escono dal presidio solo come cifre aggregate nei rapporti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di &amp;ingresso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— scegliere —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Condizione occupazionale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Titolo di studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere la condizione occupazionale all&apos;ingresso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere il titolo di studio all&apos;ingresso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correggi l&apos;ingresso nel programma FSE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Cancella i dati della persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome, codice fiscale, recapiti, indirizzo, note e testi della persona saranno cancellati qui e in tutti gli uffici. Restano solo i dati per le statistiche. Non si può annullare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo (per esempio: richiesta scritta del …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancella definitivamente</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Si è verificato un errore imprevisto. Il lavoro salvato non è andato perso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>casa_desk – errore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copia dettagli</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Scrivere una sintesi del contatto.</source>
        <extracomment>code, or &quot;code:field&quot; for generic codes → Italian source text (translated at use).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canale non valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere un argomento dall&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito non valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I minuti devono essere tra 0 e 480.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di richiamo non è valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data del contatto non è valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il contatto non può essere precedente al 1° gennaio 2014.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di richiamo non può essere precedente al 1° gennaio 2014.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La scadenza non può essere precedente al 1° gennaio 2014.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il contatto non può essere nel futuro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona non trovata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo contatto è già stato corretto: correggere l&apos;ultima versione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto registrato da {office}: lo corregge solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Una persona non può essere unita a se stessa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona scelta è già stata unita a un&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La scheda scelta è stata eliminata: non si unisce ad altre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono unirla a un&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo codice fiscale è già registrato: aprire la scheda esistente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare il motivo della segnalazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riportare il testo del consenso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgenza non valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il servizio non è attivo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio non trovato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manca un consenso valido della persona a condividere i dati con questo servizio: registrarlo prima di inviare la segnalazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona non ha un consenso valido all&apos;invio a questo servizio: lettera non stampata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I dati di questa persona comprendono contenuti riservati: la copia deve prepararla un utente con il permesso di vederli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La segnalazione deve prima essere creata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La segnalazione esiste già.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si può inviare solo una segnalazione in bozza.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La presa in carico è possibile solo dopo l&apos;invio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si può concludere solo una segnalazione presa in carico.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Una segnalazione già chiusa non può essere rifiutata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Una segnalazione già chiusa non può essere annullata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si può riaprire solo una segnalazione conclusa, rifiutata o annullata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome del servizio è obbligatorio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tipo di servizio non valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona è già iscritta al programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iscrizione al programma non trovata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iscrizione al programma FSE registrata da {office}: la aggiorna solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riga registrata da {office}: il valore perso lo ripristina solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;uscita non può precedere l&apos;ingresso (o il rientro) nel programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona è già uscita dal programma: registrare prima il rientro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il rientro non può precedere l&apos;uscita.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data non può essere nel futuro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;ingresso non può seguire l&apos;uscita o il rientro nel programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di nascita segue l&apos;ingresso della persona nel programma FSE: controllare le due date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di ingresso precede la data di nascita della persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di ingresso è precedente all&apos;avvio dei programmi FSE (1° gennaio 2014).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrare prima l&apos;uscita dal programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona non è uscita dal programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;esito a sei mesi si registra a partire da sei mesi dopo l&apos;uscita.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito non previsto dal programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un esito «non noto» non può avere anche esiti indicati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«Ora cerca lavoro» vale solo per chi era inattivo all&apos;ingresso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«Situazione lavorativa migliorata» vale solo per chi era occupato all&apos;ingresso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;archivio è chiuso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;archivio è un collegamento a un altro file: cifrare il file vero, non il collegamento.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archivio locale non scrivibile ora: riprovare più tardi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impossibile scrivere il file: controllare la cartella scelta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file scelto è un archivio: non viene sovrascritto. Sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il percorso scelto è una cartella: indicare un file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La cartella scelta non esiste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file esiste già: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La cartella scelta è su un supporto in sola lettura: sceglierne un&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file scelto è protetto da scrittura: non viene sovrascritto. Sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome del file è troppo lungo: sceglierne uno più corto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I nomi che finiscono in .keys sono dei file delle chiavi degli archivi: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accanto al file scelto c&apos;è un file delle chiavi (.keys) di un archivio: scegliere un altro nome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome scelto finisce con un punto o uno spazio, che Windows e le chiavette USB tolgono: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome scelto contiene un carattere che Windows e le chiavette USB non ammettono nei nomi dei file (&lt; &gt; : &quot; | ? * o un carattere di controllo): sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome scelto è riservato da Windows a un dispositivo (CON, PRN, AUX, NUL, COM1…, LPT1…): sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disco pieno: liberare spazio e riprovare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file, non un pacchetto della sede: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file, non un file di abbinamento: sceglierne un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né sincronizzare con la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede: abbinarlo con «Abbina alla sede…» nella pagina Sincronizzazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo codice è di una sede in HTTPS: scriverne l&apos;indirizzo con https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo della sede mancante: questo computer è stato abbinato con un file senza indirizzo. Senza rete le modifiche si scambiano con i pacchetti su file; per sincronizzare in rete, abbinarlo di nuovo con l&apos;indirizzo e il codice della sede («Abbina di nuovo…» nella pagina Sincronizzazione).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il certificato della sede è cambiato (SHA-256 {fingerprint}…): sincronizzazione rifiutata finché questo computer non viene abbinato di nuovo con un nuovo codice della sede («Abbina di nuovo…» nella pagina Sincronizzazione).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: avvisare la sede (revocare il dispositivo e abbinarlo di nuovo).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Esf</name>
    <message>
        <source>Era inattivo, ora cerca lavoro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In istruzione o formazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ha ottenuto una qualifica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupato, anche autonomo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situazione lavorativa migliorata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disoccupato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disoccupato di lungo periodo (oltre 12 mesi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inattivo (non lavora e non cerca lavoro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inattivo, non in istruzione o formazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fino alla licenza media (ISCED 0-2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diploma o qualifica post-diploma (ISCED 3-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laurea o superiore (ISCED 5-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrante, di origine straniera o di una minoranza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cittadino di un paese terzo (non UE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di origine straniera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Di una minoranza (compresi i Rom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona con disabilità</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senza dimora o in esclusione abitativa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altro svantaggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non ha risposto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EsfBox</name>
    <message>
        <source>Programma FSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iscrivi al programma…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correggi ingresso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registra uscita…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti immediati…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito a sei mesi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rientro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non iscritto al programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingresso: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rientro: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uscita: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nel programma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iscrizione registrata da %1: la aggiorna solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti immediati: da registrare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti immediati: non noti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti immediati: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nessuno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sei mesi: esito non noto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sei mesi: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non occupato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito a sei mesi da registrare (dal %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito a sei mesi dal %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Cognome</source>
        <extracomment>The registry fields in words (context &quot;Fields&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Piano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleo familiare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo nel nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nucleo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eliminata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutta la riga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unita alla scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati cancellati il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argomento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sintesi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minuti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiamo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiamo fatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passaggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data e ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consenso per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revocato il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono sicuro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non chiamare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non inviare posta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Cerca &amp;in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tipo di file:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>casa_desk – primo avvio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benvenuti. Indicare il presidio di questo computer e creare il suo amministratore: potrà aggiungere gli altri utenti. La password protegge l&apos;archivio cifrato: non si può recuperare senza un amministratore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crea e inizia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede centrale Aler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esci</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Esito a sei mesi dall&apos;uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situazione a sei mesi dall&apos;uscita (dovuta dal %1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito non noto</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Modifica anagrafica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>annullata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confermata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>da rivedere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnalazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (scad. %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argomento / servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sintesi / motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito / stato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>italiano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inglese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spagnolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portoghese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tedesco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rumeno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>albanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arabo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bengalese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urdu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ucraino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>russo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tigrino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amarico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>somalo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wolof</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>singalese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tamil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>punjabi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polacco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lingua dei segni italiana</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>casa_desk è bloccato</source>
        <extracomment>The input that counts as someone at the desk (hover and enter/leave events do not: Qt makes them when a widget moves under a still pointer).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per continuare, inserire la propria password. Un altro utente può accedere con il proprio nome utente: il lavoro non salvato di chi c&apos;era resta da parte per lui.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sblocca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>casa_desk – bloccato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>casa_desk – accesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accedere con il proprio nome utente e la propria password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esci</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Segnalazioni</source>
        <extracomment>An enrolled desk syncs by itself this often, and shortly after the window opens. The window&apos;s size on a screen big enough; smaller screens get what fits. How long a confirmation stays in the status bar.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report mensile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sincronizzazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>casa_desk – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archivio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Visualizza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuovo contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sincronizza ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copia di sicurezza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recapiti dei presidi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cerca persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persone di oggi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torna alla scheda precedente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uscita rapida</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessuna scheda aperta oggi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheda salvata: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnalazione registrata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La nuova lingua sarà usata al prossimo avvio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifica dell&apos;archivio in corso…</source>
        <extracomment>``sign_in(path, settings)``: the logged-in session, or None when the user gave up.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede centrale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copia di sicurezza dell&apos;archivio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archivi casa_desk (*.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copia di sicurezza scritta in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utenti…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostazioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registro degli accessi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cambia la mia password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocca ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accesso con motivo scaduto: scheda chiusa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uscire da casa_desk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moduli non salvati di chi usava lo sportello: %1. Uscendo andranno persi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esci e perdi i moduli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non uscire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Aggiungi al nucleo familiare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognome, nome, codice fiscale, telefono…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggiungi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Unisci le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La scheda «%1» sarà unita a questa, «%2».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questa scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L’altra scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dove i dati sono diversi, scegliere quale tenere:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I dati non sono in contrasto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passano a questa scheda: i contatti, i consensi, le segnalazioni, l&apos;iscrizione al programma FSE e il nucleo familiare dell&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si completano dall&apos;altra scheda: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unisci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeutralPage</name>
    <message>
        <source>Informazioni per gli inquilini</source>
        <extracomment>&quot;Blocca ora&quot;: the window&apos;s action when the window has the keys, this filter inside a dialog. Dynamic property of a dialog that holds the operator&apos;s unsaved work: F12 hides it and coming back shows it again (see :func:`mark_draft`). Dynamic property of a dialog the resume step shows while the neutral page is up. Dynamic property of a draft&apos;s line edit: where its cursor was when F12 hid the draft.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lo sportello riceve su appuntamento
e negli orari esposti all&apos;ingresso.

Per guasti e manutenzione si può usare
anche il numero verde indicato in bacheca.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riprendi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Informazioni</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Reimposta la password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova password per %1. Comunicarla di persona: al prossimo accesso l&apos;utente dovrebbe cambiarla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Nota (facoltativa): chi, come, che cosa</source>
        <extracomment>Columns of the list that sort by their date when their header is clicked. Tables whose change may change what this page shows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>casa_desk – presidio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare il presidio di questo computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il presidio di questo computer va scelto da un amministratore.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficesDialog</name>
    <message>
        <source>Recapiti dei presidi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono ed email di ogni presidio compaiono nelle lettere di invio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Cambia la mia password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password attuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ripetere la nuova password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La password è stata reimpostata: sceglierne una nuova.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleSearchModel</name>
    <message>
        <source>Cognome</source>
        <extracomment>Fewer characters than this list nobody: one letter matches a fifth of the registry. (generation, text, offset, ranked or None = decide by counting, masked) Emitted when the rows of the latest query are in (the first page, or one more page).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nato/a il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alloggio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>← Ricerca (Esc)</source>
        <extracomment>A contact of the history to correct (double-click, Enter, context menu). A referral of the history to follow on the Segnalazioni page. A short line saying what was just done (the window shows it in the status bar).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica dati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuovo contatto (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova segnalazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storia: contatti e segnalazioni (dal più recente)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla la modifica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rimette i valori di prima: la correzione arriva a tutti i presidi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra il contenuto riservato (resta nel registro degli accessi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nato/a il %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schede unite: %1 contatti, %2 consensi, %3 segnalazioni spostati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;altra scheda è stata registrata da %1: solo quel presidio o la sede possono unirla a un&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unisci le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si può unire questa scheda a quella.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unisci questa scheda a quella</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuto riservato: premere «Mostra» prima di correggerlo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto registrato da %1: lo corregge solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correggi contatto…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apri nelle Segnalazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selezionare una riga per vederne le note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modificato da %1 il %2:
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuto riservato. Premere «Mostra» solo se necessario: l&apos;accesso viene registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esito: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiamo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnalazione %1 a %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scadenza: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Modifica persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cognome *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di nascita (gg/mm/aaaa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingue parlate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Civico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Piano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice alloggio Aler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo nel nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>es. italiano, arabo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde a cognome e nome: ricontrollarli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data impossibile: quel giorno non esiste (es. 31/02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di nascita non è valida: usare gg/mm/aaaa (anche 1/1/80).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correggere i campi segnalati prima di salvare.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Codice di recupero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo codice apre l&apos;archivio se tutti gli amministratori dimenticano la password. Viene mostrato una sola volta: stamparlo o copiarlo ora e conservarlo chiuso a chiave, lontano dal computer. Un nuovo codice sostituisce quello precedente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copia</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReentryDialog</name>
    <message>
        <source>Rientro nel programma FSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resta un solo partecipante: vale l&apos;ingresso iniziale, mentre l&apos;uscita e gli esiti registrati finora lasciano il posto a quelli dell&apos;uscita definitiva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data del &amp;rientro</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Nuova segnalazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessuna persona: una segnalazione richiede una persona registrata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cerca servizio per nome, ente, tipo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perché la persona viene segnalata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Che cosa si chiede al servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invia subito al servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Richiesta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Urgenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entro il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva (Ctrl+Invio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La segnalazione non è stata salvata: scartare quello che è stato scritto?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere un servizio dall&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data non valida: usare gg/mm/aaaa oppure +7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non si può inviare: manca un consenso valido della persona a condividere i dati con questo servizio. Registrare il consenso oppure salvare come bozza (togliendo «Invia subito»).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aprire la scheda di una persona per segnalarla a un servizio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Aperte</source>
        <extracomment>Sensitive referrals revealed (and audited) since the page was last shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cerca per numero, persona o servizio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creata il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In ritardo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data e ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passaggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra il contenuto riservato (resta nel registro degli accessi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concludi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rifiutata dal servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla segnalazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riapri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa lettera per il servizio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettera di una pagina per un servizio esterno: chi è inviato e perché, il consenso, chi richiamare. La stampa viene registrata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa la lettera con la stampante (registrato)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scegliere una segnalazione dall&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ segnalazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln segnalazioni</source>
        <translation>
            <numerusform>%Ln segnalazione</numerusform>
            <numerusform>%Ln segnalazioni</numerusform>
        </translation>
    </message>
    <message>
        <source>Contenuto riservato. Premere «Mostra» solo se necessario: l&apos;accesso viene registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuto riservato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entro il %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (sospesa)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sospesa: %1. Serve un nuovo consenso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sospesa: il consenso è scaduto o revocato. Serve un nuovo consenso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva la lettera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettera salvata in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Orologio della modifica avanti rispetto alla sede: correggere l&apos;orologio del PC (la modifica resta in questo archivio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argomento (categoria) sconosciuto alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidio sconosciuto alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambito sconosciuto alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica troppo grande per la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testo con caratteri non ammessi (NUL, controllo della direzione del testo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orologi di base della modifica non validi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campo obbligatorio mancante: {col}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identificativo della riga incoerente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valore non valido nel campo {col}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testo troppo lungo nel campo {col}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice sconosciuto nel campo {col}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collegamento a una riga sconosciuta alla sede ({col}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collegamento a una riga che questo ufficio non vede ({col}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evento di una segnalazione di un altro presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabella sconosciuta alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operazione sconosciuta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica firmata da un altro dispositivo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un fatto registrato non si modifica: serve una rettifica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il presidio o l&apos;ambito di una riga non si possono cambiare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riga sconosciuta alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riga del presidio {office}: questo ufficio non può scriverla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ambito non consentito per questa tabella.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riga del presidio {office}: questo ufficio non può modificarla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona di un altro presidio che questo ufficio non vede: non può modificarla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono eliminarla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono unirla a un&apos;altra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solo la sede può modificare i dati di riferimento.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un servizio di un presidio resta nel suo elenco: solo la sede lo rende comune.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio della sede o di un altro presidio: questo ufficio non può modificarlo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica scartata: la scheda a cui si riferisce non è arrivata alla sede entro {days} giorni.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica rifiutata: troppe modifiche di questo ufficio attendono alla sede schede non ancora arrivate. Avvisare la sede; ripetere la modifica quando la scheda sarà arrivata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La persona è già iscritta al programma FSE (anche da un altro presidio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il contatto è già stato corretto da un altro computer: correggere la versione attuale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Mese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gennaio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>febbraio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aprile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>giugno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>luglio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agosto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settembre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ottobre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>novembre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dicembre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programma:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commento del community manager (facoltativo): entra nel rapporto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genera rapporto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tutti i presidi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessun rapporto generato per questo mese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporto generato il %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il report mensile è per coordinatori e amministratori.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generazione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva il rapporto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documenti PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impossibile salvare il file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapporto salvato in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Uscita dal programma FSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti immediati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di &amp;uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La situazione entro quattro settimane dall&apos;uscita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Da registrare più tardi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti noti (anche nessuno di questi):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiti non noti</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RightsBox</name>
    <message>
        <source>Contatto sicuro e diritti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto sicuro…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esporta dati…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancella dati…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Togli «riservata»…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segna come riservata…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NON CHIAMARE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NON INVIARE POSTA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati anonimizzati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono sicuro: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orari: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessuna istruzione di contatto sicuro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnare la persona come riservata? Chi non può vedere i dati riservati la troverà come «Persona riservata» e aprirà la scheda solo indicando un motivo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Togliere il segno «riservata»? Chi non può vedere i dati riservati vedrà di nuovo il suo nome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segna come riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Togli il segno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona segnata come riservata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolto il segno «riservata».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatto sicuro salvato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva i dati della persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati salvati in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati della persona cancellati.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafeContactDialog</name>
    <message>
        <source>Contatto sicuro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non chiamare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non inviare posta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono sicuro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nota</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedFileBar</name>
    <message>
        <source>Apri</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Cerca per cognome, nome, codice fiscale, telefono o codice alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registra una persona (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑/↓ per scegliere, Invio per aprire la scheda, Esc per svuotare la ricerca, Ctrl+N per un nuovo contatto, F12 uscita rapida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrivere almeno due lettere o cifre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Più di %1 persone: continuare a scrivere per restringere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Persone trovate: %Ln.</source>
        <translation>
            <numerusform>Persone trovate: %Ln.</numerusform>
            <numerusform>Persone trovate: %Ln.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Cerca per nome, ente, tipo, note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra anche i non attivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio non attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tele&amp;fono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Indirizzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orari</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuovo servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attivo dopo il salvataggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disattiva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riattiva</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minuti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocco dopo inattività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dopo questi minuti senza usare tastiera o mouse la finestra si blocca e chiede la password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sincronizza ora</source>
        <extracomment>Changes per pull page when the window syncs. Each page is one write transaction, and a save in the window waits for the one in progress: 500 changes keep that wait short (benchmarks/bench_sync.py --window-wait) where the command line takes 2,000 at a time. Unsent changes are counted up to here on the GUI thread (a full count of a store that never synced takes half a second).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abbina alla sede…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo computer non è ancora abbinato alla sede: le modifiche restano qui finché non lo è. Per abbinarlo servono l&apos;indirizzo della sede e il codice monouso che la sede prepara (oppure il suo file di abbinamento): premere «Abbina alla sede…». Senza rete, le modifiche si scambiano anche con un file su chiavetta USB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ultima sincronizzazione riuscita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche in attesa:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stato:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabella</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Motivo del rifiuto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rilevato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valore attuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valore perso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ricevuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Perché non è applicata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ripristina il valore perso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tieni il valore attuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche rifiutate dalla sede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche ricevute messe da parte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflitti da rivedere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modificata da</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche (prima → dopo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annulla la modifica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La modifica è giusta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persone registrate qui, modificate da altri presidi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non abbinato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>più di %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si abbina alla sede e non si sincronizza. Per lavorare con la sede serve un archivio vero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo computer non è ancora abbinato alla sede: le modifiche restano qui finché un amministratore non lo abbina. Senza rete, le modifiche si scambiano anche con un file su chiavetta USB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abbina di nuovo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>l&apos;orologio di chi l&apos;ha fatta è avanti di oltre 5 minuti: sarà applicata quando arriva la sua ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attende un&apos;altra modifica messa da parte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modifica contemporanea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modifica dopo l&apos;eliminazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>riga non accettata da questo archivio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(eliminata)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archivio non abbinato alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiche da inviare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sincronizzato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riga registrata da %1: il valore perso lo ripristina solo quel presidio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sincronizzazione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dati non allineati con la sede: riprovare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer abbinato alla sede (presidio %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Persone</source>
        <extracomment>The synced tables in words, for the lists of the Sync page (context &quot;Tables&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segnalazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passaggi delle segnalazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partecipanti FSE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argomenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presidi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registro degli accessi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contatti sicuri</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Nuovo utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Può vedere i contenuti riservati (violenza, salute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuti riservati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggiungi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reimposta password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disattiva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice di recupero…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente aggiunto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente modificato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reimpostata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disattiva utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disattivare %1? Non potrà più accedere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente disattivato.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Il codice del luogo di nascita non è valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale contiene una data di nascita impossibile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale deve avere 16 caratteri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale ha lettere o cifre al posto sbagliato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde al sesso indicato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde alla data di nascita.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il motivo non deve contenere nome, codice fiscale, telefono, e-mail o codice alloggio della persona: descrivi il motivo, non chi è.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;ultimo carattere del codice fiscale non torna: ricontrollare il codice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numero di telefono non valido: cellulare 3…, fisso 0… o estero con + o 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Al massimo 2.000 modifiche per invio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All&apos;indirizzo {address} risponde un altro servizio, non la sede: controllare l&apos;indirizzo e la porta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificato TLS illeggibile: {path} (serve un file PEM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificato della sede non riconosciuto: abbinare l&apos;archivio con il codice o il file della sede, che portano l&apos;impronta del suo certificato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificato o chiave TLS non utilizzabili ({cert}, {key}): file mancante, illeggibile o chiave che non corrisponde al certificato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice di abbinamento digitato male: ricontrollarlo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice di abbinamento non valido o già usato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuto del pacchetto non valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contenuto del pacchetto non valido: {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credenziali di sincronizzazione non valide: rifare l&apos;abbinamento con la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database della sede non raggiungibile: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database della sede non trovato: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispositivo non trovato: {prefix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispositivo sconosciuto alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errore interno della sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File di abbinamento illeggibile: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firma del pacchetto non valida: alterato, o di un altro dispositivo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il certificato della sede non corrisponde al codice di abbinamento (SHA-256 {fingerprint}…): indirizzo sbagliato o connessione intercettata; nulla è stato inviato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il certificato della sede è cambiato (SHA-256 {fingerprint}…): sincronizzazione rifiutata finché l&apos;archivio non viene abbinato di nuovo (casa-desk enrol con un nuovo codice della sede).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il pacchetto di risposta è di prima del ripristino della sede: è superato e non lo importo. Esportare un nuovo pacchetto e portarlo alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il pacchetto non è un invio di un ufficio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il pacchetto non è una risposta della sede per questo ufficio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare il dispositivo: il suo identificativo o il suo inizio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo della sede mancante: usare --hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo della sede non valido: «{value}» (serve per esempio http://sede:8765).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo della sede sbagliato: la parte «{path}» dopo {root} è di troppo (l&apos;indirizzo della sede di solito finisce con la porta: {root}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invio rifiutato: il numero finale (last_seq) va oltre l&apos;ultima modifica inviata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;orologio di questo PC è sbagliato di oltre 5 minuti: correggerlo per sincronizzare (il lavoro locale continua).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: avvisare la sede (revocare il dispositivo e abbinarlo di nuovo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre restano in questo archivio e partiranno da sole nelle prossime sincronizzazioni. Se si ripete, avvisare la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede non conferma le modifiche inviate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede non risponde (tempo scaduto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede su {host} sarebbe raggiungibile in chiaro dalla rete: servono --tls-cert e --tls-key (oppure --insecure-http, sconsigliato).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La sede usa una versione più vecchia di casa_desk: aggiornare la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manca un pacchetto di risposta precedente: importarlo prima.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mancano modifiche precedenti: reinviare dall&apos;ultima confermata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non è un pacchetto casa_desk di questo formato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto datato nel futuro: messo da parte, non applicato (correggere l&apos;orologio del PC dell&apos;ufficio).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto illeggibile: troncato o danneggiato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto incompleto o troncato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto non decifrabile con la chiave di questo dispositivo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto non valido: il campo {key} dell&apos;intestazione non è un numero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacchetto troppo grande o con troppi elementi: rifiutato senza aprirlo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo PC è stato revocato dalla sede: non può più sincronizzare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo abbinamento appartiene a un altro archivio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede: eseguire casa-desk enrol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio è abbinato a una sede in HTTPS: indirizzo in chiaro rifiutato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio è del presidio {current}, l&apos;abbinamento è per {office}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo archivio e una sua copia su un altro computer sono abbinati alla sede come un solo PC: le modifiche di questo restano qui, non inviate. Rivolgersi alla sede per abbinare questo PC come nuovo dispositivo (o ripristinare l&apos;archivio giusto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo codice è di una sede in HTTPS: indicare --hub https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né sincronizzare con la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta incompleta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta non valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta non valida: {where} ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta rifiutata (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta troppo grande per la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Richiesta troppo grande: al massimo {mb} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risposta non valida dalla sede (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: connessione interrotta (rete o sede).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: connessione non riuscita (indirizzo, porta, rete o sede spenta).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: il proxy della rete ha rifiutato la connessione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la connessione protetta (HTTPS) non è riuscita: l&apos;indirizzo potrebbe essere http:// invece di https://, o viceversa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la sede ha chiuso la connessione senza rispondere: l&apos;indirizzo potrebbe essere https:// invece di http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la sede ha interrotto la connessione: se succede a ogni tentativo, l&apos;indirizzo potrebbe essere https:// invece di http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequenze dell&apos;invio incoerenti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve aggiornare casa_desk per sincronizzare con la sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve prima il saluto (hello) alla sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servono entrambi: --tls-cert e --tls-key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tabella sconosciuta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} non è un file di abbinamento casa_desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} non è un file normale: indicare il file di abbinamento della sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} non è un file normale: indicare il pacchetto della sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} è il database della sede, non un pacchetto: indicare il pacchetto di un ufficio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} è un archivio o un database, non un pacchetto di sincronizzazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} è un file di lavoro del database della sede, non un pacchetto: indicare il pacchetto di un ufficio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} è una cartella: indicare il file di abbinamento della sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} è una cartella: indicare il pacchetto della sede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: impronta del certificato non valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{prefix}» è l&apos;inizio di {count} dispositivi: indicare più caratteri (casa-desk hub device-list li elenca).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il cognome è obbligatorio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il nome è obbligatorio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il sesso deve essere F, M, X o NS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;indirizzo email non è valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di nascita indica più di 120 anni.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di nascita non è una data valida.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La data di nascita è nel futuro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per calcolare il codice fiscale serve il sesso (F o M).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ruolo nel nucleo non valido.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La password deve avere almeno 10 caratteri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La password può avere al più 256 caratteri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password troppo facile da indovinare: usare una frase di più parole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Le due password non coincidono.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nome utente non valido: da 2 a 32 caratteri tra lettere, cifre, punto, trattino e trattino basso, senza spazi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esiste già un utente con questo nome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare nome e cognome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare nome e cognome dell&apos;amministratore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente sconosciuto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non si può disattivare il proprio utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>È l&apos;ultimo amministratore attivo: nominarne prima un altro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Utente disattivato: riattivarlo non è previsto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questo utente è disattivato: rivolgersi all&apos;amministratore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicare il motivo dell&apos;accesso (almeno 10 caratteri).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permesso di vedere i contenuti riservati non concesso a questo utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessione terminata: accedere di nuovo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I minuti di blocco vanno da 1 a 120.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Sportello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visita domiciliare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In carico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviato a un servizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bozza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rifiutata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riaperta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bassa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antiviolenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizi sociali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lavoro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Casa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonimo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servizio riservato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persona riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore</source>
        <extracomment>A user&apos;s role (the users page, the audit page&apos;s &quot;user added&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amministratore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_FieldWords</name>
    <message>
        <source>nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>data di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>luogo di nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>genere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lingue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>civico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>piano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>codice unità</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quartiere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ruolo nel contratto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Sportello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visita domiciliare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In carico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bozza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inviata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conclusa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rifiutata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Femmina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maschio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Altro (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non dichiarato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Titolare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Componente del nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupante senza titolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non residente</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
