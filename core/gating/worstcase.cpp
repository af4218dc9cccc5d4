// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "worstcase.h"

#include "config/config.h"

#include <algorithm>
#include <cmath>

namespace signalbox {

qint64 reservedOutputTokens(qint64 requestMaxOutputTokens, qint64 modelMaxOutputTokens,
                            qint64 defaultReservationOutputTokens, double reasoningOutputFactor) {
    const qint64 reasoning =
        std::llround(double(defaultReservationOutputTokens) * std::max(0.0, reasoningOutputFactor));
    qint64 tokens = requestMaxOutputTokens > 0 ? requestMaxOutputTokens
                                               : defaultReservationOutputTokens + reasoning;
    if (modelMaxOutputTokens > 0)
        tokens = std::min(tokens, modelMaxOutputTokens);
    return std::max<qint64>(0, tokens);
}

double worstCaseCostUsd(qint64 inputTokens, qint64 outputTokens, const Price &price) {
    const double inputPrice = std::max({price.input, price.cachedInput, price.cacheWrite});
    return (double(std::max<qint64>(0, inputTokens)) * inputPrice +
            double(std::max<qint64>(0, outputTokens)) * price.output) /
           1e6;
}

} // namespace signalbox
