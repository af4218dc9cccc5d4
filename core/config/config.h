// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace signalbox {

// Prices in USD per million tokens.
struct Price {
    double input = 0;
    double output = 0;
    double cachedInput = 0; // a cache read; defaults to input when absent from the file
    double cacheWrite = 0;  // a cache write; defaults to input when absent from the file
};

struct ProviderConfig {
    QString id;
    QString kind; // openai, azure-openai, anthropic, gemini, simulated
    QString baseUrl;
    bool needsKey = true;
    QString keyEnv; // the provider's usual key variable, e.g. OPENAI_API_KEY; empty if none
    // azure-openai only: the api-version query parameter of classic deployment URLs; empty
    // means the default that Signalbox was tested with.
    QString apiVersion;
    int connectTimeoutMs = 10000;    // until the request is sent
    int firstByteTimeoutMs = 120000; // from the sent request to the first response bytes
    int idleTimeoutMs = 60000;       // between two reads of the response
};

struct ModelConfig {
    QString id;
    QString provider;
    QString upstreamId;
    Price price;
    qint64 contextWindow = 0;
    qint64 maxOutputTokens = 0;
    int quality = 50; // 0-100
    QStringList strengths;
    QStringList capabilities; // tools, vision, json, reasoning
    // Hidden reasoning tokens the model is expected to spend per visible output token. They are
    // billed as output, so the router's price estimate and a reservation without max_tokens
    // count them. 0 is for a model that does not reason unless a request enables it.
    double reasoningOutputFactor = 0;

    bool hasCapability(const QString &name) const { return capabilities.contains(name); }
};

// A temporary pin of a stage to one model, for example while another model has an outage.
// The router honours it until `until` has passed; after that the stage's own model applies again.
struct StageOverride {
    QString model;
    QDateTime until; // in UTC

    bool isActiveAt(const QDateTime &now) const { return now < until; }
    bool operator==(const StageOverride &other) const = default;
};

struct StageConfig {
    QString name;
    QString model; // a model id or "auto"
    QStringList fallbacks;
    QStringList allowed; // empty means every model is allowed
    std::optional<StageOverride> stageOverride;
};

// The lowest model quality (0-100) the automatic router considers for a task of each difficulty
// while some model reaches it.
struct MinQualityConfig {
    int low = 0;
    int medium = 65;
    int high = 78;
};

struct AutoRoutingConfig {
    double qualityWeight = 0.6; // 0 picks the cheapest model, 1 the best
    QString classifierModel;
    double classifierMinConfidence = 0.6;
    MinQualityConfig minQuality;
};

struct RoutingConfig {
    QString fallbackModel;
    AutoRoutingConfig autoRouting;
};

struct RateLimitConfig {
    QString scope;  // global, provider:ID, model:ID, stage:NAME
    qint64 rpm = 0; // 0 means no limit
    qint64 tpm = 0;
};

// Where the gates keep their counters. "memory" keeps them in this process; "redis" shares them
// with every instance that names the same Redis server and key prefix.
struct GateStoreConfig {
    QString kind = QStringLiteral("memory"); // memory or redis
    QString url = QStringLiteral("redis://127.0.0.1:6379/0");
    QString prefix = QStringLiteral("signalbox:");
    // What requests get while Redis is unreachable: "closed" rejects them with 503, "open" admits
    // them against this instance's own counters.
    QString onFailure = QStringLiteral("closed");
    int timeoutMs = 1000; // the maximum wait for one Redis reply
    // How long a reservation outlives the instance that made it, in seconds. A running instance
    // extends its reservations while their requests are in flight.
    int reservationTtlSeconds = 300;
};

// The largest budget the config accepts, in USD. The gates count in billionths of a dollar in 64
// bits, which hold up to about $9.2 billion, limit and reservations together.
inline constexpr double kMaxBudgetUsd = 1e9;
// The largest rate limit per minute and output reservation the config accepts. The console's
// editors hold up to this, and a larger limit would not limit anything.
inline constexpr qint64 kMaxRateOrTokens = 2000000000;

struct GatesConfig {
    double dailyBudgetUsd = 0;   // 0 means no daily budget
    double monthlyBudgetUsd = 0; // 0 means no monthly budget
    QString timezone = QStringLiteral("local");
    int resetHour = 0; // the hour, in `timezone`, at which the daily and monthly periods start
    QList<double> warnAt;
    QMap<QString, double> stageBudgetsUsd; // stage name -> USD per day
    QMap<QString, double> modelBudgetsUsd; // model id -> USD per day
    QList<RateLimitConfig> rateLimits;
    // Output tokens reserved for a request that sets no maximum, capped by the model's maximum.
    qint64 reserveOutputTokens = 4096;
    GateStoreConfig store;
};

struct ServerConfig {
    QString listen = QStringLiteral("127.0.0.1:8765");
    int maxBodyMib = 32;
    QStringList allowedOrigins;
    QString accessTokenRef;
    int idleTimeoutMs = 60000;    // a connection with no request in flight closes after this
    int requestTimeoutMs = 30000; // from a request's first byte until it is received in full
};

// One immutable snapshot of the routing config. Shared between threads as ConfigPtr.
struct Config {
    int version = 1;
    ServerConfig server;
    QList<ProviderConfig> providers;
    QList<ModelConfig> models;
    QList<StageConfig> stages;
    RoutingConfig routing;
    GatesConfig gates;

    // The file as it was read, so fields this version does not know survive a save.
    QJsonObject source;

    const ModelConfig *findModel(const QString &id) const;
    const ProviderConfig *findProvider(const QString &id) const;
    const StageConfig *findStage(const QString &name) const;
};

using ConfigPtr = std::shared_ptr<const Config>;

// The provider kinds this version can call: openai, azure-openai, anthropic, gemini, simulated.
QStringList providerKinds();

// The capability names a model entry may list: tools, vision, json, reasoning.
QStringList modelCapabilities();

// A listen address such as "127.0.0.1:8765" or "[::1]:8765". Port 0 picks a free port.
struct ListenAddress {
    QString host;
    quint16 port = 0;
};

// Parses HOST:PORT. Returns nothing when the host is empty or the port is not 0-65535.
std::optional<ListenAddress> parseListenAddress(const QString &text);

} // namespace signalbox
