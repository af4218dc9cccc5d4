// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "fakes/fakeopenai.h"
#include "servicetesting.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QUuid>

using namespace signalbox;

namespace {

const QString kProvider = QStringLiteral("local");

} // namespace

// main() points the process at a session bus that does not exist, so no keychain service is
// reachable. The service reports that and stores nothing until the user opts in. After the
// opt-in it keeps keys in an owner-only file in the data folder, which the router reads.
class TestKeyFileOptIn : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void keychainReportedUnavailable();
    void storeWithoutOptInFails();
    void optInKeepsKeyInOwnerOnlyFile();
    void optOutRemovesFileAndKey();

private:
    void startRouter();
    bool storeKey(const QString &key, QString *message = nullptr);
    QString keyFile() const { return m_dir->filePath(QStringLiteral("data/keys.json")); }

    QString m_canary;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeOpenAiUpstream> m_upstream;
    std::unique_ptr<RouterService> m_router;
};

void TestKeyFileOptIn::initTestCase() {
    testing::LogCapture::install();
    qunsetenv("SIGNALBOX_KEY_LOCAL");
}

void TestKeyFileOptIn::init() {
    m_canary = QStringLiteral("sk-filekey-") + QUuid::createUuid().toString(QUuid::Id128);
    m_dir = std::make_unique<QTemporaryDir>();
    m_upstream = std::make_unique<FakeOpenAiUpstream>();
    QVERIFY(testing::startKeyedUpstream(*m_upstream, m_canary, kProvider,
                                        m_dir->filePath(QStringLiteral("config.json"))));
}

void TestKeyFileOptIn::cleanup() {
    m_router.reset();
    m_upstream.reset();
    m_dir.reset();
}

void TestKeyFileOptIn::startRouter() {
    ServiceOptions options;
    options.configPath = m_dir->filePath(QStringLiteral("config.json"));
    options.dataDir = m_dir->filePath(QStringLiteral("data"));
    options.listen = QStringLiteral("127.0.0.1:0");
    m_router = std::make_unique<RouterService>(options);
    const QString failure = testing::startService(*m_router);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(QTest::qWaitFor(
        [this] {
            return m_router->keychainState().availability != KeychainState::Availability::Unknown;
        },
        testing::kServiceWaitMs));
}

bool TestKeyFileOptIn::storeKey(const QString &key, QString *message) {
    QSignalSpy finished(m_router.get(), &RouterService::keyOperationFinished);
    m_router->storeKey(kProvider, key);
    if (!finished.wait(testing::kServiceWaitMs))
        return false;
    if (message)
        *message = finished.first().at(2).toString();
    return finished.first().at(1).toBool();
}

void TestKeyFileOptIn::keychainReportedUnavailable() {
    startRouter();
    const KeychainState state = m_router->keychainState();
    QCOMPARE(state.availability, KeychainState::Availability::Unavailable);
    QVERIFY(!state.message.isEmpty());
    QVERIFY(!state.keyFileEnabled);
    QCOMPARE(m_router->keyStatus(kProvider).source, KeySource::None);
}

void TestKeyFileOptIn::storeWithoutOptInFails() {
    startRouter();
    QString message;
    QVERIFY(!storeKey(m_canary, &message));
    QVERIFY2(message.contains(QStringLiteral("No keychain is available")), qPrintable(message));
    QVERIFY(!message.contains(m_canary));
    QVERIFY(!QFile::exists(keyFile()));
}

void TestKeyFileOptIn::optInKeepsKeyInOwnerOnlyFile() {
    startRouter();
    QSignalSpy states(m_router.get(), &RouterService::keychainStateChanged);
    m_router->setKeyFileEnabled(true);
    QCOMPARE(states.size(), 1);
    QVERIFY(m_router->keychainState().keyFileEnabled);
    QVERIFY(QFile::exists(keyFile()));

    QVERIFY(storeKey(m_canary));
    QCOMPARE(m_router->keyStatus(kProvider).source, KeySource::File);
    const QFileDevice::Permissions permissions = QFileInfo(keyFile()).permissions();
    QVERIFY(permissions.testFlag(QFileDevice::ReadOwner));
    QCOMPARE(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                            QFileDevice::WriteGroup | QFileDevice::WriteOther),
             QFileDevice::Permissions());

    RawResponse response =
        testing::sendChat(quint16(m_router->endpoint().port()), QStringLiteral("mini"));
    QVERIFY2(response.status == 200, response.body.constData());
    QCOMPARE(m_upstream->requests().last().header("authorization"), "Bearer " + m_canary.toUtf8());

    // A restart reads the key back from the file.
    m_router.reset();
    startRouter();
    QVERIFY(m_router->keychainState().keyFileEnabled);
    QVERIFY(
        QTest::qWaitFor([this] { return m_router->keyStatus(kProvider).source == KeySource::File; },
                        testing::kServiceWaitMs));
    response = testing::sendChat(quint16(m_router->endpoint().port()), QStringLiteral("mini"));
    QVERIFY2(response.status == 200, response.body.constData());
    m_router.reset();

    // The key is in the key file only: not in the ledger, the config or a log.
    QByteArray others;
    QDirIterator files(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (path != keyFile() && file.open(QIODevice::ReadOnly))
            others += file.readAll();
    }
    QVERIFY(!others.isEmpty());
    QVERIFY(!others.contains(m_canary.toUtf8()));
    QVERIFY(!testing::LogCapture::text().contains(m_canary));
}

void TestKeyFileOptIn::optOutRemovesFileAndKey() {
    startRouter();
    m_router->setKeyFileEnabled(true);
    QVERIFY(storeKey(m_canary));

    m_router->setKeyFileEnabled(false);
    QVERIFY(!m_router->keychainState().keyFileEnabled);
    QVERIFY(!QFile::exists(keyFile()));
    QCOMPARE(m_router->keyStatus(kProvider).source, KeySource::None);

    const RawResponse response =
        testing::sendChat(quint16(m_router->endpoint().port()), QStringLiteral("mini"));
    QVERIFY(response.status >= 400);
    QVERIFY(m_upstream->requests().isEmpty());
}

int main(int argc, char *argv[]) {
    // No Secret Service is reachable on a bus that does not exist, whatever runs on this machine.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/signalbox-test-bus");
    QCoreApplication app(argc, argv);
    TestKeyFileOptIn test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keyfileoptin.moc"
