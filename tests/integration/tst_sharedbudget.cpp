// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Several signalbox processes share one budget through a real redis-server. Each test starts
// its own Redis, the fake OpenAI upstream program and the instances, all on loopback, and stops
// every one of them by its process id.
#include "fakes/rawhttpclient.h"
#include "ledger/ledgerreader.h"
#include "support/redistestserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <vector>

using namespace signalbox;

namespace {

// With an input price of 0 and max_tokens equal to the 9 completion tokens the fake upstream
// reports, a request's worst case and its actual cost are both $0.009. Every admitted request
// then costs exactly that, so a budget of 20.5 requests admits exactly 20, whatever the timing.
constexpr double OutputPrice = 1000; // USD per million tokens
constexpr int MaxTokens = 9;
constexpr double RequestCostUsd = MaxTokens * OutputPrice / 1e6;

struct Instance {
    QString name;
    QString dataDir;
    std::unique_ptr<QProcess> process;
    quint16 port = 0;
    QByteArray log; // stderr
};

QByteArray chatBody(bool stream) {
    QJsonObject body{{QLatin1String("model"), QLatin1String("m")},
                     {QLatin1String("max_tokens"), MaxTokens},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("hi")}}}}};
    if (stream) {
        body.insert(QLatin1String("stream"), true);
        body.insert(QLatin1String("stream_options"),
                    QJsonObject{{QLatin1String("include_usage"), true}});
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject errorOf(const RawResponse &response) {
    return QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
}

QJsonObject gateById(const QJsonObject &gates, const QString &id) {
    for (const QJsonValue &gate : gates.value(QLatin1String("gates")).toArray()) {
        if (gate.toObject().value(QLatin1String("id")).toString() == id)
            return gate.toObject();
    }
    return {};
}

void stopProcess(QProcess &process, int signal) {
    if (process.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(process.processId()), signal);
    if (!process.waitForFinished(10000)) {
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished(5000);
    }
}

} // namespace

class SharedBudgetTest : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void threeInstancesShareOneBudget();
    void failClosedOutageAndRecovery();
    void failOpenOutageAndRecovery();
    void killedInstanceReservationExpires();
    void stoppedRedisStallsNothingElse();

private:
    bool startFake(int chunkDelayMs, int chunks);
    Instance *startInstance(const QString &name, const QJsonObject &gates);
    QJsonObject gatesConfig(double budgetUsd, const QString &onFailure, int ttlSeconds,
                            int timeoutMs = 500) const;
    QJsonObject getJson(const Instance &instance, QByteArrayView path);
    QByteArray getText(const Instance &instance, QByteArrayView path);
    RawResponse post(const Instance &instance, bool stream);
    double sharedSpent(const Instance &instance);
    double ledgerSpend(const Instance &instance);
    int countInLog(const Instance &instance, const QByteArray &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RedisTestServer> m_redis;
    std::unique_ptr<QProcess> m_fake;
    QString m_fakeUrl;
    std::vector<std::unique_ptr<Instance>> m_instances;
};

void SharedBudgetTest::init() {
    if (RedisTestServer::executable().isEmpty())
        QSKIP("redis-server was not found: install the Debian package redis-server "
              "(scripts/setup --with-test-tools) or set SIGNALBOX_REDIS_SERVER");
    QVERIFY2(QFile::exists(qEnvironmentVariable("SIGNALBOX_BINARY")),
             "SIGNALBOX_BINARY must name the built signalbox; run the test through ctest");
    QVERIFY2(QFile::exists(qEnvironmentVariable("SIGNALBOX_FAKE_OPENAI")),
             "SIGNALBOX_FAKE_OPENAI must name the built signalbox-fake-openai");
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_redis = std::make_unique<RedisTestServer>();
    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
}

void SharedBudgetTest::cleanup() {
    for (const auto &instance : m_instances)
        stopProcess(*instance->process, SIGTERM);
    m_instances.clear();
    if (m_fake)
        stopProcess(*m_fake, SIGTERM);
    m_fake.reset();
    m_redis.reset();
    m_dir.reset();
}

