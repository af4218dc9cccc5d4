<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ConsoleText</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Daily budget</source>
        <translation>Tagesbudget</translation>
    </message>
    <message>
        <source>Monthly budget</source>
        <translation>Monatsbudget</translation>
    </message>
    <message>
        <source>Stage budget: %1</source>
        <translation>Stufenbudget: %1</translation>
    </message>
    <message>
        <source>Model budget: %1</source>
        <translation>Modellbudget: %1</translation>
    </message>
    <message>
        <source>Requests per minute: %1</source>
        <translation>Anfragen pro Minute: %1</translation>
    </message>
    <message>
        <source>Tokens per minute: %1</source>
        <translation>Tokens pro Minute: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Tripped</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Limit: %1</source>
        <translation>Limit: %1</translation>
    </message>
    <message>
        <source>Spent: %1</source>
        <translation>Ausgegeben: %1</translation>
    </message>
    <message>
        <source>In the last minute: %1</source>
        <translation>In der letzten Minute: %1</translation>
    </message>
    <message>
        <source>Reserved by requests in flight: %1</source>
        <translation>Reserviert durch laufende Anfragen: %1</translation>
    </message>
    <message>
        <source>Resets at %1</source>
        <translation>Wird zurückgesetzt am %1</translation>
    </message>
    <message>
        <source>Oldest entry leaves at %1</source>
        <translation>Ältester Eintrag fällt heraus um %1</translation>
    </message>
    <message>
        <source>(no stage)</source>
        <translation>(keine Stufe)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>edit %1 of %2</source>
        <translation>%1 von %2 bearbeiten</translation>
    </message>
    <message>
        <source>delete models (%1)</source>
        <translation>Modelle löschen (%1)</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>stored in the key file</source>
        <translation>in der Schlüsseldatei gespeichert</translation>
    </message>
    <message>
        <source>from the environment variable %1</source>
        <translation>aus der Umgebungsvariable %1</translation>
    </message>
</context>
<context>
    <name>RequestCsv</name>
    <message>
        <source>Cannot open %1 for writing: %2</source>
        <translation>%1 kann nicht zum Schreiben geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RequestDetails</name>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Tokens and cost</source>
        <translation>Tokens und Kosten</translation>
    </message>
    <message>
        <source>Timings</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Decision trace</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>Request id</source>
        <translation>Anfrage-ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>classifier call made while routing</source>
        <translation>Klassifikator-Aufruf während des Routings</translation>
    </message>
    <message>
        <source>estimated (no usage report arrived)</source>
        <translation>geschätzt (kein Verbrauchsbericht erhalten)</translation>
    </message>
    <message>
        <source>reported by the provider</source>
        <translation>vom Anbieter gemeldet</translation>
    </message>
    <message>
        <source>Input, estimated before the call</source>
        <translation>Eingabe, vor dem Aufruf geschätzt</translation>
    </message>
    <message>
        <source>Input, billed</source>
        <translation>Eingabe, berechnet</translation>
    </message>
    <message>
        <source>Cached input</source>
        <translation>Eingabe aus dem Cache</translation>
    </message>
    <message>
        <source>Cache writes</source>
        <translation>Cache-Schreibvorgänge</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Reasoning, part of output</source>
        <translation>Reasoning, Teil der Ausgabe</translation>
    </message>
    <message>
        <source>Billed counts</source>
        <translation>Berechnete Zählung</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not streamed, or no token arrived</source>
        <translation>nicht gestreamt, oder kein Token angekommen</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Streamed</source>
        <translation>Gestreamt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>attempt %1 on &apos;%2&apos;: %3</source>
        <translation>Versuch %1 mit „%2“: %3</translation>
    </message>
    <message>
        <source>no upstream call was made</source>
        <translation>es wurde kein Upstream-Aufruf gemacht</translation>
    </message>
</context>
<context>
    <name>signalbox::CatalogImportDialog</name>
    <message>
        <source>Import from a price catalog</source>
        <translation>Aus einem Preiskatalog importieren</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>Reading the catalog</source>
        <translation>Katalog wird gelesen</translation>
    </message>
    <message>
        <source>Filter by name, e.g. gpt-4o or claude</source>
        <translation>Nach Namen filtern, z. B. gpt-4o oder claude</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Catalog &amp;provider:</source>
        <translation>Katalog-&amp;Anbieter:</translation>
    </message>
    <message>
        <source>Models whose catalog provider matches no configured provider are added to this one</source>
        <translation>Modelle, deren Katalog-Anbieter zu keinem eingerichteten Anbieter passt, werden diesem hinzugefügt</translation>
    </message>
    <message>
        <source>Add unmatched models &amp;to:</source>
        <translation>Nicht zugeordnete Modelle hinzufügen &amp;zu:</translation>
    </message>
    <message>
        <source>Catalog model</source>
        <translation>Katalogmodell</translation>
    </message>
    <message>
        <source>Catalog provider</source>
        <translation>Katalog-Anbieter</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Import does</source>
        <translation>Import bewirkt</translation>
    </message>
    <message>
        <source>Catalog models</source>
        <translation>Katalogmodelle</translation>
    </message>
    <message>
        <source>Check shown</source>
        <translation>Angezeigte auswählen</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>Alle abwählen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The catalog could not be read: %1</source>
        <translation>Der Katalog konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>add %1 at %2</source>
        <translation>%1 bei %2 hinzufügen</translation>
    </message>
    <message>
        <source>update prices of %1</source>
        <translation>Preise von %1 aktualisieren</translation>
    </message>
    <message>
        <source>prices already match</source>
        <translation>Preise stimmen bereits überein</translation>
    </message>
    <message>
        <source>%1 chat models in the catalog, %2 shown. Checked: %3 to add, %4 to update.</source>
        <translation>%1 Chatmodelle im Katalog, %2 angezeigt. Ausgewählt: %3 zum Hinzufügen, %4 zum Aktualisieren.</translation>
    </message>
