// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apienvironment.h"
#include "config/configloader.h"
#include "ledger/ledgerreader.h"
#include "secrets/keylookup.h"
#include "service/consoledata.h"
#include "service/routerservice.h"
#include "service/servicetypes.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

namespace signalbox {

class ClassifierCache;
class ConfigWatcher;
class Gates;
class GateStore;
class RedisGateStore;
class SystemClock;
class DemoTraffic;
class HttpServer;
class ModelCooldowns;
class HttpClient;
class SimulatedUpstream;
class WarningThrottle;

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
    // Routes a body against `draft` when it is set, else against the config in force.
    void previewRoute(quint64 id, const QJsonObject &body, const signalbox::ConfigPtr &draft);

    // Validates an edited config, saves it (except in demo mode) and swaps it in.
    void applyEditedConfig(int requestId, const signalbox::Config &edited);
    void testConnection(int requestId, const signalbox::ProviderConfig &provider);

    // The key cache: keys read from the keychain or the key file, used before the environment,
    // and the service secrets, used after their variables. A secret applies at once.
    void setStoredKey(const QString &providerId, const QString &key, signalbox::KeySource source);
    void dropStoredKey(const QString &providerId);

signals:
    void ready(const QUrl &endpoint);
    void startFailed(const QString &message);
    void usageChanged(const signalbox::UsageSummary &today);
    void recentLoaded(const QList<signalbox::LedgerRecord> &records);
    void eventLogged(const QString &message);
    void gatesChanged(const signalbox::GateSnapshot &snapshot);
    void spendSeriesChanged(const signalbox::SpendSeries &series);
    void requestRateChanged(const signalbox::RequestRate &rate);
    // The config in force: emitted when the router is ready, after every swap (an applied edit
    // or a reloaded file) and by refreshAll().
    void configChanged(const signalbox::ConfigPtr &config);
    void configApplied(int requestId, const signalbox::ConfigPtr &config);
    void configApplyFailed(int requestId, const QList<signalbox::ConfigProblem> &problems);
    void routePreviewed(quint64 id, const signalbox::RoutePreview &preview);
    void connectionTested(int requestId, const signalbox::ProviderModels &result);
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
    void applyServiceSecret(const QString &account);
    void applyAccessToken();
    void onGateStoreHealthChanged(bool healthy, const QString &message);
    void onWarningReached(const QString &gateId, double fraction, double spentUsd, double limitUsd);
    void onWarningStanding(const QString &gateId, double fraction, double spentUsd,
                           double limitUsd);
    Status startServer(const Config &config);
    Status swapConfig(const ConfigPtr &config);
    void onConfigFileChanged(const ConfigPtr &config);
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
    std::unique_ptr<WarningThrottle> m_upstreamFailures; // outlives the calls in m_server
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<SimulatedUpstream> m_simulated;
    std::unique_ptr<DemoTraffic> m_demoTraffic;
    std::unique_ptr<ConfigWatcher> m_watcher;
    HttpClient *m_upstreamClient = nullptr;
    // The connection test lists a provider's models through Qt's client: it is rare, and the model
    // listing reads redirects and proxies as Qt does.
    QNetworkAccessManager *m_listingNetwork = nullptr;
    QHash<QString, StoredKey> m_storedKeys; // account -> key from the keychain or key file
    // The keychain and key file have replied for the access token, with a token or without.
    bool m_accessTokenRead = false;
    bool m_redisPasswordRead = false; // the keychain or key file returned its Redis password result
    RedisGateStore *m_redisStore = nullptr; // owned by m_gates; null for the memory store
    // Children of the worker, so that moveToThread() moves them to the router thread, where
    // scheduleUsageRefresh() and start() start them.
    QTimer m_usageTimer;
    QTimer m_idleTimer;
    QSet<QString> m_warned; // the keys of the problems warnOnce() has reported
};

} // namespace signalbox
