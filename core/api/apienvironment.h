// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"

#include <QDateTime>

#include <functional>

class QNetworkAccessManager;

namespace signalbox {

class Ledger;
class LedgerReader;
struct ProviderConfig;

// What the endpoint handlers share. It lives on the router thread, like every handler, so the hot
// path takes no locks.
struct ApiEnvironment {
    ConfigPtr config;
    Ledger *ledger = nullptr;
    LedgerReader *reader = nullptr;
    QNetworkAccessManager *network = nullptr;
    std::function<QString(const ProviderConfig &)> apiKeyFor;
    bool paused = false; // while paused, the endpoint answers 503

    // The start of the current spending day.
    QDateTime startOfToday() const;
};

} // namespace signalbox