</context>
<context>
    <name>signalbox::ChatStream</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
</context>
<context>
    <name>signalbox::CheckListEditor</name>
    <message>
        <source>Add a name and press Enter</source>
        <translation>Namen eingeben und Eingabetaste drücken</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
</context>
<context>
    <name>signalbox::ConfigEditorPage</name>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Drop the edits on this page and show the config in force</source>
        <translation>Die Änderungen auf dieser Seite verwerfen und die gültige Konfiguration zeigen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Save the edits and apply them to the running router</source>
        <translation>Die Änderungen speichern und auf den laufenden Router anwenden</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Wird angewendet …</translation>
    </message>
    <message>
        <source>Edits dropped</source>
        <translation>Änderungen verworfen</translation>
    </message>
    <message>
        <source>The config changed elsewhere; Apply keeps those changes and adds yours</source>
        <translation>Die Konfiguration wurde anderswo geändert; Anwenden behält diese Änderungen und fügt Ihre hinzu</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>Not applied</source>
        <translation>Nicht angewendet</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>und %1 weitere</translation>
    </message>
    <message>
        <source>Problems: %1. Marked fields show the reason on hover.</source>
        <translation>Probleme: %1. Markierte Felder zeigen den Grund beim Darüberfahren.</translation>
    </message>
</context>
<context>
    <name>signalbox::DashboardPage</name>
    <message>
        <source>Gates</source>
        <translation>Schranken</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet …</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the base URL for OpenAI-compatible clients</source>
        <translation>Die Basis-URL für OpenAI-kompatible Clients kopieren</translation>
    </message>
    <message>
        <source>Copy the endpoint address</source>
        <translation>Endpunktadresse kopieren</translation>
    </message>
    <message>
        <source>Endpoint (base URL)</source>
        <translation>Endpunkt (Basis-URL)</translation>
    </message>
    <message>
        <source>Spend today</source>
        <translation>Ausgaben heute</translation>
    </message>
    <message>
        <source>Requests today</source>
        <translation>Anfragen heute</translation>
    </message>
    <message>
        <source>Cumulative spend today</source>
        <translation>Kumulierte Ausgaben heute</translation>
    </message>
    <message>
        <source>Requests per minute, last hour</source>
        <translation>Anfragen pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Spend by model</source>
        <translation>Ausgaben nach Modell</translation>
    </message>
    <message>
        <source>Spend by stage</source>
        <translation>Ausgaben nach Stufe</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out</source>
        <translation>%1 Tokens rein, %2 raus</translation>
    </message>
    <message>
        <source>no daily budget set</source>
        <translation>kein Tagesbudget festgelegt</translation>
    </message>
    <message>
        <source>of %1 daily budget (%2)</source>
        <translation>von %1 Tagesbudget (%2)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
</context>
<context>
    <name>signalbox::GateLamp</name>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %2 von %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>signalbox::GateLampsView</name>
    <message>
        <source>No gates are configured: add a budget or rate limit to the config&apos;s gates section.</source>
        <translation>Keine Schranken konfiguriert: Legen Sie im Abschnitt „gates“ der Konfiguration ein Budget oder Ratenlimit fest.</translation>
    </message>
</context>
<context>
    <name>signalbox::GateStoreView</name>
    <message>
        <source>Gate store</source>
        <translation>Schrankenspeicher</translation>
    </message>
    <message>
        <source>Gate store status</source>
        <translation>Status des Schrankenspeichers</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <source>Health:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>When unreachable:</source>
        <translation>Wenn nicht erreichbar:</translation>
    </message>
    <message>
        <source>Instances reporting:</source>
        <translation>Meldende Instanzen:</translation>
    </message>
    <message>
        <source>Pending settlements:</source>
        <translation>Ausstehende Abrechnungen:</translation>
    </message>
    <message>
        <source>The store is chosen in gates.store of the config file and changes when Signalbox restarts.</source>
        <translation>Der Speicher wird in gates.store der Konfigurationsdatei gewählt und wechselt beim Neustart von Signalbox.</translation>
    </message>
    <message>
        <source>Waiting for the router…</source>
        <translation>Warten auf den Router …</translation>
    </message>
    <message>
        <source>Redis at %1, shared by every instance with the same prefix</source>
        <translation>Redis unter %1, geteilt von allen Instanzen mit demselben Präfix</translation>
    </message>
    <message>
        <source>In memory, this process only</source>
        <translation>Im Arbeitsspeicher, nur dieser Prozess</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <source>Unreachable: %1</source>
        <translation>Nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Requests pass, held to this instance&apos;s own counters (open)</source>
        <translation>Anfragen werden durchgelassen, begrenzt durch die eigenen Zähler dieser Instanz (open)</translation>
    </message>
    <message>
        <source>Requests are rejected with 503 (closed)</source>
        <translation>Anfragen werden mit 503 abgelehnt (closed)</translation>
    </message>
