// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatetesting.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

GatePolicy berlinPolicy(double dailyUsd) {
    GatePolicy policy;
    policy.dailyBudgetUsd = dailyUsd;
    policy.timeZone = QStringLiteral("Europe/Berlin");
    return policy;
}

bool fitsLimit(const GateStatus &gate) {
    return gate.spent + gate.reserved <= gate.limit + 1e-9;
}

} // namespace

class GatesTest : public QObject {
    Q_OBJECT

private slots:
    void fortyRequestsTenFit();
    void settleFreesHeadroom();
    void seededInterleaving();
    void stageBudgetFullReservesNothing();
    void modelBudgetAppliesToItsModel();
    void settleAboveReservationRecorded();
    void negativeSettleCountsZero();
    void releaseFreesReservation();
    void settleTwiceChargesOnce();
    void dailyResetAtBoundary_data();
    void dailyResetAtBoundary();
    void monthlyRollover();
    void settleAfterRolloverChargesNewDay();
    void openReservationCountsInNewDay();
    void warningsOncePerThreshold();
    void warningsAgainNextPeriod();
    void rebuildFromSpend();
    void costBeyondCountersRejected();
    void invalidPolicyKeepsCurrent();
    void rejectionAdvice_data();
    void rejectionAdvice();
};

void GatesTest::rejectionAdvice_data() {
    QTest::addColumn<double>("spent");
    QTest::addColumn<double>("reserved");
    QTest::addColumn<QString>("advice");

    QTest::newRow("room left") << 2.0 << 1.0 << QStringLiteral("Lower max_tokens");
    QTest::newRow("held by requests in flight") << 2.0 << 8.0 << QStringLiteral("retry when");
    QTest::newRow("used up") << 10.0 << 0.0 << QStringLiteral("is used up");
    QTest::newRow("overspent") << 12.0 << 1.0 << QStringLiteral("is used up");
}

// A smaller request cannot fit a budget that is used up, so the message must not suggest one.
void GatesTest::rejectionAdvice() {
    QFETCH(double, spent);
    QFETCH(double, reserved);
    QFETCH(QString, advice);
    const BudgetUsage usage{QStringLiteral("daily_budget"), QString(), nanoUsdRound(10.0),
                            nanoUsdRound(spent), nanoUsdRound(reserved)};
    const GateRejection rejected =
        budgetRejection(usage, nanoUsdRound(3.0), utcTime("2026-12-05T00:00:00"));
    QVERIFY2(rejected.message.contains(advice), qPrintable(rejected.message));
}

void GatesTest::fortyRequestsTenFit() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    QStringList admitted;
    for (int i = 0; i < 40; ++i) {
        const GateOutcome outcome = fixture.admit(gateRequest(1.0));
        if (const std::optional<GateAdmission> granted = admission(outcome)) {
            admitted << granted->reservationId;
        } else {
            const std::optional<GateRejection> rejected = rejection(outcome);
            QCOMPARE(rejected->kind, GateRejection::Kind::Budget);
            QCOMPARE(rejected->httpStatus(), 402);
            QCOMPARE(rejected->gateId, QStringLiteral("daily_budget"));
            QCOMPARE(rejected->limit, 10.0);
            QCOMPARE(rejected->spent, 0.0);
            QCOMPARE(rejected->reserved, 10.0);
            QCOMPARE(rejected->requested, 1.0);
            QCOMPARE(rejected->resetsAt.toUTC(), utcTime("2026-12-04T23:00:00"));
            QVERIFY2(rejected->message.contains(QLatin1String("daily_budget")),
                     qPrintable(rejected->message));
        }
        QVERIFY(fitsLimit(fixture.gate(QStringLiteral("daily_budget"))));
    }
    QCOMPARE(admitted.size(), 10);

    for (const QString &id : std::as_const(admitted)) {
        fixture.gates.settle(id, 1.0, 500);
        QVERIFY(fitsLimit(fixture.gate(QStringLiteral("daily_budget"))));
    }
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 10.0);
    QVERIFY(rejection(fixture.admit(gateRequest(0.01))));
}

