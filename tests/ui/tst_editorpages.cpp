// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The console's editor pages in the main window on an unedited config. Apply and Revert stay
// disabled while the page loads, is shown and receives the same config again, and are enabled by
// the first edit.
#include "configeditorpage.h"
#include "consoletesting.h"
#include "gatespage.h"
#include "mainwindow.h"
#include "modelspage.h"
#include "modeltablemodel.h"
#include "pagetesting.h"
#include "providerspage.h"
#include "settingspage.h"
#include "stagespage.h"

#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <functional>

using namespace signalbox;

namespace {

// Time for queued loads, layout and delayed signals of a page to run out before a check.
constexpr int kSettleMs = 300;

// Which router the window edits.
enum class Source { Demo, File };

using Edit = std::function<void(QWidget *page)>;

// One user edit per page, each valid, so that Apply turns on.
void editModels(QWidget *page) {
    ModelTableModel *table = qobject_cast<ModelsPage *>(page)->tableModel();
    const QModelIndex quality = table->index(0, ModelTableModel::QualityColumn);
    table->setData(quality, quality.data(Qt::EditRole).toInt() - 1);
}

void editStages(QWidget *page) {
    QDoubleSpinBox *budget = qobject_cast<StagesPage *>(page)->budgetSpin();
    budget->setValue(budget->value() + 1);
}

void editGates(QWidget *page) {
    QDoubleSpinBox *daily = qobject_cast<GatesPage *>(page)->dailyBudget();
    daily->setValue(daily->value() + 1);
}

void editProviders(QWidget *page) {
    QTableWidget *table = qobject_cast<ProvidersPage *>(page)->table();
    table->item(0, ProvidersPage::KeyEnvColumn)->setText(QStringLiteral("SIGNALBOX_TEST_OTHER"));
}

void editSettings(QWidget *page) {
    QLineEdit *listen = qobject_cast<SettingsPage *>(page)->listenEdit();
    listen->selectAll();
    QTest::keyClicks(listen, QStringLiteral("127.0.0.1:8799"));
}

// A router that runs until the test ends, on the demo config or on a config file.
struct Router {
    testing::DemoRouter demo;
    testing::RouterFixture file;
    RouterService *service = nullptr;
};

void checkUnedited(MainWindow &window, const QString &when) {
    for (int index = 0; index < window.pageCount(); ++index) {
        auto *page = qobject_cast<ConfigEditorPage *>(window.page(index));
        if (!page)
            continue;
        const QString where = page->objectName() + QStringLiteral(" ") + when;
        QVERIFY2(!page->isDirty(), qPrintable(where));
        QVERIFY2(!page->applyButton()->isEnabled(), qPrintable(where));
        QVERIFY2(!page->revertButton()->isEnabled(), qPrintable(where));
        QVERIFY2(page->problems().isEmpty(), qPrintable(where));
    }
}

} // namespace

Q_DECLARE_METATYPE(Source)
Q_DECLARE_METATYPE(Edit)

class TestEditorPages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void applyOnlyAfterEdit_data();
    void applyOnlyAfterEdit();

private:
    QTemporaryDir m_settings;
};

void TestEditorPages::initTestCase() {
    QVERIFY(m_settings.isValid());
    testing::useTemporarySettings(m_settings);
}

void TestEditorPages::applyOnlyAfterEdit_data() {
    QTest::addColumn<Source>("source");
    QTest::addColumn<QString>("pageName");
    QTest::addColumn<Edit>("edit");

    const std::pair<const char *, Edit> pages[] = {{"models", editModels},
                                                   {"stages", editStages},
                                                   {"gates", editGates},
                                                   {"providers", editProviders},
                                                   {"settings", editSettings}};
    for (const auto &[name, edit] : pages) {
        QTest::addRow("demo %s", name) << Source::Demo << QString::fromLatin1(name) << edit;
        QTest::addRow("file %s", name) << Source::File << QString::fromLatin1(name) << edit;
    }
}

void TestEditorPages::applyOnlyAfterEdit() {
    QFETCH(Source, source);
    QFETCH(QString, pageName);
    QFETCH(Edit, edit);

    // The demo window is built on a running router, the file one before its router starts, as
    // the console builds it.
    Router router;
    std::unique_ptr<MainWindow> window;
    if (source == Source::Demo) {
        QVERIFY(router.demo.start());
        router.service = router.demo.service.get();
        window = std::make_unique<MainWindow>(router.service);
    } else {
        QVERIFY(router.file.writeConfig({}));
        router.service = router.file.create();
        window = std::make_unique<MainWindow>(router.service);
        QVERIFY(router.file.start());
    }
    window->show();
    QTest::qWait(kSettleMs);
    checkUnedited(*window, QStringLiteral("after loading"));
    if (QTest::currentTestFailed())
        return;

    const int index = window->pageIndex(pageName);
    QVERIFY(index >= 0);
    window->showPage(index);
    QTest::qWait(kSettleMs);
    checkUnedited(*window, QStringLiteral("after showing ") + pageName);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy configs(router.service, &RouterService::configChanged);
    router.service->refresh();
    QVERIFY(configs.wait(testing::kPageWaitMs));
    QTest::qWait(kSettleMs);
    checkUnedited(*window, QStringLiteral("after a refresh"));
    if (QTest::currentTestFailed())
        return;

    auto *page = qobject_cast<ConfigEditorPage *>(window->page(index));
    QVERIFY(page);
    edit(page);
    QVERIFY(page->isDirty());
    QVERIFY2(page->problems().isEmpty(), qPrintable(page->problems().value(0).toString()));
    QVERIFY(page->applyButton()->isEnabled());
    QVERIFY(page->revertButton()->isEnabled());

    page->revertButton()->click();
    checkUnedited(*window, QStringLiteral("after Revert"));
    if (QTest::currentTestFailed())
        return;

    // An applied edit leaves every page unedited, also after the saved file is read back.
    edit(page);
    QSignalSpy applied(page, &ConfigEditorPage::applied);
    page->applyButton()->click();
    QVERIFY(applied.wait(testing::kPageWaitMs));
    QTest::qWait(kSettleMs);
    checkUnedited(*window, QStringLiteral("after Apply"));
}

QTEST_MAIN(TestEditorPages)
#include "tst_editorpages.moc"