</context>
<context>
    <name>signalbox::GatesPage</name>
    <message>
        <source>Gates</source>
        <translation>Schranken</translation>
    </message>
    <message>
        <source>Budgets and rate limits every request is held to. A request whose worst-case cost does not fit a budget moves to a cheaper fallback or is rejected with 402; one over a rate limit gets 429.</source>
        <translation>Budgets und Ratenlimits, an die jede Anfrage gebunden ist. Eine Anfrage, deren Kosten im ungünstigsten Fall nicht in ein Budget passen, geht an ein günstigeres Ersatzmodell oder wird mit 402 abgelehnt; eine über einem Ratenlimit erhält 429.</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <source>no daily budget</source>
        <translation>kein Tagesbudget</translation>
    </message>
    <message>
        <source>Daily budget in USD</source>
        <translation>Tagesbudget in USD</translation>
    </message>
    <message>
        <source>&amp;Daily budget:</source>
        <translation>&amp;Tagesbudget:</translation>
    </message>
    <message>
        <source>no monthly budget</source>
        <translation>kein Monatsbudget</translation>
    </message>
    <message>
        <source>Monthly budget in USD</source>
        <translation>Monatsbudget in USD</translation>
    </message>
    <message>
        <source>&amp;Monthly budget:</source>
        <translation>&amp;Monatsbudget:</translation>
    </message>
    <message>
        <source>The day and month of the budgets follow this time zone</source>
        <translation>Tag und Monat der Budgets folgen dieser Zeitzone</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>The hour at which the day starts; the month starts at this hour on the 1st</source>
        <translation>Die Stunde, zu der der Tag beginnt; der Monat beginnt zu dieser Stunde am 1.</translation>
    </message>
    <message>
        <source>&amp;Reset hour:</source>
        <translation>&amp;Rücksetzstunde:</translation>
    </message>
    <message>
        <source>e.g. 50, 80, 95</source>
        <translation>z. B. 50, 80, 95</translation>
    </message>
    <message>
        <source>Percentages of each budget at which a warning is shown once per period, separated by commas</source>
        <translation>Prozentsätze jedes Budgets, bei denen einmal pro Zeitraum eine Warnung erscheint, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>&amp;Warn at (%):</source>
        <translation>&amp;Warnen bei (%):</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Tokens</translation>
    </message>
    <message>
        <source>Output reserved for a request that sets no max_tokens, capped by the model&apos;s maximum output</source>
        <translation>Ausgabe, die für eine Anfrage ohne max_tokens reserviert wird, begrenzt durch die maximale Ausgabe des Modells</translation>
    </message>
    <message>
        <source>Reserve &amp;output:</source>
        <translation>&amp;Ausgabe reservieren:</translation>
    </message>
    <message>
        <source>Daily budgets per stage are set on the Stages page.</source>
        <translation>Tagesbudgets pro Stufe werden auf der Seite Stufen festgelegt.</translation>
    </message>
    <message>
        <source>Rate limits per minute</source>
        <translation>Ratenlimits pro Minute</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>Scope: global, provider:ID, model:ID or stage:NAME. 0 means no limit.</source>
        <translation>Geltungsbereich: global, provider:ID, model:ID oder stage:NAME. 0 bedeutet kein Limit.</translation>
    </message>
    <message>
        <source>Daily budgets per model</source>
        <translation>Tagesbudgets pro Modell</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>USD per day</source>
        <translation>USD pro Tag</translation>
    </message>
    <message>
        <source>Model budgets</source>
        <translation>Modellbudgets</translation>
    </message>
    <message>
        <source>not a list of numbers; write percentages such as 50, 80, 95</source>
        <translation>keine Liste von Zahlen; Prozentsätze wie 50, 80, 95 angeben</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis-Passwort</translation>
    </message>
    <message>
        <source>Paste the Redis password</source>
        <translation>Redis-Passwort einfügen</translation>
    </message>
    <message>
        <source>Kept in the keychain, never in the config file. The router uses it at once; SIGNALBOX_REDIS_PASSWORD, when set, takes precedence.</source>
        <translation>Wird im Schlüsselbund aufbewahrt, nie in der Konfigurationsdatei. Der Router verwendet es sofort; SIGNALBOX_REDIS_PASSWORD hat Vorrang, wenn gesetzt.</translation>
    </message>
</context>
<context>
    <name>signalbox::KeyManager</name>
    <message>
        <source>The key is empty; paste the provider&apos;s key.</source>
        <translation>Der Schlüssel ist leer; fügen Sie den Schlüssel des Anbieters ein.</translation>
    </message>
    <message>
        <source>No keychain is available, so the key was not stored. Turn on the key file to store it in the data folder instead.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher wurde der Schlüssel nicht gespeichert. Schalten Sie die Schlüsseldatei ein, um ihn stattdessen im Datenordner zu speichern.</translation>
    </message>
    <message>
        <source>Storing the key in %1 failed: %2</source>
        <translation>Speichern des Schlüssels in %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The key is stored in %1.</source>
        <translation>Der Schlüssel ist in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Removing the key failed: %1</source>
        <translation>Entfernen des Schlüssels fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The stored key was removed.</source>
        <translation>Der gespeicherte Schlüssel wurde entfernt.</translation>
    </message>
    <message>
        <source>The value is empty; paste the password or token.</source>
        <translation>Der Wert ist leer; fügen Sie das Passwort oder Token ein.</translation>
    </message>
