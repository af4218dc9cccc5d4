// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

// Internal to the ledger: the worker that owns the writing connection on the ledger thread.

#include "ledger/ledgerrecord.h"
#include "result.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <chrono>

struct sqlite3;
struct sqlite3_stmt;

namespace signalbox {

// Collects rows from any thread and inserts them in batches, one transaction per batch.
// Every function except append() runs on the thread the writer lives in.
class LedgerWriter : public QObject {
    Q_OBJECT

public:
    // A batch is written when it reaches maxBatchRows rows or maxBatchDelay after its first row.
    static constexpr qsizetype maxBatchRows = 64;
    static constexpr std::chrono::milliseconds maxBatchDelay{50};

    explicit LedgerWriter(const QString &filePath);
    ~LedgerWriter() override;

    // Queues a row. Thread-safe: it takes a mutex and posts an event, never touching SQLite.
    void append(const LedgerRecord &record);

    // Opens the file in WAL mode and migrates its schema.
    Status open();

    // Writes every queued row, emits recorded() for each row committed and then recordedBatch()
    // once with all of them.
    void writePending();

    // Writes what is queued, closes the connection and moves the writer to nextThread, so
    // that the owner can delete it once the ledger thread has stopped.
    void close(QThread *nextThread);

signals:
    void recorded(const signalbox::LedgerRecord &record);
    void recordedBatch(const QList<signalbox::LedgerRecord> &records);

private:
    Status openConnection();
    Status openInsertConnection();
    void closeInsertConnection();
    QString execOnInsertConnection(const char *sql);
    QString stepOnInsertConnection(sqlite3_stmt *statement);
    QString lastInsertError() const;
    void scheduleWrite();
    Status insert(const LedgerRecord &record);
    Status insertBatch(const QList<LedgerRecord> &batch);
    QList<LedgerRecord> insertOneByOne(const QList<LedgerRecord> &batch);

    const QString m_filePath;
    const QString m_connectionName;
    QSqlDatabase m_db; // through Qt's driver: the WAL switch and the schema migration
    sqlite3 *m_insertConnection = nullptr; // through SQLite's C API: the inserts
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_begin = nullptr;
    sqlite3_stmt *m_commit = nullptr;
    QTimer m_timer;

    QMutex m_mutex;
    QList<LedgerRecord> m_pending; // guarded by m_mutex
};

} // namespace signalbox
