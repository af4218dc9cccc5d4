// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "apierror.h"

#include "http/httpexchange.h"

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

void replyWithJson(HttpExchange *exchange, int status, const QByteArray &json, HeaderList headers) {
    headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    exchange->respond(status, headers, json);
}

void replyWithError(HttpExchange *exchange, const ApiError &error, HeaderList headers) {
    replyWithJson(exchange, error.httpStatus, openAiErrorBody(error), std::move(headers));
}

} // namespace signalbox
