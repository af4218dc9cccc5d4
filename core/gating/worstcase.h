// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QtGlobal>

namespace signalbox {

struct Price;

// Returns the output tokens to reserve for a request: its own maximum when it sets one (0 or
// less means it set none), else the policy default plus the hidden reasoning tokens a model with
// a reasoningOutputFactor spends on that much output; either way capped by the model's maximum
// output when the model declares one (modelMaxOutputTokens > 0). A request's own maximum needs
// no reasoning share, because providers count reasoning tokens within it.
qint64 reservedOutputTokens(qint64 requestMaxOutputTokens, qint64 modelMaxOutputTokens,
                            qint64 defaultReservationOutputTokens, double reasoningOutputFactor);

// Returns the worst-case cost in USD of a call: every input token at the highest input price
// (plain input, cache read or cache write, since Anthropic charges cache writes above plain
// input) plus every reserved output token at the output price. Prices are USD per million tokens.
double worstCaseCostUsd(qint64 inputTokens, qint64 outputTokens, const Price &price);

} // namespace signalbox
