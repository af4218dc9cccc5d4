// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "secrets/filekeystore.h"
#include "secrets/keychainkeystore.h"
#include "service/servicetypes.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace signalbox {

// Reads and writes provider keys and the service secrets (the Redis password and the access
// token) in the keychain, or in the opt-in key file, for the service. Every call takes an account:
// a provider id, kRedisPasswordAccount or kAccessTokenAccount. It lives on the service's thread.
// Keychain and key file reads and writes are asynchronous; only creating and removing the key file
// run in the call. Every key read or stored goes to the router thread through keyLoaded(), and
// every read that found none through keyDropped(). The manager keeps no key itself, only its
// source and masked form.
class KeyManager : public QObject {
    Q_OBJECT

public:
    // The account the availability check reads. Provider ids cannot start with '.', so it
    // never names a real key.
    static const QString kProbeAccount;

    KeyManager(const QString &keyFilePath, QObject *parent = nullptr);

    KeychainState state() const { return m_state; }
    KeyStatus status(const QString &providerId) const;

    // Tests point the keychain at a service name of their own and shorten the timeout.
    KeychainKeyStore &keychain() { return m_keychain; }

    // Checks whether the keychain responds, then reads the service secrets and the keys of the
    // providers not read yet.
    void start(const QList<ProviderConfig> &providers);
    void setProviders(const QList<ProviderConfig> &providers);

    void storeKey(const QString &providerId, const QString &key);
    void removeKey(const QString &providerId);
    void setKeyFileEnabled(bool enabled);

signals:
    // For the router thread's cache only; never connect a logger or the console to it.
    void keyLoaded(const QString &providerId, const QString &key, signalbox::KeySource source);
    // The account has no stored key: it was removed, or the read at start found none.
    void keyDropped(const QString &providerId);

    void stateChanged(const signalbox::KeychainState &state);
    void statusChanged(const signalbox::KeyStatus &status);
    void operationFinished(const QString &providerId, bool ok, const QString &message);

private:
    struct Held {
        KeySource source = KeySource::None;
        QString masked;
    };

    void onProbed(const KeyStoreReply &reply);
    void loadKeys();
    void loadFromFile(const QString &providerId);
    void settleMissing(const QString &providerId);
    void accept(const QString &providerId, const QString &key, KeySource source);
    void finishRemoval(const QString &providerId, const QStringList &failures);
    void finishLater(const QString &providerId, bool ok, const QString &message);
    void publishStatus(const QString &providerId);
    const ProviderConfig *findProvider(const QString &providerId) const;

    KeychainKeyStore m_keychain;
    FileKeyStore m_file;
    KeychainState m_state;
    QList<ProviderConfig> m_providers;
    QHash<QString, Held> m_held;
    QSet<QString> m_requested; // providers whose keys were read or are being read
    bool m_probed = false;
};

} // namespace signalbox
