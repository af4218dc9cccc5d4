// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
// Shared setup of the endpoint tests: a RouterService on loopback whose config points at fake
// upstreams, a raw client, and ledger look-ups.
#pragma once

#include "chat/chattypes.h"
#include "fakes/rawhttpclient.h"
#include "ledger/ledgerreader.h"
#include "service/routerservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace signalbox::testing {

// Upper bound of every wait in the endpoint tests.
constexpr int kWaitMs = 10000;

// Prices in USD per million tokens.
struct TestPrices {
    double input;
    double output;
    double cachedInput;
    double cacheWrite;
};

inline QJsonObject providerJson(const QString &kind, const QString &baseUrl,
                                const QString &keyVariable) {
    return {{QLatin1String("kind"), kind},
            {QLatin1String("base_url"), baseUrl},
            {QLatin1String("key_env"), keyVariable}};
}

inline QJsonObject modelJson(const QString &id, const QString &provider, const QString &upstreamId,
                             const TestPrices &prices) {
    return {{QLatin1String("id"), id},
            {QLatin1String("provider"), provider},
            {QLatin1String("upstream_id"), upstreamId},
            {QLatin1String("price_per_mtok"),
             QJsonObject{{QLatin1String("input"), prices.input},
                         {QLatin1String("output"), prices.output},
                         {QLatin1String("cached_input"), prices.cachedInput},
                         {QLatin1String("cache_write"), prices.cacheWrite}}},
            {QLatin1String("context_window"), 200000},
            {QLatin1String("max_output_tokens"), 8192}};
}

// The cost of a canonical usage at the prices: uncached input, cache reads, cache writes and
// output each at their own price.
inline double expectedCost(const TestPrices &prices, qint64 uncachedInput, qint64 cacheRead,
                           qint64 cacheWrite, qint64 output) {
    return (double(uncachedInput) * prices.input + double(cacheRead) * prices.cachedInput +
            double(cacheWrite) * prices.cacheWrite + double(output) * prices.output) /
           1e6;
}

// One SSE event as the client received it.
struct ClientEvent {
    QByteArray name; // empty for OpenAI events
    QByteArray data;
    QJsonObject json() const { return QJsonDocument::fromJson(data).object(); }
};

inline QList<ClientEvent> parseEvents(const QByteArray &body) {
    QList<ClientEvent> events;
    for (const QByteArray &block : body.split('\n')) {
        if (block.startsWith("event: ")) {
            events << ClientEvent{block.mid(7), {}};
        } else if (block.startsWith("data: ")) {
            if (events.isEmpty() || !events.last().data.isEmpty() || events.last().name.isEmpty())
                events << ClientEvent{{}, block.mid(6)};
            else
                events.last().data = block.mid(6);
        }
    }
    return events;
}

// A RouterService on 127.0.0.1 with its ledger in a temporary folder.
class ServiceFixture {
public:
    // Starts the service on the config; returns an error message, or an empty string.
    QString start(const QJsonObject &config) {
        m_dir = std::make_unique<QTemporaryDir>();
        QFile file(m_dir->filePath(QStringLiteral("config.json")));
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write the config");
        file.write(QJsonDocument(config).toJson());
        file.close();

        ServiceOptions options;
        options.configPath = file.fileName();
        options.dataDir = m_dir->filePath(QStringLiteral("data"));
        options.listen = QStringLiteral("127.0.0.1:0");
        m_service = std::make_unique<RouterService>(options);
        m_recorded = std::make_unique<QSignalSpy>(m_service.get(), &RouterService::requestRecorded);
        QSignalSpy ready(m_service.get(), &RouterService::ready);
        QSignalSpy failed(m_service.get(), &RouterService::startFailed);
        m_service->start();
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, kWaitMs))
            return QStringLiteral("the service did not start");
        if (!failed.isEmpty())
            return failed.value(0).value(0).toString();
        m_port = quint16(m_service->endpoint().port());
        return {};
    }

    void stop() {
        m_recorded.reset();
        m_service.reset();
        m_dir.reset();
    }

    RawResponse send(const QByteArray &request) const {
        RawHttpClient client;
        if (!client.connectTo(m_port))
            return {};
        client.send(request);
        return client.nextResponse(kWaitMs);
    }

    // Waits for the service to record the request and reads its row back from the ledger.
    std::optional<LedgerRecord> findRecord(const QString &requestId) {
        const bool recorded = QTest::qWaitFor(
            [&] {
                for (const QList<QVariant> &arguments : std::as_const(*m_recorded)) {
                    if (arguments.value(0).value<LedgerRecord>().requestId == requestId)
                        return true;
                }
                return false;
            },
            kWaitMs);
        if (!recorded)
            return std::nullopt;
        Result<std::unique_ptr<LedgerReader>> reader =
            LedgerReader::open(m_service->options().dataDir);
        if (!reader)
            return std::nullopt;
        return reader.value()->find(requestId);
    }

    quint16 port() const { return m_port; }
    QSignalSpy &recorded() { return *m_recorded; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RouterService> m_service;
    std::unique_ptr<QSignalSpy> m_recorded;
    quint16 m_port = 0;
};

inline QString requestIdOf(const RawResponse &response) {
    return QString::fromLatin1(response.header("x-signalbox-request-id"));
}

} // namespace signalbox::testing
