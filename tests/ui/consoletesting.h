// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Shared by the console tests: a real router on a temporary config whose one provider is the fake
// OpenAI upstream on loopback, and settings kept in a temporary folder.
#pragma once

#include "fakes/fakeopenai.h"
#include "fakes/rawhttpclient.h"
#include "service/routerservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

namespace signalbox::testing {

// Prices of the test model in USD per million tokens: the fake upstream's default usage (21 in,
// 9 out) then costs (21 * 10 + 9 * 100) / 1e6 = $0.00111.
constexpr double InputPrice = 10;
constexpr double OutputPrice = 100;

// Keeps the console's QSettings out of the user's folder for the whole test run.
inline void useTemporarySettings(const QTemporaryDir &dir) {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings().clear();
}

inline QByteArray chatBody(const QString &model, int maxTokens = 10, bool stream = false) {
    const QJsonObject message{{QLatin1String("role"), QLatin1String("user")},
                              {QLatin1String("content"), QLatin1String("hi")}};
    const QJsonObject body{{QLatin1String("model"), model},
                           {QLatin1String("max_tokens"), maxTokens},
                           {QLatin1String("stream"), stream},
                           {QLatin1String("messages"), QJsonArray{message}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

class RouterFixture {
public:
    RouterFixture() {
        qputenv("SIGNALBOX_TEST_FAKE_KEY", "sk-test-console");
        m_upstream.listen();
    }

    ~RouterFixture() {
        if (m_service)
            m_service->stop();
    }

    FakeOpenAiUpstream &upstream() { return m_upstream; }
    RouterService *service() const { return m_service.get(); }
    quint16 port() const { return m_service ? quint16(m_service->endpoint().port()) : 0; }

    // Writes a config with one model "m" at the fake upstream, a "ui" stage on it, and gates.
    bool writeConfig(const QJsonObject &gates) {
        const QJsonObject model{
            {QLatin1String("id"), QLatin1String("m")},
            {QLatin1String("provider"), QLatin1String("fake")},
            {QLatin1String("upstream_id"), QLatin1String("gpt-4o-mini-2024-07-18")},
            {QLatin1String("price_per_mtok"), QJsonObject{{QLatin1String("input"), InputPrice},
                                                          {QLatin1String("output"), OutputPrice}}},
            {QLatin1String("context_window"), 128000},
            {QLatin1String("max_output_tokens"), 16384}};
        const QJsonObject provider{
            {QLatin1String("kind"), QLatin1String("openai")},
            {QLatin1String("base_url"), m_upstream.baseUrl()},
            {QLatin1String("key_env"), QLatin1String("SIGNALBOX_TEST_FAKE_KEY")}};
        const QJsonObject config{
            {QLatin1String("version"), 1},
            {QLatin1String("server"),
             QJsonObject{{QLatin1String("listen"), QLatin1String("127.0.0.1:0")}}},
            {QLatin1String("providers"), QJsonObject{{QLatin1String("fake"), provider}}},
            {QLatin1String("models"), QJsonArray{model}},
            {QLatin1String("stages"),
             QJsonObject{
                 {QLatin1String("ui"), QJsonObject{{QLatin1String("model"), QLatin1String("m")}}}}},
            {QLatin1String("routing"),
             QJsonObject{{QLatin1String("fallback_model"), QLatin1String("m")}}},
            {QLatin1String("gates"), gates}};
        QFile file(m_dir.filePath(QStringLiteral("config.json")));
        return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(config).toJson()) > 0;
    }

    // Creates the service; start() starts it and waits until it is ready.
    RouterService *create() {
        ServiceOptions options;
        options.configPath = m_dir.filePath(QStringLiteral("config.json"));
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        m_service = std::make_unique<RouterService>(options);
        return m_service.get();
    }

    bool start() {
        if (!m_service)
            create();
        QSignalSpy ready(m_service.get(), &RouterService::ready);
        QSignalSpy failed(m_service.get(), &RouterService::startFailed);
        m_service->start();
        if (!ready.wait(10000)) {
            qWarning() << "router did not start:" << failed;
            return false;
        }
        return true;
    }

    RawResponse post(const QByteArray &body) {
        RawHttpClient client;
        if (!client.connectTo(port()))
            return {};
        client.send(postRequest("/v1/chat/completions", body));
        return client.nextResponse(20000);
    }

private:
    QTemporaryDir m_dir;
    FakeOpenAiUpstream m_upstream;
    std::unique_ptr<RouterService> m_service;
};

} // namespace signalbox::testing
