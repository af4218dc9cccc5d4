// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "memorygatestore.h"

#include "logging.h"

#include <algorithm>

namespace signalbox {

NanoUsd MemoryGateStore::spentIn(const QString &gateId, const QString &periodKey) const {
    const auto it = m_spent.constFind(gateId);
    if (it == m_spent.cend() || it->periodKey != periodKey)
        return 0;
    return it->spent;
}

// Period keys are ISO dates or months, so a newer period sorts after an older one. A charge into
// an older period than the counter's (the clock went back) goes to the counter's period.
void MemoryGateStore::addSpent(const QString &gateId, const QString &periodKey, NanoUsd amount) {
    SpentCounter &counter = m_spent[gateId];
    if (periodKey > counter.periodKey) {
        counter.periodKey = periodKey;
        counter.spent = 0;
    }
    counter.spent += amount;
}

BudgetUsage MemoryGateStore::usageOf(const BudgetLine &line, const PeriodKeys &periods) const {
    const QString &periodKey = periods.of(line.period);
    return {line.gateId, periodKey, line.limit, spentIn(line.gateId, periodKey),
            m_reserved.value(line.gateId)};
}

void MemoryGateStore::reserve(const ReserveCall &call,
                              std::function<void(const ReserveOutcome &)> done) {
    // Check every budget first, then reserve against all of them: all or none.
    for (const BudgetLine &line : call.budgets) {
        const BudgetUsage usage = usageOf(line, call.periods);
        if (usage.spent + usage.reserved + call.amount > usage.limit) {
            done({ReserveOutcome::Kind::OverBudget, usage, QString()});
            return;
        }
    }

    for (const BudgetLine &line : call.budgets)
        m_reserved[line.gateId] += call.amount;
    m_reservations.insert(call.reservationId, {call.amount, call.budgets});
    done({ReserveOutcome::Kind::Reserved, {}, QString()});
}

void MemoryGateStore::dropReservation(const QString &reservationId) {
    const Reservation reservation = m_reservations.take(reservationId);
    for (const BudgetLine &line : reservation.budgets) {
        NanoUsd &reserved = m_reserved[line.gateId];
        reserved = std::max<NanoUsd>(0, reserved - reservation.amount);
    }
}

void MemoryGateStore::settle(const SettleCall &call,
                             std::function<void(const SettleOutcome &)> done) {
    const auto it = m_reservations.constFind(call.reservationId);
    if (it == m_reservations.cend()) {
        done({false, {}});
        return;
    }

    const QList<BudgetLine> budgets = it->budgets;
    dropReservation(call.reservationId);

    SettleOutcome outcome{true, {}};
    const NanoUsd actual = std::max<NanoUsd>(0, call.actual);
    for (const BudgetLine &line : budgets) {
        addSpent(line.gateId, call.periods.of(line.period), actual);
        outcome.budgets.append(usageOf(line, call.periods));
    }
    done(outcome);
}

void MemoryGateStore::release(const QString &reservationId) {
    dropReservation(reservationId);
}

const RateWindow &MemoryGateStore::windowOf(const QString &scope) const {
    static const RateWindow empty;
    const auto it = m_windows.constFind(scope);
    return it == m_windows.cend() ? empty : *it;
}

RateOutcome MemoryGateStore::checkRate(const RateLine &line, const RateCall &call) const {
    const RateWindow &window = windowOf(line.scope);
    const RateWindow::Totals totals = window.totals(call.nowMSecs);

    RateOutcome outcome;
    if (line.rpm > 0 && totals.requests + 1 > line.rpm) {
        outcome = {
            RateOutcome::Kind::OverLimit,
            QStringLiteral("rate:%1:rpm").arg(line.scope),
            line.rpm,
            totals.requests,
            1,
            window.secondsUntilFits(call.nowMSecs, RateWindow::Measure::Requests, 1, line.rpm),
            QString()};
    } else if (line.tpm > 0 && totals.tokens + call.tokens > line.tpm) {
        outcome = {RateOutcome::Kind::OverLimit,
                   QStringLiteral("rate:%1:tpm").arg(line.scope),
                   line.tpm,
                   totals.tokens,
                   call.tokens,
                   window.secondsUntilFits(call.nowMSecs, RateWindow::Measure::Tokens, call.tokens,
                                           line.tpm),
                   QString()};
    }
    return outcome;
}

void MemoryGateStore::admitRate(const RateCall &call,
                                std::function<void(const RateOutcome &)> done) {
    for (const RateLine &line : call.limits) {
        const RateOutcome outcome = checkRate(line, call);
        if (outcome.kind != RateOutcome::Kind::Admitted) {
            done(outcome);
            return;
        }
    }

    for (const RateLine &line : call.limits)
        m_windows[line.scope].add(call.nowMSecs, 1, call.tokens);
    done({});
}

void MemoryGateStore::correctRateTokens(const RateCorrection &correction) {
    for (const QString &scope : correction.scopes) {
        auto it = m_windows.find(scope);
        if (it != m_windows.end())
            it->correctTokens(correction.countedAtMSecs, correction.nowMSecs,
                              correction.tokenDelta);
    }
}

void MemoryGateStore::snapshot(const SnapshotCall &call,
                               std::function<void(const StoreSnapshot &)> done) {
    StoreSnapshot snapshot;
    for (const BudgetLine &line : call.budgets)
        snapshot.budgets.append(usageOf(line, call.periods));

    for (const QString &scope : call.rateScopes) {
        const RateWindow &window = windowOf(scope);
        const RateWindow::Totals totals = window.totals(call.nowMSecs);
        snapshot.rates.append(
            {scope, totals.requests, totals.tokens, window.oldestLeavesAtMSecs(call.nowMSecs)});
    }
    done(snapshot);
}

void MemoryGateStore::replaceSpent(const SpendEntry &entry) {
    m_spent.insert(entry.gateId, {entry.periodKey, std::max<NanoUsd>(0, entry.spent)});
}

void MemoryGateStore::setSpent(const QList<SpendEntry> &entries) {
    for (const SpendEntry &entry : entries)
        replaceSpent(entry);
    qCInfo(lcGates) << "rebuilt spend of" << entries.size() << "budgets";
}

} // namespace signalbox
