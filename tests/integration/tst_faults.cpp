// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Faults on both sides of the router, over loopback: upstreams that reset, stall, trickle, send
// garbage or too much, a provider name that never resolves, clients that trickle, idle or hang
// up at every phase, and a kill -9 under load. After each one the router must still serve,
// hold no gate reservation and have an intact ledger.
#include "fakes/fakeopenai.h"
#include "fakes/faultyupstream.h"
#include "fakes/rawhttpclient.h"
#include "ledger/ledgerschema.h"
#include "service/routerservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace signalbox;

namespace {

// Upper bound of every wait for an outcome; a pass is usually far quicker.
constexpr int WaitMs = 20000;

// Short limits so that the timeouts fire within a test. They are bounds, not measurements.
constexpr int ServerIdleTimeoutMs = 1000;
constexpr int ServerRequestTimeoutMs = 1500;
constexpr int UpstreamFirstByteTimeoutMs = 800;
constexpr int UpstreamIdleTimeoutMs = 800;

QJsonObject providerJson(const QString &baseUrl) {
    return {{QLatin1String("kind"), QLatin1String("openai")},
            {QLatin1String("base_url"), baseUrl},
            {QLatin1String("needs_key"), false},
            {QLatin1String("connect_timeout_ms"), 2000},
            {QLatin1String("first_byte_timeout_ms"), UpstreamFirstByteTimeoutMs},
            {QLatin1String("idle_timeout_ms"), UpstreamIdleTimeoutMs}};
}

QJsonObject modelJson(const QString &id, const QString &provider) {
    return {{QLatin1String("id"), id},
            {QLatin1String("provider"), provider},
            {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini-2024-07-18")},
            {QLatin1String("price_per_mtok"),
             QJsonObject{{QLatin1String("input"), 10}, {QLatin1String("output"), 100}}},
            {QLatin1String("context_window"), 128000},
            {QLatin1String("max_output_tokens"), 1000}};
}

// Model "faulty" is served by the misbehaving upstream, "good" by a correct one, and "nowhere"
// by a host under the reserved .invalid top-level domain, which never resolves. There is no
// fallback model, so a failure reaches the client instead of being retried on "good".
QByteArray configJson(const QString &faultyUrl, const QString &goodUrl) {
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")},
                     {QLatin1String("idle_timeout_ms"), ServerIdleTimeoutMs},
                     {QLatin1String("request_timeout_ms"), ServerRequestTimeoutMs}}},
        {QLatin1String("providers"),
         QJsonObject{{QLatin1String("faulty"), providerJson(faultyUrl)},
                     {QLatin1String("good"), providerJson(goodUrl)},
                     {QLatin1String("nowhere"),
                      providerJson(QStringLiteral("http://upstream.signalbox-test.invalid/v1"))}}},
        {QLatin1String("models"),
         QJsonArray{modelJson(QStringLiteral("faulty"), QStringLiteral("faulty")),
                    modelJson(QStringLiteral("good"), QStringLiteral("good")),
                    modelJson(QStringLiteral("nowhere"), QStringLiteral("nowhere"))}},
        {QLatin1String("gates"), QJsonObject{{QLatin1String("daily_budget_usd"), 100},
                                             {QLatin1String("timezone"), QLatin1String("UTC")}}}};
    return QJsonDocument(config).toJson();
}

QByteArray chatBody(const QString &model, bool stream) {
    QJsonObject body{{QLatin1String("model"), model},
                     {QLatin1String("max_tokens"), 100},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("hi")}}}}};
    if (stream)
        body.insert(QLatin1String("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QJsonObject errorOf(const QByteArray &body) {
    return QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
}

// The data of every server-sent event in a stream body.
QList<QByteArray> sseData(const QByteArray &body) {
    QList<QByteArray> events;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("data: "))
            events << line.mid(6);
    }
    return events;
}

