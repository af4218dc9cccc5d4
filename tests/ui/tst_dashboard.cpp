// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The dashboard on a real router: requests go through the endpoint to the fake upstream, and the
// gate lamps, spend chart and events follow what the gates and the ledger recorded.
#include "consoletesting.h"
#include "dashboardpage.h"
#include "gatelamps.h"
#include "ratechart.h"
#include "spendchart.h"

#include <QLineSeries>
#include <QListWidget>
#include <QScrollArea>
#include <QTest>
#include <QTextLayout>

using namespace signalbox;
using namespace signalbox::testing;

namespace {

// The fake upstream reports 200 prompt tokens for a two-token prompt, so the settled cost,
// (200 * 10 + 9 * 100) / 1e6 = $0.0029, is far above the reservation of about $0.001. One request
// then trips the $0.002 stage budget and puts the $0.01 daily budget on its 25% warning.
constexpr qint64 ReportedPromptTokens = 200;
constexpr double SettledCostUsd = (ReportedPromptTokens * InputPrice + 9 * OutputPrice) / 1e6;
constexpr double DailyBudgetUsd = 0.01;
constexpr double StageBudgetUsd = 0.002;

QJsonObject nearlySpentGates() {
    return {
        {QLatin1String("daily_budget_usd"), DailyBudgetUsd},
        {QLatin1String("timezone"), QLatin1String("UTC")},
        {QLatin1String("warn_at"), QJsonArray{0.25, 0.9}},
        {QLatin1String("stage_budgets_usd"), QJsonObject{{QLatin1String("ui"), StageBudgetUsd}}},
        {QLatin1String("rate_limits"),
         QJsonArray{QJsonObject{{QLatin1String("scope"), QLatin1String("global")},
                                {QLatin1String("rpm"), 1000}}}}};
}

GateState lampState(const DashboardPage &page, const QString &gateId) {
    const GateLamp *lamp = page.gateLamps()->lamp(gateId);
    return lamp ? lamp->gate().state : GateState::Ok;
}

bool eventsContain(const QListWidget *events, const QString &text) {
    for (int row = 0; row < events->count(); ++row) {
        if (events->item(row)->text().contains(text))
            return true;
    }
    return false;
}

// Returns the offsets in `text` at which word wrap to `width` pixels starts a new line.
QList<int> lineStarts(const QString &text, const QFont &font, int width) {
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    QList<int> starts;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        starts << line.textStart();
    }
    layout.endLayout();
    return starts;
}

} // namespace

class DashboardTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void lampsFollowGates();
    void manyGatesKeepPageSize();
    void chartShowsBudgetAndWarnings();
    void rateCountsRequests();
    void configReloadIsAnEvent();
    void eventUrlKeptWhole();

private:
    QTemporaryDir m_settings;
};

void DashboardTest::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void DashboardTest::lampsFollowGates() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    router.upstream().script().promptTokens = ReportedPromptTokens;
    DashboardPage page(router.create());
    QVERIFY(router.start());

    QTRY_VERIFY_WITH_TIMEOUT(page.gateLamps()->lamp(QStringLiteral("daily_budget")), 10000);
    QCOMPARE(page.gateLamps()->lamps().size(), 3);
    QCOMPARE(lampState(page, QStringLiteral("daily_budget")), GateState::Ok);
    QCOMPARE(lampState(page, QStringLiteral("stage_budget:ui")), GateState::Ok);

    const RawResponse response = router.post(chatBody(QStringLiteral("stage:ui")));
    QCOMPARE(response.status, 200);

    QTRY_COMPARE_WITH_TIMEOUT(lampState(page, QStringLiteral("stage_budget:ui")),
                              GateState::Tripped, 10000);
    QCOMPARE(lampState(page, QStringLiteral("daily_budget")), GateState::Warning);
    QCOMPARE(lampState(page, QStringLiteral("rate:global:rpm")), GateState::Ok);

    const GateLamp *daily = page.gateLamps()->lamp(QStringLiteral("daily_budget"));
    QCOMPARE(daily->gate().limit, DailyBudgetUsd);
    QVERIFY(qAbs(daily->gate().spent - SettledCostUsd) < 1e-9);
    QVERIFY2(daily->toolTip().contains(QStringLiteral("$0.01")), qPrintable(daily->toolTip()));
    QVERIFY2(daily->toolTip().contains(QStringLiteral("Resets at")), qPrintable(daily->toolTip()));

    // The warning the gates fired reaches the events list.
    QTRY_VERIFY_WITH_TIMEOUT(eventsContain(page.events(), QStringLiteral("daily_budget reached")),
                             10000);

    // The tripped stage budget now rejects the next request of that stage.
    QCOMPARE(router.post(chatBody(QStringLiteral("stage:ui"))).status, 402);
}

