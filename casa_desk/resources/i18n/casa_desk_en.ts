<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="it">
<context>
    <name>AccountFields</name>
    <message>
        <source>es. mrossi (senza spazi)</source>
        <translation>e.g. mrossi (no spaces)</translation>
    </message>
    <message>
        <source>almeno 10 caratteri, meglio una frase</source>
        <translation>at least 10 characters, a phrase is best</translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation>Repeat the password</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>In ritardo</source>
        <extracomment>The order of the follow-up list when every bucket is shown: by date. The page&apos;s height shared out: follow-ups, late referrals, ESF six-month results, expiring consents.</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Oggi</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Prossimi 7 giorni</source>
        <translation>Next 7 days</translation>
    </message>
    <message>
        <source>Tutti</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Solo i miei richiami</source>
        <translation>My follow-ups only</translation>
    </message>
    <message>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Richiamo</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Argomento</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Sintesi</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Contatto sicuro</source>
        <translation>Safe contact</translation>
    </message>
    <message>
        <source>Segna come fatto…</source>
        <translation>Mark as done…</translation>
    </message>
    <message>
        <source>Da rilevare dal</source>
        <translation>Due from</translation>
    </message>
    <message>
        <source>Uscita</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Scade il</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Consenso</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Programma FSE: esiti a sei mesi dall&apos;uscita</source>
        <translation>ESF programme: results six months after leaving</translation>
    </message>
    <message>
        <source>Consensi in scadenza nei prossimi 30 giorni</source>
        <translation>Consents expiring in the next 30 days</translation>
    </message>
    <message>
        <source>Registro dello sportello</source>
        <translation>The desk&apos;s records</translation>
    </message>
    <message>
        <source>Invio a un servizio</source>
        <translation>Referral to a service</translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation>Referral to %1</translation>
    </message>
    <message>
        <source>NON CHIAMARE</source>
        <translation>DO NOT CALL</translation>
    </message>
    <message>
        <source>NON INVIARE POSTA</source>
        <translation>DO NOT SEND POST</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>%1 oggi, %2 in ritardo, %3 nei prossimi 7 giorni</source>
        <translation>%1 today, %2 overdue, %3 in the next 7 days</translation>
    </message>
    <message>
        <source>Partecipanti da ricontattare: %1. La situazione a sei mesi dall&apos;uscita la registra, sulla scheda, il presidio che ha iscritto la persona.</source>
        <translation>Participants to contact again: %1. The situation six months after leaving is recorded on the card by the office that enrolled the person.</translation>
    </message>
    <message>
        <source>Partecipanti da ricontattare: %1. La situazione a sei mesi dall&apos;uscita si registra sulla scheda (doppio clic).</source>
        <translation>Participants to contact again: %1. The situation six months after leaving is recorded on the card (double click).</translation>
    </message>
    <message>
        <source>Richiamo segnato come fatto.</source>
        <translation>Follow-up marked as done.</translation>
    </message>
    <message>
        <source>Numero</source>
        <extracomment>The list&apos;s row to select once a follow-up marked done has left it: the next call.</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Richiami</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Segnalazioni oltre la scadenza</source>
        <translation>Referrals past their due date</translation>
    </message>
    <message>
        <source>%1 segnalazioni aperte oltre la data prevista</source>
        <translation>%1 open referrals past their due date</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Accesso</source>
        <extracomment>What each action is called on the page.</extracomment>
        <translation>Login</translation>
    </message>
    <message>
        <source>Accesso non riuscito</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Uscita</source>
        <translation>Logout</translation>
    </message>
    <message>
        <source>Sblocco</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Visualizzazione</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Accesso con motivo</source>
        <translation>Access with a reason</translation>
    </message>
    <message>
        <source>Motivo di accesso rifiutato</source>
        <translation>Access reason refused</translation>
    </message>
    <message>
        <source>Esportazione</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Stampa</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Creazione</source>
        <translation>Creation</translation>
    </message>
    <message>
        <source>Modifica</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Eliminazione</source>
        <translation>Deletion</translation>
    </message>
    <message>
        <source>Utente aggiunto</source>
        <translation>User added</translation>
    </message>
    <message>
        <source>Utente modificato</source>
        <translation>User changed</translation>
    </message>
    <message>
        <source>Utente disattivato</source>
        <translation>User disabled</translation>
    </message>
    <message>
        <source>Password cambiata</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Password reimpostata</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Codice di recupero</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Impostazioni</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Cifratura</source>
        <translation>Encryption</translation>
    </message>
    <message>
        <source>Resa riservata</source>
        <translation>Made confidential</translation>
    </message>
    <message>
        <source>Non più riservata</source>
        <translation>No longer confidential</translation>
    </message>
    <message>
        <source>scheda</source>
        <translation>card</translation>
    </message>
    <message>
        <source>contatto</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>segnalazione</source>
        <translation>referral</translation>
    </message>
    <message>
        <source>utenti</source>
        <translation>users</translation>
    </message>
    <message>
        <source>report</source>
        <translation>report</translation>
    </message>
    <message>
        <source>registro degli accessi</source>
        <translation>access log</translation>
    </message>
    <message>
        <source>finestra del programma</source>
        <extracomment>How a login came about (the code access.py records as its reason), worded.</extracomment>
        <translation>the program&apos;s window</translation>
    </message>
    <message>
        <source>archivio dimostrativo</source>
        <translation>demo store</translation>
    </message>
    <message>
        <source>codice di recupero</source>
        <translation>recovery code</translation>
    </message>
    <message>
        <source>contenuti riservati</source>
        <extracomment>A new user&apos;s permission to see sensitive content, as accounts.add_user records it.</extracomment>
        <translation>sensitive content</translation>
    </message>
    <message>
        <source>nome</source>
        <extracomment>What a change of a user changed, as accounts.change_user records it (&quot;role=coordinatore&quot;, &quot;may_see_sensitive=1&quot;, &quot;full_name&quot;), worded: the role&apos;s word in place of %1.</extracomment>
        <translation>name</translation>
    </message>
    <message>
        <source>ruolo: %1</source>
        <translation>role: %1</translation>
    </message>
    <message>
        <source>contenuti riservati concessi</source>
        <translation>sensitive content granted</translation>
    </message>
    <message>
        <source>contenuti riservati revocati</source>
        <translation>sensitive content withdrawn</translation>
    </message>
    <message>
        <source>riga di comando: %1</source>
        <extracomment>A login of a command (&quot;cli report&quot;): the command&apos;s name in place of %1.</extracomment>
        <translation>command line: %1</translation>
    </message>
    <message>
        <source>[omesso]</source>
        <extracomment>Stands in a break-glass reason for the words that named the person (models.reasons.MASK).</extracomment>
        <translation>[omitted]</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Registro degli accessi</source>
        <extracomment>The range of days the page opens with.</extracomment>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Utente</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Azione</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Che cosa</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Esporta CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tutti gli utenti</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Tutte le azioni</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Persona: cognome e Invio</source>
        <translation>Person: surname and Enter</translation>
    </message>
    <message>
        <source>Tutte le persone</source>
        <translation>All people</translation>
    </message>
    <message>
        <source>Dal</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Al</source>
        <translation>To</translation>
    </message>
    <message numerus="yes">
        <source>Righe: %Ln</source>
        <translation>
            <numerusform>Rows: %Ln</numerusform>
            <numerusform>Rows: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation>Nobody found.</translation>
    </message>
    <message>
        <source>Persona: %1</source>
        <translation>Person: %1</translation>
    </message>
    <message>
        <source>Esporta il registro degli accessi</source>
        <translation>Export the access log</translation>
    </message>
    <message>
        <source>File CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Registro esportato in %1.</source>
        <translation>Log exported to %1.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Persona riservata</source>
        <translation>Confidential person</translation>
    </message>
    <message>
        <source>Questa persona è riservata: la sua scheda si apre solo indicando il motivo dell&apos;accesso. Il motivo viene registrato con il proprio nome e lo vedono i coordinatori. L&apos;accesso dura tre ore o fino all&apos;uscita; i contenuti riservati restano nascosti.</source>
        <translation>This person is confidential: their card opens only once you give the reason for the access. The reason is recorded under your name and coordinators see it. The access lasts three hours or until you log out; confidential content stays hidden.</translation>
    </message>
    <message>
        <source>Motivo dell&apos;accesso (almeno %1 caratteri)</source>
        <translation>Reason for the access (at least %1 characters)</translation>
    </message>
    <message>
        <source>Apri la scheda</source>
        <translation>Open the card</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>Esporta le modifiche su file…</source>
        <translation>Export changes to a file…</translation>
    </message>
    <message>
        <source>Importa il file della sede…</source>
        <translation>Import head office&apos;s file…</translation>
    </message>
    <message>
        <source>Esporta le modifiche</source>
        <translation>Export the changes</translation>
    </message>
    <message>
        <source>Pacchetti (*.bundle)</source>
        <translation>Bundles (*.bundle)</translation>
    </message>
    <message numerus="yes">
        <source>Pacchetto scritto in %1: %Ln modifiche.</source>
        <translation>
            <numerusform>Bundle written to %1: %Ln change.</numerusform>
            <numerusform>Bundle written to %1: %Ln changes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importa il file della sede</source>
        <translation>Import head office&apos;s file</translation>
    </message>
    <message>
        <source>Pacchetti (*.bundle);;Tutti i file (*)</source>
        <translation>Bundles (*.bundle);;All files (*)</translation>
    </message>
    <message>
        <source>Pacchetto della sede importato: %1.</source>
        <translation>Head office&apos;s bundle imported: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln modifiche ricevute</source>
        <translation>
            <numerusform>%Ln change received</numerusform>
            <numerusform>%Ln changes received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln rifiutate</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln conflitti</source>
        <translation>
            <numerusform>%Ln conflict</numerusform>
            <numerusform>%Ln conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln messe da parte (orologio di origine nel futuro)</source>
        <translation>
            <numerusform>%Ln set aside (its origin&apos;s clock is ahead)</numerusform>
            <numerusform>%Ln set aside (their origin&apos;s clock is ahead)</numerusform>
        </translation>
    </message>
    <message>
        <source>la sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre restano in questo archivio e partiranno con il prossimo pacchetto</source>
        <translation>head office has already received from this PC all the changes it takes in 24 hours: the others stay in this store and go out with the next bundle</translation>
    </message>
</context>
<context>
    <name>CardSide</name>
    <message>
        <source>Dati anagrafici</source>
        <extracomment>The column never gets narrower than this (the splitter stops there): a label, a codice fiscale and the vertical scroll bar side by side (&quot;Data di nascita:&quot; + 16 letters). A value longer than this without a space may be cut (see value_label). A short line saying what was just done (the window shows it in the status bar).</extracomment>
        <translation>Personal details</translation>
    </message>
    <message>
        <source>Indirizzo e alloggio Aler</source>
        <translation>Address and Aler unit</translation>
    </message>
    <message>
        <source>Nucleo familiare</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Consensi</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Possibili doppioni</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Cognome</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Data di nascita</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Lingue</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>scala %1</source>
        <translation>staircase %1</translation>
    </message>
    <message>
        <source>piano %1</source>
        <translation>floor %1</translation>
    </message>
    <message>
        <source>interno %1</source>
        <translation>flat %1</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Scala / piano / interno</source>
        <translation>Staircase / floor / flat</translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Codice alloggio</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nessun dato.</source>
        <translation>No data.</translation>
    </message>
    <message>
        <source>Togli dal nucleo familiare</source>
        <translation>Remove from the household</translation>
    </message>
    <message>
        <source>Togli %1 dal nucleo familiare</source>
        <translation>Remove %1 from the household</translation>
    </message>
    <message>
        <source>Nessun altro componente registrato.</source>
        <translation>No other member registered.</translation>
    </message>
    <message>
        <source>Aggiungi componente…</source>
        <translation>Add a member…</translation>
    </message>
    <message>
        <source>Componente aggiunto al nucleo.</source>
        <translation>Member added to the household.</translation>
    </message>
    <message>
        <source>Componente tolto dal nucleo.</source>
        <translation>Member removed from the household.</translation>
    </message>
    <message>
        <source>dato</source>
        <translation>given</translation>
    </message>
    <message>
        <source>in scadenza</source>
        <translation>expiring</translation>
    </message>
    <message>
        <source>scaduto</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>revocato</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>, scade il %1</source>
        <translation>, expires on %1</translation>
    </message>
    <message>
        <source>Revoca</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>La persona ritira questo consenso</source>
        <translation>The person withdraws this consent</translation>
    </message>
    <message>
        <source>Nessun consenso registrato.</source>
        <translation>No consent recorded.</translation>
    </message>
    <message>
        <source>Registra consenso…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <source>Consenso registrato.</source>
        <translation>Consent recorded.</translation>
    </message>
    <message>
        <source>Revoca del consenso</source>
        <translation>Withdrawing the consent</translation>
    </message>
    <message>
        <source>Registrare la revoca di questo consenso: «%1»?</source>
        <translation>Record that this consent is withdrawn: “%1”?</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Revoca del consenso registrata.</source>
        <translation>Consent withdrawal recorded.</translation>
    </message>
    <message>
        <source>Registrazione</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Invio a un servizio riservato</source>
        <translation>Referral to a confidential service</translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation>Referral to %1</translation>
    </message>
    <message>
        <source>stesso codice fiscale</source>
        <translation>same tax code</translation>
    </message>
    <message>
        <source>stesso nome e data di nascita</source>
        <translation>same name and birth date</translation>
    </message>
    <message>
        <source>stesso telefono</source>
        <translation>same phone</translation>
    </message>
    <message>
        <source>Unisci qui</source>
        <translation>Merge here</translation>
    </message>
</context>
<context>
    <name>Confirmations</name>
    <message>
        <source>Contatto registrato.</source>
        <translation>Contact recorded.</translation>
    </message>
    <message>
        <source>Correzione registrata</source>
        <translation>Correction recorded</translation>
    </message>
    <message>
        <source>Contatto riservato registrato</source>
        <translation>Confidential contact recorded</translation>
    </message>
    <message>
        <source>Contatto registrato</source>
        <translation>Contact recorded</translation>
    </message>
    <message>
        <source>anonimo</source>
        <translation>anonymous</translation>
    </message>
