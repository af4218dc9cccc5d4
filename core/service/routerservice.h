// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "ledger/ledgerreader.h"
#include "ledger/ledgerrecord.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace signalbox {

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

signals:
    void ready(const QUrl &endpoint);
    void startFailed(const QString &message);
    void requestRecorded(const signalbox::LedgerRecord &record);
    void usageChanged(const signalbox::UsageSummary &today);
    // The latest requests in the ledger, newest first, sent once when the router is ready.
    void recentLoaded(const QList<signalbox::LedgerRecord> &records);
    // A user-facing event: a config reload, a rejected config file, a warning.
    void eventLogged(const QString &message);

private:
    ServiceOptions m_options;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QThread> m_thread;
    RouterWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    QUrl m_endpoint;
    bool m_paused = false;
};

} // namespace signalbox