// Forty rate limits on long model ids neither widen the page beyond a screen nor squeeze the
// charts: titles are shortened, and lamps past the third row scroll.
void DashboardTest::manyGatesKeepPageSize() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    RouterService *service = router.create();
    DashboardPage page(service);
    // Shown before the gates arrive, as in the console, where new lamps are shown only later.
    page.resize(1090, 780);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    GateSnapshot snapshot;
    for (int i = 0; i < 40; ++i) {
        GateStatus gate;
        gate.id =
            QStringLiteral("rate:model:a-very-long-model-id-to-check-the-layout-%1:rpm").arg(i);
        gate.kind = QStringLiteral("rate_rpm");
        gate.limit = 100;
        snapshot.gates << gate;
    }
    emit service->gatesChanged(snapshot);
    QCOMPARE(page.gateLamps()->lamps().size(), 40);

    QVERIFY2(page.minimumSizeHint().width() < 1000,
             qPrintable(QString::number(page.minimumSizeHint().width())));
    const auto *area =
        qobject_cast<QScrollArea *>(page.gateLamps()->parentWidget()->parentWidget());
    QVERIFY(area);
    const int lampHeight = page.gateLamps()->lamps().first()->sizeHint().height();
    QVERIFY2(area->height() >= 3 * lampHeight, qPrintable(QString::number(area->height())));
    QVERIFY2(area->height() < 4 * lampHeight, qPrintable(QString::number(area->height())));
}

void DashboardTest::chartShowsBudgetAndWarnings() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    DashboardPage page(router.create());
    QVERIFY(router.start());
    QCOMPARE(router.post(chatBody(QStringLiteral("m"))).status, 200);

    SpendChart *chart = page.spendChart();
    QTRY_COMPARE_WITH_TIMEOUT(chart->series().points.size(), qsizetype(1), 10000);
    QCOMPARE(chart->series().dailyBudgetUsd, DailyBudgetUsd);
    QCOMPARE(chart->warningLineCount(), 2);
    QVERIFY(chart->budgetLine()->isVisible());
    QCOMPARE(chart->budgetLine()->at(0).y(), DailyBudgetUsd);
    QVERIFY(qAbs(chart->series().points.first().second - 0.00111) < 1e-9);
}

void DashboardTest::rateCountsRequests() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    DashboardPage page(router.create());
    QVERIFY(router.start());
    for (int i = 0; i < 3; ++i)
        QCOMPARE(router.post(chatBody(QStringLiteral("m"))).status, 200);

    // The three requests fall into the last minute, or the two last when a minute turned.
    const auto recentTotal = [&page] {
        const QList<qint64> &counts = page.rateChart()->rate().perMinute;
        return counts.size() == RequestRate::Minutes ? counts.at(58) + counts.at(59) : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(recentTotal(), qint64(3), 10000);
}

// Editing the config file while the router runs: the reload is an event, and the chart and lamps
// move to the new budget.
void DashboardTest::configReloadIsAnEvent() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    DashboardPage page(router.create());
    QVERIFY(router.start());
    QTRY_COMPARE_WITH_TIMEOUT(page.spendChart()->series().dailyBudgetUsd, DailyBudgetUsd, 10000);

    QJsonObject gates = nearlySpentGates();
    gates.insert(QLatin1String("daily_budget_usd"), 25.0);
    QVERIFY(router.writeConfig(gates));
    QTRY_VERIFY_WITH_TIMEOUT(eventsContain(page.events(), QStringLiteral("Config reloaded")),
                             15000);
    QTRY_COMPARE_WITH_TIMEOUT(page.spendChart()->series().dailyBudgetUsd, 25.0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page.gateLamps()->lamp(QStringLiteral("daily_budget"))->gate().limit,
                              25.0, 10000);
}

// Word wrap moves the endpoint URL of an event to the next line whole, at every width that fits
// it, instead of breaking it after a slash.
void DashboardTest::eventUrlKeptWhole() {
    RouterFixture router;
    QVERIFY(router.writeConfig(nearlySpentGates()));
    DashboardPage page(router.create());
    const QString url = QStringLiteral("http://127.0.0.1:39701/v1");
    page.addEvent(QStringLiteral("Router listening on ") + url);

    const QListWidgetItem *item = page.events()->item(0);
    QVERIFY(item->data(Qt::AccessibleTextRole).toString().endsWith(url));
    const QString text = item->text();
    const int urlStart = int(text.indexOf(QLatin1String("http:")));
    QVERIFY(urlStart > 0);
    const QFont font = page.events()->font();
    const int urlWidth = QFontMetrics(font).horizontalAdvance(text.mid(urlStart));
    int wrappedWidths = 0;
    for (int width = urlWidth + 1; width < urlWidth * 3; width += 4) {
        const QList<int> starts = lineStarts(text, font, width);
        wrappedWidths += starts.size() > 1 ? 1 : 0;
        for (const int start : starts)
            QVERIFY2(start <= urlStart, qPrintable(QStringLiteral("a line starts at %1 of \"%2\" "
                                                                  "at width %3")
                                                       .arg(start)
                                                       .arg(text)
                                                       .arg(width)));
    }
    // Some widths were narrow enough to wrap the event, so the check above had work to do.
    QVERIFY(wrappedWidths > 0);
}

QTEST_MAIN(DashboardTest)
#include "tst_dashboard.moc"
