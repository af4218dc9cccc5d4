// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ledger/ledgerreader.h"

#include "ledger/ledgerschema.h"
#include "logging.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace signalbox {

namespace {

qint64 sinceMsecs(const QDateTime &since) {
    return since.isValid() ? since.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

Result<std::unique_ptr<LedgerReader>> LedgerReader::open(const QString &dataDir) {
    const QString filePath = ledgerFilePath(dataDir);
    if (!QFileInfo(filePath).isFile()) {
        return Error{QStringLiteral("Ledger file %1 not found. Open the ledger for writing "
                                    "once, which creates it, or check the data folder.")
                         .arg(filePath)};
    }

    std::unique_ptr<LedgerReader> reader(new LedgerReader(filePath));
    if (Status status = reader->openConnection(); !status)
        return Error{status.error()};
    return reader;
}

LedgerReader::LedgerReader(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(uniqueLedgerConnectionName(QStringLiteral("reader"))) {
}

LedgerReader::~LedgerReader() {
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Status LedgerReader::openConnection() {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_filePath);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        return Error{QStringLiteral("Failed to open the ledger %1 for reading: %2. Check that "
                                    "the file and its folder are readable.")
                         .arg(m_filePath, m_db.lastError().text())};
    }

    const Result<int> version = ledgerSchemaVersionOf(m_db);
    if (!version)
        return Error{version.error()};
    if (*version != ledgerSchemaVersion) {
        return Error{QStringLiteral("The ledger %1 has schema version %2, but this build reads "
                                    "version %3. Open it for writing with this build, which "
                                    "migrates older files, or upgrade Signalbox.")
                         .arg(m_filePath)
                         .arg(*version)
                         .arg(ledgerSchemaVersion)};
    }
    return Ok{};
}

bool LedgerReader::run(QSqlQuery &query, const QString &sql, const QVariantList &values) const {
    if (!query.prepare(sql)) {
        qCWarning(lcLedger).noquote() << "Failed to prepare a ledger query on" << m_filePath
                                      << query.lastError().text() << "query:" << sql;
        return false;
    }

    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));

    if (!query.exec()) {
        qCWarning(lcLedger).noquote() << "Failed to run a ledger query on" << m_filePath
                                      << query.lastError().text() << "query:" << sql;
        return false;
    }
    return true;
}

UsageSummary LedgerReader::summarize(const QDateTime &since) const {
    const qint64 sinceMs = sinceMsecs(since);
    UsageSummary summary;

    QSqlQuery query(m_db);
    const QString sql =
        QStringLiteral("SELECT TOTAL(cost_usd), COALESCE(SUM(kind = 'request'), 0),"
                       " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(cached_tokens), 0),"
                       " COALESCE(SUM(output_tokens), 0), COALESCE(SUM(reasoning_tokens), 0)"
                       " FROM ledger WHERE time_ms >= ?");
    if (run(query, sql, {sinceMs}) && query.next()) {
        summary.costUsd = query.value(0).toDouble();
        summary.requests = query.value(1).toLongLong();
        summary.inputTokens = query.value(2).toLongLong();
        summary.cachedTokens = query.value(3).toLongLong();
        summary.outputTokens = query.value(4).toLongLong();
        summary.reasoningTokens = query.value(5).toLongLong();
    }

    summary.byModel = bucketsBy(QStringLiteral("model"), sinceMs);
    summary.byStage = bucketsBy(QStringLiteral("stage"), sinceMs);
    return summary;
}

// column is one of the fixed names passed by summarize(), never user input.
QList<UsageBucket> LedgerReader::bucketsBy(const QString &column, qint64 sinceMs) const {
    QSqlQuery query(m_db);
    const QString sql =
        QStringLiteral("SELECT %1, TOTAL(cost_usd), SUM(kind = 'request'),"
                       " SUM(input_tokens), SUM(output_tokens)"
                       " FROM ledger WHERE time_ms >= ? GROUP BY %1 ORDER BY 2 DESC, 1")
            .arg(column);
    if (!run(query, sql, {sinceMs}))
        return {};

    QList<UsageBucket> buckets;
    while (query.next()) {
        UsageBucket bucket;
        bucket.key = query.value(0).toString();
        bucket.costUsd = query.value(1).toDouble();
        bucket.requests = query.value(2).toLongLong();
        bucket.inputTokens = query.value(3).toLongLong();
        bucket.outputTokens = query.value(4).toLongLong();
        buckets.append(bucket);
    }
    return buckets;
}

QList<LedgerRecord> LedgerReader::recent(int limit) const {
    if (limit <= 0)
        return {};

    QSqlQuery query(m_db);
    const QString sql =
        QStringLiteral("SELECT %1 FROM ledger ORDER BY time_ms DESC, id DESC LIMIT ?")
            .arg(ledgerRecordColumns());
    if (!run(query, sql, {limit}))
        return {};

    QList<LedgerRecord> records;
    while (query.next())
        records.append(readLedgerRecord(query));
    return records;
}

std::optional<LedgerRecord> LedgerReader::find(const QString &requestId) const {
    QSqlQuery query(m_db);
    const QString sql = QStringLiteral("SELECT %1 FROM ledger WHERE request_id = ?"
                                       " ORDER BY kind = 'request' DESC, id DESC LIMIT 1")
                            .arg(ledgerRecordColumns());
    if (!run(query, sql, {requestId}) || !query.next())
        return std::nullopt;
    return readLedgerRecord(query);
}

double LedgerReader::spendSince(const QDateTime &since) const {
    QSqlQuery query(m_db);
    const QString sql = QStringLiteral("SELECT TOTAL(cost_usd) FROM ledger WHERE time_ms >= ?");
    if (!run(query, sql, {sinceMsecs(since)}) || !query.next())
        return 0;
    return query.value(0).toDouble();
}

QList<QPair<QDateTime, double>>
LedgerReader::cumulativeSpend(const QDateTime &since, std::chrono::milliseconds bucket) const {
    const qint64 bucketMs = std::max<qint64>(bucket.count(), 1);

    // The inner query sums each bucket and the window function adds up the buckets in order.
    QSqlQuery query(m_db);
    const QString sql = QStringLiteral(
        "SELECT last_ms, SUM(cost) OVER (ORDER BY slot) FROM"
        " (SELECT time_ms / ? AS slot, MAX(time_ms) AS last_ms, TOTAL(cost_usd) AS cost"
        "  FROM ledger WHERE time_ms >= ? GROUP BY slot)"
        " ORDER BY slot");
    if (!run(query, sql, {bucketMs, sinceMsecs(since)}))
        return {};

    QList<QPair<QDateTime, double>> points;
    while (query.next()) {
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
        points.append({time, query.value(1).toDouble()});
    }
    return points;
}

QList<QPair<QDateTime, qint64>>
LedgerReader::requestCounts(const QDateTime &since, std::chrono::milliseconds bucket) const {
    const qint64 bucketMs = std::max<qint64>(bucket.count(), 1);

    QSqlQuery query(m_db);
    const QString sql = QStringLiteral("SELECT time_ms / ? AS slot, COUNT(*) FROM ledger"
                                       " WHERE time_ms >= ? AND kind = 'request'"
                                       " GROUP BY slot ORDER BY slot");
    if (!run(query, sql, {bucketMs, sinceMsecs(since)}))
        return {};

    QList<QPair<QDateTime, qint64>> counts;
    while (query.next()) {
        const qint64 startMs = query.value(0).toLongLong() * bucketMs;
        counts.append(
            {QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC), query.value(1).toLongLong()});
    }
    return counts;
}

} // namespace signalbox
