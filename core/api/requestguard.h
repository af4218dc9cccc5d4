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
};

// Returns the 403 to send when a request must not be served, or nothing when it may be.
//
// A web page can make the browser send requests to 127.0.0.1 (CSRF), or rebind its own DNS name
// to 127.0.0.1 and then read the answers (DNS rebinding). Both carry a Host or Origin that is not
// the local endpoint's, so the Host must be a loopback name or the listen address, and an Origin,
// when present, must be one the user allowed. Clients that are not browsers send no Origin.
std::optional<ApiError> checkRequestOrigin(const HttpRequest &request,
                                           const RequestGuardPolicy &policy);

// Returns the host part of a Host header value: "[::1]:8765" gives "::1", "localhost:8765"
// gives "localhost".
QString hostWithoutPort(QByteArrayView hostHeader);

} // namespace signalbox