// Sends a request head on a new connection, reads the response to its end and then sends the
// body in two writes, as clients that write headers and body apart do. Returns true when the
// response was a 503 and both writes went through.
bool bodyAfterRejectionAccepted(quint16 port) {
    const int descriptor = ::socket(AF_INET, SOCK_STREAM, 0);
    const timeval timeout = {10, 0};
    ::setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(descriptor, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;

    const QByteArray head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Length: 4\r\n\r\n";
    ok = ok &&
         ::send(descriptor, head.constData(), size_t(head.size()), MSG_NOSIGNAL) == head.size();
    QByteArray response;
    char buffer[4096];
    ssize_t received = 0;
    while (ok && (received = ::recv(descriptor, buffer, sizeof buffer, 0)) > 0)
        response.append(buffer, received);
    if (!response.startsWith("HTTP/1.1 503")) {
        qWarning() << "response:" << response;
        ok = false;
    }

    // The kernel replies to the first write after a close with a reset, so the second one fails.
    for (int i = 0; ok && i < 2; ++i) {
        QThread::msleep(50);
        ok = ::send(descriptor, "{}", 2, MSG_NOSIGNAL) == 2;
        if (!ok)
            qWarning() << "write" << i + 1 << "of the body failed:" << strerror(errno);
    }
    ::close(descriptor);
    return ok;
}

// Raises the soft limit on open files to the hard limit and returns it.
rlim_t raiseOpenFileLimit() {
    struct rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void upstreamResetMidStream();
    void upstreamStallsBeforeFirstByte_data();
    void upstreamStallsBeforeFirstByte();
    void upstreamStallsMidStream();
    void slowLorisClientTimedOut();
    void silentClientClosedWhenIdle();
    void slowLorisUpstreamStillServed();
    void malformedUpstreamStream();
    void hugeUpstreamBody();
    void endlessUpstreamEvent();
    void unresolvableProviderHost();
    void manyIdleConnections();
    void clientDisconnectAtEachPhase_data();
    void clientDisconnectAtEachPhase();
    void killDuringLoadKeepsLedger();
    void outOfFileDescriptors();
    void openFileLimitRaised();

private:
    bool startBinary(QProcess &router, rlim_t softLimit = 0, rlim_t hardLimit = 0);
    bool startRouter();
    QJsonObject gates();
    double reservedUsd();
    RawResponse send(const QByteArray &request, int timeoutMs = WaitMs);
    void verifyHealthy();
    QString ledgerPath() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FaultyUpstream> m_faulty;
    std::unique_ptr<FakeOpenAiUpstream> m_good;
    std::unique_ptr<RouterService> m_service;
    quint16 m_port = 0;
};

void TestFaults::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_faulty = std::make_unique<FaultyUpstream>();
    QVERIFY(m_faulty->listen());
    m_good = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_good->listen());

    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configJson(m_faulty->baseUrl(), m_good->baseUrl()));
}

void TestFaults::cleanup() {
    if (m_service)
        m_service->stop();
    m_service.reset();
    m_faulty.reset();
    m_good.reset();
    m_dir.reset();
}

bool TestFaults::startRouter() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    m_service = std::make_unique<RouterService>(options);
    QSignalSpy ready(m_service.get(), &RouterService::ready);
    QSignalSpy failed(m_service.get(), &RouterService::startFailed);
    m_service->start();
    if (!ready.wait(10000)) {
        qWarning() << "router did not start:" << failed;
        return false;
    }
    m_port = quint16(m_service->endpoint().port());
    return true;
}

RawResponse TestFaults::send(const QByteArray &request, int timeoutMs) {
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(request);
    return client.nextResponse(timeoutMs);
}

QJsonObject TestFaults::gates() {
    return QJsonDocument::fromJson(send(getRequest("/api/gates")).body).object();
}

double TestFaults::reservedUsd() {
    double reserved = 0;
    for (const QJsonValue &gate : gates().value(QLatin1String("gates")).toArray())
        reserved += gate.toObject().value(QLatin1String("reserved")).toDouble();
    return reserved;
}

QString TestFaults::ledgerPath() const {
    return ledgerFilePath(m_dir->filePath(QStringLiteral("data")));
}

