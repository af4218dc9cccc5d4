// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "warningthrottle.h"

#include <QList>
#include <QPair>
#include <QTest>

#include <memory>

using namespace signalbox;

namespace {

constexpr int kIntervalMs = 300;

using Reports = QList<QPair<QString, qint64>>;

std::unique_ptr<WarningThrottle> throttleInto(Reports &reports) {
    return std::make_unique<WarningThrottle>(kIntervalMs,
                                             [&reports](const QString &kind, qint64 heldBack) {
                                                 reports.append({kind, heldBack});
                                             });
}

} // namespace

class TestWarningThrottle : public QObject {
    Q_OBJECT

private slots:
    void firstOfEachKindPasses();
    void heldBackCountReportedLater();
    void countIsALineOfItsOwn();
    void quietKindPassesAgain();
    void destructionReportsHeldCounts();
};

void TestWarningThrottle::firstOfEachKindPasses() {
    Reports reports;
    auto throttle = throttleInto(reports);

    QVERIFY(throttle->admit(QStringLiteral("a")));
    QVERIFY(throttle->admit(QStringLiteral("b")));
    QVERIFY(!throttle->admit(QStringLiteral("a")));
    QVERIFY(!throttle->admit(QStringLiteral("b")));
    QVERIFY(reports.isEmpty());
}

void TestWarningThrottle::heldBackCountReportedLater() {
    Reports reports;
    auto throttle = throttleInto(reports);

    QVERIFY(throttle->admit(QStringLiteral("a")));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!throttle->admit(QStringLiteral("a")));

    // Nothing more arrives: the interval's end reports the count without another warning.
    QTRY_VERIFY_WITH_TIMEOUT(!reports.isEmpty(), 5 * kIntervalMs);
    QCOMPARE(reports, (Reports{{QStringLiteral("a"), 5}}));
}

void TestWarningThrottle::countIsALineOfItsOwn() {
    Reports reports;
    auto throttle = throttleInto(reports);

    QVERIFY(throttle->admit(QStringLiteral("a")));
    QVERIFY(!throttle->admit(QStringLiteral("a")));
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 1, 5 * kIntervalMs);

    // Right after a count, the next warning waits a whole interval again.
    QVERIFY(!throttle->admit(QStringLiteral("a")));
    QTRY_COMPARE_WITH_TIMEOUT(reports.size(), 2, 5 * kIntervalMs);
    QCOMPARE(reports.last(), (QPair<QString, qint64>{QStringLiteral("a"), 1}));
}

void TestWarningThrottle::quietKindPassesAgain() {
    Reports reports;
    auto throttle = throttleInto(reports);

    QVERIFY(throttle->admit(QStringLiteral("a")));
    QTest::qWait(kIntervalMs + 100);
    QVERIFY(throttle->admit(QStringLiteral("a")));
    QVERIFY(reports.isEmpty());
}

void TestWarningThrottle::destructionReportsHeldCounts() {
    Reports reports;
    auto throttle = throttleInto(reports);

    QVERIFY(throttle->admit(QStringLiteral("a")));
    QVERIFY(!throttle->admit(QStringLiteral("a")));
    QVERIFY(!throttle->admit(QStringLiteral("a")));
    throttle.reset();
    QCOMPARE(reports, (Reports{{QStringLiteral("a"), 2}}));
}

QTEST_GUILESS_MAIN(TestWarningThrottle)
#include "tst_warningthrottle.moc"
