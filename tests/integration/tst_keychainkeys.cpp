// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"
#include "keychaintesting.h"
#include "secrets/keychainkeystore.h"
#include "servicetesting.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

using namespace signalbox;

namespace {

const QString kProvider = QStringLiteral("canary");

} // namespace

// Keys stored in the real Secret Service (gnome-keyring in scripts/test's private session bus)
// reach the upstream, and appear in no log, ledger row, config file or message.
class TestKeychainKeys : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void storedKeyReachesUpstream();
    void keyLoadedAtStart();
    void removedKeyIsNoLongerSent();
    void wrongKeyFailsConnectionTest();

private:
    void createService();
    bool storeKey(const QString &key);
    bool waitForKeySource(KeySource source);
    QByteArray secretToolLookup() const;
    QByteArray dataFiles() const;
    QByteArray configFile() const;

    QString m_service;
    QString m_canary;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_router;
    std::unique_ptr<QSignalSpy> m_events;
    std::unique_ptr<QSignalSpy> m_statuses;
};

void TestKeychainKeys::initTestCase() {
    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    testing::LogCapture::install();
    qunsetenv("SIGNALBOX_KEY_CANARY");
}

void TestKeychainKeys::init() {
    m_service = testing::testKeychainService();
    m_canary = QStringLiteral("sk-canary-") + QUuid::createUuid().toString(QUuid::Id128);
    m_dir = std::make_unique<QTemporaryDir>();
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(testing::startKeyedUpstream(*m_upstream, m_canary, kProvider,
                                        m_dir->filePath(QStringLiteral("config.json"))));
}

void TestKeychainKeys::cleanup() {
    QVERIFY(testing::deleteKeychainKey(m_service, kProvider));

    m_statuses.reset();
    m_events.reset();
    m_router.reset();
    m_upstream.reset();
    m_dir.reset();
}

void TestKeychainKeys::createService() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_router = std::make_unique<RouterService>(options);
    m_router->setKeychainService(m_service, KeychainKeyStore::kDefaultTimeoutMs);
    m_events = std::make_unique<QSignalSpy>(m_router.get(), &RouterService::eventLogged);
    m_statuses = std::make_unique<QSignalSpy>(m_router.get(), &RouterService::keyStatusChanged);
}

bool TestKeychainKeys::storeKey(const QString &key) {
    if (!QTest::qWaitFor(
            [this] {
                return m_router->keychainState().availability ==
                       KeychainState::Availability::Available;
            },
            testing::kServiceWaitMs))
        return false;
    QSignalSpy finished(m_router.get(), &RouterService::keyOperationFinished);
    m_router->storeKey(kProvider, key);
    return finished.wait(testing::kServiceWaitMs) && finished.first().at(1).toBool();
}

bool TestKeychainKeys::waitForKeySource(KeySource source) {
    return QTest::qWaitFor(
        [this, source] { return m_router->keyStatus(kProvider).source == source; },
        testing::kServiceWaitMs);
}

// Reads the key back with libsecret's own command line tool, as a user would check it.
QByteArray TestKeychainKeys::secretToolLookup() const {
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                               m_service, QStringLiteral("user"), kProvider});
    if (!tool.waitForFinished(testing::kServiceWaitMs) || tool.exitCode() != 0)
        return {};
    return tool.readAllStandardOutput();
}