bool SharedBudgetTest::startFake(int chunkDelayMs, int chunks) {
    m_fake = std::make_unique<QProcess>();
    m_fake->start(qEnvironmentVariable("SIGNALBOX_FAKE_OPENAI"),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--chunk-delay-ms"), QString::number(chunkDelayMs),
                   QStringLiteral("--chunks"), QString::number(chunks)});
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    QByteArray output;
    for (int wait = 0; wait < 100; ++wait) {
        m_fake->waitForReadyRead(200);
        output += m_fake->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_fakeUrl = match.captured(1) + QStringLiteral("/v1");
            return true;
        }
        if (m_fake->state() == QProcess::NotRunning)
            break;
    }
    qWarning() << "the fake upstream did not start:" << output << m_fake->readAllStandardError();
    return false;
}

QJsonObject SharedBudgetTest::gatesConfig(double budgetUsd, const QString &onFailure,
                                          int ttlSeconds, int timeoutMs) const {
    return {
        {QLatin1String("daily_budget_usd"), budgetUsd},
        {QLatin1String("timezone"), QLatin1String("UTC")},
        {QLatin1String("store"), QJsonObject{{QLatin1String("kind"), QLatin1String("redis")},
                                             {QLatin1String("url"), m_redis->url()},
                                             {QLatin1String("prefix"), QLatin1String("sbit:")},
                                             {QLatin1String("on_failure"), onFailure},
                                             {QLatin1String("timeout_ms"), timeoutMs},
                                             {QLatin1String("reservation_ttl_s"), ttlSeconds}}}};
}

Instance *SharedBudgetTest::startInstance(const QString &name, const QJsonObject &gates) {
    auto instance = std::make_unique<Instance>();
    instance->name = name;
    const QString folder = m_dir->filePath(name);
    instance->dataDir = folder + QStringLiteral("/data");
    QDir().mkpath(instance->dataDir);

    const QJsonObject model{
        {QLatin1String("id"), QLatin1String("m")},
        {QLatin1String("provider"), QLatin1String("fake")},
        {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini-2024-07-18")},
        {QLatin1String("price_per_mtok"),
         QJsonObject{{QLatin1String("input"), 0}, {QLatin1String("output"), OutputPrice}}},
        {QLatin1String("context_window"), 128000},
        {QLatin1String("max_output_tokens"), 16384}};
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"),
         QJsonObject{
             {QLatin1String("fake"),
              QJsonObject{{QLatin1String("kind"), QLatin1String("openai")},
                          {QLatin1String("base_url"), m_fakeUrl},
                          {QLatin1String("key_env"), QLatin1String("SIGNALBOX_TEST_FAKE_KEY")}}}}},
        {QLatin1String("models"), QJsonArray{model}},
        {QLatin1String("routing"),
         QJsonObject{{QLatin1String("fallback_model"), QLatin1String("m")}}},
        {QLatin1String("gates"), gates}};
    const QString configPath = folder + QStringLiteral("/config.json");
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly))
        return nullptr;
    file.write(QJsonDocument(config).toJson());
    file.close();

    instance->process = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SIGNALBOX_TEST_FAKE_KEY"), QStringLiteral("sk-test-shared"));
    instance->process->setProcessEnvironment(environment);
    Instance *raw = instance.get();
    connect(raw->process.get(), &QProcess::readyReadStandardError, this,
            [raw] { raw->log += raw->process->readAllStandardError(); });
    raw->process->start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                        {QStringLiteral("--headless"), QStringLiteral("--config"), configPath,
                         QStringLiteral("--data-dir"), instance->dataDir,
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    m_instances.push_back(std::move(instance));

    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QByteArray output;
    for (int wait = 0; wait < 100; ++wait) {
        raw->process->waitForReadyRead(200);
        output += raw->process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            raw->port = quint16(match.captured(1).toUInt());
            return raw;
        }
        if (raw->process->state() == QProcess::NotRunning)
            break;
    }
    qWarning() << name << "did not start:" << output << raw->log;
    return nullptr;
}

