// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The console's frame: pages added from outside, the remembered page, and the pause switch that
// the window, the tray menu and the endpoint share.
#include "consoletesting.h"
#include "mainwindow.h"
#include "traycontroller.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>

using namespace signalbox;
using namespace signalbox::testing;

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pagesInSidebarOrder();
    void addedPageIsShownAndRemembered();
    void insertedPageKeepsOrder();
    void pauseSwitchAnswers503();
    void trayMirrorsPauseAndSpend();

private:
    QTemporaryDir m_settings;
};

void MainWindowTest::initTestCase() {
    QVERIFY(m_settings.isValid());
    useTemporarySettings(m_settings);
}

void MainWindowTest::pagesInSidebarOrder() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    MainWindow window(router.create());
    const QStringList expected{QStringLiteral("dashboard"),  QStringLiteral("requests"),
                               QStringLiteral("playground"), QStringLiteral("models"),
                               QStringLiteral("stages"),     QStringLiteral("gates"),
                               QStringLiteral("providers"),  QStringLiteral("settings")};
    QCOMPARE(window.pageCount(), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(window.page(i)->objectName(), expected.at(i));
}

void MainWindowTest::addedPageIsShownAndRemembered() {
    QSettings().remove(QStringLiteral("window/page"));
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    router.create();
    const int builtIn = MainWindow(router.service()).pageCount();
    {
        MainWindow window(router.service());
        QCOMPARE(window.currentPageIndex(), 0);

        auto *extra = new QWidget;
        extra->setObjectName(QStringLiteral("extra"));
        const int index = window.addPage(extra, QStringLiteral("Extra"), QIcon());
        QCOMPARE(index, builtIn);
        QCOMPARE(window.pageIndex(QStringLiteral("extra")), builtIn);
        QCOMPARE(window.currentPageIndex(), 0);

        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + builtIn), Qt::ControlModifier);
        QCOMPARE(window.currentPageIndex(), builtIn);
        window.close();
    }
    QCOMPARE(QSettings().value(QStringLiteral("window/page")).toString(), QStringLiteral("extra"));

    // A new window shows the remembered page as soon as it is added.
    MainWindow again(router.service());
    auto *extra = new QWidget;
    extra->setObjectName(QStringLiteral("extra"));
    again.addPage(extra, QStringLiteral("Extra"), QIcon());
    QCOMPARE(again.currentPageIndex(), builtIn);
}

// A page inserted between the dashboard and the request log: the page shown stays shown and the
// Ctrl+number shortcuts follow the new order.
void MainWindowTest::insertedPageKeepsOrder() {
    QSettings().remove(QStringLiteral("window/page"));
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    MainWindow window(router.create());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(window.pageIndex(QStringLiteral("requests")));
    QCOMPARE(window.currentPageIndex(), 1);

    auto *inserted = new QWidget;
    inserted->setObjectName(QStringLiteral("inserted"));
    QCOMPARE(window.insertPage(1, inserted, QStringLiteral("Inserted"), QIcon()), 1);
    QCOMPARE(window.pageIndex(QStringLiteral("dashboard")), 0);
    QCOMPARE(window.pageIndex(QStringLiteral("inserted")), 1);
    QCOMPARE(window.pageIndex(QStringLiteral("requests")), 2);
    QCOMPARE(window.currentPageIndex(), 2);
    QCOMPARE(window.page(window.currentPageIndex())->objectName(), QStringLiteral("requests"));

    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.currentPageIndex(), 1);
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(window.page(window.currentPageIndex())->objectName(), QStringLiteral("playground"));
}

void MainWindowTest::pauseSwitchAnswers503() {
    RouterFixture router;
    QVERIFY(router.writeConfig({}));
    MainWindow window(router.create());
    QVERIFY(router.start());
    QCOMPARE(router.post(chatBody(QStringLiteral("m"))).status, 200);

    QSignalSpy paused(router.service(), &RouterService::pausedChanged);
    window.pauseButton()->click();
    QCOMPARE(paused.size(), 1);
    QVERIFY(router.service()->isPaused());
    QVERIFY(window.pauseAction()->isChecked());
    QCOMPARE(window.pauseButton()->text(), QStringLiteral("Paused"));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Routing paused")),
             qPrintable(window.statusBar()->currentMessage()));

    // The switch is posted to the router thread; the next request may still be served.
    QTRY_COMPARE_WITH_TIMEOUT(router.post(chatBody(QStringLiteral("m"))).status, 503, 5000);
    const qsizetype served = router.upstream().requests().size();
    const RawResponse response = router.post(chatBody(QStringLiteral("m")));
    QCOMPARE(response.status, 503);
    QVERIFY2(response.body.contains("paused"), response.body.constData());
    // A paused endpoint calls no upstream.
    QCOMPARE(router.upstream().requests().size(), served);

    window.pauseAction()->trigger();
    QVERIFY(!router.service()->isPaused());
    QVERIFY(!window.pauseButton()->isChecked());
    QCOMPARE(window.pauseButton()->text(), QStringLiteral("Live"));
    QTRY_COMPARE_WITH_TIMEOUT(router.post(chatBody(QStringLiteral("m"))).status, 200, 5000);
}

void MainWindowTest::trayMirrorsPauseAndSpend() {
    RouterFixture router;
    QVERIFY(router.writeConfig({{QLatin1String("daily_budget_usd"), 2.0},
                                {QLatin1String("timezone"), QLatin1String("UTC")}}));
    MainWindow window(router.create());
    TrayController tray(router.service(), window.pauseAction());
    QVERIFY(router.start());
    QCOMPARE(router.post(chatBody(QStringLiteral("m"))).status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(tray.toolTip().contains(QStringLiteral("$0.00111")), 10000);
    QVERIFY2(tray.toolTip().contains(QStringLiteral("of $2.00")), qPrintable(tray.toolTip()));
    QCOMPARE(tray.state(), GateState::Ok);

    // The tray menu contains the window's action, so pausing there moves the window's switch.
    QAction *pause = nullptr;
    for (QAction *action : tray.menu()->actions()) {
        if (action == window.pauseAction())
            pause = action;
    }
    QVERIFY(pause);
    pause->trigger();
    QVERIFY(router.service()->isPaused());
    QVERIFY(window.pauseButton()->isChecked());
    QVERIFY2(tray.toolTip().contains(QStringLiteral("Routing paused")), qPrintable(tray.toolTip()));
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
