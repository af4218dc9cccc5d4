// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Runs the OpenAI wire translation on arbitrary bytes: the request rewrite, the scan for usage
// without a full parse, and the reading of usage and of error bodies in every shape that
// providers send.
#include "providers/jsonscan.h"
#include "providers/openaiwire.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

using namespace signalbox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    const bool stream = (data[0] & 1) != 0;
    const int status = 200 + data[0] * 2; // 200 to 710, every class of status
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    // A body that rewrites must still be a JSON object naming the upstream model.
    const Result<QByteArray> rewritten =
        openaiwire::rewriteRequestBody(body, QStringLiteral("upstream-model"), stream);
    if (rewritten.ok()) {
        const QJsonObject object = QJsonDocument::fromJson(rewritten.value()).object();
        if (object.value(QLatin1String("model")).toString() != QLatin1String("upstream-model"))
            std::abort();
    }

    // Whatever the scan accepts must parse as an object, so a body that skips the full parse is
    // one the full parse would have accepted, and the scanned usage must equal the parsed one.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    if (jsonscan::scanObject(body, {"usage"}) &&
        (parseError.error != QJsonParseError::NoError || !document.isObject()))
        std::abort();
    if (const std::optional<ScannedResponse> scanned = openaiwire::scanResponseBody(body)) {
        const std::optional<Usage> parsed = openaiwire::parseUsage(object);
        if (openaiwire::hasError(object) || scanned->usage.has_value() != parsed.has_value())
            std::abort();
        const std::optional<Usage> &usage = scanned->usage;
        if (parsed && (parsed->inputTokens != usage->inputTokens ||
                       parsed->outputTokens != usage->outputTokens ||
                       parsed->cachedTokens != usage->cachedTokens ||
                       parsed->cacheWriteTokens != usage->cacheWriteTokens ||
                       parsed->reasoningTokens != usage->reasoningTokens))
            std::abort();
    }
    (void)openaiwire::mayCarryUsage(body);
    (void)openaiwire::parseUsage(object);
    (void)openaiwire::isUsageOnlyChunk(object);
    if (openaiwire::hasError(object)) {
        const UpstreamError error = openaiwire::errorFromObject(object, QStringLiteral("fuzz"));
        if (!error.isError())
            std::abort();
    }

    // The secret must never survive redaction, whatever the upstream echoed around it.
    const QString secret = QStringLiteral("sk-fuzz-secret");
    UpstreamError error = openaiwire::errorFromBody(status, body, QStringLiteral("fuzz"));
    const QString redacted = openaiwire::redact(error.message + secret, secret);
    if (redacted.contains(secret))
        std::abort();
    return 0;
}
