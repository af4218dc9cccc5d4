// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ledger/ledgerschema.h"

#include "logging.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <atomic>
#include <cmath>

namespace signalbox {

namespace {

// Column order of ledgerRecordColumns(), ledgerInsertStatement() and readLedgerRecord().
const QStringList &recordColumns() {
    static const QStringList columns = {
        QStringLiteral("time_ms"),
        QStringLiteral("request_id"),
        QStringLiteral("endpoint"),
        QStringLiteral("stage"),
        QStringLiteral("route"),
        QStringLiteral("trace"),
        QStringLiteral("model"),
        QStringLiteral("provider"),
        QStringLiteral("attempts"),
        QStringLiteral("status"),
        QStringLiteral("http_status"),
        QStringLiteral("error"),
        QStringLiteral("input_tokens"),
        QStringLiteral("cached_tokens"),
        QStringLiteral("cache_write_tokens"),
        QStringLiteral("output_tokens"),
        QStringLiteral("reasoning_tokens"),
        QStringLiteral("usage_estimated"),
        QStringLiteral("estimated_input_tokens"),
        QStringLiteral("cost_usd"),
        QStringLiteral("latency_ms"),
        QStringLiteral("ttft_ms"),
        QStringLiteral("streamed"),
        QStringLiteral("kind"),
    };
    return columns;
}

// Statements that take the schema from version - 1 to version. Every column is NOT NULL so
// that sums never meet a NULL and an empty stage groups as "".
QStringList migrationStatements(int version) {
    if (version == 1) {
        return {
            QStringLiteral("CREATE TABLE ledger ("
                           " id INTEGER PRIMARY KEY,"
                           " time_ms INTEGER NOT NULL,"
                           " request_id TEXT NOT NULL,"
                           " endpoint TEXT NOT NULL DEFAULT '',"
                           " stage TEXT NOT NULL DEFAULT '',"
                           " route TEXT NOT NULL DEFAULT '',"
                           " trace TEXT NOT NULL DEFAULT '[]',"
                           " model TEXT NOT NULL DEFAULT '',"
                           " provider TEXT NOT NULL DEFAULT '',"
                           " attempts INTEGER NOT NULL DEFAULT 0,"
                           " status TEXT NOT NULL DEFAULT '',"
                           " http_status INTEGER NOT NULL DEFAULT 0,"
                           " error TEXT NOT NULL DEFAULT '',"
                           " input_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cached_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cache_write_tokens INTEGER NOT NULL DEFAULT 0,"
                           " output_tokens INTEGER NOT NULL DEFAULT 0,"
                           " reasoning_tokens INTEGER NOT NULL DEFAULT 0,"
                           " usage_estimated INTEGER NOT NULL DEFAULT 0,"
                           " estimated_input_tokens INTEGER NOT NULL DEFAULT 0,"
                           " cost_usd REAL NOT NULL DEFAULT 0,"
                           " latency_ms INTEGER NOT NULL DEFAULT 0,"
                           " ttft_ms INTEGER NOT NULL DEFAULT -1,"
                           " streamed INTEGER NOT NULL DEFAULT 0,"
                           " kind TEXT NOT NULL DEFAULT 'request')"),
            QStringLiteral("CREATE INDEX ledger_time ON ledger (time_ms)"),
            QStringLiteral("CREATE INDEX ledger_stage_time ON ledger (stage, time_ms)"),
            QStringLiteral("CREATE INDEX ledger_model_time ON ledger (model, time_ms)"),
            QStringLiteral("CREATE INDEX ledger_request_id ON ledger (request_id)"),
        };
    }
    return {};
}

Status applyMigrations(QSqlDatabase &db, int fromVersion) {
    for (int version = fromVersion + 1; version <= ledgerSchemaVersion; ++version) {
        const QStringList statements = migrationStatements(version);
        for (const QString &sql : statements) {
            if (Status status = execLedgerStatement(db, sql); !status)
                return status;
        }
    }
    return execLedgerStatement(db,
                               QStringLiteral("PRAGMA user_version = %1").arg(ledgerSchemaVersion));
}

// Appends the UTF-8 text as a JSON string, escaping what RFC 8259 requires.
void appendJsonString(QByteArray &json, const QByteArray &utf8) {
    constexpr char hexDigits[] = "0123456789abcdef";
    json.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"':
            json.append("\\\"");
            break;
        case '\\':
            json.append("\\\\");
            break;
        case '\n':
            json.append("\\n");
            break;
        case '\r':
            json.append("\\r");
            break;
        case '\t':
            json.append("\\t");
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                json.append("\\u00").append(hexDigits[c >> 4]).append(hexDigits[c & 0xf]);
            else
                json.append(c);
        }
    }
    json.append('"');
}