QByteArray SharedBudgetTest::getText(const Instance &instance, QByteArrayView path) {
    RawHttpClient client;
    if (!client.connectTo(instance.port))
        return {};
    client.send(getRequest(path));
    return client.nextResponse(10000).body;
}

QJsonObject SharedBudgetTest::getJson(const Instance &instance, QByteArrayView path) {
    return QJsonDocument::fromJson(getText(instance, path)).object();
}

RawResponse SharedBudgetTest::post(const Instance &instance, bool stream) {
    RawHttpClient client;
    if (!client.connectTo(instance.port))
        return {};
    client.send(postRequest("/v1/chat/completions", chatBody(stream)));
    return client.nextResponse(30000);
}

// The daily budget's settled spend as the shared store reports it to this instance.
double SharedBudgetTest::sharedSpent(const Instance &instance) {
    return gateById(getJson(instance, "/api/gates"), QStringLiteral("daily_budget"))
        .value(QLatin1String("spent"))
        .toDouble(-1);
}

// Today's spend in the instance's own ledger.
double SharedBudgetTest::ledgerSpend(const Instance &instance) {
    return getJson(instance, "/api/usage").value(QLatin1String("cost_usd")).toDouble(-1);
}

// Counts the log lines of the gates category that contain `text`. Headless mode also prints
// each console event, without the category, so those lines are not counted.
int SharedBudgetTest::countInLog(const Instance &instance, const QByteArray &text) {
    int count = 0;
    for (const QByteArray &line : instance.log.split('\n')) {
        if (line.startsWith("signalbox.gates: ") && line.contains(text))
            ++count;
    }
    return count;
}

// The acceptance case: three instances, each sent 30 requests at once, against a budget that fits
// 20. Together they admit exactly 20, every other request gets 402 naming the gate, and the
// three ledgers together stay within the budget.
void SharedBudgetTest::threeInstancesShareOneBudget() {
    QVERIFY(startFake(20, 3));
    const double budget = 20.5 * RequestCostUsd;
    QList<Instance *> instances;
    for (const QString &name : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}) {
        Instance *instance = startInstance(name, gatesConfig(budget, QStringLiteral("closed"), 60));
        QVERIFY(instance);
        instances.append(instance);
    }
    for (Instance *instance : std::as_const(instances)) {
        QTRY_VERIFY_WITH_TIMEOUT(getJson(*instance, "/api/gates")
                                     .value(QLatin1String("store"))
                                     .toObject()
                                     .value(QLatin1String("healthy"))
                                     .toBool(),
                                 20000);
    }

    constexpr int PerInstance = 30;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < PerInstance; ++i) {
        for (Instance *instance : std::as_const(instances)) {
            clients.push_back(std::make_unique<RawHttpClient>());
            QVERIFY(clients.back()->connectTo(instance->port));
            clients.back()->send(postRequest("/v1/chat/completions", chatBody(true)));
        }
    }

    int admitted = 0;
    int rejected = 0;
    for (const auto &client : clients) {
        const RawResponse response = client->nextResponse(60000);
        if (response.status == 200) {
            ++admitted;
            continue;
        }
        QVERIFY2(response.status == 402, response.body.constData());
        const QJsonObject error = errorOf(response);
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("budget_exceeded"));
        QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("daily_budget"));
        QVERIFY2(error.value(QLatin1String("message"))
                     .toString()
                     .contains(QLatin1String("daily_budget")),
                 qPrintable(error.value(QLatin1String("message")).toString()));
        ++rejected;
    }
    QCOMPARE(admitted + rejected, 3 * PerInstance);
    QCOMPARE(admitted, 20);
    QCOMPARE(rejected, 70);

    QTRY_COMPARE_WITH_TIMEOUT(
        gateById(getJson(*instances[0], "/api/gates"), QStringLiteral("daily_budget"))
            .value(QLatin1String("reserved"))
            .toDouble(),
        0.0, 10000);
    QVERIFY(qAbs(sharedSpent(*instances[1]) - 20 * RequestCostUsd) < 1e-9);
    QCOMPARE(getJson(*instances[2], "/api/gates")
                 .value(QLatin1String("store"))
                 .toObject()
                 .value(QLatin1String("instances_reporting"))
                 .toInt(),
             3);

    // The ledgers are read after each process has stopped and flushed its own.
    for (Instance *instance : std::as_const(instances))
        stopProcess(*instance->process, SIGTERM);
    double ledgers = 0;
    for (Instance *instance : std::as_const(instances)) {
        auto reader = LedgerReader::open(instance->dataDir);
        QVERIFY2(reader.ok(), reader.ok() ? "" : qPrintable(reader.error()));
        const double spent = reader.value()->spendSince(QDateTime::fromSecsSinceEpoch(0));
        qInfo("instance %s: ledger spend $%.6f", qPrintable(instance->name), spent);
        ledgers += spent;
    }
    qInfo("three instances: %d answered 200, %d answered 402; ledgers $%.6f of a $%.6f budget",
          admitted, rejected, ledgers, budget);
    QVERIFY(ledgers <= budget + 1e-12);
    QVERIFY(qAbs(ledgers - 20 * RequestCostUsd) < 1e-9);
}

