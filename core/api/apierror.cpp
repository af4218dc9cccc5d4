// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apierror.h"

#include "http/httpexchange.h"
#include "http/ssewriter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace signalbox {

ApiError ApiError::badRequest(const QString &message, const QString &param) {
    return {400, QStringLiteral("invalid_request_error"), QString(), message, param};
}

QByteArray openAiErrorBody(const ApiError &error) {
    QJsonObject inner;
    inner.insert(QLatin1String("message"), error.message);
    inner.insert(QLatin1String("type"), error.type);
    inner.insert(QLatin1String("param"),
                 error.param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.param));
    inner.insert(QLatin1String("code"),
                 error.code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.code));
    QJsonObject outer;
    outer.insert(QLatin1String("error"), inner);
    return QJsonDocument(outer).toJson(QJsonDocument::Compact);
}

QString anthropicErrorType(const ApiError &error) {
    // Statuses with a type of their own take it, so every client sees the same type for them.
    switch (error.httpStatus) {
    case 401:
        return QStringLiteral("authentication_error");
    case 402:
        return QStringLiteral("billing_error");
    case 403:
        return QStringLiteral("permission_error");
    case 404:
        return QStringLiteral("not_found_error");
    case 413:
        return QStringLiteral("request_too_large");
    case 429:
        return QStringLiteral("rate_limit_error");
    case 504:
        return QStringLiteral("timeout_error");
    case 529:
        return QStringLiteral("overloaded_error");
    default:
        break;
    }

    static const QStringList anthropicTypes{
        QStringLiteral("invalid_request_error"), QStringLiteral("authentication_error"),
        QStringLiteral("billing_error"),         QStringLiteral("permission_error"),
        QStringLiteral("not_found_error"),       QStringLiteral("request_too_large"),
        QStringLiteral("rate_limit_error"),      QStringLiteral("api_error"),
        QStringLiteral("timeout_error"),         QStringLiteral("overloaded_error")};
    if (anthropicTypes.contains(error.type))
        return error.type;
    // Anthropic uses invalid_request_error for the 4xx statuses it names no type for.
    if (error.httpStatus >= 400 && error.httpStatus < 500)
        return QStringLiteral("invalid_request_error");
    return QStringLiteral("api_error");
}

QByteArray anthropicErrorBody(const ApiError &error) {
    QJsonObject inner;
    inner.insert(QLatin1String("type"), anthropicErrorType(error));
    inner.insert(QLatin1String("message"), error.message);
    QJsonObject outer;
    outer.insert(QLatin1String("type"), QLatin1String("error"));
    outer.insert(QLatin1String("error"), inner);
    return QJsonDocument(outer).toJson(QJsonDocument::Compact);
}

QByteArray errorBody(WireFormat format, const ApiError &error) {
    if (format == WireFormat::AnthropicMessages)
        return anthropicErrorBody(error);
    return openAiErrorBody(error);
}

QByteArray errorStreamEvent(WireFormat format, const ApiError &error) {
    if (format == WireFormat::AnthropicMessages)
        return sseEvent(anthropicErrorBody(error), QByteArrayLiteral("error"));
    return sseEvent(openAiErrorBody(error));
}

void replyWithJson(HttpExchange *exchange, int status, const QByteArray &json, HeaderList headers) {
    headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    exchange->respond(status, headers, json);
}

void replyWithError(HttpExchange *exchange, const ApiError &error, HeaderList headers,
                    WireFormat format) {
    replyWithJson(exchange, error.httpStatus, errorBody(format, error), std::move(headers));
}

} // namespace signalbox
