// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/tokens.h"
#include "config/config.h"

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
    // The time a stage override is checked against. Invalid means the current time.
    QDateTime now;
};

struct RouteDecision {
    RouteLevel level = RouteLevel::Fallback;
    QString stage;          // empty when no stage applies
    QStringList candidates; // model ids to try in order: the choice, then its fallbacks
    QStringList trace;      // one human-readable reason per step

    QString model() const { return candidates.value(0); }
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
