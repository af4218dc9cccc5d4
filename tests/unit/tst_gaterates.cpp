// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatetesting.h"

#include <QTest>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

GatePolicy ratePolicy(const QList<RateLimitRule> &rules) {
    GatePolicy policy;
    policy.timeZone = QStringLiteral("UTC");
    policy.rateLimits = rules;
    return policy;
}

} // namespace

class GateRatesTest : public QObject {
    Q_OBJECT

private slots:
    void requestsPerMinute();
    void singleRequestLimitWording();
    void windowSlides();
    void tokensPerMinute();
    void tokenCorrectionAtSettle();
    void releaseRemovesTokens();
    void requestAloneOverTokenLimit();
    void scopesMatchRequest_data();
    void scopesMatchRequest();
    void rateRejectionReleasesBudget();
    void overBudgetUsesNoRate();
};

void GateRatesTest::requestsPerMinute() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 3, 0}})));

    for (int i = 0; i < 3; ++i) {
        QVERIFY(admission(fixture.admit(gateRequest(0.01))));
        fixture.clock.advanceSecs(10);
    }
    // Entries at 0 s, 10 s and 20 s; now is 30.5 s, so the first leaves in 29.5 s.
    fixture.clock.advanceMSecs(500);
    const GateOutcome outcome = fixture.admit(gateRequest(0.01));

    const std::optional<GateRejection> rejected = rejection(outcome);
    QVERIFY(rejected);
    QCOMPARE(rejected->kind, GateRejection::Kind::Rate);
    QCOMPARE(rejected->httpStatus(), 429);
    QCOMPARE(rejected->gateId, QStringLiteral("rate:global:rpm"));
    QCOMPARE(rejected->limit, 3.0);
    QCOMPARE(rejected->spent, 3.0);
    QCOMPARE(rejected->retryAfterSeconds, 30);
    QVERIFY2(rejected->message.contains(QLatin1String("Retry after 30 s")),
             qPrintable(rejected->message));
    QVERIFY2(rejected->message.contains(QLatin1String("3 requests in the last 60 s")),
             qPrintable(rejected->message));
}

// A limit of one request reads "1 request", not "1 requests".
void GateRatesTest::singleRequestLimitWording() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 1, 0}})));
    QVERIFY(admission(fixture.admit(gateRequest(0.01))));

    const std::optional<GateRejection> rejected = rejection(fixture.admit(gateRequest(0.01)));
    QVERIFY(rejected);
    QVERIFY2(rejected->message.contains(
                 QLatin1String("1 request in the last 60 s, limit 1 request per minute")),
             qPrintable(rejected->message));
}

void GateRatesTest::windowSlides() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 2, 0}})));

    QVERIFY(admission(fixture.admit(gateRequest(0.01))));
    fixture.clock.advanceSecs(30);
    QVERIFY(admission(fixture.admit(gateRequest(0.01))));
    QVERIFY(rejection(fixture.admit(gateRequest(0.01))));

    fixture.clock.advanceMSecs(29'999);
    QVERIFY(rejection(fixture.admit(gateRequest(0.01))));
    fixture.clock.advanceMSecs(1);
    QVERIFY(admission(fixture.admit(gateRequest(0.01))));
    QVERIFY(rejection(fixture.admit(gateRequest(0.01))));
}

