// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"

#include <QJsonObject>
#include <QStringView>

namespace signalbox {

// Estimates the token count of text without a tokenizer: about one token per common word, long
// words and numbers split, symbols in pairs, one per newline and one per CJK character. An
// estimate: it is used for reservations and routing before the provider reports the real count.
qint64 estimateTokens(QStringView text);

// What routing needs to know about an OpenAI Chat Completions request body.
struct ChatRequestFeatures {
    qint64 estimatedInputTokens = 0;
    qint64 requestedMaxOutputTokens = 0; // 0 when the request sets no limit
    int turns = 0;
    bool usesTools = false;
    bool hasImages = false;
    bool wantsJson = false;
    bool stream = false;
    bool includeUsage = false; // stream_options.include_usage
};

ChatRequestFeatures analyzeChatRequest(const QJsonObject &body);

// The same for a request in canonical form, as the Anthropic endpoint reads it. System
// instructions count as messages; tools count by the JSON of their name, description and schema.
ChatRequestFeatures analyzeChatRequest(const ChatRequest &request);

} // namespace signalbox
