// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatestore.h"

#include <QDateTime>
#include <QString>

namespace signalbox {

// A gate's rejection of a request, with the numbers the client needs to act on it.
struct GateRejection {
    enum class Kind {
        Budget,     // 402: the worst-case cost does not fit a budget
        Rate,       // 429: a rate window is full
        Unavailable // 503: the gate store failed, so nothing could be checked
    };

    Kind kind = Kind::Budget;
    QString gateId;       // daily_budget, stage_budget:ui, rate:model:gpt-4o:tpm, gate_store
    double limit = 0;     // USD for a budget; requests or tokens per minute for a rate limit
    double spent = 0;     // USD settled this period; requests or tokens in the window
    double reserved = 0;  // USD held by open reservations (budgets only)
    double requested = 0; // the worst-case USD; 1 request or the request's tokens
    QDateTime resetsAt;   // budget: when the period ends; rate: when the request would fit
    // The Retry-After value for a 429 or 503. A request that alone is over a rate limit gets 60
    // (a whole window) and a message that says waiting will not help.
    int retryAfterSeconds = 0;
    QString message;

    // Returns 402 for a budget, 429 for a rate limit, 503 when the store failed.
    int httpStatus() const;
};

// Builds the 402 rejection for a budget the amount does not fit. resetsAt is the period end.
GateRejection budgetRejection(const BudgetUsage &usage, NanoUsd amount, const QDateTime &resetsAt);

// Builds the 429 rejection for a full rate window, as seen at `now`.
GateRejection rateRejection(const RateOutcome &outcome, const QDateTime &now);

// Builds the 503 rejection for a gate store that failed.
GateRejection storeRejection(const QString &error);

} // namespace signalbox
