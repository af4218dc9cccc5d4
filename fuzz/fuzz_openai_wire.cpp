// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
//
// Runs the OpenAI wire translation on arbitrary bytes: the request rewrite, and the reading of
// usage and of error bodies in every shape that providers send.
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

    const QJsonObject object = QJsonDocument::fromJson(body).object();
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
