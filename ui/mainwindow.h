// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "service/routerservice.h"

#include <QHash>
#include <QMainWindow>
#include <QUrl>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace signalbox {

class DashboardPage;
class PlaygroundPage;
class RequestsPage;
class SettingsPage;

// The console's frame: a sidebar of pages, a status bar with the endpoint, today's spend and
// the live/paused switch, and menus. It reaches the router only through the RouterService.
// Window geometry, state and the last page shown are kept in QSettings.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(RouterService *service, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the sidebar, after the ones already there, and returns its index. Set the
    // page's objectName first: it is the key under which the last page shown is remembered.
    // Ctrl+1 to Ctrl+9 show the first nine pages.
    int addPage(QWidget *page, const QString &title, const QIcon &icon);
    // Inserts a page before the one at index (at the end when index is out of range) and returns
    // its index, e.g. to put an editor between the dashboard and the request log.
    int insertPage(int index, QWidget *page, const QString &title, const QIcon &icon);
    void showPage(int index);
    int pageCount() const;
    int currentPageIndex() const;
    QWidget *page(int index) const;
    int pageIndex(const QString &objectName) const;

    DashboardPage *dashboard() const { return m_dashboard; }
    RequestsPage *requestsPage() const { return m_requests; }
    PlaygroundPage *playground() const { return m_playground; }
    SettingsPage *settingsPage() const { return m_settings; }
    QAction *pauseAction() const { return m_pauseAction; }
    QToolButton *pauseButton() const { return m_pauseButton; }

    // With a tray icon, closing the window hides it and the router keeps running.
    void setKeepRunningInTray(bool keepRunning) { m_keepRunningInTray = keepRunning; }
    void quit();

signals:
    // The window was closed to the tray. The tray shows a message about it the first time.
    void hiddenToTray();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createCentralWidget();
    void connectService();
    void createPages();
    void numberPageShortcuts();
    void createStatusBar();
    void createMenus();
    QMenu *createLanguageMenu();
    void restoreWindow();
    void saveWindow() const;
    void showEndpoint(const QUrl &endpoint);
    void showUsage(const UsageSummary &today);
    void showBudget(const SpendSeries &series);
    void showPaused(bool paused);
    void showStartFailure(const QString &message);
    void copyEndpoint();
    void onPageChanged(int index);

    RouterService *m_service;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_banner = nullptr;
    DashboardPage *m_dashboard = nullptr;
    RequestsPage *m_requests = nullptr;
    PlaygroundPage *m_playground = nullptr;
    SettingsPage *m_settings = nullptr;
    QHash<QString, QAction *> m_languageActions; // the View menu's language choices by code
    QMenu *m_goMenu = nullptr;
    QList<QAction *> m_pageActions; // the Go menu's entry per page, in page order
    QAction *m_pauseAction = nullptr;
    QToolButton *m_endpointButton = nullptr;
    QLabel *m_spendLabel = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QString m_endpointText;
    QString m_restorePage; // objectName of the page shown when the console was last closed
    double m_spentUsd = 0;
    double m_budgetUsd = 0;
    bool m_keepRunningInTray = false;
    bool m_quitting = false;
};

} // namespace signalbox
