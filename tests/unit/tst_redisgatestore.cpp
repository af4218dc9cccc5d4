// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The Redis gate store against a real redis-server that each test starts on a free loopback
// port: two Gates in this process stand for two Signalbox instances sharing one Redis.
#include "gatetesting.h"
#include "gating/redisgatestore.h"
#include "gating/redisscripts.h"
#include "support/redistestserver.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

const QString Prefix = QStringLiteral("sbtest:");
constexpr double Usd = 1.0;

// One Signalbox instance: Gates over a Redis store, on a manual clock.
struct Instance {
    Instance(const RedisTestServer &server, const QString &id, bool failOpen = false,
             int reservationTtlSeconds = 60, const QString &password = QString(),
             bool passwordPending = false)
        : clock(utcTime("2026-12-04T12:00:00")) {
        RedisGateStoreSettings settings;
        settings.endpoint = parseRedisUrl(server.url()).value();
        settings.password = password;
        settings.passwordPending = passwordPending;
        settings.prefix = Prefix;
        settings.failOpen = failOpen;
        settings.timeoutMs = 300;
        settings.reservationTtlSeconds = reservationTtlSeconds;
        settings.instanceId = id;
        store = new RedisGateStore(settings);
        gates = std::make_unique<Gates>(std::unique_ptr<GateStore>(store), clock);
    }

    bool waitHealthy(bool healthy = true) {
        return QTest::qWaitFor([&] { return store->isHealthy() == healthy; }, 20000);
    }

    GateOutcome admit(const GateRequest &request) {
        std::optional<GateOutcome> outcome;
        gates->admit(request, [&](const GateOutcome &result) { outcome = result; });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10000)) {
            GateRejection missing;
            missing.gateId = QStringLiteral("no answer within 10 s");
            return missing;
        }
        return *outcome;
    }

    GateSnapshot snapshot() {
        std::optional<GateSnapshot> result;
        gates->snapshot([&](const GateSnapshot &taken) { result = taken; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qWarning() << "the snapshot did not arrive within 10 s";
        return result.value_or(GateSnapshot{});
    }

    GateStatus gate(const QString &id) {
        for (const GateStatus &status : snapshot().gates) {
            if (status.id == id)
                return status;
        }
        return {};
    }

    ManualClock clock;
    RedisGateStore *store; // owned by gates
    std::unique_ptr<Gates> gates;
};

GatePolicy dailyPolicy(double dailyUsd) {
    GatePolicy policy;
    policy.dailyBudgetUsd = dailyUsd;
    policy.timeZone = QStringLiteral("UTC");
    return policy;
}

QByteArray key(const QString &part) {
    return (Prefix + part).toUtf8();
}

} // namespace

class RedisGateStoreTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void reserveIsAtomicAcrossInstances();
    void settledSpendIsShared();
    void keysCarryPeriodAndExpire();
    void rateWindowSharedAcrossInstances();
    void tokenCorrectionReachesWindow();
    void stoppedInstanceReservationExpires();
    void inFlightReservationIsExtended();
    void setSpentOnlyRaisesOwnShare();
    void instancesAreCounted();
    void flushedScriptCacheFallsBackToEval();
    void failClosedRejectsWhileDown();
    void gatelessRequestsNeedNoRedis();
    void failOpenAdmitsLocallyAndReconciles();
    void replayRunsBeforeRebuild();
    void pausedServerQueuesSettlement();
    void settleScriptChargesOnce();
    void passwordIsSentNotShown();
    void passwordSetLaterReconnects();
    void pendingPasswordAwaited();

private:
    std::unique_ptr<RedisTestServer> m_server;
};

void RedisGateStoreTest::init() {
    if (RedisTestServer::executable().isEmpty())
        QSKIP("redis-server was not found: install the Debian package redis-server "
              "(scripts/setup --with-test-tools) or set SIGNALBOX_REDIS_SERVER");
    m_server = std::make_unique<RedisTestServer>();
}

