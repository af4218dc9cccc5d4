// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#include "api/requestguard.h"

#include "clienttext.h"
#include "http/httprequest.h"

namespace signalbox {

namespace {

bool isLoopbackName(const QString &host) {
    // Nearly every request names one of these, and parsing them as addresses costs more than the
    // rest of the check.
    if (host == QLatin1String("127.0.0.1") || host == QLatin1String("::1"))
        return true;
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
        host.endsWith(QLatin1String(".localhost"), Qt::CaseInsensitive))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isWildcard(const QHostAddress &address) {
    return address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
           address == QHostAddress::Any;
}

bool hostAllowed(const QString &host, const RequestGuardPolicy &policy) {
    if (isLoopbackName(host))
        return true;
    if (!policy.listenHost.isEmpty() && host.compare(policy.listenHost, Qt::CaseInsensitive) == 0)
        return true;

    // Bound to every interface, the endpoint is reached by the machine's addresses, which the
    // config does not list; an address literal cannot be rebound, a name can.
    const QHostAddress address(host);
    return isWildcard(policy.listenAddress) && !address.isNull();
}

ApiError forbidden(const QString &message) {
    return {403, QStringLiteral("permission_error"), QStringLiteral("forbidden_origin"), message,
            QString()};
}

} // namespace

bool equalInConstantTime(QByteArrayView left, QByteArrayView right) {
    unsigned difference = left.size() == right.size() ? 0u : 1u;
    const qsizetype length = qMax(left.size(), right.size());
    for (qsizetype i = 0; i < length; ++i) {
        const uchar a = i < left.size() ? uchar(left[i]) : 0;
        const uchar b = i < right.size() ? uchar(right[i]) : 0;
        difference |= unsigned(a ^ b);
    }
    return difference == 0;
}

std::optional<ApiError> checkAccessToken(const HttpRequest &request,
                                         const RequestGuardPolicy &policy) {
    if (!policy.accessTokenUnavailable.isEmpty()) {
        return ApiError{503, QStringLiteral("service_unavailable"),
                        QStringLiteral("access_token_unavailable"), policy.accessTokenUnavailable,
                        QString()};
    }
    if (policy.accessToken.isEmpty())
        return std::nullopt;

    QByteArray presented = request.header("x-api-key").trimmed();
    const QByteArray authorization = request.header("Authorization").trimmed();
    constexpr QByteArrayView bearer = "Bearer ";
    if (presented.isEmpty() && QByteArrayView(authorization)
                                       .first(qMin(authorization.size(), bearer.size()))
                                       .compare(bearer, Qt::CaseInsensitive) == 0) {
        presented = authorization.sliced(bearer.size()).trimmed();
    }

    if (!presented.isEmpty() && equalInConstantTime(presented, policy.accessToken))
        return std::nullopt;
    const QString message =
        presented.isEmpty()
            ? QStringLiteral("missing access token; send it as 'Authorization: Bearer TOKEN' or "
                             "'x-api-key: TOKEN' (the token in SIGNALBOX_ACCESS_TOKEN, or the "
                             "one stored with the console's Settings page)")
            : QStringLiteral("invalid access token in 'Authorization: Bearer' or 'x-api-key'; "
                             "send the token in SIGNALBOX_ACCESS_TOKEN, or the one stored with "
                             "the console's Settings page, as the client's API key");
    return ApiError{401, QStringLiteral("invalid_request_error"), QStringLiteral("invalid_api_key"),
                    message, QString()};
}

QString hostWithoutPort(QByteArrayView hostHeader) {
    const QString value = QString::fromLatin1(hostHeader.data(), hostHeader.size()).trimmed();
    if (value.startsWith(QLatin1Char('['))) {
        const qsizetype close = value.indexOf(QLatin1Char(']'));
        return close > 0 ? value.mid(1, close - 1) : value;
    }
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    // More than one colon without brackets is a bare IPv6 address, not host:port.
    if (colon < 0 || value.indexOf(QLatin1Char(':')) != colon)
        return value;
    return value.left(colon);
}

std::optional<ApiError> checkRequestOrigin(const HttpRequest &request,
                                           const RequestGuardPolicy &policy) {
    const QByteArray hostHeader = request.header("Host");
    if (!hostHeader.isEmpty()) {
        const QString host = hostWithoutPort(hostHeader);
        if (!hostAllowed(host, policy)) {
            return forbidden(QStringLiteral("Host '%1' is not this endpoint; use "
                                            "http://127.0.0.1 or localhost, or the address in "
                                            "server.listen")
                                 .arg(clippedClientValue(host)));
        }
    }

    const QByteArray originHeader = request.header("Origin");
    if (originHeader.isEmpty())
        return std::nullopt;
    const QString origin = QString::fromLatin1(originHeader).trimmed();
    for (const QString &allowed : policy.allowedOrigins) {
        if (allowed == QLatin1String("*") || allowed.compare(origin, Qt::CaseInsensitive) == 0)
            return std::nullopt;
    }
    return forbidden(QStringLiteral("requests from the web origin '%1' are not allowed; add it to "
                                    "server.allowed_origins in the config to allow them")
                         .arg(clippedClientValue(origin)));
}

} // namespace signalbox
