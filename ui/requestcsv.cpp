// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "requestcsv.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace signalbox {

namespace {

const char *const kColumns[] = {"time",
                                "request_id",
                                "endpoint",
                                "stage",
                                "route",
                                "model",
                                "provider",
                                "status",
                                "http_status",
                                "attempts",
                                "input_tokens",
                                "cached_tokens",
                                "cache_write_tokens",
                                "output_tokens",
                                "reasoning_tokens",
                                "estimated_input_tokens",
                                "usage_estimated",
                                "cost_usd",
                                "latency_ms",
                                "ttft_ms",
                                "streamed",
                                "error",
                                "trace"};

QString number(qint64 value) {
    return QString::number(value);
}

QString flag(bool value) {
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QStringList rowFields(const LedgerRecord &record) {
    const Usage &usage = record.usage;
    return {record.time.toUTC().toString(Qt::ISODateWithMs),
            record.requestId,
            record.endpoint,
            record.stage,
            record.route,
            record.model,
            record.provider,
            record.status,
            number(record.httpStatus),
            number(record.attempts),
            number(usage.inputTokens),
            number(usage.cachedTokens),
            number(usage.cacheWriteTokens),
            number(usage.outputTokens),
            number(usage.reasoningTokens),
            number(record.estimatedInputTokens),
            flag(usage.estimated),
            QString::number(record.costUsd, 'f', 8),
            number(record.latencyMs),
            number(record.ttftMs),
            flag(record.streamed),
            record.error,
            record.trace.join(QLatin1Char('\n'))};
}

QString csvLine(const QStringList &fields) {
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << csvField(field);
    return quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

} // namespace

QString csvField(const QString &value) {
    const bool needsQuotes = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                             value.contains(QLatin1Char('\r')) || value.contains(QLatin1Char('\n'));
    if (!needsQuotes)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString requestsCsv(const QList<LedgerRecord> &records) {
    QStringList header;
    for (const char *column : kColumns)
        header << QLatin1String(column);
    QString csv = csvLine(header);
    for (const LedgerRecord &record : records)
        csv += csvLine(rowFields(record));
    return csv;
}

Status writeRequestsCsv(const QString &path, const QList<LedgerRecord> &records) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("RequestCsv", "Cannot open %1 for writing: %2")
                         .arg(path, file.errorString())};
    const QByteArray bytes = requestsCsv(records).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{QCoreApplication::translate("RequestCsv", "Cannot write %1: %2")
                         .arg(path, file.errorString())};
    return Ok{};
}

} // namespace signalbox