void RedisGateStoreTest::cleanup() {
    m_server.reset(); // resumes a paused server and stops it by its process id
}

// Forty $1 requests reach two instances at once, against a $10.5 budget: every reservation
// is pipelined to Redis before any reply arrives, and exactly ten fit.
void RedisGateStoreTest::reserveIsAtomicAcrossInstances() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    Instance b(*m_server, QStringLiteral("b"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(10.5)));
    QVERIFY(b.gates->setPolicy(dailyPolicy(10.5)));
    QVERIFY(a.waitHealthy());
    QVERIFY(b.waitHealthy());

    QList<std::optional<GateOutcome>> outcomes(40);
    QList<Gates *> owners;
    for (int i = 0; i < 40; ++i) {
        Gates *gates = (i % 2 == 0 ? a : b).gates.get();
        owners.append(gates);
        gates->admit(gateRequest(1.0 * Usd),
                     [&outcomes, i](const GateOutcome &outcome) { outcomes[i] = outcome; });
    }
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(outcomes.cbegin(), outcomes.cend(),
                               [](const auto &outcome) { return outcome.has_value(); });
        },
        20000));

    QList<std::pair<Gates *, QString>> admitted;
    for (int i = 0; i < 40; ++i) {
        if (const std::optional<GateAdmission> granted = admission(*outcomes[i])) {
            admitted.append({owners[i], granted->reservationId});
            continue;
        }
        const GateRejection rejected = rejection(*outcomes[i]).value();
        QCOMPARE(rejected.kind, GateRejection::Kind::Budget);
        QCOMPARE(rejected.httpStatus(), 402);
        QCOMPARE(rejected.gateId, QStringLiteral("daily_budget"));
        QCOMPARE(rejected.limit, 10.5);
    }
    QCOMPARE(admitted.size(), 10);

    const GateStatus held = b.gate(QStringLiteral("daily_budget"));
    QCOMPARE(held.reserved, 10.0);
    QCOMPARE(held.spent, 0.0);

    for (const auto &[gates, id] : std::as_const(admitted))
        gates->settle(id, 1.0, 100);
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).reserved, 0.0, 10000);
    QCOMPARE(a.gate(QStringLiteral("daily_budget")).spent, 10.0);

    // Each instance's settlements are its own share of the day's spend.
    const RedisReply shares =
        m_server->command({"HVALS", key(QStringLiteral("budget:daily_budget:2026-12-04"))});
    qint64 total = 0;
    for (const RedisReply &share : shares.elements)
        total += share.text.toLongLong();
    QCOMPARE(total, 10'000'000'000LL);
}

void RedisGateStoreTest::settledSpendIsShared() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    Instance b(*m_server, QStringLiteral("b"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(5)));
    QVERIFY(b.gates->setPolicy(dailyPolicy(5)));

    const std::optional<GateAdmission> first = admission(a.admit(gateRequest(3.0)));
    QVERIFY(first);
    a.gates->settle(first->reservationId, 2.5, 100);
    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("daily_budget")).spent, 2.5, 10000);

    // 2.5 spent leaves room for 2.5, not 3.
    const std::optional<GateRejection> over = rejection(b.admit(gateRequest(3.0)));
    QVERIFY(over);
    QCOMPARE(over->spent, 2.5);
    QVERIFY(admission(b.admit(gateRequest(2.5))));
}

