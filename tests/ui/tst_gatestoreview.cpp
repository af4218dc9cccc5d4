// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The gate store status on the Gates page: memory for the demo, and a real redis-server that
// goes away while the page watches.
#include "consoletesting.h"
#include "gatespage.h"
#include "gatestoreview.h"
#include "pagetesting.h"
#include "support/redistestserver.h"

#include <QLabel>
#include <QTest>

using namespace signalbox;
using namespace signalbox::testing;

class TestGateStoreView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void unhealthyRedisStatus();
    void memoryStoreOfDemo();
    void redisStoreAndOutage();

private:
    QTemporaryDir m_settings;
};

void TestGateStoreView::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void TestGateStoreView::unhealthyRedisStatus() {
    GateStoreView view;
    QVERIFY(!view.hasStatus());

    GateStoreStatus status;
    status.kind = QStringLiteral("redis");
    status.healthy = false;
    status.policy = QStringLiteral("open");
    status.endpoint = QStringLiteral("127.0.0.1:6380/2");
    status.error = QStringLiteral("connection refused");
    status.instancesReporting = -1;
    status.pendingSettlements = 4;
    view.setStatus(status);

    QVERIFY(view.hasStatus());
    QVERIFY2(view.kindLabel()->text().contains(QStringLiteral("Redis at 127.0.0.1:6380/2")),
             qPrintable(view.kindLabel()->text()));
    QCOMPARE(view.healthLabel()->text(), QStringLiteral("Unreachable: connection refused"));
    QVERIFY2(view.policyLabel()->text().contains(QStringLiteral("(open)")),
             qPrintable(view.policyLabel()->text()));
    QCOMPARE(view.instancesLabel()->text(), QStringLiteral("unknown"));
    QCOMPARE(view.pendingLabel()->text(), QStringLiteral("4"));
}

void TestGateStoreView::memoryStoreOfDemo() {
    DemoRouter router;
    QVERIFY(router.start());
    GatesPage page(router.service.get());
    router.service->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page.storeView()->hasStatus(), kPageWaitMs);

    QCOMPARE(page.storeView()->kindLabel()->text(), QStringLiteral("In memory, this process only"));
    QCOMPARE(page.storeView()->healthLabel()->text(), QStringLiteral("Healthy"));
    QCOMPARE(page.storeView()->instancesLabel()->text(), QStringLiteral("1"));
    QVERIFY(page.storeView()->policyLabel()->isHidden());
    QVERIFY(page.storeView()->pendingLabel()->isHidden());
}

// The page follows the router's periodic gate snapshots, so an outage shows without any action.
void TestGateStoreView::redisStoreAndOutage() {
    if (RedisTestServer::executable().isEmpty())
        QSKIP("redis-server was not found: install the Debian package redis-server "
              "(scripts/setup --with-test-tools does)");
    RedisTestServer redis;
    QVERIFY2(redis.start(), qPrintable(redis.errorString()));

    RouterFixture router;
    const QJsonObject store{{QLatin1String("kind"), QLatin1String("redis")},
                            {QLatin1String("url"), redis.url()},
                            {QLatin1String("timeout_ms"), 200}};
    QVERIFY(router.writeConfig({{QLatin1String("store"), store}}));
    QVERIFY(router.start());
    GatesPage page(router.service());
    router.service()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(page.storeView()->hasStatus(), kPageWaitMs);

    GateStoreView *view = page.storeView();
    const QString endpoint = QStringLiteral("127.0.0.1:%1/0").arg(redis.port());
    QVERIFY2(view->kindLabel()->text().contains(endpoint), qPrintable(view->kindLabel()->text()));
    QCOMPARE(view->healthLabel()->text(), QStringLiteral("Healthy"));
    QVERIFY2(view->policyLabel()->text().contains(QStringLiteral("(closed)")),
             qPrintable(view->policyLabel()->text()));
    QVERIFY(!view->policyLabel()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(view->instancesLabel()->text(), QStringLiteral("1"), kPageWaitMs);

    redis.stop();
    QTRY_VERIFY_WITH_TIMEOUT(view->healthLabel()->text().startsWith(QStringLiteral("Unreachable")),
                             20000);
}

QTEST_MAIN(TestGateStoreView)
#include "tst_gatestoreview.moc"
