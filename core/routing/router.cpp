// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "router.h"

#include "clienttext.h"
#include "routing/autorouter.h"
#include "spelling.h"

#include <optional>

namespace signalbox {

namespace {

const QLatin1String kAuto("auto");
const QLatin1String kStagePrefix("stage:");

// Returns a hint for a model name that is not in the registry, or an empty string. A name that is
// a model's upstream_id points to that model, because users copy the provider's name
// ("claude-sonnet-4-20250514"). A mistyped name gets " Did you mean 'x'?" for the closest model.
QString closestModelHint(const Config &config, const QString &named) {
    for (const ModelConfig &model : config.models) {
        if (model.upstreamId == named)
            return QStringLiteral(" '%1' is the upstream_id of model '%2': send that id instead.")
                .arg(clippedClientValue(named), model.id);
    }
    QString best;
    int bestDistance = 0;
    for (const ModelConfig &model : config.models) {
        if (!looksMisspelled(named, model.id))
            continue;
        const int distance = editDistance(named, model.id);
        if (best.isEmpty() || distance < bestDistance) {
            best = model.id;
            bestDistance = distance;
        }
    }
    return best.isEmpty() ? QString() : QStringLiteral(" Did you mean '%1'?").arg(best);
}

RouteRejection notFound(const QString &message, QStringList trace) {
    trace << message;
    return {404, QStringLiteral("invalid_request_error"), QStringLiteral("model_not_found"),
            message, trace};
}

// Returns the model that the X-Signalbox-Model header, or else the body, names. Returns an empty
// string when the value is empty, "auto" or "stage:NAME", which name no model.
QString namedModel(const QString &headerModel, const QString &bodyModel) {
    const QString &named = !headerModel.isEmpty() ? headerModel : bodyModel;
    if (named.isEmpty() || named == kAuto || named.startsWith(kStagePrefix))
        return {};
    return named;
}

bool stageAllows(const StageConfig *stage, const QString &model) {
    return !stage || stage->allowed.isEmpty() || stage->allowed.contains(model);
}

// Appends the stage's fallbacks and the global fallback model to the candidates, skipping
// duplicates and models the stage does not allow.
void appendFallbacks(const Config &config, const StageConfig *stage, RouteDecision &decision) {
    QStringList extra;
    if (stage)
        extra << stage->fallbacks;
    extra << config.routing.fallbackModel;

    for (const QString &model : std::as_const(extra)) {
        if (model.isEmpty() || decision.candidates.contains(model) || !config.findModel(model))
            continue;
        if (!stageAllows(stage, model))
            continue;
        decision.candidates << model;
    }
    if (decision.candidates.size() > 1)
        decision.trace << QStringLiteral("fallbacks in order: %1")
                              .arg(decision.candidates.mid(1).join(QLatin1String(", ")));
}

RouteOutcome routeExplicit(const Config &config, const QString &model, const StageConfig *stage,
                           QStringList trace) {
    if (!stageAllows(stage, model)) {
        const QString message =
            QStringLiteral("model '%1' is not allowed for stage '%2'; allowed models: %3")
                .arg(model, stage->name, stage->allowed.join(QLatin1String(", ")));
        trace << message;
        return RouteRejection{403, QStringLiteral("permission_error"),
                              QStringLiteral("model_not_allowed"), message, trace};
    }

    RouteDecision decision;
    decision.level = RouteLevel::Explicit;
    decision.stage = stage ? stage->name : QString();
    decision.trace = trace;
    decision.trace << QStringLiteral("explicit: the request names model '%1'").arg(model);
    decision.candidates << model;
    appendFallbacks(config, stage, decision);
    return decision;
}

RouteOutcome routeFallback(const Config &config, const StageConfig *stage, QStringList trace) {
    const QString model = config.routing.fallbackModel;
    if (model.isEmpty() || !config.findModel(model))
        return notFound(QStringLiteral("no model could be chosen and routing.fallback_model is not "
                                       "set to a registry model; name a model in the request or "
                                       "set routing.fallback_model"),
                        trace);

    RouteDecision decision;
    decision.level = RouteLevel::Fallback;
    decision.stage = stage ? stage->name : QString();
    decision.trace = trace;
    decision.trace << QStringLiteral("fallback: routing.fallback_model is '%1'").arg(model);
    decision.candidates << model;
    return decision;
}

RouteOutcome routeAuto(const Config &config, const RouteInput &input, const StageConfig *stage,
                       QStringList trace) {
    AutoChoice choice =
        chooseAutomatically(config, input.features, input.task, stage, input.classifier);
    trace << choice.trace;
    if (choice.candidates.isEmpty()) {
        RouteOutcome outcome = routeFallback(config, stage, trace);
        if (auto *decision = std::get_if<RouteDecision>(&outcome))
            decision->autoChoice = std::move(choice);
        return outcome;
    }

    RouteDecision decision;
    decision.level = RouteLevel::Auto;
    decision.stage = stage ? stage->name : QString();
    decision.trace = trace;
    decision.candidates = choice.candidates;
    decision.autoChoice = std::move(choice);
    appendFallbacks(config, stage, decision);
    return decision;
}

// Routes to the model a stage override pins the stage to, while the override has not expired.
std::optional<RouteDecision> routePinnedStage(const Config &config, const RouteInput &input,
                                              const StageConfig &stage, QStringList &trace) {
    if (!stage.stageOverride)
        return std::nullopt;

    const StageOverride &pin = *stage.stageOverride;
    const QDateTime now = input.now.isValid() ? input.now : QDateTime::currentDateTimeUtc();
    const QString until = pin.until.toUTC().toString(Qt::ISODate);
    if (!pin.isActiveAt(now)) {
        trace << QStringLiteral("the override of stage '%1' to '%2' expired at %3")
                     .arg(stage.name, pin.model, until);
        return std::nullopt;
    }
    if (!config.findModel(pin.model)) {
        trace << QStringLiteral("the override of stage '%1' names unknown model '%2'; ignored")
                     .arg(stage.name, pin.model);
        return std::nullopt;
    }

    RouteDecision decision;
    decision.level = RouteLevel::Stage;
    decision.stage = stage.name;
    decision.trace = trace;
    decision.trace << QStringLiteral("stage '%1' is pinned to '%2' by its override until %3")
                          .arg(stage.name, pin.model, until);
    decision.candidates << pin.model;
    appendFallbacks(config, &stage, decision);
    return decision;
}

RouteOutcome routeStage(const Config &config, const RouteInput &input, const StageConfig &stage,
                        QStringList trace) {
    if (std::optional<RouteDecision> pinned = routePinnedStage(config, input, stage, trace))
        return *pinned;

    trace << QStringLiteral("stage '%1' is assigned '%2'").arg(stage.name, stage.model);
    if (stage.model == kAuto)
        return routeAuto(config, input, &stage, trace);

    RouteDecision decision;
    decision.level = RouteLevel::Stage;
    decision.stage = stage.name;
    decision.trace = trace;
    decision.candidates << stage.model;
    appendFallbacks(config, &stage, decision);
    return decision;
}

} // namespace

QString routeLevelName(RouteLevel level) {
    switch (level) {
    case RouteLevel::Explicit:
        return QStringLiteral("explicit");
    case RouteLevel::Stage:
        return QStringLiteral("stage");
    case RouteLevel::Auto:
        return QStringLiteral("auto");
    case RouteLevel::Fallback:
        return QStringLiteral("fallback");
    }
    return QStringLiteral("fallback");
}

RouteOutcome route(const Config &config, const RouteInput &input) {
    QStringList trace;

    // The stage comes from "stage:NAME" in the body, else from the header.
    QString stageName = input.headerStage;
    if (input.model.startsWith(kStagePrefix)) {
        stageName = input.model.mid(kStagePrefix.size());
        if (stageName.isEmpty())
            return notFound(QStringLiteral("\"stage:\" names no stage; send \"stage:NAME\" with "
                                           "one of the configured stages: %1")
                                .arg(stageNames(config).join(QLatin1String(", "))),
                            trace);
    }
    const StageConfig *stage = nullptr;
    if (!stageName.isEmpty()) {
        stage = config.findStage(stageName);
        if (!stage)
            return notFound(QStringLiteral("unknown stage '%1'; configured stages: %2")
                                .arg(clippedClientValue(stageName),
                                     stageNames(config).join(QLatin1String(", "))),
                            trace);
    }

    // Level 1: a registry model named by the header or the body.
    const QString named = namedModel(input.headerModel, input.model);
    if (!named.isEmpty()) {
        if (!config.findModel(named))
            return notFound(QStringLiteral("unknown model '%1'; GET /v1/models lists the models, "
                                           "'auto' and the stages.%2")
                                .arg(clippedClientValue(named), closestModelHint(config, named)),
                            trace);
        return routeExplicit(config, named, stage, trace);
    }

    // Level 2: the stage's assignment; "auto" in the stage defers to level 3.
    if (stage)
        return routeStage(config, input, *stage, trace);

    // Level 3: the body asks for automatic routing.
    if (input.model == kAuto)
        return routeAuto(config, input, nullptr, trace);

    // Level 4: nothing above chose a model.
    trace << QStringLiteral("the request names no model and no stage");
    return routeFallback(config, nullptr, trace);
}

RouteInput routeInputFromRequest(const QJsonObject &body, const QString &headerModel,
                                 const QString &headerStage) {
    RouteInput input;
    input.model = body.value(QLatin1String("model")).toString();
    input.headerModel = headerModel;
    input.headerStage = headerStage;
    input.features = analyzeChatRequest(body);
    // A request that names a model goes to that model or is rejected, never to automatic
    // routing, the only reader of the task features. Skipping their analysis, which reads every
    // message, takes it off the path before the upstream call.
    if (namedModel(headerModel, input.model).isEmpty())
        input.task = analyzeTask(body);
    return input;
}

QStringList stageNames(const Config &config) {
    QStringList names;
    for (const StageConfig &stage : config.stages)
        names << stage.name;
    return names;
}

} // namespace signalbox