void RedisGateStoreTest::keysCarryPeriodAndExpire() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"), false, 30);
    GatePolicy policy = dailyPolicy(5);
    policy.monthlyBudgetUsd = 50;
    policy.rateLimits = {{QStringLiteral("global"), 100, 0}};
    QVERIFY(a.gates->setPolicy(policy));

    const std::optional<GateAdmission> admitted = admission(a.admit(gateRequest(1.0)));
    QVERIFY(admitted);
    const QByteArray reservation = key(QStringLiteral("reservation:a/") + admitted->reservationId);
    const qint64 reservationTtl = m_server->command({"PTTL", reservation}).integer;
    QVERIFY2(reservationTtl > 0 && reservationTtl <= 30000,
             qPrintable(QString::number(reservationTtl)));

    a.gates->settle(admitted->reservationId, 0.5, 10);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->command({"EXISTS", reservation}).integer, 0LL, 10000);
    const QStringList parts{QStringLiteral("budget:daily_budget:2026-12-04"),
                            QStringLiteral("budget:monthly_budget:2026-12"),
                            QStringLiteral("rate:global"),
                            QStringLiteral("settled:a/") + admitted->reservationId};
    for (const QString &part : parts) {
        const qint64 ttl = m_server->command({"TTL", key(part)}).integer;
        QVERIFY2(ttl > 0, qPrintable(part + QStringLiteral(" has TTL %1").arg(ttl)));
    }
}

void RedisGateStoreTest::rateWindowSharedAcrossInstances() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    Instance b(*m_server, QStringLiteral("b"));
    GatePolicy policy;
    policy.rateLimits = {{QStringLiteral("global"), 3, 0}};
    QVERIFY(a.gates->setPolicy(policy));
    QVERIFY(b.gates->setPolicy(policy));

    QVERIFY(admission(a.admit(gateRequest(0))));
    QVERIFY(admission(a.admit(gateRequest(0))));
    QVERIFY(admission(b.admit(gateRequest(0))));
    const std::optional<GateRejection> fourth = rejection(b.admit(gateRequest(0)));
    QVERIFY(fourth);
    QCOMPARE(fourth->kind, GateRejection::Kind::Rate);
    QCOMPARE(fourth->gateId, QStringLiteral("rate:global:rpm"));
    QCOMPARE(fourth->spent, 3.0);
    QVERIFY(fourth->retryAfterSeconds >= 1);
    QVERIFY(fourth->retryAfterSeconds <= 60);

    // The window empties a minute later, on either instance's clock.
    a.clock.advanceSecs(61);
    QVERIFY(admission(a.admit(gateRequest(0))));
}

void RedisGateStoreTest::tokenCorrectionReachesWindow() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    Instance b(*m_server, QStringLiteral("b"));
    GatePolicy policy;
    policy.rateLimits = {{QStringLiteral("global"), 0, 1000}};
    QVERIFY(a.gates->setPolicy(policy));
    QVERIFY(b.gates->setPolicy(policy));

    const std::optional<GateAdmission> admitted =
        admission(a.admit(gateRequest(0, QString(), QStringLiteral("gpt-4o"), 800)));
    QVERIFY(admitted);
    QCOMPARE(b.gate(QStringLiteral("rate:global:tpm")).spent, 800.0);
    QVERIFY(rejection(b.admit(gateRequest(0, QString(), QStringLiteral("gpt-4o"), 300))));

    a.gates->settle(admitted->reservationId, 0, 150);
    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("rate:global:tpm")).spent, 150.0, 10000);
    QVERIFY(admission(b.admit(gateRequest(0, QString(), QStringLiteral("gpt-4o"), 300))));
}

// An instance that stops without settling, as after kill -9, leaves its reservation in Redis.
// It holds budget only until its TTL passes.
void RedisGateStoreTest::stoppedInstanceReservationExpires() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    auto a = std::make_unique<Instance>(*m_server, QStringLiteral("a"), false, 1);
    Instance b(*m_server, QStringLiteral("b"));
    QVERIFY(a->gates->setPolicy(dailyPolicy(10)));
    QVERIFY(b.gates->setPolicy(dailyPolicy(10)));

    QVERIFY(admission(a->admit(gateRequest(8.0))));
    a.reset();
    const std::optional<GateRejection> blocked = rejection(b.admit(gateRequest(5.0)));
    QVERIFY(blocked);
    QCOMPARE(blocked->reserved, 8.0);

    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("daily_budget")).reserved, 0.0, 20000);
    QVERIFY(admission(b.admit(gateRequest(5.0))));
    QCOMPARE(m_server->command({"KEYS", key(QStringLiteral("reservation:a/*"))}).elements.size(),
             0);
}