void GatesTest::settleFreesHeadroom() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    QStringList admitted;
    for (int i = 0; i < 40; ++i) {
        if (const std::optional<GateAdmission> granted = admission(fixture.admit(gateRequest(1.0))))
            admitted << granted->reservationId;
    }
    QCOMPARE(admitted.size(), 10);

    // The actual cost was 0.40 each: 6.00 of headroom comes back.
    for (const QString &id : std::as_const(admitted))
        fixture.gates.settle(id, 0.40, 500);
    const GateStatus daily = fixture.gate(QStringLiteral("daily_budget"));
    QCOMPARE(daily.reserved, 0.0);
    QVERIFY(qAbs(daily.spent - 4.0) < 1e-9);

    int more = 0;
    for (int i = 0; i < 40; ++i) {
        if (admission(fixture.admit(gateRequest(1.0))))
            ++more;
        QVERIFY(fitsLimit(fixture.gate(QStringLiteral("daily_budget"))));
    }
    QCOMPARE(more, 6);
}

void GatesTest::seededInterleaving() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.monthlyBudgetUsd = 25.0;
    policy.stageDailyBudgetsUsd.insert(QStringLiteral("ui"), 3.0);
    policy.modelDailyBudgetsUsd.insert(QStringLiteral("gpt-4o"), 4.0);
    QVERIFY(fixture.gates.setPolicy(policy));

    const QStringList stages{QString(), QStringLiteral("ui"), QStringLiteral("review")};
    const QStringList models{QStringLiteral("gpt-4o"), QStringLiteral("gpt-4o-mini")};
    QRandomGenerator random(20261204);
    QList<QPair<QString, double>> open; // reservation id, worst case
    int admitted = 0;

    for (int step = 0; step < 1000; ++step) {
        const int action = int(random.bounded(3));
        if (action == 0 || open.isEmpty()) {
            const double worstCase = random.bounded(150) / 100.0;
            const GateRequest request =
                gateRequest(worstCase, stages.at(random.bounded(3)), models.at(random.bounded(2)));
            if (const std::optional<GateAdmission> granted = admission(fixture.admit(request))) {
                open.append({granted->reservationId, worstCase});
                ++admitted;
            }
        } else {
            const auto [id, worstCase] = open.takeAt(random.bounded(int(open.size())));
            if (action == 1)
                fixture.gates.settle(id, worstCase * random.bounded(101) / 100.0, 100);
            else
                fixture.gates.release(id);
        }

        for (const GateStatus &gate : fixture.snapshot().gates)
            QVERIFY2(fitsLimit(gate), qPrintable(QStringLiteral("%1 at step %2: %3 + %4 > %5")
                                                     .arg(gate.id)
                                                     .arg(step)
                                                     .arg(gate.spent)
                                                     .arg(gate.reserved)
                                                     .arg(gate.limit)));
        QCOMPARE(fixture.store->openReservationCount(), int(open.size()));
        // Advance a little so the run spans the day boundary at 23:00 UTC.
        fixture.clock.advanceSecs(45);
    }
    QVERIFY(admitted > 50);
}

void GatesTest::stageBudgetFullReservesNothing() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.stageDailyBudgetsUsd.insert(QStringLiteral("ui"), 2.0);
    QVERIFY(fixture.gates.setPolicy(policy));

    QVERIFY(admission(fixture.admit(gateRequest(2.0, QStringLiteral("ui")))));
    const GateOutcome outcome = fixture.admit(gateRequest(1.0, QStringLiteral("ui")));

    const std::optional<GateRejection> rejected = rejection(outcome);
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("stage_budget:ui"));
    QCOMPARE(rejected->limit, 2.0);
    QCOMPARE(rejected->reserved, 2.0);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 2.0);
    QCOMPARE(fixture.gate(QStringLiteral("stage_budget:ui")).reserved, 2.0);

    // Requests of other stages still fit the daily budget.
    QVERIFY(admission(fixture.admit(gateRequest(1.0, QStringLiteral("review")))));
    QVERIFY(admission(fixture.admit(gateRequest(1.0))));
}

