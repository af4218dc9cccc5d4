// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gating/ratewindow.h"

#include <QTest>

using namespace signalbox;

namespace {

// A start far from the epoch, on a whole second, like a real clock reading.
constexpr qint64 t0 = 1'796'000'000'000;

} // namespace

class RateWindowTest : public QObject {
    Q_OBJECT

private slots:
    void emptyWindow();
    void countsWithinWindow();
    void entryLeavesAfterSixtySeconds();
    void bucketReusedAfterWrap();
    void retryAfter_data();
    void retryAfter();
    void requestOverLimitNeverFits();
    void correctTokensInWindow();
    void correctTokensAfterWindowIgnored();
    void correctTokensNeverNegative();
    void oldestLeavesAt();
};

void RateWindowTest::emptyWindow() {
    const RateWindow window;
    QCOMPARE(window.totals(t0).requests, 0);
    QCOMPARE(window.totals(t0).tokens, 0);
    QCOMPARE(window.oldestLeavesAtMSecs(t0), -1);
    QCOMPARE(window.secondsUntilFits(t0, RateWindow::Measure::Requests, 1, 1), 0);
}

void RateWindowTest::countsWithinWindow() {
    RateWindow window;
    window.add(t0, 1, 100);
    window.add(t0 + 500, 1, 50);
    window.add(t0 + 30'000, 1, 25);

    const RateWindow::Totals totals = window.totals(t0 + 30'000);
    QCOMPARE(totals.requests, 3);
    QCOMPARE(totals.tokens, 175);
}

void RateWindowTest::entryLeavesAfterSixtySeconds() {
    RateWindow window;
    window.add(t0 + 250, 1, 10);

    QCOMPARE(window.totals(t0 + 59'999).requests, 1);
    QCOMPARE(window.totals(t0 + 60'000).requests, 0);
    QCOMPARE(window.totals(t0 + 60'000).tokens, 0);
}

void RateWindowTest::bucketReusedAfterWrap() {
    RateWindow window;
    window.add(t0 + 5'000, 3, 30);
    // Second t0 + 65 s shares the bucket of t0 + 5 s, which has left the window by then.
    window.add(t0 + 65'000, 1, 7);

    const RateWindow::Totals totals = window.totals(t0 + 65'000);
    QCOMPARE(totals.requests, 1);
    QCOMPARE(totals.tokens, 7);
}

void RateWindowTest::retryAfter_data() {
    QTest::addColumn<qint64>("now");
    QTest::addColumn<int>("measure");
    QTest::addColumn<qint64>("extra");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<int>("expected");

    // Entries: 1 request / 100 tokens at t0, t0 + 10 s and t0 + 20 s.
    const int requests = int(RateWindow::Measure::Requests);
    const int tokens = int(RateWindow::Measure::Tokens);
    // clang-format off
    QTest::newRow("fits now")                   << t0 + 30'000 << requests << qint64(1)   << qint64(4)   << 0;
    QTest::newRow("oldest must leave")          << t0 + 30'000 << requests << qint64(1)   << qint64(3)   << 30;
    QTest::newRow("rounds part seconds up")     << t0 + 30'500 << requests << qint64(1)   << qint64(3)   << 30;
    QTest::newRow("two must leave")             << t0 + 30'000 << requests << qint64(1)   << qint64(2)   << 40;
    QTest::newRow("never below one second")     << t0 + 59'999 << requests << qint64(1)   << qint64(3)   << 1;
    QTest::newRow("tokens: oldest must leave")  << t0 + 30'000 << tokens   << qint64(150) << qint64(400) << 30;
    QTest::newRow("tokens: all three must go")  << t0 + 30'000 << tokens   << qint64(350) << qint64(400) << 50;
    // clang-format on
}

void RateWindowTest::retryAfter() {
    QFETCH(qint64, now);
    QFETCH(int, measure);
    QFETCH(qint64, extra);
    QFETCH(qint64, limit);
    QFETCH(int, expected);

    RateWindow window;
    window.add(t0, 1, 100);
    window.add(t0 + 10'000, 1, 100);
    window.add(t0 + 20'000, 1, 100);
    QCOMPARE(window.secondsUntilFits(now, RateWindow::Measure(measure), extra, limit), expected);
}

void RateWindowTest::requestOverLimitNeverFits() {
    const RateWindow window;
    QCOMPARE(window.secondsUntilFits(t0, RateWindow::Measure::Tokens, 5'000, 4'000), -1);
}

void RateWindowTest::correctTokensInWindow() {
    RateWindow window;
    window.add(t0, 1, 4'000);
    window.correctTokens(t0 + 300, t0 + 20'000, -3'200);
    QCOMPARE(window.totals(t0 + 20'000).tokens, 800);
    QCOMPARE(window.totals(t0 + 20'000).requests, 1);
}

void RateWindowTest::correctTokensAfterWindowIgnored() {
    RateWindow window;
    window.add(t0, 1, 4'000);
    window.add(t0 + 60'000, 1, 10); // reuses the bucket of t0
    window.correctTokens(t0, t0 + 60'000, -3'000);
    QCOMPARE(window.totals(t0 + 60'000).tokens, 10);
}

void RateWindowTest::correctTokensNeverNegative() {
    RateWindow window;
    window.add(t0, 1, 100);
    window.correctTokens(t0, t0 + 1'000, -500);
    QCOMPARE(window.totals(t0 + 1'000).tokens, 0);
}

void RateWindowTest::oldestLeavesAt() {
    RateWindow window;
    window.add(t0 + 12'345, 1, 1);
    window.add(t0 + 40'000, 1, 1);
    QCOMPARE(window.oldestLeavesAtMSecs(t0 + 50'000), t0 + 72'000);
    QCOMPARE(window.oldestLeavesAtMSecs(t0 + 72'000), t0 + 100'000);
}

QTEST_APPLESS_MAIN(RateWindowTest)
#include "tst_ratewindow.moc"
