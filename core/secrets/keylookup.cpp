// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secrets/keylookup.h"

#include "secrets/envkeys.h"

namespace signalbox {

namespace {

// A key read from a file or a variable often ends in a line break, which no provider's key has.
// Sent as it is, the break would end the header line. A provider that quotes the key quotes it
// without the break, so the redaction of the untrimmed key would miss it.
QString trimmedSecret(const QString &value) {
    return value.trimmed();
}

QString secretVariable(const QString &name) {
    return trimmedSecret(qEnvironmentVariable(name.toLocal8Bit().constData()));
}

} // namespace

KeyLookup lookUpKey(const ProviderConfig &provider, const QHash<QString, StoredKey> &stored) {
    const QString storedKey = trimmedSecret(stored.value(provider.id).key);
    if (!storedKey.isEmpty())
        return {storedKey, stored.value(provider.id).source, {}};

    const QString own = upstreamKeyVariable(provider.id);
    const QString ownValue = secretVariable(own);
    if (!ownValue.isEmpty())
        return {ownValue, KeySource::SignalboxVariable, own};

    if (!provider.keyEnv.isEmpty()) {
        const QString value = secretVariable(provider.keyEnv);
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
    const QString value = secretVariable(variable);
    if (!value.isEmpty())
        return {value, KeySource::SignalboxVariable, variable};

    const QString storedSecret = trimmedSecret(stored.value(account).key);
    if (!storedSecret.isEmpty())
        return {storedSecret, stored.value(account).source, {}};
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
