// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "ledger/ledger.h"

#include "ledger/ledgerschema.h"
#include "ledger/ledgerwriter.h"
#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace signalbox {

namespace {

// Returns the path itself or the nearest of its parents that exists as something other than a
// folder, or an empty string when there is none.
QString fileOnPath(const QString &path) {
    for (QFileInfo info(QDir::cleanPath(QDir(path).absolutePath()));;
         info = QFileInfo(info.absolutePath())) {
        if (info.exists())
            return info.isDir() ? QString() : info.filePath();
        if (info.isRoot() || info.absolutePath() == info.absoluteFilePath())
            return {};
    }
}

} // namespace

Result<std::unique_ptr<Ledger>> Ledger::open(const QString &dataDir) {
    if (dataDir.isEmpty()) {
        return Error{QStringLiteral("The ledger data folder is empty. Pass the folder that "
                                    "should contain ledger.sqlite.")};
    }
    if (!QDir().mkpath(dataDir)) {
        // The part of the path that is a file is what the user must change, so the error names it.
        const QString file = fileOnPath(dataDir);
        if (!file.isEmpty()) {
            return Error{
                QStringLiteral("Failed to create the ledger folder %1: %2 is a file, not "
                               "a folder. Choose another data folder.")
                    .arg(QDir::toNativeSeparators(dataDir), QDir::toNativeSeparators(file))};
        }
        return Error{QStringLiteral("Failed to create the ledger folder %1. Choose a data folder "
                                    "whose parent exists and is writable.")
                         .arg(QDir::toNativeSeparators(dataDir))};
    }

    qRegisterMetaType<LedgerRecord>();
    std::unique_ptr<Ledger> ledger(new Ledger(ledgerFilePath(dataDir)));
    if (Status status = ledger->start(); !status)
        return Error{status.error()};

    qCInfo(lcLedger) << "Opened the ledger" << ledger->filePath();
    return ledger;
}

Ledger::Ledger(const QString &filePath)
    : m_filePath(filePath)
    , m_thread(std::make_unique<QThread>())
    , m_writer(std::make_unique<LedgerWriter>(filePath)) {
    m_thread->setObjectName(QStringLiteral("ledger"));
    connect(m_writer.get(), &LedgerWriter::recorded, this, &Ledger::recorded, Qt::DirectConnection);
    connect(m_writer.get(), &LedgerWriter::recordedBatch, this, &Ledger::recordedBatch,
            Qt::DirectConnection);
}

Ledger::~Ledger() {
    QThread *owner = QThread::currentThread();
    QMetaObject::invokeMethod(
        m_writer.get(), [this, owner] { m_writer->close(owner); }, Qt::BlockingQueuedConnection);

    m_thread->quit();
    m_thread->wait();
    qCInfo(lcLedger) << "Closed the ledger" << m_filePath;
}

Status Ledger::start() {
    m_writer->moveToThread(m_thread.get());
    m_thread->start();

    Status status = Ok{};
    QMetaObject::invokeMethod(
        m_writer.get(), [this, &status] { status = m_writer->open(); },
        Qt::BlockingQueuedConnection);
    return status;
}

void Ledger::record(const LedgerRecord &record) {
    m_writer->append(record);
}

void Ledger::flush() {
    // A blocking call into the thread the caller is already on would wait forever.
    if (QThread::currentThread() == m_thread.get()) {
        m_writer->writePending();
        return;
    }
    QMetaObject::invokeMethod(m_writer.get(), &LedgerWriter::writePending,
                              Qt::BlockingQueuedConnection);
}

} // namespace signalbox
