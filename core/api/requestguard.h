// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include "api/apierror.h"

#include <QByteArrayView>
#include <QHostAddress>
#include <QStringList>

#include <optional>

namespace signalbox {

struct HttpRequest;

// What the endpoint accepts from browsers and names: the address it listens on and the web
// origins the user allowed.
struct RequestGuardPolicy {
    QHostAddress listenAddress;
    QString listenHost; // as configured, e.g. "127.0.0.1" or "myhost.lan"
    QStringList allowedOrigins;
    QByteArray accessToken; // empty: no token is required, unless accessTokenUnavailable is set
    // Set while the config requires a token but none is available: the keychain read has not
    // finished, or neither the keychain nor SIGNALBOX_ACCESS_TOKEN contains one. It is the message
    // of the 503 that every request then gets, because passing requests unchecked would open the
    // endpoint.
    QString accessTokenUnavailable;
};

// Returns the 403 to send when a request must not be served, or nothing when it may be.
//
// A web page can make the browser send requests to 127.0.0.1 (CSRF), or rebind its own DNS name
// to 127.0.0.1 and then read the answers (DNS rebinding). Both carry a Host or Origin that is not
// the local endpoint's, so the Host must be a loopback name or the listen address, and an Origin,
// when present, must be one the user allowed. Clients that are not browsers send no Origin.
std::optional<ApiError> checkRequestOrigin(const HttpRequest &request,
                                           const RequestGuardPolicy &policy);

// Returns the 401 to send when the policy has an access token and the request does not carry it
// as "Authorization: Bearer TOKEN" or "x-api-key: TOKEN", or nothing when it may be served. While
// the policy requires a token that is not available, it returns a 503 for every request. The
// comparison takes the same time wherever the tokens differ, so timing does not reveal a prefix.
std::optional<ApiError> checkAccessToken(const HttpRequest &request,
                                         const RequestGuardPolicy &policy);

// Returns true when both arrays are equal, in a time that depends only on their lengths.
bool equalInConstantTime(QByteArrayView left, QByteArrayView right);

// Returns the host part of a Host header value: "[::1]:8765" gives "::1", "localhost:8765"
// gives "localhost".
QString hostWithoutPort(QByteArrayView hostHeader);

} // namespace signalbox
