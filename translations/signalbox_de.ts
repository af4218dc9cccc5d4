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
    <name>signalbox::ChatStream</name>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
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
    <name>signalbox::RouterWorker</name>
    <message>
        <source>%1 reached %2% of its limit: $%3 of $%4 spent</source>
        <translation>%1 hat %2 % seines Limits erreicht: $%3 von $%4 ausgegeben</translation>
    </message>
    <message>
        <source>Config file %1 has invalid gates, the previous config stays in force: %2</source>
        <translation>Die Konfigurationsdatei %1 enthält ungültige Schranken, die vorherige Konfiguration bleibt in Kraft: %2</translation>
    </message>
    <message>
        <source>Config reloaded from %1</source>
        <translation>Konfiguration aus %1 neu geladen</translation>
    </message>
    <message>
        <source>Config file %1 is invalid, the previous config stays in force: %2</source>
        <translation>Die Konfigurationsdatei %1 ist ungültig, die vorherige Konfiguration bleibt in Kraft: %2</translation>
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
