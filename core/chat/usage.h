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

// Returns the cost in USD of the usage at the given prices.
double costUsd(const Usage &usage, const Price &price);

} // namespace signalbox
