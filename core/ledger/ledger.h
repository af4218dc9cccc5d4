// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerrecord.h"
#include "result.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace signalbox {

class LedgerWriter;

// The writing side of the usage ledger, ledger.sqlite in the data folder.
// The SQLite connection lives on a dedicated thread named "ledger" that inserts rows in
// batches. record() only takes a mutex and posts an event, so it never waits for the disk. Destroy
// the Ledger after every thread has stopped calling record(), and not from a slot that runs on the
// ledger thread.
class Ledger : public QObject {
    Q_OBJECT

public:
    // Creates dataDir if needed, opens or creates ledger.sqlite in it in WAL mode and migrates
    // its schema. The error names the folder or file at fault.
    static Result<std::unique_ptr<Ledger>> open(const QString &dataDir);

    // Writes every queued row, then stops the ledger thread.
    ~Ledger() override;

    QString filePath() const { return m_filePath; }

    // Queues a row for the next batch. Callable from any thread. A row without a valid time
    // gets the time it was queued.
    void record(const LedgerRecord &record);

    // Blocks the caller until every row queued before the call is committed or logged as lost.
    void flush();

signals:
    // Emitted on the ledger thread after the row is committed.
    void recorded(const signalbox::LedgerRecord &record);

    // Emitted on the ledger thread once per committed batch, after recorded() for each of its
    // rows. A receiver on another thread gets one queued event per batch instead of one per row.
    void recordedBatch(const QList<signalbox::LedgerRecord> &records);

private:
    explicit Ledger(const QString &filePath);
    Status start();

    const QString m_filePath;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<LedgerWriter> m_writer;
};

} // namespace signalbox