// The invariants every fault must leave intact: the router responds, every reservation is back,
// and SQLite finds the ledger file consistent.
void TestFaults::verifyHealthy() {
    const RawResponse health = send(getRequest("/health"));
    QCOMPARE(health.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(reservedUsd(), 0.0, WaitMs);

    const QString connectionName = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(ledgerPath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
    }
    QSqlDatabase::removeDatabase(connectionName);
}

void TestFaults::upstreamResetMidStream() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::ResetMidStream;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), true)));
    QCOMPARE(response.status, 200);
    const QList<QByteArray> events = sseData(response.body);
    QVERIFY2(events.size() >= 2, response.body.constData());
    QVERIFY(events.first().contains("chat.completion.chunk"));
    // The client has part of the answer, so the stream ends with an error event, not another
    // model's words.
    const QJsonObject error = errorOf(events.last());
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("upstream_error"));
    verifyHealthy();
}

void TestFaults::upstreamStallsBeforeFirstByte_data() {
    QTest::addColumn<bool>("stream");
    QTest::newRow("not streamed") << false;
    QTest::newRow("streamed") << true;
}

void TestFaults::upstreamStallsBeforeFirstByte() {
    QFETCH(bool, stream);
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::StallBeforeHead;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), stream)));
    QCOMPARE(response.status, 504);
    const QJsonObject error = errorOf(response.body);
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("upstream_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("first-byte")),
             response.body.constData());
    // The router gave up on the call, so it closed the upstream connection too.
    QTRY_COMPARE_WITH_TIMEOUT(m_faulty->closedByClient(), 1, WaitMs);
    verifyHealthy();
}

void TestFaults::upstreamStallsMidStream() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::StallMidStream;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), true)));
    QCOMPARE(response.status, 200);
    const QList<QByteArray> events = sseData(response.body);
    QVERIFY2(!events.isEmpty(), response.body.constData());
    const QJsonObject error = errorOf(events.last());
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("idle")),
             events.last().constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_faulty->closedByClient(), 1, WaitMs);
    verifyHealthy();
}

// A client that sends one byte at a time, each well within the idle timeout, still gets 408 once
// the request timeout passes, and the others are served meanwhile.
void TestFaults::slowLorisClientTimedOut() {
    QVERIFY(startRouter());
    const QByteArray request =
        postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), false));

    RawHttpClient slow;
    QVERIFY(slow.connectTo(m_port));
    int sent = 0;
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&] {
        if (sent < request.size() && slow.isConnected())
            slow.send(request.mid(sent++, 1));
    });
    // Ten sends per idle period, so a slow test machine still sends well within it.
    trickle.start(ServerIdleTimeoutMs / 10);

    QCOMPARE(send(getRequest("/health")).status, 200);
    QVERIFY(slow.waitForClose(WaitMs));
    trickle.stop();
    QVERIFY(sent < request.size());

    const RawResponse timedOut = slow.nextResponse(1000);
    QCOMPARE(timedOut.status, 408);
    QCOMPARE(m_good->requests().size(), 0);
    verifyHealthy();
}

void TestFaults::silentClientClosedWhenIdle() {
    QVERIFY(startRouter());
    RawHttpClient silent;
    QVERIFY(silent.connectTo(m_port));
    QVERIFY(silent.waitForClose(WaitMs));
    QVERIFY(silent.received().isEmpty());
    verifyHealthy();
}

// An upstream that trickles its stream ties up one request, never the router.
void TestFaults::slowLorisUpstreamStillServed() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::TrickleStream;
    // About 6 KB at 16 bytes every 2 ms: the stream is still arriving while the other request
    // is served, on any machine fast enough to run the test.
    m_faulty->streamChunks = 20;
    m_faulty->trickleMs = 2;

    RawHttpClient slow;
    QVERIFY(slow.connectTo(m_port));
    slow.send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), true)));
    QTRY_COMPARE_WITH_TIMEOUT(m_faulty->requestCount(), 1, WaitMs);

    const RawResponse other =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), false)));
    QCOMPARE(other.status, 200);
    QVERIFY(!slow.received().contains("[DONE]"));

    const RawResponse trickled = slow.nextResponse(WaitMs);
    QCOMPARE(trickled.status, 200);
    QVERIFY2(trickled.body.contains("piece0 ") && trickled.body.contains("piece19 "),
             trickled.body.constData());
    QVERIFY(trickled.body.contains("data: [DONE]"));
    verifyHealthy();
}