void GateRatesTest::tokensPerMinute() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("model:gpt-4o"), 0, 10'000}})));

    QVERIFY(admission(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("gpt-4o"), 4'000))));
    fixture.clock.advanceSecs(5);
    QVERIFY(admission(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("gpt-4o"), 4'000))));
    fixture.clock.advanceSecs(5);

    const std::optional<GateRejection> rejected =
        rejection(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("gpt-4o"), 4'000)));
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("rate:model:gpt-4o:tpm"));
    QCOMPARE(rejected->limit, 10'000.0);
    QCOMPARE(rejected->spent, 8'000.0);
    QCOMPARE(rejected->requested, 4'000.0);
    QCOMPARE(rejected->retryAfterSeconds, 50);
}

void GateRatesTest::tokenCorrectionAtSettle() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 0, 10'000}})));

    const GateOutcome first = fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 4'000));
    QVERIFY(admission(first));
    QVERIFY(admission(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 4'000))));
    QVERIFY(rejection(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 4'000))));
    QCOMPARE(fixture.gate(QStringLiteral("rate:global:tpm")).spent, 8'000.0);

    // The first call used 1,000 tokens, not the 4,000 estimated at admission.
    fixture.clock.advanceSecs(3);
    fixture.gates.settle(admission(first)->reservationId, 0.001, 1'000);
    QCOMPARE(fixture.gate(QStringLiteral("rate:global:tpm")).spent, 5'000.0);
    QVERIFY(admission(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 4'000))));
}

void GateRatesTest::releaseRemovesTokens() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 10, 10'000}})));

    const GateOutcome outcome =
        fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 6'000));
    QVERIFY(admission(outcome));
    fixture.gates.release(admission(outcome)->reservationId);

    QCOMPARE(fixture.gate(QStringLiteral("rate:global:tpm")).spent, 0.0);
    QCOMPARE(fixture.gate(QStringLiteral("rate:global:rpm")).spent, 1.0);
}

void GateRatesTest::requestAloneOverTokenLimit() {
    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{QStringLiteral("global"), 0, 5'000}})));

    const std::optional<GateRejection> rejected =
        rejection(fixture.admit(gateRequest(0.01, QString(), QStringLiteral("a"), 6'000)));
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("rate:global:tpm"));
    QCOMPARE(rejected->retryAfterSeconds, 60);
    QVERIFY2(rejected->message.contains(QLatin1String("alone needs 6000 tokens")),
             qPrintable(rejected->message));
}

void GateRatesTest::scopesMatchRequest_data() {
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("applies");

    // The requests go to provider "openai".
    // clang-format off
    QTest::newRow("global")           << "global"          << ""   << "gpt-4o"      << true;
    QTest::newRow("same provider")    << "provider:openai" << ""   << "gpt-4o"      << true;
    QTest::newRow("other provider")   << "provider:gemini" << ""   << "gpt-4o"      << false;
    QTest::newRow("same model")       << "model:gpt-4o"    << ""   << "gpt-4o"      << true;
    QTest::newRow("other model")      << "model:gpt-4o"    << ""   << "gpt-4o-mini" << false;
    QTest::newRow("same stage")       << "stage:ui"        << "ui" << "gpt-4o"      << true;
    QTest::newRow("no stage")         << "stage:ui"        << ""   << "gpt-4o"      << false;
    // clang-format on
}

void GateRatesTest::scopesMatchRequest() {
    QFETCH(QString, scope);
    QFETCH(QString, stage);
    QFETCH(QString, model);
    QFETCH(bool, applies);

    GateFixture fixture;
    QVERIFY(fixture.gates.setPolicy(ratePolicy({{scope, 1, 0}})));
    QVERIFY(admission(fixture.admit(gateRequest(0.01, stage, model))));
    QCOMPARE(rejection(fixture.admit(gateRequest(0.01, stage, model))).has_value(), applies);
}

void GateRatesTest::rateRejectionReleasesBudget() {
    GateFixture fixture;
    GatePolicy policy = ratePolicy({{QStringLiteral("global"), 1, 0}});
    policy.dailyBudgetUsd = 10.0;
    QVERIFY(fixture.gates.setPolicy(policy));

    QVERIFY(admission(fixture.admit(gateRequest(2.0))));
    QVERIFY(rejection(fixture.admit(gateRequest(3.0))));

    QCOMPARE(fixture.gate(QStringLiteral("daily_budget")).reserved, 2.0);
    QCOMPARE(fixture.store->openReservationCount(), 1);
}

void GateRatesTest::overBudgetUsesNoRate() {
    GateFixture fixture;
    GatePolicy policy = ratePolicy({{QStringLiteral("global"), 5, 0}});
    policy.dailyBudgetUsd = 1.0;
    QVERIFY(fixture.gates.setPolicy(policy));

    const std::optional<GateRejection> rejected = rejection(fixture.admit(gateRequest(2.0)));
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("daily_budget"));
    QCOMPARE(fixture.gate(QStringLiteral("rate:global:rpm")).spent, 0.0);
}

QTEST_GUILESS_MAIN(GateRatesTest)
#include "tst_gaterates.moc"
