// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace signalbox {

struct GatesConfig;

// A requests-per-minute and tokens-per-minute limit for one scope: "global", "provider:ID",
// "model:ID" or "stage:NAME". A limit of 0 means no limit.
struct RateLimitRule {
    QString scope;
    qint64 rpm = 0;
    qint64 tpm = 0;
};

// The spending and rate limits the gates enforce. Budgets are in USD; 0 means no budget.
struct GatePolicy {
    double dailyBudgetUsd = 0;
    double monthlyBudgetUsd = 0;
    QMap<QString, double> stageDailyBudgetsUsd; // stage name -> USD per day
    QMap<QString, double> modelDailyBudgetsUsd; // model id -> USD per day

    // The time zone of the budget periods: an IANA id such as "Europe/Berlin", or "local".
    QString timeZone = QStringLiteral("local");
    // The hour (0-23, in timeZone) at which the daily period starts; the monthly period starts at
    // this hour on the 1st.
    int resetHour = 0;

    // Fractions of each budget (each in (0, 1]) at which a warning fires once per period.
    QList<double> warnFractions;
    QList<RateLimitRule> rateLimits;

    // Output tokens reserved when a request sets no maximum output, capped by the model's maximum.
    qint64 defaultReservationOutputTokens = 4096;
};

// Builds a policy from the "gates" section of the config.
GatePolicy gatePolicyFromConfig(const GatesConfig &config);

// Checks every field and returns the first problem, naming the field, the value and the fix.
Status validateGatePolicy(const GatePolicy &policy);

} // namespace signalbox
