// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/budgetcalendar.h"
#include "gating/gatepolicy.h"
#include "gating/gaterejection.h"
#include "gating/gatesnapshot.h"
#include "gating/gatestore.h"

#include <QHash>
#include <QMap>
#include <QObject>

#include <functional>
#include <memory>
#include <variant>

namespace signalbox {

class Clock;

// The facts about one request that the gates check before the upstream call.
struct GateRequest {
    QString requestId;
    QString model;
    QString provider;
    QString stage; // empty when the request has no stage
    // Estimated input tokens x input price + reserved output tokens x output price.
    double worstCaseCostUsd = 0;
    // Estimated input tokens + reserved output tokens, counted in the tokens-per-minute windows
    // until settle replaces them with the reported count.
    qint64 estimatedTokens = 0;
};

// An admitted request. Pass reservationId to exactly one of settle() or release().
struct GateAdmission {
    QString reservationId;
};

using GateOutcome = std::variant<GateAdmission, GateRejection>;

// Settled spend in the current periods, summed from the ledger, to rebuild the budgets after a
// start. Query the ledger over currentDay() and currentMonth().
struct SpendTotals {
    double dayUsd = 0;
    double monthUsd = 0;
    QMap<QString, double> dayByStageUsd; // stage name -> USD
    QMap<QString, double> dayByModelUsd; // model id -> USD
};

// Budgets and rate limits for the router: admit() reserves a request's worst-case cost against
// every budget that applies and counts it in every rate window, settle() charges the actual cost.
// It lives on the router thread and keeps its counters in a GateStore.
//
// Callbacks: admit() and snapshot() report through a callback so a remote store can answer later.
// With the memory store the callback runs before the call returns.
class Gates : public QObject {
    Q_OBJECT

public:
    // The clock must outlive the gates. The policy starts empty (no budgets, no rate limits).
    Gates(std::unique_ptr<GateStore> store, const Clock &clock, QObject *parent = nullptr);
    ~Gates() override;

    // Replaces the policy. An invalid policy is rejected and the current one stays in force.
    // Spend, open reservations and rate windows carry over.
    Status setPolicy(const GatePolicy &policy);
    const GatePolicy &policy() const { return m_policy; }

    BudgetPeriodBounds currentDay() const;
    BudgetPeriodBounds currentMonth() const;

    // Reserves the worst-case cost against every applicable budget (all or none), then counts the
    // request in every applicable rate window (all or none). Budgets are checked first, so a
    // request over budget never uses up rate. A rate rejection releases the reservation.
    void admit(const GateRequest &request, std::function<void(const GateOutcome &)> done);

    // Charges the actual cost to the current periods and corrects the counted tokens. A negative
    // cost or token count is treated as 0. Fires warningReached for each threshold crossed.
    void settle(const QString &reservationId, double actualCostUsd, qint64 actualTokens);

    // Drops a reservation that cost nothing (the request failed before any upstream cost). The
    // request stays counted in the requests-per-minute windows because it was attempted, and its
    // estimated tokens are removed from the tokens-per-minute windows.
    void release(const QString &reservationId);

    // Sets the settled spend of the current periods, as summed from the ledger. Warning thresholds
    // this spend already passed are marked as fired without firing, so a restart does not repeat
    // them. Call it before admitting requests.
    void rebuildFromSpend(const SpendTotals &totals);

    void snapshot(std::function<void(const GateSnapshot &)> done) const;

signals:
    // Settled spend of a budget reached `fraction` of its limit. Fires once per threshold, budget
    // and period.
    void warningReached(const QString &gateId, double fraction, double spentUsd, double limitUsd);

    // When the gates were rebuilt from the ledger, as at start, the budget's spend was already
    // past `fraction`, the highest of its thresholds it had passed. Fires once per budget and
    // period, and never for a threshold that warningReached announced.
    void warningStanding(const QString &gateId, double fraction, double spentUsd, double limitUsd);

private:
    struct OpenAdmission {
        qint64 countedAtMSecs = 0;
        qint64 estimatedTokens = 0;
        QStringList scopes;
    };

    struct FiredWarnings {
        QString periodKey;
        QList<double> fractions;
    };

    PeriodKeys currentPeriodKeys() const;
    QList<BudgetLine> allBudgets() const;
    QList<BudgetLine> budgetsFor(const GateRequest &request) const;
    QList<RateLine> rateLinesFor(const GateRequest &request) const;
    QDateTime periodEnd(BudgetPeriod period) const;

    void admitRate(const GateRequest &request, const QString &reservationId,
                   const std::function<void(const GateOutcome &)> &done);
    void correctTokens(const QString &reservationId, qint64 actualTokens);
    void checkWarnings(const QList<BudgetUsage> &budgets, bool announce);
    GateSnapshot buildSnapshot(const StoreSnapshot &store, const QDateTime &now) const;

    std::unique_ptr<GateStore> m_store;
    const Clock &m_clock;
    GatePolicy m_policy;
    BudgetCalendar m_calendar;
    quint64 m_sequence = 0;
    QHash<QString, OpenAdmission> m_open;     // reservation id -> what settle must correct
    QHash<QString, FiredWarnings> m_warnings; // gate id -> thresholds fired this period
};

} // namespace signalbox
