// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "chat/chattypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace signalbox {

class HttpExchange;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// An error as the endpoint reports it: the HTTP status and the OpenAI error fields.
struct ApiError {
    int httpStatus = 500;
    QString type;
    QString code;
    QString message;
    QString param;

    static ApiError badRequest(const QString &message, const QString &param = {});
};

// The OpenAI error envelope: {"error":{"message","type","param","code"}}.
QByteArray openAiErrorBody(const ApiError &error);

// The Anthropic error envelope: {"type":"error","error":{"type","message"}}.
QByteArray anthropicErrorBody(const ApiError &error);

// Returns the Anthropic error type for the error: the type Anthropic gives its HTTP status
// (rate_limit_error for 429, overloaded_error for 529, ...), else its own type when that is one
// of Anthropic's, else invalid_request_error for a 4xx and api_error for the rest.
QString anthropicErrorType(const ApiError &error);

// Returns the error body in the envelope of the client's format.
QByteArray errorBody(WireFormat format, const ApiError &error);

// Returns the SSE event that ends a stream with the error, in the client's format: an OpenAI
// `data: {"error":...}` event or an Anthropic `event: error`.
QByteArray errorStreamEvent(WireFormat format, const ApiError &error);

// Sends the error as a JSON response in the client format's envelope, with the given extra
// headers.
void replyWithError(HttpExchange *exchange, const ApiError &error, HeaderList headers = {},
                    WireFormat format = WireFormat::OpenAiChat);

// Sends a JSON response.
void replyWithJson(HttpExchange *exchange, int status, const QByteArray &json,
                   HeaderList headers = {});

} // namespace signalbox
