// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "usage.h"

#include "config/config.h"

#include <QByteArray>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace signalbox {

qint64 Usage::uncachedInputTokens() const {
    // A provider that reports more cache tokens than prompt tokens is wrong; never go negative.
    return std::max<qint64>(0, inputTokens - cachedTokens - cacheWriteTokens);
}

bool isPlausibleReport(const Usage &usage) {
    const qint64 counts[] = {usage.inputTokens, usage.cachedTokens, usage.cacheWriteTokens,
                             usage.outputTokens, usage.reasoningTokens};
    const bool inRange = std::all_of(std::begin(counts), std::end(counts), [](qint64 count) {
        return count >= 0 && count <= kMaxTokensPerCall;
    });
    return inRange && usage.inputTokens > 0;
}

Usage withConsistentParts(Usage usage) {
    usage.cachedTokens = std::min(usage.cachedTokens, usage.inputTokens);
    usage.cacheWriteTokens =
        std::min(usage.cacheWriteTokens, usage.inputTokens - usage.cachedTokens);
    usage.reasoningTokens = std::min(usage.reasoningTokens, usage.outputTokens);
    return usage;
}

double costUsd(const Usage &usage, const Price &price) {
    const double perToken = 1e-6;
    const double input = double(usage.uncachedInputTokens()) * price.input;
    const double cacheRead = double(usage.cachedTokens) * price.cachedInput;
    const double cacheWrite = double(usage.cacheWriteTokens) * price.cacheWrite;
    const double output = double(usage.outputTokens) * price.output;
    return (input + cacheRead + cacheWrite + output) * perToken;
}

double roundedUsd(double usd) {
    if (!std::isfinite(usd))
        return usd;

    // A ten-billionth of a dollar keeps every single cost exact, and a sum of many thousand rows
    // gathers binary errors far below it. Below 2^53 / 1e10, about $900,000, the scaled amount is
    // an exact integer.
    if (std::abs(usd) < 9e5)
        return std::round(usd * 1e10) / 1e10;

    // Above, 15 significant digits carry no binary tail. Qt's conversions, unlike printf's,
    // ignore the locale's decimal comma.
    return QByteArray::number(usd, 'g', 15).toDouble();
}

} // namespace signalbox
