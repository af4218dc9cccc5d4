// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatespage.h"
#include "keychaintesting.h"
#include "pagetesting.h"
#include "secretfield.h"
#include "secrets/keylookup.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QUuid>

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
    void redisPasswordSavedMaskedAndRemoved();
    void untouchedBudgetsKeepValues();

private:
    testing::DemoRouter m_router;
    std::unique_ptr<GatesPage> m_page;
};

void TestGatesPage::init() {
    qunsetenv("SIGNALBOX_REDIS_PASSWORD");
    QVERIFY(m_router.start(testing::testKeychainService()));
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
    QCOMPARE(m_page->warnings()->cursorPosition(), 0); // a long list shows its start
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

// The field appears with a Redis store only, and the password goes to the keychain, never to the
// page in full.
void TestGatesPage::redisPasswordSavedMaskedAndRemoved() {
    QVERIFY(m_page->redisPasswordGroup()->isHidden()); // the demo config uses the memory store
    Config config = *m_router.service->config();
    config.gates.store.kind = QStringLiteral("redis");
    config.gates.store.url = QStringLiteral("redis://127.0.0.1:1/0");
    QSignalSpy applied(m_router.service.get(), &RouterService::configApplied);
    m_router.service->applyConfig(config);
    QVERIFY(applied.wait(testing::kPageWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->redisPasswordGroup()->isHidden(), testing::kPageWaitMs);

    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QTRY_VERIFY_WITH_TIMEOUT(m_router.service->keychainState().availability ==
                                 KeychainState::Availability::Available,
                             testing::kPageWaitMs);
    SecretField *field = m_page->redisPassword();
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("Not set")),
                             testing::kPageWaitMs);
    QVERIFY(!field->removeButton()->isEnabled());
    QCOMPARE(field->edit()->echoMode(), QLineEdit::Password);

    QSignalSpy finished(m_router.service.get(), &RouterService::keyOperationFinished);
    field->saveButton()->click(); // an empty field is rejected with a message
    QVERIFY(finished.wait(testing::kPageWaitMs));
    QVERIFY(!finished.first().at(1).toBool());
    QVERIFY(field->messageLabel()->text().contains(QStringLiteral("empty")));

    const QString password = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
    finished.clear();
    field->edit()->setText(password);
    field->saveButton()->click();
    QVERIFY(finished.wait(testing::kPageWaitMs));
    QCOMPARE(finished.first().at(0).toString(), kRedisPasswordAccount);
    QVERIFY(finished.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("keychain")),
                             testing::kPageWaitMs);
    const QString status = field->statusLabel()->text();
    QVERIFY2(status.contains(password.right(4)), qPrintable(status));
    QVERIFY(!status.contains(password.mid(3, 12)));
    QVERIFY(field->edit()->text().isEmpty());
    QVERIFY(field->removeButton()->isEnabled());
    QCOMPARE(m_router.service->keyStatus(kRedisPasswordAccount).source, KeySource::Keychain);

    finished.clear();
    field->removeButton()->click();
    QVERIFY(finished.wait(testing::kPageWaitMs));
    QVERIFY(finished.first().at(1).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(field->statusLabel()->text().contains(QStringLiteral("Not set")),
                             testing::kPageWaitMs);
    QVERIFY(!field->removeButton()->isEnabled());
}

QTEST_MAIN(TestGatesPage)
// Budgets above $1,000,000 and below one cent are valid, and applying an edit of another field
// keeps them as they are instead of clamping or rounding them.
void TestGatesPage::untouchedBudgetsKeepValues() {
    Config edited = *m_router.service->config();
    edited.gates.dailyBudgetUsd = 5000000;
    edited.gates.monthlyBudgetUsd = 20000000;
    edited.gates.modelBudgetsUsd.insert(QStringLiteral("deepseek-chat"), 0.004);
    QSignalSpy loaded(m_router.service.get(), &RouterService::configChanged);
    m_router.service->applyConfig(edited);
    QVERIFY(loaded.wait(testing::kPageWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->dailyBudget()->value(), 5000000.0, testing::kPageWaitMs);
    QCOMPARE(m_page->dailyBudget()->text(), QStringLiteral("$5,000,000.00"));

    // The table shows the budget below one cent as it is, not as 0.00.
    QTableWidget *budgets = m_page->modelBudgets();
    QCOMPARE(budgets->rowCount(), 1);
    const QModelIndex budget = budgets->model()->index(0, GatesPage::BudgetColumn);
    const auto *delegate = qobject_cast<QStyledItemDelegate *>(
        budgets->itemDelegateForColumn(GatesPage::BudgetColumn));
    QVERIFY(delegate);
    QCOMPARE(delegate->displayText(budget.data(), QLocale()), QStringLiteral("0.004"));

    m_page->resetHour()->setValue(m_page->resetHour()->value() + 1);
    QSignalSpy applied(m_page.get(), &ConfigEditorPage::applied);
    m_page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));

    const GatesConfig &gates = m_router.service->config()->gates;
    QCOMPARE(gates.dailyBudgetUsd, 5000000.0);
    QCOMPARE(gates.monthlyBudgetUsd, 20000000.0);
    QCOMPARE(gates.modelBudgetsUsd.value(QStringLiteral("deepseek-chat")), 0.004);
}

#include "tst_gatespage.moc"
