// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routerworker.h"

#include "api/apierror.h"
#include "api/apirouter.h"
#include "config/configwatcher.h"
#include "gating/clock.h"
#include "gating/gates.h"
#include "gating/memorygatestore.h"
#include "http/httpexchange.h"
#include "http/httpserver.h"
#include "logging.h"
#include "providers/modellisting.h"
#include "service/demotraffic.h"
#include "service/routepreview.h"
#include "service/simulatedupstream.h"

#include <QHostAddress>
#include <QNetworkAccessManager>

namespace signalbox {

namespace {

QByteArray serverErrorBody(int status, const QString &message) {
    ApiError error;
    error.httpStatus = status;
    error.type = QStringLiteral("invalid_request_error");
    error.message = message;
    if (status == 413)
        error.code = QStringLiteral("request_too_large");
    return openAiErrorBody(error);
}

struct Endpoint {
    QHostAddress host;
    quint16 port = 0;
};

Result<Endpoint> parseEndpoint(const QString &text)
{
    const std::optional<ListenAddress> address = parseListenAddress(text);
    QString host = address ? address->host : QString();
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress ip(host);
    if (!address || ip.isNull())
        return Error{QStringLiteral("invalid listen address '%1': use HOST:PORT with an IP "
                                    "address, e.g. 127.0.0.1:8765 (port 0 picks a free port)")
                         .arg(text)};
    return Endpoint{ip, address->port};
}

HttpLimits limitsFor(const Config &config) {
    HttpLimits limits;
    limits.maxBodyBytes = qint64(config.server.maxBodyMib) * 1024 * 1024;
    return limits;
}

} // namespace

RouterWorker::RouterWorker(ServiceOptions options, Ledger *ledger)
    : m_options(std::move(options))
    , m_usageTimer(this) {
    m_environment.ledger = ledger;
    m_environment.apiKeyFor = [this](const ProviderConfig &provider) {
        return lookUpKey(provider, m_storedKeys).key;
    };
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(250);
    connect(&m_usageTimer, &QTimer::timeout, this, &RouterWorker::refreshUsage);
}

RouterWorker::~RouterWorker() = default;

void RouterWorker::start() {
    m_network = new QNetworkAccessManager(this);
    m_environment.network = m_network;

    Result<ConfigPtr> config = loadInitialConfig();
    if (!config.ok()) {
        emit startFailed(config.error());
        return;
    }
    m_environment.config = config.value();
    emit configChanged(m_environment.config);

    if (Status reader = openLedgerReader(); !reader.ok()) {
        emit startFailed(reader.error());
        return;
    }
    if (Status gates = startGates(*m_environment.config); !gates.ok()) {
        emit startFailed(gates.error());
        return;
    }
    if (Status listening = startServer(*m_environment.config); !listening.ok()) {
        emit startFailed(listening.error());
        return;
    }

    QUrl endpoint;
    endpoint.setScheme(QStringLiteral("http"));
    endpoint.setHost(m_server->serverAddress().toString());
    endpoint.setPort(m_server->serverPort());
    if (m_options.demo && m_options.demoTraffic) {
        m_demoTraffic = std::make_unique<DemoTraffic>(endpoint);
        m_demoTraffic->start();
    }
    refreshUsage();
    emit recentLoaded(m_reader->recent(200));
    emit ready(endpoint);
}

Result<ConfigPtr> RouterWorker::loadInitialConfig() {
    if (m_options.demo)
        return loadDemoConfig();

    if (Status created = ensureConfigFile(m_options.configPath); !created.ok())
        return Error{created.error()};
    const ConfigLoad load = loadConfigFile(m_options.configPath);
    if (!load.config) {
        QStringList lines;
        for (const ConfigProblem &problem : load.problems)
            lines << QStringLiteral("  ") + problem.toString();
        return Error{QStringLiteral("the config file %1 is invalid:\n%2\nFix these fields, or "
                                    "check the file with --check-config")
                         .arg(m_options.configPath, lines.join(QLatin1Char('\n')))};
    }

    m_watcher = std::make_unique<ConfigWatcher>(m_options.configPath);
    connect(m_watcher.get(), &ConfigWatcher::configLoaded, this,
            &RouterWorker::onConfigFileChanged);
    connect(m_watcher.get(), &ConfigWatcher::configRejected, this, &RouterWorker::rejectConfig);
    return load.config;
}

// The demo config names one provider of kind "simulated"; point it at the simulated upstream.
Result<ConfigPtr> RouterWorker::loadDemoConfig() {
    m_simulated = std::make_unique<SimulatedUpstream>();
    if (Status listening = m_simulated->listen(); !listening.ok())
        return Error{QStringLiteral("cannot start the simulated upstream: ") + listening.error()};

    const ConfigLoad load = parseConfig(demoConfigJson());
    if (!load.config)
        return Error{QStringLiteral("the embedded demo config is invalid: ") +
                     load.problems.value(0).toString()};

    auto config = std::make_shared<Config>(*load.config);
    for (ProviderConfig &provider : config->providers) {
        if (provider.kind == QLatin1String("simulated"))
            provider.baseUrl = QStringLiteral("http://127.0.0.1:%1/v1").arg(m_simulated->port());
    }
    return ConfigPtr(config);
}

Status RouterWorker::openLedgerReader() {
    auto reader = LedgerReader::open(m_options.dataDir);
    if (!reader.ok())
        return Error{reader.error()};
    m_reader = std::move(reader.value());
    m_environment.reader = m_reader.get();
    return Ok{};
}

// The embedded store keeps gate state in memory only, so a crash leaves no reservation behind:
// the budgets start again from the spend the ledger recorded in the current periods.
Status RouterWorker::startGates(const Config &config) {
    m_clock = std::make_unique<SystemClock>();
    m_gates = std::make_unique<Gates>(std::make_unique<MemoryGateStore>(), *m_clock);
    if (Status policy = m_gates->setPolicy(gatePolicyFromConfig(config.gates)); !policy.ok())
        return Error{QStringLiteral("the gates section of the config is invalid: ") +
                     policy.error()};
    connect(m_gates.get(), &Gates::warningReached, this, &RouterWorker::onWarningReached);

    const BudgetPeriodBounds day = m_gates->currentDay();
    const UsageSummary today = m_reader->summarize(day.start);
    SpendTotals totals;
    totals.dayUsd = today.costUsd;
    totals.monthUsd = m_reader->spendSince(m_gates->currentMonth().start);
    for (const UsageBucket &bucket : today.byStage) {
        if (!bucket.key.isEmpty())
            totals.dayByStageUsd.insert(bucket.key, bucket.costUsd);
    }
    for (const UsageBucket &bucket : today.byModel) {
        if (!bucket.key.isEmpty())
            totals.dayByModelUsd.insert(bucket.key, bucket.costUsd);
    }
    m_gates->rebuildFromSpend(totals);
    m_environment.gates = m_gates.get();
    qCInfo(lcGates).noquote() << QStringLiteral("gates rebuilt from the ledger: $%1 spent since %2, "
                                                "$%3 this month")
                                     .arg(totals.dayUsd, 0, 'f', 4)
                                     .arg(day.start.toString(Qt::ISODate))
                                     .arg(totals.monthUsd, 0, 'f', 4);
    return Ok{};
}

void RouterWorker::onWarningReached(const QString &gateId, double fraction, double spentUsd,
                                    double limitUsd) {
    const QString message = tr("%1 reached %2% of its limit: $%3 of $%4 spent")
                                .arg(gateId)
                                .arg(qRound(fraction * 100))
                                .arg(spentUsd, 0, 'f', 2)
                                .arg(limitUsd, 0, 'f', 2);
    qCWarning(lcGates).noquote() << message;
    emit eventLogged(message);
}

Status RouterWorker::startServer(const Config &config) {
    const QString listenText = m_options.listen.isEmpty() ? config.server.listen : m_options.listen;
    const Result<Endpoint> address = parseEndpoint(listenText);
    if (!address.ok())
        return Error{address.error()};
    if (!address->host.isLoopback())
        qCWarning(lcService).noquote()
            << "listening on" << listenText
            << "which is not a loopback address: other machines can reach the endpoint and "
               "spend your budget";

    m_server = std::make_unique<HttpServer>(limitsFor(config));
    m_server->setErrorBodyFormatter(serverErrorBody);
    m_server->setHandler(
        [this](HttpExchange *exchange) { dispatchRequest(m_environment, exchange); });
    return m_server->listen(address->host, address->port);
}

Status RouterWorker::swapConfig(const ConfigPtr &config) {
    // Requests in flight keep the snapshot they started with; new ones get this one.
    if (m_gates) {
        if (Status policy = m_gates->setPolicy(gatePolicyFromConfig(config->gates)); !policy.ok())
            return Error{tr("invalid gates: %1").arg(policy.error())};
    }
    m_environment.config = config;
    if (m_server)
        m_server->setLimits(limitsFor(*config));
    emit configChanged(config);
    return Ok{};
}

void RouterWorker::onConfigFileChanged(const ConfigPtr &config) {
    if (Status swapped = swapConfig(config); !swapped.ok()) {
        qCWarning(lcConfig).noquote()
            << "config file" << m_options.configPath
            << "was not applied; the previous config stays in force:" << swapped.error();
        emit eventLogged(tr("Config file %1 was not applied, the previous config stays in force: "
                            "%2")
                             .arg(m_options.configPath, swapped.error()));
        return;
    }
    qCInfo(lcConfig).noquote() << "config reloaded from" << m_options.configPath;
    emit eventLogged(tr("Config reloaded from %1").arg(m_options.configPath));
}

void RouterWorker::applyEditedConfig(int requestId, const Config &edited) {
    if (QList<ConfigProblem> problems = validateConfig(edited); !problems.isEmpty()) {
        emit configApplyFailed(requestId, problems);
        return;
    }

    // The snapshot swapped in is parsed from the bytes that are saved, so the router uses
    // exactly what the file holds.
    const QByteArray json = serializeConfig(edited);
    const ConfigLoad load = parseConfig(json);
    if (!load.ok()) {
        emit configApplyFailed(requestId, load.problems);
        return;
    }
    if (!m_options.demo) {
        if (Status saved = saveConfigJson(m_options.configPath, json); !saved.ok()) {
            qCWarning(lcConfig).noquote() << saved.error();
            emit configApplyFailed(requestId, {ConfigProblem{{}, saved.error()}});
            return;
        }
        // The watcher gets a change event for this write, but the content is the app's own, so it
        // is not reloaded.
        if (m_watcher)
            m_watcher->expectContent(json);
    }
    if (Status swapped = swapConfig(load.config); !swapped.ok()) {
        emit configApplyFailed(requestId, {ConfigProblem{{}, swapped.error()}});
        return;
    }

    const QString where = m_options.demo ? tr("in memory (demo)") : m_options.configPath;
    qCInfo(lcConfig).noquote() << "applied the config edited in the console, saved"
                               << (m_options.demo ? QStringLiteral("in memory only")
                                                  : QStringLiteral("to ") + m_options.configPath);
    emit eventLogged(tr("Config applied and saved %1").arg(where));
    emit configApplied(requestId, load.config);
}

void RouterWorker::previewRoute(int requestId, const QByteArray &body, const ConfigPtr &draft) {
    const ConfigPtr config = draft ? draft : m_environment.config;
    if (!config) {
        RoutePreview preview;
        preview.httpStatus = 503;
        preview.error = tr("the router has no config yet");
        emit routePreviewed(requestId, preview);
        return;
    }
    emit routePreviewed(requestId, previewRouteFor(*config, body));
}

void RouterWorker::testConnection(int requestId, const ProviderConfig &provider) {
    if (!m_network) {
        ProviderModels result;
        result.providerId = provider.id;
        result.error = tr("the router is not running");
        emit connectionTested(requestId, result);
        return;
    }
    const QString key = lookUpKey(provider, m_storedKeys).key;
    auto *call = new ModelListCall(provider, key, m_network, this);
    call->start([this, call, requestId](const ProviderModels &result) {
        emit connectionTested(requestId, result);
        call->deleteLater();
    });
}

void RouterWorker::setStoredKey(const QString &providerId, const QString &key, KeySource source) {
    m_storedKeys.insert(providerId, StoredKey{key, source});
}

void RouterWorker::dropStoredKey(const QString &providerId) {
    m_storedKeys.remove(providerId);
}

void RouterWorker::rejectConfig(const QList<ConfigProblem> &problems) {
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << problem.toString();
    qCWarning(lcConfig).noquote() << "config file" << m_options.configPath
                                  << "is invalid; the previous config stays in force:"
                                  << lines.join(QLatin1String("; "));
    emit eventLogged(tr("Config file %1 is invalid, the previous config stays in force: %2")
                         .arg(m_options.configPath, lines.join(QLatin1String("; "))));
}

void RouterWorker::shutdown() {
    if (m_demoTraffic)
        m_demoTraffic->stop();
    if (m_server)
        m_server->close();
    m_watcher.reset();
}

void RouterWorker::setPaused(bool paused) {
    m_environment.paused = paused;
}

void RouterWorker::scheduleUsageRefresh() {
    if (!m_usageTimer.isActive())
        m_usageTimer.start();
}

void RouterWorker::refreshUsage() {
    if (m_reader)
        emit usageChanged(m_reader->summarize(m_environment.startOfToday()));
}

} // namespace signalbox
