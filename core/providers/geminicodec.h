// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "providers/upstreamcall.h"
#include "result.h"

#include <QJsonObject>

// Google Gemini generateContent requests and responses (the v1beta API), to and from the
// canonical chat types. Gemini is never a client format, so requests are only written and
// responses only read.
namespace signalbox::geminicodec {

// Writes a generateContent request. Tool results become functionResponse parts named after the
// tool call they answer, because Gemini matches them by name.
Result<QJsonObject> encodeRequest(const ChatRequest &request);

ChatResponse decodeResponse(const QJsonObject &body);

// Reads usageMetadata. thoughtsTokenCount is outside candidatesTokenCount, so both count as
// output; promptTokenCount already includes cachedContentTokenCount.
Usage parseUsage(const QJsonObject &usageMetadata);

// Maps a candidate's finishReason. A STOP after a function call is ToolUse, because Gemini has
// no separate reason for it.
FinishReason parseFinishReason(const QString &reason, bool calledTools);

// Reads the error envelope {"error":{"code","message","status","details"}}: the type is the
// status (e.g. RESOURCE_EXHAUSTED), the code the ErrorInfo reason when there is one
// (e.g. API_KEY_INVALID), and RetryInfo's retryDelay becomes the retry delay.
UpstreamError errorFromObject(const QJsonObject &body, int httpStatus, const QString &providerId);

} // namespace signalbox::geminicodec
