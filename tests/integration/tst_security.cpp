// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// The endpoint's defences through the real server: Host and Origin checks, the optional access
// token, the warning for a listen address other than loopback, and secrets that never reach a
// log or a file.
#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "keychaintesting.h"
#include "service/routerservice.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace signalbox;

namespace {

constexpr int WaitMs = 10000;

const char AccessTokenVariable[] = "SIGNALBOX_ACCESS_TOKEN";
const char ProviderKeyVariable[] = "SIGNALBOX_KEY_FAKE";

QByteArray configJson(const QString &upstreamUrl, const QJsonObject &server) {
    QJsonObject serverWithListen = server;
    serverWithListen.insert(QLatin1String("listen"), QLatin1String("127.0.0.1:0"));
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"), serverWithListen},
        {QLatin1String("providers"),
         QJsonObject{
             {QLatin1String("fake"), QJsonObject{{QLatin1String("kind"), QLatin1String("openai")},
                                                 {QLatin1String("base_url"), upstreamUrl}}}}},
        {QLatin1String("models"),
         QJsonArray{QJsonObject{
             {QLatin1String("id"), QLatin1String("mini")},
             {QLatin1String("provider"), QLatin1String("fake")},
             {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini-2024-07-18")},
             {QLatin1String("price_per_mtok"),
              QJsonObject{{QLatin1String("input"), 0.15}, {QLatin1String("output"), 0.6}}},
             {QLatin1String("context_window"), 128000}}}},
        {QLatin1String("routing"),
         QJsonObject{{QLatin1String("fallback_model"), QLatin1String("mini")}}},
        {QLatin1String("gates"), QJsonObject{{QLatin1String("daily_budget_usd"), 5}}}};
    return QJsonDocument(config).toJson();
}

QByteArray chatBody(bool stream) {
    QJsonObject body{{QLatin1String("model"), QLatin1String("mini")},
                     {QLatin1String("messages"),
                      QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                             {QLatin1String("content"), QLatin1String("hi")}}}}};
    if (stream)
        body.insert(QLatin1String("stream"), true);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray chatRequest(bool stream, const QByteArray &extraHeaders = {}) {
    const QByteArray body = chatBody(stream);
    return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QJsonObject errorOf(const RawResponse &response) {
    return QJsonDocument::fromJson(response.body).object().value(QLatin1String("error")).toObject();
}

QByteArray responseBytes(const RawResponse &response) {
    QByteArray bytes = QByteArray::number(response.status) + '\n';
    for (const auto &[name, value] : response.headers)
        bytes += name + ": " + value + '\n';
    return bytes + response.body;
}

// Returns the bytes of every file under `folder`, each prefixed with its name.
QByteArray filesUnder(const QString &folder) {
    QByteArray bytes;
    QDirIterator files(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.fileName().toUtf8() + '\n' + file.readAll() + '\n';
    }
    return bytes;
}

} // namespace

class TestSecurity : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void hostAndOriginChecked_data();
    void hostAndOriginChecked();
    void accessTokenRequired_data();
    void accessTokenRequired();
    void accessTokenNotForwarded();
    void guardUsesMessagesEnvelope();
    void missingAccessTokenRejects();
    void nonLoopbackListenWarns();
    void secretsAbsentFromLogsAndFiles();

private:
    void writeConfig(const QJsonObject &server);
    bool startRouter();
    RawResponse send(const QByteArray &request);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_service;
    QByteArray m_token;
    QByteArray m_providerKey;
    QString m_startError;
    quint16 m_port = 0;
};

void TestSecurity::init() {
    m_token = "sbat-canary-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    m_providerKey = "sk-canary-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    qputenv(AccessTokenVariable, m_token);
    qputenv(ProviderKeyVariable, m_providerKey);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen());
}

void TestSecurity::cleanup() {
    m_service.reset();
    m_upstream.reset();
    m_dir.reset();
    qunsetenv(AccessTokenVariable);
    qunsetenv(ProviderKeyVariable);
}

void TestSecurity::writeConfig(const QJsonObject &server) {
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(configJson(m_upstream->baseUrl(), server));
}

bool TestSecurity::startRouter() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    m_service = std::make_unique<RouterService>(options);
    // A keychain service of the test's own, which contains no access token.
    m_service->setKeychainService(testing::testKeychainService(), 5000);
    QSignalSpy ready(m_service.get(), &RouterService::ready);
    QSignalSpy failed(m_service.get(), &RouterService::startFailed);
    m_service->start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, WaitMs))
        qWarning() << "the router neither started nor failed within" << WaitMs << "ms";
    m_startError = failed.isEmpty() ? QString() : failed.first().first().toString();
    if (ready.isEmpty())
        return false;
    m_port = quint16(m_service->endpoint().port());
    return true;
}

