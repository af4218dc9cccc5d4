// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "providers/upstreamcall.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace signalbox {

namespace {

// The largest retry delay reported, in seconds. The cap keeps the conversion of a huge value to
// an integer defined.
constexpr double kMaxRetryAfterSeconds = std::numeric_limits<int>::max();

} // namespace

QByteArray wholeRetrySeconds(double seconds) {
    return QByteArray::number(
        static_cast<qint64>(std::ceil(std::min(seconds, kMaxRetryAfterSeconds))));
}

bool UpstreamError::retryable() const {
    switch (kind) {
    case Kind::Connect:
    case Kind::Timeout:
        return true;
    case Kind::Http:
        if (shouldRetry)
            return *shouldRetry;
        // The statuses openai-python retries (_should_retry in src/openai/_base_client.py),
        // which reads a 409 as a lock timeout.
        return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 ||
               (httpStatus >= 500 && httpStatus <= 599);
    case Kind::None:
    case Kind::Protocol:
    case Kind::Cancelled:
        return false;
    }
    return false;
}

QString upstreamErrorKindName(UpstreamError::Kind kind) {
    switch (kind) {
    case UpstreamError::Kind::None:
        return QStringLiteral("none");
    case UpstreamError::Kind::Connect:
        return QStringLiteral("connect");
    case UpstreamError::Kind::Timeout:
        return QStringLiteral("timeout");
    case UpstreamError::Kind::Http:
        return QStringLiteral("http");
    case UpstreamError::Kind::Protocol:
        return QStringLiteral("protocol");
    case UpstreamError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace signalbox