// A request that runs longer than the TTL keeps its reservation, because its instance extends
// it with every heartbeat.
void RedisGateStoreTest::inFlightReservationIsExtended() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"), false, 1);
    Instance b(*m_server, QStringLiteral("b"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(10)));
    QVERIFY(b.gates->setPolicy(dailyPolicy(10)));

    const std::optional<GateAdmission> admitted = admission(a.admit(gateRequest(8.0)));
    QVERIFY(admitted);
    QTest::qWait(3000); // three TTLs
    const std::optional<GateRejection> blocked = rejection(b.admit(gateRequest(5.0)));
    QVERIFY(blocked);
    QCOMPARE(blocked->reserved, 8.0);

    a.gates->settle(admitted->reservationId, 8.0, 100);
    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("daily_budget")).spent, 8.0, 10000);
    QCOMPARE(b.gate(QStringLiteral("daily_budget")).reserved, 0.0);
}

void RedisGateStoreTest::setSpentOnlyRaisesOwnShare() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    Instance b(*m_server, QStringLiteral("b"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(20)));
    QVERIFY(b.gates->setPolicy(dailyPolicy(20)));

    a.gates->rebuildFromSpend({4.0, 4.0, {}, {}});
    b.gates->rebuildFromSpend({3.0, 3.0, {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).spent, 7.0, 10000);

    // A ledger that shows less than Redis already holds never lowers the share.
    a.gates->rebuildFromSpend({2.0, 2.0, {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("daily_budget")).spent, 7.0, 10000);
    a.gates->rebuildFromSpend({5.0, 5.0, {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(b.gate(QStringLiteral("daily_budget")).spent, 8.0, 10000);
}

void RedisGateStoreTest::instancesAreCounted() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    auto b = std::make_unique<Instance>(*m_server, QStringLiteral("b"), false, 1);
    QVERIFY(a.waitHealthy());
    QVERIFY(b->waitHealthy());
    QTRY_COMPARE_WITH_TIMEOUT(a.snapshot().store.instancesReporting, 2, 10000);

    const GateStoreStatus status = a.snapshot().store;
    QCOMPARE(status.kind, QStringLiteral("redis"));
    QVERIFY(status.healthy);
    QCOMPARE(status.policy, QStringLiteral("closed"));
    QCOMPARE(status.endpoint, QStringLiteral("127.0.0.1:%1/0").arg(m_server->port()));
    QCOMPARE(status.pendingSettlements, 0);

    // b's heartbeat lives three intervals of a third of its 1 s TTL.
    b.reset();
    QTRY_COMPARE_WITH_TIMEOUT(a.snapshot().store.instancesReporting, 1, 10000);
}

void RedisGateStoreTest::flushedScriptCacheFallsBackToEval() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(2)));
    QVERIFY(admission(a.admit(gateRequest(1.0))));

    QCOMPARE(m_server->command({"SCRIPT", "FLUSH"}).text, QByteArray("OK"));
    QVERIFY(admission(a.admit(gateRequest(1.0))));
    QVERIFY(rejection(a.admit(gateRequest(1.0))));
    QVERIFY(a.store->isHealthy());
}

