<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="it">
<context>
    <name>AgendaPage</name>
    <message>
        <source>In ritardo</source>
        <extracomment>The order of the follow-up list when every bucket is shown.</extracomment>
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
        <source>Argomento</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Sintesi</source>
        <translation>Summary</translation>
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
        <source>Programma FSE: esiti a sei mesi dall&apos;uscita</source>
        <translation>ESF programme: results six months after leaving</translation>
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
        <source>Partecipanti da ricontattare: %1. La situazione a sei mesi dall&apos;uscita si registra sulla scheda (doppio clic).</source>
        <translation>Participants to contact again: %1. The situation six months after leaving is recorded on the card (double click).</translation>
    </message>
    <message>
        <source>Segna come fatto</source>
        <translation>Mark as done</translation>
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
        <source>Consenso a condividere i dati con: %1</source>
        <translation>Consent to share data with: %1</translation>
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
        <source>&amp;Scadenza</source>
        <translation>&amp;Expiry</translation>
    </message>
    <message>
        <source>Registra</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Annulla</source>
        <translation>Cancel</translation>
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
</context>
<context>
    <name>DateField</name>
    <message>
        <source>gg/mm/aaaa o +7</source>
        <translation>dd/mm/yyyy or +7</translation>
    </message>
    <message>
        <source>Data come gg/mm/aaaa, oppure +7 (giorni), +2s (settimane), oggi, domani. Vuoto: nessuna data.</source>
        <translation>Date as dd/mm/yyyy, or +7 (days), +2s (weeks), oggi (today), domani (tomorrow). Empty: no date.</translation>
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
        <source>Presidio: %1</source>
        <extracomment>Beyond this many changes the bar says &quot;more than&quot;: counting millions takes too long.</extracomment>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>Operatore: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>Sede: non abbinato</source>
        <translation>Hub: not paired</translation>
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
        <source>Dettagli nella scheda Sincronizzazione.</source>
        <translation>Details in the Sync tab.</translation>
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
        <source>Modifiche da sincronizzare: %n</source>
        <translation>
            <numerusform>%n change waiting to sync</numerusform>
            <numerusform>%n changes waiting to sync</numerusform>
        </translation>
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
        <source>Queste persone potrebbero essere la stessa che si sta registrando:</source>
        <translation>These people may be the one you are registering:</translation>
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
        <source>Una persona non può essere unita a se stessa.</source>
        <translation>A person cannot be merged with themselves.</translation>
    </message>
    <message>
        <source>La persona scelta è già stata unita a un&apos;altra.</source>
        <translation>The chosen person has already been merged into another one.</translation>
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
        <source>L&apos;uscita non può precedere l&apos;ingresso (o il rientro) nel programma.</source>
        <translation>The exit cannot come before the entry (or re-entry) into the programme.</translation>
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
        <source>Disco pieno: liberare spazio e riprovare.</source>
        <translation>The disk is full: free some space and try again.</translation>
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
</context>
<context>
    <name>EsfBox</name>
    <message>
        <source>Programma FSE</source>
        <translation>ESF programme</translation>
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
    <name>FirstRunDialog</name>
    <message>
        <source>casa_desk – primo avvio</source>
        <translation>casa_desk – first run</translation>
    </message>
    <message>
        <source>Sede centrale Aler</source>
        <translation>Aler head office</translation>
    </message>
    <message>
        <source>es. mrossi (senza spazi)</source>
        <translation>e.g. mrossi (no spaces)</translation>
    </message>
    <message>
        <source>Benvenuti. Indicare il presidio di questo computer e chi lo usa.</source>
        <translation>Welcome. Choose the office of this computer and who uses it.</translation>
    </message>
    <message>
        <source>Presidio</source>
        <translation>Office</translation>
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
        <source>Inizia</source>
        <translation>Start</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Segnalazioni</source>
        <extracomment>An enrolled desk syncs by itself this often, and shortly after the window opens.</extracomment>
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
        <source>Cerca persona</source>
        <translation>Find person</translation>
    </message>
    <message>
        <source>Uscita rapida</source>
        <translation>Quick exit</translation>
    </message>
    <message>
        <source>La nuova lingua sarà usata al prossimo avvio.</source>
        <translation>The new language will be used at the next start.</translation>
    </message>
    <message>
        <source>Verifica dell&apos;archivio in corso…</source>
        <translation>Checking the store…</translation>
    </message>
    <message>
        <source>Sede centrale</source>
        <translation>Head office</translation>
    </message>
