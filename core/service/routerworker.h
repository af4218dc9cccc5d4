// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "config/configloader.h"
#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace signalbox {

class ConfigWatcher;
class Gates;
class SystemClock;
class DemoTraffic;
class HttpServer;
class NetworkPool;
class SimulatedUpstream;

// Everything that runs on the router thread: the HTTP server, the handlers, the config in force,
// the upstream network access manager and, in demo mode, the simulated upstream.
class RouterWorker : public QObject {
    Q_OBJECT

public:
    RouterWorker(ServiceOptions options, Ledger *ledger);
    ~RouterWorker() override;

    void start();
    void shutdown();
    void setPaused(bool paused);
    void scheduleUsageRefresh();

signals:
    void ready(const QUrl &endpoint);
    void startFailed(const QString &message);
    void usageChanged(const signalbox::UsageSummary &today);
    void recentLoaded(const QList<signalbox::LedgerRecord> &records);
    void eventLogged(const QString &message);

private:
    Result<ConfigPtr> loadInitialConfig();
    Result<ConfigPtr> loadDemoConfig();
    Status openLedgerReader();
    Status startGates(const Config &config);
    void onWarningReached(const QString &gateId, double fraction, double spentUsd, double limitUsd);
    Status startServer(const Config &config);
    void applyConfig(const ConfigPtr &config);
    void rejectConfig(const QList<ConfigProblem> &problems);
    void refreshUsage();

    ServiceOptions m_options;
    ApiEnvironment m_environment;
    std::unique_ptr<LedgerReader> m_reader;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Gates> m_gates;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<SimulatedUpstream> m_simulated;
    std::unique_ptr<DemoTraffic> m_demoTraffic;
    std::unique_ptr<ConfigWatcher> m_watcher;
    NetworkPool *m_networks = nullptr;
    // A child of the worker, so that moveToThread() moves it to the router thread, where
    // scheduleUsageRefresh() starts it.
    QTimer m_usageTimer;
};

} // namespace signalbox
