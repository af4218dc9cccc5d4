// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apirouter.h"

#include "api/adminapi.h"
#include "api/apierror.h"
#include "api/chatcompletions.h"
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
    {"GET", "/v1/models"},
    {"POST", "/api/route"},
    {"GET", "/api/usage"},
    {"GET", "/api/gates"},
    {"GET", "/metrics"},
    {"GET", "/health"},
};

void replyNotFound(HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    for (const Endpoint &endpoint : kEndpoints) {
        if (endpoint.path == request.path) {
            replyWithError(
                exchange,
                {405, QStringLiteral("invalid_request_error"), QString(),
                 QStringLiteral("%1 does not accept %2; use %3")
                     .arg(QString::fromUtf8(request.path), QString::fromUtf8(request.method),
                          QString::fromUtf8(endpoint.method.data(), endpoint.method.size())),
                 QString()},
                {{QByteArrayLiteral("Allow"), endpoint.method.toByteArray()}});
            return;
        }
    }
    replyWithError(exchange,
                   {404, QStringLiteral("invalid_request_error"), QString(),
                    QStringLiteral("no endpoint at %1 %2")
                        .arg(QString::fromUtf8(request.method), QString::fromUtf8(request.path)),
                    QString()});
}

} // namespace

void dispatchRequest(const ApiEnvironment &environment, HttpExchange *exchange) {
    const HttpRequest &request = exchange->request();
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";

    if (const std::optional<ApiError> refused = checkRequestOrigin(request, environment.guard)) {
        qCWarning(lcApi).noquote() << "rejected" << request.method << request.path << "from"
                                   << request.peerAddress.toString() << ":" << refused->message;
        replyWithError(exchange, *refused);
        return;
    }

    // The health check stays open, so that a supervisor needs no secret to probe the process.
    if (request.path != "/health") {
        if (const std::optional<ApiError> denied = checkAccessToken(request, environment.guard)) {
            qCWarning(lcApi).noquote() << "rejected" << request.method << request.path << "from"
                                       << request.peerAddress.toString() << ":" << denied->message;
            replyWithError(exchange, *denied,
                           {{QByteArrayLiteral("WWW-Authenticate"),
                             QByteArrayLiteral("Bearer realm=\"signalbox\"")}});
            return;
        }
    }

    if (isGet && request.path == "/health") {
        handleHealth(exchange);
    } else if (environment.paused && request.path.startsWith("/v1/")) {
        replyWithError(exchange, {503, QStringLiteral("service_unavailable"), QString(),
                                  QStringLiteral("routing is paused in the Signalbox console; "
                                                 "resume it to serve requests"),
                                  QString()});
    } else if (isPost && request.path == "/v1/chat/completions") {
        auto *run = new ChatCompletionRun(environment, exchange);
        run->start();
    } else if (isGet && request.path == "/v1/models") {
        handleModels(environment, exchange);
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
