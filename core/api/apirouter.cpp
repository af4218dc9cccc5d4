// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apirouter.h"

#include "api/adminapi.h"
#include "api/apierror.h"
#include "api/chatrun.h"
#include "clienttext.h"
#include "http/httpexchange.h"
#include "logging.h"

namespace signalbox {

namespace {

struct Endpoint {
    QByteArrayView method;
    QByteArrayView path;
};

constexpr Endpoint kEndpoints[] = {
    {"POST", "/v1/chat/completions"},
    {"POST", "/v1/messages"},
    {"POST", "/v1/messages/count_tokens"},
    {"GET", "/v1/models"},
    {"POST", "/api/route"},
    {"GET", "/api/usage"},
    {"GET", "/api/gates"},
    {"GET", "/metrics"},
    {"GET", "/health"},
};

// Paths of the Anthropic API answer errors in its envelope; all others in OpenAI's.
WireFormat errorFormatFor(const HttpRequest &request) {
    return request.path.startsWith("/v1/messages") ? WireFormat::AnthropicMessages
                                                   : WireFormat::OpenAiChat;
}

void replyNotFound(HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    const WireFormat format = errorFormatFor(request);
    for (const Endpoint &endpoint : kEndpoints) {
        if (endpoint.path == request.path) {
            replyWithError(
                exchange,
                {405, QStringLiteral("invalid_request_error"), QString(),
                 QStringLiteral("%1 does not accept %2; use %3")
                     .arg(clippedClientValue(QString::fromUtf8(request.path)),
                          clippedClientValue(QString::fromUtf8(request.method)),
                          QString::fromUtf8(endpoint.method.data(), endpoint.method.size())),
                 QString()},
                {{QByteArrayLiteral("Allow"), endpoint.method.toByteArray()}}, format);
            return;
        }
    }
    replyWithError(exchange,
                   {404, QStringLiteral("invalid_request_error"), QString(),
                    QStringLiteral("no endpoint at %1 %2")
                        .arg(clippedClientValue(QString::fromUtf8(request.method)),
                             clippedClientValue(QString::fromUtf8(request.path))),
                    QString()},
                   {}, format);
}

} // namespace

void dispatchRequest(const ApiEnvironment &environment, HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";

    if (const std::optional<ApiError> refused = checkRequestOrigin(request, environment.guard)) {
        qCWarning(lcApi).noquote() << "rejected" << request.method << request.path << "from"
                                   << request.peerAddress.toString() << ":" << refused->message;
        replyWithError(exchange, *refused, {}, errorFormatFor(request));
        return;
    }

    // The health check stays open, so that a supervisor needs no secret to probe the process.
    if (request.path != "/health") {
        if (const std::optional<ApiError> denied = checkAccessToken(request, environment.guard)) {
            qCWarning(lcApi).noquote() << "rejected" << request.method << request.path << "from"
                                       << request.peerAddress.toString() << ":" << denied->message;
            HeaderList headers;
            if (denied->httpStatus == 401)
                headers.append({QByteArrayLiteral("WWW-Authenticate"),
                                QByteArrayLiteral("Bearer realm=\"signalbox\"")});
            replyWithError(exchange, *denied, headers, errorFormatFor(request));
            return;
        }
    }

    if (isGet && request.path == "/health") {
        handleHealth(exchange);
    } else if (environment.paused && request.path.startsWith("/v1/")) {
        replyWithError(exchange,
                       {503, QStringLiteral("service_unavailable"), QString(),
                        QStringLiteral("routing is paused in the Signalbox console; "
                                       "resume it to serve requests"),
                        QString()},
                       {}, errorFormatFor(request));
    } else if (isPost && request.path == "/v1/chat/completions") {
        startChatRun(environment, exchange, WireFormat::OpenAiChat);
    } else if (isPost && request.path == "/v1/messages") {
        startChatRun(environment, exchange, WireFormat::AnthropicMessages);
    } else if (isPost && request.path == "/v1/messages/count_tokens") {
        handleCountTokens(environment, exchange);
    } else if (isGet && request.path == "/v1/models") {
        handleModels(environment, exchange);
    } else if (isGet && request.path.startsWith("/v1/models/") && request.path.size() > 11) {
        // Model ids may contain '/' ("accounts/fireworks/models/x"), sent as is or encoded.
        const QByteArray id = request.path.mid(11);
        handleModel(environment, exchange, QString::fromUtf8(QByteArray::fromPercentEncoding(id)));
    } else if (isPost && request.path == "/api/route") {
        handleRoute(environment, exchange);
    } else if (isGet && request.path == "/api/usage") {
        handleUsage(environment, exchange);
    } else if (isGet && request.path == "/api/gates") {
        handleGates(environment, exchange);
    } else if (isGet && request.path == "/metrics") {
        handleMetrics(environment, exchange);
    } else {
        replyNotFound(exchange);
    }
}

} // namespace signalbox