void TestFaults::malformedUpstreamStream() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::MalformedSse;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), true)));
    QCOMPARE(response.status, 502);
    const QJsonObject error = errorOf(response.body);
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("upstream_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("JSON")),
             response.body.constData());
    verifyHealthy();
}

// 50 MB is under the router's 64 MiB limit on a non-streamed body, so it passes whole.
void TestFaults::hugeUpstreamBody() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::HugeBody;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), false)));
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body.size(), m_faulty->hugeBytes);
    QVERIFY(response.body.endsWith("\"total_tokens\":30}}"));
    verifyHealthy();
}

// A stream event that never ends would grow the parser's buffer without bound; the router stops
// reading at the event size limit and reports it.
void TestFaults::endlessUpstreamEvent() {
    QVERIFY(startRouter());
    m_faulty->fault = FaultyUpstream::Fault::HugeEvent;

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), true)));
    QCOMPARE(response.status, 502);
    QVERIFY2(errorOf(response.body)
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("stream event over")),
             response.body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(m_faulty->closedByClient(), 1, WaitMs);
    verifyHealthy();
}

// The .invalid top-level domain is reserved never to resolve (RFC 2606), so the lookup fails
// without any packet leaving the machine.
void TestFaults::unresolvableProviderHost() {
    QVERIFY(startRouter());
    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("nowhere"), false)));
    QCOMPARE(response.status, 502);
    const QJsonObject error = errorOf(response.body);
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("upstream_error"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("nowhere")),
             response.body.constData());
    verifyHealthy();
}

// Idle connections cost the router a socket each and nothing else: with 2,000 of them open, a
// request still goes through.
void TestFaults::manyIdleConnections() {
    // Each connection takes two descriptors in this process, the client's and the router's.
    const rlim_t openFiles = raiseOpenFileLimit();
    const int count = int(qMin<rlim_t>(2000, openFiles > 300 ? (openFiles - 200) / 2 : 0));
    if (count < 2000)
        qWarning() << "open file limit" << openFiles << "allows only" << count << "connections";
    QVERIFY(count >= 100);
    QVERIFY(startRouter());

    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        idle.push_back(std::move(socket));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(idle.begin(), idle.end(),
                                         [](const auto &socket) {
                                             return socket->state() ==
                                                    QAbstractSocket::ConnectedState;
                                         }),
                             WaitMs);

    const RawResponse response =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), false)));
    QCOMPARE(response.status, 200);
    const int stillOpen = int(std::count_if(idle.begin(), idle.end(), [](const auto &socket) {
        return socket->state() == QAbstractSocket::ConnectedState;
    }));
    QCOMPARE(stillOpen, count);
    idle.clear();
    verifyHealthy();
}

void TestFaults::clientDisconnectAtEachPhase_data() {
    QTest::addColumn<QString>("phase");
    QTest::newRow("during headers") << QStringLiteral("headers");
    QTest::newRow("during body") << QStringLiteral("body");
    QTest::newRow("after request") << QStringLiteral("request");
    QTest::newRow("mid-stream") << QStringLiteral("stream");
}

void TestFaults::clientDisconnectAtEachPhase() {
    QFETCH(QString, phase);
    QVERIFY(startRouter());
    const bool streamed = phase == QLatin1String("stream");
    m_faulty->fault =
        streamed ? FaultyUpstream::Fault::StallMidStream : FaultyUpstream::Fault::StallBeforeHead;
    const QByteArray request =
        postRequest("/v1/chat/completions", chatBody(QStringLiteral("faulty"), streamed));
    const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;

    {
        RawHttpClient client;
        QVERIFY(client.connectTo(m_port));
        if (phase == QLatin1String("headers")) {
            client.send(request.first(headEnd / 2));
        } else if (phase == QLatin1String("body")) {
            client.send(request.first(headEnd + 5));
        } else {
            client.send(request);
            QTRY_COMPARE_WITH_TIMEOUT(m_faulty->requestCount(), 1, WaitMs);
            if (streamed)
                QVERIFY(client.waitForText("partial ", WaitMs));
            // The reservation is held while the upstream call runs.
            QVERIFY(reservedUsd() > 0);
        }
        QTest::qWait(50);
        client.socket().abort();
    }

    const bool reachedUpstream = phase == QLatin1String("request") || streamed;
    if (reachedUpstream) {
        // The disconnect cancels the upstream call at once, long before its timeouts.
        QTRY_COMPARE_WITH_TIMEOUT(m_faulty->closedByClient(), 1, WaitMs);
    } else {
        QCOMPARE(m_faulty->requestCount(), 0);
    }
    verifyHealthy();
}