// Redis stops while three streamed requests are in flight on instance a. Their settlements wait
// in a's queue, every new request gets 503 while Redis is down, and when Redis comes back empty
// the replayed settlements and the ledger rebuilds restore the spend of both ledgers exactly.
void SharedBudgetTest::failClosedOutageAndRecovery() {
    QVERIFY(startFake(400, 3));
    Instance *a = startInstance(QStringLiteral("a"), gatesConfig(10, QStringLiteral("closed"), 60));
    Instance *b = startInstance(QStringLiteral("b"), gatesConfig(10, QStringLiteral("closed"), 60));
    QVERIFY(a);
    QVERIFY(b);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(post(*a, false).status, 200);
        QCOMPARE(post(*b, false).status, 200);
    }

    std::vector<std::unique_ptr<RawHttpClient>> inFlight;
    for (int i = 0; i < 3; ++i) {
        inFlight.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(inFlight.back()->connectTo(a->port));
        inFlight.back()->send(postRequest("/v1/chat/completions", chatBody(true)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        qAbs(gateById(getJson(*a, "/api/gates"), QStringLiteral("daily_budget"))
                 .value(QLatin1String("reserved"))
                 .toDouble() -
             3 * RequestCostUsd) < 1e-9,
        20000);
    m_redis->stop();
    for (const auto &client : inFlight)
        QCOMPARE(client->nextResponse(30000).status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(!getJson(*a, "/api/gates")
                                  .value(QLatin1String("store"))
                                  .toObject()
                                  .value(QLatin1String("healthy"))
                                  .toBool(true),
                             20000);
    const QJsonObject down = getJson(*a, "/api/gates").value(QLatin1String("store")).toObject();
    QCOMPARE(down.value(QLatin1String("policy")).toString(), QStringLiteral("closed"));
    QCOMPARE(down.value(QLatin1String("pending_settlements")).toInt(), 3);

    for (Instance *instance : {a, b}) {
        for (int i = 0; i < 2; ++i) {
            const RawResponse response = post(*instance, false);
            QCOMPARE(response.status, 503);
            const QJsonObject error = errorOf(response);
            QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("gate_store"));
            QVERIFY2(error.value(QLatin1String("message"))
                         .toString()
                         .contains(QLatin1String("unreachable")),
                     qPrintable(error.value(QLatin1String("message")).toString()));
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        getText(*b, "/metrics")
            .contains("signalbox_gate_store_healthy{kind=\"redis\",policy=\"closed\"} 0"),
        10000);

    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
    for (Instance *instance : {a, b}) {
        QTRY_VERIFY_WITH_TIMEOUT(getJson(*instance, "/api/gates")
                                     .value(QLatin1String("store"))
                                     .toObject()
                                     .value(QLatin1String("healthy"))
                                     .toBool(),
                                 30000);
    }
    QTRY_COMPARE_WITH_TIMEOUT(getJson(*a, "/api/gates")
                                  .value(QLatin1String("store"))
                                  .toObject()
                                  .value(QLatin1String("pending_settlements"))
                                  .toInt(-1),
                              0, 20000);

    const double ledgers = ledgerSpend(*a) + ledgerSpend(*b);
    QVERIFY(qAbs(ledgers - 7 * RequestCostUsd) < 1e-9);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(sharedSpent(*b) - ledgers) < 1e-9, 20000);
    QCOMPARE(post(*b, false).status, 200);

    // One loud line when the outage began, however many requests failed during it.
    QCOMPARE(countInLog(*a, "is unreachable: "), 1);
    QCOMPARE(countInLog(*a, "is reachable again"), 1);
}

// With on_failure "open" both instances keep serving requests while Redis is down, each against its
// own counters, and the spend of the outage reaches Redis when it returns.
void SharedBudgetTest::failOpenOutageAndRecovery() {
    QVERIFY(startFake(0, 3));
    Instance *a = startInstance(QStringLiteral("a"), gatesConfig(10, QStringLiteral("open"), 60));
    Instance *b = startInstance(QStringLiteral("b"), gatesConfig(10, QStringLiteral("open"), 60));
    QVERIFY(a);
    QVERIFY(b);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(post(*a, false).status, 200);
        QCOMPARE(post(*b, true).status, 200);
    }

    m_redis->stop();
    for (Instance *instance : {a, b}) {
        QTRY_VERIFY_WITH_TIMEOUT(!getJson(*instance, "/api/gates")
                                      .value(QLatin1String("store"))
                                      .toObject()
                                      .value(QLatin1String("healthy"))
                                      .toBool(true),
                                 20000);
    }
    for (int i = 0; i < 3; ++i)
        QCOMPARE(post(*a, i % 2 == 0).status, 200);
    for (int i = 0; i < 2; ++i)
        QCOMPARE(post(*b, false).status, 200);
    const QJsonObject storeA = getJson(*a, "/api/gates").value(QLatin1String("store")).toObject();
    QCOMPARE(storeA.value(QLatin1String("policy")).toString(), QStringLiteral("open"));
    QCOMPARE(storeA.value(QLatin1String("pending_settlements")).toInt(), 3);
    QCOMPARE(getJson(*b, "/api/gates")
                 .value(QLatin1String("store"))
                 .toObject()
                 .value(QLatin1String("pending_settlements"))
                 .toInt(),
             2);

    QVERIFY2(m_redis->start(), qPrintable(m_redis->errorString()));
    for (Instance *instance : {a, b}) {
        QTRY_COMPARE_WITH_TIMEOUT(getJson(*instance, "/api/gates")
                                      .value(QLatin1String("store"))
                                      .toObject()
                                      .value(QLatin1String("pending_settlements"))
                                      .toInt(-1),
                                  0, 30000);
    }
    const double ledgers = ledgerSpend(*a) + ledgerSpend(*b);
    QVERIFY(qAbs(ledgers - 9 * RequestCostUsd) < 1e-9);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(sharedSpent(*a) - ledgers) < 1e-9, 20000);
    QCOMPARE(countInLog(*a, "is unreachable: "), 1);
    QCOMPARE(countInLog(*b, "is unreachable: "), 1);
}