RawResponse TestSecurity::send(const QByteArray &request) {
    RawHttpClient client;
    if (!client.connectTo(m_port))
        return {};
    client.send(request);
    return client.nextResponse(WaitMs);
}

void TestSecurity::hostAndOriginChecked_data() {
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<int>("status");

    QTest::newRow("loopback address") << QByteArray("Host: 127.0.0.1:8765\r\n") << 200;
    QTest::newRow("localhost") << QByteArray("Host: localhost\r\n") << 200;
    QTest::newRow("ipv6 loopback") << QByteArray("Host: [::1]:8765\r\n") << 200;
    QTest::newRow("rebound name") << QByteArray("Host: attacker.example:8765\r\n") << 403;
    QTest::newRow("private address") << QByteArray("Host: 192.168.1.5\r\n") << 403;
    QTest::newRow("allowed origin")
        << QByteArray("Host: localhost\r\nOrigin: http://localhost:5173\r\n") << 200;
    QTest::newRow("foreign origin")
        << QByteArray("Host: localhost\r\nOrigin: https://attacker.example\r\n") << 403;
    QTest::newRow("null origin") << QByteArray("Host: localhost\r\nOrigin: null\r\n") << 403;
}

// The guard runs on every endpoint, the chat endpoint included, before any upstream call.
void TestSecurity::hostAndOriginChecked() {
    QFETCH(QByteArray, headers);
    QFETCH(int, status);
    writeConfig(QJsonObject{
        {QLatin1String("allowed_origins"), QJsonArray{QLatin1String("http://localhost:5173")}}});
    QVERIFY(startRouter());

    const QByteArray body = chatBody(false);
    const RawResponse chat =
        send("POST /v1/chat/completions HTTP/1.1\r\n" + headers +
             "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QCOMPARE(chat.status, status);
    const RawResponse models = send("GET /v1/models HTTP/1.1\r\n" + headers + "\r\n");
    QCOMPARE(models.status, status);

    if (status == 403) {
        QCOMPARE(errorOf(chat).value(QLatin1String("code")).toString(),
                 QStringLiteral("forbidden_origin"));
        QCOMPARE(m_upstream->requests().size(), 0);
    } else {
        QCOMPARE(m_upstream->requests().size(), 1);
    }
}

void TestSecurity::accessTokenRequired_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("withToken"); // send the right token as a Bearer header
    QTest::addColumn<int>("status");

    QTest::newRow("models without token") << getRequest("/v1/models") << false << 401;
    QTest::newRow("gates without token") << getRequest("/api/gates") << false << 401;
    QTest::newRow("usage without token") << getRequest("/api/usage") << false << 401;
    QTest::newRow("metrics without token") << getRequest("/metrics") << false << 401;
    QTest::newRow("chat without token") << chatRequest(false) << false << 401;
    QTest::newRow("health without token") << getRequest("/health") << false << 200;
    QTest::newRow("unknown path without token") << getRequest("/v1/nothing") << false << 401;
    QTest::newRow("models with token") << getRequest("/v1/models") << true << 200;
    QTest::newRow("gates with token") << getRequest("/api/gates") << true << 200;
    QTest::newRow("chat with token") << chatRequest(false) << true << 200;
    QTest::newRow("stream with token") << chatRequest(true) << true << 200;
}

void TestSecurity::accessTokenRequired() {
    QFETCH(QByteArray, request);
    QFETCH(bool, withToken);
    QFETCH(int, status);
    writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}});
    QVERIFY(startRouter());

    if (withToken) {
        const qsizetype lineEnd = request.indexOf("\r\n") + 2;
        request.insert(lineEnd, "Authorization: Bearer " + m_token + "\r\n");
    }
    const RawResponse response = send(request);
    QCOMPARE(response.status, status);
    QVERIFY(!responseBytes(response).contains(m_token));
    if (status != 401)
        return;

    const QJsonObject error = errorOf(response);
    QCOMPARE(error.value(QLatin1String("type")).toString(),
             QStringLiteral("invalid_request_error"));
    QCOMPARE(error.value(QLatin1String("code")).toString(), QStringLiteral("invalid_api_key"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("missing")));
    QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Bearer realm=\"signalbox\""));
    QCOMPARE(m_upstream->requests().size(), 0);
}

