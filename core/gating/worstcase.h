// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QtGlobal>

namespace signalbox {

struct Price;

// Returns the output tokens to reserve for a request: its own maximum when it sets one (0 or
// less means it set none), else the policy default; either way capped by the model's maximum
// output when the model declares one (modelMaxOutputTokens > 0).
qint64 reservedOutputTokens(qint64 requestMaxOutputTokens, qint64 modelMaxOutputTokens,
                            qint64 defaultReservationOutputTokens);

// Returns the worst-case cost in USD of a call: every input token at the highest input price
// (plain input, cache read or cache write, since Anthropic charges cache writes above plain
// input) plus every reserved output token at the output price. Prices are USD per million tokens.
double worstCaseCostUsd(qint64 inputTokens, qint64 outputTokens, const Price &price);

} // namespace signalbox
