// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "service/routepreview.h"

#include "routing/autorouter.h"
#include "routing/router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace signalbox {

RoutePreview previewRouteFor(const Config &config, const QByteArray &body, const QDateTime &now) {
    RoutePreview preview;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        preview.httpStatus = 400;
        preview.error = QStringLiteral("invalid JSON body: %1; send a Chat Completions request "
                                       "object")
                            .arg(parseError.errorString());
        return preview;
    }

    const QJsonObject object = document.object();
    RouteInput input;
    input.model = object.value(QLatin1String("model")).toString();
    input.features = analyzeChatRequest(object);
    input.now = now;
    preview.estimatedInputTokens = input.features.estimatedInputTokens;

    const RouteOutcome outcome = route(config, input);
    if (const auto *rejection = std::get_if<RouteRejection>(&outcome)) {
        preview.httpStatus = rejection->httpStatus;
        preview.error = rejection->message;
        preview.trace = rejection->trace;
        return preview;
    }

    const RouteDecision &decision = std::get<RouteDecision>(outcome);
    preview.ok = true;
    preview.level = routeLevelName(decision.level);
    preview.model = decision.model();
    preview.stage = decision.stage;
    preview.candidates = decision.candidates;
    preview.trace = decision.trace;
    if (const ModelConfig *model = config.findModel(decision.model())) {
        preview.provider = model->provider;
        preview.worstCaseCostUsd = worstCaseCostUsd(*model, input.features);
    }
    return preview;
}

} // namespace signalbox
