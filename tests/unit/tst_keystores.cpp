// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "keychaintesting.h"
#include "secrets/filekeystore.h"
#include "secrets/keychainkeystore.h"
#include "secrets/keylookup.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace signalbox;

namespace {

// Upper bound of every wait; the keychain store itself gives up after its own timeout.
constexpr int kWaitMs = 15000;

// Runs one store operation and waits for its reply.
template <typename Start> std::optional<KeyStoreReply> await(Start start) {
    std::optional<KeyStoreReply> reply;
    QObject context;
    start(&context, [&reply](const KeyStoreReply &r) { reply = r; });
    [[maybe_unused]] const bool answered =
        QTest::qWaitFor([&reply] { return reply.has_value(); }, kWaitMs);
    return reply;
}

const QString kCanary = QStringLiteral("sk-canary-0123456789abcdef-keystore");

} // namespace

class TestKeyStores : public QObject {
    Q_OBJECT

private slots:
    void fileStoreRoundTrip();
    void fileStoreIsOwnerOnly();
    void fileStoreRejectsDamagedFile();
    void fileStoreCallbackSkippedWithoutContext();
    void keychainRoundTrip();
    void keychainMissingEntry();
    void maskKeyHidesTheMiddle_data();
    void maskKeyHidesTheMiddle();
};

void TestKeyStores::fileStoreRoundTrip() {
    QTemporaryDir dir;
    FileKeyStore store(dir.filePath(QStringLiteral("data/keys.json")));
    QVERIFY(!store.exists());

    auto written = await([&](QObject *context, KeyStoreCallback done) {
        store.writeKey(QStringLiteral("openai"), kCanary, context, done);
    });
    QVERIFY(written);
    QCOMPARE(written->status, KeyStoreReply::Status::Ok);
    QVERIFY(store.exists());

    auto read = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(read);
    QCOMPARE(read->status, KeyStoreReply::Status::Ok);
    QCOMPARE(read->key, kCanary);

    auto other = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("anthropic"), context, done);
    });
    QVERIFY(other);
    QCOMPARE(other->status, KeyStoreReply::Status::NotFound);

    auto removed = await([&](QObject *context, KeyStoreCallback done) {
        store.deleteKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(removed);
    QCOMPARE(removed->status, KeyStoreReply::Status::Ok);
    auto gone = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(gone);
    QCOMPARE(gone->status, KeyStoreReply::Status::NotFound);

    QFile file(store.path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(kCanary.toUtf8()));
}

void TestKeyStores::fileStoreIsOwnerOnly() {
    QTemporaryDir dir;
    FileKeyStore store(dir.filePath(QStringLiteral("keys.json")));
    QVERIFY(store.create().ok());
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    const QFileDevice::Permissions created = QFileInfo(store.path()).permissions();
    QVERIFY(created.testFlag(QFileDevice::ReadOwner));
    QVERIFY(created.testFlag(QFileDevice::WriteOwner));
    QVERIFY(!created.testFlag(QFileDevice::ExeOwner));
    QCOMPARE(created & others, QFileDevice::Permissions());

    auto written = await([&](QObject *context, KeyStoreCallback done) {
        store.writeKey(QStringLiteral("groq"), kCanary, context, done);
    });
    QVERIFY(written);
    QCOMPARE(written->status, KeyStoreReply::Status::Ok);

    // Owner read and write only: no group or other bit after a rewrite either.
    QCOMPARE(QFileInfo(store.path()).permissions() & others, QFileDevice::Permissions());

    QVERIFY(store.remove().ok());
    QVERIFY(!QFileInfo::exists(store.path()));
}

void TestKeyStores::fileStoreRejectsDamagedFile() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("keys.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"keys\": \"" + kCanary.toUtf8() + "\"");
    file.close();

    FileKeyStore store(path);
    auto read = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(read);
    QCOMPARE(read->status, KeyStoreReply::Status::Failed);
    QVERIFY2(read->message.contains(QStringLiteral("not a valid key file")),
             qPrintable(read->message));
    QVERIFY(!read->message.contains(kCanary));
}

void TestKeyStores::fileStoreCallbackSkippedWithoutContext() {
    QTemporaryDir dir;
    FileKeyStore store(dir.filePath(QStringLiteral("keys.json")));
    bool called = false;
    {
        QObject context;
        store.writeKey(QStringLiteral("openai"), kCanary, &context,
                       [&called](const KeyStoreReply &) { called = true; });
    }
    // A second operation on the same store finishes after the first, so waiting for it is
    // enough to know the first reply was delivered or dropped.
    auto read = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(read);
    QCOMPARE(read->key, kCanary);
    QVERIFY(!called);
}

void TestKeyStores::keychainRoundTrip() {
    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));

    KeychainKeyStore store;
    store.setServiceName(testing::testKeychainService());
    auto written = await([&](QObject *context, KeyStoreCallback done) {
        store.writeKey(QStringLiteral("openai"), kCanary, context, done);
    });
    QVERIFY(written);
    QVERIFY2(written->ok(), qPrintable(written->message));

    auto read = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(read);
    QVERIFY2(read->ok(), qPrintable(read->message));
    QCOMPARE(read->key, kCanary);

    auto removed = await([&](QObject *context, KeyStoreCallback done) {
        store.deleteKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(removed);
    QVERIFY2(removed->ok(), qPrintable(removed->message));
    auto gone = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("openai"), context, done);
    });
    QVERIFY(gone);
    QCOMPARE(gone->status, KeyStoreReply::Status::NotFound);
}

void TestKeyStores::keychainMissingEntry() {
    if (const QString reason = testing::secretServiceMissingReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));

    KeychainKeyStore store;
    store.setServiceName(testing::testKeychainService());
    auto read = await([&](QObject *context, KeyStoreCallback done) {
        store.readKey(QStringLiteral("nobody"), context, done);
    });
    QVERIFY(read);
    QCOMPARE(read->status, KeyStoreReply::Status::NotFound);
    QVERIFY(read->key.isEmpty());
}

void TestKeyStores::maskKeyHidesTheMiddle_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("masked");
    QTest::newRow("long key") << QStringLiteral("sk-proj-abcdefghijklmnop9f3c")
                              << QStringLiteral("sk-\u20269f3c");
    QTest::newRow("short key") << QStringLiteral("abc123") << QString(8, QChar(0x2022));
    QTest::newRow("15 characters")
        << QStringLiteral("123456789012345") << QString(8, QChar(0x2022));
}

void TestKeyStores::maskKeyHidesTheMiddle() {
    QFETCH(QString, key);
    QFETCH(QString, masked);
    QCOMPARE(maskKey(key), masked);
}

QTEST_GUILESS_MAIN(TestKeyStores)
#include "tst_keystores.moc"
