// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/requestbody.h"

#include "config/configreader.h"
#include "providers/jsonscan.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>

namespace signalbox {

namespace {

// The largest output limit accepted: the largest 32-bit signed integer, far above any model's
// output.
constexpr qint64 kMaxOutputLimit = 2147483647;

ApiError invalidJson(const QString &detail, const QString &kind) {
    return ApiError::badRequest(
        QStringLiteral("invalid JSON body: %1; send a %2 request object").arg(detail, kind));
}

// Returns the 400 for an output limit that is neither null nor a whole number of at least 1. The
// gates reserve a limit as given, so one the provider reads differently would escape them.
std::optional<ApiError> checkOutputLimit(const QJsonValue &value, QLatin1String field) {
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    const double number = value.toDouble();
    const bool whole = value.isDouble() && number >= 1 && number <= double(kMaxOutputLimit) &&
                       number == std::floor(number);
    if (whole)
        return std::nullopt;
    QString got = jsonTypeName(value.type());
    if (value.isDouble())
        got = QString::number(number, 'g', 17);
    else if (value.isString())
        got = QStringLiteral("the string \"%1\"").arg(value.toString().left(40));
    return ApiError::badRequest(
        QStringLiteral("\"%1\" must be a whole number from 1 to %2, or null for no limit; got %3")
            .arg(field)
            .arg(kMaxOutputLimit)
            .arg(got),
        field);
}

} // namespace

std::variant<QJsonObject, ApiError> parseRequestBody(const QByteArray &body, const QString &kind) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalidJson(
            QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset),
            kind);
    }
    if (!document.isObject())
        return invalidJson(QStringLiteral("the body is not a JSON object"), kind);
    if (const std::optional<qsizetype> offset = jsonscan::findRawControlCharacter(body)) {
        return invalidJson(QStringLiteral("unescaped control character 0x%1 in a string at offset "
                                          "%2; escape it, e.g. as \\u%3")
                               .arg(uchar(body.at(*offset)), 2, 16, QLatin1Char('0'))
                               .arg(*offset)
                               .arg(uchar(body.at(*offset)), 4, 16, QLatin1Char('0')),
                           kind);
    }
    return document.object();
}

std::optional<ApiError> checkMemberTypes(const QJsonObject &body) {
    const QJsonValue model = body.value(QLatin1String("model"));
    if (!model.isUndefined() && !model.isString()) {
        return ApiError::badRequest(
            QStringLiteral("\"model\" must be a string such as \"auto\" or a model id; got %1")
                .arg(jsonTypeName(model.type())),
            QStringLiteral("model"));
    }

    // A string such as "yes" would otherwise reach the provider unchanged, while the router
    // reads it as false and expects a whole response.
    const QJsonValue stream = body.value(QLatin1String("stream"));
    if (!stream.isUndefined() && !stream.isNull() && !stream.isBool()) {
        return ApiError::badRequest(QStringLiteral("\"stream\" must be true or false; got %1")
                                        .arg(jsonTypeName(stream.type())),
                                    QStringLiteral("stream"));
    }
    for (const QLatin1String field :
         {QLatin1String("max_tokens"), QLatin1String("max_completion_tokens")}) {
        if (std::optional<ApiError> error = checkOutputLimit(body.value(field), field))
            return error;
    }
    return std::nullopt;
}

} // namespace signalbox