void RedisGateStoreTest::failClosedRejectsWhileDown() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(10)));
    QVERIFY(admission(a.admit(gateRequest(1.0))));
    QSignalSpy health(a.store, &RedisGateStore::healthChanged);

    m_server->stop();
    QVERIFY(a.waitHealthy(false));
    for (int i = 0; i < 3; ++i) {
        const std::optional<GateRejection> rejected = rejection(a.admit(gateRequest(1.0)));
        QVERIFY(rejected);
        QCOMPARE(rejected->kind, GateRejection::Kind::Unavailable);
        QCOMPARE(rejected->httpStatus(), 503);
        QCOMPARE(rejected->gateId, QStringLiteral("gate_store"));
        QVERIFY2(rejected->message.contains(QLatin1String("unreachable")),
                 qPrintable(rejected->message));
    }
    const GateStoreStatus down = a.snapshot().store;
    QVERIFY(!down.healthy);
    QVERIFY(!down.error.isEmpty());
    QCOMPARE(down.instancesReporting, -1);

    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(a.waitHealthy());
    QVERIFY(admission(a.admit(gateRequest(1.0))));
    // One message when the outage began and one when it ended, however many requests failed.
    QCOMPARE(health.size(), 2);
    QCOMPARE(health.at(0).at(0).toBool(), false);
    QCOMPARE(health.at(1).at(0).toBool(), true);
}

void RedisGateStoreTest::gatelessRequestsNeedNoRedis() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    QVERIFY(a.waitHealthy());
    m_server->stop();
    QVERIFY(a.waitHealthy(false));

    // No budget and no rate limit applies, so nothing needs Redis.
    const std::optional<GateAdmission> admitted = admission(a.admit(gateRequest(1.0)));
    QVERIFY(admitted);
    a.gates->settle(admitted->reservationId, 1.0, 10);
    QCOMPARE(a.store->pendingSettlementCount(), 0);
}

// While Redis is down, instance a admits against its own counters, which start from the last
// shared spend it saw. When Redis returns empty, the queued settlement is replayed and the
// ledger rebuild restores the rest of a's share.
void RedisGateStoreTest::failOpenAdmitsLocallyAndReconciles() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"), true);
    QVERIFY(a.gates->setPolicy(dailyPolicy(10)));
    const std::optional<GateAdmission> before = admission(a.admit(gateRequest(3.0)));
    QVERIFY(before);
    a.gates->settle(before->reservationId, 3.0, 10);
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).spent, 3.0, 10000);

    m_server->stop();
    QVERIFY(a.waitHealthy(false));
    const std::optional<GateAdmission> during = admission(a.admit(gateRequest(5.0)));
    QVERIFY(during);
    const std::optional<GateRejection> local = rejection(a.admit(gateRequest(5.0)));
    QVERIFY(local);
    QCOMPARE(local->kind, GateRejection::Kind::Budget);
    QCOMPARE(local->spent, 3.0);
    QCOMPARE(local->reserved, 5.0);
    a.gates->settle(during->reservationId, 5.0, 10);
    QCOMPARE(a.store->pendingSettlementCount(), 1);
    QCOMPARE(a.snapshot().store.pendingSettlements, 1);
    QCOMPARE(a.gate(QStringLiteral("daily_budget")).spent, 8.0);

    // The router rebuilds from its ledger when the store reconnects; its ledger records 8.
    QSignalSpy reconnected(a.store, &RedisGateStore::reconnected);
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(reconnected.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(a.store->pendingSettlementCount(), 0, 10000);
    QCOMPARE(m_server->command({"HGET", key(QStringLiteral("budget:daily_budget:2026-12-04")), "a"})
                 .text,
             QByteArray("5000000000"));
    a.gates->rebuildFromSpend({8.0, 8.0, {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).spent, 8.0, 10000);
}

// Another instance may reach the restarted Redis first and cache only the scripts it used, here
// set_spent. The replayed settlement must still run before the ledger rebuild, or the rebuild
// raises the share to the ledger's 8 and the late settlement adds its 5 on top.
void RedisGateStoreTest::replayRunsBeforeRebuild() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"), true);
    QVERIFY(a.gates->setPolicy(dailyPolicy(10)));
    const std::optional<GateAdmission> before = admission(a.admit(gateRequest(3.0)));
    QVERIFY(before);
    a.gates->settle(before->reservationId, 3.0, 10);
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).spent, 3.0, 10000);

    m_server->stop();
    QVERIFY(a.waitHealthy(false));
    const std::optional<GateAdmission> during = admission(a.admit(gateRequest(5.0)));
    QVERIFY(during);
    a.gates->settle(during->reservationId, 5.0, 10);
    QCOMPARE(a.store->pendingSettlementCount(), 1);

    // The router rebuilds from its ledger on reconnect, and the ledger records both requests.
    connect(a.store, &RedisGateStore::reconnected, a.gates.get(), [&a] {
        a.gates->rebuildFromSpend({8.0, 8.0, {}, {}});
    });
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QCOMPARE(m_server->command({"SCRIPT", "LOAD", redisscripts::setSpent().source}).text,
             redisscripts::setSpent().sha1);
    QVERIFY(a.waitHealthy());
    QTRY_COMPARE_WITH_TIMEOUT(a.store->pendingSettlementCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server->command({"HGET", key(QStringLiteral("budget:daily_budget:2026-12-04")), "a"})
            .text,
        QByteArray("8000000000"), 10000);
    QTest::qWait(300);
    QCOMPARE(m_server->command({"HGET", key(QStringLiteral("budget:daily_budget:2026-12-04")), "a"})
                 .text,
             QByteArray("8000000000"));
}