QByteArray TestKeychainKeys::dataFiles() const {
    QByteArray bytes;
    QDirIterator files(m_dir->filePath(QStringLiteral("data")), QDir::Files);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

QByteArray TestKeychainKeys::configFile() const {
    QFile file(m_dir->filePath(QStringLiteral("config.json")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestKeychainKeys::storedKeyReachesUpstream() {
    createService();
    const QString failure = testing::startService(*m_router);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(storeKey(m_canary));
    QVERIFY(waitForKeySource(KeySource::Keychain));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
             "secret-tool was not found: install the Debian package libsecret-tools");
    QCOMPARE(secretToolLookup(), m_canary.toUtf8());
    const KeyStatus status = m_router->keyStatus(kProvider);
    QCOMPARE(status.maskedKey, QStringLiteral("sk-") + QChar(0x2026) + m_canary.right(4));

    const quint16 port = quint16(m_router->endpoint().port());
    const RawResponse response = testing::sendChat(port, QStringLiteral("stage:draft"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(m_upstream->requests().size(), 1);
    QCOMPARE(m_upstream->requests().first().header("authorization"), "Bearer " + m_canary.toUtf8());

    QSignalSpy tested(m_router.get(), &RouterService::connectionTested);
    Config config = *m_router->config();
    m_router->testConnection(config.providers.first());
    QVERIFY(tested.wait(testing::kServiceWaitMs));
    const ProviderModels models = tested.first().at(1).value<ProviderModels>();
    QVERIFY2(models.ok, qPrintable(models.error));
    QCOMPARE(models.models, QStringList{QStringLiteral("gpt-4o-mini")});

    // Applying the config saves it; the key stays out of it.
    QSignalSpy applied(m_router.get(), &RouterService::configApplied);
    config.gates.dailyBudgetUsd = 5;
    m_router->applyConfig(config);
    QVERIFY(applied.wait(testing::kServiceWaitMs));

    m_router->stop(); // flushes the ledger
    const QByteArray canary = m_canary.toUtf8();
    QVERIFY(dataFiles().contains(response.header("x-signalbox-request-id"))); // the row is there
    QVERIFY(!dataFiles().contains(canary));
    QVERIFY(configFile().contains("daily_budget_usd"));
    QVERIFY(!configFile().contains(canary));
    QVERIFY(!testing::LogCapture::text().contains(m_canary));
    for (const QList<QVariant> &event : std::as_const(*m_events))
        QVERIFY(!event.value(0).toString().contains(m_canary));
    for (const QList<QVariant> &arguments : std::as_const(*m_statuses))
        QVERIFY(!arguments.value(0).value<KeyStatus>().maskedKey.contains(m_canary.mid(3, 8)));
}

void TestKeychainKeys::keyLoadedAtStart() {
    QVERIFY(testing::writeKeychainKey(m_service, kProvider, m_canary));

    createService();
    const QString failure = testing::startService(*m_router);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(waitForKeySource(KeySource::Keychain));

    const RawResponse response =
        testing::sendChat(quint16(m_router->endpoint().port()), QStringLiteral("mini"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(m_upstream->requests().first().header("authorization"), "Bearer " + m_canary.toUtf8());
    QVERIFY(!testing::LogCapture::text().contains(m_canary));
}

void TestKeychainKeys::removedKeyIsNoLongerSent() {
    createService();
    const QString failure = testing::startService(*m_router);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(storeKey(m_canary));
    QVERIFY(waitForKeySource(KeySource::Keychain));

    QSignalSpy finished(m_router.get(), &RouterService::keyOperationFinished);
    m_router->removeKey(kProvider);
    QVERIFY(finished.wait(testing::kServiceWaitMs));
    QVERIFY(finished.first().at(1).toBool());
    QVERIFY(waitForKeySource(KeySource::None));

    // The router's cache dropped the key too: the provider needs one, so nothing is sent.
    const RawResponse response =
        testing::sendChat(quint16(m_router->endpoint().port()), QStringLiteral("mini"));
    QVERIFY(response.status >= 400);
    QVERIFY(m_upstream->requests().isEmpty());
    QVERIFY(!response.body.contains(m_canary.toUtf8()));
}

void TestKeychainKeys::wrongKeyFailsConnectionTest() {
    createService();
    const QString failure = testing::startService(*m_router);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString wrong = QStringLiteral("sk-wrong-") + QUuid::createUuid().toString(QUuid::Id128);
    QVERIFY(storeKey(wrong));
    QVERIFY(waitForKeySource(KeySource::Keychain));

    QSignalSpy tested(m_router.get(), &RouterService::connectionTested);
    m_router->testConnection(m_router->config()->providers.first());
    QVERIFY(tested.wait(testing::kServiceWaitMs));
    const ProviderModels result = tested.first().at(1).value<ProviderModels>();
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY2(result.error.contains(QStringLiteral("Incorrect API key")), qPrintable(result.error));
    QVERIFY(!result.error.contains(wrong));
    QCOMPARE(m_upstream->modelListRequests().first().header("authorization"),
             "Bearer " + wrong.toUtf8());
    QVERIFY(!testing::LogCapture::text().contains(wrong));
}

QTEST_GUILESS_MAIN(TestKeychainKeys)
#include "tst_keychainkeys.moc"
