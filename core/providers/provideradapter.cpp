// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/provideradapter.h"

namespace signalbox {

QString trimmedBaseUrl(const QString &baseUrl) {
    QString base = baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

} // namespace signalbox
