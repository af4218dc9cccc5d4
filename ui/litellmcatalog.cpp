// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "litellmcatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace signalbox {

namespace {

constexpr double kTokensPerMillion = 1e6;

// Converts USD per token to USD per million tokens, rounded to 1e-6 USD so that 1.5e-07 becomes
// 0.15 and not 0.15000000000000002.
double perMillion(double perToken) {
    return std::round(perToken * kTokensPerMillion * 1e6) / 1e6;
}

QStringList capabilitiesOf(const QJsonObject &entry) {
    const std::pair<const char *, const char *> flags[] = {{"supports_function_calling", "tools"},
                                                           {"supports_vision", "vision"},
                                                           {"supports_response_schema", "json"},
                                                           {"supports_reasoning", "reasoning"}};
    QStringList capabilities;
    for (const auto &[flag, capability] : flags) {
        if (entry.value(QLatin1String(flag)).toBool())
            capabilities << QLatin1String(capability);
    }
    return capabilities;
}

std::optional<CatalogModel> readEntry(const QString &key, const QJsonObject &entry) {
    if (entry.value(QLatin1String("mode")).toString() != QLatin1String("chat"))
        return std::nullopt;
    const QJsonValue input = entry.value(QLatin1String("input_cost_per_token"));
    const QJsonValue output = entry.value(QLatin1String("output_cost_per_token"));
    if (!input.isDouble() || !output.isDouble())
        return std::nullopt;

    CatalogModel model;
    model.key = key;
    model.catalogProvider = entry.value(QLatin1String("litellm_provider")).toString();
    const QString prefix = model.catalogProvider + QLatin1Char('/');
    model.upstreamId = key.startsWith(prefix) ? key.mid(prefix.size()) : key;

    model.price.input = perMillion(input.toDouble());
    model.price.output = perMillion(output.toDouble());
    const QJsonValue cacheRead = entry.value(QLatin1String("cache_read_input_token_cost"));
    const QJsonValue cacheWrite = entry.value(QLatin1String("cache_creation_input_token_cost"));
    model.price.cachedInput =
        cacheRead.isDouble() ? perMillion(cacheRead.toDouble()) : model.price.input;
    // NOTE: a cache write cost of 0 is read as "not given" and billed at the input price, so that
    // a catalog gap never lowers a reservation below what the provider may charge.
    model.price.cacheWrite = cacheWrite.isDouble() && cacheWrite.toDouble() > 0
                                 ? perMillion(cacheWrite.toDouble())
                                 : model.price.input;

    const auto tokens = [&entry](const char *name) {
        return qint64(entry.value(QLatin1String(name)).toDouble());
    };
    model.contextWindow = tokens("max_input_tokens");
    if (model.contextWindow <= 0)
        model.contextWindow = tokens("max_tokens");
    model.maxOutputTokens = qMax<qint64>(0, tokens("max_output_tokens"));
    model.capabilities = capabilitiesOf(entry);
    return model;
}

// Returns `base`, or `base-PROVIDER` when that is in use, then `base-PROVIDER-2` and so on.
QString uniqueId(const QString &base, const QString &provider, QSet<QString> &usedIds) {
    QString id = base;
    if (usedIds.contains(id))
        id = base + QLatin1Char('-') + provider;
    for (int suffix = 2; usedIds.contains(id); ++suffix)
        id = base + QLatin1Char('-') + provider + QLatin1Char('-') + QString::number(suffix);
    usedIds.insert(id);
    return id;
}

} // namespace

Result<QList<CatalogModel>> parseLiteLlmCatalog(const QByteArray &json,
                                                const std::atomic_bool *cancel) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("invalid JSON at offset %1: %2")
                         .arg(error.offset)
                         .arg(error.errorString())};
    if (!document.isObject())
        return Error{QStringLiteral("the catalog must be a JSON object keyed by model name")};

    const QJsonObject root = document.object();
    QList<CatalogModel> models;
    for (auto it = root.begin(); it != root.end(); ++it) {
        if (cancel && cancel->load())
            return Error{QStringLiteral("cancelled")};
        if (it.key() == QLatin1String("sample_spec") || !it.value().isObject())
            continue;
        if (std::optional<CatalogModel> model = readEntry(it.key(), it.value().toObject()))
            models << *model;
    }
    std::sort(models.begin(), models.end(),
              [](const CatalogModel &a, const CatalogModel &b) { return a.key < b.key; });
    return models;
}

QString matchProvider(const QString &catalogProvider, const QStringList &providerIds,
                      const QString &fallback) {
    if (providerIds.contains(catalogProvider))
        return catalogProvider;
    QString trimmed = catalogProvider;
    if (trimmed.endsWith(QLatin1String("_ai")))
        trimmed.chop(3);
    if (providerIds.contains(trimmed))
        return trimmed;
    return fallback;
}

ImportPlan planImport(const QList<ModelConfig> &existing, const QList<CatalogModel> &chosen,
                      const QStringList &providerIds, const QString &fallbackProvider) {
    ImportPlan plan;
    QSet<QString> usedIds;
    for (const ModelConfig &model : existing)
        usedIds.insert(model.id);

    for (const CatalogModel &entry : chosen) {
        const QString provider =
            matchProvider(entry.catalogProvider, providerIds, fallbackProvider);
        bool matched = false;
        for (qsizetype row = 0; row < existing.size(); ++row) {
            const ModelConfig &current = existing.at(row);
            if (current.upstreamId != entry.upstreamId || current.provider != provider)
                continue;
            matched = true;
            ModelConfig updated = plan.updated.value(int(row), current);
            updated.price = entry.price;
            if (updated.price.input == current.price.input &&
                updated.price.output == current.price.output &&
                updated.price.cachedInput == current.price.cachedInput &&
                updated.price.cacheWrite == current.price.cacheWrite) {
                plan.unchanged << current.id;
                continue;
            }
            plan.updated.insert(int(row), updated);
        }
        if (matched)
            continue;

        ModelConfig model;
        model.id = uniqueId(entry.upstreamId, provider, usedIds);
        model.provider = provider;
        model.upstreamId = entry.upstreamId;
        model.price = entry.price;
        model.contextWindow = entry.contextWindow;
        model.maxOutputTokens = entry.maxOutputTokens;
        model.capabilities = entry.capabilities;
        plan.added << model;
    }
    return plan;
}

} // namespace signalbox
