// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "mainwindow.h"

#include "consoleicons.h"
#include "consoletext.h"
#include "dashboardpage.h"
#include "gatespage.h"
#include "languages.h"
#include "modelspage.h"
#include "playgroundpage.h"
#include "providerspage.h"
#include "requestspage.h"
#include "settingspage.h"
#include "stagespage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace signalbox {

namespace {

const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString PageKey = QStringLiteral("window/page");
constexpr int EventMessageMs = 10000;
constexpr int ShortMessageMs = 4000;

} // namespace

MainWindow::MainWindow(RouterService *service, QWidget *parent)
    : QMainWindow(parent)
    , m_service(service) {
    setWindowTitle(tr("Signalbox"));
    setWindowIcon(ConsoleIcons::status(GateState::Ok, false));
    m_restorePage = QSettings().value(PageKey).toString();

    createCentralWidget();
    createStatusBar();
    createMenus();
    createPages();
    restoreWindow();
    connectService();
}

void MainWindow::createCentralWidget() {
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setStyleSheet(QStringLiteral("background: #fdecea; color: #8a1c12;"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *body = new QHBoxLayout;
    body->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFixedWidth(190);
    m_navigation->setSpacing(2);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setBackgroundRole(QPalette::AlternateBase);
    m_navigation->setAutoFillBackground(true);
    m_pages = new QStackedWidget(central);
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    layout->addLayout(body, 1);
    setCentralWidget(central);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onPageChanged);
}

void MainWindow::connectService() {
    connect(m_service, &RouterService::ready, this, &MainWindow::showEndpoint);
    connect(m_service, &RouterService::startFailed, this, &MainWindow::showStartFailure);
    connect(m_service, &RouterService::usageChanged, this, &MainWindow::showUsage);
    connect(m_service, &RouterService::spendSeriesChanged, this, &MainWindow::showBudget);
    connect(m_service, &RouterService::pausedChanged, this, [this](bool paused) {
        showPaused(paused);
        const QString message =
            paused ? tr("Routing paused: the endpoint answers 503") : tr("Routing resumed");
        statusBar()->showMessage(message, EventMessageMs);
        m_dashboard->addEvent(message);
    });
    connect(m_service, &RouterService::eventLogged, this,
            [this](const QString &message) { statusBar()->showMessage(message, EventMessageMs); });

    // A window opened while the router already runs (the screenshots open one per language)
    // requests its data from the service again.
    if (!m_service->endpoint().isEmpty()) {
        showEndpoint(m_service->endpoint());
        m_service->refresh();
    }
    showPaused(m_service->isPaused());
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages() {
    m_dashboard = new DashboardPage(m_service, this);
    m_requests = new RequestsPage(m_service, this);
    m_playground = new PlaygroundPage(m_service, this);
    addPage(m_dashboard, tr("Dashboard"), ConsoleIcons::glyph(ConsoleIcons::Glyph::Dashboard));
    addPage(m_requests, tr("Requests"), ConsoleIcons::glyph(ConsoleIcons::Glyph::Requests));
    addPage(m_playground, tr("Playground"), ConsoleIcons::glyph(ConsoleIcons::Glyph::Playground));
    addPage(new ModelsPage(m_service, this), tr("Models"),
            ConsoleIcons::glyph(ConsoleIcons::Glyph::Models));
    addPage(new StagesPage(m_service, this), tr("Stages"),
            ConsoleIcons::glyph(ConsoleIcons::Glyph::Stages));
    addPage(new GatesPage(m_service, this), tr("Gates"),
            ConsoleIcons::glyph(ConsoleIcons::Glyph::Gates));
    addPage(new ProvidersPage(m_service, this), tr("Providers and keys"),
            ConsoleIcons::glyph(ConsoleIcons::Glyph::Providers));
    m_settings = new SettingsPage(m_service, this);
    addPage(m_settings, tr("Settings"), ConsoleIcons::glyph(ConsoleIcons::Glyph::Settings));
    connect(m_settings, &SettingsPage::languageChosen, this, [this](const QString &code) {
        if (QAction *action = m_languageActions.value(code))
            action->setChecked(true);
    });
    const auto showMessage = [this](const QString &message) {
        statusBar()->showMessage(message, ShortMessageMs);
    };
    connect(m_dashboard, &DashboardPage::statusMessage, this, showMessage);
    connect(m_requests, &RequestsPage::statusMessage, this, showMessage);
}

int MainWindow::addPage(QWidget *page, const QString &title, const QIcon &icon) {
    return insertPage(pageCount(), page, title, icon);
}

int MainWindow::insertPage(int index, QWidget *page, const QString &title, const QIcon &icon) {
    // The navigation row, not the stack, decides which page is shown, so keep both in step.
    const QSignalBlocker blocker(m_navigation);
    const int shown = m_navigation->currentRow();
    index = m_pages->insertWidget(index, page);
    auto *item = new QListWidgetItem(icon, title);
    item->setSizeHint(QSize(0, 36));
    item->setToolTip(title);
    m_navigation->insertItem(index, item);

    auto *action = new QAction(icon, title, this);
    connect(action, &QAction::triggered, this, [this, page] { showPage(m_pages->indexOf(page)); });
    m_goMenu->insertAction(m_pageActions.value(index), action);
    m_pageActions.insert(index, action);
    numberPageShortcuts();

    if (shown >= 0)
        m_navigation->setCurrentRow(shown >= index ? shown + 1 : shown);
    if (shown < 0 || (!m_restorePage.isEmpty() && page->objectName() == m_restorePage))
        m_navigation->setCurrentRow(index);
    m_pages->setCurrentIndex(m_navigation->currentRow());
    return index;
}

// Ctrl+1 to Ctrl+9 show the first nine pages in their current order.
void MainWindow::numberPageShortcuts() {
    for (int i = 0; i < m_pageActions.size(); ++i) {
        m_pageActions.at(i)->setShortcut(i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i))
                                               : QKeySequence());
    }
}

