// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "autorouter.h"

#include <limits>

namespace signalbox {

namespace {

// The first reason the model cannot serve the request, or an empty string if it can.
QString unfitReason(const ModelConfig &model, const ChatRequestFeatures &features,
                    const StageConfig *stage) {
    if (stage && !stage->allowed.isEmpty() && !stage->allowed.contains(model.id))
        return QStringLiteral("not allowed for stage '%1'").arg(stage->name);
    if (features.usesTools && !model.hasCapability(QStringLiteral("tools")))
        return QStringLiteral("no tool use");
    if (features.hasImages && !model.hasCapability(QStringLiteral("vision")))
        return QStringLiteral("no vision");
    if (features.wantsJson && !model.hasCapability(QStringLiteral("json")))
        return QStringLiteral("no JSON output");

    const qint64 needed = features.estimatedInputTokens + features.requestedMaxOutputTokens;
    if (model.contextWindow > 0 && needed > model.contextWindow)
        return QStringLiteral("context %1 < %2 tokens needed").arg(model.contextWindow).arg(needed);
    return {};
}

} // namespace

qint64 maxOutputTokensFor(const ModelConfig &model, const ChatRequestFeatures &features) {
    if (features.requestedMaxOutputTokens > 0)
        return features.requestedMaxOutputTokens;
    return model.maxOutputTokens;
}

double worstCaseCostUsd(const ModelConfig &model, const ChatRequestFeatures &features) {
    const double input = double(features.estimatedInputTokens) * model.price.input;
    const double output = double(maxOutputTokensFor(model, features)) * model.price.output;
    return (input + output) * 1e-6;
}

AutoChoice chooseAutomatically(const Config &config, const ChatRequestFeatures &features,
                               const StageConfig *stage) {
    AutoChoice choice;
    choice.trace << QStringLiteral("auto: about %1 input tokens, tools %2, images %3, JSON %4")
                        .arg(features.estimatedInputTokens)
                        .arg(features.usesTools ? QLatin1String("yes") : QLatin1String("no"),
                             features.hasImages ? QLatin1String("yes") : QLatin1String("no"),
                             features.wantsJson ? QLatin1String("yes") : QLatin1String("no"));

    QStringList excluded;
    double bestCost = std::numeric_limits<double>::max();
    for (const ModelConfig &model : config.models) {
        const QString reason = unfitReason(model, features, stage);
        if (!reason.isEmpty()) {
            excluded << QStringLiteral("%1 (%2)").arg(model.id, reason);
            continue;
        }
        const double cost = worstCaseCostUsd(model, features);
        if (cost < bestCost) {
            bestCost = cost;
            choice.model = model.id;
        }
    }

    if (!excluded.isEmpty())
        choice.trace << QStringLiteral("excluded: %1").arg(excluded.join(QLatin1String(", ")));
    if (choice.model.isEmpty())
        choice.trace << QStringLiteral("auto: no model can serve this request");
    else
        choice.trace << QStringLiteral("auto: cheapest capable model is '%1', worst case $%2")
                            .arg(choice.model)
                            .arg(bestCost, 0, 'f', 6);
    return choice;
}

} // namespace signalbox
