// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The demo's synthetic history: routed on the demo config, inside the day, billed at its prices.
#include "chat/usage.h"
#include "config/configloader.h"
#include "service/demohistory.h"

#include <QTest>

using namespace signalbox;

namespace {

const QDateTime dayStart(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);

Config demoConfig() {
    const ConfigLoad load = parseConfig(demoConfigJson());
    return load.config ? *load.config : Config{};
}

double totalCost(const QList<LedgerRecord> &records) {
    double total = 0;
    for (const LedgerRecord &record : records)
        total += record.costUsd;
    return total;
}

} // namespace

class DemoHistoryTest : public QObject {
    Q_OBJECT

private slots:
    void rowsStayInsideWindow();
    void spendsShareOfBudget();
    void rowsAreRoutedAndPriced();
    void shortDayCapsScale();
    void sameSeedSameRows();
};

// Six hours at most, never before the start of the day, oldest first.
void DemoHistoryTest::rowsStayInsideWindow() {
    const QDateTime now = dayStart.addSecs(9 * 3600);
    const QList<LedgerRecord> records = demoHistory(demoConfig(), dayStart, now);
    QVERIFY(records.size() > 100);
    QVERIFY(records.first().time >= now.addSecs(-6 * 3600));
    QVERIFY(records.last().time < now);
    for (qsizetype i = 1; i < records.size(); ++i)
        QVERIFY(records.at(i - 1).time <= records.at(i).time);

    const QDateTime early = dayStart.addSecs(2 * 3600);
    const QList<LedgerRecord> earlyRows = demoHistory(demoConfig(), dayStart, early);
    QVERIFY(!earlyRows.isEmpty());
    QVERIFY(earlyRows.first().time >= dayStart);
}

void DemoHistoryTest::spendsShareOfBudget() {
    const Config config = demoConfig();
    QCOMPARE(config.gates.dailyBudgetUsd, 10.0);
    const QList<LedgerRecord> records = demoHistory(config, dayStart, dayStart.addSecs(12 * 3600));
    // 58% of the $10 budget, give or take the rounding of scaled token counts.
    QVERIFY2(qAbs(totalCost(records) - 5.8) < 0.05,
             qPrintable(QString::number(totalCost(records))));
}

void DemoHistoryTest::rowsAreRoutedAndPriced() {
    const Config config = demoConfig();
    const QList<LedgerRecord> records = demoHistory(config, dayStart, dayStart.addSecs(12 * 3600));
    int failed = 0;
    int fellBack = 0;
    for (const LedgerRecord &record : records) {
        QVERIFY(record.requestId.startsWith(QLatin1String("sb-demo")));
        QCOMPARE(record.kind, QStringLiteral("request"));
        QVERIFY(record.trace.value(0).startsWith(QLatin1String("demo history:")));
        const ModelConfig *model = config.findModel(record.model);
        QVERIFY2(model, qPrintable(record.model));
        QCOMPARE(record.costUsd, costUsd(record.usage, model->price));
        if (record.status == QLatin1String("error")) {
            ++failed;
            QCOMPARE(record.httpStatus, 502);
            QCOMPARE(record.costUsd, 0.0);
        }
        if (record.attempts == 2)
            ++fellBack;
    }
    QVERIFY(failed > 0);
    QVERIFY(fellBack > 0);
}

// Just after midnight the history is short, and its tokens are scaled up by at most four times
// instead of reaching 58% of the budget with absurd token counts.
void DemoHistoryTest::shortDayCapsScale() {
    const QList<LedgerRecord> records =
        demoHistory(demoConfig(), dayStart, dayStart.addSecs(20 * 60));
    QVERIFY(totalCost(records) < 5.8);
    for (const LedgerRecord &record : records)
        QVERIFY(record.usage.inputTokens <= 4 * 20000);
}

void DemoHistoryTest::sameSeedSameRows() {
    const QDateTime now = dayStart.addSecs(8 * 3600);
    const QList<LedgerRecord> first = demoHistory(demoConfig(), dayStart, now, 11);
    const QList<LedgerRecord> second = demoHistory(demoConfig(), dayStart, now, 11);
    QCOMPARE(first.size(), second.size());
    QCOMPARE(totalCost(first), totalCost(second));
    QCOMPARE(first.last().requestId, second.last().requestId);
}

QTEST_APPLESS_MAIN(DemoHistoryTest)
#include "tst_demohistory.moc"
