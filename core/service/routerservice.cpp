// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routerservice.h"

#include "ledger/ledger.h"
#include "logging.h"
#include "service/routerworker.h"

#include <QMetaMethod>
#include <QThread>

namespace signalbox {

RouterService::RouterService(ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    qRegisterMetaType<signalbox::LedgerRecord>();
    qRegisterMetaType<signalbox::UsageSummary>();
    qRegisterMetaType<QList<signalbox::LedgerRecord>>();
    qRegisterMetaType<signalbox::GateSnapshot>();
    qRegisterMetaType<signalbox::SpendSeries>();
    qRegisterMetaType<signalbox::RequestRate>();
    qRegisterMetaType<signalbox::ConfigPtr>();
    qRegisterMetaType<signalbox::RoutePreview>();
}

RouterService::~RouterService() {
    stop();
}

void RouterService::start() {
    auto ledger = Ledger::open(m_options.dataDir);
    if (!ledger.ok()) {
        emit startFailed(ledger.error());
        return;
    }
    m_ledger = std::move(ledger.value());

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("router"));
    m_worker = new RouterWorker(m_options, m_ledger.get());
    m_worker->setPaused(m_paused);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &RouterWorker::ready, this, [this](const QUrl &endpoint) {
        m_endpoint = endpoint;
        emit ready(endpoint);
    });
    connect(m_worker, &RouterWorker::startFailed, this, &RouterService::startFailed);
    connect(m_worker, &RouterWorker::usageChanged, this, &RouterService::usageChanged);
    connect(m_worker, &RouterWorker::recentLoaded, this, &RouterService::recentLoaded);
    connect(m_worker, &RouterWorker::eventLogged, this, &RouterService::eventLogged);
    connect(m_worker, &RouterWorker::gatesChanged, this, &RouterService::gatesChanged);
    connect(m_worker, &RouterWorker::spendSeriesChanged, this, &RouterService::spendSeriesChanged);
    connect(m_worker, &RouterWorker::requestRateChanged, this, &RouterService::requestRateChanged);
    connect(m_worker, &RouterWorker::configChanged, this, &RouterService::configChanged);
    connect(m_worker, &RouterWorker::routePreviewed, this, &RouterService::routePreviewed);
    connect(m_ledger.get(), &Ledger::recorded, this, [this](const LedgerRecord &record) {
        // Rows committed before ready() are in recentLoaded(), which comes first; the demo
        // history alone is thousands of them.
        if (m_endpoint.isEmpty())
            return;
        emit requestRecorded(record);
        refreshUsageForListeners();
    });
    connect(m_worker, &RouterWorker::idleRefreshDue, this,
            &RouterService::refreshUsageForListeners);

    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &RouterWorker::start);
}

// The summary is a query on the router thread that scans today's ledger rows, so it runs only
// for a listener, such as the console. Headless mode has none.
void RouterService::refreshUsageForListeners() {
    if (m_worker && isSignalConnected(QMetaMethod::fromSignal(&RouterService::usageChanged)))
        QMetaObject::invokeMethod(m_worker, &RouterWorker::scheduleUsageRefresh);
}

void RouterService::stop() {
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(m_worker, &RouterWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_worker = nullptr;
    if (m_ledger)
        m_ledger->flush();
    m_ledger.reset();
    qCInfo(lcService) << "router stopped";
}

void RouterService::setPaused(bool paused) {
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (m_worker)
        QMetaObject::invokeMethod(m_worker,
                                  [worker = m_worker, paused] { worker->setPaused(paused); });
    qCInfo(lcService) << (paused ? "routing paused" : "routing resumed");
    emit pausedChanged(paused);
}

void RouterService::refresh() {
    if (m_worker && !m_endpoint.isEmpty())
        QMetaObject::invokeMethod(m_worker, &RouterWorker::refreshAll);
}

quint64 RouterService::previewRoute(const QJsonObject &body) {
    if (!m_worker || m_endpoint.isEmpty())
        return 0;
    const quint64 id = ++m_lastPreviewId;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, id, body] { worker->previewRoute(id, body); });
    return id;
}

} // namespace signalbox