// Anthropic's SDKs read only their own envelope, so the guard's refusals on /v1/messages use it.
void TestSecurity::guardUsesMessagesEnvelope() {
    writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}});
    QVERIFY(startRouter());
    const QByteArray body =
        R"({"model":"mini","max_tokens":5,"messages":[{"role":"user","content":"hi"}]})";
    const QByteArray head =
        "POST /v1/messages HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";

    const RawResponse noToken = send(head + "Host: 127.0.0.1\r\n\r\n" + body);
    QCOMPARE(noToken.status, 401);
    const QJsonObject unauthorized = QJsonDocument::fromJson(noToken.body).object();
    QCOMPARE(unauthorized.value(QLatin1String("type")).toString(), QStringLiteral("error"));
    QCOMPARE(errorOf(noToken).value(QLatin1String("type")).toString(),
             QStringLiteral("authentication_error"));

    const RawResponse rebound = send(head + "Host: attacker.example\r\n\r\n" + body);
    QCOMPARE(rebound.status, 403);
    QCOMPARE(errorOf(rebound).value(QLatin1String("type")).toString(),
             QStringLiteral("permission_error"));
    QCOMPARE(m_upstream->requests().size(), 0);
}

// Every form a client may use: the Bearer scheme in any case, x-api-key, and wrong tokens,
// including a prefix of the right one.
void TestSecurity::accessTokenNotForwarded() {
    writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}});
    QVERIFY(startRouter());

    const QList<QPair<QByteArray, int>> cases{
        {"Authorization: Bearer " + m_token + "\r\n", 200},
        {"Authorization: bearer " + m_token + "\r\n", 200},
        {"x-api-key: " + m_token + "\r\n", 200},
        {"Authorization: Bearer " + m_token.chopped(1) + "\r\n", 401},
        {"Authorization: Bearer " + m_token + "x\r\n", 401},
        {"Authorization: Basic " + m_token.toBase64() + "\r\n", 401},
        {"x-api-key: wrong\r\n", 401},
    };
    int served = 0;
    for (const auto &[header, status] : cases) {
        const RawResponse response = send(chatRequest(false, header));
        QVERIFY2(response.status == status, header.constData());
        QVERIFY(!responseBytes(response).contains(m_token));
        if (status == 401) {
            QVERIFY(errorOf(response)
                        .value(QLatin1String("message"))
                        .toString()
                        .contains(QLatin1String("invalid access token")) ||
                    header.startsWith("Authorization: Basic"));
        } else {
            ++served;
        }
    }

    // The upstream gets the provider's key, never the client's access token.
    QCOMPARE(m_upstream->requests().size(), served);
    for (const FakeHttpRequest &request : m_upstream->requests()) {
        QCOMPARE(request.header("authorization"), "Bearer " + m_providerKey);
        QVERIFY(!request.body.contains(m_token));
        QCOMPARE(request.header("x-api-key"), QByteArray());
    }
}

// Without the variable and with an empty keychain the router starts, because the keychain read
// finishes only later. It serves nothing: every request gets 503 with both ways to set the token.
void TestSecurity::missingAccessTokenRejects() {
    qunsetenv(AccessTokenVariable);
    writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}});
    QVERIFY(startRouter());

    RawResponse response;
    QVERIFY(QTest::qWaitFor(
        [&] {
            response = send(chatRequest(false, "Authorization: Bearer " + m_token + "\r\n"));
            return response.status == 503 && !response.body.contains("still being read");
        },
        WaitMs));
    const QString message = errorOf(response).value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String("SIGNALBOX_ACCESS_TOKEN")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Settings page")), qPrintable(message));
    QCOMPARE(errorOf(response).value(QLatin1String("code")).toString(),
             QStringLiteral("access_token_unavailable"));
    QCOMPARE(response.header("WWW-Authenticate"), QByteArray());
    QCOMPARE(m_upstream->requests().size(), 0);
    QCOMPARE(send(getRequest("/health")).status, 200);
}

// Listening on every interface warns at start. The router runs in a network namespace of its
// own, whose only interface is a loopback that is down, so the wildcard address reaches nothing.
void TestSecurity::nonLoopbackListenWarns() {
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty() ||
        QProcess::execute(unshare, {QStringLiteral("-n"), QStringLiteral("true")}) != 0)
        QSKIP("unshare -n is not available, so a wildcard listen address cannot be kept private");
    writeConfig(QJsonObject{});

    const auto startupOutput = [&](const QString &listen) -> QByteArray {
        QProcess router;
        router.setProcessChannelMode(QProcess::MergedChannels);
        router.start(unshare,
                     {QStringLiteral("-n"), qEnvironmentVariable("SIGNALBOX_BINARY"),
                      QStringLiteral("--headless"), QStringLiteral("--config"),
                      m_dir->filePath(QStringLiteral("config.json")), QStringLiteral("--data-dir"),
                      m_dir->filePath(QStringLiteral("data")), QStringLiteral("--listen"), listen});
        QByteArray output;
        if (!QTest::qWaitFor(
                [&] {
                    output += router.readAll();
                    return output.contains("listening on http://") ||
                           router.state() == QProcess::NotRunning;
                },
                WaitMs))
            qWarning() << "the router printed no listening line within" << WaitMs << "ms";
        router.terminate();
        router.waitForFinished(WaitMs);
        return output + router.readAll();
    };

    const QByteArray wildcard = startupOutput(QStringLiteral("0.0.0.0:0"));
    QVERIFY2(wildcard.contains("listening on http://0.0.0.0:"), wildcard.constData());
    QVERIFY2(wildcard.contains("not a loopback address"), wildcard.constData());

    const QByteArray loopback = startupOutput(QStringLiteral("127.0.0.1:0"));
    QVERIFY2(loopback.contains("listening on http://127.0.0.1:"), loopback.constData());
    QVERIFY2(!loopback.contains("not a loopback address"), loopback.constData());
}

