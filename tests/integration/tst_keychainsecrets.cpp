// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Signalbox's own secrets, the Redis password and the access token, read from the real Secret
// Service (gnome-keyring in scripts/test's private session bus) with their environment variables
// unset: they reach Redis and the endpoint, and appear in no log line and no file.
#include "keychaintesting.h"
#include "secrets/keychainkeystore.h"
#include "servicetesting.h"
#include "support/redistestserver.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QUuid>

using namespace signalbox;

namespace {

const QString kProvider = QStringLiteral("open");

// The interval between requests while a test waits for a secret to take effect.
constexpr int kRetryMs = 200;

} // namespace

class TestKeychainSecrets : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void redisPasswordFromKeychain();
    void accessTokenFromKeychain();

private:
    bool writeConfig(const QJsonObject &server, const QJsonObject &gates);
    QString startService();
    RawResponse sendUntilNot(int status, const QByteArray &headers);
    QByteArray filesUnderFolder() const;
    void verifyNowhere(const QString &secret);

    QString m_service;
    QString m_secret;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_router;
    std::unique_ptr<QSignalSpy> m_events;
};

void TestKeychainSecrets::initTestCase() {
    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    // Every level of every Signalbox category, so that a debug line with a secret is caught too.
    QLoggingCategory::setFilterRules(QStringLiteral("signalbox.*=true"));
    testing::LogCapture::install();
    qunsetenv("SIGNALBOX_REDIS_PASSWORD");
    qunsetenv("SIGNALBOX_ACCESS_TOKEN");
}

void TestKeychainSecrets::init() {
    m_service = testing::testKeychainService();
    m_secret = QStringLiteral("canary-") + QUuid::createUuid().toString(QUuid::Id128);
    m_dir = std::make_unique<QTemporaryDir>();
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(m_upstream->listen(QHostAddress::LocalHost));
}

void TestKeychainSecrets::cleanup() {
    if (m_router)
        m_router->stop();
    for (const QString &account : {kRedisPasswordAccount, kAccessTokenAccount})
        QVERIFY(testing::deleteKeychainKey(m_service, account));
    m_events.reset();
    m_router.reset();
    m_upstream.reset();
    m_dir.reset();
}

// One provider that needs no key, with `server` and `gates` merged into the config.
bool TestKeychainSecrets::writeConfig(const QJsonObject &server, const QJsonObject &gates) {
    QJsonObject config =
        QJsonDocument::fromJson(testing::oneProviderConfig(kProvider, m_upstream->baseUrl(), false))
            .object();
    QJsonObject serverSection = config.value(QLatin1String("server")).toObject();
    for (auto it = server.begin(); it != server.end(); ++it)
        serverSection.insert(it.key(), it.value());
    config.insert(QLatin1String("server"), serverSection);
    config.insert(QLatin1String("gates"), gates);
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(config).toJson()) > 0;
}

QString TestKeychainSecrets::startService() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_router = std::make_unique<RouterService>(options);
    m_router->setKeychainService(m_service, KeychainKeyStore::kDefaultTimeoutMs);
    m_events = std::make_unique<QSignalSpy>(m_router.get(), &RouterService::eventLogged);
    return testing::startService(*m_router);
}

// Sends a chat request every kRetryMs until the status is not `status`, for at most
// kServiceWaitMs, because the keychain read finishes after the router started.
RawResponse TestKeychainSecrets::sendUntilNot(int status, const QByteArray &headers) {
    const QByteArray body = R"({"model":"mini","messages":[{"role":"user","content":"Hi."}]})";
    const QByteArray request =
        "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers +
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body;
    RawResponse response;
    QDeadlineTimer deadline(testing::kServiceWaitMs);
    do {
        RawHttpClient client;
        if (client.connectTo(quint16(m_router->endpoint().port()))) {
            client.send(request);
            response = client.nextResponse(testing::kServiceWaitMs);
        }
        if (response.status != status)
            break;
        QTest::qWait(kRetryMs);
    } while (!deadline.hasExpired());
    return response;
}

