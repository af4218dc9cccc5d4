// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "config/config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace signalbox {

// The dry-run routing decision for a chat body, as POST /api/route and the console's playground
// show it: either the route the request would take, or why the router rejects it.
struct RoutePreview {
    bool routed = false;
    QString level; // explicit, stage, auto or fallback
    QString model;
    QString provider; // empty when the chosen model is not in the registry
    QString stage;    // empty when no stage applies
    QStringList candidates;
    QStringList trace;
    qint64 estimatedInputTokens = 0;
    double worstCaseCostUsd = -1; // USD; -1 when the chosen model is not in the registry

    // Set when routed is false: the status and OpenAI error the endpoint would send.
    int httpStatus = 200;
    QString errorType;
    QString errorCode;
    QString errorMessage;
};

// Routes a Chat Completions body without calling any upstream. headerModel and headerStage are
// the X-Signalbox-Model and X-Signalbox-Stage headers, empty when absent. `now` is the time stage
// overrides are checked against; invalid means the current time. The classifier is not asked, so
// an "auto" request is routed by the task rules alone.
RoutePreview previewRoute(const Config &config, const QJsonObject &body,
                          const QString &headerModel = {}, const QString &headerStage = {},
                          const QDateTime &now = {});

// Builds the body of a successful POST /api/route answer.
QJsonObject routePreviewToJson(const RoutePreview &preview);

} // namespace signalbox

Q_DECLARE_METATYPE(signalbox::RoutePreview)
