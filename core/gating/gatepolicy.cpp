// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatepolicy.h"

#include "config/config.h"
#include "gating/budgetcalendar.h"

#include <cmath>

namespace signalbox {

namespace {

Status checkBudget(const QString &field, double usd) {
    if (std::isfinite(usd) && usd >= 0)
        return Ok{};
    return Error{QStringLiteral("%1: %2 is not a valid budget; use a number of USD >= 0 "
                                "(0 means no budget)")
                     .arg(field)
                     .arg(usd)};
}

Status checkBudgets(const GatePolicy &policy) {
    if (Status status = checkBudget(QStringLiteral("daily budget"), policy.dailyBudgetUsd); !status)
        return status;
    if (Status status = checkBudget(QStringLiteral("monthly budget"), policy.monthlyBudgetUsd);
        !status)
        return status;
    for (auto it = policy.stageDailyBudgetsUsd.cbegin(); it != policy.stageDailyBudgetsUsd.cend();
         ++it) {
        if (Status status =
                checkBudget(QStringLiteral("stage budget '%1'").arg(it.key()), it.value());
            !status)
            return status;
    }
    for (auto it = policy.modelDailyBudgetsUsd.cbegin(); it != policy.modelDailyBudgetsUsd.cend();
         ++it) {
        if (Status status =
                checkBudget(QStringLiteral("model budget '%1'").arg(it.key()), it.value());
            !status)
            return status;
    }
    return Ok{};
}

bool isKnownScope(const QString &scope) {
    if (scope == QLatin1String("global"))
        return true;
    for (const QLatin1String prefix :
         {QLatin1String("provider:"), QLatin1String("model:"), QLatin1String("stage:")}) {
        if (scope.startsWith(prefix) && scope.size() > prefix.size())
            return true;
    }
    return false;
}

Status checkRateLimits(const GatePolicy &policy) {
    for (const RateLimitRule &rule : policy.rateLimits) {
        if (!isKnownScope(rule.scope)) {
            return Error{QStringLiteral("rate limit scope '%1' is invalid; use global, "
                                        "provider:ID, model:ID or stage:NAME")
                             .arg(rule.scope)};
        }
        if (rule.rpm < 0 || rule.tpm < 0) {
            return Error{QStringLiteral("rate limit '%1': rpm %2 and tpm %3 must be >= 0 "
                                        "(0 means no limit)")
                             .arg(rule.scope)
                             .arg(rule.rpm)
                             .arg(rule.tpm)};
        }
    }
    return Ok{};
}

} // namespace

GatePolicy gatePolicyFromConfig(const GatesConfig &config) {
    GatePolicy policy;
    policy.dailyBudgetUsd = config.dailyBudgetUsd;
    policy.monthlyBudgetUsd = config.monthlyBudgetUsd;
    policy.modelDailyBudgetsUsd = config.modelBudgetsUsd;
    policy.resetHour = config.resetHour;
    policy.defaultReservationOutputTokens = config.reserveOutputTokens;
    policy.timeZone = config.timezone;
    policy.warnFractions = config.warnAt;
    policy.stageDailyBudgetsUsd = config.stageBudgetsUsd;
    for (const RateLimitConfig &limit : config.rateLimits)
        policy.rateLimits.append({limit.scope, limit.rpm, limit.tpm});
    return policy;
}

Status validateGatePolicy(const GatePolicy &policy) {
    if (Status status = checkBudgets(policy); !status)
        return status;

    if (policy.resetHour < 0 || policy.resetHour > 23) {
        return Error{QStringLiteral("reset hour %1 is out of range; use an hour from 0 to 23")
                         .arg(policy.resetHour)};
    }
    if (auto calendar = BudgetCalendar::create(policy.timeZone, policy.resetHour); !calendar)
        return Error{calendar.error()};

    for (const double fraction : policy.warnFractions) {
        if (!(fraction > 0 && fraction <= 1)) {
            return Error{QStringLiteral("warning fraction %1 is out of range; use a fraction "
                                        "above 0 and at most 1, such as 0.8")
                             .arg(fraction)};
        }
    }
    if (policy.defaultReservationOutputTokens <= 0) {
        return Error{QStringLiteral("default reservation of %1 output tokens is invalid; use a "
                                    "positive number such as 4096")
                         .arg(policy.defaultReservationOutputTokens)};
    }
    return checkRateLimits(policy);
}

} // namespace signalbox
