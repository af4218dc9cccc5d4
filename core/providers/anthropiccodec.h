// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>

// Anthropic Messages requests and response bodies, to and from the canonical chat types.
namespace signalbox::anthropiccodec {

// The anthropic-version header value every request carries; the Anthropic SDKs send it too.
inline constexpr char kApiVersion[] = "2023-06-01";

// Reads a Messages request body. Returns an error naming the block at fault for a content block
// it cannot read.
Result<ChatRequest> decodeRequest(const QJsonObject &body);

// Writes a Messages request for the upstream model. Anthropic requires max_tokens, so a request
// without one gets `defaultMaxTokens`. Same-role neighbours are merged into one message, because
// Anthropic requires the roles to alternate, and tool results lead their user message. Returns
// an error when tool call arguments are not a JSON object.
Result<QJsonObject> encodeRequest(const ChatRequest &request, const QString &upstreamModel,
                                  qint64 defaultMaxTokens);

ChatResponse decodeResponse(const QJsonObject &body);

// Writes a Messages response body. A tool call in the content makes the stop reason tool_use.
QByteArray encodeResponse(const ChatResponse &response);

// The maximum number of characters after "msg_" in a Messages id that messageId() returns.
inline constexpr qsizetype kMaxMessageIdSuffix = 64;

// Returns the Messages id for a reply with the upstream's id: "msg_" followed by the characters
// [A-Za-z0-9_] of the upstream id, without its "chatcmpl-" or "msg_" prefix, and at most
// kMaxMessageIdSuffix of them. "chatcmpl-abc" becomes "msg_abc". An id with none of those
// characters gets a random one, because the upstream's id is untrusted text and clients may use
// the id as a key or a file name.
QString messageId(const QString &upstreamId);

// Returns the usage object in Anthropic's terms, where input_tokens excludes the cache reads and
// writes that the canonical inputTokens includes.
QByteArray usageJson(const Usage &usage);

// Reads input_tokens, cache_read_input_tokens and cache_creation_input_tokens into `usage`, and
// output_tokens when present. Fields that are absent keep their value.
void readUsage(const QJsonObject &object, Usage &usage);

FinishReason parseStopReason(const QString &reason);
// Returns the stop_reason value, or an empty string for FinishReason::None.
QString stopReasonName(FinishReason reason);

// Returns the JSON text of a tool call's arguments as an object; empty text is {}.
Result<QJsonObject> argumentsObject(const QString &arguments);

} // namespace signalbox::anthropiccodec
