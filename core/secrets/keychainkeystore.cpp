// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secrets/keychainkeystore.h"

#include "logging.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

namespace signalbox {

namespace {

KeyStoreReply replyFor(QKeychain::Job *job) {
    KeyStoreReply reply;
    switch (job->error()) {
    case QKeychain::NoError:
        reply.status = KeyStoreReply::Status::Ok;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            reply.key = read->textData();
        return reply;
    case QKeychain::EntryNotFound:
        reply.status = KeyStoreReply::Status::NotFound;
        reply.message = QStringLiteral("no key is stored in the keychain for this provider");
        return reply;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        reply.status = KeyStoreReply::Status::Unavailable;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        reply.status = KeyStoreReply::Status::Failed;
        break;
    }
    reply.message = job->errorString();
    return reply;
}

} // namespace

KeychainKeyStore::KeychainKeyStore(QObject *parent)
    : KeyStore(parent) {
}

QString KeychainKeyStore::displayName() const {
    return tr("the keychain");
}

void KeychainKeyStore::readKey(const QString &account, QObject *context, KeyStoreCallback done) {
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account);
    run(job, context, std::move(done));
}

void KeychainKeyStore::writeKey(const QString &account, const QString &key, QObject *context,
                                KeyStoreCallback done) {
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account);
    job->setTextData(key);
    run(job, context, std::move(done));
}

void KeychainKeyStore::deleteKey(const QString &account, QObject *context, KeyStoreCallback done) {
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account);
    run(job, context, std::move(done));
}

void KeychainKeyStore::run(QKeychain::Job *job, QObject *context, KeyStoreCallback done) {
    // The job deletes itself when it finishes. A job that never finishes is left alone rather
    // than deleted, because the keychain backend may still call back into it.
    job->setAutoDelete(true);
    job->setInsecureFallback(false);

    auto answered = std::make_shared<bool>(false);
    QPointer<QObject> guard(context);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(m_timeoutMs);

    const QString account = job->key();
    connect(timer, &QTimer::timeout, this, [=, this] {
        timer->deleteLater();
        if (std::exchange(*answered, true))
            return;
        qCWarning(lcService) << "keychain operation for account" << account << "timed out after"
                             << m_timeoutMs << "ms";
        KeyStoreReply reply;
        reply.status = KeyStoreReply::Status::TimedOut;
        reply.message = tr("the keychain timed out after %1 seconds. It may be locked or "
                           "waiting for a password prompt.")
                            .arg(m_timeoutMs / 1000.0);
        if (guard)
            done(reply);
    });
    connect(job, &QKeychain::Job::finished, this, [=](QKeychain::Job *finished) {
        timer->stop();
        timer->deleteLater();
        if (std::exchange(*answered, true))
            return;
        const KeyStoreReply reply = replyFor(finished);
        // The caller decides what a failure means and logs it; here it is a detail.
        if (reply.status != KeyStoreReply::Status::Ok &&
            reply.status != KeyStoreReply::Status::NotFound) {
            qCDebug(lcService).noquote()
                << "keychain operation for account" << account
                << "failed:" << keyStoreStatusName(reply.status) << reply.message;
        }
        if (guard)
            done(reply);
    });
    timer->start();
    job->start();
}

QString keyStoreStatusName(KeyStoreReply::Status status) {
    switch (status) {
    case KeyStoreReply::Status::Ok:
        return QStringLiteral("ok");
    case KeyStoreReply::Status::NotFound:
        return QStringLiteral("not found");
    case KeyStoreReply::Status::Unavailable:
        return QStringLiteral("unavailable");
    case KeyStoreReply::Status::Failed:
        return QStringLiteral("failed");
    case KeyStoreReply::Status::TimedOut:
        return QStringLiteral("timed out");
    }
    return QStringLiteral("failed");
}

} // namespace signalbox
