// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gaterejection.h"

namespace signalbox {

namespace {

QString usd(double amount) {
    // Enough digits that a cent-sized request against a large budget still shows.
    return QStringLiteral("$%1").arg(amount, 0, 'f', amount < 0.01 && amount > 0 ? 6 : 2);
}

QString budgetName(const QString &gateId) {
    if (gateId == QLatin1String("daily_budget"))
        return QStringLiteral("daily budget");
    if (gateId == QLatin1String("monthly_budget"))
        return QStringLiteral("monthly budget");
    if (gateId.startsWith(QLatin1String("stage_budget:")))
        return QStringLiteral("daily budget of stage '%1'")
            .arg(gateId.section(QLatin1Char(':'), 1));
    return QStringLiteral("daily budget of model '%1'").arg(gateId.section(QLatin1Char(':'), 1));
}

// Only advice that can work: a smaller request helps only while some of the budget is free.
QString budgetAdvice(const BudgetUsage &usage) {
    if (usage.spent >= usage.limit)
        return QStringLiteral("The budget is used up: wait for the reset or raise the budget.");
    if (usage.spent + usage.reserved >= usage.limit)
        return QStringLiteral("Requests in flight hold the rest of it: retry when they finish, or "
                              "raise the budget.");
    return QStringLiteral("Lower max_tokens, pick a cheaper model or raise the budget.");
}

} // namespace

int GateRejection::httpStatus() const {
    switch (kind) {
    case Kind::Budget:
        return 402;
    case Kind::Rate:
        return 429;
    case Kind::Unavailable:
        return 503;
    }
    return 503;
}

GateRejection budgetRejection(const BudgetUsage &usage, NanoUsd amount, const QDateTime &resetsAt) {
    GateRejection rejection;
    rejection.kind = GateRejection::Kind::Budget;
    rejection.gateId = usage.gateId;
    rejection.limit = usdFromNano(usage.limit);
    rejection.spent = usdFromNano(usage.spent);
    rejection.reserved = usdFromNano(usage.reserved);
    rejection.requested = usdFromNano(amount);
    rejection.resetsAt = resetsAt;
    rejection.message =
        QStringLiteral("%1 (%2) of %3 would be exceeded: %4 spent, %5 reserved by requests in "
                       "flight, and this request may cost up to %6. It resets at %7. %8")
            .arg(budgetName(usage.gateId), usage.gateId, usd(rejection.limit), usd(rejection.spent),
                 usd(rejection.reserved), usd(rejection.requested), resetsAt.toString(Qt::ISODate),
                 budgetAdvice(usage));
    return rejection;
}

GateRejection rateRejection(const RateOutcome &outcome, const QDateTime &now) {
    GateRejection rejection;
    rejection.kind = GateRejection::Kind::Rate;
    rejection.gateId = outcome.gateId;
    rejection.limit = double(outcome.limit);
    rejection.spent = double(outcome.used);
    rejection.requested = double(outcome.requested);

    const bool tokens = outcome.gateId.endsWith(QLatin1String(":tpm"));
    const auto counted = [tokens](qint64 count) {
        if (tokens)
            return count == 1 ? QStringLiteral("1 token") : QStringLiteral("%1 tokens").arg(count);
        return count == 1 ? QStringLiteral("1 request") : QStringLiteral("%1 requests").arg(count);
    };
    if (outcome.retryAfterSeconds < 0) {
        // Waiting cannot help; Retry-After still gets a whole window so clients back off.
        rejection.retryAfterSeconds = 60;
        rejection.resetsAt = now.addSecs(60);
        rejection.message =
            QStringLiteral("rate limit %1 is %2 per minute, and this request "
                           "alone needs %3. Lower max_tokens or raise the limit.")
                .arg(outcome.gateId, counted(outcome.limit), counted(outcome.requested));
        return rejection;
    }
    rejection.retryAfterSeconds = outcome.retryAfterSeconds;
    rejection.resetsAt = now.addSecs(outcome.retryAfterSeconds);
    rejection.message = QStringLiteral("rate limit %1 reached: %2 in the last 60 s, limit %3 "
                                       "per minute. Retry after %4 s.")
                            .arg(outcome.gateId, counted(outcome.used), counted(outcome.limit))
                            .arg(outcome.retryAfterSeconds);
    return rejection;
}

GateRejection storeRejection(const QString &error) {
    GateRejection rejection;
    rejection.kind = GateRejection::Kind::Unavailable;
    rejection.gateId = QStringLiteral("gate_store");
    rejection.retryAfterSeconds = 1;
    rejection.message = QStringLiteral("the gate store failed, so budgets and rate limits could "
                                       "not be checked: %1")
                            .arg(error);
    return rejection;
}

} // namespace signalbox
