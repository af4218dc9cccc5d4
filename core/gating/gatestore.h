// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <functional>

namespace signalbox {

// Money in the gate store: whole nano-USD (1e-9 USD), so sums are exact and "spent + reserved <=
// limit" never fails on a rounding error. A qint64 holds about 9.2 billion USD; a remote store
// that computes in doubles stays exact up to about 9 million USD (2^53 nano-USD).
using NanoUsd = qint64;

// The largest amount the gates take: 4 billion USD. It is above every budget the config allows
// (at most 1 billion), so a larger amount is still rejected by any budget. It is also far enough
// below the qint64 limit that adding a few of them cannot overflow.
constexpr double kMaxGateAmountUsd = 4e9;

// Converts USD to nano-USD, rounding up, so a reservation or a limit check never comes out low.
// Amounts are clamped to +-kMaxGateAmountUsd, and NaN counts as the maximum.
inline NanoUsd nanoUsdCeil(double usd) {
    if (!(usd < kMaxGateAmountUsd))
        return NanoUsd(kMaxGateAmountUsd * 1e9);
    // The small subtraction keeps a binary rounding error (0.1 * 1e9 is 100000000.00000001) from
    // adding a whole nano-USD.
    return NanoUsd(std::ceil(std::max(usd, -kMaxGateAmountUsd) * 1e9 - 1e-6));
}

// Converts USD to nano-USD, rounding to the nearest, for settled costs and limits. Clamped like
// nanoUsdCeil().
inline NanoUsd nanoUsdRound(double usd) {
    if (!(usd < kMaxGateAmountUsd))
        return NanoUsd(kMaxGateAmountUsd * 1e9);
    return NanoUsd(std::llround(std::max(usd, -kMaxGateAmountUsd) * 1e9));
}

inline double usdFromNano(NanoUsd nano) {
    return double(nano) / 1e9;
}

enum class BudgetPeriod { Day, Month };

// The keys of the current periods, such as "2026-12-04" and "2026-12".
struct PeriodKeys {
    QString day;
    QString month;

    const QString &of(BudgetPeriod period) const {
        return period == BudgetPeriod::Day ? day : month;
    }
};

// One budget a reservation counts against.
struct BudgetLine {
    QString gateId; // daily_budget, monthly_budget, stage_budget:NAME, model_budget:ID
    BudgetPeriod period = BudgetPeriod::Day;
    NanoUsd limit = 0;
};

// A budget's state in one period.
struct BudgetUsage {
    QString gateId;
    QString periodKey;
    NanoUsd limit = 0;
    NanoUsd spent = 0;    // settled in periodKey
    NanoUsd reserved = 0; // open reservations, including those made in an earlier period
};

struct ReserveCall {
    QString reservationId;
    NanoUsd amount = 0;
    QList<BudgetLine> budgets;
    PeriodKeys periods;
};

struct ReserveOutcome {
    enum class Kind { Reserved, OverBudget, StoreFailed };
    Kind kind = Kind::Reserved;
    BudgetUsage blocking; // with OverBudget: the first budget the amount does not fit
    QString error;        // with StoreFailed: what went wrong, for the log and the client
};

struct SettleCall {
    QString reservationId;
    NanoUsd actual = 0;
    PeriodKeys periods; // the periods current at settle time, which the actual cost is charged to
};

struct SettleOutcome {
    bool found = false;
    QList<BudgetUsage> budgets; // each budget of the reservation after the charge
};

// A rate limit to check: rpm and tpm of 0 mean no limit.
struct RateLine {
    QString scope; // global, provider:ID, model:ID, stage:NAME
    qint64 rpm = 0;
    qint64 tpm = 0;
};

struct RateCall {
    qint64 nowMSecs = 0;
    qint64 tokens = 0;
    QList<RateLine> limits;
};

struct RateOutcome {
    enum class Kind { Admitted, OverLimit, StoreFailed };
    Kind kind = Kind::Admitted;
    QString gateId;            // with OverLimit: rate:SCOPE:rpm or rate:SCOPE:tpm
    qint64 limit = 0;          // per minute
    qint64 used = 0;           // counted in the window now
    qint64 requested = 0;      // 1 request, or the request's tokens
    int retryAfterSeconds = 0; // -1 when the request alone is over the limit
    QString error;             // with StoreFailed
};

struct RateCorrection {
    QStringList scopes;
    qint64 countedAtMSecs = 0;
    qint64 nowMSecs = 0;
    qint64 tokenDelta = 0;
};

struct RateUsage {
    QString scope;
    qint64 requests = 0;
    qint64 tokens = 0;
    qint64 oldestLeavesAtMSecs = -1; // -1 when the window is empty
};

struct SnapshotCall {
    QList<BudgetLine> budgets;
    PeriodKeys periods;
    QStringList rateScopes;
    qint64 nowMSecs = 0;
};

struct StoreSnapshot {
    QList<BudgetUsage> budgets;
    QList<RateUsage> rates;
};

// Settled spend of one budget in one period, as rebuilt from the ledger.
struct SpendEntry {
    QString gateId;
    QString periodKey;
    NanoUsd spent = 0;
};

// The health of a gate store, for GET /api/gates and /metrics.
struct GateStoreStatus {
    QString kind = QStringLiteral("memory"); // memory or redis
    bool healthy = true;
    QString policy;             // redis: "closed" or "open", what requests get while unhealthy
    QString endpoint;           // redis: HOST:PORT/DB, never with a password
    QString error;              // the last failure while unhealthy
    int instancesReporting = 1; // instances whose heartbeat is live; -1 when not known
    int pendingSettlements = 0; // settlements waiting to be written to the store
};

// Where budget counters, open reservations and rate windows live. The embedded store keeps them
// in memory on the router thread; a shared store (Redis) lets several instances enforce one set
// of budgets. Each operation is one atomic step on the store, so a remote store can run it as one
// script. Results come back through a callback, never as a return value, so a remote store can
// answer later without blocking the router thread. A callback runs exactly once, on the caller's
// thread, and may run before the call returns (the memory store always does).
class GateStore {
public:
    virtual ~GateStore() = default;

    // Reserves the amount against every budget, or against none when any of them would go over
    // its limit (spent in the current period + reserved + amount > limit).
    virtual void reserve(const ReserveCall &call,
                         std::function<void(const ReserveOutcome &)> done) = 0;

    // Moves a reservation to spent at the actual amount, charged to the budgets' current periods.
    virtual void settle(const SettleCall &call,
                        std::function<void(const SettleOutcome &)> done) = 0;

    // Drops a reservation without charging anything. An unknown id is ignored.
    virtual void release(const QString &reservationId) = 0;

    // Counts one request and its tokens in every scope's window, or in none when any window is at
    // its limit.
    virtual void admitRate(const RateCall &call, std::function<void(const RateOutcome &)> done) = 0;

    // Corrects the tokens counted at admission to the actual count.
    virtual void correctRateTokens(const RateCorrection &correction) = 0;

    virtual void snapshot(const SnapshotCall &call,
                          std::function<void(const StoreSnapshot &)> done) = 0;

    // Replaces the settled spend of the given budgets and periods, as summed from this instance's
    // ledger. A shared store keeps one share per instance and only ever raises this instance's
    // share, because the other instances' spend is not in this ledger.
    virtual void setSpent(const QList<SpendEntry> &entries) = 0;

    virtual GateStoreStatus status() const { return {}; }
};

} // namespace signalbox
