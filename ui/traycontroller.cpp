// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "traycontroller.h"

#include "consoleicons.h"
#include "consoletext.h"
#include "service/routerservice.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace signalbox {

GateState worstGateState(const GateSnapshot &snapshot) {
    GateState worst = GateState::Ok;
    for (const GateStatus &gate : snapshot.gates) {
        if (gate.state == GateState::Tripped)
            return GateState::Tripped;
        if (gate.state == GateState::Warning)
            worst = GateState::Warning;
    }
    return worst;
}

TrayController::TrayController(RouterService *service, QAction *pauseAction, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_tray(new QSystemTrayIcon(this))
    , m_menu(new QMenu) {
    QAction *showAction = m_menu->addAction(tr("&Show console"));
    connect(showAction, &QAction::triggered, this, &TrayController::showConsoleRequested);
    m_menu->addAction(pauseAction);
    m_menu->addSeparator();
    QAction *quitAction = m_menu->addAction(tr("&Quit Signalbox"));
    connect(quitAction, &QAction::triggered, this, &TrayController::quitRequested);
    m_tray->setContextMenu(m_menu);

    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showConsoleRequested();
            });
    connect(service, &RouterService::usageChanged, this, &TrayController::setUsage);
    connect(service, &RouterService::gatesChanged, this, &TrayController::setGates);
    connect(service, &RouterService::pausedChanged, this, &TrayController::update);
    update();
}

TrayController::~TrayController() {
    delete m_menu;
}

bool TrayController::show() {
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return false;
    m_tray->show();
    return true;
}

void TrayController::showMessage(const QString &title, const QString &text) {
    m_tray->showMessage(title, text, ConsoleIcons::status(m_state, m_service->isPaused()));
}

void TrayController::setUsage(const UsageSummary &today) {
    m_spentUsd = today.costUsd;
    update();
}

void TrayController::setGates(const GateSnapshot &snapshot) {
    m_state = worstGateState(snapshot);
    m_budgetUsd = 0;
    for (const GateStatus &gate : snapshot.gates) {
        if (gate.kind == QLatin1String("daily_budget"))
            m_budgetUsd = gate.limit;
    }
    update();
}

QString TrayController::toolTip() const {
    QString spend = m_budgetUsd > 0
                        ? tr("Today: %1 of %2 (%3)")
                              .arg(ConsoleText::usd(m_spentUsd), ConsoleText::usdShort(m_budgetUsd),
                                   ConsoleText::percent(m_spentUsd / m_budgetUsd))
                        : tr("Today: %1, no daily budget").arg(ConsoleText::usd(m_spentUsd));
    QString state = m_service->isPaused()
                        ? tr("Routing paused")
                        : tr("Gates: %1").arg(ConsoleText::gateStateName(m_state));
    return tr("Signalbox") + QLatin1Char('\n') + spend + QLatin1Char('\n') + state;
}

void TrayController::update() {
    m_tray->setIcon(ConsoleIcons::status(m_state, m_service->isPaused()));
    m_tray->setToolTip(toolTip());
}

} // namespace signalbox
