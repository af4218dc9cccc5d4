// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gates.h"

#include "gating/clock.h"
#include "logging.h"

#include <QPointer>

#include <algorithm>

namespace signalbox {

Gates::Gates(std::unique_ptr<GateStore> store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_clock(clock)
    , m_calendar(BudgetCalendar::create(m_policy.timeZone, m_policy.resetHour).value()) {
}

Gates::~Gates() = default;

Status Gates::setPolicy(const GatePolicy &policy) {
    if (Status status = validateGatePolicy(policy); !status) {
        qCWarning(lcGates) << "gate policy rejected, the previous one stays in force:"
                           << status.error();
        return status;
    }
    m_policy = policy;
    std::sort(m_policy.warnFractions.begin(), m_policy.warnFractions.end());
    m_calendar = BudgetCalendar::create(policy.timeZone, policy.resetHour).value();
    return Ok{};
}

BudgetPeriodBounds Gates::currentDay() const {
    return m_calendar.dayAt(m_clock.now());
}

BudgetPeriodBounds Gates::currentMonth() const {
    return m_calendar.monthAt(m_clock.now());
}

PeriodKeys Gates::currentPeriodKeys() const {
    const QDateTime now = m_clock.now();
    return {m_calendar.dayAt(now).key, m_calendar.monthAt(now).key};
}

QDateTime Gates::periodEnd(BudgetPeriod period) const {
    return period == BudgetPeriod::Day ? currentDay().end : currentMonth().end;
}

QList<BudgetLine> Gates::allBudgets() const {
    QList<BudgetLine> lines;
    if (m_policy.dailyBudgetUsd > 0)
        lines.append({QStringLiteral("daily_budget"), BudgetPeriod::Day,
                      nanoUsdRound(m_policy.dailyBudgetUsd)});
    if (m_policy.monthlyBudgetUsd > 0)
        lines.append({QStringLiteral("monthly_budget"), BudgetPeriod::Month,
                      nanoUsdRound(m_policy.monthlyBudgetUsd)});
    for (auto it = m_policy.stageDailyBudgetsUsd.cbegin();
         it != m_policy.stageDailyBudgetsUsd.cend(); ++it) {
        if (it.value() > 0)
            lines.append({QStringLiteral("stage_budget:") + it.key(), BudgetPeriod::Day,
                          nanoUsdRound(it.value())});
    }
    for (auto it = m_policy.modelDailyBudgetsUsd.cbegin();
         it != m_policy.modelDailyBudgetsUsd.cend(); ++it) {
        if (it.value() > 0)
            lines.append({QStringLiteral("model_budget:") + it.key(), BudgetPeriod::Day,
                          nanoUsdRound(it.value())});
    }
    return lines;
}

QList<BudgetLine> Gates::budgetsFor(const GateRequest &request) const {
    const QString stageGate = QStringLiteral("stage_budget:") + request.stage;
    const QString modelGate = QStringLiteral("model_budget:") + request.model;
    QList<BudgetLine> lines = allBudgets();
    lines.removeIf([&](const BudgetLine &line) {
        if (line.gateId.startsWith(QLatin1String("stage_budget:")))
            return request.stage.isEmpty() || line.gateId != stageGate;
        if (line.gateId.startsWith(QLatin1String("model_budget:")))
            return line.gateId != modelGate;
        return false;
    });
    return lines;
}

QList<RateLine> Gates::rateLinesFor(const GateRequest &request) const {
    QStringList scopes{QStringLiteral("global"), QStringLiteral("provider:") + request.provider,
                       QStringLiteral("model:") + request.model};
    if (!request.stage.isEmpty())
        scopes.append(QStringLiteral("stage:") + request.stage);

    QList<RateLine> lines;
    for (const RateLimitRule &rule : m_policy.rateLimits) {
        if ((rule.rpm > 0 || rule.tpm > 0) && scopes.contains(rule.scope))
            lines.append({rule.scope, rule.rpm, rule.tpm});
    }
    return lines;
}

void Gates::admit(const GateRequest &request, std::function<void(const GateOutcome &)> done) {
    ReserveCall call;
    call.reservationId = QStringLiteral("%1#%2").arg(request.requestId).arg(++m_sequence);
    call.amount = nanoUsdCeil(std::max(0.0, request.worstCaseCostUsd));
    call.budgets = budgetsFor(request);
    call.periods = currentPeriodKeys();

    QPointer<Gates> self(this);
    m_store->reserve(call, [self, call, request, done](const ReserveOutcome &outcome) {
        if (!self)
            return;
        switch (outcome.kind) {
        case ReserveOutcome::Kind::Reserved:
            self->admitRate(request, call.reservationId, done);
            return;
        case ReserveOutcome::Kind::OverBudget: {
            const BudgetLine *line = nullptr;
            for (const BudgetLine &candidate : call.budgets) {
                if (candidate.gateId == outcome.blocking.gateId)
                    line = &candidate;
            }
            const BudgetPeriod period = line ? line->period : BudgetPeriod::Day;
            qCDebug(lcGates) << request.requestId << "over budget" << outcome.blocking.gateId;
            done(budgetRejection(outcome.blocking, call.amount, self->periodEnd(period)));
            return;
        }
        case ReserveOutcome::Kind::StoreFailed:
            qCWarning(lcGates) << request.requestId << "gate store failed:" << outcome.error;
            done(storeRejection(outcome.error));
            return;
        }
    });
}

void Gates::admitRate(const GateRequest &request, const QString &reservationId,
                      const std::function<void(const GateOutcome &)> &done) {
    RateCall call;
    call.nowMSecs = m_clock.now().toMSecsSinceEpoch();
    call.tokens = std::max<qint64>(0, request.estimatedTokens);
    call.limits = rateLinesFor(request);

    QPointer<Gates> self(this);
    m_store->admitRate(
        call, [self, call, request, reservationId, done](const RateOutcome &outcome) {
            if (!self)
                return;
            if (outcome.kind == RateOutcome::Kind::Admitted) {
                OpenAdmission open{call.nowMSecs, call.tokens, {}};
                for (const RateLine &line : call.limits)
                    open.scopes.append(line.scope);
                self->m_open.insert(reservationId, open);
                done(GateAdmission{reservationId});
                return;
            }

            self->m_store->release(reservationId);
            if (outcome.kind == RateOutcome::Kind::StoreFailed) {
                qCWarning(lcGates) << request.requestId << "gate store failed:" << outcome.error;
                done(storeRejection(outcome.error));
                return;
            }
            qCDebug(lcGates) << request.requestId << "over rate limit" << outcome.gateId;
            done(rateRejection(outcome, self->m_clock.now()));
        });
}

void Gates::correctTokens(const QString &reservationId, qint64 actualTokens) {
    const OpenAdmission open = m_open.take(reservationId);
    if (open.scopes.isEmpty())
        return;
    RateCorrection correction;
    correction.scopes = open.scopes;
    correction.countedAtMSecs = open.countedAtMSecs;
    correction.nowMSecs = m_clock.now().toMSecsSinceEpoch();
    correction.tokenDelta = std::max<qint64>(0, actualTokens) - open.estimatedTokens;
    if (correction.tokenDelta != 0)
        m_store->correctRateTokens(correction);
}

void Gates::settle(const QString &reservationId, double actualCostUsd, qint64 actualTokens) {
    if (actualCostUsd < 0 || actualTokens < 0) {
        qCWarning(lcGates) << reservationId << "settled with a negative cost" << actualCostUsd
                           << "or token count" << actualTokens << "- counted as 0";
    }
    correctTokens(reservationId, actualTokens);

    SettleCall call{reservationId, nanoUsdRound(std::max(0.0, actualCostUsd)), currentPeriodKeys()};
    QPointer<Gates> self(this);
    m_store->settle(call, [self, reservationId](const SettleOutcome &outcome) {
        if (!self)
            return;
        if (!outcome.found) {
            qCWarning(lcGates) << "settle for unknown reservation" << reservationId
                               << "- it was settled or released already, or the store restarted";
            return;
        }
        self->checkWarnings(outcome.budgets, true);
    });
}

void Gates::release(const QString &reservationId) {
    correctTokens(reservationId, 0);
    m_store->release(reservationId);
}

void Gates::checkWarnings(const QList<BudgetUsage> &budgets, bool announce) {
    for (const BudgetUsage &usage : budgets) {
        if (usage.limit <= 0)
            continue;
        FiredWarnings &fired = m_warnings[usage.gateId];
        if (fired.periodKey != usage.periodKey)
            fired = {usage.periodKey, {}};

        double highestPassed = 0;
        for (const double fraction : std::as_const(m_policy.warnFractions)) {
            if (usage.spent < nanoUsdRound(fraction * usdFromNano(usage.limit)) ||
                fired.fractions.contains(fraction))
                continue;
            fired.fractions.append(fraction);
            if (!announce) {
                highestPassed = std::max(highestPassed, fraction);
                continue;
            }
            qCInfo(lcGates) << usage.gateId << "reached" << fraction << "of its limit";
            emit warningReached(usage.gateId, fraction, usdFromNano(usage.spent),
                                usdFromNano(usage.limit));
        }

        // The thresholds passed before a restart were announced then, but the console and log
        // of this run should still show where the budget is.
        if (highestPassed > 0)
            emit warningStanding(usage.gateId, highestPassed, usdFromNano(usage.spent),
                                 usdFromNano(usage.limit));
    }
}

void Gates::rebuildFromSpend(const SpendTotals &totals) {
    const PeriodKeys periods = currentPeriodKeys();
    QList<SpendEntry> entries{
        {QStringLiteral("daily_budget"), periods.day, nanoUsdRound(totals.dayUsd)},
        {QStringLiteral("monthly_budget"), periods.month, nanoUsdRound(totals.monthUsd)}};
    for (auto it = totals.dayByStageUsd.cbegin(); it != totals.dayByStageUsd.cend(); ++it)
        entries.append(
            {QStringLiteral("stage_budget:") + it.key(), periods.day, nanoUsdRound(it.value())});
    for (auto it = totals.dayByModelUsd.cbegin(); it != totals.dayByModelUsd.cend(); ++it)
        entries.append(
            {QStringLiteral("model_budget:") + it.key(), periods.day, nanoUsdRound(it.value())});
    m_store->setSpent(entries);

    // Thresholds passed before the restart were announced then, so they are reported as
    // standing, not as reached.
    QPointer<Gates> self(this);
    SnapshotCall call{allBudgets(), periods, {}, m_clock.now().toMSecsSinceEpoch()};
    m_store->snapshot(call, [self](const StoreSnapshot &snapshot) {
        if (self)
            self->checkWarnings(snapshot.budgets, false);
    });
}

void Gates::snapshot(std::function<void(const GateSnapshot &)> done) const {
    SnapshotCall call;
    call.budgets = allBudgets();
    call.periods = currentPeriodKeys();
    call.nowMSecs = m_clock.now().toMSecsSinceEpoch();
    for (const RateLimitRule &rule : m_policy.rateLimits)
        call.rateScopes.append(rule.scope);

    const QDateTime now = m_clock.now();
    QPointer<const Gates> self(this);
    m_store->snapshot(call, [self, now, done](const StoreSnapshot &store) {
        if (self)
            done(self->buildSnapshot(store, now));
    });
}

GateSnapshot Gates::buildSnapshot(const StoreSnapshot &store, const QDateTime &now) const {
    static const QHash<QString, QString> budgetKinds{
        {QStringLiteral("daily_budget"), QStringLiteral("daily_budget")},
        {QStringLiteral("monthly_budget"), QStringLiteral("monthly_budget")}};
    const double warnAt = m_policy.warnFractions.isEmpty() ? 0 : m_policy.warnFractions.first();
    const QDateTime dayEnd = m_calendar.dayAt(now).end;
    const QDateTime monthEnd = m_calendar.monthAt(now).end;

    GateSnapshot snapshot{now, {}, m_store->status()};
    for (const BudgetUsage &usage : store.budgets) {
        GateStatus status;
        status.id = usage.gateId;
        status.kind = budgetKinds.value(usage.gateId, usage.gateId.section(QLatin1Char(':'), 0, 0));
        status.limit = usdFromNano(usage.limit);
        status.spent = usdFromNano(usage.spent);
        status.reserved = usdFromNano(usage.reserved);
        status.resetsAt = usage.gateId == QLatin1String("monthly_budget") ? monthEnd : dayEnd;
        status.state = gateStateFor(status.spent, status.limit, warnAt);
        snapshot.gates.append(status);
    }

    for (const RateLimitRule &rule : m_policy.rateLimits) {
        const auto usage =
            std::find_if(store.rates.cbegin(), store.rates.cend(),
                         [&](const RateUsage &rate) { return rate.scope == rule.scope; });
        const RateUsage counted = usage == store.rates.cend() ? RateUsage{} : *usage;
        const QDateTime leaves =
            counted.oldestLeavesAtMSecs < 0
                ? QDateTime()
                : QDateTime::fromMSecsSinceEpoch(counted.oldestLeavesAtMSecs, QTimeZone::utc());
        const std::pair<qint64, qint64> measures[] = {{rule.rpm, counted.requests},
                                                      {rule.tpm, counted.tokens}};
        for (int i = 0; i < 2; ++i) {
            const auto [limit, used] = measures[i];
            if (limit <= 0)
                continue;
            const QString suffix = i == 0 ? QStringLiteral("rpm") : QStringLiteral("tpm");
            snapshot.gates.append({QStringLiteral("rate:%1:%2").arg(rule.scope, suffix),
                                   QStringLiteral("rate_") + suffix, double(limit), double(used), 0,
                                   leaves, gateStateFor(double(used), double(limit), warnAt)});
        }
    }
    return snapshot;
}

} // namespace signalbox
