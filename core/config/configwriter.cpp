// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"

#include "logging.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

// Each function below starts from the object that was read from the file and overwrites only the
// fields this version models, so that unknown keys at every level survive a save.

namespace signalbox {

namespace {

// Writes a field unless it holds its default and the file did not spell it out, which keeps
// saved files as short as the user wrote them.
void put(QJsonObject &object, const QString &key, const QJsonValue &value, bool isDefault) {
    if (isDefault && !object.contains(key))
        return;
    object.insert(key, value);
}

QJsonObject serverJson(const ServerConfig &server, QJsonObject object) {
    object.insert(QStringLiteral("listen"), server.listen);
    object.insert(QStringLiteral("max_body_mib"), server.maxBodyMib);
    put(object, QStringLiteral("allowed_origins"),
        QJsonArray::fromStringList(server.allowedOrigins), server.allowedOrigins.isEmpty());
    put(object, QStringLiteral("access_token_ref"), server.accessTokenRef,
        server.accessTokenRef.isEmpty());
    const ServerConfig defaults;
    put(object, QStringLiteral("idle_timeout_ms"), server.idleTimeoutMs,
        server.idleTimeoutMs == defaults.idleTimeoutMs);
    put(object, QStringLiteral("request_timeout_ms"), server.requestTimeoutMs,
        server.requestTimeoutMs == defaults.requestTimeoutMs);
    return object;
}

QJsonObject providersJson(const QList<ProviderConfig> &providers, const QJsonObject &source) {
    QJsonObject result;
    for (const ProviderConfig &provider : providers) {
        QJsonObject object = source.value(provider.id).toObject();
        object.insert(QStringLiteral("kind"), provider.kind);
        object.insert(QStringLiteral("base_url"), provider.baseUrl);
        put(object, QStringLiteral("needs_key"), provider.needsKey, provider.needsKey);
        put(object, QStringLiteral("key_env"), provider.keyEnv, provider.keyEnv.isEmpty());
        put(object, QStringLiteral("api_version"), provider.apiVersion,
            provider.apiVersion.isEmpty());
        const ProviderConfig defaults;
        put(object, QStringLiteral("connect_timeout_ms"), provider.connectTimeoutMs,
            provider.connectTimeoutMs == defaults.connectTimeoutMs);
        put(object, QStringLiteral("first_byte_timeout_ms"), provider.firstByteTimeoutMs,
            provider.firstByteTimeoutMs == defaults.firstByteTimeoutMs);
        put(object, QStringLiteral("idle_timeout_ms"), provider.idleTimeoutMs,
            provider.idleTimeoutMs == defaults.idleTimeoutMs);
        result.insert(provider.id, object);
    }
    return result;
}

QJsonObject priceJson(const Price &price, QJsonObject object) {
    object.insert(QStringLiteral("input"), price.input);
    object.insert(QStringLiteral("output"), price.output);
    object.insert(QStringLiteral("cached_input"), price.cachedInput);
    object.insert(QStringLiteral("cache_write"), price.cacheWrite);
    return object;
}

QJsonObject modelJson(const ModelConfig &model, QJsonObject object) {
    object.insert(QStringLiteral("id"), model.id);
    object.insert(QStringLiteral("provider"), model.provider);
    object.insert(QStringLiteral("upstream_id"), model.upstreamId);
    object.insert(
        QStringLiteral("price_per_mtok"),
        priceJson(model.price, object.value(QStringLiteral("price_per_mtok")).toObject()));
    object.insert(QStringLiteral("context_window"), model.contextWindow);
    put(object, QStringLiteral("max_output_tokens"), model.maxOutputTokens,
        model.maxOutputTokens == 0);
    object.insert(QStringLiteral("quality"), model.quality);
    put(object, QStringLiteral("strengths"), QJsonArray::fromStringList(model.strengths),
        model.strengths.isEmpty());
    put(object, QStringLiteral("capabilities"), QJsonArray::fromStringList(model.capabilities),
        model.capabilities.isEmpty());
    put(object, QStringLiteral("reasoning_output_factor"), model.reasoningOutputFactor,
        model.reasoningOutputFactor == 0);
    return object;
}

// Array entries have no key of their own, so the entry for each item is found by a field such as
// a model's id. The first source entry with that value wins.
QHash<QString, QJsonObject> entriesBy(const QJsonArray &array, const QString &field) {
    QHash<QString, QJsonObject> result;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const QString key = object.value(field).toString();
        if (!key.isEmpty() && !result.contains(key))
            result.insert(key, object);
    }
    return result;
}

QJsonArray modelsJson(const QList<ModelConfig> &models, const QJsonArray &source) {
    const QHash<QString, QJsonObject> entries = entriesBy(source, QStringLiteral("id"));
    QJsonArray result;
    for (const ModelConfig &model : models)
        result.append(modelJson(model, entries.value(model.id)));
    return result;
}

QJsonObject stagesJson(const QList<StageConfig> &stages, const QJsonObject &source) {
    QJsonObject result;
    for (const StageConfig &stage : stages) {
        QJsonObject object = source.value(stage.name).toObject();
        object.insert(QStringLiteral("model"), stage.model);
        put(object, QStringLiteral("fallbacks"), QJsonArray::fromStringList(stage.fallbacks),
            stage.fallbacks.isEmpty());
        put(object, QStringLiteral("allowed"), QJsonArray::fromStringList(stage.allowed),
            stage.allowed.isEmpty());
        if (stage.stageOverride) {
            const StageOverride &pin = *stage.stageOverride;
            object.insert(
                QStringLiteral("override"),
                QJsonObject{{QStringLiteral("model"), pin.model},
                            {QStringLiteral("until"), pin.until.toUTC().toString(Qt::ISODate)}});
        } else {
            object.remove(QStringLiteral("override"));
        }
        result.insert(stage.name, object);
    }
    return result;
}

QJsonObject routingJson(const RoutingConfig &routing, QJsonObject object) {
    put(object, QStringLiteral("fallback_model"), routing.fallbackModel,
        routing.fallbackModel.isEmpty());

    const AutoRoutingConfig &autoRouting = routing.autoRouting;
    QJsonObject autoObject = object.value(QStringLiteral("auto")).toObject();
    autoObject.insert(QStringLiteral("quality_weight"), autoRouting.qualityWeight);
    put(autoObject, QStringLiteral("classifier_model"), autoRouting.classifierModel,
        autoRouting.classifierModel.isEmpty());
    autoObject.insert(QStringLiteral("classifier_min_confidence"),
                      autoRouting.classifierMinConfidence);
    QJsonObject minQuality = autoObject.value(QStringLiteral("min_quality")).toObject();
    minQuality.insert(QStringLiteral("low"), autoRouting.minQuality.low);
    minQuality.insert(QStringLiteral("medium"), autoRouting.minQuality.medium);
    minQuality.insert(QStringLiteral("high"), autoRouting.minQuality.high);
    autoObject.insert(QStringLiteral("min_quality"), minQuality);
    object.insert(QStringLiteral("auto"), autoObject);
    return object;
}

QJsonArray rateLimitsJson(const QList<RateLimitConfig> &limits, const QJsonArray &source) {
    const QHash<QString, QJsonObject> entries = entriesBy(source, QStringLiteral("scope"));
    QJsonArray result;
    for (const RateLimitConfig &limit : limits) {
        QJsonObject object = entries.value(limit.scope);
        object.insert(QStringLiteral("scope"), limit.scope);
        put(object, QStringLiteral("rpm"), limit.rpm, limit.rpm == 0);
        put(object, QStringLiteral("tpm"), limit.tpm, limit.tpm == 0);
        result.append(object);
    }
    return result;
}

QJsonObject gateStoreJson(const GateStoreConfig &store, QJsonObject object) {
    const GateStoreConfig defaults;
    put(object, QStringLiteral("kind"), store.kind, store.kind == defaults.kind);
    put(object, QStringLiteral("url"), store.url, store.url == defaults.url);
    put(object, QStringLiteral("prefix"), store.prefix, store.prefix == defaults.prefix);
    put(object, QStringLiteral("on_failure"), store.onFailure,
        store.onFailure == defaults.onFailure);
    put(object, QStringLiteral("timeout_ms"), store.timeoutMs,
        store.timeoutMs == defaults.timeoutMs);
    put(object, QStringLiteral("reservation_ttl_s"), store.reservationTtlSeconds,
        store.reservationTtlSeconds == defaults.reservationTtlSeconds);
    return object;
}

QJsonObject gatesJson(const GatesConfig &gates, QJsonObject object) {
    object.insert(QStringLiteral("daily_budget_usd"), gates.dailyBudgetUsd);
    put(object, QStringLiteral("monthly_budget_usd"), gates.monthlyBudgetUsd,
        gates.monthlyBudgetUsd == 0);
    object.insert(QStringLiteral("timezone"), gates.timezone);
    put(object, QStringLiteral("reset_hour"), gates.resetHour, gates.resetHour == 0);
    put(object, QStringLiteral("reserve_output_tokens"), qint64(gates.reserveOutputTokens),
        gates.reserveOutputTokens == GatesConfig().reserveOutputTokens);

    QJsonArray warnAt;
    for (double fraction : gates.warnAt)
        warnAt.append(fraction);
    put(object, QStringLiteral("warn_at"), warnAt, warnAt.isEmpty());

    QJsonObject budgets;
    for (auto it = gates.stageBudgetsUsd.begin(); it != gates.stageBudgetsUsd.end(); ++it)
        budgets.insert(it.key(), it.value());
    put(object, QStringLiteral("stage_budgets_usd"), budgets, budgets.isEmpty());

    QJsonObject modelBudgets;
    for (auto it = gates.modelBudgetsUsd.begin(); it != gates.modelBudgetsUsd.end(); ++it)
        modelBudgets.insert(it.key(), it.value());
    put(object, QStringLiteral("model_budgets_usd"), modelBudgets, modelBudgets.isEmpty());

    const QJsonArray sourceLimits = object.value(QStringLiteral("rate_limits")).toArray();
    put(object, QStringLiteral("rate_limits"), rateLimitsJson(gates.rateLimits, sourceLimits),
        gates.rateLimits.isEmpty());

    const QJsonObject store =
        gateStoreJson(gates.store, object.value(QStringLiteral("store")).toObject());
    put(object, QStringLiteral("store"), store, store.isEmpty());
    return object;
}

QJsonObject child(const QJsonObject &object, const char *key) {
    return object.value(QLatin1String(key)).toObject();
}

} // namespace

