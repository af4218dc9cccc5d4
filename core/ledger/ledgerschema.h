// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

// Internal to the ledger: the on-disk format shared by the writer and the reader.

#include "ledger/ledgerrecord.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3_stmt;

namespace signalbox {

// Value of PRAGMA user_version that this build writes and reads.
inline constexpr int ledgerSchemaVersion = 1;

QString ledgerFilePath(const QString &dataDir);

// Returns a QSqlDatabase connection name that no other connection in this process uses.
QString uniqueLedgerConnectionName(const QString &role);

// Brings the schema of an open database up to ledgerSchemaVersion, one version step at a time,
// in one transaction. Rejects a file written by a newer build.
Status migrateLedger(QSqlDatabase &db);

// Reads PRAGMA user_version.
Result<int> ledgerSchemaVersionOf(QSqlDatabase &db);

// Runs one statement that returns no rows.
Status execLedgerStatement(QSqlDatabase &db, const QString &sql);

// Column list in the order readLedgerRecord() expects, for "SELECT <columns> FROM ledger".
QString ledgerRecordColumns();

// INSERT statement with one positional placeholder per column of ledgerRecordColumns().
QString ledgerInsertStatement();

// UTF-8 copies of a bound record's texts, which must live until the statement is stepped.
using LedgerTextBuffers = QVarLengthArray<QByteArray, 12>;

// Binds every field of the record to the placeholders of ledgerInsertStatement(), prepared with
// sqlite3_prepare_v2(). The statement points into `texts`, so keep them until it is stepped and
// reset. Returns the first SQLite error code, or SQLITE_OK.
int bindLedgerRecord(sqlite3_stmt *statement, const LedgerRecord &record, LedgerTextBuffers &texts);

// Reads the current row of a query that selected ledgerRecordColumns().
LedgerRecord readLedgerRecord(const QSqlQuery &query);

} // namespace signalbox