// Canary secrets, the provider key and the access token, must appear in no log line at any
// level, no response, and no file the router writes: config, ledger, WAL and shared memory.
void TestSecurity::secretsAbsentFromLogsAndFiles() {
    writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}});
    const QByteArray configBefore = filesUnder(m_dir->path());
    QVERIFY(!configBefore.contains(m_token));
    QVERIFY(!configBefore.contains(m_providerKey));

    QProcess router;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("signalbox.*=true"));
    router.setProcessEnvironment(environment);
    router.setProcessChannelMode(QProcess::MergedChannels);
    router.start(qEnvironmentVariable("SIGNALBOX_BINARY"),
                 {QStringLiteral("--headless"), QStringLiteral("--config"),
                  m_dir->filePath(QStringLiteral("config.json")), QStringLiteral("--data-dir"),
                  m_dir->filePath(QStringLiteral("data")), QStringLiteral("--listen"),
                  QStringLiteral("127.0.0.1:0")});
    QByteArray output;
    QVERIFY(QTest::qWaitFor(
        [&] {
            output += router.readAll();
            return output.contains("listening on http://127.0.0.1:");
        },
        WaitMs));
    const qsizetype at = output.indexOf("listening on http://127.0.0.1:") + 30;
    m_port = quint16(output.mid(at, output.indexOf('\n', at) - at).toUInt());
    QVERIFY(m_port != 0);

    const QByteArray bearer = "Authorization: Bearer " + m_token + "\r\n";
    QList<RawResponse> responses;
    responses << send(chatRequest(false, bearer));
    responses << send(chatRequest(true, bearer));
    responses << send(chatRequest(false, "x-api-key: " + m_token + "\r\n"));
    responses << send(chatRequest(false, "Authorization: Bearer " + m_token.chopped(4) + "\r\n"));
    responses << send(chatRequest(false));

    // OpenAI's 401 quotes the key it rejected; the router must pass the error on without it.
    m_upstream->script().errorStatus = 401;
    m_upstream->script().errorType = "invalid_request_error";
    m_upstream->script().errorCode = "invalid_api_key";
    m_upstream->script().errorMessage = "Incorrect API key provided: " + m_providerKey + '.';
    responses << send(chatRequest(false, bearer));
    responses << send(chatRequest(true, bearer));
    responses << send(getRequest("/api/usage?limit=20", bearer));
    responses << send(getRequest("/metrics", bearer));

    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(1).status, 200);
    QCOMPARE(responses.at(2).status, 200);
    QCOMPARE(responses.at(3).status, 401);
    QCOMPARE(responses.at(4).status, 401);
    QCOMPARE(responses.at(5).status, 401);
    QVERIFY(responses.at(5).body.contains("<redacted>"));
    for (const RawResponse &response : std::as_const(responses)) {
        const QByteArray bytes = responseBytes(response);
        QVERIFY2(!bytes.contains(m_token), bytes.constData());
        QVERIFY2(!bytes.contains(m_providerKey), bytes.constData());
    }

    // The key was really in use, so its absence below means something.
    QCOMPARE(m_upstream->requests().size(), 5);
    QCOMPARE(m_upstream->requests().first().header("authorization"), "Bearer " + m_providerKey);

    router.terminate();
    QVERIFY(router.waitForFinished(WaitMs));
    output += router.readAll();
    QVERIFY2(output.contains("signalbox.http"), "debug logging was not on");
    QVERIFY2(output.contains("signalbox.upstream"), "the upstream failure was not logged");
    QVERIFY(!output.contains(m_token));
    QVERIFY(!output.contains(m_providerKey));

    const QByteArray files = filesUnder(m_dir->path());
    QVERIFY(files.contains("ledger.sqlite"));
    QVERIFY(files.contains("<redacted>"));
    QVERIFY(!files.contains(m_token));
    QVERIFY(!files.contains(m_providerKey));
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
