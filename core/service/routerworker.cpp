// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routerworker.h"

#include "api/apierror.h"
#include "api/apirouter.h"
#include "api/modelcooldowns.h"
#include "config/configwatcher.h"
#include "gating/clock.h"
#include "gating/gates.h"
#include "gating/memorygatestore.h"
#include "gating/redisgatestore.h"
#include "http/httpclient.h"
#include "http/httpexchange.h"
#include "http/httpserver.h"
#include "ledger/ledger.h"
#include "logging.h"
#include "providers/modellisting.h"
#include "routing/classifier.h"
#include "routing/routepreview.h"
#include "service/demohistory.h"
#include "service/demotraffic.h"
#include "service/instanceid.h"
#include "service/simulatedupstream.h"
#include "warningthrottle.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QPointer>

#include <algorithm>

namespace signalbox {

namespace {

// Errors the HTTP server sends before a handler runs, such as 413, 431 and 503. Anthropic's SDKs
// read only their own envelope, so requests to /v1/messages get that one.
QByteArray serverErrorBody(int status, const QString &message, const QByteArray &path) {
    ApiError error;
    error.httpStatus = status;
    error.type =
        status >= 500 ? QStringLiteral("server_error") : QStringLiteral("invalid_request_error");
    error.message = message;
    if (status == 413)
        error.code = QStringLiteral("request_too_large");
    const bool messagesApi = path == "/v1/messages" || path.startsWith("/v1/messages/");
    return messagesApi ? anthropicErrorBody(error) : openAiErrorBody(error);
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
                                    "address or localhost and a port of 0 to 65535, e.g. "
                                    "127.0.0.1:8765 (port 0 picks a free port)")
                         .arg(text)};
    return Endpoint{ip, address->port};
}

// Cents suffice for a budget of a dollar or more. A smaller one, as in a test setup, needs more
// digits, or its warnings read "$0.00 of $0.00".
int usdDecimals(double limitUsd) {
    return limitUsd >= 1 ? 2 : 6;
}

// The console's usage figures are refreshed at most this often while requests are recorded.
constexpr int MinUsageRefreshMs = 250;

// Fills a translated budget message: gate id, percent of the limit, USD spent, USD limit.
QString budgetMessage(const QString &text, const QString &gateId, double fraction, double spentUsd,
                      double limitUsd) {
    return text.arg(gateId)
        .arg(qRound(fraction * 100))
        .arg(spentUsd, 0, 'f', usdDecimals(limitUsd))
        .arg(limitUsd, 0, 'f', usdDecimals(limitUsd));
}

// A failing upstream logs its first failure at once, then one count per interval.
constexpr int UpstreamFailureLogIntervalMs = 10000;

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
    , m_usageTimer(this)
    , m_idleTimer(this) {
    m_environment.ledger = ledger;
    m_classifierCache = std::make_unique<ClassifierCache>();
    m_environment.classifierCache = m_classifierCache.get();
    m_environment.apiKeyFor = [this](const ProviderConfig &provider) {
        return lookUpKey(provider, m_storedKeys).key;
    };
    m_environment.warnOnce = [this](const QString &key, const QString &message) {
        if (m_warned.contains(key))
            return;
        m_warned.insert(key);
        qCWarning(lcService).noquote() << message;
        emit eventLogged(message);
    };
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(MinUsageRefreshMs);
    connect(&m_usageTimer, &QTimer::timeout, this, &RouterWorker::refreshUsage);
    m_idleTimer.setInterval(5000);
    connect(&m_idleTimer, &QTimer::timeout, this, &RouterWorker::idleRefreshDue);
}

RouterWorker::~RouterWorker() = default;

