// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "gating/gatesnapshot.h"
#include "ledger/ledgerreader.h"
#include "ledger/ledgerrecord.h"
#include "routing/routepreview.h"
#include "service/consoledata.h"

#include <QJsonObject>
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
    // it. routePreviewed() carries the returned id. Returns 0, and sends nothing, before ready().
    quint64 previewRoute(const QJsonObject &body);

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
    void pausedChanged(bool paused);

    // The dashboard's data. The router thread sends each of them after requests are recorded,
    // at most four times a second, and every few seconds while idle, so rate windows and
    // per-minute counts move on without traffic.
    void gatesChanged(const signalbox::GateSnapshot &snapshot);
    void spendSeriesChanged(const signalbox::SpendSeries &series);
    void requestRateChanged(const signalbox::RequestRate &rate);
    // The config in force: sent when the router is ready and after every reload.
    void configChanged(const signalbox::ConfigPtr &config);
    void routePreviewed(quint64 id, const signalbox::RoutePreview &preview);

private:
    void refreshUsageForListeners();

    ServiceOptions m_options;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<QThread> m_thread;
    RouterWorker *m_worker = nullptr; // lives on m_thread, deleted when it finishes
    QUrl m_endpoint;
    bool m_paused = false;
    quint64 m_lastPreviewId = 0;
};

} // namespace signalbox
