// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "service/keymanager.h"

#include "logging.h"

#include <memory>

namespace signalbox {

const QString KeyManager::kProbeAccount = QStringLiteral(".availability-check");

KeyManager::KeyManager(const QString &keyFilePath, QObject *parent)
    : QObject(parent)
    , m_file(keyFilePath) {
    m_state.keyFilePath = keyFilePath;
    m_state.keyFileEnabled = m_file.exists();
}

KeyStatus KeyManager::status(const QString &providerId) const {
    KeyStatus status;
    status.providerId = providerId;
    const Held held = m_held.value(providerId);
    status.stored = held.source != KeySource::None;
    if (isServiceSecretAccount(providerId)) {
        // Only the variable is looked up here, because the held key is not kept.
        const KeyLookup variable = lookUpServiceSecret(providerId, {});
        if (!variable.key.isEmpty()) {
            status.source = variable.source;
            status.variable = variable.variable;
            status.maskedKey = maskKey(variable.key);
            return status;
        }
    }
    if (held.source != KeySource::None) {
        status.source = held.source;
        status.maskedKey = held.masked;
        return status;
    }
    if (const ProviderConfig *provider = findProvider(providerId)) {
        const KeyLookup lookup = lookUpKey(*provider, {});
        status.source = lookup.source;
        status.variable = lookup.variable;
        if (!lookup.key.isEmpty())
            status.maskedKey = maskKey(lookup.key);
    }
    return status;
}

void KeyManager::start(const QList<ProviderConfig> &providers) {
    m_providers = providers;
    m_keychain.readKey(kProbeAccount, this,
                       [this](const KeyStoreReply &reply) { onProbed(reply); });
}

void KeyManager::setProviders(const QList<ProviderConfig> &providers) {
    m_providers = providers;
    if (m_probed)
        loadKeys();
    for (const ProviderConfig &provider : providers)
        publishStatus(provider.id);
}

void KeyManager::onProbed(const KeyStoreReply &reply) {
    m_probed = true;
    const bool answered = reply.status == KeyStoreReply::Status::Ok ||
                          reply.status == KeyStoreReply::Status::NotFound;
    m_state.availability = answered ? KeychainState::Availability::Available
                                    : KeychainState::Availability::Unavailable;
    m_state.message = answered ? QString() : reply.message;
    if (answered)
        qCInfo(lcService) << "the keychain is available";
    else
        qCWarning(lcService).noquote() << "the keychain is not available:" << reply.message;
    emit stateChanged(m_state);
    loadKeys();
}

void KeyManager::loadKeys() {
    QStringList accounts{kRedisPasswordAccount, kAccessTokenAccount};
    for (const ProviderConfig &provider : std::as_const(m_providers))
        accounts << provider.id;
    for (const QString &id : std::as_const(accounts)) {
        if (m_requested.contains(id))
            continue;
        m_requested.insert(id);
        if (m_state.availability != KeychainState::Availability::Available) {
            loadFromFile(id);
            continue;
        }
        m_keychain.readKey(id, this, [this, id](const KeyStoreReply &reply) {
            if (reply.ok())
                accept(id, reply.key, KeySource::Keychain);
            else
                loadFromFile(id);
        });
    }
}

void KeyManager::loadFromFile(const QString &providerId) {
    if (!m_state.keyFileEnabled) {
        settleMissing(providerId);
        return;
    }
    m_file.readKey(providerId, this, [this, providerId](const KeyStoreReply &reply) {
        if (reply.ok())
            accept(providerId, reply.key, KeySource::File);
        else
            settleMissing(providerId);
    });
}

// Reports to the router that no stored key exists. Requests that need the access token get 503
// until the router has this result.
void KeyManager::settleMissing(const QString &providerId) {
    emit keyDropped(providerId);
    publishStatus(providerId);
}

void KeyManager::accept(const QString &providerId, const QString &key, KeySource source) {
    m_held.insert(providerId, Held{source, maskKey(key)});
    emit keyLoaded(providerId, key, source);
    publishStatus(providerId);
}

void KeyManager::storeKey(const QString &providerId, const QString &key) {
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        finishLater(providerId, false,
                    isServiceSecretAccount(providerId)
                        ? tr("The value is empty; paste the password or token.")
                        : tr("The key is empty; paste the provider's key."));
        return;
    }

