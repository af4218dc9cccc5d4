// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "requestdetails.h"

#include "consoletext.h"

#include <QLocale>

namespace signalbox {

namespace {

QString row(const QString &label, const QString &value) {
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString section(const QString &title, const QString &body) {
    return QStringLiteral("<h3>%1</h3>%2").arg(title.toHtmlEscaped(), body);
}

QString count(qint64 value) {
    return QLocale().toString(value);
}

// The trace lines that record a failed attempt, as the request path writes them.
bool isAttemptLine(const QString &line) {
    return line.startsWith(QLatin1String("attempt ")) || line.startsWith(QLatin1String("gate "));
}

} // namespace

QString RequestDetails::html(const LedgerRecord &record) {
    QString html;
    html += section(tr("Request"),
                    QLatin1String("<table>") + summaryRows(record) + QLatin1String("</table>"));
    html += section(tr("Tokens and cost"),
                    QLatin1String("<table>") + tokenRows(record) + QLatin1String("</table>"));
    html += section(tr("Timings"),
                    QLatin1String("<table>") + timingRows(record) + QLatin1String("</table>"));
    html += section(tr("Attempts"),
                    QLatin1String("<ol>") + attemptItems(record) + QLatin1String("</ol>"));
    html += section(tr("Decision trace"),
                    QLatin1String("<ol>") + traceItems(record) + QLatin1String("</ol>"));
    return html;
}

QString RequestDetails::summaryRows(const LedgerRecord &record) {
    const QString status = record.httpStatus > 0
                               ? tr("%1 (HTTP %2)").arg(record.status).arg(record.httpStatus)
                               : record.status;
    QString rows =
        row(tr("Request id"), record.requestId) +
        row(tr("Time"), QLocale().toString(record.time.toLocalTime(), QLocale::LongFormat)) +
        row(tr("Endpoint"), record.endpoint) +
        row(tr("Stage"), ConsoleText::stageName(record.stage)) + row(tr("Route"), record.route) +
        row(tr("Model"), record.model) + row(tr("Provider"), record.provider) +
        row(tr("Status"), status);
    if (!record.error.isEmpty())
        rows += row(tr("Error"), record.error);
    if (record.kind == QLatin1String("classifier"))
        rows += row(tr("Kind"), tr("classifier call made while routing"));
    return rows;
}

QString RequestDetails::tokenRows(const LedgerRecord &record) {
    const Usage &usage = record.usage;
    const QString source = usage.estimated ? tr("estimated (no usage report arrived)")
                                           : tr("reported by the provider");
    return row(tr("Input, estimated before the call"), count(record.estimatedInputTokens)) +
           row(tr("Input, billed"), count(usage.inputTokens)) +
           row(tr("Cached input"), count(usage.cachedTokens)) +
           row(tr("Cache writes"), count(usage.cacheWriteTokens)) +
           row(tr("Output"), count(usage.outputTokens)) +
           row(tr("Reasoning, part of output"), count(usage.reasoningTokens)) +
           row(tr("Billed counts"), source) + row(tr("Cost"), ConsoleText::usd(record.costUsd));
}

QString RequestDetails::timingRows(const LedgerRecord &record) {
    const QString ttft = record.ttftMs >= 0 ? tr("%1 ms").arg(count(record.ttftMs))
                                            : tr("not streamed, or no token arrived");
    return row(tr("Time to first token"), ttft) +
           row(tr("Latency"), tr("%1 ms").arg(count(record.latencyMs))) +
           row(tr("Streamed"), record.streamed ? tr("yes") : tr("no"));
}

QString RequestDetails::attemptItems(const LedgerRecord &record) {
    QString items;
    for (const QString &line : record.trace) {
        if (isAttemptLine(line))
            items += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    }
    // The last attempt left no trace line when it succeeded.
    if (record.attempts > 0 && record.status != QLatin1String("error") &&
        record.status != QLatin1String("rejected")) {
        const QString last =
            tr("attempt %1 on '%2': %3").arg(record.attempts).arg(record.model, record.status);
        items += QStringLiteral("<li>%1</li>").arg(last.toHtmlEscaped());
    }
    if (items.isEmpty())
        items = QStringLiteral("<li>%1</li>").arg(tr("no upstream call was made").toHtmlEscaped());
    return items;
}

QString RequestDetails::traceItems(const LedgerRecord &record) {
    QString items;
    for (const QString &line : record.trace)
        items += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
    return items;
}

} // namespace signalbox
