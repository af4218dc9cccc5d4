// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/tokens.h"
#include "config/config.h"
#include "routing/autorouter.h"
#include "routing/classifier.h"
#include "routing/taskfeatures.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <variant>

namespace signalbox {

enum class RouteLevel { Explicit, Stage, Auto, Fallback };

QString routeLevelName(RouteLevel level);

// Everything the router looks at: the request's own choice and what it needs from a model.
struct RouteInput {
    QString model;       // the body's "model" field: a model id, "auto", "stage:NAME" or empty
    QString headerModel; // X-Signalbox-Model
    QString headerStage; // X-Signalbox-Stage
    ChatRequestFeatures features;
    // Task features, left empty when the request names a model, because only automatic routing
    // reads them.
    TaskFeatures task;
    // The classifier's verdict, or the reason there is none. Absent until the caller consulted it.
    std::optional<ClassifierOutcome> classifier;
    // The time a stage override is checked against. Invalid means the current time.
    QDateTime now;
};

// Builds the router's input from a Chat Completions body and the Signalbox headers.
RouteInput routeInputFromRequest(const QJsonObject &body, const QString &headerModel,
                                 const QString &headerStage);

struct RouteDecision {
    RouteLevel level = RouteLevel::Fallback;
    QString stage;          // empty when no stage applies
    QStringList candidates; // model ids to try in order: the choice, then its fallbacks
    QStringList trace;      // one human-readable reason per step
    std::optional<AutoChoice> autoChoice; // set when level 3 ran, even if it chose nothing

    QString model() const { return candidates.value(0); }

    // Returns true when level 3 ran and would like the classifier's opinion before the call.
    bool wantsClassifier() const { return autoChoice && autoChoice->wantsClassifier; }
};

// A request the router cannot serve, with the status and OpenAI error code it maps to.
struct RouteRejection {
    int httpStatus = 404;
    QString type;
    QString code;
    QString message;
    QStringList trace;
};

using RouteOutcome = std::variant<RouteDecision, RouteRejection>;

// Picks the model for a request in four levels: an explicit model, the stage's assignment,
// automatic routing, then the global fallback. It decides and explains; it never calls an upstream.
RouteOutcome route(const Config &config, const RouteInput &input);

QStringList stageNames(const Config &config);

} // namespace signalbox
