// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/tokens.h"
#include "config/config.h"

namespace signalbox {

struct AutoChoice {
    QString model; // empty when no model can serve the request
    QStringList trace;
};

// Level 3 of the router: among the models that can serve the request (capabilities, context,
// the stage's allowed list), picks the one with the lowest worst-case cost.
// TODO: weigh quality against price and classify the task; this is the cheapest-capable rule.
AutoChoice chooseAutomatically(const Config &config, const ChatRequestFeatures &features,
                               const StageConfig *stage);

// The worst-case cost in USD of a request on a model: the estimated prompt at the input price
// plus the maximum output at the output price.
double worstCaseCostUsd(const ModelConfig &model, const ChatRequestFeatures &features);

// The output tokens a request may produce on a model: its own limit, else the model's maximum.
qint64 maxOutputTokensFor(const ModelConfig &model, const ChatRequestFeatures &features);

} // namespace signalbox