// kill -9 while requests are in flight: the ledger stays consistent, and a restarted router's
// gates show exactly the spend of the rows the ledger kept, with nothing reserved.
void TestFaults::killDuringLoadKeepsLedger() {
    m_good->script().chunkCount = 20;
    m_good->script().chunkDelayMs = 20;

    QProcess router;
    QVERIFY(startBinary(router));

    // Keep about 40 requests in flight, streamed and not, until some rows are committed.
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < 40; ++i) {
        auto client = std::make_unique<RawHttpClient>();
        QVERIFY(client->connectTo(m_port));
        client->send(
            postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), i % 2 == 0)));
        clients.push_back(std::move(client));
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::count_if(clients.begin(), clients.end(),
                                           [](const auto &client) {
                                               return client->received().contains("[DONE]") ||
                                                      client->received().contains("\"usage\"");
                                           }) >= 5,
                             WaitMs);
    for (int i = 0; i < 20; ++i) {
        auto client = std::make_unique<RawHttpClient>();
        QVERIFY(client->connectTo(m_port));
        client->send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), true)));
        clients.push_back(std::move(client));
    }
    QTest::qWait(100);
    router.kill();
    QVERIFY(router.waitForFinished(10000));
    QCOMPARE(router.exitStatus(), QProcess::CrashExit);
    clients.clear();

    double recordedUsd = 0;
    int rows = 0;
    const QString connectionName = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(ledgerPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(query.exec(QStringLiteral("SELECT count(*), total(cost_usd) FROM ledger")));
        QVERIFY(query.next());
        rows = query.value(0).toInt();
        recordedUsd = query.value(1).toDouble();
    }
    QSqlDatabase::removeDatabase(connectionName);
    QVERIFY(rows > 0);

    QVERIFY(startBinary(router));
    const QJsonArray gateList = gates().value(QLatin1String("gates")).toArray();
    QVERIFY(!gateList.isEmpty());
    const QJsonObject daily = gateList.first().toObject();
    QCOMPARE(daily.value(QLatin1String("id")).toString(), QStringLiteral("daily_budget"));
    QVERIFY2(qAbs(daily.value(QLatin1String("spent")).toDouble() - recordedUsd) < 1e-9,
             qPrintable(QStringLiteral("gate %1, ledger %2")
                            .arg(daily.value(QLatin1String("spent")).toDouble())
                            .arg(recordedUsd)));
    QCOMPARE(daily.value(QLatin1String("reserved")).toDouble(), 0.0);

    router.terminate();
    QVERIFY(router.waitForFinished(10000));
    QCOMPARE(router.exitStatus(), QProcess::NormalExit);
}