    KeyStore *store = nullptr;
    KeySource source = KeySource::None;
    if (m_state.availability == KeychainState::Availability::Available) {
        store = &m_keychain;
        source = KeySource::Keychain;
    } else if (m_state.keyFileEnabled) {
        store = &m_file;
        source = KeySource::File;
    } else {
        finishLater(providerId, false,
                    tr("No keychain is available, so the key was not stored. Turn on the key "
                       "file to store it in the data folder instead."));
        return;
    }

    store->writeKey(providerId, trimmed, this,
                    [this, providerId, trimmed, source, store](const KeyStoreReply &reply) {
                        if (!reply.ok()) {
                            emit operationFinished(providerId, false,
                                                   tr("Storing the key in %1 failed: %2")
                                                       .arg(store->displayName(), reply.message));
                            return;
                        }
                        qCInfo(lcService) << "stored the key of provider" << providerId << "in"
                                          << store->displayName();
                        accept(providerId, trimmed, source);
                        emit operationFinished(
                            providerId, true,
                            tr("The key is stored in %1.").arg(store->displayName()));
                    });
}

void KeyManager::removeKey(const QString &providerId) {
    // The key may be in both stores, so it is removed from each one that is in use.
    QList<KeyStore *> stores;
    if (m_state.availability == KeychainState::Availability::Available)
        stores << &m_keychain;
    if (m_state.keyFileEnabled)
        stores << &m_file;

    auto pending = std::make_shared<qsizetype>(stores.size());
    auto failures = std::make_shared<QStringList>();
    if (stores.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this, providerId] { finishRemoval(providerId, {}); }, Qt::QueuedConnection);
    }
    for (KeyStore *store : std::as_const(stores)) {
        store->deleteKey(providerId, this,
                         [this, providerId, store, pending, failures](const KeyStoreReply &reply) {
                             if (!reply.ok() && reply.status != KeyStoreReply::Status::NotFound)
                                 *failures
                                     << store->displayName() + QStringLiteral(": ") + reply.message;
                             if (--*pending == 0)
                                 finishRemoval(providerId, *failures);
                         });
    }
}

void KeyManager::finishRemoval(const QString &providerId, const QStringList &failures) {
    if (!failures.isEmpty()) {
        emit operationFinished(
            providerId, false,
            tr("Removing the key failed: %1").arg(failures.join(QStringLiteral("; "))));
        return;
    }
    m_held.remove(providerId);
    emit keyDropped(providerId);
    publishStatus(providerId);
    emit operationFinished(providerId, true, tr("The stored key was removed."));
}

void KeyManager::setKeyFileEnabled(bool enabled) {
    if (enabled == m_state.keyFileEnabled)
        return;

    const Status done = enabled ? m_file.create() : m_file.remove();
    if (!done.ok()) {
        qCWarning(lcService).noquote() << done.error();
        finishLater({}, false, done.error());
        return;
    }
    m_state.keyFileEnabled = enabled;
    qCInfo(lcService) << (enabled ? "key file turned on:" : "key file removed:") << m_file.path();
    if (!enabled) {
        const QStringList ids = m_held.keys();
        for (const QString &id : ids) {
            if (m_held.value(id).source != KeySource::File)
                continue;
            m_held.remove(id);
            emit keyDropped(id);
            m_requested.remove(id);
        }
    }
    emit stateChanged(m_state);
    for (const ProviderConfig &provider : std::as_const(m_providers))
        publishStatus(provider.id);
}

// Reports an outcome from the event loop, so that it never arrives inside the requesting call.
void KeyManager::finishLater(const QString &providerId, bool ok, const QString &message) {
    QMetaObject::invokeMethod(
        this, [this, providerId, ok, message] { emit operationFinished(providerId, ok, message); },
        Qt::QueuedConnection);
}

void KeyManager::publishStatus(const QString &providerId) {
    emit statusChanged(status(providerId));
}

const ProviderConfig *KeyManager::findProvider(const QString &providerId) const {
    for (const ProviderConfig &provider : m_providers) {
        if (provider.id == providerId)
            return &provider;
    }
    return nullptr;
}

} // namespace signalbox