</context>
<context>
    <name>signalbox::MainWindow</name>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Routing paused: the endpoint answers 503</source>
        <translation>Routing pausiert: Der Endpunkt antwortet mit 503</translation>
    </message>
    <message>
        <source>Routing resumed</source>
        <translation>Routing fortgesetzt</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Testumgebung</translation>
    </message>
    <message>
        <source>Starting the router…</source>
        <translation>Router wird gestartet …</translation>
    </message>
    <message>
        <source>Click to copy the base URL</source>
        <translation>Klicken, um die Basis-URL zu kopieren</translation>
    </message>
    <message>
        <source>Endpoint address; click to copy</source>
        <translation>Endpunktadresse; zum Kopieren klicken</translation>
    </message>
    <message>
        <source>Spend today</source>
        <translation>Ausgaben heute</translation>
    </message>
    <message>
        <source>&amp;Pause routing</source>
        <translation>Routing &amp;pausieren</translation>
    </message>
    <message>
        <source>While paused, the endpoint answers 503 to every model request</source>
        <translation>Während der Pause beantwortet der Endpunkt jede Modellanfrage mit 503</translation>
    </message>
    <message>
        <source>Pause routing</source>
        <translation>Routing pausieren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export requests as CSV…</source>
        <translation>Anfragen als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Routing</source>
        <translation>&amp;Routing</translation>
    </message>
    <message>
        <source>&amp;Copy endpoint address</source>
        <translation>Endpunktadresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Find requests</source>
        <translation>Anfragen &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes when Signalbox starts again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Signalbox.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Routing live (demo: simulated upstream and traffic)</source>
        <translation>Routing aktiv (Demo: simulierter Upstream und Verkehr)</translation>
    </message>
    <message>
        <source>Routing live</source>
        <translation>Routing aktiv</translation>
    </message>
    <message>
        <source>Router listening on %1</source>
        <translation>Router lauscht auf %1</translation>
    </message>
    <message>
        <source>Today %1 of %2</source>
        <translation>Heute %1 von %2</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Heute %1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Routing is paused: the endpoint answers 503. Click to resume.</source>
        <translation>Routing ist pausiert: Der Endpunkt antwortet mit 503. Zum Fortsetzen klicken.</translation>
    </message>
    <message>
        <source>Routing is live. Click to pause it.</source>
        <translation>Routing ist aktiv. Zum Pausieren klicken.</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>The router could not start: %1</source>
        <translation>Der Router konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>Schranken</translation>
    </message>
    <message>
        <source>Providers and keys</source>
        <translation>Anbieter und Schlüssel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelItemDelegate</name>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Price in USD per million tokens</source>
        <translation>Preis in USD pro Million Tokens</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Reasoning tokens per output token</source>
        <translation>Reasoning-Tokens pro Ausgabe-Token</translation>
    </message>
    <message>
        <source>Hidden reasoning tokens per visible output token, 0 to 100</source>
        <translation>Verborgene Reasoning-Tokens pro sichtbarem Ausgabe-Token, 0 bis 100</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelTableModel</name>
    <message>
        <source>add model %1</source>
        <translation>Modell %1 hinzufügen</translation>
    </message>
    <message>
        <source>duplicate model %1</source>
        <translation>Modell %1 duplizieren</translation>
    </message>
    <message>
        <source>import from a price catalog (%1 models)</source>
        <translation>aus einem Preiskatalog importieren (%1 Modelle)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>USD per million tokens</source>
        <translation>USD pro Million Tokens</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>0 to 100, higher is better; automatic routing weighs it against price</source>
        <translation>0 bis 100, höher ist besser; das automatische Routing wägt sie gegen den Preis ab</translation>
    </message>
    <message>
        <source>Model id</source>
        <translation>Modell-ID</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Upstream id</source>
        <translation>Upstream-ID</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache lesen</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache schreiben</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Max output</source>
        <translation>Max. Ausgabe</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Stärken</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Hidden reasoning tokens the model spends per visible output token, 0 to 100.
They are billed as output; automatic routing and budget reservations count them.
0 means the model does not reason unless a request asks it to.</source>
        <translation>Verborgene Reasoning-Tokens, die das Modell pro sichtbarem Ausgabe-Token verbraucht, 0 bis 100.
Sie werden als Ausgabe abgerechnet; das automatische Routing und die Budgetreservierungen rechnen sie mit ein.
0 bedeutet, dass das Modell nur nachdenkt, wenn eine Anfrage es verlangt.</translation>
    </message>
    <message>
        <source>Reasoning ×</source>
        <translation>Reasoning ×</translation>
    </message>