</context>
<context>
    <name>ConsentBanner</name>
    <message>
        <source>Registra consenso…</source>
        <translation>Record consent…</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Registra consenso</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <source>La persona acconsente che i dati necessari alla segnalazione siano comunicati al servizio indicato, come da informativa.</source>
        <translation>The person agrees that the data needed for the referral are shared with the service named, as stated in the privacy notice.</translation>
    </message>
    <message>
        <source>&amp;Testo</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Registrazione nell&apos;archivio (informativa)</source>
        <translation>Registration in the records (privacy notice)</translation>
    </message>
    <message>
        <source>Invio a %1</source>
        <translation>Referral to %1</translation>
    </message>
    <message>
        <source>&amp;Consenso per</source>
        <translation>&amp;Consent for</translation>
    </message>
    <message>
        <source>&amp;Scadenza</source>
        <translation>&amp;Expiry</translation>
    </message>
    <message>
        <source>Registra (Ctrl+Invio)</source>
        <translation>Record (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>La persona ha ricevuto e letto l&apos;informativa sul trattamento dei dati e acconsente a essere registrata nell&apos;archivio del presidio.</source>
        <translation>The person received and read the privacy notice and agrees to be registered in the office&apos;s records.</translation>
    </message>
    <message>
        <source>Data di scadenza non valida.</source>
        <translation>Invalid expiry date.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Correggi contatto</source>
        <translation>Correct contact</translation>
    </message>
    <message>
        <source>Nuovo contatto</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Cognome, nome, codice fiscale, telefono…</source>
        <translation>Surname, name, tax code, phone…</translation>
    </message>
    <message>
        <source>Anonimo</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Digitare le prime lettere…</source>
        <translation>Type the first letters…</translation>
    </message>
    <message>
        <source>Che cosa ha chiesto, che cosa è stato fatto</source>
        <translation>What was asked, what was done</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Riservato (salute, violenza…)</source>
        <extracomment>The moment a correction loaded, as shown and as stored: left unchanged, the stored text is saved again as it was (its seconds too).</extracomment>
        <translation>Confidential (health, violence…)</translation>
    </message>
    <message>
        <source>&amp;Persona</source>
        <translation>&amp;Person</translation>
    </message>
    <message>
        <source>&amp;Canale</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <source>&amp;Argomento</source>
        <translation>&amp;Topic</translation>
    </message>
    <message>
        <source>&amp;Sintesi</source>
        <translation>&amp;Summary</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Esito</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>&amp;Minuti</source>
        <translation>&amp;Minutes</translation>
    </message>
    <message>
        <source>&amp;Richiamo</source>
        <translation>&amp;Follow-up</translation>
    </message>
    <message>
        <source>&amp;Quando</source>
        <translation>&amp;When</translation>
    </message>
    <message>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Salva (Ctrl+Invio)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Scegliere una persona dall&apos;elenco oppure «Anonimo».</source>
        <translation>Choose a person from the list, or “Anonymous”.</translation>
    </message>
    <message>
        <source>Data non valida: usare gg/mm/aaaa oppure +7.</source>
        <translation>Invalid date: use dd/mm/yyyy or +7.</translation>
    </message>
    <message>
        <source>La correzione non è stata salvata: scartare quello che è stato scritto?</source>
        <translation>This correction has not been saved: discard what was typed?</translation>
    </message>
    <message>
        <source>Il contatto non è stato salvato: scartare quello che è stato scritto?</source>
        <translation>This contact has not been saved: discard what was typed?</translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <source>Nome utente</source>
        <extracomment>How often the countdown of a throttled login is redrawn. The message line&apos;s look for a refusal; news (a store being upgraded) is in plain text. Emitted once the form shows that the store is being upgraded. An attempt began: the fields are disabled until ``settled``. The attempt ended, either way (after ``passed``): the form takes input again. :meth:`announce_upgrading`, from whatever thread; :meth:`show_upgrading` on this one. The username whose wait the countdown shows (throttling is per username).</extracomment>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Accedi</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Indicare il nome utente.</source>
        <translation>Enter the username.</translation>
    </message>
    <message>
        <source>Indicare la password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Nome utente o password errati.</source>
        <translation>Wrong username or password.</translation>
    </message>
    <message>
        <source>Aggiornamento dell&apos;archivio alla nuova versione: controllo, copia di sicurezza e migrazione. Può richiedere alcuni minuti: non spegnere il computer.</source>
        <translation>Upgrading the store to the new version: check, backup and migration. This may take a few minutes: do not switch the computer off.</translation>
    </message>
    <message>
        <source>Si può riprovare.</source>
        <translation>You may try again.</translation>
    </message>
    <message numerus="yes">
        <source>Troppi tentativi errati: riprovare tra %n secondi.</source>
        <translation>
            <numerusform>Too many wrong attempts: try again in %n second.</numerusform>
            <numerusform>Too many wrong attempts: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>gg/mm/aaaa o +7</source>
        <translation>dd/mm/yyyy or +7</translation>
    </message>
    <message>
        <source>Data come gg/mm/aaaa, oppure +7 (giorni), +2s (settimane), oggi, domani. Vuoto: nessuna data.</source>
        <translation>Date as dd/mm/yyyy, or +7 (days), +2w (weeks), +1m (30 days), today, tomorrow. Empty: no date.</translation>
    </message>
    <message>
        <source>data non valida</source>
        <translation>invalid date</translation>
    </message>
    <message>
        <source>nessuna</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Il presidio di questo computer</source>
        <extracomment>Beyond this many changes the bar says &quot;more than&quot;: counting millions takes too long.</extracomment>
        <translation>This computer&apos;s office</translation>
    </message>
    <message>
        <source>Operatore: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message numerus="yes">
        <source>Accessi con motivo: %Ln</source>
        <translation>
            <numerusform>Accesses with a reason: %Ln</numerusform>
            <numerusform>Accesses with a reason: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Accessi con motivo non ancora visti: Archivio › Registro degli accessi…</source>
        <translation>Accesses with a reason not yet seen: Archive › Access log…</translation>
    </message>
    <message>
        <source>Sede: non abbinato</source>
        <translation>Hub: not paired</translation>
    </message>
    <message>
        <source>Sede: con pacchetti su file</source>
        <translation>Hub: by USB file</translation>
    </message>
    <message>
        <source>Sede: in attesa</source>
        <translation>Hub: waiting</translation>
    </message>
    <message>
        <source>Sede: sincronizzazione in corso…</source>
        <translation>Hub: syncing…</translation>
    </message>
    <message>
        <source>Sede: sincronizzato</source>
        <translation>Hub: synced</translation>
    </message>
    <message>
        <source>Sede: modifiche da inviare</source>
        <translation>Hub: changes to send</translation>
    </message>
    <message>
        <source>Sede: sincronizzazione non riuscita</source>
        <translation>Hub: sync failed</translation>
    </message>
    <message>
        <source>Sede: sincronizzato in parte</source>
        <translation>Hub: partly synced</translation>
    </message>
    <message>
        <source>Dettagli nella scheda Sincronizzazione.</source>
        <translation>Details in the Sync tab.</translation>
    </message>
    <message>
        <source>Modifiche solo su questo computer: più di %1</source>
        <translation>Changes on this computer only: more than %1</translation>
    </message>
    <message numerus="yes">
        <source>Modifiche solo su questo computer: %Ln</source>
        <translation>
            <numerusform>Changes on this computer only: %Ln</numerusform>
            <numerusform>Changes on this computer only: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Tutto sincronizzato</source>
        <translation>All synced</translation>
    </message>
    <message>
        <source>Modifiche da sincronizzare: più di %1</source>
        <translation>More than %1 changes waiting to sync</translation>
    </message>
    <message numerus="yes">
        <source>Modifiche da sincronizzare: %Ln</source>
        <translation>
            <numerusform>%Ln change waiting to sync</numerusform>
            <numerusform>%Ln changes waiting to sync</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <source>Testo non salvato</source>
        <translation>Unsaved text</translation>
    </message>
    <message>
        <source>Scarta</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Continua a scrivere</source>
        <translation>Keep writing</translation>
    </message>
    <message>
        <source>Scartare quello che è stato scritto?</source>
        <translation>Discard what was typed?</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Richiamo fatto</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <source>&amp;Esito del richiamo</source>
        <translation>&amp;Outcome of the call</translation>
    </message>
    <message>
        <source>Segna come fatto</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Com&apos;è andato il richiamo?</source>
        <translation>How did the call go?</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possibili doppioni</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>stesso codice fiscale</source>
        <translation>same tax code</translation>
    </message>
    <message>
        <source>stesso nome e data di nascita</source>
        <translation>same name and birth date</translation>
    </message>
    <message>
        <source>stesso telefono</source>
        <translation>same phone</translation>
    </message>
    <message>
        <source>Apri la scheda esistente</source>
        <translation>Open the existing card</translation>
    </message>
    <message>
        <source>Registra comunque</source>
        <translation>Register anyway</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Questo codice fiscale è già registrato: la persona ha già una scheda. Aprirla per aggiornarla.</source>
        <translation>This tax code is already registered: the person already has a card. Open it to update it.</translation>
    </message>
    <message>
        <source>Queste persone potrebbero essere la stessa che si sta registrando:</source>
        <translation>These people may be the one you are registering:</translation>
    </message>
</context>
<context>
    <name>EncryptDialog</name>
    <message>
        <source>casa_desk – cifratura dell&apos;archivio</source>
        <translation>casa_desk – encrypting the store</translation>
    </message>
    <message>
        <source>Questo archivio è di una versione precedente e non è cifrato. Indicare l&apos;amministratore: l&apos;archivio sarà cifrato e si aprirà solo con la sua password (e quelle degli utenti che aggiungerà).</source>
        <translation>This store comes from an earlier version and is not encrypted. Name its administrator: the store will be encrypted and will open only with their password (and those of the users they add).</translation>
    </message>
    <message>
        <source>Cifra e apri</source>
        <translation>Encrypt and open</translation>
    </message>
    <message>
        <source>Esci</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cifratura in corso: non spegnere il computer…</source>
        <translation>Encrypting: do not switch the computer off…</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Abbina alla sede</source>
        <translation>Pair with head office</translation>
    </message>
    <message>
        <source>La sede prepara l&apos;abbinamento di questo computer e dà un codice monouso (con il suo indirizzo) oppure un file di abbinamento, da usare senza rete.</source>
        <translation>Head office prepares the pairing of this computer and gives a one-time code (with its address) or an enrolment file, for use without a network.</translation>
    </message>
    <message>
        <source>codice monouso</source>
        <translation>one-time code</translation>
    </message>
    <message>
        <source>Indirizzo della &amp;sede</source>
        <translation>Head office &amp;address</translation>
    </message>
    <message>
        <source>&amp;Codice</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>Abbina con il codice</source>
        <translation>Pair with the code</translation>
    </message>
    <message>
        <source>Usa un file di abbinamento…</source>
        <translation>Use an enrolment file…</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Indicare l&apos;indirizzo della sede e il codice.</source>
        <translation>Enter head office&apos;s address and the code.</translation>
    </message>
    <message>
        <source>File di abbinamento</source>
        <translation>Enrolment file</translation>
    </message>
    <message>
        <source>Tutti i file (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Ingresso nel programma FSE</source>
        <translation>Entry into the ESF programme</translation>
    </message>
    <message>
        <source>Dati chiesti dal programma FSE all&apos;ingresso: escono dal presidio solo come cifre aggregate nei rapporti.</source>
        <translation>Data the ESF programme asks for at entry: they leave the office only as aggregate figures in the reports.</translation>
    </message>
    <message>
        <source>Data di &amp;ingresso</source>
        <translation>&amp;Entry date</translation>
    </message>
    <message>
        <source>— scegliere —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>&amp;Condizione occupazionale</source>
        <translation>&amp;Employment status</translation>
    </message>
    <message>
        <source>&amp;Titolo di studio</source>
        <translation>E&amp;ducation</translation>
    </message>
    <message>
        <source>Scegliere la condizione occupazionale all&apos;ingresso.</source>
        <translation>Choose the employment status at entry.</translation>
    </message>
    <message>
        <source>Scegliere il titolo di studio all&apos;ingresso.</source>
        <translation>Choose the education at entry.</translation>
    </message>
    <message>
        <source>Correggi l&apos;ingresso nel programma FSE</source>
        <translation>Correct the entry into the ESF programme</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Cancella i dati della persona</source>
        <translation>Erase the person&apos;s data</translation>
    </message>
    <message>
        <source>Nome, codice fiscale, recapiti, indirizzo, note e testi della persona saranno cancellati qui e in tutti gli uffici. Restano solo i dati per le statistiche. Non si può annullare.</source>
        <translation>The person&apos;s name, tax code, phone numbers, address, notes and texts will be erased here and in every office. Only the data for the statistics remain. This cannot be undone.</translation>
    </message>
    <message>
        <source>Motivo (per esempio: richiesta scritta del …)</source>
        <translation>Reason (for example: written request of …)</translation>
    </message>
    <message>
        <source>Cancella definitivamente</source>
        <translation>Erase for good</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Si è verificato un errore imprevisto. Il lavoro salvato non è andato perso.</source>
        <translation>An unexpected error occurred. Saved work has not been lost.</translation>
    </message>
    <message>
        <source>casa_desk – errore</source>
        <translation>casa_desk – error</translation>
    </message>
    <message>
        <source>Copia dettagli</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Scrivere una sintesi del contatto.</source>
        <extracomment>code, or &quot;code:field&quot; for generic codes → Italian source text (translated at use).</extracomment>
        <translation>Write a summary of the contact.</translation>
    </message>
    <message>
        <source>Canale non valido.</source>
        <translation>Invalid channel.</translation>
    </message>
    <message>
        <source>Scegliere un argomento dall&apos;elenco.</source>
        <translation>Choose a topic from the list.</translation>
    </message>
    <message>
        <source>Esito non valido.</source>
        <translation>Invalid outcome.</translation>
    </message>
    <message>
        <source>I minuti devono essere tra 0 e 480.</source>
        <translation>Minutes must be between 0 and 480.</translation>
    </message>
    <message>
        <source>La data di richiamo non è valida.</source>
        <translation>The follow-up date is not valid.</translation>
    </message>
    <message>
        <source>La data del contatto non è valida.</source>
        <translation>The contact date is not valid.</translation>
    </message>
    <message>
        <source>Il contatto non può essere precedente al 1° gennaio 2014.</source>
        <translation>The contact cannot be before 1 January 2014.</translation>
    </message>
    <message>
        <source>La data di richiamo non può essere precedente al 1° gennaio 2014.</source>
        <translation>The follow-up date cannot be before 1 January 2014.</translation>
    </message>
    <message>
        <source>La scadenza non può essere precedente al 1° gennaio 2014.</source>
        <translation>The due date cannot be before 1 January 2014.</translation>
    </message>
    <message>
        <source>Il contatto non può essere nel futuro.</source>
        <translation>The contact cannot be in the future.</translation>
    </message>
    <message>
        <source>Persona non trovata.</source>
        <translation>Person not found.</translation>
    </message>
    <message>
        <source>Questo contatto è già stato corretto: correggere l&apos;ultima versione.</source>
        <translation>This contact has already been corrected: correct the latest version.</translation>
    </message>
    <message>
        <source>Contatto registrato da {office}: lo corregge solo quel presidio.</source>
        <translation>Contact recorded by {office}: only that office corrects it.</translation>
    </message>
    <message>
        <source>Una persona non può essere unita a se stessa.</source>
        <translation>A person cannot be merged with themselves.</translation>
    </message>
    <message>
        <source>La persona scelta è già stata unita a un&apos;altra.</source>
        <translation>The chosen person has already been merged into another one.</translation>
    </message>
    <message>
        <source>I dati di questa persona sono stati cancellati: la scheda non si unisce ad altre.</source>
        <translation>This person&apos;s data has been erased: the record is not merged with others.</translation>
    </message>
    <message>
        <source>La scheda scelta è stata eliminata: non si unisce ad altre.</source>
        <translation>The chosen record has been deleted: it is not merged with others.</translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono unirla a un&apos;altra.</source>
        <translation>Only the office that registered the person, or head office, may merge them into another record.</translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.</source>
        <translation>Only the office that registered the person, or head office, may erase their data.</translation>
    </message>
    <message>
        <source>Questo codice fiscale è già registrato: aprire la scheda esistente.</source>
        <translation>This tax code is already registered: open the existing card.</translation>
    </message>
    <message>
        <source>Indicare il motivo della segnalazione.</source>
        <translation>Give the reason for the referral.</translation>
    </message>
    <message>
        <source>Riportare il testo del consenso.</source>
        <translation>Enter the text of the consent.</translation>
    </message>
    <message>
        <source>Urgenza non valida.</source>
        <translation>Invalid urgency.</translation>
    </message>
    <message>
        <source>Il servizio non è attivo.</source>
        <translation>The service is not active.</translation>
    </message>
    <message>
        <source>Servizio non trovato.</source>
        <translation>Service not found.</translation>
    </message>
    <message>
        <source>Manca un consenso valido della persona a condividere i dati con questo servizio: registrarlo prima di inviare la segnalazione.</source>
        <translation>The person has no valid consent to share data with this service: record it before sending the referral.</translation>
    </message>
    <message>
        <source>La persona non ha un consenso valido all&apos;invio a questo servizio: lettera non stampata.</source>
        <translation>The person has no valid consent to being referred to this service: letter not printed.</translation>
    </message>
    <message>
        <source>I dati di questa persona comprendono contenuti riservati: la copia deve prepararla un utente con il permesso di vederli.</source>
        <translation>This person&apos;s data include confidential content: the copy must be made by a user allowed to see it.</translation>
    </message>
    <message>
        <source>La segnalazione deve prima essere creata.</source>
        <translation>The referral must be created first.</translation>
    </message>
    <message>
        <source>La segnalazione esiste già.</source>
        <translation>The referral already exists.</translation>
    </message>
    <message>
        <source>Si può inviare solo una segnalazione in bozza.</source>
        <translation>Only a draft referral can be sent.</translation>
    </message>
    <message>
        <source>La presa in carico è possibile solo dopo l&apos;invio.</source>
        <translation>A referral can be taken in charge only after it has been sent.</translation>
    </message>
    <message>
        <source>Si può concludere solo una segnalazione presa in carico.</source>
        <translation>Only a referral taken in charge can be closed.</translation>
    </message>
    <message>
        <source>Una segnalazione già chiusa non può essere rifiutata.</source>
        <translation>A referral already closed cannot be refused.</translation>
    </message>
    <message>
        <source>Una segnalazione già chiusa non può essere annullata.</source>
        <translation>A referral already closed cannot be cancelled.</translation>
    </message>
    <message>
        <source>Si può riaprire solo una segnalazione conclusa, rifiutata o annullata.</source>
        <translation>Only a closed, refused or cancelled referral can be reopened.</translation>
    </message>
    <message>
        <source>Il nome del servizio è obbligatorio.</source>
        <translation>The service name is required.</translation>
    </message>
    <message>
        <source>Tipo di servizio non valido.</source>
        <translation>Invalid service type.</translation>
    </message>
    <message>
        <source>La persona è già iscritta al programma.</source>
        <translation>The person is already enrolled in the programme.</translation>
    </message>
    <message>
        <source>Iscrizione al programma non trovata.</source>
        <translation>Programme enrolment not found.</translation>
    </message>
    <message>
        <source>Iscrizione al programma FSE registrata da {office}: la aggiorna solo quel presidio.</source>
        <translation>ESF enrolment recorded by {office}: only that office updates it.</translation>
    </message>
    <message>
        <source>Riga registrata da {office}: il valore perso lo ripristina solo quel presidio.</source>
        <translation>Row recorded by {office}: only that office reinstates the lost value.</translation>
    </message>
    <message>
        <source>L&apos;uscita non può precedere l&apos;ingresso (o il rientro) nel programma.</source>
        <translation>The exit cannot come before the entry (or re-entry) into the programme.</translation>
    </message>
    <message>
        <source>La persona è già uscita dal programma: registrare prima il rientro.</source>
        <translation>The person has already left the programme: record the re-entry first.</translation>
    </message>
    <message>
        <source>Il rientro non può precedere l&apos;uscita.</source>
        <translation>The re-entry cannot come before the exit.</translation>
    </message>
    <message>
        <source>La data non può essere nel futuro.</source>
        <translation>The date cannot be in the future.</translation>
    </message>
    <message>
        <source>L&apos;ingresso non può seguire l&apos;uscita o il rientro nel programma.</source>
        <translation>The entry cannot come after the exit or the re-entry.</translation>
    </message>
    <message>
        <source>La data di nascita segue l&apos;ingresso della persona nel programma FSE: controllare le due date.</source>
        <translation>The date of birth is after the person&apos;s entry into the ESF programme: check both dates.</translation>
    </message>
    <message>
        <source>La data di ingresso precede la data di nascita della persona.</source>
        <translation>The entry date is before the person&apos;s date of birth.</translation>
    </message>
    <message>
        <source>La data di ingresso è precedente all&apos;avvio dei programmi FSE (1° gennaio 2014).</source>
        <translation>The entry date is before the ESF programmes began (1 January 2014).</translation>
    </message>
    <message>
        <source>Registrare prima l&apos;uscita dal programma.</source>
        <translation>Record the exit from the programme first.</translation>
    </message>
    <message>
        <source>La persona non è uscita dal programma.</source>
        <translation>The person has not left the programme.</translation>
    </message>
    <message>
        <source>L&apos;esito a sei mesi si registra a partire da sei mesi dopo l&apos;uscita.</source>
        <translation>The six-month result can be recorded from six months after the exit.</translation>
    </message>
    <message>
        <source>Esito non previsto dal programma.</source>
        <translation>A result the programme does not have.</translation>
    </message>
    <message>
        <source>Un esito «non noto» non può avere anche esiti indicati.</source>
        <translation>A &quot;not known&quot; result cannot also have results ticked.</translation>
    </message>
    <message>
        <source>«Ora cerca lavoro» vale solo per chi era inattivo all&apos;ingresso.</source>
        <translation>&quot;Now job searching&quot; applies only to people inactive at entry.</translation>
    </message>
    <message>
        <source>«Situazione lavorativa migliorata» vale solo per chi era occupato all&apos;ingresso.</source>
        <translation>&quot;Improved labour market situation&quot; applies only to people employed at entry.</translation>
    </message>
    <message>
        <source>L&apos;archivio è chiuso.</source>
        <translation>The store is closed.</translation>
    </message>
    <message>
        <source>L&apos;archivio è un collegamento a un altro file: cifrare il file vero, non il collegamento.</source>
        <translation>The store is a link to another file: encrypt the file itself, not the link.</translation>
    </message>
    <message>
        <source>Archivio locale non scrivibile ora: riprovare più tardi.</source>
        <translation>The local store cannot be written now: try again later.</translation>
    </message>
    <message>
        <source>Impossibile scrivere il file: controllare la cartella scelta.</source>
        <translation>Cannot write the file: check the chosen folder.</translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file: sceglierne un altro.</source>
        <translation>The chosen file is the open store or one of its files: choose another one.</translation>
    </message>
    <message>
        <source>Il file scelto è un archivio: non viene sovrascritto. Sceglierne un altro.</source>
        <translation>The chosen file is a store: it is not overwritten. Choose another one.</translation>
    </message>
    <message>
        <source>Il percorso scelto è una cartella: indicare un file.</source>
        <translation>The chosen path is a folder: give a file.</translation>
    </message>
    <message>
        <source>La cartella scelta non esiste.</source>
        <translation>The chosen folder does not exist.</translation>
    </message>
    <message>
        <source>Il file esiste già: sceglierne un altro.</source>
        <translation>The file already exists: choose another one.</translation>
    </message>
    <message>
        <source>La cartella scelta è su un supporto in sola lettura: sceglierne un&apos;altra.</source>
        <translation>The chosen folder is on a read-only medium: choose another one.</translation>
    </message>
    <message>
        <source>Il file scelto è protetto da scrittura: non viene sovrascritto. Sceglierne un altro.</source>
        <translation>The chosen file is write-protected: it is not overwritten. Choose another one.</translation>
    </message>
    <message>
        <source>Il nome del file è troppo lungo: sceglierne uno più corto.</source>
        <translation>The file name is too long: choose a shorter one.</translation>
    </message>
    <message>
        <source>I nomi che finiscono in .keys sono dei file delle chiavi degli archivi: sceglierne un altro.</source>
        <translation>Names ending in .keys belong to the key files of stores: choose another one.</translation>
    </message>
    <message>
        <source>Accanto al file scelto c&apos;è un file delle chiavi (.keys) di un archivio: scegliere un altro nome.</source>
        <translation>There is a store&apos;s key file (.keys) beside the chosen file: choose another name.</translation>
    </message>
    <message>
        <source>Il nome scelto finisce con un punto o uno spazio, che Windows e le chiavette USB tolgono: sceglierne un altro.</source>
        <translation>The chosen name ends with a dot or a space, which Windows and USB sticks drop: choose another one.</translation>
    </message>
    <message>
        <source>Il nome scelto contiene un carattere che Windows e le chiavette USB non ammettono nei nomi dei file (&lt; &gt; : &quot; | ? * o un carattere di controllo): sceglierne un altro.</source>
        <translation>The chosen name holds a character that Windows and USB sticks do not allow in file names (&lt; &gt; : &quot; | ? * or a control character): choose another one.</translation>
    </message>
    <message>
        <source>Il nome scelto è riservato da Windows a un dispositivo (CON, PRN, AUX, NUL, COM1…, LPT1…): sceglierne un altro.</source>
        <translation>The chosen name is reserved by Windows for a device (CON, PRN, AUX, NUL, COM1…, LPT1…): choose another one.</translation>
    </message>
    <message>
        <source>Disco pieno: liberare spazio e riprovare.</source>
        <translation>The disk is full: free some space and try again.</translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file, non un pacchetto della sede: sceglierne un altro.</source>
        <translation>The chosen file is the open store or one of its files, not a bundle from head office: choose another one.</translation>
    </message>
    <message>
        <source>Il file scelto è l&apos;archivio aperto o un suo file, non un file di abbinamento: sceglierne un altro.</source>
        <translation>The chosen file is the open store or one of its files, not an enrolment file: choose another one.</translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né sincronizzare con la sede.</source>
        <translation>This is a demo store, with invented people: it cannot be paired or synced with head office.</translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede: abbinarlo con «Abbina alla sede…» nella pagina Sincronizzazione.</source>
        <translation>This store is not paired with head office: pair it with “Pair with head office…” on the Sync page.</translation>
    </message>
    <message>
        <source>Questo codice è di una sede in HTTPS: scriverne l&apos;indirizzo con https://…</source>
        <translation>This code is for a head office on HTTPS: give its address as https://…</translation>
    </message>
    <message>
        <source>Indirizzo della sede mancante: questo computer è stato abbinato con un file senza indirizzo. Senza rete le modifiche si scambiano con i pacchetti su file; per sincronizzare in rete, abbinarlo di nuovo con l&apos;indirizzo e il codice della sede («Abbina di nuovo…» nella pagina Sincronizzazione).</source>
        <translation>Head office&apos;s address missing: this computer was paired with a file that has no address. Without a network, changes travel as bundle files; to sync over the network, pair it again with head office&apos;s address and code (“Pair again…” on the Sync page).</translation>
    </message>
    <message>
        <source>Il certificato della sede è cambiato (SHA-256 {fingerprint}…): sincronizzazione rifiutata finché questo computer non viene abbinato di nuovo con un nuovo codice della sede («Abbina di nuovo…» nella pagina Sincronizzazione).</source>
        <translation>Head office&apos;s certificate has changed (SHA-256 {fingerprint}…): sync refused until this computer is paired again with a new code from head office (“Pair again…” on the Sync page).</translation>
    </message>
    <message>
        <source>La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: avvisare la sede (revocare il dispositivo e abbinarlo di nuovo).</source>
        <translation>Head office says it holds more changes from this PC than it can have made: tell head office (revoke the device and pair it again).</translation>
    </message>
</context>
<context>
    <name>Esf</name>
    <message>
        <source>Era inattivo, ora cerca lavoro</source>
        <translation>Was inactive, now job searching</translation>
    </message>
    <message>
        <source>In istruzione o formazione</source>
        <translation>In education or training</translation>
    </message>
    <message>
        <source>Ha ottenuto una qualifica</source>
        <translation>Gained a qualification</translation>
    </message>
    <message>
        <source>Occupato, anche autonomo</source>
        <translation>In employment, including self-employment</translation>
    </message>
    <message>
        <source>Situazione lavorativa migliorata</source>
        <translation>Improved labour market situation</translation>
    </message>
    <message>
        <source>Disoccupato</source>
        <translation>Unemployed</translation>
    </message>
    <message>
        <source>Disoccupato di lungo periodo (oltre 12 mesi)</source>
        <translation>Long-term unemployed (over 12 months)</translation>
    </message>
    <message>
        <source>Inattivo (non lavora e non cerca lavoro)</source>
        <translation>Inactive (not working, not looking for work)</translation>
    </message>
    <message>
        <source>Inattivo, non in istruzione o formazione</source>
        <translation>Inactive, not in education or training</translation>
    </message>
    <message>
        <source>Fino alla licenza media (ISCED 0-2)</source>
        <translation>Up to lower secondary (ISCED 0-2)</translation>
    </message>
    <message>
        <source>Diploma o qualifica post-diploma (ISCED 3-4)</source>
        <translation>Upper secondary or post-secondary (ISCED 3-4)</translation>
    </message>
    <message>
        <source>Laurea o superiore (ISCED 5-8)</source>
        <translation>Tertiary (ISCED 5-8)</translation>
    </message>
    <message>
        <source>Migrante, di origine straniera o di una minoranza</source>
        <translation>Migrant, foreign background or minority</translation>
    </message>
    <message>
        <source>Cittadino di un paese terzo (non UE)</source>
        <translation>Third-country national (non-EU)</translation>
    </message>
    <message>
        <source>Di origine straniera</source>
        <translation>Foreign background</translation>
    </message>
    <message>
        <source>Di una minoranza (compresi i Rom)</source>
        <translation>Minority (including Roma)</translation>
    </message>
    <message>
        <source>Persona con disabilità</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>Senza dimora o in esclusione abitativa</source>
        <translation>Homeless or affected by housing exclusion</translation>
    </message>
    <message>
        <source>Altro svantaggio</source>
        <translation>Other disadvantage</translation>
    </message>
    <message>
        <source>Non ha risposto</source>
        <translation>Did not answer</translation>
    </message>
    <message>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>EsfBox</name>
    <message>
        <source>Programma FSE</source>
        <translation>ESF programme</translation>
    </message>
    <message>
        <source>Iscrivi al programma…</source>
        <translation>Enrol in the programme…</translation>
    </message>
    <message>
        <source>Correggi ingresso…</source>
        <translation>Correct entry…</translation>
    </message>
    <message>
        <source>Registra uscita…</source>
        <translation>Record exit…</translation>
    </message>
    <message>
        <source>Esiti immediati…</source>
        <translation>Immediate results…</translation>
    </message>
    <message>
        <source>Esito a sei mesi…</source>
        <translation>Six-month result…</translation>
    </message>
    <message>
        <source>Rientro…</source>
        <translation>Re-entry…</translation>
    </message>
    <message>
        <source>Non iscritto al programma.</source>
        <translation>Not enrolled in the programme.</translation>
    </message>
    <message>
        <source>Ingresso: %1</source>
        <translation>Entry: %1</translation>
    </message>
    <message>
        <source>Rientro: %1</source>
        <translation>Re-entry: %1</translation>
    </message>
    <message>
        <source>Uscita: %1</source>
        <translation>Exit: %1</translation>
    </message>
    <message>
        <source>Nel programma.</source>
        <translation>In the programme.</translation>
    </message>
    <message>
        <source>Iscrizione registrata da %1: la aggiorna solo quel presidio.</source>
        <translation>Enrolment recorded by %1: only that office updates it.</translation>
    </message>
    <message>
        <source>Esiti immediati: da registrare.</source>
        <translation>Immediate results: to be recorded.</translation>
    </message>
    <message>
        <source>Esiti immediati: non noti.</source>
        <translation>Immediate results: not known.</translation>
    </message>
    <message>
        <source>Esiti immediati: %1.</source>
        <translation>Immediate results: %1.</translation>
    </message>
    <message>
        <source>nessuno</source>
        <translation>none</translation>
    </message>
    <message>
        <source>A sei mesi: esito non noto.</source>
        <translation>After six months: result not known.</translation>
    </message>
    <message>
        <source>A sei mesi: %1.</source>
        <translation>After six months: %1.</translation>
    </message>
    <message>
        <source>non occupato</source>
        <translation>not in employment</translation>
    </message>
    <message>
        <source>Esito a sei mesi da registrare (dal %1).</source>
        <translation>Six-month result to be recorded (due from %1).</translation>
    </message>
    <message>
        <source>Esito a sei mesi dal %1.</source>
        <translation>Six-month result from %1.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Cognome</source>
        <extracomment>The registry fields in words (context &quot;Fields&quot;).</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Data di nascita</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Lingue</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Scala</source>
        <translation>Staircase</translation>
    </message>
    <message>
        <source>Piano</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Interno</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Codice alloggio</source>
        <translation>Unit code</translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Nucleo familiare</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Ruolo nel nucleo</source>
        <translation>Role in household</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>nucleo %1</source>
        <translation>household %1</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Operatore</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Eliminata</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Tutta la riga</source>
        <translation>The whole row</translation>
    </message>
    <message>
        <source>Unita alla scheda</source>
        <translation>Merged into card</translation>
    </message>
    <message>
        <source>Dati cancellati il</source>
        <translation>Data erased on</translation>
    </message>
    <message>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Canale</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Argomento</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Sintesi</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Esito</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Minuti</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Richiamo</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Richiamo fatto</source>
        <translation>Follow-up done</translation>
    </message>
    <message>
        <source>Numero</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Richiesta</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Urgenza</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Passaggio</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Data e ora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Chi</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Consenso per</source>
        <translation>Consent for</translation>
    </message>
    <message>
        <source>Testo</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Dato il</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Revocato il</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Telefono sicuro</source>
        <translation>Safe phone</translation>
    </message>
    <message>
        <source>Orari</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Non chiamare</source>
        <translation>Do not call</translation>
    </message>
    <message>
        <source>Non inviare posta</source>
        <translation>Do not send post</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ente</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Cerca &amp;in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>&amp;Tipo di file:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>casa_desk – primo avvio</source>
        <translation>casa_desk – first run</translation>
    </message>
    <message>
        <source>Benvenuti. Indicare il presidio di questo computer e creare il suo amministratore: potrà aggiungere gli altri utenti. La password protegge l&apos;archivio cifrato: non si può recuperare senza un amministratore.</source>
        <translation>Welcome. Choose this computer&apos;s office and create its administrator, who can then add the other users. The password protects the encrypted store: it cannot be recovered without an administrator.</translation>
    </message>
    <message>
        <source>Crea e inizia</source>
        <translation>Create and start</translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Sede centrale Aler</source>
        <translation>Aler head office</translation>
    </message>
    <message>
        <source>Esci</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Esito a sei mesi dall&apos;uscita</source>
        <translation>Result six months after leaving</translation>
    </message>
    <message>
        <source>Situazione a sei mesi dall&apos;uscita (dovuta dal %1):</source>
        <translation>Situation six months after leaving (due from %1):</translation>
    </message>
    <message>
        <source>Esito non noto</source>
        <translation>Result not known</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>Modifica anagrafica</source>
        <translation>Registry edit</translation>
    </message>
    <message>
        <source>annullata</source>
        <translation>undone</translation>
    </message>
    <message>
        <source>confermata</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>da rivedere</source>
        <translation>to review</translation>
    </message>
    <message>
        <source>Segnalazione</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source> (scad. %1)</source>
        <translation> (due %1)</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Argomento / servizio</source>
        <translation>Topic / service</translation>
    </message>
    <message>
        <source>Sintesi / motivo</source>
        <translation>Summary / reason</translation>
    </message>
    <message>
        <source>Esito / stato</source>
        <translation>Outcome / status</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>italiano</source>
        <translation>Italian</translation>
    </message>
    <message>
        <source>inglese</source>
        <translation>English</translation>
    </message>
    <message>
        <source>francese</source>
        <translation>French</translation>
    </message>
    <message>
        <source>spagnolo</source>
        <translation>Spanish</translation>
    </message>
    <message>
        <source>portoghese</source>
        <translation>Portuguese</translation>
    </message>
    <message>
        <source>tedesco</source>
        <translation>German</translation>
    </message>
    <message>
        <source>rumeno</source>
        <translation>Romanian</translation>
    </message>
    <message>
        <source>albanese</source>
        <translation>Albanian</translation>
    </message>
    <message>
        <source>arabo</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>cinese</source>
        <translation>Chinese</translation>
    </message>
    <message>
        <source>tagalog</source>
        <translation>Tagalog</translation>
    </message>
    <message>
        <source>bengalese</source>
        <translation>Bengali</translation>
    </message>
    <message>
        <source>urdu</source>
        <translation>Urdu</translation>
    </message>
    <message>
        <source>hindi</source>
        <translation>Hindi</translation>
    </message>
    <message>
        <source>ucraino</source>
        <translation>Ukrainian</translation>
    </message>
    <message>
        <source>russo</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>tigrino</source>
        <translation>Tigrinya</translation>
    </message>
    <message>
        <source>amarico</source>
        <translation>Amharic</translation>
    </message>
    <message>
        <source>somalo</source>
        <translation>Somali</translation>
    </message>
    <message>
        <source>wolof</source>
        <translation>Wolof</translation>
    </message>
    <message>
        <source>singalese</source>
        <translation>Sinhala</translation>
    </message>
    <message>
        <source>tamil</source>
        <translation>Tamil</translation>
    </message>
    <message>
        <source>punjabi</source>
        <translation>Punjabi</translation>
    </message>
    <message>
        <source>turco</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>polacco</source>
        <translation>Polish</translation>
    </message>
    <message>
        <source>lingua dei segni italiana</source>
        <translation>Italian Sign Language</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>casa_desk è bloccato</source>
        <extracomment>The input that counts as someone at the desk (hover and enter/leave events do not: Qt makes them when a widget moves under a still pointer).</extracomment>
        <translation>casa_desk is locked</translation>
    </message>
    <message>
        <source>Per continuare, inserire la propria password. Un altro utente può accedere con il proprio nome utente: il lavoro non salvato di chi c&apos;era resta da parte per lui.</source>
        <translation>To continue, enter your password. Another user may log in with their own username: the unsaved work of whoever was here is kept aside for them.</translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Sblocca</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>casa_desk – bloccato</source>
        <translation>casa_desk – locked</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>casa_desk – accesso</source>
        <translation>casa_desk – log in</translation>
    </message>
    <message>
        <source>Accedere con il proprio nome utente e la propria password.</source>
        <translation>Log in with your own username and password.</translation>
    </message>
    <message>
        <source>Esci</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Segnalazioni</source>
        <extracomment>An enrolled desk syncs by itself this often, and shortly after the window opens. The window&apos;s size on a screen big enough; smaller screens get what fits. How long a confirmation stays in the status bar.</extracomment>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Servizi</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Report mensile</source>
        <translation>Monthly report</translation>
    </message>
    <message>
        <source>Sincronizzazione</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>casa_desk – %1</source>
        <translation>casa_desk – %1</translation>
    </message>
    <message>
        <source>Persone</source>
        <translation>People</translation>
    </message>
    <message>
        <source>&amp;Archivio</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Visualizza</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Lingua</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Nuovo contatto</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Sincronizza ora</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Esci</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Copia di sicurezza…</source>
        <translation>Backup copy…</translation>
    </message>
    <message>
        <source>Recapiti dei presidi…</source>
        <translation>Offices&apos; contact details…</translation>
    </message>
    <message>
        <source>Cerca persona</source>
        <translation>Find person</translation>
    </message>
    <message>
        <source>Persone di oggi…</source>
        <translation>Today&apos;s people…</translation>
    </message>
    <message>
        <source>Torna alla scheda precedente</source>
        <translation>Back to the previous card</translation>
    </message>
    <message>
        <source>Uscita rapida</source>
        <translation>Quick exit</translation>
    </message>
    <message>
        <source>Nessuna scheda aperta oggi.</source>
        <translation>No card opened today.</translation>
    </message>
    <message>
        <source>Scheda salvata: %1.</source>
        <translation>Card saved: %1.</translation>
    </message>
    <message>
        <source>Segnalazione registrata.</source>
        <translation>Referral recorded.</translation>
    </message>
    <message>
        <source>La nuova lingua sarà usata al prossimo avvio.</source>
        <translation>The new language will be used at the next start.</translation>
    </message>
    <message>
        <source>Verifica dell&apos;archivio in corso…</source>
        <extracomment>``sign_in(path, settings)``: the logged-in session, or None when the user gave up.</extracomment>
        <translation>Checking the store…</translation>
    </message>
    <message>
        <source>Sede centrale</source>
        <translation>Head office</translation>
    </message>
    <message>
        <source>Copia di sicurezza dell&apos;archivio</source>
        <translation>Backup copy of the records</translation>
    </message>
    <message>
        <source>Archivi casa_desk (*.sqlite)</source>
        <translation>casa_desk stores (*.sqlite)</translation>
    </message>
    <message>
        <source>Copia di sicurezza scritta in %1.</source>
        <translation>Backup copy written to %1.</translation>
    </message>
    <message>
        <source>Utenti…</source>
        <translation>Users…</translation>
    </message>
    <message>
        <source>Impostazioni…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Registro degli accessi…</source>
        <translation>Access log…</translation>
    </message>
    <message>
        <source>Cambia la mia password…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <source>Blocca ora</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Accesso con motivo scaduto: scheda chiusa.</source>
        <translation>Access with a reason ended: card closed.</translation>
    </message>
    <message>
        <source>Uscire da casa_desk?</source>
        <translation>Quit casa_desk?</translation>
    </message>
    <message>
        <source>Moduli non salvati di chi usava lo sportello: %1. Uscendo andranno persi.</source>
        <translation>Unsaved forms of whoever was using the desk: %1. Quitting loses them.</translation>
    </message>
    <message>
        <source>Esci e perdi i moduli</source>
        <translation>Quit and lose the forms</translation>
    </message>
    <message>
        <source>Non uscire</source>
        <translation>Do not quit</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Aggiungi al nucleo familiare</source>
        <translation>Add to the household</translation>
    </message>
    <message>
        <source>Cognome, nome, codice fiscale, telefono…</source>
        <translation>Surname, name, tax code, phone…</translation>
    </message>
    <message>
        <source>Aggiungi</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation>Nobody found.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Unisci le schede</source>
        <translation>Merge the cards</translation>
    </message>
    <message>
        <source>La scheda «%1» sarà unita a questa, «%2».</source>
        <translation>The card “%1” will be merged into this one, “%2”.</translation>
    </message>
    <message>
        <source>Questa scheda</source>
        <translation>This record</translation>
    </message>
    <message>
        <source>L’altra scheda</source>
        <translation>The other record</translation>
    </message>
    <message>
        <source>Dove i dati sono diversi, scegliere quale tenere:</source>
        <translation>Where the data differ, choose which to keep:</translation>
    </message>
    <message>
        <source>I dati non sono in contrasto.</source>
        <translation>The data do not conflict.</translation>
    </message>
    <message>
        <source>Passano a questa scheda: i contatti, i consensi, le segnalazioni, l&apos;iscrizione al programma FSE e il nucleo familiare dell&apos;altra.</source>
        <translation>The other card&apos;s contacts, consents, referrals, ESF enrolment and household move to this one.</translation>
    </message>
    <message>
        <source>Si completano dall&apos;altra scheda: %1.</source>
        <translation>Filled in from the other card: %1.</translation>
    </message>
    <message>
        <source>Unisci</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NeutralPage</name>
    <message>
        <source>Informazioni per gli inquilini</source>
        <extracomment>&quot;Blocca ora&quot;: the window&apos;s action when the window has the keys, this filter inside a dialog. Dynamic property of a dialog that holds the operator&apos;s unsaved work: F12 hides it and coming back shows it again (see :func:`mark_draft`). Dynamic property of a dialog the resume step shows while the neutral page is up. Dynamic property of a draft&apos;s line edit: where its cursor was when F12 hid the draft.</extracomment>
        <translation>Information for tenants</translation>
    </message>
    <message>
        <source>Lo sportello riceve su appuntamento
e negli orari esposti all&apos;ingresso.

Per guasti e manutenzione si può usare
anche il numero verde indicato in bacheca.</source>
        <translation>The desk receives by appointment
and at the hours shown at the entrance.

For faults and maintenance you can also call
the free number shown on the notice board.</translation>
    </message>
    <message>
        <source>Riprendi</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Informazioni</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>Reimposta la password</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <source>Nuova password per %1. Comunicarla di persona: al prossimo accesso l&apos;utente dovrebbe cambiarla.</source>
        <translation>New password for %1. Tell it in person: the user should change it at their next login.</translation>
    </message>
    <message>
        <source>Nuova password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation>Repeat the password</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Nota (facoltativa): chi, come, che cosa</source>
        <extracomment>Columns of the list that sort by their date when their header is clicked. Tables whose change may change what this page shows.</extracomment>
        <translation>Note (optional): who, how, what</translation>
    </message>
    <message>
        <source>Conferma</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>casa_desk – presidio</source>
        <translation>casa_desk – office</translation>
    </message>
    <message>
        <source>Indicare il presidio di questo computer.</source>
        <translation>Choose this computer&apos;s office.</translation>
    </message>
    <message>
        <source>Il presidio di questo computer va scelto da un amministratore.</source>
        <translation>This computer&apos;s office must be chosen by an administrator.</translation>
    </message>
</context>
<context>
    <name>OfficesDialog</name>
    <message>
        <source>Recapiti dei presidi</source>
        <translation>Offices&apos; contact details</translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Telefono ed email di ogni presidio compaiono nelle lettere di invio.</source>
        <translation>Each office&apos;s phone and e-mail appear on referral letters.</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Cambia la mia password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Password attuale</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Nuova password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Ripetere la nuova password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>La password è stata reimpostata: sceglierne una nuova.</source>
        <translation>Your password was reset: choose a new one.</translation>
    </message>
</context>
<context>
    <name>PeopleSearchModel</name>
    <message>
        <source>Cognome</source>
        <extracomment>Fewer characters than this list nobody: one letter matches a fifth of the registry. (generation, text, offset, ranked or None = decide by counting, masked) Emitted when the rows of the latest query are in (the first page, or one more page).</extracomment>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Nato/a il</source>
        <translation>Born on</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Indirizzo</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Alloggio</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>← Ricerca (Esc)</source>
        <extracomment>A contact of the history to correct (double-click, Enter, context menu). A referral of the history to follow on the Segnalazioni page. A short line saying what was just done (the window shows it in the status bar).</extracomment>
        <translation>← Search (Esc)</translation>
    </message>
    <message>
        <source>Modifica dati</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <source>Nuovo contatto (Ctrl+N)</source>
        <translation>New contact (Ctrl+N)</translation>
    </message>
    <message>
        <source>Nuova segnalazione</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Storia: contatti e segnalazioni (dal più recente)</source>
        <translation>History: contacts and referrals (newest first)</translation>
    </message>
    <message>
        <source>Mostra</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Annulla la modifica</source>
        <translation>Undo the edit</translation>
    </message>
    <message>
        <source>Rimette i valori di prima: la correzione arriva a tutti i presidi</source>
        <translation>Puts the previous values back: the correction reaches every office</translation>
    </message>
    <message>
        <source>Mostra il contenuto riservato (resta nel registro degli accessi)</source>
        <translation>Show the confidential content (recorded in the access log)</translation>
    </message>
    <message>
        <source>nato/a il %1</source>
        <translation>born on %1</translation>
    </message>
    <message>
        <source>Schede unite: %1 contatti, %2 consensi, %3 segnalazioni spostati.</source>
        <translation>Cards merged: %1 contacts, %2 consents, %3 referrals moved.</translation>
    </message>
    <message>
        <source>L&apos;altra scheda è stata registrata da %1: solo quel presidio o la sede possono unirla a un&apos;altra.</source>
        <translation>The other card was registered by %1: only that office or head office may merge it into another.</translation>
    </message>
    <message>
        <source>Unisci le schede</source>
        <translation>Merge the cards</translation>
    </message>
    <message>
        <source>Si può unire questa scheda a quella.</source>
        <translation>This card can be merged into that one.</translation>
    </message>
    <message>
        <source>Unisci questa scheda a quella</source>
        <translation>Merge this card into that one</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Contenuto riservato: premere «Mostra» prima di correggerlo.</source>
        <translation>Confidential content: press “Show” before correcting it.</translation>
    </message>
    <message>
        <source>Contatto registrato da %1: lo corregge solo quel presidio.</source>
        <translation>Contact recorded by %1: only that office corrects it.</translation>
    </message>
    <message>
        <source>Correggi contatto…</source>
        <translation>Correct contact…</translation>
    </message>
    <message>
        <source>Apri nelle Segnalazioni</source>
        <translation>Open in Referrals</translation>
    </message>
    <message>
        <source>Selezionare una riga per vederne le note.</source>
        <translation>Select a row to see its notes.</translation>
    </message>
    <message>
        <source>Modificato da %1 il %2:
%3</source>
        <translation>Edited by %1 on %2:
%3</translation>
    </message>
    <message>
        <source>Contenuto riservato. Premere «Mostra» solo se necessario: l&apos;accesso viene registrato.</source>
        <translation>Confidential content. Press “Show” only if needed: the access is recorded.</translation>
    </message>
    <message>
        <source>Esito: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>Richiamo: %1</source>
        <translation>Follow-up: %1</translation>
    </message>
    <message>
        <source>Segnalazione %1 a %2</source>
        <translation>Referral %1 to %2</translation>
    </message>
    <message>
        <source>Scadenza: %1</source>
        <translation>Due: %1</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>Modifica persona</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Cognome *</source>
        <translation>Surname *</translation>
    </message>
    <message>
        <source>Nome *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Codice fiscale</source>
        <translation>Tax code</translation>
    </message>
    <message>
        <source>Data di nascita (gg/mm/aaaa)</source>
        <translation>Date of birth (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Luogo di nascita</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Sesso</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Lingue parlate</source>
        <translation>Languages spoken</translation>
    </message>
    <message>
        <source>Via</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Civico</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Scala</source>
        <translation>Staircase</translation>
    </message>
    <message>
        <source>Piano</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Interno</source>
        <translation>Flat</translation>
    </message>
    <message>
        <source>Codice alloggio Aler</source>
        <translation>Aler unit code</translation>
    </message>
    <message>
        <source>Quartiere</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Ruolo nel nucleo</source>
        <translation>Role in household</translation>
    </message>
    <message>
        <source>es. italiano, arabo</source>
        <translation>e.g. Italian, Arabic</translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde a cognome e nome: ricontrollarli.</source>
        <translation>The tax code does not match the surname and name: check them.</translation>
    </message>
    <message>
        <source>Data impossibile: quel giorno non esiste (es. 31/02).</source>
        <translation>Impossible date: that day does not exist (e.g. 31/02).</translation>
    </message>
    <message>
        <source>La data di nascita non è valida: usare gg/mm/aaaa (anche 1/1/80).</source>
        <translation>The date of birth is not valid: use dd/mm/yyyy (1/1/80 works too).</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Correggere i campi segnalati prima di salvare.</source>
        <translation>Correct the marked fields before saving.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Codice di recupero</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <source>Questo codice apre l&apos;archivio se tutti gli amministratori dimenticano la password. Viene mostrato una sola volta: stamparlo o copiarlo ora e conservarlo chiuso a chiave, lontano dal computer. Un nuovo codice sostituisce quello precedente.</source>
        <translation>This code opens the store if every administrator forgets their password. It is shown only once: print or copy it now and keep it locked away, far from the computer. A new code replaces the previous one.</translation>
    </message>
    <message>
        <source>Copia</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>ReentryDialog</name>
    <message>
        <source>Rientro nel programma FSE</source>
        <translation>Re-entry into the ESF programme</translation>
    </message>
    <message>
        <source>Resta un solo partecipante: vale l&apos;ingresso iniziale, mentre l&apos;uscita e gli esiti registrati finora lasciano il posto a quelli dell&apos;uscita definitiva.</source>
        <translation>Still one participant: the first entry stands, while the exit and the results recorded so far give way to those of the final exit.</translation>
    </message>
    <message>
        <source>Data del &amp;rientro</source>
        <translation>&amp;Re-entry date</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>Nuova segnalazione</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Nessuna persona: una segnalazione richiede una persona registrata.</source>
        <translation>No person: a referral needs a registered person.</translation>
    </message>
    <message>
        <source>Cerca servizio per nome, ente, tipo…</source>
        <translation>Find a service by name, organisation, kind…</translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Perché la persona viene segnalata</source>
        <translation>Why the person is referred</translation>
    </message>
    <message>
        <source>Che cosa si chiede al servizio</source>
        <translation>What is asked of the service</translation>
    </message>
    <message>
        <source>Invia subito al servizio</source>
        <translation>Send to the service now</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Ser&amp;vizio</source>
        <translation>Ser&amp;vice</translation>
    </message>
    <message>
        <source>&amp;Motivo</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>&amp;Richiesta</source>
        <translation>&amp;Request</translation>
    </message>
    <message>
        <source>&amp;Urgenza</source>
        <translation>&amp;Urgency</translation>
    </message>
    <message>
        <source>&amp;Entro il</source>
        <translation>&amp;Due by</translation>
    </message>
    <message>
        <source>Salva (Ctrl+Invio)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Annulla (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>La segnalazione non è stata salvata: scartare quello che è stato scritto?</source>
        <translation>This referral has not been saved: discard what was typed?</translation>
    </message>
    <message>
        <source>Scegliere un servizio dall&apos;elenco.</source>
        <translation>Choose a service from the list.</translation>
    </message>
    <message>
        <source>Data non valida: usare gg/mm/aaaa oppure +7.</source>
        <translation>Invalid date: use dd/mm/yyyy or +7.</translation>
    </message>
    <message>
        <source>Non si può inviare: manca un consenso valido della persona a condividere i dati con questo servizio. Registrare il consenso oppure salvare come bozza (togliendo «Invia subito»).</source>
        <translation>Cannot send: the person has no valid consent to share data with this service. Record the consent, or save as a draft (untick “Send now”).</translation>
    </message>
    <message>
        <source>Aprire la scheda di una persona per segnalarla a un servizio.</source>
        <translation>Open a person&apos;s card to refer them to a service.</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Aperte</source>
        <extracomment>Sensitive referrals revealed (and audited) since the page was last shown.</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tutte</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Cerca per numero, persona o servizio…</source>
        <translation>Search by number, person or service…</translation>
    </message>
    <message>
        <source>Numero</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Servizio</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Scadenza</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Urgenza</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Creata il</source>
        <translation>Created on</translation>
    </message>
    <message>
        <source>In ritardo</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Data e ora</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Passaggio</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Chi</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Mostra</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Mostra il contenuto riservato (resta nel registro degli accessi)</source>
        <translation>Show the confidential content (recorded in the access log)</translation>
    </message>
    <message>
        <source>Invia</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation>Taken in charge</translation>
    </message>
    <message>
        <source>Concludi</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rifiutata dal servizio</source>
        <translation>Refused by the service</translation>
    </message>
    <message>
        <source>Annulla segnalazione</source>
        <translation>Cancel referral</translation>
    </message>
    <message>
        <source>Riapri</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Stampa lettera per il servizio…</source>
        <translation>Print letter for the service…</translation>
    </message>
    <message>
        <source>Lettera di una pagina per un servizio esterno: chi è inviato e perché, il consenso, chi richiamare. La stampa viene registrata.</source>
        <translation>One-page letter for an outside service: who is referred and why, the consent, whom to call back. Printing is recorded.</translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Stampa la lettera con la stampante (registrato)</source>
        <translation>Print the letter on a printer (recorded)</translation>
    </message>
    <message>
        <source>Mostra:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Scegliere una segnalazione dall&apos;elenco.</source>
        <translation>Choose a referral from the list.</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>%1+ segnalazioni</source>
        <translation>%1+ referrals</translation>
    </message>
    <message numerus="yes">
        <source>%Ln segnalazioni</source>
        <translation>
            <numerusform>%Ln referral</numerusform>
            <numerusform>%Ln referrals</numerusform>
        </translation>
    </message>
    <message>
        <source>Contenuto riservato. Premere «Mostra» solo se necessario: l&apos;accesso viene registrato.</source>
        <translation>Confidential content. Press “Show” only if needed: the access is recorded.</translation>
    </message>
    <message>
        <source>Contenuto riservato.</source>
        <translation>Confidential content.</translation>
    </message>
    <message>
        <source>Motivo: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>Richiesta: %1</source>
        <translation>Request: %1</translation>
    </message>
    <message>
        <source>Entro il %1</source>
        <translation>Due by %1</translation>
    </message>
    <message>
        <source>%1 (sospesa)</source>
        <translation>%1 (on hold)</translation>
    </message>
    <message>
        <source>Sospesa: %1. Serve un nuovo consenso.</source>
        <translation>On hold: %1. A new consent is needed.</translation>
    </message>
    <message>
        <source>Sospesa: il consenso è scaduto o revocato. Serve un nuovo consenso.</source>
        <translation>On hold: the consent expired or was withdrawn. A new consent is needed.</translation>
    </message>
    <message>
        <source>Salva la lettera</source>
        <translation>Save the letter</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Lettera salvata in %1</source>
        <translation>Letter saved in %1</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>Orologio della modifica avanti rispetto alla sede: correggere l&apos;orologio del PC (la modifica resta in questo archivio).</source>
        <translation>The change&apos;s clock is ahead of head office&apos;s: correct this PC&apos;s clock (the change stays in this store).</translation>
    </message>
    <message>
        <source>Argomento (categoria) sconosciuto alla sede.</source>
        <translation>Topic (category) unknown to head office.</translation>
    </message>
    <message>
        <source>Presidio sconosciuto alla sede.</source>
        <translation>Office unknown to head office.</translation>
    </message>
    <message>
        <source>Ambito sconosciuto alla sede.</source>
        <translation>Scope unknown to head office.</translation>
    </message>
    <message>
        <source>Modifica troppo grande per la sede.</source>
        <translation>Change too large for head office.</translation>
    </message>
    <message>
        <source>Testo con caratteri non ammessi (NUL, controllo della direzione del testo).</source>
        <translation>Text with characters that are not allowed (NUL, text direction controls).</translation>
    </message>
    <message>
        <source>Orologi di base della modifica non validi.</source>
        <translation>The change&apos;s base clocks are not valid.</translation>
    </message>
    <message>
        <source>Campo obbligatorio mancante: {col}.</source>
        <translation>Required field missing: {col}.</translation>
    </message>
    <message>
        <source>Identificativo della riga incoerente.</source>
        <translation>The row&apos;s identifier does not match.</translation>
    </message>
    <message>
        <source>Valore non valido nel campo {col}.</source>
        <translation>Invalid value in the field {col}.</translation>
    </message>
    <message>
        <source>Testo troppo lungo nel campo {col}.</source>
        <translation>Text too long in the field {col}.</translation>
    </message>
    <message>
        <source>Codice sconosciuto nel campo {col}.</source>
        <translation>Unknown code in the field {col}.</translation>
    </message>
    <message>
        <source>Collegamento a una riga sconosciuta alla sede ({col}).</source>
        <translation>Link to a row unknown to head office ({col}).</translation>
    </message>
    <message>
        <source>Collegamento a una riga che questo ufficio non vede ({col}).</source>
        <translation>Link to a row this office cannot see ({col}).</translation>
    </message>
    <message>
        <source>Evento di una segnalazione di un altro presidio.</source>
        <translation>Step of another office&apos;s referral.</translation>
    </message>
    <message>
        <source>Tabella sconosciuta alla sede.</source>
        <translation>Table unknown to head office.</translation>
    </message>
    <message>
        <source>Operazione sconosciuta.</source>
        <translation>Unknown operation.</translation>
    </message>
    <message>
        <source>Modifica firmata da un altro dispositivo.</source>
        <translation>Change signed by another device.</translation>
    </message>
    <message>
        <source>Un fatto registrato non si modifica: serve una rettifica.</source>
        <translation>A recorded fact is not changed: record a correction.</translation>
    </message>
    <message>
        <source>Il presidio o l&apos;ambito di una riga non si possono cambiare.</source>
        <translation>A row&apos;s office or scope cannot be changed.</translation>
    </message>
    <message>
        <source>Riga sconosciuta alla sede.</source>
        <translation>Row unknown to head office.</translation>
    </message>
    <message>
        <source>Riga del presidio {office}: questo ufficio non può scriverla.</source>
        <translation>Row of the office {office}: this office cannot write it.</translation>
    </message>
    <message>
        <source>Ambito non consentito per questa tabella.</source>
        <translation>Scope not allowed for this table.</translation>
    </message>
    <message>
        <source>Riga del presidio {office}: questo ufficio non può modificarla.</source>
        <translation>Row of the office {office}: this office cannot change it.</translation>
    </message>
    <message>
        <source>Persona di un altro presidio che questo ufficio non vede: non può modificarla.</source>
        <translation>A person of another office that this office cannot see: it cannot change her.</translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono eliminarla.</source>
        <translation>Only the office that registered the person, or head office, can delete her.</translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono unirla a un&apos;altra.</source>
        <translation>Only the office that registered the person, or head office, can merge her into another.</translation>
    </message>
    <message>
        <source>Solo il presidio che ha registrato la persona o la sede possono cancellarne i dati.</source>
        <translation>Only the office that registered the person, or head office, can erase her data.</translation>
    </message>
    <message>
        <source>Solo la sede può modificare i dati di riferimento.</source>
        <translation>Only head office can change reference data.</translation>
    </message>
    <message>
        <source>Un servizio di un presidio resta nel suo elenco: solo la sede lo rende comune.</source>
        <translation>An office&apos;s service stays in its own directory: only head office makes it shared.</translation>
    </message>
    <message>
        <source>Servizio della sede o di un altro presidio: questo ufficio non può modificarlo.</source>
        <translation>A service of head office or of another office: this office cannot change it.</translation>
    </message>
    <message>
        <source>Modifica scartata: la scheda a cui si riferisce non è arrivata alla sede entro {days} giorni.</source>
        <translation>Change dropped: the record it refers to did not reach head office within {days} days.</translation>
    </message>
    <message>
        <source>Modifica rifiutata: troppe modifiche di questo ufficio attendono alla sede schede non ancora arrivate. Avvisare la sede; ripetere la modifica quando la scheda sarà arrivata.</source>
        <translation>Change refused: too many changes from this office are waiting at head office for records that have not arrived yet. Tell head office; make the change again once the record has arrived.</translation>
    </message>
    <message>
        <source>La persona è già iscritta al programma FSE (anche da un altro presidio).</source>
        <translation>The person is already enrolled in the ESF programme (perhaps by another office).</translation>
    </message>
    <message>
        <source>Il contatto è già stato corretto da un altro computer: correggere la versione attuale.</source>
        <translation>The contact had already been corrected on another computer: correct its current version.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Mese</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>gennaio</source>
        <translation>January</translation>
    </message>
    <message>
        <source>febbraio</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marzo</source>
        <translation>March</translation>
    </message>
    <message>
        <source>aprile</source>
        <translation>April</translation>
    </message>
    <message>
        <source>maggio</source>
        <translation>May</translation>
    </message>
    <message>
        <source>giugno</source>
        <translation>June</translation>
    </message>
    <message>
        <source>luglio</source>
        <translation>July</translation>
    </message>
    <message>
        <source>agosto</source>
        <translation>August</translation>
    </message>
    <message>
        <source>settembre</source>
        <translation>September</translation>
    </message>
    <message>
        <source>ottobre</source>
        <translation>October</translation>
    </message>
    <message>
        <source>novembre</source>
        <translation>November</translation>
    </message>
    <message>
        <source>dicembre</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Programma:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>Commento del community manager (facoltativo): entra nel rapporto.</source>
        <translation>Community manager&apos;s comment (optional): goes into the report.</translation>
    </message>
    <message>
        <source>Genera rapporto</source>
        <translation>Generate report</translation>
    </message>
    <message>
        <source>Mese:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>Presidio:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Commento:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <source>Salva PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Stampa…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Tutti i presidi</source>
        <translation>All offices</translation>
    </message>
    <message>
        <source>Nessun rapporto generato per questo mese.</source>
        <translation>No report generated for this month.</translation>
    </message>
    <message>
        <source>Rapporto generato il %1.</source>
        <translation>Report generated on %1.</translation>
    </message>
    <message>
        <source>Il report mensile è per coordinatori e amministratori.</source>
        <translation>The monthly report is for coordinators and administrators.</translation>
    </message>
    <message>
        <source>Generazione in corso…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Salva il rapporto</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Documenti PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Impossibile salvare il file: %1</source>
        <translation>Cannot save the file: %1</translation>
    </message>
    <message>
        <source>Rapporto salvato in %1.</source>
        <translation>Report saved in %1.</translation>
    </message>
</context>
<context>
    <name>ResultsDialog</name>
    <message>
        <source>Uscita dal programma FSE</source>
        <translation>Leaving the ESF programme</translation>
    </message>
    <message>
        <source>Esiti immediati</source>
        <translation>Immediate results</translation>
    </message>
    <message>
        <source>Data di &amp;uscita</source>
        <translation>&amp;Exit date</translation>
    </message>
    <message>
        <source>La situazione entro quattro settimane dall&apos;uscita:</source>
        <translation>The situation within four weeks of leaving:</translation>
    </message>
    <message>
        <source>Da registrare più tardi</source>
        <translation>To be recorded later</translation>
    </message>
    <message>
        <source>Esiti noti (anche nessuno di questi):</source>
        <translation>Results known (none of these is an answer too):</translation>
    </message>
    <message>
        <source>Esiti non noti</source>
        <translation>Results not known</translation>
    </message>
</context>
<context>
    <name>RightsBox</name>
    <message>
        <source>Contatto sicuro e diritti</source>
        <translation>Safe contact and rights</translation>
    </message>
    <message>
        <source>Contatto sicuro…</source>
        <translation>Safe contact…</translation>
    </message>
    <message>
        <source>Esporta dati…</source>
        <translation>Export data…</translation>
    </message>
    <message>
        <source>Cancella dati…</source>
        <translation>Erase data…</translation>
    </message>
    <message>
        <source>Persona riservata</source>
        <translation>Confidential person</translation>
    </message>
    <message>
        <source>Togli «riservata»…</source>
        <translation>Remove “confidential”…</translation>
    </message>
    <message>
        <source>Segna come riservata…</source>
        <translation>Mark as confidential…</translation>
    </message>
    <message>
        <source>NON CHIAMARE</source>
        <translation>DO NOT CALL</translation>
    </message>
    <message>
        <source>NON INVIARE POSTA</source>
        <translation>DO NOT SEND POST</translation>
    </message>
    <message>
        <source>Dati anonimizzati</source>
        <translation>Data anonymised</translation>
    </message>
    <message>
        <source>Telefono sicuro: %1</source>
        <translation>Safe phone: %1</translation>
    </message>
    <message>
        <source>Orari: %1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <source>Nessuna istruzione di contatto sicuro.</source>
        <translation>No safe-contact instructions.</translation>
    </message>
    <message>
        <source>Segnare la persona come riservata? Chi non può vedere i dati riservati la troverà come «Persona riservata» e aprirà la scheda solo indicando un motivo.</source>
        <translation>Mark this person as confidential? Users who may not see confidential data will find her as “Confidential person” and open the card only by giving a reason.</translation>
    </message>
    <message>
        <source>Togliere il segno «riservata»? Chi non può vedere i dati riservati vedrà di nuovo il suo nome.</source>
        <translation>Remove the “confidential” mark? Users who may not see confidential data will see her name again.</translation>
    </message>
    <message>
        <source>Segna come riservata</source>
        <translation>Mark as confidential</translation>
    </message>
    <message>
        <source>Togli il segno</source>
        <translation>Remove the mark</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Persona segnata come riservata.</source>
        <translation>Person marked as confidential.</translation>
    </message>
    <message>
        <source>Tolto il segno «riservata».</source>
        <translation>The “confidential” mark was removed.</translation>
    </message>
    <message>
        <source>Contatto sicuro salvato.</source>
        <translation>Safe contact saved.</translation>
    </message>
    <message>
        <source>Salva i dati della persona</source>
        <translation>Save the person&apos;s data</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Dati salvati in %1</source>
        <translation>Data saved in %1</translation>
    </message>
    <message>
        <source>Dati della persona cancellati.</source>
        <translation>The person&apos;s data erased.</translation>
    </message>
</context>
<context>
    <name>SafeContactDialog</name>
    <message>
        <source>Contatto sicuro</source>
        <translation>Safe contact</translation>
    </message>
    <message>
        <source>Non chiamare</source>
        <translation>Do not call</translation>
    </message>
    <message>
        <source>Non inviare posta</source>
        <translation>Do not send post</translation>
    </message>
    <message>
        <source>Telefono sicuro</source>
        <translation>Safe phone</translation>
    </message>
    <message>
        <source>Orari</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Nota</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SavedFileBar</name>
    <message>
        <source>Apri</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Cerca per cognome, nome, codice fiscale, telefono o codice alloggio</source>
        <translation>Search by surname, name, tax code, phone or unit code</translation>
    </message>
    <message>
        <source>Nuova persona</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Registra una persona (Ctrl+R)</source>
        <translation>Register a person (Ctrl+R)</translation>
    </message>
    <message>
        <source>↑/↓ per scegliere, Invio per aprire la scheda, Esc per svuotare la ricerca, Ctrl+N per un nuovo contatto, F12 uscita rapida.</source>
        <translation>↑/↓ to choose, Enter to open the card, Esc to clear the search, Ctrl+N for a new contact, F12 quick exit.</translation>
    </message>
    <message>
        <source>Scrivere almeno due lettere o cifre.</source>
        <translation>Type at least two letters or digits.</translation>
    </message>
    <message>
        <source>Nessuna persona trovata.</source>
        <translation>Nobody found.</translation>
    </message>
    <message>
        <source>Più di %1 persone: continuare a scrivere per restringere.</source>
        <translation>More than %1 people: keep typing to narrow down.</translation>
    </message>
    <message numerus="yes">
        <source>Persone trovate: %Ln.</source>
        <translation>
            <numerusform>%Ln person found.</numerusform>
            <numerusform>%Ln people found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Cerca per nome, ente, tipo, note…</source>
        <translation>Search by name, organisation, kind, notes…</translation>
    </message>
    <message>
        <source>Mostra anche i non attivi</source>
        <translation>Show inactive ones too</translation>
    </message>
    <message>
        <source>Nome</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ente</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Servizio non attivo</source>
        <translation>Inactive service</translation>
    </message>
    <message>
        <source>&amp;Nome</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Tipo</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Ente</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <source>Tele&amp;fono</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>E&amp;mail</translation>
    </message>
    <message>
        <source>&amp;Indirizzo</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Orari</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <source>No&amp;te</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nuovo servizio</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>Salva</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Attivo dopo il salvataggio</source>
        <translation>Active after saving</translation>
    </message>
    <message>
        <source>Non attivo</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Disattiva</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Riattiva</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Impostazioni</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> minuti</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Blocco dopo inattività</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <source>Dopo questi minuti senza usare tastiera o mouse la finestra si blocca e chiede la password.</source>
        <translation>After these minutes without keyboard or mouse the window locks and asks for the password.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sincronizza ora</source>
        <extracomment>Changes per pull page when the window syncs. Each page is one write transaction, and a save in the window waits for the one in progress: 500 changes keep that wait short (benchmarks/bench_sync.py --window-wait) where the command line takes 2,000 at a time. Unsent changes are counted up to here on the GUI thread (a full count of a store that never synced takes half a second).</extracomment>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Abbina alla sede…</source>
        <translation>Pair with head office…</translation>
    </message>
    <message>
        <source>Questo computer non è ancora abbinato alla sede: le modifiche restano qui finché non lo è. Per abbinarlo servono l&apos;indirizzo della sede e il codice monouso che la sede prepara (oppure il suo file di abbinamento): premere «Abbina alla sede…». Senza rete, le modifiche si scambiano anche con un file su chiavetta USB.</source>
        <translation>This computer is not paired with head office yet: changes stay here until it is. Pairing needs head office&apos;s address and the one-time code head office prepares (or its enrolment file): press “Pair with head office…”. Without a network, changes can also be exchanged with a file on a USB stick.</translation>
    </message>
    <message>
        <source>Sede:</source>
        <translation>Hub:</translation>
    </message>
    <message>
        <source>Ultima sincronizzazione riuscita:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <source>Modifiche in attesa:</source>
        <translation>Changes waiting:</translation>
    </message>
    <message>
        <source>Stato:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Quando</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Tabella</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Motivo del rifiuto</source>
        <translation>Reason for refusal</translation>
    </message>
    <message>
        <source>Rilevato</source>
        <translation>Detected</translation>
    </message>
    <message>
        <source>Campo</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Valore attuale</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Valore perso</source>
        <translation>Lost value</translation>
    </message>
    <message>
        <source>Ricevuta</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Perché non è applicata</source>
        <translation>Why it is not applied</translation>
    </message>
    <message>
        <source>Ripristina il valore perso</source>
        <translation>Restore the lost value</translation>
    </message>
    <message>
        <source>Tieni il valore attuale</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>Modifiche rifiutate dalla sede</source>
        <translation>Changes refused by the hub</translation>
    </message>
    <message>
        <source>Modifiche ricevute messe da parte</source>
        <translation>Received changes set aside</translation>
    </message>
    <message>
        <source>Conflitti da rivedere</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Modificata da</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <source>Modifiche (prima → dopo)</source>
        <translation>Changes (before → after)</translation>
    </message>
    <message>
        <source>Annulla la modifica</source>
        <translation>Undo the edit</translation>
    </message>
    <message>
        <source>La modifica è giusta</source>
        <translation>The edit is right</translation>
    </message>
    <message>
        <source>Persone registrate qui, modificate da altri presidi</source>
        <translation>People registered here, edited by other offices</translation>
    </message>
    <message>
        <source>non abbinato</source>
        <translation>not paired</translation>
    </message>
    <message>
        <source>mai</source>
        <translation>never</translation>
    </message>
    <message>
        <source>più di %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si abbina alla sede e non si sincronizza. Per lavorare con la sede serve un archivio vero.</source>
        <translation>This is a demo store, full of invented people: it is never paired or synced with head office. Working with head office needs a real store.</translation>
    </message>
    <message>
        <source>Questo computer non è ancora abbinato alla sede: le modifiche restano qui finché un amministratore non lo abbina. Senza rete, le modifiche si scambiano anche con un file su chiavetta USB.</source>
        <translation>This computer is not paired with head office yet: changes stay here until an administrator pairs it. Without a network, changes can also be exchanged as a file on a USB stick.</translation>
    </message>
    <message>
        <source>Abbina di nuovo…</source>
        <translation>Pair again…</translation>
    </message>
    <message>
        <source>l&apos;orologio di chi l&apos;ha fatta è avanti di oltre 5 minuti: sarà applicata quando arriva la sua ora</source>
        <translation>the clock of the PC that made it is more than 5 minutes ahead: it will be applied when its time comes</translation>
    </message>
    <message>
        <source>attende un&apos;altra modifica messa da parte</source>
        <translation>waits for another change set aside</translation>
    </message>
    <message>
        <source>modifica contemporanea</source>
        <translation>concurrent change</translation>
    </message>
    <message>
        <source>modifica dopo l&apos;eliminazione</source>
        <translation>change after deletion</translation>
    </message>
    <message>
        <source>riga non accettata da questo archivio</source>
        <translation>row not accepted by this store</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>(eliminata)</source>
        <translation>(deleted)</translation>
    </message>
    <message>
        <source>Archivio non abbinato alla sede.</source>
        <translation>Store not paired with the hub.</translation>
    </message>
    <message>
        <source>Modifiche da inviare.</source>
        <translation>Changes to send.</translation>
    </message>
    <message>
        <source>Sincronizzato.</source>
        <translation>Synced.</translation>
    </message>
    <message>
        <source>Riga registrata da %1: il valore perso lo ripristina solo quel presidio.</source>
        <translation>Row recorded by %1: only that office reinstates the lost value.</translation>
    </message>
    <message>
        <source>Sincronizzazione in corso…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Dati non allineati con la sede: riprovare.</source>
        <translation>Data out of step with the hub: try again.</translation>
    </message>
    <message>
        <source>Computer abbinato alla sede (presidio %1).</source>
        <translation>Computer paired with head office (office %1).</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Persone</source>
        <extracomment>The synced tables in words, for the lists of the Sync page (context &quot;Tables&quot;).</extracomment>
        <translation>People</translation>
    </message>
    <message>
        <source>Contatti</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Consensi</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Segnalazioni</source>
        <translation>Referrals</translation>
    </message>
    <message>
        <source>Passaggi delle segnalazioni</source>
        <translation>Referral steps</translation>
    </message>
    <message>
        <source>Partecipanti FSE</source>
        <translation>ESF participants</translation>
    </message>
    <message>
        <source>Servizi</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Argomenti</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Presidi</source>
        <translation>Offices</translation>
    </message>
    <message>
        <source>Registro degli accessi</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>Contatti sicuri</source>
        <translation>Safe contacts</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Nuovo utente</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Modifica utente</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>Può vedere i contenuti riservati (violenza, salute)</source>
        <translation>May see confidential content (violence, health)</translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ripetere la password</source>
        <translation>Repeat the password</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Utenti</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Nome utente</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nome e cognome</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Ruolo</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Contenuti riservati</source>
        <translation>Confidential content</translation>
    </message>
    <message>
        <source>Stato</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Aggiungi…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Modifica…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Reimposta password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Disattiva</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Codice di recupero…</source>
        <translation>Recovery code…</translation>
    </message>
    <message>
        <source>Chiudi</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Attivo</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disattivato</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Utente aggiunto.</source>
        <translation>User added.</translation>
    </message>
    <message>
        <source>Utente modificato.</source>
        <translation>User changed.</translation>
    </message>
    <message>
        <source>Password reimpostata.</source>
        <translation>Password reset.</translation>
    </message>
    <message>
        <source>Disattiva utente</source>
        <translation>Disable user</translation>
    </message>
    <message>
        <source>Disattivare %1? Non potrà più accedere.</source>
        <translation>Disable %1? They will no longer be able to log in.</translation>
    </message>
    <message>
        <source>Utente disattivato.</source>
        <translation>User disabled.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Il codice del luogo di nascita non è valido.</source>
        <translation>The place-of-birth code is not valid.</translation>
    </message>
    <message>
        <source>Il codice fiscale contiene una data di nascita impossibile.</source>
        <translation>The tax code contains an impossible birth date.</translation>
    </message>
    <message>
        <source>Il codice fiscale deve avere 16 caratteri.</source>
        <translation>The tax code must have 16 characters.</translation>
    </message>
    <message>
        <source>Il codice fiscale ha lettere o cifre al posto sbagliato.</source>
        <translation>The tax code has letters or digits in the wrong place.</translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde al sesso indicato.</source>
        <translation>The tax code does not match the sex given.</translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde alla data di nascita.</source>
        <translation>The tax code does not match the date of birth.</translation>
    </message>
    <message>
        <source>Il motivo non deve contenere nome, codice fiscale, telefono, e-mail o codice alloggio della persona: descrivi il motivo, non chi è.</source>
        <translation>The reason must not contain the person&apos;s name, codice fiscale, phone, e-mail or unit code: describe the reason, not who she is.</translation>
    </message>
    <message>
        <source>L&apos;ultimo carattere del codice fiscale non torna: ricontrollare il codice.</source>
        <translation>The last character of the tax code is wrong: check the code.</translation>
    </message>
    <message>
        <source>Numero di telefono non valido: cellulare 3…, fisso 0… o estero con + o 00.</source>
        <translation>Invalid phone number: a mobile 3…, a landline 0… or a foreign one with + or 00.</translation>
    </message>
    <message>
        <source>Al massimo 2.000 modifiche per invio.</source>
        <translation>At most 2,000 changes per send.</translation>
    </message>
    <message>
        <source>All&apos;indirizzo {address} risponde un altro servizio, non la sede: controllare l&apos;indirizzo e la porta.</source>
        <translation>Something other than head office answers at {address}: check the address and the port.</translation>
    </message>
    <message>
        <source>Certificato TLS illeggibile: {path} (serve un file PEM).</source>
        <translation>Unreadable TLS certificate: {path} (a PEM file is needed).</translation>
    </message>
    <message>
        <source>Certificato della sede non riconosciuto: abbinare l&apos;archivio con il codice o il file della sede, che portano l&apos;impronta del suo certificato.</source>
        <translation>Head office&apos;s certificate not recognised: pair this store with head office&apos;s code or file, which carry its certificate&apos;s fingerprint.</translation>
    </message>
    <message>
        <source>Certificato o chiave TLS non utilizzabili ({cert}, {key}): file mancante, illeggibile o chiave che non corrisponde al certificato.</source>
        <translation>TLS certificate or key not usable ({cert}, {key}): a file missing or unreadable, or a key that does not match the certificate.</translation>
    </message>
    <message>
        <source>Codice di abbinamento digitato male: ricontrollarlo.</source>
        <translation>Pairing code mistyped: check it again.</translation>
    </message>
    <message>
        <source>Codice di abbinamento non valido o già usato.</source>
        <translation>Pairing code not valid or already used.</translation>
    </message>
    <message>
        <source>Contenuto del pacchetto non valido.</source>
        <translation>The bundle&apos;s content is not valid.</translation>
    </message>
    <message>
        <source>Contenuto del pacchetto non valido: {where}.</source>
        <translation>The bundle&apos;s content is not valid: {where}.</translation>
    </message>
    <message>
        <source>Credenziali di sincronizzazione non valide: rifare l&apos;abbinamento con la sede.</source>
        <translation>Sync credentials not valid: pair with head office again.</translation>
    </message>
    <message>
        <source>Database della sede non raggiungibile: {reason}.</source>
        <translation>Head office&apos;s database cannot be reached: {reason}.</translation>
    </message>
    <message>
        <source>Database della sede non trovato: {path}</source>
        <translation>Head office&apos;s database not found: {path}</translation>
    </message>
    <message>
        <source>Dispositivo non trovato: {prefix}</source>
        <translation>Device not found: {prefix}</translation>
    </message>
    <message>
        <source>Dispositivo sconosciuto alla sede.</source>
        <translation>Device unknown to head office.</translation>
    </message>
    <message>
        <source>Errore interno della sede.</source>
        <translation>Internal error at head office.</translation>
    </message>
    <message>
        <source>File di abbinamento illeggibile: {path}</source>
        <translation>Unreadable enrolment file: {path}</translation>
    </message>
    <message>
        <source>Firma del pacchetto non valida: alterato, o di un altro dispositivo.</source>
        <translation>The bundle&apos;s signature is not valid: altered, or another device&apos;s.</translation>
    </message>
    <message>
        <source>Il certificato della sede non corrisponde al codice di abbinamento (SHA-256 {fingerprint}…): indirizzo sbagliato o connessione intercettata; nulla è stato inviato.</source>
        <translation>Head office&apos;s certificate does not match the pairing code (SHA-256 {fingerprint}…): a wrong address or an intercepted connection; nothing was sent.</translation>
    </message>
    <message>
        <source>Il certificato della sede è cambiato (SHA-256 {fingerprint}…): sincronizzazione rifiutata finché l&apos;archivio non viene abbinato di nuovo (casa-desk enrol con un nuovo codice della sede).</source>
        <translation>Head office&apos;s certificate has changed (SHA-256 {fingerprint}…): sync refused until this store is paired again (with a new code from head office).</translation>
    </message>
    <message>
        <source>Il pacchetto di risposta è di prima del ripristino della sede: è superato e non lo importo. Esportare un nuovo pacchetto e portarlo alla sede.</source>
        <translation>The reply bundle is from before head office was restored: it is out of date and was not imported. Export a new bundle and take it to head office.</translation>
    </message>
    <message>
        <source>Il pacchetto non è un invio di un ufficio.</source>
        <translation>The bundle is not an office&apos;s send.</translation>
    </message>
    <message>
        <source>Il pacchetto non è una risposta della sede per questo ufficio.</source>
        <translation>The bundle is not head office&apos;s reply for this office.</translation>
    </message>
    <message>
        <source>Indicare il dispositivo: il suo identificativo o il suo inizio.</source>
        <translation>Give the device: its id or its beginning.</translation>
    </message>
    <message>
        <source>Indirizzo della sede mancante: usare --hub.</source>
        <translation>Head office&apos;s address missing: give it (--hub).</translation>
    </message>
    <message>
        <source>Indirizzo della sede non valido: «{value}» (serve per esempio http://sede:8765).</source>
        <translation>Head office&apos;s address not valid: “{value}” (it should read like http://sede:8765).</translation>
    </message>
    <message>
        <source>Indirizzo della sede sbagliato: la parte «{path}» dopo {root} è di troppo (l&apos;indirizzo della sede di solito finisce con la porta: {root}).</source>
        <translation>Head office&apos;s address is wrong: the part “{path}” after {root} should not be there (head office&apos;s address usually ends with the port: {root}).</translation>
    </message>
    <message>
        <source>Invio rifiutato: il numero finale (last_seq) va oltre l&apos;ultima modifica inviata.</source>
        <translation>Send refused: its final number (last_seq) goes past the last change sent.</translation>
    </message>
    <message>
        <source>L&apos;orologio di questo PC è sbagliato di oltre 5 minuti: correggerlo per sincronizzare (il lavoro locale continua).</source>
        <translation>This PC&apos;s clock is more than 5 minutes wrong: correct it to sync (local work goes on).</translation>
    </message>
    <message>
        <source>La sede dice di avere da questo PC più modifiche di quante ne possa aver fatte: avvisare la sede (revocare il dispositivo e abbinarlo di nuovo).</source>
        <translation>Head office says it holds more changes from this PC than it can have made: tell head office (revoke the device and pair it again).</translation>
    </message>
    <message>
        <source>La sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le altre restano in questo archivio e partiranno da sole nelle prossime sincronizzazioni. Se si ripete, avvisare la sede.</source>
        <translation>Head office has already received from this PC all the changes it takes in 24 hours: the others stay in this store and go out by themselves at the next syncs. If it happens again, tell head office.</translation>
    </message>
    <message>
        <source>La sede non conferma le modifiche inviate.</source>
        <translation>Head office does not confirm the changes sent.</translation>
    </message>
    <message>
        <source>La sede non risponde (tempo scaduto).</source>
        <translation>Head office does not answer (timed out).</translation>
    </message>
    <message>
        <source>La sede su {host} sarebbe raggiungibile in chiaro dalla rete: servono --tls-cert e --tls-key (oppure --insecure-http, sconsigliato).</source>
        <translation>Head office on {host} would be reachable unencrypted from the network: --tls-cert and --tls-key are needed (or --insecure-http, not advised).</translation>
    </message>
    <message>
        <source>La sede usa una versione più vecchia di casa_desk: aggiornare la sede.</source>
        <translation>Head office runs an older version of casa_desk: update head office.</translation>
    </message>
    <message>
        <source>Manca un pacchetto di risposta precedente: importarlo prima.</source>
        <translation>An earlier reply bundle is missing: import it first.</translation>
    </message>
    <message>
        <source>Mancano modifiche precedenti: reinviare dall&apos;ultima confermata.</source>
        <translation>Earlier changes are missing: send again from the last confirmed one.</translation>
    </message>
    <message>
        <source>Non è un pacchetto casa_desk di questo formato.</source>
        <translation>Not a casa_desk bundle of this format.</translation>
    </message>
    <message>
        <source>Pacchetto datato nel futuro: messo da parte, non applicato (correggere l&apos;orologio del PC dell&apos;ufficio).</source>
        <translation>Bundle dated in the future: set aside, not applied (correct the office PC&apos;s clock).</translation>
    </message>
    <message>
        <source>Pacchetto illeggibile: troncato o danneggiato.</source>
        <translation>Unreadable bundle: truncated or damaged.</translation>
    </message>
    <message>
        <source>Pacchetto incompleto o troncato.</source>
        <translation>Incomplete or truncated bundle.</translation>
    </message>
    <message>
        <source>Pacchetto non decifrabile con la chiave di questo dispositivo.</source>
        <translation>The bundle cannot be decrypted with this device&apos;s key.</translation>
    </message>
    <message>
        <source>Pacchetto non valido: il campo {key} dell&apos;intestazione non è un numero.</source>
        <translation>Bundle not valid: the header&apos;s field {key} is not a number.</translation>
    </message>
    <message>
        <source>Pacchetto troppo grande o con troppi elementi: rifiutato senza aprirlo.</source>
        <translation>Bundle too large or with too many parts: refused without opening it.</translation>
    </message>
    <message>
        <source>Questo PC è stato revocato dalla sede: non può più sincronizzare.</source>
        <translation>Head office has revoked this PC: it can no longer sync.</translation>
    </message>
    <message>
        <source>Questo abbinamento appartiene a un altro archivio.</source>
        <translation>This pairing belongs to another store.</translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede.</source>
        <translation>This store is not paired with head office.</translation>
    </message>
    <message>
        <source>Questo archivio non è abbinato a una sede: eseguire casa-desk enrol.</source>
        <translation>This store is not paired with head office: pair it first.</translation>
    </message>
    <message>
        <source>Questo archivio è abbinato a una sede in HTTPS: indirizzo in chiaro rifiutato.</source>
        <translation>This store is paired with a head office on HTTPS: an unencrypted (http://) address is refused.</translation>
    </message>
    <message>
        <source>Questo archivio è del presidio {current}, l&apos;abbinamento è per {office}.</source>
        <translation>This store is office {current}&apos;s, the pairing is for {office}.</translation>
    </message>
    <message>
        <source>Questo archivio e una sua copia su un altro computer sono abbinati alla sede come un solo PC: le modifiche di questo restano qui, non inviate. Rivolgersi alla sede per abbinare questo PC come nuovo dispositivo (o ripristinare l&apos;archivio giusto).</source>
        <translation>This store and a copy of it on another computer are paired with head office as one PC: this one&apos;s changes stay here, not sent. Ask head office to pair this PC as a new device (or restore the right store).</translation>
    </message>
    <message>
        <source>Questo codice è di una sede in HTTPS: indicare --hub https://…</source>
        <translation>This code is for a head office on HTTPS: give its address as https://…</translation>
    </message>
    <message>
        <source>Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né sincronizzare con la sede.</source>
        <translation>This is a demo store, with invented people: it cannot be paired or synced with head office.</translation>
    </message>
    <message>
        <source>Richiesta incompleta.</source>
        <translation>Incomplete request.</translation>
    </message>
    <message>
        <source>Richiesta non valida.</source>
        <translation>Request not valid.</translation>
    </message>
    <message>
        <source>Richiesta non valida: {where} ({kind}).</source>
        <translation>Request not valid: {where} ({kind}).</translation>
    </message>
    <message>
        <source>Richiesta rifiutata (HTTP {status}).</source>
        <translation>Request refused (HTTP {status}).</translation>
    </message>
    <message>
        <source>Richiesta troppo grande per la sede.</source>
        <translation>Request too large for head office.</translation>
    </message>
    <message>
        <source>Richiesta troppo grande: al massimo {mb} MB.</source>
        <translation>Request too large: at most {mb} MB.</translation>
    </message>
    <message>
        <source>Risposta non valida dalla sede (HTTP {status}).</source>
        <translation>Invalid answer from head office (HTTP {status}).</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: connessione interrotta (rete o sede).</source>
        <translation>Head office cannot be reached: connection broken (network or head office).</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: connessione non riuscita (indirizzo, porta, rete o sede spenta).</source>
        <translation>Head office cannot be reached: connection failed (address, port, network, or head office switched off).</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: il proxy della rete ha rifiutato la connessione.</source>
        <translation>Head office cannot be reached: the network&apos;s proxy refused the connection.</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la connessione protetta (HTTPS) non è riuscita: l&apos;indirizzo potrebbe essere http:// invece di https://, o viceversa.</source>
        <translation>Head office cannot be reached: the secure connection (HTTPS) failed: the address may be http:// instead of https://, or the other way round.</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la sede ha chiuso la connessione senza rispondere: l&apos;indirizzo potrebbe essere https:// invece di http://.</source>
        <translation>Head office cannot be reached: head office closed the connection without answering: the address may need https:// instead of http://.</translation>
    </message>
    <message>
        <source>Sede non raggiungibile: la sede ha interrotto la connessione: se succede a ogni tentativo, l&apos;indirizzo potrebbe essere https:// invece di http://.</source>
        <translation>Head office cannot be reached: head office broke off the connection: if it happens on every try, the address may need https:// instead of http://.</translation>
    </message>
    <message>
        <source>Sequenze dell&apos;invio incoerenti.</source>
        <translation>The send&apos;s sequence numbers do not add up.</translation>
    </message>
    <message>
        <source>Serve aggiornare casa_desk per sincronizzare con la sede.</source>
        <translation>casa_desk must be updated to sync with head office.</translation>
    </message>
    <message>
        <source>Serve prima il saluto (hello) alla sede.</source>
        <translation>Head office needs the greeting (hello) first.</translation>
    </message>
    <message>
        <source>Servono entrambi: --tls-cert e --tls-key.</source>
        <translation>Both are needed: --tls-cert and --tls-key.</translation>
    </message>
    <message>
        <source>Tabella sconosciuta.</source>
        <translation>Unknown table.</translation>
    </message>
    <message>
        <source>{path} non è un file di abbinamento casa_desk.</source>
        <translation>{path} is not a casa_desk enrolment file.</translation>
    </message>
    <message>
        <source>{path} non è un file normale: indicare il file di abbinamento della sede.</source>
        <translation>{path} is not a regular file: choose the enrolment file from head office.</translation>
    </message>
    <message>
        <source>{path} non è un file normale: indicare il pacchetto della sede.</source>
        <translation>{path} is not a regular file: choose the bundle from head office.</translation>
    </message>
    <message>
        <source>{path} è il database della sede, non un pacchetto: indicare il pacchetto di un ufficio.</source>
        <translation>{path} is head office&apos;s database, not a bundle: give an office&apos;s bundle.</translation>
    </message>
    <message>
        <source>{path} è un archivio o un database, non un pacchetto di sincronizzazione.</source>
        <translation>{path} is a store or a database, not a sync bundle.</translation>
    </message>
    <message>
        <source>{path} è un file di lavoro del database della sede, non un pacchetto: indicare il pacchetto di un ufficio.</source>
        <translation>{path} is a working file of head office&apos;s database, not a bundle: give an office&apos;s bundle.</translation>
    </message>
    <message>
        <source>{path} è una cartella: indicare il file di abbinamento della sede.</source>
        <translation>{path} is a folder: choose the enrolment file from head office.</translation>
    </message>
    <message>
        <source>{path} è una cartella: indicare il pacchetto della sede.</source>
        <translation>{path} is a folder: choose the bundle from head office.</translation>
    </message>
    <message>
        <source>{path}: impronta del certificato non valida.</source>
        <translation>{path}: the certificate&apos;s fingerprint is not valid.</translation>
    </message>
    <message>
        <source>«{prefix}» è l&apos;inizio di {count} dispositivi: indicare più caratteri (casa-desk hub device-list li elenca).</source>
        <translation>“{prefix}” begins {count} devices&apos; ids: give more characters (casa-desk hub device-list lists them).</translation>
    </message>
    <message>
        <source>Il cognome è obbligatorio.</source>
        <translation>The surname is required.</translation>
    </message>
    <message>
        <source>Il nome è obbligatorio.</source>
        <translation>The name is required.</translation>
    </message>
    <message>
        <source>Il sesso deve essere F, M, X o NS.</source>
        <translation>Sex must be F, M, X or NS.</translation>
    </message>
    <message>
        <source>L&apos;indirizzo email non è valido.</source>
        <translation>The email address is not valid.</translation>
    </message>
    <message>
        <source>La data di nascita indica più di 120 anni.</source>
        <translation>The birth date means more than 120 years.</translation>
    </message>
    <message>
        <source>La data di nascita non è una data valida.</source>
        <translation>The birth date is not a valid date.</translation>
    </message>
    <message>
        <source>La data di nascita è nel futuro.</source>
        <translation>The birth date is in the future.</translation>
    </message>
    <message>
        <source>Per calcolare il codice fiscale serve il sesso (F o M).</source>
        <translation>Computing the tax code needs the sex (F or M).</translation>
    </message>
    <message>
        <source>Ruolo nel nucleo non valido.</source>
        <translation>Invalid household role.</translation>
    </message>
    <message>
        <source>La password deve avere almeno 10 caratteri.</source>
        <translation>The password must have at least 10 characters.</translation>
    </message>
    <message>
        <source>La password può avere al più 256 caratteri.</source>
        <translation>The password may have at most 256 characters.</translation>
    </message>
    <message>
        <source>Password troppo facile da indovinare: usare una frase di più parole.</source>
        <translation>Password too easy to guess: use a phrase of several words.</translation>
    </message>
    <message>
        <source>Le due password non coincidono.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>Nome utente non valido: da 2 a 32 caratteri tra lettere, cifre, punto, trattino e trattino basso, senza spazi.</source>
        <translation>Invalid username: 2 to 32 characters among letters, digits, dot, hyphen and underscore, no spaces.</translation>
    </message>
    <message>
        <source>Esiste già un utente con questo nome.</source>
        <translation>A user with this name already exists.</translation>
    </message>
    <message>
        <source>Indicare nome e cognome.</source>
        <translation>Enter the full name.</translation>
    </message>
    <message>
        <source>Indicare nome e cognome dell&apos;amministratore.</source>
        <translation>Enter the administrator&apos;s full name.</translation>
    </message>
    <message>
        <source>Utente sconosciuto.</source>
        <translation>Unknown user.</translation>
    </message>
    <message>
        <source>Non si può disattivare il proprio utente.</source>
        <translation>You cannot disable your own user.</translation>
    </message>
    <message>
        <source>È l&apos;ultimo amministratore attivo: nominarne prima un altro.</source>
        <translation>This is the last active administrator: appoint another one first.</translation>
    </message>
    <message>
        <source>Utente disattivato: riattivarlo non è previsto.</source>
        <translation>User disabled: re-enabling is not provided for.</translation>
    </message>
    <message>
        <source>Questo utente è disattivato: rivolgersi all&apos;amministratore.</source>
        <translation>This user is disabled: ask the administrator.</translation>
    </message>
    <message>
        <source>Indicare il motivo dell&apos;accesso (almeno 10 caratteri).</source>
        <translation>Give the reason for the access (at least 10 characters).</translation>
    </message>
    <message>
        <source>Permesso di vedere i contenuti riservati non concesso a questo utente.</source>
        <translation>This user is not allowed to see confidential content.</translation>
    </message>
    <message>
        <source>Sessione terminata: accedere di nuovo.</source>
        <translation>Session ended: log in again.</translation>
    </message>
    <message>
        <source>I minuti di blocco vanno da 1 a 120.</source>
        <translation>The lock minutes go from 1 to 120.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Sportello</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Visita domiciliare</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Evento</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>In carico</source>
        <translation>In hand</translation>
    </message>
    <message>
        <source>Inviato a un servizio</source>
        <translation>Referred to a service</translation>
    </message>
    <message>
        <source>Bozza</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Inviata</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation>Taken in charge</translation>
    </message>
    <message>
        <source>Conclusa</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Rifiutata</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Annullata</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Creata</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Riaperta</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Bassa</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normale</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Alta</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Salute</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Antiviolenza</source>
        <translation>Anti-violence</translation>
    </message>
    <message>
        <source>Servizi sociali</source>
        <translation>Social services</translation>
    </message>
    <message>
        <source>Legale</source>
        <translation>Legal</translation>
    </message>
    <message>
        <source>Lavoro</source>
        <translation>Work</translation>
    </message>
    <message>
        <source>Casa</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Altro</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Riservato</source>
        <translation>Confidential</translation>
    </message>
    <message>
        <source>Anonimo</source>
        <translation>Anonymous</translation>
    </message>
    <message>
        <source>Servizio riservato</source>
        <translation>Confidential service</translation>
    </message>
    <message>
        <source>Persona riservata</source>
        <translation>Confidential person</translation>
    </message>
    <message>
        <source>Operatore</source>
        <extracomment>A user&apos;s role (the users page, the audit page&apos;s &quot;user added&quot;).</extracomment>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Coordinatore</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>Amministratore</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Sì</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>_FieldWords</name>
    <message>
        <source>nome</source>
        <translation>first name</translation>
    </message>
    <message>
        <source>cognome</source>
        <translation>surname</translation>
    </message>
    <message>
        <source>codice fiscale</source>
        <translation>tax code</translation>
    </message>
    <message>
        <source>data di nascita</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>luogo di nascita</source>
        <translation>place of birth</translation>
    </message>
    <message>
        <source>genere</source>
        <translation>gender</translation>
    </message>
    <message>
        <source>telefono</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>email</source>
        <translation>email</translation>
    </message>
    <message>
        <source>lingue</source>
        <translation>languages</translation>
    </message>
    <message>
        <source>via</source>
        <translation>street</translation>
    </message>
    <message>
        <source>civico</source>
        <translation>house number</translation>
    </message>
    <message>
        <source>scala</source>
        <translation>staircase</translation>
    </message>
    <message>
        <source>piano</source>
        <translation>floor</translation>
    </message>
    <message>
        <source>interno</source>
        <translation>flat</translation>
    </message>
    <message>
        <source>codice unità</source>
        <translation>unit code</translation>
    </message>
    <message>
        <source>quartiere</source>
        <translation>neighbourhood</translation>
    </message>
    <message>
        <source>nucleo</source>
        <translation>household</translation>
    </message>
    <message>
        <source>ruolo nel contratto</source>
        <translation>role in the tenancy</translation>
    </message>
    <message>
        <source>note</source>
        <translation>notes</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <source>Sportello</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>Telefono</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Visita domiciliare</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Evento</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Risolto</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>In carico</source>
        <translation>In hand</translation>
    </message>
    <message>
        <source>Inviato</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Bozza</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Inviata</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Presa in carico</source>
        <translation>Taken in charge</translation>
    </message>
    <message>
        <source>Conclusa</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Rifiutata</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Annullata</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Femmina</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Maschio</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Altro (X)</source>
        <translation>Other (X)</translation>
    </message>
    <message>
        <source>Non dichiarato</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Titolare</source>
        <translation>Tenancy holder</translation>
    </message>
    <message>
        <source>Componente del nucleo</source>
        <translation>Household member</translation>
    </message>
    <message>
        <source>Occupante senza titolo</source>
        <translation>Occupant without title</translation>
    </message>
    <message>
        <source>Non residente</source>
        <translation>Non-resident</translation>
    </message>
</context>
</TS>