</context>
<context>
    <name>NeutralPage</name>
    <message>
        <source>Informazioni per gli inquilini</source>
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
    <message>
        <source>Tornare al lavoro?</source>
        <translation>Back to work?</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Nota (facoltativa): chi, come, che cosa</source>
        <extracomment>Tables whose change may change what this page shows.</extracomment>
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
    <name>PeopleSearchModel</name>
    <message>
        <source>Cognome</source>
        <extracomment>Fewer characters than this list nobody: one letter matches a fifth of the registry. (generation, text, offset, ranked or None = decide by counting) Emitted when the rows of the latest query are in (the first page, or one more page).</extracomment>
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
        <source>Dati anagrafici</source>
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
        <source>Nessun altro componente registrato.</source>
        <translation>No other member registered.</translation>
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
        <source>, scade il %1</source>
        <translation>, expires on %1</translation>
    </message>
    <message>
        <source>Nessun consenso registrato.</source>
        <translation>No consent recorded.</translation>
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
    <message>
        <source>Selezionare una riga per vederne le note.</source>
        <translation>Select a row to see its notes.</translation>
    </message>
    <message>
        <source>Unire le schede?</source>
        <translation>Merge the cards?</translation>
    </message>
    <message>
        <source>L&apos;altra scheda sarà unita a questa: i suoi contatti e le sue segnalazioni compariranno qui e i dati mancanti saranno completati. Continuare?</source>
        <translation>The other card will be merged into this one: its contacts and referrals will appear here and missing details will be filled in. Continue?</translation>
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
        <source>La data di nascita non è valida: usare gg/mm/aaaa.</source>
        <translation>The birth date is not valid: use dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Correggere i campi segnalati prima di salvare.</source>
        <translation>Correct the marked fields before saving.</translation>
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
        <source>Annulla</source>
        <translation>Cancel</translation>
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
        <translation>Open</translation>
    </message>
    <message>
        <source>Tutte</source>
        <translation>All</translation>
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
        <source>Mostra:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>%1 segnalazioni</source>
        <translation>%1 referrals</translation>
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
        <source>Persone trovate: %n.</source>
        <translation>
            <numerusform>%n person found.</numerusform>
            <numerusform>%n people found.</numerusform>
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
    <name>SyncPage</name>
    <message>
        <source>Sincronizza ora</source>
        <extracomment>Changes per pull page when the window syncs. Each page is one write transaction, and a save in the window waits for the one in progress: 500 changes keep that wait short (benchmarks/bench_sync.py --window-wait) where the command line takes 2,000 at a time. Unsent changes are counted up to here on the GUI thread (a full count of a store that never synced takes half a second).</extracomment>
        <translation>Sync now</translation>
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
        <source>Sincronizzazione in corso…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Dati non allineati con la sede: riprovare.</source>
        <translation>Data out of step with the hub: try again.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>Il codice del luogo di nascita non è valido.</source>
        <translation>The place-of-birth code is not valid.</translation>
    </message>
    <message>
        <source>Il codice fiscale contiene lettere o cifre in posizioni sbagliate.</source>
        <translation>The tax code has letters or digits in the wrong places.</translation>
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
        <source>Il codice fiscale non corrisponde al sesso indicato.</source>
        <translation>The tax code does not match the sex given.</translation>
    </message>
    <message>
        <source>Il codice fiscale non corrisponde alla data di nascita indicata.</source>
        <translation>The tax code does not match the birth date given.</translation>
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
        <source>L&apos;ultimo carattere del codice fiscale non è corretto: ricontrolli il codice.</source>
        <translation>The last character of the tax code is wrong: please check the code.</translation>
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
        <source>Numero di telefono non valido: scriva un cellulare (3…), un fisso (0…) o un numero estero con + o 00.</source>
        <translation>Invalid phone number: write a mobile (3…), a landline (0…) or a foreign number with + or 00.</translation>
    </message>
    <message>
        <source>Per calcolare il codice fiscale serve il sesso (F o M).</source>
        <translation>Computing the tax code needs the sex (F or M).</translation>
    </message>
    <message>
        <source>Ruolo nel nucleo non valido.</source>
        <translation>Invalid household role.</translation>
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
