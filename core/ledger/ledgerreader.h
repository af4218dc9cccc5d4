// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"
#include "result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QSqlQuery;

namespace signalbox {

// Spend and tokens of the rows that share one model or one stage.
struct UsageBucket {
    QString key; // model id or stage name; "" for rows without a stage
    double costUsd = 0;
    qint64 requests = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
};

// Totals over a time range. Costs and tokens include classifier calls, because they are spent
// too, while requests counts client requests only (rows of kind "request").
struct UsageSummary {
    double costUsd = 0;
    qint64 requests = 0;
    qint64 inputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    QList<UsageBucket> byModel; // highest cost first
    QList<UsageBucket> byStage; // highest cost first
};

// A read-only connection to the ledger with aggregate queries that SQLite computes.
// A Qt SQL connection belongs to the thread that created it, so use a reader only on the thread
// that opened it, and give every thread that reads its own reader.
// A failed query is logged with lcLedger and returns an empty result.
class LedgerReader {
public:
    // Opens ledger.sqlite in dataDir read-only. Fails when the file is missing or was not
    // written with the schema version this build reads.
    static Result<std::unique_ptr<LedgerReader>> open(const QString &dataDir);

    ~LedgerReader();
    LedgerReader(const LedgerReader &) = delete;
    LedgerReader &operator=(const LedgerReader &) = delete;

    QString filePath() const { return m_filePath; }

    // Sums the rows with time >= since. An invalid since sums every row.
    UsageSummary summarize(const QDateTime &since) const;

    // Returns up to limit rows, newest first.
    QList<LedgerRecord> recent(int limit) const;

    // Returns the request row of requestId, or its newest classifier row if it has no
    // request row, or nothing.
    std::optional<LedgerRecord> find(const QString &requestId) const;

    // Returns the cost in USD of every row with time >= since, classifier calls included.
    double spendSince(const QDateTime &since) const;

    // Returns the running total of spend since since, one point per bucket that has rows.
    // Each point carries the time of the last row in its bucket.
    QList<QPair<QDateTime, double>>
    cumulativeSpend(const QDateTime &since,
                    std::chrono::milliseconds bucket = std::chrono::minutes(1)) const;

    // Returns the number of client requests (rows of kind "request") in each bucket since since
    // that has any, oldest first, each keyed by the start of its bucket in UTC. Buckets are
    // aligned to multiples of bucket since the epoch, so minutes start on the minute.
    QList<QPair<QDateTime, qint64>>
    requestCounts(const QDateTime &since,
                  std::chrono::milliseconds bucket = std::chrono::minutes(1)) const;

private:
    explicit LedgerReader(const QString &filePath);
    Status openConnection();
    bool run(QSqlQuery &query, const QString &sql, const QVariantList &values) const;
    QList<UsageBucket> bucketsBy(const QString &column, qint64 sinceMs) const;

    const QString m_filePath;
    const QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace signalbox
