// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "secrets/envkeys.h"

#include <QtGlobal>

namespace signalbox {

QString upstreamKeyVariables(const ProviderConfig &provider) {
    const QString own = upstreamKeyVariable(provider.id);
    return provider.keyEnv.isEmpty() ? own : QStringLiteral("%1 or %2").arg(own, provider.keyEnv);
}

QString upstreamKeyVariable(const QString &providerId) {
    QString name = QStringLiteral("SIGNALBOX_KEY_");
    for (const QChar c : providerId.toUpper()) {
        const bool alphanumeric = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                                  (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        name += alphanumeric ? c : QLatin1Char('_');
    }
    return name;
}

QString upstreamKeyFor(const ProviderConfig &provider) {
    const QString own =
        qEnvironmentVariable(upstreamKeyVariable(provider.id).toLatin1().constData());
    if (!own.isEmpty())
        return own;

    if (provider.keyEnv.isEmpty())
        return {};
    return qEnvironmentVariable(provider.keyEnv.toLocal8Bit().constData());
}

} // namespace signalbox
