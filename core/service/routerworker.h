// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "config/configloader.h"
#include "ledger/ledgerreader.h"
#include "service/consoledata.h"
#include "service/routerservice.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace signalbox {

class ClassifierCache;
class ConfigWatcher;
class Gates;
class GateStore;
class SystemClock;
class DemoTraffic;
class HttpServer;
class ModelCooldowns;
class HttpClient;
class SimulatedUpstream;

// Everything that runs on the router thread: the HTTP server, the handlers, the config in force,
// the upstream HTTP client and, in demo mode, the simulated upstream.
class RouterWorker : public QObject {
    Q_OBJECT

public:
    RouterWorker(ServiceOptions options, Ledger *ledger);
    ~RouterWorker() override;

    void start();
    void shutdown();
    void setPaused(bool paused);
    void scheduleUsageRefresh();
    void refreshAll();
    void previewRoute(quint64 id, const QJsonObject &body);

signals:
    void ready(const QUrl &endpoint);
    void startFailed(const QString &message);
    void usageChanged(const signalbox::UsageSummary &today);
    void recentLoaded(const QList<signalbox::LedgerRecord> &records);
    void eventLogged(const QString &message);
    void gatesChanged(const signalbox::GateSnapshot &snapshot);
    void spendSeriesChanged(const signalbox::SpendSeries &series);
    void requestRateChanged(const signalbox::RequestRate &rate);
    void configChanged(const signalbox::ConfigPtr &config);
    void routePreviewed(quint64 id, const signalbox::RoutePreview &preview);
    // Emitted every 5 s, because rate windows empty and minutes pass without any request. The
    // service then schedules a usage refresh if something shows the usage.
    void idleRefreshDue();

private:
    Result<ConfigPtr> loadInitialConfig();
    Result<ConfigPtr> loadDemoConfig();
    Status openLedgerReader();
    void writeDemoHistory();
    Status startGates(const Config &config);
    Result<std::unique_ptr<GateStore>> createGateStore(const GateStoreConfig &config);
    void rebuildGatesFromLedger();
    void onGateStoreHealthChanged(bool healthy, const QString &message);
    void onWarningReached(const QString &gateId, double fraction, double spentUsd, double limitUsd);
    Status startServer(const Config &config);
    void applyConfig(const ConfigPtr &config);
    void warnIfStoreChanged(const GateStoreConfig &store);
    void rejectConfig(const QList<ConfigProblem> &problems);
    void refreshUsage();
    void refreshGates();
    SpendSeries spendSeries() const;
    RequestRate requestRate() const;

    ServiceOptions m_options;
    ApiEnvironment m_environment;
    GateStoreConfig m_storeConfig; // the store in use; a change needs a restart
    std::unique_ptr<LedgerReader> m_reader;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<Gates> m_gates;
    std::unique_ptr<ClassifierCache> m_classifierCache;
    std::unique_ptr<ModelCooldowns> m_cooldowns;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<SimulatedUpstream> m_simulated;
    std::unique_ptr<DemoTraffic> m_demoTraffic;
    std::unique_ptr<ConfigWatcher> m_watcher;
    HttpClient *m_upstreamClient = nullptr;
    // Children of the worker, so that moveToThread() moves them to the router thread, where
    // scheduleUsageRefresh() and start() start them.
    QTimer m_usageTimer;
    QTimer m_idleTimer;
};

} // namespace signalbox