// Instance a holds the whole budget with two long streams, then dies by SIGKILL. Its
// reservations block b until their TTL passes, and then expire, so b can spend the budget.
void SharedBudgetTest::killedInstanceReservationExpires() {
    QVERIFY(startFake(5000, 5));
    const double budget = 2.5 * RequestCostUsd;
    Instance *a =
        startInstance(QStringLiteral("a"), gatesConfig(budget, QStringLiteral("closed"), 2));
    Instance *b =
        startInstance(QStringLiteral("b"), gatesConfig(budget, QStringLiteral("closed"), 2));
    QVERIFY(a);
    QVERIFY(b);

    std::vector<std::unique_ptr<RawHttpClient>> streams;
    for (int i = 0; i < 2; ++i) {
        streams.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(streams.back()->connectTo(a->port));
        streams.back()->send(postRequest("/v1/chat/completions", chatBody(true)));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        qAbs(gateById(getJson(*b, "/api/gates"), QStringLiteral("daily_budget"))
                 .value(QLatin1String("reserved"))
                 .toDouble() -
             2 * RequestCostUsd) < 1e-9,
        20000);
    // The streams outlast the 2 s TTL many times over, and a keeps extending their reservations.
    const RawResponse blocked = post(*b, false);
    QCOMPARE(blocked.status, 402);
    QCOMPARE(errorOf(blocked).value(QLatin1String("code")).toString(),
             QStringLiteral("daily_budget"));

    stopProcess(*a->process, SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(gateById(getJson(*b, "/api/gates"), QStringLiteral("daily_budget"))
                                  .value(QLatin1String("reserved"))
                                  .toDouble(-1),
                              0.0, 30000);
    QCOMPARE(m_redis->command({"KEYS", "sbit:reservation:*"}).elements.size(), 0);
    QCOMPARE(post(*b, false).status, 200);
    QCOMPARE(post(*b, false).status, 200);
    QCOMPARE(post(*b, false).status, 402);
    QTRY_COMPARE_WITH_TIMEOUT(getJson(*b, "/api/gates")
                                  .value(QLatin1String("store"))
                                  .toObject()
                                  .value(QLatin1String("instances_reporting"))
                                  .toInt(),
                              1, 30000);
}

// A Redis that accepts connections but replies to nothing (SIGSTOP) costs a gated request one
// timeout and a 503. Requests that need no gate are served while it waits: they are answered
// before the gated request's 503, which a router thread blocked on Redis could not do.
void SharedBudgetTest::stoppedRedisStallsNothingElse() {
    QVERIFY(startFake(0, 3));
    Instance *a =
        startInstance(QStringLiteral("a"), gatesConfig(10, QStringLiteral("closed"), 60, 3000));
    QVERIFY(a);
    QCOMPARE(post(*a, false).status, 200);

    m_redis->pause();
    RawHttpClient gated;
    QVERIFY(gated.connectTo(a->port));
    gated.send(postRequest("/v1/chat/completions", chatBody(false)));
    for (const QByteArrayView path : {QByteArrayView("/health"), QByteArrayView("/v1/models")}) {
        RawHttpClient client;
        QVERIFY(client.connectTo(a->port));
        client.send(getRequest(path));
        QCOMPARE(client.nextResponse(10000).status, 200);
    }
    QVERIFY2(gated.received().isEmpty(), gated.received().constData());

    const RawResponse rejected = gated.nextResponse(30000);
    QCOMPARE(rejected.status, 503);
    QCOMPARE(errorOf(rejected).value(QLatin1String("code")).toString(),
             QStringLiteral("gate_store"));
    QVERIFY2(errorOf(rejected)
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("did not answer within 3000 ms")),
             rejected.body.constData());

    m_redis->resume();
    QTRY_VERIFY_WITH_TIMEOUT(getJson(*a, "/api/gates")
                                 .value(QLatin1String("store"))
                                 .toObject()
                                 .value(QLatin1String("healthy"))
                                 .toBool(),
                             30000);
    QCOMPARE(post(*a, false).status, 200);
}

QTEST_GUILESS_MAIN(SharedBudgetTest)
#include "tst_sharedbudget.moc"
