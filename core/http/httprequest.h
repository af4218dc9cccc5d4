// SPDX-License-Identifier: MIT
// Copyright (c) 2026 The Signalbox authors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace signalbox {

// One parsed HTTP request: the request line, the headers as sent and the decoded body.
struct HttpRequest {
    QByteArray method;
    QByteArray target; // path and query exactly as sent in the request line
    QByteArray path;
    QByteArray query; // without the leading '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body; // chunked request bodies arrive here already decoded
    int httpMajor = 1;
    int httpMinor = 1;
    bool keepAlive = true;
    QHostAddress peerAddress;

    // Returns the value of the first header named `name`, compared case-insensitively, or an
    // empty array when there is none.
    QByteArray header(QByteArrayView name) const;
};

} // namespace signalbox