// Returns the trace as the UTF-8 text of a JSON array of strings, which decodeTrace() reads.
// It is written by hand because QJsonDocument took about half of the instructions of binding a
// row (callgrind, Qt 6.4).
QByteArray encodeTrace(const QStringList &trace) {
    QByteArray json;
    json.reserve(64 * (trace.size() + 1));
    json.append('[');
    for (const QString &step : trace) {
        if (json.size() > 1)
            json.append(',');
        appendJsonString(json, step.toUtf8());
    }
    json.append(']');
    return json;
}

QStringList decodeTrace(const QString &text, const QString &requestId) {
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (!document.isArray()) {
        qCWarning(lcLedger) << "Ignoring the trace of request" << requestId
                            << "because it is not a JSON array:" << text;
        return {};
    }

    QStringList trace;
    const QJsonArray steps = document.array();
    for (const QJsonValue &step : steps)
        trace.append(step.toString());
    return trace;
}

// SQLite stores NaN as NULL, so a non-finite cost is logged and stored as 0.
double finiteCost(const LedgerRecord &record) {
    if (std::isfinite(record.costUsd))
        return record.costUsd;

    qCWarning(lcLedger) << "Storing cost 0 for request" << record.requestId
                        << "because its cost is not a finite number:" << record.costUsd;
    return 0;
}

} // namespace

QString uniqueLedgerConnectionName(const QString &role) {
    static std::atomic<quint64> counter = 0;
    return QStringLiteral("signalbox-ledger-%1-%2").arg(role).arg(++counter);
}

QString ledgerFilePath(const QString &dataDir) {
    return QDir(dataDir).filePath(QStringLiteral("ledger.sqlite"));
}

Result<int> ledgerSchemaVersionOf(QSqlDatabase &db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        return Error{QStringLiteral("Failed to read the schema version of %1: %2")
                         .arg(db.databaseName(), query.lastError().text())};
    }
    return query.value(0).toInt();
}

Status migrateLedger(QSqlDatabase &db) {
    const Result<int> version = ledgerSchemaVersionOf(db);
    if (!version)
        return Error{version.error()};

    if (*version > ledgerSchemaVersion) {
        return Error{QStringLiteral("%1 has ledger schema version %2, but this build reads up "
                                    "to version %3. Upgrade Signalbox or choose another data "
                                    "folder.")
                         .arg(db.databaseName())
                         .arg(*version)
                         .arg(ledgerSchemaVersion)};
    }
    if (*version == ledgerSchemaVersion)
        return Ok{};

    if (!db.transaction()) {
        return Error{QStringLiteral("Failed to start the schema migration of %1: %2")
                         .arg(db.databaseName(), db.lastError().text())};
    }

    Status status = applyMigrations(db, *version);
    if (!status) {
        db.rollback();
        return status;
    }

    if (!db.commit()) {
        const QString message = db.lastError().text();
        db.rollback();
        return Error{QStringLiteral("Failed to commit the schema migration of %1: %2")
                         .arg(db.databaseName(), message)};
    }
    qCInfo(lcLedger) << "Migrated" << db.databaseName() << "from schema version" << *version << "to"
                     << ledgerSchemaVersion;
    return Ok{};
}

Status execLedgerStatement(QSqlDatabase &db, const QString &sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        return Error{QStringLiteral("Failed to run \"%1\" on %2: %3")
                         .arg(sql, db.databaseName(), query.lastError().text())};
    }
    return Ok{};
}

