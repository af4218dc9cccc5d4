// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatestore.h"
#include "gating/ratewindow.h"

#include <QHash>

namespace signalbox {

// The embedded gate store: everything in memory, used from the router thread only, so it takes no
// locks. Every callback runs before the call returns. Reservations are lost on restart, which is
// intended: a request that was in flight when the process ended can never settle.
class MemoryGateStore final : public GateStore {
public:
    void reserve(const ReserveCall &call,
                 std::function<void(const ReserveOutcome &)> done) override;
    void settle(const SettleCall &call, std::function<void(const SettleOutcome &)> done) override;
    void release(const QString &reservationId) override;
    void admitRate(const RateCall &call, std::function<void(const RateOutcome &)> done) override;
    void correctRateTokens(const RateCorrection &correction) override;
    void snapshot(const SnapshotCall &call,
                  std::function<void(const StoreSnapshot &)> done) override;
    void setSpent(const QList<SpendEntry> &entries) override;

    int openReservationCount() const { return int(m_reservations.size()); }

    // Adds settled spend to a budget's counter, as a settlement written elsewhere did.
    void addSpent(const QString &gateId, const QString &periodKey, NanoUsd amount);
    // Replaces one budget's settled spend without logging, for a store that mirrors another.
    void replaceSpent(const SpendEntry &entry);

private:
    // Settled spend of one budget in its latest period. A newer period key starts it from zero,
    // which is how a counter resets exactly at the period boundary.
    struct SpentCounter {
        QString periodKey;
        NanoUsd spent = 0;
    };

    struct Reservation {
        NanoUsd amount = 0;
        QList<BudgetLine> budgets;
    };

    BudgetUsage usageOf(const BudgetLine &line, const PeriodKeys &periods) const;
    NanoUsd spentIn(const QString &gateId, const QString &periodKey) const;
    void dropReservation(const QString &reservationId);
    const RateWindow &windowOf(const QString &scope) const;
    RateOutcome checkRate(const RateLine &line, const RateCall &call) const;

    QHash<QString, SpentCounter> m_spent; // gate id -> counter
    QHash<QString, NanoUsd> m_reserved;   // gate id -> sum of open reservations
    QHash<QString, Reservation> m_reservations;
    QHash<QString, RateWindow> m_windows; // scope -> window
};

} // namespace signalbox
