// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secrets/keylookup.h"

#include "secrets/envkeys.h"

namespace signalbox {

KeyLookup lookUpKey(const ProviderConfig &provider, const QHash<QString, StoredKey> &stored) {
    const StoredKey held = stored.value(provider.id);
    if (!held.key.isEmpty())
        return {held.key, held.source, {}};

    const QString own = upstreamKeyVariable(provider.id);
    const QString ownValue = qEnvironmentVariable(own.toLatin1().constData());
    if (!ownValue.isEmpty())
        return {ownValue, KeySource::SignalboxVariable, own};

    if (!provider.keyEnv.isEmpty()) {
        const QString value = qEnvironmentVariable(provider.keyEnv.toLocal8Bit().constData());
        if (!value.isEmpty())
            return {value, KeySource::ProviderVariable, provider.keyEnv};
    }
    return {};
}

bool isServiceSecretAccount(const QString &account) {
    return account == kRedisPasswordAccount || account == kAccessTokenAccount;
}

QString serviceSecretVariable(const QString &account) {
    if (account == kRedisPasswordAccount)
        return QStringLiteral("SIGNALBOX_REDIS_PASSWORD");
    if (account == kAccessTokenAccount)
        return QStringLiteral("SIGNALBOX_ACCESS_TOKEN");
    return {};
}

KeyLookup lookUpServiceSecret(const QString &account, const QHash<QString, StoredKey> &stored) {
    const QString variable = serviceSecretVariable(account);
    const QString value = qEnvironmentVariable(variable.toLatin1().constData());
    if (!value.isEmpty())
        return {value, KeySource::SignalboxVariable, variable};

    const StoredKey held = stored.value(account);
    if (!held.key.isEmpty())
        return {held.key, held.source, {}};
    return {};
}

QString maskKey(const QString &key) {
    // Below 16 characters, seven shown characters would give away too much of the key.
    constexpr qsizetype kMinimumToShowEnds = 16;
    if (key.size() < kMinimumToShowEnds)
        return QString(8, QChar(0x2022));
    return key.left(3) + QChar(0x2026) + key.right(4);
}

} // namespace signalbox
