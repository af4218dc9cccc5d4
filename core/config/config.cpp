// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config.h"

#include <algorithm>

namespace signalbox {

namespace {
template <typename T, typename Key>
const T *findBy(const QList<T> &items, const Key &key, QString T::*field) {
    for (const T &item : items) {
        if (item.*field == key)
            return &item;
    }
    return nullptr;
}
} // namespace

const ModelConfig *Config::findModel(const QString &id) const {
    return findBy(models, id, &ModelConfig::id);
}

const ProviderConfig *Config::findProvider(const QString &id) const {
    return findBy(providers, id, &ProviderConfig::id);
}

const StageConfig *Config::findStage(const QString &name) const {
    return findBy(stages, name, &StageConfig::name);
}

QStringList providerKinds() {
    return {QStringLiteral("openai"), QStringLiteral("azure-openai"), QStringLiteral("anthropic"),
            QStringLiteral("gemini"), QStringLiteral("simulated")};
}

QStringList modelCapabilities() {
    return {QStringLiteral("tools"), QStringLiteral("vision"), QStringLiteral("json"),
            QStringLiteral("reasoning")};
}

std::optional<ListenAddress> parseListenAddress(const QString &text) {
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;

    // An IPv6 host is bracketed, because its own colons would hide the port separator.
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('['))) {
        if (!host.endsWith(QLatin1Char(']')) || host.size() < 3)
            return std::nullopt;
        host = host.mid(1, host.size() - 2);
    } else if (host.contains(QLatin1Char(':'))) {
        return std::nullopt;
    }

    const QString portText = text.mid(colon + 1);
    const bool allDigits =
        std::all_of(portText.begin(), portText.end(), [](QChar c) { return c.isDigit(); });
    bool isNumber = false;
    const uint port = portText.toUInt(&isNumber);
    if (!allDigits || !isNumber || port > 65535 || host.trimmed() != host || host.isEmpty())
        return std::nullopt;
    return ListenAddress{host, quint16(port)};
}

} // namespace signalbox
