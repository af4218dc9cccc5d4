// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "routepreview.h"

#include "routing/autorouter.h"
#include "routing/router.h"

#include <QJsonArray>

namespace signalbox {

RoutePreview previewRoute(const Config &config, const QJsonObject &body, const QString &headerModel,
                          const QString &headerStage, const QDateTime &now) {
    RouteInput input = routeInputFromRequest(body, headerModel, headerStage);
    input.now = now;

    RoutePreview preview;
    preview.estimatedInputTokens = input.features.estimatedInputTokens;
    const RouteOutcome outcome = route(config, input);
    if (const auto *rejection = std::get_if<RouteRejection>(&outcome)) {
        preview.trace = rejection->trace;
        preview.httpStatus = rejection->httpStatus;
        preview.errorType = rejection->type;
        preview.errorCode = rejection->code;
        preview.errorMessage = rejection->message;
        return preview;
    }

    const RouteDecision &decision = std::get<RouteDecision>(outcome);
    preview.routed = true;
    preview.level = routeLevelName(decision.level);
    preview.model = decision.model();
    preview.stage = decision.stage;
    preview.candidates = decision.candidates;
    preview.trace = decision.trace;
    if (const ModelConfig *model = config.findModel(decision.model())) {
        preview.provider = model->provider;
        preview.worstCaseCostUsd =
            reservationCostUsd(*model, input.features, config.gates.reserveOutputTokens);
    }
    return preview;
}

QJsonObject routePreviewToJson(const RoutePreview &preview) {
    QJsonObject object{
        {QLatin1String("level"), preview.level},
        {QLatin1String("model"), preview.model},
        {QLatin1String("stage"), preview.stage},
        {QLatin1String("candidates"), QJsonArray::fromStringList(preview.candidates)},
        {QLatin1String("trace"), QJsonArray::fromStringList(preview.trace)},
        {QLatin1String("estimated_input_tokens"), preview.estimatedInputTokens}};
    if (!preview.provider.isEmpty()) {
        object.insert(QLatin1String("provider"), preview.provider);
        object.insert(QLatin1String("worst_case_cost_usd"), preview.worstCaseCostUsd);
    }
    return object;
}

} // namespace signalbox
