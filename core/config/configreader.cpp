// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configreader.h"

#include "spelling.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <vector>

namespace signalbox {

QString jsonTypeName(QJsonValue::Type type) {
    switch (type) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

namespace {

QString typeMismatch(QJsonValue::Type expected, QJsonValue::Type actual) {
    return QStringLiteral("must be %1, not %2").arg(jsonTypeName(expected), jsonTypeName(actual));
}

} // namespace

QString joinPath(const QString &parent, const QString &key) {
    if (parent.isEmpty())
        return key;
    return parent + QLatin1Char('.') + key;
}

QString indexPath(const QString &parent, qsizetype index) {
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

Config ConfigReader::read(const QJsonObject &root) {
    Config config;
    config.source = root;
    config.version = int(readInteger(root, {}, QStringLiteral("version"), Presence::Required, 0));
    config.server = readServer(root);
    config.providers = readProviders(root);

    const QJsonArray models = readArray(root, {}, QStringLiteral("models"), Presence::Required);
    m_gaps.modelIds = !root.value(QStringLiteral("models")).isArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QString path = indexPath(QStringLiteral("models"), i);
        if (!models.at(i).isObject()) {
            addProblem(path, typeMismatch(QJsonValue::Object, models.at(i).type()));
            config.models.append(ModelConfig{});
            m_gaps.modelIds = true;
            continue;
        }
        if (!models.at(i).toObject().value(QStringLiteral("id")).isString())
            m_gaps.modelIds = true;
        config.models.append(readModel(models.at(i).toObject(), path));
    }

    config.stages = readStages(root);
    config.routing = readRouting(root);
    config.gates = readGates(root);
    reportMisspelledFields();
    return config;
}

// Unknown fields are allowed, but one that is a misspelling of a field the object lacks would
// silently drop a setting, such as a daily budget, so it is a problem that names the field.
// The objects are visited in path order and the fields in name order, so the problems come out in
// the same order on every run.
void ConfigReader::reportMisspelledFields() {
    QStringList paths = m_readObjects.keys();
    paths.sort();
    for (const QString &path : std::as_const(paths)) {
        const ReadObject &read = m_readObjects[path];
        QStringList fields = read.keys.values();
        fields.sort();
        for (const QString &key : read.object.keys()) {
            if (read.keys.contains(key))
                continue;
            for (const QString &field : std::as_const(fields)) {
                if (!read.object.contains(field) && looksMisspelled(key, field)) {
                    addProblem(joinPath(path, key),
                               QStringLiteral("unknown field; did you mean '%1'? A misspelled "
                                              "field is ignored, so its setting would not apply")
                                   .arg(field));
                    break;
                }
            }
        }
    }
}

ServerConfig ConfigReader::readServer(const QJsonObject &root) {
    const QString path = QStringLiteral("server");
    const QJsonObject server = readObject(root, {}, path, Presence::Optional);

    ServerConfig result;
    result.listen =
        readString(server, path, QStringLiteral("listen"), Presence::Optional, result.listen);
    result.maxBodyMib = int(readInteger(server, path, QStringLiteral("max_body_mib"),
                                        Presence::Optional, result.maxBodyMib));
    result.allowedOrigins = readStringList(server, path, QStringLiteral("allowed_origins"));
    result.accessTokenRef =
        readString(server, path, QStringLiteral("access_token_ref"), Presence::Optional);
    result.idleTimeoutMs =
        readMilliseconds(server, path, QStringLiteral("idle_timeout_ms"), result.idleTimeoutMs);
    result.requestTimeoutMs = readMilliseconds(server, path, QStringLiteral("request_timeout_ms"),
                                               result.requestTimeoutMs);
    return result;
}

QList<ProviderConfig> ConfigReader::readProviders(const QJsonObject &root) {
    const QString listPath = QStringLiteral("providers");
    const QJsonObject providers = readObject(root, {}, listPath, Presence::Required);
    m_gaps.providerIds = !root.value(listPath).isObject();

    QList<ProviderConfig> result;
    for (auto it = providers.begin(); it != providers.end(); ++it) {
        const QString path = joinPath(listPath, it.key());
        ProviderConfig provider;
        provider.id = it.key();
        if (!it.value().isObject()) {
            addProblem(path, typeMismatch(QJsonValue::Object, it.value().type()));
            result.append(provider);
            continue;
        }

        const QJsonObject object = it.value().toObject();
        provider.kind = readString(object, path, QStringLiteral("kind"), Presence::Required);
        provider.baseUrl = readString(object, path, QStringLiteral("base_url"), Presence::Required);
        provider.needsKey = readBool(object, path, QStringLiteral("needs_key"), true);
        provider.keyEnv = readString(object, path, QStringLiteral("key_env"), Presence::Optional);
        provider.apiVersion =
            readString(object, path, QStringLiteral("api_version"), Presence::Optional);
        provider.connectTimeoutMs = readMilliseconds(
            object, path, QStringLiteral("connect_timeout_ms"), provider.connectTimeoutMs);
        provider.firstByteTimeoutMs = readMilliseconds(
            object, path, QStringLiteral("first_byte_timeout_ms"), provider.firstByteTimeoutMs);
        provider.idleTimeoutMs = readMilliseconds(object, path, QStringLiteral("idle_timeout_ms"),
                                                  provider.idleTimeoutMs);
        result.append(provider);
    }
    return result;
}

ModelConfig ConfigReader::readModel(const QJsonObject &object, const QString &path) {
    ModelConfig model;
    model.id = readString(object, path, QStringLiteral("id"), Presence::Required);
    model.provider = readString(object, path, QStringLiteral("provider"), Presence::Required);
    model.upstreamId =
        readString(object, path, QStringLiteral("upstream_id"), Presence::Optional, model.id);
    model.price = readPrice(object, path);
    model.contextWindow =
        readInteger(object, path, QStringLiteral("context_window"), Presence::Required, 0);
    model.maxOutputTokens =
        readInteger(object, path, QStringLiteral("max_output_tokens"), Presence::Optional, 0);
    model.quality = int(
        readInteger(object, path, QStringLiteral("quality"), Presence::Optional, model.quality));
    model.strengths = readStringList(object, path, QStringLiteral("strengths"));
    model.capabilities = readStringList(object, path, QStringLiteral("capabilities"));
    model.reasoningOutputFactor =
        readNumber(object, path, QStringLiteral("reasoning_output_factor"), Presence::Optional, 0);
    return model;
}

Price ConfigReader::readPrice(const QJsonObject &model, const QString &modelPath) {
    const QString path = joinPath(modelPath, QStringLiteral("price_per_mtok"));
    const QJsonObject object =
        readObject(model, modelPath, QStringLiteral("price_per_mtok"), Presence::Required);
    if (object.isEmpty() && !model.value(QStringLiteral("price_per_mtok")).isObject())
        return {}; // already reported as missing or of the wrong type

    Price price;
    price.input = readNumber(object, path, QStringLiteral("input"), Presence::Required, 0);
    price.output = readNumber(object, path, QStringLiteral("output"), Presence::Required, 0);

    // Providers without a cache discount bill cache reads and writes as plain input.
    price.cachedInput =
        readNumber(object, path, QStringLiteral("cached_input"), Presence::Optional, price.input);
    price.cacheWrite =
        readNumber(object, path, QStringLiteral("cache_write"), Presence::Optional, price.input);
    return price;
}

QList<StageConfig> ConfigReader::readStages(const QJsonObject &root) {
    const QString listPath = QStringLiteral("stages");
    const QJsonObject stages = readObject(root, {}, listPath, Presence::Optional);

    QList<StageConfig> result;
    for (auto it = stages.begin(); it != stages.end(); ++it) {
        const QString path = joinPath(listPath, it.key());
        StageConfig stage;
        stage.name = it.key();
        if (!it.value().isObject()) {
            addProblem(path, typeMismatch(QJsonValue::Object, it.value().type()));
            result.append(stage);
            continue;
        }

        const QJsonObject object = it.value().toObject();
        stage.model = readString(object, path, QStringLiteral("model"), Presence::Required);
        stage.fallbacks = readStringList(object, path, QStringLiteral("fallbacks"));
        stage.allowed = readStringList(object, path, QStringLiteral("allowed"));
        stage.stageOverride = readStageOverride(object, path);
        result.append(stage);
    }
    return result;
}

std::optional<StageOverride> ConfigReader::readStageOverride(const QJsonObject &stage,
                                                             const QString &stagePath) {
    const QString key = QStringLiteral("override");
    if (!stage.contains(key) || stage.value(key).isNull())
        return std::nullopt;
    const QJsonObject object = readObject(stage, stagePath, key, Presence::Optional);
    if (!stage.value(key).isObject())
        return std::nullopt; // already reported as the wrong type

    const QString path = joinPath(stagePath, key);
    StageOverride result;
    result.model = readString(object, path, QStringLiteral("model"), Presence::Required);
    const QString until = readString(object, path, QStringLiteral("until"), Presence::Required);
    if (!until.isEmpty()) {
        result.until = QDateTime::fromString(until, Qt::ISODateWithMs).toUTC();
        if (!result.until.isValid()) {
            addProblem(joinPath(path, QStringLiteral("until")),
                       QStringLiteral("invalid time \"%1\"; use an ISO 8601 time such as "
                                      "\"2026-07-24T18:00:00Z\"")
                           .arg(until));
        }
    }
    return result;
}

RoutingConfig ConfigReader::readRouting(const QJsonObject &root) {
    const QString path = QStringLiteral("routing");
    const QJsonObject routing = readObject(root, {}, path, Presence::Optional);

    RoutingConfig result;
    result.fallbackModel =
        readString(routing, path, QStringLiteral("fallback_model"), Presence::Optional);

    const QString autoPath = joinPath(path, QStringLiteral("auto"));
    const QJsonObject autoRouting =
        readObject(routing, path, QStringLiteral("auto"), Presence::Optional);
    AutoRoutingConfig &target = result.autoRouting;
    target.qualityWeight = readNumber(autoRouting, autoPath, QStringLiteral("quality_weight"),
                                      Presence::Optional, target.qualityWeight);
    target.classifierModel =
        readString(autoRouting, autoPath, QStringLiteral("classifier_model"), Presence::Optional);
    target.classifierMinConfidence =
        readNumber(autoRouting, autoPath, QStringLiteral("classifier_min_confidence"),
                   Presence::Optional, target.classifierMinConfidence);

    const QString minQualityPath = joinPath(autoPath, QStringLiteral("min_quality"));
    const QJsonObject minQuality =
        readObject(autoRouting, autoPath, QStringLiteral("min_quality"), Presence::Optional);
    MinQualityConfig &floors = target.minQuality;
    floors.low = int(readInteger(minQuality, minQualityPath, QStringLiteral("low"),
                                 Presence::Optional, floors.low));
    floors.medium = int(readInteger(minQuality, minQualityPath, QStringLiteral("medium"),
                                    Presence::Optional, floors.medium));
    floors.high = int(readInteger(minQuality, minQualityPath, QStringLiteral("high"),
                                  Presence::Optional, floors.high));
    return result;
}

GatesConfig ConfigReader::readGates(const QJsonObject &root) {
    const QString path = QStringLiteral("gates");
    const QJsonObject gates = readObject(root, {}, path, Presence::Optional);

    GatesConfig result;
    result.dailyBudgetUsd = readNumber(gates, path, QStringLiteral("daily_budget_usd"),
                                       Presence::Optional, result.dailyBudgetUsd);
    result.monthlyBudgetUsd = readNumber(gates, path, QStringLiteral("monthly_budget_usd"),
                                         Presence::Optional, result.monthlyBudgetUsd);
    result.timezone =
        readString(gates, path, QStringLiteral("timezone"), Presence::Optional, result.timezone);
    result.resetHour = int(readInteger(gates, path, QStringLiteral("reset_hour"),
                                       Presence::Optional, result.resetHour));
    result.reserveOutputTokens = readInteger(gates, path, QStringLiteral("reserve_output_tokens"),
                                             Presence::Optional, result.reserveOutputTokens);

    const QString warnPath = joinPath(path, QStringLiteral("warn_at"));
    const QJsonArray warnAt = readArray(gates, path, QStringLiteral("warn_at"), Presence::Optional);
    for (qsizetype i = 0; i < warnAt.size(); ++i) {
        if (!warnAt.at(i).isDouble())
            addProblem(indexPath(warnPath, i),
                       typeMismatch(QJsonValue::Double, warnAt.at(i).type()));
        result.warnAt.append(warnAt.at(i).toDouble());
    }

    const QString budgetsPath = joinPath(path, QStringLiteral("stage_budgets_usd"));
    const QJsonObject budgets =
        readObject(gates, path, QStringLiteral("stage_budgets_usd"), Presence::Optional);
    for (auto it = budgets.begin(); it != budgets.end(); ++it) {
        result.stageBudgetsUsd.insert(
            it.key(), readNumber(budgets, budgetsPath, it.key(), Presence::Required, 0));
    }

    const QString modelBudgetsPath = joinPath(path, QStringLiteral("model_budgets_usd"));
    const QJsonObject modelBudgets =
        readObject(gates, path, QStringLiteral("model_budgets_usd"), Presence::Optional);
    for (auto it = modelBudgets.begin(); it != modelBudgets.end(); ++it) {
        result.modelBudgetsUsd.insert(
            it.key(), readNumber(modelBudgets, modelBudgetsPath, it.key(), Presence::Required, 0));
    }

    result.rateLimits = readRateLimits(gates);
    result.store = readGateStore(gates);
    return result;
}

namespace {

// Keeps an out-of-range number out of range after the narrowing, so the validator reports it.
int clampToInt(qint64 value) {
    return int(std::clamp<qint64>(value, INT_MIN, INT_MAX));
}

} // namespace

GateStoreConfig ConfigReader::readGateStore(const QJsonObject &gates) {
    const QString path = QStringLiteral("gates.store");
    const QJsonObject store =
        readObject(gates, QStringLiteral("gates"), QStringLiteral("store"), Presence::Optional);

    GateStoreConfig result;
    result.kind = readString(store, path, QStringLiteral("kind"), Presence::Optional, result.kind);
    result.url = readString(store, path, QStringLiteral("url"), Presence::Optional, result.url);
    result.prefix =
        readString(store, path, QStringLiteral("prefix"), Presence::Optional, result.prefix);
    result.onFailure =
        readString(store, path, QStringLiteral("on_failure"), Presence::Optional, result.onFailure);
    result.timeoutMs = clampToInt(readInteger(store, path, QStringLiteral("timeout_ms"),
                                              Presence::Optional, result.timeoutMs));
    result.reservationTtlSeconds =
        clampToInt(readInteger(store, path, QStringLiteral("reservation_ttl_s"), Presence::Optional,
                               result.reservationTtlSeconds));
    if (store.contains(QStringLiteral("password"))) {
        addProblem(joinPath(path, QStringLiteral("password")),
                   QStringLiteral("a password does not belong in the config file; remove it and "
                                  "store it with the console's Gates page or set the "
                                  "environment variable SIGNALBOX_REDIS_PASSWORD"));
    }
    return result;
}

QList<RateLimitConfig> ConfigReader::readRateLimits(const QJsonObject &gates) {
    const QString listPath = QStringLiteral("gates.rate_limits");
    const QJsonArray limits = readArray(gates, QStringLiteral("gates"),
                                        QStringLiteral("rate_limits"), Presence::Optional);

    QList<RateLimitConfig> result;
    for (qsizetype i = 0; i < limits.size(); ++i) {
        const QString path = indexPath(listPath, i);
        RateLimitConfig limit;
        if (!limits.at(i).isObject()) {
            addProblem(path, typeMismatch(QJsonValue::Object, limits.at(i).type()));
            result.append(limit);
            continue;
        }

        const QJsonObject object = limits.at(i).toObject();
        limit.scope = readString(object, path, QStringLiteral("scope"), Presence::Required);
        limit.rpm = readInteger(object, path, QStringLiteral("rpm"), Presence::Optional, 0);
        limit.tpm = readInteger(object, path, QStringLiteral("tpm"), Presence::Optional, 0);
        result.append(limit);
    }
    return result;
}

QJsonValue ConfigReader::field(const QJsonObject &object, const QString &path, const QString &key,
                               QJsonValue::Type type, Presence presence) {
    ReadObject &read = m_readObjects[path];
    read.object = object;
    read.keys.insert(key);
    const QJsonValue value = object.value(key);
    if (value.isUndefined()) {
        if (presence == Presence::Required)
            addProblem(joinPath(path, key), QStringLiteral("missing required field"));
        return QJsonValue(QJsonValue::Undefined);
    }
    if (value.type() != type) {
        addProblem(joinPath(path, key), typeMismatch(type, value.type()));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value;
}

QString ConfigReader::readString(const QJsonObject &object, const QString &path, const QString &key,
                                 Presence presence, const QString &fallback) {
    const QJsonValue value = field(object, path, key, QJsonValue::String, presence);
    return value.isString() ? value.toString() : fallback;
}

double ConfigReader::readNumber(const QJsonObject &object, const QString &path, const QString &key,
                                Presence presence, double fallback) {
    const QJsonValue value = field(object, path, key, QJsonValue::Double, presence);
    return value.isDouble() ? value.toDouble() : fallback;
}

// Timers take an int, so a duration that does not fit is a problem rather than a wrapped value.
int ConfigReader::readMilliseconds(const QJsonObject &object, const QString &path,
                                   const QString &key, int fallback) {
    const qint64 value = readInteger(object, path, key, Presence::Optional, fallback);
    if (value > std::numeric_limits<int>::max() || value < std::numeric_limits<int>::min()) {
        addProblem(joinPath(path, key), QStringLiteral("must be 1 to %1 milliseconds, not %2")
                                            .arg(std::numeric_limits<int>::max())
                                            .arg(value));
        return fallback;
    }
    return int(value);
}

qint64 ConfigReader::readInteger(const QJsonObject &object, const QString &path, const QString &key,
                                 Presence presence, qint64 fallback) {
    const QJsonValue value = field(object, path, key, QJsonValue::Double, presence);
    if (!value.isDouble())
        return fallback;

    // 2^53 is the largest whole number a JSON double carries exactly.
    const double number = value.toDouble();
    if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0) {
        addProblem(joinPath(path, key),
                   QStringLiteral("must be a whole number, not %1").arg(number));
        return fallback;
    }
    return qint64(number);
}

bool ConfigReader::readBool(const QJsonObject &object, const QString &path, const QString &key,
                            bool fallback) {
    const QJsonValue value = field(object, path, key, QJsonValue::Bool, Presence::Optional);
    return value.isBool() ? value.toBool() : fallback;
}

QStringList ConfigReader::readStringList(const QJsonObject &object, const QString &path,
                                         const QString &key) {
    const QJsonArray array = readArray(object, path, key, Presence::Optional);

    QStringList result;
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isString()) {
            addProblem(indexPath(joinPath(path, key), i),
                       typeMismatch(QJsonValue::String, array.at(i).type()));
        }

        // A wrong entry stays as an empty string, so later entries keep their index in paths.
        result.append(array.at(i).toString());
    }
    return result;
}

QJsonObject ConfigReader::readObject(const QJsonObject &object, const QString &path,
                                     const QString &key, Presence presence) {
    return field(object, path, key, QJsonValue::Object, presence).toObject();
}

QJsonArray ConfigReader::readArray(const QJsonObject &object, const QString &path,
                                   const QString &key, Presence presence) {
    return field(object, path, key, QJsonValue::Array, presence).toArray();
}

void ConfigReader::addProblem(const QString &path, const QString &message) {
    m_problems.append(ConfigProblem{path, message});
}

} // namespace signalbox
