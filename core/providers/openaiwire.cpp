// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaiwire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace signalbox::openaiwire {

namespace {

// Upstream error messages and bodies are cut to this many characters before they reach logs
// and clients.
constexpr qsizetype kMaxMessageChars = 400;

QString truncated(QString text) {
    text = text.simplified();
    if (text.size() > kMaxMessageChars)
        text = text.first(kMaxMessageChars) + QStringLiteral("…");
    return text;
}

QString jsonScalarText(const QJsonValue &value) {
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

// Fills type, code and message from an error object of any of the known shapes.
void readErrorFields(const QJsonObject &object, UpstreamError &error) {
    const QJsonValue inner = object.value(QLatin1String("error"));
    QJsonObject fields = object; // Mistral's flat shape
    if (inner.isObject())
        fields = inner.toObject();

    if (inner.isString()) {
        error.message = inner.toString();
        return;
    }
    error.type = jsonScalarText(fields.value(QLatin1String("type")));
    error.code = jsonScalarText(fields.value(QLatin1String("code")));
    error.message = jsonScalarText(fields.value(QLatin1String("message")));
}

QString describe(const QString &providerId, int httpStatus, const QString &detail) {
    return QStringLiteral("upstream provider \"%1\" returned HTTP %2: %3")
        .arg(providerId)
        .arg(httpStatus)
        .arg(detail.isEmpty() ? QStringLiteral("(no message)") : truncated(detail));
}

} // namespace

Result<QByteArray> rewriteRequestBody(const QByteArray &clientBody, const QString &upstreamModel,
                                      bool stream) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(clientBody, &parseError);
    if (!document.isObject())
        return Error{QStringLiteral("the chat request body is not a JSON object (%1 at offset %2)")
                         .arg(parseError.errorString())
                         .arg(parseError.offset)};

    QJsonObject body = document.object();
    body.insert(QLatin1String("model"), upstreamModel);

    if (stream) {
        QJsonObject options = body.value(QLatin1String("stream_options")).toObject();
        options.insert(QLatin1String("include_usage"), true);
        body.insert(QLatin1String("stream_options"), options);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

bool mayCarryUsage(QByteArrayView chunk) {
    return chunk.contains("\"usage\":{") || chunk.contains("\"usage\": {") ||
           chunk.contains("\"x_groq\"");
}

std::optional<Usage> parseUsage(const QJsonObject &object) {
    QJsonValue value = object.value(QLatin1String("usage"));
    if (!value.isObject())
        value = object.value(QLatin1String("x_groq")).toObject().value(QLatin1String("usage"));
    if (!value.isObject())
        return std::nullopt;

    const QJsonObject usage = value.toObject();
    const QJsonObject promptDetails =
        usage.value(QLatin1String("prompt_tokens_details")).toObject();
    const QJsonObject completionDetails =
        usage.value(QLatin1String("completion_tokens_details")).toObject();

    Usage result;
    result.inputTokens = usage.value(QLatin1String("prompt_tokens")).toInteger();
    result.outputTokens = usage.value(QLatin1String("completion_tokens")).toInteger();
    result.reasoningTokens = completionDetails.value(QLatin1String("reasoning_tokens")).toInteger();
    result.cacheWriteTokens = promptDetails.value(QLatin1String("cache_write_tokens")).toInteger();

    // DeepSeek reports cache reads as prompt_cache_hit_tokens instead of the details object.
    const QJsonValue cached = promptDetails.value(QLatin1String("cached_tokens"));
    if (cached.isDouble())
        result.cachedTokens = cached.toInteger();
    else
        result.cachedTokens = usage.value(QLatin1String("prompt_cache_hit_tokens")).toInteger();
    return result;
}

bool isUsageOnlyChunk(const QJsonObject &chunk) {
    const QJsonValue choices = chunk.value(QLatin1String("choices"));
    if (choices.isArray())
        return choices.toArray().isEmpty();
    return choices.isNull() || choices.isUndefined();
}

bool hasError(const QJsonObject &object) {
    const QJsonValue error = object.value(QLatin1String("error"));
    if (!error.isUndefined() && !error.isNull())
        return true;
    return object.value(QLatin1String("object")).toString() == QLatin1String("error");
}

UpstreamError errorFromBody(int httpStatus, QByteArrayView body, const QString &providerId) {
    UpstreamError error;
    error.kind = UpstreamError::Kind::Http;
    error.httpStatus = httpStatus;

    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray());
    if (document.isObject()) {
        readErrorFields(document.object(), error);
        error.message = describe(providerId, httpStatus, error.message);
        return error;
    }

    const QString text = QString::fromUtf8(body);
    error.message =
        describe(providerId, httpStatus,
                 text.trimmed().isEmpty() ? QString() : QStringLiteral("non-JSON body: ") + text);
    return error;
}

UpstreamError errorFromObject(const QJsonObject &object, const QString &providerId) {
    UpstreamError error;
    error.kind = UpstreamError::Kind::Http;
    readErrorFields(object, error);

    const int code = error.code.toInt();
    error.httpStatus = code >= 400 && code <= 599 ? code : 502;
    error.message =
        QStringLiteral("upstream provider \"%1\" reported an error in a 200 response: %2")
            .arg(providerId, truncated(error.message));
    return error;
}

QString redact(QString text, const QString &secret) {
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("<redacted>"));
    return text;
}

} // namespace signalbox::openaiwire
