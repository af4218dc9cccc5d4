// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "usage.h"

#include "config/config.h"

#include <algorithm>

namespace signalbox {

qint64 Usage::uncachedInputTokens() const {
    // A provider that reports more cache tokens than prompt tokens is wrong; never go negative.
    return std::max<qint64>(0, inputTokens - cachedTokens - cacheWriteTokens);
}

double costUsd(const Usage &usage, const Price &price) {
    const double perToken = 1e-6;
    const double input = double(usage.uncachedInputTokens()) * price.input;
    const double cacheRead = double(usage.cachedTokens) * price.cachedInput;
    const double cacheWrite = double(usage.cacheWriteTokens) * price.cacheWrite;
    const double output = double(usage.outputTokens) * price.output;
    return (input + cacheRead + cacheWrite + output) * perToken;
}

} // namespace signalbox
