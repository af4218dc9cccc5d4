// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QtGlobal>

namespace signalbox {

struct Price;

// Token counts of one call, normalised across providers.
// inputTokens is the whole prompt, cache reads and writes included (OpenAI's prompt_tokens;
// Anthropic's input_tokens + cache_read_input_tokens + cache_creation_input_tokens).
// outputTokens includes reasoningTokens (OpenAI's completion_tokens; Gemini's
// candidatesTokenCount + thoughtsTokenCount).
struct Usage {
    qint64 inputTokens = 0;
    qint64 cachedTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    bool estimated = false; // true when no provider report arrived and the counts are estimates

    qint64 uncachedInputTokens() const;
};

// A count above this in one call is no real report. The limit is an estimate with a wide margin:
// the largest context windows offered are about 10 million tokens.
constexpr qint64 kMaxTokensPerCall = 100'000'000;

// Returns whether a provider's report can be billed as it is. It needs a prompt of at least one
// token, because no request is empty and a count the parser could not read comes out as 0. No
// count may be below 0 or above kMaxTokensPerCall. A report that fails is billed as an estimate,
// so a malformed report neither makes a call free nor charges a fortune.
bool isPlausibleReport(const Usage &usage);

// Returns the report with its parts capped by the totals that include them: cache reads and
// writes by the prompt, reasoning by the output.
Usage withConsistentParts(Usage usage);

// Returns the cost in USD of the usage at the given prices.
double costUsd(const Usage &usage, const Price &price);

// Returns an amount in USD rounded to a ten-billionth of a dollar, or to 15 significant digits
// from $900,000 up, for showing it. Costs are sums of token counts times prices, so binary
// rounding leaves tails such as 0.00011999999999999999 that JSON would print in full.
double roundedUsd(double usd);

} // namespace signalbox