void MainWindow::showPage(int index) {
    if (index >= 0 && index < m_pages->count())
        m_navigation->setCurrentRow(index);
}

int MainWindow::pageCount() const {
    return m_pages->count();
}

int MainWindow::currentPageIndex() const {
    return m_pages->currentIndex();
}

QWidget *MainWindow::page(int index) const {
    return m_pages->widget(index);
}

int MainWindow::pageIndex(const QString &objectName) const {
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->objectName() == objectName)
            return i;
    }
    return -1;
}

void MainWindow::onPageChanged(int index) {
    m_pages->setCurrentIndex(index);
}

void MainWindow::createStatusBar() {
    m_endpointButton = new QToolButton(this);
    m_endpointButton->setAutoRaise(true);
    m_endpointButton->setText(tr("Starting the router…"));
    m_endpointButton->setToolTip(tr("Click to copy the base URL"));
    m_endpointButton->setAccessibleName(tr("Endpoint address; click to copy"));
    connect(m_endpointButton, &QToolButton::clicked, this, &MainWindow::copyEndpoint);

    m_spendLabel = new QLabel(this);
    m_spendLabel->setAccessibleName(tr("Spend today"));

    m_pauseAction =
        new QAction(ConsoleIcons::glyph(ConsoleIcons::Glyph::Pause), tr("&Pause routing"), this);
    m_pauseAction->setCheckable(true);
    m_pauseAction->setToolTip(tr("While paused, the endpoint answers 503 to every model request"));
    connect(m_pauseAction, &QAction::toggled, m_service, &RouterService::setPaused);

    m_pauseButton = new QToolButton(this);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setAutoRaise(true);
    m_pauseButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pauseButton->setAccessibleName(tr("Pause routing"));
    connect(m_pauseButton, &QToolButton::toggled, m_pauseAction, &QAction::setChecked);

    statusBar()->addPermanentWidget(m_endpointButton);
    statusBar()->addPermanentWidget(m_spendLabel);
    statusBar()->addPermanentWidget(m_pauseButton);
    showUsage(UsageSummary{});
}