</context>
<context>
    <name>signalbox::ModelsPage</name>
    <message>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <source>Every model the router can call, with its prices in USD per million tokens. Double-click a cell to edit it; changes apply when you press Apply.</source>
        <translation>Alle Modelle, die der Router aufrufen kann, mit ihren Preisen in USD pro Million Tokens. Doppelklicken Sie auf eine Zelle, um sie zu bearbeiten; Änderungen gelten, sobald Sie Anwenden drücken.</translation>
    </message>
    <message>
        <source>Model registry</source>
        <translation>Modellverzeichnis</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>Ein Modell hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Add a copy of the selected model</source>
        <translation>Eine Kopie des ausgewählten Modells hinzufügen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the selected models</source>
        <translation>Die ausgewählten Modelle löschen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation>Preise importieren …</translation>
    </message>
    <message>
        <source>Add models or update prices from a LiteLLM price catalog (model_prices_and_context_window.json)</source>
        <translation>Modelle hinzufügen oder Preise aus einem LiteLLM-Preiskatalog aktualisieren (model_prices_and_context_window.json)</translation>
    </message>
    <message>
        <source>Import a LiteLLM price catalog</source>
        <translation>Einen LiteLLM-Preiskatalog importieren</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated</source>
        <translation>Importiert: %1 hinzugefügt, %2 aktualisiert</translation>
    </message>