QByteArray TestKeychainSecrets::filesUnderFolder() const {
    QByteArray bytes;
    QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// The config and data folders, every log line and every event for the console lack `secret`.
void TestKeychainSecrets::verifyNowhere(const QString &secret) {
    m_router->stop(); // flushes the ledger
    QVERIFY(!filesUnderFolder().isEmpty());
    QVERIFY(!filesUnderFolder().contains(secret.toUtf8()));
    QVERIFY(!testing::LogCapture::text().isEmpty());
    QVERIFY(!testing::LogCapture::text().contains(secret));
    for (const QList<QVariant> &event : std::as_const(*m_events))
        QVERIFY(!event.value(0).toString().contains(secret));
}

// The store waits for the keychain read before it connects, so Redis never rejects it with NOAUTH
// and no outage is logged. The password from the keychain opens the shared gates.
void TestKeychainSecrets::redisPasswordFromKeychain() {
    if (RedisTestServer::executable().isEmpty())
        QSKIP("redis-server was not found: install the Debian package redis-server "
              "(scripts/setup --with-test-tools) or set SIGNALBOX_REDIS_SERVER");
    RedisTestServer redis;
    QVERIFY2(redis.start({QStringLiteral("--requirepass"), m_secret}),
             qPrintable(redis.errorString()));
    QVERIFY(testing::writeKeychainKey(m_service, kRedisPasswordAccount, m_secret));
    const QJsonObject store{{QLatin1String("kind"), QLatin1String("redis")},
                            {QLatin1String("url"), redis.url()},
                            {QLatin1String("prefix"), QLatin1String("sbsecret:")}};
    QVERIFY(writeConfig(
        {}, QJsonObject{{QLatin1String("daily_budget_usd"), 5}, {QLatin1String("store"), store}}));
    const qsizetype logStart = testing::LogCapture::text().size();
    const QString failure = startService();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // Requests wait for the store to authenticate; a 503 would mean it reported an outage.
    const RawResponse response = sendUntilNot(503, {});
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(m_router->keyStatus(kRedisPasswordAccount).source, KeySource::Keychain);

    QSignalSpy gates(m_router.get(), &RouterService::gatesChanged);
    m_router->refresh();
    QVERIFY(gates.wait(testing::kServiceWaitMs));
    const GateStoreStatus status = gates.last().value(0).value<GateSnapshot>().store;
    QCOMPARE(status.kind, QStringLiteral("redis"));
    QVERIFY2(status.healthy, qPrintable(status.error));
    QCOMPARE(status.instancesReporting, 1);
    const QString log = testing::LogCapture::text().mid(logStart);
    QVERIFY2(!log.contains(QLatin1String("NOAUTH")), qPrintable(log));
    QVERIFY2(!log.contains(QLatin1String("unreachable")), qPrintable(log));
    for (const QList<QVariant> &event : std::as_const(*m_events))
        QVERIFY2(!event.value(0).toString().contains(QLatin1String("unreachable")),
                 qPrintable(event.value(0).toString()));

    verifyNowhere(m_secret);
}

void TestKeychainSecrets::accessTokenFromKeychain() {
    QVERIFY(testing::writeKeychainKey(m_service, kAccessTokenAccount, m_secret));
    QVERIFY(writeConfig(QJsonObject{{QLatin1String("access_token_ref"), QLatin1String("local")}},
                        QJsonObject{{QLatin1String("daily_budget_usd"), 5}}));
    const QString failure = startService();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // Until the keychain read finishes, every request gets 503, so none passes unchecked.
    const RawResponse without = sendUntilNot(503, {});
    QVERIFY2(without.status == 401, without.body.constData());
    QVERIFY(without.body.contains("missing access token"));

    const RawResponse wrong = sendUntilNot(503, "Authorization: Bearer wrong\r\n");
    QCOMPARE(wrong.status, 401);

    const RawResponse with =
        sendUntilNot(503, "Authorization: Bearer " + m_secret.toUtf8() + "\r\n");
    QVERIFY2(with.status == 200, with.body.constData());
    QCOMPARE(m_upstream->requests().size(), 1);
    QVERIFY(!m_upstream->requests().first().header("authorization").contains(m_secret.toUtf8()));

    verifyNowhere(m_secret);
}

QTEST_GUILESS_MAIN(TestKeychainSecrets)
#include "tst_keychainsecrets.moc"
