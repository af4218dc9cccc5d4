// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/requestguard.h"

#include "config/config.h"

#include <QDateTime>

#include <functional>

namespace signalbox {

class ClassifierCache;
class HttpClient;
class Gates;
class Ledger;
class LedgerReader;
class ModelCooldowns;
class WarningThrottle;
struct ProviderConfig;

// The state the endpoint handlers share. It lives on the router thread, like every handler, so the
// hot path takes no locks.
struct ApiEnvironment {
    ConfigPtr config;
    Ledger *ledger = nullptr;
    LedgerReader *reader = nullptr;
    HttpClient *network = nullptr; // the upstream client
    Gates *gates = nullptr;        // null only in tests that run the handlers without gates
    ClassifierCache *classifierCache = nullptr;  // null: every classification calls the model
    ModelCooldowns *cooldowns = nullptr;         // null: no model is ever skipped for a cooldown
    WarningThrottle *upstreamFailures = nullptr; // null: every failed upstream call is logged
    std::function<QString(const ProviderConfig &)> apiKeyFor;
    // Reports a setup problem, such as a missing key, in the log and the console's events: once
    // per key until the next config change, however many requests meet it. Null in some tests.
    std::function<void(const QString &key, const QString &message)> warnOnce;
    bool paused = false; // while paused, the endpoint returns 503
    RequestGuardPolicy guard;

    // The start of the current spending day: the gates' reset hour in their time zone, or local
    // midnight without gates.
    QDateTime startOfToday() const;
};

} // namespace signalbox
