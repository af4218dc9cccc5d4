// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/configloader.h"
#include "gating/gatesnapshot.h"
#include "ledger/ledgerreader.h"
#include "ledger/ledgerrecord.h"
#include "routing/routepreview.h"
#include "service/consoledata.h"
#include "service/servicetypes.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace signalbox {

class KeyManager;
class Ledger;
class RouterWorker;

struct ServiceOptions {
    QString configPath; // ignored in demo mode
    QString dataDir;
    QString listen;          // HOST:PORT; empty means the config's server.listen
    bool demo = false;       // in-memory demo config on the built-in simulated upstream
    bool demoTraffic = true; // with demo: send synthetic pipeline traffic
    // With demo: write a synthetic history of the day's earlier hours into the ledger at start.
    // Only for a ledger in a throwaway folder, since the rows stay in the file.
    bool demoHistory = false;
};

// The service API: the only way the console and the app reach the router. It owns the router
// thread, where the endpoint, the routing and the upstream calls run, and the ledger. Calls are
// posted to the router thread; results come back as signals on the thread that owns the service.
class RouterService : public QObject {
    Q_OBJECT

public:
    explicit RouterService(ServiceOptions options, QObject *parent = nullptr);
    ~RouterService() override;

    // Opens the ledger, loads the config and starts listening: emits ready() or startFailed().
    void start();
    // Stops listening, cancels requests in flight, flushes the ledger and joins the thread.
    void stop();

    // While paused, the endpoint answers 503 to every model request. Emits pausedChanged() when
    // the state changes.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Asks the router thread to send usageChanged(), gatesChanged(), spendSeriesChanged(),
    // requestRateChanged(), configChanged() and recentLoaded() again, e.g. for a new window.
    // Does nothing before ready().
    void refresh();

    // Asks for the dry-run routing decision of a Chat Completions body, as POST /api/route makes
    // it but without the classifier: against `draft` when it is set, e.g. an edited copy not
    // applied yet, else against the config in force. routePreviewed() carries the returned id.
    // Returns 0, and sends nothing, before ready().
    quint64 previewRoute(const QJsonObject &body, signalbox::ConfigPtr draft = {});

    QUrl endpoint() const { return m_endpoint; }
    const ServiceOptions &options() const { return m_options; }

    // The config in force; null until the router has loaded it. configChanged() reports every
    // later swap.
    ConfigPtr config() const { return m_config; }

    // Validates an edited copy of the config, saves it atomically to the config file (in demo
    // mode it stays in memory) and swaps it in on the router thread between requests. Returns an
    // id; configApplied() or configApplyFailed() carries it back with the outcome.
    int applyConfig(signalbox::Config edited);

    // Lists the provider's models with GET {base_url}/models and the provider's key, on the router
    // thread. Returns an id that connectionTested() carries back.
    int testConnection(const signalbox::ProviderConfig &provider);

    // Keys: kept in the OS keychain (service "signalbox", account = provider id), or in an
    // owner-only file in the data folder once the user turned it on. The Redis password and the
    // access token use the same calls with the accounts kRedisPasswordAccount and
    // kAccessTokenAccount. Results arrive as keyStatusChanged() and keyOperationFinished(); the
    // key itself never comes back.
    KeychainState keychainState() const;
    KeyStatus keyStatus(const QString &providerId) const;
    void storeKey(const QString &providerId, const QString &key);
    void removeKey(const QString &providerId);
    void setKeyFileEnabled(bool enabled);

    // For tests: the keychain service name and timeout. Call before start().
    void setKeychainService(const QString &service, int timeoutMs);

    // The providers of the embedded default config, offered as presets when adding a provider.
    static QList<ProviderConfig> providerPresets();

signals:
    void ready(const QUrl &endpoint);
    void startFailed(const QString &message);
    void requestRecorded(const signalbox::LedgerRecord &record);
    void usageChanged(const signalbox::UsageSummary &today);
    // The latest requests in the ledger, newest first, sent once when the router is ready.
    void recentLoaded(const QList<signalbox::LedgerRecord> &records);
    // A user-facing event: a config reload, a rejected config file, a warning.
    void eventLogged(const QString &message);
    void pausedChanged(bool paused);

    // The dashboard's data. The router thread sends each of them after requests are recorded,
    // at most four times a second, and every few seconds while idle, so rate windows and
    // per-minute counts move on without traffic.
    void gatesChanged(const signalbox::GateSnapshot &snapshot);
    void spendSeriesChanged(const signalbox::SpendSeries &series);
    void requestRateChanged(const signalbox::RequestRate &rate);
    // The config in force: sent when the router is ready, after every swap (an applied edit or a
    // reloaded file) and again on refresh(). A receiver that must tell a new config from a repeat
    // compares the pointers.
    void configChanged(const signalbox::ConfigPtr &config);
    void routePreviewed(quint64 id, const signalbox::RoutePreview &preview);

    void configApplied(int requestId, const signalbox::ConfigPtr &config);
    // Every problem with its field path, or one problem without a path when saving failed.
    void configApplyFailed(int requestId, const QList<signalbox::ConfigProblem> &problems);
    void connectionTested(int requestId, const signalbox::ProviderModels &result);

    void keychainStateChanged(const signalbox::KeychainState &state);
    void keyStatusChanged(const signalbox::KeyStatus &status);
    // The outcome of storeKey(), removeKey() or setKeyFileEnabled(), as a sentence for people.
    void keyOperationFinished(const QString &providerId, bool ok, const QString &message);

private:
    void connectWorker();
    void connectKeys();
    void onConfigChanged(const ConfigPtr &config);
    int failLater(int requestId, const QList<ConfigProblem> &problems);
    void refreshUsageForListeners();

    ServiceOptions m_options;
    std::unique_ptr<KeyManager> m_keys;
    ConfigPtr m_config;
    int m_nextRequestId = 1;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QThread> m_thread;
    RouterWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    QUrl m_endpoint;
    bool m_paused = false;
    quint64 m_lastPreviewId = 0;
};

} // namespace signalbox