void GatesTest::modelBudgetAppliesToItsModel() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.modelDailyBudgetsUsd.insert(QStringLiteral("gpt-4o"), 1.5);
    QVERIFY(fixture.gates.setPolicy(policy));

    QVERIFY(admission(fixture.admit(gateRequest(1.0))));
    const std::optional<GateRejection> rejected = rejection(fixture.admit(gateRequest(1.0)));
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("model_budget:gpt-4o"));
    QVERIFY(admission(fixture.admit(gateRequest(1.0, QString(), QStringLiteral("gpt-4o-mini")))));
}

void GatesTest::settleAboveReservationRecorded() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    const GateOutcome outcome = fixture.admit(gateRequest(1.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, 1.75, 800);

    const GateStatus daily = fixture.gate(QStringLiteral("daily_budget"));
    QCOMPARE(daily.spent, 1.75);
    QCOMPARE(daily.reserved, 0.0);
}

void GatesTest::negativeSettleCountsZero() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    const GateOutcome outcome = fixture.admit(gateRequest(1.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, -3.0, -5);

    const GateStatus daily = fixture.gate(QStringLiteral("daily_budget"));
    QCOMPARE(daily.spent, 0.0);
    QCOMPARE(daily.reserved, 0.0);
}

void GatesTest::releaseFreesReservation() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(2.0)));

    const GateOutcome first = fixture.admit(gateRequest(2.0));
    QVERIFY(admission(first));
    QVERIFY(rejection(fixture.admit(gateRequest(2.0))));

    fixture.gates.release(admission(first)->reservationId);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 0.0);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 0.0);
    QVERIFY(admission(fixture.admit(gateRequest(2.0))));
}

void GatesTest::settleTwiceChargesOnce() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    const GateOutcome outcome = fixture.admit(gateRequest(1.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, 0.5, 100);
    fixture.gates.settle(admission(outcome)->reservationId, 0.5, 100);
    fixture.gates.release(admission(outcome)->reservationId);

    const GateStatus daily = fixture.gate(QStringLiteral("daily_budget"));
    QCOMPARE(daily.spent, 0.5);
    QCOMPARE(daily.reserved, 0.0);
}

void GatesTest::dailyResetAtBoundary_data() {
    QTest::addColumn<QString>("zone");
    QTest::addColumn<int>("resetHour");
    QTest::addColumn<QDateTime>("spendAt");
    QTest::addColumn<QDateTime>("boundary");

    // clang-format off
    QTest::newRow("berlin midnight")          << QStringLiteral("Europe/Berlin")    << 0 << utcTime("2026-12-04T12:00:00") << utcTime("2026-12-04T23:00:00");
    QTest::newRow("berlin spring forward")    << QStringLiteral("Europe/Berlin")    << 0 << utcTime("2026-03-29T12:00:00") << utcTime("2026-03-29T22:00:00");
    QTest::newRow("berlin fall back")         << QStringLiteral("Europe/Berlin")    << 0 << utcTime("2026-10-25T12:00:00") << utcTime("2026-10-25T23:00:00");
    QTest::newRow("berlin reset hour 4")      << QStringLiteral("Europe/Berlin")    << 4 << utcTime("2026-12-04T12:00:00") << utcTime("2026-12-05T03:00:00");
    QTest::newRow("new york midnight")        << QStringLiteral("America/New_York") << 0 << utcTime("2026-12-04T12:00:00") << utcTime("2026-12-05T05:00:00");
    QTest::newRow("new york spring forward")  << QStringLiteral("America/New_York") << 0 << utcTime("2026-03-08T12:00:00") << utcTime("2026-03-09T04:00:00");
    // clang-format on
}

void GatesTest::dailyResetAtBoundary() {
    QFETCH(QString, zone);
    QFETCH(int, resetHour);
    QFETCH(QDateTime, spendAt);
    QFETCH(QDateTime, boundary);

    GateFixture fixture(spendAt);
    GatePolicy policy = berlinPolicy(10.0);
    policy.timeZone = zone;
    policy.resetHour = resetHour;
    QVERIFY(fixture.gates.setPolicy(policy));

    const GateOutcome outcome = fixture.admit(gateRequest(6.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, 6.0, 100);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).resetsAt.toUTC(), boundary);

    fixture.clock.setNow(boundary.addMSecs(-1));
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 6.0);
    QVERIFY(rejection(fixture.admit(gateRequest(6.0))));

    fixture.clock.setNow(boundary);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 0.0);
    QVERIFY(admission(fixture.admit(gateRequest(6.0))));
}

