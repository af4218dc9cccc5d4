// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routerservice.h"

#ifdef Q_OS_LINUX
#include "http/epolldispatcher.h"
#endif
#include "ledger/ledger.h"
#include "logging.h"
#include "service/keymanager.h"
#include "service/routerworker.h"

#include <QDir>
#include <QMetaMethod>
#include <QThread>

namespace signalbox {

namespace {

// The opt-in key file, in the data folder next to the ledger.
constexpr char kKeyFileName[] = "keys.json";

// Runs the router thread on epoll where the kernel supports it; EpollEventDispatcher explains why.
void useEpollDispatcher(QThread &thread) {
#ifdef Q_OS_LINUX
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    if (dispatcher->isValid())
        thread.setEventDispatcher(dispatcher.release());
#else
    Q_UNUSED(thread);
#endif
}

} // namespace

RouterService::RouterService(ServiceOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    qRegisterMetaType<signalbox::LedgerRecord>();
    qRegisterMetaType<signalbox::UsageSummary>();
    qRegisterMetaType<QList<signalbox::LedgerRecord>>();
    qRegisterMetaType<signalbox::GateSnapshot>();
    qRegisterMetaType<signalbox::SpendSeries>();
    qRegisterMetaType<signalbox::RequestRate>();
    qRegisterMetaType<signalbox::Config>();
    qRegisterMetaType<signalbox::ConfigPtr>();
    qRegisterMetaType<signalbox::ConfigProblem>();
    qRegisterMetaType<QList<signalbox::ConfigProblem>>();
    qRegisterMetaType<signalbox::ProviderConfig>();
    qRegisterMetaType<signalbox::RoutePreview>();
    qRegisterMetaType<signalbox::ProviderModels>();
    qRegisterMetaType<signalbox::KeyStatus>();
    qRegisterMetaType<signalbox::KeychainState>();
    qRegisterMetaType<signalbox::KeySource>();

    const QString keyFile = QDir(m_options.dataDir).filePath(QLatin1String(kKeyFileName));
    m_keys = std::make_unique<KeyManager>(keyFile);
    connectKeys();
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
    useEpollDispatcher(*m_thread);
    m_worker = new RouterWorker(m_options, m_ledger.get());
    m_worker->setPaused(m_paused);
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    connectWorker();

    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &RouterWorker::start);
}

void RouterService::connectWorker() {
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
    connect(m_worker, &RouterWorker::configChanged, this, &RouterService::onConfigChanged);
    connect(m_worker, &RouterWorker::configApplied, this, &RouterService::configApplied);
    connect(m_worker, &RouterWorker::configApplyFailed, this, &RouterService::configApplyFailed);
    connect(m_worker, &RouterWorker::routePreviewed, this, &RouterService::routePreviewed);
    connect(m_worker, &RouterWorker::connectionTested, this, &RouterService::connectionTested);
    // One queued event per committed batch, not per row, because each wakes this thread.
    connect(m_ledger.get(), &Ledger::recordedBatch, this,
            [this](const QList<LedgerRecord> &records) {
                // Rows committed before ready() are in recentLoaded(), which comes first. The
                // demo history alone is thousands of them.
                if (m_endpoint.isEmpty())
                    return;
                for (const LedgerRecord &record : records)
                    emit requestRecorded(record);
                refreshUsageForListeners();
            });
    connect(m_worker, &RouterWorker::idleRefreshDue, this,
            &RouterService::refreshUsageForListeners);
}

// Keys read or stored on this thread go to the router thread's cache, so the router does not
// wait for the keychain.
void RouterService::connectKeys() {
    connect(m_keys.get(), &KeyManager::keyLoaded, this,
            [this](const QString &providerId, const QString &key, KeySource source) {
                if (m_worker)
                    QMetaObject::invokeMethod(m_worker,
                                              [worker = m_worker, providerId, key, source] {
                                                  worker->setStoredKey(providerId, key, source);
                                              });
            });
    connect(m_keys.get(), &KeyManager::keyDropped, this, [this](const QString &providerId) {
        if (m_worker)
            QMetaObject::invokeMethod(
                m_worker, [worker = m_worker, providerId] { worker->dropStoredKey(providerId); });
    });
    connect(m_keys.get(), &KeyManager::stateChanged, this, &RouterService::keychainStateChanged);
    connect(m_keys.get(), &KeyManager::statusChanged, this, &RouterService::keyStatusChanged);
    connect(m_keys.get(), &KeyManager::operationFinished, this,
            &RouterService::keyOperationFinished);
}

