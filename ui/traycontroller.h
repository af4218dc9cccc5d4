// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "gating/gatesnapshot.h"
#include "ledger/ledgerreader.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace signalbox {

class RouterService;

// The tray icon: today's spend against the daily budget in its tooltip, a lamp in the worst gate
// state (grey while paused), and a menu to show the console, pause routing and quit.
class TrayController : public QObject {
    Q_OBJECT

public:
    // pauseAction is the window's checkable "Pause routing" action, shared so both stay in step.
    TrayController(RouterService *service, QAction *pauseAction, QObject *parent = nullptr);
    ~TrayController() override;

    // Shows the icon when the desktop has a system tray; returns whether it does.
    bool show();
    QString toolTip() const;
    GateState state() const { return m_state; }
    QMenu *menu() const { return m_menu; }
    void showMessage(const QString &title, const QString &text);

signals:
    void showConsoleRequested();
    void quitRequested();

private:
    void setUsage(const UsageSummary &today);
    void setGates(const GateSnapshot &snapshot);
    void update();

    RouterService *m_service;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    double m_spentUsd = 0;
    double m_budgetUsd = 0; // 0 while no daily budget gate is known
    GateState m_state = GateState::Ok;
};

// Returns the worst state among the gates: tripped before warning before ok.
GateState worstGateState(const GateSnapshot &snapshot);

} // namespace signalbox
