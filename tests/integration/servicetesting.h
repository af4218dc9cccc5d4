// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "secrets/keychainkeystore.h"
#include "service/routerservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace signalbox::testing {

// Upper bound of every wait in the service tests.
constexpr int kServiceWaitMs = 15000;

// Every message logged while a test runs, so that the test can check that no key is in one.
// install() keeps the previous handler and passes every message on to it.
class LogCapture {
public:
    static void install() { s_previous = qInstallMessageHandler(&LogCapture::capture); }

    static QString text() {
        const QMutexLocker locker(&s_mutex);
        return s_log.join(u'\n');
    }

private:
    static void capture(QtMsgType type, const QMessageLogContext &context, const QString &message) {
        {
            const QMutexLocker locker(&s_mutex);
            s_log << message;
        }
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline QMutex s_mutex;
    static inline QStringList s_log;
    static inline QtMessageHandler s_previous = nullptr;
};

// A config with one OpenAI-kind provider at `baseUrl` and one model "mini" it serves as
// "gpt-4o-mini", used by stage "draft". The provider's key comes from the variable `keyEnv`
// when it is set.
inline QByteArray oneProviderConfig(const QString &providerId, const QString &baseUrl,
                                    bool needsKey, const QString &keyEnv = {}) {
    QJsonObject provider{{QLatin1String("kind"), QLatin1String("openai")},
                         {QLatin1String("base_url"), baseUrl},
                         {QLatin1String("needs_key"), needsKey}};
    if (!keyEnv.isEmpty())
        provider.insert(QLatin1String("key_env"), keyEnv);
    const QJsonObject model{
        {QLatin1String("id"), QLatin1String("mini")},
        {QLatin1String("provider"), providerId},
        {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini")},
        {QLatin1String("price_per_mtok"),
         QJsonObject{{QLatin1String("input"), 0.15}, {QLatin1String("output"), 0.6}}},
        {QLatin1String("context_window"), 128000},
        {QLatin1String("notes"), QLatin1String("an unknown field, kept on save")}};
    const QJsonObject config{
        {QLatin1String("version"), 1},
        {QLatin1String("server"),
         QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
        {QLatin1String("providers"), QJsonObject{{providerId, provider}}},
        {QLatin1String("models"), QJsonArray{model}},
        {QLatin1String("stages"),
         QJsonObject{{QLatin1String("draft"),
                      QJsonObject{{QLatin1String("model"), QLatin1String("mini")}}}}}};
    return QJsonDocument(config).toJson();
}

// Starts the service and waits until it listens. Returns the failure message, or empty.
inline QString startService(RouterService &service) {
    QSignalSpy ready(&service, &RouterService::ready);
    QSignalSpy failed(&service, &RouterService::startFailed);
    service.start();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, kServiceWaitMs))
        return QStringLiteral("the service did not start in time");
    return failed.isEmpty() ? QString() : failed.first().value(0).toString();
}

// Sends one chat completion for `model` over loopback and returns the response.
inline RawResponse sendChat(quint16 port, const QString &model) {
    const QJsonObject body{
        {QLatin1String("model"), model},
        {QLatin1String("messages"),
         QJsonArray{QJsonObject{{QLatin1String("role"), QLatin1String("user")},
                                {QLatin1String("content"), QLatin1String("Say hello.")}}}}};
    RawHttpClient client;
    if (!client.connectTo(port))
        return {};
    client.send(
        postRequest("/v1/chat/completions", QJsonDocument(body).toJson(QJsonDocument::Compact)));
    return client.nextResponse(kServiceWaitMs);
}

// Starts the fake upstream on loopback so that it accepts `key` alone, and writes a config whose
// provider `providerId` needs a key and calls it. Returns false when either step failed.
inline bool startKeyedUpstream(FakeOpenAiUpstream &upstream, const QString &key,
                               const QString &providerId, const QString &configPath) {
    if (!upstream.listen(QHostAddress::LocalHost))
        return false;
    upstream.script().requiredApiKey = key.toUtf8();
    QFile file(configPath);
    return file.open(QIODevice::WriteOnly) &&
           file.write(oneProviderConfig(providerId, upstream.baseUrl(), true)) > 0;
}

// Writes `key` under `account` in the keychain service `service`. Returns false when the write
// failed or did not finish within kServiceWaitMs.
inline bool writeKeychainKey(const QString &service, const QString &account, const QString &key) {
    KeychainKeyStore store;
    store.setServiceName(service);
    std::optional<bool> written;
    QObject context;
    store.writeKey(account, key, &context,
                   [&written](const KeyStoreReply &reply) { written = reply.ok(); });
    return QTest::qWaitFor([&written] { return written.has_value(); }, kServiceWaitMs) && *written;
}

// Deletes `account` from the keychain service `service`, so that a test leaves nothing behind.
// Returns false when the keychain did not finish within kServiceWaitMs; a missing entry is fine.
inline bool deleteKeychainKey(const QString &service, const QString &account) {
    KeychainKeyStore store;
    store.setServiceName(service);
    bool finished = false;
    QObject context;
    store.deleteKey(account, &context, [&finished](const KeyStoreReply &) { finished = true; });
    return QTest::qWaitFor([&finished] { return finished; }, kServiceWaitMs);
}

} // namespace signalbox::testing