// A stopped Redis (SIGSTOP) replies to nothing: the settlement times out, waits in the queue and is
// written once when Redis runs again.
void RedisGateStoreTest::pausedServerQueuesSettlement() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    Instance a(*m_server, QStringLiteral("a"));
    QVERIFY(a.gates->setPolicy(dailyPolicy(10)));
    const std::optional<GateAdmission> admitted = admission(a.admit(gateRequest(4.0)));
    QVERIFY(admitted);

    m_server->pause();
    a.gates->settle(admitted->reservationId, 2.0, 10);
    QVERIFY(a.waitHealthy(false));
    QCOMPARE(a.store->pendingSettlementCount(), 1);
    QVERIFY(rejection(a.admit(gateRequest(1.0))));

    m_server->resume();
    QVERIFY(a.waitHealthy());
    QTRY_COMPARE_WITH_TIMEOUT(a.store->pendingSettlementCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(a.gate(QStringLiteral("daily_budget")).reserved, 0.0, 10000);
    QCOMPARE(a.gate(QStringLiteral("daily_budget")).spent, 2.0);
}

// A settlement whose reply was lost is replayed with the same reservation id. The script sets a
// marker per id with NX, so running it twice charges the budget once.
void RedisGateStoreTest::settleScriptChargesOnce() {
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    const QByteArray id = "a/sb-replayed#1";
    const QList<QByteArray> call{"EVAL",
                                 redisscripts::settle().source,
                                 "5",
                                 key(QStringLiteral("reservation:a/sb-replayed#1")),
                                 key(QStringLiteral("settled:a/sb-replayed#1")),
                                 key(QStringLiteral("budget:daily_budget:2026-12-04")),
                                 key(QStringLiteral("reserved:daily_budget")),
                                 key(QStringLiteral("reserved-amount:daily_budget")),
                                 id,
                                 "2000000000",
                                 "a",
                                 "604800",
                                 "259200"};

    const RedisReply first = m_server->command(call);
    QCOMPARE(first.elements.size(), 3);
    QCOMPARE(first.elements[0].integer, 1LL);
    QCOMPARE(first.elements[1].integer, 2'000'000'000LL);

    const RedisReply replayed = m_server->command(call);
    QCOMPARE(replayed.elements.size(), 3);
    QCOMPARE(replayed.elements[0].integer, 0LL);
    QCOMPARE(replayed.elements[1].integer, 2'000'000'000LL);
}

void RedisGateStoreTest::passwordIsSentNotShown() {
    const QString password = QStringLiteral("s3cret-for-the-test");
    QVERIFY2(m_server->start({QStringLiteral("--requirepass"), password}),
             qPrintable(m_server->errorString()));

    Instance good(*m_server, QStringLiteral("good"), false, 60, password);
    QVERIFY(good.gates->setPolicy(dailyPolicy(1)));
    QVERIFY(good.waitHealthy());
    QVERIFY(admission(good.admit(gateRequest(0.5))));

    Instance wrong(*m_server, QStringLiteral("wrong"), false, 60, QStringLiteral("not-it"));
    QVERIFY(wrong.gates->setPolicy(dailyPolicy(1)));
    QVERIFY(wrong.waitHealthy(false));
    const std::optional<GateRejection> rejected = rejection(wrong.admit(gateRequest(0.1)));
    QVERIFY(rejected);
    QCOMPARE(rejected->gateId, QStringLiteral("gate_store"));
    QVERIFY2(rejected->message.contains(QLatin1String("AUTH")), qPrintable(rejected->message));
    QVERIFY(!rejected->message.contains(QLatin1String("not-it")));
    QVERIFY(!wrong.snapshot().store.error.contains(QLatin1String("not-it")));

    Instance missing(*m_server, QStringLiteral("missing"));
    QVERIFY(missing.waitHealthy(false));
    const QString error = missing.snapshot().store.error;
    QVERIFY2(error.contains(QLatin1String("SIGNALBOX_REDIS_PASSWORD")), qPrintable(error));
}

// The keychain read finishes after the store started connecting: until the password arrives the
// store reports NOAUTH with both ways to set it, and then it connects without waiting out its retry
// delay.
void RedisGateStoreTest::passwordSetLaterReconnects() {
    const QString password = QStringLiteral("s3cret-from-the-keychain");
    QVERIFY2(m_server->start({QStringLiteral("--requirepass"), password}),
             qPrintable(m_server->errorString()));

    Instance late(*m_server, QStringLiteral("late"));
    QVERIFY(late.gates->setPolicy(dailyPolicy(1)));
    QString error;
    QVERIFY(QTest::qWaitFor(
        [&] {
            error = late.snapshot().store.error;
            return error.contains(QLatin1String("NOAUTH"));
        },
        10000));
    QVERIFY2(error.contains(QLatin1String("Gates page")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("SIGNALBOX_REDIS_PASSWORD")), qPrintable(error));

    late.store->setPassword(password);
    QVERIFY(late.waitHealthy());
    QVERIFY(admission(late.admit(gateRequest(0.5))));
    QVERIFY(!late.snapshot().store.error.contains(password));
}

// A store whose password is still being read sends nothing until it arrives, so Redis never
// replies NOAUTH and the store never reports itself down. A request made meanwhile waits
// and is then admitted.
void RedisGateStoreTest::pendingPasswordAwaited() {
    const QString password = QStringLiteral("s3cret-read-later");
    QVERIFY2(m_server->start({QStringLiteral("--requirepass"), password}),
             qPrintable(m_server->errorString()));

    Instance waiting(*m_server, QStringLiteral("waiting"), false, 60, QString(), true);
    QSignalSpy health(waiting.store, &RedisGateStore::healthChanged);
    QVERIFY(waiting.gates->setPolicy(dailyPolicy(1)));
    std::optional<GateOutcome> outcome;
    waiting.gates->admit(gateRequest(0.5), [&](const GateOutcome &result) { outcome = result; });
    // Longer than the store's 300 ms timeout, which would have failed a sent command.
    QTest::qWait(800);
    QVERIFY(!outcome.has_value());
    QVERIFY(!waiting.store->isHealthy());
    QCOMPARE(health.size(), 0);

    waiting.store->setPassword(password);
    QVERIFY(waiting.waitHealthy());
    QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 10000));
    QVERIFY(admission(*outcome));
    QCOMPARE(health.size(), 0);
}

QTEST_GUILESS_MAIN(RedisGateStoreTest)
#include "tst_redisgatestore.moc"