</context>
<context>
    <name>signalbox::PlaygroundPage</name>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Automatic (auto)</source>
        <translation>Automatisch (auto)</translation>
    </message>
    <message>
        <source>&amp;Route:</source>
        <translation>&amp;Route:</translation>
    </message>
    <message>
        <source>Maximum output tokens</source>
        <translation>Maximale Ausgabe-Tokens</translation>
    </message>
    <message>
        <source>&amp;Max output tokens:</source>
        <translation>&amp;Max. Ausgabe-Tokens:</translation>
    </message>
    <message>
        <source>&amp;Prompt:</source>
        <translation>&amp;Prompt:</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Type a prompt to see where the router sends it.</source>
        <translation>Geben Sie einen Prompt ein, um zu sehen, wohin der Router ihn schickt.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the prompt to the local endpoint; this calls the provider and is billed (Ctrl+Return)</source>
        <translation>Den Prompt an den lokalen Endpunkt senden; das ruft den Anbieter auf und wird berechnet (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>Routing decision (dry run)</source>
        <translation>Routing-Entscheidung (Probelauf)</translation>
    </message>
    <message>
        <source>Routing decision</source>
        <translation>Routing-Entscheidung</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Noch nichts gesendet.</translation>
    </message>
    <message>
        <source>Stage: %1</source>
        <translation>Stufe: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>unknown (the model is not in the registry)</source>
        <translation>unbekannt (das Modell ist nicht im Verzeichnis)</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Candidates, in order</source>
        <translation>Kandidaten, in Reihenfolge</translation>
    </message>
    <message>
        <source>Estimated input tokens</source>
        <translation>Geschätzte Eingabe-Tokens</translation>
    </message>
    <message>
        <source>Worst-case cost</source>
        <translation>Kosten im ungünstigsten Fall</translation>
    </message>
    <message>
        <source>Rejected with HTTP %1 (%2)</source>
        <translation>Abgelehnt mit HTTP %1 (%2)</translation>
    </message>
    <message>
        <source>Decision trace</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>Warte auf die Antwort …</translation>
    </message>
    <message>
        <source>Stopped; the request was cancelled.</source>
        <translation>Gestoppt; die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Answering: %1 (route: %2)</source>
        <translation>Antwortet: %1 (Route: %2)</translation>
    </message>
    <message>
        <source>Answered by %1 (route: %2)</source>
        <translation>Beantwortet von %1 (Route: %2)</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 tokens in, %2 out; cost %3; latency %4 ms</source>
        <translation>%1 Tokens rein, %2 raus; Kosten %3; Latenz %4 ms</translation>
    </message>
</context>
<context>
    <name>signalbox::ProvidersPage</name>
    <message>
        <source>Providers and keys</source>
        <translation>Anbieter und Schlüssel</translation>
    </message>
    <message>
        <source>Where each provider is reached and how it is called. Provider edits apply with Apply. Keys are saved at once, to the OS keychain, and never to the config file.</source>
        <translation>Wie jeder Anbieter erreicht und aufgerufen wird. Änderungen an Anbietern gelten mit Anwenden. Schlüssel werden sofort im Schlüsselbund des Betriebssystems gespeichert, niemals in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation>Anbieter-ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Needs key</source>
        <translation>Braucht Schlüssel</translation>
    </message>
    <message>
        <source>Key variable</source>
        <translation>Schlüsselvariable</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Paste a new key</source>
        <translation>Neuen Schlüssel einfügen</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Remove the stored key; keys in environment variables stay</source>
        <translation>Den gespeicherten Schlüssel entfernen; Schlüssel in Umgebungsvariablen bleiben</translation>
    </message>
    <message>
        <source>Store keys in an unencrypted file when no keychain is available</source>
        <translation>Schlüssel in einer unverschlüsselten Datei speichern, wenn kein Schlüsselbund verfügbar ist</translation>
    </message>
    <message>
        <source>The file is readable only by your user account, but the keys in it are not encrypted: anyone with access to your account or to its backups can read them. Turning this off deletes the file.</source>
        <translation>Die Datei ist nur für Ihr Benutzerkonto lesbar, aber die Schlüssel darin sind nicht verschlüsselt: Wer Zugriff auf Ihr Konto oder dessen Sicherungen hat, kann sie lesen. Beim Ausschalten wird die Datei gelöscht.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>List the provider&apos;s models with GET {base_url}/models and the provider&apos;s key</source>
        <translation>Die Modelle des Anbieters mit GET {base_url}/models und dem Schlüssel des Anbieters auflisten</translation>
    </message>
    <message>
        <source>Lists the models the provider offers with your key.</source>
        <translation>Listet die Modelle auf, die der Anbieter mit Ihrem Schlüssel anbietet.</translation>
    </message>
    <message>
        <source>Models the provider lists</source>
        <translation>Vom Anbieter aufgelistete Modelle</translation>
    </message>
    <message>
        <source>Custom provider</source>
        <translation>Eigener Anbieter</translation>
    </message>
    <message>
        <source>Key of %1</source>
        <translation>Schlüssel von %1</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft …</translation>
    </message>
    <message>
        <source>Keys are stored in the OS keychain under the service &quot;signalbox&quot;.</source>
        <translation>Schlüssel werden im Schlüsselbund des Betriebssystems unter dem Dienst „signalbox“ gespeichert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain service is available&lt;/b&gt; (%1). Keys cannot be stored securely here: set them in environment variables, or turn on the key file below.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund-Dienst verfügbar&lt;/b&gt; (%1). Schlüssel können hier nicht sicher gespeichert werden: Setzen Sie sie in Umgebungsvariablen oder schalten Sie unten die Schlüsseldatei ein.</translation>
    </message>
    <message>
        <source>Keys go to %1</source>
        <translation>Schlüssel kommen nach %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;No key.&lt;/b&gt; Requests to this provider fail until you save one here or set %1.</source>
        <translation>&lt;b&gt;Kein Schlüssel.&lt;/b&gt; Anfragen an diesen Anbieter schlagen fehl, bis Sie hier einen speichern oder %1 setzen.</translation>
    </message>
    <message>
        <source>This provider needs no key.</source>
        <translation>Dieser Anbieter braucht keinen Schlüssel.</translation>
    </message>
    <message>
        <source>Key %1: &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>Schlüssel %1: &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt …</translation>
    </message>
    <message>
        <source>Connected. Models listed: %1</source>
        <translation>Verbunden. Aufgelistete Modelle: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Failed:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Fehlgeschlagen:&lt;/b&gt; %1</translation>
    </message>
</context>
<context>
    <name>signalbox::QualityEditor</name>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
</context>
<context>
    <name>signalbox::RateChart</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <source>Requests per minute over the last hour</source>
        <translation>Anfragen pro Minute in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>signalbox::RequestTableModel</name>
    <message>
        <source>%1 → %2%3</source>
        <translation>%1 → %2%3</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation> (geschätzt)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tokens in → out</source>
        <translation>Tokens rein → raus</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>signalbox::RequestsPage</name>
    <message>
        <source>Request details</source>
        <translation>Anfragedetails</translation>
    </message>
    <message>
        <source>Select a request to see its decision trace, attempts, tokens, cost and timings.</source>
        <translation>Wählen Sie eine Anfrage, um Entscheidungsprotokoll, Versuche, Tokens, Kosten und Zeiten zu sehen.</translation>
    </message>
    <message>
        <source>Search id, model, stage, error, trace… (Ctrl+F)</source>
        <translation>ID, Modell, Stufe, Fehler, Protokoll durchsuchen … (Strg+F)</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>Anfragen durchsuchen</translation>
    </message>
    <message>
        <source>Filter by stage</source>
        <translation>Nach Stufe filtern</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>(no stage)</source>
        <translation>(keine Stufe)</translation>
    </message>
    <message>
        <source>Filter by model</source>
        <translation>Nach Modell filtern</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Status filtern</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>client cancelled</source>
        <translation>vom Client abgebrochen</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Save the requests shown as a CSV file</source>
        <translation>Die angezeigten Anfragen als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Export requests as CSV</source>
        <translation>Anfragen als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>%n Anfrage nach %1 exportiert</numerusform>
            <numerusform>%n Anfragen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>signalbox::RouterService</name>
    <message>
        <source>the router is not running</source>
        <translation>der Router läuft nicht</translation>
    </message>
</context>
<context>
    <name>signalbox::RouterWorker</name>
    <message>
        <source>%1 was already past %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 lag bereits über %2 % seines Limits: $%3 von $%4 ausgegeben</translation>
    </message>
    <message>
        <source>%1 reached %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 hat %2 % seines Limits erreicht: $%3 von $%4 ausgegeben</translation>
    </message>
    <message>
        <source>Config reloaded from %1</source>
        <translation>Konfiguration aus %1 neu geladen</translation>
    </message>
    <message>
        <source>invalid gates: %1</source>
        <translation>ungültige Schranken: %1</translation>
    </message>
    <message>
        <source>Config file %1 was not applied, the previous config stays in force: %2</source>
        <translation>Die Konfigurationsdatei %1 wurde nicht angewendet, die vorherige Konfiguration bleibt in Kraft: %2</translation>
    </message>
    <message>
        <source>gates.store changed in %1; restart Signalbox to use the new gate store</source>
        <translation>gates.store wurde in %1 geändert; starten Sie Signalbox neu, um den neuen Schrankenspeicher zu verwenden</translation>
    </message>
    <message>
        <source>in memory (demo)</source>
        <translation>im Arbeitsspeicher (Demo)</translation>
    </message>
    <message>
        <source>Config applied and saved %1</source>
        <translation>Konfiguration angewendet und gespeichert: %1</translation>
    </message>
    <message>
        <source>the router is not running</source>
        <translation>der Router läuft nicht</translation>
    </message>
</context>
<context>
    <name>signalbox::SecretField</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the stored value; a value in the environment variable stays</source>
        <translation>Den gespeicherten Wert entfernen; ein Wert in der Umgebungsvariable bleibt</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Wird entfernt …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not set.&lt;/b&gt; Save it here or set %1.</source>
        <translation>&lt;b&gt;Nicht gesetzt.&lt;/b&gt; Speichern Sie den Wert hier oder setzen Sie %1.</translation>
    </message>
    <message>
        <source>Stored in the keychain: %1</source>
        <translation>Im Schlüsselbund gespeichert: %1</translation>
    </message>
    <message>
        <source>Stored in the key file: %1</source>
        <translation>In der Schlüsseldatei gespeichert: %1</translation>
    </message>
    <message>
        <source>From the environment variable %1: %2. It takes precedence over the stored value.</source>
        <translation>Aus der Umgebungsvariable %1: %2. Sie hat Vorrang vor dem gespeicherten Wert.</translation>
    </message>
    <message>
        <source>From the environment variable %1: %2.</source>
        <translation>Aus der Umgebungsvariable %1: %2.</translation>
    </message>
</context>
<context>
    <name>signalbox::SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>The console&apos;s language and the address the endpoint listens on.</source>
        <translation>Die Sprache der Konsole und die Adresse, auf der der Endpunkt lauscht.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Console language</source>
        <translation>Sprache der Konsole</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Console &amp;language:</source>
        <translation>&amp;Sprache der Konsole:</translation>
    </message>
    <message>
        <source>The language changes when Signalbox starts again. The --language option overrides this choice.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Signalbox. Die Option --language hat Vorrang vor dieser Wahl.</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>Base URL now:</source>
        <translation>Basis-URL jetzt:</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>Lauschadresse</translation>
    </message>
    <message>
        <source>HOST:PORT with an IP address; port 0 picks a free port</source>
        <translation>HOST:PORT mit einer IP-Adresse; Port 0 wählt einen freien Port</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>Lausch&amp;adresse:</translation>
    </message>
    <message>
        <source>Language saved; it changes when Signalbox starts again.</source>
        <translation>Sprache gespeichert; sie wechselt beim nächsten Start von Signalbox.</translation>
    </message>
    <message>
        <source>The router listens on a new address when Signalbox starts again.</source>
        <translation>Der Router lauscht erst nach dem nächsten Start von Signalbox auf einer neuen Adresse.</translation>
    </message>
    <message>
        <source>This run was started with --listen %1, which overrides this address.</source>
        <translation>Dieser Lauf wurde mit --listen %1 gestartet, das diese Adresse übersteuert.</translation>
    </message>
    <message>
        <source>This address is reachable from other machines, which could then spend your budget.</source>
        <translation>Diese Adresse ist von anderen Rechnern erreichbar, die dann Ihr Budget ausgeben könnten.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Zugriffstoken</translation>
    </message>
    <message>
        <source>Paste the access token clients must send</source>
        <translation>Zugriffstoken einfügen, das Clients senden müssen</translation>
    </message>
    <message>
        <source>The endpoint requires no token now. It requires this one once server.access_token_ref is set in the config.</source>
        <translation>Der Endpunkt verlangt derzeit kein Token. Er verlangt dieses, sobald server.access_token_ref in der Konfiguration gesetzt ist.</translation>
    </message>
    <message>
        <source>server.access_token_ref is set: every request except GET /health must send this token as &quot;Authorization: Bearer TOKEN&quot;. SIGNALBOX_ACCESS_TOKEN, when set, takes precedence.</source>
        <translation>server.access_token_ref ist gesetzt: Jede Anfrage außer GET /health muss dieses Token als „Authorization: Bearer TOKEN“ senden. SIGNALBOX_ACCESS_TOKEN hat Vorrang, wenn gesetzt.</translation>
    </message>
</context>
<context>
    <name>signalbox::SpendBreakdown</name>
    <message>
        <source>Spend by model</source>
        <translation>Ausgaben nach Modell</translation>
    </message>
    <message>
        <source>Spend by stage</source>
        <translation>Ausgaben nach Stufe</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(andere)</translation>
    </message>
    <message>
        <source>(no model)</source>
        <translation>(kein Modell)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n request(s)</source>
        <translation>
            <numerusform>%1 · %n Anfrage</numerusform>
            <numerusform>%1 · %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>No spend yet today</source>
        <translation>Heute noch keine Ausgaben</translation>
    </message>
</context>
<context>
    <name>signalbox::SpendChart</name>
    <message>
        <source>Spend today</source>
        <translation>Ausgaben heute</translation>
    </message>
    <message>
        <source>Cumulative spend today against the daily budget</source>
        <translation>Kumulierte Ausgaben heute im Vergleich zum Tagesbudget</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Spend (USD)</source>
        <translation>Ausgaben (USD)</translation>
    </message>
    <message>
        <source>Daily budget %1</source>
        <translation>Tagesbudget %1</translation>
    </message>
    <message>
        <source>Warnings at %1</source>
        <translation>Warnungen bei %1</translation>
    </message>
</context>
<context>
    <name>signalbox::StagesPage</name>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Pipeline stages pick their model by name: send &quot;stage:NAME&quot; as the model, or the X-Signalbox-Stage header. Fallbacks are tried in order, top first; drag them to reorder.</source>
        <translation>Pipeline-Stufen wählen ihr Modell über den Namen: Senden Sie „stage:NAME“ als Modell oder den Header X-Signalbox-Stage. Ersatzmodelle werden der Reihe nach versucht, von oben; ziehen Sie sie, um sie umzuordnen.</translation>
    </message>
    <message>
        <source>New stage name</source>
        <translation>Name der neuen Stufe</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected stage and its budget</source>
        <translation>Die ausgewählte Stufe und ihr Budget entfernen</translation>
    </message>
    <message>
        <source>&quot;auto&quot; lets the router pick among the allowed models</source>
        <translation>„auto“ lässt den Router unter den erlaubten Modellen wählen</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Fallbacks:</source>
        <translation>&amp;Ersatzmodelle:</translation>
    </message>
    <message>
        <source>Allowed models</source>
        <translation>Erlaubte Modelle</translation>
    </message>
    <message>
        <source>With no model checked, the stage may use every model</source>
        <translation>Ist kein Modell ausgewählt, darf die Stufe jedes Modell verwenden</translation>
    </message>
    <message>
        <source>&amp;Allowed models:</source>
        <translation>E&amp;rlaubte Modelle:</translation>
    </message>
    <message>
        <source>no stage budget</source>
        <translation>kein Stufenbudget</translation>
    </message>
    <message>
        <source>Daily budget of the stage in USD</source>
        <translation>Tagesbudget der Stufe in USD</translation>
    </message>
    <message>
        <source>Daily &amp;budget:</source>
        <translation>Tages&amp;budget:</translation>
    </message>
    <message>
        <source>&amp;Override:</source>
        <translation>&amp;Übersteuerung:</translation>
    </message>
    <message>
        <source>Fallbacks in order</source>
        <translation>Ersatzmodelle der Reihe nach</translation>
    </message>
    <message>
        <source>Model to add as a fallback</source>
        <translation>Modell, das als Ersatz hinzugefügt wird</translation>
    </message>
    <message>
        <source>Add fallback</source>
        <translation>Ersatzmodell hinzufügen</translation>
    </message>
    <message>
        <source>Pin to</source>
        <translation>Festlegen auf</translation>
    </message>
    <message>
        <source>Route this stage to one model until the given time, then return to its own model</source>
        <translation>Diese Stufe bis zum angegebenen Zeitpunkt an ein Modell leiten, danach zu ihrem eigenen Modell zurückkehren</translation>
    </message>
    <message>
        <source>Model the stage is pinned to</source>
        <translation>Modell, auf das die Stufe festgelegt ist</translation>
    </message>
    <message>
        <source>Pinned until, local time</source>
        <translation>Festgelegt bis, Ortszeit</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Routing preview</source>
        <translation>Routing-Vorschau</translation>
    </message>
    <message>
        <source>A sample prompt for the selected stage</source>
        <translation>Ein Beispiel-Prompt für die ausgewählte Stufe</translation>
    </message>
    <message>
        <source>Refactor the settings dialog so that it remembers its size.</source>
        <translation>Überarbeite den Einstellungsdialog so, dass er sich seine Größe merkt.</translation>
    </message>
    <message>
        <source>Sample prompt</source>
        <translation>Beispiel-Prompt</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Show which model the router would pick, with the edits on this page</source>
        <translation>Zeigen, welches Modell der Router mit den Änderungen auf dieser Seite wählen würde</translation>
    </message>
    <message>
        <source>Stage &quot;%1&quot;</source>
        <translation>Stufe „%1“</translation>
    </message>
    <message>
        <source>Asking the router…</source>
        <translation>Router wird gefragt …</translation>
    </message>
    <message>
        <source>The preview needs the router, which is not running.</source>
        <translation>Die Vorschau braucht den Router, der nicht läuft.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rejected with HTTP %1:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Abgelehnt mit HTTP %1:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; from provider %2, route &lt;i&gt;%3&lt;/i&gt;. Fallbacks: %4. Worst-case cost %5 for about %6 input tokens.&lt;br&gt;%7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; von Anbieter %2, Route &lt;i&gt;%3&lt;/i&gt;. Ersatzmodelle: %4. Kosten im ungünstigsten Fall %5 für etwa %6 Eingabe-Tokens.&lt;br&gt;%7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>signalbox::TrayController</name>
    <message>
        <source>Signalbox is still routing</source>
        <translation>Signalbox routet weiter</translation>
    </message>
    <message>
        <source>The endpoint keeps running in the background. Use Quit in the tray menu to stop it.</source>
        <translation>Der Endpunkt läuft im Hintergrund weiter. Beenden Sie ihn mit „Beenden“ im Tray-Menü.</translation>
    </message>
    <message>
        <source>&amp;Show console</source>
        <translation>Konsole &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit Signalbox</source>
        <translation>Signalbox &amp;beenden</translation>
    </message>
    <message>
        <source>Today: %1 of %2 (%3)</source>
        <translation>Heute: %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>Today: %1, no daily budget</source>
        <translation>Heute: %1, kein Tagesbudget</translation>
    </message>
    <message>
        <source>Routing paused</source>
        <translation>Routing pausiert</translation>
    </message>
    <message>
        <source>Gates: %1</source>
        <translation>Schranken: %1</translation>
    </message>
    <message>
        <source>Signalbox</source>
        <translation>Signalbox</translation>
    </message>
</context>
</TS>