void RouterService::onConfigChanged(const ConfigPtr &config) {
    // refresh() sends the config in force again, but the key manager needs only real swaps.
    if (config != m_config) {
        const bool first = !m_config;
        m_config = config;
        if (first)
            m_keys->start(config->providers);
        else
            m_keys->setProviders(config->providers);
    }
    emit configChanged(config);
}

// The refresh queries the ledger on the router thread and scans today's rows, so it runs only
// when a page shows one of its results. Headless mode has none.
void RouterService::refreshUsageForListeners() {
    const bool shown =
        isSignalConnected(QMetaMethod::fromSignal(&RouterService::usageChanged)) ||
        isSignalConnected(QMetaMethod::fromSignal(&RouterService::gatesChanged)) ||
        isSignalConnected(QMetaMethod::fromSignal(&RouterService::spendSeriesChanged)) ||
        isSignalConnected(QMetaMethod::fromSignal(&RouterService::requestRateChanged));
    if (m_worker && shown)
        QMetaObject::invokeMethod(m_worker, &RouterWorker::scheduleUsageRefresh);
}

void RouterService::stop() {
    if (!m_thread)
        return;
    // The worker may still wait for its config from a named pipe. It checks for this request, so
    // the blocking call below does not wait for a writer that never comes.
    m_thread->requestInterruption();
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

quint64 RouterService::previewRoute(const QJsonObject &body, ConfigPtr draft) {
    if (!m_worker || m_endpoint.isEmpty())
        return 0;
    const quint64 id = ++m_lastPreviewId;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, id, body, draft = std::move(draft)] {
        worker->previewRoute(id, body, draft);
    });
    return id;
}

int RouterService::failLater(int requestId, const QList<ConfigProblem> &problems) {
    QMetaObject::invokeMethod(
        this, [this, requestId, problems] { emit configApplyFailed(requestId, problems); },
        Qt::QueuedConnection);
    return requestId;
}

int RouterService::applyConfig(Config edited) {
    const int requestId = m_nextRequestId++;
    if (!m_worker || !m_config)
        return failLater(requestId, {ConfigProblem{{}, tr("the router is not running")}});

    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, edited = std::move(edited)] {
        worker->applyEditedConfig(requestId, edited);
    });
    return requestId;
}

int RouterService::testConnection(const ProviderConfig &provider) {
    const int requestId = m_nextRequestId++;
    if (!m_worker) {
        ProviderModels result;
        result.providerId = provider.id;
        result.error = tr("the router is not running");
        QMetaObject::invokeMethod(
            this, [this, requestId, result] { emit connectionTested(requestId, result); },
            Qt::QueuedConnection);
        return requestId;
    }
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, requestId, provider] {
        worker->testConnection(requestId, provider);
    });
    return requestId;
}

KeychainState RouterService::keychainState() const {
    return m_keys->state();
}

KeyStatus RouterService::keyStatus(const QString &providerId) const {
    return m_keys->status(providerId);
}

void RouterService::storeKey(const QString &providerId, const QString &key) {
    m_keys->storeKey(providerId, key);
}

void RouterService::removeKey(const QString &providerId) {
    m_keys->removeKey(providerId);
}

void RouterService::setKeyFileEnabled(bool enabled) {
    m_keys->setKeyFileEnabled(enabled);
}

void RouterService::setKeychainService(const QString &service, int timeoutMs) {
    m_keys->keychain().setServiceName(service);
    m_keys->keychain().setTimeout(timeoutMs);
}

QList<ProviderConfig> RouterService::providerPresets() {
    const ConfigLoad load = parseConfig(defaultConfigJson());
    if (!load.ok()) {
        qCCritical(lcConfig) << "the embedded default config is invalid";
        return {};
    }
    return load.config->providers;
}

} // namespace signalbox
