// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

// OpenAI Chat Completions requests and response bodies, to and from the canonical chat types.
namespace signalbox::openaicodec {

// Reads a Chat Completions request body. System and developer messages become the system
// instructions; consecutive tool messages become the tool results of one user message.
// Returns an error naming the message at fault for a role or part it cannot read.
Result<ChatRequest> decodeRequest(const QJsonObject &body);

// Which field carries the output limit. OpenAI's reasoning models reject max_tokens, while many
// OpenAI-compatible servers know only max_tokens.
enum class MaxTokensField { MaxTokens, MaxCompletionTokens };

// Writes a Chat Completions request for the upstream model. A stream asks for usage with
// stream_options.include_usage, so that it can be billed.
QJsonObject encodeRequest(const ChatRequest &request, const QString &upstreamModel,
                          MaxTokensField maxTokensField = MaxTokensField::MaxTokens);

// Reads the first choice and the usage of a chat.completion body.
ChatResponse decodeResponse(const QJsonObject &body);

// Writes a chat.completion body. Thinking goes into message.reasoning_content, the field
// DeepSeek and vLLM use for it.
QByteArray encodeResponse(const ChatResponse &response, qint64 created);

// The usage object of a body or of the usage chunk.
QByteArray usageJson(const Usage &usage);

FinishReason parseFinishReason(const QString &reason);
// Returns the finish_reason value, or an empty string for FinishReason::None.
QString finishReasonName(FinishReason reason);

// Splits a data: URI into an inline image. Returns a URL image for anything else.
ImageSource parseImageUrl(const QString &url);
// Returns the image as the url of an image_url part: a data: URI when inline.
QString imageUrl(const ImageSource &image);

} // namespace signalbox::openaicodec
