// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ledger/ledgerwriter.h"

#include "ledger/ledgerschema.h"
#include "logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

namespace signalbox {

LedgerWriter::LedgerWriter(const QString &filePath)
    : m_filePath(filePath)
    , m_connectionName(uniqueLedgerConnectionName(QStringLiteral("writer")))
    , m_timer(this) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(maxBatchDelay);
    connect(&m_timer, &QTimer::timeout, this, &LedgerWriter::writePending);
}

LedgerWriter::~LedgerWriter() {
    closeInsertConnection();
}

void LedgerWriter::append(const LedgerRecord &record) {
    qsizetype queued = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_pending.append(record);
        if (!m_pending.last().time.isValid())
            m_pending.last().time = QDateTime::currentDateTimeUtc();
        queued = m_pending.size();
    }

    // Post one event per batch, not one per row. The first row arms the timer, and the row that
    // fills a batch has it written at once.
    if (queued == 1)
        QMetaObject::invokeMethod(this, &LedgerWriter::scheduleWrite, Qt::QueuedConnection);
    else if (queued == maxBatchRows)
        QMetaObject::invokeMethod(this, &LedgerWriter::writePending, Qt::QueuedConnection);
}

Status LedgerWriter::open() {
    if (Status status = openConnection(); !status)
        return status;

    if (Status status = migrateLedger(m_db); !status)
        return status;

    return openInsertConnection();
}

// Opens the connection for the inserts, which go through SQLite's C API because binding through
// Qt cost about half the instructions of each row (see bindLedgerRecord()). It is a connection
// of its own, not the handle of Qt's driver, because that driver may use its own copy of SQLite.
Status LedgerWriter::openInsertConnection() {
    const QByteArray path = m_filePath.toUtf8(); // SQLite reads file names as UTF-8
    if (sqlite3_open_v2(path.constData(), &m_insertConnection, SQLITE_OPEN_READWRITE, nullptr) !=
        SQLITE_OK) {
        return Error{QStringLiteral("Failed to open the ledger %1 for writing: %2")
                         .arg(m_filePath, lastInsertError())};
    }
    // The same waits and durability as the Qt connection; both settings are per connection.
    sqlite3_busy_timeout(m_insertConnection, 5000);
    if (const QString error = execOnInsertConnection("PRAGMA synchronous = NORMAL");
        !error.isEmpty()) {
        return Error{
            QStringLiteral("Failed to set synchronous mode on %1: %2").arg(m_filePath, error)};
    }

    // Each batch runs these three, so they are compiled once instead of per batch.
    const QByteArray sql = ledgerInsertStatement().toUtf8();
    for (auto [text, statement] : {std::pair{sql.constData(), &m_insert},
                                   std::pair{"BEGIN", &m_begin}, std::pair{"COMMIT", &m_commit}}) {
        if (sqlite3_prepare_v2(m_insertConnection, text, -1, statement, nullptr) != SQLITE_OK) {
            return Error{QStringLiteral("Failed to prepare \"%1\" on the ledger %2: %3")
                             .arg(QString::fromUtf8(text).left(40), m_filePath, lastInsertError())};
        }
    }
    return Ok{};
}

void LedgerWriter::closeInsertConnection() {
    sqlite3_finalize(std::exchange(m_insert, nullptr));
    sqlite3_finalize(std::exchange(m_begin, nullptr));
    sqlite3_finalize(std::exchange(m_commit, nullptr));
    sqlite3_close(std::exchange(m_insertConnection, nullptr));
}

