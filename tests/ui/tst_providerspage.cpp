// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "keychaintesting.h"
#include "pagetesting.h"
#include "providerspage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QUuid>

using namespace signalbox;

class TestProvidersPage : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void connectionTestListsModels();
    void presetAddsProvider();
    void presetBlockedByIdOnly();
    void invalidBaseUrlIsMarked();
    void keySavedMaskedAndRemoved();
    void keychainStateIsExplained();

private:
    testing::DemoRouter m_router;
    std::unique_ptr<ProvidersPage> m_page;
};

void TestProvidersPage::init() {
    QVERIFY(m_router.start(testing::testKeychainService()));
    m_page = std::make_unique<ProvidersPage>(m_router.service.get());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->table()->rowCount(), 1, testing::kPageWaitMs);
    QCOMPARE(m_page->currentProvider(), QStringLiteral("simulated"));
}

void TestProvidersPage::cleanup() {
    m_page.reset();
    m_router.service.reset();
}

void TestProvidersPage::connectionTestListsModels() {
    QSignalSpy tested(m_page.get(), &ProvidersPage::connectionTested);
    m_page->testButton()->click();
    QVERIFY(tested.wait(testing::kPageWaitMs));
    QCOMPARE(m_page->testResult()->count(), 6);
    QVERIFY(!m_page->testResult()
                 ->findItems(QStringLiteral("claude-haiku-4-5-20251001"), Qt::MatchExactly)
                 .isEmpty());
    QVERIFY(m_page->testMessage()->text().contains(QStringLiteral("Models listed: 6")));

    // An unreachable provider shows the failure.
    m_page->table()
        ->item(0, ProvidersPage::BaseUrlColumn)
        ->setText(QStringLiteral("http://127.0.0.1:1/v1"));
    m_page->testButton()->click();
    QVERIFY(tested.wait(testing::kPageWaitMs));
    QCOMPARE(m_page->testResult()->count(), 0);
    QVERIFY2(m_page->testMessage()->text().contains(QStringLiteral("Failed")),
             qPrintable(m_page->testMessage()->text()));
}

void TestProvidersPage::presetAddsProvider() {
    QVERIFY(m_page->addPreset(QStringLiteral("anthropic")));
    QVERIFY(!m_page->addPreset(QStringLiteral("anthropic"))); // already there
    QCOMPARE(m_page->table()->rowCount(), 2);
    QCOMPARE(m_page->currentProvider(), QStringLiteral("anthropic"));
    QVERIFY(m_page->isDirty());

    QSignalSpy applied(m_page.get(), &ConfigEditorPage::applied);
    QVERIFY(m_page->applyButton()->isEnabled());
    m_page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));
    const ProviderConfig *anthropic =
        m_router.service->config()->findProvider(QStringLiteral("anthropic"));
    QVERIFY(anthropic);
    QCOMPARE(anthropic->kind, QStringLiteral("anthropic"));
    QCOMPARE(anthropic->baseUrl, QStringLiteral("https://api.anthropic.com"));
    QCOMPARE(anthropic->keyEnv, QStringLiteral("ANTHROPIC_API_KEY"));
}

// A provider of kind "openai" under another id leaves the "openai" preset available.
void TestProvidersPage::presetBlockedByIdOnly() {
    m_page->table()->item(0, ProvidersPage::KindColumn)->setText(QStringLiteral("openai"));
    QVERIFY(m_page->addPreset(QStringLiteral("openai")));
    QCOMPARE(m_page->table()->rowCount(), 2);
    QCOMPARE(m_page->currentProvider(), QStringLiteral("openai"));
}

void TestProvidersPage::invalidBaseUrlIsMarked() {
    QTableWidgetItem *url = m_page->table()->item(0, ProvidersPage::BaseUrlColumn);
    url->setText(QStringLiteral("ftp://example"));
    QVERIFY2(url->toolTip().contains(QStringLiteral("invalid URL")), qPrintable(url->toolTip()));
    QVERIFY(!m_page->applyButton()->isEnabled());
    m_page->revertButton()->click();
    QVERIFY(m_page->table()->item(0, ProvidersPage::BaseUrlColumn)->toolTip().isEmpty());
}

void TestProvidersPage::keySavedMaskedAndRemoved() {
    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    QTRY_VERIFY_WITH_TIMEOUT(m_router.service->keychainState().availability ==
                                 KeychainState::Availability::Available,
                             testing::kPageWaitMs);
    QVERIFY(m_page->keychainLabel()->text().contains(QStringLiteral("OS keychain")));
    QVERIFY(!m_page->keyFileCheck()->isVisible());

    const QString key = QStringLiteral("sk-page-") + QUuid::createUuid().toString(QUuid::Id128);
    QSignalSpy finished(m_router.service.get(), &RouterService::keyOperationFinished);
    m_page->keyEdit()->setText(key);
    QCOMPARE(m_page->keyEdit()->echoMode(), QLineEdit::Password);
    m_page->saveKeyButton()->click();
    QVERIFY(finished.wait(testing::kPageWaitMs));
    QVERIFY(finished.first().at(1).toBool());

    QTRY_VERIFY_WITH_TIMEOUT(m_page->keyStatusLabel()->text().contains(QStringLiteral("keychain")),
                             testing::kPageWaitMs);
    const QString status = m_page->keyStatusLabel()->text();
    QVERIFY2(status.contains(key.right(4)), qPrintable(status));
    QVERIFY(!status.contains(key.mid(3, 12)));
    QVERIFY(m_page->keyEdit()->text().isEmpty());
    QVERIFY(m_page->removeKeyButton()->isEnabled());

    finished.clear();
    m_page->removeKeyButton()->click();
    QVERIFY(finished.wait(testing::kPageWaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->keyStatusLabel()->text().contains(key.right(4)),
                             testing::kPageWaitMs);
}

void TestProvidersPage::keychainStateIsExplained() {
    m_page->show();
    QTRY_VERIFY_WITH_TIMEOUT(m_router.service->keychainState().availability !=
                                 KeychainState::Availability::Unknown,
                             testing::kPageWaitMs);
    const KeychainState state = m_router.service->keychainState();
    if (state.availability == KeychainState::Availability::Available) {
        QVERIFY(m_page->keychainLabel()->text().contains(QStringLiteral("OS keychain")));
        QVERIFY(!m_page->keyFileCheck()->isVisible());
        return;
    }
    // Without a keychain the page states it and offers the file, with its warning.
    QVERIFY(m_page->keychainLabel()->text().contains(QStringLiteral("No keychain service")));
    QVERIFY(m_page->keyFileCheck()->isVisible());
    QVERIFY(!m_page->keyFileCheck()->isChecked());
    QVERIFY(m_page->keyFileWarning()->isVisible());
    QVERIFY(m_page->keyFileWarning()->text().contains(QStringLiteral("not encrypted")));
}

QTEST_MAIN(TestProvidersPage)
#include "tst_providerspage.moc"
