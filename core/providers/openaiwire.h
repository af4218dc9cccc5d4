// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/usage.h"
#include "providers/upstreamcall.h"
#include "result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

// Parts of the OpenAI Chat Completions wire format that OpenAI-compatible providers share.
namespace signalbox::openaiwire {

// An output limit to add to a request that sets none, under the field the upstream reads.
struct OutputLimit {
    qint64 tokens = 0;                // 0 adds none
    bool maxCompletionTokens = false; // "max_completion_tokens" instead of "max_tokens"
};

// Returns the client's chat body with `model` set to the upstream id. For streams it also sets
// stream_options.include_usage, keeping the other stream_options keys. A limit with tokens
// replaces a null max_tokens and max_completion_tokens. Other fields are kept.
Result<QByteArray> rewriteRequestBody(const QByteArray &clientBody, const QString &upstreamModel,
                                      bool stream, OutputLimit limit = {});

// Returns the client's body with the value of `model` replaced by the upstream id and, for
// streams, "stream_options":{"include_usage":true} appended, as is the limit, keeping every other
// byte. Returns nothing when rewriteRequestBody() has to parse the body: it is not a JSON object
// the scan can read, it has no model, a stream request already has stream_options, or a request
// to limit has a max_tokens or max_completion_tokens member.
std::optional<QByteArray> spliceRequestModel(QByteArrayView clientBody,
                                             const QString &upstreamModel, bool stream,
                                             OutputLimit limit = {});

// Reads the usage of a response body from its top-level members, without parsing the rest.
// Returns nothing when the body reports an error or the scan cannot decide (see
// jsonscan::scanObject()); the caller then parses the whole body.
std::optional<ScannedResponse> scanResponseBody(QByteArrayView body);

// Returns true if the chunk text may carry a usage object, so chunks without one skip the
// JSON parse.
bool mayCarryUsage(QByteArrayView chunk);

// Reads `usage`, or Groq's older `x_groq.usage`, from a response body or a stream chunk.
// Returns nothing when neither is an object.
std::optional<Usage> parseUsage(const QJsonObject &object);

// Returns true for the chunk that carries only usage: its `choices` is empty, null or missing.
bool isUsageOnlyChunk(const QJsonObject &chunk);

// Returns true if the JSON object reports an error at its top level: an `error` key that is
// not null, or Mistral's flat {"object":"error", ...}.
bool hasError(const QJsonObject &object);

// Builds the error of an upstream reply from its status and body. Reads the OpenAI envelope
// {"error":{message,type,code,param}}, Mistral's flat {"object":"error",message,type,code},
// OpenRouter's {"error":{"code":<int>,message}} and bodies that are not JSON.
UpstreamError errorFromBody(int httpStatus, QByteArrayView body, const QString &providerId);

// Builds the error of a 200 reply whose body or stream event carries an error object. The
// status is the error's numeric code when it is an HTTP status, else 502.
UpstreamError errorFromObject(const QJsonObject &object, const QString &providerId);

// Returns the text with every occurrence of the secret replaced, so upstream messages that
// echo the API key do not leak it.
QString redact(QString text, const QString &secret);

} // namespace signalbox::openaiwire
