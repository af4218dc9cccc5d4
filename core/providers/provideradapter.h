// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "providers/streamcodec.h"
#include "providers/upstreamcall.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUrl>

#include <memory>
#include <optional>

namespace signalbox {

// One HTTP request to an upstream, ready to send.
struct PreparedCall {
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type and Accept
    QByteArray body;
};

// What one provider kind contributes to an upstream call: its URL, headers and body, and how to
// read its errors, bodies and stream events. The HTTP exchange, the timeouts and the translation
// to the client's format are the same for all kinds (see ProviderCall).
class ProviderAdapter {
public:
    virtual ~ProviderAdapter() = default;

    virtual WireFormat wireFormat() const = 0;

    // Builds the HTTP request. When the client speaks this provider's format the client's body is
    // sent with only the model changed; otherwise the canonical request is translated.
    virtual Result<PreparedCall> prepare(const UpstreamRequest &request) const = 0;

    // Reads the error of a reply with an HTTP error status.
    virtual UpstreamError errorFromBody(int httpStatus, QByteArrayView body,
                                        const QString &providerId) const = 0;

    // Returns the error that a 200 body reports instead of an answer, if any.
    virtual std::optional<UpstreamError> errorInBody(const QJsonObject &body,
                                                     const QString &providerId) const = 0;

    virtual std::unique_ptr<StreamDecoder> createStreamDecoder(const QString &providerId) const = 0;

    // True when a stream is complete only with the format's end marker (Anthropic's
    // message_stop), so a stream that stops without it broke off.
    virtual bool streamNeedsEndMarker() const = 0;

    virtual ChatResponse decodeResponse(const QJsonObject &body) const = 0;

    // Reads the usage of a 2xx non-stream body that goes to the client unchanged, without
    // building its tree. Returns nothing when the caller must parse the body: the format has no
    // scanner, the body reports an error, or the scan cannot decide.
    virtual std::optional<ScannedResponse> scanPassedOnResponse(QByteArrayView body) const {
        Q_UNUSED(body);
        return std::nullopt;
    }

    // Returns true for a response header to keep in the result (lower-case names).
    virtual bool isPassedOnHeader(const QByteArray &name) const = 0;
};

// Returns the base URL without trailing slashes and surrounding space.
QString trimmedBaseUrl(const QString &baseUrl);

} // namespace signalbox
