// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "secrets/keystore.h"

namespace QKeychain {
class Job;
}

namespace signalbox {

// Keys in the OS keychain through QtKeychain: on Linux the Secret Service (GNOME Keyring,
// KWallet), the Keychain on macOS, the Credential Manager on Windows. Entries are stored under
// the service name "signalbox" with the provider id as the account.
//
// QtKeychain runs one job at a time, and a keychain that waits for an unlock prompt may not
// answer at all, so every operation gives up after a timeout and reports TimedOut. Use the store
// from one thread only.
class KeychainKeyStore : public KeyStore {
    Q_OBJECT

public:
    static constexpr int kDefaultTimeoutMs = 5000;

    explicit KeychainKeyStore(QObject *parent = nullptr);

    // The keychain service name; tests use their own so that they never touch real keys.
    void setServiceName(const QString &service) { m_service = service; }
    QString serviceName() const { return m_service; }
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }

    QString displayName() const override;
    void readKey(const QString &account, QObject *context, KeyStoreCallback done) override;
    void writeKey(const QString &account, const QString &key, QObject *context,
                  KeyStoreCallback done) override;
    void deleteKey(const QString &account, QObject *context, KeyStoreCallback done) override;

private:
    void run(QKeychain::Job *job, QObject *context, KeyStoreCallback done);

    QString m_service = QStringLiteral("signalbox");
    int m_timeoutMs = kDefaultTimeoutMs;
};

} // namespace signalbox
