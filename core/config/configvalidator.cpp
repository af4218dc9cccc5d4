// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "config/configloader.h"
#include "config/configreader.h"
#include "config/redisurl.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>
#include <QUrl>

namespace signalbox {

namespace {

const QString kAuto = QStringLiteral("auto");
// A factor above this is more likely a token count entered by mistake than a model's habit.
constexpr double kMaxReasoningOutputFactor = 100;

QString quoted(const QString &text) {
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Checks the values and cross references of a snapshot whose shape is already right.
class Validator {
public:
    Validator(const Config &config, ReadGaps gaps)
        : m_config(config)
        , m_gaps(gaps) {}

    QList<ConfigProblem> run() {
        checkVersion();
        checkServer();
        checkProviders();
        checkModels();
        checkStages();
        checkRouting();
        checkGates();
        checkRateLimits();
        checkGateStore();
        return m_problems;
    }

private:
    void checkVersion() {
        if (m_config.version != 1) {
            add(QStringLiteral("version"),
                QStringLiteral("unsupported version %1; this build reads version 1 only")
                    .arg(m_config.version));
        }
    }

    void checkServer() {
        const ServerConfig &server = m_config.server;
        if (!parseListenAddress(server.listen)) {
            add(QStringLiteral("server.listen"),
                QStringLiteral("invalid address %1; use HOST:PORT such as 127.0.0.1:8765")
                    .arg(quoted(server.listen)));
        }
        if (server.maxBodyMib <= 0) {
            add(QStringLiteral("server.max_body_mib"),
                QStringLiteral("must be > 0, not %1").arg(server.maxBodyMib));
        }
        checkTimeout(QStringLiteral("server.idle_timeout_ms"), server.idleTimeoutMs);
        checkTimeout(QStringLiteral("server.request_timeout_ms"), server.requestTimeoutMs);
    }

    void checkTimeout(const QString &path, int milliseconds) {
        if (milliseconds <= 0)
            add(path, QStringLiteral("must be > 0 milliseconds, not %1").arg(milliseconds));
    }

    void checkProviders() {
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
        static const QRegularExpression envPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        static const QRegularExpression apiVersionPattern(
            QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?$"));

        for (const ProviderConfig &provider : m_config.providers) {
            const QString path = joinPath(QStringLiteral("providers"), provider.id);
            if (!idPattern.match(provider.id).hasMatch()) {
                add(path, QStringLiteral("invalid provider id %1; use letters, digits, '.', '_' "
                                         "and '-', starting with a letter or digit")
                              .arg(quoted(provider.id)));
            }
            if (!providerKinds().contains(provider.kind)) {
                add(joinPath(path, QStringLiteral("kind")),
                    QStringLiteral("unknown provider kind %1; valid kinds: %2")
                        .arg(quoted(provider.kind), providerKinds().join(QStringLiteral(", "))));
            }
            checkBaseUrl(joinPath(path, QStringLiteral("base_url")), provider.baseUrl);
            if (!provider.apiVersion.isEmpty() &&
                !apiVersionPattern.match(provider.apiVersion).hasMatch()) {
                add(joinPath(path, QStringLiteral("api_version")),
                    QStringLiteral("invalid api_version %1; use a date such as 2024-10-21, "
                                   "optionally followed by -preview")
                        .arg(quoted(provider.apiVersion)));
            }
            if (!provider.keyEnv.isEmpty() && !envPattern.match(provider.keyEnv).hasMatch()) {
                add(joinPath(path, QStringLiteral("key_env")),
                    QStringLiteral("invalid environment variable name %1")
                        .arg(quoted(provider.keyEnv)));
            }
            checkTimeout(joinPath(path, QStringLiteral("connect_timeout_ms")),
                         provider.connectTimeoutMs);
            checkTimeout(joinPath(path, QStringLiteral("first_byte_timeout_ms")),
                         provider.firstByteTimeoutMs);
            checkTimeout(joinPath(path, QStringLiteral("idle_timeout_ms")), provider.idleTimeoutMs);
        }
    }

    void checkBaseUrl(const QString &path, const QString &text) {
        const QUrl url(text, QUrl::StrictMode);
        const QString scheme = url.scheme();
        if (url.isValid() &&
            (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
            !url.host().isEmpty()) {
            return;
        }
        add(path, QStringLiteral("invalid URL %1; use an http:// or https:// URL with a host, "
                                 "such as https://api.openai.com/v1")
                      .arg(quoted(text)));
    }

    void checkModels() {
        QHash<QString, qsizetype> firstIndex;
        for (qsizetype i = 0; i < m_config.models.size(); ++i) {
            const ModelConfig &model = m_config.models.at(i);
            const QString path = indexPath(QStringLiteral("models"), i);
            checkModelIdentity(path, model, i, firstIndex);
            checkPrice(joinPath(path, QStringLiteral("price_per_mtok")), model.price);
            checkModelLimits(path, model);
        }
    }

    void checkModelIdentity(const QString &path, const ModelConfig &model, qsizetype index,
                            QHash<QString, qsizetype> &firstIndex) {
        const QString idPath = joinPath(path, QStringLiteral("id"));
        if (model.id.isEmpty()) {
            add(idPath, QStringLiteral("must not be empty"));
        } else if (model.id == kAuto) {
            add(idPath, QStringLiteral("\"auto\" is reserved for automatic routing; rename the "
                                       "model"));
        } else if (firstIndex.contains(model.id)) {
            add(idPath, QStringLiteral("duplicate model id %1, first defined at %2")
                            .arg(quoted(model.id),
                                 indexPath(QStringLiteral("models"), firstIndex.value(model.id))));
        } else {
            firstIndex.insert(model.id, index);
        }

        if (!model.provider.isEmpty() && !m_gaps.providerIds &&
            !m_config.findProvider(model.provider)) {
            add(joinPath(path, QStringLiteral("provider")),
                QStringLiteral("provider %1 is not defined in providers; defined: %2")
                    .arg(quoted(model.provider), providerIds().join(QStringLiteral(", "))));
        }
        if (model.upstreamId.isEmpty() && !model.id.isEmpty())
            add(joinPath(path, QStringLiteral("upstream_id")), QStringLiteral("must not be empty"));
    }

    void checkPrice(const QString &path, const Price &price) {
        const std::pair<const char *, double> parts[] = {{"input", price.input},
                                                         {"output", price.output},
                                                         {"cached_input", price.cachedInput},
                                                         {"cache_write", price.cacheWrite}};
        // The dearest models cost hundreds of dollars per million tokens. A price far beyond
        // that is a typo, and it could make one request's cost overflow the gates' counters.
        constexpr double kMaxPricePerMtok = 1e6;
        const bool inputInvalid = price.input < 0 || price.input > kMaxPricePerMtok;
        for (const auto &[name, value] : parts) {
            // The cache prices default to the input price, so an invalid input would be reported
            // again for fields the file may not have. Fixing the input fixes those.
            const bool cachePart =
                qstrcmp(name, "cached_input") == 0 || qstrcmp(name, "cache_write") == 0;
            if (cachePart && inputInvalid && value == price.input)
                continue;
            if (value < 0) {
                add(joinPath(path, QLatin1String(name)),
                    QStringLiteral("must be >= 0, not %1").arg(value));
            } else if (value > kMaxPricePerMtok) {
                add(joinPath(path, QLatin1String(name)),
                    QStringLiteral("must be at most 1000000 USD per million tokens, not %1")
                        .arg(value, 0, 'g', 17));
            }
        }
    }

    void checkModelLimits(const QString &path, const ModelConfig &model) {
        if (model.contextWindow <= 0) {
            add(joinPath(path, QStringLiteral("context_window")),
                QStringLiteral("must be > 0 tokens, not %1").arg(model.contextWindow));
        }
        if (model.maxOutputTokens < 0) {
            add(joinPath(path, QStringLiteral("max_output_tokens")),
                QStringLiteral("must be >= 0 tokens, not %1").arg(model.maxOutputTokens));
        }
        if (model.quality < 0 || model.quality > 100) {
            add(joinPath(path, QStringLiteral("quality")),
                QStringLiteral("must be between 0 and 100, not %1").arg(model.quality));
        }
        if (model.reasoningOutputFactor < 0 ||
            model.reasoningOutputFactor > kMaxReasoningOutputFactor) {
            add(joinPath(path, QStringLiteral("reasoning_output_factor")),
                QStringLiteral("must be between 0 and %1, not %2")
                    .arg(kMaxReasoningOutputFactor)
                    .arg(model.reasoningOutputFactor));
        }
        for (qsizetype j = 0; j < model.capabilities.size(); ++j) {
            const QString &capability = model.capabilities.at(j);
            if (!capability.isEmpty() && !modelCapabilities().contains(capability)) {
                add(indexPath(joinPath(path, QStringLiteral("capabilities")), j),
                    QStringLiteral("unknown capability %1; valid capabilities: %2")
                        .arg(quoted(capability), modelCapabilities().join(QStringLiteral(", "))));
            }
        }
    }

    void checkStages() {
        for (const StageConfig &stage : m_config.stages) {
            const QString path = joinPath(QStringLiteral("stages"), stage.name);
            if (stage.name.isEmpty())
                add(QStringLiteral("stages"), QStringLiteral("a stage name must not be empty"));

            const QString modelPath = joinPath(path, QStringLiteral("model"));
            if (stage.model != kAuto && !stage.model.isEmpty()) {
                checkModelReference(modelPath, stage.model, QStringLiteral(" or \"auto\""));
                checkAllowed(modelPath, stage, stage.model);
            }
            const QString fallbacksPath = joinPath(path, QStringLiteral("fallbacks"));
            for (qsizetype j = 0; j < stage.fallbacks.size(); ++j) {
                checkModelReference(indexPath(fallbacksPath, j), stage.fallbacks.at(j));
                checkAllowed(indexPath(fallbacksPath, j), stage, stage.fallbacks.at(j));
            }
            const QString allowedPath = joinPath(path, QStringLiteral("allowed"));
            for (qsizetype j = 0; j < stage.allowed.size(); ++j)
                checkModelReference(indexPath(allowedPath, j), stage.allowed.at(j));
            if (stage.stageOverride)
                checkStageOverride(joinPath(path, QStringLiteral("override")), stage);
        }
    }

    void checkStageOverride(const QString &path, const StageConfig &stage) {
        const StageOverride &pin = *stage.stageOverride;
        const QString modelPath = joinPath(path, QStringLiteral("model"));
        if (pin.model.isEmpty()) {
            add(modelPath, QStringLiteral("must not be empty; name the model the stage is "
                                          "pinned to"));
        } else if (pin.model == kAuto) {
            add(modelPath, QStringLiteral("must name a model, not \"auto\"; to route the stage "
                                          "automatically set its model to \"auto\""));
        } else {
            checkModelReference(modelPath, pin.model);
            checkAllowed(modelPath, stage, pin.model);
        }
        if (!pin.until.isValid()) {
            add(joinPath(path, QStringLiteral("until")),
                QStringLiteral("missing or invalid time; use an ISO 8601 time such as "
                               "\"2026-07-24T18:00:00Z\""));
        }
    }

    void checkAllowed(const QString &path, const StageConfig &stage, const QString &modelId) {
        // An unknown model is reported once, as unknown, and not again as not allowed.
        if (stage.allowed.isEmpty() || stage.allowed.contains(modelId) || modelId.isEmpty() ||
            !m_config.findModel(modelId)) {
            return;
        }
        add(path, QStringLiteral("model %1 is not in the stage's allowed list; add it to "
                                 "stages.%2.allowed or pick an allowed model")
                      .arg(quoted(modelId), stage.name));
    }

    // Reports an id that names no model. An empty id was already reported by the reader.
    void checkModelReference(const QString &path, const QString &modelId,
                             const QString &alternative = {}) {
        if (modelId.isEmpty() || m_gaps.modelIds || m_config.findModel(modelId))
            return;
        add(path, QStringLiteral("unknown model %1; use the id of an entry in models%2")
                      .arg(quoted(modelId), alternative));
    }

    void checkRouting() {
        const RoutingConfig &routing = m_config.routing;
        checkModelReference(QStringLiteral("routing.fallback_model"), routing.fallbackModel);
        checkModelReference(QStringLiteral("routing.auto.classifier_model"),
                            routing.autoRouting.classifierModel);
        checkFraction(QStringLiteral("routing.auto.quality_weight"),
                      routing.autoRouting.qualityWeight);
        checkFraction(QStringLiteral("routing.auto.classifier_min_confidence"),
                      routing.autoRouting.classifierMinConfidence);
        const MinQualityConfig &floors = routing.autoRouting.minQuality;
        checkQuality(QStringLiteral("routing.auto.min_quality.low"), floors.low);
        checkQuality(QStringLiteral("routing.auto.min_quality.medium"), floors.medium);
        checkQuality(QStringLiteral("routing.auto.min_quality.high"), floors.high);
    }

    void checkQuality(const QString &path, int value) {
        if (value < 0 || value > 100)
            add(path, QStringLiteral("must be between 0 and 100, not %1").arg(value));
    }

    void checkFraction(const QString &path, double value) {
        if (value < 0 || value > 1)
            add(path, QStringLiteral("must be between 0 and 1, not %1").arg(value));
    }

    void checkBudgetCeiling(const QString &path, double value) {
        if (value > kMaxBudgetUsd)
            add(path, QStringLiteral("must be at most 1000000000 USD, not %1; use 0 for no budget")
                          .arg(value, 0, 'g', 17));
    }

    void checkGates() {
        const GatesConfig &gates = m_config.gates;
        if (gates.dailyBudgetUsd < 0) {
            add(QStringLiteral("gates.daily_budget_usd"),
                QStringLiteral("must be >= 0 USD (0 means no daily budget), not %1")
                    .arg(gates.dailyBudgetUsd));
        }
        checkBudgetCeiling(QStringLiteral("gates.daily_budget_usd"), gates.dailyBudgetUsd);
        checkBudgetCeiling(QStringLiteral("gates.monthly_budget_usd"), gates.monthlyBudgetUsd);
        if (gates.timezone != QLatin1String("local") &&
            !QTimeZone::isTimeZoneIdAvailable(gates.timezone.toUtf8())) {
            add(QStringLiteral("gates.timezone"),
                QStringLiteral("unknown time zone %1; use \"local\" or an IANA id such as "
                               "\"Europe/Berlin\" or \"UTC\"")
                    .arg(quoted(gates.timezone)));
        }
        for (qsizetype i = 0; i < gates.warnAt.size(); ++i) {
            const double value = gates.warnAt.at(i);
            if (value <= 0 || value > 1) {
                add(indexPath(QStringLiteral("gates.warn_at"), i),
                    QStringLiteral("must be a fraction of the budget above 0 and at most 1, "
                                   "not %1")
                        .arg(value));
            }
        }
        if (gates.monthlyBudgetUsd < 0) {
            add(QStringLiteral("gates.monthly_budget_usd"),
                QStringLiteral("must be >= 0 USD (0 means no monthly budget), not %1")
                    .arg(gates.monthlyBudgetUsd));
        }
        if (gates.resetHour < 0 || gates.resetHour > 23) {
            add(QStringLiteral("gates.reset_hour"),
                QStringLiteral("must be an hour from 0 to 23, not %1").arg(gates.resetHour));
        }
        if (gates.reserveOutputTokens < 1) {
            add(QStringLiteral("gates.reserve_output_tokens"),
                QStringLiteral("must be at least 1 token, not %1; it is the output reserved for "
                               "a request that sets no max_tokens")
                    .arg(gates.reserveOutputTokens));
        } else if (gates.reserveOutputTokens > kMaxRateOrTokens) {
            add(QStringLiteral("gates.reserve_output_tokens"),
                QStringLiteral("must be at most %1 tokens, not %2")
                    .arg(kMaxRateOrTokens)
                    .arg(gates.reserveOutputTokens));
        }
        for (auto it = gates.modelBudgetsUsd.begin(); it != gates.modelBudgetsUsd.end(); ++it) {
            const QString path = joinPath(QStringLiteral("gates.model_budgets_usd"), it.key());
            if (it.value() < 0)
                add(path, QStringLiteral("must be >= 0 USD, not %1").arg(it.value()));
            checkBudgetCeiling(path, it.value());
            if (!m_gaps.modelIds && !m_config.findModel(it.key()))
                add(path,
                    QStringLiteral("model %1 is not defined in models").arg(quoted(it.key())));
        }
        for (auto it = gates.stageBudgetsUsd.begin(); it != gates.stageBudgetsUsd.end(); ++it) {
            const QString path = joinPath(QStringLiteral("gates.stage_budgets_usd"), it.key());
            if (it.value() < 0)
                add(path, QStringLiteral("must be >= 0 USD, not %1").arg(it.value()));
            checkBudgetCeiling(path, it.value());
            if (!m_config.findStage(it.key()))
                add(path,
                    QStringLiteral("stage %1 is not defined in stages").arg(quoted(it.key())));
        }
    }

    void checkRate(const QString &path, qint64 perMinute) {
        if (perMinute < 0) {
            add(path, QStringLiteral("must be >= 0 (0 means no limit), not %1").arg(perMinute));
        } else if (perMinute > kMaxRateOrTokens) {
            add(path, QStringLiteral("must be at most %1 per minute (0 means no limit), not %2")
                          .arg(kMaxRateOrTokens)
                          .arg(perMinute));
        }
    }

    void checkRateLimits() {
        const QList<RateLimitConfig> &limits = m_config.gates.rateLimits;
        for (qsizetype i = 0; i < limits.size(); ++i) {
            const QString path = indexPath(QStringLiteral("gates.rate_limits"), i);
            checkScope(joinPath(path, QStringLiteral("scope")), limits.at(i).scope);
            checkRate(joinPath(path, QStringLiteral("rpm")), limits.at(i).rpm);
            checkRate(joinPath(path, QStringLiteral("tpm")), limits.at(i).tpm);
        }
    }

    void checkGateStore() {
        const GateStoreConfig &store = m_config.gates.store;
        const QString path = QStringLiteral("gates.store");
        if (store.kind != QLatin1String("memory") && store.kind != QLatin1String("redis")) {
            add(joinPath(path, QStringLiteral("kind")),
                QStringLiteral("unknown store kind %1; use \"memory\" or \"redis\"")
                    .arg(quoted(store.kind)));
        }
        if (store.onFailure != QLatin1String("closed") &&
            store.onFailure != QLatin1String("open")) {
            add(joinPath(path, QStringLiteral("on_failure")),
                QStringLiteral("unknown policy %1; use \"closed\" (reject requests while Redis "
                               "is unreachable) or \"open\" (admit them on this instance's own "
                               "counters)")
                    .arg(quoted(store.onFailure)));
        }
        if (const Result<RedisEndpoint> endpoint = parseRedisUrl(store.url); !endpoint)
            add(joinPath(path, QStringLiteral("url")), endpoint.error());
        checkKeyPrefix(joinPath(path, QStringLiteral("prefix")), store.prefix);
        if (store.timeoutMs < 10 || store.timeoutMs > 60000) {
            add(joinPath(path, QStringLiteral("timeout_ms")),
                QStringLiteral("must be from 10 to 60000 milliseconds, not %1")
                    .arg(store.timeoutMs));
        }
        if (store.reservationTtlSeconds < 1 || store.reservationTtlSeconds > 86400) {
            add(joinPath(path, QStringLiteral("reservation_ttl_s")),
                QStringLiteral("must be from 1 to 86400 seconds, not %1")
                    .arg(store.reservationTtlSeconds));
        }
    }

    void checkKeyPrefix(const QString &path, const QString &prefix) {
        static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._:{}-]+$"));
        if (pattern.match(prefix).hasMatch())
            return;
        add(path, QStringLiteral("invalid key prefix %1; use letters, digits and . _ : - { }, "
                                 "such as \"signalbox:\"")
                      .arg(quoted(prefix)));
    }

    void checkScope(const QString &path, const QString &scope) {
        if (scope.isEmpty() || scope == QLatin1String("global"))
            return;

        const qsizetype colon = scope.indexOf(QLatin1Char(':'));
        const QString kind = scope.left(colon);
        const QString id = colon < 0 ? QString() : scope.mid(colon + 1);
        if (id.isEmpty()) {
            add(path, QStringLiteral("invalid scope %1; use global, provider:ID, model:ID or "
                                     "stage:NAME")
                          .arg(quoted(scope)));
        } else if (kind == QLatin1String("provider")) {
            if (!m_gaps.providerIds && !m_config.findProvider(id))
                add(path,
                    QStringLiteral("provider %1 is not defined in providers").arg(quoted(id)));
        } else if (kind == QLatin1String("model")) {
            if (!m_gaps.modelIds && !m_config.findModel(id))
                add(path, QStringLiteral("model %1 is not defined in models").arg(quoted(id)));
        } else if (kind == QLatin1String("stage")) {
            if (!m_config.findStage(id))
                add(path, QStringLiteral("stage %1 is not defined in stages").arg(quoted(id)));
        } else {
            add(path, QStringLiteral("invalid scope %1; use global, provider:ID, model:ID or "
                                     "stage:NAME")
                          .arg(quoted(scope)));
        }
    }

    QStringList providerIds() const {
        QStringList ids;
        for (const ProviderConfig &provider : m_config.providers)
            ids.append(provider.id);
        if (ids.isEmpty())
            ids.append(QStringLiteral("none"));
        return ids;
    }

    void add(const QString &path, const QString &message) {
        m_problems.append(ConfigProblem{path, message});
    }

    const Config &m_config;
    const ReadGaps m_gaps;
    QList<ConfigProblem> m_problems;
};

} // namespace

QList<ConfigProblem> validateConfig(const Config &config, ReadGaps gaps) {
    return Validator(config, gaps).run();
}

QList<ConfigProblem> validateConfig(const Config &config) {
    return validateConfig(config, ReadGaps{});
}

} // namespace signalbox