void GatesTest::monthlyRollover() {
    GateFixture fixture(utcTime("2026-11-30T12:00:00"));
    GatePolicy policy = berlinPolicy(0);
    policy.monthlyBudgetUsd = 20.0;
    QVERIFY(fixture.gates.setPolicy(policy));

    const GateOutcome outcome = fixture.admit(gateRequest(15.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, 15.0, 100);
    QVERIFY(rejection(fixture.admit(gateRequest(6.0))));

    const GateStatus monthly = fixture.gate(QStringLiteral("monthly_budget"));
    QCOMPARE(monthly.resetsAt.toUTC(), utcTime("2026-11-30T23:00:00"));

    fixture.clock.setNow(utcTime("2026-11-30T22:59:59.999"));
    QCOMPARE(fixture.gate(QStringLiteral("monthly_budget")).spent, 15.0);
    fixture.clock.setNow(utcTime("2026-11-30T23:00:00"));
    QCOMPARE(fixture.gate(QStringLiteral("monthly_budget")).spent, 0.0);
    QCOMPARE(fixture.gate(QStringLiteral("monthly_budget")).resetsAt.toUTC(),
             utcTime("2026-12-31T23:00:00"));
    QVERIFY(admission(fixture.admit(gateRequest(6.0))));
}

void GatesTest::settleAfterRolloverChargesNewDay() {
    GateFixture fixture(utcTime("2026-12-04T22:59:30"));
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    const GateOutcome outcome = fixture.admit(gateRequest(2.0));
    QVERIFY(admission(outcome));
    fixture.clock.advanceSecs(60);
    fixture.gates.settle(admission(outcome)->reservationId, 1.5, 100);

    // The day of the reservation has closed, so the cost lands in the day it was settled in.
    const GateStatus daily = fixture.gate(QStringLiteral("daily_budget"));
    QCOMPARE(daily.spent, 1.5);
    QCOMPARE(daily.reserved, 0.0);
    QCOMPARE(daily.resetsAt.toUTC(), utcTime("2026-12-05T23:00:00"));
}

void GatesTest::openReservationCountsInNewDay() {
    GateFixture fixture(utcTime("2026-12-04T22:59:30"));
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    QVERIFY(admission(fixture.admit(gateRequest(7.0))));
    fixture.clock.advanceSecs(60);

    // The 7.00 in flight will be charged to the new day, so it still holds headroom there.
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 7.0);
    QVERIFY(rejection(fixture.admit(gateRequest(4.0))));
    QVERIFY(admission(fixture.admit(gateRequest(3.0))));
}

void GatesTest::warningsOncePerThreshold() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.warnFractions = {0.8, 0.5, 0.95};
    QVERIFY(fixture.gates.setPolicy(policy));
    QSignalSpy spy(&fixture.gates, &Gates::warningReached);

    const auto spend = [&](double usd) {
        const GateOutcome outcome = fixture.admit(gateRequest(usd));
        if (const std::optional<GateAdmission> granted = admission(outcome))
            fixture.gates.settle(granted->reservationId, usd, 10);
    };

    spend(4.0);
    QCOMPARE(spy.count(), 0);
    // Reservations do not count towards warnings, only settled spend.
    const GateOutcome held = fixture.admit(gateRequest(2.0));
    QVERIFY(admission(held));
    QCOMPARE(spy.count(), 0);
    fixture.gates.release(admission(held)->reservationId);

    spend(1.0);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("daily_budget"));
    QCOMPARE(spy.at(0).at(1).toDouble(), 0.5);
    QCOMPARE(spy.at(0).at(2).toDouble(), 5.0);
    QCOMPARE(spy.at(0).at(3).toDouble(), 10.0);

    spend(0.5);
    QCOMPARE(spy.count(), 1);

    // One settle past two thresholds fires both, lowest first.
    spend(4.0);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(1).at(1).toDouble(), 0.8);
    QCOMPARE(spy.at(2).at(1).toDouble(), 0.95);
}

