// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <atomic>

namespace signalbox {

// One chat model of a price catalog in LiteLLM's format (model_prices_and_context_window.json):
// a JSON object keyed by model name whose entries give prices in USD per token.
struct CatalogModel {
    QString key;              // the catalog's key, e.g. "gemini/gemini-2.5-flash"
    QString catalogProvider;  // litellm_provider, e.g. "gemini", "vertex_ai-language-models"
    QString upstreamId;       // the key without a leading "<litellm_provider>/"
    Price price;              // converted to USD per million tokens
    qint64 contextWindow = 0; // max_input_tokens, else max_tokens; 0 when the catalog has neither
    qint64 maxOutputTokens = 0;
    QStringList capabilities;
};

// Reads the chat models of a catalog, sorted by key. Entries whose mode is not "chat", that
// have no input or output price, or that are not objects are skipped; so is the documentation
// entry "sample_spec". Returns an error when the text is not a JSON object. A set `cancel`
// flag stops the work early with an error.
Result<QList<CatalogModel>> parseLiteLlmCatalog(const QByteArray &json,
                                                const std::atomic_bool *cancel = nullptr);

// Returns the id of the configured provider a catalog provider maps to: the same id, or the id
// without LiteLLM's "_ai" suffix ("together_ai" -> "together"), or `fallback` when neither is
// configured.
QString matchProvider(const QString &catalogProvider, const QStringList &providerIds,
                      const QString &fallback);

// What importing a choice of catalog models does to the registry.
struct ImportPlan {
    QList<ModelConfig> added;        // new registry entries
    QHash<int, ModelConfig> updated; // registry row -> the entry with the catalog's prices
    QStringList unchanged;           // ids of existing models whose prices already match
};

// Plans the import of `chosen` into `existing`. A catalog model updates the prices of every
// existing model with the same upstream id at the same provider, and keeps its other fields.
// Otherwise it is added with the catalog's prices, context window, maximum output and
// capabilities, quality 50, and its upstream id as the id (with a suffix when that id is taken).
ImportPlan planImport(const QList<ModelConfig> &existing, const QList<CatalogModel> &chosen,
                      const QStringList &providerIds, const QString &fallbackProvider);

} // namespace signalbox