// Runs a statement that returns no rows. Returns SQLite's error message, or an empty string.
QString LedgerWriter::execOnInsertConnection(const char *sql) {
    if (sqlite3_exec(m_insertConnection, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return {};
    return lastInsertError();
}

// Runs a prepared statement that returns no rows. Returns SQLite's error message, or an empty
// string.
QString LedgerWriter::stepOnInsertConnection(sqlite3_stmt *statement) {
    const int code = sqlite3_step(statement);
    const QString error = code == SQLITE_DONE ? QString() : lastInsertError();
    sqlite3_reset(statement);
    return error;
}

QString LedgerWriter::lastInsertError() const {
    return QString::fromUtf8(sqlite3_errmsg(m_insertConnection));
}

Status LedgerWriter::openConnection() {
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(m_filePath);
    // Another connection may hold a lock briefly, so wait up to 5 s for it instead of failing.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        return Error{QStringLiteral("Failed to open the ledger %1: %2. Check that the data "
                                    "folder is writable.")
                         .arg(m_filePath, m_db.lastError().text())};
    }

    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next() ||
        query.value(0).toString() != QLatin1String("wal")) {
        return Error{QStringLiteral("Failed to switch the ledger %1 to WAL mode: %2. Check that "
                                    "the file system supports shared memory files.")
                         .arg(m_filePath, query.lastError().text())};
    }

    // In WAL mode NORMAL skips the fsync on each commit. The file stays consistent after a power
    // loss, which may undo the last commits (SQLite documentation of PRAGMA synchronous).
    return execLedgerStatement(m_db, QStringLiteral("PRAGMA synchronous = NORMAL"));
}

void LedgerWriter::scheduleWrite() {
    if (!m_timer.isActive())
        m_timer.start();
}

void LedgerWriter::writePending() {
    m_timer.stop();

    QList<LedgerRecord> batch;
    {
        QMutexLocker locker(&m_mutex);
        batch.swap(m_pending);
    }
    if (batch.isEmpty())
        return;

    const Status status = insertBatch(batch);
    if (!status) {
        qCWarning(lcLedger).noquote()
            << "Retrying" << batch.size()
            << "ledger rows one by one after a failed batch:" << status.error();
        batch = insertOneByOne(batch);
    } else {
        for (const LedgerRecord &record : std::as_const(batch))
            emit recorded(record);
    }
    if (!batch.isEmpty())
        emit recordedBatch(batch);
}

void LedgerWriter::close(QThread *nextThread) {
    writePending();
    m_timer.stop();
    closeInsertConnection();

    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    moveToThread(nextThread);
}

Status LedgerWriter::insert(const LedgerRecord &record) {
    if (!m_insert) {
        return Error{QStringLiteral("Failed to insert request %1 because the ledger %2 is not "
                                    "open")
                         .arg(record.requestId, m_filePath)};
    }

    LedgerTextBuffers texts;
    int code = bindLedgerRecord(m_insert, record, texts);
    if (code == SQLITE_OK)
        code = sqlite3_step(m_insert);
    const QString error = code == SQLITE_DONE ? QString() : lastInsertError();
    sqlite3_reset(m_insert);
    sqlite3_clear_bindings(m_insert);
    if (!error.isEmpty()) {
        return Error{QStringLiteral("Failed to insert request %1 into %2: %3")
                         .arg(record.requestId, m_filePath, error)};
    }
    return Ok{};
}

Status LedgerWriter::insertBatch(const QList<LedgerRecord> &batch) {
    if (!m_insert) {
        return Error{QStringLiteral("Failed to insert %1 rows because the ledger %2 is not open")
                         .arg(batch.size())
                         .arg(m_filePath)};
    }
    if (const QString error = stepOnInsertConnection(m_begin); !error.isEmpty()) {
        return Error{
            QStringLiteral("Failed to start a transaction on %1: %2").arg(m_filePath, error)};
    }

    for (const LedgerRecord &record : batch) {
        if (Status status = insert(record); !status) {
            execOnInsertConnection("ROLLBACK");
            return status;
        }
    }

    if (const QString error = stepOnInsertConnection(m_commit); !error.isEmpty()) {
        execOnInsertConnection("ROLLBACK");
        return Error{QStringLiteral("Failed to commit %1 rows to %2: %3")
                         .arg(batch.size())
                         .arg(m_filePath, error)};
    }
    return Ok{};
}

// The retry after a failed batch: each row in its own implicit transaction, so one bad row
// cannot take the others down with it. A row that fails again is logged with its request id.
// Returns the rows committed.
// NOTE: no test forces a batch to fail, so this path has been read but never run.
QList<LedgerRecord> LedgerWriter::insertOneByOne(const QList<LedgerRecord> &batch) {
    QList<LedgerRecord> committed;
    for (const LedgerRecord &record : batch) {
        const Status status = insert(record);
        if (!status) {
            qCCritical(lcLedger).noquote() << "Lost ledger row of request" << record.requestId
                                           << "after a retry:" << status.error();
            continue;
        }
        emit recorded(record);
        committed.append(record);
    }
    return committed;
}

} // namespace signalbox