QString ledgerRecordColumns() {
    return recordColumns().join(QStringLiteral(", "));
}

QString ledgerInsertStatement() {
    QStringList placeholders;
    placeholders.fill(QStringLiteral("?"), recordColumns().size());
    return QStringLiteral("INSERT INTO ledger (%1) VALUES (%2)")
        .arg(ledgerRecordColumns(), placeholders.join(QStringLiteral(", ")));
}

// Binds through SQLite's C API, because QSqlQuery::bindValue() formats a placeholder name with
// QString::arg() for every value: in Qt 6.4 that was half the instructions of writing a row.
int bindLedgerRecord(sqlite3_stmt *statement, const LedgerRecord &record,
                     LedgerTextBuffers &texts) {
    int column = 0;
    int result = SQLITE_OK;
    const auto bindInteger = [&](qint64 value) {
        if (result == SQLITE_OK)
            result = sqlite3_bind_int64(statement, ++column, value);
    };
    const auto bindReal = [&](double value) {
        if (result == SQLITE_OK)
            result = sqlite3_bind_double(statement, ++column, value);
    };
    // A null text is bound as "", because the text columns are NOT NULL. SQLite reads the bytes
    // from `texts` when the statement is stepped, so it does not copy them.
    const auto bindUtf8 = [&](QByteArray utf8) {
        texts.append(std::move(utf8));
        const QByteArray &stored = texts.last();
        if (result == SQLITE_OK)
            result =
                sqlite3_bind_text(statement, ++column, stored.isNull() ? "" : stored.constData(),
                                  int(stored.size()), SQLITE_STATIC);
    };
    const auto bindText = [&](const QString &text) {
        bindUtf8(text.toUtf8());
    };

    bindInteger(record.time.toMSecsSinceEpoch());
    bindText(record.requestId);
    bindText(record.endpoint);
    bindText(record.stage);
    bindText(record.route);
    bindUtf8(encodeTrace(record.trace));
    bindText(record.model);
    bindText(record.provider);
    bindInteger(record.attempts);
    bindText(record.status);
    bindInteger(record.httpStatus);
    bindText(record.error);
    bindInteger(record.usage.inputTokens);
    bindInteger(record.usage.cachedTokens);
    bindInteger(record.usage.cacheWriteTokens);
    bindInteger(record.usage.outputTokens);
    bindInteger(record.usage.reasoningTokens);
    bindInteger(record.usage.estimated ? 1 : 0);
    bindInteger(record.estimatedInputTokens);
    bindReal(finiteCost(record));
    bindInteger(record.latencyMs);
    bindInteger(record.ttftMs);
    bindInteger(record.streamed ? 1 : 0);
    bindText(record.kind);
    Q_ASSERT(result != SQLITE_OK || column == recordColumns().size());
    return result;
}

LedgerRecord readLedgerRecord(const QSqlQuery &query) {
    LedgerRecord record;
    record.time = QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
    record.requestId = query.value(1).toString();
    record.endpoint = query.value(2).toString();
    record.stage = query.value(3).toString();
    record.route = query.value(4).toString();
    record.trace = decodeTrace(query.value(5).toString(), record.requestId);
    record.model = query.value(6).toString();
    record.provider = query.value(7).toString();
    record.attempts = query.value(8).toInt();
    record.status = query.value(9).toString();
    record.httpStatus = query.value(10).toInt();
    record.error = query.value(11).toString();
    record.usage.inputTokens = query.value(12).toLongLong();
    record.usage.cachedTokens = query.value(13).toLongLong();
    record.usage.cacheWriteTokens = query.value(14).toLongLong();
    record.usage.outputTokens = query.value(15).toLongLong();
    record.usage.reasoningTokens = query.value(16).toLongLong();
    record.usage.estimated = query.value(17).toInt() != 0;
    record.estimatedInputTokens = query.value(18).toLongLong();
    record.costUsd = query.value(19).toDouble();
    record.latencyMs = query.value(20).toLongLong();
    record.ttftMs = query.value(21).toLongLong();
    record.streamed = query.value(22).toInt() != 0;
    record.kind = query.value(23).toString();
    return record;
}

} // namespace signalbox