QByteArray serializeConfig(const Config &config) {
    QJsonObject root = config.source;
    root.insert(QStringLiteral("version"), config.version);
    root.insert(QStringLiteral("server"), serverJson(config.server, child(root, "server")));
    root.insert(QStringLiteral("providers"),
                providersJson(config.providers, child(root, "providers")));
    root.insert(QStringLiteral("models"),
                modelsJson(config.models, root.value(QStringLiteral("models")).toArray()));
    root.insert(QStringLiteral("stages"), stagesJson(config.stages, child(root, "stages")));
    root.insert(QStringLiteral("routing"), routingJson(config.routing, child(root, "routing")));
    root.insert(QStringLiteral("gates"), gatesJson(config.gates, child(root, "gates")));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Status saveConfigFile(const QString &path, const Config &config) {
    return saveConfigJson(path, serializeConfig(config));
}

Status saveConfigJson(const QString &path, const QByteArray &json) {
    // QSaveFile writes a temporary file next to the target and renames it over the target on
    // commit, so a crash or a full disk leaves the old file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{QStringLiteral("failed to save the config to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    if (file.write(json) != json.size() || !file.commit()) {
        return Error{QStringLiteral("failed to save the config to %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString())};
    }
    qCInfo(lcConfig) << "saved the config to" << path;
    return Ok{};
}

} // namespace signalbox