void MainWindow::createMenus() {
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = fileMenu->addAction(tr("&Export requests as CSV…"));
    connect(exportAction, &QAction::triggered, this, [this] {
        showPage(m_pages->indexOf(m_requests));
        m_requests->exportWithDialog();
    });
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"));
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(quitAction, &QAction::triggered, this, &MainWindow::quit);

    QMenu *routingMenu = menuBar()->addMenu(tr("&Routing"));
    routingMenu->addAction(m_pauseAction);
    QAction *copyAction = routingMenu->addAction(tr("&Copy endpoint address"));
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyAction, &QAction::triggered, this, &MainWindow::copyEndpoint);

    m_goMenu = menuBar()->addMenu(tr("&Go"));
    QAction *findAction = new QAction(tr("&Find requests"), this);
    findAction->setShortcut(QKeySequence::Find);
    connect(findAction, &QAction::triggered, this, [this] {
        showPage(m_pages->indexOf(m_requests));
        m_requests->focusSearch();
    });
    addAction(findAction);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addMenu(createLanguageMenu());
    viewMenu->addAction(findAction);
}

QMenu *MainWindow::createLanguageMenu() {
    auto *menu = new QMenu(tr("&Language"), this);
    auto *group = new QActionGroup(menu);
    const QString chosen = savedLanguage();
    const auto addChoice = [&](const QString &code, const QString &name) {
        QAction *action = menu->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == chosen);
        group->addAction(action);
        m_languageActions.insert(code, action);
        connect(action, &QAction::triggered, this, [this, code] {
            saveLanguage(code);
            if (m_settings)
                m_settings->showLanguage(code);
            statusBar()->showMessage(tr("The language changes when Signalbox starts again."),
                                     EventMessageMs);
        });
    };
    addChoice(QString(), tr("System language"));
    for (const Language &language : consoleLanguages())
        addChoice(language.code, language.nativeName);
    return menu;
}

void MainWindow::restoreWindow() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::saveWindow() const {
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    if (const QWidget *shown = m_pages->currentWidget(); shown && !shown->objectName().isEmpty())
        settings.setValue(PageKey, shown->objectName());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveWindow();
    if (m_keepRunningInTray && !m_quitting) {
        hide();
        event->ignore();
        emit hiddenToTray();
        return;
    }
    event->accept();
}

void MainWindow::quit() {
    m_quitting = true;
    saveWindow();
    QCoreApplication::quit();
}

void MainWindow::showEndpoint(const QUrl &endpoint) {
    m_endpointText = baseUrlText(endpoint);
    m_endpointButton->setText(m_endpointText);
    m_banner->hide();
    statusBar()->showMessage(m_service->options().demo
                                 ? tr("Routing live (demo: simulated upstream and traffic)")
                                 : tr("Routing live"),
                             EventMessageMs);
    m_dashboard->addEvent(tr("Router listening on %1").arg(m_endpointText));
}

void MainWindow::showUsage(const UsageSummary &today) {
    m_spentUsd = today.costUsd;
    m_spendLabel->setText(m_budgetUsd > 0 ? tr("Today %1 of %2")
                                                .arg(ConsoleText::usdShort(m_spentUsd),
                                                     ConsoleText::usdShort(m_budgetUsd))
                                          : tr("Today %1").arg(ConsoleText::usdShort(m_spentUsd)));
}

void MainWindow::showBudget(const SpendSeries &series) {
    m_budgetUsd = series.dailyBudgetUsd;
    UsageSummary today;
    today.costUsd = m_spentUsd;
    showUsage(today);
}

void MainWindow::showPaused(bool paused) {
    const QSignalBlocker actionBlocker(m_pauseAction);
    const QSignalBlocker buttonBlocker(m_pauseButton);
    m_pauseAction->setChecked(paused);
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Paused") : tr("Live"));
    m_pauseButton->setIcon(ConsoleIcons::status(GateState::Ok, paused));
    m_pauseButton->setToolTip(paused ? tr("Routing is paused: the endpoint answers 503. Click "
                                          "to resume.")
                                     : tr("Routing is live. Click to pause it."));
}

void MainWindow::showStartFailure(const QString &message) {
    m_endpointButton->setText(tr("not running"));
    m_banner->setText(tr("The router could not start: %1").arg(message));
    m_banner->show();
    m_dashboard->addEvent(tr("The router could not start: %1").arg(message));
}

void MainWindow::copyEndpoint() {
    if (m_endpointText.isEmpty())
        return;
    QApplication::clipboard()->setText(m_endpointText);
    statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(m_endpointText), ShortMessageMs);
}

} // namespace signalbox
