// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatespage.h"
#include "pagetesting.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

using namespace signalbox;

class TestGatesPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsConfigInForce();
    void editsApplyToRouter();
    void unknownScopeIsMarked();
    void unreadableWarningsBlockApply();
    void modelBudgetForUnknownModel();

private:
    testing::DemoRouter m_router;
    std::unique_ptr<GatesPage> m_page;
};

void TestGatesPage::init() {
    QVERIFY(m_router.start());
    m_page = std::make_unique<GatesPage>(m_router.service.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->rateLimits()->rowCount(), 1, testing::kPageWaitMs);
}

void TestGatesPage::cleanup() {
    m_page.reset();
    m_router.service.reset();
}

void TestGatesPage::showsConfigInForce() {
    QCOMPARE(m_page->dailyBudget()->value(), 10.0);
    QCOMPARE(m_page->monthlyBudget()->value(), 0.0);
    QCOMPARE(m_page->timeZone()->currentText(), QStringLiteral("local"));
    QCOMPARE(m_page->warnings()->text(), QStringLiteral("50, 80, 95"));
    QCOMPARE(m_page->reserveOutput()->value(), 4096);
    QCOMPARE(m_page->rateLimits()->item(0, GatesPage::ScopeColumn)->text(),
             QStringLiteral("global"));
    QCOMPARE(m_page->rateLimits()->item(0, GatesPage::RpmColumn)->data(Qt::EditRole).toInt(), 600);
    QVERIFY(!m_page->isDirty());
}

void TestGatesPage::editsApplyToRouter() {
    m_page->dailyBudget()->setValue(25);
    m_page->monthlyBudget()->setValue(300);
    m_page->timeZone()->setCurrentText(QStringLiteral("Europe/Berlin"));
    QCOMPARE(m_page->timeZone()->currentText(), QStringLiteral("Europe/Berlin"));
    m_page->resetHour()->setValue(6);
    m_page->warnings()->setText(QStringLiteral("40, 90%"));
    m_page->reserveOutput()->setValue(2048);
    m_page->addRateLimit(QStringLiteral("model:gpt-4.1"), 30, 100000);
    m_page->rateLimits()->item(0, GatesPage::RpmColumn)->setData(Qt::EditRole, 120);
    m_page->addModelBudget(QStringLiteral("deepseek-chat"), 1.5);
    QVERIFY(m_page->problems().isEmpty());

    QSignalSpy applied(m_page.get(), &ConfigEditorPage::applied);
    QVERIFY(m_page->applyButton()->isEnabled());
    m_page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));

    const GatesConfig &gates = m_router.service->config()->gates;
    QCOMPARE(gates.dailyBudgetUsd, 25.0);
    QCOMPARE(gates.monthlyBudgetUsd, 300.0);
    QCOMPARE(gates.timezone, QStringLiteral("Europe/Berlin"));
    QCOMPARE(gates.resetHour, 6);
    QCOMPARE(gates.warnAt, QList<double>({0.4, 0.9}));
    QCOMPARE(gates.reserveOutputTokens, 2048);
    QCOMPARE(gates.rateLimits.size(), 2);
    QCOMPARE(gates.rateLimits.at(0).rpm, 120);
    QCOMPARE(gates.rateLimits.at(1).scope, QStringLiteral("model:gpt-4.1"));
    QCOMPARE(gates.rateLimits.at(1).tpm, 100000);
    QCOMPARE(gates.modelBudgetsUsd.value(QStringLiteral("deepseek-chat")), 1.5);
    // The stages page owns the stage budgets; this page leaves them as they were.
    QCOMPARE(gates.stageBudgetsUsd.value(QStringLiteral("ui")), 2.0);
}

void TestGatesPage::unknownScopeIsMarked() {
    m_page->addRateLimit(QStringLiteral("model:gpt-9"), 10, 0);
    QTableWidgetItem *scope = m_page->rateLimits()->item(1, GatesPage::ScopeColumn);
    QVERIFY2(scope->toolTip().contains(QStringLiteral("not defined in models")),
             qPrintable(scope->toolTip()));
    QVERIFY(scope->background().style() != Qt::NoBrush);
    QVERIFY(!m_page->applyButton()->isEnabled());

    scope->setText(QStringLiteral("stage:code"));
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(scope->toolTip().isEmpty());
    QVERIFY(m_page->applyButton()->isEnabled());
}

void TestGatesPage::unreadableWarningsBlockApply() {
    m_page->warnings()->setText(QStringLiteral("50, lots"));
    QVERIFY(!m_page->problems().isEmpty());
    QVERIFY(m_page->warnings()->toolTip().contains(QStringLiteral("not a list of numbers")));
    QVERIFY(!m_page->applyButton()->isEnabled());

    m_page->warnings()->setText(QStringLiteral("50, 120"));
    QVERIFY2(m_page->warnings()->toolTip().contains(QStringLiteral("at most 1")),
             qPrintable(m_page->warnings()->toolTip()));
    QVERIFY(!m_page->applyButton()->isEnabled());

    m_page->warnings()->setText(QStringLiteral("75"));
    QVERIFY(m_page->problems().isEmpty());
    QVERIFY(m_page->applyButton()->isEnabled());
}

void TestGatesPage::modelBudgetForUnknownModel() {
    m_page->addModelBudget(QStringLiteral("retired-model"), 2);
    QTableWidgetItem *model = m_page->modelBudgets()->item(0, GatesPage::ModelColumn);
    QVERIFY2(model->toolTip().contains(QStringLiteral("not defined in models")),
             qPrintable(model->toolTip()));
    QVERIFY(!m_page->applyButton()->isEnabled());
}

QTEST_MAIN(TestGatesPage)
#include "tst_gatespage.moc"