// Starts the signalbox program, with the given limits on open files unless they are 0, and reads
// its port.
bool TestFaults::startBinary(QProcess &router, rlim_t softLimit, rlim_t hardLimit) {
    const QString binary = qEnvironmentVariable("SIGNALBOX_BINARY");
    if (!QFile::exists(binary)) {
        qWarning() << "SIGNALBOX_BINARY must name the built signalbox program";
        return false;
    }
    router.setProgram(binary);
    router.setArguments({QStringLiteral("--headless"), QStringLiteral("--config"),
                         m_dir->filePath(QStringLiteral("config.json")),
                         QStringLiteral("--data-dir"), m_dir->filePath(QStringLiteral("data")),
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (softLimit > 0) {
        router.setChildProcessModifier([softLimit, hardLimit] {
            const struct rlimit limit = {softLimit, hardLimit};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        });
    }
    router.start();
    if (!router.waitForStarted(10000))
        return false;
    if (!QTest::qWaitFor([&] { return router.canReadLine(); }, 10000))
        return false;
    const QByteArray line = router.readLine().trimmed();
    m_port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    return line.startsWith("listening on ") && m_port != 0;
}

// A router out of file descriptors sends each connection it cannot keep a 503 that names the
// limit, instead of leaving them unanswered while it retries the accept. It serves again once
// connections close.
void TestFaults::outOfFileDescriptors() {
    constexpr rlim_t Limit = 160;
    constexpr int Connections = 300;
    // The served connections stay open through the test.
    QJsonObject config =
        QJsonDocument::fromJson(configJson(m_faulty->baseUrl(), m_good->baseUrl())).object();
    QJsonObject server = config.value(QLatin1String("server")).toObject();
    server.insert(QLatin1String("idle_timeout_ms"), 60000);
    config.insert(QLatin1String("server"), server);
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(config).toJson());
    file.close();
    QProcess router;
    QVERIFY(startBinary(router, Limit, Limit));

    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < Connections; ++i) {
        auto client = std::make_unique<RawHttpClient>();
        QVERIFY(client->connectTo(m_port));
        client->send(getRequest("/health"));
        clients.push_back(std::move(client));
    }
    std::vector<RawResponse> responses(clients.size());
    const auto allAnswered = [&] {
        bool all = true;
        for (size_t i = 0; i < clients.size(); ++i) {
            if (responses[i].status == 0)
                responses[i] = clients[i]->nextResponse(0);
            all = all && responses[i].status != 0;
        }
        return all;
    };
    QVERIFY2(QTest::qWaitFor(allAnswered, WaitMs), "some connections got no answer");

    int served = 0;
    int rejected = 0;
    for (const RawResponse &response : responses) {
        if (response.status == 200) {
            ++served;
            continue;
        }
        QCOMPARE(response.status, 503);
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        const QJsonObject error = errorOf(response.body);
        QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("server_error"));
        const QString message = error.value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("open file limit of %1").arg(Limit)),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("ulimit -n")), qPrintable(message));
        ++rejected;
    }
    QVERIFY2(served >= 50, qPrintable(QString::number(served)));
    QVERIFY2(rejected >= Connections - int(Limit), qPrintable(QString::number(rejected)));

    // Client connections leave the top descriptors free, so a served client's request still
    // gets its upstream connection.
    const auto open = std::find_if(clients.begin(), clients.end(), [&](const auto &client) {
        return responses[size_t(&client - clients.data())].status == 200 && client->isConnected();
    });
    QVERIFY(open != clients.end());
    (*open)->send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), false)));
    const RawResponse chatResponse = (*open)->nextResponse(WaitMs);
    QVERIFY2(chatResponse.status == 200, chatResponse.body.constData());

    // A client that writes its body after its headers reads the 503 first, and its later writes
    // find the connection still open instead of reset. Lingering connections end within a second.
    QTest::qWait(1500);
    QVERIFY(bodyAfterRejectionAccepted(m_port));

    // Closed connections give their descriptors back.
    clients.clear();
    QTRY_COMPARE_WITH_TIMEOUT(send(getRequest("/health")).status, 200, WaitMs);
    const RawResponse chat =
        send(postRequest("/v1/chat/completions", chatBody(QStringLiteral("good"), false)));
    QCOMPARE(chat.status, 200);

    router.terminate();
    QVERIFY(router.waitForFinished(10000));
    QCOMPARE(router.exitStatus(), QProcess::NormalExit);
    const QByteArray log = router.readAllStandardError();
    QVERIFY2(log.contains("open file limit of 160"), log.constData());
}

// A soft limit below the hard one is raised at start, so a shell's default of 1024 does not cap
// the connections the router can hold.
void TestFaults::openFileLimitRaised() {
    QProcess router;
    QVERIFY(startBinary(router, 256, 4096));
    QFile limits(QStringLiteral("/proc/%1/limits").arg(router.processId()));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    const qsizetype line = text.indexOf("Max open files");
    QVERIFY(line >= 0);
    const QList<QByteArray> fields = text.mid(line).split('\n').first().simplified().split(' ');
    QCOMPARE(fields.value(3), QByteArray("4096"));
    QCOMPARE(fields.value(4), QByteArray("4096"));
    router.terminate();
    QVERIFY(router.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
