// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/openaiwire.h"

#include "providers/jsonscan.h"
#include "providers/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <QVarLengthArray>

#include <algorithm>
#include <cctype>

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

// Returns the JSON string for the text, without QJsonDocument for the usual plain ASCII id.
QByteArray jsonString(const QString &text) {
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    if (!plain)
        return compactJson(text);
    QByteArray json;
    json.reserve(text.size() + 2);
    json.append('"').append(text.toLatin1()).append('"');
    return json;
}

// Returns the values of the keys in the JSON object, with an empty view for a missing key and
// for every key when the text is not an object. Returns nothing when the scan cannot decide.
std::optional<QVarLengthArray<QByteArrayView, 5>>
scanMembers(QByteArrayView json, std::initializer_list<QByteArrayView> keys) {
    // Filled one by one, because the sized constructor leaves primitive types uninitialized.
    QVarLengthArray<QByteArrayView, 5> values;
    for (qsizetype i = 0; i < qsizetype(keys.size()); ++i)
        values.append(QByteArrayView());
    if (!json.startsWith('{'))
        return values;
    const std::optional<jsonscan::ObjectScan> scan = jsonscan::scanObject(json, keys);
    if (!scan)
        return std::nullopt;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (scan->values[i].found())
            values[i] = scan->values[i].in(json);
    }
    return values;
}

// Reads a member's value as QJsonValue::toInteger() does: 0 for a missing value or one that is
// not a number. Returns nothing for a number with a fraction or an exponent, or one out of the
// qint64 range, so that the full parse reads it.
std::optional<qint64> scannedInteger(QByteArrayView value) {
    if (value.isEmpty() || (value.front() != '-' && !std::isdigit(uchar(value.front()))))
        return 0;
    bool ok = false;
    const qint64 number = QByteArray::fromRawData(value.data(), value.size()).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return number;
}

// Reads the counts of a usage object as parseUsage() does, from the bytes of the object alone.
std::optional<Usage> scanUsageObject(QByteArrayView usage) {
    const auto members =
        scanMembers(usage, {"prompt_tokens", "completion_tokens", "prompt_tokens_details",
                            "completion_tokens_details", "prompt_cache_hit_tokens"});
    if (!members)
        return std::nullopt;
    const auto prompt = scanMembers((*members)[2], {"cache_write_tokens", "cached_tokens"});
    const auto completion = scanMembers((*members)[3], {"reasoning_tokens"});
    if (!prompt || !completion)
        return std::nullopt;

    // DeepSeek reports cache reads as prompt_cache_hit_tokens instead of the details object.
    const QByteArrayView cached = (*prompt)[1];
    const bool cachedIsNumber =
        !cached.isEmpty() && (cached.front() == '-' || std::isdigit(uchar(cached.front())));
    const std::optional<qint64> counts[] = {
        scannedInteger((*members)[0]), scannedInteger((*members)[1]),
        scannedInteger((*completion)[0]), scannedInteger((*prompt)[0]),
        scannedInteger(cachedIsNumber ? cached : (*members)[4])};
    if (std::any_of(std::begin(counts), std::end(counts), [](auto n) { return !n; }))
        return std::nullopt;

    Usage result;
    result.inputTokens = *counts[0];
    result.outputTokens = *counts[1];
    result.reasoningTokens = *counts[2];
    result.cacheWriteTokens = *counts[3];
    result.cachedTokens = *counts[4];
    return result;
}

QLatin1String limitField(OutputLimit limit) {
    return limit.maxCompletionTokens ? QLatin1String("max_completion_tokens")
                                     : QLatin1String("max_tokens");
}

} // namespace

Result<QByteArray> rewriteRequestBody(const QByteArray &clientBody, const QString &upstreamModel,
                                      bool stream, OutputLimit limit) {
    if (std::optional<QByteArray> spliced =
            spliceRequestModel(clientBody, upstreamModel, stream, limit))
        return std::move(*spliced);

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
    if (limit.tokens > 0) {
        // Only a null leaves the request without a limit of its own.
        body.remove(QLatin1String("max_tokens"));
        body.remove(QLatin1String("max_completion_tokens"));
        body.insert(limitField(limit), limit.tokens);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

std::optional<QByteArray> spliceRequestModel(QByteArrayView clientBody,
                                             const QString &upstreamModel, bool stream,
                                             OutputLimit limit) {
    const std::optional<jsonscan::ObjectScan> scan = jsonscan::scanObject(
        clientBody, {"model", "stream_options", "max_tokens", "max_completion_tokens"});
    if (!scan)
        return std::nullopt;
    const jsonscan::ValueSpan model = scan->values[0];
    // A missing model, stream_options to merge include_usage into, or a limit member to replace
    // takes the slow path.
    const bool hasLimitMember = scan->values[2].found() || scan->values[3].found();
    if (!model.found() || (stream && scan->values[1].found()) ||
        (limit.tokens > 0 && hasLimitMember))
        return std::nullopt;

    const QByteArray modelJson = jsonString(upstreamModel);
    QByteArray body;
    body.reserve(clientBody.size() + modelJson.size() + 40);
    body.append(clientBody.first(model.offset));
    body.append(modelJson);
    body.append(clientBody.sliced(model.offset + model.length,
                                  scan->closingBrace - model.offset - model.length));
    if (stream)
        body.append(R"(,"stream_options":{"include_usage":true})");
    if (limit.tokens > 0) {
        body.append(",\"");
        body.append(limitField(limit).latin1());
        body.append("\":");
        body.append(QByteArray::number(limit.tokens));
    }
    body.append(clientBody.sliced(scan->closingBrace));
    return body;
}

std::optional<ScannedResponse> scanResponseBody(QByteArrayView body) {
    const std::optional<jsonscan::ObjectScan> scan =
        jsonscan::scanObject(body, {"usage", "x_groq", "error", "object"});
    if (!scan)
        return std::nullopt;
    const QByteArrayView error = scan->values[2].found() ? scan->values[2].in(body) : "null";
    const QByteArrayView object = scan->values[3].found() ? scan->values[3].in(body) : "null";
    // An error report, or an "object" string with escapes that might spell "error", is left to
    // the full parse, which reads the error's fields.
    if (error != "null" || object == R"("error")" || object.contains('\\'))
        return std::nullopt;

    QByteArrayView usage = scan->values[0].found() ? scan->values[0].in(body) : QByteArrayView();
    if (!usage.startsWith('{') && scan->values[1].found()) {
        const QByteArrayView groq = scan->values[1].in(body);
        if (!groq.startsWith('{'))
            return ScannedResponse{};
        const std::optional<jsonscan::ObjectScan> groqScan = jsonscan::scanObject(groq, {"usage"});
        if (!groqScan)
            return std::nullopt;
        usage = groqScan->values[0].found() ? groqScan->values[0].in(groq) : QByteArrayView();
    }
    if (!usage.startsWith('{'))
        return ScannedResponse{};
    const std::optional<Usage> counts = scanUsageObject(usage);
    if (!counts)
        return std::nullopt;
    return ScannedResponse{counts};
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
    if (secret.isEmpty())
        return text;
    text.replace(secret, QStringLiteral("<redacted>"));

    // Error messages have their whitespace collapsed, and so has a key with a tab or two spaces
    // inside when a provider quotes it.
    const QString collapsed = secret.simplified();
    if (collapsed != secret && !collapsed.isEmpty())
        text.replace(collapsed, QStringLiteral("<redacted>"));
    return text;
}

} // namespace signalbox::openaiwire
