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
#include "secrets/envkeys.h"
#include "service/demotraffic.h"
#include "service/networkpool.h"
#include "service/simulatedupstream.h"

#include <QElapsedTimer>
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

Result<Endpoint> parseEndpoint(const QString &text) {
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

// Returns the access token the endpoint requires, or an empty array when the config names none.
Result<QByteArray> accessTokenFor(const ServerConfig &server) {
    if (server.accessTokenRef.isEmpty())
        return QByteArray();
    // TODO: look server.accessTokenRef up in the keychain first, once the key store exists; for
    // now the token comes from the environment only.
    const QByteArray token = qgetenv("SIGNALBOX_ACCESS_TOKEN").trimmed();
    if (token.isEmpty()) {
        return Error{QStringLiteral("server.access_token_ref is set to '%1' but "
                                    "SIGNALBOX_ACCESS_TOKEN is empty; set the variable to the "
                                    "token clients must send, or remove access_token_ref")
                         .arg(server.accessTokenRef)};
    }
    return token;
}

// The console's usage figures are refreshed at most this often while requests are recorded.
constexpr int MinUsageRefreshMs = 250;

// Upstream connections are capped at NetworkPool::ConnectionsPerManager times this, 1,536.
constexpr int MaxNetworkManagers = 256;

HttpLimits limitsFor(const Config &config) {
    HttpLimits limits;
    limits.maxBodyBytes = qint64(config.server.maxBodyMib) * 1024 * 1024;
    limits.idleTimeoutMs = config.server.idleTimeoutMs;
    limits.requestTimeoutMs = config.server.requestTimeoutMs;
    return limits;
}

} // namespace

RouterWorker::RouterWorker(ServiceOptions options, Ledger *ledger)
    : m_options(std::move(options))
    , m_usageTimer(this) {
    m_environment.ledger = ledger;
    m_environment.apiKeyFor = [](const ProviderConfig &provider) {
        return upstreamKeyFor(provider);
    };
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(MinUsageRefreshMs);
    connect(&m_usageTimer, &QTimer::timeout, this, &RouterWorker::refreshUsage);
}

RouterWorker::~RouterWorker() = default;

void RouterWorker::start() {
    m_networks = new NetworkPool(MaxNetworkManagers, this);
    m_environment.network = m_networks->manager();

    Result<ConfigPtr> config = loadInitialConfig();
    if (!config.ok()) {
        emit startFailed(config.error());
        return;
    }
    m_environment.config = config.value();

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
    connect(m_watcher.get(), &ConfigWatcher::configLoaded, this, &RouterWorker::applyConfig);
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
    qCInfo(lcGates).noquote() << QStringLiteral(
                                     "gates rebuilt from the ledger: $%1 spent since %2, "
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

    m_environment.guard.listenAddress = address->host;
    m_environment.guard.listenHost = listenText.left(listenText.lastIndexOf(QLatin1Char(':')));
    m_environment.guard.allowedOrigins = config.server.allowedOrigins;
    const Result<QByteArray> token = accessTokenFor(config.server);
    if (!token.ok())
        return Error{token.error()};
    m_environment.guard.accessToken = token.value();
    if (!token->isEmpty())
        qCInfo(lcService) << "requests to /v1, /api and /metrics need the access token";
    m_server = std::make_unique<HttpServer>(limitsFor(config));
    m_server->setErrorBodyFormatter(serverErrorBody);
    m_server->setHandler([this](HttpExchange *exchange) {
        // Each request keeps the manager it was given for all its attempts.
        m_environment.network = m_networks->manager();
        dispatchRequest(m_environment, exchange);
    });
    return m_server->listen(address->host, address->port);
}

void RouterWorker::applyConfig(const ConfigPtr &config) {
    // Requests in flight keep the snapshot they started with; new ones get this one.
    const Result<QByteArray> token = accessTokenFor(config->server);
    if (!token.ok()) {
        qCWarning(lcConfig).noquote()
            << "config file" << m_options.configPath
            << "cannot be applied; the previous config stays in force:" << token.error();
        emit eventLogged(tr("Config file %1 cannot be applied, the previous config stays in "
                            "force: %2")
                             .arg(m_options.configPath, token.error()));
        return;
    }
    if (m_gates) {
        if (Status policy = m_gates->setPolicy(gatePolicyFromConfig(config->gates)); !policy.ok()) {
            qCWarning(lcConfig).noquote() << "config file" << m_options.configPath
                                          << "has invalid gates; the previous config stays in "
                                             "force:"
                                          << policy.error();
            emit eventLogged(tr("Config file %1 has invalid gates, the previous config stays in "
                                "force: %2")
                                 .arg(m_options.configPath, policy.error()));
            return;
        }
    }
    m_environment.config = config;
    m_environment.guard.allowedOrigins = config->server.allowedOrigins;
    m_environment.guard.accessToken = token.value();
    if (m_server)
        m_server->setLimits(limitsFor(*config));
    qCInfo(lcConfig).noquote() << "config reloaded from" << m_options.configPath;
    emit eventLogged(tr("Config reloaded from %1").arg(m_options.configPath));
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
    if (!m_reader)
        return;
    QElapsedTimer clock;
    clock.start();
    emit usageChanged(m_reader->summarize(m_environment.startOfToday()));

    // The query scans today's rows and blocks every request while it runs, so a long ledger
    // spaces the refreshes out to keep them under 5% of the router thread's time.
    const qint64 spacingMs = qBound(qint64(MinUsageRefreshMs), 20 * clock.elapsed(), qint64(10000));
    m_usageTimer.setInterval(int(spacingMs));
}

} // namespace signalbox
