// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/configloader.h"
#include "ledger/ledgerreader.h"
#include "ledger/ledgerrecord.h"
#include "service/servicetypes.h"

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

    // While paused, the endpoint answers 503 to every model request.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    QUrl endpoint() const { return m_endpoint; }
    const ServiceOptions &options() const { return m_options; }

    // The config in force; null until the router has loaded it. configChanged() reports every
    // later swap.
    ConfigPtr config() const { return m_config; }

    // Validates an edited copy of the config, saves it atomically to the config file (in demo
    // mode it stays in memory) and swaps it in on the router thread between requests. Returns an
    // id; configApplied() or configApplyFailed() carries it back with the outcome.
    int applyConfig(signalbox::Config edited);

    // Routes a Chat Completions body without calling an upstream: against `draft` when it is set,
    // e.g. an edited copy not applied yet, else against the config in force. Returns an id that
    // routePreviewed() carries back.
    int previewRoute(const QByteArray &body, signalbox::ConfigPtr draft = {});

    // Lists the provider's models with GET {base_url}/models and the provider's key, on the router
    // thread. Returns an id that connectionTested() carries back.
    int testConnection(const signalbox::ProviderConfig &provider);

    // Keys: kept in the OS keychain (service "signalbox", account = provider id), or in an
    // owner-only file in the data folder once the user turned it on. Results arrive as
    // keyStatusChanged() and keyOperationFinished(); the key itself never comes back.
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

    // The config in force: once the router has loaded it, then after every swap (an applied
    // edit or a reloaded file).
    void configChanged(const signalbox::ConfigPtr &config);
    void configApplied(int requestId, const signalbox::ConfigPtr &config);
    // Every problem with its field path, or one problem without a path when saving failed.
    void configApplyFailed(int requestId, const QList<signalbox::ConfigProblem> &problems);
    void routePreviewed(int requestId, const signalbox::RoutePreview &preview);
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

    ServiceOptions m_options;
    std::unique_ptr<KeyManager> m_keys;
    ConfigPtr m_config;
    int m_nextRequestId = 1;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QThread> m_thread;
    RouterWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    QUrl m_endpoint;
    bool m_paused = false;
};

} // namespace signalbox