void RouterWorker::start() {
    m_upstreamClient = new HttpClient(HttpClient::DefaultMaxConnections, this);
    m_environment.network = m_upstreamClient;
    m_cooldowns = std::make_unique<ModelCooldowns>();
    m_environment.cooldowns = m_cooldowns.get();
    m_upstreamFailures = std::make_unique<WarningThrottle>(
        UpstreamFailureLogIntervalMs, [](const QString &kind, qint64 heldBack) {
            qCWarning(lcUpstream).noquote()
                << kind << QStringLiteral("(%1 more since the last such line)").arg(heldBack);
        });
    m_environment.upstreamFailures = m_upstreamFailures.get();

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
    if (m_options.demo && m_options.demoHistory)
        writeDemoHistory();
    rebuildGatesFromLedger();
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
    emit configChanged(m_environment.config);
    refreshUsage();
    emit recentLoaded(m_reader->recent(200));
    m_idleTimer.start();
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
        bool fieldProblems = false;
        for (const ConfigProblem &problem : load.problems) {
            lines << QStringLiteral("  ") + problem.toString();
            fieldProblems = fieldProblems || !problem.path.isEmpty();
        }
        // A file that is no JSON object has no fields to fix yet.
        const QString fix =
            fieldProblems ? QStringLiteral("Fix these fields") : QStringLiteral("Fix the file");
        return Error{QStringLiteral("the config file %1 is invalid:\n%2\n%3, or check the file "
                                    "with --check-config")
                         .arg(m_options.configPath, lines.join(QLatin1Char('\n')), fix)};
    }

    // A pipe has nothing to read again, and the watcher would report it as not a regular file.
    if (isConfigPipe(m_options.configPath)) {
        qCInfo(lcService).noquote() << "the config came from pipe" << m_options.configPath
                                    << "and is not watched for changes";
        return load.config;
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

void RouterWorker::writeDemoHistory() {
    const QList<LedgerRecord> rows = demoHistory(*m_environment.config, m_gates->currentDay().start,
                                                 QDateTime::currentDateTimeUtc());
    for (const LedgerRecord &row : rows)
        m_environment.ledger->record(row);
    m_environment.ledger->flush();
    qCInfo(lcService) << "wrote" << rows.size() << "synthetic demo requests of earlier today";
}

// The memory store keeps gate state in this process only, so a crash leaves no reservation
// behind: the budgets start again from the spend the ledger recorded in the current periods. The
// Redis store shares the state between instances; each one adds its own ledger's spend as its
// share.
Status RouterWorker::startGates(const Config &config) {
    Result<std::unique_ptr<GateStore>> store = createGateStore(config.gates.store);
    if (!store.ok())
        return Error{store.error()};
    m_storeConfig = config.gates.store;
    m_clock = std::make_unique<SystemClock>();
    m_gates = std::make_unique<Gates>(std::move(store.value()), *m_clock);
    if (Status policy = m_gates->setPolicy(gatePolicyFromConfig(config.gates)); !policy.ok())
        return Error{QStringLiteral("the gates section of the config is invalid: ") +
                     policy.error()};
    connect(m_gates.get(), &Gates::warningReached, this, &RouterWorker::onWarningReached);
    connect(m_gates.get(), &Gates::warningStanding, this, &RouterWorker::onWarningStanding);
    m_environment.gates = m_gates.get();
    return Ok{};
}

Result<std::unique_ptr<GateStore>> RouterWorker::createGateStore(const GateStoreConfig &config) {
    if (config.kind != QLatin1String("redis"))
        return std::unique_ptr<GateStore>(std::make_unique<MemoryGateStore>());

    const Result<RedisEndpoint> endpoint = parseRedisUrl(config.url);
    if (!endpoint.ok())
        return Error{QStringLiteral("gates.store.url: ") + endpoint.error()};
    const Result<QString> instanceId = loadInstanceId(m_options.dataDir);
    if (!instanceId.ok())
        return Error{instanceId.error()};

    RedisGateStoreSettings settings;
    settings.endpoint = *endpoint;
    // The keychain read finishes after the store is created, and its result arrives through
    // setStoredKey() or dropStoredKey(). Without the variable the store waits for that result,
    // so a server that requires AUTH never gets a command without it.
    settings.password = lookUpServiceSecret(kRedisPasswordAccount, m_storedKeys).key;
    settings.passwordPending = settings.password.isEmpty() && !m_redisPasswordRead;
    settings.prefix = config.prefix;
    settings.failOpen = config.onFailure == QLatin1String("open");
    settings.timeoutMs = config.timeoutMs;
    settings.reservationTtlSeconds = config.reservationTtlSeconds;
    settings.instanceId = *instanceId;
    auto store = std::make_unique<RedisGateStore>(settings);
    m_redisStore = store.get();
    connect(store.get(), &RedisGateStore::reconnected, this, &RouterWorker::rebuildGatesFromLedger);
    connect(store.get(), &RedisGateStore::healthChanged, this,
            &RouterWorker::onGateStoreHealthChanged);
    return std::unique_ptr<GateStore>(std::move(store));
}

// Also runs when a shared store returns from an outage, because Redis may have restarted empty:
// setSpent() then restores this instance's share, and only ever raises it.
void RouterWorker::rebuildGatesFromLedger() {
    // Rows wait in the writer's batch for a moment. Without the flush, a request that ended just
    // before the rebuild is missing from the totals.
    m_environment.ledger->flush();
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
    qCInfo(lcGates).noquote() << QStringLiteral(
                                     "gates rebuilt from the ledger: $%1 spent since %2, "
                                     "$%3 this month")
                                     .arg(totals.dayUsd, 0, 'f', 4)
                                     .arg(day.start.toString(Qt::ISODate))
                                     .arg(totals.monthUsd, 0, 'f', 4);
}

void RouterWorker::onGateStoreHealthChanged(bool, const QString &message) {
    emit eventLogged(message);
}

void RouterWorker::onWarningReached(const QString &gateId, double fraction, double spentUsd,
                                    double limitUsd) {
    const QString message = budgetMessage(tr("%1 reached %2% of its limit: $%3 of $%4 spent"),
                                          gateId, fraction, spentUsd, limitUsd);
    qCWarning(lcGates).noquote() << message;
    emit eventLogged(message);
}

void RouterWorker::onWarningStanding(const QString &gateId, double fraction, double spentUsd,
                                     double limitUsd) {
    const QString message =
        budgetMessage(tr("%1 was already past %2% of its limit: $%3 of $%4 spent"), gateId,
                      fraction, spentUsd, limitUsd);
    qCInfo(lcGates).noquote() << message;
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
    applyAccessToken();
    if (!config.server.accessTokenRef.isEmpty())
        qCInfo(lcService) << "requests to /v1, /api and /metrics need the access token";
    m_server = std::make_unique<HttpServer>(limitsFor(config));
    m_server->setName(QStringLiteral("Router endpoint"));
    m_server->setErrorBodyFormatter(serverErrorBody);
    m_server->setHandler(
        [this](HttpExchange *exchange) { dispatchRequest(m_environment, exchange); });
    return m_server->listen(address->host, address->port);
}

Status RouterWorker::swapConfig(const ConfigPtr &config) {
    // Requests in flight keep the snapshot they started with; new ones get this one.
    warnIfStoreChanged(config->gates.store);
    if (m_gates) {
        if (Status policy = m_gates->setPolicy(gatePolicyFromConfig(config->gates)); !policy.ok())
            return Error{tr("invalid gates: %1").arg(policy.error())};
    }
    m_environment.config = config;
    m_warned.clear(); // the new config may fix a problem, or bring it back
    m_environment.guard.allowedOrigins = config->server.allowedOrigins;
    applyAccessToken();
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
    scheduleUsageRefresh();
}

void RouterWorker::warnIfStoreChanged(const GateStoreConfig &store) {
    const GateStoreConfig &current = m_storeConfig;
    if (store.kind == current.kind && store.url == current.url && store.prefix == current.prefix &&
        store.onFailure == current.onFailure && store.timeoutMs == current.timeoutMs &&
        store.reservationTtlSeconds == current.reservationTtlSeconds)
        return;
    qCWarning(lcConfig).noquote() << "gates.store changed in" << m_options.configPath
                                  << "; the gate store in use stays until Signalbox restarts";
    emit eventLogged(tr("gates.store changed in %1; restart Signalbox to use the new gate store")
                         .arg(m_options.configPath));
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

void RouterWorker::testConnection(int requestId, const ProviderConfig &provider) {
    if (!m_upstreamClient) {
        ProviderModels result;
        result.providerId = provider.id;
        result.error = tr("the router is not running");
        emit connectionTested(requestId, result);
        return;
    }
    const QString key = lookUpKey(provider, m_storedKeys).key;
    if (!m_listingNetwork)
        m_listingNetwork = new QNetworkAccessManager(this);
    auto *call = new ModelListCall(provider, key, m_listingNetwork, this);
    call->start([this, call, requestId](const ProviderModels &result) {
        emit connectionTested(requestId, result);
        call->deleteLater();
    });
}

void RouterWorker::setStoredKey(const QString &providerId, const QString &key, KeySource source) {
    m_storedKeys.insert(providerId, StoredKey{key, source});
    applyServiceSecret(providerId);
}

void RouterWorker::dropStoredKey(const QString &providerId) {
    m_storedKeys.remove(providerId);
    applyServiceSecret(providerId);
}

// Puts a service secret that was read, stored or removed in force at once.
void RouterWorker::applyServiceSecret(const QString &account) {
    if (account == kAccessTokenAccount) {
        m_accessTokenRead = true;
        if (m_environment.config)
            applyAccessToken();
    } else if (account == kRedisPasswordAccount) {
        m_redisPasswordRead = true;
        if (m_redisStore)
            m_redisStore->setPassword(lookUpServiceSecret(kRedisPasswordAccount, m_storedKeys).key);
    }
}

// Sets the token the endpoint requires. While the config names a token that is not available,
// requests get 503 instead of passing unchecked.
void RouterWorker::applyAccessToken() {
    RequestGuardPolicy &guard = m_environment.guard;
    guard.accessToken.clear();
    guard.accessTokenUnavailable.clear();
    const QString reference = m_environment.config->server.accessTokenRef;
    if (reference.isEmpty())
        return;

    const QString token = lookUpServiceSecret(kAccessTokenAccount, m_storedKeys).key.trimmed();
    if (!token.isEmpty()) {
        guard.accessToken = token.toUtf8();
        return;
    }
    if (!m_accessTokenRead) {
        guard.accessTokenUnavailable =
            QStringLiteral("the access token is still being read from the keychain; retry in a "
                           "few seconds");
        return;
    }
    guard.accessTokenUnavailable =
        QStringLiteral("server.access_token_ref is set to '%1', but no access token is stored "
                       "and SIGNALBOX_ACCESS_TOKEN is empty; store the token with the console's "
                       "Settings page or set the variable, or remove access_token_ref")
            .arg(reference);
    m_environment.warnOnce(QStringLiteral("access-token-missing"), guard.accessTokenUnavailable);
}

void RouterWorker::rejectConfig(const QList<ConfigProblem> &problems) {
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines << problem.toString();
    // The problems report what is wrong: invalid fields, or a file that could not be read.
    qCWarning(lcConfig).noquote() << "config file" << m_options.configPath
                                  << "was not applied; the previous config stays in force:"
                                  << lines.join(QLatin1String("; "));
    emit eventLogged(tr("Config file %1 was not applied, the previous config stays in force: "
                        "%2")
                         .arg(m_options.configPath, lines.join(QLatin1String("; "))));
}

void RouterWorker::shutdown() {
    m_idleTimer.stop();
    m_usageTimer.stop();
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
    emit spendSeriesChanged(spendSeries());
    emit requestRateChanged(requestRate());
    refreshGates();

    // The queries scan today's rows and block every request while they run, so a long ledger
    // spaces the refreshes out to keep them under 5% of the router thread's time.
    const qint64 spacingMs = qBound(qint64(MinUsageRefreshMs), 20 * clock.elapsed(), qint64(10000));
    m_usageTimer.setInterval(int(spacingMs));
}

void RouterWorker::refreshAll() {
    if (!m_reader)
        return;
    emit configChanged(m_environment.config);
    refreshUsage();
    emit recentLoaded(m_reader->recent(200));
}

void RouterWorker::refreshGates() {
    if (!m_gates)
        return;
    // A shared gate store calls back later, and the worker may be gone by then.
    QPointer<RouterWorker> self(this);
    m_gates->snapshot([self](const GateSnapshot &snapshot) {
        if (self)
            emit self->gatesChanged(snapshot);
    });
}

SpendSeries RouterWorker::spendSeries() const {
    SpendSeries series;
    const BudgetPeriodBounds day = m_gates->currentDay();
    series.dayStart = day.start;
    series.dayEnd = day.end;
    series.dailyBudgetUsd = m_environment.config->gates.dailyBudgetUsd;
    series.warnAt = m_environment.config->gates.warnAt;
    std::sort(series.warnAt.begin(), series.warnAt.end());
    series.points = m_reader->cumulativeSpend(day.start);
    return series;
}

RequestRate RouterWorker::requestRate() const {
    const qint64 minuteMs = 60 * 1000;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 firstMs = (nowMs / minuteMs - (RequestRate::Minutes - 1)) * minuteMs;

    RequestRate rate;
    rate.firstMinute = QDateTime::fromMSecsSinceEpoch(firstMs, Qt::UTC);
    rate.perMinute.fill(0, RequestRate::Minutes);
    const auto counts = m_reader->requestCounts(rate.firstMinute);
    for (const auto &[minute, count] : counts) {
        const qint64 index = (minute.toMSecsSinceEpoch() - firstMs) / minuteMs;
        if (index >= 0 && index < RequestRate::Minutes)
            rate.perMinute[index] = count;
    }
    return rate;
}

void RouterWorker::previewRoute(quint64 id, const QJsonObject &body, const ConfigPtr &draft) {
    const ConfigPtr config = draft ? draft : m_environment.config;
    if (!config)
        return;
    emit routePreviewed(id, signalbox::previewRoute(*config, body));
}

} // namespace signalbox
