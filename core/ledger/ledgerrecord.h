// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/usage.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace signalbox {

// One row of the usage ledger: what one client request, or one classifier call made while
// routing it, did and cost.
struct LedgerRecord {
    QDateTime time; // UTC, stored with millisecond precision
    QString requestId;
    QString endpoint;  // client endpoint, e.g. "/v1/chat/completions"
    QString stage;     // pipeline stage, empty when the request named none
    QString route;     // route level: "explicit", "stage", "auto" or "fallback"
    QStringList trace; // decision trace, one reason per routing step
    QString model;
    QString provider;
    int attempts = 0;   // upstream calls made, fallbacks included
    QString status;     // "ok", "error", "client_cancelled", "rejected"
    int httpStatus = 0; // status sent to the client, 0 when none was sent
    QString error;
    Usage usage;
    qint64 estimatedInputTokens = 0; // estimate made before the call, for budget reservation
    double costUsd = 0;
    qint64 latencyMs = 0;
    qint64 ttftMs = -1; // time to first token; -1 when not streamed or no token arrived
    bool streamed = false;
    QString kind; // "request" or "classifier"
};

} // namespace signalbox

Q_DECLARE_METATYPE(signalbox::LedgerRecord)
