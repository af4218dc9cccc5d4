// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/anthropicprovider.h"

#include "providers/anthropiccodec.h"
#include "providers/anthropicstream.h"
#include "providers/openaiwire.h"

#include <QJsonDocument>

namespace signalbox {

namespace {

constexpr qint64 kDefaultMaxTokens = 4096;

QUrl messagesUrl(const QString &baseUrl) {
    // The documented base URL has no /v1, but one copied from an SDK setting may.
    const QString base = trimmedBaseUrl(baseUrl);
    const QString path = base.endsWith(QLatin1String("/v1")) ? QStringLiteral("/messages")
                                                             : QStringLiteral("/v1/messages");
    return QUrl(base + path, QUrl::StrictMode);
}

Result<QByteArray> requestBody(const UpstreamRequest &request) {
    if (request.clientFormat == WireFormat::AnthropicMessages) {
        QJsonParseError parseError;
        QJsonObject body = QJsonDocument::fromJson(request.body, &parseError).object();
        if (parseError.error != QJsonParseError::NoError)
            return Error{QStringLiteral("the Messages request body is not a JSON object (%1)")
                             .arg(parseError.errorString())};
        body.insert(QLatin1String("model"), request.model.upstreamId);
        body.insert(QLatin1String("stream"), request.stream);
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    ChatRequest chat = request.chat;
    chat.stream = request.stream;
    Result<QJsonObject> body = anthropiccodec::encodeRequest(
        chat, request.model.upstreamId, defaultAnthropicMaxTokens(request.model));
    if (!body)
        return Error{body.error()};
    return QJsonDocument(body.value()).toJson(QJsonDocument::Compact);
}

} // namespace

qint64 defaultAnthropicMaxTokens(const ModelConfig &model) {
    if (model.maxOutputTokens > 0)
        return std::min(model.maxOutputTokens, kDefaultMaxTokens);
    return kDefaultMaxTokens;
}

Result<PreparedCall> AnthropicAdapter::prepare(const UpstreamRequest &request) const {
    Result<QByteArray> body = requestBody(request);
    if (!body)
        return Error{body.error()};
    PreparedCall call;
    call.url = messagesUrl(request.provider.baseUrl);
    call.body = body.value();
    call.headers.append(
        {QByteArrayLiteral("anthropic-version"), QByteArray(anthropiccodec::kApiVersion)});
    if (!request.apiKey.isEmpty())
        call.headers.append({QByteArrayLiteral("x-api-key"), request.apiKey.toUtf8()});
    if (request.clientFormat == WireFormat::AnthropicMessages && !request.anthropicBeta.isEmpty())
        call.headers.append({QByteArrayLiteral("anthropic-beta"), request.anthropicBeta});
    return call;
}

UpstreamError AnthropicAdapter::errorFromBody(int httpStatus, QByteArrayView body,
                                              const QString &providerId) const {
    // The envelope {"type":"error","error":{"type","message"}} reads like OpenAI's.
    return openaiwire::errorFromBody(httpStatus, body, providerId);
}

std::optional<UpstreamError> AnthropicAdapter::errorInBody(const QJsonObject &body,
                                                           const QString &providerId) const {
    if (body.value(QLatin1String("type")).toString() != QLatin1String("error"))
        return std::nullopt;
    UpstreamError error = openaiwire::errorFromObject(body, providerId);
    error.httpStatus = anthropicErrorStatus(error.type);
    return error;
}

std::unique_ptr<StreamDecoder>
AnthropicAdapter::createStreamDecoder(const QString &providerId) const {
    return std::make_unique<AnthropicStreamDecoder>(providerId);
}

ChatResponse AnthropicAdapter::decodeResponse(const QJsonObject &body) const {
    return anthropiccodec::decodeResponse(body);
}

bool AnthropicAdapter::isPassedOnHeader(const QByteArray &name) const {
    return name == "request-id" || name == "retry-after" || name.startsWith("anthropic-ratelimit-");
}

} // namespace signalbox