void GatesTest::warningsAgainNextPeriod() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.warnFractions = {0.5};
    QVERIFY(fixture.gates.setPolicy(policy));
    QSignalSpy spy(&fixture.gates, &Gates::warningReached);

    for (int day = 0; day < 3; ++day) {
        for (int i = 0; i < 3; ++i) {
            const GateOutcome outcome = fixture.admit(gateRequest(2.0));
            QVERIFY(admission(outcome));
            fixture.gates.settle(admission(outcome)->reservationId, 2.0, 10);
        }
        QCOMPARE(spy.count(), day + 1);
        fixture.clock.advanceSecs(24 * 3600);
    }
}

void GatesTest::rebuildFromSpend() {
    GateFixture fixture;
    GatePolicy policy = berlinPolicy(10.0);
    policy.monthlyBudgetUsd = 100.0;
    policy.stageDailyBudgetsUsd.insert(QStringLiteral("ui"), 2.0);
    policy.warnFractions = {0.5, 0.8};
    QVERIFY(fixture.gates.setPolicy(policy));
    QSignalSpy spy(&fixture.gates, &Gates::warningReached);
    QSignalSpy standing(&fixture.gates, &Gates::warningStanding);

    SpendTotals totals;
    totals.dayUsd = 7.0;
    totals.monthUsd = 42.0;
    totals.dayByStageUsd.insert(QStringLiteral("ui"), 1.5);
    fixture.gates.rebuildFromSpend(totals);

    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 7.0);
    QCOMPARE(fixture.gate(QStringLiteral("monthly_budget")).spent, 42.0);
    QCOMPARE(fixture.gate(QStringLiteral("stage_budget:ui")).spent, 1.5);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 0.0);
    QCOMPARE(spy.count(), 0);

    // Each budget past a threshold is reported once, with the highest threshold it passed.
    QCOMPARE(standing.count(), 2);
    QCOMPARE(standing.at(0).at(0).toString(), QStringLiteral("daily_budget"));
    QCOMPARE(standing.at(0).at(1).toDouble(), 0.5);
    QCOMPARE(standing.at(0).at(2).toDouble(), 7.0);
    QCOMPARE(standing.at(0).at(3).toDouble(), 10.0);
    QCOMPARE(standing.at(1).at(0).toString(), QStringLiteral("stage_budget:ui"));
    QCOMPARE(standing.at(1).at(1).toDouble(), 0.5);
    fixture.gates.rebuildFromSpend(totals);
    QCOMPARE(standing.count(), 2);

    QVERIFY(rejection(fixture.admit(gateRequest(3.5))));
    QVERIFY(rejection(fixture.admit(gateRequest(0.6, QStringLiteral("ui")))));

    // 0.5 was passed before the restart and stays quiet; 0.8 fires when crossed.
    const GateOutcome outcome = fixture.admit(gateRequest(1.0));
    QVERIFY(admission(outcome));
    fixture.gates.settle(admission(outcome)->reservationId, 1.0, 10);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).toDouble(), 0.8);
    QCOMPARE(standing.count(), 2);
}

void GatesTest::costBeyondCountersRejected() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(100.0)));

    // 1e10 USD is more nano-USD than a qint64 holds. It must not wrap around and fit the budget.
    for (const double cost : {1e10, 1e30, std::numeric_limits<double>::infinity()}) {
        const GateOutcome outcome = fixture.admit(gateRequest(cost));
        QVERIFY2(rejection(outcome), qPrintable(QString::number(cost)));
    }
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 0.0);
    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).spent, 0.0);
}

void GatesTest::invalidPolicyKeepsCurrent() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(berlinPolicy(10.0)));

    GatePolicy invalid = berlinPolicy(5.0);
    invalid.timeZone = QStringLiteral("Mars/Olympus");
    const Status status = fixture.gates.setPolicy(invalid);
    QVERIFY(!status.ok());
    QVERIFY2(status.error().contains(QLatin1String("Mars/Olympus")), qPrintable(status.error()));
    QCOMPARE(fixture.gates.policy().dailyBudgetUsd, 10.0);
}

QTEST_GUILESS_MAIN(GatesTest)
#include "tst_gates.moc"
