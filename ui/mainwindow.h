// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QMainWindow>
#include <QUrl>

class QCoreApplication;
class QLabel;
class QPushButton;
class QTableView;

namespace signalbox {

class RequestTableModel;
class RouterService;

// The console's first window: the endpoint, today's spend and a live table of recent requests.
// It reaches the router only through the RouterService.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(RouterService *service, QWidget *parent = nullptr);

    RequestTableModel *requestModel() const { return m_requests; }

private:
    QWidget *createHeader();
    void showEndpoint(const QUrl &endpoint);
    void showUsage(const UsageSummary &today);
    void showStartFailure(const QString &message);
    void copyEndpoint();

    RouterService *m_service;
    RequestTableModel *m_requests;
    QUrl m_endpoint;
    QLabel *m_endpointLabel = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_spendLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTableView *m_table = nullptr;
};

// Runs the console: starts the router, shows the window and, with a screenshots folder, renders
// the window to PNG files once some traffic has arrived, then quits.
int runConsole(QCoreApplication &app, const ServiceOptions &options, const QString &screenshotsDir);

} // namespace signalbox
