// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "gatespage.h"
#include "keychaintesting.h"
#include "modelspage.h"
#include "modeltablemodel.h"
#include "pagetesting.h"
#include "providerspage.h"
#include "stagespage.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>

using namespace signalbox;

// Renders each editor page alone on the demo config to a PNG, with a key stored in the test
// keychain where one runs. With SIGNALBOX_SCREENSHOTS_DIR set, the pictures go there; otherwise
// to a temporary folder. The README's pictures come from signalbox --screenshots instead.
class TestPageScreenshots : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void modelsPage();
    void stagesPage();
    void gatesPage();
    void providersPage();
    void cleanupTestCase();

private:
    void render(QWidget *page, const QString &name);

    testing::DemoRouter m_router;
    QTemporaryDir m_fallbackDir;
    QDir m_dir;
};

void TestPageScreenshots::initTestCase() {
    QVERIFY(m_router.start(testing::testKeychainService()));
    const QString target = qEnvironmentVariable("SIGNALBOX_SCREENSHOTS_DIR");
    m_dir = QDir(target.isEmpty() ? m_fallbackDir.path() : target);
    QVERIFY(m_dir.mkpath(QStringLiteral(".")));
}

void TestPageScreenshots::render(QWidget *page, const QString &name) {
    page->resize(1180, 720);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page));
    QTest::qWait(200);
    const QString path = m_dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(page->grab().save(path));
    const QImage image(path);
    QCOMPARE(image.width(), page->width() * int(page->devicePixelRatio()));
}

void TestPageScreenshots::modelsPage() {
    ModelsPage page(m_router.service.get());
    QTRY_COMPARE_WITH_TIMEOUT(page.tableModel()->rowCount(),
                              int(m_router.service->config()->models.size()), testing::kPageWaitMs);
    render(&page, QStringLiteral("models"));
}

void TestPageScreenshots::stagesPage() {
    StagesPage page(m_router.service.get());
    QTRY_VERIFY_WITH_TIMEOUT(page.stageList()->count() > 0, testing::kPageWaitMs);
    page.selectStage(QStringLiteral("architecture"));
    QSignalSpy shown(&page, &StagesPage::previewShown);
    page.runPreview();
    QVERIFY(shown.wait(testing::kPageWaitMs));
    render(&page, QStringLiteral("stages"));
}

void TestPageScreenshots::gatesPage() {
    GatesPage page(m_router.service.get());
    QTRY_VERIFY_WITH_TIMEOUT(page.rateLimits()->rowCount() > 0, testing::kPageWaitMs);
    render(&page, QStringLiteral("gates"));
}

void TestPageScreenshots::providersPage() {
    ProvidersPage page(m_router.service.get());
    QTRY_VERIFY_WITH_TIMEOUT(page.table()->rowCount() > 0, testing::kPageWaitMs);
    // Two presets added but not applied: the page as a user setting up real providers has it.
    QVERIFY(page.addPreset(QStringLiteral("openai")));
    QVERIFY(page.addPreset(QStringLiteral("anthropic")));

    // With a keychain, a made-up key shows how a stored key looks.
    QTRY_VERIFY_WITH_TIMEOUT(m_router.service->keychainState().availability !=
                                 KeychainState::Availability::Unknown,
                             testing::kPageWaitMs);
    if (m_router.service->keychainState().availability == KeychainState::Availability::Available) {
        QSignalSpy stored(m_router.service.get(), &RouterService::keyOperationFinished);
        m_router.service->storeKey(QStringLiteral("simulated"),
                                   QStringLiteral("sk-proj-screenshot-example-key-7f3c"));
        QVERIFY(stored.wait(testing::kPageWaitMs));
        QVERIFY(stored.first().at(1).toBool());
    }
    // Only the simulated provider is asked: it is the one on this machine.
    page.selectProvider(QStringLiteral("simulated"));
    QSignalSpy tested(&page, &ProvidersPage::connectionTested);
    page.testButton()->click();
    QVERIFY(tested.wait(testing::kPageWaitMs));
    render(&page, QStringLiteral("providers"));
}

void TestPageScreenshots::cleanupTestCase() {
    // Leave no key behind in the test keychain.
    if (m_router.service->keyStatus(QStringLiteral("simulated")).source == KeySource::Keychain) {
        QSignalSpy removed(m_router.service.get(), &RouterService::keyOperationFinished);
        m_router.service->removeKey(QStringLiteral("simulated"));
        QVERIFY(removed.wait(testing::kPageWaitMs));
    }
}

QTEST_MAIN(TestPageScreenshots)
#include "tst_pagescreenshots.moc"
